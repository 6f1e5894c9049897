/* job.c - the background job: a worker thread, two pipes, one message. */
#include "job.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "coselldesk/import.h"
#include "coselldesk/settings.h"
#include "coselldesk/store.h"
#include "command.h"
#include "console.h"
#include "input.h"

#define PROGRESS_EVERY_MS 100 /* the worker reports at most this often */

/* ---- the records on the report pipe ------------------------------------- */

enum job_record_type {
	JOB_RECORD_PROGRESS,  /* done of total (and bytes) so far */
	JOB_RECORD_LINE,      /* one problem line: "file:line: column: reason" */
	JOB_RECORD_WAITING,   /* another writer holds the desk: waited so far */
	JOB_RECORD_RESULT     /* the end: status, counts, summary */
};

struct job_record {
	int type;                     /* enum job_record_type */
	int status;                   /* RESULT: enum store_status */
	long done;                    /* PROGRESS: rows done */
	long total;                   /* PROGRESS: rows in all, -1 unknown */
	long long bytes_done;         /* PROGRESS: import bytes read */
	long long bytes_total;        /* PROGRESS: import bytes in all, -1 unknown */
	long count;                   /* RESULT: rows imported, rescored, exported */
	long problems;                /* RESULT: error lines in all */
	long warnings;                /* RESULT: warnings in all */
	long waited_ms;               /* WAITING: how long so far; 0: no longer waiting */
	char text[JOB_TEXT_MAX];      /* LINE: the line; RESULT: summary or error */
};

/* one write(2) each, never split between readers and writers */
_Static_assert(sizeof(struct job_record) <= JOB_RECORD_MAX, "a job record outgrew its inbox");
_Static_assert(sizeof(struct job_record) <= 512, "a job record must stay below PIPE_BUF");

/* What the worker needs, gathered and copied by the console when the job
 * starts: the worker shares nothing with the console but the two pipes
 * (its own store handle, its own copy of every text). Freed when joined. */
struct job_work {
	pthread_t thread;                      /* the worker */
	int out;                               /* the report pipe, write end (the worker's) */
	int stop;                              /* the stop pipe, read end (the worker's) */
	enum job_kind kind;
	char db_path[QUEUE_EXPORT_PATH_MAX];   /* the desk file */
	struct desk_policy policy;             /* the weights in force */
	int busy_timeout_ms;                   /* the config's */
	long long now;                         /* a pinned clock, 0 the system's */
	char actor[STORE_NAME_SIZE];           /* who the audit trail names */
	enum import_kind import_kind;          /* JOB_IMPORT: what FILE holds */
	char file[QUEUE_EXPORT_PATH_MAX];      /* JOB_IMPORT: FILE */
	struct queue_export export;            /* JOB_EXPORT: what to write */
	char query[QUEUE_EXPORT_PATH_MAX];     /* JOB_EXPORT: the texts its filter points to, */
	char text[QUEUE_EXPORT_PATH_MAX];      /* copied (the console may change them */
	char pod[STORE_NAME_SIZE];             /* while the export runs) */
	char partner[STORE_NAME_SIZE];
	char owner[STORE_NAME_SIZE];
	char ae[STORE_NAME_SIZE];
};

/* Point *field at a copy of what it points to, kept in buf. */
static void keep_text(const char **field, char *buf, size_t size)
{
	if (!*field)
		return;
	snprintf(buf, size, "%s", *field);
	*field = buf;
}

/* Copy text into a fixed buffer, cut to fit (messages may be longer than a
 * record carries; the cut is at a byte, which the screen's drawing copes
 * with). */
static void copy_text(char *dst, size_t size, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

/* ---- the worker ---------------------------------------------------------- */

struct worker {
	int out;                      /* the report pipe */
	int stop;                     /* the stop pipe: readable or closed = stop */
	struct timespec sent;         /* when progress was last sent */
	bool sent_once;
	long waited_reported_s;       /* the last WAITING record's whole seconds */
};

static bool stop_asked(const struct worker *k)
{
	struct pollfd p = { k->stop, POLLIN, 0 };

	/* data or the other end closed (POLLHUP): either means stop */
	return poll(&p, 1, 0) > 0 && p.revents;
}

static int send_record(const struct worker *k, const struct job_record *r)
{
	const char *p = (const char *)r;
	size_t left = sizeof(*r);

	while (left) {
		ssize_t n = write(k->out, p, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		left -= (size_t)n;
	}
	return 0;
}

static int send_progress(struct worker *k, long done, long total, long long bytes_done,
			 long long bytes_total)
{
	struct job_record r;
	struct timespec now;

	if (stop_asked(k))
		return 1;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (k->sent_once && (now.tv_sec - k->sent.tv_sec) * 1000 +
			    (now.tv_nsec - k->sent.tv_nsec) / 1000000 < PROGRESS_EVERY_MS)
		return 0;
	k->sent = now;
	k->sent_once = true;
	memset(&r, 0, sizeof(r));
	r.type = JOB_RECORD_PROGRESS;
	r.done = done;
	r.total = total;
	r.bytes_done = bytes_done;
	r.bytes_total = bytes_total;
	/* a broken report pipe: stop as if asked */
	return send_record(k, &r) < 0;
}

static int import_progress(void *ctx, long rows, long long bytes_done, long long bytes_total)
{
	return send_progress(ctx, rows, -1, bytes_done, bytes_total);
}

static int rows_progress(void *ctx, long done, long total)
{
	return send_progress(ctx, done, total, -1, -1);
}

/* The worker's store waits for another writer (a long import elsewhere)
 * as long as it takes, unless asked to stop; the status bar says so,
 * once a second. */
static int worker_busy_wait(void *ctx, long waited_ms)
{
	struct worker *k = ctx;
	struct job_record r;

	if (stop_asked(k))
		return 0;
	if (waited_ms < 1000) {
		k->waited_reported_s = 0;  /* a new wait starts quietly */
		return 1;
	}
	if (waited_ms / 1000 == k->waited_reported_s)
		return 1;
	k->waited_reported_s = waited_ms / 1000;
	memset(&r, 0, sizeof(r));
	r.type = JOB_RECORD_WAITING;
	r.waited_ms = waited_ms;
	return send_record(k, &r) == 0;
}

static void send_line(const struct worker *k, const char *text)
{
	struct job_record r;

	memset(&r, 0, sizeof(r));
	r.type = JOB_RECORD_LINE;
	copy_text(r.text, sizeof(r.text), text);
	send_record(k, &r);
}

static void run_import(struct worker *k, struct store *st, const struct job_work *w,
		       struct job_record *res)
{
	struct import_options opt;
	struct import_result r;
	size_t i, sent = 0;
	enum store_status rc;

	memset(&opt, 0, sizeof(opt));
	memset(&r, 0, sizeof(r));
	opt.progress = import_progress;
	opt.progress_ctx = k;
	opt.max_messages = JOB_LINES_MAX;
	rc = import_csv_file(st, w->import_kind, w->file, &opt, &r);
	/* the errors when it failed, else the warnings */
	for (i = 0; i < r.message_count && sent < JOB_LINES_MAX; i++) {
		if (r.messages[i].is_error != (rc != STORE_OK))
			continue;
		send_line(k, r.messages[i].text);
		sent++;
	}
	res->status = rc;
	res->count = r.added + r.updated;
	res->problems = r.errors;
	res->warnings = r.warnings;
	if (rc == STORE_OK || rc == STORE_INVALID)
		import_result_summary(&r, res->text, sizeof(res->text));
	else if (r.message_count)
		copy_text(res->text, sizeof(res->text), r.messages[0].text);
	else
		copy_text(res->text, sizeof(res->text), store_errmsg(st));
	import_result_free(&r);
}

static void run_rescore(struct worker *k, struct store *st, struct job_record *res)
{
	long changed = 0;
	enum store_status rc = store_rescore(st, rows_progress, k, &changed);

	res->status = rc;
	res->count = changed;
	if (rc != STORE_OK)
		copy_text(res->text, sizeof(res->text), store_errmsg(st));
}

static void run_export(struct worker *k, struct store *st, const struct job_work *w,
		       struct job_record *res)
{
	long rows = 0;
	char err[JOB_TEXT_MAX];

	res->status = queue_export_write(st, &w->export, store_now(st), rows_progress, k, &rows,
					 err, sizeof(err));
	res->count = rows;
	if (res->status != STORE_OK)
		copy_text(res->text, sizeof(res->text), err);
}

/* The worker's whole life: open the desk, work, say how it went, close
 * the report pipe (the console's end then reads its end). */
static void *job_thread(void *arg)
{
	struct job_work *w = arg;
	struct worker k;
	struct job_record res;
	struct store_options opt;
	struct store *st = NULL;
	char err[STORE_MSG_SIZE];

	memset(&k, 0, sizeof(k));
	k.out = w->out;
	k.stop = w->stop;
	memset(&res, 0, sizeof(res));
	res.type = JOB_RECORD_RESULT;
	memset(&opt, 0, sizeof(opt));
	opt.policy = &w->policy;
	opt.busy_timeout_ms = w->busy_timeout_ms;
	err[0] = '\0';
	res.status = store_open(w->db_path, &opt, &st, err, sizeof(err));
	if (res.status != STORE_OK) {
		copy_text(res.text, sizeof(res.text), err[0] ? err : store_status_name(res.status));
		goto done;
	}
	if (w->now)
		store_set_now(st, w->now);
	store_set_actor(st, w->actor);
	store_set_busy_wait(st, worker_busy_wait, &k);
	switch (w->kind) {
	case JOB_IMPORT:
		run_import(&k, st, w, &res);
		break;
	case JOB_RESCORE:
		run_rescore(&k, st, &res);
		break;
	case JOB_EXPORT:
		run_export(&k, st, w, &res);
		break;
	default:
		res.status = STORE_INTERNAL;
		break;
	}
	if (store_close(st, err, sizeof(err)) != STORE_OK && res.status == STORE_OK) {
		res.status = STORE_IO;
		copy_text(res.text, sizeof(res.text), err);
	}
done:
	send_record(&k, &res);
	close(w->out);
	close(w->stop);
	return NULL;
}

/* ---- the console's side -------------------------------------------------- */

static const char *kind_word(enum job_kind k)
{
	switch (k) {
	case JOB_IMPORT: return "import";
	case JOB_RESCORE: return "rescore";
	case JOB_EXPORT: return "export";
	default: return "job";
	}
}

/* 1234567 -> "1,234,567" */
static const char *grouped(long n, char *buf, size_t size)
{
	char digits[32];
	size_t len, i, o = 0;

	snprintf(digits, sizeof(digits), "%ld", n < 0 ? -n : n);
	len = strlen(digits);
	if (n < 0 && o + 1 < size)
		buf[o++] = '-';
	for (i = 0; i < len && o + 2 < size; i++) {
		if (i && (len - i) % 3 == 0)
			buf[o++] = ',';
		buf[o++] = digits[i];
	}
	buf[o] = '\0';
	return buf;
}

bool job_running(const struct console *c)
{
	return c->job.kind != JOB_NONE;
}

static int percent(long long part, long long whole)
{
	if (whole <= 0)
		return -1;
	if (part >= whole)
		return 100;
	return (int)(part * 100 / whole);
}

void job_progress_text(const struct console *c, char *buf, size_t size)
{
	const struct job *j = &c->job;
	char done[32], total[32];
	int pct;

	buf[0] = '\0';
	if (j->kind == JOB_NONE)
		return;
	if (j->stopping) {
		snprintf(buf, size, "stopping the %s...", kind_word(j->kind));
		return;
	}
	if (j->waited_ms > 0) {
		snprintf(buf, size, "%s waits for the desk (%ld s)", kind_word(j->kind),
			 j->waited_ms / 1000);
		return;
	}
	if (j->done == 0 && j->total < 0 && j->bytes_done <= 0) {
		snprintf(buf, size, "%s starting", kind_word(j->kind));
		return;
	}
	grouped(j->done, done, sizeof(done));
	if (j->kind == JOB_IMPORT) {
		pct = percent(j->bytes_done, j->bytes_total);
		if (pct >= 0)
			snprintf(buf, size, "import %d%% (%s rows)", pct, done);
		else
			snprintf(buf, size, "import: %s rows", done);
		return;
	}
	pct = percent(j->done, j->total);
	grouped(j->total, total, sizeof(total));
	if (pct < 0)
		snprintf(buf, size, "%s: %s rows", kind_word(j->kind), done);
	else if (j->kind == JOB_RESCORE)
		snprintf(buf, size, "rescore %d%% (%s of %s)", pct, done, total);
	else
		snprintf(buf, size, "export %d%% (%s of %s rows)", pct, done, total);
}

static void close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static void take_record(struct job *j, const struct job_record *r)
{
	switch (r->type) {
	case JOB_RECORD_PROGRESS:
		j->waited_ms = 0;
		j->done = r->done;
		if (r->total >= 0)
			j->total = r->total;
		j->bytes_done = r->bytes_done;
		j->bytes_total = r->bytes_total;
		break;
	case JOB_RECORD_LINE:
		if (j->line_count < JOB_LINES_MAX)
			copy_text(j->lines[j->line_count++], JOB_TEXT_MAX, r->text);
		break;
	case JOB_RECORD_WAITING:
		j->waited_ms = r->waited_ms;
		break;
	case JOB_RECORD_RESULT:
		j->waited_ms = 0;
		j->have_result = true;
		j->status = r->status;
		j->count = r->count;
		j->problems = r->problems;
		j->warnings = r->warnings;
		copy_text(j->summary, sizeof(j->summary), r->text);
		break;
	default:
		break;
	}
}

/* The problem lines under the first line of a message, and how many more. */
static void append_lines(const struct job *j, long in_all, const char *noun, char *msg, size_t size)
{
	size_t i, used = strlen(msg);

	for (i = 0; i < j->line_count && used < size; i++)
		used += (size_t)snprintf(msg + used, size - used, "\n%s", j->lines[i]);
	if (in_all > (long)j->line_count && used < size)
		snprintf(msg + used, size - used, "\n...and %ld more %s%s", in_all - (long)j->line_count,
			 noun, in_all - (long)j->line_count == 1 ? "" : "s");
}

/* Say how it went. Returns whether the desk may have changed. */
static bool report_result(struct console *c)
{
	struct job *j = &c->job;
	char msg[sizeof(c->job.what) + JOB_TEXT_MAX * (JOB_LINES_MAX + 2)], n[32];

	if (!j->have_result) {
		/* the report pipe broke before the result came */
		console_error(c, "%s failed: the background job ended without a word; %s", j->what,
			      j->kind == JOB_RESCORE ? "the intros done so far keep their new scores"
						     : "nothing changed");
		return j->kind == JOB_RESCORE;
	}
	grouped(j->count, n, sizeof(n));
	if (j->status == STORE_INTERRUPTED) {
		char done[32], total[32];

		if (j->kind != JOB_RESCORE) {
			console_message(c, "%s stopped: nothing %s", j->what,
					j->kind == JOB_IMPORT ? "imported" : "written");
			return false;
		}
		/* each chunk committed is consistent: what was done stays */
		console_message(c, "rescore stopped after %s of %s intros (:rescore finishes the rest)",
				grouped(j->done, done, sizeof(done)), grouped(j->total, total, sizeof(total)));
		return true;
	}
	if (j->status != STORE_OK) {
		if (j->kind == JOB_IMPORT && j->status == STORE_INVALID) {
			snprintf(msg, sizeof(msg), "%s: nothing imported, %ld error%s:", j->what,
				 j->problems, j->problems == 1 ? "" : "s");
			append_lines(j, j->problems, "error", msg, sizeof(msg));
		} else {
			snprintf(msg, sizeof(msg), "%s failed: %s", j->what, j->summary);
		}
		console_error(c, "%s", msg);
		return j->kind == JOB_RESCORE;
	}
	switch (j->kind) {
	case JOB_IMPORT:
		snprintf(msg, sizeof(msg), "%s: %s", j->what, j->summary);
		if (j->warnings) {
			size_t used = strlen(msg);

			snprintf(msg + used, sizeof(msg) - used, " (%ld warning%s)", j->warnings,
				 j->warnings == 1 ? "" : "s");
			append_lines(j, j->warnings, "warning", msg, sizeof(msg));
		}
		console_message(c, "%s", msg);
		return true;
	case JOB_RESCORE:
		if (j->count == 0) {
			console_message(c, "rescore: every score already follows the weights of the config");
			return false;
		}
		console_message(c, "rescored %s intro%s with the weights of the config", n,
				j->count == 1 ? "" : "s");
		return true;
	case JOB_EXPORT:
		console_message(c, "exported %s row%s to %s", n, j->count == 1 ? "" : "s",
				j->what + strlen("export "));
		return false;
	default:
		return false;
	}
}

/* The report pipe reached its end: join the worker and say how it went. */
static void ended(struct console *c)
{
	struct job *j = &c->job;
	bool changed;

	input_watch(j->report_fd, NULL, NULL);
	close_fd(&j->report_fd);
	close_fd(&j->stop_fd);
	/* the worker closed its end last thing: the join is immediate */
	pthread_join(j->work->thread, NULL);
	free(j->work);
	j->work = NULL;
	changed = report_result(c);
	j->kind = JOB_NONE;
	if (changed)
		console_data_changed(c);
	c->dirty = true;
}

/* Take every record the report pipe holds now. Returns true when the pipe
 * reached its end (the worker is done). */
static bool read_records(struct job *j)
{
	for (;;) {
		ssize_t n = read(j->report_fd, j->inbox + j->inbox_used,
				 sizeof(struct job_record) - j->inbox_used);

		if (n > 0) {
			j->inbox_used += (size_t)n;
			if (j->inbox_used == sizeof(struct job_record)) {
				struct job_record r;

				memcpy(&r, j->inbox, sizeof(r));
				r.text[sizeof(r.text) - 1] = '\0';
				j->inbox_used = 0;
				take_record(j, &r);
			}
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK))
			return false;
		return true; /* the end of the pipe (or a broken one) */
	}
}

/* input_watch: the report pipe is readable. */
static void job_ready(void *ctx)
{
	struct console *c = ctx;

	if (read_records(&c->job))
		ended(c);
	c->dirty = true;
}

void job_drain(struct console *c)
{
	/* the end is left for the loop: the pipe stays readable at its end,
	 * and ending reloads the views, which a store call in progress must
	 * not see */
	if (job_running(c) && c->job.report_fd >= 0)
		read_records(&c->job);
}

static void cloexec(int fd)
{
	fcntl(fd, F_SETFD, fcntl(fd, F_GETFD) | FD_CLOEXEC);
}

/* The clock the worker keeps: a pinned one (tests, COSELLDESK_NOW) is
 * passed on, the system's is left to run. */
long long job_pinned_now(const struct store *st)
{
	time_t before = time(NULL);
	long long now = store_now(st);
	time_t after = time(NULL);

	return now >= (long long)before && now <= (long long)after ? 0 : now;
}

/* Start w (heap; owned from here on, freed when the worker is joined). */
static int start(struct console *c, struct job_work *w, const char *what, long total)
{
	struct job *j = &c->job;
	int report[2], stop[2];
	sigset_t all, old;
	char key[32];
	int rc;

	if (job_running(c)) {
		console_error(c, "%s: %s is still running; one job at a time (%s stops it)", kind_word(w->kind),
			      j->what, console_key_hint(c, REQ_CANCEL, ":cancel", key, sizeof(key)));
		free(w);
		return -1;
	}
	if (!c->store) {
		console_error(c, "%s: no desk is open", kind_word(w->kind));
		free(w);
		return -1;
	}
	copy_text(w->db_path, sizeof(w->db_path), store_path(c->store));
	w->policy = *store_policy(c->store);
	w->busy_timeout_ms = c->settings ? c->settings->ui.busy_timeout_ms : 0;
	w->now = job_pinned_now(c->store);
	copy_text(w->actor, sizeof(w->actor), store_actor(c->store));
	if (pipe(report) < 0) {
		console_error(c, "%s: %s", what, strerror(errno));
		free(w);
		return -1;
	}
	if (pipe(stop) < 0) {
		console_error(c, "%s: %s", what, strerror(errno));
		close(report[0]);
		close(report[1]);
		free(w);
		return -1;
	}
	/* an external editor started meanwhile must not hold them open */
	cloexec(report[0]);
	cloexec(report[1]);
	cloexec(stop[0]);
	cloexec(stop[1]);
	w->out = report[1];
	w->stop = stop[0];
	/* signals (a stop, a resize) belong to the console's thread, whose
	 * wait they cut short: the worker starts with all of them blocked */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	rc = pthread_create(&w->thread, NULL, job_thread, w);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		console_error(c, "%s: cannot start the background job: %s", what, strerror(rc));
		close(report[0]);
		close(report[1]);
		close(stop[0]);
		close(stop[1]);
		free(w);
		return -1;
	}
	fcntl(report[0], F_SETFL, fcntl(report[0], F_GETFL) | O_NONBLOCK);
	memset(j, 0, sizeof(*j));
	j->kind = w->kind;
	j->work = w;
	j->report_fd = report[0];
	j->stop_fd = stop[1];
	j->total = total;
	j->bytes_total = -1;
	copy_text(j->what, sizeof(j->what), what);
	input_watch(j->report_fd, job_ready, c);
	console_message(c, "%s runs in the background (%s stops it)", what,
			console_key_hint(c, REQ_CANCEL, ":cancel", key, sizeof(key)));
	c->dirty = true;
	return 0;
}

int job_import(struct console *c, const char *arg)
{
	struct job_work *w;
	char kind_name[32], what[sizeof(c->job.what)];
	const char *file;
	int kind;

	if (command_word_and_rest(arg, kind_name, sizeof(kind_name), &file) != 0) {
		console_error(c, "usage: :import KIND FILE (KIND: intros, partners, accounts, overlaps, aes, outcomes)");
		return -1;
	}
	kind = import_kind_from_name(kind_name);
	if (kind < 0) {
		console_error(c, "import: no kind '%s'; give intros, partners, accounts, overlaps, aes or outcomes",
			      kind_name);
		return -1;
	}
	if (strlen(file) >= QUEUE_EXPORT_PATH_MAX) {
		console_error(c, "import: the file name is too long");
		return -1;
	}
	/* the obvious mistakes said at once, not by the job a moment later */
	if (access(file, R_OK) != 0) {
		console_error(c, "import: %s: %s", file, strerror(errno));
		return -1;
	}
	w = calloc(1, sizeof(*w));
	if (!w) {
		console_error(c, "import: out of memory");
		return -1;
	}
	w->kind = JOB_IMPORT;
	w->import_kind = (enum import_kind)kind;
	snprintf(w->file, sizeof(w->file), "%s", file);
	snprintf(what, sizeof(what), "import %s %.150s", import_kind_name((enum import_kind)kind), file);
	return start(c, w, what, -1);
}

int job_rescore(struct console *c)
{
	struct job_work *w;

	/* even counting the stale scores reads the whole table: the job does
	 * it (store_rescore counts first), and says when nothing was stale */
	w = calloc(1, sizeof(*w));
	if (!w) {
		console_error(c, "rescore: out of memory");
		return -1;
	}
	w->kind = JOB_RESCORE;
	return start(c, w, "rescore", -1);
}

int job_export(struct console *c, const struct queue_export *x)
{
	struct job_work *w = calloc(1, sizeof(*w));
	char what[sizeof(c->job.what)];

	if (!w) {
		console_error(c, "export: out of memory");
		return -1;
	}
	w->kind = JOB_EXPORT;
	w->export = *x;
	/* the limit may change while the export runs: the worker keeps its
	 * own copy of the texts the filter points to */
	keep_text(&w->export.filter.query, w->query, sizeof(w->query));
	keep_text(&w->export.filter.text, w->text, sizeof(w->text));
	keep_text(&w->export.filter.pod, w->pod, sizeof(w->pod));
	keep_text(&w->export.filter.partner, w->partner, sizeof(w->partner));
	keep_text(&w->export.filter.owner, w->owner, sizeof(w->owner));
	keep_text(&w->export.filter.ae, w->ae, sizeof(w->ae));
	snprintf(what, sizeof(what), "export %.180s", x->path);
	return start(c, w, what, x->total);
}

void job_stop(struct console *c)
{
	struct job *j = &c->job;

	if (!job_running(c)) {
		console_message(c, "nothing runs in the background (cancel stops an import, a rescore or an export)");
		return;
	}
	if (j->stopping)
		return;
	j->stopping = true;
	close_fd(&j->stop_fd);
	console_message(c, "stopping the %s...", kind_word(j->kind));
}

void job_finish(struct console *c)
{
	struct job *j = &c->job;

	if (!job_running(c))
		return;
	j->stopping = true;
	close_fd(&j->stop_fd);
	while (job_running(c)) {
		struct pollfd p = { j->report_fd, POLLIN, 0 };

		if (poll(&p, 1, -1) < 0 && errno != EINTR)
			break;
		job_ready(c);
	}
}
