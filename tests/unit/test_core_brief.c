/* Unit tests of the AE brief: rendering, parsing back, errors. */
#include "test_util.h"

#include <stdlib.h>
#include <string.h>

#include "coselldesk/brief.h"

static void fill(struct brief *b)
{
	brief_init(b);
	assert_int_equal(brief_set_header(b, "IN-7F3A2C", "Northwind Manufacturing",
					  "regional systems integrator"), 0);
	b->tier = 2;
	b->score = 79;
	b->threshold = 70;
	b->ae_hours = 3;
	assert_int_equal(brief_set_section(b, BRIEF_RELATIONSHIP,
		"Growth-tier partner, 4 joint wins last year.\nExecutive sponsor named."), 0);
	assert_int_equal(brief_set_section(b, BRIEF_MAPPING,
		"Mutual overlap, 3 stakeholders.\n\n## not a heading, escaped\n\\## already escaped"), 0);
	assert_int_equal(brief_set_section(b, BRIEF_NEXT_STEP, "### Call\nBook the discovery call."), 0);
}

static void test_render(void **state)
{
	struct brief b;
	char *md = NULL;
	size_t len = 0;
	(void)state;

	fill(&b);
	assert_int_equal(brief_render(&b, &md, &len), 0);
	assert_int_equal(len, strlen(md));
	assert_non_null(strstr(md, "# Brief IN-7F3A2C: Northwind Manufacturing\n"));
	assert_non_null(strstr(md, "- Tier: 2\n- PQL score: 79 (bar 70: PQL)\n- AE-hour budget: 3 h\n"));
	assert_non_null(strstr(md, "## Partner relationship history\n\nGrowth-tier partner"));
	assert_non_null(strstr(md, "\n\\## not a heading, escaped\n\\\\## already escaped\n"));
	/* empty sections still get their heading */
	assert_non_null(strstr(md, "## Post-sale handoff checklist\n"));
	assert_non_null(strstr(md, "## Mutual close plan\n"));
	free(md);
	brief_free(&b);

	brief_init(&b);
	assert_int_equal(brief_render(&b, &md, NULL), 0);
	assert_non_null(strstr(md, "# Brief\n"));
	assert_non_null(strstr(md, "- Tier: not tiered\n- PQL score: not scored\n"));
	assert_null(strstr(md, "AE-hour budget"));
	free(md);
}

static void test_round_trip(void **state)
{
	struct brief a, b;
	char *md = NULL;
	size_t len;
	char err[128];
	(void)state;

	fill(&a);
	assert_int_equal(brief_render(&a, &md, &len), 0);
	brief_init(&b);
	assert_int_equal(brief_parse(md, len, &b, err, sizeof err), 0);
	for (int s = 0; s < BRIEF_SECTION_COUNT; s++) {
		if (!a.sections[s]) {
			assert_null(b.sections[s]);
			continue;
		}
		assert_non_null(b.sections[s]);
		assert_string_equal(a.sections[s], b.sections[s]);
	}
	/* header fields are left alone by parse */
	assert_null(b.handle);
	free(md);
	brief_free(&a);
	brief_free(&b);
}

static void test_parse_edits(void **state)
{
	const char *md =
		"# Brief IN-1: Acme\r\n"
		"text before the first section is the header block\r\n"
		"##   icp rationale  \r\n"
		"\r\n"
		"Fits the ICP: 400 seats, manufacturing.\r\n"
		"\r\n"
		"\r\n"
		"## Competitive-context\n"
		"## Recommended next step\n"
		"Demo with the plant IT lead.";
	struct brief b;
	char err[128];
	(void)state;

	brief_init(&b);
	assert_int_equal(brief_set_section(&b, BRIEF_HANDOFF, "old text"), 0);
	assert_int_equal(brief_parse(md, strlen(md), &b, err, sizeof err), 0);
	assert_string_equal(b.sections[BRIEF_ICP], "Fits the ICP: 400 seats, manufacturing.");
	assert_null(b.sections[BRIEF_COMPETITION]);
	assert_string_equal(b.sections[BRIEF_NEXT_STEP], "Demo with the plant IT lead.");
	/* a section missing from the text is emptied */
	assert_null(b.sections[BRIEF_HANDOFF]);
	brief_free(&b);
}

static void test_parse_errors(void **state)
{
	const char *unknown = "# Brief\n\n## Named contacts\nA, B\n\n## Pricing\n10% off\n";
	const char *twice = "## ICP rationale\nx\n## Named contacts\n## ICP rationale\ny\n";
	const char *bare = "## Named contacts\n##\n";
	struct brief b;
	char err[128];
	(void)state;

	brief_init(&b);
	assert_int_equal(brief_set_section(&b, BRIEF_PAIN, "kept"), 0);
	assert_int_equal(brief_parse(unknown, strlen(unknown), &b, err, sizeof err), -1);
	assert_string_equal(err, "line 6: unknown section 'Pricing'");
	assert_int_equal(brief_parse(twice, strlen(twice), &b, err, sizeof err), -1);
	assert_string_equal(err, "line 4: section 'ICP rationale' appears twice");
	assert_int_equal(brief_parse(bare, strlen(bare), &b, err, sizeof err), -1);
	assert_string_equal(err, "line 2: unknown section ''");
	/* nothing changed on error */
	assert_string_equal(b.sections[BRIEF_PAIN], "kept");
	/* a length shorter than the string stops there */
	assert_int_equal(brief_parse(unknown, 33, &b, err, sizeof err), 0);
	assert_string_equal(b.sections[BRIEF_CONTACTS], "A, B");
	brief_free(&b);
}

static void test_names(void **state)
{
	(void)state;
	for (int s = 0; s < BRIEF_SECTION_COUNT; s++) {
		assert_int_equal(brief_section_from_name(brief_section_name((enum brief_section)s)), s);
		assert_int_equal(brief_section_from_name(brief_section_title((enum brief_section)s)), s);
	}
	assert_string_equal(brief_section_title(BRIEF_PAIN), "Customer-pain hypothesis");
	assert_string_equal(brief_section_name(BRIEF_HANDOFF), "handoff_checklist");
	assert_int_equal(brief_section_from_name("customer pain hypothesis"), BRIEF_PAIN);
	assert_int_equal(brief_section_from_name("pricing"), -1);
	assert_int_equal(brief_section_from_name(NULL), -1);
	assert_null(brief_section_name(BRIEF_SECTION_COUNT));
}

static void test_setters(void **state)
{
	struct brief b;
	(void)state;

	brief_init(&b);
	assert_int_equal(b.score, -1);
	assert_int_equal(brief_set_section(&b, BRIEF_ICP, "x"), 0);
	assert_int_equal(brief_set_section(&b, BRIEF_ICP, ""), 0);
	assert_null(b.sections[BRIEF_ICP]);
	assert_int_equal(brief_set_section(&b, BRIEF_SECTION_COUNT, "x"), -1);
	assert_int_equal(brief_set_header(&b, "IN-2", NULL, "P"), 0);
	assert_string_equal(b.handle, "IN-2");
	assert_null(b.account);
	brief_free(&b);
	brief_free(&b); /* safe twice */
	assert_null(b.partner);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_parse_edits),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_setters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
