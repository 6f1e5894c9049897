/* list.h - cursor and scrolling over a list of rows, for views whose rows
 * are all in memory (help, small lists). The queue pages from the store
 * and keeps its own window. */
#ifndef COSELLDESK_TUI_LIST_H
#define COSELLDESK_TUI_LIST_H

#include <stdbool.h>

#include "request.h"

struct list_nav {
	long count;   /* rows in the list */
	long cursor;  /* selected row, 0..count-1 (0 when empty) */
	long top;     /* first row on screen */
};

/* Apply a moving request for a window of `rows` rows; true when r was one. */
bool list_nav_request(struct list_nav *n, enum request r, int rows);

/* Keep cursor within the list and on screen. */
void list_nav_clamp(struct list_nav *n, int rows);

/* Put the cursor on row i (clamped) and scroll to it. */
void list_nav_goto(struct list_nav *n, long i, int rows);

#endif
