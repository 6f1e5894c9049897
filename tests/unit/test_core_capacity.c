/* Unit tests of the capacity model and the dial arithmetic. */
#include "test_util.h"

#include <math.h>

#include "coselldesk/capacity.h"
#include "coselldesk/policy.h"

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

static void test_worked_example(void **state)
{
	struct desk_policy p;
	struct capacity_result r;
	const long deals[TIER_COUNT] = { 35, 60, 40 };
	double available, required;
	(void)state;

	policy_defaults(&p);
	available = capacity_available(20, 13, 12, 0.25);
	assert_near(available, 780);
	assert_near(capacity_available(20, 13, 12, 1.0), 3120);
	required = capacity_required(&p, deals);
	assert_near(required, 390);
	capacity_assess(&p, available, required, &r);
	assert_near(r.utilization, 0.5);
	assert_int_equal(r.utilization_known, 1);
	assert_int_equal(r.state, CAPACITY_SLACK);
	assert_int_equal(r.band.low, 58);
	assert_int_equal(r.band.high, 64);
	assert_int_equal(r.recommended_threshold, 60);
	/* had demand been 950 hours: severely constrained, bar to 80 */
	capacity_assess(&p, available, 950, &r);
	assert_int_equal(r.state, CAPACITY_SEVERELY_CONSTRAINED);
	assert_int_equal(r.recommended_threshold, 80);
}

static void test_sensitivity(void **state)
{
	(void)state;
	assert_int_equal(capacity_deals_absorbed(780, 14), 56);
	assert_int_equal(capacity_deals_absorbed(780, 8), 98);
	assert_int_equal(capacity_deals_absorbed(780, 4.1), 190);
	assert_int_equal(capacity_deals_absorbed(780, 0), -1);
	assert_int_equal(capacity_deals_absorbed(780, -3), -1);
	assert_int_equal(capacity_deals_absorbed(0, 5), 0);
}

static void test_state_cutoffs(void **state)
{
	struct desk_policy p;
	(void)state;

	policy_defaults(&p);
	assert_int_equal(capacity_state_of(&p, 100, 59), CAPACITY_SLACK);
	assert_int_equal(capacity_state_of(&p, 100, 60), CAPACITY_BALANCED);
	assert_int_equal(capacity_state_of(&p, 780, 468), CAPACITY_BALANCED);   /* u = 0.60 */
	assert_int_equal(capacity_state_of(&p, 100, 89), CAPACITY_BALANCED);
	assert_int_equal(capacity_state_of(&p, 100, 90), CAPACITY_CONSTRAINED);
	assert_int_equal(capacity_state_of(&p, 100, 109), CAPACITY_CONSTRAINED);
	assert_int_equal(capacity_state_of(&p, 100, 110), CAPACITY_SEVERELY_CONSTRAINED);
	assert_int_equal(capacity_state_of(&p, 0, 5), CAPACITY_SEVERELY_CONSTRAINED);
	assert_int_equal(capacity_state_of(&p, 0, 0), CAPACITY_SLACK);
}

static void test_bands_per_state(void **state)
{
	struct desk_policy p;
	struct capacity_result r;
	(void)state;

	policy_defaults(&p);
	capacity_assess(&p, 100, 70, &r);
	assert_int_equal(r.state, CAPACITY_BALANCED);
	assert_int_equal(r.band.low, 65);
	assert_int_equal(r.band.high, 71);
	assert_int_equal(r.recommended_threshold, 70);
	capacity_assess(&p, 100, 100, &r);
	assert_int_equal(r.state, CAPACITY_CONSTRAINED);
	assert_int_equal(r.recommended_threshold, 75);
	capacity_assess(&p, 0, 10, &r);
	assert_int_equal(r.utilization_known, 0);
	assert_near(r.utilization, 0);
	assert_int_equal(r.recommended_threshold, 80);
}

static void test_negative_inputs(void **state)
{
	struct desk_policy p;
	const long deals[TIER_COUNT] = { -5, 2, 0 };
	(void)state;

	policy_defaults(&p);
	assert_near(capacity_available(-3, 13, 12, 0.25), 0);
	assert_near(capacity_available(3, 13, -12, 0.25), 0);
	assert_near(capacity_required(&p, deals), 6);
}

static void test_gate_changes(void **state)
{
	long hist[101] = { 0 };
	long gained, lost;
	(void)state;

	hist[59] = 3;
	hist[60] = 5;
	hist[65] = 7;
	hist[69] = 2;
	hist[70] = 11;
	hist[100] = 1;
	/* the bar comes down 70 -> 60: scores 60..69 become PQLs */
	assert_int_equal(capacity_gate_changes(hist, 70, 60, &gained, &lost), 14);
	assert_int_equal(gained, 14);
	assert_int_equal(lost, 0);
	/* and back up: the same intros drop below */
	assert_int_equal(capacity_gate_changes(hist, 60, 70, &gained, &lost), 14);
	assert_int_equal(gained, 0);
	assert_int_equal(lost, 14);
	assert_int_equal(capacity_gate_changes(hist, 70, 70, &gained, &lost), 0);
	assert_int_equal(capacity_gate_changes(hist, 70, 71, NULL, NULL), 11);
	/* a bar of 101 gates out everything, 0 gates everything in */
	assert_int_equal(capacity_gate_changes(hist, 0, 101, NULL, NULL), 29);
	assert_int_equal(capacity_gate_changes(hist, 500, -4, &gained, NULL), 29);
	assert_int_equal(gained, 29);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_worked_example),
		cmocka_unit_test(test_sensitivity),
		cmocka_unit_test(test_state_cutoffs),
		cmocka_unit_test(test_bands_per_state),
		cmocka_unit_test(test_negative_inputs),
		cmocka_unit_test(test_gate_changes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
