/* tui.h - the console: what main() calls when no command is given.
 *
 * The console is the curses front end of the desk (src/tui); nothing
 * outside src/tui sees curses. main() resolves the desk and the config the
 * same way for both modes (struct app, cli.h) and hands them over with
 * tui_main(); tui_run() is the same console for callers that hold the
 * pieces themselves (tests, tools). The batch `check` command validates the
 * key bindings of a config with tui_check_keys(), the very code the console
 * loads them with.
 *
 * Environment the console reads (coselldesk(1)):
 *   COSELLDESK_SCRIPT=FILE    keys and :commands from FILE instead of the
 *                             keyboard; the console quits at its end
 *   COSELLDESK_NO_DISPLAY=1   render off screen ($COLUMNS x $LINES), for
 *                             scripted tests with :save-display FILE
 *   NO_COLOR (non-empty)      no colours: the theme's mono attributes
 *   XDG_STATE_HOME            where the prompt history is kept
 */
#ifndef COSELLDESK_TUI_H
#define COSELLDESK_TUI_H

#include <stddef.h>

struct app;
struct desk_settings;
struct settings_errors;
struct store;

/* What the console runs on. */
struct tui_options {
	const struct desk_settings *settings; /* the config in force; NULL: the
	                               * console's built-in keys and sizes */
	struct store *store;          /* the open desk, not closed by the console;
	                               * NULL: run without data (help only) */
	const char *theme_name;       /* --theme; NULL: settings' ui.theme */
};

/* Run the console on app's desk and config until the user quits. Returns
 * an exit code (cli.h lists them): 0, EX_UNAVAILABLE when there is no
 * usable terminal, or the code of a desk or config that cannot be opened. */
int tui_main(struct app *app);

/* The same with the pieces given directly. Returns 0 or a sysexits code,
 * with a message on stderr. */
int tui_run(const struct tui_options *opt);

/* Check the key bindings of settings as the console would load them:
 * unknown actions, key names it cannot read, one key bound twice in one
 * keymap of one file. Each problem is added to errs with its file and
 * line. Returns the number of problems found. */
size_t tui_check_keys(const struct desk_settings *settings, struct settings_errors *errs);

/* The curses library's version for --version ("ncurses 6.4.20221231"), or
 * NULL when the console is not built in. */
const char *tui_curses_version(void);

#endif
