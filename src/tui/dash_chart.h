/* dash_chart.h - the dashboard's drawings: a gauge, the dial's scale, bars.
 *
 * Every part of a drawing has its own glyph as well as its own theme
 * element, so a monochrome terminal (or NO_COLOR) still tells them apart:
 * a gauge fills with '#' over '.', its marks are '|', an overflow ends in
 * '>'; the dial's scale is '-', the recommended band '=', the bar '|';
 * chart bars are '#'.
 */
#ifndef COSELLDESK_TUI_DASH_CHART_H
#define COSELLDESK_TUI_DASH_CHART_H

/* Column of value on a scale from lo (at x) to hi (at x + width - 1). */
int dash_scale_col(int x, int width, double lo, double hi, double value);

/* A gauge of width cells at (y, x): value of full, filled from the left,
 * with a '|' at each of marks[0..n_marks-1] (shares of full) that is not
 * under the fill. A value above full fills it and ends it with '>'. */
void dash_gauge(int y, int x, int width, double value, double full, const double *marks,
		int n_marks);

/* The dial: a scale from lo to hi over width cells, the band band_low ..
 * band_high marked, the bar drawn on top. Returns the bar's column. */
int dash_dial(int y, int x, int width, int lo, int hi, int band_low, int band_high, int bar);

/* One bar of a chart: share (0..1) of width cells of '#'. */
void dash_bar(int y, int x, int width, double share);

#endif
