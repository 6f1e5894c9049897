/* keytime.c - key-to-repaint times of the console, for the benchmark.
 *
 * Linked into a copy of the console (build/.../coselldesk-keytime) with
 * -Wl,--wrap=input_next: every place the console waits for a key (its
 * loop, a prompt, a form question) calls __wrap_input_next instead. The
 * console handles a key completely, repaint included, before it asks for
 * the next one (input.h), so the time from handing out a key to the next
 * call is that key's key-to-repaint time. The first call comes right after
 * the first paint: its distance from the process start (a constructor) is
 * the console's own start-up.
 *
 * BENCH_KEYTIMES=FILE gets, at exit, "start US" then one line per key or
 * :command handed out: "INDEX US" (microseconds, INDEX counts from 0 in
 * script order). Without it nothing is recorded. The console itself is
 * unchanged: the same objects, linked with this file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "input.h"

#define MAX_EVENTS 100000

enum input_event __real_input_next(int timeout_ms, int *key, const char **command);
enum input_event __wrap_input_next(int timeout_ms, int *key, const char **command);

static struct timespec started, handed;
static long long start_us = -1;
static long long *times;
static long count, pending = -1;

static long long us_between(const struct timespec *a, const struct timespec *b)
{
	return (long long)(b->tv_sec - a->tv_sec) * 1000000LL + (b->tv_nsec - a->tv_nsec) / 1000;
}

static void write_times(void)
{
	const char *path = getenv("BENCH_KEYTIMES");
	FILE *f;

	if (!path || !times)
		return;
	f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "start %lld\n", start_us);
	for (long i = 0; i < count; i++)
		fprintf(f, "%ld %lld\n", i, times[i]);
	fclose(f);
}

__attribute__((constructor)) static void keytime_start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &started);
	if (getenv("BENCH_KEYTIMES")) {
		times = calloc(MAX_EVENTS, sizeof *times);
		atexit(write_times);
	}
}

enum input_event __wrap_input_next(int timeout_ms, int *key, const char **command)
{
	struct timespec now;
	enum input_event ev;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (start_us < 0)
		start_us = us_between(&started, &now);
	if (pending >= 0 && times && pending < MAX_EVENTS)
		times[pending] = us_between(&handed, &now);
	pending = -1;
	ev = __real_input_next(timeout_ms, key, command);
	if (ev == INPUT_KEY || ev == INPUT_COMMAND) {
		clock_gettime(CLOCK_MONOTONIC, &handed);
		pending = count < MAX_EVENTS ? count : -1;
		count++;
	}
	return ev;
}
