/* Unit tests of the PQL score, the gap analysis and the policy validator. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "coselldesk/policy.h"
#include "coselldesk/score.h"

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

static const int northwind[PQL_FACTOR_COUNT] = { 22, 12, 20, 13, 5, 7 };

static void test_policy_defaults(void **state)
{
	struct desk_policy p;
	(void)state;

	policy_defaults(&p);
	assert_int_equal(p.weights[PQL_OVERLAP], 25);
	assert_int_equal(p.weights[PQL_BUDGET], 20);
	assert_int_equal(p.weights[PQL_ICP], 20);
	assert_int_equal(p.weights[PQL_RELATIONSHIP], 15);
	assert_int_equal(p.weights[PQL_COMPETITIVE], 10);
	assert_int_equal(p.weights[PQL_SIZE], 10);
	assert_int_equal(p.threshold, 70);
	assert_int_equal(p.bands[CAPACITY_SLACK].low, 58);
	assert_int_equal(p.bands[CAPACITY_SLACK].preset, 60);
	assert_int_equal(p.bands[CAPACITY_BALANCED].high, 71);
	assert_int_equal(p.bands[CAPACITY_CONSTRAINED].preset, 75);
	assert_int_equal(p.bands[CAPACITY_SEVERELY_CONSTRAINED].low, 78);
	assert_int_equal(p.bands[CAPACITY_SEVERELY_CONSTRAINED].high, 82);
	assert_near(p.balanced_from, 0.60);
	assert_near(p.severe_from, 1.10);
	assert_int_equal(p.tier1_above_acv, 75000);
	assert_int_equal(p.tier2_from_acv, 20000);
	assert_int_equal(p.hours[0].preset, 6);
	assert_int_equal(p.hours[1].max, 4);
	assert_int_equal(p.hours[2].preset, 0);
	assert_int_equal(p.sla_triage_hours, 24);
	assert_int_equal(p.role_weights[ROLE_SELLING], 40);
	assert_int_equal(p.role_weights[ROLE_IMPLEMENTATION], 20);
	assert_int_equal(p.calibration_band_count, 6);
	assert_int_equal(p.selling_hours_per_week, 13);
	assert_near(p.cosell_share, 0.25);
	assert_int_equal(score_validate_policy(&p, NULL, 0), 0);
}

static void test_policy_names(void **state)
{
	(void)state;
	for (int f = 0; f < PQL_FACTOR_COUNT; f++) {
		assert_int_equal(policy_factor_from_name(policy_factor_name((enum pql_factor)f)), f);
		assert_non_null(policy_factor_rubric((enum pql_factor)f));
	}
	assert_string_equal(policy_factor_label(PQL_ICP), "ICP fit");
	assert_string_equal(policy_factor_rubric(PQL_RELATIONSHIP),
			    "partner has an executive sponsor, not a dormant contact");
	assert_null(policy_factor_name(PQL_FACTOR_COUNT));
	assert_string_equal(policy_capacity_state_name(CAPACITY_SEVERELY_CONSTRAINED),
			    "severely_constrained");
	assert_int_equal(policy_capacity_state_from_name("Severely Constrained"),
			 CAPACITY_SEVERELY_CONSTRAINED);
	assert_int_equal(policy_role_from_name("technical-validation"), ROLE_TECHNICAL_VALIDATION);
	assert_int_equal(policy_role_from_name("marketing"), -1);
	assert_int_equal(policy_factor_from_name(NULL), -1);
}

static void test_northwind(void **state)
{
	struct desk_policy p;
	struct score_explanation e;
	char s[128];
	(void)state;

	policy_defaults(&p);
	assert_int_equal(score_validate(&p, northwind, NULL, 0), 0);
	assert_int_equal(score_total(northwind), 79);
	assert_true(score_is_pql(79, p.threshold));
	score_explain(&p, northwind, p.threshold, &e);
	assert_int_equal(e.score, 79);
	assert_int_equal(e.is_pql, 1);
	assert_int_equal(e.gap, -9);
	assert_int_equal(e.plan, SCORE_PLAN_NONE);
	assert_int_equal(e.raise_count, 0);
	assert_int_equal(e.lines[PQL_ICP].points, 20);
	assert_int_equal(e.lines[PQL_ICP].weight, 20);
	assert_near(e.lines[PQL_OVERLAP].share_pct, 100.0 * 22 / 79);
	assert_int_equal(e.headroom, 21);
	score_gap_sentence(&e, s, sizeof s);
	assert_string_equal(s, "9 over the bar");
}

static void test_exactly_at_the_bar(void **state)
{
	struct desk_policy p;
	struct score_explanation e;
	const int at[PQL_FACTOR_COUNT] = { 20, 12, 15, 10, 7, 6 };     /* 70 */
	const int below[PQL_FACTOR_COUNT] = { 20, 12, 15, 10, 7, 5 };  /* 69 */
	char s[128];
	(void)state;

	policy_defaults(&p);
	score_explain(&p, at, 70, &e);
	assert_int_equal(e.score, 70);
	assert_int_equal(e.is_pql, 1);
	assert_int_equal(e.gap, 0);
	score_gap_sentence(&e, s, sizeof s);
	assert_string_equal(s, "at the bar");

	score_explain(&p, below, 70, &e);
	assert_int_equal(e.is_pql, 0);
	assert_int_equal(e.gap, 1);
	assert_int_equal(e.plan, SCORE_PLAN_ANY_ONE);
	/* every factor has headroom >= 1; overlap has the largest weight */
	assert_int_equal(e.raise_count, 1);
	assert_int_equal(e.raises[0].factor, PQL_OVERLAP);
	assert_int_equal(e.raises[0].points, 1);
	score_gap_sentence(&e, s, sizeof s);
	assert_string_equal(s, "raise overlap depth by 1 point");
	assert_false(score_is_pql(69, 70));
	assert_true(score_is_pql(70, 70));
}

static void test_invalid_points(void **state)
{
	struct desk_policy p;
	char err[160];
	int pts[PQL_FACTOR_COUNT] = { 22, 12, 21, 13, 5, 7 };
	(void)state;

	policy_defaults(&p);
	assert_int_equal(score_validate(&p, pts, err, sizeof err), -1);
	assert_string_equal(err, "ICP fit: 21 points is over its weight 20");
	pts[PQL_ICP] = 20;
	pts[PQL_SIZE] = -1;
	assert_int_equal(score_validate(&p, pts, err, sizeof err), -1);
	assert_string_equal(err, "deal size vs effort: -1 points is negative (0 to 10)");
	assert_int_equal(score_validate_factor(&p, PQL_OVERLAP, 25, err, sizeof err), 0);
	assert_int_equal(score_validate_factor(&p, PQL_OVERLAP, 26, err, sizeof err), -1);
	assert_int_equal(score_validate_factor(&p, PQL_FACTOR_COUNT, 1, err, sizeof err), -1);
	/* no buffer is fine */
	assert_int_equal(score_validate(&p, pts, NULL, 0), -1);
}

static void test_gap_ties_on_weight(void **state)
{
	struct desk_policy p;
	struct score_explanation e;
	const int pts[PQL_FACTOR_COUNT] = { 25, 10, 10, 10, 5, 5 };    /* 65, gap 5 */
	char s[128];
	(void)state;

	policy_defaults(&p);
	score_explain(&p, pts, 70, &e);
	assert_int_equal(e.gap, 5);
	assert_int_equal(e.plan, SCORE_PLAN_ANY_ONE);
	assert_int_equal(e.raise_count, 2);
	assert_int_equal(e.raises[0].factor, PQL_BUDGET);
	assert_int_equal(e.raises[1].factor, PQL_ICP);
	assert_int_equal(e.raises[0].points, 5);
	score_gap_sentence(&e, s, sizeof s);
	assert_string_equal(s, "raise budget / timing or ICP fit by 5 points");
}

static void test_gap_largest_weight_that_suffices(void **state)
{
	struct desk_policy p;
	struct score_explanation e;
	const int pts[PQL_FACTOR_COUNT] = { 22, 10, 12, 8, 4, 4 };     /* 60, gap 10 */
	(void)state;

	policy_defaults(&p);
	score_explain(&p, pts, 70, &e);
	/* overlap has only 3 left; budget (10) suffices, ICP has 8: budget alone */
	assert_int_equal(e.plan, SCORE_PLAN_ANY_ONE);
	assert_int_equal(e.raise_count, 1);
	assert_int_equal(e.raises[0].factor, PQL_BUDGET);
	assert_int_equal(e.raises[0].points, 10);
}

static void test_gap_greedy(void **state)
{
	struct desk_policy p;
	struct score_explanation e;
	const int pts[PQL_FACTOR_COUNT] = { 20, 16, 16, 12, 8, 8 };    /* 80 */
	char s[200];
	(void)state;

	policy_defaults(&p);
	score_explain(&p, pts, 95, &e);
	assert_int_equal(e.gap, 15);
	assert_int_equal(e.plan, SCORE_PLAN_ALL_OF);
	assert_int_equal(e.raise_count, 4);
	assert_int_equal(e.raises[0].factor, PQL_OVERLAP);
	assert_int_equal(e.raises[0].points, 5);
	assert_int_equal(e.raises[1].factor, PQL_BUDGET);
	assert_int_equal(e.raises[1].points, 4);
	assert_int_equal(e.raises[2].factor, PQL_ICP);
	assert_int_equal(e.raises[2].points, 4);
	assert_int_equal(e.raises[3].factor, PQL_RELATIONSHIP);
	assert_int_equal(e.raises[3].points, 2);
	score_gap_sentence(&e, s, sizeof s);
	assert_string_equal(s, "raise overlap depth by 5, budget / timing by 4, ICP fit by 4"
			    " and partner relationship strength by 2 points");
}

static void test_gap_impossible(void **state)
{
	struct desk_policy p;
	struct score_explanation e;
	const int pts[PQL_FACTOR_COUNT] = { 25, 20, 20, 15, 10, 5 };   /* 95 */
	char s[64];
	size_t need;
	(void)state;

	policy_defaults(&p);
	score_explain(&p, pts, 101, &e);
	assert_int_equal(e.plan, SCORE_PLAN_IMPOSSIBLE);
	assert_int_equal(e.raise_count, 0);
	need = score_gap_sentence(&e, s, sizeof s);
	assert_string_equal(s, "cannot reach 101: at most 100");
	assert_int_equal(need, strlen(s));
	/* a short buffer is cut but terminated, and the needed length returned */
	assert_int_equal(score_gap_sentence(&e, s, 8), need);
	assert_int_equal(strlen(s), 7);
}

static void test_zero_score_shares(void **state)
{
	struct desk_policy p;
	struct score_explanation e;
	const int zero[PQL_FACTOR_COUNT] = { 0 };
	(void)state;

	policy_defaults(&p);
	score_explain(&p, zero, 70, &e);
	assert_near(e.lines[PQL_OVERLAP].share_pct, 0);
	assert_int_equal(e.plan, SCORE_PLAN_ALL_OF);
	assert_int_equal(e.raises[0].factor, PQL_OVERLAP);
	assert_int_equal(e.raises[0].points, 25);
}

static void expect_policy_error(struct desk_policy *p, const char *needle)
{
	char err[256];

	err[0] = '\0';
	assert_int_equal(score_validate_policy(p, err, sizeof err), -1);
	if (!strstr(err, needle))
		fail_msg("message '%s' lacks '%s'", err, needle);
	policy_defaults(p);
}

static void test_policy_validation(void **state)
{
	struct desk_policy p;
	(void)state;

	policy_defaults(&p);
	p.weights[PQL_SIZE] = 5;
	expect_policy_error(&p, "pql.weights: sum to 95, must be 100");
	p.weights[PQL_SIZE] = -10;
	p.weights[PQL_COMPETITIVE] = 30;
	expect_policy_error(&p, "pql.weights.size");
	p.threshold = 101;
	expect_policy_error(&p, "pql.threshold");
	p.bands[CAPACITY_BALANCED].high = 60;
	expect_policy_error(&p, "dial.balanced: high 60 is below low 65");
	p.bands[CAPACITY_CONSTRAINED].low = 70;
	expect_policy_error(&p, "dial: constrained (70-77) overlaps");
	p.bands[CAPACITY_SLACK].preset = 65;
	expect_policy_error(&p, "dial.slack: preset 65");
	p.constrained_from = 0.5;
	expect_policy_error(&p, "capacity.constrained_from");
	p.severe_from = 0.9;
	expect_policy_error(&p, "capacity.severe_from");
	p.tier2_from_acv = 80000;
	expect_policy_error(&p, "tiers.tier2_from_acv: 80000 is above tiers.tier1_above_acv 75000");
	p.hours[0].preset = 9;
	expect_policy_error(&p, "tiers.hours.tier1: preset 9 is outside 5-8");
	p.hours[1].max = 1;
	expect_policy_error(&p, "tiers.hours.tier2: max 1 is below min 2");
	p.thin_overlap_share = 0.9;
	expect_policy_error(&p, "thin_overlap_share");
	p.tier_gaming_factor = 0.5;
	expect_policy_error(&p, "tiers.gaming_factor");
	p.sla_triage_hours = 0;
	expect_policy_error(&p, "sla.triage_hours");
	memset(p.role_weights, 0, sizeof p.role_weights);
	expect_policy_error(&p, "attribution: every role weight is zero");
	p.role_weights[ROLE_INFLUENCE] = -1;
	expect_policy_error(&p, "attribution.influence");
	p.calibration_bands[3] = 50;
	expect_policy_error(&p, "calibration.bands");
	p.calibration_bands[0] = 10;
	expect_policy_error(&p, "calibration.bands: the first band must start at 0");
	p.calibration_band_count = 0;
	expect_policy_error(&p, "calibration.bands");
	p.cosell_share = 0;
	expect_policy_error(&p, "capacity.cosell_share");
	p.weeks_per_quarter = 0;
	expect_policy_error(&p, "capacity.weeks_per_quarter");
	assert_int_equal(score_validate_policy(&p, NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_policy_defaults),
		cmocka_unit_test(test_policy_names),
		cmocka_unit_test(test_northwind),
		cmocka_unit_test(test_exactly_at_the_bar),
		cmocka_unit_test(test_invalid_points),
		cmocka_unit_test(test_gap_ties_on_weight),
		cmocka_unit_test(test_gap_largest_weight_that_suffices),
		cmocka_unit_test(test_gap_greedy),
		cmocka_unit_test(test_gap_impossible),
		cmocka_unit_test(test_zero_score_shares),
		cmocka_unit_test(test_policy_validation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
