/* keymap.h - which key runs which request, per scope.
 *
 * Scope "global" holds the bindings of every view; a scope named after a
 * view (the registry name, "queue", "help") holds that view's own, which
 * shadow the global ones (tig #1220: view > global). A binding names a
 * request ("move-down") or a whole command (":sort score"); binding a key
 * to "none" unbinds it in that scope.
 *
 * Bindings come from the settings (the built-in config is the defaults).
 * Every problem (unknown action, unknown scope, a key that does not parse,
 * one key bound twice in one scope of one file) is kept as a
 * "file:line: reason" line, for the console's message line and for the
 * batch `check` (tui_check_keys()).
 */
#ifndef COSELLDESK_TUI_KEYMAP_H
#define COSELLDESK_TUI_KEYMAP_H

#include <stddef.h>

#include "request.h"

struct keymap_binding {
	int key;               /* keys.h code */
	enum request request;  /* what it runs; REQ_NONE when unbound */
	char *command;         /* a ":command args" binding (without ':'), or NULL */
	char *file;            /* where it was bound, NULL when built in */
	int line;              /* line in file, 0 when unknown */
};

struct keymap {
	char *scope;                    /* "global" or a view name */
	struct keymap_binding *binding; /* heap array */
	size_t count;                   /* used entries */
	size_t alloc;                   /* allocated entries */
};

/* One refused binding. */
struct keymap_problem {
	char *file;           /* where, NULL for the built-in table or :bind */
	int line;             /* line in file, 0 when unknown */
	char *message;        /* what is wrong ("keys.queue: unknown action 'tagg'...") */
};

struct keymaps {
	struct keymap *map;   /* heap array, map[0] is "global" */
	size_t count;
	struct keymap_problem *problems; /* heap array, in the order found */
	size_t problem_count;
};

/* Start with an empty global scope. Returns 0, -1 out of memory. */
int keymap_init(struct keymaps *k);
void keymap_free(struct keymaps *k);

/* Whether scope is "global", a registered view, or a keymap the config
 * knows (a view planned but not built in: its bindings wait for it). */
int keymap_scope_known(const char *scope);

/* Bind key_name in scope to action (a request name, "none", or ":command").
 * file/line say where (file may be NULL). A bad binding changes nothing and
 * adds a problem line. Returns 0 when bound, -1 when refused. */
int keymap_bind(struct keymaps *k, const char *scope, const char *key_name,
		const char *action, const char *file, int line);

/* The binding of key in view (NULL = only global), view first. NULL when
 * the key is unbound there or bound to "none". */
const struct keymap_binding *keymap_lookup(const struct keymaps *k, const char *view, int key);

/* Every key that runs request r in view (shadowing applied), as names
 * separated by ", " ("j, <Down>"). Returns the number of keys. */
size_t keymap_keys_for(const struct keymaps *k, const char *view, enum request r,
		       char *buf, size_t size);

/* The scope, or NULL. */
const struct keymap *keymap_scope(const struct keymaps *k, const char *scope);

/* Write problem i as "file:line: message" into buf. */
const char *keymap_problem_text(const struct keymaps *k, size_t i, char *buf, size_t size);


#endif
