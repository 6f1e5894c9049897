/* form_ask.c - one-key questions (see form_ask.h). */
#include "form_ask.h"

#include <string.h>

#include "command.h"
#include "console.h"
#include "display.h"
#include "input.h"
#include "keys.h"
#include "signals.h"

int form_ask_key(struct console *c, const char *question)
{
	int answer = -1;

	for (;;) {
		enum input_event ev;
		const char *command = NULL;
		int key = 0;

		if (signals_stop_requested()) {
			c->quit = true;
			break;
		}
		/* set again each turn: a save-display or a refresh may have
		 * written over the message line */
		console_message(c, "%s", question);
		display_draw(c);
		ev = input_next(c->poll_ms, &key, &command);
		if (ev == INPUT_COMMAND) {
			/* a script may photograph the question; any other line
			 * is typed, as at the prompt */
			if (!strncmp(command, "save-display", 12))
				command_run(c, command);
			else
				input_type_command();
			continue;
		}
		if (ev == INPUT_END) {
			c->quit = true;
			break;
		}
		if (ev == INPUT_TIMEOUT) {
			console_poll_data(c);
			continue;
		}
		if (ev == INPUT_RESIZE) {
			console_layout(c);
			continue;
		}
		answer = key;
		break;
	}
	c->message[0] = '\0';
	c->message_is_error = false;
	c->dirty = true;
	return answer;
}

bool form_ask_yes(struct console *c, const char *question)
{
	for (;;) {
		int key = form_ask_key(c, question);

		if (key == 'y' || key == 'Y' || key == KEYS_ENTER)
			return true;
		if (key < 0 || key == 'n' || key == 'N' || key == KEYS_ESC || key == KEYS_CTRL('g'))
			return false;
	}
}
