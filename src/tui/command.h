/* command.h - the `:` commands.
 *
 * Every request is a command of the same name; text after the name is its
 * argument (":sort score", ":limit tier:1 !escalated", ":search acme").
 * A few commands exist only at the prompt:
 *   :view NAME [ARG]        show a view of the registry
 *   :bind SCOPE KEY ACTION  bind a key for this session (scope "global" or
 *                           a view name; ACTION a request or ":command")
 *   :unbind SCOPE KEY       remove a binding for this session
 *   :resize COLSxROWS       resize the off-screen terminal (scripts)
 *   :colors                 say how colours are drawn here
 *   :echo TEXT              show TEXT on the message line
 */
#ifndef COSELLDESK_TUI_COMMAND_H
#define COSELLDESK_TUI_COMMAND_H

#include <stddef.h>

#include "prompt.h"

struct console;

/* Run one command line (without the ':'). Errors go to the message line. */
void command_run(struct console *c, const char *line);

/* Whether line names a command, for key bindings to ":command". Returns 0,
 * or -1 with the reason in err. */
int command_check(const char *line, char *err, size_t err_size);

/* The command name closest to a mistyped one, or NULL. */
const char *command_nearest_name(const char *name);

/* Split an argument "WORD REST" (:import KIND FILE, :export FORMAT FILE):
 * the first word into word (cut to word_size - 1 bytes), *rest at the text
 * after the blanks that follow it. Returns 0, or -1 when either is missing. */
int command_word_and_rest(const char *arg, char *word, size_t word_size, const char **rest);

/* Prompt completion for command lines: names, then view names, scopes or
 * the view's own candidates (sort columns) for the argument. */
void command_complete(struct console *c, void *ctx, const char *before_cursor,
		      prompt_add_fn add, void *list);

#endif
