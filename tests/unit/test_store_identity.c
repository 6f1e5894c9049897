/* test_store_identity.c - a write whose desk file was removed or replaced
 * while it ran is refused at COMMIT: SQLite would commit into the unlinked
 * file, and the change would be gone with it. */
#include <errno.h>
#include <sys/stat.h>

#include "store_fixture.h"

/* A desk with a name set, open in f->st. */
static void open_named(struct fx *f)
{
	fx_tmpdir(f);
	fx_open_path(f, 1);
	OK(f, store_set_desk_name(f->st, "before"));
}

static void removed_file_refuses_commit(void **state)
{
	struct fx f;
	char p[192];

	(void)state;
	memset(&f, 0, sizeof f);
	open_named(&f);
	OK(&f, store_begin(f.st));
	OK(&f, store_set_desk_name(f.st, "lost"));
	/* the directory emptied underneath, as rm -rf does */
	snprintf(p, sizeof p, "%s-wal", f.path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f.path);
	unlink(p);
	assert_int_equal(unlink(f.path), 0);
	{
		enum store_status rc = store_commit(f.st);

		assert_int_equal(rc, STORE_IO);
		assert_non_null(strstr(store_errmsg(f.st), f.path));
		assert_non_null(strstr(store_errmsg(f.st), "removed or replaced while writing"));
	}
	/* nothing is left open: a single write is refused the same way */
	assert_int_equal(store_set_desk_name(f.st, "also lost"), STORE_IO);
	fx_close(&f);
	fx_rm(&f);
}

static void replaced_file_refuses_commit(void **state)
{
	struct fx f;
	char copy[192], name[64];
	struct store *other = NULL;
	struct store_options o;
	char err[STORE_MSG_SIZE];
	FILE *in, *out;
	int c;

	(void)state;
	memset(&f, 0, sizeof f);
	open_named(&f);
	/* a byte copy of the desk renamed over it (a restore from backup) */
	snprintf(copy, sizeof copy, "%s/copy.db", f.dir);
	in = fopen(f.path, "rb");
	out = fopen(copy, "wb");
	assert_non_null(in);
	assert_non_null(out);
	while ((c = getc(in)) != EOF)
		putc(c, out);
	fclose(in);
	assert_int_equal(fclose(out), 0);
	OK(&f, store_begin(f.st));
	OK(&f, store_set_desk_name(f.st, "lost"));
	assert_int_equal(rename(copy, f.path), 0);
	assert_int_equal(store_commit(f.st), STORE_IO);
	assert_non_null(strstr(store_errmsg(f.st), "removed or replaced while writing"));
	fx_close(&f);

	/* the file now at the path still holds what it held */
	memset(&o, 0, sizeof o);
	assert_int_equal(store_open(f.path, &o, &other, err, sizeof err), STORE_OK);
	assert_int_equal(store_desk_name(other, name, sizeof name), STORE_OK);
	assert_string_not_equal(name, "lost");
	assert_int_equal(store_close(other, NULL, 0), STORE_OK);
	fx_rm(&f);
}

static void same_file_commits(void **state)
{
	struct fx f;
	char name[64];

	(void)state;
	memset(&f, 0, sizeof f);
	open_named(&f);
	OK(&f, store_begin(f.st));
	OK(&f, store_set_desk_name(f.st, "kept"));
	OK(&f, store_commit(f.st));
	OK(&f, store_desk_name(f.st, name, sizeof name));
	assert_string_equal(name, "kept");
	fx_close(&f);
	fx_rm(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(removed_file_refuses_commit),
		cmocka_unit_test(replaced_file_refuses_commit),
		cmocka_unit_test(same_file_commits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
