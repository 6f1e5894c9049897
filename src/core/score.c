/* score.c - PQL score: validation, total, gate, explanation, gap analysis,
 * and the whole-policy validator. */
#include <string.h>

#include "coselldesk/score.h"
#include "core_util.h"

int score_validate_factor(const struct desk_policy *p, enum pql_factor f, int points,
			  char *err, size_t err_size)
{
	if ((unsigned)f >= PQL_FACTOR_COUNT)
		return core_fail(err, err_size, "factor %d does not exist", (int)f);
	if (points < 0)
		return core_fail(err, err_size, "%s: %d points is negative (0 to %d)",
				 policy_factor_label(f), points, p->weights[f]);
	if (points > p->weights[f])
		return core_fail(err, err_size, "%s: %d points is over its weight %d",
				 policy_factor_label(f), points, p->weights[f]);
	return 0;
}

int score_validate(const struct desk_policy *p, const int points[PQL_FACTOR_COUNT],
		   char *err, size_t err_size)
{
	for (int f = 0; f < PQL_FACTOR_COUNT; f++)
		if (score_validate_factor(p, (enum pql_factor)f, points[f], err, err_size) < 0)
			return -1;
	return 0;
}

int score_total(const int points[PQL_FACTOR_COUNT])
{
	int total = 0;

	for (int f = 0; f < PQL_FACTOR_COUNT; f++)
		total += points[f];
	return total;
}

int score_is_pql(int score, int threshold)
{
	return score >= threshold;
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The cheapest single raise: among the factors whose headroom covers the gap
 * alone, those of the largest weight (each point costs 1/weight). */
static void plan_any_one(const int headroom[], const struct desk_policy *p,
			 struct score_explanation *e)
{
	int best = -1;

	for (int f = 0; f < PQL_FACTOR_COUNT; f++)
		if (headroom[f] >= e->gap && p->weights[f] > best)
			best = p->weights[f];
	for (int f = 0; f < PQL_FACTOR_COUNT; f++)
		if (headroom[f] >= e->gap && p->weights[f] == best) {
			e->raises[e->raise_count].factor = (enum pql_factor)f;
			e->raises[e->raise_count].points = e->gap;
			e->raise_count++;
		}
	e->plan = SCORE_PLAN_ANY_ONE;
}

/* No single factor suffices: take the largest headrooms first (ties in
 * factor order), so the fewest factors close the gap. */
static void plan_all_of(int headroom[], struct score_explanation *e)
{
	int missing = e->gap;

	while (missing > 0) {
		int pick = -1;

		for (int f = 0; f < PQL_FACTOR_COUNT; f++)
			if (headroom[f] > 0 && (pick < 0 || headroom[f] > headroom[pick]))
				pick = f;
		if (pick < 0)
			break;
		int take = headroom[pick] < missing ? headroom[pick] : missing;

		e->raises[e->raise_count].factor = (enum pql_factor)pick;
		e->raises[e->raise_count].points = take;
		e->raise_count++;
		missing -= take;
		headroom[pick] = 0;
	}
	e->plan = SCORE_PLAN_ALL_OF;
}

void score_explain(const struct desk_policy *p, const int points[PQL_FACTOR_COUNT],
		   int threshold, struct score_explanation *out)
{
	int headroom[PQL_FACTOR_COUNT];
	int any_alone = 0;

	memset(out, 0, sizeof *out);
	out->score = score_total(points);
	out->threshold = threshold;
	out->is_pql = score_is_pql(out->score, threshold);
	out->gap = threshold - out->score;
	for (int f = 0; f < PQL_FACTOR_COUNT; f++) {
		struct score_factor_line *l = &out->lines[f];
		int weight = p->weights[f] > 0 ? p->weights[f] : 0;

		l->factor = (enum pql_factor)f;
		l->points = points[f];
		l->weight = p->weights[f];
		l->share_pct = out->score != 0 ? 100.0 * points[f] / out->score : 0.0;
		headroom[f] = weight - clamp(points[f], 0, weight);
		out->headroom += headroom[f];
	}
	if (out->gap <= 0) {
		out->plan = SCORE_PLAN_NONE;
		return;
	}
	if (out->headroom < out->gap) {
		out->plan = SCORE_PLAN_IMPOSSIBLE;
		return;
	}
	for (int f = 0; f < PQL_FACTOR_COUNT; f++)
		if (headroom[f] >= out->gap)
			any_alone = 1;
	if (any_alone)
		plan_any_one(headroom, p, out);
	else
		plan_all_of(headroom, out);
}

static const char *points_word(int n)
{
	return n == 1 ? "point" : "points";
}

size_t score_gap_sentence(const struct score_explanation *e, char *buf, size_t buf_size)
{
	struct core_text t = { buf, buf_size, 0 };

	if (buf && buf_size > 0)
		buf[0] = '\0';
	switch (e->plan) {
	case SCORE_PLAN_NONE:
		if (e->gap == 0)
			core_text_add(&t, "at the bar");
		else
			core_text_add(&t, "%d over the bar", -e->gap);
		break;
	case SCORE_PLAN_ANY_ONE:
		core_text_add(&t, "raise ");
		for (int i = 0; i < e->raise_count; i++)
			core_text_add(&t, "%s%s",
				      i == 0 ? "" : i == e->raise_count - 1 ? " or " : ", ",
				      policy_factor_label(e->raises[i].factor));
		core_text_add(&t, " by %d %s", e->gap, points_word(e->gap));
		break;
	case SCORE_PLAN_ALL_OF:
		core_text_add(&t, "raise ");
		for (int i = 0; i < e->raise_count; i++)
			core_text_add(&t, "%s%s by %d",
				      i == 0 ? "" : i == e->raise_count - 1 ? " and " : ", ",
				      policy_factor_label(e->raises[i].factor),
				      e->raises[i].points);
		core_text_add(&t, " %s", points_word(e->raises[e->raise_count - 1].points));
		break;
	case SCORE_PLAN_IMPOSSIBLE:
		core_text_add(&t, "cannot reach %d: at most %d",
			      e->threshold, e->score + e->headroom);
		break;
	}
	return t.len;
}

/* ---- whole-policy validation ---- */

static int check_weights(const struct desk_policy *p, char *err, size_t n)
{
	int sum = 0;

	for (int f = 0; f < PQL_FACTOR_COUNT; f++) {
		if (p->weights[f] < 0)
			return core_fail(err, n, "pql.weights.%s: %d is negative",
					 policy_factor_name((enum pql_factor)f), p->weights[f]);
		sum += p->weights[f];
	}
	if (sum != SCORE_MAX)
		return core_fail(err, n, "pql.weights: sum to %d, must be %d", sum, SCORE_MAX);
	if (p->threshold < 0 || p->threshold > SCORE_MAX)
		return core_fail(err, n, "pql.threshold: %d is outside 0-%d",
				 p->threshold, SCORE_MAX);
	return 0;
}

static int check_bands(const struct desk_policy *p, char *err, size_t n)
{
	for (int s = 0; s < CAPACITY_STATE_COUNT; s++) {
		const struct dial_band *b = &p->bands[s];
		const char *name = policy_capacity_state_name((enum capacity_state)s);

		if (b->low < 0 || b->high > SCORE_MAX)
			return core_fail(err, n, "dial.%s: %d-%d is outside 0-%d",
					 name, b->low, b->high, SCORE_MAX);
		if (b->high < b->low)
			return core_fail(err, n, "dial.%s: high %d is below low %d",
					 name, b->high, b->low);
		if (b->preset < b->low || b->preset > b->high)
			return core_fail(err, n, "dial.%s: preset %d is outside %d-%d",
					 name, b->preset, b->low, b->high);
	}
	/* Slack recommends the lowest bar, severely constrained the highest. */
	for (int s = 1; s < CAPACITY_STATE_COUNT; s++) {
		const struct dial_band *a = &p->bands[s - 1], *b = &p->bands[s];

		if (b->low <= a->high)
			return core_fail(err, n, "dial: %s (%d-%d) overlaps or is below %s (%d-%d)",
					 policy_capacity_state_name((enum capacity_state)s),
					 b->low, b->high,
					 policy_capacity_state_name((enum capacity_state)(s - 1)),
					 a->low, a->high);
	}
	return 0;
}

static int check_cutoffs(const struct desk_policy *p, char *err, size_t n)
{
	if (!(p->balanced_from > 0))
		return core_fail(err, n, "capacity.balanced_from: %.2f must be above 0",
				 p->balanced_from);
	if (!(p->constrained_from > p->balanced_from))
		return core_fail(err, n, "capacity.constrained_from: %.2f must be above balanced_from %.2f",
				 p->constrained_from, p->balanced_from);
	if (!(p->severe_from > p->constrained_from))
		return core_fail(err, n, "capacity.severe_from: %.2f must be above constrained_from %.2f",
				 p->severe_from, p->constrained_from);
	return 0;
}

static int check_tiers(const struct desk_policy *p, char *err, size_t n)
{
	if (p->tier2_from_acv < 0)
		return core_fail(err, n, "tiers.tier2_from_acv: %ld is negative",
				 p->tier2_from_acv);
	if (p->tier1_above_acv < p->tier2_from_acv)
		return core_fail(err, n, "tiers.tier2_from_acv: %ld is above tiers.tier1_above_acv %ld",
				 p->tier2_from_acv, p->tier1_above_acv);
	for (int t = 0; t < TIER_COUNT; t++) {
		const struct tier_hours *h = &p->hours[t];

		if (h->min < 0)
			return core_fail(err, n, "tiers.hours.tier%d: min %d is negative",
					 t + 1, h->min);
		if (h->max < h->min)
			return core_fail(err, n, "tiers.hours.tier%d: max %d is below min %d",
					 t + 1, h->max, h->min);
		if (h->preset < h->min || h->preset > h->max)
			return core_fail(err, n, "tiers.hours.tier%d: preset %d is outside %d-%d",
					 t + 1, h->preset, h->min, h->max);
	}
	if (!(p->thin_overlap_share >= 0 && p->thin_overlap_share < p->deep_overlap_share &&
	      p->deep_overlap_share <= 1))
		return core_fail(err, n, "tiers.thin_overlap_share %.2f and tiers.deep_overlap_share %.2f:"
				 " need 0 <= thin < deep <= 1",
				 p->thin_overlap_share, p->deep_overlap_share);
	if (!(p->tier_gaming_factor >= 1))
		return core_fail(err, n, "tiers.gaming_factor: %.2f must be at least 1",
				 p->tier_gaming_factor);
	return 0;
}

static int check_rest(const struct desk_policy *p, char *err, size_t n)
{
	int any = 0;

	if (p->sla_triage_hours <= 0)
		return core_fail(err, n, "sla.triage_hours: %d must be above 0",
				 p->sla_triage_hours);
	if (p->sla_accept_hours <= 0)
		return core_fail(err, n, "sla.accept_hours: %d must be above 0",
				 p->sla_accept_hours);
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (p->role_weights[r] < 0)
			return core_fail(err, n, "attribution.%s: %d is negative",
					 policy_role_name((enum attribution_role)r),
					 p->role_weights[r]);
		if (p->role_weights[r] > 0)
			any = 1;
	}
	if (!any)
		return core_fail(err, n, "attribution: every role weight is zero");
	if (p->calibration_band_count < 1 || p->calibration_band_count > CALIBRATION_MAX_BANDS)
		return core_fail(err, n, "calibration.bands: %d bands, need 1-%d",
				 p->calibration_band_count, CALIBRATION_MAX_BANDS);
	if (p->calibration_bands[0] != 0)
		return core_fail(err, n, "calibration.bands: the first band must start at 0, not %d",
				 p->calibration_bands[0]);
	for (int i = 1; i < p->calibration_band_count; i++)
		if (p->calibration_bands[i] <= p->calibration_bands[i - 1] ||
		    p->calibration_bands[i] > SCORE_MAX)
			return core_fail(err, n, "calibration.bands: %d after %d must ascend and stay within 0-%d",
					 p->calibration_bands[i], p->calibration_bands[i - 1],
					 SCORE_MAX);
	if (p->selling_hours_per_week <= 0 || p->selling_hours_per_week > 168)
		return core_fail(err, n, "capacity.selling_hours_per_week: %d is outside 1-168",
				 p->selling_hours_per_week);
	if (p->weeks_per_quarter <= 0 || p->weeks_per_quarter > 14)
		return core_fail(err, n, "capacity.weeks_per_quarter: %d is outside 1-14",
				 p->weeks_per_quarter);
	if (!(p->cosell_share > 0 && p->cosell_share <= 1))
		return core_fail(err, n, "capacity.cosell_share: %.2f must be above 0 and at most 1",
				 p->cosell_share);
	return 0;
}

int score_validate_policy(const struct desk_policy *p, char *err, size_t err_size)
{
	if (check_weights(p, err, err_size) < 0 || check_bands(p, err, err_size) < 0 ||
	    check_cutoffs(p, err, err_size) < 0 || check_tiers(p, err, err_size) < 0 ||
	    check_rest(p, err, err_size) < 0)
		return -1;
	return 0;
}
