/* bench-session - the scripted console session the key-to-repaint figure
 * replays: paging deep in every sort the queue offers (both directions),
 * jumping to the end, limits of every kind, incremental search, the detail
 * pane, opening the form and coming back, the dashboard and its dial.
 *
 *   bench-session SCRIPT LABELS [SCALE]
 *
 * SCRIPT gets one key a line (COSELLDESK_SCRIPT syntax, input.h); LABELS
 * one word a line, the kind of each key in the same order: move, page,
 * jump (the paging keys the targets are about), sort, limit, search (a
 * letter of the incremental search), next, prompt (typing inside a
 * prompt), detail, open, back, view, dial.
 * SCALE (default 1) repeats the paging runs fewer times for a short
 * session (1: about 1,200 keys).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static FILE *script, *labels;
static long keys;

static void key(const char *k, const char *label)
{
	fprintf(script, "%s\n", k);
	fprintf(labels, "%s\n", label);
	keys++;
}

static void keys_n(const char *k, const char *label, int n)
{
	for (int i = 0; i < n; i++)
		key(k, label);
}

/* Type text into an open prompt, one key a line (a space is <Space>). */
static void type_as(const char *text, const char *label)
{
	char one[8];

	for (; *text; text++) {
		if (*text == ' ')
			snprintf(one, sizeof one, "<Space>");
		else if (*text == '<')
			snprintf(one, sizeof one, "<lt>");
		else if (*text == ':' || *text == '#' || *text == '\\')
			snprintf(one, sizeof one, "\\%c", *text);  /* a key, not a :command or comment */
		else
			snprintf(one, sizeof one, "%c", *text);
		key(one, label);
	}
}

static void type(const char *text)
{
	type_as(text, "prompt");
}

static void sort_by(const char *column)
{
	key("o", "prompt");
	key("<C-u>", "prompt");
	type(column);
	key("<Enter>", "sort");
}

static void limit(const char *query)
{
	key("l", "prompt");
	key("<C-u>", "prompt");
	type(query);
	key("<Enter>", "limit");
}

static void page_around(int deep, int scale)
{
	keys_n("<PgDn>", "page", deep / scale);
	key("G", "jump");
	keys_n("<PgUp>", "page", deep / 3 / scale + 1);
	keys_n("k", "move", 5);
	key("g", "jump");
	keys_n("j", "move", 5);
}

int main(int argc, char **argv)
{
	static const char *const sorts[] = { "sla", "score", "acv", "tier", "state", "partner",
					     "account", "received" };
	static const char *const limits[] = {
		"pod:east", "tier:1", "score>=70", "state:won", "state:new", "!escalated",
		"partner:lakeshore", "acv>50000", "age>30d", "pod:west tier:2 score>=60",
	};
	int scale = argc > 3 ? atoi(argv[3]) : 1;
	size_t i;

	if (argc < 3 || scale < 1) {
		fputs("usage: bench-session SCRIPT LABELS [SCALE]\n", stderr);
		return 64;
	}
	script = fopen(argv[1], "w");
	labels = fopen(argv[2], "w");
	if (!script || !labels) {
		perror("bench-session");
		return 73;
	}
	/* the open queue, oldest first: line by line, screen by screen, deep */
	keys_n("j", "move", 150 / scale);
	keys_n("<PgDn>", "page", 80 / scale);
	keys_n("<C-d>", "page", 20 / scale);
	key("G", "jump");
	keys_n("<PgUp>", "page", 40 / scale);
	keys_n("<C-u>", "page", 10 / scale);
	keys_n("k", "move", 40 / scale);
	key("g", "jump");
	/* every sort, both ways */
	for (i = 0; i < sizeof sorts / sizeof sorts[0]; i++) {
		sort_by(sorts[i]);
		page_around(24, scale);
		key("O", "sort");
		keys_n("<PgDn>", "page", 10 / scale);
		key("G", "jump");
		key("O", "sort");
	}
	/* limits of every kind */
	for (i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		limit(limits[i]);
		page_around(15, scale);
	}
	limit("");
	/* incremental search, then the next and previous matches */
	key("/", "prompt");
	type_as("Lakeshore", "search");   /* each letter searches again */
	key("<Enter>", "prompt");
	keys_n("n", "next", 20 / scale);
	keys_n("N", "next", 10 / scale);
	/* the detail pane while moving */
	key("d", "detail");
	keys_n("j", "move", 20 / scale);
	keys_n("<PgDn>", "page", 5);
	key("d", "detail");
	/* open the form and come back */
	for (int k = 0; k < 20 / scale + 1; k++) {
		key("j", "move");
		key("<Enter>", "open");
		key("<Esc>", "back");
	}
	/* the dashboard and its dial, then the queue re-gated */
	key("5", "view");
	keys_n("+", "dial", 10 / scale + 1);
	keys_n("-", "dial", 10 / scale + 1);
	key("1", "view");
	keys_n("<PgDn>", "page", 10 / scale);
	if (fclose(script) != 0 || fclose(labels) != 0) {
		perror("bench-session");
		return 74;
	}
	fprintf(stderr, "bench-session: %ld keys\n", keys);
	return 0;
}
