/* lifecycle.c - which state an intro may move to, and why not. The one place
 * the lifecycle of DOMAIN.md is written down; the store asks it before
 * every state change. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "coselldesk/lifecycle.h"

#define BIT(s) (1u << (s))

/* Ordinary edges. Escalation (from any open state) and the return from it
 * are handled apart, because the return depends on where it came from. */
static const unsigned edges[STATE_COUNT] = {
	[STATE_NEW]         = BIT(STATE_TRIAGED) | BIT(STATE_DECLINED),
	[STATE_TRIAGED]     = BIT(STATE_SCORED) | BIT(STATE_DECLINED),
	[STATE_SCORED]      = BIT(STATE_ROUTED) | BIT(STATE_PARTNER_LED) | BIT(STATE_NURTURE) |
			      BIT(STATE_DECLINED),
	[STATE_ROUTED]      = BIT(STATE_ACCEPTED) | BIT(STATE_REJECTED),
	[STATE_ACCEPTED]    = BIT(STATE_WON) | BIT(STATE_LOST),
	[STATE_PARTNER_LED] = BIT(STATE_WON) | BIT(STATE_LOST),
	[STATE_NURTURE]     = BIT(STATE_TRIAGED) | BIT(STATE_DECLINED),
	[STATE_REJECTED]    = BIT(STATE_ROUTED) | BIT(STATE_NURTURE) | BIT(STATE_DECLINED),
	[STATE_DECLINED]    = 0,
	[STATE_WON]         = 0,
	[STATE_LOST]        = 0,
	[STATE_ESCALATED]   = 0,
};

static int valid_state(enum intro_state s)
{
	return (unsigned)s < STATE_COUNT;
}

int lifecycle_is_terminal(enum intro_state s)
{
	return valid_state(s) && !domain_state_is_open(s);
}

/* A state an escalation can leave from, hence return to. */
static int escalatable(enum intro_state s)
{
	return valid_state(s) && domain_state_is_open(s) && s != STATE_ESCALATED;
}

int lifecycle_edge_exists(enum intro_state from, enum intro_state to)
{
	if (!valid_state(from) || !valid_state(to))
		return 0;
	if (to == STATE_ESCALATED)
		return escalatable(from);
	if (from == STATE_ESCALATED)
		return escalatable(to);
	return (edges[from] & BIT(to)) != 0;
}

size_t lifecycle_next_states(enum intro_state from, enum intro_state escalated_from,
			     enum intro_state out[STATE_COUNT])
{
	size_t n = 0;

	if (!valid_state(from))
		return 0;
	if (from == STATE_ESCALATED) {
		if (escalatable(escalated_from))
			out[n++] = escalated_from;
		return n;
	}
	for (int s = 0; s < STATE_COUNT; s++)
		if (lifecycle_edge_exists(from, (enum intro_state)s))
			out[n++] = (enum intro_state)s;
	return n;
}

struct refusal {
	char *buf;
	size_t size;
	const char *handle;
	enum intro_state from, to;
};

static int refuse(const struct refusal *r, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!r->buf || r->size == 0)
		return -1;
	n = snprintf(r->buf, r->size, "cannot move %s from %s to %s: ",
		     r->handle ? r->handle : "the intro",
		     valid_state(r->from) ? domain_state_name(r->from) : "?",
		     valid_state(r->to) ? domain_state_name(r->to) : "?");
	if (n < 0 || (size_t)n >= r->size)
		return -1;
	va_start(ap, fmt);
	vsnprintf(r->buf + n, r->size - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

/* "triaged, declined, escalated" for the "not a step" message. */
static void list_next(enum intro_state from, char *buf, size_t size)
{
	enum intro_state next[STATE_COUNT];
	size_t n = lifecycle_next_states(from, STATE_COUNT, next), len = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && len < size; i++) {
		int w = snprintf(buf + len, size - len, "%s%s", i ? ", " : "",
				 domain_state_name(next[i]));
		if (w < 0)
			break;
		len += (size_t)w;
	}
}

static int check_route(const struct refusal *r, const struct lifecycle_facts *f)
{
	if (!f->is_pql)
		return refuse(r, "score is below the bar (not a PQL)");
	if (f->tier == 0)
		return refuse(r, "not tiered yet");
	if (f->tier == 3)
		return refuse(r, "tier 3 is partner-led, no AE hours");
	if (f->tier < 1 || f->tier > 3)
		return refuse(r, "tier %d does not exist", f->tier);
	if (!f->has_ae)
		return refuse(r, "no AE assigned");
	return 0;
}

static int check_close(const struct refusal *r, const struct lifecycle_facts *f)
{
	if (r->from == STATE_ACCEPTED && !f->attribution_complete) {
		if (f->attribution_gap && *f->attribution_gap)
			return refuse(r, "attribution incomplete (%s)", f->attribution_gap);
		return refuse(r, "attribution incomplete");
	}
	if (r->to == STATE_LOST && !f->has_reason_code)
		return refuse(r, "a loss needs a reason code");
	return 0;
}

/* The conditions on an edge that exists. */
static int check_facts(const struct refusal *r, const struct lifecycle_facts *f)
{
	switch (r->to) {
	case STATE_ROUTED:
		return check_route(r, f);
	case STATE_PARTNER_LED:
		if (f->tier == 0)
			return refuse(r, "not tiered yet");
		if (f->tier != 3)
			return refuse(r, "partner-led needs tier 3 (this is tier %d)", f->tier);
		return 0;
	case STATE_NURTURE:
		if (r->from == STATE_SCORED && f->is_pql)
			return refuse(r, "a PQL is routed or partner-led, not nurtured");
		return 0;
	case STATE_DECLINED:
		return f->has_reason_code ? 0 : refuse(r, "declining needs a reason code");
	case STATE_REJECTED:
		return f->has_reason_code ? 0 : refuse(r, "rejecting needs a reason code");
	case STATE_WON:
	case STATE_LOST:
		return check_close(r, f);
	default:
		return 0;
	}
}

int lifecycle_check(enum intro_state from, enum intro_state to,
		    const struct lifecycle_facts *f, const char *handle,
		    char *err, size_t err_size)
{
	static const struct lifecycle_facts none = { .escalated_from = STATE_COUNT };
	const struct refusal r = { err, err_size, handle, from, to };
	char next[160];

	if (!f)
		f = &none;
	if (!valid_state(from) || !valid_state(to))
		return refuse(&r, "unknown state");
	if (from == to)
		return refuse(&r, "already %s", domain_state_name(from));
	if (lifecycle_is_terminal(from))
		return refuse(&r, "%s is final", domain_state_name(from));
	if (from == STATE_ESCALATED) {
		if (!escalatable(f->escalated_from))
			return refuse(&r, "the state it was escalated from is unknown");
		if (to != f->escalated_from)
			return refuse(&r, "an escalation returns only to the state it left (%s)",
				      domain_state_name(f->escalated_from));
		return 0;
	}
	if (!lifecycle_edge_exists(from, to)) {
		list_next(from, next, sizeof next);
		return refuse(&r, "not a step of the lifecycle (from %s: %s)",
			      domain_state_name(from), next);
	}
	return check_facts(&r, f);
}
