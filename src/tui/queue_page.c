/* queue_page.c - keyset paging of the queue window (see queue_page.h). */
#include "queue_page.h"

#include <stdio.h>
#include <string.h>

/* Up to limit rows after (or, backward, before) row; row NULL means from
 * the start (or the end). */
static enum store_status fetch(const struct queue_source *src, const struct queue_row *row,
			       int backward, int limit, struct queue_row *out, int *n)
{
	struct queue_page page;
	size_t got = 0;
	enum store_status rc;

	memset(&page, 0, sizeof(page));
	page.sort = src->sort;
	page.descending = src->descending;
	page.backward = backward;
	page.limit = limit;
	if (row)
		store_queue_cursor_of(row, &page.cursor);
	rc = store_queue_fetch(src->store, &src->filter, &page, out, (size_t)limit, &got);
	*n = (int)got;
	return rc;
}

static int height_of(const struct queue_window *w)
{
	int h = w->height;

	if (h < 1)
		h = 1;
	return h > QUEUE_WINDOW_MAX ? QUEUE_WINDOW_MAX : h;
}

/* Take n fetched rows (possibly height + 1) as the window. */
static void take(struct queue_window *w, struct queue_row *rows, int n)
{
	int h = height_of(w);

	w->more_after = n > h;
	w->count = n > h ? h : n;
	if (rows != w->rows)
		memmove(w->rows, rows, sizeof(rows[0]) * (size_t)w->count);
	if (w->cursor >= w->count)
		w->cursor = w->count - 1;
	if (w->cursor < 0)
		w->cursor = 0;
}

/* A window starting right after anchor (NULL: at the start). */
static enum store_status window_after(struct queue_window *w, const struct queue_source *src,
				      const struct queue_row *anchor)
{
	static struct queue_row buf[QUEUE_WINDOW_MAX + 1];
	struct queue_row copy;
	enum store_status rc;
	int n;

	if (anchor) {
		copy = *anchor; /* anchor may live in w->rows */
		anchor = &copy;
	}
	rc = fetch(src, anchor, 0, height_of(w) + 1, buf, &n);
	if (rc != STORE_OK)
		return rc;
	take(w, buf, n);
	return STORE_OK;
}

enum store_status queue_page_first(struct queue_window *w, const struct queue_source *src)
{
	w->cursor = 0;
	return window_after(w, src, NULL);
}

enum store_status queue_page_last(struct queue_window *w, const struct queue_source *src)
{
	enum store_status rc;
	int n;

	rc = fetch(src, NULL, 1, height_of(w), w->rows, &n);
	if (rc != STORE_OK)
		return rc;
	w->count = n;
	w->more_after = false;
	w->cursor = n > 0 ? n - 1 : 0;
	return STORE_OK;
}

enum store_status queue_page_down(struct queue_window *w, const struct queue_source *src, int n)
{
	int h = height_of(w), scroll;

	if (w->count == 0)
		return STORE_OK;
	if (w->cursor + n < w->count || !w->more_after) {
		w->cursor = w->cursor + n < w->count ? w->cursor + n : w->count - 1;
		return STORE_OK;
	}
	/* scroll so the target row is the last on screen */
	scroll = w->cursor + n - (h - 1);
	if (scroll < 1)
		scroll = 1;
	if (scroll > w->count)
		scroll = w->count;
	{
		enum store_status rc = window_after(w, src, &w->rows[scroll - 1]);

		if (rc != STORE_OK)
			return rc;
	}
	w->cursor = w->count - 1 < h - 1 ? w->count - 1 : h - 1;
	return STORE_OK;
}

/* Put the `m` rows of before[] above the window, dropping rows at the bottom. */
static void prepend(struct queue_window *w, const struct queue_row *before, int m)
{
	int h = height_of(w), keep = w->count;

	if (keep + m > h) {
		keep = h - m;
		if (keep < 0)
			keep = 0;
		w->more_after = true;
	}
	memmove(&w->rows[m], &w->rows[0], sizeof(w->rows[0]) * (size_t)keep);
	memcpy(&w->rows[0], before, sizeof(w->rows[0]) * (size_t)m);
	w->count = keep + m;
}

static enum store_status rows_before(struct queue_window *w, const struct queue_source *src, int need)
{
	static struct queue_row buf[QUEUE_WINDOW_MAX + 1];
	enum store_status rc;
	int m;

	if (need > height_of(w))
		need = height_of(w);
	rc = fetch(src, &w->rows[0], 1, need, buf, &m);
	if (rc != STORE_OK)
		return rc;
	prepend(w, buf, m);
	return STORE_OK;
}

enum store_status queue_page_up(struct queue_window *w, const struct queue_source *src, int n)
{
	enum store_status rc;

	if (w->count == 0)
		return STORE_OK;
	if (w->cursor - n >= 0) {
		w->cursor -= n;
		return STORE_OK;
	}
	rc = rows_before(w, src, n - w->cursor);
	w->cursor = 0;
	return rc;
}

enum store_status queue_page_next_screen(struct queue_window *w, const struct queue_source *src)
{
	int at = w->cursor;
	enum store_status rc;

	if (w->count == 0 || !w->more_after) {
		w->cursor = w->count > 0 ? w->count - 1 : 0;
		return STORE_OK;
	}
	/* the last row on screen becomes the first */
	rc = window_after(w, src, w->count >= 2 ? &w->rows[w->count - 2] : &w->rows[0]);
	if (rc == STORE_OK)
		w->cursor = at < w->count ? at : w->count - 1;
	return rc;
}

enum store_status queue_page_prev_screen(struct queue_window *w, const struct queue_source *src)
{
	int at = w->cursor, h = height_of(w);
	enum store_status rc;

	if (w->count == 0)
		return STORE_OK;
	rc = rows_before(w, src, h > 1 ? h - 1 : 1);
	if (rc == STORE_OK)
		w->cursor = at < w->count ? at : w->count - 1;
	return rc;
}

enum store_status queue_page_reload(struct queue_window *w, const struct queue_source *src)
{
	char selected[STORE_ID_SIZE] = "";
	struct queue_row prev;
	enum store_status rc;
	int at = w->cursor, i, n = 0;

	if (w->count == 0)
		return queue_page_first(w, src);
	snprintf(selected, sizeof(selected), "%s", w->rows[w->cursor].id);
	/* the window starts after the row that was just above it */
	rc = fetch(src, &w->rows[0], 1, 1, &prev, &n);
	if (rc != STORE_OK)
		return rc;
	rc = window_after(w, src, n ? &prev : NULL);
	if (rc != STORE_OK)
		return rc;
	w->cursor = at < w->count ? at : (w->count ? w->count - 1 : 0);
	for (i = 0; i < w->count; i++)
		if (!strcmp(w->rows[i].id, selected))
			w->cursor = i;
	return STORE_OK;
}

enum store_status queue_page_show(struct queue_window *w, const struct queue_source *src,
				  const struct queue_row *row)
{
	struct queue_row prev, target = *row;
	enum store_status rc;
	int n = 0, i;

	rc = fetch(src, &target, 1, 1, &prev, &n);
	if (rc != STORE_OK)
		return rc;
	rc = window_after(w, src, n ? &prev : NULL);
	if (rc != STORE_OK)
		return rc;
	w->cursor = 0;
	for (i = 0; i < w->count; i++)
		if (!strcmp(w->rows[i].id, target.id))
			w->cursor = i;
	return STORE_OK;
}

const struct queue_row *queue_page_current(const struct queue_window *w)
{
	return w->count > 0 ? &w->rows[w->cursor] : NULL;
}
