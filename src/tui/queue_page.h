/* queue_page.h - the queue rows on screen, paged from the store.
 *
 * The queue can hold a million intros, so the console never loads it: the
 * window holds the rows on screen plus one (to know whether more follow),
 * and every move past its edge asks the store for the next rows after (or
 * before) the edge row's sort key - a keyset cursor, whose cost follows the
 * page, never its depth (no OFFSET, no count on a repaint).
 */
#ifndef COSELLDESK_TUI_QUEUE_PAGE_H
#define COSELLDESK_TUI_QUEUE_PAGE_H

#include <stdbool.h>

#include "coselldesk/store.h"

#define QUEUE_WINDOW_MAX 200  /* tallest window handled (rows on screen) */

/* What to page over. */
struct queue_source {
	struct store *store;          /* the desk */
	struct queue_filter filter;   /* the limit in force */
	enum queue_sort sort;         /* the sort column */
	int descending;               /* 1: largest first */
};

struct queue_window {
	struct queue_row rows[QUEUE_WINDOW_MAX + 1]; /* on screen, display order */
	int count;                    /* rows held (at most height) */
	int height;                   /* rows the screen shows */
	int cursor;                   /* the selected row, 0..count-1 */
	bool more_after;              /* a row follows the last one held */
};

/* Each returns STORE_OK or the store's status (message in store_errmsg). */

/* The first rows (g, and after a sort or limit change). */
enum store_status queue_page_first(struct queue_window *w, const struct queue_source *src);
/* The last rows, cursor on the very last (G). */
enum store_status queue_page_last(struct queue_window *w, const struct queue_source *src);
/* Move the cursor n rows down or up, paging as needed. */
enum store_status queue_page_down(struct queue_window *w, const struct queue_source *src, int n);
enum store_status queue_page_up(struct queue_window *w, const struct queue_source *src, int n);
/* Scroll a whole screen, the cursor keeping its place on screen. */
enum store_status queue_page_next_screen(struct queue_window *w, const struct queue_source *src);
enum store_status queue_page_prev_screen(struct queue_window *w, const struct queue_source *src);
/* Fetch the rows again from the same place (data changed, height
 * changed), keeping the cursor on the same intro when it is still shown. */
enum store_status queue_page_reload(struct queue_window *w, const struct queue_source *src);
/* Show row at the top of the window with the cursor on it. */
enum store_status queue_page_show(struct queue_window *w, const struct queue_source *src,
				  const struct queue_row *row);
/* The row under the cursor, NULL when the window is empty. */
const struct queue_row *queue_page_current(const struct queue_window *w);

#endif
