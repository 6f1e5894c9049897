/* fuzz_theme.c - libFuzzer harness for the theme loader.
 *
 * The input is a theme file, read over the built-in theme as
 * theme_load_text does; the built-in is read once (theme_load_text_over,
 * proved equivalent by tests/unit/test_conf_preparsed.c). A clean load must
 * give every element a colour the console can use; a refused one must say
 * why and leave the output untouched.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;
static struct theme base;
static int have_base;

static void check_colour(const struct theme_colour *c)
{
	int n = theme_colour_nearest(c);

	if (n < -1 || n > 255)
		abort();
	if (c->kind == THEME_COLOUR_INDEX && (c->index < 0 || c->index > 255))
		abort();
	if (c->kind == THEME_COLOUR_RGB && c->rgb > 0xffffffUL)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings_errors errs;
	struct theme t;
	int rc;

	memset(&errs, 0, sizeof errs);
	if (!sink && !(sink = fopen("/dev/null", "w")))
		abort();
	if (!have_base && theme_load_builtin(&base, &errs) != 0)
		abort();
	have_base = 1;
	memset(&t, 0xa5, sizeof t);  /* "untouched" is checked against this */
	rc = theme_load_text_over(&t, &base, "fuzz.theme", (const char *)data, size, &errs);
	if (rc == 0) {
		if (errs.count != 0 || !t.name || !t.description)
			abort();
		for (int e = 0; e < THEME_ELEMENT_COUNT; e++) {
			check_colour(&t.styles[e].fg);
			check_colour(&t.styles[e].bg);
		}
		theme_free(&t);
	} else {
		const unsigned char *p = (const unsigned char *)&t;

		if (errs.count + errs.dropped == 0)
			abort();
		for (size_t i = 0; i < sizeof t; i++)
			if (p[i] != 0xa5)
				abort();  /* a failed load wrote to *out */
	}
	settings_errors_print(&errs, sink, "fuzz");
	settings_errors_free(&errs);
	return 0;
}
