/* reports.c - the desk lead's reports as data: capacity, pods, calibration,
 * partners (attribution: payouts.c). Every rule (capacity model,
 * calibration bands and verdict) is the core's; this file counts, from the
 * tallies the triggers keep (schema v3) so a report costs the same at any
 * desk size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* ---- capacity ---- */

void store_capacity_report_free(struct store_capacity_report *r)
{
	if (!r)
		return;
	free(r->per_ae);
	r->per_ae = NULL;
	r->ae_count = 0;
}

static void capacity_ae_row(sqlite3_stmt *s, void *elem)
{
	struct store_capacity_ae *a = elem;
	sq_column_text(s, 0, a->ae_id, sizeof a->ae_id);
	sq_column_text(s, 1, a->name, sizeof a->name);
	sq_column_text(s, 2, a->pod_name, sizeof a->pod_name);
	a->selling_hours = sqlite3_column_double(s, 3);
}

enum store_status store_report_capacity(struct store *st, struct store_capacity_report *out)
{
	const struct desk_policy *p = &st->policy;
	enum store_status rc;
	sqlite3_stmt *s;
	size_t i;
	int r;

	store_clear_error(st);
	memset(out, 0, sizeof *out);
	rc = sq_list(st, "SELECT e.id, e.name, ifnull(d.name, ''), e.selling_hours FROM aes e"
		     " LEFT JOIN pods d ON d.id = e.pod_id WHERE e.active = 1"
		     " ORDER BY d.name, e.name", NULL, sizeof *out->per_ae, capacity_ae_row,
		     (void **)&out->per_ae, &out->ae_count);
	if (rc != STORE_OK)
		return rc;
	for (i = 0; i < out->ae_count; i++) {
		if (out->per_ae[i].selling_hours <= 0)
			out->per_ae[i].selling_hours = p->selling_hours_per_week;
		out->weekly_hours += out->per_ae[i].selling_hours;
	}
	out->aes = (long)out->ae_count;

	/* the AE tallies (schema v3), not the intros: O(AEs) at any desk size */
	s = sq_prepare(st, "SELECT ae_id, tier, sum(n), sum(hours) FROM ae_counts"
		       " WHERE state IN ('routed', 'accepted') AND tier > 0 GROUP BY 1, 2");
	if (!s) {
		store_capacity_report_free(out);
		return sq_last(st);
	}
	while ((r = sq_step(st, s, "count open deals")) == SQLITE_ROW) {
		char ae[STORE_ID_SIZE];
		int tier = sqlite3_column_int(s, 1);
		long n = (long)sqlite3_column_int64(s, 2);
		if (tier < 1 || tier > TIER_COUNT)
			continue;
		out->deals[tier - 1] += n;
		sq_column_text(s, 0, ae, sizeof ae);
		for (i = 0; i < out->ae_count; i++)
			if (strcmp(out->per_ae[i].ae_id, ae) == 0) {
				out->per_ae[i].deals[tier - 1] += n;
				out->per_ae[i].budget_hours += (double)sqlite3_column_int64(s, 3);
			}
	}
	sq_release(st, s);
	if (r != SQLITE_DONE) {
		store_capacity_report_free(out);
		return sq_last(st);
	}
	capacity_assess(p, capacity_available(1, out->weekly_hours, p->weeks_per_quarter,
					      p->cosell_share),
			capacity_required(p, out->deals), &out->model);
	out->threshold = dial_threshold(st);
	return STORE_OK;
}

/* ---- pods ---- */

static void pod_row(sqlite3_stmt *s, void *elem)
{
	struct store_pod_row *p = elem;
	sq_column_text(s, 0, p->pod_id, sizeof p->pod_id);
	sq_column_text(s, 1, p->name, sizeof p->name);
	p->aes = (long)sqlite3_column_int64(s, 2);
	p->specialists = (long)sqlite3_column_int64(s, 3);
}

/* Per pod counts gathered from several queries. */
struct pod_tally {
	long rejected;     /* intros with the pod's AEs rejected */
	long routed;       /* ... routed, awaiting acceptance */
};

typedef void (*pod_fn)(struct store_pod_row *p, struct pod_tally *t, sqlite3_stmt *s);

/* Run sql (?1 = time) and hand each row (pod id first) to fn. */
static enum store_status per_pod(struct store *st, const char *sql, long long time,
				 struct store_pod_row *rows, struct pod_tally *tally, size_t n,
				 pod_fn fn)
{
	sqlite3_stmt *s = sq_prepare(st, sql);
	enum store_status rc = STORE_OK;
	char pod[STORE_ID_SIZE];
	size_t i;
	int r;

	if (!s)
		return sq_last(st);
	sqlite3_bind_int64(s, 1, time);
	while ((r = sq_step(st, s, "count the pods")) == SQLITE_ROW) {
		sq_column_text(s, 0, pod, sizeof pod);
		for (i = 0; i < n; i++)
			if (strcmp(rows[i].pod_id, pod) == 0)
				fn(&rows[i], &tally[i], s);
	}
	if (r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

static void take_counts(struct store_pod_row *p, struct pod_tally *t, sqlite3_stmt *s)
{
	int state = domain_state_from_name((const char *)sqlite3_column_text(s, 1));
	long n = (long)sqlite3_column_int64(s, 2);
	(void)t;
	if (state < 0)
		return;
	if (state == STATE_NEW)
		p->untriaged += n;
	if (state == STATE_ROUTED)
		p->awaiting_acceptance += n;
	if (domain_state_is_open((enum intro_state)state))
		p->open += n;
}

static void take_new(struct store_pod_row *p, struct pod_tally *t, sqlite3_stmt *s)
{
	(void)t;
	(void)s;
	p->new_count++;
}

static void take_breach(struct store_pod_row *p, struct pod_tally *t, sqlite3_stmt *s)
{
	(void)t;
	(void)s;
	p->sla_breaches++;
}

/* acceptance: the intros routed to the pod's AEs, by state */
static void take_acceptance(struct store_pod_row *p, struct pod_tally *t, sqlite3_stmt *s)
{
	const char *state = (const char *)sqlite3_column_text(s, 1);
	long n = (long)sqlite3_column_int64(s, 2);
	if (!state)
		return;
	if (!strcmp(state, "accepted") || !strcmp(state, "won") || !strcmp(state, "lost"))
		p->accepted_total += n;
	else if (!strcmp(state, "rejected"))
		t->rejected += n;
	else if (!strcmp(state, "routed"))
		t->routed += n;
}

static enum store_status oldest_open(struct store *st, struct store_pod_row *p)
{
	sqlite3_stmt *s = sq_prepare(st, "SELECT min(received_at) FROM intros WHERE pod_id = ?1"
				     " AND state NOT IN ('declined', 'won', 'lost')");
	enum store_status rc = STORE_OK;

	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, p->pod_id);
	if (sq_step(st, s, "find the oldest open intro") == SQLITE_ROW)
		p->oldest_received = sq_column_int(s, 0, 0);
	else
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

enum store_status store_report_pods(struct store *st, struct store_pod_row **out, size_t *n)
{
	long long now = st_now(st);
	struct store_pod_row *rows = NULL;
	struct pod_tally *tally;
	size_t count = 0, i;
	enum store_status rc;

	store_clear_error(st);
	*out = NULL;
	*n = 0;
	rc = sq_list(st, "SELECT d.id, d.name,"
		     " (SELECT count(*) FROM aes e WHERE e.pod_id = d.id AND e.active = 1),"
		     " (SELECT count(*) FROM specialists s WHERE s.pod_id = d.id)"
		     " FROM pods d ORDER BY d.name", NULL, sizeof *rows, pod_row, (void **)&rows,
		     &count);
	if (rc != STORE_OK)
		return rc;
	tally = calloc(count ? count : 1, sizeof *tally);
	if (!tally) {
		free(rows);
		return store_fail(st, STORE_INTERNAL, "out of memory");
	}
	/* every pod at once, each figure from a tally or a covering index
	 * (schema v3): the cost follows the open backlog and the last week,
	 * not the history */
	rc = per_pod(st, "SELECT pod_id, state, n FROM intro_counts WHERE n > 0", 0, rows, tally,
		     count, take_counts);
	/* the last week's arrivals and the SLA breaches are ranges of covering
	 * indexes (by arrival with the pod; open intros by due time), counted
	 * here rather than grouped by SQLite (no sort) */
	if (rc == STORE_OK)
		rc = per_pod(st, "SELECT pod_id FROM intros INDEXED BY intros_by_received"
			     " WHERE received_at >= ?1", now - 7 * 86400, rows, tally, count,
			     take_new);
	if (rc == STORE_OK)
		rc = per_pod(st, "SELECT pod_id FROM intros INDEXED BY intros_open_by_due"
			     " WHERE state NOT IN ('declined', 'won', 'lost')"
			     " AND sla_due IS NOT NULL AND sla_due < ?1"
			     " AND state IN ('new', 'routed', 'escalated')", now,
			     rows, tally, count, take_breach);
	/* the oldest open intro: the first entry of the pod's open index */
	for (i = 0; rc == STORE_OK && i < count; i++)
		if (rows[i].open > 0)
			rc = oldest_open(st, &rows[i]);
	if (rc == STORE_OK)
		rc = per_pod(st, "SELECT e.pod_id, c.state, sum(c.n) FROM ae_counts c"
			     " JOIN aes e ON e.id = c.ae_id WHERE e.pod_id IS NOT NULL"
			     " AND c.state IN ('accepted', 'won', 'lost', 'rejected', 'routed')"
			     " GROUP BY 1, 2", 0, rows, tally, count, take_acceptance);
	for (i = 0; rc == STORE_OK && i < count; i++) {
		struct store_pod_row *p = &rows[i];
		long rejected = tally[i].rejected;

		p->routed_total = p->accepted_total + rejected + tally[i].routed;
		p->acceptance_rate = p->accepted_total + rejected > 0
			? (double)p->accepted_total / (double)(p->accepted_total + rejected) : -1;
		p->desk_to_ae = p->specialists > 0 ? (double)p->aes / (double)p->specialists : 0;
	}
	free(tally);
	if (rc != STORE_OK) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = count;
	return STORE_OK;
}

/* ---- calibration ---- */

enum store_status store_report_calibration(struct store *st,
					   struct store_calibration_report *out)
{
	sqlite3_stmt *s;
	int r;

	store_clear_error(st);
	memset(out, 0, sizeof *out);
	calibration_init(&st->policy, &out->bands);
	s = sq_prepare(st, "SELECT score, state = 'won', n FROM score_counts"
		       " WHERE state IN ('won', 'lost') AND n > 0");
	if (!s)
		return sq_last(st);
	while ((r = sq_step(st, s, "read outcomes")) == SQLITE_ROW)
		calibration_add(&out->bands, sqlite3_column_int(s, 0), sqlite3_column_int(s, 1),
				(long)sqlite3_column_int64(s, 2));
	sq_release(st, s);
	if (r != SQLITE_DONE)
		return sq_last(st);
	calibration_finish(&out->bands);
	out->threshold = dial_threshold(st);
	out->verdict = calibration_judge(&out->bands, out->threshold, CALIBRATION_MIN_CLOSED,
					 CALIBRATION_FAR_BELOW, out->why, sizeof out->why);
	return STORE_OK;
}

/* ---- partners ---- */

static void partner_report_row(sqlite3_stmt *s, void *elem)
{
	struct store_partner_row *p = elem;
	char tier[32];
	int t;
	sq_column_text(s, 0, p->partner_id, sizeof p->partner_id);
	sq_column_text(s, 1, p->name, sizeof p->name);
	sq_column_text(s, 2, tier, sizeof tier);
	t = domain_partner_tier_from_name(tier);
	p->tier = t < 0 ? PARTNER_GROWTH : (enum partner_tier)t;
	p->median_won_acv = sq_column_int(s, 3, -1);
}

/* The partners' rows sorted by id, to find a partner's row by id. */
struct partner_index {
	const char *id;
	struct store_partner_row *row;
	long long cycle;                      /* closed_at - received_at summed, won + lost */
};

static int by_id(const void *a, const void *b)
{
	return strcmp(((const struct partner_index *)a)->id, ((const struct partner_index *)b)->id);
}

static struct partner_index *partner_find(struct partner_index *ix, size_t n, const char *id)
{
	struct partner_index key = { id, NULL, 0 };
	return id ? bsearch(&key, ix, n, sizeof *ix, by_id) : NULL;
}

enum store_status store_report_partners(struct store *st, struct store_partner_row **out,
					size_t *n)
{
	struct store_partner_row *rows = NULL;
	struct partner_index *ix = NULL;
	enum store_status rc;
	sqlite3_stmt *s = NULL;
	size_t count = 0, i;
	int r;

	store_clear_error(st);
	*out = NULL;
	*n = 0;
	/* the partners, then their tallies (schema v3) added up here: three
	 * plain reads, no join or grouping for SQLite to build indexes for */
	rc = sq_list(st, "SELECT id, name, tier, median_won_acv FROM partners ORDER BY name", NULL,
		     sizeof *rows, partner_report_row, (void **)&rows, &count);
	if (rc != STORE_OK)
		return rc;
	ix = calloc(count ? count : 1, sizeof *ix);
	if (!ix) {
		free(rows);
		return store_fail(st, STORE_INTERNAL, "out of memory");
	}
	for (i = 0; i < count; i++) {
		ix[i].id = rows[i].partner_id;
		ix[i].row = &rows[i];
	}
	qsort(ix, count, sizeof *ix, by_id);
	s = sq_prepare(st, "SELECT partner_id, state, n, acv, cycle FROM partner_counts WHERE n > 0");
	if (!s)
		rc = sq_last(st);
	while (rc == STORE_OK && (r = sq_step(st, s, "read partner tallies")) == SQLITE_ROW) {
		struct partner_index *p = partner_find(ix, count,
						       (const char *)sqlite3_column_text(s, 0));
		const char *state = (const char *)sqlite3_column_text(s, 1);
		long k = (long)sqlite3_column_int64(s, 2);

		if (!p || !state)
			continue;
		p->row->intros += k;
		if (!strcmp(state, "won")) {
			p->row->won += k;
			p->row->revenue += sqlite3_column_int64(s, 3);
		} else if (!strcmp(state, "lost")) {
			p->row->lost += k;
		}
		if (!strcmp(state, "won") || !strcmp(state, "lost"))
			p->cycle += sqlite3_column_int64(s, 4);
	}
	if (s && rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	s = rc == STORE_OK ? sq_prepare(st, "SELECT partner_id, n FROM partner_scores WHERE score >= ?1")
			   : NULL;
	if (rc == STORE_OK && !s)
		rc = sq_last(st);
	if (s)
		sqlite3_bind_int(s, 1, dial_threshold(st));
	while (rc == STORE_OK && (r = sq_step(st, s, "read partner scores")) == SQLITE_ROW) {
		struct partner_index *p = partner_find(ix, count,
						       (const char *)sqlite3_column_text(s, 0));
		if (p)
			p->row->pqls += (long)sqlite3_column_int64(s, 1);
	}
	if (s && rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	for (i = 0; rc == STORE_OK && i < count; i++) {
		struct store_partner_row *p = ix[i].row;
		/* the mean over closed won and lost intros, as avg() over them gives */
		p->cycle_days = p->won + p->lost > 0
			? (double)ix[i].cycle / (double)(p->won + p->lost) / 86400.0 : -1;
		p->win_rate = p->won + p->lost > 0
			? (double)p->won / (double)(p->won + p->lost) : -1;
	}
	free(ix);
	if (rc != STORE_OK) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = count;
	return STORE_OK;
}
