/* bench-ref - the SQLite ceilings the benchmark compares the desk with,
 * measured on the same file in the same run. This is the one program of
 * the project that speaks SQL outside src/store: on purpose, it measures
 * SQLite alone, without the store.
 *
 *   bench-ref insert DB CSV   a plain prepared-statement INSERT of the rows of
 *                             CSV as store_intro_add would write them (names
 *                             resolved, pod and owner derived, ids drawn)
 *                             into the same schema, in one transaction; only
 *                             the inserts and the commit are timed
 *   bench-ref update DB       one bare UPDATE of every scored intro to the
 *                             weights bench-measure rescore moves to, with
 *                             plain SQL arithmetic, in one transaction
 *
 * The connection is configured as the store configures its own for the
 * same job (WAL, synchronous NORMAL, foreign keys, temp store in memory,
 * the page cache the store uses for it).
 * Prints "NAME VALUE" lines as bench-measure does.
 */
#include <csv.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_NOW 1795798800LL
#define FIELDS 9

static sqlite3 *db;

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void die(const char *what)
{
	fprintf(stderr, "bench-ref: %s: %s\n", what, db ? sqlite3_errmsg(db) : "");
	exit(70);
}

static void exec(const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fprintf(stderr, "bench-ref: %s: %s\n", sql, msg ? msg : "");
		exit(70);
	}
}

/* cache_kib: the page cache the store uses for the same job */
static void open_db(const char *path, int cache_kib)
{
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		die(path);
	sqlite3_busy_timeout(db, 2000);
	exec("PRAGMA journal_mode = WAL");
	exec("PRAGMA synchronous = NORMAL");
	exec("PRAGMA foreign_keys = ON");
	{
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", cache_kib);
		exec(sql);
	}
	exec("PRAGMA temp_store = MEMORY");
}

/* ---- a small string -> string map ---- */

struct entry {
	char *key;
	char *value;
};

struct map {
	struct entry *slots;
	size_t cap, count;
};

static size_t hash(const char *s)
{
	size_t h = 1469598103934665603ULL;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

static void map_put(struct map *m, const char *key, const char *value)
{
	size_t i;
	if ((m->count + 1) * 2 > m->cap) {
		struct map bigger = { calloc(m->cap ? m->cap * 2 : 1024, sizeof(struct entry)),
				      m->cap ? m->cap * 2 : 1024, 0 };
		if (!bigger.slots)
			die("out of memory");
		for (i = 0; i < m->cap; i++)
			if (m->slots[i].key) {
				size_t j = hash(m->slots[i].key) & (bigger.cap - 1);
				while (bigger.slots[j].key)
					j = (j + 1) & (bigger.cap - 1);
				bigger.slots[j] = m->slots[i];
				bigger.count++;
			}
		free(m->slots);
		*m = bigger;
	}
	i = hash(key) & (m->cap - 1);
	while (m->slots[i].key && strcmp(m->slots[i].key, key))
		i = (i + 1) & (m->cap - 1);
	if (!m->slots[i].key) {
		m->slots[i].key = strdup(key);
		m->count++;
	}
	m->slots[i].value = strdup(value ? value : "");
}

static const char *map_get(const struct map *m, const char *key)
{
	size_t i;
	if (!m->cap)
		return NULL;
	i = hash(key) & (m->cap - 1);
	while (m->slots[i].key) {
		if (!strcmp(m->slots[i].key, key))
			return m->slots[i].value;
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s - 'A' + 'a');
}

/* key -> value for every row of a two-column query */
static void load_map(struct map *m, const char *sql)
{
	sqlite3_stmt *s;
	if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
		die(sql);
	while (sqlite3_step(s) == SQLITE_ROW) {
		char key[256];
		snprintf(key, sizeof key, "%s", (const char *)sqlite3_column_text(s, 0));
		lower(key);
		map_put(m, key, (const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_finalize(s);
}

/* ---- the rows of the CSV, resolved ---- */

struct row {
	char id[33];
	const char *partner, *account, *pod, *owner;
	long long received, acv;
	char *contact, *note, *external, *source;
};

struct reader {
	char *field[FIELDS];
	int nf;
	long rows;
	struct row *out;
	size_t cap, n;
	struct map *partners, *accounts, *pods, *owners;
};

static void on_field(void *data, size_t len, void *ctx)
{
	struct reader *r = ctx;
	if (r->nf < FIELDS) {
		r->field[r->nf] = malloc(len + 1);
		memcpy(r->field[r->nf], data, len);
		r->field[r->nf][len] = '\0';
	}
	r->nf++;
}

static long long parse_time(const char *s)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (sscanf(s, "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour,
		   &tm.tm_min, &tm.tm_sec) < 3)
		return 0;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	return (long long)timegm(&tm);
}

static long long parse_money(const char *s)
{
	long long v = 0;
	int any = 0;
	for (; *s; s++)
		if (*s >= '0' && *s <= '9') {
			v = v * 10 + (*s - '0');
			any = 1;
		}
	return any ? v : -1;
}

static void on_record(int c, void *ctx)
{
	struct reader *r = ctx;
	(void)c;
	if (r->rows++ > 0 && r->nf == FIELDS) {
		struct row *w;
		char key[256];
		const char *acct;
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 4096;
			r->out = realloc(r->out, r->cap * sizeof *r->out);
			if (!r->out)
				die("out of memory");
		}
		w = &r->out[r->n++];
		memset(w, 0, sizeof *w);
		snprintf(key, sizeof key, "%s", r->field[0]);
		lower(key);
		w->partner = map_get(r->partners, key);
		snprintf(key, sizeof key, "%s", r->field[2]);
		lower(key);
		acct = map_get(r->accounts, key);
		if (!w->partner || !acct) {
			fprintf(stderr, "bench-ref: line %ld: unknown partner or account\n", r->rows);
			exit(65);
		}
		w->account = acct;
		w->pod = map_get(r->pods, acct);
		w->owner = w->pod && *w->pod ? map_get(r->owners, w->pod) : NULL;
		w->received = parse_time(r->field[3]);
		w->acv = parse_money(r->field[4]);
		w->contact = r->field[5];
		w->note = r->field[6];
		w->external = r->field[7];
		w->source = r->field[8];
		free(r->field[0]);
		free(r->field[1]);
		free(r->field[2]);
		free(r->field[3]);
		free(r->field[4]);
	} else {
		for (int i = 0; i < r->nf && i < FIELDS; i++)
			free(r->field[i]);
	}
	r->nf = 0;
}

static void read_rows(const char *path, struct reader *r)
{
	struct csv_parser p;
	char buf[65536];
	size_t n;
	FILE *f = fopen(path, "rb");
	if (!f || csv_init(&p, CSV_STRICT) != 0)
		die(path);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		if (csv_parse(&p, buf, n, on_field, on_record, r) != n)
			die("csv");
	csv_fini(&p, on_field, on_record, r);
	csv_free(&p);
	fclose(f);
}

static void bind_or_null(sqlite3_stmt *s, int i, const char *t)
{
	if (t && *t)
		sqlite3_bind_text(s, i, t, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static int cmd_insert(const char *path, const char *csv)
{
	struct map partners = { 0 }, accounts = { 0 }, pods = { 0 }, owners = { 0 };
	struct reader r;
	sqlite3_stmt *s;
	double t0, ms;
	size_t i;

	open_db(path, getenv("BENCH_CACHE_KIB") ? atoi(getenv("BENCH_CACHE_KIB")) : 256 * 1024);
	/* what the store's import resolves per row, resolved up front */
	load_map(&partners, "SELECT name, id FROM partners");
	load_map(&accounts, "SELECT domain, id FROM accounts WHERE domain IS NOT NULL");
	load_map(&pods, "SELECT a.id, e.pod_id FROM accounts a JOIN aes e ON e.id = a.owner_ae_id"
		 " WHERE e.pod_id IS NOT NULL");
	load_map(&owners, "SELECT pod_id, id FROM specialists s WHERE pod_id IS NOT NULL"
		 " AND name = (SELECT min(name) FROM specialists t WHERE t.pod_id = s.pod_id)");
	memset(&r, 0, sizeof r);
	r.partners = &partners;
	r.accounts = &accounts;
	r.pods = &pods;
	r.owners = &owners;
	read_rows(csv, &r);
	for (i = 0; i < r.n; i++) {
		unsigned char raw[16];
		static const char hex[] = "0123456789abcdef";
		sqlite3_randomness(sizeof raw, raw);
		for (int k = 0; k < 16; k++) {
			r.out[i].id[2 * k] = hex[raw[k] >> 4];
			r.out[i].id[2 * k + 1] = hex[raw[k] & 15];
		}
		r.out[i].id[32] = '\0';
	}
	if (getenv("BENCH_DEFER_FK"))
		exec("PRAGMA defer_foreign_keys = ON");
	if (sqlite3_prepare_v2(db, getenv("BENCH_OR_FAIL") ? "INSERT OR FAIL INTO intros (id, partner_id, account_id, received_at,"
			       " contact, note, source, external_id, expected_acv, state, pod_id,"
			       " owner_id, sla_due, created_at, updated_at) VALUES (?1, ?2, ?3, ?4,"
			       " ?5, ?6, ?7, ?8, ?9, 'new', ?10, ?11, ?12, ?13, ?13)" : "INSERT INTO intros (id, partner_id, account_id, received_at,"
			       " contact, note, source, external_id, expected_acv, state, pod_id,"
			       " owner_id, sla_due, created_at, updated_at) VALUES (?1, ?2, ?3, ?4,"
			       " ?5, ?6, ?7, ?8, ?9, 'new', ?10, ?11, ?12, ?13, ?13)", -1, &s,
			       NULL) != SQLITE_OK)
		die("prepare");
	t0 = now_ms();
	exec("BEGIN IMMEDIATE");
	for (i = 0; i < r.n; i++) {
		const struct row *w = &r.out[i];
		sqlite3_bind_text(s, 1, w->id, 32, SQLITE_STATIC);
		sqlite3_bind_text(s, 2, w->partner, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 3, w->account, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 4, w->received);
		bind_or_null(s, 5, w->contact);
		bind_or_null(s, 6, w->note);
		bind_or_null(s, 7, w->source);
		bind_or_null(s, 8, w->external);
		if (w->acv < 0)
			sqlite3_bind_null(s, 9);
		else
			sqlite3_bind_int64(s, 9, w->acv);
		bind_or_null(s, 10, w->pod);
		bind_or_null(s, 11, w->owner);
		sqlite3_bind_int64(s, 12, w->received + 24 * 3600);
		sqlite3_bind_int64(s, 13, BENCH_NOW);
		if (sqlite3_step(s) != SQLITE_DONE)
			die("insert");
		sqlite3_reset(s);
	}
	printf("insert_loop_ms %.1f\n", now_ms() - t0);
	exec("COMMIT");
	ms = now_ms() - t0;
	sqlite3_finalize(s);
	printf("insert_rows %zu\ninsert_ms %.1f\ninsert_rows_per_s %.0f\n", r.n, ms,
	       (double)r.n * 1000.0 / ms);
	if (sqlite3_close(db) != SQLITE_OK)
		die("close");
	return 0;
}

/* The weights bench-measure rescore moves to, from the default
 * 25,20,20,15,10,10 (every generated intro holds points of those). */
#define RESCALE(col, from, to) \
	"min(" #to ", max(0, CAST(" col " * " #to " / " #from ".0 + 0.5 AS INTEGER)))"

static int cmd_update(const char *path)
{
	double t0, ms;
	open_db(path, 256 * 1024);   /* as store_rescore runs (JOB_CACHE_KIB) */
	t0 = now_ms();
	exec("BEGIN IMMEDIATE");
	exec("UPDATE intros SET"
	     " p_overlap = " RESCALE("p_overlap", 25, 30) ","
	     " p_budget = " RESCALE("p_budget", 20, 20) ","
	     " p_icp = " RESCALE("p_icp", 20, 15) ","
	     " p_relationship = " RESCALE("p_relationship", 15, 15) ","
	     " p_competitive = " RESCALE("p_competitive", 10, 10) ","
	     " p_size = " RESCALE("p_size", 10, 10) ","
	     " score = " RESCALE("p_overlap", 25, 30) " + " RESCALE("p_budget", 20, 20)
	     " + " RESCALE("p_icp", 20, 15) " + " RESCALE("p_relationship", 15, 15)
	     " + " RESCALE("p_competitive", 10, 10) " + " RESCALE("p_size", 10, 10) ","
	     " weights = '30,20,15,15,10,10', updated_at = 1795798800"
	     " WHERE weights IS NOT NULL AND weights <> '30,20,15,15,10,10'");
	printf("update_rows %d\n", sqlite3_changes(db));
	exec("COMMIT");
	ms = now_ms() - t0;
	printf("update_ms %.1f\n", ms);
	if (sqlite3_close(db) != SQLITE_OK)
		die("close");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 4 && !strcmp(argv[1], "insert"))
		return cmd_insert(argv[2], argv[3]);
	if (argc == 3 && !strcmp(argv[1], "update"))
		return cmd_update(argv[2]);
	fputs("usage: bench-ref insert DB CSV | update DB\n", stderr);
	return 64;
}
