/* tier.h - the tier rule of DOMAIN.md, the AE-hour budget, the tier-gaming
 * check and the small money helpers the reasons need.
 *
 * Pure (src/core/tier.c). Money is whole dollars (long).
 */
#ifndef COSELLDESK_TIER_H
#define COSELLDESK_TIER_H

#include <stddef.h>
#include "coselldesk/policy.h"

#define TIER_MAX_REASONS 6     /* reasons a tier decision can list */
#define TIER_REASON_SIZE 160   /* bytes per reason, terminator included */

/* What the tier rule looks at. */
struct tier_input {
	long expected_acv;        /* the intro's expected ACV in dollars */
	int acv_known;            /* 0: expected_acv is missing or ambiguous */
	long partner_avg_won_acv; /* the partner's historical average won ACV */
	int partner_avg_known;    /* 0: the partner has no won history */
	int overlap_points;       /* points of the overlap-depth factor */
	int strategic;            /* 1 when the account is strategic */
};

/* Where the ACV that decided the band came from. */
enum tier_acv_source {
	TIER_ACV_CLAIMED,         /* the intro's own expected ACV */
	TIER_ACV_PARTNER_AVERAGE, /* the partner's historical average (ACV ambiguous) */
	TIER_ACV_NONE             /* neither known: tier 3 by default */
};

/* A tier decision and why. */
struct tier_result {
	int tier;                      /* 1..3 */
	int ae_hours;                  /* AE-hour budget: the preset of that tier */
	long acv_used;                 /* the ACV the band was read from (0 when none) */
	enum tier_acv_source acv_source; /* where acv_used came from */
	int band_tier;                 /* the tier the ACV bands alone gave */
	int lifted;                    /* 1: deep overlap + strategic lifted 2 to 1 */
	int capped;                    /* 1: thin overlap capped 1 at 2 */
	int reason_count;              /* used entries of reasons[] */
	char reasons[TIER_MAX_REASONS][TIER_REASON_SIZE]; /* short sentences, in the
	                                * order the rule applied them, e.g.
	                                * "expected ACV $55,000 is within $20,000-$75,000: tier 2" */
};

/* The tier rule. Bands first: ACV > tier1_above_acv -> 1; ACV >=
 * tier2_from_acv -> 2; else 3. Deep overlap (points >= deep_overlap_share *
 * weight) on a strategic account lifts 2 to 1; thin overlap (points <=
 * thin_overlap_share * weight) caps 1 at 2. ACV unknown: the partner's
 * average is used ("ACV ambiguous: use the partner's historical average and
 * proceed"); neither known: tier 3 with a reason. */
void tier_decide(const struct desk_policy *p, const struct tier_input *in,
		 struct tier_result *out);

/* The preset AE-hour budget of a tier (1..3); -1 when tier is out of range. */
int tier_hours_preset(const struct desk_policy *p, int tier);

/* Check a specialist's AE-hour budget for a tier is within min..max:
 * "tier 2 budget 5 h is outside 2-4 h". 0 or -1. */
int tier_check_hours(const struct desk_policy *p, int tier, int hours,
		     char *err, size_t err_size);

/* Check a manual tier override: tier 1..3 and a written reason that is not
 * blank ("a tier override needs a written reason"). 0 or -1. */
int tier_check_override(int tier, const char *reason, char *err, size_t err_size);

/* Result of the tier-gaming check. */
struct tier_gaming {
	int flagged;              /* 1: the claim is above factor x median */
	int has_history;          /* 0: the partner has no won deals to compare with */
	long median_won_acv;      /* the partner's median won ACV (0 without history) */
	double ratio;             /* claim / median (0 without history) */
	char reason[TIER_REASON_SIZE]; /* "claimed ACV $200,000 is 3.6x the partner's
	                           * median won ACV $55,000 (flag above 1.5x)" or
	                           * "no won history: nothing to compare the claim with" */
};

/* Compare a claimed ACV with the partner's median won ACV (has_history 0 when
 * the partner never won: not flagged, reason says "no won history"). */
void tier_gaming_check(const struct desk_policy *p, long claimed_acv,
		       long median_won_acv, int has_history, struct tier_gaming *out);

/* Median of n values. REORDERS values (sorts them ascending in place): pass a
 * copy when the order matters. Even n: the mean of the two middle values,
 * rounded down. n == 0: returns 0. */
long tier_median(long *values, size_t n);

/* Format whole dollars with thousands separators: 55000 -> "$55,000",
 * -1200 -> "-$1,200". Returns the length needed (like snprintf); buf is
 * always terminated when buf_size > 0. */
size_t tier_format_dollars(long long amount, char *buf, size_t buf_size);

#endif
