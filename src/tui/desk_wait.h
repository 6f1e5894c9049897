/* desk_wait.h - the console's writes wait for the desk, and say so.
 *
 * Every write is one BEGIN IMMEDIATE transaction, and another process may
 * hold the desk's write lock for long: a batch import is one transaction.
 * A batch command gives up after busy_timeout (exit 75); the console
 * instead waits as long as it takes (store_set_busy_wait), so an edit is
 * never refused for it. After a moment the message line says
 *   waiting for the desk: another process is writing (12 s; Esc stops waiting)
 * and counts. Esc (or C-g, C-c) stops waiting: that one write fails with
 * "busy" and changes nothing, and the edit stays where it was typed (the
 * form keeps its points) to save again. A stop signal ends the wait too.
 *
 * While it waits nothing else runs, so only the message line is painted,
 * never a view: views read the store, and the store is inside the write.
 * The console's own background job may be the writer: its reports are read
 * meanwhile (job_drain), so the worker never blocks on a full pipe while
 * the console waits for the lock it holds.
 */
#ifndef COSELLDESK_TUI_DESK_WAIT_H
#define COSELLDESK_TUI_DESK_WAIT_H

struct console;

#define DESK_WAIT_QUIET_MS 300   /* a wait shorter than this goes unmentioned */

/* Make the console's store wait this way (no-op without a store). */
void desk_wait_install(struct console *c);

/* Put the store's busy_timeout back (the console is leaving; the store
 * outlives it). */
void desk_wait_remove(struct console *c);

#endif
