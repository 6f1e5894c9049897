/* cli.h - the batch mode: what main() resolved, the command table, messages.
 *
 * main() fills a struct app from the global options and the environment,
 * finds the command in the table and runs it. The console (src/tui) gets the
 * same struct app, so both modes open the desk and read the config the same
 * way. Implemented in src/cli/ (app.c, commands.c, message.c, mem.c,
 * version.c); the commands themselves are in src/cli/cmd_*.c.
 *
 * Exit codes follow <sysexits.h>:
 *   0  ok
 *   64 usage: unknown command or option, missing or malformed argument
 *   65 bad data: a value out of its range, an unknown or ambiguous id,
 *      handle or name, an illegal transition, a bad row, a file that is not
 *      a desk, a desk that fails `check`
 *   66 no input: no desk file, no file to import
 *   69 unavailable: a desk from a newer version, the editor cannot be run
 *   70 internal error; 71 out of memory; 73 cannot create an output file
 *   74 I/O error; 75 the desk is busy (try again); 78 bad configuration
 */
#ifndef COSELLDESK_CLI_H
#define COSELLDESK_CLI_H

#include <stddef.h>
#include <stdio.h>
#include <sysexits.h>

#include "coselldesk/cli_output.h"
#include "coselldesk/policy.h"

struct desk_settings;
struct store;

/* Everything a command (or the console) needs from the command line and the
 * environment. main() owns it; app_finish() releases what was opened. */
struct app {
	const char *program;          /* "coselldesk", for messages */
	const char *command;          /* the command being run ("pql"); NULL for the console */
	const char *db_path;          /* the desk file: --db, $COSELLDESK_DB or the XDG default */
	int db_path_is_default;       /* 1 when db_path is the XDG default (init creates its dir) */
	int db_path_given;            /* 1 when --db named it on the command line */
	const char *config_path;      /* the config file; NULL means the built-in defaults */
	int config_path_explicit;     /* 1 when --config or $COSELLDESK_CONFIG named it */
	int config_path_option;       /* 1 when --config named it on the command line */
	int config_resolved;          /* 1 once the config rules were applied */
	const char *theme_name;       /* --theme NAME; NULL: the config decides */
	enum output_format format;    /* --format */
	long long now;                /* $COSELLDESK_NOW (unix seconds, a testing aid); 0: the clock */
	const char *actor;            /* who the audit trail names: $COSELLDESK_USER, else the login */
	struct desk_settings *settings; /* loaded on first use by app_settings() */
	struct store *store;          /* opened on first use by app_store() */
	char *owned_db_path;          /* heap copy behind db_path when it was built */
	char *owned_config_path;      /* heap copy behind config_path when it was built */
	char *owned_actor;            /* heap copy behind actor when it was built */
};

/* One batch command. The table in commands.c is the single source of the
 * command list, `--help` and `COMMAND --help`. */
struct cli_command {
	const char *name;             /* "queue" */
	const char *summary;          /* one line for the command list */
	const char *usage;            /* synopsis after the program name */
	const char *options;          /* option lines for COMMAND --help; NULL: none */
	int (*run)(struct app *app, int argc, char **argv); /* argv[0] is the name;
	                               * returns an exit code */
};

/* ---- app.c: paths, config, desk --------------------------------------- */

/* Fill *app from the environment (defaults for everything --options may
 * override afterwards). Returns 0, or an exit code with a message printed. */
int app_init(struct app *app, const char *program);

/* The global options --db, --config, --format and --theme: 1 when name
 * (len bytes, without dashes) is one of them. */
int app_is_global_option(const char *name, size_t len);

/* Apply one of them. Returns 0, or EX_USAGE with a message. */
int app_set_global_option(struct app *app, const char *name, const char *value);

/* Resolve db_path and config_path when no option set them. */
int app_resolve_paths(struct app *app);

/* The policy in force: the loaded config's, or the built-in defaults. Loads
 * the config on first call; on a bad config prints file:line messages and
 * returns NULL with *status = EX_CONFIG (an unreadable file included). */
const struct desk_policy *app_policy(struct app *app, int *status);

/* The loaded settings (as app_policy). */
struct desk_settings *app_settings(struct app *app, int *status);

/* The open desk. create: make the file (and the default directory) when
 * missing, as `init` does; otherwise a missing file is EX_NOINPUT with a hint
 * to run init. Returns NULL with *status set and a message printed. */
struct store *app_store(struct app *app, int create, int *status);

/* 1 when the desk file exists (calculators use it to decide whether the
 * desk's figures are available). */
int app_desk_exists(const struct app *app);

/* Close the desk (checking the close), free the settings and paths. Returns
 * 0, or an exit code when closing failed. */
int app_finish(struct app *app);

/* ---- commands.c: the table and help ------------------------------------ */

/* The table, terminated by an entry with name NULL. */
const struct cli_command *cli_commands(void);

/* The command called name; NULL when there is none. */
const struct cli_command *cli_command_find(const char *name);

/* The closest command name to a mistyped one, or NULL ("did you mean"). */
const char *cli_command_suggest(const char *name);

/* `coselldesk --help`: synopsis, global options, the command list. */
void cli_print_usage(FILE *f, const char *program);

/* `coselldesk COMMAND --help`. */
void cli_print_command_help(FILE *f, const char *program, const struct cli_command *cmd);

/* The hint printed after every usage error. */
void cli_print_usage_hint(FILE *f, const char *program, const char *command);

/* ---- version.c ---------------------------------------------------------- */

/* `--version`: the program and the libraries it was linked with. */
void cli_print_version(FILE *f, const char *program);

/* ---- messages ---------------------------------------------------------- */

/* "coselldesk COMMAND: message" on stderr (no newline needed). */
/* Write text with control characters (but line breaks and tabs) shown as
 * \xHH, so text from partners and users cannot drive the terminal. */
void cli_put_neutral(const char *text, FILE *f);

void cli_error(const struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The same as a warning ("coselldesk COMMAND: warning: message"). */
void cli_warn(const struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A usage error: the message, the --help hint, and EX_USAGE returned. */
int cli_usage_error(const struct app *app, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Render an answer to stdout in app->format and free it. Returns 0, or
 * EX_IOERR with a message when stdout could not be written. */
int cli_emit(const struct app *app, struct output_value *answer);

/* ---- mem.c: allocation that ends the program when memory runs out ------- */

void *cli_alloc(size_t size);
void *cli_realloc(void *p, size_t size);
char *cli_strdup(const char *s);
/* A new heap string formatted like printf. */
char *cli_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
