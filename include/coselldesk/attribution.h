/* attribution.h - the role-based attribution split of DOMAIN.md.
 *
 * Pure (src/core/attribution.c). Money is whole dollars (long long); payouts
 * always sum exactly to the amount (largest remainder method).
 */
#ifndef COSELLDESK_ATTRIBUTION_H
#define COSELLDESK_ATTRIBUTION_H

#include <stddef.h>
#include "coselldesk/policy.h"

/* One role's part of a split. */
struct attribution_share {
	enum attribution_role role;  /* the role */
	double percent;              /* its percent of the amount (all sum to 100) */
	long long payout;            /* its whole dollars (all sum to the amount) */
};

/* Split `amount` over the n roles present (in the order given; out[] follows
 * that order). With percents NULL the policy's role weights are renormalised
 * over the roles present; otherwise percents[i] is role i's explicit percent
 * and they must sum to 100 (within 0.01). Whole dollars go by largest
 * remainder; equal remainders favour the role given first ($100 over three
 * equal roles pays 34/33/33).
 * Errors (-1, message, out untouched): no roles, a role out of range, a
 * duplicate role, a negative amount, a negative percent, all weights zero,
 * percents not summing to 100. */
int attribution_split(const struct desk_policy *p, long long amount,
		      const enum attribution_role *roles, const double *percents,
		      size_t n, struct attribution_share *out,
		      char *err, size_t err_size);

/* Is the attribution of a deal complete enough to pass `accepted`? It needs
 * a sourcing role and a selling role, no duplicates. Returns 1 when complete;
 * 0 with a short reason in why ("no sourcing role", "no selling role",
 * "no roles recorded", "selling listed twice"). */
int attribution_is_complete(const enum attribution_role *roles, size_t n,
			    char *why, size_t why_size);

#endif
