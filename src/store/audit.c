/* audit.c - the audit trail writer and reader.
 *
 * Every write of the store appends its rows here inside the same
 * transaction: who, when, which entity and field, old and new value, why,
 * and the batch (one per transaction or bulk action) undo works on. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

enum store_status audit_write(struct store *st, const char *entity, const char *entity_id,
			      const char *field, const char *old_value, const char *new_value,
			      const char *reason)
{
	sqlite3_stmt *s = sq_prepare(st,
		"INSERT INTO audit (id, at, actor, entity, entity_id, field, old_value, new_value,"
		" reason, batch, undo_of) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
	char id[STORE_ID_SIZE];
	enum store_status rc = STORE_OK;

	if (!s)
		return sq_last(st);
	if (!st->batch[0])
		id_new(st, st->batch);  /* defensive: a write outside tx_begin */
	id_new(st, id);
	sq_bind_text(s, 1, id);
	sqlite3_bind_int64(s, 2, st_now(st));
	sq_bind_text(s, 3, st->actor);
	sq_bind_text(s, 4, entity);
	sq_bind_text(s, 5, entity_id);
	sq_bind_text(s, 6, field);
	if (old_value)
		sq_bind_text(s, 7, old_value);
	if (new_value)
		sq_bind_text(s, 8, new_value);
	sq_bind_text_or_null(s, 9, reason);
	sq_bind_text(s, 10, st->batch);
	sq_bind_text_or_null(s, 11, st->undo_of);
	if (sq_step(st, s, "write the audit trail") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

enum store_status audit_write_int(struct store *st, const char *entity, const char *entity_id,
				  const char *field, long long old_value, int old_null,
				  long long new_value, int new_null, const char *reason)
{
	char o[32], n[32];
	snprintf(o, sizeof o, "%lld", old_value);
	snprintf(n, sizeof n, "%lld", new_value);
	return audit_write(st, entity, entity_id, field, old_null ? NULL : o,
			   new_null ? NULL : n, reason);
}

static void audit_row(sqlite3_stmt *s, struct store_audit *a)
{
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

enum store_status store_audit_list(struct store *st, const char *entity_id, long limit,
				   struct store_audit **out, size_t *n)
{
	static const char by_entity[] =
		"SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, reason, batch"
		" FROM audit WHERE entity_id = ?1 ORDER BY seq DESC LIMIT ?2";
	static const char all[] =
		"SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, reason, batch"
		" FROM audit ORDER BY seq DESC LIMIT ?2";
	char id[STORE_ID_SIZE] = "";
	struct store_audit *rows = NULL;
	size_t count = 0, cap = 0;
	enum store_status rc = STORE_OK;
	sqlite3_stmt *s;
	int r;

	store_clear_error(st);
	*out = NULL;
	*n = 0;
	if (entity_id) {
		/* any kind of handle: try each kind, else take the text as an id */
		int k;
		for (k = 0; k < STORE_KIND_COUNT; k++)
			if (resolve_id(st, (enum store_kind)k, entity_id, id) == STORE_OK)
				break;
		if (k == STORE_KIND_COUNT)
			snprintf(id, sizeof id, "%s", entity_id);
		store_clear_error(st);
	}
	s = sq_prepare(st, entity_id ? by_entity : all);
	if (!s)
		return sq_last(st);
	if (entity_id)
		sq_bind_text(s, 1, id);
	sqlite3_bind_int64(s, 2, limit > 0 ? limit : -1);
	while ((r = sq_step(st, s, "read the audit trail")) == SQLITE_ROW) {
		if (count == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			struct store_audit *nr = realloc(rows, ncap * sizeof *rows);
			if (!nr) {
				rc = store_fail(st, STORE_INTERNAL, "out of memory");
				break;
			}
			rows = nr;
			cap = ncap;
		}
		audit_row(s, &rows[count++]);
	}
	if (rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc != STORE_OK) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = count;
	return STORE_OK;
}

/* The history of one intro: its own rows and those of the records hanging
 * off it (escalations, roles, hours, touchpoints), newest first. */
enum store_status audit_list_intro(struct store *st, const char *intro_id, long limit,
				   struct store_audit **out, size_t *n)
{
	sqlite3_stmt *s = sq_prepare(st,
		"SELECT seq, at, actor, entity, entity_id, field, old_value, new_value, reason, batch"
		" FROM audit WHERE entity_id = ?1 OR entity_id IN ("
		"  SELECT id FROM escalations WHERE intro_id = ?1"
		"  UNION ALL SELECT id FROM attributions WHERE intro_id = ?1"
		"  UNION ALL SELECT id FROM ae_hours_log WHERE intro_id = ?1"
		"  UNION ALL SELECT id FROM touchpoints WHERE intro_id = ?1)"
		" ORDER BY seq DESC LIMIT ?2");
	struct store_audit *rows = NULL;
	size_t count = 0, cap = 0;
	enum store_status rc = STORE_OK;
	int r;

	*out = NULL;
	*n = 0;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, intro_id);
	sqlite3_bind_int64(s, 2, limit > 0 ? limit : -1);
	while ((r = sq_step(st, s, "read the history")) == SQLITE_ROW) {
		if (grow_array((void **)&rows, &cap, count, sizeof *rows) != 0) {
			rc = store_fail(st, STORE_INTERNAL, "out of memory");
			break;
		}
		audit_row(s, &rows[count++]);
	}
	if (rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc != STORE_OK) {
		free(rows);
		return rc;
	}
	*out = rows;
	*n = count;
	return STORE_OK;
}
