/* help_view.c - `?`: the keys of the view you came from, from the live keymap.
 *
 * Built on every open from the keymaps as they are now, so a key rebound in
 * the config or with :bind shows up here, and a request no key runs is
 * listed with its :command name. Nothing here is written by hand per key.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "colors.h"
#include "console.h"
#include "draw.h"
#include "keys.h"
#include "list.h"
#include "prompt.h"
#include "views.h"

enum help_kind { HELP_TITLE, HELP_GROUP, HELP_BINDING, HELP_BLANK };

struct help_line {
	enum help_kind kind;
	char keys[96];        /* "j, <Down>"; empty for unbound requests */
	char name[64];        /* request name, or ":command" */
	char text[160];       /* description, or the title */
};

struct help_state {
	struct help_line *line;
	size_t count, alloc;
	struct list_nav nav;
	int keys_width;
	int name_width;
	char search[256];
};

static struct help_line *add_line(struct help_state *s, enum help_kind kind)
{
	if (s->count == s->alloc) {
		size_t alloc = s->alloc ? s->alloc * 2 : 64;
		struct help_line *grown = realloc(s->line, alloc * sizeof(*grown));

		if (!grown)
			return NULL;
		s->line = grown;
		s->alloc = alloc;
	}
	memset(&s->line[s->count], 0, sizeof(s->line[0]));
	s->line[s->count].kind = kind;
	return &s->line[s->count++];
}

static void add_binding(struct help_state *s, const char *keys, const char *name, const char *text)
{
	struct help_line *l = add_line(s, HELP_BINDING);
	int w;

	if (!l)
		return;
	snprintf(l->keys, sizeof(l->keys), "%s", keys);
	snprintf(l->name, sizeof(l->name), "%s", name);
	snprintf(l->text, sizeof(l->text), "%s", text);
	w = draw_width(l->keys);
	if (w > s->keys_width)
		s->keys_width = w > 24 ? 24 : w;
	w = draw_width(l->name);
	if (w > s->name_width)
		s->name_width = w;
}

/* Command bindings (":sort score") of one scope, shadowing applied. */
static void add_command_bindings(struct help_state *s, struct console *c, const char *view,
				 const char *scope, int *header_done)
{
	const struct keymap *m = keymap_scope(&c->keys, scope);
	size_t i;

	for (i = 0; m && i < m->count; i++) {
		const struct keymap_binding *b = &m->binding[i];
		char key[32], name[80];

		if (!b->command || keymap_lookup(&c->keys, view, b->key) != b)
			continue;
		if (!*header_done) {
			add_line(s, HELP_BLANK);
			snprintf(add_line(s, HELP_GROUP)->text, sizeof(s->line[0].text), "Commands bound to keys");
			*header_done = 1;
		}
		snprintf(name, sizeof(name), ":%s", b->command);
		add_binding(s, keys_name(b->key, key, sizeof(key)), name, "");
	}
}

static void build(struct help_state *s, struct console *c, const struct view_ops *target)
{
	const char *view = target->name;
	int g, r, header_done = 0, unbound = 0;
	struct help_line *l;

	s->count = 0;
	s->keys_width = 4;
	s->name_width = 8;
	l = add_line(s, HELP_TITLE);
	if (l)
		snprintf(l->text, sizeof(l->text), "Keys of the %s view (global keys included; type :name to run any action)",
			 target->title);
	for (g = 0; g < REQ_GROUP_COUNT; g++) {
		bool group_started = false;

		for (r = 0; r < REQ_COUNT; r++) {
			char keys[96];

			if (request_group_of((enum request)r) != (enum request_group)g || r == REQ_NONE)
				continue;
			if (keymap_keys_for(&c->keys, view, (enum request)r, keys, sizeof(keys)) == 0) {
				unbound++;
				continue;
			}
			if (!group_started) {
				add_line(s, HELP_BLANK);
				l = add_line(s, HELP_GROUP);
				if (l)
					snprintf(l->text, sizeof(l->text), "%s", request_group_title((enum request_group)g));
				group_started = true;
			}
			add_binding(s, keys, request_name((enum request)r), request_help((enum request)r));
		}
	}
	add_command_bindings(s, c, view, view, &header_done);
	add_command_bindings(s, c, view, "global", &header_done);
	if (unbound) {
		add_line(s, HELP_BLANK);
		l = add_line(s, HELP_GROUP);
		if (l)
			snprintf(l->text, sizeof(l->text), "Not bound to a key (run as :name)");
		for (r = 0; r < REQ_COUNT; r++) {
			char keys[96];

			if (r == REQ_NONE || keymap_keys_for(&c->keys, view, (enum request)r, keys, sizeof(keys)))
				continue;
			add_binding(s, "", request_name((enum request)r), request_help((enum request)r));
		}
	}
	s->nav.count = (long)s->count;
}

static int help_open(struct view *v, const char *arg)
{
	struct help_state *s = v->state;
	struct console *c = v->console;
	const struct view_ops *target = views_get(c->help_for);

	(void)arg;
	if (!target)
		target = v->ops;
	build(s, c, target);
	s->nav.cursor = 0;
	s->nav.top = 0;
	return 0;
}

static void help_draw(struct view *v)
{
	struct help_state *s = v->state;
	int y;

	list_nav_clamp(&s->nav, v->rows);
	for (y = 0; y < v->rows && s->nav.top + y < (long)s->count; y++) {
		const struct help_line *l = &s->line[s->nav.top + y];
		bool selected = s->nav.top + y == s->nav.cursor;
		attr_t base = selected ? colors_attr(THEME_CURSOR_ROW) : colors_attr(THEME_NORMAL);
		int row = v->top + y, x;

		if (selected)
			draw_fill(row, 0, v->cols, base);
		switch (l->kind) {
		case HELP_TITLE:
			draw_text(row, 0, v->cols, l->text, selected ? base : colors_attr(THEME_HEADER));
			break;
		case HELP_GROUP:
			draw_text(row, 0, v->cols, l->text, selected ? base : colors_attr(THEME_HELP_GROUP));
			break;
		case HELP_BINDING:
			draw_field(row, 0, s->keys_width + 2, l->keys, DRAW_RIGHT,
				   selected ? base : colors_attr(THEME_HELP_KEY));
			x = s->keys_width + 4;
			if (x < v->cols)
				draw_field(row, x, s->name_width + 2 < v->cols - x ? s->name_width + 2 : v->cols - x,
					   l->name, DRAW_LEFT, base);
			x += s->name_width + 2;
			if (x < v->cols)
				draw_text(row, x, v->cols - x, l->text, base);
			break;
		case HELP_BLANK:
			break;
		}
	}
}

/* Case-insensitive substring test (ASCII folding is enough for help text). */
static bool contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (!strncasecmp(hay, needle, n))
			return true;
	return false;
}

static bool line_matches(const struct help_line *l, const char *needle)
{
	return *needle && (contains(l->keys, needle) || contains(l->name, needle) ||
			   contains(l->text, needle));
}

static void find(struct view *v, int dir, bool include_current)
{
	struct help_state *s = v->state;
	long i, n = (long)s->count, start = s->nav.cursor;

	if (!s->search[0] || n == 0)
		return;
	for (i = include_current ? 0 : 1; i <= n; i++) {
		long at = ((start + dir * i) % n + n) % n;

		if (line_matches(&s->line[at], s->search)) {
			list_nav_goto(&s->nav, at, v->rows);
			return;
		}
	}
	console_error(v->console, "no help line matches '%s'", s->search);
}

static void search_changed(struct console *c, void *ctx, const char *text)
{
	struct view *v = ctx;
	struct help_state *s = v->state;

	snprintf(s->search, sizeof(s->search), "%s", text);
	if (*text)
		find(v, 1, true);
	c->dirty = true;
}

static bool help_request(struct view *v, const struct request_call *call)
{
	struct help_state *s = v->state;
	struct console *c = v->console;

	if (list_nav_request(&s->nav, call->id, v->rows))
		return true;
	switch (call->id) {
	case REQ_SEARCH:
		if (call->arg) {
			search_changed(c, v, call->arg);
		} else {
			struct prompt_spec spec = { "/", '/', NULL, NULL, search_changed, v };
			char text[256];

			if (prompt_read(c, &spec, text, sizeof(text)) == 1)
				prompt_history_add(&c->history, '/', text);
		}
		return true;
	case REQ_SEARCH_NEXT:
		find(v, 1, false);
		return true;
	case REQ_SEARCH_PREV:
		find(v, -1, false);
		return true;
	case REQ_REFRESH:
		help_open(v, NULL);
		return true;
	default:
		return false;
	}
}

static void help_status(struct view *v, char *buf, size_t size)
{
	struct help_state *s = v->state;
	const struct view_ops *target = views_get(v->console->help_for);

	snprintf(buf, size, "%s keys, line %ld of %ld", target ? target->title : "", s->nav.cursor + 1,
		 s->nav.count);
}

/* A click selects the line; there is nothing to open. */
static void help_mouse(struct view *v, int y, int x, bool open)
{
	struct help_state *s = v->state;
	long at = s->nav.top + (y - v->top);

	(void)x;
	(void)open;
	if (at >= 0 && at < (long)s->count)
		list_nav_goto(&s->nav, at, v->rows);
}

static void help_done(struct view *v)
{
	struct help_state *s = v->state;

	free(s->line);
	s->line = NULL;
	s->count = s->alloc = 0;
}

const struct view_ops help_view_ops = {
	.name = "help",
	.title = "Help",
	.state_size = sizeof(struct help_state),
	.open = help_open,
	.draw = help_draw,
	.request = help_request,
	.status = help_status,
	.done = help_done,
	.mouse = help_mouse,
};
