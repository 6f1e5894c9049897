/* form_ask.c - one-key questions (see form_ask.h). */
#include "form_ask.h"

#include "console.h"
#include "keys.h"
#include "modal.h"

int form_ask_key(struct console *c, const char *question)
{
	int key = 0;
	int answer = modal_next_key(c, question, &key) ? key : -1;

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
