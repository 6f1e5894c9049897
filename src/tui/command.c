/* command.c - the `:` commands: requests by name, plus a few of the prompt's own. */
#include "command.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "colors.h"
#include "console.h"
#include "display.h"
#include "input.h"
#include "keymap.h"
#include "request.h"
#include "views.h"

struct console_command {
	const char *name;
	const char *usage;
	void (*run)(struct console *c, const char *arg);
};

static void cmd_view(struct console *c, const char *arg);
static void cmd_bind(struct console *c, const char *arg);
static void cmd_unbind(struct console *c, const char *arg);
static void cmd_resize(struct console *c, const char *arg);
static void cmd_colors(struct console *c, const char *arg);
static void cmd_echo(struct console *c, const char *arg);

static const struct console_command commands[] = {
	{ "view", "view NAME [ARG]", cmd_view },
	{ "bind", "bind SCOPE KEY ACTION", cmd_bind },
	{ "unbind", "unbind SCOPE KEY", cmd_unbind },
	{ "resize", "resize COLSxROWS", cmd_resize },
	{ "colors", "colors", cmd_colors },
	{ "echo", "echo TEXT", cmd_echo },
};
#define N_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static const struct console_command *command_find(const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < N_COMMANDS; i++)
		if (strlen(commands[i].name) == n && !strncmp(commands[i].name, name, n))
			return &commands[i];
	return NULL;
}

/* Split "name  rest" into the name's length and the argument (NULL when none). */
static size_t split(const char *line, const char **arg)
{
	size_t n = strcspn(line, " \t");
	const char *a = line + n;

	while (*a == ' ' || *a == '\t')
		a++;
	*arg = *a ? a : NULL;
	return n;
}

void command_run(struct console *c, const char *line)
{
	const struct console_command *cmd;
	enum request r;
	const char *arg;
	char copy[4096];
	size_t n, len;

	while (*line == ' ' || *line == '\t' || *line == ':')
		line++;
	snprintf(copy, sizeof(copy), "%s", line);
	len = strlen(copy);
	while (len > 0 && (copy[len - 1] == ' ' || copy[len - 1] == '\t'))
		copy[--len] = '\0';
	if (!copy[0])
		return;
	n = split(copy, &arg);
	r = request_from_name_n(copy, n);
	if (r != REQ_UNKNOWN) {
		struct request_call call = { r, arg, false };

		console_request(c, &call);
		return;
	}
	cmd = command_find(copy, n);
	if (cmd) {
		cmd->run(c, arg);
		c->dirty = true;
		return;
	}
	{
		char name[64];
		const char *near;

		snprintf(name, sizeof(name), "%.*s", (int)(n < 60 ? n : 60), copy);
		near = command_nearest_name(name);
		if (near)
			console_error(c, "unknown command '%s'; did you mean '%s'?", name, near);
		else
			console_error(c, "unknown command '%s' (Tab completes command names)", name);
	}
}

int command_check(const char *line, char *err, size_t err_size)
{
	const char *arg;
	size_t n = split(line, &arg);

	if (request_from_name_n(line, n) != REQ_UNKNOWN || command_find(line, n))
		return 0;
	snprintf(err, err_size, "unknown command '%.*s'", (int)(n < 60 ? n : 60), line);
	return -1;
}

/* Edit distance, for "did you mean". */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[64];

	if (la >= 63 || lb >= 63)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0], tmp;

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			size_t best = prev + cost;

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			tmp = row[j];
			row[j] = best;
			prev = tmp;
		}
	}
	return row[lb];
}

const char *command_nearest_name(const char *name)
{
	const char *best = NULL;
	size_t best_d = 3, d, i;
	int r;

	for (r = 0; r < REQ_COUNT; r++) {
		d = distance(name, request_name((enum request)r));
		if (d < best_d) {
			best_d = d;
			best = request_name((enum request)r);
		}
	}
	for (i = 0; i < N_COMMANDS; i++) {
		d = distance(name, commands[i].name);
		if (d < best_d) {
			best_d = d;
			best = commands[i].name;
		}
	}
	return best_d * 2 <= strlen(name) + 1 ? best : NULL;
}

void command_complete(struct console *c, void *ctx, const char *before,
		      prompt_add_fn add, void *list)
{
	const char *arg;
	size_t n = split(before, &arg), i, words = 0;
	const char *p;
	int r;

	(void)ctx;
	for (p = before; *p; p++)
		if (*p == ' ' && p[1] != ' ')
			words++;
	if (!strchr(before, ' ')) {
		for (r = 0; r < REQ_COUNT; r++)
			add(list, request_name((enum request)r));
		for (i = 0; i < N_COMMANDS; i++)
			add(list, commands[i].name);
		return;
	}
	if ((n == 4 && !strncmp(before, "view", 4) && words == 1) ||
	    ((n == 4 && !strncmp(before, "bind", 4)) || (n == 6 && !strncmp(before, "unbind", 6))) ) {
		if (words == 1) {
			if (before[0] != 'v')
				add(list, "global");
			for (r = 0; r < VIEW_COUNT; r++)
				add(list, views_get(r)->name);
		} else if (words == 3 && before[0] == 'b') {
			for (r = 0; r < REQ_COUNT; r++)
				add(list, request_name((enum request)r));
		}
		return;
	}
	r = request_from_name_n(before, n);
	if (r != REQ_UNKNOWN && words == 1) {
		struct view *v = console_view(c);

		if (v && v->ops->complete)
			v->ops->complete(v, (enum request)r, add, list);
	}
}

/* ---- the prompt's own commands ----------------------------------------- */

static void cmd_view(struct console *c, const char *arg)
{
	char name[64];
	const char *rest;
	size_t n;

	if (!arg) {
		char names[256];

		views_names(names, sizeof(names));
		console_error(c, "view needs a name: %s", names);
		return;
	}
	n = split(arg, &rest);
	snprintf(name, sizeof(name), "%.*s", (int)(n < 60 ? n : 60), arg);
	console_open_view(c, name, rest);
}

/* Split arg into up to max words (the last takes the rest). */
static int words_of(const char *arg, char words[][256], int max)
{
	int n = 0;

	while (arg && *arg && n < max) {
		size_t len = n == max - 1 ? strlen(arg) : strcspn(arg, " \t");

		snprintf(words[n++], 256, "%.*s", (int)(len < 255 ? len : 255), arg);
		arg += len;
		while (*arg == ' ' || *arg == '\t')
			arg++;
	}
	return n;
}

static void cmd_bind(struct console *c, const char *arg)
{
	char w[3][256];
	size_t before = c->keys.problem_count;

	if (words_of(arg, w, 3) != 3) {
		console_error(c, "usage: :bind SCOPE KEY ACTION (e.g. :bind queue x tag)");
		return;
	}
	if (keymap_bind(&c->keys, w[0], w[1], w[2], NULL, 0) < 0) {
		console_error(c, "bind: %s", c->keys.problem_count > before ?
			      c->keys.problems[c->keys.problem_count - 1].message : "refused");
		return;
	}
	console_message(c, "%s in %s now runs %s", w[1], w[0], w[2]);
}

static void cmd_unbind(struct console *c, const char *arg)
{
	char w[2][256];

	if (words_of(arg, w, 2) != 2) {
		console_error(c, "usage: :unbind SCOPE KEY (e.g. :unbind global q)");
		return;
	}
	if (keymap_bind(&c->keys, w[0], w[1], "none", NULL, 0) < 0) {
		console_error(c, "unbind: no scope '%s' or no key '%s'", w[0], w[1]);
		return;
	}
	console_message(c, "%s is unbound in %s", w[1], w[0]);
}

static void cmd_resize(struct console *c, const char *arg)
{
	int cols, rows;
	char err[200], extra;

	if (!arg || sscanf(arg, "%dx%d%c", &cols, &rows, &extra) != 2) {
		console_error(c, "usage: :resize COLSxROWS (e.g. :resize 40x10)");
		return;
	}
	if (display_resize(rows, cols, err, sizeof(err)) < 0) {
		console_error(c, "resize: %s", err);
		return;
	}
	console_layout(c);
}

static void cmd_colors(struct console *c, const char *arg)
{
	(void)arg;
	console_message(c, "colours: %s (%d colours, %d pairs)%s", colors_mode_name(c->color_mode),
			c->color_mode == COLOR_MODE_MONO ? 0 : COLORS,
			c->color_mode == COLOR_MODE_MONO ? 0 : COLOR_PAIRS,
			colors_no_color_env() ? ", NO_COLOR is set" : "");
}

static void cmd_echo(struct console *c, const char *arg)
{
	console_message(c, "%s", arg ? arg : "");
}

int command_word_and_rest(const char *arg, char *word, size_t word_size, const char **rest)
{
	size_t n;

	word[0] = '\0';
	*rest = NULL;
	if (!arg)
		return -1;
	arg += strspn(arg, " \t");
	n = strcspn(arg, " \t");
	*rest = arg + n + strspn(arg + n, " \t");
	if (n == 0 || !**rest)
		return -1;
	snprintf(word, word_size, "%.*s", (int)(n < word_size ? n : word_size - 1), arg);
	return 0;
}
