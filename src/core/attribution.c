/* attribution.c - role-based split of an amount, whole dollars by largest
 * remainder so the payouts always add up to the amount. */
#include <string.h>

#include "coselldesk/attribution.h"
#include "core_util.h"

/* Explicit percents are taken to 4 decimals: 33.3333% is 333333 units. */
#define PERCENT_UNITS 10000.0
#define PERCENT_TOLERANCE 0.01
/* Keeps remainder x units within 64 bits (see split_units). */
#define MAX_TOTAL_UNITS 1000000000LL

static int check_roles(const enum attribution_role *roles, size_t n, char *err, size_t err_size)
{
	if (n == 0 || !roles)
		return core_fail(err, err_size, "attribution: no roles to split over");
	if (n > ROLE_COUNT)
		return core_fail(err, err_size, "attribution: %zu roles given, at most %d exist",
				 n, ROLE_COUNT);
	for (size_t i = 0; i < n; i++) {
		if ((unsigned)roles[i] >= ROLE_COUNT)
			return core_fail(err, err_size, "attribution: role %d does not exist",
					 (int)roles[i]);
		for (size_t j = 0; j < i; j++)
			if (roles[j] == roles[i])
				return core_fail(err, err_size, "attribution: role %s listed twice",
						 policy_role_name(roles[i]));
	}
	return 0;
}

/* Weights of the roles present, as integer units; *total receives their sum. */
static int units_from_policy(const struct desk_policy *p, const enum attribution_role *roles,
			     size_t n, long long units[], long long *total,
			     char *err, size_t err_size)
{
	*total = 0;
	for (size_t i = 0; i < n; i++) {
		if (p->role_weights[roles[i]] < 0)
			return core_fail(err, err_size, "attribution.%s: weight %d is negative",
					 policy_role_name(roles[i]), p->role_weights[roles[i]]);
		units[i] = p->role_weights[roles[i]];
		*total += units[i];
	}
	if (*total == 0)
		return core_fail(err, err_size, "attribution: every role present has weight zero");
	if (*total > MAX_TOTAL_UNITS)
		return core_fail(err, err_size, "attribution: role weights sum to %lld, too large",
				 *total);
	return 0;
}

static int units_from_percents(const enum attribution_role *roles, const double *percents,
			       size_t n, long long units[], long long *total,
			       char *err, size_t err_size)
{
	double sum = 0;

	*total = 0;
	for (size_t i = 0; i < n; i++) {
		if (!(percents[i] >= 0 && percents[i] <= 100))
			return core_fail(err, err_size, "attribution: %s %g%% is outside 0-100",
					 policy_role_name(roles[i]), percents[i]);
		sum += percents[i];
		units[i] = (long long)(percents[i] * PERCENT_UNITS + 0.5);
		*total += units[i];
	}
	if (sum < 100 - PERCENT_TOLERANCE || sum > 100 + PERCENT_TOLERANCE)
		return core_fail(err, err_size, "attribution: percents sum to %g, must be 100",
				 sum);
	if (*total == 0)
		return core_fail(err, err_size, "attribution: every percent is zero");
	return 0;
}

/* amount x units / total without overflow: split amount into quotient and
 * remainder by total, so only remainder x units (< total^2) is multiplied. */
static void split_units(long long amount, const long long units[], long long total, size_t n,
			struct attribution_share *out)
{
	long long q = amount / total, r = amount % total, left = amount;
	long long rem[ROLE_COUNT];
	int given[ROLE_COUNT] = { 0 };

	for (size_t i = 0; i < n; i++) {
		out[i].payout = q * units[i] + (r * units[i]) / total;
		rem[i] = (r * units[i]) % total;
		out[i].percent = 100.0 * (double)units[i] / (double)total;
		left -= out[i].payout;
	}
	/* left < n: one more dollar each to the largest remainders; the strict
	 * comparison keeps the first-given role on ties. */
	while (left > 0) {
		size_t best = n;

		for (size_t i = 0; i < n; i++)
			if (!given[i] && (best == n || rem[i] > rem[best]))
				best = i;
		out[best].payout++;
		given[best] = 1;
		left--;
	}
}

int attribution_split(const struct desk_policy *p, long long amount,
		      const enum attribution_role *roles, const double *percents,
		      size_t n, struct attribution_share *out,
		      char *err, size_t err_size)
{
	long long units[ROLE_COUNT], total;
	struct attribution_share result[ROLE_COUNT];

	if (check_roles(roles, n, err, err_size) < 0)
		return -1;
	if (amount < 0)
		return core_fail(err, err_size, "attribution: amount %lld is negative", amount);
	if (percents ? units_from_percents(roles, percents, n, units, &total, err, err_size)
		     : units_from_policy(p, roles, n, units, &total, err, err_size))
		return -1;
	memset(result, 0, sizeof result);
	for (size_t i = 0; i < n; i++)
		result[i].role = roles[i];
	split_units(amount, units, total, n, result);
	memcpy(out, result, n * sizeof *out);
	return 0;
}

int attribution_is_complete(const enum attribution_role *roles, size_t n,
			    char *why, size_t why_size)
{
	int seen[ROLE_COUNT] = { 0 };

	if (n == 0 || !roles) {
		core_say(why, why_size, "no roles recorded");
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if ((unsigned)roles[i] >= ROLE_COUNT) {
			core_say(why, why_size, "unknown role %d", (int)roles[i]);
			return 0;
		}
		if (seen[roles[i]]++) {
			core_say(why, why_size, "%s listed twice", policy_role_name(roles[i]));
			return 0;
		}
	}
	if (!seen[ROLE_SOURCING]) {
		core_say(why, why_size, "no sourcing role");
		return 0;
	}
	if (!seen[ROLE_SELLING]) {
		core_say(why, why_size, "no selling role");
		return 0;
	}
	if (why && why_size > 0)
		why[0] = '\0';
	return 1;
}
