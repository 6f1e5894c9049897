/* dashboard_view.c - the desk lead's dashboard and the PQL dial.
 *
 * Four sections, top to bottom: the backlog of each pod (store_report_pods:
 * new in the last 7 days, untriaged, SLA breaches, oldest age, routed and
 * awaiting acceptance, acceptance rate against the healthy > 80%, AEs per
 * desk specialist against the healthy 8-15); AE capacity as a gauge of
 * required over available co-sell hours with the policy's cut-offs
 * (store_report_capacity); the PQL dial, its recommended band and what
 * one step either way would change (store_dial_*); win rate by score band
 * as a bar chart with the calibration verdict (store_report_calibration);
 * then each AE's load. Every figure is read from the store; nothing is
 * computed here but layout.
 *
 * `dial-up` / `dial-down` (+ and -; `:dial-up 5` moves five points) set
 * the dial and say how many open intros changed gate. The gate is not
 * stored (the queue compares scores with the dial when it reads), so
 * every open view is told at once and the queue re-gates on the spot.
 * When the sections do not fit, the moving keys scroll.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/capacity.h"
#include "coselldesk/calibration.h"
#include "coselldesk/store.h"
#include "colors.h"
#include "console.h"
#include "dash_chart.h"
#include "dash_common.h"
#include "queue_format.h"
#include "draw.h"
#include "views.h"

#define DIAL_LO 50         /* the scale shows at least 50 .. 90 */
#define DIAL_HI 90
#define CHART_MAX 60       /* cells of a 100% bar at most */
#define HEALTHY_ACCEPTANCE 0.80   /* DOMAIN.md: PQL acceptance rate > 80% */
#define HEALTHY_RATIO_LOW 8.0     /* DOMAIN.md: desk-to-AE ratio 8-15 */
#define HEALTHY_RATIO_HIGH 15.0

struct dashboard_state {
	bool loaded;                          /* the reports below were read */
	bool stale;                           /* the desk changed since */
	struct store_pod_row *pods;           /* heap */
	size_t pod_count;
	bool pods_ok;
	struct store_capacity_report cap;     /* owns per_ae */
	bool cap_ok;
	struct store_calibration_report cal;
	bool cal_ok;
	struct store_counts counts;           /* desk-wide */
	bool counts_ok;
	int bar;                              /* the dial */
	int bar_from_desk;                    /* 1: the desk's own setting */
	long up_lost, down_gained;            /* one step up / down would change */
	bool preview_ok;
	char last_move[200];                  /* what the last move did ("" none) */
	bool compact;                         /* short forms: the sections barely fit */
	int scroll;                           /* content lines scrolled off */
	int content_lines;                    /* lines the sections take */
};

static struct dashboard_state *state_of(struct view *v)
{
	return v->state;
}

static void free_reports(struct dashboard_state *s)
{
	free(s->pods);
	s->pods = NULL;
	s->pod_count = 0;
	if (s->cap_ok)
		store_capacity_report_free(&s->cap);
	s->pods_ok = s->cap_ok = s->cal_ok = s->counts_ok = s->preview_ok = false;
}

/* Read every report again; a failure shows its message and leaves that
 * section saying it is unavailable. */
static void load(struct view *v)
{
	struct dashboard_state *s = state_of(v);
	struct store *st = v->console->store;
	const char *failed = NULL;
	long changed;

	free_reports(s);
	s->loaded = true;
	s->stale = false;
	if (!st)
		return;
	s->pods_ok = store_report_pods(st, &s->pods, &s->pod_count) == STORE_OK;
	if (!s->pods_ok)
		failed = "pods";
	memset(&s->cap, 0, sizeof(s->cap));
	s->cap_ok = store_report_capacity(st, &s->cap) == STORE_OK;
	if (!s->cap_ok && !failed)
		failed = "capacity";
	s->cal_ok = store_report_calibration(st, &s->cal) == STORE_OK;
	if (!s->cal_ok && !failed)
		failed = "calibration";
	s->counts_ok = store_counts(st, NULL, &s->counts) == STORE_OK;
	if (store_dial_get(st, &s->bar, &s->bar_from_desk) != STORE_OK && !failed)
		failed = "dial";
	s->up_lost = s->down_gained = 0;
	s->preview_ok = (s->bar >= 100 ||
			 store_dial_preview(st, s->bar + 1, &changed, NULL, &s->up_lost) == STORE_OK) &&
			(s->bar <= 0 ||
			 store_dial_preview(st, s->bar - 1, &changed, &s->down_gained, NULL) == STORE_OK);
	if (failed)
		console_error(v->console, "dashboard: %s: %s", failed, store_errmsg(st));
}

static void ensure_fresh(struct view *v)
{
	if (!state_of(v)->loaded || state_of(v)->stale)
		load(v);
}

/* ---- drawing helpers ---------------------------------------------------- */

/* Text at content line `line`, column x, when that line is on screen. */
static void put(const struct dash_canvas *cv, int line, int x, int width, const char *text,
		enum theme_element e)
{
	int y = dash_canvas_row(cv, line);

	if (y >= 0 && x < cv->cols && width > 0)
		draw_text(y, x, x + width > cv->cols ? cv->cols - x : width, text, colors_attr(e));
}

static void put_field(const struct dash_canvas *cv, int line, int x, int width, const char *text,
		      enum draw_align align, enum theme_element e)
{
	int y = dash_canvas_row(cv, line);

	if (y >= 0 && x < cv->cols && width > 0)
		draw_field(y, x, x + width > cv->cols ? cv->cols - x : width, text, align, colors_attr(e));
}

/* Wrapped text from line; returns the next line. */
static int put_wrapped(const struct dash_canvas *cv, int line, int x, const char *text,
		       enum theme_element e)
{
	char buf[600];

	while (dash_wrap(&text, cv->cols - x, buf, sizeof(buf)))
		put(cv, line++, x, cv->cols - x, buf, e);
	return line;
}

static void plural(long n, const char *one, const char *many, char *buf, size_t size)
{
	snprintf(buf, size, "%ld %s", n, n == 1 ? one : many);
}

/* ---- backlog by pod ----------------------------------------------------- */

struct pod_column {
	const char *title;
	int width;
};

static const struct pod_column pod_columns[] = {
	{ "OPEN", 5 }, { "NEW", 4 }, { "UNTRIAGED", 9 }, { "BREACHED", 8 }, { "OLDEST", 6 },
	{ "AWAITING", 8 }, { "ACCEPT>80%", 10 }, { "AE/DS 8-15", 10 },
};
#define POD_COLUMNS (int)(sizeof(pod_columns) / sizeof(pod_columns[0]))
#define POD_NAME_MAX 24    /* wider terminals leave the room at the right */

/* The text and look of column i for one pod. */
static enum theme_element pod_cell(struct view *v, const struct store_pod_row *p, int i, char *buf,
				   size_t size)
{
	switch (i) {
	case 0: snprintf(buf, size, "%ld", p->open); return THEME_NORMAL;
	case 1: snprintf(buf, size, "%ld", p->new_count); return THEME_NORMAL;
	case 2: snprintf(buf, size, "%ld", p->untriaged); return THEME_NORMAL;
	case 3:
		/* '!' so a breach is not told by colour alone */
		snprintf(buf, size, p->sla_breaches ? "%ld !" : "%ld", p->sla_breaches);
		return p->sla_breaches ? THEME_SLA_BREACH : THEME_NORMAL;
	case 4:
		if (!p->oldest_received) {
			snprintf(buf, size, "-");
			return THEME_NORMAL;
		}
		domain_format_age(store_now(v->console->store) - p->oldest_received, buf, size);
		return THEME_NORMAL;
	case 5: snprintf(buf, size, "%ld", p->awaiting_acceptance); return THEME_NORMAL;
	case 6:
		if (p->acceptance_rate < 0) {
			snprintf(buf, size, "-");
			return THEME_DIM;
		}
		snprintf(buf, size, "%.0f%% %c", p->acceptance_rate * 100.0,
			 p->acceptance_rate > HEALTHY_ACCEPTANCE ? '+' : '!');
		return p->acceptance_rate > HEALTHY_ACCEPTANCE ? THEME_SCORE_ABOVE : THEME_SCORE_BELOW;
	case 7: {
		bool healthy = p->desk_to_ae >= HEALTHY_RATIO_LOW && p->desk_to_ae <= HEALTHY_RATIO_HIGH;

		if (p->specialists <= 0) {
			snprintf(buf, size, "no DS !");
			return THEME_SCORE_BELOW;
		}
		snprintf(buf, size, "%.1f %c", p->desk_to_ae, healthy ? '+' : '!');
		return healthy ? THEME_SCORE_ABOVE : THEME_SCORE_BELOW;
	}
	default:
		buf[0] = '\0';
		return THEME_NORMAL;
	}
}

static int draw_pods(struct view *v, const struct dash_canvas *cv, int line)
{
	struct dashboard_state *s = state_of(v);
	const char *legend = "new: last 7 days   + healthy  ! outside the healthy range";
	int name_width = cv->cols - 1, i, x;
	size_t p;
	char buf[64];

	for (i = 0; i < POD_COLUMNS; i++)
		name_width -= pod_columns[i].width + 1;
	if (name_width < 6)
		name_width = 6;
	if (name_width > POD_NAME_MAX)
		name_width = POD_NAME_MAX;
	put(cv, line, 0, cv->cols, "Backlog by pod", THEME_TITLE);
	if (draw_width(legend) + 16 <= cv->cols)
		put(cv, line, cv->cols - draw_width(legend), draw_width(legend), legend, THEME_DIM);
	line++;
	if (!s->pods_ok)
		return put_wrapped(cv, line, 1, "the pod report is unavailable (see the message line)", THEME_ERROR);
	{
		int y = dash_canvas_row(cv, line);

		if (y >= 0)
			draw_fill(y, 0, cv->cols, colors_attr(THEME_HEADER));
	}
	put_field(cv, line, 1, name_width, "POD", DRAW_LEFT, THEME_HEADER);
	for (i = 0, x = 1 + name_width + 1; i < POD_COLUMNS; x += pod_columns[i].width + 1, i++)
		put_field(cv, line, x, pod_columns[i].width, pod_columns[i].title, DRAW_RIGHT, THEME_HEADER);
	line++;
	if (s->pod_count == 0)
		return put_wrapped(cv, line, 1, "no pods on this desk yet", THEME_DIM);
	for (p = 0; p < s->pod_count; p++, line++) {
		put_field(cv, line, 1, name_width, s->pods[p].name, DRAW_LEFT, THEME_NORMAL);
		for (i = 0, x = 1 + name_width + 1; i < POD_COLUMNS; x += pod_columns[i].width + 1, i++) {
			enum theme_element e = pod_cell(v, &s->pods[p], i, buf, sizeof(buf));

			put_field(cv, line, x, pod_columns[i].width, buf, DRAW_RIGHT, e);
		}
	}
	return line;
}

/* ---- AE capacity -------------------------------------------------------- */

static const char *state_label(enum capacity_state st)
{
	switch (st) {
	case CAPACITY_SLACK: return "slack";
	case CAPACITY_BALANCED: return "balanced";
	case CAPACITY_CONSTRAINED: return "constrained";
	case CAPACITY_SEVERELY_CONSTRAINED: return "severely constrained";
	default: return "?";
	}
}

static bool state_is_tight(enum capacity_state st)
{
	return st == CAPACITY_CONSTRAINED || st == CAPACITY_SEVERELY_CONSTRAINED;
}

#define CAPACITY_LABEL 13  /* "AE capacity" and blanks */
#define CAPACITY_RIGHT 28  /* " 110% ! severely constrained" */

static int draw_capacity(struct view *v, const struct dash_canvas *cv, int line)
{
	struct dashboard_state *s = state_of(v);
	const struct desk_policy *pol = store_policy(v->console->store);
	const struct capacity_result *m = &s->cap.model;
	double cuts[3], full;
	int width = cv->cols - CAPACITY_LABEL - CAPACITY_RIGHT, i, last_end = -1;
	char buf[400], avail[32], req[32], share[16], weekly[32];

	put(cv, line, 0, CAPACITY_LABEL, "AE capacity", THEME_TITLE);
	if (!s->cap_ok)
		return put_wrapped(cv, line + 1, 1, "the capacity report is unavailable (see the message line)",
				   THEME_ERROR);
	if (width < 10)
		width = 10;
	/* the scale runs past the last cut-off so "severe" has room to show */
	full = pol->severe_from * 1.15;
	if (full < 1.25)
		full = 1.25;
	cuts[0] = pol->balanced_from / full;
	cuts[1] = pol->constrained_from / full;
	cuts[2] = pol->severe_from / full;
	{
		int y = dash_canvas_row(cv, line);

		if (y >= 0)
			dash_gauge(y, CAPACITY_LABEL, width, m->utilization_known ? m->utilization : (m->required > 0 ? full * 2 : 0),
				   full, cuts, 3);
	}
	if (m->utilization_known)
		dash_format_percent(m->utilization, share, sizeof(share));
	else
		snprintf(share, sizeof(share), "-");
	snprintf(buf, sizeof(buf), " %s %s%s", share, state_is_tight(m->state) ? "! " : "", state_label(m->state));
	put(cv, line, CAPACITY_LABEL + width, CAPACITY_RIGHT, buf,
	    state_is_tight(m->state) ? THEME_FLAG : THEME_NORMAL);
	line++;
	if (s->compact) {
		dash_format_hours(m->required, req, sizeof(req));
		dash_format_hours(m->available, avail, sizeof(avail));
		snprintf(buf, sizeof(buf), "required %s h of %s h available; open deals T1 %ld, T2 %ld, T3 %ld",
			 req, avail, s->cap.deals[0], s->cap.deals[1], s->cap.deals[2]);
		return put_wrapped(cv, line, 1, buf, THEME_NORMAL);
	}
	/* the ruler: where the cut-offs sit */
	put(cv, line, CAPACITY_LABEL, 2, "0%", THEME_DIM);
	last_end = CAPACITY_LABEL + 2;
	for (i = 0; i < 3; i++) {
		int col = dash_scale_col(CAPACITY_LABEL, width + 1, 0, 1, cuts[i]);
		char pct[16];

		dash_format_percent(i == 0 ? pol->balanced_from : i == 1 ? pol->constrained_from : pol->severe_from,
				    pct, sizeof(pct));
		if (col > last_end) {
			put(cv, line, col, draw_width(pct), pct, THEME_DIM);
			last_end = col + draw_width(pct);
		}
	}
	line++;
	dash_format_hours(m->required, req, sizeof(req));
	snprintf(buf, sizeof(buf), "required %s h = T1 %ld x %d h + T2 %ld x %d h + T3 %ld x %d h open deals",
		 req, s->cap.deals[0], pol->hours[0].preset, s->cap.deals[1], pol->hours[1].preset,
		 s->cap.deals[2], pol->hours[2].preset);
	line = put_wrapped(cv, line, 1, buf, THEME_NORMAL);
	dash_format_hours(m->available, avail, sizeof(avail));
	dash_format_hours(s->cap.weekly_hours, weekly, sizeof(weekly));
	dash_format_percent(pol->cosell_share, share, sizeof(share));
	snprintf(buf, sizeof(buf), "available %s h = %s h a week (%ld active AE%s) x %d weeks x %s co-sell",
		 avail, weekly, s->cap.aes, s->cap.aes == 1 ? "" : "s", pol->weeks_per_quarter, share);
	return put_wrapped(cv, line, 1, buf, THEME_NORMAL);
}

/* ---- the PQL dial ------------------------------------------------------- */

static int draw_dial(struct view *v, const struct dash_canvas *cv, int line)
{
	struct dashboard_state *s = state_of(v);
	struct console *c = v->console;
	const struct capacity_result *m = &s->cap.model;
	int lo = DIAL_LO, hi = DIAL_HI, width, bar_col, y, x;
	char buf[300], up[32], down[32], a[48], b[48], lo_txt[16], hi_txt[16];

	put(cv, line, 0, 9, "PQL dial", THEME_TITLE);
	if (s->cap_ok)
		snprintf(buf, sizeof(buf), "bar %d (%s)  recommended %d-%d (%d) for %s", s->bar,
			 s->bar_from_desk ? "desk setting" : "config default", m->band.low, m->band.high,
			 m->recommended_threshold, state_label(m->state));
	else
		snprintf(buf, sizeof(buf), "bar %d (%s)", s->bar, s->bar_from_desk ? "desk setting" : "config default");
	put(cv, line, 10, cv->cols - 10, buf, THEME_NORMAL);
	line++;
	if (s->cap_ok) {
		if (m->band.low - 3 < lo)
			lo = m->band.low - 3;
		if (m->band.high + 3 > hi)
			hi = m->band.high + 3;
	}
	if (s->bar - 3 < lo)
		lo = s->bar - 3;
	if (s->bar + 3 > hi)
		hi = s->bar + 3;
	lo = lo < 0 ? 0 : lo;
	hi = hi > 100 ? 100 : hi;
	snprintf(lo_txt, sizeof(lo_txt), "%d", lo);
	snprintf(hi_txt, sizeof(hi_txt), "%d", hi);
	x = 10 + draw_width(lo_txt) + 1;
	width = cv->cols - x - draw_width(hi_txt) - 2;
	if (width > 101)
		width = 101;
	put(cv, line, 10, draw_width(lo_txt), lo_txt, THEME_DIM);
	y = dash_canvas_row(cv, line);
	bar_col = dash_scale_col(x, width, lo, hi, s->bar);
	if (y >= 0)
		bar_col = dash_dial(y, x, width, lo, hi, s->cap_ok ? m->band.low : 1, s->cap_ok ? m->band.high : 0,
				    s->bar);
	put(cv, line, x + width + 1, draw_width(hi_txt), hi_txt, THEME_DIM);
	line++;
	snprintf(buf, sizeof(buf), "^ %d", s->bar);
	put(cv, line, bar_col, draw_width(buf), buf, THEME_TITLE);
	line++;
	/* what one step would do, and the keys that take it */
	console_key_hint(c, REQ_DIAL_UP, ":dial-up", up, sizeof(up));
	console_key_hint(c, REQ_DIAL_DOWN, ":dial-down", down, sizeof(down));
	if (s->preview_ok) {
		plural(s->up_lost, "PQL drops", "PQLs drop", a, sizeof(a));
		plural(s->down_gained, "intro becomes a PQL", "intros become PQLs", b, sizeof(b));
		snprintf(buf, sizeof(buf), "%s raises the bar: %s; %s lowers it: %s", up, a, down, b);
		line = put_wrapped(cv, line, 1, buf, THEME_DIM);
	}
	if (s->last_move[0])
		line = put_wrapped(cv, line, 1, s->last_move, THEME_MESSAGE);
	return line;
}

/* ---- win rate by score band --------------------------------------------- */

static int draw_calibration(struct view *v, const struct dash_canvas *cv, int line)
{
	struct dashboard_state *s = state_of(v);
	const struct calibration_report *r = &s->cal.bands;
	int i, bar_band, chart, x_bar = 8, text_width = 18, mark_width = 10;
	char buf[STORE_TEXT_SIZE + 32], pct[16];
	enum theme_element verdict_look;
	const char *glyph;

	put(cv, line, 0, cv->cols, "Win rate by score band", THEME_TITLE);
	put(cv, line, 24, cv->cols - 24, "closed intros: won of won + lost", THEME_DIM);
	line++;
	if (!s->cal_ok)
		return put_wrapped(cv, line, 1, "the calibration report is unavailable (see the message line)",
				   THEME_ERROR);
	chart = cv->cols - x_bar - 1 - text_width - mark_width;
	if (chart > CHART_MAX)
		chart = CHART_MAX;
	if (chart < 10)
		chart = 10;
	bar_band = calibration_band_of(r, s->cal.threshold);
	for (i = 0; i < r->band_count; i++, line++) {
		const struct calibration_band *b = &r->bands[i];
		int y = dash_canvas_row(cv, line);

		put_field(cv, line, 1, x_bar - 2, b->label, DRAW_RIGHT, THEME_NORMAL);
		put(cv, line, x_bar, 1, "|", THEME_BORDER);
		if (y >= 0 && b->closed > 0)
			dash_bar(y, x_bar + 1, chart, b->rate);
		if (b->closed > 0) {
			dash_format_percent(b->rate, pct, sizeof(pct));
			snprintf(buf, sizeof(buf), "%4s %ld of %ld won", pct, b->won, b->closed);
			put(cv, line, x_bar + 2 + chart, text_width, buf, THEME_NORMAL);
		} else {
			put(cv, line, x_bar + 2 + chart, text_width, "   - none closed", THEME_DIM);
		}
		if (i == bar_band) {
			snprintf(buf, sizeof(buf), "<- bar %d", s->cal.threshold);
			put(cv, line, x_bar + 2 + chart + text_width, mark_width, buf, THEME_TITLE);
		}
	}
	switch (s->cal.verdict) {
	case CALIBRATION_BAR_TOO_LOW: glyph = "!"; verdict_look = THEME_FLAG; break;
	case CALIBRATION_BAR_OK: glyph = "+"; verdict_look = THEME_NORMAL; break;
	default: glyph = "?"; verdict_look = THEME_DIM; break;
	}
	snprintf(buf, sizeof(buf), "%s calibration: %s", glyph, s->cal.why);
	return put_wrapped(cv, line, 1, buf, verdict_look);
}

/* ---- AE load ------------------------------------------------------------ */

static int draw_ae_load(struct view *v, const struct dash_canvas *cv, int line)
{
	struct dashboard_state *s = state_of(v);
	static const struct pod_column cols[] = {
		{ "POD", 10 }, { "WEEKLY H", 8 }, { "T1", 4 }, { "T2", 4 }, { "T3", 4 }, { "BUDGET H", 8 },
	};
	int name_width = 16, i, x;
	size_t a;
	char buf[STORE_NAME_SIZE];

	if (!s->cap_ok || s->cap.ae_count == 0)
		return line;
	put(cv, line, 0, cv->cols, "AE load", THEME_TITLE);
	put(cv, line, 9, cv->cols - 9, "open routed and accepted deals per AE", THEME_DIM);
	line++;
	{
		int y = dash_canvas_row(cv, line);

		if (y >= 0)
			draw_fill(y, 0, cv->cols, colors_attr(THEME_HEADER));
	}
	put_field(cv, line, 1, name_width, "AE", DRAW_LEFT, THEME_HEADER);
	for (i = 0, x = 2 + name_width; i < 6; x += cols[i].width + 1, i++)
		put_field(cv, line, x, cols[i].width, cols[i].title, i == 0 ? DRAW_LEFT : DRAW_RIGHT, THEME_HEADER);
	line++;
	for (a = 0; a < s->cap.ae_count; a++, line++) {
		const struct store_capacity_ae *e = &s->cap.per_ae[a];

		put_field(cv, line, 1, name_width, e->name, DRAW_LEFT, THEME_NORMAL);
		for (i = 0, x = 2 + name_width; i < 6; x += cols[i].width + 1, i++) {
			switch (i) {
			case 0: snprintf(buf, sizeof(buf), "%s", e->pod_name); break;
			case 1: dash_format_hours(e->selling_hours, buf, sizeof(buf)); break;
			case 2: case 3: case 4: snprintf(buf, sizeof(buf), "%ld", e->deals[i - 2]); break;
			default: dash_format_hours(e->budget_hours, buf, sizeof(buf)); break;
			}
			put_field(cv, line, x, cols[i].width, buf, i == 0 ? DRAW_LEFT : DRAW_RIGHT, THEME_NORMAL);
		}
	}
	return line;
}

/* ---- the whole page ----------------------------------------------------- */

/* Every section from content line 0; `gap` blank lines between them.
 * Returns the lines used (drawing nothing on a canvas of no rows); the AE
 * load table only when asked. */
static int draw_sections(struct view *v, const struct dash_canvas *cv, int gap, bool with_ae_load)
{
	int line = 0;

	line = draw_pods(v, cv, line) + gap;
	line = draw_capacity(v, cv, line) + gap;
	line = draw_dial(v, cv, line) + gap;
	line = draw_calibration(v, cv, line);
	return with_ae_load ? draw_ae_load(v, cv, line + gap) : line;
}

/* The roomiest form that fits: blank lines between the sections and the
 * full capacity arithmetic, else no blank lines, else the short capacity
 * lines too (AE load, last, may always need scrolling). Sets s->compact
 * and *gap; returns the content's length. */
static int layout(struct view *v, int *gap)
{
	struct dashboard_state *s = state_of(v);
	struct dash_canvas measure = { v->top, 0, v->cols, 0 };
	int level;

	for (level = 0; level < 3; level++) {
		int main_lines;

		*gap = level == 0;
		s->compact = level == 2;
		main_lines = draw_sections(v, &measure, *gap, false);
		if (main_lines <= v->rows || level == 2)
			return draw_sections(v, &measure, *gap, true);
	}
	return 0;
}

static void clamp_scroll(struct view *v)
{
	struct dashboard_state *s = state_of(v);
	int most = s->content_lines - v->rows;

	if (s->scroll > most)
		s->scroll = most;
	if (s->scroll < 0)
		s->scroll = 0;
}

static void dashboard_draw(struct view *v)
{
	struct dashboard_state *s = state_of(v);
	struct dash_canvas cv;
	int gap;

	ensure_fresh(v);
	if (!v->console->store) {
		draw_text(v->top, 1, v->cols - 1, "no desk is open", colors_attr(THEME_DIM));
		return;
	}
	s->content_lines = layout(v, &gap);
	clamp_scroll(v);
	cv.top = v->top;
	cv.rows = v->rows;
	cv.cols = v->cols;
	cv.scroll = s->scroll;
	draw_sections(v, &cv, gap, true);
}

/* ---- requests ----------------------------------------------------------- */

static void move_dial(struct view *v, int direction, const char *arg)
{
	struct dashboard_state *s = state_of(v);
	struct console *c = v->console;
	long changed = 0, gained = 0, lost = 0, steps = 1;
	char *end = NULL;
	int to;

	if (arg && *arg) {
		steps = strtol(arg, &end, 10);
		if (*end || steps < 1 || steps > 100) {
			console_error(c, "%s: '%s' is not a number of points from 1 to 100",
				      direction > 0 ? "dial-up" : "dial-down", arg);
			return;
		}
	}
	ensure_fresh(v);
	to = s->bar + direction * (int)steps;
	if (to < 0 || to > 100) {
		console_error(c, "the bar is %d: it stays within 0-100", s->bar);
		return;
	}
	if (store_dial_set(c->store, to, &changed, &gained, &lost) != STORE_OK) {
		console_error(c, "dial: %s", store_errmsg(c->store));
		return;
	}
	snprintf(s->last_move, sizeof(s->last_move), "bar %d: %ld intro%s changed gate (%ld gained, %ld lost)",
		 to, changed, changed == 1 ? "" : "s", gained, lost);
	console_message(c, "%s", s->last_move);
	/* the gate is read at query time: every view re-reads now */
	console_data_changed(c);
	load(v);
}

static bool dashboard_request(struct view *v, const struct request_call *call)
{
	struct dashboard_state *s = state_of(v);
	struct console *c = v->console;
	int page = v->rows > 1 ? v->rows - 1 : 1;

	if (!c->store)
		return false;
	switch (call->id) {
	case REQ_DIAL_UP:
		move_dial(v, 1, call->arg);
		return true;
	case REQ_DIAL_DOWN:
		move_dial(v, -1, call->arg);
		return true;
	case REQ_MOVE_DOWN: s->scroll++; break;
	case REQ_MOVE_UP: s->scroll--; break;
	case REQ_PAGE_DOWN: s->scroll += page; break;
	case REQ_PAGE_UP: s->scroll -= page; break;
	case REQ_HALF_PAGE_DOWN: s->scroll += page / 2 ? page / 2 : 1; break;
	case REQ_HALF_PAGE_UP: s->scroll -= page / 2 ? page / 2 : 1; break;
	case REQ_FIRST: s->scroll = 0; break;
	case REQ_LAST: s->scroll = s->content_lines; break;
	case REQ_REFRESH:
		load(v);
		return true;
	case REQ_UNDO: {
		struct store_undo_result u;

		if (store_undo(c->store, NULL, &u) != STORE_OK) {
			console_error(c, "undo: %s", store_errmsg(c->store));
			return true;
		}
		console_message(c, "%s", u.summary);
		s->last_move[0] = '\0';
		console_data_changed(c);
		load(v);
		return true;
	}
	default:
		return false;
	}
	clamp_scroll(v);
	return true;
}

static int dashboard_open(struct view *v, const char *arg)
{
	(void)arg;
	if (!v->console->store) {
		console_error(v->console, "dashboard: no desk is open");
		return -1;
	}
	load(v);
	return 0;
}

static void dashboard_data_changed(struct view *v)
{
	/* read again when next drawn: a hidden dashboard costs nothing */
	state_of(v)->stale = true;
}

static void dashboard_resize(struct view *v)
{
	int gap;

	state_of(v)->content_lines = layout(v, &gap);
	clamp_scroll(v);
}

static void dashboard_status(struct view *v, char *buf, size_t size)
{
	struct dashboard_state *s = state_of(v);

	if (!s->loaded) {
		buf[0] = '\0';
		return;
	}
	if (s->counts_ok)
		snprintf(buf, size, "bar %d  %ld open intros", s->bar, s->counts.open);
	else
		snprintf(buf, size, "bar %d", s->bar);
	if (s->content_lines > v->rows) {
		size_t used = strlen(buf);

		snprintf(buf + used, size - used, "  lines %d-%d of %d", s->scroll + 1,
			 s->scroll + v->rows < s->content_lines ? s->scroll + v->rows : s->content_lines,
			 s->content_lines);
	}
}

static void dashboard_done(struct view *v)
{
	free_reports(state_of(v));
}

const struct view_ops dashboard_view_ops = {
	.name = "dashboard",
	.title = "Dashboard",
	.state_size = sizeof(struct dashboard_state),
	.open = dashboard_open,
	.draw = dashboard_draw,
	.request = dashboard_request,
	.resize = dashboard_resize,
	.data_changed = dashboard_data_changed,
	.status = dashboard_status,
	.done = dashboard_done,
};
