/* fuzz_settings.c - libFuzzer harness for the config loader.
 *
 * The input is a user config read over the built-in default, as
 * `--config FILE` would read it (an @include is refused, there being no
 * directory). The default is parsed once (settings_load_text_over): reading
 * it again for every input would be most of the time spent, and
 * tests/unit/test_conf_preparsed.c proves both ways give the same result. A clean load is walked and freed; a refused
 * one must say why, and every message must name a line. The messages are
 * printed to /dev/null so their formatting runs too.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static FILE *sink;
static struct settings_default *dflt;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings_errors errs;
	struct desk_settings s;
	int rc;

	memset(&errs, 0, sizeof errs);
	if (!sink && !(sink = fopen("/dev/null", "w")))
		abort();
	if (!dflt && settings_default_parse(&dflt, &errs) != 0)
		abort();
	rc = settings_load_text_over(&s, dflt, "fuzz.conf", (const char *)data, size, &errs);
	if (rc == 0) {
		if (errs.count != 0)
			abort();  /* success with problems */
		for (size_t i = 0; i < s.binding_count; i++)
			if (!settings_binding_find(&s, s.bindings[i].keymap, s.bindings[i].key))
				abort();  /* a binding that cannot be found again */
		for (size_t i = 0; i < s.view_count; i++)
			if (!settings_view_find(&s, s.views[i].name))
				abort();
		settings_free(&s);
	} else {
		if (errs.count + errs.dropped == 0)
			abort();  /* refused without a reason */
		for (size_t i = 0; i < errs.count; i++)
			if (!errs.items[i].file || !errs.items[i].message)
				abort();
	}
	settings_errors_print(&errs, sink, "fuzz");
	settings_errors_free(&errs);
	return 0;
}
