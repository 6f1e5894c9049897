/* test_conf_preparsed.c - loading over a default parsed once
 * (settings_load_text_over, theme_load_text_over) gives exactly what the
 * ordinary loaders give: the same status, the same messages, the same
 * settings or theme, for the shipped files and every fixture under
 * tests/data/conf. Run from the top of the source tree. */
#include "test_conf_util.h"

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/settings.h"
#include "coselldesk/theme.h"

static void assert_same_text(const char *what, const char *a, const char *b)
{
	if ((a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0))
		fail_msg("%s differs: '%s' / '%s'", what, a ? a : "(null)", b ? b : "(null)");
}

static void assert_same_settings(const struct desk_settings *a, const struct desk_settings *b)
{
	assert_memory_equal(&a->policy, &b->policy, sizeof a->policy);
	assert_same_text("ui.theme", a->ui.theme, b->ui.theme);
	assert_same_text("ui.date_format", a->ui.date_format, b->ui.date_format);
	assert_same_text("editor.command", a->ui.editor_command, b->ui.editor_command);
	assert_int_equal(a->ui.mouse, b->ui.mouse);
	assert_int_equal(a->ui.min_cols, b->ui.min_cols);
	assert_int_equal(a->ui.min_rows, b->ui.min_rows);
	assert_int_equal(a->ui.detail_pane, b->ui.detail_pane);
	assert_int_equal(a->ui.busy_timeout_ms, b->ui.busy_timeout_ms);
	assert_int_equal(a->ui.queue_column_count, b->ui.queue_column_count);
	assert_memory_equal(a->ui.queue_columns, b->ui.queue_columns, sizeof a->ui.queue_columns);
	assert_int_equal(a->binding_count, b->binding_count);
	for (size_t i = 0; i < a->binding_count; i++) {
		assert_int_equal(a->bindings[i].keymap, b->bindings[i].keymap);
		assert_string_equal(a->bindings[i].key, b->bindings[i].key);
		assert_string_equal(a->bindings[i].action, b->bindings[i].action);
		assert_string_equal(a->bindings[i].file, b->bindings[i].file);
		assert_int_equal(a->bindings[i].line, b->bindings[i].line);
	}
	assert_int_equal(a->view_count, b->view_count);
	for (size_t i = 0; i < a->view_count; i++) {
		assert_string_equal(a->views[i].name, b->views[i].name);
		assert_string_equal(a->views[i].limit, b->views[i].limit);
		assert_string_equal(a->views[i].sort, b->views[i].sort);
		assert_string_equal(a->views[i].key, b->views[i].key);
		assert_string_equal(a->views[i].file, b->views[i].file);
		assert_int_equal(a->views[i].line, b->views[i].line);
	}
	assert_int_equal(a->file_count, b->file_count);
	for (size_t i = 0; i < a->file_count; i++)
		assert_string_equal(a->files[i], b->files[i]);
}

/* Load text both ways and compare; returns the status. */
static int compare_settings(const struct settings_default *d, const char *name,
			    const char *text, size_t len)
{
	struct settings_errors ea = { 0 }, eb = { 0 };
	struct desk_settings a, b;
	int ra = settings_load_text(&a, name, text, len, &ea);
	int rb = settings_load_text_over(&b, d, name, text, len, &eb);
	char *pa = test_printed_errors(&ea), *pb = test_printed_errors(&eb);

	if (ra != rb || strcmp(pa, pb) != 0)
		fail_msg("%s: %d/%d\n--- ordinary\n%s--- over a parsed default\n%s", name, ra, rb,
			 pa, pb);
	if (ra == 0) {
		assert_same_settings(&a, &b);
		settings_free(&a);
		settings_free(&b);
	}
	free(pa);
	free(pb);
	settings_errors_free(&ea);
	settings_errors_free(&eb);
	return ra;
}

static void test_settings_fixtures(void **state)
{
	static const char *const patterns[] = {
		"docs/coselldesk.conf", "tests/data/conf/*/*.conf", "tests/data/conf/*/*.inc",
		"tests/tui/configs/*.conf",
	};
	struct settings_errors e = { 0 };
	struct settings_default *d;
	size_t files = 0, clean = 0;

	(void)state;
	assert_int_equal(settings_default_parse(&d, &e), 0);
	assert_int_equal(e.count, 0);
	for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
		glob_t g;

		if (glob(patterns[p], 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			size_t len = 0;
			char *text = test_read_file(g.gl_pathv[i], &len);

			assert_non_null(text);
			clean += compare_settings(d, g.gl_pathv[i], text, len) == 0;
			files++;
			free(text);
		}
		globfree(&g);
	}
	assert_true(files >= 20);
	assert_true(clean >= 1);  /* the documented example at least */
	/* the same default serves any number of loads, and NULL is the usual load */
	assert_int_equal(compare_settings(NULL, "empty", "", 0), 0);
	assert_int_equal(compare_settings(d, "empty", "", 0), 0);
	assert_int_equal(compare_settings(d, "bad", "pql = 3;\n", 9), -1);
	settings_default_free(d);
	settings_default_free(NULL);
}

/* Settings loaded over a default outlive it: they own their file names. */
static void test_settings_outlive_default(void **state)
{
	static const char text[] = "keys = { queue = ( [ \"t\", \"tag\" ] ); };\n";
	struct settings_errors e = { 0 };
	struct settings_default *d;
	struct desk_settings s;

	(void)state;
	assert_int_equal(settings_default_parse(&d, &e), 0);
	assert_int_equal(settings_load_text_over(&s, d, "mine.conf", text, sizeof text - 1, &e), 0);
	settings_default_free(d);
	assert_true(s.binding_count > 0);
	for (size_t i = 0; i < s.binding_count; i++) {
		int owned = 0;

		for (size_t f = 0; f < s.file_count; f++)
			owned |= s.bindings[i].file == s.files[f];
		assert_true(owned);
		assert_true(strcmp(s.bindings[i].file, SETTINGS_BUILTIN_NAME) == 0 ||
			    strcmp(s.bindings[i].file, "mine.conf") == 0);
	}
	settings_free(&s);
}

static void assert_same_colour(const struct theme_colour *a, const struct theme_colour *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->index, b->index);
	assert_int_equal(a->rgb, b->rgb);
}

/* field by field: the struct has padding */
static void assert_same_style(const struct theme_style *a, const struct theme_style *b)
{
	assert_same_colour(&a->fg, &b->fg);
	assert_same_colour(&a->bg, &b->bg);
	assert_int_equal(a->attrs, b->attrs);
	assert_int_equal(a->mono, b->mono);
	assert_int_equal(a->defined, b->defined);
	assert_int_equal(a->line, b->line);
}

static void compare_theme(const struct theme *base, const char *name, const char *text,
			  size_t len)
{
	struct settings_errors ea = { 0 }, eb = { 0 };
	struct theme a, b;
	int ra = theme_load_text(&a, name, text, len, &ea);
	int rb = theme_load_text_over(&b, base, name, text, len, &eb);
	char *pa = test_printed_errors(&ea), *pb = test_printed_errors(&eb);

	if (ra != rb || strcmp(pa, pb) != 0)
		fail_msg("%s: %d/%d\n--- ordinary\n%s--- over the default\n%s", name, ra, rb, pa, pb);
	if (ra == 0) {
		assert_string_equal(a.name, b.name);
		assert_string_equal(a.description, b.description);
		assert_int_equal(a.min_colors, b.min_colors);
		for (int i = 0; i < THEME_ELEMENT_COUNT; i++)
			assert_same_style(&a.styles[i], &b.styles[i]);
		assert_null(b.path);
		theme_free(&a);
		theme_free(&b);
	}
	free(pa);
	free(pb);
	settings_errors_free(&ea);
	settings_errors_free(&eb);
}

static void test_theme_fixtures(void **state)
{
	static const char *const patterns[] = { "themes/*.theme", "tests/data/conf/*/*.theme" };
	struct settings_errors e = { 0 };
	struct theme base;
	size_t files = 0;

	(void)state;
	assert_int_equal(theme_load_builtin(&base, &e), 0);
	for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
		glob_t g;

		if (glob(patterns[p], 0, NULL, &g) != 0)
			continue;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			size_t len = 0;
			char *text = test_read_file(g.gl_pathv[i], &len);

			assert_non_null(text);
			compare_theme(&base, g.gl_pathv[i], text, len);
			files++;
			free(text);
		}
		globfree(&g);
	}
	assert_true(files >= 5);
	compare_theme(&base, "empty.theme", "", 0);
	compare_theme(&base, "short.theme", "theme = { elements = { tier1 = { fg = \"red\"; }; }; };",
		      54);
	theme_free(&base);
}

/* Elements a text leaves out keep the base's look, whatever the base is. */
static void test_theme_over_other_base(void **state)
{
	static const char text[] = "theme = { elements = { tier2 = { fg = \"blue\"; }; }; };";
	struct settings_errors e = { 0 };
	struct theme base, t;

	(void)state;
	assert_int_equal(theme_load_builtin(&base, &e), 0);
	assert_int_equal(theme_colour_parse("#123456", &base.styles[THEME_TIER1].fg), 0);
	assert_int_equal(theme_load_text_over(&t, &base, "x.theme", text, sizeof text - 1, &e), 0);
	assert_int_equal(t.styles[THEME_TIER1].fg.kind, THEME_COLOUR_RGB);
	assert_int_equal(t.styles[THEME_TIER1].fg.rgb, 0x123456);
	assert_false(t.styles[THEME_TIER1].defined);
	assert_true(t.styles[THEME_TIER2].defined);
	assert_string_equal(t.name, "x");
	theme_free(&t);
	theme_free(&base);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings_fixtures),
		cmocka_unit_test(test_settings_outlive_default),
		cmocka_unit_test(test_theme_fixtures),
		cmocka_unit_test(test_theme_over_other_base),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
