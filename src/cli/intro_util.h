/* intro_util.h - what the commands on one intro share (private to src/cli;
 * implemented in intro_util.c). */
#ifndef COSELLDESK_CLI_INTRO_UTIL_H
#define COSELLDESK_CLI_INTRO_UTIL_H

#include "coselldesk/cli_args.h"
#include "coselldesk/store.h"

/* Print the store's message for status s (the status's name when the store
 * left none) and return its exit code. Every command's store failure. */
int intro_fail(struct app *app, struct store *st, enum store_status s);

/* Open the desk and resolve text (a handle, id prefix or id) to an intro id.
 * Returns the store, or NULL with *rc set and a message printed. */
struct store *intro_open(struct app *app, const char *text, char id[STORE_ID_SIZE], int *rc);

/* After a change: print `message` (text) or the intro's summary object with
 * the message (csv, json): intro, state, score, pql, tier, ae_hours, ae.
 * Takes message (a cli_printf string) and frees it. */
int intro_report(struct app *app, struct store *st, const char *id, char *message);

/* The name of an AE, partner, pod, specialist or account id into out ("" when
 * none or unknown). */
void intro_name_of(struct store *st, enum store_kind kind, const char *id, char *out,
		   size_t size);

/* Parse ID plus options (max_pos positional words at most), open the desk
 * and resolve the id. NULL with *rc set (0 after --help) otherwise. */
struct store *intro_begin(struct app *app, int argc, char **argv,
			  const struct args_spec *spec, int max_pos, struct args *a,
			  char id[STORE_ID_SIZE], int *rc);

/* The handle of an intro id, into out; returns out. */
const char *intro_handle_of(const char *id, char out[STORE_HANDLE_SIZE]);

/* A required option with text: missing or empty is a usage error. */
int intro_need(const struct app *app, const struct args *a, const char *name);

/* A text member that may be unknown: null when the text is empty. */
void intro_add_text(struct output_value *o, const char *key, const char *s);

#endif
