/* desk_watch.h - notice another process's commit at once, not at the next
 * poll.
 *
 * A commit to a desk in WAL mode writes its -wal file. On Linux an inotify
 * watch on that file wakes the console's input loop, which then asks the
 * store for its data version as on any tick (console_poll_data) and
 * refreshes when another connection committed. The commit becomes visible
 * a moment after its last write to the file (when the writer updates the
 * shared index, which raises no event), so after a wake the loop polls
 * every 20 ms for 300 ms, or until it sees the change, then goes back to
 * its usual interval. The 500 ms poll stays as the fallback (other
 * systems, a -wal file that is not there yet, a script, whose refreshes
 * must not depend on timing).
 */
#ifndef COSELLDESK_TUI_DESK_WATCH_H
#define COSELLDESK_TUI_DESK_WATCH_H

#include <stdbool.h>

struct console;

/* Start watching the console's desk. Returns whether it could. */
bool desk_watch_start(struct console *c);

/* Whether a write to the desk wakes the console (else it polls). */
bool desk_watch_active(void);

/* After each data-version poll: changed is whether it found another
 * connection's commit. Ends the quick polls a wake started. */
void desk_watch_polled(struct console *c, bool changed);

/* Stop watching (safe when not started). */
void desk_watch_stop(struct console *c);

#endif
