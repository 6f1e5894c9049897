/* test_theme.c - theme files: the shipped ones, colours, the search path,
 * and the bad fixtures (tests/data/conf/bad, NAME.theme) with their expected
 * messages. Run from the top of the source tree. */
#include "test_conf_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coselldesk/theme.h"

#define DATA "tests/data/conf/"

extern const char coselldesk_default_theme[];
extern const size_t coselldesk_default_theme_len;

static const char *const shipped[] = {
	"default", "light", "dark", "solarized-dark", "high-contrast", "mono"
};

static void test_builtin_is_default_theme(void **state)
{
	struct settings_errors e = { 0 };
	struct theme t;
	size_t len = 0;
	char *text = test_read_file("themes/default.theme", &len);

	(void)state;
	assert_non_null(text);
	assert_int_equal(len, coselldesk_default_theme_len);
	assert_memory_equal(text, coselldesk_default_theme, len);
	free(text);
	assert_int_equal(theme_load_builtin(&t, &e), 0);
	assert_string_equal(t.name, "default");
	assert_null(t.path);
	assert_int_equal(t.min_colors, 8);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].fg.kind, THEME_COLOUR_INDEX);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].fg.index, 0);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].bg.index, 3);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].mono, THEME_ATTR_REVERSE);
	assert_int_equal(t.styles[THEME_NORMAL].bg.kind, THEME_COLOUR_DEFAULT);
	theme_free(&t);
}

/* Every shipped theme loads cleanly and sets every element itself. */
static void test_shipped_themes_complete(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof shipped / sizeof shipped[0]; i++) {
		struct settings_errors e = { 0 };
		struct theme t;
		char path[128];

		snprintf(path, sizeof path, "themes/%s.theme", shipped[i]);
		if (theme_load_file(&t, path, &e) != 0) {
			settings_errors_print(&e, stderr, NULL);
			fail_msg("%s does not load", path);
		}
		assert_int_equal(e.count, 0);
		assert_string_equal(t.name, shipped[i]);
		assert_string_equal(t.path, path);
		assert_true(strlen(t.description) > 0);
		assert_true(t.min_colors >= 2);
		for (int el = 0; el < THEME_ELEMENT_COUNT; el++)
			if (!t.styles[el].defined || t.styles[el].line <= 0)
				fail_msg("%s leaves out '%s'", path,
					 theme_element_name((enum theme_element)el));
		/* something marks the selected row without colour */
		assert_true(t.styles[THEME_CURSOR_ROW].mono != 0);
		theme_free(&t);
	}
}

static void test_mono_theme_has_no_colour(void **state)
{
	struct settings_errors e = { 0 };
	struct theme t;

	(void)state;
	assert_int_equal(theme_load_file(&t, "themes/mono.theme", &e), 0);
	for (int el = 0; el < THEME_ELEMENT_COUNT; el++) {
		assert_int_equal(t.styles[el].fg.kind, THEME_COLOUR_DEFAULT);
		assert_int_equal(t.styles[el].bg.kind, THEME_COLOUR_DEFAULT);
		assert_int_equal(t.styles[el].attrs, t.styles[el].mono);
	}
	theme_free(&t);
}

static void test_partial_theme_inherits(void **state)
{
	struct settings_errors e = { 0 };
	struct theme t, d;

	(void)state;
	assert_int_equal(theme_load_builtin(&d, &e), 0);
	assert_int_equal(theme_load_file(&t, DATA "good/partial.theme", &e), 0);
	assert_string_equal(t.name, "partial");
	assert_string_equal(t.description, "");
	assert_true(t.styles[THEME_CURSOR_ROW].defined);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].line, 5);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].fg.kind, THEME_COLOUR_RGB);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].fg.rgb, 0xffffff);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].bg.index, 24);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].attrs, THEME_ATTR_BOLD);
	assert_int_equal(t.styles[THEME_CURSOR_ROW].mono, THEME_ATTR_BOLD);   /* mono = attrs */
	assert_int_equal(t.styles[THEME_TIER1].fg.index, 10);
	assert_int_equal(t.styles[THEME_TIER1].mono, THEME_ATTR_BOLD | THEME_ATTR_UNDERLINE);
	assert_false(t.styles[THEME_ERROR].defined);
	assert_int_equal(t.styles[THEME_ERROR].bg.index, d.styles[THEME_ERROR].bg.index);
	assert_int_equal(t.styles[THEME_ERROR].attrs, d.styles[THEME_ERROR].attrs);
	theme_free(&t);
	theme_free(&d);
	/* a theme without a name is named after its file */
	assert_int_equal(theme_load_text(&t, "dir/plain.theme", "theme = { };", 12, &e), 0);
	assert_string_equal(t.name, "plain");
	theme_free(&t);
}

static void test_colour_parse(void **state)
{
	static const struct { const char *in; enum theme_colour_kind kind; int index; unsigned long rgb; } good[] = {
		{ "default", THEME_COLOUR_DEFAULT, -1, 0 },
		{ "black", THEME_COLOUR_INDEX, 0, 0 },
		{ "white", THEME_COLOUR_INDEX, 7, 0 },
		{ "brightblack", THEME_COLOUR_INDEX, 8, 0 },
		{ "brightwhite", THEME_COLOUR_INDEX, 15, 0 },
		{ "blue", THEME_COLOUR_INDEX, 4, 0 },
		{ "color0", THEME_COLOUR_INDEX, 0, 0 },
		{ "color255", THEME_COLOUR_INDEX, 255, 0 },
		{ "#002b36", THEME_COLOUR_RGB, 0, 0x002b36 },
		{ "#FFfFff", THEME_COLOUR_RGB, 0, 0xffffff },
	};
	static const char *const bad[] = {
		"", "Red", "bright", "brightpink", "color", "color256", "color007", "color-1",
		"color1x", "#fff", "#1234567", "#12345g", "grey",
	};
	struct theme_colour c;

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (theme_colour_parse(good[i].in, &c) != 0)
			fail_msg("'%s' refused", good[i].in);
		assert_int_equal(c.kind, good[i].kind);
		if (c.kind == THEME_COLOUR_INDEX)
			assert_int_equal(c.index, good[i].index);
		if (c.kind == THEME_COLOUR_RGB)
			assert_int_equal(c.rgb, good[i].rgb);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (theme_colour_parse(bad[i], &c) == 0)
			fail_msg("'%s' accepted", bad[i]);
	assert_int_equal(theme_colour_parse(NULL, &c), -1);
}

static void test_colour_nearest(void **state)
{
	struct theme_colour c;

	(void)state;
	theme_colour_parse("default", &c);
	assert_int_equal(theme_colour_nearest(&c), -1);
	theme_colour_parse("color208", &c);
	assert_int_equal(theme_colour_nearest(&c), 208);
	theme_colour_parse("#000000", &c);
	assert_int_equal(theme_colour_nearest(&c), 16);
	theme_colour_parse("#ffffff", &c);
	assert_int_equal(theme_colour_nearest(&c), 231);
	theme_colour_parse("#ff8700", &c);
	assert_int_equal(theme_colour_nearest(&c), 208);
	theme_colour_parse("#808080", &c);
	assert_int_equal(theme_colour_nearest(&c), 244);
	theme_colour_parse("#002b36", &c);
	assert_int_equal(theme_colour_nearest(&c), 234);   /* as Solarized's own 256-colour table */
}

static void test_names(void **state)
{
	(void)state;
	for (int e = 0; e < THEME_ELEMENT_COUNT; e++) {
		assert_int_equal(theme_element_from_name(theme_element_name((enum theme_element)e)), e);
		assert_non_null(theme_element_help((enum theme_element)e));
	}
	assert_int_equal(theme_element_from_name("tier_1"), -1);
	assert_null(theme_element_name(THEME_ELEMENT_COUNT));
	assert_string_equal(theme_attr_name(THEME_ATTR_INDEX_ITALIC), "italic");
	assert_null(theme_attr_name(THEME_ATTR_COUNT));
	assert_int_equal(THEME_ATTR_UNDERLINE, 1u << THEME_ATTR_INDEX_UNDERLINE);
	assert_true(theme_name_valid("solarized-dark"));
	assert_true(theme_name_valid("my_theme.v2"));
	assert_false(theme_name_valid(""));
	assert_false(theme_name_valid(".hidden"));
	assert_false(theme_name_valid("../etc/passwd"));
	assert_false(theme_name_valid("a b"));
}

static void test_search_path(void **state)
{
	struct theme_env env = { "/t", "/cfg", "/home/u", "/a:relative::/b/", "/share" };
	static const char *const want[] = {
		"/t", "/cfg/coselldesk/themes", "/a/coselldesk/themes", "/b//coselldesk/themes",
		"/share/themes", "themes",
	};
	char dir[256];
	size_t i;

	(void)state;
	for (i = 0; theme_search_dir(&env, i, dir, sizeof dir) == 0; i++) {
		assert_true(i < sizeof want / sizeof want[0]);
		assert_string_equal(dir, want[i]);
	}
	assert_int_equal(i, sizeof want / sizeof want[0]);
	/* defaults: ~/.config, /usr/local/share and /usr/share */
	{
		struct theme_env bare = { NULL, NULL, "/home/u", NULL, "/share" };

		assert_int_equal(theme_search_dir(&bare, 0, dir, sizeof dir), 0);
		assert_string_equal(dir, "/home/u/.config/coselldesk/themes");
		assert_int_equal(theme_search_dir(&bare, 1, dir, sizeof dir), 0);
		assert_string_equal(dir, "/usr/local/share/coselldesk/themes");
		assert_int_equal(theme_search_dir(&bare, 2, dir, sizeof dir), 0);
		assert_string_equal(dir, "/usr/share/coselldesk/themes");
	}
}

static void test_find_and_load_by_name(void **state)
{
	char dir[] = "/tmp/coselldesk-themes-XXXXXX", path[512], found[512];
	struct theme_env env = { NULL, NULL, NULL, "/nonexistent", "/nonexistent" };
	struct settings_errors e = { 0 };
	struct theme t;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/dark.theme", dir);
	assert_non_null(f = fopen(path, "w"));
	fputs("theme = { name = \"mine\"; };\n", f);
	fclose(f);

	/* ./themes (the source tree) has the shipped ones */
	assert_int_equal(theme_find("light", &env, found, sizeof found), 0);
	assert_string_equal(found, "themes/light.theme");
	/* $COSELLDESK_THEMES comes first */
	env.themes_dir = dir;
	assert_int_equal(theme_find("dark", &env, found, sizeof found), 0);
	assert_string_equal(found, path);
	assert_int_equal(theme_load(&t, "dark", &env, &e), 0);
	assert_string_equal(t.name, "mine");
	theme_free(&t);
	assert_int_equal(theme_find("../dark", &env, found, sizeof found), -1);
	/* a path is read as given */
	assert_int_equal(theme_load(&t, path, &env, &e), 0);
	theme_free(&t);
	/* missing: an error naming the directories */
	assert_int_equal(theme_load(&t, "nosuch", &env, &e), -1);
	assert_int_equal(e.count, 1);
	assert_non_null(strstr(e.items[0].message, "theme \"nosuch\" not found"));
	assert_non_null(strstr(e.items[0].message, dir));
	assert_non_null(e.items[0].hint);
	settings_errors_free(&e);
	/* a directory on the path twice (the share dir is an XDG one) is named once */
	{
		struct theme_env twice = { NULL, "/cfg", NULL, "/opt/x:/usr/share", "/usr/share/coselldesk" };
		const char *m, *first;

		assert_int_equal(theme_load(&t, "nosuch", &twice, &e), -1);
		m = e.items[0].message;
		assert_non_null(first = strstr(m, "/usr/share/coselldesk/themes"));
		assert_null(strstr(first + 1, "/usr/share/coselldesk/themes"));
		assert_non_null(strstr(m, "in /cfg/coselldesk/themes, /opt/x/coselldesk/themes, "
				       "/usr/share/coselldesk/themes, themes)"));
		settings_errors_free(&e);
	}
	assert_int_equal(theme_load(&t, "bad name", &env, &e), -1);
	assert_int_equal(e.count, 1);
	settings_errors_free(&e);
	unlink(path);
	rmdir(dir);
	/* "default" with nothing on disk: the built-in */
	{
		struct theme_env none = { NULL, NULL, NULL, "/nonexistent", "/nonexistent" };
		char cwd[512];

		assert_non_null(getcwd(cwd, sizeof cwd));
		assert_int_equal(chdir("/"), 0);
		assert_int_equal(theme_load(&t, "default", &none, &e), 0);
		assert_null(t.path);
		theme_free(&t);
		assert_int_equal(theme_load(&t, NULL, &none, &e), 0);
		theme_free(&t);
		assert_int_equal(chdir(cwd), 0);
	}
}

static void test_bad_fixture(void **state)
{
	const char *path = *state;
	char expected_path[512];
	struct settings_errors e = { 0 };
	struct theme t;
	char *want, *got;

	snprintf(expected_path, sizeof expected_path, "%.*s.expected",
		 (int)(strrchr(path, '.') - path), path);
	if (!(want = test_read_file(expected_path, NULL)))
		fail_msg("%s: no %s", path, expected_path);
	assert_int_equal(theme_load_file(&t, path, &e), -1);
	got = test_printed_errors(&e);
	if (strcmp(want, got) != 0) {
		fprintf(stderr, "--- expected (%s)\n%s--- got\n%s", expected_path, want, got);
		fail_msg("%s: messages differ", path);
	}
	free(want);
	free(got);
	settings_errors_free(&e);
}

static int fixture_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	static const struct CMUnitTest fixed[] = {
		cmocka_unit_test(test_builtin_is_default_theme),
		cmocka_unit_test(test_shipped_themes_complete),
		cmocka_unit_test(test_mono_theme_has_no_colour),
		cmocka_unit_test(test_partial_theme_inherits),
		cmocka_unit_test(test_colour_parse),
		cmocka_unit_test(test_colour_nearest),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_search_path),
		cmocka_unit_test(test_find_and_load_by_name),
	};
	struct CMUnitTest tests[sizeof fixed / sizeof fixed[0] + 32];
	char *names[32];
	size_t n = sizeof fixed / sizeof fixed[0], nf = 0;
	DIR *d = opendir(DATA "bad");
	struct dirent *de;
	int rc;

	memcpy(tests, fixed, sizeof fixed);
	if (!d) {
		fprintf(stderr, "test_theme: run from the top of the source tree (%s)\n", DATA);
		return 1;
	}
	while ((de = readdir(d)) && nf < 32) {
		size_t len = strlen(de->d_name);

		if (len > 6 && strcmp(de->d_name + len - 6, ".theme") == 0) {
			names[nf] = malloc(len + sizeof DATA "bad/");
			sprintf(names[nf], DATA "bad/%s", de->d_name);
			nf++;
		}
	}
	closedir(d);
	qsort(names, nf, sizeof names[0], fixture_cmp);
	for (size_t i = 0; i < nf; i++) {
		struct CMUnitTest t = { names[i], test_bad_fixture, NULL, NULL, names[i] };

		tests[n++] = t;
	}
	rc = _cmocka_run_group_tests("theme", tests, n, NULL, NULL);
	for (size_t i = 0; i < nf; i++)
		free(names[i]);
	return rc;
}
