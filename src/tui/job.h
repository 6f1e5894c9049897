/* job.h - long work in the background: an import, a rescore, an export.
 *
 * The console never waits on long work. A job runs in a worker thread
 * that opens its own handle on the desk file (store.h: a struct store is
 * used by one thread at a time, and a background job opens its own; the
 * worker never touches the console's handle and gets a copy of every text
 * it reads), does the work with a progress callback, and reports through a
 * pipe in fixed-size records (each smaller than PIPE_BUF, so a write is
 * never split): progress, the first few problem lines, then the result.
 * The console watches the pipe together with the keyboard (input_watch),
 * so keys stay live and an idle wait still costs nothing; the status bar
 * shows the progress ("rescore 40% (400,000 of 1,000,000)") and, at the
 * end, the message line the result, with the first JOB_LINES_MAX problem
 * lines as file:line and how many more there were; every view is told the
 * data changed.
 *
 * Why a thread and not a forked child: a child process inherits SQLite's
 * per-process bookkeeping of the file locks the console's connection
 * holds, and a second connection opened in the child trusts it; measured
 * on a 300,000-intro desk, the console's next read then waited seconds
 * while the child rescored. Two connections in two threads of one process
 * is the arrangement SQLite's locking is built for.
 *
 * Stopping (Esc, :cancel) closes a second pipe; the worker's progress
 * callback sees that and returns nonzero, so the store rolls the work back
 * (STORE_INTERRUPTED: an import or an export leaves nothing; a rescore
 * keeps the chunks it committed, each consistent, and :rescore finishes the
 * rest). One job at a time; the worker runs with every signal blocked, so
 * signals still wake the console's own wait. The console leaving stops a
 * running job and waits for it.
 *
 * Writes of the console's own wait for a running import (it is one
 * transaction) as long as it runs (desk_wait.h), reading the job's
 * reports meanwhile (job_drain) so the worker never blocks on a full
 * pipe while the console waits for its lock. The worker's own writes wait
 * for another process's the same way, until stopped; the status bar
 * then says "import waits for the desk (12 s)". Reads never wait (WAL).
 */
#ifndef COSELLDESK_TUI_JOB_H
#define COSELLDESK_TUI_JOB_H

#include <stdbool.h>
#include <stddef.h>

#include "queue_export.h"

struct console;
struct job_work;

#define JOB_TEXT_MAX 320     /* one problem line, or the summary */
#define JOB_LINES_MAX 3      /* problem lines kept */
#define JOB_RECORD_MAX 512   /* room for one report record */

enum job_kind {
	JOB_NONE,     /* nothing runs */
	JOB_IMPORT,   /* :import KIND FILE */
	JOB_RESCORE,  /* :rescore */
	JOB_EXPORT    /* :export csv|json FILE */
};

struct job {
	enum job_kind kind;          /* what runs; JOB_NONE: nothing */
	struct job_work *work;       /* the worker and what it was given (job.c) */
	int report_fd;               /* read end of its report pipe (non-blocking) */
	int stop_fd;                 /* write end of the stop pipe; closed to stop */
	bool stopping;               /* a stop was asked */
	char what[200];              /* "import intros big.csv", for messages */
	long done;                   /* rows done so far */
	long total;                  /* rows in all; -1 unknown */
	long long bytes_done;        /* import: bytes read */
	long long bytes_total;       /* import: the file's size; -1 unknown */
	char lines[JOB_LINES_MAX][JOB_TEXT_MAX]; /* the first problem lines */
	size_t line_count;           /* used entries of lines */
	bool have_result;            /* the result record arrived */
	int status;                  /* its enum store_status */
	long count;                  /* rows imported, rescored or exported */
	long problems;               /* error lines found in all */
	long warnings;               /* warnings in all */
	long waited_ms;              /* the worker waits for another writer: this
	                              * long so far (0: it does not) */
	char summary[JOB_TEXT_MAX];  /* the import's summary, or why it failed */
	unsigned char inbox[JOB_RECORD_MAX]; /* a record read in part */
	size_t inbox_used;           /* bytes of inbox */
};

/* `:import KIND FILE`: import FILE (intros, partners, accounts, overlaps,
 * aes, outcomes) in the background. Returns 0 started, -1 with a message. */
int job_import(struct console *c, const char *arg);

/* `:rescore`: rescore in the background the intros scored under other
 * weights than the config's (store_rescore_pending; the job counts them,
 * since counting reads the whole table); when there are none it says so.
 * Returns 0 started, -1 with a message. */
int job_rescore(struct console *c);

/* Write the queue rows x describes in the background (queue_export.h). x is
 * copied. Returns 0 started, -1 with a message. */
int job_export(struct console *c, const struct queue_export *x);

/* Whether a job runs. */
bool job_running(const struct console *c);

/* Ask the running job to stop (Esc, :cancel); says so on the message line. */
void job_stop(struct console *c);

/* The status bar's words for the running job ("import 40% (8,000 rows)");
 * "" when none runs. */
void job_progress_text(const struct console *c, char *buf, size_t size);

/* Take the reports the running job has sent, without acting on its end
 * (the loop does that): for a wait inside a store call (desk_wait.c). */
void job_drain(struct console *c);

/* The console is leaving: stop a running job and wait for it to end. */
void job_finish(struct console *c);

/* The clock a worker thread keeps: a pinned one (tests, COSELLDESK_NOW)
 * to pass on, or 0 when st follows the system's. */
struct store;
long long job_pinned_now(const struct store *st);

#endif
