/* settings_errors.c - the list of problems a load found, and "did you mean". */
#include "coselldesk/settings.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void settings_errors_add(struct settings_errors *errs, const char *file, int line,
			 const char *hint, const char *fmt, ...)
{
	struct settings_error *e;
	char msg[1024];
	va_list ap;

	if (!errs)
		return;
	if (errs->count >= SETTINGS_MAX_ERRORS) {
		errs->dropped++;
		return;
	}
	if (errs->count == errs->capacity) {
		size_t cap = errs->capacity ? errs->capacity * 2 : 8;
		struct settings_error *items = realloc(errs->items, cap * sizeof *items);

		if (!items) {
			errs->dropped++;
			return;
		}
		errs->items = items;
		errs->capacity = cap;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	e = &errs->items[errs->count];
	e->file = file ? strdup(file) : NULL;
	e->line = line;
	e->message = strdup(msg);
	e->hint = hint ? strdup(hint) : NULL;
	if (!e->message || (file && !e->file) || (hint && !e->hint)) {
		free(e->file);
		free(e->message);
		free(e->hint);
		errs->dropped++;
		return;
	}
	errs->count++;
}

static void print_place(FILE *out, const char *prefix, const struct settings_error *e)
{
	if (prefix)
		fprintf(out, "%s: ", prefix);
	if (e->file && e->line > 0)
		fprintf(out, "%s:%d: ", e->file, e->line);
	else if (e->file)
		fprintf(out, "%s: ", e->file);
}

void settings_errors_print(const struct settings_errors *errs, FILE *out, const char *prefix)
{
	for (size_t i = 0; i < errs->count; i++) {
		const struct settings_error *e = &errs->items[i];

		print_place(out, prefix, e);
		fprintf(out, "%s\n", e->message);
		if (e->hint) {
			print_place(out, prefix, e);
			fprintf(out, "hint: %s\n", e->hint);
		}
	}
	if (errs->dropped) {
		if (prefix)
			fprintf(out, "%s: ", prefix);
		fprintf(out, "%zu more problem%s not shown\n", errs->dropped,
			errs->dropped == 1 ? "" : "s");
	}
}

void settings_errors_free(struct settings_errors *errs)
{
	for (size_t i = 0; i < errs->count; i++) {
		free(errs->items[i].file);
		free(errs->items[i].message);
		free(errs->items[i].hint);
	}
	free(errs->items);
	memset(errs, 0, sizeof *errs);
}

/* Optimal string alignment distance, case-insensitive, on names short
 * enough to matter (longer ones are never a typo of a setting name). */
static size_t edit_distance(const char *a, const char *b)
{
	enum { MAX = 64 };
	size_t la = strlen(a), lb = strlen(b);
	size_t d[MAX + 1][MAX + 1];

	if (la > MAX || lb > MAX)
		return (size_t)-1;
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			int ca = tolower((unsigned char)a[i - 1]), cb = tolower((unsigned char)b[j - 1]);
			size_t cost = ca != cb;
			size_t best = d[i - 1][j] + 1;

			if (d[i][j - 1] + 1 < best)
				best = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < best)
				best = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && ca == tolower((unsigned char)b[j - 2]) &&
			    tolower((unsigned char)a[i - 2]) == cb && d[i - 2][j - 2] + 1 < best)
				best = d[i - 2][j - 2] + 1;
			d[i][j] = best;
		}
	}
	return d[la][lb];
}

const char *settings_suggest(const char *word, const char *const *candidates, size_t count)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, len;

	if (!word || !*word)
		return NULL;
	len = strlen(word);
	for (size_t i = 0; i < count; i++) {
		size_t d = edit_distance(word, candidates[i]);

		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	/* one edit per three letters, at least one, at most three */
	if (!best || best_d > (len / 3 > 3 ? 3 : len / 3 < 1 ? 1 : len / 3) || best_d >= len)
		return NULL;
	return best;
}
