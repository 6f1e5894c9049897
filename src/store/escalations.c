/* escalations.c - raising and resolving escalations.
 *
 * Raising moves the intro to escalated (remembering the state it left) via
 * the lifecycle door; resolving the last open escalation moves it back.
 * Where an escalation goes is the core's rule (domain_escalation_route); a
 * kind the desk decides itself (ACV ambiguity) is refused with the rule. */
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

static void escalation_row(sqlite3_stmt *s, void *elem)
{
	struct store_escalation *e = elem;
	char buf[32];
	int v;
	sq_column_text(s, 0, e->id, sizeof e->id);
	store_handle_of(STORE_KIND_ESCALATION, e->id, e->handle);
	sq_column_text(s, 1, e->intro_id, sizeof e->intro_id);
	sq_column_text(s, 2, buf, sizeof buf);
	v = domain_escalation_kind_from_name(buf);
	e->kind = v < 0 ? ESC_STALLED_DEAL : (enum escalation_kind)v;
	sq_column_text(s, 3, buf, sizeof buf);
	for (v = 0; v < ROUTE_TARGET_COUNT; v++)
		if (strcmp(buf, domain_escalation_target_name((enum escalation_target)v)) == 0)
			e->routed_to = (enum escalation_target)v;
	sq_column_text(s, 4, e->note, sizeof e->note);
	sq_column_text(s, 5, e->raised_by, sizeof e->raised_by);
	e->raised_at = sqlite3_column_int64(s, 6);
	e->open = sqlite3_column_int(s, 7);
	sq_column_text(s, 8, e->resolution, sizeof e->resolution);
	sq_column_text(s, 9, e->resolved_by, sizeof e->resolved_by);
	e->resolved_at = sq_column_int(s, 10, 0);
}

#define ESC_COLS "id, intro_id, kind, routed_to, note, raised_by, raised_at," \
	" state = 'open', resolution, resolved_by, resolved_at"

enum store_status store_escalate(struct store *st, const char *intro,
				 enum escalation_kind kind, const char *note, char *id_out)
{
	const char *kname = domain_escalation_kind_name(kind);
	enum escalation_target target;
	struct store_intro in;
	char iid[STORE_ID_SIZE], id[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (!kname)
		return store_fail(st, STORE_INVALID, "unknown escalation kind %d", (int)kind);
	target = domain_escalation_route(kind);
	if (target == ROUTE_DESK)
		return store_fail(st, STORE_REFUSED, "%s is decided by the desk, not escalated: "
				  "ACV ambiguous: use the partner's historical average and proceed "
				  "(no escalation)", kname);
	if (!note || !*note)
		return store_fail(st, STORE_INVALID, "an escalation needs a note saying what is "
				  "to be decided");
	rc = check_len(st, "escalation note", note, STORE_TEXT_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc == STORE_OK)
		rc = intro_load(st, iid, &in);
	if (rc == STORE_OK && in.state != STATE_ESCALATED) {
		struct store_move mv;
		memset(&mv, 0, sizeof mv);
		mv.note = note;
		rc = intro_move(st, &in, STATE_ESCALATED, &mv, 1);
	}
	if (rc != STORE_OK)
		return tx_end(st, rc);
	id_new(st, id);
	s = sq_prepare(st, "INSERT INTO escalations (id, intro_id, kind, routed_to, note, raised_by,"
		       " raised_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sq_bind_text(s, 2, iid);
	sq_bind_text(s, 3, kname);
	sq_bind_text(s, 4, domain_escalation_target_name(target));
	sq_bind_text(s, 5, note);
	sq_bind_text(s, 6, st->actor);
	sqlite3_bind_int64(s, 7, st_now(st));
	if (sq_step(st, s, "raise escalation") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK)
		rc = audit_write(st, "escalation", id, "created", NULL, kname, note);
	if (rc == STORE_OK && id_out)
		memcpy(id_out, id, STORE_ID_SIZE);
	return tx_end(st, rc);
}

enum store_status store_escalation_resolve(struct store *st, const char *escalation,
					   const char *note)
{
	struct store_escalation e;
	struct store_intro in;
	char eid[STORE_ID_SIZE], at[32];
	long long open = 0, now = st_now(st);
	enum store_status rc;
	sqlite3_stmt *s;
	int r;

	store_clear_error(st);
	if (!note || !*note)
		return store_fail(st, STORE_INVALID, "resolving needs a note saying what was decided");
	rc = check_len(st, "resolution", note, STORE_TEXT_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_ESCALATION, escalation, eid);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	s = sq_prepare(st, "SELECT " ESC_COLS " FROM escalations WHERE id = ?1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, eid);
	memset(&e, 0, sizeof e);
	r = sq_step(st, s, "read escalation");
	if (r == SQLITE_ROW)
		escalation_row(s, &e);
	sq_release(st, s);
	if (r != SQLITE_ROW)
		return tx_end(st, r == SQLITE_DONE ? store_fail(st, STORE_NOT_FOUND, "no escalation %s",
								escalation) : sq_last(st));
	if (!e.open)
		return tx_end(st, store_fail(st, STORE_REFUSED, "%s is already resolved", e.handle));

	snprintf(at, sizeof at, "%lld", now);
	rc = column_set(st, "escalation", eid, "resolution", note);
	if (rc == STORE_OK)
		rc = audit_write(st, "escalation", eid, "resolution", NULL, note, NULL);
	if (rc == STORE_OK)
		rc = column_set(st, "escalation", eid, "resolved_by", st->actor);
	if (rc == STORE_OK)
		rc = audit_write(st, "escalation", eid, "resolved_by", NULL, st->actor, NULL);
	if (rc == STORE_OK)
		rc = column_set(st, "escalation", eid, "resolved_at", at);
	if (rc == STORE_OK)
		rc = audit_write(st, "escalation", eid, "resolved_at", NULL, at, NULL);
	if (rc == STORE_OK)
		rc = column_set(st, "escalation", eid, "state", "resolved");
	if (rc == STORE_OK)
		rc = audit_write(st, "escalation", eid, "state", "open", "resolved", note);
	if (rc == STORE_OK)
		rc = intro_load(st, e.intro_id, &in);
	if (rc == STORE_OK)
		rc = sq_one_int(st, "SELECT count(*) FROM escalations WHERE intro_id = ?1"
				" AND state = 'open'", e.intro_id, &open);
	if (rc == STORE_OK && open == 0 && in.state == STATE_ESCALATED) {
		struct store_move mv;
		memset(&mv, 0, sizeof mv);
		mv.note = note;
		rc = intro_move(st, &in, in.escalated_from, &mv, 1);
	}
	return tx_end(st, rc);
}

enum store_status store_escalation_list(struct store *st, const char *intro, int open_only,
					struct store_escalation **out, size_t *n)
{
	char iid[STORE_ID_SIZE];
	enum store_status rc;

	store_clear_error(st);
	*out = NULL;
	*n = 0;
	if (intro) {
		rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
		if (rc != STORE_OK)
			return rc;
		return sq_list(st, open_only
			       ? "SELECT " ESC_COLS " FROM escalations WHERE intro_id = ?1"
				 " AND state = 'open' ORDER BY raised_at DESC, id"
			       : "SELECT " ESC_COLS " FROM escalations WHERE intro_id = ?1"
				 " ORDER BY state = 'open' DESC, raised_at DESC, id",
			       iid, sizeof **out, escalation_row, (void **)out, n);
	}
	return sq_list(st, open_only
		       ? "SELECT " ESC_COLS " FROM escalations WHERE state = 'open'"
			 " ORDER BY raised_at DESC, id"
		       : "SELECT " ESC_COLS " FROM escalations"
			 " ORDER BY state = 'open' DESC, raised_at DESC, id",
		       NULL, sizeof **out, escalation_row, (void **)out, n);
}
