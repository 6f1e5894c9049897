/* queue_counts.h - the queue's status-bar counts, taken off the key path.
 *
 * Counting the rows of a limit is a walk over every matching intro: at a
 * million intros a limit such as `tier:1` or `score>=70` costs a few
 * hundred milliseconds, which no key may wait for. The page itself is a
 * keyset walk of one screen and stays on the key path; the counts (shown,
 * over the bar, past the SLA, changed since the last look) are taken by a
 * worker thread on its own read-only handle of the desk (WAL: it never
 * waits for a writer and no writer waits for it), and arrive a moment
 * after the page. Asking again (another limit, a data change) interrupts
 * a count still running: only the latest question is answered. The
 * result comes back through a pipe the console watches with the keyboard
 * (input_watch), so the console repaints as it arrives; from a script the
 * watch is drained before the next line, so scripted screens always show
 * the counts.
 *
 * A desk the worker cannot open on its own (an in-memory desk, a file
 * removed meanwhile) is counted on the console's thread instead, as
 * before: slower at a million intros, never wrong.
 */
#ifndef COSELLDESK_TUI_QUEUE_COUNTS_H
#define COSELLDESK_TUI_QUEUE_COUNTS_H

#include <stdbool.h>

#include "coselldesk/store.h"

struct queue_counter;   /* the worker and its pipe; opaque */

/* What the status bar shows about the queue. */
struct queue_tally {
	long open;        /* open intros in the desk (trigger-kept tally) */
	long shown;       /* rows matching the limit */
	long over_bar;    /* of those, scored at or over the bar */
	long breached;    /* of those, past their SLA */
	long changed;     /* of those, arrived after the mark asked (0: not asked) */
};

/* Called on the console's thread with the answer to the latest question:
 * rc STORE_OK and the tally, or the error and its message. */
typedef void (*queue_counts_fn)(void *ctx, enum store_status rc, const struct queue_tally *t,
				const char *error);

/* Start a counter for the desk st has open, answering through done(ctx).
 * NULL when no worker can be started (the caller then counts with
 * queue_counts_now). */
struct queue_counter *queue_counts_start(struct store *st, queue_counts_fn done, void *ctx);

/* Ask for the counts of filter (copied, texts included) and, when
 * arrived_after > 0, of its intros that arrived after that mark
 * (store_intro_arrival_mark). A question still being answered is
 * dropped. */
void queue_counts_ask(struct queue_counter *k, const struct queue_filter *filter,
		      long long arrived_after);

/* A question is waiting for its answer. */
bool queue_counts_pending(const struct queue_counter *k);

/* Stop the worker (a running count is interrupted) and free k. NULL is fine. */
void queue_counts_stop(struct queue_counter *k);

/* The same counts on the calling thread, on st. */
enum store_status queue_counts_now(struct store *st, const struct queue_filter *filter,
				   long long arrived_after, struct queue_tally *out);

#endif
