/* Unit tests of close rates per score band and the bar verdict. */
#include "test_util.h"

#include <math.h>
#include <string.h>

#include "coselldesk/calibration.h"
#include "coselldesk/policy.h"

#define assert_near(a, b) assert_true(fabs((double)(a) - (double)(b)) < 1e-9)

static void test_bands_and_labels(void **state)
{
	struct desk_policy p;
	struct calibration_report r;
	(void)state;

	policy_defaults(&p);
	calibration_init(&p, &r);
	assert_int_equal(r.band_count, 6);
	assert_string_equal(r.bands[0].label, "0-49");
	assert_string_equal(r.bands[2].label, "58-64");
	assert_string_equal(r.bands[3].label, "65-70");
	assert_string_equal(r.bands[4].label, "71-79");
	assert_string_equal(r.bands[5].label, "80+");
	assert_int_equal(r.bands[5].high, 100);
	assert_int_equal(calibration_band_of(&r, 0), 0);
	assert_int_equal(calibration_band_of(&r, 64), 2);
	assert_int_equal(calibration_band_of(&r, 65), 3);
	assert_int_equal(calibration_band_of(&r, 70), 3);
	assert_int_equal(calibration_band_of(&r, 71), 4);
	assert_int_equal(calibration_band_of(&r, 100), 5);
	assert_int_equal(calibration_band_of(&r, 101), -1);
	assert_int_equal(calibration_band_of(&r, -1), -1);
}

/* n closed in one score, w of them won */
static void add_outcomes(struct calibration_outcome *o, size_t *n, int score, int closed, int won)
{
	for (int i = 0; i < closed; i++) {
		o[*n].score = score;
		o[*n].won = i < won;
		(*n)++;
	}
}

static void test_domain_example_too_low(void **state)
{
	struct desk_policy p;
	struct calibration_report r;
	struct calibration_outcome o[400];
	size_t n = 0;
	char why[160];
	(void)state;

	policy_defaults(&p);
	add_outcomes(o, &n, 67, 100, 9);   /* 65-70 closes at 9% */
	add_outcomes(o, &n, 75, 50, 12);
	add_outcomes(o, &n, 85, 100, 41);  /* 80+ at 41% */
	add_outcomes(o, &n, 101, 5, 5);    /* out of range: ignored */
	calibration_compute(&p, o, n, &r);
	assert_int_equal(r.bands[3].closed, 100);
	assert_int_equal(r.bands[3].won, 9);
	assert_near(r.bands[3].rate, 0.09);
	assert_near(r.bands[5].rate, 0.41);
	assert_int_equal(r.bands[0].closed, 0);
	assert_near(r.bands[0].rate, 0);
	assert_int_equal(calibration_judge(&r, 70, CALIBRATION_MIN_CLOSED, CALIBRATION_FAR_BELOW,
					   why, sizeof why), CALIBRATION_BAR_TOO_LOW);
	assert_string_equal(why, "65-70 closes at 9% against 41% for 80+: the bar looks too low");
	assert_string_equal(calibration_verdict_name(CALIBRATION_BAR_TOO_LOW), "too_low");
}

static void test_bar_ok_and_not_enough(void **state)
{
	struct desk_policy p;
	struct calibration_report r;
	char why[160];
	(void)state;

	policy_defaults(&p);
	calibration_init(&p, &r);
	calibration_add(&r, 68, 1, 30);
	calibration_add(&r, 68, 0, 70);   /* 30% */
	calibration_add(&r, 90, 1, 40);
	calibration_add(&r, 90, 0, 60);   /* 40% */
	calibration_finish(&r);
	assert_int_equal(calibration_judge(&r, 70, 10, 0.5, why, sizeof why), CALIBRATION_BAR_OK);
	assert_non_null(strstr(why, "looks right"));
	/* too few in the top band */
	assert_int_equal(calibration_judge(&r, 70, 200, 0.5, why, sizeof why),
			 CALIBRATION_NOT_ENOUGH_DATA);
	assert_non_null(strstr(why, "not enough data"));
	/* the bar in the top band itself: nothing to compare with */
	assert_int_equal(calibration_judge(&r, 85, 10, 0.5, NULL, 0), CALIBRATION_NOT_ENOUGH_DATA);
	/* empty report */
	calibration_init(&p, &r);
	calibration_finish(&r);
	assert_int_equal(calibration_judge(&r, 70, 10, 0.5, why, sizeof why),
			 CALIBRATION_NOT_ENOUGH_DATA);
	calibration_add(&r, 50, 1, 0);   /* zero and negative counts are ignored */
	calibration_add(&r, 50, 1, -3);
	assert_int_equal(r.bands[1].closed, 0);
	assert_null(calibration_verdict_name((enum calibration_verdict)9));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bands_and_labels),
		cmocka_unit_test(test_domain_example_too_low),
		cmocka_unit_test(test_bar_ok_and_not_enough),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
