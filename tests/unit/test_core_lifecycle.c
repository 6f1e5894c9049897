/* Unit tests of the intro lifecycle: every legal edge, the facts each needs,
 * and the illegal ones. */
#include "test_util.h"

#include <string.h>

#include "coselldesk/domain.h"
#include "coselldesk/lifecycle.h"

/* Facts under which every conditional edge holds (a PQL, tier 2, an AE,
 * attribution complete, a reason code). */
static struct lifecycle_facts all_good(enum intro_state escalated_from)
{
	struct lifecycle_facts f = { .is_pql = 1, .tier = 2, .has_ae = 1,
				     .attribution_complete = 1, .has_reason_code = 1,
				     .escalated_from = escalated_from };
	return f;
}

struct edge {
	enum intro_state from, to;
};

/* The lifecycle written out independently of lifecycle.c. */
static const struct edge legal[] = {
	{ STATE_NEW, STATE_TRIAGED }, { STATE_NEW, STATE_DECLINED }, { STATE_NEW, STATE_ESCALATED },
	{ STATE_TRIAGED, STATE_SCORED }, { STATE_TRIAGED, STATE_DECLINED },
	{ STATE_TRIAGED, STATE_ESCALATED },
	{ STATE_SCORED, STATE_ROUTED }, { STATE_SCORED, STATE_PARTNER_LED },
	{ STATE_SCORED, STATE_NURTURE }, { STATE_SCORED, STATE_DECLINED },
	{ STATE_SCORED, STATE_ESCALATED },
	{ STATE_ROUTED, STATE_ACCEPTED }, { STATE_ROUTED, STATE_REJECTED },
	{ STATE_ROUTED, STATE_ESCALATED },
	{ STATE_ACCEPTED, STATE_WON }, { STATE_ACCEPTED, STATE_LOST },
	{ STATE_ACCEPTED, STATE_ESCALATED },
	{ STATE_PARTNER_LED, STATE_WON }, { STATE_PARTNER_LED, STATE_LOST },
	{ STATE_PARTNER_LED, STATE_ESCALATED },
	{ STATE_NURTURE, STATE_TRIAGED }, { STATE_NURTURE, STATE_DECLINED },
	{ STATE_NURTURE, STATE_ESCALATED },
	{ STATE_REJECTED, STATE_ROUTED }, { STATE_REJECTED, STATE_NURTURE },
	{ STATE_REJECTED, STATE_DECLINED }, { STATE_REJECTED, STATE_ESCALATED },
};

static int is_legal(enum intro_state from, enum intro_state to)
{
	for (size_t i = 0; i < sizeof legal / sizeof legal[0]; i++)
		if (legal[i].from == from && legal[i].to == to)
			return 1;
	/* the return from an escalation, to any state one can escalate from */
	if (from == STATE_ESCALATED)
		for (size_t i = 0; i < sizeof legal / sizeof legal[0]; i++)
			if (legal[i].from == to && legal[i].to == STATE_ESCALATED)
				return 1;
	return 0;
}

/* Facts that satisfy the edge, tier 3 for partner-led, below the bar for nurture. */
static struct lifecycle_facts facts_for(enum intro_state from, enum intro_state to)
{
	struct lifecycle_facts f = all_good(STATE_COUNT);

	if (to == STATE_PARTNER_LED)
		f.tier = 3;
	if (to == STATE_NURTURE)
		f.is_pql = 0;
	if (from == STATE_ESCALATED)
		f.escalated_from = to;
	return f;
}

static void test_every_legal_edge(void **state)
{
	char err[200];
	(void)state;

	for (size_t i = 0; i < sizeof legal / sizeof legal[0]; i++) {
		struct lifecycle_facts f = facts_for(legal[i].from, legal[i].to);

		if (lifecycle_check(legal[i].from, legal[i].to, &f, "IN-1", err, sizeof err) != 0)
			fail_msg("%s -> %s refused: %s", domain_state_name(legal[i].from),
				 domain_state_name(legal[i].to), err);
		/* and back from the escalation it may enter */
		if (legal[i].to == STATE_ESCALATED) {
			f = facts_for(STATE_ESCALATED, legal[i].from);
			assert_int_equal(lifecycle_check(STATE_ESCALATED, legal[i].from, &f, "IN-1",
							 err, sizeof err), 0);
		}
	}
}

static void test_matrix_matches(void **state)
{
	char err[200];
	(void)state;

	for (int from = 0; from < STATE_COUNT; from++)
		for (int to = 0; to < STATE_COUNT; to++) {
			enum intro_state a = (enum intro_state)from, b = (enum intro_state)to;
			struct lifecycle_facts f = facts_for(a, b);
			int expect = is_legal(a, b);

			if (lifecycle_edge_exists(a, b) != expect)
				fail_msg("edge %s -> %s: expected %d", domain_state_name(a),
					 domain_state_name(b), expect);
			if ((lifecycle_check(a, b, &f, NULL, err, sizeof err) == 0) != expect)
				fail_msg("check %s -> %s: expected %d (%s)", domain_state_name(a),
					 domain_state_name(b), expect, err);
		}
}

static void expect_refusal(enum intro_state from, enum intro_state to,
			   const struct lifecycle_facts *f, const char *message)
{
	char err[200] = "";

	assert_int_equal(lifecycle_check(from, to, f, "IN-7F3A2C", err, sizeof err), -1);
	assert_string_equal(err, message);
}

static void test_illegal_samples(void **state)
{
	struct lifecycle_facts f = all_good(STATE_COUNT);
	(void)state;

	expect_refusal(STATE_NEW, STATE_ROUTED, &f,
		       "cannot move IN-7F3A2C from new to routed: not a step of the lifecycle"
		       " (from new: triaged, declined, escalated)");
	expect_refusal(STATE_TRIAGED, STATE_WON, &f,
		       "cannot move IN-7F3A2C from triaged to won: not a step of the lifecycle"
		       " (from triaged: scored, declined, escalated)");
	expect_refusal(STATE_ROUTED, STATE_WON, &f,
		       "cannot move IN-7F3A2C from routed to won: not a step of the lifecycle"
		       " (from routed: accepted, rejected, escalated)");
	expect_refusal(STATE_WON, STATE_LOST, &f,
		       "cannot move IN-7F3A2C from won to lost: won is final");
	expect_refusal(STATE_DECLINED, STATE_TRIAGED, &f,
		       "cannot move IN-7F3A2C from declined to triaged: declined is final");
	expect_refusal(STATE_LOST, STATE_ESCALATED, &f,
		       "cannot move IN-7F3A2C from lost to escalated: lost is final");
	expect_refusal(STATE_SCORED, STATE_SCORED, &f,
		       "cannot move IN-7F3A2C from scored to scored: already scored");
	expect_refusal(STATE_ESCALATED, STATE_ESCALATED, &f,
		       "cannot move IN-7F3A2C from escalated to escalated: already escalated");
	expect_refusal(STATE_ACCEPTED, STATE_NURTURE, &f,
		       "cannot move IN-7F3A2C from accepted to nurture: not a step of the lifecycle"
		       " (from accepted: won, lost, escalated)");
	expect_refusal(STATE_COUNT, STATE_NEW, &f,
		       "cannot move IN-7F3A2C from ? to new: unknown state");
}

static void test_facts_needed(void **state)
{
	struct lifecycle_facts f = all_good(STATE_COUNT);
	(void)state;

	f.is_pql = 0;
	expect_refusal(STATE_SCORED, STATE_ROUTED, &f,
		       "cannot move IN-7F3A2C from scored to routed: score is below the bar (not a PQL)");
	f = all_good(STATE_COUNT);
	f.tier = 3;
	expect_refusal(STATE_SCORED, STATE_ROUTED, &f,
		       "cannot move IN-7F3A2C from scored to routed: tier 3 is partner-led, no AE hours");
	f.tier = 0;
	expect_refusal(STATE_REJECTED, STATE_ROUTED, &f,
		       "cannot move IN-7F3A2C from rejected to routed: not tiered yet");
	f = all_good(STATE_COUNT);
	f.has_ae = 0;
	expect_refusal(STATE_SCORED, STATE_ROUTED, &f,
		       "cannot move IN-7F3A2C from scored to routed: no AE assigned");
	f = all_good(STATE_COUNT);
	f.tier = 1;
	assert_int_equal(lifecycle_check(STATE_SCORED, STATE_ROUTED, &f, NULL, NULL, 0), 0);
	expect_refusal(STATE_SCORED, STATE_PARTNER_LED, &f,
		       "cannot move IN-7F3A2C from scored to partner_led: partner-led needs tier 3"
		       " (this is tier 1)");
	expect_refusal(STATE_SCORED, STATE_NURTURE, &f,
		       "cannot move IN-7F3A2C from scored to nurture: a PQL is routed or partner-led,"
		       " not nurtured");
	f = all_good(STATE_COUNT);
	f.has_reason_code = 0;
	expect_refusal(STATE_ROUTED, STATE_REJECTED, &f,
		       "cannot move IN-7F3A2C from routed to rejected: rejecting needs a reason code");
	expect_refusal(STATE_NEW, STATE_DECLINED, &f,
		       "cannot move IN-7F3A2C from new to declined: declining needs a reason code");
	expect_refusal(STATE_ACCEPTED, STATE_LOST, &f,
		       "cannot move IN-7F3A2C from accepted to lost: a loss needs a reason code");
	expect_refusal(STATE_PARTNER_LED, STATE_LOST, &f,
		       "cannot move IN-7F3A2C from partner_led to lost: a loss needs a reason code");
	assert_int_equal(lifecycle_check(STATE_ACCEPTED, STATE_WON, &f, NULL, NULL, 0), 0);
	f = all_good(STATE_COUNT);
	f.attribution_complete = 0;
	f.attribution_gap = "no sourcing role";
	expect_refusal(STATE_ACCEPTED, STATE_WON, &f,
		       "cannot move IN-7F3A2C from accepted to won: attribution incomplete"
		       " (no sourcing role)");
	f.attribution_gap = NULL;
	expect_refusal(STATE_ACCEPTED, STATE_LOST, &f,
		       "cannot move IN-7F3A2C from accepted to lost: attribution incomplete");
	/* partner-led deals close without AE attribution */
	assert_int_equal(lifecycle_check(STATE_PARTNER_LED, STATE_WON, &f, NULL, NULL, 0), 0);
	/* no facts at all: the unconditional edges still pass */
	assert_int_equal(lifecycle_check(STATE_NEW, STATE_TRIAGED, NULL, NULL, NULL, 0), 0);
	assert_int_equal(lifecycle_check(STATE_ROUTED, STATE_ACCEPTED, NULL, NULL, NULL, 0), 0);
	assert_int_equal(lifecycle_check(STATE_SCORED, STATE_ROUTED, NULL, NULL, NULL, 0), -1);
}

static void test_escalation_returns(void **state)
{
	struct lifecycle_facts f = all_good(STATE_ROUTED);
	char err[200];
	(void)state;

	assert_int_equal(lifecycle_check(STATE_ESCALATED, STATE_ROUTED, &f, NULL, err, sizeof err), 0);
	expect_refusal(STATE_ESCALATED, STATE_ACCEPTED, &f,
		       "cannot move IN-7F3A2C from escalated to accepted: an escalation returns"
		       " only to the state it left (routed)");
	f.escalated_from = STATE_WON;
	expect_refusal(STATE_ESCALATED, STATE_WON, &f,
		       "cannot move IN-7F3A2C from escalated to won: the state it was escalated"
		       " from is unknown");
	assert_int_equal(lifecycle_check(STATE_ESCALATED, STATE_NEW, NULL, "IN-1", err, sizeof err), -1);
	assert_string_equal(err, "cannot move IN-1 from escalated to new: the state it was escalated"
			    " from is unknown");
	/* the default handle */
	assert_int_equal(lifecycle_check(STATE_WON, STATE_NEW, NULL, NULL, err, sizeof err), -1);
	assert_string_equal(err, "cannot move the intro from won to new: won is final");
}

static void test_next_states(void **state)
{
	enum intro_state next[STATE_COUNT];
	size_t n;
	(void)state;

	n = lifecycle_next_states(STATE_SCORED, STATE_COUNT, next);
	assert_int_equal(n, 5);
	assert_int_equal(next[0], STATE_ROUTED);
	assert_int_equal(next[1], STATE_PARTNER_LED);
	assert_int_equal(next[2], STATE_NURTURE);
	assert_int_equal(next[3], STATE_DECLINED);
	assert_int_equal(next[4], STATE_ESCALATED);
	assert_int_equal(lifecycle_next_states(STATE_WON, STATE_COUNT, next), 0);
	assert_int_equal(lifecycle_next_states(STATE_ESCALATED, STATE_ACCEPTED, next), 1);
	assert_int_equal(next[0], STATE_ACCEPTED);
	assert_int_equal(lifecycle_next_states(STATE_ESCALATED, STATE_LOST, next), 0);
	assert_int_equal(lifecycle_next_states(STATE_COUNT, STATE_NEW, next), 0);
	assert_true(lifecycle_is_terminal(STATE_DECLINED));
	assert_true(lifecycle_is_terminal(STATE_WON));
	assert_true(lifecycle_is_terminal(STATE_LOST));
	assert_false(lifecycle_is_terminal(STATE_ESCALATED));
	assert_false(lifecycle_is_terminal(STATE_NURTURE));
}

static void test_short_buffer(void **state)
{
	char err[16];
	(void)state;

	memset(err, 'x', sizeof err);
	assert_int_equal(lifecycle_check(STATE_WON, STATE_NEW, NULL, NULL, err, sizeof err), -1);
	assert_int_equal(strlen(err), sizeof err - 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_legal_edge),
		cmocka_unit_test(test_matrix_matches),
		cmocka_unit_test(test_illegal_samples),
		cmocka_unit_test(test_facts_needed),
		cmocka_unit_test(test_escalation_returns),
		cmocka_unit_test(test_next_states),
		cmocka_unit_test(test_short_buffer),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
