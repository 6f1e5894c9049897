/* open.c - opening a desk safely, configuring the connection, closing.
 *
 * Refusals happen before SQLite may write: the first 100 bytes of the file
 * (the SQLite header) are read with plain I/O and checked for the magic
 * string, our application_id and a schema version we know. Only then is the
 * file opened read-write, checked again through SQLite (the header in the
 * main file can lag behind a WAL), configured and migrated.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store_internal.h"

static const char *const status_names[STORE_STATUS_COUNT] = {
	"ok", "not_found", "ambiguous", "invalid", "refused", "no_file", "not_desk",
	"too_new", "corrupt", "read_only", "io", "busy", "interrupted", "internal",
};

/* sysexits.h values, spelled out so no header is needed */
static const int status_exit[STORE_STATUS_COUNT] = {
	0, 65, 65, 65, 65, 66, 65, 69, 65, 74, 74, 75, 75, 70,
};

const char *store_status_name(enum store_status s)
{
	return (unsigned)s < STORE_STATUS_COUNT ? status_names[s] : NULL;
}

int store_exit_code(enum store_status s)
{
	return (unsigned)s < STORE_STATUS_COUNT ? status_exit[s] : 70;
}

/* What the raw header says. */
struct header_facts {
	int exists;           /* the file exists */
	int empty;            /* zero length */
	int has_wal;          /* a non-empty -wal beside it: the header may be stale */
	unsigned app_id;      /* bytes 68..71 */
	unsigned version;     /* bytes 60..63 */
};

static unsigned be32(const unsigned char *p)
{
	return (unsigned)p[0] << 24 | (unsigned)p[1] << 16 | (unsigned)p[2] << 8 | (unsigned)p[3];
}

/* Read the first size bytes of the file through SQLite's own file layer,
 * never with open() and close() of our own: POSIX locks belong to the
 * process, and any close() of the file drops all of them, those of a
 * connection this process already has on the desk included (the console's,
 * when a background job opens its own handle). Another process closing
 * last would then take itself for the only one, checkpoint and delete the
 * WAL under that connection, and its later commits would be lost. SQLite's
 * unix layer keeps a descriptor open while the process holds locks on the
 * file. Opening read-only writes nothing and creates nothing. Returns the
 * bytes read (fewer at the end of the file), or -1 with *err_no set. */
static ssize_t read_header(const char *path, unsigned char *buf, size_t size, int *err_no)
{
	sqlite3 *db = NULL;
	sqlite3_file *f = NULL;
	ssize_t got = -1;
	int rc;

	memset(buf, 0, size);
	rc = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &f);
	if (rc == SQLITE_OK && f && f->pMethods) {
		rc = f->pMethods->xRead(f, buf, (int)size, 0);
		if (rc == SQLITE_OK)
			got = (ssize_t)size;
		else if (rc == SQLITE_IOERR_SHORT_READ)
			got = 0;  /* SQLite zero-fills a short read: too short to be a database */
	}
	if (got < 0) {
		*err_no = db && sqlite3_system_errno(db) ? sqlite3_system_errno(db) : EIO;
		if (rc == SQLITE_CANTOPEN && access(path, R_OK) != 0)
			*err_no = errno;
	}
	sqlite3_close(db);
	return got;
}

static enum store_status precheck(const char *path, int want_create, struct header_facts *h,
				  char *err, size_t err_size)
{
	static const char magic[16] = "SQLite format 3";  /* with its NUL */
	unsigned char hdr[100];
	struct stat sb;
	char wal[STORE_PATH_SIZE + 8];
	ssize_t got;
	int read_errno = 0;

	memset(h, 0, sizeof *h);
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT) {
			if (want_create)
				return STORE_OK;
			snprintf(err, err_size, "%s: no such desk (run 'coselldesk init' to create it)",
				 path);
			return STORE_NO_FILE;
		}
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		return errno == EACCES ? STORE_READ_ONLY : STORE_IO;
	}
	h->exists = 1;
	if (S_ISDIR(sb.st_mode)) {
		snprintf(err, err_size, "%s: is a directory, not a desk file", path);
		return STORE_NOT_DESK;
	}
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, err_size, "%s: not a regular file", path);
		return STORE_NOT_DESK;
	}
	snprintf(wal, sizeof wal, "%s-wal", path);
	{
		struct stat wb;
		h->has_wal = stat(wal, &wb) == 0 && wb.st_size > 0;
	}
	if (sb.st_size == 0) {
		h->empty = 1;
		if (want_create || h->has_wal)
			return STORE_OK;
		snprintf(err, err_size, "%s: empty file, not a desk (run 'coselldesk init')", path);
		return STORE_NOT_DESK;
	}
	got = read_header(path, hdr, sizeof hdr, &read_errno);
	if (got < 0) {
		snprintf(err, err_size, "%s: cannot read: %s", path, strerror(read_errno));
		return read_errno == EACCES ? STORE_READ_ONLY : STORE_IO;
	}
	if (got < (ssize_t)sizeof hdr || memcmp(hdr, magic, sizeof magic) != 0) {
		snprintf(err, err_size, "%s: not a SQLite database, so not a desk", path);
		return STORE_NOT_DESK;
	}
	h->version = be32(hdr + 60);
	h->app_id = be32(hdr + 68);
	if (h->has_wal)
		return STORE_OK;  /* the WAL may hold a newer header: SQLite checks */
	if (h->app_id != STORE_APPLICATION_ID) {
		if (h->app_id == 0)
			snprintf(err, err_size, "%s: a SQLite database, but not a coselldesk desk "
				 "(no application_id)", path);
		else
			snprintf(err, err_size, "%s: another application's SQLite database "
				 "(application_id 0x%08x, a desk has 0x%08x)", path, h->app_id,
				 (unsigned)STORE_APPLICATION_ID);
		return STORE_NOT_DESK;
	}
	if (h->version > (unsigned)schema_latest()) {
		snprintf(err, err_size, "%s: written by a newer coselldesk (schema version %u, "
			 "this build knows up to %d)", path, h->version, schema_latest());
		return STORE_TOO_NEW;
	}
	return STORE_OK;
}

/* Create the file 0600 ourselves so SQLite (and its -wal, -shm, which copy
 * the main file's mode) never widens it. */
static enum store_status create_file(const char *path, char *err, size_t err_size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return STORE_OK;
		snprintf(err, err_size, "%s: cannot create: %s", path, strerror(errno));
		return errno == EACCES || errno == EROFS ? STORE_READ_ONLY : STORE_IO;
	}
	close(fd);
	return STORE_OK;
}

/* Close a connection, finalizing anything left open so the close cannot
 * fail half-way. Returns SQLite's result of the first close. */
static int close_db(sqlite3 *db)
{
	sqlite3_stmt *s;
	int rc;
	if (!db)
		return SQLITE_OK;
	rc = sqlite3_close(db);
	if (rc != SQLITE_OK) {
		/* a statement left open is a bug; finalize it so the close completes */
		while ((s = sqlite3_next_stmt(db, NULL)) != NULL)
			sqlite3_finalize(s);
		sqlite3_close(db);
	}
	return rc;
}

/* The same checks through SQLite (reads only). header_ours: the raw header
 * already showed our application_id, so a read failure means damage. */
static enum store_status verify_desk(struct store *st, int fresh, int header_ours)
{
	long long app = 0, tables = 0;
	int version = 0;
	enum store_status rc;

	rc = sq_one_int(st, "PRAGMA application_id", NULL, &app);
	if (rc == STORE_OK)
		rc = sq_user_version(st, &version);
	if (rc == STORE_OK)
		rc = sq_one_int(st, "SELECT count(*) FROM sqlite_schema", NULL, &tables);
	if (rc != STORE_OK) {
		if (rc == STORE_CORRUPT && header_ours)
			return store_fail(st, STORE_CORRUPT, "%s: the desk is damaged: %s", st->path,
					  sqlite3_errmsg(st->db));
		if (rc == STORE_CORRUPT)
			return store_fail(st, STORE_NOT_DESK, "%s: not a desk: %s", st->path,
					  sqlite3_errmsg(st->db));
		return rc;
	}
	st->version_found = version;
	if (app == 0 && version == 0 && tables == 0) {
		if (fresh)
			return STORE_OK;
		return store_fail(st, STORE_NOT_DESK,
				  "%s: an empty SQLite database, not a desk (run 'coselldesk init')",
				  st->path);
	}
	if ((unsigned long long)app != STORE_APPLICATION_ID)
		return store_fail(st, STORE_NOT_DESK, "%s: another application's SQLite database "
				  "(application_id 0x%08llx)", st->path,
				  (unsigned long long)app & 0xffffffffULL);
	if (version > schema_latest())
		return store_fail(st, STORE_TOO_NEW, "%s: written by a newer coselldesk (schema "
				  "version %d, this build knows up to %d)", st->path, version,
				  schema_latest());
	return STORE_OK;
}

static enum store_status configure(struct store *st, int busy_ms, int cache_mb)
{
	enum store_status rc;
	char journal[16] = "";
	sqlite3_stmt *s;

	sqlite3_busy_timeout(st->db, busy_ms);
	sqlite3_extended_result_codes(st->db, 1);
	if (!st->read_only) {
		s = sq_prepare(st, "PRAGMA journal_mode = WAL");
		if (!s)
			return sq_last(st);
		if (sq_step(st, s, "set WAL mode") == SQLITE_ROW)
			sq_column_text(s, 0, journal, sizeof journal);
		else {
			sq_release(st, s);
			return sq_last(st);
		}
		sq_release(st, s);
	}
	rc = sq_exec(st, "PRAGMA synchronous = NORMAL");
	if (rc == STORE_OK)
		rc = sq_exec(st, "PRAGMA foreign_keys = ON");
	if (rc == STORE_OK) {
		/* a PRAGMA cannot take a bound parameter; the number is ours (an
		 * int from the settings), never user text */
		char sql[64];
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %d", -cache_mb * 1024);
		rc = sq_exec(st, sql);
	}
	if (rc == STORE_OK)
		rc = sq_exec(st, "PRAGMA temp_store = MEMORY");
	if (rc == STORE_OK && st->build) {
		/* a generated desk: one writer, nothing to protect until it is
		 * done; the journal in memory still serves rollbacks */
		rc = sq_exec(st, "PRAGMA journal_mode = MEMORY");
		if (rc == STORE_OK)
			rc = sq_exec(st, "PRAGMA synchronous = OFF");
		/* the tool links what it made itself; CHECK constraints still hold */
		if (rc == STORE_OK)
			rc = sq_exec(st, "PRAGMA foreign_keys = OFF");
		if (rc == STORE_OK)
			rc = sq_exec(st, "PRAGMA locking_mode = EXCLUSIVE");
	}
	return rc;
}

static void format_weights(struct store *st)
{
	weights_format(st->policy.weights, st->weights_text, sizeof st->weights_text);
}

enum store_status store_open(const char *path, const struct store_options *opt,
			     struct store **out, char *err, size_t err_size)
{
	struct store_options dflt;
	struct header_facts h;
	struct store *st;
	enum store_status rc;
	char scratch[STORE_MSG_SIZE];
	int flags, target, fresh;

	if (!err || err_size == 0) {
		err = scratch;
		err_size = sizeof scratch;
	}
	err[0] = '\0';
	*out = NULL;
	if (!opt) {
		memset(&dflt, 0, sizeof dflt);
		opt = &dflt;
	}
	if (!path || !*path) {
		snprintf(err, err_size, "no desk file given");
		return STORE_NO_FILE;
	}
	if (strlen(path) >= STORE_PATH_SIZE) {
		snprintf(err, err_size, "%.64s...: path too long", path);
		return STORE_INVALID;
	}
	target = opt->target_version > 0 ? opt->target_version : schema_latest();
	if (target > schema_latest())
		target = schema_latest();

	rc = precheck(path, opt->create && !opt->read_only, &h, err, err_size);
	if (rc != STORE_OK)
		return rc;
	fresh = !h.exists || h.empty;
	if (!h.exists) {
		rc = create_file(path, err, err_size);
		if (rc != STORE_OK)
			return rc;
	}

	st = calloc(1, sizeof *st);
	if (!st) {
		snprintf(err, err_size, "%s: out of memory", path);
		return STORE_INTERNAL;
	}
	snprintf(st->path, sizeof st->path, "%s", path);
	snprintf(st->actor, sizeof st->actor, "desk");
	st->read_only = opt->read_only;
	st->created = fresh;
	st->build = opt->build && opt->create && fresh && !opt->read_only;
	if (opt->policy)
		st->policy = *opt->policy;
	else
		policy_defaults(&st->policy);
	format_weights(st);

	flags = opt->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
	if (sqlite3_open_v2(path, &st->db, flags, NULL) != SQLITE_OK) {
		rc = st->db ? sq_status(sqlite3_errcode(st->db)) : STORE_INTERNAL;
		snprintf(err, err_size, "%s: cannot open: %s", path,
			 st->db ? sqlite3_errmsg(st->db) : "out of memory");
		goto fail;
	}
	tx_remember_file(st);
	st->busy_timeout_ms = opt->busy_timeout_ms > 0 ? opt->busy_timeout_ms : 2000;
	sqlite3_busy_timeout(st->db, st->busy_timeout_ms);
	/* With a -wal beside it the header could not be judged before opening.
	 * Closing the last connection checkpoints the WAL into the main file, so
	 * refusing that file (another application's, a newer schema, damaged)
	 * would write to it on the way out: no checkpoint on close until it is
	 * known to be ours. (Without a WAL before, closing only removes the
	 * empty one SQLite made.) */
	if (h.has_wal)
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
	rc = verify_desk(st, fresh, h.exists && !h.empty && h.app_id == STORE_APPLICATION_ID);
	if (rc != STORE_OK)
		goto fail_msg;
	if (h.has_wal)
		sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)NULL);
	rc = configure(st, st->busy_timeout_ms,
		       opt->cache_mb > 0 ? (opt->cache_mb < 4096 ? opt->cache_mb : 4096)
		       : STORE_CACHE_MB);
	if (rc != STORE_OK)
		goto fail_msg;
	if (st->version_found < target) {
		if (st->read_only) {
			rc = store_fail(st, STORE_REFUSED, "%s: schema version %d needs an upgrade "
					"to %d: open it for writing once", path, st->version_found,
					target);
			goto fail_msg;
		}
		rc = schema_migrate(st, target);
		if (rc != STORE_OK)
			goto fail_msg;
	}
	rc = sq_user_version(st, &st->version);
	if (rc != STORE_OK)
		goto fail_msg;
	rc = sqlfuncs_register(st);
	if (rc != STORE_OK)
		goto fail_msg;
	store_clear_error(st);
	*out = st;
	return STORE_OK;

fail_msg:
	snprintf(err, err_size, "%s", st->err[0] ? st->err : "cannot open the desk");
fail:
	sq_finalize_all(st);
	if (close_db(st->db) != SQLITE_OK && err[0] == '\0')
		snprintf(err, err_size, "%s: could not close after a failed open", path);
	free(st);
	return rc == STORE_OK ? STORE_INTERNAL : rc;
}

enum store_status store_close(struct store *st, char *err, size_t err_size)
{
	enum store_status rc = STORE_OK;
	if (!st)
		return STORE_OK;
	if (st->tx_depth > 0 && !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	if (st->build) {
		/* a generated desk is a desk like any other from now on */
		sq_exec(st, "PRAGMA locking_mode = NORMAL");
		if (sq_exec(st, "PRAGMA journal_mode = WAL") != STORE_OK) {
			if (err && err_size)
				snprintf(err, err_size, "%s", st->err);
			rc = STORE_IO;
		}
	}
	sq_finalize_all(st);
	bulk_index_forget(st);
	if (close_db(st->db) != SQLITE_OK) {
		if (err && err_size)
			snprintf(err, err_size, "%s: closing: a statement was left open", st->path);
		rc = STORE_INTERNAL;
	}
	free(st);
	return rc;
}

const char *store_errmsg(const struct store *st)
{
	return st ? st->err : "no desk";
}

int store_was_created(const struct store *st)
{
	return st->created;
}

int store_schema_version_found(const struct store *st)
{
	return st->version_found;
}

int store_schema_version(const struct store *st)
{
	return st->version;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

const struct desk_policy *store_policy(const struct store *st)
{
	return &st->policy;
}

void store_set_policy(struct store *st, const struct desk_policy *p)
{
	st->policy = *p;
	format_weights(st);
}

void store_set_now(struct store *st, long long now)
{
	st->now = now;
}

long long store_now(const struct store *st)
{
	return st_now(st);
}

void store_set_actor(struct store *st, const char *actor)
{
	snprintf(st->actor, sizeof st->actor, "%s", actor && *actor ? actor : "desk");
}

const char *store_actor(const struct store *st)
{
	return st->actor;
}

enum store_status store_data_version(struct store *st, long long *out)
{
	store_clear_error(st);
	return sq_one_int(st, "PRAGMA data_version", NULL, out);
}

/* ---- waiting for another writer ---- */

static long long monotonic_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* SQLite's busy handler while a hook is installed: count is how often it
 * ran for this same refusal (0: the first). Short sleeps at first, as
 * busy_timeout does, so a writer about to finish costs little; then steady
 * steps, so the hook can repaint and the caller can give up promptly. */
static int busy_wait_step(void *arg, int count)
{
	static const int first_steps_ms[] = { 1, 2, 5, 10, 20 };
	struct store *st = arg;
	int step = count < (int)(sizeof first_steps_ms / sizeof first_steps_ms[0])
		   ? first_steps_ms[count] : STORE_BUSY_STEP_MS;
	struct timespec pause;

	if (count == 0)
		st->busy_since_ms = monotonic_ms();
	if (!st->busy_fn(st->busy_ctx, (long)(monotonic_ms() - st->busy_since_ms)))
		return 0;
	pause.tv_sec = 0;
	pause.tv_nsec = (long)step * 1000000L;
	nanosleep(&pause, NULL);  /* a signal cutting it short just asks the hook sooner */
	return 1;
}

void store_set_busy_wait(struct store *st, store_busy_fn fn, void *ctx)
{
	st->busy_fn = fn;
	st->busy_ctx = ctx;
	/* one or the other: each replaces the handler the other installed */
	if (fn)
		sqlite3_busy_handler(st->db, busy_wait_step, st);
	else
		sqlite3_busy_timeout(st->db, st->busy_timeout_ms);
}

/* ---- public transactions ---- */

enum store_status store_begin(struct store *st)
{
	enum store_status rc;
	store_clear_error(st);
	if (st->tx_depth > 0)
		return store_fail(st, STORE_INTERNAL, "store_begin: a transaction is already open");
	rc = tx_begin(st);
	if (rc == STORE_OK)
		st->user_tx = 1;
	return rc;
}

enum store_status store_begin_bulk(struct store *st)
{
	enum store_status rc = store_begin(st);
	if (rc == STORE_OK)
		bulk_mode(st, 1);
	return rc;
}

enum store_status store_commit(struct store *st)
{
	enum store_status rc = STORE_OK;
	if (!st->user_tx)
		return store_fail(st, STORE_INTERNAL, "store_commit: no transaction open");
	if (st->bulk_index_count)
		rc = bulk_index_rebuild(st);
	st->user_tx = 0;
	return tx_end(st, rc);
}

enum store_status store_rollback(struct store *st)
{
	if (!st->user_tx)
		return store_fail(st, STORE_INTERNAL, "store_rollback: no transaction open");
	st->user_tx = 0;
	tx_end(st, STORE_REFUSED);
	bulk_index_forget(st);
	return STORE_OK;
}
