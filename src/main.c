/* main.c - coselldesk: the console with no command, else one batch command.
 *
 *   coselldesk [GLOBAL OPTIONS]                  the console (src/tui)
 *   coselldesk [GLOBAL OPTIONS] COMMAND [ARGS]   a batch command (src/cli)
 *
 * Global options come before the command (and are accepted after it too,
 * see args.c). Everything else is in the command table of commands.c.
 */
#include "coselldesk/cli.h"
#include "coselldesk/tui.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

/* --name VALUE or --name=VALUE before the command; *i moves past the value. */
static int global_option(struct app *app, int argc, char **argv, int *i)
{
	const char *arg = argv[*i] + 2;
	const char *eq = strchr(arg, '=');
	size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
	char name[16];

	if (!app_is_global_option(arg, len))
		return cli_usage_error(app, "unknown option '%s'", argv[*i]);
	snprintf(name, sizeof name, "%.*s", (int)len, arg);
	if (eq)
		return app_set_global_option(app, name, eq + 1);
	if (*i + 1 >= argc)
		return cli_usage_error(app, "option '--%s' needs a value", name);
	return app_set_global_option(app, name, argv[++*i]);
}

static int run(int argc, char **argv)
{
	struct app app;
	const struct cli_command *cmd;
	int i, rc, finish_rc;

	rc = app_init(&app, "coselldesk");
	if (rc)
		return rc;
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
			cli_print_usage(stdout, app.program);
			app_finish(&app);
			return fflush(stdout) ? EX_IOERR : 0;
		}
		if (!strcmp(argv[i], "--version")) {
			cli_print_version(stdout, app.program);
			app_finish(&app);
			return fflush(stdout) ? EX_IOERR : 0;
		}
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (argv[i][1] != '-') {
			rc = cli_usage_error(&app, "unknown option '%s'", argv[i]);
			app_finish(&app);
			return rc;
		}
		if ((rc = global_option(&app, argc, argv, &i))) {
			app_finish(&app);
			return rc;
		}
	}

	if (i >= argc) {
		rc = tui_main(&app);
	} else if (!(cmd = cli_command_find(argv[i]))) {
		const char *near = cli_command_suggest(argv[i]);
		fprintf(stderr, "%s: unknown command '", app.program);
		cli_put_neutral(argv[i], stderr);
		if (near)
			fprintf(stderr, "'; did you mean '%s'?\n", near);
		else
			fputs("'\n", stderr);
		cli_print_usage_hint(stderr, app.program, NULL);
		rc = EX_USAGE;
	} else {
		app.command = cmd->name;
		rc = cmd->run(&app, argc - i, argv + i);
	}

	finish_rc = app_finish(&app);
	/* an answer that did not reach its reader is a failure, even a quiet one */
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (rc == 0)
			cli_error(&app, "cannot write to standard output: %s",
				  errno ? strerror(errno) : "I/O error");
		return EX_IOERR;
	}
	return rc ? rc : finish_rc;
}

int main(int argc, char **argv)
{
	/* display widths (wcwidth) and the console need the user's locale, but
	 * numbers in CSV and JSON keep a '.' whatever the locale says */
	setlocale(LC_ALL, "");
	setlocale(LC_NUMERIC, "C");
	return run(argc, argv);
}
