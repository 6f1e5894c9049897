/* columns.c - the fields a person can change, each with its own fixed
 * UPDATE statement, so edits and undo set a column by name without ever
 * composing SQL. A field missing here cannot be edited or undone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

struct column_info {
	const char *entity;   /* audit entity */
	const char *column;   /* audit field = column name */
	int is_int;           /* INTEGER column (bound as an integer) */
	const char *sql;      /* UPDATE ... SET column = ?2 ... WHERE id = ?1 */
};

#define INTRO_SET(col) "UPDATE intros SET " col " = ?2, updated_at = ?3 WHERE id = ?1"

static const struct column_info columns[] = {
	{ "intro", "state", 0, INTRO_SET("state") },
	{ "intro", "escalated_from", 0, INTRO_SET("escalated_from") },
	{ "intro", "pod_id", 0, INTRO_SET("pod_id") },
	{ "intro", "owner_id", 0, INTRO_SET("owner_id") },
	{ "intro", "ae_id", 0, INTRO_SET("ae_id") },
	{ "intro", "expected_acv", 1, INTRO_SET("expected_acv") },
	{ "intro", "p_overlap", 1, INTRO_SET("p_overlap") },
	{ "intro", "p_budget", 1, INTRO_SET("p_budget") },
	{ "intro", "p_icp", 1, INTRO_SET("p_icp") },
	{ "intro", "p_relationship", 1, INTRO_SET("p_relationship") },
	{ "intro", "p_competitive", 1, INTRO_SET("p_competitive") },
	{ "intro", "p_size", 1, INTRO_SET("p_size") },
	{ "intro", "weights", 0, INTRO_SET("weights") },
	{ "intro", "score", 1, INTRO_SET("score") },
	{ "intro", "tier", 1, INTRO_SET("tier") },
	{ "intro", "tier_reason", 0, INTRO_SET("tier_reason") },
	{ "intro", "tier_overridden", 1, INTRO_SET("tier_overridden") },
	{ "intro", "ae_hours", 1, INTRO_SET("ae_hours") },
	{ "intro", "sla_due", 1, INTRO_SET("sla_due") },
	{ "intro", "closed_at", 1, INTRO_SET("closed_at") },
	{ "intro", "actual_acv", 1, INTRO_SET("actual_acv") },
	{ "intro", "actual_ae_minutes", 1, INTRO_SET("actual_ae_minutes") },
	{ "intro", "reason_code", 0, INTRO_SET("reason_code") },
	{ "partner", "tier", 0, "UPDATE partners SET tier = ?2, updated_at = ?3 WHERE id = ?1" },
	{ "account", "owner_ae_id", 0,
	  "UPDATE accounts SET owner_ae_id = ?2, updated_at = ?3 WHERE id = ?1" },
	{ "account", "strategic", 1,
	  "UPDATE accounts SET strategic = ?2, updated_at = ?3 WHERE id = ?1" },
	{ "ae", "active", 1, "UPDATE aes SET active = ?2 WHERE id = ?1" },
	{ "escalation", "state", 0, "UPDATE escalations SET state = ?2 WHERE id = ?1" },
	{ "escalation", "resolution", 0,
	  "UPDATE escalations SET resolution = ?2 WHERE id = ?1" },
	{ "escalation", "resolved_by", 0,
	  "UPDATE escalations SET resolved_by = ?2 WHERE id = ?1" },
	{ "escalation", "resolved_at", 1,
	  "UPDATE escalations SET resolved_at = ?2 WHERE id = ?1" },
	{ "attribution", "partner_id", 0,
	  "UPDATE attributions SET partner_id = ?2, updated_at = ?3 WHERE id = ?1" },
	{ "attribution", "percent", 0,
	  "UPDATE attributions SET percent = ?2, updated_at = ?3 WHERE id = ?1" },
};

/* Rows a "created" audit row can be undone by deleting. */
static const struct {
	const char *entity;
	const char *sql;
} deletes[] = {
	{ "intro", "DELETE FROM intros WHERE id = ?1" },
	{ "partner", "DELETE FROM partners WHERE id = ?1" },
	{ "account", "DELETE FROM accounts WHERE id = ?1" },
	{ "ae", "DELETE FROM aes WHERE id = ?1" },
	{ "pod", "DELETE FROM pods WHERE id = ?1" },
	{ "specialist", "DELETE FROM specialists WHERE id = ?1" },
	{ "escalation", "DELETE FROM escalations WHERE id = ?1" },
	{ "hours", "DELETE FROM ae_hours_log WHERE id = ?1" },
	{ "touchpoint", "DELETE FROM touchpoints WHERE id = ?1" },
	{ "attribution", "DELETE FROM attributions WHERE id = ?1" },
	{ "brief", "DELETE FROM briefs WHERE id = ?1" },
};

static const struct column_info *find_column(const char *entity, const char *column)
{
	size_t i;
	for (i = 0; i < sizeof columns / sizeof columns[0]; i++)
		if (strcmp(columns[i].entity, entity) == 0 && strcmp(columns[i].column, column) == 0)
			return &columns[i];
	return NULL;
}

int column_known(const char *entity, const char *column)
{
	return find_column(entity, column) != NULL;
}

enum store_status column_set(struct store *st, const char *entity, const char *id,
			     const char *column, const char *value)
{
	const struct column_info *c = find_column(entity, column);
	sqlite3_stmt *s;
	enum store_status rc = STORE_OK;

	if (!c)
		return store_fail(st, STORE_INTERNAL, "%s.%s cannot be set", entity, column);
	s = sq_prepare(st, c->sql);
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, id);
	if (!value)
		sqlite3_bind_null(s, 2);
	else if (c->is_int)
		sqlite3_bind_int64(s, 2, strtoll(value, NULL, 10));
	else
		sq_bind_text(s, 2, value);
	sqlite3_bind_int64(s, 3, st_now(st));
	if (sq_step(st, s, "update") != SQLITE_DONE)
		rc = sq_last(st);
	else if (sqlite3_changes(st->db) != 1)
		rc = store_fail(st, STORE_REFUSED, "%s %s no longer exists", entity, id);
	sq_release(st, s);
	return rc;
}

enum store_status row_delete(struct store *st, const char *entity, const char *id)
{
	size_t i;
	for (i = 0; i < sizeof deletes / sizeof deletes[0]; i++)
		if (strcmp(deletes[i].entity, entity) == 0) {
			sqlite3_stmt *s = sq_prepare(st, deletes[i].sql);
			enum store_status rc = STORE_OK;
			if (!s)
				return sq_last(st);
			sq_bind_text(s, 1, id);
			if (sq_step(st, s, "delete") != SQLITE_DONE) {
				rc = sq_last(st);
				if ((sqlite3_extended_errcode(st->db) & 0xff) == SQLITE_CONSTRAINT)
					rc = store_fail(st, STORE_REFUSED, "the %s is in use by later "
							"records: remove those first", entity);
			}
			sq_release(st, s);
			return rc;
		}
	return store_fail(st, STORE_REFUSED, "creating a %s cannot be undone", entity);
}

enum store_status intro_set_text(struct store *st, const char *id, const char *column,
				 const char *old_value, const char *new_value, const char *reason)
{
	enum store_status rc;
	if (old_value && !*old_value)
		old_value = NULL;
	if (new_value && !*new_value)
		new_value = NULL;
	if ((!old_value && !new_value) || (old_value && new_value && !strcmp(old_value, new_value)))
		return STORE_OK;
	rc = column_set(st, "intro", id, column, new_value);
	if (rc == STORE_OK)
		rc = audit_write(st, "intro", id, column, old_value, new_value, reason);
	return rc;
}

enum store_status intro_set_int(struct store *st, const char *id, const char *column,
				long long old_value, int old_null, long long new_value,
				int new_null, const char *reason)
{
	char n[32];
	enum store_status rc;
	if (old_null == new_null && (new_null || old_value == new_value))
		return STORE_OK;
	snprintf(n, sizeof n, "%lld", new_value);
	rc = column_set(st, "intro", id, column, new_null ? NULL : n);
	if (rc == STORE_OK)
		rc = audit_write_int(st, "intro", id, column, old_value, old_null, new_value,
				     new_null, reason);
	return rc;
}
