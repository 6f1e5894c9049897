/* dial.c - the PQL dial, the counts the triggers keep, and rescoring.
 *
 * The gate is never stored: it is score >= the dial at query time, so
 * moving the dial is one meta row, and "how many changed gate" is read
 * from the score tally the triggers keep (schema v3). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

int dial_threshold(struct store *st)
{
	long long v = 0;
	if (sq_one_int(st, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'threshold'", NULL,
		       &v) == STORE_OK && v >= 0 && v <= SCORE_MAX)
		return (int)v;
	return st->policy.threshold;
}

enum store_status store_dial_get(struct store *st, int *threshold, int *from_desk)
{
	long long v = 0;
	enum store_status rc;
	store_clear_error(st);
	rc = sq_one_int(st, "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'threshold'", NULL,
			&v);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND)
		return rc;
	if (from_desk)
		*from_desk = rc == STORE_OK;
	*threshold = rc == STORE_OK ? (int)v : st->policy.threshold;
	return STORE_OK;
}

static enum store_status gate_changes(struct store *st, int from, int to, long *changed,
				      long *gained, long *lost)
{
	long hist[101];
	long g = 0, l = 0, c;
	sqlite3_stmt *s;
	int r, lo = from < to ? from : to, hi = from < to ? to : from;

	memset(hist, 0, sizeof hist);
	/* the score tally (schema v3): at most 101 rows per open state */
	s = sq_prepare(st, "SELECT score, sum(n) FROM score_counts"
		       " WHERE state NOT IN ('declined', 'won', 'lost')"
		       " AND score >= ?1 AND score < ?2 GROUP BY 1");
	if (!s)
		return sq_last(st);
	sqlite3_bind_int(s, 1, lo < 0 ? 0 : lo);
	sqlite3_bind_int(s, 2, hi);
	while ((r = sq_step(st, s, "count scores")) == SQLITE_ROW) {
		int score = sqlite3_column_int(s, 0);
		if (score >= 0 && score <= 100)
			hist[score] = (long)sqlite3_column_int64(s, 1);
	}
	sq_release(st, s);
	if (r != SQLITE_DONE)
		return sq_last(st);
	c = capacity_gate_changes(hist, from, to, &g, &l);
	if (changed)
		*changed = c;
	if (gained)
		*gained = g;
	if (lost)
		*lost = l;
	return STORE_OK;
}

static enum store_status check_threshold(struct store *st, int t)
{
	if (t < 0 || t > SCORE_MAX)
		return store_fail(st, STORE_INVALID, "threshold: %d is outside 0-%d", t, SCORE_MAX);
	return STORE_OK;
}

enum store_status store_dial_preview(struct store *st, int to, long *changed, long *gained,
				     long *lost)
{
	enum store_status rc;
	store_clear_error(st);
	rc = check_threshold(st, to);
	if (rc != STORE_OK)
		return rc;
	return gate_changes(st, dial_threshold(st), to, changed, gained, lost);
}

enum store_status store_dial_set(struct store *st, int threshold, long *changed,
				 long *gained, long *lost)
{
	char text[16];
	int from = 0, own = 0;
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	rc = check_threshold(st, threshold);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = store_dial_get(st, &from, &own);
	if (rc == STORE_OK)
		rc = gate_changes(st, from, threshold, changed, gained, lost);
	if (rc != STORE_OK || from == threshold)
		return tx_end(st, rc);
	snprintf(text, sizeof text, "%d", threshold);
	s = sq_prepare(st, "INSERT INTO meta (key, value) VALUES ('threshold', ?1)"
		       " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, text);
	if (sq_step(st, s, "set the dial") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK)
		/* no old value when the desk followed the policy: undo goes back to it */
		rc = audit_write_int(st, "desk", "dial", "threshold", from, !own, threshold, 0, NULL);
	return tx_end(st, rc);
}

/* Undo of a dial move: put the old value back (NULL: the policy's). */
enum store_status dial_restore(struct store *st, const char *value)
{
	sqlite3_stmt *s = value
		? sq_prepare(st, "INSERT INTO meta (key, value) VALUES ('threshold', ?1)"
			     " ON CONFLICT (key) DO UPDATE SET value = excluded.value")
		: sq_prepare(st, "DELETE FROM meta WHERE key = 'threshold'");
	enum store_status rc = STORE_OK;
	if (!s)
		return sq_last(st);
	if (value)
		sq_bind_text(s, 1, value);
	if (sq_step(st, s, "restore the dial") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

enum store_status store_desk_name(struct store *st, char *out, size_t size)
{
	sqlite3_stmt *s;
	int r;
	store_clear_error(st);
	if (size)
		snprintf(out, size, "%s", "co-sell desk");
	s = sq_prepare(st, "SELECT value FROM meta WHERE key = 'desk_name'");
	if (!s)
		return sq_last(st);
	r = sq_step(st, s, "read the desk name");
	if (r == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL)
		sq_column_text(s, 0, out, size);
	sq_release(st, s);
	return r == SQLITE_ROW || r == SQLITE_DONE ? STORE_OK : sq_last(st);
}

enum store_status desk_name_restore(struct store *st, const char *value)
{
	sqlite3_stmt *s = sq_prepare(st, "INSERT INTO meta (key, value) VALUES ('desk_name', ?1)"
				     " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	enum store_status rc = STORE_OK;
	if (!s)
		return sq_last(st);
	sq_bind_text_or_null(s, 1, value);
	if (sq_step(st, s, "set the desk name") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

enum store_status store_set_desk_name(struct store *st, const char *name)
{
	char old[STORE_NAME_SIZE];
	enum store_status rc;

	store_clear_error(st);
	if (!name || !*name)
		return store_fail(st, STORE_INVALID, "desk name: a name is required");
	rc = check_len(st, "desk name", name, STORE_NAME_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc == STORE_OK)
		rc = store_desk_name(st, old, sizeof old);
	if (rc == STORE_OK && strcmp(old, name) != 0) {
		rc = desk_name_restore(st, name);
		if (rc == STORE_OK)
			rc = audit_write(st, "desk", "desk_name", "desk_name", old, name, NULL);
	}
	return tx_end(st, rc);
}

enum store_status store_counts(struct store *st, const char *pod, struct store_counts *out)
{
	char pid[STORE_ID_SIZE];
	sqlite3_stmt *s;
	enum store_status rc = STORE_OK;
	int r;

	store_clear_error(st);
	memset(out, 0, sizeof *out);
	if (pod) {
		rc = resolve_id(st, STORE_KIND_POD, pod, pid);
		if (rc != STORE_OK)
			return rc;
		s = sq_prepare(st, "SELECT state, sum(n) FROM intro_counts WHERE pod_id = ?1"
			       " GROUP BY state");
	} else {
		s = sq_prepare(st, "SELECT state, sum(n) FROM intro_counts GROUP BY state");
	}
	if (!s)
		return sq_last(st);
	if (pod)
		sq_bind_text(s, 1, pid);
	while ((r = sq_step(st, s, "read counts")) == SQLITE_ROW) {
		int state = domain_state_from_name((const char *)sqlite3_column_text(s, 0));
		long n = (long)sqlite3_column_int64(s, 1);
		if (state < 0)
			continue;
		out->by_state[state] += n;
		out->total += n;
		if (domain_state_is_open((enum intro_state)state))
			out->open += n;
	}
	if (r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

/* ---- rescoring ---- */

enum store_status store_rescore_pending(struct store *st, long *n)
{
	sqlite3_stmt *s;
	enum store_status rc = STORE_OK;
	store_clear_error(st);
	s = sq_prepare(st, "SELECT count(*) FROM intros WHERE weights IS NOT NULL AND weights <> ?1");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, st->weights_text);
	if (sq_step(st, s, "count stale scores") == SQLITE_ROW)
		*n = (long)sqlite3_column_int64(s, 0);
	else
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

static int progress_cb(void *ctx)
{
	struct store *st = ctx;
	long step = st->progress_total / 100 + 1;   /* about a hundred reports */
	if (!st->progress)
		return 0;
	if (st->progress_done - st->progress_reported < step)
		return 0;
	st->progress_reported = st->progress_done;
	return st->progress(st->progress_ctx, st->progress_done, st->progress_total);
}

/* Rows per transaction: a console writing meanwhile waits one chunk at
 * most (well inside busy_timeout), and each row carries the weights its
 * points were given under, so a stopped or crashed rescore leaves every
 * row consistent and the next run finishes the rest. */
#define RESCORE_CHUNK 50000

/* Rescore the rows with lo < rowid <= hi in one transaction. */
static enum store_status rescore_chunk(struct store *st, long long lo, long long hi, long *done)
{
	char summary[STORE_TEXT_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;
	long n;

	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	s = sq_prepare(st,
		"UPDATE intros SET"
		" p_overlap = pql_rescale(p_overlap, weights, 0),"
		" p_budget = pql_rescale(p_budget, weights, 1),"
		" p_icp = pql_rescale(p_icp, weights, 2),"
		" p_relationship = pql_rescale(p_relationship, weights, 3),"
		" p_competitive = pql_rescale(p_competitive, weights, 4),"
		" p_size = pql_rescale(p_size, weights, 5),"
		" score = pql_score(pql_rescale(p_overlap, weights, 0),"
		"   pql_rescale(p_budget, weights, 1), pql_rescale(p_icp, weights, 2),"
		"   pql_rescale(p_relationship, weights, 3), pql_rescale(p_competitive, weights, 4),"
		"   pql_rescale(p_size, weights, 5)),"
		" weights = ?1, updated_at = ?2"
		" WHERE rowid > ?3 AND rowid <= ?4 AND weights IS NOT NULL AND weights <> ?1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, st->weights_text);
	sqlite3_bind_int64(s, 2, st_now(st));
	sqlite3_bind_int64(s, 3, lo);
	sqlite3_bind_int64(s, 4, hi);
	if (sq_step(st, s, "rescore") != SQLITE_DONE)
		rc = sq_last(st);
	n = (long)sqlite3_changes(st->db);
	sq_release(st, s);
	if (rc == STORE_OK && n > 0) {
		snprintf(summary, sizeof summary, "%ld intros rescored to weights %s", n,
			 st->weights_text);
		rc = audit_write(st, "desk", "weights", "rescore", NULL, st->weights_text, summary);
	}
	rc = tx_end(st, rc);
	if (rc == STORE_OK)
		*done += n;
	return rc;
}

enum store_status store_rescore(struct store *st, store_progress_fn fn, void *ctx,
				long *changed)
{
	long long lo = 0, hi = 0, at, cache_before = 0;
	long pending = 0, done = 0;
	enum store_status rc;

	store_clear_error(st);
	if (changed)
		*changed = 0;
	rc = store_rescore_pending(st, &pending);
	if (rc != STORE_OK || pending == 0)
		return rc;
	rc = sq_one_int(st, "SELECT ifnull(min(rowid), 0) FROM intros", NULL, &lo);
	if (rc == STORE_OK)
		rc = sq_one_int(st, "SELECT ifnull(max(rowid), 0) FROM intros", NULL, &hi);
	if (rc != STORE_OK)
		return rc;
	/* a rescore moves entries of the score indexes all over a large
	 * desk: a cache sized for the job while it runs, the configured one
	 * after */
	if (cache_set(st, -JOB_CACHE_KIB, &cache_before) != STORE_OK)
		cache_before = 0;
	st->progress = fn;
	st->progress_ctx = ctx;
	st->progress_done = 0;
	st->progress_reported = 0;
	st->progress_total = pending;
	if (fn)
		sqlite3_progress_handler(st->db, 1000, progress_cb, st);
	for (at = lo - 1; rc == STORE_OK && at < hi; at += RESCORE_CHUNK)
		rc = rescore_chunk(st, at, at + RESCORE_CHUNK, &done);
	if (fn)
		sqlite3_progress_handler(st->db, 0, NULL, NULL);
	st->progress = NULL;
	if (cache_before)
		cache_set(st, cache_before, NULL);
	if (rc == STORE_INTERRUPTED)
		store_fail(st, rc, "rescore stopped after %ld of %ld intros; run it again to "
			   "finish (every intro is consistent either way)", done, pending);
	if (rc == STORE_OK && fn)
		fn(ctx, done, pending);
	if (changed)
		*changed = done;
	return rc;
}
