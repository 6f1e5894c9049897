/* Unit tests of the domain enums: names, glyphs, the mapping signal rule,
 * escalation routes. */
#include "test_util.h"

#include <ctype.h>
#include <string.h>

#include "coselldesk/domain.h"

static void test_state_names_round_trip(void **state)
{
	(void)state;
	for (int s = 0; s < STATE_COUNT; s++) {
		const char *name = domain_state_name((enum intro_state)s);

		assert_non_null(name);
		assert_int_equal(domain_state_from_name(name), s);
		assert_non_null(domain_state_label((enum intro_state)s));
	}
	assert_string_equal(domain_state_name(STATE_PARTNER_LED), "partner_led");
	assert_string_equal(domain_state_label(STATE_PARTNER_LED), "partner-led");
	assert_int_equal(domain_state_from_name("Partner-Led"), STATE_PARTNER_LED);
	assert_int_equal(domain_state_from_name(" partner led "), STATE_PARTNER_LED);
	assert_int_equal(domain_state_from_name("nope"), -1);
	assert_int_equal(domain_state_from_name(""), -1);
	assert_int_equal(domain_state_from_name(NULL), -1);
	assert_null(domain_state_name(STATE_COUNT));
	assert_null(domain_state_label((enum intro_state)-1));
}

static void test_other_names(void **state)
{
	(void)state;
	for (int s = 0; s < SIGNAL_COUNT; s++)
		assert_int_equal(domain_signal_from_name(domain_signal_name((enum mapping_signal)s)), s);
	for (int t = 0; t < PARTNER_TIER_COUNT; t++)
		assert_int_equal(domain_partner_tier_from_name(
			domain_partner_tier_name((enum partner_tier)t)), t);
	for (int k = 0; k < ESC_KIND_COUNT; k++)
		assert_int_equal(domain_escalation_kind_from_name(
			domain_escalation_kind_name((enum escalation_kind)k)), k);
	assert_string_equal(domain_signal_name(SIGNAL_MUTUAL_CUSTOMER), "mutual_customer");
	assert_string_equal(domain_signal_label(SIGNAL_MUTUAL_CUSTOMER), "mutual customer");
	assert_int_equal(domain_signal_from_name("mutual customer"), SIGNAL_MUTUAL_CUSTOMER);
	assert_int_equal(domain_signal_from_name("no overlap"), SIGNAL_NONE);
	assert_string_equal(domain_partner_tier_name(PARTNER_LONG_TAIL), "long_tail");
	assert_int_equal(domain_partner_tier_from_name("Long-Tail"), PARTNER_LONG_TAIL);
	assert_string_equal(domain_escalation_kind_name(ESC_AE_COLLISION), "ae_collision");
	assert_string_equal(domain_escalation_target_name(ROUTE_DESK_LEAD), "desk_lead");
	assert_null(domain_escalation_target_name(ROUTE_TARGET_COUNT));
	assert_null(domain_population_name(POP_COUNT));
	assert_string_equal(domain_population_name(POP_OPEN_OPPORTUNITY), "open_opportunity");
}

static void test_population_spellings(void **state)
{
	(void)state;
	assert_int_equal(domain_population_from_name("Customers"), POP_CUSTOMER);
	assert_int_equal(domain_population_from_name("Customer"), POP_CUSTOMER);
	assert_int_equal(domain_population_from_name("customer"), POP_CUSTOMER);
	assert_int_equal(domain_population_from_name("Open Opportunities"), POP_OPEN_OPPORTUNITY);
	assert_int_equal(domain_population_from_name("Opportunity"), POP_OPEN_OPPORTUNITY);
	assert_int_equal(domain_population_from_name("open_opportunity"), POP_OPEN_OPPORTUNITY);
	assert_int_equal(domain_population_from_name("Prospects"), POP_PROSPECT);
	assert_int_equal(domain_population_from_name("Prospect"), POP_PROSPECT);
	assert_int_equal(domain_population_from_name("none"), POP_NONE);
	assert_int_equal(domain_population_from_name(""), POP_NONE);
	assert_int_equal(domain_population_from_name("  "), POP_NONE);
	assert_int_equal(domain_population_from_name("Leads"), -1);
	assert_int_equal(domain_population_from_name(NULL), -1);
	for (int p = 0; p < POP_COUNT; p++)
		assert_int_equal(domain_population_from_name(domain_population_name((enum population)p)), p);
}

static void test_signal_rule(void **state)
{
	static const struct {
		enum population ours, partners;
		enum mapping_signal signal;
	} cases[] = {
		{ POP_NONE, POP_CUSTOMER, SIGNAL_NONE },
		{ POP_CUSTOMER, POP_NONE, SIGNAL_NONE },
		{ POP_NONE, POP_NONE, SIGNAL_NONE },
		{ POP_CUSTOMER, POP_CUSTOMER, SIGNAL_MUTUAL_CUSTOMER },
		{ POP_OPEN_OPPORTUNITY, POP_OPEN_OPPORTUNITY, SIGNAL_OPEN_OPPORTUNITIES },
		{ POP_PROSPECT, POP_CUSTOMER, SIGNAL_PARTNER_CUSTOMER },
		{ POP_OPEN_OPPORTUNITY, POP_CUSTOMER, SIGNAL_PARTNER_CUSTOMER },
		{ POP_CUSTOMER, POP_PROSPECT, SIGNAL_OUR_CUSTOMER },
		{ POP_CUSTOMER, POP_OPEN_OPPORTUNITY, SIGNAL_OUR_CUSTOMER },
		{ POP_PROSPECT, POP_OPEN_OPPORTUNITY, SIGNAL_PARTNER_CUSTOMER },
		{ POP_OPEN_OPPORTUNITY, POP_PROSPECT, SIGNAL_OUR_CUSTOMER },
		{ POP_PROSPECT, POP_PROSPECT, SIGNAL_NONE },
	};
	(void)state;

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		if (domain_signal_of(cases[i].ours, cases[i].partners) != cases[i].signal)
			fail_msg("ours %s, partner's %s: expected %s",
				 domain_population_name(cases[i].ours),
				 domain_population_name(cases[i].partners),
				 domain_signal_name(cases[i].signal));
	assert_int_equal(domain_signal_of(POP_COUNT, POP_CUSTOMER), SIGNAL_NONE);
}

static void assert_distinct_printable(const char *glyphs, int n)
{
	for (int i = 0; i < n; i++) {
		assert_true(isprint((unsigned char)glyphs[i]) && glyphs[i] != ' ');
		for (int j = 0; j < i; j++)
			if (glyphs[i] == glyphs[j])
				fail_msg("glyph '%c' used twice (%d and %d)", glyphs[i], j, i);
	}
}

static void test_glyphs(void **state)
{
	char g[STATE_COUNT];
	(void)state;

	for (int s = 0; s < STATE_COUNT; s++)
		g[s] = domain_state_glyph((enum intro_state)s);
	assert_distinct_printable(g, STATE_COUNT);
	for (int s = 0; s < SIGNAL_COUNT; s++)
		g[s] = domain_signal_glyph((enum mapping_signal)s);
	assert_distinct_printable(g, SIGNAL_COUNT);
	for (int t = 0; t < PARTNER_TIER_COUNT; t++)
		g[t] = domain_partner_tier_glyph((enum partner_tier)t);
	assert_distinct_printable(g, PARTNER_TIER_COUNT);
	assert_int_equal(domain_state_glyph(STATE_COUNT), '?');
}

static void test_routes_and_open(void **state)
{
	(void)state;
	assert_int_equal(domain_escalation_route(ESC_STALLED_DEAL), ROUTE_SALES_LEADER);
	assert_int_equal(domain_escalation_route(ESC_AE_COLLISION), ROUTE_DESK_LEAD);
	assert_int_equal(domain_escalation_route(ESC_CHANNEL_CONFLICT), ROUTE_DESK_LEAD);
	assert_int_equal(domain_escalation_route(ESC_PARTNER_PUSHBACK), ROUTE_PARTNER_MANAGER);
	assert_int_equal(domain_escalation_route(ESC_ACV_AMBIGUITY), ROUTE_DESK);
	assert_int_equal(domain_escalation_route(ESC_TIER_DISPUTE), ROUTE_PARTNER_MANAGER);
	assert_true(domain_state_is_open(STATE_NEW));
	assert_true(domain_state_is_open(STATE_ESCALATED));
	assert_true(domain_state_is_open(STATE_NURTURE));
	assert_false(domain_state_is_open(STATE_DECLINED));
	assert_false(domain_state_is_open(STATE_WON));
	assert_false(domain_state_is_open(STATE_LOST));
	assert_false(domain_state_is_open(STATE_COUNT));
}

static void expect_age(long long seconds, const char *text)
{
	char buf[16];

	domain_format_age(seconds, buf, sizeof buf);
	assert_string_equal(buf, text);
}

/* Each unit up to the edge of the next, the edges themselves, and a clock
 * set back */
static void test_format_age(void **state)
{
	(void)state;
	expect_age(-90, "0m");
	expect_age(0, "0m");
	expect_age(59 * 60 + 59, "59m");
	expect_age(3600, "1h");
	expect_age(48 * 3600 - 1, "47h");
	expect_age(48 * 3600, "2d");
	expect_age(8 * 7 * 86400 - 1, "55d");
	expect_age(8 * 7 * 86400, "8w");
	expect_age(520LL * 7 * 86400 + 6 * 86400, "520w");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_state_names_round_trip),
		cmocka_unit_test(test_format_age),
		cmocka_unit_test(test_other_names),
		cmocka_unit_test(test_population_spellings),
		cmocka_unit_test(test_signal_rule),
		cmocka_unit_test(test_glyphs),
		cmocka_unit_test(test_routes_and_open),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
