/* esc_conflict.c - who leads a contested account, and the panel that shows why. */
#include "esc_conflict.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colors.h"
#include "dash_common.h"
#include "queue_format.h"
#include "draw.h"

#define LABEL_WIDTH 18   /* "mapping refreshed" and a blank */
#define PANEL_FIELDS 8   /* rows of evidence under the header */

const char *esc_rule_text(enum esc_rule r)
{
	switch (r) {
	case ESC_RULE_CHANNEL:
		return "the deeper system-verified relationship and the earlier registration "
		       "leads; the other supports";
	case ESC_RULE_TERRITORY:
		return "the account's territory owner leads";
	case ESC_RULE_DUPLICATE:
		return "the same partner twice: the earlier registration stands, the later is a "
		       "duplicate";
	default:
		return "";
	}
}

bool esc_conflict_covers(const struct esc_conflict *cf, enum escalation_kind kind)
{
	return (kind == ESC_CHANNEL_CONFLICT && cf->rule == ESC_RULE_CHANNEL) ||
	       (kind == ESC_AE_COLLISION && cf->rule == ESC_RULE_TERRITORY);
}

static void side_of_intro(struct esc_side *s, const struct store_intro_view *v)
{
	memset(s, 0, sizeof(*s));
	s->is_intro = true;
	snprintf(s->handle, sizeof(s->handle), "%s", v->intro.handle);
	snprintf(s->partner, sizeof(s->partner), "%s", v->partner.name);
	s->partner_tier = v->partner.tier;
	s->received_at = v->intro.received_at;
	s->has_overlap = v->has_overlap != 0;
	if (s->has_overlap)
		s->overlap = v->overlap;
	s->expected_acv = v->intro.expected_acv;
	snprintf(s->ae_id, sizeof(s->ae_id), "%s", v->intro.ae_id);
	snprintf(s->ae_name, sizeof(s->ae_name), "%s", v->ae_name);
	snprintf(s->pod_name, sizeof(s->pod_name), "%s", v->pod_name);
	s->state = v->intro.state;
}

/* The territory owner as the second column. */
static enum store_status side_of_owner(struct store *st, struct esc_side *s, const char *owner_id,
				       const char *owner_name)
{
	struct store_ae ae;
	struct store_pod pod;
	enum store_status rc;

	memset(s, 0, sizeof(*s));
	snprintf(s->ae_id, sizeof(s->ae_id), "%s", owner_id);
	snprintf(s->ae_name, sizeof(s->ae_name), "%s", owner_name);
	s->expected_acv = -1;
	rc = store_ae_get(st, owner_id, &ae);
	if (rc != STORE_OK)
		return rc;
	if (ae.pod_id[0] && store_pod_get(st, ae.pod_id, &pod) == STORE_OK)
		snprintf(s->pod_name, sizeof(s->pod_name), "%s", pod.name);
	return STORE_OK;
}

/* How deep a partner's verified relationship with the account is: its own
 * population in the mapping data, then the stakeholders; -1 unverified. */
static long depth_of(const struct esc_side *s)
{
	if (!s->has_overlap)
		return -1;
	return (long)s->overlap.partners * 100000L + (s->overlap.stakeholders > 0 ? s->overlap.stakeholders : 0);
}

/* -1 when equal, else the index the comparison favours. */
static int deeper_of(const struct esc_conflict *cf)
{
	long a = depth_of(&cf->side[0]), b = depth_of(&cf->side[1]);

	return a == b ? -1 : a > b ? 0 : 1;
}

static int earlier_of(const struct esc_conflict *cf)
{
	long long a = cf->side[0].received_at, b = cf->side[1].received_at;

	return a == b ? -1 : a < b ? 0 : 1;
}

static void decide_channel(struct esc_conflict *cf)
{
	int deeper = deeper_of(cf), earlier = earlier_of(cf);
	const char *h[2] = { cf->side[0].handle, cf->side[1].handle };

	if (deeper < 0 && earlier < 0) {
		cf->leader = -1;
		snprintf(cf->verdict, sizeof(cf->verdict), "equally deep and registered at the same "
			 "time: the rule does not decide; a gray zone for the desk lead");
	} else if (deeper >= 0 && earlier >= 0 && deeper != earlier) {
		cf->leader = -1;
		snprintf(cf->verdict, sizeof(cf->verdict), "%s has the deeper verified relationship, "
			 "%s registered first: a genuine gray zone for the desk lead", h[deeper], h[earlier]);
	} else if (deeper < 0) {
		cf->leader = earlier;
		snprintf(cf->verdict, sizeof(cf->verdict), "%s leads (registered first; the "
			 "relationships are equally deep); %s supports", h[earlier], h[1 - earlier]);
	} else if (earlier < 0) {
		cf->leader = deeper;
		snprintf(cf->verdict, sizeof(cf->verdict), "%s leads (deeper verified relationship; "
			 "registered at the same time); %s supports", h[deeper], h[1 - deeper]);
	} else {
		cf->leader = deeper;
		snprintf(cf->verdict, sizeof(cf->verdict), "%s leads (deeper verified relationship "
			 "and registered first); %s supports", h[deeper], h[1 - deeper]);
	}
}

static void decide_territory(struct esc_conflict *cf)
{
	int i, with_owner = -1, count = 0;

	cf->leader = -1;
	if (!cf->owner_id[0]) {
		snprintf(cf->verdict, sizeof(cf->verdict), "%s has no territory owner: the rulebook "
			 "does not decide; a genuine gray zone for the desk lead", cf->account);
		return;
	}
	if (!cf->side[1].is_intro) {
		cf->leader = 1;
		snprintf(cf->verdict, sizeof(cf->verdict), "%s, the territory owner, leads; %s "
			 "supports", cf->owner_name, cf->side[0].handle);
		return;
	}
	for (i = 0; i < 2; i++)
		if (!strcmp(cf->side[i].ae_id, cf->owner_id)) {
			with_owner = i;
			count++;
		}
	if (count == 1) {
		cf->leader = with_owner;
		snprintf(cf->verdict, sizeof(cf->verdict), "%s leads (with the territory owner, %s); "
			 "%s supports", cf->side[with_owner].handle, cf->owner_name,
			 cf->side[1 - with_owner].handle);
	} else if (count == 0) {
		snprintf(cf->verdict, sizeof(cf->verdict), "neither intro is with the territory "
			 "owner: %s leads the account", cf->owner_name);
	} else {
		snprintf(cf->verdict, sizeof(cf->verdict), "both intros are with the territory "
			 "owner, %s: no AE collision left to decide", cf->owner_name);
	}
}

static void decide_duplicate(struct esc_conflict *cf)
{
	int earlier = earlier_of(cf);

	if (earlier < 0) {
		cf->leader = -1;
		snprintf(cf->verdict, sizeof(cf->verdict), "both registered at the same time: keep "
			 "one, decline the other as a duplicate");
		return;
	}
	cf->leader = earlier;
	snprintf(cf->verdict, sizeof(cf->verdict), "%s registered first and stands; %s is its "
		 "duplicate", cf->side[earlier].handle, cf->side[1 - earlier].handle);
}

/* The conflict to set beside the intro: another partner's intro first,
 * then the same partner's, else none (territory: no other intro). */
static const struct store_conflict *pick_other(const struct store_intro_view *v,
					       const struct store_conflict **territory)
{
	const struct store_conflict *channel = NULL, *duplicate = NULL;
	size_t i, n = v->conflict_count < 16 ? v->conflict_count : 16;

	*territory = NULL;
	for (i = 0; i < n; i++) {
		const struct store_conflict *c = &v->conflicts[i];

		if (c->kind == CONFLICT_CHANNEL && !channel)
			channel = c;
		else if (c->kind == CONFLICT_DUPLICATE && !duplicate)
			duplicate = c;
		else if (c->kind == CONFLICT_TERRITORY && !*territory)
			*territory = c;
	}
	return channel ? channel : duplicate;
}

enum store_status esc_conflict_load(struct store *st, const char *intro,
				    enum escalation_kind kind, struct esc_conflict *out)
{
	struct store_intro_view *a = calloc(1, sizeof(*a)), *b = calloc(1, sizeof(*b));
	const struct store_conflict *other, *territory;
	enum store_status rc = STORE_INTERNAL;
	bool a_loaded = false, b_loaded = false;

	memset(out, 0, sizeof(*out));
	out->leader = -1;
	if (!a || !b)
		goto done;
	rc = store_intro_view(st, intro, a);
	a_loaded = true;
	if (rc != STORE_OK)
		goto done;
	out->others = (long)a->conflict_count;
	snprintf(out->account, sizeof(out->account), "%s", a->account.name);
	snprintf(out->owner_id, sizeof(out->owner_id), "%s", a->account.owner_ae_id);
	snprintf(out->owner_name, sizeof(out->owner_name), "%s", a->territory_ae_name);
	side_of_intro(&out->side[0], a);
	other = pick_other(a, &territory);
	if (other) {
		rc = store_intro_view(st, other->other_intro_id, b);
		b_loaded = true;
		if (rc != STORE_OK)
			goto done;
		side_of_intro(&out->side[1], b);
		if (kind == ESC_AE_COLLISION)
			out->rule = ESC_RULE_TERRITORY;
		else if (other->kind == CONFLICT_CHANNEL || kind == ESC_CHANNEL_CONFLICT)
			out->rule = ESC_RULE_CHANNEL;
		else
			out->rule = ESC_RULE_DUPLICATE;
	} else if (out->owner_id[0] && (territory || kind == ESC_AE_COLLISION)) {
		rc = side_of_owner(st, &out->side[1], out->owner_id, out->owner_name);
		if (rc != STORE_OK)
			goto done;
		out->rule = ESC_RULE_TERRITORY;
	}
	switch (out->rule) {
	case ESC_RULE_CHANNEL: decide_channel(out); break;
	case ESC_RULE_TERRITORY: decide_territory(out); break;
	case ESC_RULE_DUPLICATE: decide_duplicate(out); break;
	default: break;
	}
done:
	if (a_loaded)
		store_intro_view_free(a);
	if (b_loaded)
		store_intro_view_free(b);
	free(a);
	free(b);
	return rc;
}

/* ---- drawing ------------------------------------------------------------ */

static const char *population_label(enum population p)
{
	switch (p) {
	case POP_PROSPECT: return "prospect";
	case POP_OPEN_OPPORTUNITY: return "open opp";
	case POP_CUSTOMER: return "customer";
	default: return "none";
	}
}

/* The text of evidence row `row` for one side. */
static void field_text(const struct esc_conflict *cf, const struct esc_side *s, int row,
		       long long now, char *buf, size_t size)
{
	char tmp[64];

	buf[0] = '\0';
	if (!s->is_intro) {
		/* the territory owner's column: who and where */
		if (row == PANEL_FIELDS - 1)
			snprintf(buf, size, "%s (owner%s%s)", s->ae_name, s->pod_name[0] ? ", pod " : "",
				 s->pod_name);
		return;
	}
	switch (row) {
	case 0:
		/* the partner tier's glyph and name, so the tier is in words too */
		snprintf(buf, size, "%c %s (%s)", domain_partner_tier_glyph(s->partner_tier), s->partner,
			 domain_partner_tier_name(s->partner_tier));
		break;
	case 1:
		dash_format_date(s->received_at, buf, size);
		break;
	case 2:
		if (s->has_overlap)
			snprintf(buf, size, "us %s / them %s", population_label(s->overlap.ours),
				 population_label(s->overlap.partners));
		else
			snprintf(buf, size, "no mapping data (unverified)");
		break;
	case 3:
		if (s->has_overlap)
			snprintf(buf, size, "%c %s", domain_signal_glyph(s->overlap.signal),
				 domain_signal_label(s->overlap.signal));
		else
			snprintf(buf, size, "-");
		break;
	case 4:
		if (s->has_overlap && s->overlap.stakeholders >= 0)
			snprintf(buf, size, "%d", s->overlap.stakeholders);
		else
			snprintf(buf, size, s->has_overlap ? "unknown" : "-");
		break;
	case 5:
		if (s->has_overlap && s->overlap.refreshed_at > 0) {
			domain_format_age(now - s->overlap.refreshed_at, tmp, sizeof(tmp));
			snprintf(buf, size, "%s ago", tmp);
		} else {
			snprintf(buf, size, s->has_overlap ? "unknown" : "-");
		}
		break;
	case 6:
		queue_format_money(s->expected_acv, buf, size);
		break;
	case 7:
		snprintf(buf, size, "%s%s", s->ae_name[0] ? s->ae_name : "-",
			 s->ae_id[0] && !strcmp(s->ae_id, cf->owner_id) ? " (owner)" : "");
		break;
	default:
		break;
	}
}

static const char *const field_labels[PANEL_FIELDS] = {
	"partner (tier)", "received", "populations", "mapping signal", "stakeholders",
	"mapping refreshed", "claimed ACV", "AE",
};

static void header_text(const struct esc_conflict *cf, int i, char *buf, size_t size)
{
	const struct esc_side *s = &cf->side[i];
	const char *mark = cf->leader == i ? "  => leads" : cf->leader >= 0 ? "  supports" : "  ?";

	if (s->is_intro)
		snprintf(buf, size, "%s%s%s", s->handle, i == 0 ? " (this)" : "", mark);
	else
		snprintf(buf, size, "territory owner%s", mark);
}

static int wrapped_rows(const char *text, int width)
{
	char line[512];
	int n = 0;

	while (dash_wrap(&text, width, line, sizeof(line)))
		n++;
	return n;
}

static void rule_line(const struct esc_conflict *cf, char *buf, size_t size)
{
	snprintf(buf, size, "! Rule: %s.", esc_rule_text(cf->rule));
}

static void verdict_line(const struct esc_conflict *cf, char *buf, size_t size)
{
	snprintf(buf, size, "%s %s.", cf->leader >= 0 ? "=>" : "??", cf->verdict);
}

int esc_conflict_height(const struct esc_conflict *cf, int width)
{
	char rule[600], verdict[700];

	if (cf->rule == ESC_RULE_NONE)
		return 0;
	rule_line(cf, rule, sizeof(rule));
	verdict_line(cf, verdict, sizeof(verdict));
	return 1 + PANEL_FIELDS + wrapped_rows(rule, width) + wrapped_rows(verdict, width);
}

/* Wrapped text from row y; returns the next row. */
static int draw_wrapped(const char *text, int y, int x, int width, int bottom, attr_t attr)
{
	char line[512];

	while (y < bottom && dash_wrap(&text, width, line, sizeof(line)))
		draw_text(y++, x, width, line, attr);
	return y;
}

int esc_conflict_draw(const struct esc_conflict *cf, long long now, int y, int x, int width,
		      int max_rows)
{
	int bottom = y + max_rows, top = y, col = (width - LABEL_WIDTH - 1) / 2, i, r;
	char buf[600];

	if (cf->rule == ESC_RULE_NONE || max_rows <= 0 || col < 4)
		return 0;
	for (i = 0; i < 2; i++) {
		header_text(cf, i, buf, sizeof(buf));
		draw_text(y, x + LABEL_WIDTH + i * (col + 1), col, buf, colors_attr(THEME_TITLE));
	}
	draw_text(y, x, LABEL_WIDTH - 1, "contested", colors_attr(THEME_CONFLICT));
	y++;
	for (r = 0; r < PANEL_FIELDS && y < bottom; r++, y++) {
		draw_text(y, x, LABEL_WIDTH - 1, field_labels[r], colors_attr(THEME_DETAIL_LABEL));
		for (i = 0; i < 2; i++) {
			field_text(cf, &cf->side[i], r, now, buf, sizeof(buf));
			draw_text(y, x + LABEL_WIDTH + i * (col + 1), col, buf, colors_attr(THEME_NORMAL));
		}
	}
	rule_line(cf, buf, sizeof(buf));
	y = draw_wrapped(buf, y, x, width, bottom, colors_attr(THEME_CONFLICT));
	verdict_line(cf, buf, sizeof(buf));
	y = draw_wrapped(buf, y, x, width, bottom, colors_attr(THEME_TITLE));
	return y - top;
}
