/* mouse.h - the mouse, when asked for: wheel scroll, click to select.
 *
 * Off by default (ui.mouse = false): capturing the mouse takes the
 * terminal's own text selection away (Shift-drag still selects in most
 * terminals). `:mouse on|off` (no argument toggles) changes it for the
 * session; curses' mousemask is set only while it is on, so with it off
 * the terminal is never asked to report the mouse at all.
 *
 * While on: the wheel moves the cursor MOUSE_WHEEL_ROWS rows in any view
 * (move-up/move-down requests, so it follows the view's own rules), a
 * click on a row of a list selects it and a double click opens it (the
 * view's mouse hook, views.h); clicks elsewhere are ignored.
 */
#ifndef COSELLDESK_TUI_MOUSE_H
#define COSELLDESK_TUI_MOUSE_H

#include <stdbool.h>

#define MOUSE_WHEEL_ROWS 3

struct console;

/* Turn capture on or off. Returns 0, or -1 when the terminal cannot
 * report the mouse (capture stays off; c->mouse says which). */
int mouse_enable(struct console *c, bool on);

/* A KEY_MOUSE arrived: read the event and act on it. */
void mouse_event(struct console *c);

/* `:mouse [on|off]`. */
void mouse_command(struct console *c, const char *arg);

#endif
