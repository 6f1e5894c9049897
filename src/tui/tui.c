/* tui.c - tui_run(): set the console up, run the input loop, tear down.
 *
 * The loop is the only place that waits. It repaints when something
 * changed, then waits for a key for at most poll_ms; a timeout is the tick
 * that asks the store for its data version (another process wrote:
 * refresh) and, once a minute, repaints so ages move. On Linux a write to
 * the desk's -wal file ends the wait at once (desk_watch.h). Nothing else runs
 * while idle, so an idle console costs ~0% CPU.
 */
#include "coselldesk/tui.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "coselldesk/settings.h"
#include "coselldesk/theme.h"
#include "command.h"
#include "console.h"
#include "desk_wait.h"
#include "desk_watch.h"
#include "display.h"
#include "input.h"
#include "job.h"
#include "keymap.h"
#include "mouse.h"
#include "provide_curses.h"
#include "signals.h"

#define POLL_MS 500          /* data_version poll = input timeout */
#define TICK_SECONDS 60      /* repaint ages this often */
#define DEFAULT_MIN_COLS 80
#define DEFAULT_MIN_ROWS 20

/* Settings bindings into the console's keymaps. */
static void load_settings_keys(struct keymaps *k, const struct desk_settings *s)
{
	size_t i;

	for (i = 0; i < s->binding_count; i++) {
		const struct key_binding *b = &s->bindings[i];

		keymap_bind(k, settings_keymap_name(b->keymap), b->key, b->action, b->file, b->line);
	}
	/* a named view with a key: that key shows the view in the queue */
	for (i = 0; i < s->view_count; i++) {
		const struct named_view *v = &s->views[i];
		char cmd[SETTINGS_VIEW_NAME_MAX + 16];

		if (!v->key[0])
			continue;
		snprintf(cmd, sizeof(cmd), ":views %s", v->name);
		keymap_bind(k, "queue", v->key, cmd, v->file, v->line);
	}
}

/* Without settings, the bindings of the built-in config: the one source of
 * default keys, so help and the shipped example never disagree. */
static void load_keys(struct keymaps *k, const struct desk_settings *s)
{
	struct desk_settings builtin;
	struct settings_errors errs = { 0 };

	if (s) {
		load_settings_keys(k, s);
		return;
	}
	if (settings_load_builtin(&builtin, &errs) == 0) {
		load_settings_keys(k, &builtin);
		settings_free(&builtin);
	}
	settings_errors_free(&errs);
}

size_t tui_check_keys(const struct desk_settings *settings, struct settings_errors *errs)
{
	struct keymaps k;
	size_t i, n;

	if (keymap_init(&k) < 0) {
		settings_errors_add(errs, NULL, 0, NULL, "out of memory checking the key bindings");
		return 1;
	}
	load_keys(&k, settings);
	n = k.problem_count;
	for (i = 0; i < n; i++)
		settings_errors_add(errs, k.problems[i].file, k.problems[i].line, NULL, "%s",
				    k.problems[i].message);
	keymap_free(&k);
	return n;
}

const char *tui_curses_version(void)
{
	return curses_version();
}

static bool env_on(const char *name)
{
	const char *v = getenv(name);

	return v && *v && strcmp(v, "0") != 0;
}

static int console_setup(struct console *c, const struct tui_options *opt)
{
	memset(c, 0, sizeof(*c));
	c->settings = opt->settings;
	c->store = opt->store;
	c->theme_name = opt->theme_name;
	c->poll_ms = POLL_MS;
	c->min_cols = DEFAULT_MIN_COLS;
	c->min_rows = DEFAULT_MIN_ROWS;
	c->help_for = 0;
	if (opt->settings) {
		if (opt->settings->ui.min_cols > 0)
			c->min_cols = opt->settings->ui.min_cols;
		if (opt->settings->ui.min_rows > 0)
			c->min_rows = opt->settings->ui.min_rows;
		if (!c->theme_name)
			c->theme_name = opt->settings->ui.theme;
	}
	if (keymap_init(&c->keys) < 0)
		return -1;
	load_keys(&c->keys, opt->settings);
	for (int i = 0; i < VIEW_COUNT; i++) {
		c->views[i].ops = views_get(i);
		c->views[i].console = c;
	}
	prompt_history_load(&c->history);
	desk_wait_install(c);
	return 0;
}

/* The theme asked for, else the built-in default; problems become one
 * message (the console still starts, in the default colours). */
static void load_theme(struct console *c, struct theme *t, bool *loaded, char *msg, size_t size)
{
	struct settings_errors errs = { 0 };
	struct theme_env env;
	const char *name = c->theme_name && *c->theme_name ? c->theme_name : "default";

	*loaded = false;
	msg[0] = '\0';
	theme_env_from_process(&env);
	if (theme_load(t, name, &env, &errs) == 0) {
		*loaded = true;
	} else {
		if (errs.count)
			snprintf(msg, size, "theme %s: %s%s%.300s (using the default)", name,
				 errs.items[0].file ? errs.items[0].file : "",
				 errs.items[0].file ? ": " : "", errs.items[0].message);
		settings_errors_free(&errs);
		*loaded = theme_load_builtin(t, &errs) == 0;
		c->theme_fallback = true;
	}
	settings_errors_free(&errs);
	c->theme = *loaded ? t : NULL;
}

static void console_teardown(struct console *c)
{
	int i;

	for (i = 0; i < VIEW_COUNT; i++) {
		struct view *v = &c->views[i];

		if (v->opened && v->ops->done)
			v->ops->done(v);
		free(v->state);
		v->state = NULL;
	}
	desk_wait_remove(c);
	desk_watch_stop(c);
	prompt_history_save(&c->history);
	prompt_history_free(&c->history);
	keymap_free(&c->keys);
}

static void run_loop(struct console *c)
{
	time_t last_tick = time(NULL);

	while (!c->quit) {
		enum input_event ev;
		const char *command = NULL;
		int key = 0;

		if (signals_stop_requested())
			break;
		if (c->dirty)
			display_draw(c);
		ev = input_next(c->poll_ms, &key, &command);
		switch (ev) {
		case INPUT_KEY:
			console_key(c, key);
			break;
		case INPUT_COMMAND:
			/* a script's :command keeps the message line as it is, so a
			 * following :save-display shows what the command said */
			command_run(c, command);
			break;
		case INPUT_RESIZE:
			console_layout(c);
			break;
		case INPUT_TIMEOUT:
			console_poll_data(c);
			if (time(NULL) - last_tick >= TICK_SECONDS) {
				last_tick = time(NULL);
				c->dirty = true;
			}
			break;
		case INPUT_END:
			c->quit = true;
			break;
		}
		if (input_scripted())
			console_poll_data(c);
	}
}

int tui_run(const struct tui_options *opt)
{
	struct console c;
	const char *script = getenv("COSELLDESK_SCRIPT");
	bool no_display = env_on("COSELLDESK_NO_DISPLAY");
	char err[512], theme_msg[600];
	struct theme theme;
	bool theme_loaded = false;
	int stop;

	/* ncursesw draws UTF-8 only under a UTF-8 locale: take the user's
	 * character type before curses starts (main may have done it too) */
	setlocale(LC_CTYPE, "");
	if (console_setup(&c, opt) < 0) {
		fprintf(stderr, "coselldesk: out of memory starting the console\n");
		return EX_OSERR;
	}
	if (script && *script && input_open_script(script, err, sizeof(err)) < 0) {
		fprintf(stderr, "coselldesk: COSELLDESK_SCRIPT: %s\n", err);
		console_teardown(&c);
		return EX_NOINPUT;
	}
	if (no_display && !input_scripted()) {
		fprintf(stderr, "coselldesk: COSELLDESK_NO_DISPLAY needs COSELLDESK_SCRIPT: nothing would type\n");
		console_teardown(&c);
		return EX_USAGE;
	}
	load_theme(&c, &theme, &theme_loaded, theme_msg, sizeof(theme_msg));
	if (display_init(&c, no_display, err, sizeof(err)) < 0) {
		fprintf(stderr, "coselldesk: %s\n", err);
		input_close_script();
		console_teardown(&c);
		if (theme_loaded)
			theme_free(&theme);
		return EX_UNAVAILABLE;
	}
	/* the mouse only when asked for: capture takes text selection away */
	if (opt->settings && opt->settings->ui.mouse)
		mouse_enable(&c, true);
	console_layout(&c);
	if (console_open_view(&c, views_get(0)->name, NULL) < 0)
		c.quit = true;
	if (c.keys.problem_count) {
		char first[600];

		char more[64] = "";

		if (c.keys.problem_count > 1)
			snprintf(more, sizeof(more), " (and %zu more: coselldesk check lists them)",
				 c.keys.problem_count - 1);
		console_error(&c, "key binding ignored: %s%s",
			      keymap_problem_text(&c.keys, 0, first, sizeof(first)), more);
	}
	if (theme_msg[0])
		console_error(&c, "%s", theme_msg);
	console_poll_data(&c);
	desk_watch_start(&c);   /* after the first read: the -wal file exists */
	run_loop(&c);
	job_finish(&c);
	stop = signals_stop_requested();
	display_done();
	input_close_script();
	console_teardown(&c);
	if (theme_loaded)
		theme_free(&theme);
	if (stop) {
		fprintf(stderr, "coselldesk: stopped by signal %d; the terminal is restored\n", stop);
		return 128 + stop;
	}
	return 0;
}
