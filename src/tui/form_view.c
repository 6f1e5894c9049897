/* form_view.c - the PQL scoring form of one intro.
 *
 * Six number fields (form_fields.h: formw does the editing), each with its
 * label, the rubric line of DOMAIN.md and its weight; under them the
 * running total, the gate against the dial and the gap to the bar with the
 * cheapest factors to raise (core score_explain), recomputed on every
 * keystroke. A keystroke that would put a field out of 0..weight is
 * refused at the field, with the core's message. Beside the fields (below
 * them on a narrow terminal): the account-mapping evidence and the
 * partner's history, the facts the points are given from.
 *
 * Saving writes the six points, the score and their audit rows in one
 * transaction (store_intro_score), then hands the intro to the tier and
 * brief view: score, tier, brief, route is the triage flow. Leaving with
 * unsaved points asks first.
 *
 * Keys: digits and the editing keys go to the field before the keymap
 * (the view's key hook), unless the form's own keymap binds them; <Enter>
 * moves to the next field and saves on the last; everything else is a
 * request (next-field, prev-field, save, cancel...).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coselldesk/domain.h"
#include "coselldesk/policy.h"
#include "coselldesk/score.h"
#include "coselldesk/store.h"
#include "coselldesk/tier.h"
#include "colors.h"
#include "console.h"
#include "draw.h"
#include "form_ask.h"
#include "form_fields.h"
#include "keymap.h"
#include "keys.h"
#include "views.h"

#define FIELD_WIDTH 3      /* a weight is at most 100: three digits */
#define MARK_X 1           /* '>' before the field in focus */
#define LABEL_X 3
#define LABEL_W 30
#define FIELD_X 34         /* '[' then the digits then ']' */
#define WEIGHT_X 40        /* "/25" */
#define RUBRIC_X 45        /* the rubric, when it fits on the factor's line */
#define RUBRIC_BELOW_X 5   /* else on the line below */
#define FACTORS_Y 3        /* first factor row, from the view's top */
#define EVIDENCE_MIN_W 46  /* the evidence column beside the fields, at least */
#define RUBRIC_BELOW_W 64  /* the fields with each rubric under its factor */
#define EVIDENCE_PAIR_MIN 96 /* below the fields: mapping and partner side by side */
#define EVIDENCE_ROWS 5    /* rows of each evidence block (heading included) */

struct form_state {
	char id[STORE_ID_SIZE];             /* the intro being scored */
	bool loaded;                        /* data holds it */
	struct store_intro_view data;       /* the intro, its overlap, its partner */
	int threshold;                      /* the dial when last read */
	struct form_fields *fields;         /* the six factor fields */
	char initial[PQL_FACTOR_COUNT][8];  /* the texts as loaded or saved */
	int refused;                        /* the field whose last key was refused, -1 none */
};

static struct form_state *state_of(struct view *v)
{
	return v->state;
}

static const struct desk_policy *policy_of(struct view *v)
{
	return store_policy(v->console->store);
}

static bool modified(const struct form_state *s)
{
	char text[8];
	int i;

	if (!s->fields)
		return false;
	for (i = 0; i < PQL_FACTOR_COUNT; i++) {
		form_fields_text(s->fields, i, text, sizeof(text));
		if (strcmp(text, s->initial[i]) != 0)
			return true;
	}
	return false;
}

/* The points typed so far; *filled says how many fields hold a number. */
static void current_points(const struct form_state *s, int points[PQL_FACTOR_COUNT], int *filled)
{
	char text[8];
	int i;

	*filled = 0;
	for (i = 0; i < PQL_FACTOR_COUNT; i++) {
		form_fields_text(s->fields, i, text, sizeof(text));
		points[i] = text[0] ? atoi(text) : 0;
		if (text[0])
			(*filled)++;
	}
}

/* ---- loading ------------------------------------------------------------- */

static void load_threshold(struct view *v)
{
	struct form_state *s = state_of(v);
	int from_desk = 0;

	if (store_dial_get(v->console->store, &s->threshold, &from_desk) != STORE_OK)
		s->threshold = policy_of(v)->threshold;
}

/* Read the intro (evidence, partner, points) into data. */
static int load_data(struct view *v, const char *id)
{
	struct form_state *s = state_of(v);

	if (s->loaded)
		store_intro_view_free(&s->data);
	s->loaded = false;
	if (store_intro_view(v->console->store, id, &s->data) != STORE_OK) {
		console_error(v->console, "form: %s", store_errmsg(v->console->store));
		store_intro_view_free(&s->data);
		return -1;
	}
	s->loaded = true;
	snprintf(s->id, sizeof(s->id), "%s", s->data.intro.id);
	load_threshold(v);
	return 0;
}

/* Fill the fields with the stored points (empty when unscored). */
static void reset_fields(struct form_state *s)
{
	int i;

	for (i = 0; i < PQL_FACTOR_COUNT; i++) {
		if (s->data.intro.scored)
			snprintf(s->initial[i], sizeof(s->initial[i]), "%d", s->data.intro.points[i]);
		else
			s->initial[i][0] = '\0';
		form_fields_set_text(s->fields, i, s->initial[i]);
	}
	form_fields_focus(s->fields, 0);
	s->refused = -1;
}

static int form_open(struct view *v, const char *arg)
{
	struct form_state *s = state_of(v);
	struct console *c = v->console;
	char id[STORE_ID_SIZE];

	if (!c->store) {
		console_error(c, "form: no desk is open");
		return -1;
	}
	if (!arg || !*arg) {
		if (s->loaded)
			return 0; /* back to the intro being scored, edits and all */
		console_error(c, "form: which intro? s on a queue row, or :view form IN-XXXXXX");
		return -1;
	}
	if (store_resolve(c->store, STORE_KIND_INTRO, arg, id) != STORE_OK) {
		console_error(c, "form: %s", store_errmsg(c->store));
		return -1;
	}
	if (s->loaded && modified(s)) {
		char question[200];

		if (!strcmp(id, s->id))
			return 0; /* the same intro: keep what was typed */
		snprintf(question, sizeof(question), "discard the unsaved points of %s? (y/n)",
			 s->data.intro.handle);
		if (!form_ask_yes(c, question)) {
			console_error(c, "kept the unsaved points of %s (:view form %s goes back to them)",
				      s->data.intro.handle, s->data.intro.handle);
			return -1;
		}
	}
	if (!s->fields) {
		s->fields = form_fields_new(PQL_FACTOR_COUNT, FIELD_WIDTH);
		if (!s->fields) {
			console_error(c, "form: curses could not set up the form fields");
			return -1;
		}
	}
	if (load_data(v, id) < 0)
		return -1;
	reset_fields(s);
	return 0;
}

static void form_done(struct view *v)
{
	struct form_state *s = state_of(v);

	if (s->loaded)
		store_intro_view_free(&s->data);
	s->loaded = false;
	form_fields_free(s->fields);
	s->fields = NULL;
}

static void form_data_changed(struct view *v)
{
	struct form_state *s = state_of(v);
	char id[STORE_ID_SIZE];

	if (!s->loaded)
		return;
	/* another process wrote: fresh evidence and dial, the typing stays */
	snprintf(id, sizeof(id), "%s", s->id);
	load_data(v, id);
}

/* ---- drawing ------------------------------------------------------------- */

static void format_date(long long t, char *buf, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (t <= 0 || !localtime_r(&tt, &tm) || !strftime(buf, size, "%Y-%m-%d", &tm))
		snprintf(buf, size, "unknown");
}

static void format_money(long long dollars, char *buf, size_t size)
{
	if (dollars < 0)
		snprintf(buf, size, "unknown");
	else
		tier_format_dollars(dollars, buf, size);
}

/* What the desk does with each mapping signal (DOMAIN.md). */
static const char *signal_meaning(enum mapping_signal sig)
{
	switch (sig) {
	case SIGNAL_MUTUAL_CUSTOMER: return "high-trust expansion";
	case SIGNAL_PARTNER_CUSTOMER: return "warm intro available";
	case SIGNAL_OUR_CUSTOMER: return "partner-assist, partner-led";
	case SIGNAL_OPEN_OPPORTUNITIES: return "deal collision risk: de-conflict first";
	default: return "speculative: no AE";
	}
}

static const char *population_label(enum population p)
{
	switch (p) {
	case POP_PROSPECT: return "prospect";
	case POP_OPEN_OPPORTUNITY: return "open opportunity";
	case POP_CUSTOMER: return "customer";
	default: return "none";
	}
}

/* One line of the evidence block. */
struct evidence_line {
	char label[24];
	char value[300];
	enum theme_element element;  /* THEME_TITLE for a heading */
};

#define EVIDENCE_MAX 8

static int mapping_lines(struct view *v, struct evidence_line *out)
{
	struct form_state *s = state_of(v);
	const struct store_intro_view *d = &s->data;
	char date[32];
	int n = 0;

	snprintf(out[n].label, sizeof(out[n].label), "Mapping evidence");
	out[n++].element = THEME_TITLE;
	if (!d->has_overlap) {
		snprintf(out[n].label, sizeof(out[n].label), "signal");
		snprintf(out[n].value, sizeof(out[n].value), ". no mapping data for this partner and account");
		out[n++].element = THEME_NORMAL;
		return n;
	}
	snprintf(out[n].label, sizeof(out[n].label), "signal");
	snprintf(out[n].value, sizeof(out[n].value), "%c %s: %s", domain_signal_glyph(d->overlap.signal),
		 domain_signal_label(d->overlap.signal), signal_meaning(d->overlap.signal));
	out[n++].element = THEME_NORMAL;
	snprintf(out[n].label, sizeof(out[n].label), "populations");
	snprintf(out[n].value, sizeof(out[n].value), "ours %s, theirs %s", population_label(d->overlap.ours),
		 population_label(d->overlap.partners));
	out[n++].element = THEME_NORMAL;
	snprintf(out[n].label, sizeof(out[n].label), "stakeholders");
	if (d->overlap.stakeholders >= 0)
		snprintf(out[n].value, sizeof(out[n].value), "%d%s%s", d->overlap.stakeholders,
			 d->overlap.partner_contact[0] ? ", contact " : "", d->overlap.partner_contact);
	else
		snprintf(out[n].value, sizeof(out[n].value), "unknown%s%s",
			 d->overlap.partner_contact[0] ? ", contact " : "", d->overlap.partner_contact);
	out[n++].element = THEME_NORMAL;
	snprintf(out[n].label, sizeof(out[n].label), "refreshed");
	format_date(d->overlap.refreshed_at, date, sizeof(date));
	if (d->overlap.refreshed_at > 0)
		snprintf(out[n].value, sizeof(out[n].value), "%s, %lld days ago", date,
			 (store_now(v->console->store) - d->overlap.refreshed_at) / 86400);
	else
		snprintf(out[n].value, sizeof(out[n].value), "unknown: the data's age is not known");
	out[n++].element = THEME_NORMAL;
	return n;
}

static int partner_lines(struct view *v, struct evidence_line *out)
{
	struct form_state *s = state_of(v);
	const struct store_intro_view *d = &s->data;
	char money[32];
	int n = 0;

	snprintf(out[n].label, sizeof(out[n].label), "Partner history");
	out[n++].element = THEME_TITLE;
	snprintf(out[n].label, sizeof(out[n].label), "tier");
	snprintf(out[n].value, sizeof(out[n].value), "%c %s", domain_partner_tier_glyph(d->partner.tier),
		 domain_partner_tier_name(d->partner.tier));
	out[n++].element = THEME_NORMAL;
	snprintf(out[n].label, sizeof(out[n].label), "won");
	snprintf(out[n].value, sizeof(out[n].value), "%ld deal%s", d->partner.won_count,
		 d->partner.won_count == 1 ? "" : "s");
	out[n++].element = THEME_NORMAL;
	snprintf(out[n].label, sizeof(out[n].label), "median won");
	if (d->partner.won_count > 0 && d->partner.median_won_acv >= 0)
		format_money(d->partner.median_won_acv, out[n].value, sizeof(out[n].value));
	else
		snprintf(out[n].value, sizeof(out[n].value), "none yet");
	out[n++].element = THEME_NORMAL;
	snprintf(out[n].label, sizeof(out[n].label), "claimed ACV");
	format_money(d->intro.expected_acv, money, sizeof(money));
	snprintf(out[n].value, sizeof(out[n].value), "%s%s", money,
		 d->gaming.flagged ? "  ! tier gaming" : "");
	out[n++].element = d->gaming.flagged ? THEME_FLAG : THEME_NORMAL;
	return n;
}

/* Draw lines from row y, at most to row bottom (exclusive); returns the
 * row after the last one drawn. */
static int draw_evidence(const struct evidence_line *l, int n, int y, int x, int width, int bottom)
{
	int i;

	for (i = 0; i < n && y < bottom; i++, y++) {
		if (l[i].element == THEME_TITLE) {
			draw_text(y, x, width, l[i].label, colors_attr(THEME_TITLE));
			continue;
		}
		draw_text(y, x + 2, 12, l[i].label, colors_attr(THEME_DETAIL_LABEL));
		draw_text(y, x + 15, width - 15, l[i].value, colors_attr(l[i].element));
	}
	return y;
}

struct form_layout {
	int left_w;          /* width of the fields' column */
	bool side;           /* evidence beside the fields */
	bool pair;           /* below the fields, mapping and partner side by side */
	bool rubric_below;   /* each rubric on the line under its factor */
	bool tight;          /* no blank rows: the height is short */
	int factors_y;       /* first factor row, from the view's top */
};

static int max_rubric_width(void)
{
	int f, w = 0;

	for (f = 0; f < PQL_FACTOR_COUNT; f++) {
		int fw = draw_width(policy_factor_rubric((enum pql_factor)f));

		if (fw > w)
			w = fw;
	}
	return w;
}

/* Rows the view needs: title, info, blank, the factors, blank, total,
 * gap, the evidence when below (blank first), the hint. */
static int rows_needed(const struct form_layout *l)
{
	int evidence = l->side ? 0 : l->pair ? 1 + EVIDENCE_ROWS : 1 + 2 * EVIDENCE_ROWS;

	return 3 + PQL_FACTOR_COUNT * (l->rubric_below ? 2 : 1) + 3 + evidence + 1;
}

/* Beside the fields when both fit, the rubric on each factor's line when
 * it fits, else under it when the height allows, else cut. */
static struct form_layout layout_of(struct view *v)
{
	struct form_layout l;
	int inline_w = RUBRIC_X + max_rubric_width() + 1;

	memset(&l, 0, sizeof(l));
	if (v->cols - inline_w - 1 >= EVIDENCE_MIN_W) {
		l.side = true;
		l.left_w = inline_w;
	} else if (v->cols - RUBRIC_BELOW_W - 1 >= EVIDENCE_MIN_W) {
		l.side = true;
		l.left_w = RUBRIC_BELOW_W;
		l.rubric_below = true;
	} else {
		l.left_w = v->cols;
		l.pair = v->cols >= EVIDENCE_PAIR_MIN;
		if (v->cols < inline_w) {
			l.rubric_below = true;
			if (rows_needed(&l) > v->rows)
				l.rubric_below = false;
		}
	}
	l.tight = rows_needed(&l) > v->rows;
	l.factors_y = l.tight ? FACTORS_Y - 1 : FACTORS_Y;
	return l;
}

static void draw_title(struct view *v)
{
	struct form_state *s = state_of(v);
	const struct store_intro_view *d = &s->data;
	char line[600], money[32];

	snprintf(line, sizeof(line), "Score %s  %s  from %s", d->intro.handle, d->account.name, d->partner.name);
	draw_fill(v->top, 0, v->cols, colors_attr(THEME_TITLE));
	draw_text(v->top, 1, v->cols - 2, line, colors_attr(THEME_TITLE));
	format_money(d->intro.expected_acv, money, sizeof(money));
	snprintf(line, sizeof(line), "%c %s   expected ACV %s   bar %d", domain_state_glyph(d->intro.state),
		 domain_state_label(d->intro.state), money, s->threshold);
	draw_text(v->top + 1, 1, v->cols - 2, line, colors_attr(THEME_DIM));
}

static void draw_factor(struct view *v, const struct form_layout *l, int f, int y)
{
	struct form_state *s = state_of(v);
	const struct desk_policy *p = policy_of(v);
	bool focus = form_fields_current(s->fields) == f;
	char text[8], weight[16];
	attr_t field_attr = colors_attr(s->refused == f ? THEME_FORM_ERROR : THEME_FORM_FIELD);
	int cursor;

	draw_text(y, MARK_X, 1, focus ? ">" : " ", colors_attr(THEME_FORM_LABEL));
	draw_text(y, LABEL_X, LABEL_W, policy_factor_label((enum pql_factor)f),
		  colors_attr(focus ? THEME_TITLE : THEME_FORM_LABEL));
	form_fields_text(s->fields, f, text, sizeof(text));
	draw_text(y, FIELD_X, 1, "[", colors_attr(THEME_FORM_LABEL));
	draw_field(y, FIELD_X + 1, FIELD_WIDTH, text, DRAW_LEFT, field_attr);
	draw_text(y, FIELD_X + 1 + FIELD_WIDTH, 1, "]", colors_attr(THEME_FORM_LABEL));
	if (focus) {
		/* the cursor cell in reverse: the terminal cursor stays hidden
		 * outside the prompt */
		char cell[2] = { ' ', '\0' };

		cursor = form_fields_cursor(s->fields);
		if (cursor >= FIELD_WIDTH)
			cursor = FIELD_WIDTH - 1;
		if (cursor < (int)strlen(text))
			cell[0] = text[cursor];
		draw_text(y, FIELD_X + 1 + cursor, 1, cell, field_attr | A_REVERSE);
	}
	snprintf(weight, sizeof(weight), "/%d", p->weights[f]);
	draw_text(y, WEIGHT_X, 4, weight, colors_attr(THEME_FORM_LABEL));
	if (l->rubric_below)
		draw_text(y + 1, RUBRIC_BELOW_X, l->left_w - RUBRIC_BELOW_X - 1,
			  policy_factor_rubric((enum pql_factor)f), colors_attr(THEME_DIM));
	else
		draw_text(y, RUBRIC_X, l->left_w - RUBRIC_X - 1, policy_factor_rubric((enum pql_factor)f),
			  colors_attr(THEME_DIM));
}

/* The total, the gate and the gap; returns the next free row. */
static int draw_totals(struct view *v, int y, int width)
{
	struct form_state *s = state_of(v);
	struct score_explanation e;
	int points[PQL_FACTOR_COUNT], filled;
	char line[300], gap[300];
	int x;

	current_points(s, points, &filled);
	score_explain(policy_of(v), points, s->threshold, &e);
	draw_text(y, LABEL_X, 8, "total", colors_attr(THEME_FORM_LABEL));
	snprintf(line, sizeof(line), "%d / %d", e.score, SCORE_MAX);
	x = LABEL_X + 8 + draw_text(y, LABEL_X + 8, width - LABEL_X - 8, line,
				    colors_attr(e.is_pql ? THEME_SCORE_ABOVE : THEME_SCORE_BELOW));
	/* the gate in words and a glyph, not in colour alone */
	if (filled < PQL_FACTOR_COUNT)
		snprintf(line, sizeof(line), "   so far: %d of %d factors to go, bar %d", PQL_FACTOR_COUNT - filled,
			 PQL_FACTOR_COUNT, s->threshold);
	else
		snprintf(line, sizeof(line), "   %s bar %d", e.is_pql ? "+ PQL at the" : "- below the",
			 s->threshold);
	draw_text(y, x, width - x, line, colors_attr(e.is_pql ? THEME_GATE_PQL : THEME_SCORE_BELOW));
	y++;
	score_gap_sentence(&e, gap, sizeof(gap));
	draw_text(y, LABEL_X, 8, "gap", colors_attr(THEME_FORM_LABEL));
	draw_text(y, LABEL_X + 8, width - LABEL_X - 8, gap, colors_attr(THEME_NORMAL));
	return y + 1;
}

static void draw_hint(struct view *v)
{
	struct console *c = v->console;
	char next[32], prev[32], save[32], cancel[32], line[300];

	snprintf(line, sizeof(line), "%s next  %s previous  <Enter> next/save  %s save  %s cancel  "
		 "C-a C-e C-k C-u edit",
		 console_key_hint(c, REQ_NEXT_FIELD, ":next-field", next, sizeof(next)),
		 console_key_hint(c, REQ_PREV_FIELD, ":prev-field", prev, sizeof(prev)),
		 console_key_hint(c, REQ_SAVE, ":save", save, sizeof(save)),
		 console_key_hint(c, REQ_CANCEL, ":cancel", cancel, sizeof(cancel)));
	draw_text(v->top + v->rows - 1, 1, v->cols - 2, line, colors_attr(THEME_DIM));
}

static void form_draw(struct view *v)
{
	struct form_state *s = state_of(v);
	struct form_layout l;
	struct evidence_line mapping[EVIDENCE_MAX], partner[EVIDENCE_MAX];
	int f, y, bottom = v->top + v->rows - 1, nm, np;

	if (!s->loaded || !s->fields) {
		draw_text(v->top + 1, 1, v->cols - 2, "No intro to score: s on a queue row opens one.",
			  colors_attr(THEME_NORMAL));
		return;
	}
	l = layout_of(v);
	draw_title(v);
	y = v->top + l.factors_y;
	for (f = 0; f < PQL_FACTOR_COUNT && y < bottom; f++, y += l.rubric_below ? 2 : 1)
		draw_factor(v, &l, f, y);
	y = draw_totals(v, y + 1, l.left_w);
	if (!l.tight)
		y++;
	nm = mapping_lines(v, mapping);
	np = partner_lines(v, partner);
	if (l.side) {
		int x = l.left_w + 1, top = v->top + l.factors_y - 1, w = v->cols - x - 1, end, i;

		end = draw_evidence(mapping, nm, top, x, w, bottom);
		end = draw_evidence(partner, np, end + 1, x, w, bottom);
		if (y > end)
			end = y;
		for (i = top; i < end && i < bottom; i++)
			draw_text(i, l.left_w, 1, "|", colors_attr(THEME_BORDER));
	} else if (l.pair) {
		/* the mapping lines are the longer ones */
		int split = v->cols * 3 / 5;

		draw_evidence(mapping, nm, y, 1, split - 2, bottom);
		draw_evidence(partner, np, y, split, v->cols - split - 1, bottom);
	} else {
		y = draw_evidence(mapping, nm, y, 1, v->cols - 2, bottom);
		draw_evidence(partner, np, y, 1, v->cols - 2, bottom);
	}
	draw_hint(v);
}

static void form_status(struct view *v, char *buf, size_t size)
{
	struct form_state *s = state_of(v);
	int cur;

	if (!s->loaded || !s->fields) {
		snprintf(buf, size, "no intro");
		return;
	}
	cur = form_fields_current(s->fields);
	snprintf(buf, size, "%s  %s %d/%d%s", s->data.intro.handle, policy_factor_label((enum pql_factor)cur),
		 cur + 1, PQL_FACTOR_COUNT, modified(s) ? "  modified" : "");
}

/* ---- editing -------------------------------------------------------------- */

/* Apply an editing key; a result out of 0..weight is refused and the field
 * keeps what it held. */
static void edit(struct view *v, int key)
{
	struct form_state *s = state_of(v);
	const struct desk_policy *p = policy_of(v);
	int cur = form_fields_current(s->fields), col = form_fields_cursor(s->fields);
	int fresh = form_fields_fresh(s->fields);
	char before[8], after[8], err[200];
	enum form_fields_result r;

	form_fields_text(s->fields, cur, before, sizeof(before));
	r = form_fields_key(s->fields, key);
	s->refused = -1;
	if (r == FORM_FIELDS_DENIED && key >= '0' && key <= '9') {
		s->refused = cur;
		console_error(v->console, "%s: points go from 0 to %d", policy_factor_label((enum pql_factor)cur),
			      p->weights[cur]);
		return;
	}
	if (r != FORM_FIELDS_CHANGED)
		return;
	form_fields_text(s->fields, cur, after, sizeof(after));
	if (after[0] && score_validate_factor(p, (enum pql_factor)cur, atoi(after), err, sizeof(err)) != 0) {
		form_fields_set_text(s->fields, cur, before);
		form_fields_set_cursor(s->fields, col);
		form_fields_set_fresh(s->fields, fresh);
		s->refused = cur;
		console_error(v->console, "%s (refused: 0-%d)", err, p->weights[cur]);
	}
}

/* Whether the form's own keymap (not the global one) binds key. */
static bool bound_in_form(struct console *c, int key)
{
	const struct keymap *m = keymap_scope(&c->keys, "form");
	size_t i;

	for (i = 0; m && i < m->count; i++)
		if (m->binding[i].key == key)
			return true;
	return false;
}

static void focus(struct view *v, int i)
{
	struct form_state *s = state_of(v);

	form_fields_focus(s->fields, (i + PQL_FACTOR_COUNT) % PQL_FACTOR_COUNT);
	s->refused = -1;
}

/* ---- saving and leaving --------------------------------------------------- */

/* Pop this view off the console (never the last one). */
static void close_form(struct view *v)
{
	struct request_call quit = { REQ_QUIT, NULL, false };

	if (v->console->depth > 1 && console_view(v->console) == v)
		console_request(v->console, &quit);
}

static void save(struct view *v)
{
	struct form_state *s = state_of(v);
	struct console *c = v->console;
	const struct desk_policy *p = policy_of(v);
	struct score_explanation e;
	int points[PQL_FACTOR_COUNT], i;
	char text[8], err[200], handle[STORE_HANDLE_SIZE], id[STORE_ID_SIZE];

	for (i = 0; i < PQL_FACTOR_COUNT; i++) {
		form_fields_text(s->fields, i, text, sizeof(text));
		if (!text[0]) {
			focus(v, i);
			s->refused = i;
			console_error(c, "%s: no points yet (0-%d); every factor needs its points",
				      policy_factor_label((enum pql_factor)i), p->weights[i]);
			return;
		}
		points[i] = atoi(text);
	}
	if (score_validate(p, points, err, sizeof(err)) != 0) {
		console_error(c, "%s", err);
		return;
	}
	if (store_intro_score(c->store, s->id, points, NULL) != STORE_OK) {
		console_error(c, "save: %s", store_errmsg(c->store));
		return;
	}
	for (i = 0; i < PQL_FACTOR_COUNT; i++)
		snprintf(s->initial[i], sizeof(s->initial[i]), "%d", points[i]);
	snprintf(id, sizeof(id), "%s", s->id);
	load_data(v, id);
	score_explain(p, points, s->threshold, &e);
	snprintf(handle, sizeof(handle), "%s", s->data.intro.handle);
	/* the triage flow goes on: tier, brief and route are the next view */
	if (views_find("brief")) {
		close_form(v);
		if (console_open_view(c, "brief", id) < 0)
			return;
	}
	console_message(c, "scored %s: %d, %s the bar %d", handle, e.score, e.is_pql ? "a PQL at" : "below",
			e.threshold);
}

/* Leave, asking first when points were typed and not saved. Returns true
 * when the view may go. */
static bool may_leave(struct view *v)
{
	struct form_state *s = state_of(v);
	char question[200];
	int i;

	if (!modified(s))
		return true;
	snprintf(question, sizeof(question), "discard changes to %s? (y/n)", s->data.intro.handle);
	if (!form_ask_yes(v->console, question)) {
		console_message(v->console, "kept the points: %s", "C-s saves them");
		return false;
	}
	for (i = 0; i < PQL_FACTOR_COUNT; i++)
		form_fields_set_text(s->fields, i, s->initial[i]);
	form_fields_focus(s->fields, 0);
	s->refused = -1;
	return true;
}

/* ---- keys and requests ---------------------------------------------------- */

/* The key hook: a key the field takes before the keymap sees it. Marked
 * unused for builds whose struct view_ops has no key slot yet. */
static bool form_key(struct view *v, int key) __attribute__((unused));
static bool form_key(struct view *v, int key)
{
	struct form_state *s = state_of(v);
	struct console *c = v->console;

	if (!s->loaded || !s->fields || bound_in_form(c, key))
		return false;
	if (key == KEYS_ENTER) {
		if (form_fields_current(s->fields) == PQL_FACTOR_COUNT - 1)
			save(v);
		else
			focus(v, form_fields_current(s->fields) + 1);
		return true;
	}
	if (form_fields_is_edit_key(key)) {
		edit(v, key);
		return true;
	}
	if (keys_is_text(key) && !keymap_lookup(&c->keys, "form", key)) {
		int cur = form_fields_current(s->fields);

		s->refused = cur;
		console_error(c, "%s: points are a whole number from 0 to %d",
			      policy_factor_label((enum pql_factor)cur), policy_of(v)->weights[cur]);
		return true;
	}
	return false;
}

static bool form_request(struct view *v, const struct request_call *call)
{
	struct form_state *s = state_of(v);
	struct console *c = v->console;

	if (!s->loaded || !s->fields)
		return false;
	switch (call->id) {
	case REQ_NEXT_FIELD:
	case REQ_MOVE_DOWN:
		focus(v, form_fields_current(s->fields) + 1);
		return true;
	case REQ_PREV_FIELD:
	case REQ_MOVE_UP:
		focus(v, form_fields_current(s->fields) - 1);
		return true;
	case REQ_FIRST:
		focus(v, 0);
		return true;
	case REQ_LAST:
		focus(v, PQL_FACTOR_COUNT - 1);
		return true;
	case REQ_SAVE:
		save(v);
		return true;
	case REQ_CANCEL:
		if (may_leave(v))
			close_form(v);
		return true;
	case REQ_QUIT:
	case REQ_EXIT:
		/* false: the generic code closes the view (or the console) */
		return !may_leave(v);
	case REQ_BRIEF:
	case REQ_VIEW_BRIEF:
		console_open_view(c, "brief", call->arg ? call->arg : s->id);
		return true;
	case REQ_REFRESH:
		form_data_changed(v);
		return true;
	case REQ_UNDO: {
		struct store_undo_result u;

		if (store_undo(c->store, NULL, &u) != STORE_OK) {
			console_error(c, "undo: %s", store_errmsg(c->store));
			return true;
		}
		console_message(c, "%s", u.summary);
		if (!modified(s)) {
			char id[STORE_ID_SIZE];

			snprintf(id, sizeof(id), "%s", s->id);
			if (load_data(v, id) == 0)
				reset_fields(s);
		}
		return true;
	}
	default:
		return false;
	}
}

const struct view_ops form_view_ops = {
	.name = "form",
	.title = "Form",
	.state_size = sizeof(struct form_state),
	.open = form_open,
	.draw = form_draw,
	.request = form_request,
	.data_changed = form_data_changed,
	.status = form_status,
	.done = form_done,
#ifdef VIEW_OPS_KEY_HOOK
	.key = form_key,
#endif
};
