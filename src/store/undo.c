/* undo.c - revert the last batch of an actor from the audit trail.
 *
 * A batch is what one write (or one store_begin..store_commit bulk action)
 * recorded. Its rows are reverted newest first, which undoes the forward
 * order the writers chose to keep every CHECK true. A row some later,
 * still-standing batch changed again is not reverted: the whole undo is
 * refused ("changed since"), so undo never overwrites someone else's edit.
 * The undo is a batch of its own whose rows carry undo_of = the reverted
 * batch; undoing again goes one batch further back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static int is_score_field(const char *field)
{
	int i;
	if (strcmp(field, "score") == 0 || strcmp(field, "weights") == 0)
		return 1;
	for (i = 0; i < PQL_FACTOR_COUNT; i++)
		if (strcmp(field, store_point_columns[i]) == 0)
			return 1;
	return 0;
}

/* Has a later, still-standing batch changed (entity_id, field)? */
static enum store_status changed_since(struct store *st, const struct store_audit *a,
				       const char *field_or_null, int *yes)
{
	sqlite3_stmt *s = field_or_null
		? sq_prepare(st, "SELECT 1 FROM audit l WHERE l.entity_id = ?1 AND l.field = ?2"
			     " AND l.seq > ?3 AND l.batch <> ?4 AND l.undo_of IS NULL"
			     " AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undo_of = l.batch) LIMIT 1")
		: sq_prepare(st, "SELECT 1 FROM audit l WHERE l.entity_id = ?1"
			     " AND l.seq > ?3 AND l.batch <> ?4 AND l.undo_of IS NULL"
			     " AND NOT EXISTS (SELECT 1 FROM audit u WHERE u.undo_of = l.batch) LIMIT 1");
	int r;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, a->entity_id);
	if (field_or_null)
		sq_bind_text(s, 2, field_or_null);
	sqlite3_bind_int64(s, 3, a->seq);
	sq_bind_text(s, 4, a->batch);
	r = sq_step(st, s, "check later changes");
	sq_release(st, s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return sq_last(st);
	*yes = r == SQLITE_ROW;
	return STORE_OK;
}

static enum store_status refuse_changed(struct store *st, const struct store_audit *a)
{
	char h[STORE_HANDLE_SIZE];
	store_handle_of(STORE_KIND_INTRO, a->entity_id, h);
	return store_fail(st, STORE_REFUSED, "cannot undo: the %s %s (%s) was changed again "
			  "since; undo that first", a->entity,
			  strcmp(a->entity, "intro") == 0 ? h : a->entity_id, a->field);
}

/* Revert the score group of one intro: every score field the batch wrote
 * for it, back to the value before the batch, in one UPDATE. */
static enum store_status undo_score_group(struct store *st, struct store_audit *rows, size_t n,
					  size_t at, char *done)
{
	struct store_intro in;
	int points[PQL_FACTOR_COUNT], clear = 0, i;
	char weights[64];
	enum store_status rc;
	size_t j;

	rc = intro_load(st, rows[at].entity_id, &in);
	if (rc != STORE_OK)
		return rc;
	memcpy(points, in.points, sizeof points);
	snprintf(weights, sizeof weights, "%s", in.weights);
	/* rows are newest first: the last one seen per field holds its value
	 * before the batch */
	for (j = at; j < n; j++) {
		const struct store_audit *a = &rows[j];
		int changed = 0;
		if (done[j] || strcmp(a->entity, "intro") || strcmp(a->entity_id, rows[at].entity_id) ||
		    !is_score_field(a->field))
			continue;
		rc = changed_since(st, a, a->field, &changed);
		if (rc != STORE_OK)
			return rc;
		if (changed)
			return refuse_changed(st, a);
		done[j] = 1;
		if (strcmp(a->field, "score") == 0) {
			clear = a->old_value[0] == '\0';
			continue;
		}
		if (strcmp(a->field, "weights") == 0) {
			snprintf(weights, sizeof weights, "%s", a->old_value);
			continue;
		}
		for (i = 0; i < PQL_FACTOR_COUNT; i++)
			if (strcmp(a->field, store_point_columns[i]) == 0)
				points[i] = atoi(a->old_value);
	}
	return intro_set_points(st, &in, clear ? NULL : points, weights, "undo");
}

/* Put back an attribution row that a clear deleted. */
static enum store_status undo_attribution_delete(struct store *st, const struct store_audit *a)
{
	char intro[STORE_ID_SIZE], role[64], partner[STORE_ID_SIZE];
	double percent = -1;
	sqlite3_stmt *s;
	enum store_status rc = STORE_OK;

	if (sscanf(a->old_value, "%32s %63s %32s %lf", intro, role, partner, &percent) < 3)
		return store_fail(st, STORE_REFUSED, "cannot undo: the audit row of the cleared "
				  "attribution is unreadable");
	s = sq_prepare(st, "INSERT INTO attributions (id, intro_id, role, partner_id, percent,"
		       " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, a->entity_id);
	sq_bind_text(s, 2, intro);
	sq_bind_text(s, 3, role);
	sq_bind_text(s, 4, partner);
	if (percent >= 0)
		sqlite3_bind_double(s, 5, percent);
	sqlite3_bind_int64(s, 6, st_now(st));
	if (sq_step(st, s, "restore attribution") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK)
		rc = audit_write(st, "attribution", a->entity_id, "created", NULL, role, "undo");
	return rc;
}

static enum store_status undo_brief_version(struct store *st, const struct store_audit *a)
{
	sqlite3_stmt *s = sq_prepare(st, "DELETE FROM briefs WHERE intro_id = ?1 AND version = ?2");
	enum store_status rc = STORE_OK;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, a->entity_id);
	sqlite3_bind_int64(s, 2, strtoll(a->new_value, NULL, 10));
	if (sq_step(st, s, "remove brief version") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK)
		rc = audit_write(st, "brief", a->entity_id, "version", a->new_value,
				 a->old_value[0] ? a->old_value : NULL, "undo");
	return rc;
}

/* Revert one row (not part of a score group). */
static enum store_status undo_row(struct store *st, const struct store_audit *a)
{
	const char *old_v = a->old_value[0] ? a->old_value : NULL;
	const char *new_v = a->new_value[0] ? a->new_value : NULL;
	enum store_status rc;
	int changed = 0;

	if (strcmp(a->entity, "desk") == 0 && strcmp(a->field, "rescore") == 0)
		return store_fail(st, STORE_REFUSED, "cannot undo a rescore: put the old weights "
				  "back in the config and rescore again");
	if (strcmp(a->entity, "desk") == 0 && strcmp(a->field, "load") == 0)
		return store_fail(st, STORE_REFUSED, "cannot undo a bulk load of intros: "
				  "load the desk again from its source");
	if (strcmp(a->entity, "overlap") == 0)
		return store_fail(st, STORE_REFUSED, "cannot undo a change of mapping data: import "
				  "the previous mapping again");
	rc = changed_since(st, a, strcmp(a->field, "created") == 0 ? NULL : a->field, &changed);
	if (rc != STORE_OK)
		return rc;
	if (changed)
		return refuse_changed(st, a);

	if (strcmp(a->entity, "desk") == 0 && strcmp(a->field, "threshold") == 0) {
		rc = dial_restore(st, old_v);
		if (rc == STORE_OK)
			rc = audit_write(st, "desk", "dial", "threshold", new_v, old_v, "undo");
		return rc;
	}
	if (strcmp(a->entity, "desk") == 0 && strcmp(a->field, "desk_name") == 0) {
		rc = desk_name_restore(st, old_v);
		if (rc == STORE_OK)
			rc = audit_write(st, "desk", "desk_name", "desk_name", new_v, old_v, "undo");
		return rc;
	}
	if (strcmp(a->entity, "brief") == 0 && strcmp(a->field, "version") == 0)
		return undo_brief_version(st, a);
	if (strcmp(a->field, "created") == 0) {
		rc = row_delete(st, a->entity, a->entity_id);
		if (rc == STORE_OK)
			rc = audit_write(st, a->entity, a->entity_id, "deleted", new_v, NULL, "undo");
		return rc;
	}
	if (strcmp(a->field, "deleted") == 0 && strcmp(a->entity, "attribution") == 0)
		return undo_attribution_delete(st, a);
	if (!column_known(a->entity, a->field))
		return store_fail(st, STORE_REFUSED, "cannot undo a change of %s.%s", a->entity,
				  a->field);
	rc = column_set(st, a->entity, a->entity_id, a->field, old_v);
	if (rc == STORE_OK)
		rc = audit_write(st, a->entity, a->entity_id, a->field, new_v, old_v, "undo");
	return rc;
}

static enum store_status last_batch(struct store *st, const char *actor, char *batch)
{
	sqlite3_stmt *s = sq_prepare(st, "SELECT a.batch FROM audit a WHERE a.actor = ?1"
				     " AND a.undo_of IS NULL AND NOT EXISTS"
				     " (SELECT 1 FROM audit u WHERE u.undo_of = a.batch)"
				     " ORDER BY a.seq DESC LIMIT 1");
	enum store_status rc = STORE_OK;
	int r;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, actor);
	r = sq_step(st, s, "find the last change");
	if (r == SQLITE_ROW)
		sq_column_text(s, 0, batch, STORE_ID_SIZE);
	else if (r == SQLITE_DONE)
		rc = store_fail(st, STORE_REFUSED, "nothing of %s's left to undo", actor);
	else
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

static void batch_row(sqlite3_stmt *s, void *elem)
{
	struct store_audit *a = elem;
	a->seq = sqlite3_column_int64(s, 0);
	a->at = sqlite3_column_int64(s, 1);
	sq_column_text(s, 2, a->actor, sizeof a->actor);
	sq_column_text(s, 3, a->entity, sizeof a->entity);
	sq_column_text(s, 4, a->entity_id, sizeof a->entity_id);
	sq_column_text(s, 5, a->field, sizeof a->field);
	sq_column_text(s, 6, a->old_value, sizeof a->old_value);
	sq_column_text(s, 7, a->new_value, sizeof a->new_value);
	sq_column_text(s, 8, a->reason, sizeof a->reason);
	sq_column_text(s, 9, a->batch, sizeof a->batch);
}

/* What the summary calls the batch: its most telling field. */
static const char *batch_label(const struct store_audit *rows, size_t n)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (strcmp(rows[i].field, "score") == 0)
			return "score";
	for (i = 0; i < n; i++)
		if (strcmp(rows[i].field, "state") == 0 && strcmp(rows[i].entity, "intro") == 0)
			return "state change";
	for (i = 0; i < n; i++)
		if (strcmp(rows[i].field, "created") == 0)
			return "creation";
	return n ? rows[0].field : "change";
}

enum store_status store_undo(struct store *st, const char *actor, struct store_undo_result *out)
{
	struct store_audit *rows = NULL;
	char batch[STORE_ID_SIZE], *done = NULL, first_intro[STORE_ID_SIZE] = "";
	char partners[64][STORE_ID_SIZE];
	size_t n = 0, i, npartners = 0;
	long intros = 0;
	enum store_status rc;

	store_clear_error(st);
	if (out)
		memset(out, 0, sizeof *out);
	if (!actor || !*actor)
		actor = st->actor;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = last_batch(st, actor, batch);
	if (rc == STORE_OK)
		rc = sq_list(st, "SELECT seq, at, actor, entity, entity_id, field, old_value, new_value,"
			     " reason, batch FROM audit WHERE batch = ?1 ORDER BY seq DESC", batch,
			     sizeof *rows, batch_row, (void **)&rows, &n);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	done = calloc(n ? n : 1, 1);
	if (!done) {
		free(rows);
		return tx_end(st, store_fail(st, STORE_INTERNAL, "out of memory"));
	}
	snprintf(st->undo_of, sizeof st->undo_of, "%s", batch);
	for (i = 0; rc == STORE_OK && i < n; i++) {
		struct store_audit *a = &rows[i];
		if (done[i])
			continue;
		if (strcmp(a->entity, "intro") == 0) {
			size_t k;
			if (!first_intro[0] || strcmp(first_intro, a->entity_id) != 0) {
				for (k = 0; k < i && strcmp(rows[k].entity_id, a->entity_id); k++)
					;
				if (k == i)
					intros++;
				if (!first_intro[0])
					snprintf(first_intro, sizeof first_intro, "%s", a->entity_id);
			}
		}
		if (strcmp(a->entity, "intro") == 0 && is_score_field(a->field)) {
			rc = undo_score_group(st, rows, n, i, done);
			continue;
		}
		/* an outcome changes the partner's won history: refresh it after */
		if (strcmp(a->entity, "intro") == 0 &&
		    (strcmp(a->field, "state") == 0 || strcmp(a->field, "actual_acv") == 0) &&
		    npartners < sizeof partners / sizeof partners[0]) {
			struct store_intro in;
			if (intro_load(st, a->entity_id, &in) == STORE_OK)
				snprintf(partners[npartners++], STORE_ID_SIZE, "%s", in.partner_id);
			store_clear_error(st);
		}
		done[i] = 1;
		rc = undo_row(st, a);
	}
	for (i = 0; rc == STORE_OK && i < npartners; i++)
		rc = partner_refresh_stats(st, partners[i]);
	st->undo_of[0] = '\0';
	if (rc == STORE_OK && out) {
		char h[STORE_HANDLE_SIZE];
		snprintf(out->batch, sizeof out->batch, "%s", batch);
		out->rows = (long)n;
		out->intros = intros;
		if (intros == 1) {
			store_handle_of(STORE_KIND_INTRO, first_intro, h);
			snprintf(out->summary, sizeof out->summary, "undid %s of %s (%zu change%s)",
				 batch_label(rows, n), h, n, n == 1 ? "" : "s");
		} else if (intros > 1) {
			snprintf(out->summary, sizeof out->summary, "undid a bulk %s on %ld intros "
				 "(%zu changes)", batch_label(rows, n), intros, n);
		} else {
			snprintf(out->summary, sizeof out->summary, "undid %s (%zu change%s)",
				 batch_label(rows, n), n, n == 1 ? "" : "s");
		}
	}
	free(rows);
	free(done);
	return tx_end(st, rc);
}
