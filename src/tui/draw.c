/* draw.c - width-aware text drawing. */
#include "draw.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Decode the next character of text; returns bytes used (0 at the end).
 * Bytes that are not valid in the locale come out as '?' one at a time. */
static size_t next_char(const char *text, wchar_t *wc, int *cells)
{
	mbstate_t st;
	size_t n;
	int w;

	if (!*text)
		return 0;
	memset(&st, 0, sizeof(st));
	n = mbrtowc(wc, text, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = L'?';
		n = 1;
	}
	w = wcwidth(*wc);
	if (w < 0) { /* control characters never reach the screen raw */
		*wc = L'?';
		w = 1;
	}
	*cells = w;
	return n;
}

int draw_width(const char *text)
{
	int total = 0, cells;
	wchar_t wc;
	size_t n;

	while (text && (n = next_char(text, &wc, &cells)) > 0) {
		total += cells;
		text += n;
	}
	return total;
}

static bool utf8_locale(void)
{
	return MB_CUR_MAX > 1;
}

/* Fill wbuf with the characters of text fitting in width cells. */
static int fit_wide(const char *text, int width, wchar_t *wbuf, size_t wsize, size_t *wlen)
{
	const wchar_t *ellipsis = utf8_locale() ? L"\u2026" : L"~";
	int used = 0, cells, total = draw_width(text);
	size_t n, len = 0;
	wchar_t wc;
	int room = total > width ? width - 1 : width;

	while (text && (n = next_char(text, &wc, &cells)) > 0 && len + 2 < wsize) {
		if (used + cells > room)
			break;
		wbuf[len++] = wc;
		used += cells;
		text += n;
	}
	if (total > width && width > 0 && len + 1 < wsize) {
		wbuf[len++] = ellipsis[0];
		used += 1;
	}
	wbuf[len] = L'\0';
	*wlen = len;
	return used;
}

int draw_text(int y, int x, int width, const char *text, attr_t attr)
{
	wchar_t wbuf[1024];
	size_t len;
	int used;

	if (width <= 0 || !text)
		return 0;
	used = fit_wide(text, width, wbuf, sizeof(wbuf) / sizeof(wbuf[0]), &len);
	attrset(attr);
	mvaddnwstr(y, x, wbuf, (int)len);
	attrset(A_NORMAL);
	return used;
}

void draw_fill(int y, int x, int width, attr_t attr)
{
	if (width <= 0)
		return;
	attrset(attr);
	mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

void draw_field(int y, int x, int width, const char *text, enum draw_align align, attr_t attr)
{
	int w, pad;

	if (width <= 0)
		return;
	w = draw_width(text);
	if (w > width)
		w = width;
	pad = align == DRAW_RIGHT ? width - w : align == DRAW_CENTER ? (width - w) / 2 : 0;
	draw_fill(y, x, width, attr);
	draw_text(y, x + pad, width - pad, text, attr);
}

int draw_fit(const char *text, int width, char *out, size_t size)
{
	wchar_t wbuf[1024];
	size_t len, i, used = 0;
	int cells;

	if (!size)
		return 0;
	cells = fit_wide(text ? text : "", width, wbuf, sizeof(wbuf) / sizeof(wbuf[0]), &len);
	for (i = 0; i < len; i++) {
		char mb[16];
		mbstate_t st;
		size_t n;

		memset(&st, 0, sizeof(st));
		n = wcrtomb(mb, wbuf[i], &st);
		if (n == (size_t)-1 || used + n + 1 > size)
			break;
		memcpy(out + used, mb, n);
		used += n;
	}
	out[used] = '\0';
	return cells;
}
