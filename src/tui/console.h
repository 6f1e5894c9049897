/* console.h - the running console: views, keys, messages, the loop's state.
 *
 * One struct console exists while the console runs; every view reaches it
 * through view->console. It is the only place that knows which view is
 * shown, and the only dispatcher of requests: a key becomes a request
 * through the keymap, the current view handles it first, the generic code
 * here second.
 */
#ifndef COSELLDESK_TUI_CONSOLE_H
#define COSELLDESK_TUI_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#include "colors.h"
#include "job.h"
#include "keymap.h"
#include "prompt.h"
#include "request.h"
#include "views.h"

struct desk_settings;
struct store;
struct theme;

#define CONSOLE_STACK_MAX 8
#define CONSOLE_MESSAGE_MAX 1024
#define CONSOLE_JOB_REFRESH_SECONDS 3 /* data refreshes while a job writes */

struct console {
	const struct desk_settings *settings; /* the config in force; NULL: built-in keys */
	struct store *store;          /* the open desk; NULL when none */
	struct keymaps keys;          /* bindings, per scope */
	struct view views[VIEW_COUNT];/* one per registry entry */
	int stack[CONSOLE_STACK_MAX]; /* shown views, stack[depth-1] on screen */
	int depth;                    /* entries of stack */
	int help_for;                 /* the view the help view describes */
	char message[CONSOLE_MESSAGE_MAX]; /* the message line */
	bool message_is_error;        /* draw it as an error */
	char hint[CONSOLE_MESSAGE_MAX];/* completion candidates, over the status bar */
	struct prompt_state *prompt;  /* the open prompt, drawn on the message line */
	struct prompt_history history;/* every prompt's history */
	bool quit;                    /* leave the loop */
	bool tag_prefix;              /* `;` pending: next action on the tagged rows */
	int min_cols;                 /* below this width: the too-small screen */
	int min_rows;                 /* below this height: the too-small screen */
	bool too_small;               /* the terminal is below the minimum now */
	bool dirty;                   /* repaint before waiting for a key */
	bool no_display;              /* rendering off screen (COSELLDESK_NO_DISPLAY) */
	long long data_version;       /* last store data version seen */
	bool have_data_version;       /* data_version is valid */
	int poll_ms;                  /* input timeout = data poll interval */
	long long refreshed_at;       /* when another writer's change was last shown */
	enum color_mode color_mode;   /* what colors_init chose */
	const char *theme_name;       /* the theme asked for (NULL: default) */
	const struct theme *theme;    /* the loaded theme; NULL: plain text */
	bool theme_fallback;          /* the theme asked for failed: the built-in one */
	bool mouse;                   /* mouse capture is on (mouse.h) */
	struct job job;               /* the background job (job.h) */
};

/* Messages on the message line (printf formats). An error is also kept
 * until the next key so a script's `:save-display` shows it. A message of
 * several lines ("\n") shows its first on the message line and the rest
 * just above the status bar, over the view, until the next key. */
void console_message(struct console *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void console_error(struct console *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The view on screen. */
struct view *console_view(struct console *c);

/* Show the view called name (opening it, or reopening it with arg).
 * Returns 0, or -1 with an error message. */
int console_open_view(struct console *c, const char *name, const char *arg);

/* Run one request: the view first, then generic code. */
void console_request(struct console *c, const struct request_call *call);

/* Run what key is bound to in the current view. */
void console_key(struct console *c, int key);

/* Lay the views out again after a size change (or at start). */
void console_layout(struct console *c);

/* Tell every open view the data changed (a write of this console's own, which
 * data_version does not show; or another process's): each reloads, keeping
 * its cursor and tags. */
void console_data_changed(struct console *c);
/* Ask the store whether another process wrote; refresh when it did (while
 * a background job runs, at most every CONSOLE_JOB_REFRESH_SECONDS). */
void console_poll_data(struct console *c);

/* The canonical name of a key bound to r in the current view, or fallback
 * (for hints like "? help" that follow rebinding). */
const char *console_key_hint(struct console *c, enum request r, const char *fallback,
			     char *buf, size_t size);

#endif
