/* Unit tests of the tier rule, AE-hour budgets and the tier-gaming check. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "coselldesk/policy.h"
#include "coselldesk/tier.h"

static struct tier_result decide(long acv, int overlap, int strategic)
{
	struct desk_policy p;
	struct tier_input in = { .expected_acv = acv, .acv_known = 1,
				 .overlap_points = overlap, .strategic = strategic };
	struct tier_result r;

	policy_defaults(&p);
	tier_decide(&p, &in, &r);
	return r;
}

static void test_northwind(void **state)
{
	struct tier_result r = decide(55000, 22, 0);
	(void)state;

	assert_int_equal(r.tier, 2);
	assert_int_equal(r.ae_hours, 3);
	assert_int_equal(r.acv_source, TIER_ACV_CLAIMED);
	assert_int_equal(r.lifted, 0);
	assert_int_equal(r.reason_count, 1);
	assert_string_equal(r.reasons[0], "expected ACV $55,000 is within $20,000-$75,000: tier 2");
}

static void test_band_boundaries(void **state)
{
	(void)state;
	/* moderate overlap (15/25) so neither lift nor cap applies */
	assert_int_equal(decide(75001, 15, 0).tier, 1);
	assert_int_equal(decide(75000, 15, 0).tier, 2);
	assert_int_equal(decide(20000, 15, 0).tier, 2);
	assert_int_equal(decide(19999, 15, 0).tier, 3);
	assert_int_equal(decide(0, 15, 0).tier, 3);
	assert_int_equal(decide(75001, 15, 0).ae_hours, 6);
	assert_int_equal(decide(19999, 15, 0).ae_hours, 0);
	assert_string_equal(decide(75001, 15, 0).reasons[0],
			    "expected ACV $75,001 is above $75,000: tier 1");
	assert_string_equal(decide(19999, 15, 0).reasons[0],
			    "expected ACV $19,999 is below $20,000: tier 3");
}

static void test_lift_deep_strategic(void **state)
{
	struct tier_result r;
	(void)state;

	/* deep means >= 0.8 x 25 = 20 points */
	r = decide(55000, 20, 1);
	assert_int_equal(r.band_tier, 2);
	assert_int_equal(r.tier, 1);
	assert_int_equal(r.lifted, 1);
	assert_int_equal(r.ae_hours, 6);
	assert_int_equal(r.reason_count, 2);
	assert_string_equal(r.reasons[1], "deep overlap (20/25) on a strategic account: lifted to tier 1");
	/* not strategic, or not deep enough: no lift */
	assert_int_equal(decide(55000, 25, 0).tier, 2);
	assert_int_equal(decide(55000, 19, 1).tier, 2);
	/* tier 3 is never lifted */
	assert_int_equal(decide(10000, 25, 1).tier, 3);
}

static void test_cap_thin(void **state)
{
	struct tier_result r;
	(void)state;

	/* thin means <= 0.4 x 25 = 10 points */
	r = decide(120000, 10, 1);
	assert_int_equal(r.band_tier, 1);
	assert_int_equal(r.tier, 2);
	assert_int_equal(r.capped, 1);
	assert_int_equal(r.ae_hours, 3);
	assert_string_equal(r.reasons[1], "thin overlap (10/25): capped at tier 2");
	assert_int_equal(decide(120000, 11, 0).tier, 1);
}

static void test_acv_unknown(void **state)
{
	struct desk_policy p;
	struct tier_input in = { .acv_known = 0, .partner_avg_won_acv = 80000,
				 .partner_avg_known = 1, .overlap_points = 15 };
	struct tier_result r;
	(void)state;

	policy_defaults(&p);
	tier_decide(&p, &in, &r);
	assert_int_equal(r.acv_source, TIER_ACV_PARTNER_AVERAGE);
	assert_int_equal(r.acv_used, 80000);
	assert_int_equal(r.tier, 1);
	assert_string_equal(r.reasons[0],
			    "ACV ambiguous: use the partner's historical average ($80,000) and proceed");
	assert_string_equal(r.reasons[1], "partner's average won ACV $80,000 is above $75,000: tier 1");

	in.partner_avg_known = 0;
	tier_decide(&p, &in, &r);
	assert_int_equal(r.acv_source, TIER_ACV_NONE);
	assert_int_equal(r.tier, 3);
	assert_int_equal(r.ae_hours, 0);
	assert_int_equal(r.reason_count, 1);
	assert_non_null(strstr(r.reasons[0], "no expected ACV"));
}

static void test_hours_and_override(void **state)
{
	struct desk_policy p;
	char err[128];
	(void)state;

	policy_defaults(&p);
	assert_int_equal(tier_hours_preset(&p, 1), 6);
	assert_int_equal(tier_hours_preset(&p, 2), 3);
	assert_int_equal(tier_hours_preset(&p, 3), 0);
	assert_int_equal(tier_hours_preset(&p, 4), -1);
	assert_int_equal(tier_hours_preset(&p, 0), -1);
	assert_int_equal(tier_check_hours(&p, 2, 4, err, sizeof err), 0);
	assert_int_equal(tier_check_hours(&p, 2, 5, err, sizeof err), -1);
	assert_string_equal(err, "tier 2 budget 5 h is outside 2-4 h");
	assert_int_equal(tier_check_hours(&p, 1, 4, err, sizeof err), -1);
	assert_int_equal(tier_check_hours(&p, 3, 1, err, sizeof err), -1);
	assert_int_equal(tier_check_hours(&p, 4, 1, err, sizeof err), -1);
	assert_int_equal(tier_check_override(1, "strategic logo, CRO asked", err, sizeof err), 0);
	assert_int_equal(tier_check_override(1, "   ", err, sizeof err), -1);
	assert_string_equal(err, "a tier override needs a written reason");
	assert_int_equal(tier_check_override(2, NULL, err, sizeof err), -1);
	assert_int_equal(tier_check_override(0, "x", err, sizeof err), -1);
}

static void test_gaming(void **state)
{
	struct desk_policy p;
	struct tier_gaming g;
	(void)state;

	policy_defaults(&p);
	tier_gaming_check(&p, 200000, 55000, 1, &g);
	assert_int_equal(g.flagged, 1);
	assert_true(fabs(g.ratio - 200000.0 / 55000.0) < 1e-9);
	assert_string_equal(g.reason, "tier gaming: claimed ACV $200,000 is 3.6x the partner's"
			    " median won ACV $55,000 (flag above 1.5x)");
	/* exactly 1.5x is not above the factor */
	tier_gaming_check(&p, 82500, 55000, 1, &g);
	assert_int_equal(g.flagged, 0);
	assert_non_null(strstr(g.reason, "within 1.5x"));
	tier_gaming_check(&p, 82501, 55000, 1, &g);
	assert_int_equal(g.flagged, 1);
	tier_gaming_check(&p, 500000, 0, 0, &g);
	assert_int_equal(g.flagged, 0);
	assert_int_equal(g.has_history, 0);
	assert_non_null(strstr(g.reason, "no won history"));
	tier_gaming_check(&p, 1000, 0, 1, &g);
	assert_int_equal(g.flagged, 1);
}

static void test_median(void **state)
{
	long odd[] = { 90000, 10000, 55000 };
	long even[] = { 40000, 10000, 30000, 20001 };
	long one[] = { 7 };
	(void)state;

	assert_int_equal(tier_median(odd, 3), 55000);
	assert_int_equal(odd[0], 10000); /* sorted in place, as documented */
	assert_int_equal(tier_median(even, 4), 25000);
	assert_int_equal(tier_median(one, 1), 7);
	assert_int_equal(tier_median(NULL, 0), 0);
}

static void test_dollars(void **state)
{
	char b[32];
	(void)state;

	assert_int_equal(tier_format_dollars(55000, b, sizeof b), 7);
	assert_string_equal(b, "$55,000");
	tier_format_dollars(0, b, sizeof b);
	assert_string_equal(b, "$0");
	tier_format_dollars(999, b, sizeof b);
	assert_string_equal(b, "$999");
	tier_format_dollars(1000, b, sizeof b);
	assert_string_equal(b, "$1,000");
	tier_format_dollars(-1200, b, sizeof b);
	assert_string_equal(b, "-$1,200");
	tier_format_dollars(1234567890123LL, b, sizeof b);
	assert_string_equal(b, "$1,234,567,890,123");
	assert_int_equal(tier_format_dollars(55000, b, 4), 7);
	assert_string_equal(b, "$55");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_northwind),
		cmocka_unit_test(test_band_boundaries),
		cmocka_unit_test(test_lift_deep_strategic),
		cmocka_unit_test(test_cap_thin),
		cmocka_unit_test(test_acv_unknown),
		cmocka_unit_test(test_hours_and_override),
		cmocka_unit_test(test_gaming),
		cmocka_unit_test(test_median),
		cmocka_unit_test(test_dollars),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
