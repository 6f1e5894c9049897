/* colors.c - theme elements to colour pairs, with fallbacks. */
#include "colors.h"

#include <stdlib.h>

/* What colors_init settled on, per element. */
static attr_t element_attr[THEME_ELEMENT_COUNT];
static enum color_mode mode = COLOR_MODE_MONO;

bool colors_no_color_env(void)
{
	const char *v = getenv("NO_COLOR");

	return v && *v;
}

attr_t colors_curses_attrs(unsigned a)
{
	attr_t out = A_NORMAL;

	if (a & THEME_ATTR_BOLD)
		out |= A_BOLD;
	if (a & THEME_ATTR_DIM)
		out |= A_DIM;
	if (a & THEME_ATTR_UNDERLINE)
		out |= A_UNDERLINE;
	if (a & THEME_ATTR_REVERSE)
		out |= A_REVERSE;
	if (a & THEME_ATTR_STANDOUT)
		out |= A_STANDOUT;
	if (a & THEME_ATTR_ITALIC)
		out |= A_ITALIC;
	return out;
}

/* The nearest of the 16 ANSI colours to a colour of the 256 palette:
 * cube colours by their dominant channels, greys by lightness. */
static int nearest16(int c)
{
	int r, g, b, max, bits = 0;

	if (c < 16)
		return c;
	if (c >= 232) {
		int level = c - 232; /* 0..23, dark to light */

		return level < 6 ? 0 : level < 12 ? 8 : level < 19 ? 7 : 15;
	}
	c -= 16;
	r = c / 36;
	g = (c / 6) % 6;
	b = c % 6;
	max = r > g ? (r > b ? r : b) : (g > b ? g : b);
	if (max == 0)
		return 0;
	/* a channel counts when it is at least half the strongest */
	if (r * 2 >= max)
		bits |= 1;
	if (g * 2 >= max)
		bits |= 2;
	if (b * 2 >= max)
		bits |= 4;
	if (bits == 7 && max <= 2)
		return 8;
	return bits + (max >= 4 ? 8 : 0);
}

int colors_fit(int color, int colors, bool *bold)
{
	if (bold)
		*bold = false;
	if (color < 0)
		return -1;
	if (colors >= 256)
		return color;
	color = nearest16(color);
	if (colors >= 16)
		return color;
	if (color >= 8) {
		if (bold)
			*bold = true;
		color -= 8;
	}
	return color;
}

const char *colors_mode_name(enum color_mode m)
{
	switch (m) {
	case COLOR_MODE_256: return "256";
	case COLOR_MODE_16: return "16";
	case COLOR_MODE_8: return "8";
	default: return "mono";
	}
}

/* A theme colour as a palette index (-1: the terminal's default). */
static int palette_of(const struct theme_colour *c)
{
	switch (c->kind) {
	case THEME_COLOUR_INDEX:
		return c->index;
	case THEME_COLOUR_RGB:
		return theme_colour_nearest(c);
	default:
		return -1;
	}
}

/* A theme that gives every element the terminal's own colours (mono)
 * needs no colour at all: drawing it in attributes only keeps even the
 * "default colour" escapes off the terminal. */
static bool colourless(const struct theme *theme)
{
	int e;

	for (e = 0; e < THEME_ELEMENT_COUNT; e++)
		if (palette_of(&theme->styles[e].fg) >= 0 || palette_of(&theme->styles[e].bg) >= 0)
			return false;
	return true;
}

enum color_mode colors_init(const struct theme *theme, bool no_color)
{
	bool have_default;
	int e;

	for (e = 0; e < THEME_ELEMENT_COUNT; e++)
		element_attr[e] = theme ? colors_curses_attrs(theme->styles[e].mono) : A_NORMAL;
	mode = COLOR_MODE_MONO;
	if (!theme || no_color || colourless(theme) || !has_colors() || start_color() == ERR ||
	    COLORS < 8)
		return mode;
	have_default = use_default_colors() == OK;
	mode = COLORS >= 256 ? COLOR_MODE_256 : COLORS >= 16 ? COLOR_MODE_16 : COLOR_MODE_8;
	for (e = 0; e < THEME_ELEMENT_COUNT && e + 1 < COLOR_PAIRS; e++) {
		const struct theme_style *s = &theme->styles[e];
		bool bold = false, unused;
		int fg = colors_fit(palette_of(&s->fg), COLORS, &bold);
		int bg = colors_fit(palette_of(&s->bg), COLORS, &unused);

		if (!have_default) {
			if (fg < 0)
				fg = COLOR_WHITE;
			if (bg < 0)
				bg = COLOR_BLACK;
		}
		if (init_pair((short)(e + 1), (short)fg, (short)bg) == ERR)
			continue; /* keeps the mono look */
		element_attr[e] = colors_curses_attrs(s->attrs) | COLOR_PAIR(e + 1) | (bold ? A_BOLD : A_NORMAL);
	}
	return mode;
}

attr_t colors_attr(enum theme_element e)
{
	return e >= 0 && e < THEME_ELEMENT_COUNT ? element_attr[e] : A_NORMAL;
}

enum color_mode colors_mode(void)
{
	return mode;
}
