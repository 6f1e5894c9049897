/* policy.h - every policy number of the desk, as one plain struct.
 *
 * The config loader (src/conf) fills it; the pure core (src/core) reads it;
 * nothing here does I/O. Defaults live in the example config that is embedded
 * at build time, not in code: policy_defaults() exists only so the core can be
 * unit-tested without the loader, and a test proves it equals the embedded file.
 */
#ifndef COSELLDESK_POLICY_H
#define COSELLDESK_POLICY_H

/* The six PQL factors, in the order the form and the reports show them. */
enum pql_factor {
	PQL_OVERLAP,      /* overlap depth */
	PQL_BUDGET,       /* budget / timing */
	PQL_ICP,          /* ICP fit */
	PQL_RELATIONSHIP, /* partner relationship strength */
	PQL_COMPETITIVE,  /* competitive position */
	PQL_SIZE,         /* deal size vs effort */
	PQL_FACTOR_COUNT
};

/* Capacity states, ordered from most to least AE time to spare. */
enum capacity_state {
	CAPACITY_SLACK,
	CAPACITY_BALANCED,
	CAPACITY_CONSTRAINED,
	CAPACITY_SEVERELY_CONSTRAINED,
	CAPACITY_STATE_COUNT
};

/* Attribution roles of DOMAIN.md. */
enum attribution_role {
	ROLE_SOURCING,
	ROLE_SELLING,
	ROLE_TECHNICAL_VALIDATION,
	ROLE_IMPLEMENTATION,
	ROLE_INFLUENCE,
	ROLE_COUNT
};

#define TIER_COUNT 3           /* tiers are numbered 1..3 */
#define CALIBRATION_MAX_BANDS 12

/* One band of the PQL dial. */
struct dial_band {
	int low;               /* lowest threshold the band recommends */
	int high;              /* highest threshold the band recommends */
	int preset;            /* the threshold the band recommends by default */
};

/* AE-hour budget of one tier. */
struct tier_hours {
	int min;               /* lowest budget a specialist may set */
	int max;               /* highest budget a specialist may set */
	int preset;            /* budget given when the tier is assigned */
};

struct desk_policy {
	int weights[PQL_FACTOR_COUNT];  /* points each factor may earn; sum 100 */
	int threshold;                  /* the PQL bar: score >= threshold is a PQL */
	struct dial_band bands[CAPACITY_STATE_COUNT]; /* dial band per capacity state */
	/* utilization cut-offs: u < balanced_from is slack, u < constrained_from
	 * balanced, u < severe_from constrained, else severely constrained */
	double balanced_from;
	double constrained_from;
	double severe_from;
	long tier1_above_acv;           /* ACV strictly above this is tier 1 (75000) */
	long tier2_from_acv;            /* ACV at or above this is tier 2 (20000) */
	struct tier_hours hours[TIER_COUNT]; /* index 0 = tier 1 */
	double deep_overlap_share;      /* overlap points >= share*weight is deep (0.8) */
	double thin_overlap_share;      /* overlap points <= share*weight is thin (0.4) */
	double tier_gaming_factor;      /* claim > factor * partner median won ACV is flagged */
	int sla_triage_hours;           /* a new intro must be triaged within this (24) */
	int sla_accept_hours;           /* a routed intro must be accepted within this (48) */
	int role_weights[ROLE_COUNT];   /* attribution weight per role, renormalised per deal */
	int calibration_bands[CALIBRATION_MAX_BANDS]; /* ascending lower bounds of score bands */
	int calibration_band_count;     /* how many of calibration_bands are used */
	int selling_hours_per_week;     /* per AE, when an AE row has none (13) */
	int weeks_per_quarter;          /* 12 */
	double cosell_share;            /* share of selling hours for co-sell (0.25) */
};

/* Fill *p with the documented defaults of DOMAIN.md. */
void policy_defaults(struct desk_policy *p);

/* Short stable names used in the config, CSV and JSON ("overlap", "slack",
 * "technical_validation"...). Return NULL for an out-of-range value. */
const char *policy_factor_name(enum pql_factor f);
const char *policy_factor_label(enum pql_factor f);   /* "overlap depth" */
const char *policy_factor_rubric(enum pql_factor f);  /* full points when ... */
const char *policy_capacity_state_name(enum capacity_state s);
const char *policy_role_name(enum attribution_role r);

/* Parse a name back; return -1 when unknown. Accepts the names above,
 * case-insensitively, with '-' or ' ' for '_'. */
int policy_factor_from_name(const char *name);
int policy_capacity_state_from_name(const char *name);
int policy_role_from_name(const char *name);

#endif
