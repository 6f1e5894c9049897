/* intros.c - recording arriving intros, reading them back, and the plain
 * field edits that are not state changes (pod, owner, claimed ACV). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

#define INTRO_COLS \
	"id, partner_id, account_id, received_at, contact, note, source, external_id," \
	" expected_acv, state, escalated_from, pod_id, owner_id, ae_id, p_overlap, p_budget," \
	" p_icp, p_relationship, p_competitive, p_size, score, tier, tier_reason," \
	" tier_overridden, ae_hours, sla_due, closed_at, actual_acv, actual_ae_minutes," \
	" reason_code, created_at, updated_at, weights"

static void intro_row(sqlite3_stmt *s, struct store_intro *in)
{
	char buf[32];
	int i, v;
	memset(in, 0, sizeof *in);
	sq_column_text(s, 0, in->id, sizeof in->id);
	store_handle_of(STORE_KIND_INTRO, in->id, in->handle);
	sq_column_text(s, 1, in->partner_id, sizeof in->partner_id);
	sq_column_text(s, 2, in->account_id, sizeof in->account_id);
	in->received_at = sqlite3_column_int64(s, 3);
	sq_column_text(s, 4, in->contact, sizeof in->contact);
	sq_column_text(s, 5, in->note, sizeof in->note);
	sq_column_text(s, 6, in->source, sizeof in->source);
	sq_column_text(s, 7, in->external_id, sizeof in->external_id);
	in->expected_acv = sq_column_int(s, 8, -1);
	sq_column_text(s, 9, buf, sizeof buf);
	v = domain_state_from_name(buf);
	in->state = v < 0 ? STATE_NEW : (enum intro_state)v;
	sq_column_text(s, 10, buf, sizeof buf);
	v = domain_state_from_name(buf);
	in->escalated_from = v < 0 ? STATE_NEW : (enum intro_state)v;
	sq_column_text(s, 11, in->pod_id, sizeof in->pod_id);
	sq_column_text(s, 12, in->owner_id, sizeof in->owner_id);
	sq_column_text(s, 13, in->ae_id, sizeof in->ae_id);
	in->scored = sqlite3_column_type(s, 20) != SQLITE_NULL;
	for (i = 0; i < PQL_FACTOR_COUNT; i++)
		in->points[i] = (int)sq_column_int(s, 14 + i, 0);
	in->score = (int)sq_column_int(s, 20, -1);
	in->tier = (int)sq_column_int(s, 21, 0);
	sq_column_text(s, 22, in->tier_reason, sizeof in->tier_reason);
	in->tier_overridden = sqlite3_column_int(s, 23);
	in->ae_hours = (int)sq_column_int(s, 24, -1);
	in->sla_due = sq_column_int(s, 25, 0);
	in->closed_at = sq_column_int(s, 26, 0);
	in->actual_acv = sq_column_int(s, 27, -1);
	in->actual_ae_hours = sqlite3_column_type(s, 28) == SQLITE_NULL
		? -1.0 : sqlite3_column_int64(s, 28) / 60.0;
	sq_column_text(s, 29, in->reason_code, sizeof in->reason_code);
	in->created_at = sqlite3_column_int64(s, 30);
	in->updated_at = sqlite3_column_int64(s, 31);
	sq_column_text(s, 32, in->weights, sizeof in->weights);
}

enum store_status intro_load(struct store *st, const char *id, struct store_intro *out)
{
	sqlite3_stmt *s = sq_prepare(st, "SELECT " INTRO_COLS " FROM intros WHERE id = ?1");
	enum store_status rc = STORE_OK;
	int r;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, id);
	r = sq_step(st, s, "read intro");
	if (r == SQLITE_ROW)
		intro_row(s, out);
	else if (r == SQLITE_DONE)
		rc = store_fail(st, STORE_NOT_FOUND, "no intro %s", id);
	else
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

enum store_status store_intro_get(struct store *st, const char *intro, struct store_intro *out)
{
	char id[STORE_ID_SIZE];
	enum store_status rc;
	store_clear_error(st);
	rc = resolve_id(st, STORE_KIND_INTRO, intro, id);
	if (rc != STORE_OK)
		return rc;
	return intro_load(st, id, out);
}

/* The pod of the account's territory owner, and that pod's first specialist. */
static enum store_status default_pod_owner(struct store *st, const char *account_id,
					   char *pod_id, char *owner_id)
{
	sqlite3_stmt *s;
	int r;
	enum store_status rc = STORE_OK;

	if (!pod_id[0]) {
		s = sq_prepare(st, "SELECT e.pod_id FROM accounts a JOIN aes e ON e.id = a.owner_ae_id"
			       " WHERE a.id = ?1 AND e.pod_id IS NOT NULL");
		if (!s)
			return sq_last(st);
		sq_bind_text(s, 1, account_id);
		r = sq_step(st, s, "find territory pod");
		if (r == SQLITE_ROW)
			sq_column_text(s, 0, pod_id, STORE_ID_SIZE);
		else if (r != SQLITE_DONE)
			rc = sq_last(st);
		sq_release(st, s);
	}
	if (rc == STORE_OK && !owner_id[0] && pod_id[0]) {
		s = sq_prepare(st, "SELECT id FROM specialists WHERE pod_id = ?1 ORDER BY name LIMIT 1");
		if (!s)
			return sq_last(st);
		sq_bind_text(s, 1, pod_id);
		r = sq_step(st, s, "find pod specialist");
		if (r == SQLITE_ROW)
			sq_column_text(s, 0, owner_id, STORE_ID_SIZE);
		else if (r != SQLITE_DONE)
			rc = sq_last(st);
		sq_release(st, s);
	}
	return rc;
}

static enum store_status check_new_intro(struct store *st, const struct store_intro_new *in)
{
	enum store_status rc = check_len(st, "contact", in->contact, STORE_NAME_SIZE - 1);
	if (rc == STORE_OK)
		rc = check_len(st, "note", in->note, STORE_NOTE_SIZE - 1);
	if (rc == STORE_OK)
		rc = check_len(st, "source", in->source, STORE_NAME_SIZE - 1);
	if (rc == STORE_OK)
		rc = check_len(st, "external id", in->external_id, STORE_NAME_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	if (in->expected_acv < -1)
		return store_fail(st, STORE_INVALID, "expected ACV: %lld is negative",
				  in->expected_acv);
	if (in->received_at < 0)
		return store_fail(st, STORE_INVALID, "received at: %lld is before 1970",
				  in->received_at);
	return STORE_OK;
}

/* Insert the intro with its references already resolved to ids (pod and
 * owner "" for none) and write its audit row. */
static enum store_status intro_insert(struct store *st, const struct store_intro_new *in,
				      const char *pid, const char *aid, const char *pod,
				      const char *owner, char *id_out)
{
	long long now = st_now(st), received = in->received_at > 0 ? in->received_at : now;
	enum store_status rc = STORE_OK;
	sqlite3_stmt *s;

	id_new(st, id_out);
	s = sq_prepare(st, "INSERT INTO intros (id, partner_id, account_id, received_at, contact,"
		       " note, source, external_id, expected_acv, state, pod_id, owner_id, sla_due,"
		       " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'new',"
		       " ?10, ?11, ?12, ?13, ?13)");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, id_out);
	sq_bind_text(s, 2, pid);
	sq_bind_text(s, 3, aid);
	sqlite3_bind_int64(s, 4, received);
	sq_bind_text_or_null(s, 5, in->contact);
	sq_bind_text_or_null(s, 6, in->note);
	sq_bind_text(s, 7, in->source && *in->source ? in->source : "partner");
	sq_bind_text_or_null(s, 8, in->external_id);
	sq_bind_int_or_null(s, 9, in->expected_acv, in->expected_acv < 0);
	sq_bind_text_or_null(s, 10, pod);
	sq_bind_text_or_null(s, 11, owner);
	sqlite3_bind_int64(s, 12, received + (long long)st->policy.sla_triage_hours * 3600);
	sqlite3_bind_int64(s, 13, now);
	if (sq_step(st, s, "add intro") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK)
		rc = audit_write(st, "intro", id_out, "created", NULL, "new", NULL);
	return rc;
}

enum store_status store_intro_add(struct store *st, const struct store_intro_new *in,
				  char *id_out)
{
	char pid[STORE_ID_SIZE], aid[STORE_ID_SIZE], pod[STORE_ID_SIZE] = "",
	     owner[STORE_ID_SIZE] = "";
	enum store_status rc;

	store_clear_error(st);
	rc = check_new_intro(st, in);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_PARTNER, in->partner, pid);
	if (rc == STORE_OK)
		rc = resolve_id(st, STORE_KIND_ACCOUNT, in->account, aid);
	if (rc == STORE_OK && in->pod && *in->pod)
		rc = resolve_id(st, STORE_KIND_POD, in->pod, pod);
	if (rc == STORE_OK && in->owner && *in->owner)
		rc = resolve_id(st, STORE_KIND_SPECIALIST, in->owner, owner);
	if (rc == STORE_OK)
		rc = default_pod_owner(st, aid, pod, owner);
	if (rc == STORE_OK)
		rc = intro_insert(st, in, pid, aid, pod, owner, id_out);
	return tx_end(st, rc);
}

enum store_status intro_add_resolved(struct store *st, const struct store_intro_new *in,
				     const char *pid, const char *aid, const char *pod,
				     const char *owner, char *id_out)
{
	enum store_status rc;

	store_clear_error(st);
	rc = check_new_intro(st, in);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc == STORE_OK)
		rc = tx_end(st, intro_insert(st, in, pid, aid, pod, owner, id_out));
	return rc;
}

enum store_status intro_default_pod_owner(struct store *st, const char *account_id,
					  char *pod_id, char *owner_id)
{
	return default_pod_owner(st, account_id, pod_id, owner_id);
}

enum store_status store_intro_find_external(struct store *st, const char *source,
					    const char *external_id, char *id_out)
{
	sqlite3_stmt *s;
	enum store_status rc = STORE_NOT_FOUND;
	int r;

	store_clear_error(st);
	if (!external_id || !*external_id)
		return STORE_NOT_FOUND;
	s = sq_prepare(st, "SELECT id FROM intros WHERE external_id = ?1"
		       " AND (?2 IS NULL OR source = ?2) LIMIT 1");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, external_id);
	sq_bind_text_or_null(s, 2, source);
	r = sq_step(st, s, "find intro by external id");
	if (r == SQLITE_ROW) {
		sq_column_text(s, 0, id_out, STORE_ID_SIZE);
		rc = STORE_OK;
	} else if (r != SQLITE_DONE) {
		rc = sq_last(st);
	}
	sq_release(st, s);
	return rc;
}

enum store_status store_intro_find_same(struct store *st, const char *partner_id,
					const char *account_id, long long received_at,
					char *id_out)
{
	sqlite3_stmt *s;
	enum store_status rc = STORE_NOT_FOUND;
	int r;

	store_clear_error(st);
	s = sq_prepare(st, "SELECT id FROM intros WHERE account_id = ?2 AND partner_id = ?1"
		       " AND received_at = ?3 LIMIT 1");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, partner_id);
	sq_bind_text(s, 2, account_id);
	sqlite3_bind_int64(s, 3, received_at);
	r = sq_step(st, s, "find intro");
	if (r == SQLITE_ROW) {
		sq_column_text(s, 0, id_out, STORE_ID_SIZE);
		rc = STORE_OK;
	} else if (r != SQLITE_DONE) {
		rc = sq_last(st);
	}
	sq_release(st, s);
	return rc;
}

/* Set one text id column of an intro with its audit row. */
static enum store_status set_ref(struct store *st, const char *id, const char *sql,
				 const char *field, const char *old_value, const char *new_value,
				 const char *reason)
{
	sqlite3_stmt *s;
	enum store_status rc = STORE_OK;
	if (strcmp(old_value, new_value) == 0)
		return STORE_OK;
	s = sq_prepare(st, sql);
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, id);
	sq_bind_text_or_null(s, 2, new_value);
	sqlite3_bind_int64(s, 3, st_now(st));
	if (sq_step(st, s, "update intro") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK)
		rc = audit_write(st, "intro", id, field, old_value[0] ? old_value : NULL,
				 new_value[0] ? new_value : NULL, reason);
	return rc;
}

enum store_status store_intro_assign(struct store *st, const char *intro, const char *pod,
				     const char *owner)
{
	struct store_intro in;
	char id[STORE_ID_SIZE], pod_id[STORE_ID_SIZE] = "", owner_id[STORE_ID_SIZE] = "";
	enum store_status rc;

	store_clear_error(st);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, id);
	if (rc == STORE_OK)
		rc = intro_load(st, id, &in);
	if (rc == STORE_OK && pod && *pod)
		rc = resolve_id(st, STORE_KIND_POD, pod, pod_id);
	if (rc == STORE_OK && owner && *owner)
		rc = resolve_id(st, STORE_KIND_SPECIALIST, owner, owner_id);
	if (rc == STORE_OK && pod)
		rc = set_ref(st, id, "UPDATE intros SET pod_id = ?2, updated_at = ?3 WHERE id = ?1",
			     "pod_id", in.pod_id, pod_id, NULL);
	if (rc == STORE_OK && owner)
		rc = set_ref(st, id, "UPDATE intros SET owner_id = ?2, updated_at = ?3 WHERE id = ?1",
			     "owner_id", in.owner_id, owner_id, NULL);
	return tx_end(st, rc);
}

enum store_status store_intro_set_acv(struct store *st, const char *intro,
				      long long expected_acv, const char *reason)
{
	struct store_intro in;
	char id[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (expected_acv < -1)
		return store_fail(st, STORE_INVALID, "expected ACV: %lld is negative", expected_acv);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, id);
	if (rc == STORE_OK)
		rc = intro_load(st, id, &in);
	if (rc != STORE_OK || in.expected_acv == expected_acv)
		return tx_end(st, rc);
	s = sq_prepare(st, "UPDATE intros SET expected_acv = ?2, updated_at = ?3 WHERE id = ?1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sq_bind_int_or_null(s, 2, expected_acv, expected_acv < 0);
	sqlite3_bind_int64(s, 3, st_now(st));
	if (sq_step(st, s, "set expected ACV") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK)
		rc = audit_write_int(st, "intro", id, "expected_acv", in.expected_acv,
				     in.expected_acv < 0, expected_acv, expected_acv < 0, reason);
	return tx_end(st, rc);
}
