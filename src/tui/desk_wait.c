/* desk_wait.c - wait for another writer, say so, let the user stop. */
#include "desk_wait.h"

#include <stdio.h>

#include "coselldesk/store.h"
#include "console.h"
#include "display.h"
#include "input.h"
#include "job.h"
#include "signals.h"

/* The store calls this between short sleeps while another connection
 * holds the write lock. Nonzero: wait on. */
static int wait_step(void *ctx, long waited_ms)
{
	struct console *c = ctx;
	char text[CONSOLE_MESSAGE_MAX], job[96];

	if (signals_stop_requested())
		return 0;               /* the write fails; the loop then leaves */
	job_drain(c);
	if (waited_ms < DESK_WAIT_QUIET_MS)
		return 1;
	if (input_stop_pressed())
		return 0;               /* the caller says "busy"; its edit stays */
	job_progress_text(c, job, sizeof(job));
	if (job_running(c))
		snprintf(text, sizeof(text), "waiting for the desk: this console's %s is writing "
			 "(%ld s; %s; Esc stops waiting)", c->job.what, waited_ms / 1000, job);
	else
		snprintf(text, sizeof(text), "waiting for the desk: another process is writing "
			 "(%ld s; Esc stops waiting)", waited_ms / 1000);
	display_notice(c, text);
	return 1;
}

void desk_wait_install(struct console *c)
{
	if (c->store)
		store_set_busy_wait(c->store, wait_step, c);
}

void desk_wait_remove(struct console *c)
{
	if (c->store)
		store_set_busy_wait(c->store, NULL, NULL);
}
