/* settings.h - the desk's settings, read from a libconfig file.
 *
 * One struct holds everything the config file says: the policy numbers the
 * core computes with, the console's options, the named views of the queue
 * and the key bindings. The built-in default is docs/coselldesk.conf itself,
 * embedded at build time; a user's file is read on top of it, so a user
 * config only needs the settings it changes (coselldesk.conf(5)).
 *
 * Every problem is reported as file:line: message, all of them in one go,
 * and a load that finds any problem changes nothing. Implemented in
 * src/conf/settings_*.c; nothing outside src/conf sees libconfig.
 */
#ifndef COSELLDESK_SETTINGS_H
#define COSELLDESK_SETTINGS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "coselldesk/policy.h"

/* Exit status of a program stopped by a bad config (sysexits EX_CONFIG). */
#define SETTINGS_EXIT_CONFIG 78

/* How messages name the embedded default config. Its line numbers are those
 * of docs/coselldesk.conf, which is the same text. */
#define SETTINGS_BUILTIN_NAME "<built-in>"

/* ---- errors ------------------------------------------------------------ */

/* One problem found in a config or theme file. */
struct settings_error {
	char *file;     /* the file it is in (SETTINGS_BUILTIN_NAME for the default) */
	int line;       /* 1-based line; 0 when it concerns the whole file */
	char *message;  /* what is wrong, naming the setting */
	char *hint;     /* how to put it right, or NULL */
};

/* Every problem of one load, in the order found. Zero-initialise it. */
struct settings_errors {
	struct settings_error *items; /* count entries */
	size_t count;                 /* problems kept */
	size_t capacity;              /* allocated entries of items */
	size_t dropped;               /* problems past SETTINGS_MAX_ERRORS, counted only */
};

/* A broken file can produce thousands of messages; keep this many. */
#define SETTINGS_MAX_ERRORS 100

/* Add a problem. file may be NULL (no file), hint may be NULL. Out of memory
 * is counted in dropped rather than lost silently. */
void settings_errors_add(struct settings_errors *errs, const char *file, int line,
			 const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Print each problem as "PREFIX: file:line: message", its hint as
 * "PREFIX: file:line: hint: ..." on the next line; prefix may be NULL. */
void settings_errors_print(const struct settings_errors *errs, FILE *out, const char *prefix);

/* Free the messages; *errs becomes empty and reusable. */
void settings_errors_free(struct settings_errors *errs);

/* The candidate closest to word (case-insensitive edit distance, a swap of
 * two neighbours counting as one edit), or NULL when none is close enough to
 * be a plausible typo. For "did you mean 'x'?" messages. */
const char *settings_suggest(const char *word, const char *const *candidates, size_t count);

/* ---- queue columns ----------------------------------------------------- */

/* The columns a queue or a named view may show, X(ID, "name", "description"). */
#define SETTINGS_COLUMNS(X) \
	X(ID,      "id",      "the intro's short handle") \
	X(AGE,     "age",     "time since it arrived, with its SLA state") \
	X(PARTNER, "partner", "the partner, with its partner-tier glyph") \
	X(ACCOUNT, "account", "the customer account") \
	X(SIGNAL,  "signal",  "the account-mapping signal") \
	X(ACV,     "acv",     "expected ACV") \
	X(SCORE,   "score",   "PQL score against the bar") \
	X(GATE,    "gate",    "PQL or below the bar") \
	X(TIER,    "tier",    "tier 1, 2 or 3") \
	X(STATE,   "state",   "where the intro is in its life") \
	X(OWNER,   "owner",   "the desk specialist who owns it") \
	X(AE,      "ae",      "the AE it is routed to") \
	X(POD,     "pod",     "the pod") \
	X(FLAGS,   "flags",   "conflict, duplicate, escalated, tier gaming")

enum settings_column {
#define SETTINGS_COLUMN_ENUM_(id, name, help) SETTINGS_COLUMN_##id,
	SETTINGS_COLUMNS(SETTINGS_COLUMN_ENUM_)
#undef SETTINGS_COLUMN_ENUM_
	SETTINGS_COLUMN_COUNT
};

const char *settings_column_name(enum settings_column c);  /* "acv"; NULL out of range */
const char *settings_column_help(enum settings_column c);  /* "expected ACV" */
int settings_column_from_name(const char *name);           /* exact name; -1 unknown */

/* ---- key bindings ------------------------------------------------------ */

/* The keymaps of the `keys` group: `global` applies in every view unless the
 * view's own keymap binds the key. X(ID, "name") */
#define SETTINGS_KEYMAPS(X) \
	X(GLOBAL,      "global") \
	X(QUEUE,       "queue") \
	X(FORM,        "form") \
	X(BRIEF,       "brief") \
	X(ESCALATIONS, "escalations") \
	X(DASHBOARD,   "dashboard") \
	X(HELP,        "help") \
	X(DOCTOR,      "doctor")

enum settings_keymap {
#define SETTINGS_KEYMAP_ENUM_(id, name) SETTINGS_KEYMAP_##id,
	SETTINGS_KEYMAPS(SETTINGS_KEYMAP_ENUM_)
#undef SETTINGS_KEYMAP_ENUM_
	SETTINGS_KEYMAP_COUNT
};

const char *settings_keymap_name(enum settings_keymap m);  /* "queue"; NULL out of range */
int settings_keymap_from_name(const char *name);           /* exact name; -1 unknown */

#define SETTINGS_KEY_MAX 24     /* longest canonical key name, NUL included */
#define SETTINGS_ACTION_MAX 32  /* longest action name, NUL included */

/* The action that unbinds a key (and stops the global binding applying). */
#define SETTINGS_ACTION_NONE "none"

/* Check one key in the notation of coselldesk.conf(5) and write its canonical
 * spelling into out (at least SETTINGS_KEY_MAX bytes):
 *   a ? é        one character; " " is <Space>, "<" is <lt>
 *   C-d ^D <C-d> Control + a letter or one of [\]^_; C-i is <Tab>, C-m <Enter>,
 *                C-[ <Esc>; letters are folded to lower case
 *   M-x <M-x> M-<Enter>   Meta + any other key
 *   <Enter> <Esc> <Tab> <S-Tab> <Space> <Backspace> <Del> <Ins> <Up> <Down>
 *   <Left> <Right> <PgUp> <PgDn> <Home> <End> <F1>..<F12> <lt>, any case,
 *   aliases <Return> <Escape> <PageUp> <PageDown> <Delete> <Insert> <BS>
 * Two spellings of one key give the same canonical text, so comparing the
 * text finds conflicts. Returns 0, or -1 with the reason in why (may be NULL).
 * The console maps the canonical text to its key codes. */
int settings_key_normalise(const char *text, char *out, size_t out_size,
			   char *why, size_t why_size);

/* 1 when name is a well-formed action name: lower-case words of letters and
 * digits joined by '-' ("move-down"), shorter than SETTINGS_ACTION_MAX. */
int settings_action_valid(const char *name);

/* One key bound to one action in one keymap. */
struct key_binding {
	enum settings_keymap keymap;        /* where it applies */
	char key[SETTINGS_KEY_MAX];         /* canonical key ("C-d", "<Enter>") */
	char action[SETTINGS_ACTION_MAX];   /* action name ("move-down"; "none" unbinds) */
	const char *file;                   /* the file that bound it (owned by the settings) */
	int line;                           /* its line there */
};

/* ---- named views ------------------------------------------------------- */

#define SETTINGS_SORT_MAX 4       /* sort keys of one view */
#define SETTINGS_VIEW_NAME_MAX 64 /* longest view name, NUL included */

/* One key of a view's sort. */
struct view_sort_key {
	enum settings_column column; /* what to sort by */
	bool descending;             /* "-score": highest first */
};

/* A saved limit + sort + columns of the queue. */
struct named_view {
	char *name;                   /* unique, shown in the `v` list */
	char *limit;                  /* a query of the `l` language; "" shows everything */
	char *sort;                   /* as written ("-score,age"); "" keeps the queue's sort */
	struct view_sort_key sort_keys[SETTINGS_SORT_MAX]; /* sort parsed, in order */
	int sort_count;               /* used entries of sort_keys */
	enum settings_column columns[SETTINGS_COLUMN_COUNT]; /* columns in order */
	int column_count;             /* 0: use ui.queue_columns */
	char key[SETTINGS_KEY_MAX];   /* canonical key bound in the queue; "" for none */
	const char *file;             /* where it is defined (owned by the settings) */
	int line;                     /* its line there */
};

/* ---- the console's options --------------------------------------------- */

/* Where the queue's detail pane goes. */
enum detail_pane {
	DETAIL_PANE_RIGHT,
	DETAIL_PANE_BOTTOM,
	DETAIL_PANE_OFF
};

struct ui_settings {
	char *theme;               /* theme name or path to a .theme file (ui.theme) */
	bool mouse;                /* capture the mouse (ui.mouse) */
	int min_cols;              /* smallest usable terminal width (ui.min_cols) */
	int min_rows;              /* smallest usable terminal height (ui.min_rows) */
	enum detail_pane detail_pane; /* ui.detail_pane */
	char *date_format;         /* strftime format of dates on screen (ui.date_format) */
	enum settings_column queue_columns[SETTINGS_COLUMN_COUNT]; /* ui.queue_columns */
	int queue_column_count;    /* used entries of queue_columns (at least 1) */
	char *home_view;           /* ui.home_view: the named view the queue opens on;
	                            * "" (never NULL after a load) all open intros */
	char *editor_command;      /* editor.command; "" means $VISUAL, $EDITOR, vi */
	int busy_timeout_ms;       /* database.busy_timeout_ms */
};

/* ---- everything -------------------------------------------------------- */

struct desk_settings {
	struct desk_policy policy;     /* every policy number (policy.h) */
	struct ui_settings ui;         /* the console's options */
	struct named_view *views;      /* named views, in config order */
	size_t view_count;             /* entries of views */
	struct key_binding *bindings;  /* key bindings, defaults merged with the user's */
	size_t binding_count;          /* entries of bindings */
	char *path;                    /* the config file read over the default; NULL for none */
	char **files;                  /* every file read, includes too; the file
	                                * pointers of bindings and views point here */
	size_t file_count;             /* entries of files */
};

/* Load the built-in default alone. Returns 0, or -1 with the problems added
 * to errs (only a broken build can fail here). *out is written only on
 * success; free it with settings_free. */
int settings_load_builtin(struct desk_settings *out, struct settings_errors *errs);

/* Load the built-in default, then the file at path over it (its @include
 * lines resolved in its own directory). Returns 0, or -1 with every problem
 * added to errs and *out untouched, so a reload can keep the old settings. */
int settings_load_file(struct desk_settings *out, const char *path,
		       struct settings_errors *errs);

/* As settings_load_file for text held in memory, named name in messages
 * (tests, fuzzing). @include is refused: there is no directory to look in. */
int settings_load_text(struct desk_settings *out, const char *name, const char *text,
		       size_t len, struct settings_errors *errs);

/* The built-in default, parsed once and kept: reading it is most of the cost
 * of a load, so a caller that loads many texts (the fuzz harness, a console
 * checking each edit) parses it once and loads over it. Read-only once
 * made; opaque. */
struct settings_default;

/* Parse the built-in default. Returns 0 with *out set, or -1 with the
 * problems in errs (only a broken build can fail here). */
int settings_default_parse(struct settings_default **out, struct settings_errors *errs);

/* Free it; NULL is fine. Settings loaded over it stay valid (they own
 * copies of everything). */
void settings_default_free(struct settings_default *d);

/* settings_load_text, starting from d instead of reading the default
 * again; the result is the same. d NULL reads the default as usual. */
int settings_load_text_over(struct desk_settings *out, const struct settings_default *d,
			    const char *name, const char *text, size_t len,
			    struct settings_errors *errs);

/* Free what a load allocated; *s becomes all zero. Safe on a zeroed struct. */
void settings_free(struct desk_settings *s);

/* The libconfig the loader was built with ("1.5.0"), for --version. */
const char *settings_libconfig_version(void);

/* The binding of key (canonical) in exactly this keymap, or NULL. The
 * console looks in the view's keymap, then in SETTINGS_KEYMAP_GLOBAL. */
const struct key_binding *settings_binding_find(const struct desk_settings *s,
						enum settings_keymap keymap, const char *key);

/* The named view called name (case-insensitive), or NULL. */
const struct named_view *settings_view_find(const struct desk_settings *s, const char *name);

/* Report every binding whose action is not one of known[0..count-1] (the
 * console's request names; "none" is always known), as file:line with a
 * suggestion. Returns the number of problems added. */
size_t settings_check_actions(const struct desk_settings *s, const char *const *known,
			      size_t count, struct settings_errors *errs);

/* ---- where the config file is ------------------------------------------ */

/* The environment the config path depends on (NULL or "" = unset). */
struct settings_env {
	const char *config;          /* $COSELLDESK_CONFIG */
	const char *xdg_config_home; /* $XDG_CONFIG_HOME */
	const char *home;            /* $HOME */
};

/* Fill env from getenv(). */
void settings_env_from_process(struct settings_env *env);

/* Which rule chose the config file. */
enum settings_source {
	SETTINGS_FROM_OPTION,   /* --config: must exist */
	SETTINGS_FROM_ENV,      /* $COSELLDESK_CONFIG: must exist */
	SETTINGS_FROM_XDG,      /* $XDG_CONFIG_HOME/coselldesk/config, found */
	SETTINGS_FROM_HOME,     /* ~/.config/coselldesk/config, found */
	SETTINGS_FROM_BUILTIN   /* none of them: the built-in default */
};

/* Choose the config file: option_path (--config, may be NULL), then
 * $COSELLDESK_CONFIG, then the XDG file when it exists, then ~/.config's,
 * else the built-in default. Writes the path into buf (empty for the
 * built-in) and returns the rule, or -1 when the path does not fit in size. */
int settings_config_path(const char *option_path, const struct settings_env *env,
			 char *buf, size_t size);

#endif
