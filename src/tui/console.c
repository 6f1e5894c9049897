/* console.c - view stack, request dispatch, messages, data refresh. */
#include "console.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coselldesk/store.h"
#include "command.h"
#include "desk_watch.h"
#include "display.h"
#include "form_ask.h"
#include "job.h"
#include "keys.h"
#include "mouse.h"
#include "provide_curses.h"

static void set_message(struct console *c, bool error, const char *fmt, va_list ap)
{
	vsnprintf(c->message, sizeof(c->message), fmt, ap);
	c->message_is_error = error;
	c->dirty = true;
}

void console_message(struct console *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(c, false, fmt, ap);
	va_end(ap);
}

void console_error(struct console *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_message(c, true, fmt, ap);
	va_end(ap);
	if (!display_active())
		fprintf(stderr, "coselldesk: %s\n", c->message);
}

struct view *console_view(struct console *c)
{
	return c->depth > 0 ? &c->views[c->stack[c->depth - 1]] : NULL;
}

static void set_area(struct console *c, struct view *v)
{
	int rows, cols;

	display_size(&rows, &cols);
	v->top = 0;
	v->rows = rows > 2 ? rows - 2 : 0;
	v->cols = cols;
	(void)c;
}

void console_layout(struct console *c)
{
	int rows, cols, i;

	display_size(&rows, &cols);
	c->too_small = cols < c->min_cols || rows < c->min_rows;
	for (i = 0; i < VIEW_COUNT; i++) {
		struct view *v = &c->views[i];

		if (!v->opened)
			continue;
		set_area(c, v);
		if (v->ops->resize && !c->too_small)
			v->ops->resize(v);
	}
	c->dirty = true;
}

static void stack_remove(struct console *c, int idx)
{
	int i, j;

	for (i = j = 0; i < c->depth; i++)
		if (c->stack[i] != idx)
			c->stack[j++] = c->stack[i];
	c->depth = j;
}

int console_open_view(struct console *c, const char *name, const char *arg)
{
	int idx = views_index(name);
	struct view *v, *current = console_view(c);
	int previous_help_for = c->help_for;

	if (idx < 0) {
		char names[256];

		views_names(names, sizeof(names));
		console_error(c, "no view '%s'; the views are %s", name ? name : "", names);
		return -1;
	}
	v = &c->views[idx];
	if (current && current != v && strcmp(v->ops->name, "help") == 0)
		c->help_for = (int)(current - c->views);
	if (!v->state && v->ops->state_size) {
		v->state = calloc(1, v->ops->state_size);
		if (!v->state) {
			console_error(c, "out of memory opening the %s view", v->ops->title);
			return -1;
		}
	}
	set_area(c, v);
	if (v->ops->open && v->ops->open(v, arg) < 0) {
		c->help_for = previous_help_for;
		return -1;
	}
	v->opened = true;
	stack_remove(c, idx);
	if (c->depth == CONSOLE_STACK_MAX) {
		memmove(c->stack, c->stack + 1, sizeof(c->stack[0]) * (CONSOLE_STACK_MAX - 1));
		c->depth--;
	}
	c->stack[c->depth++] = idx;
	c->dirty = true;
	return 0;
}

/* Leaving with a job running stops it: ask first. */
static bool may_leave(struct console *c)
{
	char question[300];

	if (!job_running(c))
		return true;
	snprintf(question, sizeof(question), "%s is still running: stop it and quit? (y/n)", c->job.what);
	return form_ask_yes(c, question);
}

static void close_view(struct console *c)
{
	if (c->depth <= 1) {
		c->quit = may_leave(c);
		return;
	}
	c->depth--;
	c->dirty = true;
}

/* view-form, view-dashboard...: the view of that name, when it is built in. */
static void open_named(struct console *c, const char *name, const char *arg)
{
	if (!views_find(name)) {
		console_error(c, "the %s view is not part of this build yet", name);
		return;
	}
	console_open_view(c, name, arg);
}

static void command_prompt(struct console *c)
{
	struct prompt_spec spec = { ":", ':', NULL, command_complete, NULL, NULL };
	char line[PROMPT_MAX * 4];

	if (prompt_read(c, &spec, line, sizeof(line)) == 1 && line[0]) {
		prompt_history_add(&c->history, ':', line);
		command_run(c, line);
	}
}

static void generic_request(struct console *c, struct view *v, const struct request_call *call)
{
	char err[256];

	switch (call->id) {
	case REQ_HELP:
		console_open_view(c, "help", NULL);
		break;
	case REQ_PROMPT:
		command_prompt(c);
		break;
	case REQ_QUIT:
		close_view(c);
		break;
	case REQ_EXIT:
		c->quit = may_leave(c);
		break;
	case REQ_CANCEL:
		job_stop(c);
		break;
	case REQ_IMPORT:
		job_import(c, call->arg);
		break;
	case REQ_RESCORE:
		job_rescore(c);
		break;
	case REQ_MOUSE:
		mouse_command(c, call->arg);
		break;
	case REQ_DOCTOR:
		console_open_view(c, "doctor", NULL);
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		c->dirty = true;
		break;
	case REQ_REFRESH:
		if (v->ops->data_changed)
			v->ops->data_changed(v);
		c->dirty = true;
		break;
	case REQ_VIEW_QUEUE:
		open_named(c, "queue", call->arg);
		break;
	case REQ_VIEW_FORM:
		open_named(c, "form", call->arg);
		break;
	case REQ_VIEW_BRIEF:
		open_named(c, "brief", call->arg);
		break;
	case REQ_VIEW_ESCALATIONS:
		open_named(c, "escalations", call->arg);
		break;
	case REQ_VIEW_DASHBOARD:
		open_named(c, "dashboard", call->arg);
		break;
	case REQ_TAG_PREFIX:
		c->tag_prefix = true;
		console_message(c, "the next action applies to every tagged row");
		break;
	case REQ_SAVE_DISPLAY:
		if (!call->arg || !*call->arg) {
			console_error(c, "save-display needs a file name: :save-display FILE");
			break;
		}
		display_draw(c);
		if (display_save(call->arg, err, sizeof(err)) < 0)
			console_error(c, "save-display: %s", err);
		break;
	case REQ_NONE:
		break;
	case REQ_MOVE_UP:
	case REQ_MOVE_DOWN:
	case REQ_PAGE_UP:
	case REQ_PAGE_DOWN:
	case REQ_HALF_PAGE_UP:
	case REQ_HALF_PAGE_DOWN:
	case REQ_FIRST:
	case REQ_LAST:
		break; /* nothing to move here */
	default:
		console_error(c, "%s: not available in the %s view", request_name(call->id),
			      v->ops->title);
		break;
	}
}

/* What still works on the too-small screen: leaving, the prompt (scripts
 * resize and save through it) and redraw. */
static bool allowed_when_small(enum request r)
{
	return r == REQ_QUIT || r == REQ_EXIT || r == REQ_PROMPT || r == REQ_REDRAW ||
	       r == REQ_SAVE_DISPLAY || r == REQ_NONE;
}

void console_request(struct console *c, const struct request_call *call)
{
	struct view *v = console_view(c);
	struct request_call this_call = *call;

	if (!v)
		return;
	if (c->too_small && !allowed_when_small(call->id)) {
		c->dirty = true;
		return;
	}
	/* the prefix waits for an action: opening the prompt, help or a
	 * screen capture on the way does not use it up */
	if (c->tag_prefix && call->id != REQ_TAG_PREFIX && call->id != REQ_PROMPT &&
	    call->id != REQ_SAVE_DISPLAY && call->id != REQ_HELP && call->id != REQ_REDRAW &&
	    call->id != REQ_NONE) {
		this_call.on_tagged = true;
		c->tag_prefix = false;
	}
	c->dirty = true;
	if (call->id == REQ_QUIT && c->too_small) {
		c->quit = true;
		return;
	}
	if (v->ops->request && v->ops->request(v, &this_call))
		return;
	generic_request(c, v, &this_call);
}

void console_key(struct console *c, int key)
{
	struct view *v = console_view(c);
	const struct keymap_binding *b;
	char name[32];

	c->message[0] = '\0';
	c->message_is_error = false;
	c->hint[0] = '\0';
	c->dirty = true;
	if (!v)
		return;
	if (key == (KEYS_CURSES | KEY_MOUSE)) {
		mouse_event(c);
		return;
	}
	if (!c->too_small && v->ops->key && v->ops->key(v, key))
		return;
	b = keymap_lookup(&c->keys, v->ops->name, key);
	if (!b) {
		if (!c->too_small) {
			char help[32];

			console_message(c, "%s is not bound in the %s view (%s lists the keys)",
					keys_name(key, name, sizeof(name)), v->ops->title,
					console_key_hint(c, REQ_HELP, ":help", help, sizeof(help)));
		}
		return;
	}
	if (b->command) {
		char line[512];

		/* the command may rebind this very key: run a copy */
		snprintf(line, sizeof(line), "%s", b->command);
		command_run(c, line);
		return;
	} else {
		struct request_call call = { b->request, NULL, false };

		console_request(c, &call);
	}
}

const char *console_key_hint(struct console *c, enum request r, const char *fallback,
			     char *buf, size_t size)
{
	struct view *v = console_view(c);
	char all[256];
	char *comma;

	if (keymap_keys_for(&c->keys, v ? v->ops->name : NULL, r, all, sizeof(all)) == 0) {
		snprintf(buf, size, "%s", fallback);
		return buf;
	}
	comma = strstr(all, ", ");
	if (comma)
		*comma = '\0';
	snprintf(buf, size, "%s", all);
	return buf;
}

void console_data_changed(struct console *c)
{
	for (int i = 0; i < VIEW_COUNT; i++) {
		struct view *v = &c->views[i];

		if (v->opened && v->ops->data_changed)
			v->ops->data_changed(v);
	}
	c->dirty = true;
}

void console_poll_data(struct console *c)
{
	long long version;
	bool changed;

	/* a background job commits chunk after chunk: refreshing (and
	 * recounting) after each would keep the console busy; every few
	 * seconds shows it moving, and the job's end refreshes anyway */
	if (job_running(c) && time(NULL) - c->refreshed_at < CONSOLE_JOB_REFRESH_SECONDS) {
		desk_watch_polled(c, false);
		return;
	}
	if (!c->store || store_data_version(c->store, &version) != STORE_OK)
		return;
	changed = c->have_data_version && version != c->data_version;
	if (changed) {
		console_data_changed(c);
		c->refreshed_at = time(NULL);
	}
	c->data_version = version;
	c->have_data_version = true;
	desk_watch_polled(c, changed);
}
