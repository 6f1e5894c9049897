/* policy.c - the documented default policy and the names of its parts. */
#include <stddef.h>
#include <string.h>

#include "coselldesk/policy.h"
#include "core_util.h"

struct factor_text {
	const char *name;    /* config / CSV / JSON name */
	const char *label;   /* what the form shows */
	const char *rubric;  /* DOMAIN.md "full points when" */
};

static const struct factor_text factor_texts[PQL_FACTOR_COUNT] = {
	[PQL_OVERLAP] = { "overlap", "overlap depth",
		"multi-stakeholder mutual overlap confirmed in mapping data" },
	[PQL_BUDGET] = { "budget", "budget / timing",
		"named budget cycle or active project this quarter" },
	[PQL_ICP] = { "icp", "ICP fit",
		"account matches the ideal customer profile cleanly" },
	[PQL_RELATIONSHIP] = { "relationship", "partner relationship strength",
		"partner has an executive sponsor, not a dormant contact" },
	[PQL_COMPETITIVE] = { "competitive", "competitive position",
		"no incumbent, or weak incumbent in a displacement window" },
	[PQL_SIZE] = { "size", "deal size vs effort",
		"expected ACV justifies the AE hours" },
};

static const char *const capacity_state_names[CAPACITY_STATE_COUNT] = {
	[CAPACITY_SLACK]                = "slack",
	[CAPACITY_BALANCED]             = "balanced",
	[CAPACITY_CONSTRAINED]          = "constrained",
	[CAPACITY_SEVERELY_CONSTRAINED] = "severely_constrained",
};

static const char *const role_names[ROLE_COUNT] = {
	[ROLE_SOURCING]             = "sourcing",
	[ROLE_SELLING]              = "selling",
	[ROLE_TECHNICAL_VALIDATION] = "technical_validation",
	[ROLE_IMPLEMENTATION]       = "implementation",
	[ROLE_INFLUENCE]            = "influence",
};

void policy_defaults(struct desk_policy *p)
{
	static const int weights[PQL_FACTOR_COUNT] = { 25, 20, 20, 15, 10, 10 };
	static const struct dial_band bands[CAPACITY_STATE_COUNT] = {
		[CAPACITY_SLACK]                = { 58, 64, 60 },
		[CAPACITY_BALANCED]             = { 65, 71, 70 },
		[CAPACITY_CONSTRAINED]          = { 72, 77, 75 },
		[CAPACITY_SEVERELY_CONSTRAINED] = { 78, 82, 80 },
	};
	static const struct tier_hours hours[TIER_COUNT] = {
		{ 5, 8, 6 }, { 2, 4, 3 }, { 0, 0, 0 },
	};
	static const int role_weights[ROLE_COUNT] = {
		[ROLE_SOURCING] = 20, [ROLE_SELLING] = 40,
		[ROLE_TECHNICAL_VALIDATION] = 25, [ROLE_IMPLEMENTATION] = 20,
		[ROLE_INFLUENCE] = 15,
	};
	/* 65-70 and 80+ are the bands DOMAIN.md reads the bar from. */
	static const int calibration[] = { 0, 50, 58, 65, 71, 80 };

	memset(p, 0, sizeof *p);
	memcpy(p->weights, weights, sizeof weights);
	p->threshold = 70;
	memcpy(p->bands, bands, sizeof bands);
	p->balanced_from = 0.60;
	p->constrained_from = 0.90;
	p->severe_from = 1.10;
	p->tier1_above_acv = 75000;
	p->tier2_from_acv = 20000;
	memcpy(p->hours, hours, sizeof hours);
	p->deep_overlap_share = 0.8;
	p->thin_overlap_share = 0.4;
	p->tier_gaming_factor = 1.5;
	p->sla_triage_hours = 24;
	p->sla_accept_hours = 48;
	memcpy(p->role_weights, role_weights, sizeof role_weights);
	memcpy(p->calibration_bands, calibration, sizeof calibration);
	p->calibration_band_count = (int)(sizeof calibration / sizeof calibration[0]);
	p->selling_hours_per_week = 13;
	p->weeks_per_quarter = 12;
	p->cosell_share = 0.25;
}

const char *policy_factor_name(enum pql_factor f)
{
	return (unsigned)f < PQL_FACTOR_COUNT ? factor_texts[f].name : NULL;
}

const char *policy_factor_label(enum pql_factor f)
{
	return (unsigned)f < PQL_FACTOR_COUNT ? factor_texts[f].label : NULL;
}

const char *policy_factor_rubric(enum pql_factor f)
{
	return (unsigned)f < PQL_FACTOR_COUNT ? factor_texts[f].rubric : NULL;
}

const char *policy_capacity_state_name(enum capacity_state s)
{
	return (unsigned)s < CAPACITY_STATE_COUNT ? capacity_state_names[s] : NULL;
}

const char *policy_role_name(enum attribution_role r)
{
	return (unsigned)r < ROLE_COUNT ? role_names[r] : NULL;
}

/* Names are read as domain.h reads them: case-insensitive, '-' and ' ' for
 * '_', surrounding blanks ignored. */
int policy_factor_from_name(const char *name)
{
	if (!name)
		return -1;
	for (int f = 0; f < PQL_FACTOR_COUNT; f++)
		if (core_name_matches(name, factor_texts[f].name))
			return f;
	return -1;
}

int policy_capacity_state_from_name(const char *name)
{
	return core_name_index(name, capacity_state_names, CAPACITY_STATE_COUNT);
}

int policy_role_from_name(const char *name)
{
	return core_name_index(name, role_names, ROLE_COUNT);
}
