/* core_util.c - messages, a bounded text appender and name matching, shared
 * by the files of src/core. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core_util.h"

static void vsay(char *buf, size_t size, const char *fmt, va_list ap)
{
	if (buf && size > 0)
		vsnprintf(buf, size, fmt, ap);
}

void core_say(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(buf, size, fmt, ap);
	va_end(ap);
}

int core_fail(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(buf, size, fmt, ap);
	va_end(ap);
	return -1;
}

void core_text_add(struct core_text *t, const char *fmt, ...)
{
	va_list ap;
	size_t room = t->len < t->size ? t->size - t->len : 0;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? t->buf + t->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		t->len += (size_t)n;
}

int core_name_same(const char *given, size_t len, const char *name)
{
	for (size_t i = 0; i < len; i++) {
		int c = tolower((unsigned char)given[i]);
		int n = tolower((unsigned char)name[i]);

		if (c == '-' || c == ' ')
			c = '_';
		if (n == '-' || n == ' ')
			n = '_';
		if (n == '\0' || c != n)
			return 0;
	}
	return name[len] == '\0';
}

void core_name_trim(const char **s, size_t *len)
{
	while (*len > 0 && isspace((unsigned char)(*s)[*len - 1]))
		(*len)--;
	while (*len > 0 && isspace((unsigned char)**s)) {
		(*s)++;
		(*len)--;
	}
}

int core_name_matches(const char *given, const char *name)
{
	size_t len = strlen(given);

	core_name_trim(&given, &len);
	return core_name_same(given, len, name);
}

int core_name_index(const char *given, const char *const *names, int count)
{
	if (!given)
		return -1;
	for (int i = 0; i < count; i++)
		if (names[i] && core_name_matches(given, names[i]))
			return i;
	return -1;
}
