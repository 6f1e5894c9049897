/* dash_chart.c - gauge, dial scale and chart bars, in cells of stdscr. */
#include "dash_chart.h"

#include <math.h>
#include <stdbool.h>

#include "colors.h"
#include "draw.h"

int dash_scale_col(int x, int width, double lo, double hi, double value)
{
	double share;

	if (width <= 1 || hi <= lo)
		return x;
	share = (value - lo) / (hi - lo);
	if (share < 0)
		share = 0;
	if (share > 1)
		share = 1;
	return x + (int)lround(share * (width - 1));
}

/* One cell with one glyph. */
static void put(int y, int x, const char *glyph, enum theme_element e)
{
	draw_text(y, x, 1, glyph, colors_attr(e));
}

void dash_gauge(int y, int x, int width, double value, double full, const double *marks,
		int n_marks)
{
	int filled, i;
	bool over = value > full;

	if (width < 1)
		return;
	if (full <= 0)
		filled = value > 0 ? width : 0;
	else
		filled = over ? width : (int)lround(value / full * width);
	/* something used shows at least one cell; a little free room, one dot */
	if (filled == 0 && value > 0)
		filled = 1;
	if (filled == width && !over && value < full)
		filled = width - 1;
	for (i = 0; i < width; i++)
		put(y, x + i, i < filled ? "#" : ".", i < filled ? THEME_GAUGE_FILL : THEME_GAUGE_EMPTY);
	for (i = 0; i < n_marks; i++) {
		int col = x + (int)lround(marks[i] * width);

		if (col > x && col < x + width)
			put(y, col, "|", col - x < filled ? THEME_GAUGE_FILL : THEME_BORDER);
	}
	if (over)
		put(y, x + width - 1, ">", THEME_GAUGE_FILL);
}

int dash_dial(int y, int x, int width, int lo, int hi, int band_low, int band_high, int bar)
{
	int i, col;

	for (i = 0; i < width; i++)
		put(y, x + i, "-", THEME_GAUGE_EMPTY);
	if (band_high >= band_low) {
		int from = dash_scale_col(x, width, lo, hi, band_low);
		int to = dash_scale_col(x, width, lo, hi, band_high);

		for (col = from; col <= to; col++)
			put(y, col, "=", THEME_GAUGE_FILL);
	}
	col = dash_scale_col(x, width, lo, hi, bar);
	put(y, col, "|", THEME_TITLE);
	return col;
}

void dash_bar(int y, int x, int width, double share)
{
	int n, i;

	if (share < 0)
		share = 0;
	if (share > 1)
		share = 1;
	n = (int)lround(share * width);
	if (n == 0 && share > 0)
		n = 1;
	for (i = 0; i < n; i++)
		put(y, x + i, "#", THEME_CHART_BAR);
}
