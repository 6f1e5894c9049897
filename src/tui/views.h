/* views.h - what a view is, and the one list of them.
 *
 * A view owns the screen area above the status bar and is driven through
 * the vtable below: the console calls open once before the first draw,
 * draw whenever the screen is repainted, request for every request (the
 * view sees it first; returning false hands it to the generic code:
 * moving, help, prompt, quit...), resize after the terminal changed size,
 * data_changed when another process wrote to the database, status for the
 * status bar, done at exit. Views are singletons: one struct view each,
 * whose private state (state_size bytes, zeroed) the console allocates.
 *
 * ADDING A VIEW (e.g. the dashboard):
 *   1. write src/tui/dashboard_view.c defining
 *        const struct view_ops dashboard_view_ops = {
 *            .name = "dashboard", .title = "Dashboard",
 *            .state_size = sizeof(struct dashboard_state),
 *            .open = ..., .draw = ..., .request = ..., ...
 *        };
 *      (everything else in the file static; draw with draw.h, colours
 *      from colors.h, data only through include/coselldesk/store.h);
 *   2. add one line to TUI_VIEWS below: VIEW_(dashboard).
 * That is all: the name becomes a keymap scope (keys.dashboard in the
 * config), `:view dashboard [ARG]` opens it, the request view-dashboard
 * opens it when it exists (request.h already names the planned views),
 * and help lists its keys. The first entry is the home view.
 *
 * What a view can count on:
 *   - v->console->store (NULL when no desk is open), ->settings (may be
 *     NULL), console_message()/console_error() for the message line,
 *     console_open_view() to show another view, prompt_read() (prompt.h)
 *     to ask for a line with history and completion;
 *   - the queue opens "form" (open, score), "brief" (brief) and
 *     "escalations" (escalate) with the selected intro's id as arg;
 *   - requests arrive as struct request_call: arg is the text of a
 *     `:command ARG`, on_tagged is set after `;` (act on every tagged row);
 *   - list.h moves a cursor over rows held in memory; draw.h lays text out
 *     by display width; never call refresh() - the console paints;
 *   - return false from request() for anything the generic code should
 *     do (moving, help, quit...); a request nobody handles gets
 *     "not available in this view".
 * Tests: a sessions/NAME.script in tests/tui (see tests/tui/run.sh).
 */
#ifndef COSELLDESK_TUI_VIEWS_H
#define COSELLDESK_TUI_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "request.h"

/* views may take raw keys through view_ops.key */
#define VIEW_OPS_KEY_HOOK 1

#define TUI_VIEWS(VIEW_) \
	VIEW_(queue) \
	VIEW_(escalations) \
	VIEW_(dashboard) \
	VIEW_(form) \
	VIEW_(brief) \
	VIEW_(help) \
	VIEW_(doctor)

struct console;
struct view;

struct view_ops {
	const char *name;       /* registry name: keymap scope, `:view NAME` */
	const char *title;      /* what the status bar calls it */
	size_t state_size;      /* bytes of private state, zeroed before open */
	/* Load what the view shows; arg comes from `:view NAME ARG` (may be
	 * NULL). Called on first show and on every reopen. Return 0, or -1
	 * after console_error() (the previous view stays). */
	int (*open)(struct view *v, const char *arg);
	/* Paint rows v->top .. v->top + v->rows - 1 of stdscr, v->cols wide. */
	void (*draw)(struct view *v);
	/* Handle a request; true when done, false to let generic code try. */
	bool (*request)(struct view *v, const struct request_call *call);
	/* The area changed size (already set in v); may be NULL. */
	void (*resize)(struct view *v);
	/* Another process wrote to the database: reload, keeping the cursor
	 * and tags; may be NULL. */
	void (*data_changed)(struct view *v);
	/* The view's part of the status bar ("12 of 340  3 tagged"); may be NULL. */
	void (*status)(struct view *v, char *buf, size_t size);
	/* Completion candidates for the argument of a command (the columns of
	 * `:sort`): call add(ctx, word) for each; may be NULL. */
	void (*complete)(struct view *v, enum request r,
			 void (*add)(void *ctx, const char *word), void *ctx);
	/* Free what open allocated inside state; may be NULL. */
	void (*done)(struct view *v);
	/* A raw key before the keymap sees it (a form's field takes digits that
	 * are view switches elsewhere); true when consumed. May be NULL. */
	bool (*key)(struct view *v, int key);
	/* A click (mouse on, mouse.h) on screen row y, column x, inside the
	 * view's area: select what is there; open set for a double click
	 * (then open it too). May be NULL: clicks are ignored. */
	void (*mouse)(struct view *v, int y, int x, bool open);
};

struct view {
	const struct view_ops *ops;  /* the view's functions */
	struct console *console;     /* the console it lives in */
	void *state;                 /* state_size bytes, owned by the console */
	int top;                     /* first screen row of its area */
	int rows;                    /* height of its area */
	int cols;                    /* width of its area */
	bool opened;                 /* open() has succeeded */
};

enum view_id {
#define VIEW_ENUM_(name) VIEW_ID_##name,
	TUI_VIEWS(VIEW_ENUM_)
#undef VIEW_ENUM_
	VIEW_COUNT
};

#define VIEW_DECLARE_(name) extern const struct view_ops name##_view_ops;
TUI_VIEWS(VIEW_DECLARE_)
#undef VIEW_DECLARE_

/* The view's functions by registry index; NULL when out of range. */
const struct view_ops *views_get(int id);
/* The view called name, NULL when none. */
const struct view_ops *views_find(const char *name);
/* Its registry index, -1 when none. */
int views_index(const char *name);
/* All names, ", "-separated, for messages. */
void views_names(char *buf, size_t size);

#endif
