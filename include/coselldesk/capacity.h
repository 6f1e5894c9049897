/* capacity.h - the AE capacity model of DOMAIN.md and the PQL dial helpers.
 *
 * Pure (src/core/capacity.c). Hours are doubles; deal counts are longs.
 */
#ifndef COSELLDESK_CAPACITY_H
#define COSELLDESK_CAPACITY_H

#include "coselldesk/policy.h"

/* The model's verdict for one available/required pair. */
struct capacity_result {
	double available;            /* co-sell AE hours available in the period */
	double required;             /* AE hours the deals need */
	double utilization;          /* required / available (0 when available is 0) */
	int utilization_known;       /* 0 when available is 0 (utilization undefined) */
	enum capacity_state state;   /* from the policy cut-offs */
	struct dial_band band;       /* the dial band recommended for that state */
	int recommended_threshold;   /* the band's preset */
};

/* available = aes x hours_per_week x weeks x share. Negative inputs count as 0.
 * (When AEs have their own weekly hours, pass aes = 1 and their sum.) */
double capacity_available(double aes, double hours_per_week, int weeks, double share);

/* required = sum over tiers of deals[tier-1] x the preset hours of that tier. */
double capacity_required(const struct desk_policy *p, const long deals[TIER_COUNT]);

/* State from utilization: u < balanced_from slack, u < constrained_from
 * balanced, u < severe_from constrained, else severely constrained. With
 * available 0: demand > 0 is severely constrained, no demand is slack. */
enum capacity_state capacity_state_of(const struct desk_policy *p, double available,
				      double required);

/* Fill *out: utilization, state, recommended band and threshold. */
void capacity_assess(const struct desk_policy *p, double available, double required,
		     struct capacity_result *out);

/* How many deals `available` hours absorb at a blended AE-hours-per-deal,
 * rounded to the nearest whole deal (780 h at 14 -> 56, at 8 -> 98, at 4.1 ->
 * 190). -1 when hours_per_deal <= 0. */
long capacity_deals_absorbed(double available, double hours_per_deal);

/* The dial: given how many open intros hold each score (histogram[s] for
 * s = 0..100), how many change gate when the threshold moves from `from` to
 * `to` (scores in [min, max) of the two). *gained receives how many become
 * PQLs (the bar came down), *lost how many drop below it (the bar went up);
 * either pointer may be NULL. Thresholds are clamped to 0..101. */
long capacity_gate_changes(const long histogram[101], int from, int to,
			   long *gained, long *lost);

#endif
