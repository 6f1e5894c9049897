/* export.c - the desk's tables as CSV, in the importer's own column names.
 *
 * One statement per kind, one formatting rule per column. Rows are ordered
 * by content (names, times) so two desks holding the same data write the
 * same bytes; ids only break ties that content cannot.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "coselldesk/export.h"
#include "store_internal.h"

/* How a column's value is written. */
enum export_format {
	X_TEXT,     /* as stored; NULL empty */
	X_INT,      /* integer; NULL empty */
	X_MONEY,    /* whole dollars; NULL or negative empty */
	X_TIME,     /* unix seconds -> YYYY-MM-DDTHH:MM:SSZ; NULL or 0 empty */
	X_YESNO,    /* 0/1 -> no/yes */
	X_REAL,     /* shortest decimal */
	X_HANDLE    /* an intro id -> IN-7F3A2C */
};

struct export_column {
	const char *name;           /* header: the importer's canonical name */
	enum export_format format;  /* how to write it */
};

struct export_table {
	const char *sql;                    /* the statement, columns in order */
	const struct export_column *columns;
	int count;
};

static const char intros_sql[] =
	"SELECT p.name, a.name, a.domain, i.received_at, i.expected_acv, i.contact, i.note,"
	" pd.name, sp.name, i.external_id, i.source, i.id, i.state, i.score, i.tier, ae.name"
	" FROM intros i JOIN partners p ON p.id = i.partner_id"
	" JOIN accounts a ON a.id = i.account_id"
	" LEFT JOIN pods pd ON pd.id = i.pod_id"
	" LEFT JOIN specialists sp ON sp.id = i.owner_id"
	" LEFT JOIN aes ae ON ae.id = i.ae_id"
	" ORDER BY i.received_at, p.name, a.name, ifnull(i.external_id, ''), i.id";
static const struct export_column intros_columns[] = {
	{ "partner", X_TEXT }, { "account", X_TEXT }, { "domain", X_TEXT },
	{ "received_at", X_TIME }, { "expected_acv", X_MONEY }, { "contact", X_TEXT },
	{ "note", X_TEXT }, { "pod", X_TEXT }, { "owner", X_TEXT }, { "external_id", X_TEXT },
	{ "source", X_TEXT }, { "handle", X_HANDLE }, { "state", X_TEXT }, { "score", X_INT },
	{ "tier", X_INT }, { "ae", X_TEXT },
};

static const char partners_sql[] =
	"SELECT name, tier, domain FROM partners ORDER BY name, id";
static const struct export_column partners_columns[] = {
	{ "name", X_TEXT }, { "tier", X_TEXT }, { "domain", X_TEXT },
};

static const char accounts_sql[] =
	"SELECT a.name, a.domain, a.region, a.industry, a.country, a.employees, a.strategic,"
	" ae.name FROM accounts a LEFT JOIN aes ae ON ae.id = a.owner_ae_id"
	" ORDER BY a.name, ifnull(a.domain, ''), ifnull(a.region, ''), ifnull(a.industry, ''),"
	" a.id";
static const struct export_column accounts_columns[] = {
	{ "name", X_TEXT }, { "domain", X_TEXT }, { "region", X_TEXT }, { "industry", X_TEXT },
	{ "country", X_TEXT }, { "employees", X_INT }, { "strategic", X_YESNO },
	{ "owner", X_TEXT },
};

static const char overlaps_sql[] =
	"SELECT p.name, a.name, a.domain, o.our_population, o.partner_population,"
	" o.stakeholders, o.partner_contact, o.refreshed_at, o.signal"
	" FROM overlaps o JOIN partners p ON p.id = o.partner_id"
	" JOIN accounts a ON a.id = o.account_id"
	" ORDER BY p.name, a.name, ifnull(a.domain, ''), o.account_id";
static const struct export_column overlaps_columns[] = {
	{ "partner", X_TEXT }, { "account", X_TEXT }, { "domain", X_TEXT },
	{ "our_population", X_TEXT }, { "partner_population", X_TEXT },
	{ "stakeholders", X_INT }, { "partner_contact", X_TEXT }, { "refreshed_at", X_TIME },
	{ "signal", X_TEXT },
};

static const char aes_sql[] =
	"SELECT ae.name, ae.email, pd.name, ae.selling_hours, ae.active"
	" FROM aes ae LEFT JOIN pods pd ON pd.id = ae.pod_id ORDER BY ae.name, ae.id";
static const struct export_column aes_columns[] = {
	{ "name", X_TEXT }, { "email", X_TEXT }, { "pod", X_TEXT },
	{ "selling_hours", X_REAL }, { "active", X_YESNO },
};

static const char outcomes_sql[] =
	"SELECT i.id, i.external_id, i.source, p.name, a.name, i.received_at, i.state,"
	" i.actual_acv, i.reason_code, i.closed_at"
	" FROM intros i JOIN partners p ON p.id = i.partner_id"
	" JOIN accounts a ON a.id = i.account_id"
	" WHERE i.state IN ('won', 'lost')"
	" ORDER BY i.closed_at, i.received_at, p.name, a.name, i.id";
static const struct export_column outcomes_columns[] = {
	{ "intro", X_HANDLE }, { "external_id", X_TEXT }, { "source", X_TEXT },
	{ "partner", X_TEXT }, { "account", X_TEXT }, { "received_at", X_TIME },
	{ "outcome", X_TEXT }, { "actual_acv", X_MONEY }, { "reason", X_TEXT },
	{ "closed_at", X_TIME },
};

static const char audit_sql[] =
	"SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, reason, batch,"
	" undo_of FROM audit ORDER BY seq";
static const struct export_column audit_columns[] = {
	{ "seq", X_INT }, { "at", X_TIME }, { "actor", X_TEXT }, { "entity", X_TEXT },
	{ "entity_id", X_TEXT }, { "field", X_TEXT }, { "old_value", X_TEXT },
	{ "new_value", X_TEXT }, { "reason", X_TEXT }, { "batch", X_TEXT },
	{ "undo_of", X_TEXT },
};

#define TABLE(sql, cols) { sql, cols, (int)(sizeof cols / sizeof cols[0]) }
static const struct export_table tables[EXPORT_KIND_COUNT] = {
	[EXPORT_INTROS]   = TABLE(intros_sql, intros_columns),
	[EXPORT_PARTNERS] = TABLE(partners_sql, partners_columns),
	[EXPORT_ACCOUNTS] = TABLE(accounts_sql, accounts_columns),
	[EXPORT_OVERLAPS] = TABLE(overlaps_sql, overlaps_columns),
	[EXPORT_AES]      = TABLE(aes_sql, aes_columns),
	[EXPORT_OUTCOMES] = TABLE(outcomes_sql, outcomes_columns),
	[EXPORT_AUDIT]    = TABLE(audit_sql, audit_columns),
};
#undef TABLE

static const char *const kind_names[EXPORT_KIND_COUNT] = {
	[EXPORT_INTROS] = "intros",     [EXPORT_PARTNERS] = "partners",
	[EXPORT_ACCOUNTS] = "accounts", [EXPORT_OVERLAPS] = "overlaps",
	[EXPORT_AES] = "aes",           [EXPORT_OUTCOMES] = "outcomes",
	[EXPORT_AUDIT] = "audit",
};

const char *export_kind_name(enum export_kind k)
{
	return (unsigned)k < EXPORT_KIND_COUNT ? kind_names[k] : NULL;
}

int export_kind_from_name(const char *name)
{
	size_t len;

	if (!name)
		return -1;
	len = strlen(name);
	for (int k = 0; k < EXPORT_KIND_COUNT; k++) {
		const char *n = kind_names[k];
		size_t nl = strlen(n);

		if (strcasecmp(name, n) == 0 ||
		    (len + 1 == nl && n[nl - 1] == 's' && strncasecmp(name, n, len) == 0))
			return k;
	}
	return -1;
}

/* RFC 4180: quote a field holding the delimiter, a quote or a line break,
 * and one with blanks at either end (libcsv trims those from unquoted
 * fields, so they would not come back). */
static void put_field(FILE *out, const char *s)
{
	size_t len = strlen(s);
	int quote = len > 0 && (strpbrk(s, ",\"\r\n") || s[0] == ' ' || s[0] == '\t' ||
				s[len - 1] == ' ' || s[len - 1] == '\t');

	if (!quote) {
		fputs(s, out);
		return;
	}
	putc('"', out);
	for (; *s; s++) {
		if (*s == '"')
			putc('"', out);
		putc(*s, out);
	}
	putc('"', out);
}

static void format_time(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) || strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "%lld", t);
}

static void put_value(FILE *out, sqlite3_stmt *s, int i, enum export_format format)
{
	char buf[64];
	const unsigned char *text;
	int is_null = sqlite3_column_type(s, i) == SQLITE_NULL;
	long long v = sqlite3_column_int64(s, i);

	if (is_null && format != X_YESNO)
		return;
	switch (format) {
	case X_TEXT:
		text = sqlite3_column_text(s, i);
		if (text)
			put_field(out, (const char *)text);
		return;
	case X_INT:
		fprintf(out, "%lld", v);
		return;
	case X_MONEY:
		if (v >= 0)
			fprintf(out, "%lld", v);
		return;
	case X_TIME:
		if (v != 0) {
			format_time(v, buf, sizeof buf);
			fputs(buf, out);
		}
		return;
	case X_YESNO:
		fputs(v ? "yes" : "no", out);
		return;
	case X_REAL:
		snprintf(buf, sizeof buf, "%.6g", sqlite3_column_double(s, i));
		fputs(buf, out);
		return;
	case X_HANDLE:
		text = sqlite3_column_text(s, i);
		if (text) {
			char handle[STORE_HANDLE_SIZE];

			store_handle_of(STORE_KIND_INTRO, (const char *)text, handle);
			fputs(handle, out);
		}
		return;
	}
}

enum store_status export_csv(struct store *st, enum export_kind kind, FILE *out, long *rows)
{
	const struct export_table *t;
	sqlite3_stmt *s = NULL;
	enum store_status status = STORE_OK;
	int own_tx = 0, rc;
	long n = 0;

	if (rows)
		*rows = 0;
	if ((unsigned)kind >= EXPORT_KIND_COUNT)
		return store_fail(st, STORE_INVALID, "export: unknown kind");
	t = &tables[kind];
	store_clear_error(st);

	/* one read transaction: a consistent snapshot while others write */
	if (sqlite3_get_autocommit(st->db)) {
		rc = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
		if (rc != SQLITE_OK)
			return store_fail(st, sq_status(rc), "export %s: %s", kind_names[kind],
					  sqlite3_errmsg(st->db));
		own_tx = 1;
	}
	rc = sqlite3_prepare_v2(st->db, t->sql, -1, &s, NULL);
	if (rc != SQLITE_OK) {
		status = store_fail(st, sq_status(rc), "export %s: %s", kind_names[kind],
				    sqlite3_errmsg(st->db));
		goto done;
	}
	for (int i = 0; i < t->count; i++) {
		if (i)
			putc(',', out);
		fputs(t->columns[i].name, out);
	}
	putc('\n', out);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int i = 0; i < t->count; i++) {
			if (i)
				putc(',', out);
			put_value(out, s, i, t->columns[i].format);
		}
		putc('\n', out);
		n++;
		if (ferror(out))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		status = store_fail(st, sq_status(rc), "export %s: %s", kind_names[kind],
				    sqlite3_errmsg(st->db));
		goto done;
	}
	if (fflush(out) != 0 || ferror(out)) {
		status = store_fail(st, STORE_IO, "export %s: cannot write: %s", kind_names[kind],
				    strerror(errno));
		goto done;
	}
	if (rows)
		*rows = n;
done:
	sqlite3_finalize(s);
	if (own_tx)
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	return status;
}
