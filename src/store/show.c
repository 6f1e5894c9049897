/* show.c - everything about one intro, for `show` and the detail pane. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static void name_of(struct store *st, const char *sql, const char *id, char *out)
{
	sqlite3_stmt *s;
	out[0] = '\0';
	if (!id[0])
		return;
	s = sq_prepare(st, sql);
	if (!s)
		return;
	sq_bind_text(s, 1, id);
	if (sqlite3_step(s) == SQLITE_ROW)
		sq_column_text(s, 0, out, STORE_NAME_SIZE);
	sq_release(st, s);
}

void store_intro_view_free(struct store_intro_view *v)
{
	if (!v)
		return;
	brief_free(&v->brief);
	free(v->escalations);
	free(v->hours);
	free(v->touchpoints);
	free(v->audit);
	v->escalations = NULL;
	v->hours = NULL;
	v->touchpoints = NULL;
	v->audit = NULL;
}

enum store_status store_intro_view(struct store *st, const char *intro,
				   struct store_intro_view *out)
{
	struct store_intro *in = &out->intro;
	enum store_status rc;

	memset(out, 0, sizeof *out);
	brief_init(&out->brief);
	store_clear_error(st);
	rc = store_intro_get(st, intro, in);
	if (rc != STORE_OK)
		return rc;
	/* one read transaction, so the parts agree with each other */
	rc = sq_exec(st, st->tx_depth ? "SAVEPOINT store_view" : "BEGIN");
	if (rc != STORE_OK)
		return rc;
	rc = partner_load(st, in->partner_id, &out->partner);
	if (rc == STORE_OK)
		rc = store_account_get(st, in->account_id, &out->account);
	if (rc == STORE_OK) {
		rc = store_overlap_get(st, in->partner_id, in->account_id, &out->overlap);
		out->has_overlap = rc == STORE_OK;
		if (rc == STORE_NOT_FOUND)
			rc = STORE_OK;
	}
	name_of(st, "SELECT name FROM pods WHERE id = ?1", in->pod_id, out->pod_name);
	name_of(st, "SELECT name FROM specialists WHERE id = ?1", in->owner_id, out->owner_name);
	name_of(st, "SELECT name FROM aes WHERE id = ?1", in->ae_id, out->ae_name);
	name_of(st, "SELECT name FROM aes WHERE id = ?1", out->account.owner_ae_id,
		out->territory_ae_name);
	out->threshold = dial_threshold(st);
	if (rc == STORE_OK && in->scored)
		score_explain(&st->policy, in->points, out->threshold, &out->explanation);
	if (rc == STORE_OK)
		tier_gaming_check(&st->policy, in->expected_acv > 0 ? (long)in->expected_acv : 0,
				  out->partner.median_won_acv > 0 ? (long)out->partner.median_won_acv : 0,
				  out->partner.won_count > 0, &out->gaming);
	if (rc == STORE_OK)
		rc = store_brief_get(st, in->id, &out->brief, &out->brief_version);
	if (rc == STORE_OK)
		rc = store_escalation_list(st, in->id, 0, &out->escalations, &out->escalation_count);
	if (rc == STORE_OK)
		rc = store_intro_conflicts(st, in->id, out->conflicts,
					   sizeof out->conflicts / sizeof out->conflicts[0],
					   &out->conflict_count);
	if (rc == STORE_OK)
		rc = store_hours_list(st, in->id, &out->hours, &out->hours_count, &out->hours_total);
	if (rc == STORE_OK)
		rc = store_attribution_list(st, in->id, out->attribution, &out->attribution_count,
					    &out->attribution_complete, out->attribution_gap,
					    sizeof out->attribution_gap);
	if (rc == STORE_OK)
		rc = store_touchpoint_list(st, in->id, &out->touchpoints, &out->touchpoint_count);
	if (rc == STORE_OK)
		rc = audit_list_intro(st, in->id, 200, &out->audit, &out->audit_count);
	if (st->tx_depth) {
		sqlite3_exec(st->db, "RELEASE store_view", NULL, NULL, NULL);
	} else {
		sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	}
	return rc;
}
