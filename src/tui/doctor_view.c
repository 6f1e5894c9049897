/* doctor_view.c - `:doctor`: what the console sees of this terminal.
 *
 * One screen for a bug report or a puzzled user: the terminal type and
 * size, how many colours terminfo promises and how they are drawn,
 * COLORTERM, NO_COLOR, the locale (wide names need UTF-8), the theme, the
 * config and desk files, the mouse and any background job (the library
 * versions are in `coselldesk --version`). Everything is read when drawn,
 * so a resize or `:mouse on` shows at once. Its keys are the keymap
 * keys.doctor (m: mouse) over keys.global; the heading names them.
 */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coselldesk/settings.h"
#include "coselldesk/store.h"
#include "coselldesk/theme.h"
#include "desk_watch.h"
#include "colors.h"
#include "console.h"
#include "display.h"
#include "draw.h"
#include "job.h"
#include "list.h"
#include "views.h"

#define DOCTOR_LINES 16

struct doctor_line {
	const char *label;
	char value[600];
};

struct doctor_state {
	struct list_nav nav;          /* scrolling when the screen is short */
};

static const char *env_or(const char *name, const char *none)
{
	const char *v = getenv(name);

	return v && *v ? v : none;
}

static void colours_line(struct console *c, char *buf, size_t size)
{
	int terminfo = tigetnum("colors");

	if (terminfo < 0)
		terminfo = 0;
	if (c->color_mode != COLOR_MODE_MONO)
		snprintf(buf, size, "terminfo has %d; drawn in %s colours", terminfo,
			 colors_mode_name(c->color_mode));
	else
		snprintf(buf, size, "terminfo has %d; drawn without colour (%s)", terminfo,
			 colors_no_color_env() ? "NO_COLOR is set" :
			 !has_colors() ? "the terminal has none" : "the theme uses none");
}

/* A path as short as it is clear: "./x" below the current directory. */
static const char *short_path(const char *path, char *buf, size_t size)
{
	char cwd[4096];
	size_t n;

	if (!path || !getcwd(cwd, sizeof(cwd)))
		return path;
	n = strlen(cwd);
	if (n > 1 && !strncmp(path, cwd, n) && path[n] == '/') {
		snprintf(buf, size, ".%s", path + n);
		return buf;
	}
	return path;
}

static void theme_line(struct console *c, char *buf, size_t size)
{
	const struct theme *t = c->theme;
	char path[4096];

	if (!t)
		snprintf(buf, size, "none (plain text)");
	else if (c->theme_fallback)
		snprintf(buf, size, "%s, built in: '%s' could not be loaded", t->name ? t->name : "default",
			 c->theme_name ? c->theme_name : "");
	else
		snprintf(buf, size, "%s (%s)", t->name ? t->name : "?",
			 t->path ? short_path(t->path, path, sizeof(path)) : "built in");
}

static void locale_line(char *buf, size_t size)
{
	const char *ctype = setlocale(LC_CTYPE, NULL);
	const char *codeset = nl_langinfo(CODESET);
	bool utf8 = codeset && (!strcmp(codeset, "UTF-8") || !strcmp(codeset, "utf8"));

	snprintf(buf, size, "LC_CTYPE %s, %s%s", ctype ? ctype : "?", codeset ? codeset : "?",
		 utf8 ? "" : " (accented and CJK names need a UTF-8 locale)");
}

static size_t build(struct console *c, struct doctor_line *l)
{
	size_t n = 0;
	int rows, cols;
	char job[128], path[4096];

	display_size(&rows, &cols);
	l[n].label = "terminal";
	snprintf(l[n++].value, sizeof(l[0].value), "TERM=%s, %dx%d (needs at least %dx%d)",
		 env_or("TERM", "(not set)"), cols, rows, c->min_cols, c->min_rows);
	l[n].label = "colours";
	colours_line(c, l[n++].value, sizeof(l[0].value));
	l[n].label = "COLORTERM";
	snprintf(l[n++].value, sizeof(l[0].value), "%s", env_or("COLORTERM", "(not set)"));
	l[n].label = "NO_COLOR";
	snprintf(l[n++].value, sizeof(l[0].value), "%s",
		 colors_no_color_env() ? "set: no colour" : "(not set)");
	l[n].label = "locale";
	locale_line(l[n++].value, sizeof(l[0].value));
	l[n].label = "theme";
	theme_line(c, l[n++].value, sizeof(l[0].value));
	l[n].label = "config";
	snprintf(l[n++].value, sizeof(l[0].value), "%s",
		 c->settings && c->settings->path ? short_path(c->settings->path, path, sizeof(path))
		 : "(none: the built-in defaults)");
	l[n].label = "desk";
	if (c->store)
		snprintf(l[n++].value, sizeof(l[0].value), "%s",
			 short_path(store_path(c->store), path, sizeof(path)));
	else
		snprintf(l[n++].value, sizeof(l[0].value), "(none open)");
	l[n].label = "refresh";
	if (desk_watch_active())
		snprintf(l[n++].value, sizeof(l[0].value), "when another process writes the desk"
			 " (inotify on its -wal file)");
	else
		snprintf(l[n++].value, sizeof(l[0].value), "every %d ms (another process's changes)",
			 c->poll_ms);
	l[n].label = "mouse";
	snprintf(l[n++].value, sizeof(l[0].value), "%s", c->mouse ? "on (:mouse off gives it back)"
		 : "off (:mouse on, or ui.mouse = true)");
	l[n].label = "job";
	job_progress_text(c, job, sizeof(job));
	snprintf(l[n++].value, sizeof(l[0].value), "%s", job[0] ? job : "(none)");
	return n;
}

static int doctor_open(struct view *v, const char *arg)
{
	struct doctor_state *s = v->state;

	(void)arg;
	memset(&s->nav, 0, sizeof(s->nav));
	return 0;
}

/* The heading names the doctor's keys as bound now (keys.doctor, then
 * keys.global), so rebinding shows here as it does in help. */
static const char *title(struct console *c, char *buf, size_t size)
{
	char quit[32], mouse[32];

	console_key_hint(c, REQ_QUIT, ":quit", quit, sizeof(quit));
	console_key_hint(c, REQ_MOUSE, "", mouse, sizeof(mouse));
	snprintf(buf, size, "What the console sees here (%s closes%s%s%s)", quit,
		 mouse[0] ? ", " : "", mouse, mouse[0] ? " turns the mouse on or off" : "");
	return buf;
}

static void doctor_draw(struct view *v)
{
	struct doctor_state *s = v->state;
	struct doctor_line lines[DOCTOR_LINES];
	char heading[160];
	size_t n = build(v->console, lines);
	int y;

	draw_text(v->top, 0, v->cols, title(v->console, heading, sizeof(heading)),
		  colors_attr(THEME_TITLE));
	s->nav.count = (long)n;
	list_nav_clamp(&s->nav, v->rows - 2 > 0 ? v->rows - 2 : 1);
	for (y = 0; y + 2 < v->rows && s->nav.top + y < (long)n; y++) {
		const struct doctor_line *l = &lines[s->nav.top + y];
		int row = v->top + 2 + y;

		draw_field(row, 2, 12, l->label, DRAW_LEFT, colors_attr(THEME_DETAIL_LABEL));
		draw_text(row, 15, v->cols - 15, l->value, colors_attr(THEME_NORMAL));
	}
}

static bool doctor_request(struct view *v, const struct request_call *call)
{
	struct doctor_state *s = v->state;

	return list_nav_request(&s->nav, call->id, v->rows - 2 > 0 ? v->rows - 2 : 1);
}

const struct view_ops doctor_view_ops = {
	.name = "doctor",
	.title = "Doctor",
	.state_size = sizeof(struct doctor_state),
	.open = doctor_open,
	.draw = doctor_draw,
	.request = doctor_request,
};
