/* lifecycle.h - the transition rules of an intro, in one place.
 *
 * Pure (src/core/lifecycle.c). The store gathers the facts, asks
 * lifecycle_check() and refuses the write with its message when it says no.
 *
 * Edges (DOMAIN.md "The life of an intro"):
 *   new         -> triaged | declined | escalated
 *   triaged     -> scored | declined | escalated
 *   scored      -> routed (PQL, tier 1 or 2, an AE) | partner_led (tier 3)
 *                  | nurture (below the bar) | declined | escalated
 *   routed      -> accepted | rejected (reason code) | escalated
 *   accepted    -> won | lost (attribution complete; lost needs a reason code)
 *                  | escalated
 *   partner_led -> won | lost (reason code) | escalated
 *   nurture     -> triaged | declined | escalated
 *   rejected    -> routed (re-route: as scored -> routed) | nurture | declined
 *                  | escalated
 *   escalated   -> the state it left, only
 *   declined, won, lost: terminal
 * Every decline needs a reason code too. Escalation can be entered from any
 * open state (DOMAIN.md), so nurture and rejected may escalate as well.
 */
#ifndef COSELLDESK_LIFECYCLE_H
#define COSELLDESK_LIFECYCLE_H

#include <stddef.h>
#include "coselldesk/domain.h"

/* What the rules need to know about the intro (the store fills it). */
struct lifecycle_facts {
	int is_pql;                 /* score >= the current threshold */
	int tier;                   /* 1..3, 0 when not tiered yet */
	int has_ae;                 /* an AE is assigned (or named by the move) */
	int attribution_complete;   /* roles recorded as attribution_is_complete() wants */
	const char *attribution_gap; /* why not complete ("no sourcing role"); NULL if unknown */
	int has_reason_code;        /* the move carries a reason code */
	enum intro_state escalated_from; /* for a move out of escalated: the state it left */
};

/* Is from -> to an edge of the graph at all (facts aside)? 1 or 0.
 * For escalated, every open non-escalated state counts as a possible return. */
int lifecycle_edge_exists(enum intro_state from, enum intro_state to);

/* May the intro move from -> to with these facts? 0, or -1 with a message
 * naming the intro, both states and why, e.g.
 * "cannot move IN-7F3A2C from accepted to won: attribution incomplete (no sourcing role)".
 * handle may be NULL ("the intro" is used). f may be NULL (all facts false). */
int lifecycle_check(enum intro_state from, enum intro_state to,
		    const struct lifecycle_facts *f, const char *handle,
		    char *err, size_t err_size);

/* The states reachable from `from` by one edge, facts aside, in enum order;
 * for escalated, only escalated_from (when it is a valid open state).
 * Returns how many were written to out[] (at most STATE_COUNT). */
size_t lifecycle_next_states(enum intro_state from, enum intro_state escalated_from,
			     enum intro_state out[STATE_COUNT]);

/* 1 when a state has no way out (declined, won, lost). */
int lifecycle_is_terminal(enum intro_state s);

#endif
