/* test_settings.c - the config loader: the built-in default, a user file on
 * top of it, the key notation, the config path, and every bad fixture in
 * tests/data/conf/bad giving exactly the messages of its .expected file.
 * Run from the top of the source tree (make unit-test does). */
#include "test_conf_util.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "coselldesk/policy.h"
#include "coselldesk/settings.h"

#define DATA "tests/data/conf/"

extern const char coselldesk_default_config[];
extern const size_t coselldesk_default_config_len;

/* ---- the built-in default ---------------------------------------------- */

static void test_builtin_is_the_documented_example(void **state)
{
	size_t len = 0;
	char *doc = test_read_file("docs/coselldesk.conf", &len);

	(void)state;
	assert_non_null(doc);
	assert_int_equal(len, coselldesk_default_config_len);
	assert_memory_equal(doc, coselldesk_default_config, len);
	free(doc);
}

static void test_builtin_equals_policy_defaults(void **state)
{
	struct settings_errors e = { 0 };
	struct desk_settings s;
	struct desk_policy d;
	const struct desk_policy *p = &s.policy;

	(void)state;
	assert_int_equal(settings_load_builtin(&s, &e), 0);
	assert_int_equal(e.count, 0);
	policy_defaults(&d);
	assert_memory_equal(p->weights, d.weights, sizeof d.weights);
	assert_int_equal(p->threshold, d.threshold);
	for (int i = 0; i < CAPACITY_STATE_COUNT; i++) {
		assert_int_equal(p->bands[i].low, d.bands[i].low);
		assert_int_equal(p->bands[i].high, d.bands[i].high);
		assert_int_equal(p->bands[i].preset, d.bands[i].preset);
	}
	assert_true(p->balanced_from == d.balanced_from);
	assert_true(p->constrained_from == d.constrained_from);
	assert_true(p->severe_from == d.severe_from);
	assert_int_equal(p->tier1_above_acv, d.tier1_above_acv);
	assert_int_equal(p->tier2_from_acv, d.tier2_from_acv);
	for (int t = 0; t < TIER_COUNT; t++) {
		assert_int_equal(p->hours[t].min, d.hours[t].min);
		assert_int_equal(p->hours[t].max, d.hours[t].max);
		assert_int_equal(p->hours[t].preset, d.hours[t].preset);
	}
	assert_true(p->deep_overlap_share == d.deep_overlap_share);
	assert_true(p->thin_overlap_share == d.thin_overlap_share);
	assert_true(p->tier_gaming_factor == d.tier_gaming_factor);
	assert_int_equal(p->sla_triage_hours, d.sla_triage_hours);
	assert_int_equal(p->sla_accept_hours, d.sla_accept_hours);
	assert_memory_equal(p->role_weights, d.role_weights, sizeof d.role_weights);
	assert_int_equal(p->calibration_band_count, d.calibration_band_count);
	assert_memory_equal(p->calibration_bands, d.calibration_bands,
			    (size_t)d.calibration_band_count * sizeof d.calibration_bands[0]);
	assert_int_equal(p->selling_hours_per_week, d.selling_hours_per_week);
	assert_int_equal(p->weeks_per_quarter, d.weeks_per_quarter);
	assert_true(p->cosell_share == d.cosell_share);
	/* the config's names are the core's names */
	for (int f = 0; f < PQL_FACTOR_COUNT; f++)
		assert_int_equal(policy_factor_from_name(policy_factor_name((enum pql_factor)f)), f);
	settings_free(&s);
}

static void test_builtin_ui_views_and_keys(void **state)
{
	struct settings_errors e = { 0 };
	struct desk_settings s;
	const struct named_view *v;
	const struct key_binding *b;

	(void)state;
	assert_int_equal(settings_load_builtin(&s, &e), 0);
	assert_null(s.path);
	assert_string_equal(s.ui.theme, "default");
	assert_false(s.ui.mouse);
	assert_int_equal(s.ui.min_cols, 80);
	assert_int_equal(s.ui.min_rows, 20);
	assert_int_equal(s.ui.detail_pane, DETAIL_PANE_RIGHT);
	assert_string_equal(s.ui.date_format, "%Y-%m-%d");
	assert_string_equal(s.ui.editor_command, "");
	assert_int_equal(s.ui.busy_timeout_ms, 10000);
	assert_int_equal(s.ui.queue_column_count, 12);
	assert_int_equal(s.ui.queue_columns[0], SETTINGS_COLUMN_ID);
	assert_int_equal(s.ui.queue_columns[11], SETTINGS_COLUMN_FLAGS);

	assert_int_equal(s.view_count, 5);
	v = settings_view_find(&s, "ready to ROUTE");
	assert_non_null(v);
	assert_string_equal(v->limit, "state:scored gate:pql");
	assert_int_equal(v->sort_count, 2);
	assert_int_equal(v->sort_keys[0].column, SETTINGS_COLUMN_SCORE);
	assert_true(v->sort_keys[0].descending);
	assert_int_equal(v->sort_keys[1].column, SETTINGS_COLUMN_ACV);
	assert_string_equal(v->key, "<F3>");
	assert_string_equal(v->file, SETTINGS_BUILTIN_NAME);
	assert_true(v->line > 0);
	assert_null(settings_view_find(&s, "no such view"));

	b = settings_binding_find(&s, SETTINGS_KEYMAP_QUEUE, "t");
	assert_non_null(b);
	assert_string_equal(b->action, "tag");
	assert_string_equal(b->file, SETTINGS_BUILTIN_NAME);
	b = settings_binding_find(&s, SETTINGS_KEYMAP_GLOBAL, "C-d");
	assert_non_null(b);
	assert_string_equal(b->action, "half-page-down");
	b = settings_binding_find(&s, SETTINGS_KEYMAP_FORM, "<S-Tab>");
	assert_non_null(b);
	assert_string_equal(b->action, "prev-field");
	b = settings_binding_find(&s, SETTINGS_KEYMAP_DASHBOARD, "+");
	assert_non_null(b);
	assert_string_equal(b->action, "dial-up");
	assert_null(settings_binding_find(&s, SETTINGS_KEYMAP_QUEUE, "j"));
	for (size_t i = 0; i < s.binding_count; i++)
		assert_true(settings_action_valid(s.bindings[i].action));
	settings_free(&s);
	settings_free(&s);      /* twice is harmless */
}

/* ---- a user's file over the default ------------------------------------ */

static void test_user_file_overrides(void **state)
{
	struct settings_errors e = { 0 };
	struct desk_settings s;
	const struct key_binding *b;

	(void)state;
	if (settings_load_file(&s, DATA "good/user.conf", &e) != 0) {
		settings_errors_print(&e, stderr, "user.conf");
		fail();
	}
	assert_string_equal(s.path, DATA "good/user.conf");
	assert_int_equal(s.policy.weights[PQL_OVERLAP], 30);
	assert_int_equal(s.policy.weights[PQL_SIZE], 5);
	assert_int_equal(s.policy.weights[PQL_BUDGET], 20);       /* kept from the default */
	assert_int_equal(s.policy.threshold, 65);
	assert_true(s.policy.cosell_share == 0.3);
	assert_true(s.policy.severe_from == 2.0);                 /* an integer where a decimal goes */
	assert_int_equal(s.policy.tier1_above_acv, 100000);
	assert_string_equal(s.ui.theme, "solarized-dark");
	assert_true(s.ui.mouse);
	assert_int_equal(s.ui.detail_pane, DETAIL_PANE_BOTTOM);
	assert_int_equal(s.ui.queue_column_count, 3);
	assert_string_equal(s.ui.editor_command, "nano -w");   /* from the include */
	assert_int_equal(s.ui.busy_timeout_ms, 5000);

	b = settings_binding_find(&s, SETTINGS_KEYMAP_QUEUE, "t");
	assert_string_equal(b->action, "tag-query");
	assert_string_equal(b->file, DATA "good/user.conf");
	assert_int_equal(b->line, 17);
	b = settings_binding_find(&s, SETTINGS_KEYMAP_QUEUE, "x");
	assert_string_equal(b->action, SETTINGS_ACTION_NONE);
	b = settings_binding_find(&s, SETTINGS_KEYMAP_QUEUE, "C-t");
	assert_string_equal(b->action, "tag");
	b = settings_binding_find(&s, SETTINGS_KEYMAP_HELP, "<Esc>");
	assert_string_equal(b->action, "quit");
	b = settings_binding_find(&s, SETTINGS_KEYMAP_QUEUE, "s");
	assert_string_equal(b->action, "score");                 /* untouched default */

	assert_int_equal(s.view_count, 1);                       /* views replace the list */
	assert_string_equal(s.views[0].name, "Mine");
	assert_string_equal(s.views[0].key, "M-m");
	assert_int_equal(s.views[0].column_count, 0);
	assert_int_equal(s.file_count, 3);                       /* default, user, include */
	settings_free(&s);
}

static void test_failed_load_leaves_settings_alone(void **state)
{
	struct settings_errors e = { 0 };
	struct desk_settings s, copy;

	(void)state;
	assert_int_equal(settings_load_builtin(&s, &e), 0);
	copy = s;
	assert_int_equal(settings_load_file(&s, DATA "bad/weights_sum_95.conf", &e), -1);
	assert_memory_equal(&s, &copy, sizeof s);
	assert_int_equal(e.count, 1);
	settings_errors_free(&e);
	assert_int_equal(settings_load_file(&s, DATA "no/such/file.conf", &e), -1);
	assert_memory_equal(&s, &copy, sizeof s);
	assert_int_equal(e.count, 1);
	assert_string_equal(e.items[0].file, DATA "no/such/file.conf");
	assert_int_equal(e.items[0].line, 0);
	assert_string_equal(e.items[0].message, "cannot read: No such file or directory");
	settings_errors_free(&e);
	settings_free(&s);
}

static void test_text_refuses_include(void **state)
{
	static const char text[] = "ui = { mouse = true; };\n@include \"local.conf\"\n";
	struct settings_errors e = { 0 };
	struct desk_settings s;

	(void)state;
	assert_int_equal(settings_load_text(&s, "mem", text, sizeof text - 1, &e), -1);
	assert_int_equal(e.count, 1);
	assert_string_equal(e.items[0].file, "mem");
	assert_int_equal(e.items[0].line, 2);
	assert_string_equal(e.items[0].message,
			    "@include \"local.conf\": a config held in memory cannot include files");
	settings_errors_free(&e);
}

static void test_text_checks_bytes(void **state)
{
	static const char nul[] = "ui = {\n mouse = true;\0 };\n";
	struct settings_errors e = { 0 };
	struct desk_settings s;

	(void)state;
	assert_int_equal(settings_load_text(&s, "nul", nul, sizeof nul - 1, &e), -1);
	assert_int_equal(e.count, 1);
	assert_int_equal(e.items[0].line, 2);
	assert_string_equal(e.items[0].message, "NUL byte in the file");
	settings_errors_free(&e);
	assert_int_equal(settings_load_text(&s, "empty", "", 0, &e), 0);   /* all defaults */
	assert_int_equal(s.policy.threshold, 70);
	settings_free(&s);
}

static void test_absolute_include_is_allowed(void **state)
{
	char dir[] = "/tmp/coselldesk-conf-XXXXXX", main_path[256], inc[256], text[600];
	struct settings_errors e = { 0 };
	struct desk_settings s;
	char cwd[512];
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	assert_non_null(getcwd(cwd, sizeof cwd));
	snprintf(main_path, sizeof main_path, "%s/config", dir);
	snprintf(text, sizeof text, "pql = { threshold = 71; };\n@include \"%s/" DATA
		 "good/local.inc\"\n", cwd);
	assert_non_null(f = fopen(main_path, "w"));
	fputs(text, f);
	fclose(f);
	if (settings_load_file(&s, main_path, &e) != 0) {
		settings_errors_print(&e, stderr, NULL);
		fail();
	}
	assert_int_equal(s.policy.threshold, 71);
	assert_string_equal(s.ui.editor_command, "nano -w");
	settings_free(&s);
	/* and a relative one beside it resolves in the config's directory */
	snprintf(inc, sizeof inc, "%s/local.conf", dir);
	assert_non_null(f = fopen(inc, "w"));
	fputs("sla = { triage_hours = 12; };\n", f);
	fclose(f);
	assert_non_null(f = fopen(main_path, "w"));
	fputs("@include \"local.conf\"\n", f);
	fclose(f);
	assert_int_equal(settings_load_file(&s, main_path, &e), 0);
	assert_int_equal(s.policy.sla_triage_hours, 12);
	settings_free(&s);
	unlink(inc);
	unlink(main_path);
	rmdir(dir);
}

static void test_errors_are_capped(void **state)
{
	struct settings_errors e = { 0 };
	struct desk_settings s;
	char *text = malloc(150 * 32), *p = text;
	char *out;

	(void)state;
	for (int i = 0; i < 150; i++)
		p += sprintf(p, "unknown_%d = 1;\n", i);
	assert_int_equal(settings_load_text(&s, "many", text, (size_t)(p - text), &e), -1);
	assert_int_equal(e.count, SETTINGS_MAX_ERRORS);
	assert_int_equal(e.dropped, 50);
	out = test_printed_errors(&e);
	assert_non_null(strstr(out, "50 more problems not shown\n"));
	free(out);
	free(text);
	settings_errors_free(&e);
}

/* ---- key notation ------------------------------------------------------ */

static void test_key_normalise(void **state)
{
	static const struct { const char *in, *out; } good[] = {
		{ "j", "j" }, { "G", "G" }, { "?", "?" }, { "é", "é" }, { " ", "<Space>" },
		{ "<", "<lt>" }, { "<lt>", "<lt>" }, { ">", ">" },
		{ "C-d", "C-d" }, { "C-D", "C-d" }, { "^D", "C-d" }, { "<C-d>", "C-d" },
		{ "<c-d>", "C-d" }, { "C-i", "<Tab>" }, { "C-m", "<Enter>" }, { "C-[", "<Esc>" },
		{ "C-_", "C-_" }, { "C-]", "C-]" }, { "C-\\", "C-\\" },
		{ "M-x", "M-x" }, { "<M-x>", "M-x" }, { "M-<Enter>", "M-<Enter>" }, { "M-C-d", "M-C-d" },
		{ "M-<", "M-<lt>" },
		{ "<Enter>", "<Enter>" }, { "<return>", "<Enter>" }, { "<ESCAPE>", "<Esc>" },
		{ "<tab>", "<Tab>" }, { "<s-tab>", "<S-Tab>" }, { "<PageUp>", "<PgUp>" },
		{ "<pgdn>", "<PgDn>" }, { "<BS>", "<Backspace>" }, { "<Delete>", "<Del>" },
		{ "<Insert>", "<Ins>" }, { "<up>", "<Up>" }, { "<Home>", "<Home>" },
		{ "<F1>", "<F1>" }, { "<f12>", "<F12>" },
	};
	static const struct { const char *in, *why; } bad[] = {
		{ "", "empty key" },
		{ "gg", "more than one key" },
		{ "C-ab", "C- takes one letter" },
		{ "C-1", "C- takes a letter" },
		{ "C-@", "C- takes a letter" },
		{ "<Entr>", "did you mean <Enter>?" },
		{ "<F0>", "unknown key name" },
		{ "<F13>", "function keys go from <F1> to <F12>" },
		{ "M-M-x", "M- may appear only once" },
		{ "\t", "a control character" },
		{ "\xff", "invalid UTF-8" },
		{ "<Nothing-like-this>", "unknown key name" },
		{ "a very long key name indeed", "too long" },
	};
	char out[SETTINGS_KEY_MAX], why[128];

	(void)state;
	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		if (settings_key_normalise(good[i].in, out, sizeof out, why, sizeof why) != 0)
			fail_msg("'%s' refused: %s", good[i].in, why);
		if (strcmp(out, good[i].out) != 0)
			fail_msg("'%s' gave '%s', not '%s'", good[i].in, out, good[i].out);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		why[0] = '\0';
		if (settings_key_normalise(bad[i].in, out, sizeof out, why, sizeof why) == 0)
			fail_msg("'%s' accepted as '%s'", bad[i].in, out);
		if (!strstr(why, bad[i].why))
			fail_msg("'%s': reason '%s' lacks '%s'", bad[i].in, why, bad[i].why);
	}
	/* a buffer too small is an error, not an overflow */
	assert_int_equal(settings_key_normalise("<Backspace>", out, 4, NULL, 0), -1);
}

static void test_action_names(void **state)
{
	(void)state;
	assert_true(settings_action_valid("move-down"));
	assert_true(settings_action_valid("view-2"));
	assert_true(settings_action_valid("none"));
	assert_false(settings_action_valid(""));
	assert_false(settings_action_valid(NULL));
	assert_false(settings_action_valid("Move-down"));
	assert_false(settings_action_valid("move_down"));
	assert_false(settings_action_valid("move--down"));
	assert_false(settings_action_valid("-move"));
	assert_false(settings_action_valid("move-"));
	assert_false(settings_action_valid("2move"));
	assert_false(settings_action_valid("an-action-name-that-is-much-too-long"));
}

static void test_check_actions(void **state)
{
	static const char text[] = "keys = {\n  queue = ( [ \"o\", \"srot\" ], [ \"w\", \"wibble\" ],\n"
				   "    [ \"z\", \"none\" ] );\n};\n";
	struct settings_errors e = { 0 };
	struct desk_settings base, s;
	const char **known;
	size_t n = 0;

	(void)state;
	/* the known actions: whatever the default binds */
	assert_int_equal(settings_load_builtin(&base, &e), 0);
	known = calloc(base.binding_count, sizeof *known);
	for (size_t i = 0; i < base.binding_count; i++)
		known[n++] = base.bindings[i].action;
	assert_int_equal(settings_check_actions(&base, known, n, &e), 0);
	assert_int_equal(settings_load_text(&s, "mem", text, sizeof text - 1, &e), 0);
	assert_int_equal(settings_check_actions(&s, known, n, &e), 2);
	assert_int_equal(e.count, 2);
	assert_string_equal(e.items[0].file, "mem");
	assert_int_equal(e.items[0].line, 2);
	assert_string_equal(e.items[0].message,
			    "keys.queue: unknown action 'srot' for key 'o' (did you mean 'sort'?)");
	assert_string_equal(e.items[1].message, "keys.queue: unknown action 'wibble' for key 'w'");
	assert_non_null(e.items[1].hint);
	settings_errors_free(&e);
	free(known);
	settings_free(&s);
	settings_free(&base);
}

/* ---- ui.home_view ----------------------------------------------------- */

/* Load text over the default (named "mem" in messages): 0 or -1. */
static int load_text(struct desk_settings *s, const char *text, struct settings_errors *e)
{
	return settings_load_text(s, "mem", text, strlen(text), e);
}

static void test_home_view(void **state)
{
	struct settings_errors e = { 0 };
	struct desk_settings s;

	(void)state;
	/* the default opens on the triage view, which the default defines */
	assert_int_equal(settings_load_builtin(&s, &e), 0);
	assert_string_equal(s.ui.home_view, "Untriaged");
	assert_non_null(settings_view_find(&s, s.ui.home_view));
	settings_free(&s);

	/* another of the views, any case; "" is every open intro */
	assert_int_equal(load_text(&s, "ui = { home_view = \"ready to ROUTE\"; };\n", &e), 0);
	assert_string_equal(settings_view_find(&s, s.ui.home_view)->name, "Ready to route");
	settings_free(&s);
	assert_int_equal(load_text(&s, "ui = { home_view = \"\"; };\n", &e), 0);
	assert_string_equal(s.ui.home_view, "");
	settings_free(&s);

	/* a view of the file's own list */
	assert_int_equal(load_text(&s, "ui = { home_view = \"Mine\"; };\n"
				   "views = ( { name = \"Mine\"; limit = \"owner:me\"; } );\n", &e), 0);
	assert_string_equal(s.ui.home_view, "Mine");
	settings_free(&s);

	/* views replaced without the default's home view, home_view not set
	 * by the file: every open intro, no complaint */
	assert_int_equal(load_text(&s, "views = ( { name = \"Mine\"; limit = \"owner:me\"; } );\n",
				   &e), 0);
	assert_string_equal(s.ui.home_view, "");
	assert_int_equal(e.count, 0);
	settings_free(&s);
}

static void test_home_view_unknown(void **state)
{
	struct settings_errors e = { 0 };
	struct desk_settings s;

	(void)state;
	/* a typo: file:line and the closest name */
	assert_int_equal(load_text(&s, "# home\nui = {\n  home_view = \"Untriagd\";\n};\n", &e), -1);
	assert_int_equal(e.count, 1);
	assert_string_equal(e.items[0].file, "mem");
	assert_int_equal(e.items[0].line, 3);
	assert_string_equal(e.items[0].message,
			    "ui.home_view: no view named \"Untriagd\" (did you mean \"Untriaged\"?)");
	settings_errors_free(&e);

	/* nothing close: a hint instead */
	assert_int_equal(load_text(&s, "ui = { home_view = \"Pipeline of doom\"; };\n", &e), -1);
	assert_int_equal(e.count, 1);
	assert_int_equal(e.items[0].line, 1);
	assert_string_equal(e.items[0].message, "ui.home_view: no view named \"Pipeline of doom\"");
	assert_non_null(e.items[0].hint);
	settings_errors_free(&e);

	/* a name of the default's list that the file's own list dropped */
	assert_int_equal(load_text(&s, "ui = { home_view = \"Untriaged\"; };\n"
				   "views = ( { name = \"Mine\"; } );\n", &e), -1);
	assert_int_equal(e.count, 1);
	assert_int_equal(e.items[0].line, 1);
	settings_errors_free(&e);

	/* not a string */
	assert_int_equal(load_text(&s, "ui = { home_view = 3; };\n", &e), -1);
	assert_int_equal(e.count, 1);
	settings_errors_free(&e);
}

/* ---- keys.doctor ------------------------------------------------------- */

static void test_doctor_keymap(void **state)
{
	struct settings_errors e = { 0 };
	struct desk_settings s;
	const struct key_binding *b;

	(void)state;
	assert_int_equal(settings_load_builtin(&s, &e), 0);
	b = settings_binding_find(&s, SETTINGS_KEYMAP_DOCTOR, "m");
	assert_non_null(b);
	assert_string_equal(b->action, "mouse");
	settings_free(&s);

	/* rebinding there: M takes the mouse, m is unbound */
	assert_int_equal(load_text(&s, "keys = {\n  doctor = ( [ \"M\", \"mouse\" ], [ \"m\", \"none\" ] );\n};\n",
				   &e), 0);
	b = settings_binding_find(&s, SETTINGS_KEYMAP_DOCTOR, "M");
	assert_non_null(b);
	assert_string_equal(b->action, "mouse");
	assert_string_equal(b->file, "mem");
	assert_int_equal(b->line, 2);
	assert_string_equal(settings_binding_find(&s, SETTINGS_KEYMAP_DOCTOR, "m")->action,
			    SETTINGS_ACTION_NONE);
	assert_null(settings_binding_find(&s, SETTINGS_KEYMAP_QUEUE, "M"));
	settings_free(&s);

	/* a misspelt keymap name is offered the doctor's */
	assert_int_equal(load_text(&s, "keys = { docter = ( [ \"M\", \"mouse\" ] ); };\n", &e), -1);
	assert_int_equal(e.count, 1);
	assert_non_null(strstr(e.items[0].message, "did you mean 'keys.doctor'"));
	settings_errors_free(&e);
}

static void test_suggest(void **state)
{
	static const char *const names[] = { "weights", "threshold", "ui", "queue_columns" };

	(void)state;
	assert_string_equal(settings_suggest("wieghts", names, 4), "weights");
	assert_string_equal(settings_suggest("treshold", names, 4), "threshold");
	assert_string_equal(settings_suggest("uii", names, 4), "ui");
	assert_string_equal(settings_suggest("UI", names, 4), "ui");
	assert_string_equal(settings_suggest("queue_colums", names, 4), "queue_columns");
	assert_null(settings_suggest("colour", names, 4));
	assert_null(settings_suggest("x", names, 4));
	assert_null(settings_suggest("", names, 4));
	assert_null(settings_suggest("weights", names, 0));
}

static void test_names(void **state)
{
	(void)state;
	for (int c = 0; c < SETTINGS_COLUMN_COUNT; c++) {
		assert_int_equal(settings_column_from_name(settings_column_name((enum settings_column)c)), c);
		assert_non_null(settings_column_help((enum settings_column)c));
	}
	for (int m = 0; m < SETTINGS_KEYMAP_COUNT; m++)
		assert_int_equal(settings_keymap_from_name(settings_keymap_name((enum settings_keymap)m)), m);
	assert_int_equal(settings_column_from_name("nope"), -1);
	assert_null(settings_column_name(SETTINGS_COLUMN_COUNT));
	assert_int_equal(settings_keymap_from_name("Queue"), -1);
	assert_null(settings_keymap_name(SETTINGS_KEYMAP_COUNT));
}

/* ---- which file -------------------------------------------------------- */

static void test_config_path(void **state)
{
	char dir[] = "/tmp/coselldesk-path-XXXXXX", buf[512], xdg[300], home[300], file[400];
	struct settings_env env = { NULL, NULL, NULL };
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(xdg, sizeof xdg, "%s/xdg", dir);
	snprintf(home, sizeof home, "%s/home", dir);

	assert_int_equal(settings_config_path("x.conf", &env, buf, sizeof buf), SETTINGS_FROM_OPTION);
	assert_string_equal(buf, "x.conf");
	env.config = "/etc/desk.conf";
	assert_int_equal(settings_config_path(NULL, &env, buf, sizeof buf), SETTINGS_FROM_ENV);
	assert_string_equal(buf, "/etc/desk.conf");
	assert_int_equal(settings_config_path("", &env, buf, sizeof buf), SETTINGS_FROM_ENV);
	env.config = NULL;
	env.xdg_config_home = xdg;
	env.home = home;
	assert_int_equal(settings_config_path(NULL, &env, buf, sizeof buf), SETTINGS_FROM_BUILTIN);
	assert_string_equal(buf, "");

	/* ~/.config when only it exists */
	snprintf(file, sizeof file, "%s/.config", home);
	assert_int_equal(mkdir(home, 0700), 0);
	assert_int_equal(mkdir(file, 0700), 0);
	snprintf(file, sizeof file, "%s/.config/coselldesk", home);
	assert_int_equal(mkdir(file, 0700), 0);
	snprintf(file, sizeof file, "%s/.config/coselldesk/config", home);
	assert_non_null(f = fopen(file, "w"));
	fclose(f);
	assert_int_equal(settings_config_path(NULL, &env, buf, sizeof buf), SETTINGS_FROM_HOME);
	assert_string_equal(buf, file);

	/* the XDG one first when it exists */
	assert_int_equal(mkdir(xdg, 0700), 0);
	snprintf(buf, sizeof buf, "%s/coselldesk", xdg);
	assert_int_equal(mkdir(buf, 0700), 0);
	snprintf(buf, sizeof buf, "%s/coselldesk/config", xdg);
	assert_non_null(f = fopen(buf, "w"));
	fclose(f);
	assert_int_equal(settings_config_path(NULL, &env, buf, sizeof buf), SETTINGS_FROM_XDG);
	assert_non_null(strstr(buf, "/xdg/coselldesk/config"));

	/* a relative XDG_CONFIG_HOME is ignored */
	env.xdg_config_home = "relative";
	assert_int_equal(settings_config_path(NULL, &env, buf, sizeof buf), SETTINGS_FROM_HOME);
	/* too long for the buffer */
	assert_int_equal(settings_config_path("a-long-name", &env, buf, 4), -1);

	unlink(file);
	snprintf(buf, sizeof buf, "%s/coselldesk/config", xdg);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s/coselldesk", xdg);
	rmdir(buf);
	rmdir(xdg);
	snprintf(file, sizeof file, "%s/.config/coselldesk", home);
	rmdir(file);
	snprintf(file, sizeof file, "%s/.config", home);
	rmdir(file);
	rmdir(home);
	rmdir(dir);
}

/* ---- every bad fixture gives its expected messages --------------------- */

static void test_bad_fixture(void **state)
{
	const char *path = *state;
	char expected_path[512];
	struct settings_errors e = { 0 };
	struct desk_settings s;
	char *want, *got;

	snprintf(expected_path, sizeof expected_path, "%.*s.expected",
		 (int)(strrchr(path, '.') - path), path);
	want = test_read_file(expected_path, NULL);
	if (!want)
		fail_msg("%s: no %s", path, expected_path);
	assert_int_equal(settings_load_file(&s, path, &e), -1);
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
		cmocka_unit_test(test_builtin_is_the_documented_example),
		cmocka_unit_test(test_builtin_equals_policy_defaults),
		cmocka_unit_test(test_builtin_ui_views_and_keys),
		cmocka_unit_test(test_user_file_overrides),
		cmocka_unit_test(test_failed_load_leaves_settings_alone),
		cmocka_unit_test(test_text_refuses_include),
		cmocka_unit_test(test_text_checks_bytes),
		cmocka_unit_test(test_absolute_include_is_allowed),
		cmocka_unit_test(test_errors_are_capped),
		cmocka_unit_test(test_key_normalise),
		cmocka_unit_test(test_action_names),
		cmocka_unit_test(test_check_actions),
		cmocka_unit_test(test_home_view),
		cmocka_unit_test(test_home_view_unknown),
		cmocka_unit_test(test_doctor_keymap),
		cmocka_unit_test(test_suggest),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_config_path),
	};
	struct CMUnitTest tests[sizeof fixed / sizeof fixed[0] + 64];
	char *names[64];
	size_t n = sizeof fixed / sizeof fixed[0], nf = 0;
	DIR *d = opendir(DATA "bad");
	struct dirent *de;
	int rc;

	memcpy(tests, fixed, sizeof fixed);
	if (!d) {
		fprintf(stderr, "test_settings: run from the top of the source tree (%s)\n", DATA);
		return 1;
	}
	while ((de = readdir(d)) && nf < 64) {
		size_t len = strlen(de->d_name);

		if (len > 5 && strcmp(de->d_name + len - 5, ".conf") == 0) {
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
	rc = _cmocka_run_group_tests("settings", tests, n, NULL, NULL);
	for (size_t i = 0; i < nf; i++)
		free(names[i]);
	return rc;
}
