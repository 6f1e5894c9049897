/* input.c - keys from the terminal or from a script file. */
#include "input.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "display.h"
#include "keys.h"
#include "provide_curses.h"

/* How long to wait after <Esc> for the key it may prefix (M-x). */
#define META_WAIT_MS 25

static FILE *script;
static char script_line[4096];
static const char *script_pos;      /* next key in script_line */
static bool script_literal;          /* the line is a :command typed as keys */
static bool script_enter_pending;    /* such a line still owes its <Enter> */
static bool script_command;          /* the line is a :command not yet delivered */
static bool resize_pending;
static const char *last_command;     /* the :command line just delivered */
static MEVENT mouse_last;            /* the event of the last KEY_MOUSE */
static bool mouse_pending;           /* ... not yet taken */
/* input_watch(): the pipes of background work (a job, the counter) */
static struct watch {
	int fd;                      /* -1: a free slot */
	void (*ready)(void *ctx);
	void *ctx;
} watches[INPUT_WATCH_MAX] = { { -1, NULL, NULL }, { -1, NULL, NULL }, { -1, NULL, NULL },
			      { -1, NULL, NULL } };

int input_open_script(const char *path, char *err, size_t err_size)
{
	script = fopen(path, "r");
	if (!script) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		return -1;
	}
	script_pos = NULL;
	return 0;
}

void input_close_script(void)
{
	if (script)
		fclose(script);
	script = NULL;
}

bool input_scripted(void)
{
	return script != NULL;
}

void input_push_resize(void)
{
	resize_pending = true;
}

bool input_stop_pressed(void)
{
	wint_t wc;
	int rc;

	if (script || !display_active() || display_input_fd() < 0)
		return false;
	timeout(0);
	while ((rc = get_wch(&wc)) != ERR) {
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE)
			resize_pending = true;   /* the loop relayouts afterwards */
		else if (rc == OK && (wc == KEYS_ESC || wc == KEYS_CTRL('g') || wc == KEYS_CTRL('c')))
			return true;
	}
	return false;
}

void input_watch(int fd, void (*ready)(void *ctx), void *ctx)
{
	struct watch *free_slot = NULL;
	int i;

	if (fd < 0)
		return;
	for (i = 0; i < INPUT_WATCH_MAX; i++) {
		if (watches[i].fd == fd) {
			watches[i].fd = ready ? fd : -1;
			watches[i].ready = ready;
			watches[i].ctx = ctx;
			return;
		}
		if (watches[i].fd < 0 && !free_slot)
			free_slot = &watches[i];
	}
	if (ready && free_slot)
		*free_slot = (struct watch){ fd, ready, ctx };
}

static bool watching(void)
{
	int i;

	for (i = 0; i < INPUT_WATCH_MAX; i++)
		if (watches[i].fd >= 0)
			return true;
	return false;
}

/* Poll the keyboard (key_fd, -1 none) and every watched fd together; tell
 * the watchers whose fd is readable (each may stop its watch). Returns 1
 * when a key is waiting, 0 when a watcher fired or the time ran out. */
static int poll_watches(int key_fd, int timeout_ms)
{
	struct pollfd p[INPUT_WATCH_MAX + 1];
	struct watch fired[INPUT_WATCH_MAX];
	int i, n = 0, nfired = 0;

	for (i = 0; i < INPUT_WATCH_MAX; i++)
		if (watches[i].fd >= 0)
			p[n++] = (struct pollfd){ watches[i].fd, POLLIN, 0 };
	if (key_fd >= 0)
		p[n++] = (struct pollfd){ key_fd, POLLIN, 0 };
	/* a signal (a resize, a stop) cuts poll short: a tick, then the
	 * caller sees KEY_RESIZE or the stop flag */
	if (poll(p, (nfds_t)n, timeout_ms) <= 0)
		return 0;
	/* copied first: a watcher may stop or start watches as it runs */
	for (i = 0; i < INPUT_WATCH_MAX; i++) {
		int k;

		for (k = 0; k < n; k++)
			if (watches[i].fd >= 0 && p[k].fd == watches[i].fd && p[k].revents)
				fired[nfired++] = watches[i];
	}
	for (i = 0; i < nfired; i++)
		fired[i].ready(fired[i].ctx);
	if (nfired)
		return 0;
	return key_fd >= 0 && p[n - 1].revents ? 1 : 0;
}

/* A script waits for the background work it started (a job, a count)
 * before its next line: until every watcher has stopped its watch. */
static void watch_drain(void)
{
	while (watching())
		poll_watches(-1, -1);
}

/* Load the next line that holds keys; false at the end of the file. */
static bool script_next_line(void)
{
	while (fgets(script_line, sizeof(script_line), script)) {
		char *p = script_line, *end;

		end = p + strlen(p);
		while (end > p && (end[-1] == '\n' || end[-1] == '\r'))
			*--end = '\0';
		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p || *p == '#')
			continue;
		script_command = *p == ':';
		script_literal = false;
		script_enter_pending = false;
		if (*p == '\\')
			p++;
		script_pos = p;
		return true;
	}
	return false;
}

void input_type_command(void)
{
	if (!script || !last_command)
		return;
	script_pos = last_command;
	last_command = NULL;
	script_literal = true;
	script_enter_pending = true;
}

static enum input_event script_key(int *key, const char **command)
{
	for (;;) {
		if (script_command && script_pos) {
			script_command = false;
			if (command) {
				/* remembered: input_type_command() may still turn
				 * the line into keys */
				last_command = script_pos;
				*command = script_pos + 1;
				script_pos = NULL;
				return INPUT_COMMAND;
			}
			/* a prompt is open: type the line as keys */
			script_literal = true;
			script_enter_pending = true;
		}
		if (script_pos && *script_pos) {
			if (script_literal) {
				const char *p = script_pos;
				/* a literal character: decode without the <...> notation */
				if (*p == '<') {
					*key = '<';
					script_pos++;
					return INPUT_KEY;
				}
			}
			if (keys_parse_next(&script_pos, key) == 0)
				return INPUT_KEY;
			script_pos = NULL; /* invalid UTF-8: drop the rest of the line */
			continue;
		}
		if (script_enter_pending) {
			script_enter_pending = false;
			*key = KEYS_ENTER;
			return INPUT_KEY;
		}
		watch_drain();
		if (!script_next_line())
			return INPUT_END;
	}
}

/* Wait for a key or a watched fd together: keys curses already holds
 * first, then poll() on all the descriptors, so the wait costs nothing
 * while idle. Returns ERR when the time ran out or a watcher fired. */
static int wait_key_or_watch(int timeout_ms, wint_t *wc)
{
	int rc;

	timeout(0);
	rc = get_wch(wc);
	if (rc != ERR)
		return rc;
	if (!poll_watches(display_input_fd(), timeout_ms))
		return ERR;
	return get_wch(wc);
}

static enum input_event terminal_key(int timeout_ms, int *key)
{
	wint_t wc;
	int rc;

	if (watching()) {
		rc = wait_key_or_watch(timeout_ms, &wc);
	} else {
		timeout(timeout_ms);
		rc = get_wch(&wc);
	}
	if (rc == ERR)
		return INPUT_TIMEOUT;
	if (rc == KEY_CODE_YES && wc == KEY_RESIZE)
		return INPUT_RESIZE;
	if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
		/* read at once: a loop that ignores the key (a prompt) must
		 * not leave a stale event for the next click */
		mouse_pending = getmouse(&mouse_last) == OK;
		if (!mouse_pending)
			return INPUT_TIMEOUT;
	}
	*key = keys_from_input((int)wc, rc == KEY_CODE_YES, erasechar());
	if (*key == KEYS_ESC) {
		/* <Esc> then a key within a moment is how terminals send Meta */
		timeout(META_WAIT_MS);
		rc = get_wch(&wc);
		if (rc != ERR) {
			if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
				resize_pending = true;
				return INPUT_KEY;
			}
			*key = keys_from_input((int)wc, rc == KEY_CODE_YES, erasechar()) | KEYS_META;
		}
	}
	return INPUT_KEY;
}

bool input_mouse(MEVENT *out)
{
	if (!mouse_pending)
		return false;
	*out = mouse_last;
	mouse_pending = false;
	return true;
}

enum input_event input_next(int timeout_ms, int *key, const char **command)
{
	if (resize_pending) {
		resize_pending = false;
		return INPUT_RESIZE;
	}
	if (script)
		return script_key(key, command);
	return terminal_key(timeout_ms, key);
}
