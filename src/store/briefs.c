/* briefs.c - the async brief of an intro, kept as versions: every save
 * that changes a section is a new row, so nothing an AE read is lost. The
 * sections are the core's (brief.h); their columns carry the core's names. */
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

/* In enum brief_section order; a test checks they equal brief_section_name(). */
#define BRIEF_COLS "relationship_history, mapping_evidence, named_contacts, icp_rationale," \
	" pain_hypothesis, competitive_context, next_step, close_plan, handoff_checklist"

/* Fill the header fields of b from the intro. */
static enum store_status brief_header(struct store *st, const struct store_intro *in,
				      struct brief *b)
{
	char partner[STORE_NAME_SIZE] = "", account[STORE_NAME_SIZE] = "";
	sqlite3_stmt *s = sq_prepare(st, "SELECT p.name, a.name FROM partners p, accounts a"
				     " WHERE p.id = ?1 AND a.id = ?2");
	int r;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, in->partner_id);
	sq_bind_text(s, 2, in->account_id);
	r = sq_step(st, s, "read brief header");
	if (r == SQLITE_ROW) {
		sq_column_text(s, 0, partner, sizeof partner);
		sq_column_text(s, 1, account, sizeof account);
	}
	sq_release(st, s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return sq_last(st);
	if (brief_set_header(b, in->handle, account, partner) != 0)
		return store_fail(st, STORE_INTERNAL, "out of memory");
	b->tier = in->tier;
	b->score = in->score;
	b->threshold = dial_threshold(st);
	b->ae_hours = in->ae_hours;
	return STORE_OK;
}

/* The latest version's sections into b (version 0 when none). */
static enum store_status brief_latest(struct store *st, const char *intro_id, struct brief *b,
				      int *version)
{
	sqlite3_stmt *s = sq_prepare(st, "SELECT version, " BRIEF_COLS " FROM briefs"
				     " WHERE intro_id = ?1 ORDER BY version DESC LIMIT 1");
	enum store_status rc = STORE_OK;
	int r, i;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, intro_id);
	*version = 0;
	r = sq_step(st, s, "read brief");
	if (r == SQLITE_ROW) {
		*version = sqlite3_column_int(s, 0);
		for (i = 0; i < BRIEF_SECTION_COUNT && rc == STORE_OK; i++)
			if (brief_set_section(b, (enum brief_section)i,
					      (const char *)sqlite3_column_text(s, 1 + i)) != 0)
				rc = store_fail(st, STORE_INTERNAL, "out of memory");
	} else if (r != SQLITE_DONE) {
		rc = sq_last(st);
	}
	sq_release(st, s);
	return rc;
}

enum store_status store_brief_get(struct store *st, const char *intro, struct brief *out,
				  int *version)
{
	struct store_intro in;
	enum store_status rc;
	int v = 0;

	rc = store_intro_get(st, intro, &in);
	if (rc == STORE_OK)
		rc = brief_header(st, &in, out);
	if (rc == STORE_OK)
		rc = brief_latest(st, in.id, out, &v);
	if (version)
		*version = v;
	return rc;
}

static int same_text(const char *a, const char *b)
{
	if (!a || !*a)
		return !b || !*b;
	return b && strcmp(a, b) == 0;
}

enum store_status store_brief_save(struct store *st, const char *intro,
				   const struct brief *in, int *version)
{
	struct store_intro intro_row;
	struct brief cur;
	char iid[STORE_ID_SIZE], id[STORE_ID_SIZE];
	int v = 0, i, changed = 0;
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	for (i = 0; i < BRIEF_SECTION_COUNT; i++) {
		rc = check_len(st, brief_section_title((enum brief_section)i), in->sections[i],
			       64 * 1024);
		if (rc != STORE_OK)
			return rc;
	}
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	brief_init(&cur);
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc == STORE_OK)
		rc = intro_load(st, iid, &intro_row);
	if (rc == STORE_OK)
		rc = brief_latest(st, iid, &cur, &v);
	for (i = 0; rc == STORE_OK && i < BRIEF_SECTION_COUNT; i++)
		if (!same_text(cur.sections[i], in->sections[i]))
			changed = 1;
	brief_free(&cur);
	if (rc != STORE_OK || !changed) {
		if (version)
			*version = v;
		return tx_end(st, rc);
	}
	id_new(st, id);
	s = sq_prepare(st, "INSERT INTO briefs (id, intro_id, version, author, created_at, "
		       BRIEF_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12,"
		       " ?13, ?14)");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sq_bind_text(s, 2, iid);
	sqlite3_bind_int(s, 3, v + 1);
	sq_bind_text(s, 4, st->actor);
	sqlite3_bind_int64(s, 5, st_now(st));
	for (i = 0; i < BRIEF_SECTION_COUNT; i++)
		sq_bind_text_or_null(s, 6 + i, in->sections[i]);
	if (sq_step(st, s, "save brief") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK)
		rc = audit_write_int(st, "brief", iid, "version", v, v == 0, v + 1, 0, NULL);
	if (rc == STORE_OK && version)
		*version = v + 1;
	return tx_end(st, rc);
}
