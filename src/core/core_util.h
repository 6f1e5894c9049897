/* core_util.h - small helpers the files of src/core share (private to
 * src/core; implemented in core_util.c). Pure: no I/O, no globals. */
#ifndef COSELLDESK_CORE_UTIL_H
#define COSELLDESK_CORE_UTIL_H

#include <stddef.h>

/* Format a message into buf when the caller gave one (buf NULL or size 0:
 * nothing is written). */
void core_say(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(__printf__, 3, 4)));

/* The same, returning -1, so a failing check reads `return core_fail(err, n, ...)`. */
int core_fail(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(__printf__, 3, 4)));

/* A small appender into a fixed buffer that keeps counting past the end,
 * like snprintf: len is the length the whole text would have. */
struct core_text {
	char *buf;       /* where the text goes (may be NULL when size is 0) */
	size_t size;     /* bytes of buf */
	size_t len;      /* length of the text so far, written or not */
};

void core_text_add(struct core_text *t, const char *fmt, ...)
	__attribute__((format(__printf__, 2, 3)));

/* len bytes of given spell name: case-insensitive, '-', '_' and ' ' all alike. */
int core_name_same(const char *given, size_t len, const char *name);

/* Drop the blanks around the len bytes at *s (both move). */
void core_name_trim(const char **s, size_t *len);

/* core_name_same for a whole string, surrounding blanks of given ignored. */
int core_name_matches(const char *given, const char *name);

/* The index of the first of names[0..count-1] that given spells (NULL
 * entries skipped); -1 when none or given is NULL. */
int core_name_index(const char *given, const char *const *names, int count);

#endif
