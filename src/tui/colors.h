/* colors.h - colours named by meaning, fitted to the terminal.
 *
 * Views never pick a colour: they draw an element of the theme
 * (coselldesk/theme.h: "the selected row", "tier 1", "SLA breach") and get
 * the attributes the theme gives it, fitted to this terminal: 256 colours
 * as written, #rrggbb to the nearest palette entry, 16 or 8 colours by
 * nearest match (a bright foreground becomes bold on 8). On a terminal
 * without colours, or with NO_COLOR set and non-empty, every element gets
 * its mono attributes. The palette is never redefined (init_color is not
 * used), and use_default_colors() lets the terminal's own background show
 * where a theme says "default".
 *
 * Every state that has a colour also has a glyph in the view, so nothing is
 * told by colour alone.
 */
#ifndef COSELLDESK_TUI_COLORS_H
#define COSELLDESK_TUI_COLORS_H

#include <stdbool.h>
#include <stddef.h>

#include "coselldesk/theme.h"
#include "provide_curses.h"

/* How colours are drawn on this terminal. */
enum color_mode {
	COLOR_MODE_MONO,   /* no colour: mono attributes only */
	COLOR_MODE_8,
	COLOR_MODE_16,
	COLOR_MODE_256
};

/* Set up one colour pair per element once curses runs. no_color forces
 * mono. theme may be NULL: every element then draws plainly (the caller
 * normally passes the loaded theme, or the built-in one). Returns the mode. */
enum color_mode colors_init(const struct theme *theme, bool no_color);

/* The attributes (colour pair included) to draw an element with. */
attr_t colors_attr(enum theme_element e);

/* The mode colors_init chose, and its name ("256", "16", "8", "mono"). */
enum color_mode colors_mode(void);
const char *colors_mode_name(enum color_mode m);

/* Fit a 0-255 colour to a terminal of `colors` colours: the nearest of the
 * first 16 (or 8) when the terminal has fewer; *bold is set when an
 * 8-colour terminal needs bold to show a bright foreground. -1 stays -1. */
int colors_fit(int color, int colors, bool *bold);

/* Curses attributes of theme attribute bits (THEME_ATTR_*). */
attr_t colors_curses_attrs(unsigned theme_attrs);

/* Whether NO_COLOR asks for no colour (set and non-empty). */
bool colors_no_color_env(void);

#endif
