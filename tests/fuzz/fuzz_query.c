/* fuzz_query.c - libFuzzer harness for the queue's query language.
 *
 * Parses the input (as typed at the `l` prompt, so cut at the first NUL).
 * An error must point inside the text. A query that parses is written back
 * in canonical form, and that form must parse again to the same canonical
 * form: saved views and the status bar show the canonical text, and reading
 * it back must not change the query.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/query.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *a, const char *b)
{
	fprintf(stderr, "fuzz_query: %s\n  first:  %s\n  second: %s\n", what, a, b ? b : "");
	abort();
}

/* The canonical text of q, on the heap; the small buffer checks truncation. */
static char *format(const struct query *q)
{
	char small[8];
	size_t need = query_format(q, small, sizeof small);
	char *buf = malloc(need + 1);

	if (strlen(small) >= sizeof small)
		abort();  /* not terminated within the buffer */
	if (!buf)
		abort();
	if (query_format(q, buf, need + 1) != need || strlen(buf) != need)
		abort();
	if (strncmp(small, buf, sizeof small - 1) != 0)
		abort();  /* a truncated format must be a prefix of the whole */
	return buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	struct query q, again;
	char err[160];
	size_t off = (size_t)-1;

	if (!text)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (query_parse(text, &q, err, sizeof err, &off) != 0) {
		if (q.count != 0 || q.terms != NULL)
			fail("a failed parse left terms", text, NULL);
		if (off > strlen(text))
			fail("error offset past the end", text, err);
		if (!err[0])
			fail("error without a message", text, NULL);
	} else {
		char *canon = format(&q), *canon2;

		for (size_t i = 0; i < q.count; i++) {
			if (!q.terms[i].text)
				fail("a term without text", text, NULL);
			if (q.terms[i].offset + q.terms[i].length > strlen(text))
				fail("a term spans past the end", text, canon);
		}
		if (query_parse(canon, &again, err, sizeof err, NULL) != 0)
			fail("the canonical form does not parse", canon, err);
		canon2 = format(&again);
		if (strcmp(canon, canon2) != 0)
			fail("the canonical form changes when read back", canon, canon2);
		if (again.count != q.count)
			fail("the canonical form has another number of terms", canon, canon2);
		free(canon2);
		free(canon);
		query_free(&again);
		query_free(&q);
	}
	free(text);
	return 0;
}
