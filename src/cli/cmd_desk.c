/* cmd_desk.c - the desk as a whole: init, dial, rescore, undo, check, help. */
#include "coselldesk/cli_args.h"
#include "coselldesk/settings.h"
#include "coselldesk/store.h"
#include "coselldesk/theme.h"
#include "coselldesk/tui.h"
#include "handlers.h"
#include "intro_util.h"

#include <string.h>
#include <unistd.h>

static const struct args_spec no_options[] = { { NULL, 0 } };

/* Parse a command that takes only positional words. */
static int parse_plain(struct app *app, int argc, char **argv, int min_pos, int max_pos,
		       struct args *a)
{
	return args_parse(app, argc, argv, no_options, min_pos, max_pos, a);
}

/* ---- init --------------------------------------------------------------- */

int cmd_init(struct app *app, int argc, char **argv)
{
	struct output_value *obj;
	struct store *st;
	struct args a;
	int rc, found, now;

	if ((rc = parse_plain(app, argc, argv, 0, 0, &a)))
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if (!(st = app_store(app, 1, &rc)))
		return rc;
	found = store_schema_version_found(st);
	now = store_schema_version(st);
	if (app->format == OUTPUT_TEXT) {
		printf("%s: ", app->db_path);
		if (store_was_created(st))
			printf("created a new desk (schema %d)\n", now);
		else if (found != now)
			printf("upgraded the schema from %d to %d\n", found, now);
		else
			printf("up to date (schema %d)\n", now);
		return 0;
	}
	obj = output_object();
	output_add_string(obj, "path", app->db_path);
	output_add_bool(obj, "created", store_was_created(st));
	output_add_int(obj, "schema_version", now);
	output_add_int_or_null(obj, "upgraded_from", found, !store_was_created(st));
	return cli_emit(app, obj);
}

/* ---- dial --------------------------------------------------------------- */

int cmd_dial(struct app *app, int argc, char **argv)
{
	struct output_value *obj;
	struct store *st;
	struct args a;
	enum store_status s;
	long long to;
	long changed = 0, gained = 0, lost = 0;
	int rc, from, from_desk;

	if ((rc = parse_plain(app, argc, argv, 0, 1, &a)))
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if (a.positional_count == 1) {
		if (args_parse_whole(a.positional[0], &to) < 0)
			return cli_usage_error(app, "'%s' is not a whole number", a.positional[0]);
		if (to < 0 || to > 100) {
			cli_error(app, "%lld is outside 0-100 (the PQL bar)", to);
			return EX_DATAERR;
		}
	}
	if (!(st = app_store(app, 0, &rc)))
		return rc;
	if ((s = store_dial_get(st, &from, &from_desk)) != STORE_OK)
		return intro_fail(app, st, s);
	if (a.positional_count == 0) {
		obj = output_object();
		output_add_int(obj, "threshold", from);
		output_add_string(obj, "source", from_desk ? "desk" : "config");
		if (app->format == OUTPUT_TEXT) {
			printf("The PQL bar is %d (%s).\n", from,
			       from_desk ? "set on this desk" : "the config's default");
			output_free(obj);
			return 0;
		}
		return cli_emit(app, obj);
	}
	if ((s = store_dial_set(st, (int)to, &changed, &gained, &lost)) != STORE_OK)
		return intro_fail(app, st, s);
	if (app->format == OUTPUT_TEXT) {
		if (from == (int)to)
			printf("The PQL bar stays at %d: no intro changes gate.\n", from);
		else
			printf("The PQL bar moved from %d to %lld: %ld open intro%s change%s gate"
			       " (%ld become%s, %ld drop%s below the bar).\n", from, to, changed,
			       changed == 1 ? "" : "s", changed == 1 ? "s" : "", gained,
			       gained == 1 ? "s a PQL" : " PQLs", lost, lost == 1 ? "s" : "");
		return 0;
	}
	obj = output_object();
	output_add_int(obj, "from", from);
	output_add_int(obj, "threshold", to);
	output_add_int(obj, "changed", changed);
	output_add_int(obj, "gained", gained);
	output_add_int(obj, "lost", lost);
	return cli_emit(app, obj);
}

/* ---- rescore ------------------------------------------------------------ */

/* Progress goes to stderr only when a person watches it. */
static int show_progress(void *ctx, long done, long total)
{
	(void)ctx;
	fprintf(stderr, "\rrescoring: %ld of %ld", done, total);
	return 0;
}

int cmd_rescore(struct app *app, int argc, char **argv)
{
	struct output_value *obj;
	struct store *st;
	struct args a;
	enum store_status s;
	long pending = 0, changed = 0;
	int rc, tty = isatty(STDERR_FILENO);

	if ((rc = parse_plain(app, argc, argv, 0, 0, &a)))
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if (!(st = app_store(app, 0, &rc)))
		return rc;
	if ((s = store_rescore_pending(st, &pending)) != STORE_OK)
		return intro_fail(app, st, s);
	if (pending > 0) {
		s = store_rescore(st, tty ? show_progress : NULL, NULL, &changed);
		if (tty)
			fputc('\n', stderr);
		if (s != STORE_OK)
			return intro_fail(app, st, s);
	}
	if (app->format == OUTPUT_TEXT) {
		if (changed == 0)
			printf("Every score already follows the current weights.\n");
		else
			printf("Rescored %ld intro%s with the current weights.\n", changed,
			       changed == 1 ? "" : "s");
		return 0;
	}
	obj = output_object();
	output_add_int(obj, "rescored", changed);
	return cli_emit(app, obj);
}

/* ---- undo --------------------------------------------------------------- */

int cmd_undo(struct app *app, int argc, char **argv)
{
	struct store_undo_result r;
	struct output_value *obj;
	struct store *st;
	struct args a;
	enum store_status s;
	int rc;

	if ((rc = parse_plain(app, argc, argv, 0, 0, &a)))
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if (!(st = app_store(app, 0, &rc)))
		return rc;
	memset(&r, 0, sizeof r);
	if ((s = store_undo(st, NULL, &r)) != STORE_OK)
		return intro_fail(app, st, s);
	if (app->format == OUTPUT_TEXT) {
		printf("%s\n", r.summary);
		return 0;
	}
	obj = output_object();
	output_add_string(obj, "summary", r.summary);
	output_add_int(obj, "changes", r.rows);
	output_add_int(obj, "intros", r.intros);
	return cli_emit(app, obj);
}

/* ---- check -------------------------------------------------------------- */

/* The console's theme (--theme, else ui.theme, else the default) loaded
 * as the console would load it. The console falls back to the default
 * colours on a bad theme; check says why. Returns 0 with the file it came
 * from in file ("" for the built-in), else EX_CONFIG after the messages. */
static int check_theme(struct app *app, const struct desk_settings *settings,
		       const char **name, char *file, size_t size)
{
	struct settings_errors errs = { 0 };
	struct theme_env env;
	struct theme t = { 0 };

	*name = app->theme_name && *app->theme_name ? app->theme_name
		: settings->ui.theme && *settings->ui.theme ? settings->ui.theme : "default";
	theme_env_from_process(&env);
	if (theme_load(&t, *name, &env, &errs) != 0) {
		settings_errors_print(&errs, stderr, app->program);
		settings_errors_free(&errs);
		return EX_CONFIG;
	}
	snprintf(file, size, "%s", t.path ? t.path : "");
	theme_free(&t);
	settings_errors_free(&errs);
	return 0;
}

int cmd_check(struct app *app, int argc, char **argv)
{
	struct store_check_result r;
	struct settings_errors errs;
	struct desk_settings *settings;
	struct output_value *obj, *desk;
	struct store *st;
	struct args a;
	enum store_status s;
	const char *theme;
	char theme_file[4096];
	int rc, desk_named;

	if ((rc = parse_plain(app, argc, argv, 0, 0, &a)))
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	/* the config first: a bad one is reported as file:line and ends here,
	 * key bindings included (checked by the console's own loader) */
	if (!(settings = app_settings(app, &rc)))
		return rc;
	memset(&errs, 0, sizeof errs);
	if (tui_check_keys(settings, &errs) > 0) {
		settings_errors_print(&errs, stderr, app->program);
		settings_errors_free(&errs);
		return EX_CONFIG;
	}
	settings_errors_free(&errs);
	if ((rc = check_theme(app, settings, &theme, theme_file, sizeof theme_file)))
		return rc;
	obj = output_object();
	output_add_string(obj, "config", app->config_path ? app->config_path : "(built-in)");
	output_add_bool(obj, "config_ok", 1);
	output_add_string(obj, "theme", theme);
	if (theme_file[0])
		output_add_string(obj, "theme_file", theme_file);
	else
		output_add_null(obj, "theme_file");

	/* the desk is checked when --db names it (it must exist then), or when
	 * there is one and --config did not ask for the config alone */
	desk_named = app->db_path_given;
	if (!desk_named && (app->config_path_option || !app_desk_exists(app))) {
		output_add_null(obj, "desk");
		if (app->format == OUTPUT_TEXT) {
			printf("config %s: ok\n", app->config_path ? app->config_path : "(built-in)");
			printf("theme %s: ok (%s)\n", theme, theme_file[0] ? theme_file : "built-in");
			if (app->config_path_option)
				printf("desk: not checked (give --db PATH to check one)\n");
			else
				printf("desk %s: none yet (run '%s init')\n", app->db_path,
				       app->program);
			output_free(obj);
			return 0;
		}
		return cli_emit(app, obj);
	}
	if (!(st = app_store(app, 0, &rc))) {
		output_free(obj);
		return rc;
	}
	memset(&r, 0, sizeof r);
	if ((s = store_check(st, &r)) != STORE_OK) {
		output_free(obj);
		return intro_fail(app, st, s);
	}
	if (app->format == OUTPUT_TEXT) {
		printf("config %s: ok\n", app->config_path ? app->config_path : "(built-in)");
		printf("theme %s: ok (%s)\n", theme, theme_file[0] ? theme_file : "built-in");
		printf("desk %s: %s\n", app->db_path, r.ok ? "ok" : "PROBLEMS");
		printf("  integrity          %s\n", r.integrity);
		printf("  schema version     %d (this build writes %d)\n", r.schema_version,
		       STORE_SCHEMA_VERSION);
		printf("  application id     %s\n", r.application_id_ok ? "ok" : "not a coselldesk desk");
		printf("  foreign key errors %ld\n", r.foreign_key_errors);
		printf("  count mismatches   %ld\n", r.count_mismatches);
		output_free(obj);
		return r.ok ? 0 : EX_DATAERR;
	}
	desk = output_add_object(obj, "desk");
	output_add_string(desk, "path", app->db_path);
	output_add_bool(desk, "ok", r.ok);
	output_add_string(desk, "integrity", r.integrity);
	output_add_int(desk, "schema_version", r.schema_version);
	output_add_bool(desk, "application_id_ok", r.application_id_ok);
	output_add_int(desk, "foreign_key_errors", r.foreign_key_errors);
	output_add_int(desk, "count_mismatches", r.count_mismatches);
	rc = cli_emit(app, obj);
	return rc ? rc : r.ok ? 0 : EX_DATAERR;
}

/* ---- help --------------------------------------------------------------- */

int cmd_help(struct app *app, int argc, char **argv)
{
	const struct cli_command *cmd;
	struct args a;
	int rc;

	if ((rc = parse_plain(app, argc, argv, 0, 1, &a)))
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if (a.positional_count == 0) {
		cli_print_usage(stdout, app->program);
		return 0;
	}
	if (!(cmd = cli_command_find(a.positional[0])))
		return cli_usage_error(app, "unknown command '%s'", a.positional[0]);
	cli_print_command_help(stdout, app->program, cmd);
	return 0;
}
