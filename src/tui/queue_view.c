/* queue_view.c - the live triage queue, the console's home.
 *
 * Rows come from the store a screen at a time (queue_page.h). The view
 * keeps the limit, the sort, the tags and the search; every change of
 * limit or data asks for the status bar's counts, which a worker thread
 * takes off the key path (queue_counts.h), and a data change from another
 * process reloads the window in place, keeping the cursor and the tags and
 * marking rows changed since the last look.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coselldesk/domain.h"
#include "coselldesk/query.h"
#include "coselldesk/settings.h"
#include "coselldesk/store.h"
#include "colors.h"
#include "command.h"
#include "console.h"
#include "draw.h"
#include "esc_raise.h"
#include "job.h"
#include "prompt.h"
#include "queue_counts.h"
#include "queue_export.h"
#include "queue_format.h"
#include "queue_page.h"
#include "views.h"

#define QUEUE_TAG_QUERY_MAX 10000 /* rows one T may tag */
#define DETAIL_RIGHT_MIN_COLS 110 /* narrower terminals get the pane below */

struct queue_counts {
	long open;        /* open intros in the desk (trigger-kept counter) */
	long shown;       /* rows matching the limit */
	long over_bar;    /* of those, scored at or over the bar */
	long breached;    /* of those, past their SLA */
	long changed;     /* of those, arrived since seen_mark */
	bool valid;       /* the counts above are those of the limit in force */
	char announce[PROMPT_MAX + 16]; /* "limit X": say how many when they come */
};

struct queue_state {
	struct queue_source src;
	struct queue_window win;
	char limit[PROMPT_MAX];               /* the limit query as typed ("" none) */
	char search[256];                     /* the / text ("" none) */
	char (*tags)[STORE_ID_SIZE];          /* tagged intro ids, heap */
	size_t tag_count, tag_alloc;
	enum settings_column columns[SETTINGS_COLUMN_COUNT];
	int column_count;
	bool detail;                          /* the detail pane is shown */
	bool detail_bottom;                   /* ... below the rows, not beside */
	struct store_intro_view detail_data;  /* the intro the pane shows */
	bool detail_loaded;
	char detail_id[STORE_ID_SIZE];
	long long seen_at;                    /* rows changed after this are marked */
	long long seen_mark;                  /* intros arrived after this are "new" */
	struct queue_counts counts;
	struct queue_counter *counter;        /* counts off the key path; NULL: here */
	char view_name[SETTINGS_VIEW_NAME_MAX];/* the named view applied, "" none */
	int list_rows, list_cols;             /* the rows area (without pane) */
};

/* ---- helpers ----------------------------------------------------------- */

/* Whether the handle, partner or account of a row holds text (any case). */
static bool row_matches(const struct queue_row *r, const char *text)
{
	const char *fields[3] = { r->handle, r->partner_name, r->account_name };
	size_t n = strlen(text);
	int i;

	for (i = 0; i < 3; i++) {
		const char *p;

		for (p = fields[i]; *p; p++)
			if (!strncasecmp(p, text, n))
				return true;
	}
	return false;
}

static struct queue_state *state_of(struct view *v)
{
	return v->state;
}

static bool report(struct view *v, enum store_status rc, const char *what)
{
	if (rc == STORE_OK)
		return true;
	console_error(v->console, "%s: %s", what, store_errmsg(v->console->store));
	return false;
}

static long long now_of(struct view *v)
{
	return v->console->store ? store_now(v->console->store) : 0;
}

static int find_tag(const struct queue_state *s, const char *id)
{
	size_t i;

	for (i = 0; i < s->tag_count; i++)
		if (!strcmp(s->tags[i], id))
			return (int)i;
	return -1;
}

static bool is_tagged(const struct queue_state *s, const char *id)
{
	return find_tag(s, id) >= 0;
}

static bool add_tag(struct queue_state *s, const char *id)
{
	if (is_tagged(s, id))
		return true;
	if (s->tag_count == s->tag_alloc) {
		size_t alloc = s->tag_alloc ? s->tag_alloc * 2 : 64;
		char (*grown)[STORE_ID_SIZE] = realloc(s->tags, alloc * sizeof(*grown));

		if (!grown)
			return false;
		s->tags = grown;
		s->tag_alloc = alloc;
	}
	snprintf(s->tags[s->tag_count++], STORE_ID_SIZE, "%s", id);
	return true;
}

static void drop_tag(struct queue_state *s, int i)
{
	memmove(s->tags[i], s->tags[i + 1], (s->tag_count - (size_t)i - 1) * sizeof(s->tags[0]));
	s->tag_count--;
}

/* The limit names a state: then it decides the states, not "open only". */
static bool query_names_state(const char *limit)
{
	struct query q;
	char err[200];
	size_t i;
	bool found = false;

	if (query_parse(limit, &q, err, sizeof(err), NULL) < 0)
		return false;
	for (i = 0; i < q.count; i++)
		if (q.terms[i].field == QUERY_STATE)
			found = true;
	query_free(&q);
	return found;
}

static void apply_filter(struct queue_state *s)
{
	memset(&s->src.filter, 0, sizeof(s->src.filter));
	s->src.filter.score_min = -1;
	s->src.filter.score_max = -1;
	s->src.filter.query = s->limit[0] ? s->limit : NULL;
	s->src.filter.states = s->limit[0] && query_names_state(s->limit) ? 0 : STORE_STATES_OPEN;
}

/* The answer to the latest question about the counts. */
static void counts_arrived(void *ctx, enum store_status rc, const struct queue_tally *t,
			   const char *error)
{
	struct view *v = ctx;
	struct queue_state *s = state_of(v);

	(void)error;   /* the status bar then shows the rows on screen */
	v->console->dirty = true;
	s->counts.valid = rc == STORE_OK;
	if (rc != STORE_OK)
		return;
	s->counts.open = t->open;
	s->counts.shown = t->shown;
	s->counts.over_bar = t->over_bar;
	s->counts.breached = t->breached;
	s->counts.changed = t->changed;
	if (s->counts.announce[0])
		console_message(v->console, "%s: %ld intro%s", s->counts.announce, t->shown,
				t->shown == 1 ? "" : "s");
	s->counts.announce[0] = '\0';
}

/* Ask for the counts once per limit, sort or data change, never on a
 * repaint. filter_changed: the counts on screen are no longer those of
 * the limit (a data change keeps them until the new ones come). */
static void recount(struct view *v, bool filter_changed)
{
	struct queue_state *s = state_of(v);
	struct store *st = v->console->store;
	struct queue_tally t;
	enum store_status rc;

	if (filter_changed)
		s->counts.valid = false;
	if (!st)
		return;
	if (s->counter) {
		queue_counts_ask(s->counter, &s->src.filter, s->seen_mark);
		return;
	}
	rc = queue_counts_now(st, &s->src.filter, s->seen_mark, &t);
	counts_arrived(v, rc, &t, store_errmsg(st));
}

static void layout(struct view *v)
{
	struct queue_state *s = state_of(v);
	int rows = v->rows - 1; /* the header row */

	s->detail_bottom = v->cols < DETAIL_RIGHT_MIN_COLS ||
			   (v->console->settings && v->console->settings->ui.detail_pane == DETAIL_PANE_BOTTOM);
	s->list_cols = v->cols;
	if (s->detail && s->detail_bottom)
		rows = rows / 2;
	else if (s->detail)
		s->list_cols = v->cols - (v->cols * 2 / 5 < 56 ? v->cols * 2 / 5 : 56);
	s->list_rows = rows > 0 ? rows : 1;
	s->win.height = s->list_rows;
}

static void reload(struct view *v)
{
	struct queue_state *s = state_of(v);

	if (!v->console->store)
		return;
	report(v, queue_page_reload(&s->win, &s->src), "queue");
}

static void restart(struct view *v)
{
	struct queue_state *s = state_of(v);

	if (!v->console->store)
		return;
	apply_filter(s);
	report(v, queue_page_first(&s->win, &s->src), "queue");
	recount(v, true);
}

/* ---- open / done -------------------------------------------------------- */

static void default_columns(struct queue_state *s, const struct desk_settings *set)
{
	static const enum settings_column fallback[] = {
		SETTINGS_COLUMN_ID, SETTINGS_COLUMN_AGE, SETTINGS_COLUMN_PARTNER,
		SETTINGS_COLUMN_ACCOUNT, SETTINGS_COLUMN_SIGNAL, SETTINGS_COLUMN_ACV,
		SETTINGS_COLUMN_SCORE, SETTINGS_COLUMN_GATE, SETTINGS_COLUMN_TIER,
		SETTINGS_COLUMN_STATE, SETTINGS_COLUMN_OWNER, SETTINGS_COLUMN_FLAGS,
	};
	int i;

	if (set && set->ui.queue_column_count > 0) {
		for (i = 0; i < set->ui.queue_column_count; i++)
			s->columns[i] = set->ui.queue_columns[i];
		s->column_count = set->ui.queue_column_count;
		return;
	}
	for (i = 0; i < (int)(sizeof(fallback) / sizeof(fallback[0])); i++)
		s->columns[i] = fallback[i];
	s->column_count = i;
}

static void take_view(struct queue_state *s, const struct desk_settings *set,
		      const struct named_view *nv);

static int queue_open(struct view *v, const char *arg)
{
	struct queue_state *s = state_of(v);
	struct console *c = v->console;
	const struct named_view *home;

	(void)arg;
	if (v->opened)
		return 0; /* back to the queue: as it was */
	s->src.store = c->store;
	s->src.sort = QUEUE_SORT_RECEIVED;
	s->src.descending = 0;
	default_columns(s, c->settings);
	/* ui.detail_pane off starts without the pane, bottom with it, right
	 * with it when the terminal is wide enough to keep the columns */
	s->detail = c->settings && (c->settings->ui.detail_pane == DETAIL_PANE_BOTTOM ||
		    (c->settings->ui.detail_pane == DETAIL_PANE_RIGHT && v->cols >= DETAIL_RIGHT_MIN_COLS));
	s->seen_at = now_of(v);
	if (c->store)
		store_intro_arrival_mark(c->store, &s->seen_mark);
	layout(v);
	if (!c->store) {
		console_message(c, "no desk is open: the queue is empty");
		return 0;
	}
	s->counter = queue_counts_start(c->store, counts_arrived, v);
	/* ui.home_view: the console opens on the intros a specialist works
	 * first (the config checked that the view exists) */
	home = c->settings && c->settings->ui.home_view && c->settings->ui.home_view[0]
	       ? settings_view_find(c->settings, c->settings->ui.home_view) : NULL;
	if (home)
		take_view(s, c->settings, home);
	restart(v);
	return 0;
}

static void queue_done(struct view *v)
{
	struct queue_state *s = state_of(v);

	queue_counts_stop(s->counter);
	s->counter = NULL;
	if (s->detail_loaded)
		store_intro_view_free(&s->detail_data);
	s->detail_loaded = false;
	free(s->tags);
	s->tags = NULL;
	s->tag_count = s->tag_alloc = 0;
}

/* ---- drawing ------------------------------------------------------------ */

struct column_spec {
	const char *title;
	int width;         /* 0: shares the room left */
	enum draw_align align;
};

static struct column_spec spec_of(enum settings_column c)
{
	switch (c) {
	case SETTINGS_COLUMN_ID: return (struct column_spec){ "ID", 9, DRAW_LEFT };
	case SETTINGS_COLUMN_AGE: return (struct column_spec){ "AGE", 5, DRAW_RIGHT };
	case SETTINGS_COLUMN_PARTNER: return (struct column_spec){ "PARTNER", 0, DRAW_LEFT };
	case SETTINGS_COLUMN_ACCOUNT: return (struct column_spec){ "ACCOUNT", 0, DRAW_LEFT };
	case SETTINGS_COLUMN_SIGNAL: return (struct column_spec){ "SIGNAL", 9, DRAW_LEFT };
	case SETTINGS_COLUMN_ACV: return (struct column_spec){ "ACV", 5, DRAW_RIGHT };
	case SETTINGS_COLUMN_SCORE: return (struct column_spec){ "SCORE", 5, DRAW_RIGHT };
	case SETTINGS_COLUMN_GATE: return (struct column_spec){ "GATE", 5, DRAW_LEFT };
	case SETTINGS_COLUMN_TIER: return (struct column_spec){ "TIER", 4, DRAW_LEFT };
	case SETTINGS_COLUMN_STATE: return (struct column_spec){ "STATE", 11, DRAW_LEFT };
	case SETTINGS_COLUMN_OWNER: return (struct column_spec){ "OWNER", 9, DRAW_LEFT };
	case SETTINGS_COLUMN_AE: return (struct column_spec){ "AE", 9, DRAW_LEFT };
	case SETTINGS_COLUMN_POD: return (struct column_spec){ "POD", 8, DRAW_LEFT };
	case SETTINGS_COLUMN_FLAGS: return (struct column_spec){ "FLAGS", 5, DRAW_LEFT };
	default: return (struct column_spec){ "?", 4, DRAW_LEFT };
	}
}

/* The text and colour of one cell. */
static enum theme_element cell(struct view *v, const struct queue_row *r, enum settings_column c,
			       char *buf, size_t size)
{
	char tmp[64];

	buf[0] = '\0';
	switch (c) {
	case SETTINGS_COLUMN_ID:
		snprintf(buf, size, "%s", r->handle);
		return THEME_NORMAL;
	case SETTINGS_COLUMN_AGE:
		domain_format_age(now_of(v) - r->received_at, tmp, sizeof(tmp));
		/* '!' marks a breach so it is not told by colour alone */
		snprintf(buf, size, "%s%s", tmp, r->sla_breached ? "!" : " ");
		return r->sla_breached ? THEME_SLA_BREACH : THEME_NORMAL;
	case SETTINGS_COLUMN_PARTNER:
		snprintf(buf, size, "%c %s", domain_partner_tier_glyph(r->partner_tier), r->partner_name);
		return THEME_NORMAL;
	case SETTINGS_COLUMN_ACCOUNT:
		snprintf(buf, size, "%s", r->account_name);
		return THEME_NORMAL;
	case SETTINGS_COLUMN_SIGNAL:
		snprintf(buf, size, "%c %s", domain_signal_glyph(r->signal), queue_signal_short(r->signal));
		return THEME_NORMAL;
	case SETTINGS_COLUMN_ACV:
		queue_format_money(r->expected_acv, buf, size);
		return THEME_NORMAL;
	case SETTINGS_COLUMN_SCORE:
		if (r->score < 0) {
			snprintf(buf, size, "-");
			return THEME_NORMAL;
		}
		snprintf(buf, size, "%d%c", r->score, r->pql ? '+' : '-');
		return r->pql ? THEME_SCORE_ABOVE : THEME_SCORE_BELOW;
	case SETTINGS_COLUMN_GATE:
		snprintf(buf, size, "%s", r->score < 0 ? "" : r->pql ? "PQL" : "below");
		return r->score < 0 ? THEME_NORMAL : r->pql ? THEME_SCORE_ABOVE : THEME_SCORE_BELOW;
	case SETTINGS_COLUMN_TIER:
		if (r->tier < 1)
			return THEME_NORMAL;
		snprintf(buf, size, "T%d", r->tier);
		return r->tier == 1 ? THEME_TIER1 : r->tier == 2 ? THEME_TIER2 : THEME_TIER3;
	case SETTINGS_COLUMN_STATE:
		snprintf(buf, size, "%c %s", domain_state_glyph(r->state),
			 domain_state_label(r->state) ? domain_state_label(r->state) : "");
		return r->escalated ? THEME_ESCALATED : THEME_NORMAL;
	case SETTINGS_COLUMN_OWNER:
		snprintf(buf, size, "%s", r->owner_name);
		return THEME_NORMAL;
	case SETTINGS_COLUMN_AE:
		snprintf(buf, size, "%s", r->ae_name);
		return THEME_NORMAL;
	case SETTINGS_COLUMN_POD:
		snprintf(buf, size, "%s", r->pod_name);
		return THEME_NORMAL;
	case SETTINGS_COLUMN_FLAGS:
		queue_format_flags(r, buf, size);
		return buf[0] ? THEME_FLAG : THEME_NORMAL;
	default:
		return THEME_NORMAL;
	}
}

/* Which column goes first when the terminal is too narrow for all: the
 * least needed for triage leave first, the flags and the names last. */
static int drop_rank(enum settings_column c)
{
	static const enum settings_column order[] = {
		SETTINGS_COLUMN_POD, SETTINGS_COLUMN_AE, SETTINGS_COLUMN_OWNER, SETTINGS_COLUMN_GATE,
		SETTINGS_COLUMN_SIGNAL, SETTINGS_COLUMN_ACV, SETTINGS_COLUMN_TIER, SETTINGS_COLUMN_STATE,
		SETTINGS_COLUMN_AGE, SETTINGS_COLUMN_SCORE, SETTINGS_COLUMN_FLAGS, SETTINGS_COLUMN_ACCOUNT,
		SETTINGS_COLUMN_PARTNER, SETTINGS_COLUMN_ID,
	};
	int i;

	for (i = 0; i < (int)(sizeof(order) / sizeof(order[0])); i++)
		if (order[i] == c)
			return i;
	return 0;
}

/* Widths of the columns for a list `width` cells wide (-1: not shown);
 * flexible columns (partner, account) share what the fixed ones leave.
 * While they would get fewer than FLEX_MIN cells, the column of lowest
 * drop_rank() leaves. */
#define FLEX_MIN 12
static void column_widths(const struct queue_state *s, int width, int *out)
{
	bool hidden[SETTINGS_COLUMN_COUNT] = { false };
	int left = s->column_count, i;

	for (;;) {
		int fixed = 3, flex = 0, worst = -1;

		for (i = 0; i < s->column_count; i++) {
			struct column_spec sp = spec_of(s->columns[i]);

			if (hidden[i])
				continue;
			fixed += 1 + sp.width;
			if (!sp.width)
				flex++;
			if (worst < 0 || drop_rank(s->columns[i]) < drop_rank(s->columns[worst]))
				worst = i;
		}
		if (width - fixed >= flex * FLEX_MIN || left <= 1) {
			int room = width - fixed, extra = flex ? room % flex : 0;

			for (i = 0; i < s->column_count; i++) {
				struct column_spec sp = spec_of(s->columns[i]);

				out[i] = hidden[i] ? -1 : sp.width;
				if (!hidden[i] && !sp.width) {
					out[i] = room / flex + (extra > 0 ? 1 : 0);
					extra--;
				}
			}
			return;
		}
		hidden[worst] = true;
		left--;
	}
}

/* Underline the search text inside a drawn cell. */
static void mark_search(const char *text, const char *needle, int y, int x, int width)
{
	const char *p;
	size_t n = strlen(needle);
	char prefix[256];

	if (!n)
		return;
	for (p = text; *p; p++)
		if (!strncasecmp(p, needle, n))
			break;
	if (!*p || (size_t)(p - text) >= sizeof(prefix))
		return;
	snprintf(prefix, sizeof(prefix), "%.*s", (int)(p - text), text);
	{
		int start = draw_width(prefix), w = draw_width(needle);
		char match[256];

		if (start >= width)
			return;
		snprintf(match, sizeof(match), "%.*s", (int)n, p);
		draw_text(y, x + start, (w < width - start ? w : width - start), match, colors_attr(THEME_SEARCH_MATCH));
	}
}

static void draw_row(struct view *v, const struct queue_row *r, int y, bool selected)
{
	struct queue_state *s = state_of(v);
	int widths[SETTINGS_COLUMN_COUNT], i, x = 3;
	bool tagged = is_tagged(s, r->id), changed = r->updated_at > s->seen_at;
	attr_t base = selected ? colors_attr(THEME_CURSOR_ROW) : tagged ? colors_attr(THEME_TAGGED) : colors_attr(THEME_NORMAL);

	column_widths(s, s->list_cols, widths);
	draw_fill(y, 0, s->list_cols, base);
	/* glyphs, so the cursor, a tag and a change are not told by colour alone */
	draw_text(y, 0, 1, selected ? ">" : " ", base);
	draw_text(y, 1, 1, tagged ? "*" : " ", base);
	draw_text(y, 2, 1, changed ? "+" : " ", selected ? base : colors_attr(THEME_NEW_ROW));
	for (i = 0; i < s->column_count && x < s->list_cols; i++) {
		char text[300];
		enum theme_element e;
		struct column_spec sp = spec_of(s->columns[i]);
		int w = widths[i] < s->list_cols - x ? widths[i] : s->list_cols - x;

		if (widths[i] < 0)
			continue;
		e = cell(v, r, s->columns[i], text, sizeof(text));

		draw_field(y, x, w, text, sp.align, selected || e == THEME_NORMAL ? base : colors_attr(e));
		if (s->search[0] && (s->columns[i] == SETTINGS_COLUMN_PARTNER ||
				     s->columns[i] == SETTINGS_COLUMN_ACCOUNT || s->columns[i] == SETTINGS_COLUMN_ID))
			mark_search(text, s->search, y, x, w);
		x += w + 1;
	}
}

static void draw_header(struct view *v)
{
	struct queue_state *s = state_of(v);
	int widths[SETTINGS_COLUMN_COUNT], i, x = 3;

	column_widths(s, s->list_cols, widths);
	draw_fill(v->top, 0, s->list_cols, colors_attr(THEME_HEADER));
	for (i = 0; i < s->column_count && x < s->list_cols; i++) {
		struct column_spec sp = spec_of(s->columns[i]);
		int w = widths[i] < s->list_cols - x ? widths[i] : s->list_cols - x;

		if (widths[i] < 0)
			continue;
		draw_field(v->top, x, w, sp.title, sp.align, colors_attr(THEME_HEADER));
		x += w + 1;
	}
}

static void load_detail(struct view *v)
{
	struct queue_state *s = state_of(v);
	const struct queue_row *r = queue_page_current(&s->win);

	if (!r || !v->console->store) {
		if (s->detail_loaded)
			store_intro_view_free(&s->detail_data);
		s->detail_loaded = false;
		s->detail_id[0] = '\0';
		return;
	}
	if (s->detail_loaded && !strcmp(s->detail_id, r->id))
		return;
	if (s->detail_loaded)
		store_intro_view_free(&s->detail_data);
	s->detail_loaded = store_intro_view(v->console->store, r->id, &s->detail_data) == STORE_OK;
	if (!s->detail_loaded)
		store_intro_view_free(&s->detail_data);
	snprintf(s->detail_id, sizeof(s->detail_id), "%s", r->id);
}

/* One "label  value" line of the pane; returns the next row. */
static int pane_line(int y, int x, int w, int bottom, const char *label, const char *value)
{
	int lw;

	if (y >= bottom)
		return y;
	lw = draw_text(y, x, w, label, colors_attr(THEME_DETAIL_LABEL));
	if (value)
		draw_text(y, x + lw + 1, w - lw - 1, value, colors_attr(THEME_NORMAL));
	return y + 1;
}

static void draw_detail(struct view *v, int top, int left, int height, int width)
{
	struct queue_state *s = state_of(v);
	const struct store_intro_view *d = &s->detail_data;
	int y = top, bottom = top + height, x = left + 1, w = width - 2, f;
	char buf[600], money[32];
	size_t i;

	load_detail(v);
	if (left > 0) {
		for (i = 0; (int)i < height; i++)
			draw_text(top + (int)i, left, 1, "|", colors_attr(THEME_HEADER));
	} else {
		draw_fill(top, 0, width, colors_attr(THEME_HEADER));
		draw_text(top, 1, width - 1, "Detail", colors_attr(THEME_HEADER));
		y++;
	}
	if (!s->detail_loaded) {
		pane_line(y, x, w, bottom, "no intro selected", NULL);
		return;
	}
	snprintf(buf, sizeof(buf), "%s  %s", d->intro.handle, domain_state_label(d->intro.state));
	y = pane_line(y, x, w, bottom, buf, NULL);
	snprintf(buf, sizeof(buf), "%s (%s)", d->partner.name, domain_partner_tier_name(d->partner.tier));
	y = pane_line(y, x, w, bottom, "partner", buf);
	y = pane_line(y, x, w, bottom, "account", d->account.name);
	if (d->has_overlap) {
		snprintf(buf, sizeof(buf), "%s, %d stakeholder(s)", domain_signal_label(d->overlap.signal),
			 d->overlap.stakeholders);
		y = pane_line(y, x, w, bottom, "mapping", buf);
	} else {
		y = pane_line(y, x, w, bottom, "mapping", "no overlap data");
	}
	queue_format_money(d->intro.expected_acv, money, sizeof(money));
	y = pane_line(y, x, w, bottom, "expected ACV", money);
	if (d->intro.scored) {
		snprintf(buf, sizeof(buf), "%d against the bar %d (%s)", d->explanation.score,
			 d->explanation.threshold, d->explanation.is_pql ? "PQL" : "below");
		y = pane_line(y, x, w, bottom, "score", buf);
		for (f = 0; f < PQL_FACTOR_COUNT; f++) {
			snprintf(buf, sizeof(buf), "  %-30s %2d/%d", policy_factor_label((enum pql_factor)f),
				 d->explanation.lines[f].points, d->explanation.lines[f].weight);
			y = pane_line(y, x, w, bottom, buf, NULL);
		}
	} else {
		y = pane_line(y, x, w, bottom, "score", "not scored");
	}
	if (d->intro.tier > 0) {
		snprintf(buf, sizeof(buf), "T%d, %d AE hours%s", d->intro.tier, d->intro.ae_hours,
			 d->intro.tier_overridden ? " (override)" : "");
		y = pane_line(y, x, w, bottom, "tier", buf);
	}
	if (d->ae_name[0])
		y = pane_line(y, x, w, bottom, "AE", d->ae_name);
	if (d->brief_version > 0 && d->brief.sections[BRIEF_NEXT_STEP])
		y = pane_line(y, x, w, bottom, "next step", d->brief.sections[BRIEF_NEXT_STEP]);
	if (d->conflict_count)
		y = pane_line(y, x, w, bottom, "conflict", d->conflicts[0].detail);
	if (d->audit_count && y + 1 < bottom) {
		y = pane_line(y, x, w, bottom, "history", NULL);
		for (i = 0; i < d->audit_count && y < bottom; i++) {
			snprintf(buf, sizeof(buf), "  %.30s %.120s -> %.120s", d->audit[i].field, d->audit[i].old_value,
				 d->audit[i].new_value);
			y = pane_line(y, x, w, bottom, buf, NULL);
		}
	}
}

static void queue_draw(struct view *v)
{
	struct queue_state *s = state_of(v);
	int y;

	layout(v);
	draw_header(v);
	if (!v->console->store) {
		draw_text(v->top + 2, 2, v->cols - 2, "No desk is open.", colors_attr(THEME_NORMAL));
		return;
	}
	if (s->win.count == 0)
		draw_text(v->top + 2, 2, s->list_cols - 2,
			  s->limit[0] ? "No intro matches the limit." : "The queue is empty.", colors_attr(THEME_NORMAL));
	for (y = 0; y < s->win.count && y < s->list_rows; y++)
		draw_row(v, &s->win.rows[y], v->top + 1 + y, y == s->win.cursor);
	if (s->detail) {
		if (s->detail_bottom)
			draw_detail(v, v->top + 1 + s->list_rows, 0, v->rows - 1 - s->list_rows, v->cols);
		else
			draw_detail(v, v->top, s->list_cols, v->rows, v->cols - s->list_cols);
	}
}

static void queue_resize(struct view *v)
{
	layout(v);
	reload(v);
}

/* ---- status ------------------------------------------------------------- */

static void queue_status(struct view *v, char *buf, size_t size)
{
	struct queue_state *s = state_of(v);
	char sort[48];
	size_t used = 0;
	int n;

	snprintf(sort, sizeof(sort), "%s%s", s->src.descending ? "-" : "",
		 store_queue_sort_name(s->src.sort) ? store_queue_sort_name(s->src.sort) : "?");
	if (s->counts.valid)
		n = snprintf(buf, size, "%ld/%ld open  %ld PQL  %ld late", s->counts.shown,
			     s->counts.open, s->counts.over_bar, s->counts.breached);
	else if (queue_counts_pending(s->counter))
		n = snprintf(buf, size, "counting...");
	else
		n = snprintf(buf, size, "%d rows", s->win.count);
	used = n > 0 ? (size_t)n : 0;
	if (s->tag_count && used < size)
		used += (size_t)snprintf(buf + used, size - used, "  %zu tagged", s->tag_count);
	if (s->counts.valid && s->counts.changed && used < size)
		used += (size_t)snprintf(buf + used, size - used, "  %ld new", s->counts.changed);
	if (used < size)
		used += (size_t)snprintf(buf + used, size - used, "  sort %s", sort);
	if (s->view_name[0] && used < size)
		used += (size_t)snprintf(buf + used, size - used, "  view %s", s->view_name);
	if (s->limit[0] && used < size)
		snprintf(buf + used, size - used, "  limit %s", s->limit);
}

/* ---- data changed ------------------------------------------------------- */

static void queue_data_changed(struct view *v)
{
	struct queue_state *s = state_of(v);

	reload(v);
	/* intros that arrived since the user last looked (R resets) are
	 * counted with the rest; each changed row on screen carries a '+' */
	recount(v, false);
	if (s->detail_loaded) {
		store_intro_view_free(&s->detail_data);
		s->detail_loaded = false;
	}
}

/* ---- requests ----------------------------------------------------------- */

static void set_limit(struct view *v, const char *text)
{
	struct queue_state *s = state_of(v);
	struct query q;
	char err[256];
	size_t at = 0;

	if (query_parse(text, &q, err, sizeof(err), &at) < 0) {
		console_error(v->console, "limit: %s", err);
		return;
	}
	query_free(&q);
	snprintf(s->limit, sizeof(s->limit), "%s", text);
	s->view_name[0] = '\0';
	if (s->limit[0])
		snprintf(s->counts.announce, sizeof(s->counts.announce), "limit %s", s->limit);
	else
		s->counts.announce[0] = '\0';
	restart(v);
}

static void sort_names(struct view *v, enum request r, void (*add)(void *, const char *), void *ctx)
{
	int i;

	(void)v;
	if (r != REQ_SORT)
		return;
	for (i = 0; i < QUEUE_SORT_COUNT; i++) {
		char neg[40];

		add(ctx, store_queue_sort_name((enum queue_sort)i));
		snprintf(neg, sizeof(neg), "-%s", store_queue_sort_name((enum queue_sort)i));
		add(ctx, neg);
	}
}

static void complete_prompt_sort(struct console *c, void *ctx, const char *before,
				 prompt_add_fn add, void *list)
{
	(void)c;
	(void)before;
	sort_names(ctx, REQ_SORT, add, list);
}

static void set_sort(struct view *v, const char *arg)
{
	struct queue_state *s = state_of(v);
	int desc = 0, k;

	while (*arg == ' ')
		arg++;
	if (*arg == '-') {
		desc = 1;
		arg++;
	}
	k = store_queue_sort_from_name(arg);
	/* age grows as received_at shrinks: "-age" (oldest first) is received ascending */
	if (k == QUEUE_SORT_RECEIVED && !strcasecmp(arg, "age"))
		desc = !desc;
	if (k < 0) {
		char names[200] = "";
		int i;

		for (i = 0; i < QUEUE_SORT_COUNT; i++) {
			strncat(names, i ? ", " : "", sizeof(names) - strlen(names) - 1);
			strncat(names, store_queue_sort_name((enum queue_sort)i), sizeof(names) - strlen(names) - 1);
		}
		console_error(v->console, "sort: unknown column '%s'; sort by %s (-name for largest first)", arg, names);
		return;
	}
	s->src.sort = (enum queue_sort)k;
	s->src.descending = desc;
	restart(v);
}

struct tag_collect {
	struct queue_state *s;
	long added;
	long seen;
};

static int collect_tag(void *ctx, const struct queue_row *row)
{
	struct tag_collect *tc = ctx;

	tc->seen++;
	if (!is_tagged(tc->s, row->id)) {
		if (!add_tag(tc->s, row->id))
			return 1;
		tc->added++;
	}
	return tc->seen >= QUEUE_TAG_QUERY_MAX;
}

static void tag_query(struct view *v, const char *text)
{
	struct queue_state *s = state_of(v);
	struct queue_filter f = s->src.filter;
	struct tag_collect tc = { s, 0, 0 };
	struct queue_page page;
	struct query q;
	char err[256];

	if (query_parse(text, &q, err, sizeof(err), NULL) < 0) {
		console_error(v->console, "tag-query: %s", err);
		return;
	}
	query_free(&q);
	if (!v->console->store)
		return;
	/* the limit in force AND the query: what you see is what you tag */
	if (s->limit[0]) {
		static char both[PROMPT_MAX * 2 + 4];

		snprintf(both, sizeof(both), "%s %s", s->limit, text);
		f.query = both;
	} else {
		f.query = text;
	}
	memset(&page, 0, sizeof(page));
	page.sort = s->src.sort;
	page.descending = s->src.descending;
	page.limit = QUEUE_TAG_QUERY_MAX;
	if (!report(v, store_queue(v->console->store, &f, &page, collect_tag, &tc), "tag-query"))
		return;
	console_message(v->console, "tagged %ld intro%s matching %s (%zu tagged)%s", tc.added,
			tc.added == 1 ? "" : "s", text, s->tag_count,
			tc.seen >= QUEUE_TAG_QUERY_MAX ? "; stopped at the tag limit" : "");
}

/* Search: the next (dir 1) or previous (-1) row matching the text, from
 * the cursor (inclusive when `here`), wrapping around. */
static void find(struct view *v, int dir, bool here)
{
	struct queue_state *s = state_of(v);
	struct queue_source src = s->src;
	const struct queue_row *cur = queue_page_current(&s->win);
	struct queue_page page;
	struct queue_row found;
	size_t n = 0;
	int i;

	if (!s->search[0] || !v->console->store)
		return;
	if (here && cur && row_matches(cur, s->search))
		return;
	for (i = 0; i < s->win.count; i++) {
		int at = s->win.cursor + dir * (i + 1);

		if (at < 0 || at >= s->win.count)
			break;
		if (row_matches(&s->win.rows[at], s->search)) {
			s->win.cursor = at;
			return;
		}
	}
	src.filter.text = s->search;
	memset(&page, 0, sizeof(page));
	page.sort = src.sort;
	page.descending = src.descending;
	page.backward = dir < 0;
	page.limit = 1;
	if (cur)
		store_queue_cursor_of(cur, &page.cursor);
	if (!report(v, store_queue_fetch(v->console->store, &src.filter, &page, &found, 1, &n), "search"))
		return;
	if (n == 0) {
		/* wrap around: from the start (or the end) */
		page.cursor.set = 0;
		if (!report(v, store_queue_fetch(v->console->store, &src.filter, &page, &found, 1, &n), "search"))
			return;
		if (n == 0) {
			/* the search looks inside the limit in force: say which */
			if (s->limit[0])
				console_error(v->console, "no intro matches '%s' within the limit %s "
					      "(an empty limit shows every open intro)", s->search, s->limit);
			else
				console_error(v->console, "no intro matches '%s'", s->search);
			return;
		}
		console_message(v->console, "search wrapped around");
	}
	report(v, queue_page_show(&s->win, &s->src, &found), "search");
}

static void search_changed(struct console *c, void *ctx, const char *text)
{
	struct view *v = ctx;
	struct queue_state *s = state_of(v);

	snprintf(s->search, sizeof(s->search), "%s", text);
	find(v, 1, true);
	c->dirty = true;
}

static void apply_named_view(struct view *v, const char *name)
{
	struct queue_state *s = state_of(v);
	const struct desk_settings *set = v->console->settings;
	const struct named_view *nv = set ? settings_view_find(set, name) : NULL;

	if (!nv) {
		console_error(v->console, "views: no named view '%s'%s", name,
			      set && set->view_count ? " (Tab lists them)" : " (the config defines none)");
		return;
	}
	take_view(s, set, nv);
	snprintf(s->counts.announce, sizeof(s->counts.announce), "view %s", nv->name);
	restart(v);
}

/* Limit, sort and columns of a named view, for the next restart(). */
static void take_view(struct queue_state *s, const struct desk_settings *set,
		      const struct named_view *nv)
{
	int i;

	snprintf(s->limit, sizeof(s->limit), "%s", nv->limit ? nv->limit : "");
	if (nv->sort_count > 0) {
		const char *col = settings_column_name(nv->sort_keys[0].column);
		int k = store_queue_sort_from_name(col);

		if (k >= 0) {
			s->src.sort = (enum queue_sort)k;
			s->src.descending = nv->sort_keys[0].descending;
			if (nv->sort_keys[0].column == SETTINGS_COLUMN_AGE)
				s->src.descending = !s->src.descending;
		}
	}
	if (nv->column_count > 0) {
		for (i = 0; i < nv->column_count; i++)
			s->columns[i] = nv->columns[i];
		s->column_count = nv->column_count;
	} else {
		default_columns(s, set);
	}
	snprintf(s->view_name, sizeof(s->view_name), "%s", nv->name);
}

static void complete_view_names(struct console *c, void *ctx, const char *before,
				prompt_add_fn add, void *list)
{
	size_t i;

	(void)ctx;
	(void)before;
	for (i = 0; c->settings && i < c->settings->view_count; i++)
		add(list, c->settings->views[i].name);
}

static bool ask(struct view *v, const char *label, char kind, const char *initial,
		prompt_complete_fn complete, prompt_changed_fn changed, char *out, size_t size)
{
	struct prompt_spec spec = { label, kind, initial, complete, changed, v };
	int rc = prompt_read(v->console, &spec, out, size);

	if (rc == 1 && kind)
		prompt_history_add(&v->console->history, kind, out);
	return rc == 1;
}

/* Actions on one intro or, after `;`, on every tagged one: one store
 * transaction, so one undo reverts the lot. */
typedef enum store_status (*intro_action)(struct store *st, const char *id, const char *arg);

static enum store_status do_decline(struct store *st, const char *id, const char *reason)
{
	return store_intro_decline(st, id, reason, NULL);
}

static enum store_status do_accept(struct store *st, const char *id, const char *arg)
{
	(void)arg;
	return store_intro_accept(st, id, NULL);
}

static enum store_status do_route(struct store *st, const char *id, const char *ae)
{
	char suggested[STORE_ID_SIZE], why[256];
	enum store_status rc;

	if (ae && *ae)
		return store_intro_route(st, id, ae, NULL);
	rc = store_intro_route_suggest(st, id, suggested, why, sizeof(why));
	if (rc != STORE_OK)
		return rc;
	return store_intro_route(st, id, suggested, why);
}

static enum store_status do_assign(struct store *st, const char *id, const char *arg)
{
	/* "pod NAME" or "owner NAME" */
	if (!strncmp(arg, "pod ", 4))
		return store_intro_assign(st, id, arg + 4, NULL);
	if (!strncmp(arg, "owner ", 6))
		return store_intro_assign(st, id, NULL, arg + 6);
	return store_intro_assign(st, id, arg, NULL);
}

static void act(struct view *v, const struct request_call *call, const char *verb, intro_action fn,
		const char *arg)
{
	struct queue_state *s = state_of(v);
	struct store *st = v->console->store;
	const struct queue_row *cur = queue_page_current(&s->win);
	enum store_status rc = STORE_OK;
	size_t i;

	if (!st)
		return;
	if (!call->on_tagged) {
		if (!cur) {
			console_error(v->console, "%s: no intro selected", verb);
			return;
		}
		if (report(v, fn(st, cur->id, arg), verb))
			console_message(v->console, "%s %s", verb, cur->handle);
	} else if (s->tag_count == 0) {
		console_error(v->console, "%s: nothing is tagged (t tags a row)", verb);
		return;
	} else {
		if (!report(v, store_begin(st), verb))
			return;
		for (i = 0; i < s->tag_count && rc == STORE_OK; i++)
			rc = fn(st, s->tags[i], arg);
		if (rc != STORE_OK) {
			char why[STORE_MSG_SIZE];

			snprintf(why, sizeof(why), "%s", store_errmsg(st));
			store_rollback(st);
			console_error(v->console, "%s: nothing changed: %s", verb, why);
			return;
		}
		if (!report(v, store_commit(st), verb))
			return;
		console_message(v->console, "%s %zu tagged intro%s (u undoes it)", verb, s->tag_count,
				s->tag_count == 1 ? "" : "s");
	}
	reload(v);
	recount(v, false);
}

/* `:export csv|json FILE`: the rows of the limit and sort in force, with
 * the columns on screen, written by a background job (queue_export.h). */
static void export_rows(struct view *v, const char *arg)
{
	struct queue_state *s = state_of(v);
	struct queue_export x;
	char format[16];
	const char *file;
	int f, i;

	if (command_word_and_rest(arg, format, sizeof(format), &file) != 0) {
		console_error(v->console, "usage: :export csv|json FILE (the rows of the limit in force)");
		return;
	}
	f = queue_export_format_from_name(format);
	if (f < 0) {
		console_error(v->console, "export: write csv or json, not '%s'", format);
		return;
	}
	if (strlen(file) >= sizeof(x.path)) {
		console_error(v->console, "export: the file name is too long");
		return;
	}
	memset(&x, 0, sizeof(x));
	/* the child gets a copy of this memory: the limit text stays valid */
	x.filter = s->src.filter;
	x.sort = s->src.sort;
	x.descending = s->src.descending;
	for (i = 0; i < s->column_count; i++)
		x.columns[i] = s->columns[i];
	x.column_count = s->column_count;
	x.format = (enum queue_export_format)f;
	snprintf(x.path, sizeof(x.path), "%s", file);
	x.total = s->counts.valid ? s->counts.shown : -1;
	job_export(v->console, &x);
}

/* Open the view of r (form, brief, escalations) on the selected intro. */
static void open_selected(struct view *v, enum request r)
{
	struct queue_state *s = state_of(v);
	struct console *c = v->console;
	const struct queue_row *cur = queue_page_current(&s->win);
	const char *target = r == REQ_BRIEF ? "brief" : r == REQ_ESCALATE ? "escalations" : "form";

	if (!cur) {
		console_error(c, "%s: no intro selected", request_name(r));
		return;
	}
	if (!views_find(target)) {
		console_error(c, "the %s view is not part of this build yet", target);
		return;
	}
	console_open_view(c, target, cur->id);
}

/* A click on a row selects it; a double click opens it. */
static void queue_mouse(struct view *v, int y, int x, bool open)
{
	struct queue_state *s = state_of(v);
	int row = y - (v->top + 1);
	struct request_call call = { REQ_OPEN, NULL, false };

	if (row < 0 || row >= s->win.count || row >= s->list_rows || x >= s->list_cols)
		return;
	s->win.cursor = row;
	if (open)
		console_request(v->console, &call);
}

static bool queue_request(struct view *v, const struct request_call *call)
{
	struct queue_state *s = state_of(v);
	struct console *c = v->console;
	char text[PROMPT_MAX];
	enum store_status rc = STORE_OK;
	const struct queue_row *cur = queue_page_current(&s->win);
	int half = s->list_rows / 2 > 0 ? s->list_rows / 2 : 1;

	if (!c->store && call->id != REQ_TOGGLE_DETAIL)
		return false;
	switch (call->id) {
	case REQ_MOVE_DOWN: rc = queue_page_down(&s->win, &s->src, 1); break;
	case REQ_MOVE_UP: rc = queue_page_up(&s->win, &s->src, 1); break;
	case REQ_HALF_PAGE_DOWN: rc = queue_page_down(&s->win, &s->src, half); break;
	case REQ_HALF_PAGE_UP: rc = queue_page_up(&s->win, &s->src, half); break;
	case REQ_PAGE_DOWN: rc = queue_page_next_screen(&s->win, &s->src); break;
	case REQ_PAGE_UP: rc = queue_page_prev_screen(&s->win, &s->src); break;
	case REQ_FIRST: rc = queue_page_first(&s->win, &s->src); break;
	case REQ_LAST: rc = queue_page_last(&s->win, &s->src); break;
	case REQ_SORT:
		if (call->arg)
			set_sort(v, call->arg);
		else if (ask(v, "sort by: ", 'o', NULL, complete_prompt_sort, NULL, text, sizeof(text)) && text[0])
			set_sort(v, text);
		return true;
	case REQ_SORT_REVERSE:
		s->src.descending = !s->src.descending;
		restart(v);
		return true;
	case REQ_LIMIT:
		if (call->arg)
			set_limit(v, call->arg);
		else if (ask(v, "limit: ", 'l', s->limit, NULL, NULL, text, sizeof(text)))
			set_limit(v, text);
		return true;
	case REQ_SEARCH:
		if (call->arg) {
			search_changed(c, v, call->arg);
		} else {
			char before[256];

			snprintf(before, sizeof(before), "%s", s->search);
			if (!ask(v, "/", '/', NULL, NULL, search_changed, text, sizeof(text)))
				snprintf(s->search, sizeof(s->search), "%s", before);
		}
		return true;
	case REQ_SEARCH_NEXT:
	case REQ_SEARCH_PREV:
		if (!s->search[0]) {
			console_error(c, "no search yet (/ starts one)");
			return true;
		}
		find(v, call->id == REQ_SEARCH_NEXT ? 1 : -1, false);
		return true;
	case REQ_TAG:
		if (!cur)
			return true;
		{
			int i = find_tag(s, cur->id);

			if (i >= 0)
				drop_tag(s, i);
			else
				add_tag(s, cur->id);
		}
		rc = queue_page_down(&s->win, &s->src, 1);
		break;
	case REQ_UNTAG_ALL:
		s->tag_count = 0;
		console_message(c, "no row is tagged");
		return true;
	case REQ_TAG_QUERY:
		if (call->arg)
			tag_query(v, call->arg);
		else if (ask(v, "tag rows matching: ", 'T', NULL, NULL, NULL, text, sizeof(text)) && text[0])
			tag_query(v, text);
		return true;
	case REQ_VIEWS:
		if (call->arg)
			apply_named_view(v, call->arg);
		else if (ask(v, "view: ", 'v', NULL, complete_view_names, NULL, text, sizeof(text)) && text[0])
			apply_named_view(v, text);
		return true;
	case REQ_TOGGLE_DETAIL:
		s->detail = !s->detail;
		layout(v);
		reload(v);
		return true;
	case REQ_REFRESH:
		s->seen_at = now_of(v);
		store_intro_arrival_mark(c->store, &s->seen_mark);
		s->counts.changed = 0;
		restart(v);
		return true;
	case REQ_DECLINE:
		if (call->arg)
			act(v, call, "declined", do_decline, call->arg);
		else if (ask(v, "decline reason code: ", 'x', NULL, NULL, NULL, text, sizeof(text)) && text[0])
			act(v, call, "declined", do_decline, text);
		return true;
	case REQ_ACCEPT:
		act(v, call, "accepted", do_accept, NULL);
		return true;
	case REQ_ROUTE:
		act(v, call, "routed", do_route, call->arg);
		return true;
	case REQ_ASSIGN:
		if (call->arg)
			act(v, call, "assigned", do_assign, call->arg);
		else if (ask(v, "assign (pod NAME | owner NAME): ", 'a', NULL, NULL, NULL, text, sizeof(text)) && text[0])
			act(v, call, "assigned", do_assign, text);
		return true;
	case REQ_UNDO: {
		struct store_undo_result u;

		if (report(v, store_undo(c->store, NULL, &u), "undo"))
			console_message(c, "%s", u.summary);
		reload(v);
		recount(v, false);
		return true;
	}
	case REQ_EXPORT:
		export_rows(v, call->arg);
		return true;
	case REQ_ESCALATE:
		/* after `;`: one kind and note on every tagged intro, in one
		 * transaction (esc_raise.h); alone: the escalation pane */
		if (call->on_tagged)
			esc_raise_prompt_many(c, s->tags, s->tag_count);
		else
			open_selected(v, call->id);
		return true;
	case REQ_OPEN:
	case REQ_SCORE:
	case REQ_BRIEF:
		open_selected(v, call->id);
		return true;
	case REQ_VIEW_FORM:
	case REQ_VIEW_BRIEF:
		/* 2 and 3 from the queue: the selected intro's form or brief,
		 * as their help says (with an argument: that intro) */
		if (call->arg)
			return false;
		open_selected(v, call->id == REQ_VIEW_FORM ? REQ_SCORE : REQ_BRIEF);
		return true;
	default:
		return false;
	}
	report(v, rc, "queue");
	return true;
}

const struct view_ops queue_view_ops = {
	.name = "queue",
	.title = "Queue",
	.state_size = sizeof(struct queue_state),
	.open = queue_open,
	.draw = queue_draw,
	.request = queue_request,
	.resize = queue_resize,
	.data_changed = queue_data_changed,
	.status = queue_status,
	.complete = sort_names,
	.done = queue_done,
	.mouse = queue_mouse,
};
