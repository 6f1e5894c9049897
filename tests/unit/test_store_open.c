/* test_store_open.c - creating, reopening, refusing foreign files,
 * migrating a version-1 desk, handles, and the schema's names. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "store_fixture.h"
#include "coselldesk/brief.h"

#define V1_DESK "tests/data/desk-v1.db"

static unsigned long long file_hash(const char *path)
{
	unsigned long long h = 1469598103934665603ULL;
	FILE *fp = fopen(path, "rb");
	int c;
	assert_non_null(fp);
	while ((c = getc(fp)) != EOF)
		h = (h ^ (unsigned)c) * 1099511628211ULL;
	fclose(fp);
	return h;
}

static int exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

static void write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static void raw_sql(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		print_message("sql: %s\n", msg ? msg : "?");
	assert_null(msg);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static long long raw_count(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;
	long long n = -1;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
	return n;
}

/* Opening must fail with `want` and leave the file byte-identical, with no
 * -wal or -shm beside it. */
static void expect_refused(struct fx *f, int create, enum store_status want, const char *needle)
{
	struct store_options o;
	struct store *st = NULL;
	char err[STORE_MSG_SIZE], side[192];
	unsigned long long before = file_hash(f->path);
	enum store_status rc;

	memset(&o, 0, sizeof o);
	o.create = create;
	rc = store_open(f->path, &o, &st, err, sizeof err);
	if (rc != want)
		print_message("got %s: %s\n", store_status_name(rc), err);
	assert_int_equal(rc, want);
	assert_null(st);
	assert_non_null(strstr(err, f->path));       /* names the file */
	if (needle)
		assert_non_null(strstr(err, needle));
	assert_true(file_hash(f->path) == before);
	snprintf(side, sizeof side, "%s-wal", f->path);
	assert_false(exists(side));
	snprintf(side, sizeof side, "%s-shm", f->path);
	assert_false(exists(side));
}

static void test_init_and_reopen(void **state)
{
	struct fx f;
	struct stat sb;
	(void)state;
	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	fx_open_path(&f, 1);
	assert_int_equal(store_was_created(f.st), 1);
	assert_int_equal(store_schema_version(f.st), STORE_SCHEMA_VERSION);
	assert_int_equal(store_schema_version_found(f.st), 0);
	fx_close(&f);
	assert_int_equal(stat(f.path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(raw_count(f.path, "PRAGMA application_id"), STORE_APPLICATION_ID);
	assert_int_equal(raw_count(f.path, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	assert_int_equal(raw_count(f.path, "SELECT count(*) FROM reason_codes WHERE kind = 'loss'")
			 > 5, 1);

	fx_open_path(&f, 0);
	{
		char name[STORE_NAME_SIZE];
		struct store_undo_result u;
		OK(&f, store_desk_name(f.st, name, sizeof name));
		assert_string_equal(name, "co-sell desk");
		OK(&f, store_set_desk_name(f.st, "EMEA desk"));
		OK(&f, store_desk_name(f.st, name, sizeof name));
		assert_string_equal(name, "EMEA desk");
		OK(&f, store_undo(f.st, NULL, &u));
		OK(&f, store_desk_name(f.st, name, sizeof name));
		assert_string_equal(name, "co-sell desk");
	}
	assert_int_equal(store_was_created(f.st), 0);
	assert_int_equal(store_schema_version_found(f.st), STORE_SCHEMA_VERSION);
	{
		long long v1 = 0, v2 = 0;
		OK(&f, store_data_version(f.st, &v1));
		OK(&f, store_data_version(f.st, &v2));
		assert_true(v1 == v2);
	}
	fx_teardown(&f);
}

static void test_refuse_missing(void **state)
{
	struct fx f;
	struct store *st = NULL;
	char err[STORE_MSG_SIZE];
	(void)state;
	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	assert_int_equal(store_open(f.path, NULL, &st, err, sizeof err), STORE_NO_FILE);
	assert_null(st);
	assert_false(exists(f.path));
	assert_non_null(strstr(err, "init"));
	assert_int_equal(store_exit_code(STORE_NO_FILE), 66);
	fx_rm(&f);
}

static void test_refuse_text_file(void **state)
{
	struct fx f;
	(void)state;
	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	write_file(f.path, "partner,account,received_at\nAcme,Northwind,2024-01-02\n"
		   "this is a CSV file, long enough to fill a whole SQLite header of a hundred bytes\n");
	expect_refused(&f, 0, STORE_NOT_DESK, "not a SQLite database");
	expect_refused(&f, 1, STORE_NOT_DESK, "not a SQLite database");
	write_file(f.path, "short");
	expect_refused(&f, 1, STORE_NOT_DESK, NULL);
	assert_int_equal(store_exit_code(STORE_NOT_DESK), 65);
	fx_rm(&f);
}

static void test_refuse_other_application(void **state)
{
	struct fx f;
	(void)state;
	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	raw_sql(f.path, "PRAGMA application_id = 305419896; CREATE TABLE notes (x TEXT);"
		"INSERT INTO notes VALUES ('hello');");
	expect_refused(&f, 0, STORE_NOT_DESK, "0x12345678");
	expect_refused(&f, 1, STORE_NOT_DESK, "another application");
	unlink(f.path);
	/* a plain SQLite file without any application_id is not a desk either */
	raw_sql(f.path, "CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('hello');");
	expect_refused(&f, 1, STORE_NOT_DESK, "not a coselldesk desk");
	fx_rm(&f);
}

static void test_refuse_newer_schema(void **state)
{
	struct fx f;
	(void)state;
	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	fx_open_path(&f, 1);
	fx_close(&f);
	raw_sql(f.path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99;");
	expect_refused(&f, 0, STORE_TOO_NEW, "newer");
	assert_int_equal(store_exit_code(STORE_TOO_NEW), 69);
	fx_rm(&f);
}

static void test_empty_file(void **state)
{
	struct fx f;
	(void)state;
	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	write_file(f.path, "");
	expect_refused(&f, 0, STORE_NOT_DESK, "empty");
	fx_open_path(&f, 1);   /* init may take an empty file */
	assert_int_equal(store_schema_version(f.st), STORE_SCHEMA_VERSION);
	fx_teardown(&f);
}

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out;
	char buf[8192];
	size_t n;
	assert_non_null(in);
	out = fopen(to, "wb");
	assert_non_null(out);
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

static const char *const v1_tables[] = {
	"pods", "specialists", "aes", "partners", "accounts", "overlaps", "intros", "briefs",
	"escalations", "ae_hours_log", "touchpoints", "attributions", "reason_codes", "audit", "meta",
};

static void test_migrate_v1(void **state)
{
	struct fx f;
	long long before[sizeof v1_tables / sizeof v1_tables[0]];
	struct store_check_result chk;
	struct store_counts counts;
	struct store_intro in;
	char sql[128], id[STORE_ID_SIZE];
	size_t i;
	(void)state;

	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	copy_file(V1_DESK, f.path);
	for (i = 0; i < sizeof v1_tables / sizeof v1_tables[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", v1_tables[i]);
		before[i] = raw_count(f.path, sql);
		assert_true(before[i] > 0);
	}
	assert_int_equal(raw_count(f.path, "PRAGMA user_version"), 1);

	/* read-only: an old schema is not upgraded behind the user's back */
	{
		struct store_options o;
		struct store *st = NULL;
		char err[STORE_MSG_SIZE];
		unsigned long long h = file_hash(f.path);
		memset(&o, 0, sizeof o);
		o.read_only = 1;
		assert_int_equal(store_open(f.path, &o, &st, err, sizeof err), STORE_REFUSED);
		assert_true(file_hash(f.path) == h);
	}

	fx_open_path(&f, 0);
	assert_int_equal(store_schema_version_found(f.st), 1);
	assert_int_equal(store_schema_version(f.st), STORE_SCHEMA_VERSION);
	OK(&f, store_check(f.st, &chk));
	assert_int_equal(chk.ok, 1);
	assert_int_equal(chk.count_mismatches, 0);
	OK(&f, store_counts(f.st, NULL, &counts));
	assert_int_equal(counts.total, before[6]);
	/* the upgraded desk works: Northwind is there with its score */
	OK(&f, store_resolve(f.st, STORE_KIND_ACCOUNT, "northwind.example", id));
	{
		struct queue_filter flt;
		struct queue_row rows[10];
		size_t n = 0;
		memset(&flt, 0, sizeof flt);
		flt.score_min = 79;
		flt.score_max = -1;
		OK(&f, store_queue_fetch(f.st, &flt, NULL, rows, 10, &n));
		assert_int_equal(n, 1);
		assert_string_equal(rows[0].account_name, "Northwind Manufacturing");
		OK(&f, store_intro_get(f.st, rows[0].id, &in));
		assert_int_equal(in.score, 79);
		assert_int_equal(in.tier, 2);
	}
	fx_close(&f);
	for (i = 0; i < sizeof v1_tables / sizeof v1_tables[0]; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", v1_tables[i]);
		assert_int_equal(raw_count(f.path, sql), before[i]);
	}
	fx_rm(&f);
}

/* tests/data/desk-v1.db really is what migration 1 writes. */
static void test_v1_artifact_matches_migration(void **state)
{
	struct fx f;
	struct store_options o;
	char err[STORE_MSG_SIZE], sql[512];
	(void)state;
	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	memset(&o, 0, sizeof o);
	o.create = 1;
	o.target_version = 1;
	assert_int_equal(store_open(f.path, &o, &f.st, err, sizeof err), STORE_OK);
	assert_int_equal(store_schema_version(f.st), 1);
	fx_close(&f);
	snprintf(sql, sizeof sql, "ATTACH '%s' AS v1", V1_DESK);
	{
		sqlite3 *db = NULL;
		sqlite3_stmt *s = NULL;
		assert_int_equal(sqlite3_open(f.path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_prepare_v2(db,
			"SELECT count(*) FROM (SELECT type, name, sql FROM main.sqlite_schema"
			" EXCEPT SELECT type, name, sql FROM v1.sqlite_schema) ", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), 0);
		sqlite3_finalize(s);
		assert_int_equal(sqlite3_prepare_v2(db,
			"SELECT count(*) FROM (SELECT type, name, sql FROM v1.sqlite_schema"
			" EXCEPT SELECT type, name, sql FROM main.sqlite_schema) ", -1, &s, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_step(s), SQLITE_ROW);
		assert_int_equal(sqlite3_column_int(s, 0), 0);
		sqlite3_finalize(s);
		assert_int_equal(sqlite3_close(db), SQLITE_OK);
	}
	fx_rm(&f);
}

static void test_handles(void **state)
{
	struct fx f;
	char id[STORE_ID_SIZE], handle[STORE_HANDLE_SIZE], intro[STORE_ID_SIZE];
	(void)state;
	fx_setup(&f);
	store_handle_of(STORE_KIND_POD, f.pod_east, handle);
	assert_int_equal(strlen(handle), 9);
	assert_memory_equal(handle, "PD-", 3);
	OK(&f, store_resolve(f.st, STORE_KIND_POD, handle, id));
	assert_string_equal(id, f.pod_east);
	OK(&f, store_resolve(f.st, STORE_KIND_POD, "EAST", id));   /* names, any case */
	assert_string_equal(id, f.pod_east);
	OK(&f, store_resolve(f.st, STORE_KIND_POD, f.pod_east, id));
	OK(&f, store_resolve(f.st, STORE_KIND_ACCOUNT, "contoso.example", id));
	assert_string_equal(id, f.contoso);
	assert_int_equal(store_resolve(f.st, STORE_KIND_POD, "north", id), STORE_NOT_FOUND);
	assert_non_null(strstr(store_errmsg(f.st), "north"));
	assert_int_equal(store_resolve(f.st, STORE_KIND_INTRO, "IN-000000", id), STORE_NOT_FOUND);
	assert_int_equal(store_resolve(f.st, STORE_KIND_INTRO, "", id), STORE_NOT_FOUND);
	/* a partner handle where an intro is asked */
	store_handle_of(STORE_KIND_PARTNER, f.rsi, handle);
	assert_int_equal(store_resolve(f.st, STORE_KIND_INTRO, handle, id), STORE_NOT_FOUND);
	assert_non_null(strstr(store_errmsg(f.st), "partner handle"));
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, intro);
	store_handle_of(STORE_KIND_INTRO, intro, handle);
	OK(&f, store_resolve(f.st, STORE_KIND_INTRO, handle, id));
	assert_string_equal(id, intro);
	fx_close(&f);

	/* two pods whose ids share the first six digits: ambiguous */
	raw_sql(f.path, "INSERT INTO pods (id, name, created_at) VALUES"
		" ('abcdef00000000000000000000000000', 'p1', 0),"
		" ('abcdef11111111111111111111111111', 'p2', 0);");
	fx_open_path(&f, 0);
	assert_int_equal(store_resolve(f.st, STORE_KIND_POD, "PD-ABCDEF", id), STORE_AMBIGUOUS);
	assert_non_null(strstr(store_errmsg(f.st), "more digits"));
	OK(&f, store_resolve(f.st, STORE_KIND_POD, "PD-ABCDEF1", id));
	assert_string_equal(id, "abcdef11111111111111111111111111");
	fx_teardown(&f);
}

/* The CHECK lists of the schema carry exactly the core's names. */
static void test_schema_names_match_core(void **state)
{
	struct fx f;
	char sql[256];
	int i;
	(void)state;
	fx_setup(&f);
	fx_close(&f);
#define HAS(table, name) do { \
	snprintf(sql, sizeof sql, "SELECT instr(sql, '''%s''') > 0 FROM sqlite_schema WHERE name = '%s'", \
		 (name), (table)); \
	if (raw_count(f.path, sql) != 1) print_message("%s lacks '%s'\n", (table), (name)); \
	assert_int_equal(raw_count(f.path, sql), 1); \
} while (0)
	for (i = 0; i < STATE_COUNT; i++)
		HAS("intros", domain_state_name((enum intro_state)i));
	for (i = 0; i < POP_COUNT; i++)
		HAS("overlaps", domain_population_name((enum population)i));
	for (i = 0; i < SIGNAL_COUNT; i++)
		HAS("overlaps", domain_signal_name((enum mapping_signal)i));
	for (i = 0; i < PARTNER_TIER_COUNT; i++)
		HAS("partners", domain_partner_tier_name((enum partner_tier)i));
	for (i = 0; i < ESC_KIND_COUNT; i++)
		HAS("escalations", domain_escalation_kind_name((enum escalation_kind)i));
	for (i = 0; i < ROUTE_TARGET_COUNT; i++)
		HAS("escalations", domain_escalation_target_name((enum escalation_target)i));
	for (i = 0; i < ROLE_COUNT; i++)
		HAS("attributions", policy_role_name((enum attribution_role)i));
	for (i = 0; i < BRIEF_SECTION_COUNT; i++) {
		snprintf(sql, sizeof sql, "SELECT count(*) FROM pragma_table_info('briefs')"
			 " WHERE name = '%s'", brief_section_name((enum brief_section)i));
		assert_int_equal(raw_count(f.path, sql), 1);
	}
	/* the queue's "open" is the core's */
	for (i = 0; i < STATE_COUNT; i++)
		assert_int_equal(!!(STORE_STATES_OPEN & STORE_STATE_BIT(i)),
				 !!domain_state_is_open((enum intro_state)i));
#undef HAS
	fx_rm(&f);
}

static void test_damaged_desk(void **state)
{
	struct fx f;
	FILE *fp;
	char junk[2000];
	(void)state;
	memset(&f, 0, sizeof f);
	fx_tmpdir(&f);
	fx_open_path(&f, 1);
	fx_close(&f);
	/* keep the 100-byte header (ours), spoil the schema page behind it */
	memset(junk, 0x5a, sizeof junk);
	fp = fopen(f.path, "r+b");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, 100, SEEK_SET), 0);
	assert_int_equal(fwrite(junk, 1, sizeof junk, fp), sizeof junk);
	assert_int_equal(fclose(fp), 0);
	expect_refused(&f, 0, STORE_CORRUPT, "damaged");
	fx_rm(&f);
}

/* A second writer waits busy_timeout; past it, a clear STORE_BUSY. */
static void test_busy_and_read_only(void **state)
{
	struct fx f;
	struct store_options o;
	struct store *b = NULL, *ro = NULL;
	char err[STORE_MSG_SIZE], id[STORE_ID_SIZE];
	struct store_counts c;
	(void)state;
	fx_setup(&f);
	memset(&o, 0, sizeof o);
	o.busy_timeout_ms = 100;
	assert_int_equal(store_open(f.path, &o, &b, err, sizeof err), STORE_OK);
	OK(&f, store_begin(f.st));
	OK(&f, store_pod_ensure(f.st, "north", id, NULL));
	assert_int_equal(store_pod_ensure(b, "south", id, NULL), STORE_BUSY);
	assert_non_null(strstr(store_errmsg(b), "busy"));
	assert_int_equal(store_exit_code(STORE_BUSY), 75);
	/* readers are not blocked by a writer (WAL) */
	assert_int_equal(store_counts(b, NULL, &c), STORE_OK);
	OK(&f, store_commit(f.st));
	assert_int_equal(store_pod_ensure(b, "south", id, NULL), STORE_OK);
	assert_int_equal(store_resolve(b, STORE_KIND_POD, "north", id), STORE_OK);
	assert_int_equal(store_close(b, err, sizeof err), STORE_OK);

	memset(&o, 0, sizeof o);
	o.read_only = 1;
	assert_int_equal(store_open(f.path, &o, &ro, err, sizeof err), STORE_OK);
	assert_int_equal(store_counts(ro, NULL, &c), STORE_OK);
	assert_int_equal(store_pod_ensure(ro, "far", id, NULL), STORE_READ_ONLY);
	assert_int_equal(store_close(ro, err, sizeof err), STORE_OK);
	fx_teardown(&f);
}

static void test_status_names(void **state)
{
	int i;
	(void)state;
	for (i = 0; i < STORE_STATUS_COUNT; i++) {
		assert_non_null(store_status_name((enum store_status)i));
		assert_true(store_exit_code((enum store_status)i) >= 0);
	}
	assert_int_equal(store_exit_code(STORE_OK), 0);
	assert_int_equal(store_exit_code(STORE_BUSY), 75);
	assert_int_equal(store_exit_code(STORE_IO), 74);
	assert_null(store_status_name(STORE_STATUS_COUNT));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_and_reopen),
		cmocka_unit_test(test_refuse_missing),
		cmocka_unit_test(test_refuse_text_file),
		cmocka_unit_test(test_refuse_other_application),
		cmocka_unit_test(test_refuse_newer_schema),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_migrate_v1),
		cmocka_unit_test(test_v1_artifact_matches_migration),
		cmocka_unit_test(test_handles),
		cmocka_unit_test(test_schema_names_match_core),
		cmocka_unit_test(test_damaged_desk),
		cmocka_unit_test(test_busy_and_read_only),
		cmocka_unit_test(test_status_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
