/* display.h - the terminal: start, stop, paint, save as text.
 *
 * Layout, top to bottom: the view's area, the status bar (one row), the
 * message line (one row; the prompt when one is open). Below the minimum
 * size (ui.min_cols x ui.min_rows) only a "needs at least WxH" screen is
 * drawn, and nothing is drawn outside the terminal whatever its size.
 *
 * COSELLDESK_NO_DISPLAY=1 renders into an off-screen terminal: curses
 * writes to /dev/null, the size comes from $COLUMNS/$LINES (default 80x24)
 * and the terminal type from $TERM (default xterm-256color); the screen is
 * read back with display_save() (`:save-display FILE`).
 */
#ifndef COSELLDESK_TUI_DISPLAY_H
#define COSELLDESK_TUI_DISPLAY_H

#include <stdbool.h>
#include <stddef.h>

struct console;

/* Start curses on the terminal (or off screen). Installs the signal
 * handlers first (signals.h). Returns 0, or -1 with the reason in err and
 * the terminal untouched. */
int display_init(struct console *c, bool no_display, char *err, size_t err_size);

/* Restore the terminal. Safe to call twice, and when init failed. */
void display_done(void);

/* Whether curses is running. */
bool display_active(void);

/* Paint everything and update the terminal. */
void display_draw(struct console *c);

/* The descriptor curses reads keys from (-1 when not running), for a
 * loop that waits on it together with another (input_watch). */
int display_input_fd(void);

/* Paint text on the message line at once and nothing else (no view is
 * drawn: for a notice from inside a long call, while the views' data may
 * not be read). c->message is left alone; the next display_draw repaints
 * the line (an open prompt's too). Nothing on the too-small screen. */
void display_notice(struct console *c, const char *text);

/* Rows and columns of the terminal now. */
void display_size(int *rows, int *cols);

/* Change the size of the off-screen terminal (`:resize 40x10` in scripts);
 * on a real terminal the terminal decides. Returns 0 or -1 with err. */
int display_resize(int rows, int cols, char *err, size_t err_size);

/* Write the screen as text, one line per row, trailing blanks trimmed.
 * Returns 0, or -1 with the reason in err. */
int display_save(const char *path, char *err, size_t err_size);

#endif
