/* draw.h - text on the screen, measured in display cells.
 *
 * Partner and account names carry accents and CJK: columns are laid out by
 * wcwidth(), never by bytes, and text that does not fit is cut on a glyph
 * boundary with an ellipsis. Everything draws on stdscr at absolute
 * coordinates; a view keeps inside its own area (struct view).
 */
#ifndef COSELLDESK_TUI_DRAW_H
#define COSELLDESK_TUI_DRAW_H

#include <stddef.h>

#include "provide_curses.h"

enum draw_align { DRAW_LEFT, DRAW_RIGHT, DRAW_CENTER };

/* Display width of UTF-8 text (invalid bytes count one cell each). */
int draw_width(const char *text);

/* Draw text at (y, x) in at most width cells; cut with an ellipsis when it
 * does not fit. Returns the cells drawn. */
int draw_text(int y, int x, int width, const char *text, attr_t attr);

/* Draw text aligned in a field of exactly width cells (padded with blanks). */
void draw_field(int y, int x, int width, const char *text, enum draw_align align, attr_t attr);

/* Blank width cells from (y, x) with attr. */
void draw_fill(int y, int x, int width, attr_t attr);

/* Copy into out (size bytes) the longest prefix of text that fits in width
 * cells, with an ellipsis when cut; returns its width in cells. */
int draw_fit(const char *text, int width, char *out, size_t size);

#endif
