/* form_ask.h - one-key questions on the message line ("discard changes?
 * (y/n)"), for the form and brief views.
 *
 * Like the prompt, the question reads keys itself until answered; a
 * script's `:save-display` photographs the question, resizes relayout and
 * the data poll goes on while it waits.
 */
#ifndef COSELLDESK_TUI_FORM_ASK_H
#define COSELLDESK_TUI_FORM_ASK_H

#include <stdbool.h>

struct console;

/* Show question and return the key pressed (keys.h code), or -1 when the
 * input ended or the console is stopping. The message line is cleared. */
int form_ask_key(struct console *c, const char *question);

/* y or <Enter> is yes; n, <Esc> or C-g is no; other keys ask again. */
bool form_ask_yes(struct console *c, const char *question);

#endif
