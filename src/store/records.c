/* records.c - what is logged against a deal: AE hours, partner
 * touchpoints, attribution roles; and the reason codes decisions cite. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coselldesk/attribution.h"
#include "store_internal.h"

static const char *const touch_names[TOUCH_KIND_COUNT] = { "meeting", "demo", "email", "proposal" };
static const char *const reason_kind_names[REASON_KIND_COUNT] = { "rejection", "decline", "loss" };

const char *store_touch_kind_name(enum touch_kind k)
{
	return (unsigned)k < TOUCH_KIND_COUNT ? touch_names[k] : NULL;
}

int store_touch_kind_from_name(const char *name)
{
	int i;
	for (i = 0; name && i < TOUCH_KIND_COUNT; i++)
		if (strcasecmp(name, touch_names[i]) == 0)
			return i;
	return -1;
}

const char *store_reason_kind_name(enum reason_kind k)
{
	return (unsigned)k < REASON_KIND_COUNT ? reason_kind_names[k] : NULL;
}

/* Insert with the bindings made; release. */
static enum store_status run(struct store *st, sqlite3_stmt *s, const char *what)
{
	enum store_status rc = STORE_OK;
	if (sq_step(st, s, what) != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

/* ---- AE hours ---- */

enum store_status hours_minutes(struct store *st, const char *intro_id, long long *out)
{
	return sq_one_int(st, "SELECT ifnull(sum(minutes), 0) FROM ae_hours_log WHERE intro_id = ?1",
			  intro_id, out);
}

enum store_status store_hours_log(struct store *st, const char *intro, const char *ae,
				  double hours, const char *activity, long long at)
{
	char iid[STORE_ID_SIZE], aid[STORE_ID_SIZE], id[STORE_ID_SIZE], val[80];
	long long minutes;
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (!(hours > 0) || hours > 24)
		return store_fail(st, STORE_INVALID, "hours: %g is outside 0-24 (one entry per day "
				  "of work)", hours);
	minutes = (long long)floor(hours * 60 + 0.5);
	if (minutes < 1)
		minutes = 1;
	rc = check_len(st, "activity", activity, STORE_TEXT_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc == STORE_OK)
		rc = resolve_id(st, STORE_KIND_AE, ae, aid);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	id_new(st, id);
	s = sq_prepare(st, "INSERT INTO ae_hours_log (id, intro_id, ae_id, minutes, activity, at,"
		       " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sq_bind_text(s, 2, iid);
	sq_bind_text(s, 3, aid);
	sqlite3_bind_int64(s, 4, minutes);
	sq_bind_text_or_null(s, 5, activity);
	sqlite3_bind_int64(s, 6, at > 0 ? at : st_now(st));
	sqlite3_bind_int64(s, 7, st_now(st));
	rc = run(st, s, "log AE hours");
	snprintf(val, sizeof val, "%lld min on %s", minutes, iid);
	if (rc == STORE_OK)
		rc = audit_write(st, "hours", id, "created", NULL, val, activity);
	return tx_end(st, rc);
}

static void hours_row(sqlite3_stmt *s, void *elem)
{
	struct store_hours *h = elem;
	sq_column_text(s, 0, h->ae_id, sizeof h->ae_id);
	h->hours = sqlite3_column_int64(s, 1) / 60.0;
	sq_column_text(s, 2, h->activity, sizeof h->activity);
	h->at = sqlite3_column_int64(s, 3);
}

enum store_status store_hours_list(struct store *st, const char *intro,
				   struct store_hours **out, size_t *n, double *total)
{
	char iid[STORE_ID_SIZE];
	struct store_hours *rows = NULL;
	size_t count = 0, i;
	enum store_status rc;

	store_clear_error(st);
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc == STORE_OK)
		rc = sq_list(st, "SELECT ae_id, minutes, activity, at FROM ae_hours_log"
			     " WHERE intro_id = ?1 ORDER BY at, id", iid, sizeof *rows, hours_row,
			     (void **)&rows, &count);
	if (rc != STORE_OK)
		return rc;
	if (total) {
		double sum = 0;
		for (i = 0; i < count; i++)
			sum += rows[i].hours;
		*total = sum;
	}
	if (out)
		*out = rows;
	else
		free(rows);
	if (n)
		*n = count;
	return STORE_OK;
}

/* ---- touchpoints ---- */

enum store_status store_touchpoint_add(struct store *st, const char *intro,
				       const char *partner, enum touch_kind kind,
				       long long at, const char *note)
{
	char iid[STORE_ID_SIZE], pid[STORE_ID_SIZE], id[STORE_ID_SIZE];
	const char *kname = store_touch_kind_name(kind);
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (!kname)
		return store_fail(st, STORE_INVALID, "touchpoint: unknown kind %d (meeting, demo, "
				  "email or proposal)", (int)kind);
	rc = check_len(st, "touchpoint note", note, STORE_TEXT_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc == STORE_OK)
		rc = resolve_id(st, STORE_KIND_PARTNER, partner, pid);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	id_new(st, id);
	s = sq_prepare(st, "INSERT INTO touchpoints (id, intro_id, partner_id, kind, at, note,"
		       " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sq_bind_text(s, 2, iid);
	sq_bind_text(s, 3, pid);
	sq_bind_text(s, 4, kname);
	sqlite3_bind_int64(s, 5, at > 0 ? at : st_now(st));
	sq_bind_text_or_null(s, 6, note);
	sqlite3_bind_int64(s, 7, st_now(st));
	rc = run(st, s, "add touchpoint");
	if (rc == STORE_OK)
		rc = audit_write(st, "touchpoint", id, "created", NULL, kname, note);
	return tx_end(st, rc);
}

static void touch_row(sqlite3_stmt *s, void *elem)
{
	struct store_touchpoint *t = elem;
	char k[32];
	int v;
	sq_column_text(s, 0, t->partner_id, sizeof t->partner_id);
	sq_column_text(s, 1, k, sizeof k);
	v = store_touch_kind_from_name(k);
	t->kind = v < 0 ? TOUCH_MEETING : (enum touch_kind)v;
	t->at = sqlite3_column_int64(s, 2);
	sq_column_text(s, 3, t->note, sizeof t->note);
}

enum store_status store_touchpoint_list(struct store *st, const char *intro,
					struct store_touchpoint **out, size_t *n)
{
	char iid[STORE_ID_SIZE];
	enum store_status rc;
	store_clear_error(st);
	*out = NULL;
	*n = 0;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc != STORE_OK)
		return rc;
	return sq_list(st, "SELECT partner_id, kind, at, note FROM touchpoints WHERE intro_id = ?1"
		       " ORDER BY at, id", iid, sizeof **out, touch_row, (void **)out, n);
}

/* ---- attribution ---- */

static int role_of(const char *name)
{
	return policy_role_from_name(name);
}

/* Roles recorded on an intro, in role order. */
static enum store_status roles_load(struct store *st, const char *intro_id,
				    struct store_attribution out[ROLE_COUNT], char ids[][STORE_ID_SIZE],
				    size_t *n)
{
	sqlite3_stmt *s = sq_prepare(st, "SELECT role, partner_id, percent, id FROM attributions"
				     " WHERE intro_id = ?1");
	struct store_attribution tmp[ROLE_COUNT];
	char tmp_ids[ROLE_COUNT][STORE_ID_SIZE];
	int have[ROLE_COUNT] = { 0 };
	char role[64];
	size_t count = 0;
	int r, i;

	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, intro_id);
	while ((r = sq_step(st, s, "read attribution")) == SQLITE_ROW) {
		int ro;
		sq_column_text(s, 0, role, sizeof role);
		ro = role_of(role);
		if (ro < 0)
			continue;
		have[ro] = 1;
		tmp[ro].role = (enum attribution_role)ro;
		sq_column_text(s, 1, tmp[ro].partner_id, sizeof tmp[ro].partner_id);
		tmp[ro].percent = sqlite3_column_type(s, 2) == SQLITE_NULL
			? -1 : sqlite3_column_double(s, 2);
		sq_column_text(s, 3, tmp_ids[ro], sizeof tmp_ids[ro]);
	}
	sq_release(st, s);
	if (r != SQLITE_DONE)
		return sq_last(st);
	for (i = 0; i < ROLE_COUNT; i++)
		if (have[i]) {
			out[count] = tmp[i];
			if (ids)
				memcpy(ids[count], tmp_ids[i], STORE_ID_SIZE);
			count++;
		}
	*n = count;
	return STORE_OK;
}

enum store_status attribution_check(struct store *st, const char *intro_id, int *complete,
				    char *why, size_t why_size)
{
	struct store_attribution rows[ROLE_COUNT];
	enum attribution_role roles[ROLE_COUNT];
	size_t n = 0, i;
	enum store_status rc = roles_load(st, intro_id, rows, NULL, &n);
	if (rc != STORE_OK)
		return rc;
	for (i = 0; i < n; i++)
		roles[i] = rows[i].role;
	*complete = attribution_is_complete(roles, n, why, why_size);
	return STORE_OK;
}

enum store_status store_attribution_list(struct store *st, const char *intro,
					 struct store_attribution out[ROLE_COUNT], size_t *n,
					 int *complete, char *why, size_t why_size)
{
	char iid[STORE_ID_SIZE], scratch[STORE_TEXT_SIZE];
	enum attribution_role roles[ROLE_COUNT];
	enum store_status rc;
	size_t i;
	int ok;

	store_clear_error(st);
	*n = 0;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc == STORE_OK)
		rc = roles_load(st, iid, out, NULL, n);
	if (rc != STORE_OK)
		return rc;
	for (i = 0; i < *n; i++)
		roles[i] = out[i].role;
	if (!why || !why_size) {
		why = scratch;
		why_size = sizeof scratch;
	}
	why[0] = '\0';
	ok = attribution_is_complete(roles, *n, why, why_size);
	if (complete)
		*complete = ok;
	return STORE_OK;
}

enum store_status store_attribution_set(struct store *st, const char *intro,
					enum attribution_role role, const char *partner,
					double percent)
{
	struct store_attribution rows[ROLE_COUNT];
	char ids[ROLE_COUNT][STORE_ID_SIZE];
	char iid[STORE_ID_SIZE], pid[STORE_ID_SIZE], id[STORE_ID_SIZE], val[64], oldp[32], newp[32];
	const char *rname = policy_role_name(role);
	size_t n = 0, i;
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (!rname)
		return store_fail(st, STORE_INVALID, "unknown attribution role %d", (int)role);
	if (percent > 100)
		return store_fail(st, STORE_INVALID, "%s: %g%% is over 100%%", rname, percent);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc == STORE_OK)
		rc = resolve_id(st, STORE_KIND_PARTNER, partner, pid);
	if (rc == STORE_OK)
		rc = roles_load(st, iid, rows, ids, &n);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	if (percent < 0)
		newp[0] = '\0';
	else
		snprintf(newp, sizeof newp, "%g", percent);
	for (i = 0; i < n; i++)
		if (rows[i].role == role)
			break;
	if (i < n) {
		/* replace the holder and/or the percent */
		if (rows[i].percent < 0)
			oldp[0] = '\0';
		else
			snprintf(oldp, sizeof oldp, "%g", rows[i].percent);
		if (strcmp(rows[i].partner_id, pid) != 0) {
			rc = column_set(st, "attribution", ids[i], "partner_id", pid);
			if (rc == STORE_OK)
				rc = audit_write(st, "attribution", ids[i], "partner_id",
						 rows[i].partner_id, pid, rname);
		}
		if (rc == STORE_OK && strcmp(oldp, newp) != 0) {
			rc = column_set(st, "attribution", ids[i], "percent", newp[0] ? newp : NULL);
			if (rc == STORE_OK)
				rc = audit_write(st, "attribution", ids[i], "percent",
						 oldp[0] ? oldp : NULL, newp[0] ? newp : NULL, rname);
		}
		return tx_end(st, rc);
	}
	id_new(st, id);
	s = sq_prepare(st, "INSERT INTO attributions (id, intro_id, role, partner_id, percent,"
		       " created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sq_bind_text(s, 2, iid);
	sq_bind_text(s, 3, rname);
	sq_bind_text(s, 4, pid);
	if (percent >= 0)
		sqlite3_bind_double(s, 5, percent);
	sqlite3_bind_int64(s, 6, st_now(st));
	rc = run(st, s, "set attribution");
	snprintf(val, sizeof val, "%s on %.8s", rname, iid);
	if (rc == STORE_OK)
		rc = audit_write(st, "attribution", id, "created", NULL, val, rname);
	return tx_end(st, rc);
}

enum store_status store_attribution_clear(struct store *st, const char *intro,
					  enum attribution_role role)
{
	struct store_attribution rows[ROLE_COUNT];
	char ids[ROLE_COUNT][STORE_ID_SIZE];
	char iid[STORE_ID_SIZE], old[STORE_TEXT_SIZE];
	const char *rname = policy_role_name(role);
	size_t n = 0, i;
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (!rname)
		return store_fail(st, STORE_INVALID, "unknown attribution role %d", (int)role);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, iid);
	if (rc == STORE_OK)
		rc = roles_load(st, iid, rows, ids, &n);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	for (i = 0; i < n && rows[i].role != role; i++)
		;
	if (i == n)
		return tx_end(st, STORE_OK);  /* nothing recorded: nothing to clear */
	s = sq_prepare(st, "DELETE FROM attributions WHERE id = ?1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, ids[i]);
	rc = run(st, s, "clear attribution");
	/* what undo needs to put the row back: intro role partner percent */
	snprintf(old, sizeof old, "%s %s %s %g", iid, rname, rows[i].partner_id, rows[i].percent);
	if (rc == STORE_OK)
		rc = audit_write(st, "attribution", ids[i], "deleted", old, NULL, rname);
	return tx_end(st, rc);
}

/* ---- reason codes ---- */

static void reason_row(sqlite3_stmt *s, void *elem)
{
	struct store_reason_code *r = elem;
	char kind[32];
	int i;
	sq_column_text(s, 0, kind, sizeof kind);
	for (i = 0; i < REASON_KIND_COUNT; i++)
		if (strcmp(kind, reason_kind_names[i]) == 0)
			r->kind = (enum reason_kind)i;
	sq_column_text(s, 1, r->code, sizeof r->code);
	sq_column_text(s, 2, r->label, sizeof r->label);
}

enum store_status store_reason_code_list(struct store *st, enum reason_kind kind,
					 struct store_reason_code **out, size_t *n)
{
	store_clear_error(st);
	*out = NULL;
	*n = 0;
	if ((unsigned)kind >= REASON_KIND_COUNT)
		return store_fail(st, STORE_INVALID, "unknown reason kind %d", (int)kind);
	return sq_list(st, "SELECT kind, code, label FROM reason_codes WHERE kind = ?1 ORDER BY code",
		       reason_kind_names[kind], sizeof **out, reason_row, (void **)out, n);
}

enum store_status reason_code_check(struct store *st, enum reason_kind kind, const char *code)
{
	struct store_reason_code *codes = NULL;
	size_t n = 0, i, used = 0;
	char list[STORE_MSG_SIZE / 2] = "";
	long long one = 0;
	sqlite3_stmt *s;
	enum store_status rc;
	int r;

	s = sq_prepare(st, "SELECT 1 FROM reason_codes WHERE kind = ?1 AND code = ?2");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, reason_kind_names[kind]);
	sq_bind_text(s, 2, code);
	r = sq_step(st, s, "check reason code");
	if (r == SQLITE_ROW)
		one = 1;
	sq_release(st, s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return sq_last(st);
	if (one)
		return STORE_OK;
	rc = sq_list(st, "SELECT kind, code, label FROM reason_codes WHERE kind = ?1 ORDER BY code",
		     reason_kind_names[kind], sizeof *codes, reason_row, (void **)&codes, &n);
	if (rc != STORE_OK)
		return rc;
	for (i = 0; i < n; i++) {
		int w = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", codes[i].code);
		if (w < 0 || (size_t)w >= sizeof list - used)
			break;
		used += (size_t)w;
	}
	free(codes);
	return store_fail(st, STORE_INVALID, "unknown %s reason '%s' (known: %s)",
			  reason_kind_names[kind], code, list);
}
