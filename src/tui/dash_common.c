/* dash_common.c - dates, hours, wrapping, and telling the views about a write. */
#include "dash_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "console.h"
#include "draw.h"
#include "views.h"

void dash_format_date(long long t, char *buf, size_t size)
{
	time_t when = (time_t)t;
	struct tm tm;

	if (t <= 0 || !localtime_r(&when, &tm) || !strftime(buf, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, size, "-");
}

void dash_format_hours(double hours, char *buf, size_t size)
{
	double whole = floor(hours + 0.5);

	if (fabs(hours - whole) < 0.05)
		snprintf(buf, size, "%.0f", whole);
	else
		snprintf(buf, size, "%.1f", hours);
}

void dash_format_percent(double share, char *buf, size_t size)
{
	snprintf(buf, size, "%.0f%%", share * 100.0);
}

/* Display width of the first n bytes of text. */
static int width_of(const char *text, size_t n)
{
	char part[1024];

	if (n >= sizeof(part))
		n = sizeof(part) - 1;
	memcpy(part, text, n);
	part[n] = '\0';
	return draw_width(part);
}

bool dash_wrap(const char **text, int width, char *out, size_t size)
{
	const char *s = *text, *cut = NULL, *p;

	while (*s == ' ')
		s++;
	if (!*s || width < 1 || size == 0) {
		*text = s;
		return false;
	}
	/* the longest prefix ending at a blank (or the end) that fits */
	for (p = s;; p++) {
		if (*p == ' ' || *p == '\0') {
			if (width_of(s, (size_t)(p - s)) > width)
				break;
			cut = p;
			if (!*p)
				break;
		}
	}
	if (!cut) {
		/* one word longer than the line: cut it where it stops fitting */
		size_t n = 1;

		while (s[n] && s[n] != ' ' && width_of(s, n + 1) <= width)
			n++;
		while (s[n] && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--; /* never split a UTF-8 sequence */
		cut = s + (n ? n : 1);
	}
	snprintf(out, size, "%.*s", (int)(cut - s), s);
	*text = cut;
	return true;
}

int dash_canvas_row(const struct dash_canvas *cv, int line)
{
	int y = line - cv->scroll;

	return y >= 0 && y < cv->rows ? cv->top + y : -1;
}
