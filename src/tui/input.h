/* input.h - where keys come from: the terminal, or a script file.
 *
 * COSELLDESK_SCRIPT=FILE replaces the keyboard with a file, as tig's
 * TIG_SCRIPT does, for tests and demos. Syntax, one entry a line:
 *   # a comment          ignored, as are blank lines and leading blanks
 *   :command args        run as if typed at the `:` prompt (whatever key
 *                        the prompt is bound to); the text is literal
 *   jjj<C-d>t<Enter>     keys: characters stand for themselves, <...> is
 *                        a key name of keys.h (<Enter>, <Esc>, <C-x>,
 *                        <M-x>, <Up>, <PgDn>, <F1>, <lt> for '<')
 *   \:sort sc<Tab><Enter> a leading backslash makes the rest keys even when
 *                        it starts with ':' (to test the prompt itself)
 * Each key is handled completely (including any repaint and data refresh)
 * before the next is read, so a script needs no waits. When the file ends
 * the console quits.
 */
#ifndef COSELLDESK_TUI_INPUT_H
#define COSELLDESK_TUI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "provide_curses.h"

enum input_event {
	INPUT_KEY,      /* *key holds a key (keys.h) */
	INPUT_TIMEOUT,  /* nothing arrived in time */
	INPUT_RESIZE,   /* the terminal changed size */
	INPUT_COMMAND,  /* a script's :command line; *command holds its text */
	INPUT_END       /* the script ended, or the terminal went away */
};

/* Read keys from the script at path instead of the terminal. Returns 0, or
 * -1 with the reason in err. */
int input_open_script(const char *path, char *err, size_t err_size);
void input_close_script(void);
bool input_scripted(void);

/* Wait up to timeout_ms (-1: forever) for the next event. *command (may be
 * NULL when the caller takes keys only) points into a buffer valid until the
 * next call; a caller passing NULL gets a :command line as its keys. */
enum input_event input_next(int timeout_ms, int *key, const char **command);

/* Deliver the :command line just returned as keys instead (a prompt is
 * open and the line is not one it runs). */
void input_type_command(void);

/* The event behind the KEY_MOUSE key just delivered (read from curses as
 * it arrived); false when there is none. Taken once. */
bool input_mouse(MEVENT *out);

/* Push a resize event (the script's `:resize`), delivered next. */
void input_push_resize(void);

/* While the console is stuck in a long call (waiting for the desk):
 * whether Esc, C-g or C-c was pressed since the last look. Other keys
 * typed meanwhile are dropped: they were typed at a screen that could not
 * answer them. A resize is kept for the loop. Never true from a script
 * (a script's keys are its own lines, read in turn). */
bool input_stop_pressed(void);

/* Watch fd (the pipe of background work: a job's progress, the queue's
 * counts) while waiting for a key: when it is readable, input_next()
 * calls ready(ctx) and returns INPUT_TIMEOUT, so every loop that waits for
 * keys (the console's, a prompt's, a question's) repaints and keeps the
 * keys live. ready NULL stops watching fd; ready may do that itself. Up
 * to INPUT_WATCH_MAX fds at a time.
 * From a script the watched fds are drained before the next line is read:
 * each ready() is called as data comes until every watch has stopped, so
 * work a script started (a job, a count) has ended (and said so) before
 * the script goes on, and a script still needs no waits. */
#define INPUT_WATCH_MAX 4
void input_watch(int fd, void (*ready)(void *ctx), void *ctx);

#endif
