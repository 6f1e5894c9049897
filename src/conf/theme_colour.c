/* theme_colour.c - names of elements, attributes and colours. */
#include "coselldesk/theme.h"
#include "conf_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const element_names[THEME_ELEMENT_COUNT] = {
#define THEME_ELEMENT_NAME_(id, name, help) [THEME_##id] = name,
	THEME_ELEMENTS(THEME_ELEMENT_NAME_)
#undef THEME_ELEMENT_NAME_
};

static const char *const element_helps[THEME_ELEMENT_COUNT] = {
#define THEME_ELEMENT_HELP_(id, name, help) [THEME_##id] = help,
	THEME_ELEMENTS(THEME_ELEMENT_HELP_)
#undef THEME_ELEMENT_HELP_
};

static const char *const attr_names[THEME_ATTR_COUNT] = {
#define THEME_ATTR_NAME_(id, name) [THEME_ATTR_INDEX_##id] = name,
	THEME_ATTRS(THEME_ATTR_NAME_)
#undef THEME_ATTR_NAME_
};

/* The eight ANSI colours; "bright" + a name is the same index + 8. */
static const char *const ansi_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

const char *theme_element_name(enum theme_element e)
{
	return (unsigned)e < THEME_ELEMENT_COUNT ? element_names[e] : NULL;
}

const char *theme_element_help(enum theme_element e)
{
	return (unsigned)e < THEME_ELEMENT_COUNT ? element_helps[e] : NULL;
}

int theme_element_from_name(const char *name)
{
	return conf_name_index(name, element_names, THEME_ELEMENT_COUNT);
}

const char *theme_attr_name(enum theme_attr_index i)
{
	return (unsigned)i < THEME_ATTR_COUNT ? attr_names[i] : NULL;
}

static int hex_digit(int c)
{
	return isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

int theme_colour_parse(const char *text, struct theme_colour *out)
{
	struct theme_colour c = { THEME_COLOUR_DEFAULT, -1, 0 };

	if (!text)
		return -1;
	if (strcmp(text, "default") == 0) {
		*out = c;
		return 0;
	}
	for (int i = 0; i < 8; i++) {
		int bright = strncmp(text, "bright", 6) == 0;

		if (strcmp(text + (bright ? 6 : 0), ansi_names[i]) == 0) {
			c.kind = THEME_COLOUR_INDEX;
			c.index = i + (bright ? 8 : 0);
			*out = c;
			return 0;
		}
	}
	if (strncmp(text, "color", 5) == 0) {
		const char *d = text + 5;
		size_t n = strlen(d);

		if (n < 1 || n > 3 || strspn(d, "0123456789") != n || (n > 1 && d[0] == '0'))
			return -1;
		c.index = atoi(d);
		if (c.index > 255)
			return -1;
		c.kind = THEME_COLOUR_INDEX;
		*out = c;
		return 0;
	}
	if (text[0] == '#' && strlen(text) == 7) {
		unsigned long rgb = 0;

		for (int i = 1; i < 7; i++) {
			int v = hex_digit((unsigned char)text[i]);

			if (v < 0)
				return -1;
			rgb = rgb << 4 | (unsigned long)v;
		}
		c.kind = THEME_COLOUR_RGB;
		c.rgb = rgb;
		*out = c;
		return 0;
	}
	return -1;
}

/* The xterm 256-colour cube: six levels per channel. */
static const int cube_level[6] = { 0, 95, 135, 175, 215, 255 };

static long distance(int r1, int g1, int b1, int r2, int g2, int b2)
{
	long dr = r1 - r2, dg = g1 - g2, db = b1 - b2;

	return dr * dr + dg * dg + db * db;
}

static int nearest_level(int v)
{
	int best = 0;

	for (int i = 1; i < 6; i++)
		if (abs(cube_level[i] - v) < abs(cube_level[best] - v))
			best = i;
	return best;
}

int theme_colour_nearest(const struct theme_colour *c)
{
	int r, g, b, ri, gi, bi, gray, gray_v, cube;

	if (!c || c->kind == THEME_COLOUR_DEFAULT)
		return -1;
	if (c->kind == THEME_COLOUR_INDEX)
		return c->index;
	r = (int)(c->rgb >> 16 & 0xff);
	g = (int)(c->rgb >> 8 & 0xff);
	b = (int)(c->rgb & 0xff);
	ri = nearest_level(r);
	gi = nearest_level(g);
	bi = nearest_level(b);
	cube = 16 + 36 * ri + 6 * gi + bi;
	/* the gray ramp 232-255 runs 8, 18, ... 238 */
	gray = (r + g + b) / 3 < 8 ? 0 : ((r + g + b) / 3 - 8 + 5) / 10;
	if (gray > 23)
		gray = 23;
	gray_v = 8 + 10 * gray;
	if (distance(r, g, b, gray_v, gray_v, gray_v) <
	    distance(r, g, b, cube_level[ri], cube_level[gi], cube_level[bi]))
		return 232 + gray;
	return cube;
}
