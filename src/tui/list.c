/* list.c - cursor movement over in-memory rows. */
#include "list.h"

void list_nav_clamp(struct list_nav *n, int rows)
{
	if (rows < 1)
		rows = 1;
	if (n->cursor >= n->count)
		n->cursor = n->count - 1;
	if (n->cursor < 0)
		n->cursor = 0;
	if (n->top > n->cursor)
		n->top = n->cursor;
	if (n->cursor >= n->top + rows)
		n->top = n->cursor - rows + 1;
	if (n->top > n->count - rows)
		n->top = n->count - rows;
	if (n->top < 0)
		n->top = 0;
}

void list_nav_goto(struct list_nav *n, long i, int rows)
{
	n->cursor = i;
	list_nav_clamp(n, rows);
}

bool list_nav_request(struct list_nav *n, enum request r, int rows)
{
	long page = rows > 1 ? rows - 1 : 1, half = rows > 1 ? rows / 2 : 1;

	switch (r) {
	case REQ_MOVE_UP: n->cursor--; break;
	case REQ_MOVE_DOWN: n->cursor++; break;
	case REQ_PAGE_UP: n->cursor -= page; n->top -= page; break;
	case REQ_PAGE_DOWN: n->cursor += page; n->top += page; break;
	case REQ_HALF_PAGE_UP: n->cursor -= half; n->top -= half; break;
	case REQ_HALF_PAGE_DOWN: n->cursor += half; n->top += half; break;
	case REQ_FIRST: n->cursor = 0; break;
	case REQ_LAST: n->cursor = n->count - 1; break;
	default: return false;
	}
	list_nav_clamp(n, rows);
	return true;
}
