/* display.c - curses start and stop, the screen layout, save-display. */
#include "display.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "colors.h"
#include "console.h"
#include "draw.h"
#include "job.h"
#include "provide_curses.h"
#include "signals.h"

static SCREEN *screen;
static FILE *out_file, *in_file;
static bool off_screen;

bool display_active(void)
{
	return screen != NULL;
}

static void close_files(void)
{
	if (out_file && out_file != stdout)
		fclose(out_file);
	if (in_file && in_file != stdin && in_file != out_file)
		fclose(in_file);
	out_file = in_file = NULL;
}

int display_init(struct console *c, bool no_display, char *err, size_t err_size)
{
	const char *term = getenv("TERM");

	off_screen = no_display;
	if (no_display) {
		out_file = fopen("/dev/null", "w");
		in_file = fopen("/dev/null", "r");
		if (!term || !*term)
			term = "xterm-256color";
	} else if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		out_file = stdout;
		in_file = stdin;
	} else {
		/* output redirected: the console still belongs on the terminal */
		out_file = in_file = fopen("/dev/tty", "r+");
	}
	if (!out_file || !in_file) {
		snprintf(err, err_size, "the console needs a terminal (%s); batch commands work without one: coselldesk --help",
			 strerror(errno));
		close_files();
		return -1;
	}
	if (!no_display && (!term || !*term)) {
		snprintf(err, err_size, "TERM is not set: the console cannot tell what terminal this is");
		close_files();
		return -1;
	}
	signals_install(no_display ? -1 : fileno(out_file));
	screen = newterm(term, out_file, in_file);
	if (!screen) {
		snprintf(err, err_size, "cannot start the console on terminal type '%s' (no terminfo entry?)", term);
		signals_restore();
		close_files();
		return -1;
	}
	set_term(screen);
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	curs_set(0);
	set_escdelay(25);
	if (!no_display)
		signals_capture_reset();
	c->color_mode = colors_init(c->theme, colors_no_color_env());
	c->no_display = no_display;
	return 0;
}

void display_done(void)
{
	if (screen) {
		curs_set(1);
		endwin();
		delscreen(screen);
		screen = NULL;
	}
	signals_restore();
	close_files();
}

int display_input_fd(void)
{
	return screen && in_file ? fileno(in_file) : -1;
}

void display_size(int *rows, int *cols)
{
	if (!screen) {
		*rows = *cols = 0;
		return;
	}
	getmaxyx(stdscr, *rows, *cols);
}

int display_resize(int rows, int cols, char *err, size_t err_size)
{
	if (!off_screen) {
		snprintf(err, err_size, "resize works off screen only; here the terminal decides its size");
		return -1;
	}
	if (rows < 1 || cols < 1 || rows > 1000 || cols > 1000) {
		snprintf(err, err_size, "size %dx%d is out of range (1x1 to 1000x1000)", cols, rows);
		return -1;
	}
	if (resizeterm(rows, cols) == ERR) {
		snprintf(err, err_size, "curses refused the size %dx%d", cols, rows);
		return -1;
	}
	return 0;
}

/* Word-wrap text into lines of at most width cells, one call per line. */
static int wrap_lines(const char *text, int width, char lines[][128], int max)
{
	int n = 0;

	while (*text && n < max) {
		int len = (int)strlen(text), cut;

		if (len <= width || width <= 0) {
			cut = len;
		} else {
			for (cut = width; cut > 0 && text[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = width;
		}
		if (cut > 127)
			cut = 127;
		memcpy(lines[n], text, (size_t)cut);
		lines[n][cut] = '\0';
		n++;
		text += cut;
		while (*text == ' ')
			text++;
	}
	return n;
}

static void draw_too_small(struct console *c, int rows, int cols)
{
	char need[64], have[48], quit[64], keyname[32], lines[12][128];
	int n = 0, i, top;

	snprintf(need, sizeof(need), "coselldesk needs at least %dx%d", c->min_cols, c->min_rows);
	snprintf(have, sizeof(have), "(this terminal is %dx%d)", cols, rows);
	snprintf(quit, sizeof(quit), "enlarge it, or press %s to quit",
		 console_key_hint(c, REQ_QUIT, "q", keyname, sizeof(keyname)));
	/* one line when it fits, else the two halves wrapped on their own */
	if ((int)(strlen(need) + 1 + strlen(have)) <= cols) {
		snprintf(lines[0], sizeof(lines[0]), "%s %s", need, have);
		n = 1;
	} else {
		n = wrap_lines(need, cols, lines, 6);
		n += wrap_lines(have, cols, lines + n, 10 - n);
	}
	if (n + 2 <= rows) {
		lines[n++][0] = '\0';
		n += wrap_lines(quit, cols, lines + n, 12 - n);
	}
	top = rows > n ? (rows - n) / 2 : 0;
	for (i = 0; i < n && top + i < rows; i++)
		draw_field(top + i, 0, cols, lines[i], DRAW_CENTER, colors_attr(THEME_TOO_SMALL));
}

static void draw_status(struct console *c, struct view *v, int y, int cols)
{
	char left[CONSOLE_MESSAGE_MAX], status[CONSOLE_MESSAGE_MAX] = "", right[256], k1[32], k2[32];
	char job[96];
	attr_t attr = colors_attr(THEME_STATUS_BAR);
	int rw;

	draw_fill(y, 0, cols, attr);
	if (c->hint[0]) {
		draw_text(y, 1, cols - 1, c->hint, attr);
		return;
	}
	if (v->ops->status)
		v->ops->status(v, status, sizeof(status));
	snprintf(left, sizeof(left), "[%.40s]%s%.400s", v->ops->title, status[0] ? " " : "", status);
	job_progress_text(c, job, sizeof(job));
	snprintf(right, sizeof(right), "%s%s%s%s help  %s quit", job, job[0] ? "  " : "",
		 c->tag_prefix ? "; tagged...  " : "",
		 console_key_hint(c, REQ_HELP, "?", k1, sizeof(k1)),
		 console_key_hint(c, REQ_QUIT, "q", k2, sizeof(k2)));
	rw = draw_width(right);
	if (rw + 2 < cols) {
		draw_text(y, cols - rw - 1, rw, right, attr);
		draw_text(y, 1, cols - rw - 3, left, attr);
	} else {
		draw_text(y, 1, cols - 1, left, attr);
	}
}

/* The prompt line: label, then as much of the text as fits around the
 * cursor. Returns the cursor's screen column. */
static int draw_prompt(struct prompt_state *p, int y, int cols)
{
	int x = draw_text(y, 0, cols, p->label, colors_attr(THEME_PROMPT));
	int room = cols - x - 1, start = 0, i, used = 0, cur = x;
	int widths[PROMPT_MAX];

	for (i = 0; i < (int)p->len; i++) {
		int w = wcwidth(p->text[i]);

		widths[i] = w < 0 ? 1 : w;
	}
	/* scroll so the cursor stays visible */
	for (;;) {
		int w = 0;

		for (i = start; i < (int)p->cursor; i++)
			w += widths[i];
		if (w <= room || start >= (int)p->cursor)
			break;
		start++;
	}
	attrset(colors_attr(THEME_MESSAGE));
	for (i = start; i < (int)p->len && used + widths[i] <= room; i++) {
		if (i == (int)p->cursor)
			cur = x + used;
		mvaddnwstr(y, x + used, &p->text[i], 1);
		used += widths[i];
	}
	if ((int)p->cursor >= i)
		cur = x + used;
	attrset(A_NORMAL);
	return cur;
}

/* The message line; the lines after a message's first go just above the
 * status bar, over the bottom of the view (never over its first row). */
static void draw_message(struct console *c, int rows, int cols)
{
	attr_t attr = colors_attr(c->message_is_error ? THEME_ERROR : THEME_MESSAGE);
	const char *p = c->message, *nl;
	char line[CONSOLE_MESSAGE_MAX];
	int more = 0, y;

	for (nl = strchr(p, '\n'); nl; nl = strchr(nl + 1, '\n'))
		more++;
	if (more > rows - 3)
		more = rows - 3 > 0 ? rows - 3 : 0;
	nl = strchr(p, '\n');
	snprintf(line, sizeof(line), "%.*s", nl ? (int)(nl - p) : (int)strlen(p), p);
	draw_text(rows - 1, 0, cols, line, attr);
	for (y = rows - 2 - more; nl && y < rows - 2; y++) {
		p = nl + 1;
		nl = strchr(p, '\n');
		snprintf(line, sizeof(line), "%.*s", nl ? (int)(nl - p) : (int)strlen(p), p);
		draw_fill(y, 0, cols, attr);
		draw_text(y, 1, cols - 1, line, attr);
	}
}

void display_draw(struct console *c)
{
	struct view *v = console_view(c);
	int rows, cols, cursor_x = -1;

	if (!screen)
		return;
	getmaxyx(stdscr, rows, cols);
	erase();
	if (c->too_small) {
		draw_too_small(c, rows, cols);
	} else {
		if (v && v->ops->draw)
			v->ops->draw(v);
		if (v)
			draw_status(c, v, rows - 2, cols);
		if (c->prompt)
			cursor_x = draw_prompt(c->prompt, rows - 1, cols);
		else if (c->message[0])
			draw_message(c, rows, cols);
	}
	if (cursor_x >= 0) {
		curs_set(1);
		move(rows - 1, cursor_x < cols ? cursor_x : cols - 1);
	} else {
		curs_set(0);
	}
	refresh();
	c->dirty = false;
}

void display_notice(struct console *c, const char *text)
{
	int rows, cols;

	if (!screen || c->too_small)
		return;
	getmaxyx(stdscr, rows, cols);
	draw_fill(rows - 1, 0, cols, colors_attr(THEME_MESSAGE));
	draw_text(rows - 1, 0, cols, text, colors_attr(THEME_MESSAGE));
	refresh();
	/* the next full paint replaces it */
	c->dirty = true;
}

int display_save(const char *path, char *err, size_t err_size)
{
	wchar_t wbuf[1024];
	FILE *f;
	int rows, cols, y;

	if (!screen) {
		snprintf(err, err_size, "no screen to save");
		return -1;
	}
	f = fopen(path, "w");
	if (!f) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		return -1;
	}
	getmaxyx(stdscr, rows, cols);
	if (cols > 1000)
		cols = 1000;
	for (y = 0; y < rows; y++) {
		char line[4096];
		size_t used = 0;
		int n = mvinnwstr(y, 0, wbuf, cols), i;

		for (i = 0; n > 0 && i < n && wbuf[i]; i++) {
			char mb[16];
			mbstate_t st;
			size_t k;

			memset(&st, 0, sizeof(st));
			k = wcrtomb(mb, wbuf[i], &st);
			if (k == (size_t)-1) {
				mb[0] = '?';
				k = 1;
			}
			if (used + k >= sizeof(line))
				break;
			memcpy(line + used, mb, k);
			used += k;
		}
		while (used > 0 && line[used - 1] == ' ')
			used--;
		line[used] = '\0';
		fprintf(f, "%s\n", line);
	}
	if (fclose(f) != 0) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		return -1;
	}
	return 0;
}
