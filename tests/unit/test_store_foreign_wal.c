/* test_store_foreign_wal.c - a file refused by store_open is not written,
 * even when a -wal file beside it kept the header from being judged before
 * SQLite opened it: another application's database, or a desk of a newer
 * schema, each with committed transactions still in its WAL. Closing the
 * refused connection must not checkpoint that WAL into the file. */
#include <sqlite3.h>
#include <sys/stat.h>

#include "store_fixture.h"

struct wal_fixture {
	char dir[64];
	char path[128];   /* the refused file; path-wal beside it */
};

static void copy_file(const char *from, const char *to)
{
	size_t len;
	char *buf = test_read_file(from, &len);
	FILE *fp = fopen(to, "wb");

	assert_non_null(buf);
	assert_non_null(fp);
	assert_int_equal(fwrite(buf, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	free(buf);
}

/* Make wf->path a database whose last transactions are only in its WAL:
 * write through a connection that stays open, copy the file and its WAL
 * aside, then let the connection go. */
static void make_with_wal(struct wal_fixture *wf, const char *setup_sql)
{
	char src[160], src_wal[170], wal[140];
	sqlite3 *db = NULL;

	snprintf(wf->dir, sizeof wf->dir, "/tmp/cdesk-walt-XXXXXX");
	assert_non_null(mkdtemp(wf->dir));
	snprintf(src, sizeof src, "%s/source.db", wf->dir);
	snprintf(src_wal, sizeof src_wal, "%s-wal", src);
	snprintf(wf->path, sizeof wf->path, "%s/left.db", wf->dir);
	snprintf(wal, sizeof wal, "%s-wal", wf->path);
	assert_int_equal(sqlite3_open(src, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, setup_sql, NULL, NULL, NULL), SQLITE_OK);
	copy_file(src, wf->path);
	copy_file(src_wal, wal);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
}

static void remove_all(struct wal_fixture *wf)
{
	static const char *const names[] = {
		"source.db", "source.db-wal", "source.db-shm", "left.db", "left.db-wal",
		"left.db-shm",
	};
	char p[192];

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		snprintf(p, sizeof p, "%s/%s", wf->dir, names[i]);
		unlink(p);
	}
	rmdir(wf->dir);
}

static void assert_refused_untouched(struct wal_fixture *wf, enum store_status want,
				     const char *message_part)
{
	char wal[140], err[STORE_MSG_SIZE];
	size_t len_before = 0, wal_before = 0, len_after = 0, wal_after = 0;
	char *file_before, *wal_bytes_before, *file_after, *wal_bytes_after;
	struct store_options o;
	struct store *st = NULL;

	snprintf(wal, sizeof wal, "%s-wal", wf->path);
	file_before = test_read_file(wf->path, &len_before);
	wal_bytes_before = test_read_file(wal, &wal_before);
	assert_non_null(file_before);
	assert_non_null(wal_bytes_before);
	assert_true(wal_before > 0);

	memset(&o, 0, sizeof o);
	assert_int_equal(store_open(wf->path, &o, &st, err, sizeof err), want);
	assert_null(st);
	if (!strstr(err, message_part))
		fail_msg("message '%s' lacks '%s'", err, message_part);
	/* a create request must not change the verdict, nor write either */
	o.create = 1;
	assert_int_equal(store_open(wf->path, &o, &st, err, sizeof err), want);

	file_after = test_read_file(wf->path, &len_after);
	wal_bytes_after = test_read_file(wal, &wal_after);
	assert_non_null(file_after);
	if (!wal_bytes_after)
		fail_msg("the WAL was checkpointed into the refused file and removed");
	assert_int_equal(len_after, len_before);
	assert_memory_equal(file_after, file_before, len_before);
	assert_int_equal(wal_after, wal_before);
	assert_memory_equal(wal_bytes_after, wal_bytes_before, wal_before);
	free(file_before);
	free(file_after);
	free(wal_bytes_before);
	free(wal_bytes_after);
}

static void test_other_application_with_wal(void **state)
{
	struct wal_fixture wf;

	(void)state;
	make_with_wal(&wf, "PRAGMA application_id=305419896; CREATE TABLE t(x);"
			   "INSERT INTO t VALUES (1); INSERT INTO t VALUES (2);");
	assert_refused_untouched(&wf, STORE_NOT_DESK, "another application's");
	remove_all(&wf);
}

static void test_newer_schema_with_wal(void **state)
{
	struct wal_fixture wf;
	char sql[160];

	(void)state;
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d;"
		 "CREATE TABLE meta(k, v); INSERT INTO meta VALUES ('x', 1);",
		 STORE_APPLICATION_ID, STORE_SCHEMA_VERSION + 7);
	make_with_wal(&wf, sql);
	assert_refused_untouched(&wf, STORE_TOO_NEW, "newer coselldesk");
	remove_all(&wf);
}

/* Our own desk with a leftover WAL opens, and what the WAL holds is there. */
static void test_own_desk_with_wal_is_recovered(void **state)
{
	struct fx f;
	char wal[160], err[STORE_MSG_SIZE];
	struct store_options o;
	struct store *st = NULL;
	sqlite3 *db = NULL;
	sqlite3_stmt *s = NULL;

	(void)state;
	fx_tmpdir(&f);
	fx_open_path(&f, 1);
	fx_close(&f);
	/* a writer that dies before checkpointing: keep it open, copy aside */
	{
		char copy[160], copy_wal[170];
		snprintf(copy, sizeof copy, "%s.copy", f.path);
		snprintf(copy_wal, sizeof copy_wal, "%s.copy-wal", f.path);
		assert_int_equal(sqlite3_open(f.path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "INSERT INTO meta(key, value) VALUES "
					      "('left_in_wal', 'yes')", NULL, NULL, NULL),
				 SQLITE_OK);
		snprintf(wal, sizeof wal, "%s-wal", f.path);
		copy_file(f.path, copy);
		copy_file(wal, copy_wal);
		assert_int_equal(sqlite3_close(db), SQLITE_OK);
		rename(copy, f.path);
		rename(copy_wal, wal);
	}
	memset(&o, 0, sizeof o);
	assert_int_equal(store_open(f.path, &o, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_close(st, err, sizeof err), STORE_OK);
	assert_int_equal(sqlite3_open_v2(f.path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'left_in_wal'",
					    -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "yes");
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
	fx_rm(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_other_application_with_wal),
		cmocka_unit_test(test_newer_schema_with_wal),
		cmocka_unit_test(test_own_desk_with_wal_is_recovered),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
