/* desk_watch.c - a commit elsewhere wakes the console (see desk_watch.h). */
#include "desk_watch.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "coselldesk/store.h"
#include "console.h"
#include "input.h"

#define QUICK_POLL_MS 20
#define QUICK_WINDOW_MS 300

#ifdef __linux__
#include <sys/inotify.h>

static int watch_fd = -1;
static int usual_poll_ms;        /* the console's interval, while polling quickly */
static long long quick_until;    /* when the quick polls end (ms, monotonic) */

static long long now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* input_watch: the -wal file was written. Drain the events and poll
 * quickly for a while; the loop polls the data version at once (input_next
 * returns a tick). */
static void wal_written(void *ctx)
{
	struct console *c = ctx;
	char buf[4096];

	while (read(watch_fd, buf, sizeof buf) > 0)
		;
	if (!usual_poll_ms) {
		usual_poll_ms = c->poll_ms;
		c->poll_ms = QUICK_POLL_MS;
	}
	quick_until = now_ms() + QUICK_WINDOW_MS;
}

bool desk_watch_active(void)
{
	return watch_fd >= 0;
}

void desk_watch_polled(struct console *c, bool changed)
{
	if (usual_poll_ms && (changed || now_ms() >= quick_until)) {
		c->poll_ms = usual_poll_ms;
		usual_poll_ms = 0;
	}
}

bool desk_watch_start(struct console *c)
{
	char wal[4096];
	const char *path = c->store ? store_path(c->store) : NULL;
	int n;

	if (watch_fd >= 0 || !path || input_scripted())
		return false;
	n = snprintf(wal, sizeof wal, "%s-wal", path);
	if (n < 0 || (size_t)n >= sizeof wal)
		return false;
	watch_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (watch_fd < 0)
		return false;
	/* a checkpoint that restarts the log writes it too: that costs one
	 * data-version read, which finds nothing new */
	if (inotify_add_watch(watch_fd, wal, IN_MODIFY) < 0) {
		close(watch_fd);
		watch_fd = -1;
		return false;
	}
	input_watch(watch_fd, wal_written, c);
	return true;
}

void desk_watch_stop(struct console *c)
{
	if (usual_poll_ms) {
		c->poll_ms = usual_poll_ms;
		usual_poll_ms = 0;
	}
	if (watch_fd < 0)
		return;
	input_watch(watch_fd, NULL, NULL);
	close(watch_fd);
	watch_fd = -1;
}

#else

bool desk_watch_start(struct console *c)
{
	(void)c;
	return false;
}

bool desk_watch_active(void)
{
	return false;
}

void desk_watch_polled(struct console *c, bool changed)
{
	(void)c;
	(void)changed;
}

void desk_watch_stop(struct console *c)
{
	(void)c;
}

#endif
