/* score.h - the PQL score: validation, total, gate, per-factor explanation
 * and the cheapest way to reach the bar. Also the whole-policy validator the
 * config loader and the core share.
 *
 * Pure (src/core/score.c): no I/O, no clock. Messages are written into a
 * caller's buffer (err, err_size); err may be NULL when the caller does not
 * want the text. Every function that validates returns 0 or -1.
 */
#ifndef COSELLDESK_SCORE_H
#define COSELLDESK_SCORE_H

#include <stddef.h>
#include "coselldesk/policy.h"

#define SCORE_MAX 100          /* a score is 0..SCORE_MAX */

/* One factor's line of the explanation. */
struct score_factor_line {
	enum pql_factor factor;  /* which factor */
	int points;              /* points given */
	int weight;              /* most points the factor may earn */
	double share_pct;        /* points as a percent of the total (0 when total is 0) */
};

/* One suggested raise of the gap analysis. */
struct score_raise {
	enum pql_factor factor;  /* the factor to raise */
	int points;              /* by how many points */
};

/* How the suggestions of a score_explanation are meant. */
enum score_plan {
	SCORE_PLAN_NONE,         /* already at or over the bar: nothing to raise */
	SCORE_PLAN_ANY_ONE,      /* raising any ONE listed factor by its points closes the gap
	                          * (alternatives, all of the largest weight: cheapest per point) */
	SCORE_PLAN_ALL_OF,       /* raise ALL listed factors by their points (greedy by headroom) */
	SCORE_PLAN_IMPOSSIBLE    /* even full points everywhere stay below the bar */
};

/* Everything the form, `pql` and reports show about one set of points. */
struct score_explanation {
	int score;                                   /* total of the points */
	int threshold;                               /* the bar it was judged against */
	int is_pql;                                  /* score >= threshold */
	int gap;                                     /* threshold - score; <= 0 means at or over the bar */
	struct score_factor_line lines[PQL_FACTOR_COUNT]; /* per factor, in factor order */
	enum score_plan plan;                        /* how to read raises[] */
	int raise_count;                             /* used entries of raises[] */
	struct score_raise raises[PQL_FACTOR_COUNT]; /* the suggested raises */
	int headroom;                                /* points still available over all factors */
};

/* Check every factor's points is within 0..weight. The message names the
 * factor, the value and the weight: "ICP fit: 25 points is over its weight 20". */
int score_validate(const struct desk_policy *p, const int points[PQL_FACTOR_COUNT],
		   char *err, size_t err_size);

/* Check one factor's points (what a form field does on every keystroke). */
int score_validate_factor(const struct desk_policy *p, enum pql_factor f, int points,
			  char *err, size_t err_size);

/* Sum of the points (no validation). */
int score_total(const int points[PQL_FACTOR_COUNT]);

/* The gate: 1 when score >= threshold (a PQL), else 0. */
int score_is_pql(int score, int threshold);

/* Fill *out for these points against this threshold (pass p->threshold for the
 * current bar, another value to preview a dial move). Points are assumed valid
 * (call score_validate first); out-of-range points are clamped to 0..weight
 * for the headroom so the plan stays sane. Gap analysis: the cost of raising a
 * factor by k points is k/weight. If a single factor's headroom covers the gap,
 * the plan is ANY_ONE over the factors of largest weight among those that can
 * (ties: all of them, in factor order), each with points = gap. Otherwise ALL_OF:
 * factors taken greedily by largest headroom (ties in factor order), each with
 * the points it contributes, until the gap is covered. */
void score_explain(const struct desk_policy *p, const int points[PQL_FACTOR_COUNT],
		   int threshold, struct score_explanation *out);

/* One sentence for the gap: "at the bar", "9 over the bar", "raise budget /
 * timing or ICP fit by 3 points", "raise overlap depth by 10 and budget /
 * timing by 4 points", "cannot reach 90: at most 85". Returns the length that
 * was needed (like snprintf); buf is always terminated when buf_size > 0. */
size_t score_gap_sentence(const struct score_explanation *e, char *buf, size_t buf_size);

/* Validate a whole policy. Returns 0, or -1 with a message naming the
 * offending setting by its path in the config file (docs/coselldesk.conf),
 * for example "pql.weights: sum to 95, must be 100",
 * "dial.balanced: high 60 is below low 65",
 * "dial: constrained (70-77) overlaps or is below balanced (65-71)",
 * "capacity.severe_from: 0.90 must be above constrained_from 0.90",
 * "tiers.tier2_from_acv: 80000 is above tiers.tier1_above_acv 75000",
 * "tiers.hours.tier1: preset 9 is outside 5-8",
 * "attribution: every role weight is zero".
 * Paths used: pql.weights.<factor>, pql.threshold, dial.<state>,
 * capacity.balanced_from / constrained_from / severe_from,
 * tiers.tier1_above_acv, tiers.tier2_from_acv, tiers.hours.tier1..3,
 * tiers.deep_overlap_share, tiers.thin_overlap_share, tiers.gaming_factor,
 * sla.triage_hours, sla.accept_hours, attribution.<role>,
 * calibration.bands, capacity.selling_hours_per_week,
 * capacity.weeks_per_quarter, capacity.cosell_share. */
int score_validate_policy(const struct desk_policy *p, char *err, size_t err_size);

#endif
