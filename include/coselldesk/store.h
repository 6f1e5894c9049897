/* store.h - the desk file: schema, migrations, every read and write.
 *
 * The store is the only code that speaks SQL. It keeps one SQLite file per
 * desk (WAL, synchronous=NORMAL, foreign keys on, application_id set,
 * user_version = schema version) and answers in plain structs.
 *
 * Conventions
 * - Every function returns enum store_status. On anything but STORE_OK a
 *   message naming the thing and the reason is left in store_errmsg(); the
 *   desk is unchanged (every write is one BEGIN IMMEDIATE transaction with its
 *   audit rows, rolled back whole on error).
 * - Ids are 32 lowercase hex characters (128 random bits). People see
 *   handles: a kind prefix and the id's first 6 hex digits ("IN-7F3A2C").
 *   Every function taking an id also takes a handle, a longer unique prefix
 *   ("IN-7F3A2C9"), the bare id, and for named things (partner, account,
 *   pod, specialist, AE) the exact name, case-insensitively. An unknown text
 *   is STORE_NOT_FOUND, one matching several rows STORE_AMBIGUOUS.
 * - Times are unix seconds UTC (long long); 0 means "none" in structs.
 *   Money is whole dollars (long long); -1 means unknown. AE hours are kept
 *   in minutes in the file and shown as hours (double) here.
 * - Text fields of structs are fixed buffers, NUL-terminated, truncated to
 *   fit on read; on write the store refuses text longer than the buffer.
 * - A busy desk is a wait of busy_timeout, not an error; STORE_BUSY only
 *   after that time has passed (or, with store_set_busy_wait, when the
 *   caller's hook says to stop waiting).
 * - One struct store is used by one thread at a time. A background job (a
 *   rescore while the console runs) opens its own handle on the same file.
 */
#ifndef COSELLDESK_STORE_H
#define COSELLDESK_STORE_H

#include <stddef.h>
#include "coselldesk/policy.h"
#include "coselldesk/domain.h"
#include "coselldesk/tier.h"
#include "coselldesk/score.h"
#include "coselldesk/brief.h"
#include "coselldesk/capacity.h"
#include "coselldesk/calibration.h"

#define STORE_SCHEMA_VERSION 4           /* the schema this build writes */
#define STORE_APPLICATION_ID 0x4353444b  /* PRAGMA application_id: "CSDK" */

#define STORE_ID_SIZE 33        /* 32 hex digits + NUL */
#define STORE_HANDLE_SIZE 24    /* "IN-7F3A2C" and longer prefixes */
#define STORE_NAME_SIZE 128     /* names, domains, contacts, codes */
#define STORE_TEXT_SIZE 512     /* reasons, audit values, short notes */
#define STORE_NOTE_SIZE 4001    /* an intro's note: at most 4000 bytes */
#define STORE_MSG_SIZE 512      /* error messages */
#define STORE_REASON_SIZE 1024  /* a tier decision's reasons */

/* ------------------------------------------------------------------ */
/* Status                                                              */

enum store_status {
	STORE_OK = 0,
	STORE_NOT_FOUND,      /* unknown id, handle or name (exit 65) */
	STORE_AMBIGUOUS,      /* a handle or name matching several rows (exit 65) */
	STORE_INVALID,        /* a value refused: out of range, too long, missing (exit 65) */
	STORE_REFUSED,        /* a desk rule said no: illegal transition, attribution
	                       * incomplete, escalation not needed, nothing to undo (exit 65) */
	STORE_NO_FILE,        /* the desk file is missing and create was not asked (exit 66) */
	STORE_NOT_DESK,       /* not a SQLite database, or another application's (exit 65) */
	STORE_TOO_NEW,        /* written by a newer coselldesk: schema above ours (exit 69) */
	STORE_CORRUPT,        /* the file is damaged (exit 65) */
	STORE_READ_ONLY,      /* the file or its directory cannot be written (exit 74) */
	STORE_IO,             /* I/O error, disk full (exit 74) */
	STORE_BUSY,           /* another writer held the desk past busy_timeout (exit 75) */
	STORE_INTERRUPTED,    /* a progress callback asked to stop (exit 75) */
	STORE_INTERNAL,       /* unexpected SQLite error or out of memory: a bug (exit 70) */
	STORE_STATUS_COUNT
};

/* The SQLite library in use ("3.40.1"), for --version. */
const char *store_sqlite_version(void);

/* "ok", "not_found", ... ; NULL when out of range. */
const char *store_status_name(enum store_status s);

/* The sysexits.h code a batch command exits with for this status (0 for OK;
 * see the list above). */
int store_exit_code(enum store_status s);

/* ------------------------------------------------------------------ */
/* Opening and closing                                                 */

struct store;  /* one open desk; opaque */

struct store_options {
	int create;                           /* 1: a missing (or zero-length) file is
	                                       * created 0600 and initialised; 0: a
	                                       * missing file is STORE_NO_FILE */
	int read_only;                        /* 1: open for reading; an older schema is
	                                       * refused (STORE_REFUSED), not upgraded */
	int busy_timeout_ms;                  /* wait for another writer this long; <= 0: 2000 */
	int cache_mb;                         /* page cache in MiB; <= 0: 16 (imports and
	                                       * rescoring raise it to 256 while they run) */
	int target_version;                   /* tests and tools only: migrate up to this version
	                                       * (0: STORE_SCHEMA_VERSION) */
	int build;                            /* tools only (bench/): a desk written from
	                                       * nothing by one process. While open: journal
	                                       * in memory, no syncing, no other connection,
	                                       * foreign keys not checked (the tool links
	                                       * only what it made); a crash leaves a broken
	                                       * file. WAL again at store_close. Only with
	                                       * create on a new file; ignored otherwise */
	const struct desk_policy *policy;     /* weights, tier rule, SLA hours...; copied;
	                                       * NULL: policy_defaults() */
};

/* Open (and with opt->create, create) the desk at path, check it is ours,
 * configure the connection and run pending migrations. Before SQLite writes
 * anything the file header is checked: a non-database, another
 * application's file (application_id differs) or a newer schema is refused
 * and the file is left untouched. On error *out is NULL and err (when not
 * NULL) holds one line naming the file and the problem, e.g.
 * "desk.db: not a coselldesk desk (application_id 0x12345678)".
 * opt may be NULL (open an existing desk with the defaults). */
enum store_status store_open(const char *path, const struct store_options *opt,
			     struct store **out, char *err, size_t err_size);

/* Roll back an open transaction, finalize every statement and close,
 * checking sqlite3_close's result: STORE_INTERNAL (message in err) when a
 * statement was left open (a bug); the handle is freed either way. NULL is
 * fine. */
enum store_status store_close(struct store *st, char *err, size_t err_size);

/* The message of the last failed call on this handle ("" after success). */
const char *store_errmsg(const struct store *st);

/* 1 when store_open created the file (init), 0 when it existed. */
int store_was_created(const struct store *st);

/* The schema version the file had before store_open migrated it, and now. */
int store_schema_version_found(const struct store *st);
int store_schema_version(const struct store *st);

/* The path given to store_open. */
const char *store_path(const struct store *st);

/* The policy in force (a copy held by the store). Changing the weights with
 * store_set_policy makes earlier scores stale until store_rescore runs. */
const struct desk_policy *store_policy(const struct store *st);
void store_set_policy(struct store *st, const struct desk_policy *p);

/* The clock. 0 (the default) reads the system clock; tests pin it. */
void store_set_now(struct store *st, long long now);
long long store_now(const struct store *st);

/* Tools and tests only: draw ids from a sequence seeded with seed instead of
 * random bits, so a generated desk (sample.db) is the same on every run.
 * 0 returns to random ids. */
void store_set_id_seed(struct store *st, unsigned long long seed);

/* Who the audit trail names. Default "desk"; the CLI passes $USER. Copied,
 * truncated to STORE_NAME_SIZE-1 bytes. */
void store_set_actor(struct store *st, const char *actor);
const char *store_actor(const struct store *st);

/* The desk's name (meta "desk_name"; "co-sell desk" by default), for
 * titles and reports; renaming is audited. */
enum store_status store_desk_name(struct store *st, char *out, size_t size);
enum store_status store_set_desk_name(struct store *st, const char *name);

/* PRAGMA data_version: changes when ANOTHER connection commits. The console
 * polls it on its input timeout to refresh. */
enum store_status store_data_version(struct store *st, long long *out);

/* Waiting for another writer. A write starts with BEGIN IMMEDIATE; while
 * another connection (a long import is one transaction) holds the desk's
 * write lock, the write waits. By default it waits busy_timeout_ms
 * (store_options) and then fails with STORE_BUSY, which is what batch
 * commands want: exit 75, try again. A caller that would rather wait as
 * long as it takes, and say so, installs fn: the store then sleeps in steps
 * of at most STORE_BUSY_STEP_MS and calls fn(ctx, waited_ms) before each,
 * waited_ms counting from the first refusal of this write. fn returns
 * nonzero to go on waiting, 0 to give up (the write fails with STORE_BUSY
 * and changes nothing). fn runs inside the store call that waits: it must
 * not use this store (another handle is fine). fn NULL puts busy_timeout
 * back. Reads do not wait for writers (WAL). */
#define STORE_BUSY_STEP_MS 50
typedef int (*store_busy_fn)(void *ctx, long waited_ms);
void store_set_busy_wait(struct store *st, store_busy_fn fn, void *ctx);

/* ------------------------------------------------------------------ */
/* Transactions and bulk actions                                       */

/* Group several writes in one transaction and ONE audit batch: undo then
 * reverts all of them at once (the console's tagged bulk actions, an import).
 * Writes made inside join it (nested writes use savepoints, so a failed
 * write rolls back only itself). Without store_begin every write function is
 * its own transaction and batch. */
enum store_status store_begin(struct store *st);
/* store_begin for all-or-nothing work (an import, a generated desk): writes
 * inside join the transaction without a savepoint each, so a long bulk
 * action costs per row what its rows cost. A write that fails then spoils
 * the transaction: store_commit refuses it (rolls back, returns that
 * failure). */
enum store_status store_begin_bulk(struct store *st);
enum store_status store_commit(struct store *st);
enum store_status store_rollback(struct store *st);

/* ------------------------------------------------------------------ */
/* Ids and handles                                                     */

enum store_kind {
	STORE_KIND_INTRO,                     /* "IN" */
	STORE_KIND_PARTNER,                   /* "PA" */
	STORE_KIND_ACCOUNT,                   /* "AC" */
	STORE_KIND_ESCALATION,                /* "ES" */
	STORE_KIND_AE,                        /* "AE" */
	STORE_KIND_POD,                       /* "PD" */
	STORE_KIND_SPECIALIST,                /* "DS" (desk specialist) */
	STORE_KIND_COUNT
};

/* The handle prefix of a kind ("IN"); NULL when out of range. */
const char *store_kind_prefix(enum store_kind k);

/* Write the handle of an id: "IN-7F3A2C". out has STORE_HANDLE_SIZE bytes. */
void store_handle_of(enum store_kind k, const char *id, char *out);

/* Find the id that text names (handle, hex prefix of 6+ digits, full id, or
 * for named kinds the name). The message of a failure names the text and
 * the kind: "no intro IN-7F3A2C", "AC-12AB34 matches 2 accounts: give more
 * digits". id_out has STORE_ID_SIZE bytes. */
enum store_status store_resolve(struct store *st, enum store_kind k, const char *text,
				char *id_out);

/* ------------------------------------------------------------------ */
/* Reference data: pods, specialists, AEs, partners, accounts, overlaps */

struct store_pod {
	char id[STORE_ID_SIZE];               /* pod id */
	char name[STORE_NAME_SIZE];           /* unique name, e.g. "east" */
};

struct store_specialist {
	char id[STORE_ID_SIZE];               /* specialist id */
	char name[STORE_NAME_SIZE];           /* unique name */
	char pod_id[STORE_ID_SIZE];           /* the pod they run ("" none) */
};

struct store_ae {
	char id[STORE_ID_SIZE];               /* AE id (output; ignored on ensure) */
	char name[STORE_NAME_SIZE];           /* unique name */
	char email[STORE_NAME_SIZE];          /* optional */
	char pod_id[STORE_ID_SIZE];           /* the pod they sell in ("" none); on ensure
	                                       * any pod id, handle or name */
	double selling_hours;                 /* productive selling hours a week; 0: the policy's */
	int active;                           /* 0: left or on leave: never suggested for routing */
};

struct store_partner {
	char id[STORE_ID_SIZE];               /* partner id (output) */
	char name[STORE_NAME_SIZE];           /* unique name (case-insensitive) */
	char domain[STORE_NAME_SIZE];         /* web domain, optional */
	enum partner_tier tier;               /* strategic, growth, long tail */
	long long avg_won_acv;                /* output: average won ACV, -1 without wins */
	long long median_won_acv;             /* output: median won ACV, -1 without wins */
	long won_count;                       /* output: intros won */
};

struct store_account {
	char id[STORE_ID_SIZE];               /* account id (output) */
	char name[STORE_NAME_SIZE];           /* company name */
	char domain[STORE_NAME_SIZE];         /* web domain, unique when given ("" none) */
	char region[STORE_NAME_SIZE];         /* sales region, optional */
	char industry[STORE_NAME_SIZE];       /* ICP attribute, optional */
	char country[STORE_NAME_SIZE];        /* ISO-2 country, optional */
	long employees;                       /* ICP attribute; -1 unknown */
	int strategic;                        /* 1: a strategic account (tier rule lift) */
	char owner_ae_id[STORE_ID_SIZE];      /* territory owner AE ("" none); on ensure any
	                                       * AE id, handle or name */
};

/* Account-mapping evidence of one partner on one account. */
struct store_overlap {
	char partner_id[STORE_ID_SIZE];       /* the partner */
	char account_id[STORE_ID_SIZE];       /* the account */
	enum population ours;                 /* the account in our CRM */
	enum population partners;             /* the account in the partner's CRM */
	int stakeholders;                     /* common contacts / stakeholders; -1 unknown */
	char partner_contact[STORE_NAME_SIZE]; /* partner-side owner or contact */
	long long refreshed_at;               /* when the mapping data was refreshed (0 unknown) */
	enum mapping_signal signal;           /* output: domain_signal_of(ours, partners) */
};

/* Find by name (case-insensitive) or create; *created (may be NULL) says
 * which. Ensure never changes an existing row. Audited when created. */
enum store_status store_pod_ensure(struct store *st, const char *name, char *id_out,
				   int *created);
enum store_status store_specialist_ensure(struct store *st, const char *name,
					  const char *pod, char *id_out, int *created);
enum store_status store_ae_ensure(struct store *st, const struct store_ae *in,
				  char *id_out, int *created);
enum store_status store_partner_ensure(struct store *st, const struct store_partner *in,
				       char *id_out, int *created);
/* Accounts match by domain when one is given, else by name. */
enum store_status store_account_ensure(struct store *st, const struct store_account *in,
				       char *id_out, int *created);

/* Edits, each audited. */
enum store_status store_ae_set_active(struct store *st, const char *ae, int active);
enum store_status store_partner_set_tier(struct store *st, const char *partner,
					 enum partner_tier tier, const char *reason);
enum store_status store_account_set_owner(struct store *st, const char *account,
					  const char *ae /* NULL or "": none */);
enum store_status store_account_set_strategic(struct store *st, const char *account,
					      int strategic);

/* Insert or replace the overlap of (partner, account); the signal is derived. */
enum store_status store_overlap_set(struct store *st, const struct store_overlap *in);
/* STORE_NOT_FOUND when there is no mapping data for the pair. */
enum store_status store_overlap_get(struct store *st, const char *partner,
				    const char *account, struct store_overlap *out);

enum store_status store_pod_get(struct store *st, const char *pod, struct store_pod *out);
enum store_status store_specialist_get(struct store *st, const char *who,
				       struct store_specialist *out);
enum store_status store_ae_get(struct store *st, const char *ae, struct store_ae *out);
enum store_status store_partner_get(struct store *st, const char *partner,
				    struct store_partner *out);
enum store_status store_account_get(struct store *st, const char *account,
				    struct store_account *out);

/* Whole lists for pickers and completion, sorted by name. *out is a heap
 * array of *n entries: free() it. */
enum store_status store_pod_list(struct store *st, struct store_pod **out, size_t *n);
enum store_status store_specialist_list(struct store *st, struct store_specialist **out,
					size_t *n);
enum store_status store_ae_list(struct store *st, const char *pod /* NULL all */,
				struct store_ae **out, size_t *n);
enum store_status store_partner_list(struct store *st, struct store_partner **out,
				     size_t *n);

/* ------------------------------------------------------------------ */
/* Intros                                                              */

/* What arrives from a partner. */
struct store_intro_new {
	const char *partner;                  /* partner id, handle or name (must exist) */
	const char *account;                  /* account id, handle or name (must exist) */
	long long received_at;                /* when the partner sent it; 0: now */
	const char *contact;                  /* customer contact, optional */
	const char *note;                     /* the partner's note, optional, <= 4000 bytes */
	const char *source;                   /* "partner", "aws", "ms", "form"...;
	                                       * NULL: "partner" */
	const char *external_id;              /* the portal's id, optional (import idempotency) */
	long long expected_acv;               /* dollars; -1 unknown */
	const char *pod;                      /* pod, optional; NULL: the territory owner's pod */
	const char *owner;                    /* desk specialist, optional; NULL: the pod's */
};

/* One intro as stored. */
struct store_intro {
	char id[STORE_ID_SIZE];               /* id */
	char handle[STORE_HANDLE_SIZE];       /* "IN-7F3A2C" */
	char partner_id[STORE_ID_SIZE];       /* who sent it */
	char account_id[STORE_ID_SIZE];       /* which customer */
	long long received_at;                /* when it arrived */
	char contact[STORE_NAME_SIZE];        /* customer contact */
	char note[STORE_NOTE_SIZE];           /* partner's note */
	char source[STORE_NAME_SIZE];         /* where it came from */
	char external_id[STORE_NAME_SIZE];    /* the portal's id ("" none) */
	long long expected_acv;               /* claimed ACV, -1 unknown */
	enum intro_state state;               /* lifecycle state */
	enum intro_state escalated_from;      /* the state an escalated intro returns to
	                                       * (meaningful only when state is escalated) */
	char pod_id[STORE_ID_SIZE];           /* pod ("" none) */
	char owner_id[STORE_ID_SIZE];         /* desk specialist ("" none) */
	char ae_id[STORE_ID_SIZE];            /* assigned AE ("" none) */
	int scored;                           /* 1 when points and score are set */
	int points[PQL_FACTOR_COUNT];         /* factor points (valid when scored) */
	int score;                            /* 0..100, -1 unscored */
	char weights[64];                     /* the weights the points were given against
	                                       * ("25,20,20,15,10,10"; "" unscored) */
	int tier;                             /* 1..3, 0 not tiered */
	char tier_reason[STORE_REASON_SIZE];  /* the rule's reasons ("; "-joined) or the
	                                       * override's written reason */
	int tier_overridden;                  /* 1: the tier differs from the rule's */
	int ae_hours;                         /* AE-hour budget, -1 none */
	long long sla_due;                    /* when the current step is due (0 none) */
	long long closed_at;                  /* won/lost/declined at (0 open) */
	long long actual_acv;                 /* won ACV, -1 unknown */
	double actual_ae_hours;               /* sum of logged hours at close, -1 unknown */
	char reason_code[STORE_NAME_SIZE];    /* rejection/decline/loss code ("" none) */
	long long created_at;                 /* row created */
	long long updated_at;                 /* row last changed */
};

/* Record an arriving intro (state new, SLA due received + triage hours).
 * partner and account must exist. */
enum store_status store_intro_add(struct store *st, const struct store_intro_new *in,
				  char *id_out);

/* For importers: the intro with this external id (and source, NULL any), or
 * with the same partner + account + received_at. STORE_NOT_FOUND when none. */
enum store_status store_intro_find_external(struct store *st, const char *source,
					    const char *external_id, char *id_out);
enum store_status store_intro_find_same(struct store *st, const char *partner_id,
					const char *account_id, long long received_at,
					char *id_out);

enum store_status store_intro_get(struct store *st, const char *intro,
				  struct store_intro *out);

/* Assign the pod and/or desk owner (NULL leaves a field; "" clears it). */
enum store_status store_intro_assign(struct store *st, const char *intro,
				     const char *pod, const char *owner);
/* Change the claimed ACV (audited; the partner's claim as corrected). */
enum store_status store_intro_set_acv(struct store *st, const char *intro,
				      long long expected_acv, const char *reason);

/* ------------------------------------------------------------------ */
/* Bulk loading: a desk whose history happened elsewhere                */

/* One intro as it stands, its lifecycle already behind it: for tools that
 * load a generated desk (bench/) or move one over from another tool. Only
 * the schema's CHECK constraints guard it, not the lifecycle. Zero it, then
 * set what applies. */
struct store_intro_record {
	const char *partner_id;               /* full partner id (not resolved) */
	const char *account_id;               /* full account id (not resolved) */
	long long received_at;                /* when it arrived (> 0) */
	const char *contact;                  /* optional */
	const char *note;                     /* optional, <= 4000 bytes */
	const char *source;                   /* NULL: "partner" */
	const char *external_id;              /* optional */
	long long expected_acv;               /* dollars; -1 unknown */
	enum intro_state state;               /* where it stands */
	enum intro_state escalated_from;      /* when state is escalated */
	const char *pod_id;                   /* full ids or NULL */
	const char *owner_id;
	const char *ae_id;
	int scored;                           /* 1: points given (under the policy weights) */
	int points[PQL_FACTOR_COUNT];         /* factor points; the score is their sum */
	int tier;                             /* 1..3, 0 none */
	const char *tier_reason;              /* optional */
	int ae_hours;                         /* AE-hour budget, -1 none */
	long long sla_due;                    /* 0 none */
	long long closed_at;                  /* 0 open */
	long long actual_acv;                 /* -1 unknown */
	long actual_ae_minutes;               /* -1 unknown */
	const char *reason_code;              /* optional */
	long long created_at, updated_at;     /* 0: received_at */
	const char *id;                       /* its id (32 lowercase hex digits), NULL: a new
	                                       * one. A load in ascending id order appends to
	                                       * the id index instead of inserting all over it */
	size_t role_count;                    /* attribution roles recorded (0..ROLE_COUNT) */
	struct {
		enum attribution_role role;   /* the role, each at most once */
		const char *partner_id;       /* full id of the partner holding it */
		double percent;               /* explicit percent, -1 none */
	} roles[ROLE_COUNT];                  /* the deal's attribution */
};

/* Write n intros as given, in one transaction (or the caller's store_begin)
 * with ONE audit row saying how many were loaded (a load is not undone row
 * by row). ids_out (may be NULL) gets the new ids. */
enum store_status store_intro_load_bulk(struct store *st, const struct store_intro_record *rows,
					size_t n, char (*ids_out)[STORE_ID_SIZE]);

/* For a large first load inside store_begin: drop the secondary indexes and
 * the counting triggers of intros now; store_commit builds the indexes
 * again and counts everything once (one sort per index instead of a random
 * insert per row and index). store_rollback brings all back as it was.
 * Lookups by anything but the id scan while the indexes are gone. */
enum store_status store_bulk_prepare(struct store *st);

/* Recompute every partner's won history (count, average and median won
 * ACV) from its won intros: after a bulk load. */
enum store_status store_partner_stats_refresh(struct store *st);

/* ------------------------------------------------------------------ */
/* Lifecycle: every state change goes through store_intro_transition   */

/* Extra facts a move may carry. Zero it, then set what applies. */
struct store_move {
	const char *note;                     /* why: kept as the audit reason (optional) */
	const char *reason_code;              /* reject/decline/lost: a code of the matching kind */
	const char *ae;                       /* route/re-route: the AE (NULL: keep the
	                                       * assigned one) */
	long long actual_acv;                 /* won: the closed ACV; <= 0 -> the expected ACV */
	int set_actual_acv;                   /* 1: actual_acv given */
};

/* The one door for state changes: loads the intro and the facts (score vs
 * the dial, tier, AE, attribution via core attribution_is_complete, reason
 * code), asks core lifecycle_check(), and writes the state with its side
 * effects and audit rows, or refuses with the rule's message
 * (STORE_REFUSED). Side effects: routed sets the AE and SLA due (accept
 * hours); accepted clears the SLA; won/lost/declined set closed_at, the
 * reason code, actual ACV and actual AE hours (sum of logged hours);
 * leaving escalated requires no open escalation.
 * Attribution gate (core): an intro may not move from accepted to won or
 * lost until a sourcing AND a selling role are recorded (store_attribution_set).
 * Escalations are raised with store_escalate, which uses this too. */
enum store_status store_intro_transition(struct store *st, const char *intro,
					 enum intro_state to, const struct store_move *mv);

/* Shorthands for the batch commands; each is store_intro_transition. */
enum store_status store_intro_triage(struct store *st, const char *intro, const char *note);
enum store_status store_intro_route(struct store *st, const char *intro, const char *ae,
				    const char *note);   /* scored or rejected -> routed */
enum store_status store_intro_accept(struct store *st, const char *intro, const char *note);
enum store_status store_intro_reject(struct store *st, const char *intro,
				     const char *reason_code, const char *note);
enum store_status store_intro_partner_led(struct store *st, const char *intro,
					  const char *note);
enum store_status store_intro_nurture(struct store *st, const char *intro, const char *note);
enum store_status store_intro_decline(struct store *st, const char *intro,
				      const char *reason_code, const char *note);
/* won: actual_acv <= 0 takes the expected ACV; lost: reason_code required. */
enum store_status store_intro_close(struct store *st, const char *intro, int won,
				    long long actual_acv, const char *reason_code,
				    const char *note);

/* ------------------------------------------------------------------ */
/* Scoring, tier, routing                                              */

/* Validate points against the policy weights (core score_validate), store
 * them and the score, and move new -> triaged -> scored (each audited) or
 * triaged/nurture -> scored. An intro already past scored keeps its state and
 * only its points change (audited). Closed intros are refused. */
enum store_status store_intro_score(struct store *st, const char *intro,
				    const int points[PQL_FACTOR_COUNT], const char *note);

/* The core explanation of the intro's stored points against the dial. */
enum store_status store_intro_explain(struct store *st, const char *intro,
				      struct score_explanation *out);

/* The tier the rule gives (core tier_decide; ACV unknown -> the partner's
 * average won ACV) and the tier-gaming check of the claim against the
 * partner's median won ACV. gaming may be NULL. Needs a scored intro. */
enum store_status store_intro_tier_suggest(struct store *st, const char *intro,
					   struct tier_result *out,
					   struct tier_gaming *gaming);

/* Set the tier. tier 0 accepts the suggestion (reason optional, the rule's
 * reasons are stored); a tier other than the suggestion is an override and
 * needs a reason. ae_hours < 0 takes the tier's preset; otherwise it is
 * checked against the tier's min..max. Audited (tier, reason, hours). */
enum store_status store_intro_tier_set(struct store *st, const char *intro, int tier,
				       const char *reason, int ae_hours);

/* The AE to route to: the account's territory owner when active, else the
 * least-loaded active AE of the intro's pod (open routed/accepted AE-hour
 * budget; ties by name). why gets one sentence. STORE_NOT_FOUND when the pod
 * has no active AE. */
enum store_status store_intro_route_suggest(struct store *st, const char *intro,
					    char *ae_id_out, char *why, size_t why_size);

/* ------------------------------------------------------------------ */
/* Duplicates and conflicts                                            */

/* Conflicts are between intros holding a claim on an account: open and not
 * parked in nurture. */
enum store_conflict_kind {
	CONFLICT_DUPLICATE,                   /* another open intro, same partner, same account */
	CONFLICT_CHANNEL,                     /* another open intro, other partner, same account */
	CONFLICT_TERRITORY,                   /* the account's territory owner is another
	                                       * AE, or sits in another pod */
	CONFLICT_KIND_COUNT
};

struct store_conflict {
	enum store_conflict_kind kind;        /* which rule */
	char other_intro_id[STORE_ID_SIZE];   /* the other intro ("" for territory) */
	char other_handle[STORE_HANDLE_SIZE]; /* its handle */
	char partner_id[STORE_ID_SIZE];       /* the other intro's partner */
	long long received_at;                /* the other intro's arrival (earlier leads) */
	char owner_ae_id[STORE_ID_SIZE];      /* territory: the owner AE */
	char detail[STORE_TEXT_SIZE];         /* one sentence for screens */
};

/* "duplicate", "channel", "territory". */
const char *store_conflict_kind_name(enum store_conflict_kind k);

/* The conflicts of an intro; at most cap written, *n says how many exist. */
enum store_status store_intro_conflicts(struct store *st, const char *intro,
					struct store_conflict *out, size_t cap, size_t *n);

/* ------------------------------------------------------------------ */
/* Escalations                                                         */

struct store_escalation {
	char id[STORE_ID_SIZE];               /* id */
	char handle[STORE_HANDLE_SIZE];       /* "ES-..." */
	char intro_id[STORE_ID_SIZE];         /* the intro */
	enum escalation_kind kind;            /* what for */
	enum escalation_target routed_to;     /* core domain_escalation_route */
	char note[STORE_TEXT_SIZE];           /* why it was raised */
	char raised_by[STORE_NAME_SIZE];      /* actor */
	long long raised_at;                  /* when */
	int open;                             /* 1 open, 0 resolved */
	char resolution[STORE_TEXT_SIZE];     /* the resolving note */
	char resolved_by[STORE_NAME_SIZE];    /* actor */
	long long resolved_at;                /* 0 while open */
};

/* Raise: the intro moves to escalated (remembering the state it left); an
 * intro already escalated gets another open escalation and stays. A kind the
 * desk decides itself (ACV ambiguity: route "desk") is refused with the
 * rule's message: "ACV ambiguous: use the partner's historical average and
 * proceed (no escalation)". Note required. */
enum store_status store_escalate(struct store *st, const char *intro,
				 enum escalation_kind kind, const char *note, char *id_out);

/* Resolve with a note; resolving the intro's last open escalation returns it
 * to the state it left. */
enum store_status store_escalation_resolve(struct store *st, const char *escalation,
					   const char *note);

/* Escalations, open ones first then newest first. intro NULL: all; open_only
 * 1: only open ones. Heap array: free(). */
enum store_status store_escalation_list(struct store *st, const char *intro, int open_only,
					struct store_escalation **out, size_t *n);

/* ------------------------------------------------------------------ */
/* AE hours, touchpoints, attribution, reason codes, briefs            */

struct store_hours {
	char ae_id[STORE_ID_SIZE];            /* the AE */
	double hours;                         /* hours spent */
	char activity[STORE_TEXT_SIZE];       /* what for */
	long long at;                         /* when */
};

/* Log AE hours on an intro (0 < hours <= 24; at 0: now). */
enum store_status store_hours_log(struct store *st, const char *intro, const char *ae,
				  double hours, const char *activity, long long at);
/* Entries oldest first; *total the sum (either out may be NULL). free(). */
enum store_status store_hours_list(struct store *st, const char *intro,
				   struct store_hours **out, size_t *n, double *total);

enum touch_kind { TOUCH_MEETING, TOUCH_DEMO, TOUCH_EMAIL, TOUCH_PROPOSAL, TOUCH_KIND_COUNT };
const char *store_touch_kind_name(enum touch_kind k);   /* "meeting"... */
int store_touch_kind_from_name(const char *name);       /* -1 unknown */

struct store_touchpoint {
	char partner_id[STORE_ID_SIZE];       /* whose touch */
	enum touch_kind kind;                 /* meeting, demo, email, proposal */
	long long at;                         /* when */
	char note[STORE_TEXT_SIZE];           /* optional */
};

enum store_status store_touchpoint_add(struct store *st, const char *intro,
				       const char *partner, enum touch_kind kind,
				       long long at, const char *note);
enum store_status store_touchpoint_list(struct store *st, const char *intro,
					struct store_touchpoint **out, size_t *n);

struct store_attribution {
	enum attribution_role role;           /* the role */
	char partner_id[STORE_ID_SIZE];       /* the partner holding it */
	double percent;                       /* explicit percent override, -1 none */
};

/* Record who holds a role on a deal (replaces that role's holder; percent < 0:
 * no override). Audited. */
enum store_status store_attribution_set(struct store *st, const char *intro,
					enum attribution_role role, const char *partner,
					double percent);
enum store_status store_attribution_clear(struct store *st, const char *intro,
					  enum attribution_role role);
/* Roles of a deal in role order; *complete (may be NULL) per core
 * attribution_is_complete, with why (may be NULL) when not. */
enum store_status store_attribution_list(struct store *st, const char *intro,
					 struct store_attribution out[ROLE_COUNT], size_t *n,
					 int *complete, char *why, size_t why_size);

enum reason_kind { REASON_REJECTION, REASON_DECLINE, REASON_LOSS, REASON_KIND_COUNT };
const char *store_reason_kind_name(enum reason_kind k); /* "rejection"... */

struct store_reason_code {
	enum reason_kind kind;                /* which decision it explains */
	char code[STORE_NAME_SIZE];           /* "duplicate", "price"... */
	char label[STORE_TEXT_SIZE];          /* "Duplicate of an earlier registration" */
};

/* The seeded codes of a kind, by code. free(). */
enum store_status store_reason_code_list(struct store *st, enum reason_kind kind,
					 struct store_reason_code **out, size_t *n);

/* The latest brief of an intro into *out (brief_init'ed by the caller; the
 * header fields are filled from the intro); *version 0 when none yet. */
enum store_status store_brief_get(struct store *st, const char *intro, struct brief *out,
				  int *version);
/* Save the sections as a new version (audited). Unchanged text is not a new
 * version (*version gets the current one). */
enum store_status store_brief_save(struct store *st, const char *intro,
				   const struct brief *in, int *version);

/* ------------------------------------------------------------------ */
/* Audit trail and undo                                                */

struct store_audit {
	long long seq;                        /* order of writing */
	long long at;                         /* when */
	char actor[STORE_NAME_SIZE];          /* who */
	char entity[32];                      /* "intro", "escalation", "partner"... */
	char entity_id[STORE_ID_SIZE];        /* which row */
	char field[32];                       /* column, or "created"/"deleted" */
	char old_value[STORE_TEXT_SIZE];      /* before ("" none) */
	char new_value[STORE_TEXT_SIZE];      /* after ("" none) */
	char reason[STORE_TEXT_SIZE];         /* why */
	char batch[STORE_ID_SIZE];            /* the transaction it belongs to */
};

/* Audit rows of one entity (NULL: all), newest first, at most limit
 * (<= 0: all). free(). */
enum store_status store_audit_list(struct store *st, const char *entity_id, long limit,
				   struct store_audit **out, size_t *n);

struct store_undo_result {
	char batch[STORE_ID_SIZE];            /* the batch reverted */
	long rows;                            /* audit rows reverted */
	long intros;                          /* distinct intros touched */
	char summary[STORE_TEXT_SIZE];        /* "undid score of IN-7F3A2C (3 changes)" */
};

/* Revert the last batch written by actor (NULL: the current actor) that is
 * not itself an undo nor already undone: a single edit or a whole bulk
 * action. Writes its own audit rows (one batch, marked as the undo of the
 * other). STORE_REFUSED when nothing is left to undo or a row changed since
 * (someone else edited it). */
enum store_status store_undo(struct store *st, const char *actor,
			     struct store_undo_result *out);

/* ------------------------------------------------------------------ */
/* The queue                                                           */

enum queue_sort {
	QUEUE_SORT_RECEIVED,                  /* age: received_at */
	QUEUE_SORT_SLA,                       /* SLA due (none last ascending) */
	QUEUE_SORT_SCORE,                     /* score (unscored lowest) */
	QUEUE_SORT_ACV,                       /* expected ACV (unknown lowest) */
	QUEUE_SORT_TIER,                      /* tier (none lowest) */
	QUEUE_SORT_STATE,                     /* state name */
	QUEUE_SORT_PARTNER,                   /* partner name */
	QUEUE_SORT_ACCOUNT,                   /* account name */
	QUEUE_SORT_COUNT
};
const char *store_queue_sort_name(enum queue_sort s); /* "received", "sla", ... */
int store_queue_sort_from_name(const char *name);    /* -1 unknown; "age" = received */

/* Bit of a state in queue_filter.states. */
#define STORE_STATE_BIT(s) (1u << (unsigned)(s))
/* Every open state (not declined, won, lost). */
#define STORE_STATES_OPEN (((1u << STATE_COUNT) - 1u) & \
	~(STORE_STATE_BIT(STATE_DECLINED) | STORE_STATE_BIT(STATE_WON) | \
	  STORE_STATE_BIT(STATE_LOST)))

/* Tri-state filter values: 0 any, 1 only with, -1 only without. */
struct queue_filter {
	unsigned states;                      /* STORE_STATE_BIT mask; 0: every state */
	const char *pod;                      /* pod id/handle/name, NULL any */
	unsigned tiers;                       /* bit t (1..3): that tier; bit 0: not
	                                       * tiered; 0: any */
	const char *partner;                  /* partner, NULL any */
	const char *owner;                    /* desk specialist, NULL any */
	const char *ae;                       /* assigned AE, NULL any */
	int score_min;                        /* lowest score, -1 none (unscored intros
	                                       * are excluded when set) */
	int score_max;                        /* highest score, -1 none */
	const char *text;                     /* substring of handle, partner, account,
	                                       * contact or note, case-insensitive;
	                                       * NULL/"" none */
	int sla_breached;                     /* 1: sla_due < now; -1: not breached */
	int conflict;                         /* channel or territory conflict */
	int duplicate;                        /* duplicate */
	int gate;                             /* 1: score >= dial; -1: scored below it */
	int escalated;                        /* state escalated */
	const char *query;                    /* query-language text (core query.h),
	                                       * ANDed; a parse error is STORE_INVALID
	                                       * with the core's message */
	long long new_since;                  /* query flag "new": created after this
	                                       * time (0: "new" means state new) */
	long long arrived_after;              /* > 0: only intros that arrived after
	                                       * this mark (store_intro_arrival_mark) */
};

/* One queue line: every column the console's queue shows. */
struct queue_row {
	char id[STORE_ID_SIZE];               /* intro id */
	char handle[STORE_HANDLE_SIZE];       /* "IN-7F3A2C" */
	long long received_at;                /* age = now - received_at */
	long long sla_due;                    /* 0 none */
	int sla_breached;                     /* open and sla_due < now */
	char partner_id[STORE_ID_SIZE];       /* partner */
	char partner_name[STORE_NAME_SIZE];   /* its name */
	enum partner_tier partner_tier;       /* for the glyph */
	char account_id[STORE_ID_SIZE];       /* account */
	char account_name[STORE_NAME_SIZE];   /* its name */
	enum mapping_signal signal;           /* from the overlap of (partner, account) */
	long long expected_acv;               /* -1 unknown */
	int score;                            /* -1 unscored */
	int pql;                              /* score >= the dial */
	int tier;                             /* 0 none */
	int ae_hours;                         /* budget, -1 none */
	enum intro_state state;               /* state */
	char pod_name[STORE_NAME_SIZE];       /* "" none */
	char owner_name[STORE_NAME_SIZE];     /* desk specialist, "" none */
	char ae_name[STORE_NAME_SIZE];        /* AE, "" none */
	int conflict;                         /* channel or territory conflict */
	int duplicate;                        /* same partner, same account, both open */
	int escalated;                        /* state is escalated */
	int gaming;                           /* claimed ACV above gaming factor x the
	                                       * partner's median won ACV */
	long long updated_at;                 /* last change */
	/* the sort key of this row, kept for store_queue_cursor_of() */
	long long key_int;                    /* integer sort key (or the name table's rowid) */
	char key_text[STORE_NAME_SIZE];       /* text sort key */
};

/* Where a page starts: the sort key and id of the row just before (forward)
 * or just after (backward). Fill with store_queue_cursor_of(). */
struct queue_cursor {
	int set;                              /* 0: from the start (or the end, backward) */
	long long key_int;                    /* integer sort key */
	char key_text[STORE_NAME_SIZE];       /* text sort key */
	char id[STORE_ID_SIZE];               /* tie-breaker */
};

struct queue_page {
	enum queue_sort sort;                 /* column */
	int descending;                       /* 1: largest first */
	int backward;                         /* 1: the rows before the cursor (page up,
	                                       * jump to the end); still returned in
	                                       * display order */
	struct queue_cursor cursor;           /* where to start */
	int limit;                            /* rows wanted (1..10000) */
};

void store_queue_cursor_of(const struct queue_row *row, struct queue_cursor *out);

/* Called per row in display order; return nonzero to stop early. */
typedef int (*store_queue_fn)(void *ctx, const struct queue_row *row);

/* The rows matching filter in page order (keyset pagination: cost follows
 * the page, not its depth). filter may be NULL (everything). */
enum store_status store_queue(struct store *st, const struct queue_filter *filter,
			      const struct queue_page *page, store_queue_fn fn, void *ctx);
/* The same into rows[] (cap entries); *n rows written. */
enum store_status store_queue_fetch(struct store *st, const struct queue_filter *filter,
				    const struct queue_page *page, struct queue_row *rows,
				    size_t cap, size_t *n);
/* How many rows match (a count: fine for a batch command, not for a repaint). */
enum store_status store_queue_count(struct store *st, const struct queue_filter *filter,
				    long *n);
/* Stop what st is running, from another thread (the console's counter
 * no longer wants a count): that call returns STORE_INTERRUPTED. Safe from
 * any thread while st is open; a handle that runs nothing is not affected. */
void store_interrupt(struct store *st);

/* A mark of the intros in the desk now: queue_filter.arrived_after set to
 * it later keeps the intros that arrived since (by insertion order, so
 * a clock that did not move, or moved back, changes nothing). */
enum store_status store_intro_arrival_mark(struct store *st, long long *mark);

/* The query plan of that page (EXPLAIN QUERY PLAN, one step a line), for
 * the tests that prove no key-path query scans the intros table. */
enum store_status store_queue_plan(struct store *st, const struct queue_filter *filter,
				   const struct queue_page *page, char *out, size_t size);

/* Tests: fn gets the query plan (EXPLAIN QUERY PLAN, one step a line) of
 * every statement this handle prepares or takes from its cache from now
 * on, with its text; NULL stops. The tests that prove no key-path query
 * scans the intros table run the console's store calls under it. */
typedef void (*store_plan_fn)(void *ctx, const char *sql, const char *plan);
void store_set_plan_hook(struct store *st, store_plan_fn fn, void *ctx);

/* The statement of that page with its values in place (what the sqlite3
 * shell would run for it), for the benchmark's reference figure and for
 * debugging. STORE_INVALID when it does not fit in size bytes. */
enum store_status store_queue_sql(struct store *st, const struct queue_filter *filter,
				  const struct queue_page *page, char *out, size_t size);

/* Counts of intros by state (all pods, or one), kept by triggers: O(1). */
struct store_counts {
	long by_state[STATE_COUNT];           /* intros in each state */
	long open;                            /* in an open state */
	long total;                           /* all intros */
};
enum store_status store_counts(struct store *st, const char *pod /* NULL all */,
			       struct store_counts *out);

/* ------------------------------------------------------------------ */
/* The PQL dial and rescoring                                          */

/* The threshold in force: the stored dial, else the policy's. *from_desk
 * (may be NULL) is 1 when the desk holds its own value. */
enum store_status store_dial_get(struct store *st, int *threshold, int *from_desk);

/* How many open scored intros change gate if the dial moves to `to`
 * (gained: become PQLs; lost: drop below; either may be NULL). Cheap: one
 * range count on the score index. */
enum store_status store_dial_preview(struct store *st, int to, long *changed, long *gained,
				     long *lost);

/* Set the dial (0..100; audited) and say how many open intros changed gate. */
enum store_status store_dial_set(struct store *st, int threshold, long *changed,
				 long *gained, long *lost);

/* Progress of a long job: done of total rows; return nonzero to stop (the
 * job rolls back and returns STORE_INTERRUPTED). */
typedef int (*store_progress_fn)(void *ctx, long done, long total);

/* Re-score every scored intro whose points were given under other weights:
 * each factor's points are rescaled to the current weight
 * (round(points * new / old)) and the score recomputed by the core, by one
 * UPDATE running the SQL functions pql_rescale() and pql_score(), applied
 * in chunks of 50,000 rows, each its own transaction with an audit row
 * summarising it (so a console writing meanwhile waits one chunk at most).
 * Every row records the weights of its points, so a stopped (STORE_INTERRUPTED)
 * or crashed rescore leaves each row consistent; running it again finishes
 * the rest. *changed (may be NULL) gets the rows rescored. A rescore cannot
 * be undone (undo says so): put the old weights back and rescore. */
enum store_status store_rescore(struct store *st, store_progress_fn fn, void *ctx,
				long *changed);
/* How many scored intros hold points of other weights (0: nothing to do). */
enum store_status store_rescore_pending(struct store *st, long *n);

/* ------------------------------------------------------------------ */
/* Show                                                                */

/* Everything `show` and the detail pane need about one intro. Lists are heap
 * arrays owned by the struct: release with store_intro_view_free(). */
struct store_intro_view {
	struct store_intro intro;             /* the intro */
	struct store_partner partner;         /* its partner (with won history) */
	struct store_account account;         /* its account */
	int has_overlap;                      /* 1: overlap holds mapping evidence */
	struct store_overlap overlap;         /* partner x account mapping */
	char pod_name[STORE_NAME_SIZE];       /* "" none */
	char owner_name[STORE_NAME_SIZE];     /* "" none */
	char ae_name[STORE_NAME_SIZE];        /* "" none */
	char territory_ae_name[STORE_NAME_SIZE]; /* the account's owner AE, "" none */
	int threshold;                        /* the dial */
	struct score_explanation explanation; /* valid when intro.scored */
	struct tier_gaming gaming;            /* the claim against the partner's median */
	struct brief brief;                   /* latest brief (empty when none) */
	int brief_version;                    /* 0 none */
	struct store_escalation *escalations; /* newest first */
	size_t escalation_count;              /* entries of escalations */
	struct store_conflict conflicts[16];  /* first 16 conflicts */
	size_t conflict_count;                /* how many exist (may exceed 16) */
	struct store_hours *hours;            /* AE hour log, oldest first */
	size_t hours_count;                   /* entries of hours */
	double hours_total;                   /* sum of logged hours */
	struct store_attribution attribution[ROLE_COUNT]; /* roles recorded */
	size_t attribution_count;             /* used entries of attribution */
	int attribution_complete;             /* core attribution_is_complete */
	char attribution_gap[STORE_TEXT_SIZE]; /* why not complete */
	struct store_touchpoint *touchpoints; /* oldest first */
	size_t touchpoint_count;              /* entries of touchpoints */
	struct store_audit *audit;            /* history, newest first: the intro's rows and
	                                       * its escalations', roles', hours' and
	                                       * touchpoints' (at most 200) */
	size_t audit_count;                   /* entries of audit */
};

/* Fill *out (no need to initialise it); free with store_intro_view_free even
 * after an error. */
enum store_status store_intro_view(struct store *st, const char *intro,
				   struct store_intro_view *out);
void store_intro_view_free(struct store_intro_view *v);

/* ------------------------------------------------------------------ */
/* Reports                                                             */

/* Capacity: AEs and their hours, open deals by tier, core capacity model. */
struct store_capacity_ae {
	char ae_id[STORE_ID_SIZE];            /* the AE */
	char name[STORE_NAME_SIZE];           /* AE name */
	char pod_name[STORE_NAME_SIZE];       /* their pod ("" none) */
	double selling_hours;                 /* weekly */
	long deals[TIER_COUNT];               /* open routed/accepted deals per tier */
	double budget_hours;                  /* their AE-hour budgets summed */
};
struct store_capacity_report {
	long aes;                             /* active AEs */
	double weekly_hours;                  /* their weekly selling hours summed */
	long deals[TIER_COUNT];               /* open routed/accepted deals per tier */
	struct capacity_result model;         /* available, required, state, band */
	int threshold;                        /* the dial now */
	struct store_capacity_ae *per_ae;     /* heap, by pod then name */
	size_t ae_count;                      /* entries of per_ae */
};
enum store_status store_report_capacity(struct store *st, struct store_capacity_report *out);
void store_capacity_report_free(struct store_capacity_report *r);

/* Pods: the backlog of each pod. */
struct store_pod_row {
	char pod_id[STORE_ID_SIZE];           /* pod id */
	char name[STORE_NAME_SIZE];           /* pod name */
	long new_count;                       /* received in the last 7 days */
	long untriaged;                       /* in state new (not triaged yet) */
	long sla_breaches;                    /* open with sla_due < now */
	long long oldest_received;            /* the oldest open intro's arrival (0 none) */
	long awaiting_acceptance;             /* routed, not yet accepted */
	long open;                            /* open intros */
	long aes;                             /* active AEs */
	long specialists;                     /* desk specialists */
	double desk_to_ae;                    /* AEs per specialist (0 when none) */
	long routed_total;                    /* ever routed (accepted+rejected+routed+...) */
	long accepted_total;                  /* ever accepted */
	double acceptance_rate;               /* accepted / (accepted + rejected), -1 none */
};
enum store_status store_report_pods(struct store *st, struct store_pod_row **out, size_t *n);

/* Calibration: core close rates by score band over closed intros. */
struct store_calibration_report {
	struct calibration_report bands;      /* core bands */
	int threshold;                        /* the dial */
	enum calibration_verdict verdict;     /* core judgement */
	char why[STORE_TEXT_SIZE];            /* its sentence */
};
enum store_status store_report_calibration(struct store *st,
					   struct store_calibration_report *out);

/* Partners: what each produces. */
struct store_partner_row {
	char partner_id[STORE_ID_SIZE];       /* partner id */
	char name[STORE_NAME_SIZE];           /* partner name */
	enum partner_tier tier;               /* partner tier */
	long intros;                          /* all intros */
	long pqls;                            /* scored at or above the dial */
	long won;                             /* closed won */
	long lost;                            /* closed lost */
	double win_rate;                      /* won / (won + lost), -1 none */
	long long revenue;                    /* sum of won actual ACV */
	long long median_won_acv;             /* -1 none */
	double cycle_days;                    /* mean days received -> closed (won+lost), -1 none */
};
enum store_status store_report_partners(struct store *st, struct store_partner_row **out,
					size_t *n);

/* Attribution: payouts per partner per role over won deals (core split of
 * each deal's actual ACV over its recorded roles). */
struct store_attribution_row {
	char partner_id[STORE_ID_SIZE];       /* partner id */
	char name[STORE_NAME_SIZE];           /* partner name */
	enum attribution_role role;           /* the role held */
	long deals;                           /* won deals where the partner held the role */
	long long payout;                     /* dollars */
};
enum store_status store_report_attribution(struct store *st,
					   struct store_attribution_row **out, size_t *n);

/* ------------------------------------------------------------------ */
/* Check                                                               */

struct store_check_result {
	int ok;                               /* 1: everything below is fine */
	char integrity[STORE_TEXT_SIZE];      /* quick_check's first line ("ok") */
	long foreign_key_errors;              /* rows of foreign_key_check */
	int schema_version;                   /* user_version */
	int application_id_ok;                /* application_id is ours */
	long count_mismatches;                /* rows of the counts and tallies that disagree
	                                       * with the intros (or payouts with their sums) */
};
/* Run the checks (read only). STORE_OK even when problems are found: read
 * out->ok; a status means the check itself could not run. */
enum store_status store_check(struct store *st, struct store_check_result *out);

#endif
