/* dash_common.h - small text helpers shared by the escalation pane and the
 * desk-lead dashboard: dates, hours, percentages, word wrapping, a
 * scrolling canvas, and telling the other views that this console wrote.
 */
#ifndef COSELLDESK_TUI_DASH_COMMON_H
#define COSELLDESK_TUI_DASH_COMMON_H

#include <stdbool.h>
#include <stddef.h>

struct console;
struct view;

/* Ages and money are written as the queue writes them: queue_format.h. */

/* "2026-01-02 13:00" in local time; "-" for 0. */
void dash_format_date(long long t, char *buf, size_t size);

/* Hours without a needless ".0": "156", "3.5". */
void dash_format_hours(double hours, char *buf, size_t size);

/* A percentage of a 0..1 share, rounded: "82%". */
void dash_format_percent(double share, char *buf, size_t size);

/* Word wrap: copy into out the next line of *text that fits in width
 * display cells (breaking at blanks, or inside a word longer than a line)
 * and advance *text past it. Returns false when nothing is left. */
bool dash_wrap(const char **text, int width, char *out, size_t size);

/* A view area that may hold more lines than it has rows: line L of the
 * content is drawn at screen row top + L - scroll, when that is inside. */
struct dash_canvas {
	int top;     /* first screen row of the area */
	int rows;    /* its height */
	int cols;    /* its width */
	int scroll;  /* content lines scrolled off the top */
};

/* The screen row of content line `line`, -1 when it is not on screen. */
int dash_canvas_row(const struct dash_canvas *cv, int line);


#endif
