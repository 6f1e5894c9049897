/* app.c - where the desk and the config live, opened once per run.
 *
 * Paths follow the XDG base directories; the config is loaded and the desk
 * opened only when a command first asks, so the calculators work without
 * either and `--help` never touches the disk.
 */
#include "coselldesk/cli.h"
#include "coselldesk/settings.h"
#include "coselldesk/store.h"

#include <errno.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- environment ------------------------------------------------------- */

static const char *env(const char *name)
{
	const char *v = getenv(name);
	return v && *v ? v : NULL;
}

static char *join(const char *a, const char *b)
{
	size_t n = strlen(a) + strlen(b) + 1;
	char *p = cli_alloc(n);
	snprintf(p, n, "%s%s", a, b);
	return p;
}

int app_init(struct app *app, const char *program)
{
	const char *now = env("COSELLDESK_NOW");
	const char *who;

	memset(app, 0, sizeof *app);
	app->program = program;
	app->format = OUTPUT_TEXT;
	if (now) {
		char *end;
		errno = 0;
		app->now = strtoll(now, &end, 10);
		if (errno || *end || app->now <= 0) {
			fprintf(stderr, "%s: COSELLDESK_NOW: '%s' is not unix seconds\n", program, now);
			return EX_USAGE;
		}
	}
	who = env("COSELLDESK_USER");
	if (!who)
		who = env("USER");
	if (!who) {
		struct passwd *pw = getpwuid(getuid());
		who = pw && pw->pw_name && *pw->pw_name ? pw->pw_name : "desk";
	}
	app->owned_actor = cli_strdup(who);
	app->actor = app->owned_actor;
	return 0;
}

int app_is_global_option(const char *name, size_t len)
{
	static const char *const names[] = { "db", "config", "format", "theme" };
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i]) == len && !strncmp(names[i], name, len))
			return 1;
	return 0;
}

int app_set_global_option(struct app *app, const char *name, const char *value)
{
	if (!strcmp(name, "format")) {
		int f = output_format_from_name(value);
		if (f < 0)
			return cli_usage_error(app, "--format: '%s' is not text, csv or json", value);
		app->format = (enum output_format)f;
	} else if (!*value) {
		return cli_usage_error(app, "--%s: the value is empty", name);
	} else if (!strcmp(name, "db")) {
		app->db_path = value;
		app->db_path_is_default = 0;
		app->db_path_given = 1;
	} else if (!strcmp(name, "config")) {
		app->config_path = value;
		app->config_path_explicit = 1;
		app->config_path_option = 1;
	} else if (!strcmp(name, "theme")) {
		app->theme_name = value;
	}
	return 0;
}

static int file_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

int app_resolve_paths(struct app *app)
{
	const char *v;

	if (!app->db_path) {
		if ((v = env("COSELLDESK_DB"))) {
			app->db_path = v;
		} else if ((v = env("XDG_DATA_HOME")) && v[0] == '/') {
			app->owned_db_path = join(v, "/coselldesk/desk.db");
			app->db_path = app->owned_db_path;
			app->db_path_is_default = 1;
		} else if ((v = env("HOME"))) {
			app->owned_db_path = join(v, "/.local/share/coselldesk/desk.db");
			app->db_path = app->owned_db_path;
			app->db_path_is_default = 1;
		} else {
			cli_error(app, "no place for the desk: give --db PATH or set COSELLDESK_DB");
			return EX_USAGE;
		}
	}
	if (!app->config_resolved) {
		struct settings_env senv;
		char buf[4096];
		int rule;

		settings_env_from_process(&senv);
		rule = settings_config_path(app->config_path, &senv, buf, sizeof buf);
		if (rule < 0) {
			cli_error(app, "the config path is too long");
			return EX_CONFIG;
		}
		app->config_resolved = 1;
		app->config_path_explicit = rule == SETTINGS_FROM_OPTION || rule == SETTINGS_FROM_ENV;
		if (rule == SETTINGS_FROM_BUILTIN) {
			app->config_path = NULL;
		} else if (rule != SETTINGS_FROM_OPTION) {
			app->owned_config_path = cli_strdup(buf);
			app->config_path = app->owned_config_path;
		}
	}
	return 0;
}

/* ---- config ------------------------------------------------------------ */

struct desk_settings *app_settings(struct app *app, int *status)
{
	struct settings_errors errs;
	struct desk_settings *s;
	int rc;

	*status = 0;
	if (app->settings)
		return app->settings;
	if ((rc = app_resolve_paths(app))) {
		*status = rc;
		return NULL;
	}
	memset(&errs, 0, sizeof errs);
	s = cli_alloc(sizeof *s);
	memset(s, 0, sizeof *s);
	if (app->config_path)
		rc = settings_load_file(s, app->config_path, &errs);
	else
		rc = settings_load_builtin(s, &errs);
	if (rc < 0) {
		settings_errors_print(&errs, stderr, app->program);
		settings_errors_free(&errs);
		free(s);
		*status = EX_CONFIG;
		return NULL;
	}
	settings_errors_free(&errs);
	app->settings = s;
	return s;
}

const struct desk_policy *app_policy(struct app *app, int *status)
{
	struct desk_settings *s = app_settings(app, status);
	return s ? &s->policy : NULL;
}

/* ---- the desk ---------------------------------------------------------- */

int app_desk_exists(const struct app *app)
{
	return app->db_path && file_exists(app->db_path);
}

/* mkdir -p for the default desk directory (0700: the desk is private). */
static int make_dirs(const struct app *app, const char *file)
{
	char *dir = cli_strdup(file);
	char *slash = strrchr(dir, '/');
	char *p;

	if (!slash || slash == dir) {
		free(dir);
		return 0;
	}
	*slash = '\0';
	for (p = dir + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;
			*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST) {
				cli_error(app, "cannot create %s: %s", dir, strerror(errno));
				free(dir);
				return EX_CANTCREAT;
			}
			*p = c;
			if (c == '\0')
				break;
		}
	}
	free(dir);
	return 0;
}

struct store *app_store(struct app *app, int create, int *status)
{
	struct store_options opt;
	const struct desk_policy *policy;
	char err[STORE_MSG_SIZE];
	enum store_status s;
	int rc;

	if (app->store) {
		*status = 0;
		return app->store;
	}
	policy = app_policy(app, status);
	if (!policy)
		return NULL;
	if (!create && !file_exists(app->db_path)) {
		cli_error(app, "no desk at %s (run '%s init' to create one)", app->db_path,
			  app->program);
		*status = EX_NOINPUT;
		return NULL;
	}
	if (create && app->db_path_is_default && (rc = make_dirs(app, app->db_path))) {
		*status = rc;
		return NULL;
	}
	memset(&opt, 0, sizeof opt);
	opt.create = create;
	opt.policy = policy;
	opt.busy_timeout_ms = app->settings->ui.busy_timeout_ms;
	err[0] = '\0';
	s = store_open(app->db_path, &opt, &app->store, err, sizeof err);
	if (s != STORE_OK) {
		cli_error(app, "%s", err[0] ? err : store_status_name(s));
		*status = store_exit_code(s);
		app->store = NULL;
		return NULL;
	}
	store_set_now(app->store, app->now);
	store_set_actor(app->store, app->actor);
	*status = 0;
	return app->store;
}

int app_finish(struct app *app)
{
	int rc = 0;

	if (app->store) {
		char err[STORE_MSG_SIZE];
		err[0] = '\0';
		if (store_close(app->store, err, sizeof err) != STORE_OK) {
			cli_error(app, "closing the desk: %s", err);
			rc = EX_IOERR;
		}
		app->store = NULL;
	}
	if (app->settings) {
		settings_free(app->settings);
		free(app->settings);
		app->settings = NULL;
	}
	free(app->owned_db_path);
	free(app->owned_config_path);
	free(app->owned_actor);
	app->owned_db_path = app->owned_config_path = app->owned_actor = NULL;
	return rc;
}
