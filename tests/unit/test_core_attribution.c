/* Unit tests of the attribution split. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "coselldesk/attribution.h"
#include "coselldesk/policy.h"

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

static long long sum(const struct attribution_share *s, size_t n)
{
	long long total = 0;

	for (size_t i = 0; i < n; i++)
		total += s[i].payout;
	return total;
}

static void test_explicit_percents(void **state)
{
	struct desk_policy p;
	const enum attribution_role roles[] = { ROLE_SELLING, ROLE_TECHNICAL_VALIDATION, ROLE_SOURCING };
	const double pct[] = { 40, 35, 25 };
	struct attribution_share out[3];
	(void)state;

	policy_defaults(&p);
	assert_int_equal(attribution_split(&p, 10000, roles, pct, 3, out, NULL, 0), 0);
	assert_int_equal(out[0].role, ROLE_SELLING);
	assert_int_equal(out[0].payout, 4000);
	assert_int_equal(out[1].payout, 3500);
	assert_int_equal(out[2].payout, 2500);
	assert_near(out[1].percent, 35);
}

static void test_policy_weights_renormalised(void **state)
{
	struct desk_policy p;
	const enum attribution_role four[] = { ROLE_SOURCING, ROLE_SELLING,
					       ROLE_TECHNICAL_VALIDATION, ROLE_INFLUENCE };
	const enum attribution_role two[] = { ROLE_SELLING, ROLE_SOURCING };
	struct attribution_share out[5];
	(void)state;

	policy_defaults(&p);
	/* 20/40/25/15 is already 100 */
	assert_int_equal(attribution_split(&p, 10000, four, NULL, 4, out, NULL, 0), 0);
	assert_int_equal(out[0].payout, 2000);
	assert_int_equal(out[1].payout, 4000);
	assert_int_equal(out[2].payout, 2500);
	assert_int_equal(out[3].payout, 1500);
	assert_near(out[3].percent, 15);
	/* selling 40 + sourcing 20 renormalise to 66.67/33.33 */
	assert_int_equal(attribution_split(&p, 10000, two, NULL, 2, out, NULL, 0), 0);
	assert_near(out[0].percent, 200.0 / 3);
	assert_int_equal(out[0].payout, 6667);
	assert_int_equal(out[1].payout, 3333);
	assert_int_equal(sum(out, 2), 10000);
}

static void test_remainders(void **state)
{
	struct desk_policy p;
	const enum attribution_role three[] = { ROLE_INFLUENCE, ROLE_SOURCING, ROLE_SELLING };
	const double equal[] = { 100.0 / 3, 100.0 / 3, 100.0 / 3 };
	struct attribution_share out[5];
	(void)state;

	policy_defaults(&p);
	assert_int_equal(attribution_split(&p, 100, three, equal, 3, out, NULL, 0), 0);
	assert_int_equal(out[0].payout, 34);
	assert_int_equal(out[1].payout, 33);
	assert_int_equal(out[2].payout, 33);
	/* equal policy weights: the first given gets the odd dollars */
	p.role_weights[ROLE_INFLUENCE] = p.role_weights[ROLE_SOURCING] =
		p.role_weights[ROLE_SELLING] = 10;
	assert_int_equal(attribution_split(&p, 101, three, NULL, 3, out, NULL, 0), 0);
	assert_int_equal(out[0].payout, 34);
	assert_int_equal(out[1].payout, 34);
	assert_int_equal(out[2].payout, 33);
	/* sums hold for awkward amounts and all five roles */
	policy_defaults(&p);
	{
		const enum attribution_role all[] = { ROLE_SOURCING, ROLE_SELLING,
			ROLE_TECHNICAL_VALIDATION, ROLE_IMPLEMENTATION, ROLE_INFLUENCE };

		for (long long amount = 0; amount < 2000; amount += 7) {
			assert_int_equal(attribution_split(&p, amount, all, NULL, 5, out, NULL, 0), 0);
			assert_int_equal(sum(out, 5), amount);
		}
		assert_int_equal(attribution_split(&p, 9000000000000000000LL, all, NULL, 5, out,
						   NULL, 0), 0);
		assert_int_equal(sum(out, 5), 9000000000000000000LL);
	}
	assert_int_equal(attribution_split(&p, 0, three, NULL, 3, out, NULL, 0), 0);
	assert_int_equal(sum(out, 3), 0);
}

static void test_errors(void **state)
{
	struct desk_policy p;
	const enum attribution_role dup[] = { ROLE_SELLING, ROLE_SELLING };
	const enum attribution_role two[] = { ROLE_SELLING, ROLE_SOURCING };
	const enum attribution_role bad[] = { ROLE_COUNT };
	const double short_pct[] = { 50, 40 };
	const double neg_pct[] = { 110, -10 };
	struct attribution_share out[2] = { { ROLE_INFLUENCE, 1.5, 77 }, { ROLE_INFLUENCE, 1.5, 77 } };
	char err[128];
	(void)state;

	policy_defaults(&p);
	assert_int_equal(attribution_split(&p, 100, two, NULL, 0, out, err, sizeof err), -1);
	assert_string_equal(err, "attribution: no roles to split over");
	assert_int_equal(attribution_split(&p, 100, dup, NULL, 2, out, err, sizeof err), -1);
	assert_string_equal(err, "attribution: role selling listed twice");
	assert_int_equal(attribution_split(&p, -1, two, NULL, 2, out, err, sizeof err), -1);
	assert_string_equal(err, "attribution: amount -1 is negative");
	assert_int_equal(attribution_split(&p, 100, two, short_pct, 2, out, err, sizeof err), -1);
	assert_string_equal(err, "attribution: percents sum to 90, must be 100");
	assert_int_equal(attribution_split(&p, 100, two, neg_pct, 2, out, err, sizeof err), -1);
	assert_int_equal(attribution_split(&p, 100, bad, NULL, 1, out, err, sizeof err), -1);
	p.role_weights[ROLE_SELLING] = p.role_weights[ROLE_SOURCING] = 0;
	assert_int_equal(attribution_split(&p, 100, two, NULL, 2, out, err, sizeof err), -1);
	assert_string_equal(err, "attribution: every role present has weight zero");
	/* nothing was written on error */
	assert_int_equal(out[0].payout, 77);
	assert_int_equal(out[1].role, ROLE_INFLUENCE);
}

static void test_completeness(void **state)
{
	const enum attribution_role ok[] = { ROLE_SELLING, ROLE_SOURCING, ROLE_INFLUENCE };
	const enum attribution_role no_source[] = { ROLE_SELLING, ROLE_INFLUENCE };
	const enum attribution_role no_sell[] = { ROLE_SOURCING };
	const enum attribution_role twice[] = { ROLE_SOURCING, ROLE_SELLING, ROLE_SOURCING };
	char why[64];
	(void)state;

	assert_int_equal(attribution_is_complete(ok, 3, why, sizeof why), 1);
	assert_string_equal(why, "");
	assert_int_equal(attribution_is_complete(no_source, 2, why, sizeof why), 0);
	assert_string_equal(why, "no sourcing role");
	assert_int_equal(attribution_is_complete(no_sell, 1, why, sizeof why), 0);
	assert_string_equal(why, "no selling role");
	assert_int_equal(attribution_is_complete(twice, 3, why, sizeof why), 0);
	assert_string_equal(why, "sourcing listed twice");
	assert_int_equal(attribution_is_complete(NULL, 0, why, sizeof why), 0);
	assert_string_equal(why, "no roles recorded");
	assert_int_equal(attribution_is_complete(ok, 3, NULL, 0), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_explicit_percents),
		cmocka_unit_test(test_policy_weights_renormalised),
		cmocka_unit_test(test_remainders),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_completeness),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
