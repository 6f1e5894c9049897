/* sqlutil.c - the small tools every store file uses: messages, cached
 * prepared statements, transactions, ids, the clock. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store_internal.h"

enum store_status store_fail(struct store *st, enum store_status status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->err, sizeof st->err, fmt, ap);
	va_end(ap);
	return status;
}

void store_clear_error(struct store *st)
{
	st->err[0] = '\0';
}

enum store_status sq_status(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK: case SQLITE_ROW: case SQLITE_DONE:
		return STORE_OK;
	case SQLITE_BUSY: case SQLITE_LOCKED:
		return STORE_BUSY;
	case SQLITE_READONLY: case SQLITE_PERM: case SQLITE_CANTOPEN:
		return STORE_READ_ONLY;
	case SQLITE_IOERR: case SQLITE_FULL:
		return STORE_IO;
	case SQLITE_CORRUPT: case SQLITE_NOTADB:
		return STORE_CORRUPT;
	case SQLITE_CONSTRAINT: case SQLITE_MISMATCH: case SQLITE_TOOBIG: case SQLITE_RANGE:
		return STORE_INVALID;
	case SQLITE_INTERRUPT:
		return STORE_INTERRUPTED;
	default:
		return STORE_INTERNAL;
	}
}

enum store_status sq_last(struct store *st)
{
	enum store_status s = sq_status(sqlite3_extended_errcode(st->db));
	return s == STORE_OK ? STORE_INTERNAL : s;
}

enum store_status sq_fail(struct store *st, const char *what)
{
	int rc = sqlite3_extended_errcode(st->db);
	enum store_status s = sq_status(rc);
	if (s == STORE_OK)
		s = STORE_INTERNAL;
	if (s == STORE_BUSY)
		return store_fail(st, s, "%s: %s: the desk is busy (another writer held it too long)",
				  st->path, what);
	/* SQLite's "attempt to write a readonly database" for a read says
	 * nothing a user can act on: a desk in WAL mode is read through its
	 * -shm and -wal files, which must exist or be creatable beside it */
	if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT)
		return store_fail(st, s, "%s: %s: the desk cannot be used here: its directory is not"
				  " writable, and SQLite must create %s-shm beside it even to"
				  " read (copy the desk to a writable directory)", st->path, what,
				  st->path);
	if (s == STORE_IO || s == STORE_READ_ONLY || s == STORE_CORRUPT)
		return store_fail(st, s, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
	return store_fail(st, s, "%s: %s", what, sqlite3_errmsg(st->db));
}

/* ---- statements ---- */

static size_t slot_of(const char *sql)
{
	unsigned long long h = (unsigned long long)(size_t)sql;
	h ^= h >> 17;
	h *= 0x9e3779b97f4a7c15ULL;
	return (size_t)(h >> 40) % STORE_STMT_CACHE;
}

static sqlite3_stmt *prepare_fresh(struct store *st, const char *sql, unsigned flags)
{
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, flags, &s, NULL) != SQLITE_OK) {
		sq_fail(st, "prepare");
		sqlite3_finalize(s);
		return NULL;
	}
	return s;
}

void store_set_plan_hook(struct store *st, store_plan_fn fn, void *ctx)
{
	st->plan_hook = fn;
	st->plan_ctx = ctx;
}

void sq_plan_note(struct store *st, const char *sql)
{
	char *text, plan[4096];
	sqlite3_stmt *s = NULL;
	size_t used = 0, n = strlen(sql);

	if (!st->plan_hook || strncmp(sql, "EXPLAIN", 7) == 0)
		return;
	text = malloc(n + 20);
	if (!text)
		return;
	memcpy(text, "EXPLAIN QUERY PLAN ", 19);
	memcpy(text + 19, sql, n + 1);
	plan[0] = '\0';
	if (sqlite3_prepare_v2(st->db, text, -1, &s, NULL) == SQLITE_OK) {
		while (sqlite3_step(s) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(s, 3);
			int w = snprintf(plan + used, sizeof plan - used, "%s\n", d ? d : "");
			if (w > 0 && used + (size_t)w < sizeof plan)
				used += (size_t)w;
		}
	}
	sqlite3_finalize(s);
	free(text);
	st->plan_hook(st->plan_ctx, sql, plan);
}

sqlite3_stmt *sq_prepare(struct store *st, const char *sql)
{
	size_t i = slot_of(sql), probe;

	if (st->plan_hook)
		sq_plan_note(st, sql);
	for (probe = 0; probe < STORE_STMT_CACHE; probe++) {
		struct stmt_slot *slot = &st->stmts[(i + probe) % STORE_STMT_CACHE];
		if (slot->sql == sql) {
			if (sqlite3_stmt_busy(slot->stmt))
				return prepare_fresh(st, sql, 0);
			return slot->stmt;
		}
		if (slot->sql == NULL) {
			sqlite3_stmt *s = prepare_fresh(st, sql, SQLITE_PREPARE_PERSISTENT);
			if (!s)
				return NULL;
			slot->sql = sql;
			slot->stmt = s;
			return s;
		}
	}
	/* cache full: a statement used once per call */
	return prepare_fresh(st, sql, 0);
}

void sq_reset(sqlite3_stmt *s)
{
	if (s) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
	}
}

void sq_release(struct store *st, sqlite3_stmt *s)
{
	size_t i;
	if (!s)
		return;
	for (i = 0; i < STORE_STMT_CACHE; i++)
		if (st->stmts[i].stmt == s) {
			sq_reset(s);
			return;
		}
	sqlite3_finalize(s);   /* a fresh one from sq_prepare */
}

void sq_finalize_all(struct store *st)
{
	size_t i;
	for (i = 0; i < STORE_STMT_CACHE; i++) {
		sqlite3_finalize(st->stmts[i].stmt);
		st->stmts[i].stmt = NULL;
		st->stmts[i].sql = NULL;
	}
	for (i = 0; i < STORE_QUEUE_CACHE; i++) {
		sqlite3_finalize(st->queue_stmts[i].stmt);
		free(st->queue_stmts[i].sql);
		st->queue_stmts[i].stmt = NULL;
		st->queue_stmts[i].sql = NULL;
	}
}

int sq_step(struct store *st, sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		sq_fail(st, what);
	return rc;
}

enum store_status sq_exec(struct store *st, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK) {
		enum store_status s = sq_status(rc);
		if (s == STORE_OK)
			s = STORE_INTERNAL;
		if (s == STORE_BUSY)
			store_fail(st, s, "%s: the desk is busy (another writer held it too long)",
				   st->path);
		else
			store_fail(st, s, "%s: %s", st->path, msg ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return s;
	}
	return STORE_OK;
}

int sq_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	return sqlite3_bind_text(s, i, text ? text : "", -1, SQLITE_TRANSIENT);
}

int sq_bind_text_or_null(sqlite3_stmt *s, int i, const char *text)
{
	if (!text || !*text)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_text(s, i, text, -1, SQLITE_TRANSIENT);
}

int sq_bind_int_or_null(sqlite3_stmt *s, int i, long long v, int is_null)
{
	if (is_null)
		return sqlite3_bind_null(s, i);
	return sqlite3_bind_int64(s, i, v);
}

void sq_column_text(sqlite3_stmt *s, int i, char *buf, size_t size)
{
	const unsigned char *t = sqlite3_column_text(s, i);
	if (size == 0)
		return;
	if (!t) {
		buf[0] = '\0';
		return;
	}
	snprintf(buf, size, "%s", (const char *)t);
}

long long sq_column_int(sqlite3_stmt *s, int i, long long dflt)
{
	if (sqlite3_column_type(s, i) == SQLITE_NULL)
		return dflt;
	return sqlite3_column_int64(s, i);
}

enum store_status sq_one_int(struct store *st, const char *sql, const char *param,
			     long long *out)
{
	sqlite3_stmt *s = sq_prepare(st, sql);
	enum store_status rc = STORE_OK;
	int r;
	if (!s)
		return sq_last(st);
	if (param)
		sq_bind_text(s, 1, param);
	r = sq_step(st, s, "query");
	if (r == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	else if (r == SQLITE_DONE)
		rc = STORE_NOT_FOUND;
	else
		rc = sq_status(r) ? sq_status(r) : STORE_INTERNAL;
	sq_release(st, s);
	return rc;
}

enum store_status sq_user_version(struct store *st, int *out)
{
	long long v = 0;
	enum store_status rc = sq_one_int(st, "PRAGMA user_version", NULL, &v);
	if (rc == STORE_OK)
		*out = (int)v;
	return rc;
}

/* ---- transactions ---- */

/* BEGIN, COMMIT, SAVEPOINT and RELEASE run for every write: prepared once
 * and cached like any other statement instead of parsed each time. */
static enum store_status tx_exec(struct store *st, const char *sql)
{
	sqlite3_stmt *s = sq_prepare(st, sql);
	int r;

	if (!s)
		return sq_last(st);
	r = sqlite3_step(s);
	if (r == SQLITE_DONE) {
		sq_release(st, s);
		return STORE_OK;
	}
	r = sqlite3_extended_errcode(st->db);
	{
		/* the message sq_exec would give */
		enum store_status e = sq_status(r);
		if (e == STORE_OK)
			e = STORE_INTERNAL;
		if (e == STORE_BUSY)
			store_fail(st, e, "%s: the desk is busy (another writer held it too long)",
				   st->path);
		else
			store_fail(st, e, "%s: %s", st->path, sqlite3_errmsg(st->db));
		sq_release(st, s);
		return e;
	}
}

/* SQLite keeps its descriptors open: when the desk's directory is removed
 * (or the file replaced) while a write runs, COMMIT still succeeds, into a
 * file nobody can open again. So the path is checked to name the same file
 * before each COMMIT; one stat, cheap next to the commit's fsync. */
void tx_remember_file(struct store *st)
{
	struct stat sb;

	if (stat(st->path, &sb) == 0) {
		st->file_dev = (unsigned long long)sb.st_dev;
		st->file_ino = (unsigned long long)sb.st_ino;
	}
}

enum store_status tx_check_file(struct store *st)
{
	struct stat sb;

	if (stat(st->path, &sb) != 0) {
		if (errno == ENOENT || errno == ENOTDIR)
			return store_fail(st, STORE_IO, "%s: the desk file was removed or replaced "
					  "while writing; nothing was saved", st->path);
		return store_fail(st, STORE_IO, "%s: cannot check the desk file before saving: "
				  "%s; nothing was saved", st->path, strerror(errno));
	}
	if ((unsigned long long)sb.st_dev != st->file_dev ||
	    (unsigned long long)sb.st_ino != st->file_ino)
		return store_fail(st, STORE_IO, "%s: the desk file was removed or replaced "
				  "while writing; nothing was saved", st->path);
	return STORE_OK;
}

enum store_status tx_begin(struct store *st)
{
	enum store_status rc;
	if (st->read_only)
		return store_fail(st, STORE_READ_ONLY, "%s: opened read-only", st->path);
	if (st->tx_depth == 0) {
		if (!sqlite3_get_autocommit(st->db))
			return store_fail(st, STORE_INTERNAL, "a transaction is already open");
		rc = tx_exec(st, "BEGIN IMMEDIATE");
		if (rc != STORE_OK)
			return rc;
		id_new(st, st->batch);
		st->poisoned = STORE_OK;
	} else if (!st->bulk) {
		rc = tx_exec(st, "SAVEPOINT store_write");
		if (rc != STORE_OK)
			return rc;
	}
	st->tx_depth++;
	return STORE_OK;
}

enum store_status tx_end(struct store *st, enum store_status rc)
{
	if (st->tx_depth <= 0)
		return rc;
	st->tx_depth--;
	if (st->tx_depth == 0) {
		if (rc == STORE_OK && st->poisoned != STORE_OK)
			rc = store_fail(st, st->poisoned, "%s", st->poison_msg);
		if (rc == STORE_OK)
			rc = tx_check_file(st);
		if (rc == STORE_OK) {
			enum store_status c = tx_exec(st, "COMMIT");
			if (c != STORE_OK) {
				char keep[STORE_MSG_SIZE];
				memcpy(keep, st->err, sizeof keep);
				if (!sqlite3_get_autocommit(st->db))
					sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
				memcpy(st->err, keep, sizeof keep);
				rc = c;
			}
		} else if (!sqlite3_get_autocommit(st->db)) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		}
		st->batch[0] = '\0';
		st->poisoned = STORE_OK;
		st->bulk = 0;
	} else if (st->bulk) {
		/* no savepoint to release or roll back to: a failure poisons the
		 * transaction (SQLite already undid the failing statement) */
		if (rc != STORE_OK && st->poisoned == STORE_OK) {
			st->poisoned = rc;
			snprintf(st->poison_msg, sizeof st->poison_msg, "%.480s; nothing was written",
				 st->err[0] ? st->err : store_status_name(rc));
		}
	} else if (rc == STORE_OK) {
		rc = tx_exec(st, "RELEASE store_write");
	} else {
		sqlite3_exec(st->db, "ROLLBACK TO store_write", NULL, NULL, NULL);
		sqlite3_exec(st->db, "RELEASE store_write", NULL, NULL, NULL);
	}
	return rc;
}

enum store_status cache_set(struct store *st, long long pages_or_kib, long long *old)
{
	/* a PRAGMA takes no bound parameter: the number is ours, never text
	 * a person typed */
	char sql[64];
	enum store_status rc = STORE_OK;

	if (old)
		rc = sq_one_int(st, "PRAGMA cache_size", NULL, old);
	if (rc != STORE_OK)
		return rc;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld", pages_or_kib);
	return sq_exec(st, sql);
}

void bulk_mode(struct store *st, int on)
{
	st->bulk = on && st->tx_depth > 0;
}

/* ---- ids and clock ---- */

void id_new(struct store *st, char *out)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char raw[16];
	int i;

	if (st->id_seed) {
		/* splitmix64: two steps make 128 bits */
		for (i = 0; i < 2; i++) {
			unsigned long long z = (st->id_seed += 0x9e3779b97f4a7c15ULL);
			z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
			z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
			z ^= z >> 31;
			for (int b = 0; b < 8; b++)
				raw[i * 8 + b] = (unsigned char)(z >> (8 * b));
		}
	} else {
		sqlite3_randomness(sizeof raw, raw);
	}
	for (i = 0; i < 16; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[32] = '\0';
}

const char *store_sqlite_version(void)
{
	return sqlite3_libversion();
}

void store_set_id_seed(struct store *st, unsigned long long seed)
{
	st->id_seed = seed;
}

long long st_now(const struct store *st)
{
	return st->now ? st->now : (long long)time(NULL);
}

enum store_status check_len(struct store *st, const char *what, const char *text, size_t max)
{
	size_t n;
	if (!text)
		return STORE_OK;
	n = strlen(text);
	if (n > max)
		return store_fail(st, STORE_INVALID, "%s: %zu bytes, at most %zu", what, n, max);
	return STORE_OK;
}

int grow_array(void **array, size_t *cap, size_t count, size_t elem_size)
{
	size_t ncap;
	void *p;
	if (count < *cap)
		return 0;
	ncap = *cap ? *cap * 2 : 16;
	p = realloc(*array, ncap * elem_size);
	if (!p)
		return -1;
	*array = p;
	*cap = ncap;
	return 0;
}

enum store_status sq_list(struct store *st, const char *sql, const char *param,
			  size_t elem_size, sq_row_fn fill, void **out, size_t *n)
{
	sqlite3_stmt *s = sq_prepare(st, sql);
	unsigned char *rows = NULL;
	size_t count = 0, cap = 0;
	enum store_status rc = STORE_OK;
	int r;

	*out = NULL;
	*n = 0;
	if (!s)
		return sq_last(st);
	if (param)
		sq_bind_text(s, 1, param);
	while ((r = sq_step(st, s, "read")) == SQLITE_ROW) {
		if (grow_array((void **)&rows, &cap, count, elem_size) != 0) {
			rc = store_fail(st, STORE_INTERNAL, "out of memory");
			break;
		}
		memset(rows + count * elem_size, 0, elem_size);
		fill(s, rows + count * elem_size);
		count++;
	}
	if (rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc != STORE_OK) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = count;
	return STORE_OK;
}
