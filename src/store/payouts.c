/* payouts.c - the attribution report: what each partner earned in each
 * role over the won deals.
 *
 * Each deal is split by the core (attribution_split: role weights
 * renormalised over the roles present, whole dollars by largest remainder),
 * so the payouts of many deals cannot be had from a sum of amounts: the
 * store keeps every won deal's payouts (table payouts) and their sums per
 * partner and role (payout_tally). Triggers (schema v3) put a deal in
 * payouts_stale when its roles, its state or its amounts change; the
 * report first splits those deals again, then reads the sums. The sums
 * hold for the role weights in meta "payout_weights": other weights in the
 * policy (or no such row, after a migration or a bulk load) and every won
 * deal is split again once.
 *
 * The roles of a deal are given to the core in role-name order (the order
 * the per-deal index returns them): on equal remainders the core keeps the
 * extra dollar with the first role given, so the order is part of the
 * figures. A desk opened read-only (or busy past busy_timeout) is reported
 * by splitting every deal in memory, the same way, without keeping it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/attribution.h"
#include "store_internal.h"

/* One deal's roles as read, ready for the core. */
struct deal {
	char id[STORE_ID_SIZE];               /* the intro */
	long long amount;                     /* actual ACV, else expected, else 0 */
	enum attribution_role roles[ROLE_COUNT];
	double percents[ROLE_COUNT];
	char partners[ROLE_COUNT][STORE_ID_SIZE];
	size_t n;                             /* roles read */
	int all_percent;                      /* every role carries a percent */
};

/* Split a deal: explicit percents only when every role has one (and they
 * sum to 100), else the policy's weights. 0 with shares[] filled, -1 when
 * the rules cannot split it (it is left out). */
static int split(const struct store *st, const struct deal *d,
		 struct attribution_share shares[ROLE_COUNT])
{
	char err[STORE_TEXT_SIZE];

	if (d->n == 0)
		return -1;
	if (d->all_percent && attribution_split(&st->policy, d->amount, d->roles, d->percents,
						d->n, shares, err, sizeof err) == 0)
		return 0;
	return attribution_split(&st->policy, d->amount, d->roles, NULL, d->n, shares, err,
				 sizeof err) == 0 ? 0 : -1;
}

static void deal_start(struct deal *d, const char *id, long long amount)
{
	snprintf(d->id, sizeof d->id, "%s", id);
	d->amount = amount;
	d->n = 0;
	d->all_percent = 1;
}

/* Add the role of the current row (columns: role, partner, percent at
 * col, col + 1, col + 2). Unknown roles are skipped. */
static void deal_add(struct deal *d, sqlite3_stmt *s, int col)
{
	char role[64];
	int ro;

	sq_column_text(s, col, role, sizeof role);
	ro = policy_role_from_name(role);
	if (ro < 0 || d->n >= ROLE_COUNT)
		return;
	d->roles[d->n] = (enum attribution_role)ro;
	sq_column_text(s, col + 1, d->partners[d->n], STORE_ID_SIZE);
	if (sqlite3_column_type(s, col + 2) == SQLITE_NULL)
		d->all_percent = 0;
	else
		d->percents[d->n] = sqlite3_column_double(s, col + 2);
	d->n++;
}

/* ---- the report's rows ---- */

struct payout_acc {
	struct store_attribution_row *rows;
	size_t n, cap;
};

static int by_partner_role(const void *a, const void *b)
{
	const struct store_attribution_row *x = a, *y = b;
	int c = strcmp(x->partner_id, y->partner_id);
	return c ? c : (int)x->role - (int)y->role;
}

static int by_name_role(const void *a, const void *b)
{
	const struct store_attribution_row *x = a, *y = b;
	int c = strcmp(x->name, y->name);
	return c ? c : (int)x->role - (int)y->role;
}

static enum store_status acc_add(struct store *st, struct payout_acc *acc, const char *partner,
				 enum attribution_role role, long deals, long long payout,
				 const char *name)
{
	struct store_attribution_row *r;

	if (grow_array((void **)&acc->rows, &acc->cap, acc->n, sizeof *acc->rows) != 0)
		return store_fail(st, STORE_INTERNAL, "out of memory");
	r = &acc->rows[acc->n++];
	memset(r, 0, sizeof *r);
	snprintf(r->partner_id, sizeof r->partner_id, "%s", partner);
	snprintf(r->name, sizeof r->name, "%s", name ? name : "");
	r->role = role;
	r->deals = deals;
	r->payout = payout;
	return STORE_OK;
}

/* Merge rows of the same partner and role (after sorting by them). */
static void acc_merge(struct payout_acc *acc)
{
	size_t i, o = 0;

	if (!acc->n)
		return;
	qsort(acc->rows, acc->n, sizeof *acc->rows, by_partner_role);
	for (i = 1; i < acc->n; i++) {
		struct store_attribution_row *last = &acc->rows[o];
		if (acc->rows[i].role == last->role && !strcmp(acc->rows[i].partner_id, last->partner_id)) {
			last->deals += acc->rows[i].deals;
			last->payout += acc->rows[i].payout;
		} else {
			acc->rows[++o] = acc->rows[i];
		}
	}
	acc->n = o + 1;
}

/* Partner names (when not read with the rows), then the report's order:
 * by name, then role. */
static enum store_status acc_finish(struct store *st, struct payout_acc *acc, int named)
{
	size_t i;

	for (i = 0; !named && i < acc->n; i++) {
		struct store_partner p;
		enum store_status rc = partner_load(st, acc->rows[i].partner_id, &p);
		if (rc != STORE_OK)
			return rc;
		snprintf(acc->rows[i].name, sizeof acc->rows[i].name, "%s", p.name);
	}
	if (acc->n)
		qsort(acc->rows, acc->n, sizeof *acc->rows, by_name_role);
	return STORE_OK;
}

/* Every won deal with its attributions, in id order, handed to fn one
 * deal at a time; stops at the first error. */
typedef enum store_status (*deal_fn)(struct store *st, const struct deal *d, void *ctx);

static enum store_status each_won_deal(struct store *st, deal_fn fn, void *ctx)
{
	struct deal d;
	enum store_status rc = STORE_OK;
	sqlite3_stmt *s;
	int r;

	s = sq_prepare(st, "SELECT i.id, ifnull(i.actual_acv, ifnull(i.expected_acv, 0)), a.role,"
		       " a.partner_id, a.percent FROM intros i JOIN attributions a ON a.intro_id = i.id"
		       " WHERE i.state = 'won' ORDER BY i.id, a.role");
	if (!s)
		return sq_last(st);
	d.id[0] = '\0';
	d.n = 0;
	while (rc == STORE_OK && (r = sq_step(st, s, "read attribution")) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(s, 0);
		if (strcmp(id, d.id) != 0) {
			if (d.n)
				rc = fn(st, &d, ctx);
			deal_start(&d, id, sqlite3_column_int64(s, 1));
		}
		deal_add(&d, s, 2);
	}
	if (rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK && d.n)
		rc = fn(st, &d, ctx);
	return rc;
}

/* ---- every deal split in memory (read-only desks) ---- */

static enum store_status credit_deal(struct store *st, const struct deal *d, void *ctx)
{
	struct payout_acc *acc = ctx;
	struct attribution_share shares[ROLE_COUNT];
	enum store_status rc = STORE_OK;
	size_t i;

	if (split(st, d, shares) != 0)
		return STORE_OK;   /* a deal the rules cannot split is left out */
	for (i = 0; i < d->n && rc == STORE_OK; i++)
		rc = acc_add(st, acc, d->partners[i], shares[i].role, 1, shares[i].payout, NULL);
	return rc;
}

static enum store_status report_in_memory(struct store *st, struct payout_acc *acc)
{
	enum store_status rc = each_won_deal(st, credit_deal, acc);

	if (rc == STORE_OK)
		acc_merge(acc);
	return rc;
}

/* ---- the kept payouts ---- */

static void role_weights_text(const struct store *st, char *buf, size_t size)
{
	const int *w = st->policy.role_weights;
	snprintf(buf, size, "%d,%d,%d,%d,%d", w[0], w[1], w[2], w[3], w[4]);
}

static enum store_status run(struct store *st, sqlite3_stmt *s, const char *what)
{
	enum store_status rc = STORE_OK;
	if (!s)
		return sq_last(st);
	if (sq_step(st, s, what) != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

/* Take one deal's kept payouts out of the sums and forget them. */
static enum store_status payouts_remove(struct store *st, const char *intro_id)
{
	enum store_status rc;
	sqlite3_stmt *s = sq_prepare(st,
		"UPDATE payout_tally SET deals = payout_tally.deals - 1,"
		" payout = payout_tally.payout - p.payout"
		" FROM payouts p WHERE p.intro_id = ?1 AND payout_tally.partner_id = p.partner_id"
		" AND payout_tally.role = p.role");
	if (s)
		sq_bind_text(s, 1, intro_id);
	rc = run(st, s, "take payouts out");
	if (rc != STORE_OK)
		return rc;
	s = sq_prepare(st, "DELETE FROM payouts WHERE intro_id = ?1");
	if (s)
		sq_bind_text(s, 1, intro_id);
	return run(st, s, "forget payouts");
}

/* Keep a deal's payouts and add them to the sums. */
static enum store_status payouts_add(struct store *st, const struct deal *d)
{
	struct attribution_share shares[ROLE_COUNT];
	enum store_status rc = STORE_OK;
	size_t i;

	if (split(st, d, shares) != 0)
		return STORE_OK;   /* a deal the rules cannot split is left out */
	for (i = 0; i < d->n && rc == STORE_OK; i++) {
		sqlite3_stmt *s = sq_prepare(st, "INSERT INTO payouts (intro_id, role, partner_id,"
					     " payout) VALUES (?1, ?2, ?3, ?4)");
		if (s) {
			sq_bind_text(s, 1, d->id);
			sqlite3_bind_text(s, 2, policy_role_name(shares[i].role), -1, SQLITE_STATIC);
			sq_bind_text(s, 3, d->partners[i]);
			sqlite3_bind_int64(s, 4, shares[i].payout);
		}
		rc = run(st, s, "keep a payout");
		if (rc != STORE_OK)
			break;
		s = sq_prepare(st, "INSERT INTO payout_tally (partner_id, role, deals, payout)"
			       " VALUES (?1, ?2, 1, ?3) ON CONFLICT (partner_id, role)"
			       " DO UPDATE SET deals = deals + 1, payout = payout + excluded.payout");
		if (s) {
			sq_bind_text(s, 1, d->partners[i]);
			sqlite3_bind_text(s, 2, policy_role_name(shares[i].role), -1, SQLITE_STATIC);
			sqlite3_bind_int64(s, 3, shares[i].payout);
		}
		rc = run(st, s, "add a payout");
	}
	return rc;
}

static enum store_status keep_deal(struct store *st, const struct deal *d, void *ctx)
{
	(void)ctx;
	return payouts_add(st, d);
}

/* Split one stale deal again (it may be gone, or no longer won). */
static enum store_status payouts_refresh_deal(struct store *st, const char *intro_id)
{
	struct deal d;
	enum store_status rc = payouts_remove(st, intro_id);
	sqlite3_stmt *s;
	int r;

	if (rc != STORE_OK)
		return rc;
	s = sq_prepare(st, "SELECT ifnull(i.actual_acv, ifnull(i.expected_acv, 0)), a.role,"
		       " a.partner_id, a.percent FROM intros i JOIN attributions a ON a.intro_id = i.id"
		       " WHERE i.id = ?1 AND i.state = 'won' ORDER BY a.role");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, intro_id);
	deal_start(&d, intro_id, 0);
	while ((r = sq_step(st, s, "read a deal")) == SQLITE_ROW) {
		d.amount = sqlite3_column_int64(s, 0);
		deal_add(&d, s, 1);
	}
	if (r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK && d.n)
		rc = payouts_add(st, &d);
	return rc;
}

/* Every won deal split again (other role weights, or a new desk). */
static enum store_status payouts_rebuild(struct store *st)
{
	enum store_status rc;

	rc = run(st, sq_prepare(st, "DELETE FROM payouts"), "forget payouts");
	if (rc == STORE_OK)
		rc = run(st, sq_prepare(st, "DELETE FROM payout_tally"), "forget payouts");
	if (rc != STORE_OK)
		return rc;
	return each_won_deal(st, keep_deal, NULL);
}

/* Bring the kept payouts up to date: stale deals, or everything when the
 * role weights differ from the ones they were split with. */
static enum store_status payouts_update(struct store *st)
{
	char weights[64], kept[64] = "";
	char (*ids)[STORE_ID_SIZE] = NULL;
	size_t n = 0, cap = 0, i;
	enum store_status rc;
	sqlite3_stmt *s;
	int r;

	role_weights_text(st, weights, sizeof weights);
	s = sq_prepare(st, "SELECT value FROM meta WHERE key = 'payout_weights'");
	if (!s)
		return sq_last(st);
	r = sq_step(st, s, "read the payout weights");
	if (r == SQLITE_ROW)
		sq_column_text(s, 0, kept, sizeof kept);
	sq_release(st, s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return sq_last(st);
	if (strcmp(kept, weights) != 0) {
		rc = payouts_rebuild(st);
		if (rc == STORE_OK)
			rc = run(st, sq_prepare(st, "DELETE FROM payouts_stale"), "forget stale deals");
		if (rc == STORE_OK) {
			s = sq_prepare(st, "INSERT INTO meta (key, value) VALUES ('payout_weights', ?1)"
				       " ON CONFLICT (key) DO UPDATE SET value = excluded.value");
			if (s)
				sq_bind_text(s, 1, weights);
			rc = run(st, s, "keep the payout weights");
		}
		return rc;
	}
	/* the stale deals first into memory: their rows change as we go */
	s = sq_prepare(st, "SELECT intro_id FROM payouts_stale");
	if (!s)
		return sq_last(st);
	rc = STORE_OK;
	while ((r = sq_step(st, s, "read stale deals")) == SQLITE_ROW) {
		if (grow_array((void **)&ids, &cap, n, sizeof *ids) != 0) {
			rc = store_fail(st, STORE_INTERNAL, "out of memory");
			break;
		}
		sq_column_text(s, 0, ids[n++], STORE_ID_SIZE);
	}
	if (rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	for (i = 0; rc == STORE_OK && i < n; i++)
		rc = payouts_refresh_deal(st, ids[i]);
	free(ids);
	if (rc == STORE_OK && n)
		rc = run(st, sq_prepare(st, "DELETE FROM payouts_stale"), "forget stale deals");
	return rc;
}

/* STORE_OK when the kept payouts hold for the policy's role weights and no
 * deal waits to be split again, STORE_REFUSED when not. */
static enum store_status payouts_fresh(struct store *st)
{
	char weights[64], kept[64] = "";
	sqlite3_stmt *s;
	int r, stale = 0;

	role_weights_text(st, weights, sizeof weights);
	s = sq_prepare(st, "SELECT (SELECT value FROM meta WHERE key = 'payout_weights'),"
		       " EXISTS (SELECT 1 FROM payouts_stale)");
	if (!s)
		return sq_last(st);
	r = sq_step(st, s, "read the payout state");
	if (r == SQLITE_ROW) {
		sq_column_text(s, 0, kept, sizeof kept);
		stale = sqlite3_column_int(s, 1);
	}
	sq_release(st, s);
	if (r != SQLITE_ROW)
		return sq_last(st);
	return !stale && strcmp(kept, weights) == 0 ? STORE_OK : STORE_REFUSED;
}

static enum store_status report_kept(struct store *st, struct payout_acc *acc)
{
	enum store_status rc = STORE_OK;
	sqlite3_stmt *s = sq_prepare(st, "SELECT t.partner_id, t.role, t.deals, t.payout, p.name"
				     " FROM payout_tally t JOIN partners p ON p.id = t.partner_id"
				     " WHERE t.deals > 0");
	int r;

	if (!s)
		return sq_last(st);
	while (rc == STORE_OK && (r = sq_step(st, s, "read payouts")) == SQLITE_ROW) {
		char partner[STORE_ID_SIZE], role[64];
		int ro;

		sq_column_text(s, 0, partner, sizeof partner);
		sq_column_text(s, 1, role, sizeof role);
		ro = policy_role_from_name(role);
		if (ro >= 0)
			rc = acc_add(st, acc, partner, (enum attribution_role)ro,
				     (long)sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3),
				     (const char *)sqlite3_column_text(s, 4));
	}
	if (rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

enum store_status store_report_attribution(struct store *st,
					   struct store_attribution_row **out, size_t *n)
{
	struct payout_acc acc = { NULL, 0, 0 };
	enum store_status rc;
	int named = 1;

	store_clear_error(st);
	*out = NULL;
	*n = 0;
	/* up to date (the usual case): a read; else split what changed first,
	 * in a write transaction */
	rc = payouts_fresh(st);
	if (rc == STORE_OK) {
		rc = report_kept(st, &acc);
	} else if (rc == STORE_REFUSED) {
		rc = st->read_only ? STORE_READ_ONLY : tx_begin(st);
		if (rc == STORE_OK) {
			rc = payouts_update(st);
			if (rc == STORE_OK)
				rc = report_kept(st, &acc);
			rc = tx_end(st, rc);
		}
	}
	if (rc == STORE_READ_ONLY || rc == STORE_BUSY) {
		/* nothing can be kept: split every deal for this report only */
		store_clear_error(st);
		free(acc.rows);
		memset(&acc, 0, sizeof acc);
		rc = report_in_memory(st, &acc);
		named = 0;
	}
	if (rc == STORE_OK)
		rc = acc_finish(st, &acc, named);
	if (rc != STORE_OK) {
		free(acc.rows);
		return rc;
	}
	*out = acc.rows;
	*n = acc.n;
	return STORE_OK;
}
