/* fuzz_csv_import.c - libFuzzer harness for the CSV importer.
 *
 * The desk is a real file on a memory-backed directory (/dev/shm when there
 * is one), seeded once with the good import files of tests/data/import, so
 * rows can match partners, accounts and AEs that exist. The first input
 * byte picks what the rest is:
 *   bits 0-2  the import kind (modulo IMPORT_KIND_COUNT)
 *   bit 7     commit it for real (else a dry run, which rolls back)
 * A committed import changes the desk, so afterwards the pristine desk is
 * put back byte for byte: every input starts from the same state, and a
 * finding replays the same way. Ids come from a fixed seed and the clock is
 * pinned for the same reason.
 *
 * FUZZ_IMPORT_SEEDS names the seed directory (default tests/data/import,
 * relative to where the fuzzer runs).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coselldesk/import.h"
#include "coselldesk/store.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_NOW 1736154000LL  /* 2025-01-06 09:00 UTC */
#define FUZZ_SEED 0x5eedULL

static char desk_dir[128];
static char desk_path[160];
static unsigned char *pristine;   /* the seeded desk file, for restores */
static size_t pristine_len;
static struct store *desk;

static void die(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_csv_import: %s: %s\n", what, detail);
	abort();
}

static void remove_desk_files(void)
{
	char p[192];

	snprintf(p, sizeof p, "%s-wal", desk_path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", desk_path);
	unlink(p);
	unlink(desk_path);
}

static void cleanup(void)
{
	if (desk)
		store_close(desk, NULL, 0);
	desk = NULL;
	remove_desk_files();
	rmdir(desk_dir);
	free(pristine);
}

static void open_desk(int create)
{
	struct store_options o;
	char err[STORE_MSG_SIZE];

	memset(&o, 0, sizeof o);
	o.create = create;
	o.cache_mb = 8;
	if (store_open(desk_path, &o, &desk, err, sizeof err) != STORE_OK)
		die("open", err);
	store_set_now(desk, FUZZ_NOW);
	store_set_actor(desk, "fuzz");
}

static void close_desk(void)
{
	char err[STORE_MSG_SIZE] = "";

	if (store_close(desk, err, sizeof err) != STORE_OK)
		die("close", err);  /* a statement left open is a bug worth a crash */
	desk = NULL;
}

static void seed_desk(const char *dir)
{
	static const struct { enum import_kind kind; const char *file; } seeds[] = {
		{ IMPORT_AES, "aes.csv" },           { IMPORT_PARTNERS, "partners.csv" },
		{ IMPORT_ACCOUNTS, "accounts.csv" }, { IMPORT_OVERLAPS, "overlaps.csv" },
		{ IMPORT_INTROS, "intros.csv" },
	};
	for (size_t i = 0; i < sizeof seeds / sizeof seeds[0]; i++) {
		struct import_result res;
		char path[512];

		snprintf(path, sizeof path, "%s/%s", dir, seeds[i].file);
		if (import_csv_file(desk, seeds[i].kind, path, NULL, &res) != STORE_OK)
			die(path, res.message_count ? res.messages[0].text : store_errmsg(desk));
		import_result_free(&res);
	}
}

static void read_pristine(void)
{
	FILE *f = fopen(desk_path, "rb");
	struct stat sb;

	if (!f || fstat(fileno(f), &sb) != 0)
		die(desk_path, strerror(errno));
	pristine_len = (size_t)sb.st_size;
	if (!(pristine = malloc(pristine_len)) ||
	    fread(pristine, 1, pristine_len, f) != pristine_len)
		die(desk_path, "cannot read back");
	fclose(f);
}

/* Put the seeded desk back after a committed import. */
static void restore_desk(void)
{
	int fd;

	close_desk();
	remove_desk_files();
	fd = open(desk_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0 || write(fd, pristine, pristine_len) != (ssize_t)pristine_len)
		die(desk_path, "cannot restore");
	close(fd);
	open_desk(0);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *seeds = getenv("FUZZ_IMPORT_SEEDS");
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";

	(void)argc;
	(void)argv;
	snprintf(desk_dir, sizeof desk_dir, "%s/coselldesk-fuzz-XXXXXX", base);
	if (!mkdtemp(desk_dir))
		die("mkdtemp", strerror(errno));
	snprintf(desk_path, sizeof desk_path, "%s/desk.db", desk_dir);
	atexit(cleanup);
	open_desk(1);
	seed_desk(seeds && *seeds ? seeds : "tests/data/import");
	close_desk();  /* checkpoints the WAL into the file */
	read_pristine();
	open_desk(0);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct import_options opt;
	struct import_result res;
	enum store_status rc;
	char line[512];

	if (size == 0)
		return 0;
	memset(&opt, 0, sizeof opt);
	opt.name = "fuzz.csv";
	opt.dry_run = !(data[0] & 0x80);
	store_set_id_seed(desk, FUZZ_SEED);
	rc = import_csv_buffer(desk, (enum import_kind)((data[0] & 7) % IMPORT_KIND_COUNT),
			       data + 1, size - 1, &opt, &res);

	/* what the importer promises about its result */
	if (res.committed && (rc != STORE_OK || opt.dry_run))
		die("result", "committed although it failed or was a dry run");
	if (rc == STORE_OK && res.errors != 0)
		die("result", "ok with errors");
	if (rc == STORE_INVALID && res.message_count == 0)
		die("result", "refused without a message");
	for (size_t i = 0; i < res.message_count; i++) {
		for (const unsigned char *t = (const unsigned char *)res.messages[i].text; *t; t++) {
			if (*t < 0x20 || *t == 0x7f)
				die("message", "a control character reached a message");
			if (t[0] == 0xc2 && t[1] >= 0x80 && t[1] <= 0x9f)
				die("message", "a C1 control (U+0080-U+009F) reached a message");
		}
	}
	import_result_summary(&res, line, sizeof line);
	import_result_free(&res);
	if (rc != STORE_OK && rc != STORE_INVALID)
		die("status", store_status_name(rc));  /* busy, I/O, internal: a bug here */
	if (res.committed)
		restore_desk();
	return 0;
}
