/* escalations_view.c - the escalation pane: what the desk could not decide.
 *
 * Open escalations oldest first, each with its kind, the intro and its
 * account, who raised it and where the rules of DOMAIN.md route it (core
 * domain_escalation_route). `limit` (:limit all / :limit open; without an
 * argument it toggles) shows the resolved ones too, below the open ones,
 * most recently resolved first. Below the list, the selected escalation:
 * its note, its route and rule, its resolution, and for a contested
 * account the two sides with their evidence and the rule that decides
 * (esc_conflict.h). `resolve` (R) asks for the required note; `escalate`
 * raises another (on the selected intro, or on the intro named:
 * `:escalate IN-7F3A2C`); `open` (Enter) opens the intro in the brief
 * editor. Opened with an intro (`:view escalations IN-7F3A2C`, which is
 * what the queue's escalate did before esc_raise_prompt existed), the pane
 * first raises an escalation on it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/domain.h"
#include "coselldesk/store.h"
#include "colors.h"
#include "console.h"
#include "dash_common.h"
#include "queue_format.h"
#include "draw.h"
#include "esc_conflict.h"
#include "esc_raise.h"
#include "list.h"
#include "prompt.h"
#include "views.h"

#define WIDE_COLS 110      /* from here the escalation handle and partner show */
#define LIST_MIN_ROWS 3    /* the list keeps this many rows before the panel */

struct esc_row {
	struct store_escalation e;            /* the escalation */
	char intro_handle[STORE_HANDLE_SIZE]; /* its intro */
	char account_id[STORE_ID_SIZE];       /* the intro's account */
	char account[STORE_NAME_SIZE];
	char partner_id[STORE_ID_SIZE];       /* the intro's partner */
	char partner[STORE_NAME_SIZE];
	enum partner_tier partner_tier;
};

struct escalations_state {
	struct esc_row *rows;                 /* heap, open first (oldest first) */
	size_t count;
	long open_count;                      /* of rows, open ones */
	struct list_nav nav;
	bool show_resolved;                   /* the limit: open only, or all */
	bool stale;                           /* the desk changed: reload before use */
	struct esc_conflict panel;            /* the selected escalation's panel */
	char panel_for[STORE_ID_SIZE];        /* ... loaded for this escalation ("" none) */
	int list_rows;                        /* rows of the list this layout */
};

static struct escalations_state *state_of(struct view *v)
{
	return v->state;
}

static long long now_of(struct view *v)
{
	return v->console->store ? store_now(v->console->store) : 0;
}

static const struct esc_row *selected(struct escalations_state *s)
{
	return s->count && s->nav.cursor >= 0 && (size_t)s->nav.cursor < s->count
		       ? &s->rows[s->nav.cursor] : NULL;
}

/* Open first, oldest first; then resolved, the latest resolved first. */
static int row_order(const void *pa, const void *pb)
{
	const struct esc_row *a = pa, *b = pb;
	int cmp;

	if (a->e.open != b->e.open)
		return a->e.open ? -1 : 1;
	if (a->e.open) {
		if (a->e.raised_at != b->e.raised_at)
			return a->e.raised_at < b->e.raised_at ? -1 : 1;
	} else if (a->e.resolved_at != b->e.resolved_at) {
		return a->e.resolved_at > b->e.resolved_at ? -1 : 1;
	}
	/* raised in the same second: by account, so the order never depends
	 * on random ids unless the account is the same too */
	cmp = strcmp(a->account, b->account);
	return cmp ? cmp : strcmp(a->e.id, b->e.id);
}

/* Names already looked up during one load: escalations cluster on a few
 * partners and accounts, and a partner lookup also reads its won history. */
struct name_cache {
	struct esc_row *rows;   /* the rows filled so far */
	size_t count;
};

/* A row filled earlier with the same partner (or account) id, NULL when none. */
static const struct esc_row *cached(const struct name_cache *nc, const char *id, bool partner)
{
	size_t i;

	for (i = 0; i < nc->count; i++) {
		const struct esc_row *r = &nc->rows[i];

		if (partner ? r->partner[0] && !strcmp(r->partner_id, id)
			    : r->account[0] && !strcmp(r->account_id, id))
			return r;
	}
	return NULL;
}

/* The intro, account and partner of one escalation, for the list. */
static void fill_names(struct store *st, struct esc_row *r, struct store_intro *scratch,
		       const struct name_cache *nc)
{
	const struct esc_row *known;
	struct store_account acc;
	struct store_partner p;

	store_handle_of(STORE_KIND_INTRO, r->e.intro_id, r->intro_handle);
	if (store_intro_get(st, r->e.intro_id, scratch) != STORE_OK)
		return;
	snprintf(r->partner_id, sizeof(r->partner_id), "%s", scratch->partner_id);
	snprintf(r->account_id, sizeof(r->account_id), "%s", scratch->account_id);
	known = cached(nc, r->account_id, false);
	if (known)
		snprintf(r->account, sizeof(r->account), "%s", known->account);
	else if (store_account_get(st, r->account_id, &acc) == STORE_OK)
		snprintf(r->account, sizeof(r->account), "%s", acc.name);
	known = cached(nc, r->partner_id, true);
	if (known) {
		snprintf(r->partner, sizeof(r->partner), "%s", known->partner);
		r->partner_tier = known->partner_tier;
	} else if (store_partner_get(st, r->partner_id, &p) == STORE_OK) {
		snprintf(r->partner, sizeof(r->partner), "%s", p.name);
		r->partner_tier = p.tier;
	}
}

/* Reload the list, keeping the cursor on the escalation it was on (or on
 * keep_id when given). */
static void load(struct view *v, const char *keep_id)
{
	struct escalations_state *s = state_of(v);
	struct store *st = v->console->store;
	struct store_escalation *list = NULL;
	struct store_intro *scratch;
	char keep[STORE_ID_SIZE] = "";
	size_t n = 0, i;

	if (keep_id)
		snprintf(keep, sizeof(keep), "%s", keep_id);
	else if (selected(s))
		snprintf(keep, sizeof(keep), "%s", selected(s)->e.id);
	s->stale = false;
	s->panel_for[0] = '\0';
	if (!st)
		return;
	if (store_escalation_list(st, NULL, !s->show_resolved, &list, &n) != STORE_OK) {
		console_error(v->console, "escalations: %s", store_errmsg(st));
		return;
	}
	scratch = malloc(sizeof(*scratch));
	free(s->rows);
	s->rows = n ? calloc(n, sizeof(*s->rows)) : NULL;
	if ((n && !s->rows) || !scratch) {
		free(s->rows);
		s->rows = NULL;
		s->count = 0;
		free(list);
		free(scratch);
		console_error(v->console, "escalations: out of memory");
		return;
	}
	s->count = n;
	s->open_count = 0;
	for (i = 0; i < n; i++) {
		struct name_cache nc = { s->rows, i };

		s->rows[i].e = list[i];
		fill_names(st, &s->rows[i], scratch, &nc);
		if (list[i].open)
			s->open_count++;
	}
	free(list);
	free(scratch);
	qsort(s->rows, s->count, sizeof(*s->rows), row_order);
	s->nav.count = (long)s->count;
	for (i = 0; keep[0] && i < s->count; i++)
		if (!strcmp(s->rows[i].e.id, keep))
			s->nav.cursor = (long)i;
	list_nav_clamp(&s->nav, s->list_rows > 0 ? s->list_rows : 1);
}

static void ensure_fresh(struct view *v)
{
	if (state_of(v)->stale)
		load(v, NULL);
}

static void ensure_panel(struct view *v)
{
	struct escalations_state *s = state_of(v);
	const struct esc_row *r = selected(s);

	if (!r) {
		memset(&s->panel, 0, sizeof(s->panel));
		s->panel_for[0] = '\0';
		return;
	}
	if (!strcmp(s->panel_for, r->e.id))
		return;
	if (esc_conflict_load(v->console->store, r->e.intro_id, r->e.kind, &s->panel) != STORE_OK) {
		memset(&s->panel, 0, sizeof(s->panel));
		console_error(v->console, "escalations: %s", store_errmsg(v->console->store));
	}
	snprintf(s->panel_for, sizeof(s->panel_for), "%s", r->e.id);
}

/* ---- open / done / data --------------------------------------------------- */

static int escalations_open(struct view *v, const char *arg)
{
	struct escalations_state *s = state_of(v);
	char raised[STORE_ID_SIZE] = "";

	if (!v->console->store) {
		console_error(v->console, "escalations: no desk is open");
		return -1;
	}
	if (arg && *arg && esc_raise_prompt(v->console, arg, raised) != 1)
		return -1;
	(void)s;
	load(v, raised[0] ? raised : NULL);
	return 0;
}

static void escalations_done(struct view *v)
{
	struct escalations_state *s = state_of(v);

	free(s->rows);
	s->rows = NULL;
	s->count = 0;
}

static void escalations_data_changed(struct view *v)
{
	/* reloaded when next shown or used: a hidden pane costs nothing while
	 * another process imports */
	state_of(v)->stale = true;
}

/* ---- drawing ------------------------------------------------------------ */

struct columns {
	int handle, age, kind, intro, account, partner, by, routed; /* widths; 0 hidden */
};

static struct columns columns_for(int cols)
{
	struct columns c = { 0, 4, 18, 9, 0, 0, 9, 15 };
	int fixed, flex;

	if (cols >= WIDE_COLS)
		c.handle = 9;
	fixed = 2 + (c.handle ? c.handle + 1 : 0) + c.age + 1 + c.kind + 1 + c.intro + 1 + c.by + 1 +
		c.routed + 1;
	flex = cols - fixed;
	if (cols >= WIDE_COLS) {
		c.partner = flex / 2;
		c.account = flex - c.partner - 1;
	} else {
		c.account = flex;
	}
	if (c.account < 6)
		c.account = 6;
	return c;
}

/* "desk_lead" -> "desk lead". */
static void target_short(enum escalation_target t, char *buf, size_t size)
{
	char *p;

	snprintf(buf, size, "%s", domain_escalation_target_name(t) ? domain_escalation_target_name(t) : "?");
	for (p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
}

/* Draw one cell and move x past it (width 0: the column is hidden). */
static void cell(int y, int *x, int width, const char *text, enum draw_align align, attr_t attr,
		 int limit)
{
	if (width <= 0 || *x >= limit)
		return;
	if (*x + width > limit)
		width = limit - *x;
	draw_field(y, *x, width, text, align, attr);
	*x += width + 1;
}

static void draw_header(struct view *v, const struct columns *c)
{
	attr_t h = colors_attr(THEME_HEADER);
	int x = 2, y = v->top;

	draw_fill(y, 0, v->cols, h);
	cell(y, &x, c->handle, "ID", DRAW_LEFT, h, v->cols);
	cell(y, &x, c->age, "AGE", DRAW_RIGHT, h, v->cols);
	cell(y, &x, c->kind, "KIND", DRAW_LEFT, h, v->cols);
	cell(y, &x, c->intro, "INTRO", DRAW_LEFT, h, v->cols);
	cell(y, &x, c->account, "ACCOUNT", DRAW_LEFT, h, v->cols);
	cell(y, &x, c->partner, "PARTNER", DRAW_LEFT, h, v->cols);
	cell(y, &x, c->by, "RAISED BY", DRAW_LEFT, h, v->cols);
	cell(y, &x, c->routed, "ROUTED TO", DRAW_LEFT, h, v->cols);
}

static void draw_row(struct view *v, const struct columns *c, const struct esc_row *r, int y,
		     bool is_cursor)
{
	attr_t base = is_cursor ? colors_attr(THEME_CURSOR_ROW) : colors_attr(THEME_NORMAL);
	attr_t kind_attr = is_cursor ? base : colors_attr(r->e.open ? THEME_ESCALATED : THEME_DIM);
	char buf[STORE_NAME_SIZE + 8];
	int x = 2;

	draw_fill(y, 0, v->cols, base);
	/* '>' the cursor; '!' open and '-' resolved, so neither is told by colour */
	draw_text(y, 0, 1, is_cursor ? ">" : " ", base);
	cell(y, &x, c->handle, r->e.handle, DRAW_LEFT, base, v->cols);
	domain_format_age(now_of(v) - r->e.raised_at, buf, sizeof(buf));
	cell(y, &x, c->age, buf, DRAW_RIGHT, base, v->cols);
	snprintf(buf, sizeof(buf), "%c %s", r->e.open ? '!' : '-', esc_kind_label(r->e.kind));
	cell(y, &x, c->kind, buf, DRAW_LEFT, kind_attr, v->cols);
	cell(y, &x, c->intro, r->intro_handle, DRAW_LEFT, base, v->cols);
	cell(y, &x, c->account, r->account, DRAW_LEFT, base, v->cols);
	if (c->partner > 0) {
		snprintf(buf, sizeof(buf), "%c %s", domain_partner_tier_glyph(r->partner_tier), r->partner);
		cell(y, &x, c->partner, buf, DRAW_LEFT, base, v->cols);
	}
	cell(y, &x, c->by, r->e.raised_by, DRAW_LEFT, base, v->cols);
	target_short(r->e.routed_to, buf, sizeof(buf));
	cell(y, &x, c->routed, buf, DRAW_LEFT, base, v->cols);
}

/* The lines about the selected escalation above its panel, written to
 * out[] (at most max); returns how many. */
static int detail_lines(struct view *v, const struct esc_row *r, const struct esc_conflict *cf,
			char out[][STORE_TEXT_SIZE * 2], int max)
{
	char age[32];
	int n = 0;

	domain_format_age(now_of(v) - r->e.raised_at, age, sizeof(age));
	if (n < max)
		snprintf(out[n++], sizeof(out[0]), "raised by %s %s ago: %s", r->e.raised_by, age, r->e.note);
	if (n < max)
		snprintf(out[n++], sizeof(out[0]), "routed to %s%s%s", esc_target_label(r->e.routed_to),
			 esc_conflict_covers(cf, r->e.kind) ? "" : ". ",
			 esc_conflict_covers(cf, r->e.kind) ? "" : esc_kind_rule(r->e.kind));
	if (!r->e.open && n < max) {
		domain_format_age(now_of(v) - r->e.resolved_at, age, sizeof(age));
		snprintf(out[n++], sizeof(out[0]), "resolved by %s %s ago: %s", r->e.resolved_by, age,
			 r->e.resolution);
	}
	return n;
}

static int text_rows(const char *text, int width)
{
	char line[600];
	int n = 0;

	while (dash_wrap(&text, width, line, sizeof(line)))
		n++;
	return n ? n : 1;
}

static void escalations_draw(struct view *v)
{
	struct escalations_state *s = state_of(v);
	struct columns c = columns_for(v->cols);
	const struct esc_row *r;
	char lines[3][STORE_TEXT_SIZE * 2], title[STORE_TEXT_SIZE];
	int detail = 0, n = 0, i, y, bottom = v->top + v->rows, width = v->cols - 2;

	ensure_fresh(v);
	ensure_panel(v);
	r = selected(s);
	draw_header(v, &c);
	if (r) {
		n = detail_lines(v, r, &s->panel, lines, 3);
		detail = 1;
		for (i = 0; i < n; i++)
			detail += text_rows(lines[i], width);
		detail += esc_conflict_height(&s->panel, width);
	}
	/* the list takes what the selected escalation leaves, but never fewer
	 * than LIST_MIN_ROWS rows: the panel is cut first */
	s->list_rows = v->rows - 1 - detail;
	if (s->list_rows > (int)s->count)
		s->list_rows = (int)s->count;
	if (s->list_rows < LIST_MIN_ROWS)
		s->list_rows = (int)s->count < LIST_MIN_ROWS ? (int)s->count : LIST_MIN_ROWS;
	if (s->list_rows > v->rows - 1)
		s->list_rows = v->rows - 1;
	if (s->list_rows < 1)
		s->list_rows = 1;
	list_nav_clamp(&s->nav, s->list_rows);
	if (!s->count) {
		draw_text(v->top + 1, 2, v->cols - 2,
			  s->show_resolved ? "No escalations on this desk."
					   : "No open escalations. (:limit all shows the resolved ones)",
			  colors_attr(THEME_DIM));
		return;
	}
	for (i = 0; i < s->list_rows && s->nav.top + i < (long)s->count; i++)
		draw_row(v, &c, &s->rows[s->nav.top + i], v->top + 1 + i, s->nav.top + i == s->nav.cursor);
	y = v->top + 1 + s->list_rows;
	if (!r || y >= bottom)
		return;
	snprintf(title, sizeof(title), "-- %s %s: %s on %s, %s (%c %s)", r->e.handle,
		 r->e.open ? "open" : "resolved", esc_kind_label(r->e.kind), r->intro_handle, r->account,
		 domain_partner_tier_glyph(r->partner_tier), r->partner);
	draw_fill(y, 0, v->cols, colors_attr(THEME_BORDER));
	draw_text(y++, 0, v->cols, title, colors_attr(THEME_TITLE));
	for (i = 0; i < n && y < bottom; i++) {
		const char *text = lines[i];
		char line[600];

		while (y < bottom && dash_wrap(&text, width, line, sizeof(line)))
			draw_text(y++, 1, width, line, colors_attr(i == 1 ? THEME_DETAIL_LABEL : THEME_NORMAL));
	}
	if (y < bottom)
		esc_conflict_draw(&s->panel, now_of(v), y, 1, width, bottom - y);
}

static void escalations_status(struct view *v, char *buf, size_t size)
{
	struct escalations_state *s = state_of(v);

	ensure_fresh(v);
	if (s->show_resolved)
		snprintf(buf, size, "%ld open, %ld resolved  limit all", s->open_count,
			 (long)s->count - s->open_count);
	else
		snprintf(buf, size, "%ld open  limit open", s->open_count);
}

/* ---- requests ----------------------------------------------------------- */

static void resolve(struct view *v)
{
	struct escalations_state *s = state_of(v);
	struct console *c = v->console;
	const struct esc_row *r = selected(s);
	struct store_intro in;
	char label[200], note[PROMPT_MAX * 4], handle[STORE_HANDLE_SIZE], intro[STORE_HANDLE_SIZE];
	struct prompt_spec spec = { label, 'R', NULL, NULL, NULL, NULL };

	if (!r) {
		console_error(c, "resolve: no escalation selected");
		return;
	}
	if (!r->e.open) {
		console_error(c, "resolve: %s is already resolved", r->e.handle);
		return;
	}
	snprintf(handle, sizeof(handle), "%s", r->e.handle);
	snprintf(intro, sizeof(intro), "%s", r->intro_handle);
	snprintf(label, sizeof(label), "resolve %s on %s, what was decided: ", handle, intro);
	if (prompt_read(c, &spec, note, sizeof(note)) != 1) {
		console_message(c, "%s left open", handle);
		return;
	}
	if (note[0])
		prompt_history_add(&c->history, 'R', note);
	if (store_escalation_resolve(c->store, r->e.id, note) != STORE_OK) {
		console_error(c, "resolve %s: %s", handle, store_errmsg(c->store));
		return;
	}
	if (store_intro_get(c->store, intro, &in) == STORE_OK && in.state != STATE_ESCALATED)
		console_message(c, "%s resolved; %s is back to %s (u undoes it)", handle, intro,
				domain_state_label(in.state));
	else
		console_message(c, "%s resolved; %s stays escalated (another escalation is open)", handle,
				intro);
	console_data_changed(c);
	load(v, NULL);
}

static void set_limit(struct view *v, const char *arg)
{
	struct escalations_state *s = state_of(v);

	if (!arg || !*arg)
		s->show_resolved = !s->show_resolved;
	else if (!strcmp(arg, "all"))
		s->show_resolved = true;
	else if (!strcmp(arg, "open"))
		s->show_resolved = false;
	else {
		console_error(v->console, "limit: the escalation pane shows 'open' or 'all', not '%s'", arg);
		return;
	}
	load(v, NULL);
	console_message(v->console, s->show_resolved ? "showing resolved escalations too"
						     : "showing open escalations only");
}

static void open_intro(struct view *v)
{
	const struct esc_row *r = selected(state_of(v));
	const char *target = views_find("brief") ? "brief" : views_find("form") ? "form" : NULL;

	if (!r) {
		console_error(v->console, "open: no escalation selected");
		return;
	}
	if (!target) {
		console_error(v->console, "the brief view is not part of this build yet");
		return;
	}
	console_open_view(v->console, target, r->e.intro_id);
}

static bool escalations_request(struct view *v, const struct request_call *call)
{
	struct escalations_state *s = state_of(v);
	struct console *c = v->console;
	char raised[STORE_ID_SIZE] = "";
	const struct esc_row *r;

	if (!c->store)
		return false;
	ensure_fresh(v);
	if (list_nav_request(&s->nav, call->id, s->list_rows > 0 ? s->list_rows : 1))
		return true;
	r = selected(s);
	switch (call->id) {
	case REQ_RESOLVE:
		resolve(v);
		return true;
	case REQ_ESCALATE:
		if (!call->arg && !r) {
			console_error(c, "escalate: no escalation selected (:escalate IN-... names an intro)");
			return true;
		}
		if (esc_raise_prompt(c, call->arg ? call->arg : r->e.intro_id, raised) == 1)
			load(v, raised);
		return true;
	case REQ_LIMIT:
		set_limit(v, call->arg);
		return true;
	case REQ_OPEN:
		open_intro(v);
		return true;
	case REQ_REFRESH:
		load(v, NULL);
		return true;
	case REQ_UNDO: {
		struct store_undo_result u;

		if (store_undo(c->store, NULL, &u) != STORE_OK) {
			console_error(c, "undo: %s", store_errmsg(c->store));
			return true;
		}
		console_message(c, "%s", u.summary);
		console_data_changed(c);
		load(v, NULL);
		return true;
	}
	default:
		return false;
	}
}

static void escalations_resize(struct view *v)
{
	struct escalations_state *s = state_of(v);

	list_nav_clamp(&s->nav, s->list_rows > 0 ? s->list_rows : 1);
}

/* A click on a row of the list selects it; a double click opens its
 * intro. */
static void escalations_mouse(struct view *v, int y, int x, bool open)
{
	struct escalations_state *s = state_of(v);
	long at = s->nav.top + (y - (v->top + 1));

	(void)x;
	if (y <= v->top || y > v->top + s->list_rows || at < 0 || at >= (long)s->count)
		return;
	list_nav_goto(&s->nav, at, s->list_rows > 0 ? s->list_rows : 1);
	if (open)
		open_intro(v);
}

static void escalations_complete(struct view *v, enum request r,
				 void (*add)(void *ctx, const char *word), void *ctx)
{
	(void)v;
	if (r == REQ_LIMIT) {
		add(ctx, "all");
		add(ctx, "open");
	}
}

const struct view_ops escalations_view_ops = {
	.name = "escalations",
	.title = "Escalations",
	.state_size = sizeof(struct escalations_state),
	.open = escalations_open,
	.draw = escalations_draw,
	.request = escalations_request,
	.resize = escalations_resize,
	.data_changed = escalations_data_changed,
	.status = escalations_status,
	.complete = escalations_complete,
	.done = escalations_done,
	.mouse = escalations_mouse,
};
