/* tier.c - the tier rule, AE-hour budgets, the tier-gaming check. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/tier.h"
#include "core_util.h"

/* Shares times weights are compared with a little slack so that
 * 0.4 x 25 is 10 whatever the binary rounding says. */
#define SHARE_EPSILON 1e-9

size_t tier_format_dollars(long long amount, char *buf, size_t buf_size)
{
	char digits[32], out[48];
	unsigned long long mag = amount < 0 ? 0ULL - (unsigned long long)amount
					    : (unsigned long long)amount;
	int nd = 0;
	size_t len = 0;

	do {
		digits[nd++] = (char)('0' + mag % 10);
		mag /= 10;
	} while (mag > 0);
	if (amount < 0)
		out[len++] = '-';
	out[len++] = '$';
	for (int i = nd - 1; i >= 0; i--) {
		out[len++] = digits[i];
		if (i > 0 && i % 3 == 0)
			out[len++] = ',';
	}
	out[len] = '\0';
	if (buf && buf_size > 0) {
		size_t copy = len < buf_size - 1 ? len : buf_size - 1;

		memcpy(buf, out, copy);
		buf[copy] = '\0';
	}
	return len;
}

/* Append one reason; extra ones beyond TIER_MAX_REASONS are dropped (the
 * rule never produces that many). */
static void reason(struct tier_result *r, const char *fmt, ...)
{
	va_list ap;

	if (r->reason_count >= TIER_MAX_REASONS)
		return;
	va_start(ap, fmt);
	vsnprintf(r->reasons[r->reason_count], TIER_REASON_SIZE, fmt, ap);
	va_end(ap);
	r->reason_count++;
}

int tier_hours_preset(const struct desk_policy *p, int tier)
{
	if (tier < 1 || tier > TIER_COUNT)
		return -1;
	return p->hours[tier - 1].preset;
}

/* Which band the ACV falls in, with the sentence that says so. */
static int band_of(const struct desk_policy *p, long acv, const char *what,
		   struct tier_result *r)
{
	char a[32], lo[32], hi[32];

	tier_format_dollars(acv, a, sizeof a);
	tier_format_dollars(p->tier2_from_acv, lo, sizeof lo);
	tier_format_dollars(p->tier1_above_acv, hi, sizeof hi);
	if (acv > p->tier1_above_acv) {
		reason(r, "%s %s is above %s: tier 1", what, a, hi);
		return 1;
	}
	if (acv >= p->tier2_from_acv) {
		reason(r, "%s %s is within %s-%s: tier 2", what, a, lo, hi);
		return 2;
	}
	reason(r, "%s %s is below %s: tier 3", what, a, lo);
	return 3;
}

void tier_decide(const struct desk_policy *p, const struct tier_input *in,
		 struct tier_result *out)
{
	int weight = p->weights[PQL_OVERLAP];
	double deep = p->deep_overlap_share * weight;
	double thin = p->thin_overlap_share * weight;
	const char *what = "expected ACV";

	memset(out, 0, sizeof *out);
	if (in->acv_known) {
		out->acv_source = TIER_ACV_CLAIMED;
		out->acv_used = in->expected_acv;
	} else if (in->partner_avg_known) {
		char avg[32];

		out->acv_source = TIER_ACV_PARTNER_AVERAGE;
		out->acv_used = in->partner_avg_won_acv;
		what = "partner's average won ACV";
		tier_format_dollars(in->partner_avg_won_acv, avg, sizeof avg);
		reason(out, "ACV ambiguous: use the partner's historical average (%s) and proceed", avg);
	} else {
		out->acv_source = TIER_ACV_NONE;
		out->tier = out->band_tier = 3;
		out->ae_hours = tier_hours_preset(p, 3);
		reason(out, "no expected ACV and no partner history: tier 3 until the ACV is known");
		return;
	}

	out->band_tier = out->tier = band_of(p, out->acv_used, what, out);
	if (out->tier == 2 && in->strategic && in->overlap_points >= deep - SHARE_EPSILON) {
		out->tier = 1;
		out->lifted = 1;
		reason(out, "deep overlap (%d/%d) on a strategic account: lifted to tier 1",
		       in->overlap_points, weight);
	} else if (out->tier == 1 && in->overlap_points <= thin + SHARE_EPSILON) {
		out->tier = 2;
		out->capped = 1;
		reason(out, "thin overlap (%d/%d): capped at tier 2", in->overlap_points, weight);
	}
	out->ae_hours = tier_hours_preset(p, out->tier);
}

int tier_check_hours(const struct desk_policy *p, int tier, int hours,
		     char *err, size_t err_size)
{
	const struct tier_hours *h;

	if (tier < 1 || tier > TIER_COUNT)
		return core_fail(err, err_size, "tier %d does not exist (1, 2 or 3)", tier);
	h = &p->hours[tier - 1];
	if (hours < h->min || hours > h->max)
		return core_fail(err, err_size, "tier %d budget %d h is outside %d-%d h",
				 tier, hours, h->min, h->max);
	return 0;
}

int tier_check_override(int tier, const char *reason_text, char *err, size_t err_size)
{
	if (tier < 1 || tier > TIER_COUNT)
		return core_fail(err, err_size, "tier %d does not exist (1, 2 or 3)", tier);
	if (reason_text)
		for (const char *c = reason_text; *c; c++)
			if (!isspace((unsigned char)*c))
				return 0;
	return core_fail(err, err_size, "a tier override needs a written reason");
}

void tier_gaming_check(const struct desk_policy *p, long claimed_acv,
		       long median_won_acv, int has_history, struct tier_gaming *out)
{
	char claim[32], median[32];

	memset(out, 0, sizeof *out);
	if (!has_history) {
		snprintf(out->reason, sizeof out->reason,
			 "no won history: nothing to compare the claim with");
		return;
	}
	out->has_history = 1;
	out->median_won_acv = median_won_acv;
	tier_format_dollars(claimed_acv, claim, sizeof claim);
	tier_format_dollars(median_won_acv, median, sizeof median);
	if (median_won_acv <= 0) {
		/* A partner whose wins were all $0 cannot vouch for any claim. */
		out->flagged = claimed_acv > 0;
		snprintf(out->reason, sizeof out->reason, "%sclaimed ACV %s against a median won ACV of %s",
			 out->flagged ? "tier gaming: " : "", claim, median);
		return;
	}
	out->ratio = (double)claimed_acv / (double)median_won_acv;
	out->flagged = (double)claimed_acv > p->tier_gaming_factor * (double)median_won_acv;
	snprintf(out->reason, sizeof out->reason,
		 "%sclaimed ACV %s is %.1fx the partner's median won ACV %s (%s %.1fx)",
		 out->flagged ? "tier gaming: " : "", claim, out->ratio, median,
		 out->flagged ? "flag above" : "within", p->tier_gaming_factor);
}

static int compare_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;

	return (x > y) - (x < y);
}

long tier_median(long *values, size_t n)
{
	long lo, hi;

	if (n == 0)
		return 0;
	qsort(values, n, sizeof *values, compare_long);
	if (n % 2 == 1)
		return values[n / 2];
	lo = values[n / 2 - 1];
	hi = values[n / 2];
	return lo + (hi - lo) / 2;
}
