/* brief_view.c - the tier and brief editor of one intro.
 *
 * Top: the intro, its score against the bar, the tier the rule suggests
 * with its reasons and the tier-gaming check (store_intro_tier_suggest),
 * and the AE the intro would be routed to and why
 * (store_intro_route_suggest). Below: the AE-hour budget and the sections
 * of the async brief (core brief.h), one row each, the selected one shown
 * in full under the list.
 *
 * Every edit is saved as it is made: accepting or overriding the tier and
 * the budget through store_intro_tier_set, a section through the line
 * editor or the whole brief through $VISUAL/$EDITOR as a new brief
 * version (unchanged text makes none). Text an edit could not save is
 * never dropped: the view keeps it (C-s retries) or the temp file stays.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coselldesk/brief.h"
#include "coselldesk/domain.h"
#include "coselldesk/policy.h"
#include "coselldesk/score.h"
#include "coselldesk/store.h"
#include "coselldesk/tier.h"
#include "brief_file.h"
#include "brief_line.h"
#include "colors.h"
#include "console.h"
#include "draw.h"
#include "external_editor.h"
#include "form_ask.h"
#include "keys.h"
#include "prompt.h"
#include "views.h"

#define ROW_BUDGET 0                          /* first row of the list */
#define LIST_ROWS (1 + BRIEF_SECTION_COUNT)   /* the budget, then the sections */
#define LABEL_X 1
#define VALUE_X 9
#define TITLE_W 32                            /* section titles in the list */
#define MAX_REASON_ROWS 3

struct brief_state {
	char id[STORE_ID_SIZE];            /* the intro */
	bool loaded;                       /* data, brief and the suggestions are read */
	struct store_intro_view data;      /* the intro, partner, account, AE */
	struct brief brief;                /* the brief as the view holds it */
	int version;                       /* its stored version (0 none) */
	bool unsaved;                      /* brief holds an edit the store refused */
	bool has_tier;                     /* tier holds the rule's suggestion */
	struct tier_result tier;
	struct tier_gaming gaming;
	char tier_error[STORE_MSG_SIZE];   /* why there is no suggestion */
	bool has_route;                    /* route_ae holds the suggested AE */
	char route_ae_id[STORE_ID_SIZE];
	char route_ae[STORE_NAME_SIZE];
	char route_why[STORE_TEXT_SIZE];   /* or why there is none */
	int cursor;                        /* selected list row */
	int scroll;                        /* first list row shown */
	int list_rows;                     /* list rows that fit, from the last draw */
};

static struct brief_state *state_of(struct view *v)
{
	return v->state;
}

static struct store *store_of(struct view *v)
{
	return v->console->store;
}

/* ---- loading ------------------------------------------------------------- */

static void forget(struct brief_state *s)
{
	if (s->loaded) {
		store_intro_view_free(&s->data);
		brief_free(&s->brief);
	}
	s->loaded = false;
}

static void load_suggestions(struct view *v)
{
	struct brief_state *s = state_of(v);
	struct store *st = store_of(v);
	struct store_ae ae;

	s->has_tier = store_intro_tier_suggest(st, s->id, &s->tier, &s->gaming) == STORE_OK;
	if (!s->has_tier)
		snprintf(s->tier_error, sizeof(s->tier_error), "%s", store_errmsg(st));
	s->has_route = store_intro_route_suggest(st, s->id, s->route_ae_id, s->route_why,
						 sizeof(s->route_why)) == STORE_OK;
	if (!s->has_route) {
		snprintf(s->route_why, sizeof(s->route_why), "%s", store_errmsg(st));
		return;
	}
	if (store_ae_get(st, s->route_ae_id, &ae) == STORE_OK)
		snprintf(s->route_ae, sizeof(s->route_ae), "%s", ae.name);
	else
		store_handle_of(STORE_KIND_AE, s->route_ae_id, s->route_ae);
}

/* Read everything about the intro id; keeps an unsaved brief. */
static int load(struct view *v, const char *id)
{
	struct brief_state *s = state_of(v);
	struct store *st = store_of(v);
	struct brief kept;
	bool keep = s->loaded && s->unsaved && !strcmp(id, s->id);

	brief_init(&kept);
	if (keep) {
		kept = s->brief;        /* take it over: forget() must not free it */
		brief_init(&s->brief);
	}
	forget(s);
	if (store_intro_view(st, id, &s->data) != STORE_OK) {
		console_error(v->console, "brief: %s", store_errmsg(st));
		store_intro_view_free(&s->data);
		brief_free(&kept);
		return -1;
	}
	snprintf(s->id, sizeof(s->id), "%s", s->data.intro.id);
	brief_init(&s->brief);
	if (store_brief_get(st, s->id, &s->brief, &s->version) != STORE_OK) {
		console_error(v->console, "brief: %s", store_errmsg(st));
		store_intro_view_free(&s->data);
		brief_free(&s->brief);
		brief_free(&kept);
		return -1;
	}
	if (keep) {
		int i;

		for (i = 0; i < BRIEF_SECTION_COUNT; i++)
			brief_set_section(&s->brief, (enum brief_section)i, kept.sections[i]);
		brief_free(&kept);
	}
	s->loaded = true;
	load_suggestions(v);
	return 0;
}

static void reload(struct view *v)
{
	struct brief_state *s = state_of(v);
	char id[STORE_ID_SIZE];

	if (!s->loaded)
		return;
	snprintf(id, sizeof(id), "%s", s->id);
	load(v, id);
}

static int brief_open(struct view *v, const char *arg)
{
	struct brief_state *s = state_of(v);
	struct console *c = v->console;
	char id[STORE_ID_SIZE];

	if (!c->store) {
		console_error(c, "brief: no desk is open");
		return -1;
	}
	if (!arg || !*arg) {
		if (s->loaded) {
			reload(v);
			return 0;
		}
		console_error(c, "brief: which intro? b on a queue row, or :view brief IN-XXXXXX");
		return -1;
	}
	if (store_resolve(c->store, STORE_KIND_INTRO, arg, id) != STORE_OK) {
		console_error(c, "brief: %s", store_errmsg(c->store));
		return -1;
	}
	if (s->loaded && s->unsaved && strcmp(id, s->id) != 0) {
		char question[200];

		snprintf(question, sizeof(question), "the brief of %s has an unsaved edit: drop it? (y/n)",
			 s->data.intro.handle);
		if (!form_ask_yes(c, question)) {
			console_error(c, "kept the unsaved brief of %s (C-s saves it)", s->data.intro.handle);
			return -1;
		}
		s->unsaved = false;
	}
	if (!s->loaded || strcmp(id, s->id) != 0) {
		s->cursor = 0;
		s->scroll = 0;
	}
	return load(v, id);
}

static void brief_done(struct view *v)
{
	forget(state_of(v));
}

static void brief_data_changed(struct view *v)
{
	reload(v);
}

/* ---- drawing ------------------------------------------------------------- */

static enum theme_element tier_element(int tier)
{
	return tier == 1 ? THEME_TIER1 : tier == 2 ? THEME_TIER2 : THEME_TIER3;
}

/* "label  value" on row y; returns the next row. */
static int line(struct view *v, int y, const char *label, const char *value, enum theme_element e)
{
	draw_text(y, LABEL_X, VALUE_X - LABEL_X - 1, label, colors_attr(THEME_DETAIL_LABEL));
	draw_text(y, VALUE_X, v->cols - VALUE_X - 1, value, colors_attr(e));
	return y + 1;
}

static int draw_header(struct view *v, int y, int reason_rows)
{
	struct brief_state *s = state_of(v);
	const struct store_intro *in = &s->data.intro;
	char buf[STORE_REASON_SIZE + 400];
	int i;

	snprintf(buf, sizeof(buf), "Brief %s  %s  from %s %c", in->handle, s->data.account.name,
		 s->data.partner.name, domain_partner_tier_glyph(s->data.partner.tier));
	draw_fill(y, 0, v->cols, colors_attr(THEME_TITLE));
	draw_text(y++, 1, v->cols - 2, buf, colors_attr(THEME_TITLE));
	if (in->scored)
		snprintf(buf, sizeof(buf), "%d / bar %d  %s    %c %s    AE %s", in->score, s->data.threshold,
			 in->score >= s->data.threshold ? "+ PQL" : "- below the bar",
			 domain_state_glyph(in->state), domain_state_label(in->state),
			 s->data.ae_name[0] ? s->data.ae_name : "none yet");
	else
		snprintf(buf, sizeof(buf), "not scored (bar %d)    %c %s", s->data.threshold,
			 domain_state_glyph(in->state), domain_state_label(in->state));
	y = line(v, y, "score", buf, in->scored && in->score >= s->data.threshold ? THEME_SCORE_ABOVE : THEME_NORMAL);

	/* the tier: as set, else the rule's suggestion */
	if (in->tier > 0 && in->tier_overridden)
		snprintf(buf, sizeof(buf), "T%d override: %s", in->tier, in->tier_reason);
	else if (in->tier > 0)
		snprintf(buf, sizeof(buf), "T%d, the rule's%s", in->tier,
			 s->has_tier && s->tier.tier != in->tier ? " when set (the rule now says otherwise)" : "");
	else if (s->has_tier)
		snprintf(buf, sizeof(buf), "T%d suggested, not set yet: a accepts, T overrides", s->tier.tier);
	else
		snprintf(buf, sizeof(buf), "%s", s->tier_error);
	y = line(v, y, "tier", buf, in->tier > 0 ? tier_element(in->tier) : s->has_tier ? tier_element(s->tier.tier)
									: THEME_NORMAL);
	if (s->has_tier) {
		if (in->tier > 0 && s->tier.tier != in->tier && reason_rows > 0) {
			snprintf(buf, sizeof(buf), "the rule says T%d", s->tier.tier);
			y = line(v, y, "", buf, THEME_DIM);
			reason_rows--;
		}
		for (i = 0; i < s->tier.reason_count && i < reason_rows; i++) {
			snprintf(buf, sizeof(buf), "- %s", s->tier.reasons[i]);
			y = line(v, y, "", buf, THEME_DIM);
		}
		/* tier gaming: the claim against the partner's own history */
		snprintf(buf, sizeof(buf), "%s%s", s->gaming.flagged ? "! " : "", s->gaming.reason);
		y = line(v, y, "gaming", buf, s->gaming.flagged ? THEME_FLAG : THEME_DIM);
	}
	if (in->state == STATE_ROUTED || in->state == STATE_ACCEPTED)
		snprintf(buf, sizeof(buf), "%s to %s", domain_state_label(in->state), s->data.ae_name);
	else if (s->has_route)
		snprintf(buf, sizeof(buf), "%s: %s   r routes", s->route_ae, s->route_why);
	else
		snprintf(buf, sizeof(buf), "no AE to suggest: %s", s->route_why);
	y = line(v, y, "route", buf, s->has_route ? THEME_NORMAL : THEME_DIM);
	return y;
}

/* The first line of a section, for its row in the list. */
static void first_line(const char *text, char *out, size_t size)
{
	size_t n;

	if (!text || !*text) {
		snprintf(out, size, "(empty)");
		return;
	}
	n = strcspn(text, "\n");
	snprintf(out, size, "%.*s%s", (int)(n < size ? n : size - 1), text, text[n] ? " ..." : "");
}

static void row_text(struct view *v, int row, char *title, size_t tsize, char *value, size_t vsize)
{
	struct brief_state *s = state_of(v);
	const struct store_intro *in = &s->data.intro;
	const struct desk_policy *p = store_policy(store_of(v));

	if (row == ROW_BUDGET) {
		snprintf(title, tsize, "AE-hour budget");
		if (in->tier > 0 && in->ae_hours >= 0)
			snprintf(value, vsize, "%d h (tier %d: %d-%d h)", in->ae_hours, in->tier,
				 p->hours[in->tier - 1].min, p->hours[in->tier - 1].max);
		else if (s->has_tier)
			snprintf(value, vsize, "%d h once the tier is set (tier %d: %d-%d h)", s->tier.ae_hours,
				 s->tier.tier, p->hours[s->tier.tier - 1].min, p->hours[s->tier.tier - 1].max);
		else
			snprintf(value, vsize, "none until the intro is scored and tiered");
		return;
	}
	snprintf(title, tsize, "%s", brief_section_title((enum brief_section)(row - 1)));
	first_line(s->brief.sections[row - 1], value, vsize);
}

/* The selected section in full, wrapped, from row y to bottom. */
static void draw_preview(struct view *v, int y, int bottom)
{
	struct brief_state *s = state_of(v);
	const char *text;
	int width = v->cols - 4;

	if (s->cursor == ROW_BUDGET || y >= bottom)
		return;
	text = s->brief.sections[s->cursor - 1];
	if (!text || !*text) {
		draw_text(y, 2, width, "(empty: Enter writes it, e edits the whole brief in $EDITOR)",
			  colors_attr(THEME_DIM));
		return;
	}
	while (*text && y < bottom) {
		char chunk[1024];
		size_t n = strcspn(text, "\n"), cut = n;

		/* break long lines at a blank that fits (bytes: close enough
		 * for a preview; draw_text cuts by cells) */
		if ((int)n > width && width > 0) {
			for (cut = (size_t)width; cut > 0 && text[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = (size_t)width;
		}
		snprintf(chunk, sizeof(chunk), "%.*s", (int)(cut < sizeof(chunk) ? cut : sizeof(chunk) - 1), text);
		draw_text(y++, 2, width, chunk, colors_attr(THEME_NORMAL));
		text += cut;
		while (*text == ' ' && cut < n)
			text++;
		if (*text == '\n')
			text++;
	}
}

static void draw_hint(struct view *v)
{
	struct console *c = v->console;
	char accept[32], override[32], edit[32], ext[32], exp[32], route[32], back[32], buf[400];

	snprintf(buf, sizeof(buf), "%s accept tier  %s override  %s edit row  %s $EDITOR  %s export  %s route  %s back",
		 console_key_hint(c, REQ_ACCEPT, ":accept", accept, sizeof(accept)),
		 console_key_hint(c, REQ_OVERRIDE_TIER, ":override-tier", override, sizeof(override)),
		 console_key_hint(c, REQ_OPEN, ":open", edit, sizeof(edit)),
		 console_key_hint(c, REQ_EDIT_EXTERNAL, ":edit-external", ext, sizeof(ext)),
		 console_key_hint(c, REQ_EXPORT_MARKDOWN, ":export-markdown", exp, sizeof(exp)),
		 console_key_hint(c, REQ_ROUTE, ":route", route, sizeof(route)),
		 console_key_hint(c, REQ_QUIT, ":quit", back, sizeof(back)));
	draw_text(v->top + v->rows - 1, 1, v->cols - 2, buf, colors_attr(THEME_DIM));
}

static void brief_draw(struct view *v)
{
	struct brief_state *s = state_of(v);
	int bottom = v->top + v->rows - 1, fixed, extra, reasons, y, i;
	char title[128], value[600], head[200];

	if (!s->loaded) {
		draw_text(v->top + 1, 1, v->cols - 2, "No intro: b on a queue row opens its brief.",
			  colors_attr(THEME_NORMAL));
		return;
	}
	/* title, score, tier, gaming, route, blank, list heading, list, hint */
	fixed = 7 + LIST_ROWS + 1;
	extra = v->rows - fixed;
	reasons = s->has_tier ? s->tier.reason_count + (s->data.intro.tier > 0 && s->tier.tier != s->data.intro.tier) : 0;
	if (reasons > MAX_REASON_ROWS)
		reasons = MAX_REASON_ROWS;
	if (reasons > extra)
		reasons = extra > 0 ? extra : 0;
	y = draw_header(v, v->top, reasons);
	y++;
	snprintf(head, sizeof(head), "Brief, %s%s", s->version ? "version " : "no version saved yet",
		 s->unsaved ? "  (unsaved edit: C-s saves)" : "");
	if (s->version)
		snprintf(head + strlen(head), sizeof(head) - strlen(head), "%d", s->version);
	if (y < bottom)
		draw_text(y++, LABEL_X, v->cols - 2, head, colors_attr(s->unsaved ? THEME_FORM_ERROR : THEME_HEADER));
	s->list_rows = bottom - y < LIST_ROWS ? bottom - y : LIST_ROWS;
	if (s->list_rows < 1)
		s->list_rows = 1;
	if (s->cursor < s->scroll)
		s->scroll = s->cursor;
	if (s->cursor >= s->scroll + s->list_rows)
		s->scroll = s->cursor - s->list_rows + 1;
	for (i = s->scroll; i < LIST_ROWS && y < bottom; i++, y++) {
		bool selected = i == s->cursor;
		attr_t base = colors_attr(selected ? THEME_CURSOR_ROW : THEME_NORMAL);

		row_text(v, i, title, sizeof(title), value, sizeof(value));
		draw_fill(y, 0, v->cols, selected ? base : colors_attr(THEME_NORMAL));
		draw_text(y, 1, 1, selected ? ">" : " ", base);
		draw_text(y, 3, TITLE_W - 1, title, selected ? base : colors_attr(THEME_FORM_LABEL));
		draw_text(y, 3 + TITLE_W, v->cols - TITLE_W - 4, value,
			  selected ? base : colors_attr(strcmp(value, "(empty)") ? THEME_NORMAL : THEME_DIM));
	}
	draw_preview(v, y + 1, bottom);
	draw_hint(v);
}

static void brief_status(struct view *v, char *buf, size_t size)
{
	struct brief_state *s = state_of(v);

	if (!s->loaded) {
		snprintf(buf, size, "no intro");
		return;
	}
	snprintf(buf, size, "%s  %s%s", s->data.intro.handle,
		 s->version ? "brief saved" : "no brief yet", s->unsaved ? "  unsaved" : "");
}

/* ---- actions -------------------------------------------------------------- */

static bool ask(struct view *v, const char *label, const char *initial, prompt_complete_fn complete,
		char *out, size_t size)
{
	struct prompt_spec spec = { label, 0, initial, complete, NULL, v };

	return prompt_read(v->console, &spec, out, size) == 1;
}

static bool report(struct view *v, enum store_status rc, const char *what)
{
	if (rc == STORE_OK)
		return true;
	console_error(v->console, "%s: %s", what, store_errmsg(store_of(v)));
	return false;
}

static void accept_tier(struct view *v)
{
	struct brief_state *s = state_of(v);
	const struct store_intro *in = &s->data.intro;
	int hours = -1;

	if (!s->has_tier) {
		console_error(v->console, "accept: %s", s->tier_error);
		return;
	}
	/* accepting again keeps a budget already set for the same tier */
	if (in->tier == s->tier.tier && in->ae_hours >= 0)
		hours = in->ae_hours;
	if (!report(v, store_intro_tier_set(store_of(v), s->id, 0, NULL, hours), "accept"))
		return;
	reload(v);
	console_message(v->console, "tier %d accepted for %s: %d AE hour%s", s->data.intro.tier,
			s->data.intro.handle, s->data.intro.ae_hours, s->data.intro.ae_hours == 1 ? "" : "s");
}

/* "N reason..." from :override-tier, or asked for. */
static void override_tier(struct view *v, const char *arg)
{
	struct brief_state *s = state_of(v);
	char text[PROMPT_MAX], reason[PROMPT_MAX], label[120], err[200];
	int tier;

	if (!s->has_tier) {
		console_error(v->console, "override-tier: %s", s->tier_error);
		return;
	}
	reason[0] = '\0';
	if (arg && *arg) {
		char *end;

		tier = (int)strtol(arg, &end, 10);
		while (*end == ' ')
			end++;
		snprintf(reason, sizeof(reason), "%s", end);
	} else {
		snprintf(label, sizeof(label), "tier for %s (1-3; the rule says %d): ", s->data.intro.handle,
			 s->tier.tier);
		if (!ask(v, label, NULL, NULL, text, sizeof(text)) || !text[0])
			return;
		tier = atoi(text);
	}
	if (tier < 1 || tier > TIER_COUNT) {
		console_error(v->console, "override-tier: tier %d does not exist (1-3)", tier);
		return;
	}
	if (tier != s->tier.tier && !reason[0]) {
		snprintf(label, sizeof(label), "why tier %d, not %d? ", tier, s->tier.tier);
		if (!ask(v, label, NULL, NULL, reason, sizeof(reason)))
			return;
	}
	if (tier != s->tier.tier && tier_check_override(tier, reason, err, sizeof(err)) != 0) {
		console_error(v->console, "override-tier: %s; the tier stays", err);
		return;
	}
	if (!report(v, store_intro_tier_set(store_of(v), s->id, tier, reason[0] ? reason : NULL, -1),
		    "override-tier"))
		return;
	reload(v);
	console_message(v->console, "%s is tier %d%s: %d AE hours", s->data.intro.handle, tier,
			tier != s->tier.tier ? " (override, reason kept in the history)" : "",
			s->data.intro.ae_hours);
}

static void edit_budget(struct view *v, const char *arg)
{
	struct brief_state *s = state_of(v);
	const struct store_intro *in = &s->data.intro;
	const struct desk_policy *p = store_policy(store_of(v));
	char text[64], initial[16], label[120], err[200], *end;
	long hours;

	if (in->tier < 1) {
		console_error(v->console, "budget: the budget follows the tier: accept (a) or override (T) it first");
		return;
	}
	if (arg && *arg) {
		snprintf(text, sizeof(text), "%s", arg);
	} else {
		snprintf(initial, sizeof(initial), "%d", in->ae_hours);
		snprintf(label, sizeof(label), "AE hours for %s, tier %d (%d-%d): ", in->handle, in->tier,
			 p->hours[in->tier - 1].min, p->hours[in->tier - 1].max);
		if (!ask(v, label, initial, NULL, text, sizeof(text)) || !text[0])
			return;
	}
	hours = strtol(text, &end, 10);
	while (*end == ' ')
		end++;
	if (*end || end == text) {
		console_error(v->console, "budget: '%s' is not a whole number of hours", text);
		return;
	}
	if (tier_check_hours(p, in->tier, (int)hours, err, sizeof(err)) != 0) {
		console_error(v->console, "budget: %s; the budget stays %d h", err, in->ae_hours);
		return;
	}
	/* the same tier again: an override keeps its written reason */
	if (!report(v, store_intro_tier_set(store_of(v), s->id, in->tier,
					    in->tier_overridden ? in->tier_reason : NULL, (int)hours), "budget"))
		return;
	reload(v);
	console_message(v->console, "%s: %d AE hours budgeted", s->data.intro.handle, s->data.intro.ae_hours);
}

/* Completion of AE names for the route prompt. */
static void complete_ae(struct console *c, void *ctx, const char *before, prompt_add_fn add, void *list)
{
	struct store_ae *aes = NULL;
	size_t n = 0, i;

	(void)ctx;
	(void)before;
	if (!c->store || store_ae_list(c->store, NULL, &aes, &n) != STORE_OK)
		return;
	for (i = 0; i < n; i++)
		if (aes[i].active)
			add(list, aes[i].name);
	free(aes);
}

static void route_to(struct view *v, const char *ae, const char *why)
{
	struct brief_state *s = state_of(v);
	char name[STORE_NAME_SIZE];
	size_t len;

	snprintf(name, sizeof(name), "%s", ae);
	len = strlen(name);
	while (len > 0 && name[len - 1] == ' ')
		name[--len] = '\0';
	if (!report(v, store_intro_route(store_of(v), s->id, name, why), "route"))
		return;
	reload(v);
	console_message(v->console, "routed %s to %s", s->data.intro.handle, s->data.ae_name);
}

static void route(struct view *v, const char *arg)
{
	struct brief_state *s = state_of(v);
	char question[1000], text[PROMPT_MAX], initial[8] = "";
	int key;

	if (arg && *arg) {
		route_to(v, arg, NULL);
		return;
	}
	if (s->data.intro.tier == 3) {
		/* tier 3 spends no AE hours: the partner leads */
		snprintf(question, sizeof(question), "tier 3 is partner-led, no AE: mark %s partner-led? (y/n)",
			 s->data.intro.handle);
		if (form_ask_yes(v->console, question) &&
		    report(v, store_intro_partner_led(store_of(v), s->id, NULL), "route")) {
			reload(v);
			console_message(v->console, "%s is partner-led", s->data.intro.handle);
		}
		return;
	}
	if (s->has_route) {
		snprintf(question, sizeof(question), "route %s to %s? y yes, n no, <Tab> another AE (%s)",
			 s->data.intro.handle, s->route_ae, s->route_why);
		for (;;) {
			key = form_ask_key(v->console, question);
			if (key == 'y' || key == 'Y' || key == KEYS_ENTER) {
				route_to(v, s->route_ae_id, s->route_why);
				return;
			}
			if (key < 0 || key == 'n' || key == 'N' || key == KEYS_ESC || key == KEYS_CTRL('g')) {
				console_message(v->console, "not routed");
				return;
			}
			if (key == KEYS_TAB || keys_is_text(key))
				break;
		}
		if (keys_is_text(key) && key < 128)
			snprintf(initial, sizeof(initial), "%c", key);
	}
	if (ask(v, "route to AE: ", initial, complete_ae, text, sizeof(text)) && text[0])
		route_to(v, text, "chosen by the desk");
}

/* Save the brief the view holds as a new version. */
static bool save_brief(struct view *v, const struct brief *b)
{
	struct brief_state *s = state_of(v);
	int before = s->version, version = 0;

	if (store_brief_save(store_of(v), s->id, b, &version) != STORE_OK)
		return false;
	s->unsaved = false;
	reload(v);
	if (version == before)
		console_message(v->console, "the brief is unchanged: no new version (still %d)", version);
	else
		console_message(v->console, "saved brief version %d of %s", version, s->data.intro.handle);
	return true;
}

static void edit_section(struct view *v, int section)
{
	struct brief_state *s = state_of(v);
	char line_text[PROMPT_MAX * 4], out[PROMPT_MAX * 4], label[120];
	const char *title = brief_section_title((enum brief_section)section);

	if (brief_line_escape(s->brief.sections[section], line_text, PROMPT_MAX) < 0) {
		console_error(v->console, "%s is too long for the line editor: e edits it in $EDITOR", title);
		return;
	}
	snprintf(label, sizeof(label), "%s (\\n new line): ", title);
	if (!ask(v, label, line_text, NULL, out, sizeof(out)))
		return;
	brief_line_unescape(out, line_text, sizeof(line_text));
	if (brief_set_section(&s->brief, (enum brief_section)section, line_text) != 0) {
		console_error(v->console, "%s: out of memory", title);
		return;
	}
	if (!save_brief(v, &s->brief)) {
		/* keep the text: the view holds it until a save succeeds */
		s->unsaved = true;
		console_error(v->console, "not saved: %s (the text is kept; C-s tries again)",
			      store_errmsg(store_of(v)));
	}
}

static void edit_external(struct view *v)
{
	struct brief_state *s = state_of(v);
	struct console *c = v->console;
	char path[4096], err[600], perr[300], question[600];
	char *text = NULL, *edited = NULL;
	size_t len = 0;
	struct brief copy;
	int i;

	if (brief_render(&s->brief, &text, &len) != 0) {
		console_error(c, "edit-external: out of memory");
		return;
	}
	if (brief_file_temp(text, len, path, sizeof(path), err, sizeof(err)) < 0) {
		free(text);
		console_error(c, "edit-external: %s", err);
		return;
	}
	free(text);
	for (;;) {
		int rc = external_editor_run(path, err, sizeof(err));

		c->dirty = true;
		if (rc < 0) {
			console_error(c, "%s: nothing saved; the text is in %s", err, path);
			return;
		}
		if (brief_file_read(path, &edited, &len, err, sizeof(err)) < 0) {
			console_error(c, "edit-external: %s", err);
			return;
		}
		brief_init(&copy);
		for (i = 0; i < BRIEF_SECTION_COUNT; i++)
			brief_set_section(&copy, (enum brief_section)i, s->brief.sections[i]);
		rc = brief_parse(edited, len, &copy, perr, sizeof(perr));
		free(edited);
		if (rc == 0)
			break;
		brief_free(&copy);
		/* never lose the text: edit again, or leave it in the file */
		snprintf(question, sizeof(question), "the brief does not read back: %s; e edits again, n stops (the text is kept)",
			 perr);
		for (;;) {
			int key = form_ask_key(c, question);

			if (key == 'e' || key == 'E' || key == KEYS_ENTER || key == 'y')
				break;
			if (key < 0 || key == 'n' || key == 'N' || key == KEYS_ESC || key == KEYS_CTRL('g')) {
				console_error(c, "brief not saved (%s); the text is in %s", perr, path);
				return;
			}
		}
	}
	if (!save_brief(v, &copy)) {
		console_error(c, "not saved: %s; the text is in %s", store_errmsg(store_of(v)), path);
		brief_free(&copy);
		return;
	}
	brief_free(&copy);
	unlink(path);
}

static void export_markdown(struct view *v, const char *arg)
{
	struct brief_state *s = state_of(v);
	struct console *c = v->console;
	char path[PROMPT_MAX], initial[128], err[600], question[PROMPT_MAX + 64];
	char *text = NULL;
	size_t len = 0;

	snprintf(initial, sizeof(initial), "./BRIEF-%s.md", s->data.intro.handle);
	if (arg && *arg)
		snprintf(path, sizeof(path), "%s", arg);
	else if (!ask(v, "export the brief to: ", initial, NULL, path, sizeof(path)) || !path[0])
		return;
	if (access(path, F_OK) == 0) {
		snprintf(question, sizeof(question), "%s exists: replace it? (y/n)", path);
		if (!form_ask_yes(c, question)) {
			console_message(c, "not exported");
			return;
		}
	}
	if (brief_render(&s->brief, &text, &len) != 0) {
		console_error(c, "export-markdown: out of memory");
		return;
	}
	if (brief_file_write(path, text, len, err, sizeof(err)) < 0)
		console_error(c, "export-markdown: %s", err);
	else
		console_message(c, "exported the brief of %s to %s", s->data.intro.handle, path);
	free(text);
}

static void select_row(struct brief_state *s, int to)
{
	if (to < 0)
		to = 0;
	if (to >= LIST_ROWS)
		to = LIST_ROWS - 1;
	s->cursor = to;
}

static bool brief_request(struct view *v, const struct request_call *call)
{
	struct brief_state *s = state_of(v);
	struct console *c = v->console;
	int page = s->list_rows > 1 ? s->list_rows - 1 : 1;

	if (!s->loaded)
		return false;
	switch (call->id) {
	case REQ_MOVE_DOWN: select_row(s, s->cursor + 1); return true;
	case REQ_MOVE_UP: select_row(s, s->cursor - 1); return true;
	case REQ_PAGE_DOWN: case REQ_HALF_PAGE_DOWN: select_row(s, s->cursor + page); return true;
	case REQ_PAGE_UP: case REQ_HALF_PAGE_UP: select_row(s, s->cursor - page); return true;
	case REQ_FIRST: select_row(s, 0); return true;
	case REQ_LAST: select_row(s, LIST_ROWS - 1); return true;
	case REQ_ACCEPT:
		accept_tier(v);
		return true;
	case REQ_OVERRIDE_TIER:
		override_tier(v, call->arg);
		return true;
	case REQ_OPEN:
		if (s->cursor == ROW_BUDGET)
			edit_budget(v, call->arg);
		else
			edit_section(v, s->cursor - 1);
		return true;
	case REQ_ROUTE:
		route(v, call->arg);
		return true;
	case REQ_EDIT_EXTERNAL:
		edit_external(v);
		return true;
	case REQ_EXPORT_MARKDOWN:
		export_markdown(v, call->arg);
		return true;
	case REQ_SAVE:
		if (!s->unsaved)
			console_message(c, "nothing to save: every edit is saved as it is made (version %d)", s->version);
		else if (!save_brief(v, &s->brief))
			console_error(c, "not saved: %s (the text is kept)", store_errmsg(store_of(v)));
		return true;
	case REQ_CANCEL: {
		/* back where the brief was opened from; never out of the console */
		struct request_call quit = { REQ_QUIT, NULL, false };

		if (c->depth > 1)
			console_request(c, &quit);
		return true;
	}
	case REQ_QUIT:
	case REQ_EXIT:
		if (s->unsaved && !form_ask_yes(c, "the brief has an edit that is not saved: leave anyway? (y/n)"))
			return true;
		return false;
	case REQ_SCORE:
	case REQ_VIEW_FORM:
		console_open_view(c, "form", call->arg ? call->arg : s->id);
		return true;
	case REQ_REFRESH:
		reload(v);
		return true;
	case REQ_UNDO: {
		struct store_undo_result u;

		if (report(v, store_undo(c->store, NULL, &u), "undo"))
			console_message(c, "%s", u.summary);
		reload(v);
		return true;
	}
	default:
		return false;
	}
}

const struct view_ops brief_view_ops = {
	.name = "brief",
	.title = "Brief",
	.state_size = sizeof(struct brief_state),
	.open = brief_open,
	.draw = brief_draw,
	.request = brief_request,
	.data_changed = brief_data_changed,
	.status = brief_status,
	.done = brief_done,
};
