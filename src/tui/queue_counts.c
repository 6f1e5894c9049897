/* queue_counts.c - the queue's counts on a worker thread (queue_counts.h).
 *
 * One question slot, guarded by a mutex: the console writes the latest
 * question into it and wakes the worker; the worker copies it out, counts,
 * and writes the answer, tagged with the question's number, to a pipe in
 * one write (smaller than PIPE_BUF, so never split). The console keeps
 * only the answer to the latest question. Why a thread and not a child
 * process: job.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "coselldesk/policy.h"
#include "input.h"
#include "job.h"
#include "queue_counts.h"

#define COUNTER_CACHE_MB 4   /* counting walks indexes once: little to keep */

enum { T_POD, T_PARTNER, T_OWNER, T_AE, T_TEXT, T_QUERY, T_COUNT };

/* A filter with its own copies of the texts it points to. */
struct question {
	struct queue_filter filter;
	char *text[T_COUNT];
	long long arrived_after;
};

struct answer {
	unsigned long id;
	int rc;                      /* enum store_status */
	struct queue_tally tally;
	char error[STORE_MSG_SIZE];
};

struct queue_counter {
	/* guarded by lock */
	pthread_mutex_t lock;
	pthread_cond_t wake;
	struct question asked;       /* the latest question */
	unsigned long asked_id;      /* its number (0: none yet) */
	unsigned long taken_id;      /* the one the worker took last */
	bool counting;               /* the worker is counting taken_id */
	bool stopping;
	/* the worker's */
	pthread_t thread;
	struct store *st;            /* its own handle on the desk (NULL: could not open);
	                              * set under lock, once */
	char open_error[STORE_MSG_SIZE]; /* why not */
	int out;                     /* write end of the answer pipe */
	/* what the worker opens the desk with (copied: the console's may change) */
	char *path;
	struct desk_policy policy;
	long long now;               /* a pinned clock; 0 the system's */
	/* the console's */
	int in;                      /* read end (non-blocking) */
	unsigned long answered_id;   /* the last question answered */
	unsigned char inbox[sizeof(struct answer)];
	size_t inbox_used;
	queue_counts_fn done;
	void *ctx;
};

/* ---- questions ------------------------------------------------------------- */

static const char **text_field(struct queue_filter *f, int i)
{
	switch (i) {
	case T_POD: return &f->pod;
	case T_PARTNER: return &f->partner;
	case T_OWNER: return &f->owner;
	case T_AE: return &f->ae;
	case T_TEXT: return &f->text;
	default: return &f->query;
	}
}

static void question_free(struct question *q)
{
	int i;

	for (i = 0; i < T_COUNT; i++)
		free(q->text[i]);
	memset(q, 0, sizeof(*q));
}

/* *to = a copy of filter and its texts; false when out of memory. */
static bool question_set(struct question *to, const struct queue_filter *filter,
			 long long arrived_after)
{
	int i;

	question_free(to);
	to->filter = *filter;
	to->arrived_after = arrived_after;
	for (i = 0; i < T_COUNT; i++) {
		const char **field = text_field(&to->filter, i);

		if (!*field)
			continue;
		to->text[i] = strdup(*field);
		if (!to->text[i]) {
			question_free(to);
			return false;
		}
		*field = to->text[i];
	}
	return true;
}

/* ---- counting -------------------------------------------------------------- */

typedef bool (*stale_fn)(void *ctx);

static enum store_status count_all(struct store *st, const struct queue_filter *filter,
				   long long arrived_after, struct queue_tally *out,
				   stale_fn stale, void *ctx)
{
	struct queue_filter f = *filter;
	struct store_counts all;
	enum store_status rc;

	memset(out, 0, sizeof(*out));
	rc = store_counts(st, NULL, &all);
	if (rc != STORE_OK)
		return rc;
	out->open = all.open;
	rc = store_queue_count(st, filter, &out->shown);
	if (rc != STORE_OK || (stale && stale(ctx)))
		return rc != STORE_OK ? rc : STORE_INTERRUPTED;
	f.gate = 1;
	rc = store_queue_count(st, &f, &out->over_bar);
	if (rc != STORE_OK || (stale && stale(ctx)))
		return rc != STORE_OK ? rc : STORE_INTERRUPTED;
	f.gate = 0;
	f.sla_breached = 1;
	rc = store_queue_count(st, &f, &out->breached);
	if (rc != STORE_OK || arrived_after <= 0 || (stale && stale(ctx)))
		return rc != STORE_OK || arrived_after <= 0 ? rc : STORE_INTERRUPTED;
	f = *filter;
	f.arrived_after = arrived_after;
	return store_queue_count(st, &f, &out->changed);
}

enum store_status queue_counts_now(struct store *st, const struct queue_filter *filter,
				   long long arrived_after, struct queue_tally *out)
{
	return count_all(st, filter, arrived_after, out, NULL, NULL);
}

/* ---- the worker ------------------------------------------------------------ */

static bool superseded(void *ctx)
{
	struct queue_counter *k = ctx;
	bool yes;

	pthread_mutex_lock(&k->lock);
	yes = k->stopping || k->asked_id != k->taken_id;
	pthread_mutex_unlock(&k->lock);
	return yes;
}

/* The worker's own read-only handle, opened on its thread so the console's
 * first paint does not wait for it. */
static struct store *open_desk(struct queue_counter *k)
{
	struct store_options opt;
	struct store *st = NULL;

	memset(&opt, 0, sizeof(opt));
	opt.read_only = 1;
	opt.cache_mb = COUNTER_CACHE_MB;
	opt.policy = &k->policy;
	if (store_open(k->path, &opt, &st, k->open_error, sizeof(k->open_error)) != STORE_OK)
		return NULL;
	if (k->now)
		store_set_now(st, k->now);
	return st;
}

static void *counter_thread(void *arg)
{
	struct queue_counter *k = arg;
	struct question q;
	struct answer a;
	struct store *st = open_desk(k);

	memset(&q, 0, sizeof(q));
	pthread_mutex_lock(&k->lock);
	k->st = st;
	pthread_mutex_unlock(&k->lock);
	for (;;) {
		bool copied;

		pthread_mutex_lock(&k->lock);
		while (!k->stopping && k->asked_id == k->taken_id)
			pthread_cond_wait(&k->wake, &k->lock);
		if (k->stopping) {
			pthread_mutex_unlock(&k->lock);
			break;
		}
		copied = question_set(&q, &k->asked.filter, k->asked.arrived_after);
		k->taken_id = k->asked_id;
		k->counting = true;
		pthread_mutex_unlock(&k->lock);

		memset(&a, 0, sizeof(a));
		a.id = k->taken_id;
		if (!st) {
			a.rc = STORE_IO;
			snprintf(a.error, sizeof(a.error), "%s", k->open_error);
		} else if (copied) {
			a.rc = count_all(st, &q.filter, q.arrived_after, &a.tally, superseded, k);
			if (a.rc != STORE_OK)
				snprintf(a.error, sizeof(a.error), "%s", store_errmsg(st));
		} else {
			a.rc = STORE_INTERNAL;
			snprintf(a.error, sizeof(a.error), "out of memory");
		}
		pthread_mutex_lock(&k->lock);
		k->counting = false;
		pthread_mutex_unlock(&k->lock);
		/* a stale answer goes too: the console drops it by number;
		 * a closed read end (the console stopping) ends the writes */
		while (write(k->out, &a, sizeof(a)) < 0 && errno == EINTR)
			;
	}
	question_free(&q);
	return NULL;
}

/* ---- the console's side ----------------------------------------------------- */

/* input_watch: answers are waiting in the pipe. */
static void counts_ready(void *ctx)
{
	struct queue_counter *k = ctx;

	for (;;) {
		ssize_t n = read(k->in, k->inbox + k->inbox_used, sizeof(k->inbox) - k->inbox_used);
		struct answer a;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		k->inbox_used += (size_t)n;
		if (k->inbox_used < sizeof(k->inbox))
			continue;
		memcpy(&a, k->inbox, sizeof(a));
		k->inbox_used = 0;
		a.error[sizeof(a.error) - 1] = '\0';
		if (a.id != k->asked_id)
			continue;    /* an answer to an older question */
		k->answered_id = a.id;
		input_watch(k->in, NULL, NULL);
		k->done(k->ctx, (enum store_status)a.rc, &a.tally, a.error);
	}
}

struct queue_counter *queue_counts_start(struct store *st, queue_counts_fn done, void *ctx)
{
	struct queue_counter *k;
	sigset_t all, old;
	int fds[2], rc;

	if (!st || !store_path(st) || !*store_path(st) || !strcmp(store_path(st), ":memory:"))
		return NULL;
	k = calloc(1, sizeof(*k));
	if (!k)
		return NULL;
	k->path = strdup(store_path(st));
	k->policy = *store_policy(st);
	k->now = job_pinned_now(st);
	if (!k->path || pipe(fds) < 0) {
		free(k->path);
		free(k);
		return NULL;
	}
	/* an editor or a child started later must not hold the pipe open */
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
	k->in = fds[0];
	k->out = fds[1];
	k->done = done;
	k->ctx = ctx;
	pthread_mutex_init(&k->lock, NULL);
	pthread_cond_init(&k->wake, NULL);
	/* signals belong to the console's thread (job.h) */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&k->thread, NULL, counter_thread, k);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		pthread_cond_destroy(&k->wake);
		pthread_mutex_destroy(&k->lock);
		close(fds[0]);
		close(fds[1]);
		free(k->path);
		free(k);
		return NULL;
	}
	return k;
}

void queue_counts_ask(struct queue_counter *k, const struct queue_filter *filter,
		      long long arrived_after)
{
	pthread_mutex_lock(&k->lock);
	if (!question_set(&k->asked, filter, arrived_after)) {
		/* no memory for the copy: ask the whole open queue instead of
		 * leaving an old question's texts behind */
		struct queue_filter open_queue;

		memset(&open_queue, 0, sizeof(open_queue));
		open_queue.states = STORE_STATES_OPEN;
		open_queue.score_min = open_queue.score_max = -1;
		question_set(&k->asked, &open_queue, 0);
	}
	k->asked_id++;
	if (k->counting && k->st)
		store_interrupt(k->st);
	pthread_cond_signal(&k->wake);
	pthread_mutex_unlock(&k->lock);
	input_watch(k->in, counts_ready, k);
}

bool queue_counts_pending(const struct queue_counter *k)
{
	return k && k->answered_id != k->asked_id;
}

void queue_counts_stop(struct queue_counter *k)
{
	if (!k)
		return;
	/* the read end first: a worker blocked writing an answer nobody
	 * will read gets EPIPE (its signals are blocked) and goes on */
	input_watch(k->in, NULL, NULL);
	close(k->in);
	pthread_mutex_lock(&k->lock);
	k->stopping = true;
	if (k->counting && k->st)
		store_interrupt(k->st);
	pthread_cond_signal(&k->wake);
	pthread_mutex_unlock(&k->lock);
	pthread_join(k->thread, NULL);
	close(k->out);
	question_free(&k->asked);
	pthread_cond_destroy(&k->wake);
	pthread_mutex_destroy(&k->lock);
	store_close(k->st, NULL, 0);
	free(k->path);
	free(k);
}
