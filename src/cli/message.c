/* message.c - how batch commands speak on stderr and write their answers.
 *
 * Every message starts with "coselldesk COMMAND:" so a script's log says
 * which step failed; usage errors end with the --help hint.
 */
#include "coselldesk/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

static void prefix(const struct app *app)
{
	if (app->command)
		fprintf(stderr, "%s %s: ", app->program, app->command);
	else
		fprintf(stderr, "%s: ", app->program);
}

void cli_error(const struct app *app, const char *fmt, ...)
{
	va_list ap;

	prefix(app);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_warn(const struct app *app, const char *fmt, ...)
{
	va_list ap;

	prefix(app);
	fputs("warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

int cli_usage_error(const struct app *app, const char *fmt, ...)
{
	va_list ap;

	prefix(app);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_print_usage_hint(stderr, app->program, app->command);
	return EX_USAGE;
}

int cli_emit(const struct app *app, struct output_value *answer)
{
	int rc = output_render(stdout, app->format, answer);

	output_free(answer);
	if (rc < 0) {
		cli_error(app, "cannot write the answer: %s", strerror(errno));
		return EX_IOERR;
	}
	return 0;
}
