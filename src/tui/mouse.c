/* mouse.c - wheel and clicks to requests and the view's mouse hook. */
#include "mouse.h"

#include <string.h>
#include <strings.h>

#include "console.h"
#include "input.h"
#include "provide_curses.h"

/* The events asked for: clicks (curses tells a double click from two)
 * and the wheel, which terminals send as buttons 4 and 5. */
#define MOUSE_EVENTS (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED)

int mouse_enable(struct console *c, bool on)
{
	mmask_t got = 0;

	if (!on) {
		mousemask(0, NULL);
		c->mouse = false;
		return 0;
	}
	got = mousemask(MOUSE_EVENTS, NULL);
	c->mouse = got != 0;
	if (!c->mouse) {
		mousemask(0, NULL);
		return -1;
	}
	return 0;
}

static void wheel(struct console *c, enum request r)
{
	struct request_call call = { r, NULL, false };
	int i;

	for (i = 0; i < MOUSE_WHEEL_ROWS; i++)
		console_request(c, &call);
}

void mouse_event(struct console *c)
{
	struct view *v = console_view(c);
	MEVENT ev;

	if (!input_mouse(&ev) || !v || c->too_small)
		return;
	c->dirty = true;
	if (ev.bstate & BUTTON4_PRESSED) {
		wheel(c, REQ_MOVE_UP);
		return;
	}
	if (ev.bstate & BUTTON5_PRESSED) {
		wheel(c, REQ_MOVE_DOWN);
		return;
	}
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED)))
		return;
	/* the status bar and the message line are not rows of a list */
	if (ev.y < v->top || ev.y >= v->top + v->rows || !v->ops->mouse)
		return;
	v->ops->mouse(v, ev.y, ev.x, (ev.bstate & BUTTON1_DOUBLE_CLICKED) != 0);
}

void mouse_command(struct console *c, const char *arg)
{
	bool on;

	if (!arg || !*arg)
		on = !c->mouse;
	else if (!strcasecmp(arg, "on"))
		on = true;
	else if (!strcasecmp(arg, "off"))
		on = false;
	else {
		console_error(c, "mouse: say on or off, not '%s'", arg);
		return;
	}
	if (mouse_enable(c, on) < 0) {
		console_error(c, "mouse: this terminal does not report the mouse");
		return;
	}
	if (c->mouse)
		console_message(c, "mouse on: the wheel scrolls, a click selects, a double click opens "
			       "(Shift-drag selects text)");
	else
		console_message(c, "mouse off: the terminal selects text as usual");
}
