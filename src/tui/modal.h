/* modal.h - reading keys inside a view that holds the keyboard until it is
 * done (a one-key question, the `:` prompt), without stopping the console.
 */
#ifndef COSELLDESK_TUI_MODAL_H
#define COSELLDESK_TUI_MODAL_H

#include <stdbool.h>

struct console;

/* Draw, then wait for the next key into *key. While waiting the data poll
 * goes on and a resize lays the screen out again; a script's
 * `:save-display` photographs the screen as it is, and any other script
 * line is typed as keys. message, when not NULL, is put on the message
 * line before each draw (a refresh may have written over it). Returns
 * false, with c->quit set, when the input ended or the console is told to
 * stop. */
bool modal_next_key(struct console *c, const char *message, int *key);

#endif
