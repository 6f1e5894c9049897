/* prompt.h - one-line text input with emacs keys, history and completion.
 *
 * Used by the `:` command prompt, `/` search, `l` limit, `T` tag-query and
 * any view that asks for a word. Keys: C-a/<Home> start, C-e/<End> end,
 * C-b/<Left> and C-f/<Right> by character, M-b and M-f by word, C-k kill to
 * the end, C-u kill to the start, C-w kill the word before, C-d/<Del>
 * delete, <Backspace> delete before (on an empty line: cancel), <Up>/C-p
 * and <Down>/C-n history, <Tab> complete, <Enter> accept, <Esc>/C-g cancel.
 *
 * History is kept per kind (':' commands, '/' searches, 'l' limits...) in
 * one file, $XDG_STATE_HOME/coselldesk/history (else
 * ~/.local/state/coselldesk/history), one entry a line: the kind character
 * then the text. It is written atomically (temp file, rename, mode 0600).
 */
#ifndef COSELLDESK_TUI_PROMPT_H
#define COSELLDESK_TUI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#define PROMPT_MAX 1024        /* characters of one input line */
#define PROMPT_HISTORY_MAX 500 /* entries kept in the history file */

struct console;

struct prompt_history {
	char **entries;   /* "kind" + text, oldest first, heap */
	size_t count;
	char *path;       /* the history file, NULL when there is no place for it */
	bool dirty;       /* changed since loaded */
};

/* Completion: the prompt gives the text before the cursor, the callback
 * calls add() for every candidate of the word being typed. */
typedef void (*prompt_add_fn)(void *list, const char *word);
typedef void (*prompt_complete_fn)(struct console *c, void *ctx, const char *before_cursor,
				   prompt_add_fn add, void *list);

/* Called after each edit with the text so far (incremental search). */
typedef void (*prompt_changed_fn)(struct console *c, void *ctx, const char *text);

struct prompt_spec {
	const char *label;            /* drawn before the text (":", "search: ") */
	char kind;                    /* history kind; 0: no history */
	const char *initial;          /* text to start with, or NULL */
	prompt_complete_fn complete;  /* may be NULL */
	prompt_changed_fn changed;    /* may be NULL */
	void *ctx;                    /* for the callbacks */
};

/* What the display needs to draw an open prompt. */
struct prompt_state {
	const char *label;
	wchar_t text[PROMPT_MAX];
	size_t len;                   /* characters in text */
	size_t cursor;                /* 0..len */
};

/* Read a line. Returns 1 with the text in out (UTF-8), 0 when cancelled,
 * -1 when input ended (a script ran out) or the console is stopping. */
int prompt_read(struct console *c, const struct prompt_spec *spec, char *out, size_t size);

/* History: load from the state file, add, save. */
void prompt_history_load(struct prompt_history *h);
void prompt_history_add(struct prompt_history *h, char kind, const char *text);
int prompt_history_save(struct prompt_history *h);
void prompt_history_free(struct prompt_history *h);

#endif
