/* settings_validate.c - checks that involve more than one policy setting.
 *
 * Each value was range-checked as it was read; here the settings are judged
 * together (weights add up to 100, dial bands rise without overlapping...).
 * A user's file sits on top of the default, so a problem is reported at the
 * setting in the topmost file that writes it: that is where it is fixed.
 * The core's score_validate_policy() runs last, so the two can never accept
 * different policies.
 */
#include "conf_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "coselldesk/score.h"

struct check {
	const struct desk_settings *s;
	const struct settings_layer *const *layers;
	size_t count;
	struct settings_errors *errs;
	size_t before;            /* errors there were before the checks */
};

/* Report at the topmost layer setting path (e.g. "dial.balanced"). */
static void fail_at(struct check *c, const char *path, const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void fail_at(struct check *c, const char *path, const char *hint, const char *fmt, ...)
{
	const char *file = NULL;
	int line = 0;
	char msg[512];
	va_list ap;

	for (size_t i = c->count; i-- > 0;) {
		const config_setting_t *set;

		if (!c->layers[i]->parsed)
			continue;
		if ((set = config_lookup(&c->layers[i]->cfg, path))) {
			conf_source_where(&c->layers[i]->src, set, &file, &line);
			break;
		}
	}
	if (!file && c->count)
		file = c->layers[c->count - 1]->src.file_count
		       ? c->layers[c->count - 1]->src.files[0] : NULL;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	settings_errors_add(c->errs, file, line, hint, "%s", msg);
}

static const char *const factor_keys[PQL_FACTOR_COUNT] = {
	"overlap", "budget", "icp", "relationship", "competitive", "size"
};
static const char *const state_keys[CAPACITY_STATE_COUNT] = {
	"slack", "balanced", "constrained", "severely_constrained"
};

static void check_weights(struct check *c)
{
	const struct desk_policy *p = &c->s->policy;
	char terms[256];
	size_t o = 0;
	int sum = 0;

	for (int f = 0; f < PQL_FACTOR_COUNT; f++) {
		sum += p->weights[f];
		if (o < sizeof terms)
			o += (size_t)snprintf(terms + o, sizeof terms - o, "%s%s %d", f ? " + " : "",
					      factor_keys[f], p->weights[f]);
	}
	if (sum != 100)
		fail_at(c, "pql.weights", "the six weights must add up to exactly 100",
			"pql.weights add up to %d, not 100 (%s)", sum, terms);
}

static void check_bands(struct check *c)
{
	const struct desk_policy *p = &c->s->policy;
	char path[64];

	for (int i = 0; i < CAPACITY_STATE_COUNT; i++) {
		const struct dial_band *b = &p->bands[i];

		snprintf(path, sizeof path, "dial.%s", state_keys[i]);
		if (b->low > b->high)
			fail_at(c, path, NULL, "%s: low %d is above high %d", path, b->low, b->high);
		else if (b->preset < b->low || b->preset > b->high)
			fail_at(c, path, "the preset must lie within its band",
				"%s: preset %d is outside %d-%d", path, b->preset, b->low, b->high);
	}
	for (int i = 1; i < CAPACITY_STATE_COUNT; i++) {
		const struct dial_band *a = &p->bands[i - 1], *b = &p->bands[i];

		if (b->low <= a->high) {
			snprintf(path, sizeof path, "dial.%s", state_keys[i]);
			fail_at(c, path,
				"the bands rise from slack to severely_constrained without overlapping",
				"%s (%d-%d) overlaps or is below dial.%s (%d-%d)", path, b->low,
				b->high, state_keys[i - 1], a->low, a->high);
		}
	}
}

static void check_capacity(struct check *c)
{
	const struct desk_policy *p = &c->s->policy;
	const char *hint = "the cut-offs rise: 0 < balanced_from < constrained_from < severe_from";

	if (!(p->balanced_from > 0))
		fail_at(c, "capacity.balanced_from", hint,
			"capacity.balanced_from: %g must be above 0", p->balanced_from);
	if (!(p->constrained_from > p->balanced_from))
		fail_at(c, "capacity.constrained_from", hint,
			"capacity.constrained_from: %g must be above balanced_from %g",
			p->constrained_from, p->balanced_from);
	if (!(p->severe_from > p->constrained_from))
		fail_at(c, "capacity.severe_from", hint,
			"capacity.severe_from: %g must be above constrained_from %g",
			p->severe_from, p->constrained_from);
	if (!(p->cosell_share > 0))
		fail_at(c, "capacity.cosell_share", NULL,
			"capacity.cosell_share: %g must be above 0", p->cosell_share);
}

static void check_tiers(struct check *c)
{
	const struct desk_policy *p = &c->s->policy;
	char path[64];

	if (p->tier2_from_acv > p->tier1_above_acv)
		fail_at(c, "tiers.tier2_from_acv", "tier 2 starts at or below where tier 1 starts",
			"tiers.tier2_from_acv: %ld is above tiers.tier1_above_acv %ld",
			p->tier2_from_acv, p->tier1_above_acv);
	for (int t = 0; t < TIER_COUNT; t++) {
		const struct tier_hours *h = &p->hours[t];

		snprintf(path, sizeof path, "tiers.hours.tier%d", t + 1);
		if (h->min > h->max)
			fail_at(c, path, NULL, "%s: min %d is above max %d", path, h->min, h->max);
		else if (h->preset < h->min || h->preset > h->max)
			fail_at(c, path, "needs min <= preset <= max",
				"%s: preset %d is outside %d-%d", path, h->preset, h->min, h->max);
	}
	if (!(p->thin_overlap_share < p->deep_overlap_share))
		fail_at(c, "tiers.thin_overlap_share", "needs 0 <= thin < deep <= 1",
			"tiers.thin_overlap_share %g is not below tiers.deep_overlap_share %g",
			p->thin_overlap_share, p->deep_overlap_share);
}

static void check_attribution(struct check *c)
{
	for (int r = 0; r < ROLE_COUNT; r++)
		if (c->s->policy.role_weights[r] > 0)
			return;
	fail_at(c, "attribution", "give at least one role a weight above 0",
		"attribution: every role weight is 0");
}

static void check_calibration(struct check *c)
{
	const struct desk_policy *p = &c->s->policy;

	if (p->calibration_band_count < 1)
		return;                 /* reported as it was read */
	if (p->calibration_bands[0] != 0)
		fail_at(c, "calibration.bands", "the first band starts at 0 so every score has a band",
			"calibration.bands: the first band starts at %d, not 0",
			p->calibration_bands[0]);
	for (int i = 1; i < p->calibration_band_count; i++) {
		if (p->calibration_bands[i] <= p->calibration_bands[i - 1]) {
			fail_at(c, "calibration.bands",
				"each number is the lowest score of a band; they rise strictly",
				"calibration.bands: %d follows %d, out of order",
				p->calibration_bands[i], p->calibration_bands[i - 1]);
			return;
		}
	}
}

void settings_validate_policy(const struct desk_settings *s,
			      const struct settings_layer *const *layers, size_t count,
			      struct settings_errors *errs)
{
	struct check c = { s, layers, count, errs, errs->count + errs->dropped };
	char msg[256];

	check_weights(&c);
	check_bands(&c);
	check_capacity(&c);
	check_tiers(&c);
	check_attribution(&c);
	check_calibration(&c);
	/* The core has the last word; it only speaks when the checks above missed
	 * a rule it knows. */
	if (errs->count + errs->dropped == c.before && score_validate_policy(&s->policy, msg, sizeof msg) < 0)
		fail_at(&c, "", NULL, "policy rejected: %s", msg);
}
