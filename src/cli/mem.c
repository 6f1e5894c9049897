/* mem.c - allocation for the batch commands.
 *
 * A batch command that runs out of memory has nothing sensible left to do:
 * the store's transactions already keep the desk whole, so say so and stop.
 */
#include "coselldesk/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void out_of_memory(void)
{
	fputs("coselldesk: out of memory\n", stderr);
	exit(EX_OSERR);
}

void *cli_alloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *cli_realloc(void *p, size_t size)
{
	void *q = realloc(p, size ? size : 1);
	if (!q)
		out_of_memory();
	return q;
}

char *cli_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = cli_alloc(n);
	memcpy(p, s, n);
	return p;
}

char *cli_printf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return cli_strdup("");
	p = cli_alloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
