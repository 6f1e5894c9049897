/* calibration.c - close rate per PQL score band and what it says of the bar. */
#include <stdio.h>
#include <string.h>

#include "coselldesk/calibration.h"
#include "core_util.h"

#define SCORE_TOP 100

void calibration_init(const struct desk_policy *p, struct calibration_report *r)
{
	int count = p->calibration_band_count;

	memset(r, 0, sizeof *r);
	if (count < 0)
		count = 0;
	if (count > CALIBRATION_MAX_BANDS)
		count = CALIBRATION_MAX_BANDS;
	r->band_count = count;
	for (int i = 0; i < count; i++) {
		struct calibration_band *b = &r->bands[i];

		b->low = p->calibration_bands[i];
		b->high = i + 1 < count ? p->calibration_bands[i + 1] - 1 : SCORE_TOP;
		if (i + 1 < count)
			snprintf(b->label, sizeof b->label, "%d-%d", b->low, b->high);
		else if (b->low >= SCORE_TOP)
			snprintf(b->label, sizeof b->label, "%d", SCORE_TOP);
		else
			snprintf(b->label, sizeof b->label, "%d+", b->low);
	}
}

int calibration_band_of(const struct calibration_report *r, int score)
{
	if (score < 0 || score > SCORE_TOP)
		return -1;
	for (int i = 0; i < r->band_count; i++)
		if (score >= r->bands[i].low && score <= r->bands[i].high)
			return i;
	return -1;
}

void calibration_add(struct calibration_report *r, int score, int won, long count)
{
	int i = calibration_band_of(r, score);

	if (i < 0 || count <= 0)
		return;
	r->bands[i].closed += count;
	if (won)
		r->bands[i].won += count;
}

void calibration_finish(struct calibration_report *r)
{
	for (int i = 0; i < r->band_count; i++) {
		struct calibration_band *b = &r->bands[i];

		b->rate = b->closed > 0 ? (double)b->won / (double)b->closed : 0;
	}
}

void calibration_compute(const struct desk_policy *p, const struct calibration_outcome *o,
			 size_t n, struct calibration_report *r)
{
	calibration_init(p, r);
	for (size_t i = 0; i < n; i++)
		calibration_add(r, o[i].score, o[i].won, 1);
	calibration_finish(r);
}

enum calibration_verdict calibration_judge(const struct calibration_report *r, int threshold,
					   long min_closed, double far_below,
					   char *why, size_t why_size)
{
	int bar = calibration_band_of(r, threshold);
	int top = -1;
	const struct calibration_band *b, *t;

	for (int i = r->band_count - 1; i >= 0 && top < 0; i--)
		if (r->bands[i].closed > 0)
			top = i;
	if (bar < 0 || top < 0 || bar >= top) {
		core_say(why, why_size, "not enough data: no closed deals above the band holding the bar %d",
			 threshold);
		return CALIBRATION_NOT_ENOUGH_DATA;
	}
	b = &r->bands[bar];
	t = &r->bands[top];
	if (b->closed < min_closed || t->closed < min_closed) {
		core_say(why, why_size, "not enough data: %s has %ld closed, %s has %ld (need %ld each)",
			 b->label, b->closed, t->label, t->closed, min_closed);
		return CALIBRATION_NOT_ENOUGH_DATA;
	}
	if (b->rate < far_below * t->rate) {
		core_say(why, why_size, "%s closes at %.0f%% against %.0f%% for %s: the bar looks too low",
			 b->label, 100 * b->rate, 100 * t->rate, t->label);
		return CALIBRATION_BAR_TOO_LOW;
	}
	core_say(why, why_size, "%s closes at %.0f%% against %.0f%% for %s: the bar looks right",
		 b->label, 100 * b->rate, 100 * t->rate, t->label);
	return CALIBRATION_BAR_OK;
}

const char *calibration_verdict_name(enum calibration_verdict v)
{
	static const char *const names[] = {
		[CALIBRATION_NOT_ENOUGH_DATA] = "not_enough_data",
		[CALIBRATION_BAR_OK] = "ok",
		[CALIBRATION_BAR_TOO_LOW] = "too_low",
	};

	return (unsigned)v < sizeof names / sizeof names[0] ? names[v] : NULL;
}
