/* message.c - how batch commands speak on stderr and write their answers.
 *
 * Every message starts with "coselldesk COMMAND:" so a script's log says
 * which step failed; usage errors end with the --help hint.
 */
#include "coselldesk/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

/* Write text with control characters shown as \xHH: messages quote what the
 * user or a file gave, and an escape sequence in it must not reach the
 * terminal. Line breaks and tabs pass. */
void cli_put_neutral(const char *text, FILE *f)
{
	for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			fprintf(f, "\\x%02x", *p);
		else
			fputc(*p, f);
	}
}

/* "coselldesk COMMAND: " + label + the message + newline, on stderr. */
static void vsay(const struct app *app, const char *label, const char *fmt, va_list ap)
{
	char text[4096];

	if (app->command)
		fprintf(stderr, "%s %s: ", app->program, app->command);
	else
		fprintf(stderr, "%s: ", app->program);
	fputs(label, stderr);
	vsnprintf(text, sizeof text, fmt, ap);
	cli_put_neutral(text, stderr);
	fputc('\n', stderr);
}

void cli_error(const struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(app, "", fmt, ap);
	va_end(ap);
}

void cli_warn(const struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(app, "warning: ", fmt, ap);
	va_end(ap);
}

int cli_usage_error(const struct app *app, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(app, "", fmt, ap);
	va_end(ap);
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
