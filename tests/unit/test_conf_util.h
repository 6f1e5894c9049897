/* test_conf_util.h - what the config and theme tests share. */
#ifndef COSELLDESK_TEST_CONF_UTIL_H
#define COSELLDESK_TEST_CONF_UTIL_H
#include "test_util.h"

#include "coselldesk/settings.h"

/* What settings_errors_print writes, as one heap string. */
static inline char *test_printed_errors(const struct settings_errors *e)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	assert_non_null(f);
	settings_errors_print(e, f, NULL);
	fclose(f);
	return text;
}
#endif
