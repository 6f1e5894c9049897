/* bulk.c - loading intros whose history happened elsewhere: a generated
 * desk (bench/), or a move from another desk tool.
 *
 * Rows go in as given, through one prepared INSERT, without the lifecycle
 * (the CHECK constraints still guard every row) and with ONE audit row per
 * call summarising it. Inside store_begin..store_commit a load may first drop
 * the secondary indexes and the counting triggers of intros
 * (store_bulk_prepare): a large first load then costs one sort per index
 * and one count per tally at the end instead of a random insert per row
 * and index and a trigger per row and tally. The texts come back from
 * sqlite_schema, so what is built again is exactly what the migrations
 * made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/tier.h"
#include "store_internal.h"

static enum store_status check_record(struct store *st, const struct store_intro_record *r,
				      size_t at)
{
	if ((unsigned)r->state >= STATE_COUNT)
		return store_fail(st, STORE_INVALID, "intro %zu: unknown state %d", at, (int)r->state);
	if (!r->partner_id || strlen(r->partner_id) != 32 || !r->account_id ||
	    strlen(r->account_id) != 32)
		return store_fail(st, STORE_INVALID, "intro %zu: partner and account ids are required",
				  at);
	if (r->received_at <= 0)
		return store_fail(st, STORE_INVALID, "intro %zu: received_at is required", at);
	if (r->role_count > ROLE_COUNT)
		return store_fail(st, STORE_INVALID, "intro %zu: %zu roles", at, r->role_count);
	if (r->id && strlen(r->id) != 32)
		return store_fail(st, STORE_INVALID, "intro %zu: an id has 32 hex digits", at);
	return STORE_OK;
}

static void bind_record(struct store *st, sqlite3_stmt *s, const struct store_intro_record *r,
			const char *id)
{
	int i;

	sq_bind_text(s, 1, id);
	sqlite3_bind_text(s, 2, r->partner_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, r->account_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 4, r->received_at);
	sq_bind_text_or_null(s, 5, r->contact);
	sq_bind_text_or_null(s, 6, r->note);
	sq_bind_text(s, 7, r->source && *r->source ? r->source : "partner");
	sq_bind_text_or_null(s, 8, r->external_id);
	sq_bind_int_or_null(s, 9, r->expected_acv, r->expected_acv < 0);
	sqlite3_bind_text(s, 10, domain_state_name(r->state), -1, SQLITE_STATIC);
	if (r->state == STATE_ESCALATED)
		sqlite3_bind_text(s, 11, domain_state_name(r->escalated_from), -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 11);
	sq_bind_text_or_null(s, 12, r->pod_id);
	sq_bind_text_or_null(s, 13, r->owner_id);
	sq_bind_text_or_null(s, 14, r->ae_id);
	for (i = 0; i < PQL_FACTOR_COUNT; i++)
		sq_bind_int_or_null(s, 15 + i, r->points[i], !r->scored);
	sq_bind_int_or_null(s, 21, score_total(r->points), !r->scored);
	if (r->scored)
		sqlite3_bind_text(s, 22, st->weights_text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 22);
	sq_bind_int_or_null(s, 23, r->tier, r->tier <= 0);
	sq_bind_text_or_null(s, 24, r->tier_reason);
	sq_bind_int_or_null(s, 25, r->ae_hours, r->ae_hours < 0);
	sq_bind_int_or_null(s, 26, r->sla_due, r->sla_due <= 0);
	sq_bind_int_or_null(s, 27, r->closed_at, r->closed_at <= 0);
	sq_bind_int_or_null(s, 28, r->actual_acv, r->actual_acv < 0);
	sq_bind_int_or_null(s, 29, r->actual_ae_minutes, r->actual_ae_minutes < 0);
	sq_bind_text_or_null(s, 30, r->reason_code);
	sqlite3_bind_int64(s, 31, r->created_at > 0 ? r->created_at : r->received_at);
	sqlite3_bind_int64(s, 32, r->updated_at > 0 ? r->updated_at
				  : r->created_at > 0 ? r->created_at : r->received_at);
}

enum store_status store_intro_load_bulk(struct store *st, const struct store_intro_record *rows,
					size_t n, char (*ids_out)[STORE_ID_SIZE])
{
	char id[STORE_ID_SIZE], summary[STORE_TEXT_SIZE];
	enum store_status rc;
	sqlite3_stmt *s, *a = NULL;
	size_t i, k;
	int own_bulk = 0;

	store_clear_error(st);
	for (i = 0; i < n; i++) {
		rc = check_record(st, &rows[i], i);
		if (rc != STORE_OK)
			return rc;
	}
	/* inside the caller's transaction: no savepoint journaling every page
	 * the load touches (a failure then leaves store_commit to refuse) */
	if (st->user_tx && !st->bulk) {
		bulk_mode(st, 1);
		own_bulk = 1;
	}
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	s = sq_prepare(st, "INSERT INTO intros (id, partner_id, account_id, received_at, contact,"
		       " note, source, external_id, expected_acv, state, escalated_from, pod_id,"
		       " owner_id, ae_id, p_overlap, p_budget, p_icp, p_relationship, p_competitive,"
		       " p_size, score, weights, tier, tier_reason, ae_hours, sla_due, closed_at,"
		       " actual_acv, actual_ae_minutes, reason_code, created_at, updated_at)"
		       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
		       " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30,"
		       " ?31, ?32)");
	if (!s) {
		rc = tx_end(st, sq_last(st));
		if (own_bulk)
			bulk_mode(st, 0);
		return rc;
	}
	for (i = 0; i < n && rc == STORE_OK; i++) {
		const struct store_intro_record *r = &rows[i];

		if (r->id)
			memcpy(id, r->id, STORE_ID_SIZE);
		else
			id_new(st, id);
		bind_record(st, s, r, id);
		if (sq_step(st, s, "load intro") != SQLITE_DONE)
			rc = sq_last(st);
		sqlite3_reset(s);
		if (ids_out)
			memcpy(ids_out[i], id, STORE_ID_SIZE);
		if (r->role_count && !a && rc == STORE_OK) {
			a = sq_prepare(st, "INSERT INTO attributions (id, intro_id, role, partner_id,"
				       " percent, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5,"
				       " ?6, ?6)");
			if (!a)
				rc = sq_last(st);
		}
		for (k = 0; k < r->role_count && rc == STORE_OK; k++) {
			char aid[STORE_ID_SIZE];

			id_new(st, aid);
			sq_bind_text(a, 1, aid);
			sq_bind_text(a, 2, id);
			sqlite3_bind_text(a, 3, policy_role_name(r->roles[k].role), -1, SQLITE_STATIC);
			sq_bind_text(a, 4, r->roles[k].partner_id);
			if (r->roles[k].percent >= 0)
				sqlite3_bind_double(a, 5, r->roles[k].percent);
			else
				sqlite3_bind_null(a, 5);
			sqlite3_bind_int64(a, 6, r->closed_at > 0 ? r->closed_at : r->received_at);
			if (sq_step(st, a, "load attribution") != SQLITE_DONE)
				rc = sq_last(st);
			sq_reset(a);
		}
	}
	sq_reset(s);
	sq_release(st, s);
	if (a)
		sq_release(st, a);
	if (rc == STORE_OK && n > 0) {
		snprintf(summary, sizeof summary, "%zu intros loaded as they stood", n);
		rc = audit_write(st, "desk", "intros", "load", NULL, summary, NULL);
	}
	rc = tx_end(st, rc);
	if (own_bulk)
		bulk_mode(st, 0);
	return rc;
}

/* ---- dropping and rebuilding the secondary indexes of intros ---- */

void bulk_index_forget(struct store *st)
{
	size_t i;

	st->bulk_refill = 0;
	for (i = 0; i < st->bulk_index_count; i++)
		free(st->bulk_index_sql[i]);
	free(st->bulk_index_sql);
	st->bulk_index_sql = NULL;
	st->bulk_index_count = 0;
}

/* What a large load may drop, each with its fixed DROP statement (a name
 * cannot be a bound parameter): the secondary indexes of intros and the
 * triggers that keep the tallies. lookup: an import reads that index row
 * by row (idempotency), so it stays. */
enum drop_kind { DROP_INDEX, DROP_LOOKUP_INDEX, DROP_TRIGGER };
#define INDEX(name) { #name, "DROP INDEX IF EXISTS " #name, DROP_INDEX }
#define LOOKUP(name) { #name, "DROP INDEX IF EXISTS " #name, DROP_LOOKUP_INDEX }
#define TRIGGER(name) { #name, "DROP TRIGGER IF EXISTS " #name, DROP_TRIGGER }
static const struct { const char *name, *drop; enum drop_kind kind; } droppable[] = {
	INDEX(intros_by_received), INDEX(intros_by_score), INDEX(intros_by_sla),
	INDEX(intros_by_acv), INDEX(intros_by_tier), INDEX(intros_by_state),
	INDEX(intros_by_partner), LOOKUP(intros_by_account), INDEX(intros_by_pod),
	INDEX(intros_by_owner), INDEX(intros_by_ae), LOOKUP(intros_by_external),
	INDEX(intros_open_by_due), INDEX(intros_open_by_received), INDEX(intros_open_by_score),
	INDEX(intros_open_by_sla), INDEX(intros_open_by_acv), INDEX(intros_open_by_tier),
	INDEX(intros_open_by_state_received), INDEX(intros_open_by_partner),
	INDEX(intros_open_by_account),
	INDEX(intros_open_by_state), INDEX(intros_open_by_created), INDEX(intros_open_by_pod),
	INDEX(intros_claims), INDEX(intros_won_by_partner),
	TRIGGER(intro_counts_insert), TRIGGER(intro_counts_delete), TRIGGER(intro_counts_update),
	TRIGGER(score_counts_insert), TRIGGER(score_counts_delete), TRIGGER(score_counts_update),
	TRIGGER(partner_scores_insert), TRIGGER(partner_scores_delete),
	TRIGGER(partner_scores_update), TRIGGER(partner_counts_insert),
	TRIGGER(partner_counts_delete), TRIGGER(partner_counts_update),
	TRIGGER(ae_counts_insert), TRIGGER(ae_counts_delete), TRIGGER(ae_counts_update),
	TRIGGER(payouts_role_insert), TRIGGER(payouts_role_delete), TRIGGER(payouts_role_update),
	TRIGGER(payouts_intro_insert), TRIGGER(payouts_intro_delete),
	TRIGGER(payouts_intro_update),
};
#define N_DROPPABLE (sizeof droppable / sizeof droppable[0])

enum store_status bulk_drop(struct store *st, int for_import)
{
	enum store_status rc = STORE_OK;
	size_t i;

	if (!st->user_tx)
		return store_fail(st, STORE_INTERNAL, "a bulk load needs store_begin");
	if (st->bulk_index_count)
		return STORE_OK;
	st->bulk_index_sql = calloc(N_DROPPABLE, sizeof *st->bulk_index_sql);
	if (!st->bulk_index_sql)
		return store_fail(st, STORE_INTERNAL, "out of memory");
	st->bulk_refill = !for_import;
	for (i = 0; rc == STORE_OK && i < N_DROPPABLE; i++) {
		sqlite3_stmt *s;
		char *text = NULL;
		int r;

		/* an import reads the lookup indexes and keeps the triggers (it
		 * adds rows to a desk that already holds most of them) */
		if (for_import && droppable[i].kind != DROP_INDEX)
			continue;
		s = sq_prepare(st, "SELECT sql FROM sqlite_schema WHERE name = ?1 AND sql IS NOT NULL");
		if (!s) {
			rc = sq_last(st);
			break;
		}
		sq_bind_text(s, 1, droppable[i].name);
		r = sq_step(st, s, "read the schema");
		if (r == SQLITE_ROW) {
			text = strdup((const char *)sqlite3_column_text(s, 0));
			if (!text)
				rc = store_fail(st, STORE_INTERNAL, "out of memory");
		} else if (r != SQLITE_DONE) {
			rc = sq_last(st);
		}
		sq_release(st, s);
		if (!text)
			continue;
		st->bulk_index_sql[st->bulk_index_count++] = text;
		rc = sq_exec(st, droppable[i].drop);
	}
	if (rc != STORE_OK)
		bulk_index_forget(st);
	return rc;
}

enum store_status store_bulk_prepare(struct store *st)
{
	store_clear_error(st);
	return bulk_drop(st, 0);
}

enum store_status bulk_index_rebuild(struct store *st)
{
	enum store_status rc = STORE_OK;
	size_t i;
	char *msg = NULL;

	/* indexes first (the counting reads them), then the counts, then the
	 * triggers that keep them from now on; each text is the schema's own,
	 * read back before dropping */
	for (i = 0; rc == STORE_OK && i < st->bulk_index_count; i++) {
		if (strncmp(st->bulk_index_sql[i], "CREATE TRIGGER", 14) == 0)
			continue;
		if (sqlite3_exec(st->db, st->bulk_index_sql[i], NULL, NULL, &msg) != SQLITE_OK) {
			rc = store_fail(st, sq_last(st), "build an index again: %s",
					msg ? msg : sqlite3_errmsg(st->db));
			sqlite3_free(msg);
			msg = NULL;
		}
	}
	if (rc == STORE_OK && st->bulk_refill)
		rc = schema_tallies_fill(st);
	for (i = 0; rc == STORE_OK && i < st->bulk_index_count; i++) {
		if (strncmp(st->bulk_index_sql[i], "CREATE TRIGGER", 14) != 0)
			continue;
		if (sqlite3_exec(st->db, st->bulk_index_sql[i], NULL, NULL, &msg) != SQLITE_OK) {
			rc = store_fail(st, sq_last(st), "create a trigger again: %s",
					msg ? msg : sqlite3_errmsg(st->db));
			sqlite3_free(msg);
			msg = NULL;
		}
	}
	bulk_index_forget(st);
	return rc;
}

/* ---- partners' won history after a load ---- */

static enum store_status write_partner_stats(struct store *st, const char *partner_id,
					     long *vals, size_t n, long long sum)
{
	sqlite3_stmt *s = sq_prepare(st, "UPDATE partners SET won_count = ?2, avg_won_acv = ?3,"
				     " median_won_acv = ?4 WHERE id = ?1");
	enum store_status rc = STORE_OK;

	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, partner_id);
	sqlite3_bind_int64(s, 2, (long long)n);
	sq_bind_int_or_null(s, 3, n ? (sum + (long long)n / 2) / (long long)n : 0, n == 0);
	sq_bind_int_or_null(s, 4, n ? tier_median(vals, n) : 0, n == 0);
	if (sq_step(st, s, "refresh partner history") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

enum store_status store_partner_stats_refresh(struct store *st)
{
	sqlite3_stmt *s;
	char cur[STORE_ID_SIZE] = "";
	long *vals = NULL;
	size_t n = 0, cap = 0;
	long long sum = 0;
	enum store_status rc;
	int r;

	store_clear_error(st);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	/* partners without wins first: their cache is emptied */
	s = sq_prepare(st, "UPDATE partners SET won_count = 0, avg_won_acv = NULL,"
		       " median_won_acv = NULL WHERE won_count <> 0 OR avg_won_acv IS NOT NULL");
	if (!s)
		return tx_end(st, sq_last(st));
	if (sq_step(st, s, "reset partner history") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	s = sq_prepare(st, "SELECT partner_id, ifnull(actual_acv, expected_acv) FROM intros"
		       " WHERE state = 'won' AND ifnull(actual_acv, expected_acv) IS NOT NULL"
		       " ORDER BY partner_id");
	if (!s)
		return tx_end(st, sq_last(st));
	while (rc == STORE_OK && (r = sq_step(st, s, "read won deals")) == SQLITE_ROW) {
		const char *pid = (const char *)sqlite3_column_text(s, 0);
		if (strcmp(pid, cur) != 0) {
			if (n)
				rc = write_partner_stats(st, cur, vals, n, sum);
			snprintf(cur, sizeof cur, "%s", pid);
			n = 0;
			sum = 0;
		}
		if (grow_array((void **)&vals, &cap, n, sizeof *vals) != 0) {
			rc = store_fail(st, STORE_INTERNAL, "out of memory");
			break;
		}
		vals[n] = (long)sqlite3_column_int64(s, 1);
		sum += vals[n++];
	}
	if (rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK && n)
		rc = write_partner_stats(st, cur, vals, n, sum);
	free(vals);
	return tx_end(st, rc);
}
