/* form_fields.h - the number fields of the scoring form, on an ncurses form.
 *
 * formw does the editing (buffers, cursor, insert and delete); this module
 * keeps it off the screen: the form is posted in a private window only
 * while it handles one key, and the view draws the field texts itself with
 * draw.h and the theme. So the console's repaint (erase, draw the view)
 * never disturbs an edit in progress, a resize needs no re-posting, and no
 * curses window outlives a call (the console may end curses before the
 * views are freed).
 *
 * A field just entered is "fresh": the first digit typed replaces its
 * value (as in a spreadsheet), any other editing key keeps it.
 *
 * form.h is included by form_fields.c only: its REQ_NEXT_FIELD and
 * REQ_PREV_FIELD macros would collide with the console's request names.
 */
#ifndef COSELLDESK_TUI_FORM_FIELDS_H
#define COSELLDESK_TUI_FORM_FIELDS_H

#include <stddef.h>

struct form_fields;

/* What an editing key did. */
enum form_fields_result {
	FORM_FIELDS_CHANGED,  /* the text of the current field changed */
	FORM_FIELDS_MOVED,    /* only the cursor moved */
	FORM_FIELDS_DENIED,   /* an editing key that could not apply (field full, at the start) */
	FORM_FIELDS_NOT_EDIT  /* not an editing key: the caller handles it */
};

/* count fields of width characters, all empty, the first current. NULL
 * when curses or memory refuses. */
struct form_fields *form_fields_new(int count, int width);
void form_fields_free(struct form_fields *f);

int form_fields_count(const struct form_fields *f);

/* The current field, and moving to field i (its cursor at the end of the
 * text, fresh). form_fields_focus returns 0, -1 when i is out of range. */
int form_fields_current(const struct form_fields *f);
int form_fields_focus(struct form_fields *f, int i);

/* The text of field i, without the padding blanks. */
void form_fields_text(const struct form_fields *f, int i, char *buf, size_t size);

/* Replace the text of field i (the cursor goes to its end). 0 or -1. */
int form_fields_set_text(struct form_fields *f, int i, const char *text);

/* The cursor column in the current field, and putting it back there. */
int form_fields_cursor(const struct form_fields *f);
void form_fields_set_cursor(struct form_fields *f, int column);

/* Whether the current field was just entered (the next digit replaces it). */
int form_fields_fresh(const struct form_fields *f);
void form_fields_set_fresh(struct form_fields *f, int fresh);

/* Apply an editing key (keys.h code) to the current field: a digit,
 * <Backspace>, <Del>/C-d, <Left>/C-b, <Right>/C-f, <Home>/C-a, <End>/C-e,
 * C-k (kill to the end), C-u (kill to the start). */
enum form_fields_result form_fields_key(struct form_fields *f, int key);

/* Whether key is one form_fields_key() edits with. */
int form_fields_is_edit_key(int key);

#endif
