/* modal.c - keys for a view that holds the keyboard (see modal.h). */
#include "modal.h"

#include <string.h>

#include "command.h"
#include "console.h"
#include "display.h"
#include "input.h"
#include "signals.h"

bool modal_next_key(struct console *c, const char *message, int *key)
{
	for (;;) {
		const char *command = NULL;
		enum input_event ev;

		if (signals_stop_requested())
			break;
		if (message)
			console_message(c, "%s", message);
		display_draw(c);
		ev = input_next(c->poll_ms, key, &command);
		switch (ev) {
		case INPUT_KEY:
			return true;
		case INPUT_COMMAND:
			if (!strncmp(command, "save-display", 12))
				command_run(c, command);
			else
				input_type_command();
			break;
		case INPUT_TIMEOUT:
			console_poll_data(c);
			break;
		case INPUT_RESIZE:
			console_layout(c);
			break;
		case INPUT_END:
			c->quit = true;
			return false;
		}
	}
	c->quit = true;
	return false;
}
