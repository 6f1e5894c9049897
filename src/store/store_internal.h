/* store_internal.h - what the store's own files share (and the CSV import
 * and export files, which live in src/store/ too): the SQLite handle,
 * prepared-statement helpers, transactions, ids, the audit writer.
 *
 * Nothing outside src/store/ includes this.
 *
 * Pattern of a write (every write looks like this):
 *
 *	enum store_status rc = tx_begin(st);
 *	if (rc != STORE_OK)
 *		return rc;
 *	... sq_prepare / bind / sq_step / audit_write ...
 *	return tx_end(st, rc);      (commits on STORE_OK, rolls back otherwise)
 *
 * tx_begin is BEGIN IMMEDIATE at the outer level (so a concurrent writer
 * means waiting busy_timeout, never a failed upgrade of a read lock) and a
 * SAVEPOINT inside store_begin() or another write.
 */
#ifndef COSELLDESK_STORE_INTERNAL_H
#define COSELLDESK_STORE_INTERNAL_H

#include <limits.h>
#include <stdarg.h>
#include <sqlite3.h>

#include "coselldesk/store.h"

#define STORE_STMT_CACHE 256       /* distinct static SQL texts cached */
#define STORE_QUEUE_CACHE 16       /* composed queue statements cached */
#define STORE_PATH_SIZE 4096
#define STORE_SLA_NONE 253402300799LL /* sort sentinel for "no SLA": 9999-12-31 */
/* The page cache of a handle unless store_options says otherwise: what the
 * console and the batch reads need (keyset pages, tallies; the console's
 * memory stays small at any desk size). The jobs that touch a large desk
 * all over raise it while they run: JOB_CACHE_KIB. */
#define STORE_CACHE_MB 16
#define JOB_CACHE_KIB (256 * 1024)

/* One cached prepared statement, keyed by the address of its SQL literal. */
struct stmt_slot {
	const char *sql;                /* the static text (pointer identity) */
	sqlite3_stmt *stmt;             /* prepared once, reset after each use */
};

/* One cached composed statement (the queue), keyed by its text. */
struct queue_slot {
	char *sql;                      /* heap copy of the composed text */
	sqlite3_stmt *stmt;
	unsigned long long used;        /* for least-recently-used eviction */
};

struct store {
	sqlite3 *db;                    /* the connection */
	char path[STORE_PATH_SIZE];     /* as given to store_open */
	char err[STORE_MSG_SIZE];       /* last error message */
	struct desk_policy policy;      /* copy of the policy in force */
	char weights_text[64];          /* policy weights as "25,20,20,15,10,10" */
	char actor[STORE_NAME_SIZE];    /* audit actor */
	long long now;                  /* pinned clock; 0 = system clock */
	unsigned long long id_seed;     /* 0: random ids; else the state of a seeded sequence */
	int created;                    /* store_open created the file */
	int version_found;              /* user_version before migrating */
	int version;                    /* user_version now */
	int read_only;                  /* opened read-only */
	int build;                      /* store_options.build: WAL again at close */
	unsigned long long file_dev;    /* st_dev of the desk file at open: a commit first */
	unsigned long long file_ino;    /* checks the path still names it (st_ino likewise) */

	int tx_depth;                   /* nesting of tx_begin (0 = none) */
	int user_tx;                    /* store_begin holds the outer transaction */
	int bulk;                       /* writes inside store_begin join it without a
	                                 * savepoint each (bulk_mode()) */
	enum store_status poisoned;     /* a write failed in bulk mode: the transaction
	                                 * can only roll back (STORE_OK: it is fine) */
	char poison_msg[STORE_MSG_SIZE];/* what failed, for store_commit's message */
	char batch[STORE_ID_SIZE];      /* audit batch of the open transaction */
	char undo_of[STORE_ID_SIZE];    /* while undoing: the batch being reverted */

	struct stmt_slot stmts[STORE_STMT_CACHE];
	struct queue_slot queue_stmts[STORE_QUEUE_CACHE];
	unsigned long long queue_clock;

	/* progress of a long statement (rescore) */
	store_progress_fn progress;
	void *progress_ctx;
	long progress_done;             /* rows done, counted by the SQL functions */
	long progress_total;
	long progress_reported;         /* progress_done at the last callback */

	/* waiting for another writer (store_set_busy_wait; NULL: busy_timeout) */
	store_busy_fn busy_fn;
	void *busy_ctx;
	int busy_timeout_ms;            /* store_options' wait, put back without busy_fn */
	long long busy_since_ms;        /* monotonic ms of the current wait's first refusal */

	/* tests: the plan of every statement run (store_set_plan_hook) */
	store_plan_fn plan_hook;
	void *plan_ctx;

	/* a bulk load (bulk.c): indexes dropped, rebuilt at store_commit */
	char **bulk_index_sql;          /* CREATE texts of the dropped indexes and triggers */
	size_t bulk_index_count;        /* entries of bulk_index_sql */
	int bulk_refill;                /* the counting triggers are gone: count at commit */
};

/* ---- errors (sqlutil.c) ---- */

/* Record a message (printf-style) and return status. */
enum store_status store_fail(struct store *st, enum store_status status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Remember which file the desk path names now (open.c, after opening). */
void tx_remember_file(struct store *st);
/* STORE_OK when the path still names the file opened; else records why not
 * ("removed or replaced") and returns STORE_IO. Run before each COMMIT. */
enum store_status tx_check_file(struct store *st);
/* Map an SQLite result code to a status. */
enum store_status sq_status(int sqlite_rc);
/* Record SQLite's message about what failed ("insert intro: UNIQUE constraint...")
 * and return the mapped status. */
enum store_status sq_fail(struct store *st, const char *what);
/* The status of SQLite's last error on this connection (never STORE_OK):
 * what to return after sq_prepare gave NULL (its message is recorded). */
enum store_status sq_last(struct store *st);
/* Clear the message (at the start of a public call). */
void store_clear_error(struct store *st);

/* ---- statements (sqlutil.c) ---- */

/* The cached statement of a static SQL text (NULL with the error recorded).
 * The statement comes back reset with no bindings; use it, then sq_reset it.
 * If it is still running (re-entry from a callback), a fresh statement is
 * prepared and must be released with sq_release instead. */
sqlite3_stmt *sq_prepare(struct store *st, const char *sql);
/* With a plan hook set (tests), hand it the plan of sql. */
void sq_plan_note(struct store *st, const char *sql);
/* Reset a statement after use (and clear its bindings). */
void sq_reset(sqlite3_stmt *s);
/* Reset, or finalize when it is not the cached one. */
void sq_release(struct store *st, sqlite3_stmt *s);
/* Finalize every cached statement (at close). */
void sq_finalize_all(struct store *st);

/* sqlite3_step: SQLITE_ROW / SQLITE_DONE, or records the error (what) and
 * returns the SQLite code. */
int sq_step(struct store *st, sqlite3_stmt *s, const char *what);

/* Run a statement that returns nothing (DDL, BEGIN, COMMIT). */
enum store_status sq_exec(struct store *st, const char *sql);

/* Bind helpers: text "" or NULL binds NULL with bind_text_or_null. */
int sq_bind_text(sqlite3_stmt *s, int i, const char *text);
int sq_bind_text_or_null(sqlite3_stmt *s, int i, const char *text);
int sq_bind_int_or_null(sqlite3_stmt *s, int i, long long v, int is_null);

/* Copy column i into buf (size bytes, truncated, "" for NULL). */
void sq_column_text(sqlite3_stmt *s, int i, char *buf, size_t size);
/* Column i as long long, or dflt for NULL. */
long long sq_column_int(sqlite3_stmt *s, int i, long long dflt);

/* Single-value queries on a static SQL text taking one optional text
 * parameter (NULL: none). STORE_NOT_FOUND when no row. */
enum store_status sq_one_int(struct store *st, const char *sql, const char *param,
			     long long *out);

/* PRAGMA user_version. */
enum store_status sq_user_version(struct store *st, int *out);

/* Refuse text longer than max bytes: "partner name: 300 bytes, at most 127".
 * NULL passes. */
enum store_status check_len(struct store *st, const char *what, const char *text, size_t max);

/* Make room for one more element in a heap array (*cap grows by doubling).
 * 0, or -1 when out of memory (the array is left as it was). */
int grow_array(void **array, size_t *cap, size_t count, size_t elem_size);

/* Run sql (with ?1 = param when param is not NULL) and collect one element
 * per row, filled by fill(), into a heap array (*out, *n; free()). */
typedef void (*sq_row_fn)(sqlite3_stmt *s, void *elem);
enum store_status sq_list(struct store *st, const char *sql, const char *param,
			  size_t elem_size, sq_row_fn fill, void **out, size_t *n);

/* PRAGMA cache_size = value (negative: KiB, positive: pages); *old (may be
 * NULL) gets the value before, to put back. */
enum store_status cache_set(struct store *st, long long value, long long *old);

/* ---- transactions (sqlutil.c) ---- */

/* Begin a write: BEGIN IMMEDIATE (new audit batch) or a SAVEPOINT. */
enum store_status tx_begin(struct store *st);
/* Commit (rc == STORE_OK) or roll back (otherwise) what tx_begin opened;
 * returns rc, or the commit's failure. */
enum store_status tx_end(struct store *st, enum store_status rc);

/* ---- ids, clock (sqlutil.c) ---- */

/* 32 lowercase hex digits from SQLite's randomness. out: STORE_ID_SIZE. */
/* A new id: 128 random bits, or the next of the seeded sequence
 * (store_set_id_seed) so generated desks come out the same every run. */
void id_new(struct store *st, char *out);
/* Seconds now (the pinned clock or the system's). */
long long st_now(const struct store *st);

/* ---- audit (audit.c) ---- */

/* Append one audit row to the open transaction's batch. old/new/reason may
 * be NULL. entity: "intro", "partner", "account", "ae", "pod",
 * "specialist", "overlap", "escalation", "brief", "hours", "touchpoint",
 * "attribution", "desk". field: a column name, or "created" / "deleted". */
enum store_status audit_write(struct store *st, const char *entity, const char *entity_id,
			      const char *field, const char *old_value, const char *new_value,
			      const char *reason);
/* The same with integer values (is_null: write NULL). */
enum store_status audit_write_int(struct store *st, const char *entity, const char *entity_id,
				  const char *field, long long old_value, int old_null,
				  long long new_value, int new_null, const char *reason);

/* The history of an intro: its rows and those of its escalations, roles,
 * hours and touchpoints, newest first, at most limit (<= 0 all). free(). */
enum store_status audit_list_intro(struct store *st, const char *intro_id, long limit,
				   struct store_audit **out, size_t *n);

/* ---- ids of people-facing handles (handles.c) ---- */

/* store_resolve, but text may already be a full id (fast path) and NULL or ""
 * is STORE_NOT_FOUND with "no <kind> given". */
enum store_status resolve_id(struct store *st, enum store_kind k, const char *text, char *id_out);
const char *store_kind_noun(enum store_kind k);   /* "intro", "partner"... */

/* ---- shared intro helpers (intros.c, scoring.c) ---- */

/* store_intro_add with everything resolved: partner and account ids that
 * exist, pod and owner ids ("" none; no default applied). For the
 * importer, which resolves each name once per file. */
enum store_status intro_add_resolved(struct store *st, const struct store_intro_new *in,
				     const char *partner_id, const char *account_id,
				     const char *pod_id, const char *owner_id, char *id_out);
/* The pod of the account's territory owner and that pod's first specialist,
 * for the ones still "" (what store_intro_add applies when none is given). */
enum store_status intro_default_pod_owner(struct store *st, const char *account_id,
					  char *pod_id, char *owner_id);
/* Load one intro by id (already resolved). */
enum store_status intro_load(struct store *st, const char *id, struct store_intro *out);
/* Refresh a partner's won-ACV cache (count, average, median). */
enum store_status partner_refresh_stats(struct store *st, const char *partner_id);
/* Move a loaded intro to `to` through the core lifecycle (see
 * store_intro_transition); escalation_path 1 lets store_escalate enter
 * escalated and store_escalation_resolve leave it. Updates in->state. */
enum store_status intro_move(struct store *st, struct store_intro *in, enum intro_state to,
			     const struct store_move *mv, int escalation_path);
/* Write the score group (six points, weights, score) in one UPDATE (the
 * CHECKs tie them together) with an audit row per changed field.
 * points NULL clears the group. */
enum store_status intro_set_points(struct store *st, const struct store_intro *in,
				   const int *points, const char *weights, const char *reason);
/* The threshold in force (meta dial, else the policy's). */
int dial_threshold(struct store *st);
/* Undo of a dial move: the old meta value back (NULL: the policy's). */
enum store_status dial_restore(struct store *st, const char *value);
/* Undo of a desk rename. */
enum store_status desk_name_restore(struct store *st, const char *value);
/* Sum of logged AE minutes on an intro. */
enum store_status hours_minutes(struct store *st, const char *intro_id, long long *out);
/* Fill a partner row by id. */
enum store_status partner_load(struct store *st, const char *id, struct store_partner *out);
/* Does this reason code exist for this kind? */
enum store_status reason_code_check(struct store *st, enum reason_kind kind, const char *code);
/* Attribution completeness of an intro (core rule). */
enum store_status attribution_check(struct store *st, const char *intro_id, int *complete,
				    char *why, size_t why_size);

/* ---- editable fields (columns.c) ---- */

/* 1 when entity.column may be edited and undone. */
int column_known(const char *entity, const char *column);
/* Set entity.column of row id to value (text; NULL for NULL; parsed for
 * integer columns). No audit: the caller writes it. STORE_REFUSED when the
 * row is gone. */
enum store_status column_set(struct store *st, const char *entity, const char *id,
			     const char *column, const char *value);
/* Delete the row a "created" audit row made (undo). */
enum store_status row_delete(struct store *st, const char *entity, const char *id);
/* Set an intro column and write its audit row; nothing when unchanged. */
enum store_status intro_set_text(struct store *st, const char *id, const char *column,
				 const char *old_value, const char *new_value, const char *reason);
enum store_status intro_set_int(struct store *st, const char *id, const char *column,
				long long old_value, int old_null, long long new_value,
				int new_null, const char *reason);

/* ---- bulk loads (bulk.c) ---- */

/* Inside store_begin: 1 makes every write join the transaction without a
 * savepoint of its own (a savepoint journals every page it touches, and
 * SQLite's in-memory journal makes that quadratic over a long bulk action).
 * A write failing in this mode poisons the transaction: store_commit then
 * rolls back and returns that failure. For all-or-nothing work only (an
 * import, a load). 0 restores savepoints. */
void bulk_mode(struct store *st, int on);

/* store_bulk_prepare; for_import drops only the indexes an import does not
 * read row by row (it keeps external id and account) and keeps the
 * triggers. */
enum store_status bulk_drop(struct store *st, int for_import);
/* Create again what store_bulk_prepare (bulk_drop) dropped (store_commit
 * calls it before committing). */
enum store_status bulk_index_rebuild(struct store *st);
/* Forget them (the transaction rolled back, so they are back). */
void bulk_index_forget(struct store *st);

/* ---- schema (schema.c) and SQL functions (sqlfuncs.c) ---- */

enum store_status schema_migrate(struct store *st, int target);
int schema_latest(void);
/* Fill every tally the triggers keep from the intros themselves (after a
 * bulk load without triggers). */
enum store_status schema_tallies_fill(struct store *st);
/* Register pql_score(), pql_rescale(), tier_gaming() on the connection. */
enum store_status sqlfuncs_register(struct store *st);

/* Weights as text "25,20,20,15,10,10" (buf >= 64 bytes). */
void weights_format(const int weights[PQL_FACTOR_COUNT], char *buf, size_t size);
/* Parse it back; 0 or -1. */
int weights_parse(const char *text, int weights[PQL_FACTOR_COUNT]);

/* Column names of the six factor points, in factor order ("p_overlap"...). */
extern const char *const store_point_columns[PQL_FACTOR_COUNT];

#endif
