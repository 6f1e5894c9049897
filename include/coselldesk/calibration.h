/* calibration.h - close rate per PQL score band, and whether the bar looks
 * too low (DOMAIN.md: "If 65-70 closes at 9% and 80+ at 41%, the bar is too low").
 *
 * Pure (src/core/calibration.c).
 */
#ifndef COSELLDESK_CALIBRATION_H
#define COSELLDESK_CALIBRATION_H

#include <stddef.h>
#include "coselldesk/policy.h"

/* Defaults of the verdict (pass them unless the caller has its own). */
#define CALIBRATION_MIN_CLOSED 10      /* fewer closed deals in a band: not enough data */
#define CALIBRATION_FAR_BELOW 0.5      /* "far below": under half the top band's rate */

/* One closed intro. */
struct calibration_outcome {
	int score;                /* its PQL score 0..100 */
	int won;                  /* 1 won, 0 lost */
};

/* One score band. */
struct calibration_band {
	int low;                  /* lowest score in the band */
	int high;                 /* highest score in the band (100 for the last) */
	char label[16];           /* "65-70", "80+" (last band), "0-49" */
	long closed;              /* closed intros scored in the band */
	long won;                 /* of which won */
	double rate;              /* won / closed, 0..1 (0 when closed is 0) */
};

/* Close rates over the policy's calibration bands. */
struct calibration_report {
	int band_count;                                   /* used entries of bands[] */
	struct calibration_band bands[CALIBRATION_MAX_BANDS]; /* ascending */
};

/* Set up empty bands from the policy's calibration bounds. Bounds that do
 * not ascend, or a first bound above 0, are taken as given (scores below the
 * first bound are not counted); validate the policy first. */
void calibration_init(const struct desk_policy *p, struct calibration_report *r);

/* Index of the band holding this score, -1 when none (score out of 0..100 or
 * below the first bound). */
int calibration_band_of(const struct calibration_report *r, int score);

/* Count `count` closed intros of one score (count > 1 lets the store feed
 * grouped rows). Scores outside every band are ignored. */
void calibration_add(struct calibration_report *r, int score, int won, long count);

/* Recompute every band's rate (call after the last calibration_add). */
void calibration_finish(struct calibration_report *r);

/* init + add each outcome + finish. */
void calibration_compute(const struct desk_policy *p, const struct calibration_outcome *o,
			 size_t n, struct calibration_report *r);

/* What the close rates say about the bar. */
enum calibration_verdict {
	CALIBRATION_NOT_ENOUGH_DATA, /* the bar's band or the top band has too few closed */
	CALIBRATION_BAR_OK,          /* PQLs at the bar close not far below the top band */
	CALIBRATION_BAR_TOO_LOW      /* the band holding the bar closes far below the top band */
};

/* The rule: take the band holding `threshold` (the least a PQL can score) and
 * the top band with data. If either has fewer than min_closed closed, or they
 * are the same band: not enough data. If the bar's band rate is below
 * far_below x the top band's rate: too low. Else OK. A sentence goes to
 * `why` ("65-70 closes at 9% against 41% for 80+: the bar looks too low").
 * The `why` buffer may be NULL. */
enum calibration_verdict calibration_judge(const struct calibration_report *r, int threshold,
					   long min_closed, double far_below,
					   char *why, size_t why_size);

/* "not_enough_data", "ok", "too_low"; NULL when out of range. */
const char *calibration_verdict_name(enum calibration_verdict v);

#endif
