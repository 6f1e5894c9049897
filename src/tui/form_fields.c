/* form_fields.c - formw as the editing engine of the scoring form's fields
 * (see form_fields.h). */
#include "form_fields.h"

#include <stdlib.h>
#include <string.h>

#include "keys.h"
#include "provide_curses.h"
/* After provide_curses.h, so formw sees the wide-character curses. Only
 * this file includes it: its REQ_* macros collide with request.h. */
#include <form.h>

struct form_fields {
	FIELD **field;   /* count fields and the NULL formw wants at the end */
	int count;
	int width;
	FORM *form;      /* posted only while it handles a call (begin..end) */
	WINDOW *win;     /* private, never on screen; exists only while posted */
	int current;     /* the field in focus */
	int cursor;      /* its cursor column */
	int fresh;       /* the current field was just entered */
};

/* Post the form in a private window, at the saved field and cursor. The
 * form is never left posted between calls: no curses object outlives a
 * call, so neither a resize nor the end of curses can pull a window out
 * from under it. 0 or -1. */
static int begin(struct form_fields *f)
{
	int k;

	f->win = newwin(f->count, f->width + 1, 0, 0);
	if (!f->win)
		return -1;
	set_form_win(f->form, f->win);
	set_form_sub(f->form, f->win);
	set_current_field(f->form, f->field[f->current]);
	if (post_form(f->form) != E_OK) {
		delwin(f->win);
		f->win = NULL;
		return -1;
	}
	form_driver(f->form, REQ_BEG_FIELD);
	for (k = 0; k < f->cursor; k++)
		if (form_driver(f->form, REQ_NEXT_CHAR) != E_OK)
			break;
	return 0;
}

/* Make the window's edit the field's buffer (formw keeps typing in the
 * window until asked to validate), remember the cursor, unpost. */
static void end(struct form_fields *f)
{
	form_driver(f->form, REQ_VALIDATION);
	pos_form_cursor(f->form);
	f->cursor = getcurx(f->win);
	f->current = field_index(current_field(f->form));
	unpost_form(f->form);
	set_form_win(f->form, NULL);
	set_form_sub(f->form, NULL);
	delwin(f->win);
	f->win = NULL;
}

struct form_fields *form_fields_new(int count, int width)
{
	struct form_fields *f = calloc(1, sizeof(*f));
	int i;

	if (!f || count < 1 || width < 1)
		goto fail;
	f->count = count;
	f->width = width;
	f->field = calloc((size_t)count + 1, sizeof(*f->field));
	if (!f->field)
		goto fail;
	for (i = 0; i < count; i++) {
		f->field[i] = new_field(1, width, i, 0, 0, 0);
		if (!f->field[i])
			goto fail;
		/* no jump to the next field when one fills up, and no clearing
		 * at the first position: the view decides both */
		field_opts_off(f->field[i], O_AUTOSKIP | O_BLANK);
	}
	f->form = new_form(f->field);
	if (!f->form)
		goto fail;
	f->fresh = 1;
	return f;
fail:
	form_fields_free(f);
	return NULL;
}

void form_fields_free(struct form_fields *f)
{
	int i;

	if (!f)
		return;
	if (f->form)
		free_form(f->form); /* never posted here: memory only */
	for (i = 0; f->field && i < f->count; i++)
		if (f->field[i])
			free_field(f->field[i]);
	free(f->field);
	free(f);
}

int form_fields_count(const struct form_fields *f)
{
	return f->count;
}

int form_fields_current(const struct form_fields *f)
{
	return f->current;
}

void form_fields_text(const struct form_fields *f, int i, char *buf, size_t size)
{
	const char *raw;
	size_t start = 0, len;

	if (size == 0)
		return;
	buf[0] = '\0';
	if (i < 0 || i >= f->count)
		return;
	raw = field_buffer(f->field[i], 0);
	if (!raw)
		return;
	len = strlen(raw);
	while (start < len && raw[start] == ' ')
		start++;
	while (len > start && raw[len - 1] == ' ')
		len--;
	if (len - start >= size)
		len = start + size - 1;
	memcpy(buf, raw + start, len - start);
	buf[len - start] = '\0';
}

/* The cursor just after the text of the current field (on its last cell
 * when the text fills the field). */
static void cursor_to_end(struct form_fields *f)
{
	char text[64];
	int len;

	form_fields_text(f, f->current, text, sizeof(text));
	len = (int)strlen(text);
	f->cursor = len < f->width ? len : f->width - 1;
}

int form_fields_focus(struct form_fields *f, int i)
{
	if (i < 0 || i >= f->count)
		return -1;
	f->current = i;
	cursor_to_end(f);
	f->fresh = 1;
	return 0;
}

int form_fields_set_text(struct form_fields *f, int i, const char *text)
{
	if (i < 0 || i >= f->count)
		return -1;
	if (set_field_buffer(f->field[i], 0, text ? text : "") != E_OK)
		return -1;
	if (i == f->current)
		cursor_to_end(f);
	return 0;
}

int form_fields_cursor(const struct form_fields *f)
{
	return f->cursor;
}

void form_fields_set_cursor(struct form_fields *f, int column)
{
	f->cursor = column < 0 ? 0 : column < f->width ? column : f->width - 1;
}

int form_fields_fresh(const struct form_fields *f)
{
	return f->fresh;
}

void form_fields_set_fresh(struct form_fields *f, int fresh)
{
	f->fresh = fresh;
}

static int is_digit_key(int key)
{
	return key >= '0' && key <= '9';
}

int form_fields_is_edit_key(int key)
{
	switch (key) {
	case KEYS_CURSES | KEY_BACKSPACE:
	case KEYS_CTRL('h'):
	case KEYS_CURSES | KEY_DC:
	case KEYS_CTRL('d'):
	case KEYS_CURSES | KEY_LEFT:
	case KEYS_CTRL('b'):
	case KEYS_CURSES | KEY_RIGHT:
	case KEYS_CTRL('f'):
	case KEYS_CURSES | KEY_HOME:
	case KEYS_CTRL('a'):
	case KEYS_CURSES | KEY_END:
	case KEYS_CTRL('e'):
	case KEYS_CTRL('k'):
	case KEYS_CTRL('u'):
		return 1;
	default:
		return is_digit_key(key);
	}
}

/* The formw request for a key, 0 when it needs more than one. */
static int driver_request(int key)
{
	switch (key) {
	case KEYS_CURSES | KEY_BACKSPACE:
	case KEYS_CTRL('h'):
		return REQ_DEL_PREV;
	case KEYS_CURSES | KEY_DC:
	case KEYS_CTRL('d'):
		return REQ_DEL_CHAR;
	case KEYS_CURSES | KEY_LEFT:
	case KEYS_CTRL('b'):
		return REQ_PREV_CHAR;
	case KEYS_CURSES | KEY_HOME:
	case KEYS_CTRL('a'):
		return REQ_BEG_FIELD;
	case KEYS_CURSES | KEY_END:
	case KEYS_CTRL('e'):
		return REQ_END_FIELD;
	case KEYS_CTRL('k'):
		return REQ_CLR_EOL;
	default:
		return 0;
	}
}

enum form_fields_result form_fields_key(struct form_fields *f, int key)
{
	char before[64], after[64];
	int cur = f->current, col = f->cursor, rc = E_OK;

	if (!form_fields_is_edit_key(key))
		return FORM_FIELDS_NOT_EDIT;
	form_fields_text(f, cur, before, sizeof(before));
	if (is_digit_key(key) && f->fresh) {
		set_field_buffer(f->field[cur], 0, "");
		f->cursor = col = 0;
	}
	if (begin(f) < 0)
		return FORM_FIELDS_DENIED;
	if (is_digit_key(key)) {
		rc = form_driver(f->form, key);
	} else if (key == KEYS_CTRL('u')) {
		/* formw has no "kill to the start": delete back to it */
		int k;

		for (k = 0; k < col && rc == E_OK; k++)
			rc = form_driver(f->form, REQ_DEL_PREV);
		if (col == 0)
			rc = E_REQUEST_DENIED;
	} else if (key == (KEYS_CURSES | KEY_RIGHT) || key == KEYS_CTRL('f')) {
		/* never past the text: a digit typed after a blank would not
		 * read back as one number */
		rc = col < (int)strlen(before) ? form_driver(f->form, REQ_NEXT_CHAR) : E_REQUEST_DENIED;
	} else {
		rc = form_driver(f->form, driver_request(key));
	}
	end(f);
	f->fresh = 0;
	form_fields_text(f, cur, after, sizeof(after));
	if (strcmp(before, after) != 0)
		return FORM_FIELDS_CHANGED;
	if (rc != E_OK)
		return FORM_FIELDS_DENIED;
	return FORM_FIELDS_MOVED;
}
