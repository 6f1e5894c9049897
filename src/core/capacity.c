/* capacity.c - AE capacity model, capacity state and the dial's arithmetic. */
#include <string.h>

#include "coselldesk/capacity.h"

static double non_negative(double v)
{
	return v > 0 ? v : 0;
}

double capacity_available(double aes, double hours_per_week, int weeks, double share)
{
	return non_negative(aes) * non_negative(hours_per_week) *
	       non_negative((double)weeks) * non_negative(share);
}

double capacity_required(const struct desk_policy *p, const long deals[TIER_COUNT])
{
	double required = 0;

	for (int t = 0; t < TIER_COUNT; t++)
		required += non_negative((double)deals[t]) * non_negative(p->hours[t].preset);
	return required;
}

enum capacity_state capacity_state_of(const struct desk_policy *p, double available,
				      double required)
{
	double u;

	if (available <= 0)
		return required > 0 ? CAPACITY_SEVERELY_CONSTRAINED : CAPACITY_SLACK;
	u = non_negative(required) / available;
	if (u < p->balanced_from)
		return CAPACITY_SLACK;
	if (u < p->constrained_from)
		return CAPACITY_BALANCED;
	if (u < p->severe_from)
		return CAPACITY_CONSTRAINED;
	return CAPACITY_SEVERELY_CONSTRAINED;
}

void capacity_assess(const struct desk_policy *p, double available, double required,
		     struct capacity_result *out)
{
	memset(out, 0, sizeof *out);
	out->available = non_negative(available);
	out->required = non_negative(required);
	out->utilization_known = out->available > 0;
	out->utilization = out->utilization_known ? out->required / out->available : 0;
	out->state = capacity_state_of(p, out->available, out->required);
	out->band = p->bands[out->state];
	out->recommended_threshold = out->band.preset;
}

long capacity_deals_absorbed(double available, double hours_per_deal)
{
	if (!(hours_per_deal > 0))
		return -1;
	/* Round half up: 780 h at 8 h a deal is 97.5, "about 98" deals. */
	return (long)(non_negative(available) / hours_per_deal + 0.5);
}

static int clamp_threshold(int t)
{
	return t < 0 ? 0 : t > 101 ? 101 : t;
}

long capacity_gate_changes(const long histogram[101], int from, int to,
			   long *gained, long *lost)
{
	int lo, hi;
	long moved = 0;

	from = clamp_threshold(from);
	to = clamp_threshold(to);
	lo = from < to ? from : to;
	hi = from < to ? to : from;
	/* Scores in [lo, hi) are PQLs under the lower bar only. */
	for (int s = lo; s < hi; s++)
		moved += histogram[s];
	if (gained)
		*gained = to < from ? moved : 0;
	if (lost)
		*lost = to > from ? moved : 0;
	return moved;
}
