/* scoring.c - scoring an intro, its tier and AE-hour budget, and the AE to
 * route it to. The rules are the core's (score.h, tier.h); this file only
 * gathers their inputs and records their answers. */
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

enum store_status intro_set_points(struct store *st, const struct store_intro *in,
				   const int *points, const char *weights, const char *reason)
{
	sqlite3_stmt *s = sq_prepare(st, "UPDATE intros SET p_overlap = ?2, p_budget = ?3,"
				     " p_icp = ?4, p_relationship = ?5, p_competitive = ?6,"
				     " p_size = ?7, weights = ?8, score = ?9, updated_at = ?10"
				     " WHERE id = ?1");
	enum store_status rc = STORE_OK;
	int i, score = points ? score_total(points) : -1;

	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, in->id);
	for (i = 0; i < PQL_FACTOR_COUNT; i++)
		sq_bind_int_or_null(s, 2 + i, points ? points[i] : 0, !points);
	sq_bind_text_or_null(s, 8, points ? weights : NULL);
	sq_bind_int_or_null(s, 9, score, !points);
	sqlite3_bind_int64(s, 10, st_now(st));
	if (sq_step(st, s, "store the score") != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	for (i = 0; rc == STORE_OK && i < PQL_FACTOR_COUNT; i++)
		if (in->scored != (points != NULL) || (points && in->points[i] != points[i]))
			rc = audit_write_int(st, "intro", in->id, store_point_columns[i],
					     in->points[i], !in->scored, points ? points[i] : 0,
					     !points, reason);
	if (rc == STORE_OK && strcmp(in->weights, points ? weights : "") != 0)
		rc = audit_write(st, "intro", in->id, "weights", in->weights[0] ? in->weights : NULL,
				 points ? weights : NULL, reason);
	if (rc == STORE_OK && in->score != score)
		rc = audit_write_int(st, "intro", in->id, "score", in->score, in->score < 0, score,
				     score < 0, reason);
	return rc;
}

static int is_closed(enum intro_state s)
{
	return !domain_state_is_open(s);
}

enum store_status store_intro_score(struct store *st, const char *intro,
				    const int points[PQL_FACTOR_COUNT], const char *note)
{
	struct store_intro in;
	char id[STORE_ID_SIZE], err[STORE_MSG_SIZE];
	enum store_status rc;

	store_clear_error(st);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, id);
	if (rc == STORE_OK)
		rc = intro_load(st, id, &in);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	if (score_validate(&st->policy, points, err, sizeof err) != 0)
		return tx_end(st, store_fail(st, STORE_INVALID, "%s: %s", in.handle, err));
	if (is_closed(in.state))
		return tx_end(st, store_fail(st, STORE_REFUSED, "%s is %s: a closed intro keeps "
					     "its score", in.handle, domain_state_name(in.state)));
	/* a new (or nurtured) intro is triaged on its way to scored */
	if (in.state == STATE_NEW || in.state == STATE_NURTURE) {
		struct store_move mv;
		memset(&mv, 0, sizeof mv);
		mv.note = note;
		rc = intro_move(st, &in, STATE_TRIAGED, &mv, 0);
	}
	if (rc == STORE_OK)
		rc = intro_set_points(st, &in, points, st->weights_text, note);
	if (rc == STORE_OK && in.state == STATE_TRIAGED) {
		struct store_move mv;
		memset(&mv, 0, sizeof mv);
		mv.note = note;
		rc = intro_move(st, &in, STATE_SCORED, &mv, 0);
	}
	return tx_end(st, rc);
}

enum store_status store_intro_explain(struct store *st, const char *intro,
				      struct score_explanation *out)
{
	struct store_intro in;
	enum store_status rc;

	rc = store_intro_get(st, intro, &in);
	if (rc != STORE_OK)
		return rc;
	if (!in.scored)
		return store_fail(st, STORE_REFUSED, "%s is not scored yet", in.handle);
	score_explain(&st->policy, in.points, dial_threshold(st), out);
	return STORE_OK;
}

/* The rule's inputs for a loaded intro. */
static enum store_status tier_inputs(struct store *st, const struct store_intro *in,
				     struct tier_input *ti, struct store_partner *p)
{
	long long strategic = 0;
	enum store_status rc = partner_load(st, in->partner_id, p);
	if (rc != STORE_OK)
		return rc;
	rc = sq_one_int(st, "SELECT strategic FROM accounts WHERE id = ?1", in->account_id,
			&strategic);
	if (rc != STORE_OK)
		return rc;
	memset(ti, 0, sizeof *ti);
	ti->expected_acv = in->expected_acv > 0 ? (long)in->expected_acv : 0;
	ti->acv_known = in->expected_acv > 0;
	ti->partner_avg_won_acv = p->avg_won_acv > 0 ? (long)p->avg_won_acv : 0;
	ti->partner_avg_known = p->won_count > 0 && p->avg_won_acv >= 0;
	ti->overlap_points = in->points[PQL_OVERLAP];
	ti->strategic = (int)strategic;
	return STORE_OK;
}

static enum store_status suggest_loaded(struct store *st, const struct store_intro *in,
					struct tier_result *out, struct tier_gaming *gaming)
{
	struct tier_input ti;
	struct store_partner p;
	enum store_status rc;

	if (!in->scored)
		return store_fail(st, STORE_REFUSED, "%s is not scored yet: score it before "
				  "tiering", in->handle);
	rc = tier_inputs(st, in, &ti, &p);
	if (rc != STORE_OK)
		return rc;
	tier_decide(&st->policy, &ti, out);
	if (gaming)
		tier_gaming_check(&st->policy, in->expected_acv > 0 ? (long)in->expected_acv : 0,
				  p.median_won_acv > 0 ? (long)p.median_won_acv : 0,
				  p.won_count > 0 && p.median_won_acv >= 0, gaming);
	return STORE_OK;
}

enum store_status store_intro_tier_suggest(struct store *st, const char *intro,
					   struct tier_result *out, struct tier_gaming *gaming)
{
	struct store_intro in;
	enum store_status rc;
	rc = store_intro_get(st, intro, &in);
	if (rc != STORE_OK)
		return rc;
	return suggest_loaded(st, &in, out, gaming);
}

static void join_reasons(const struct tier_result *r, char *buf, size_t size)
{
	size_t used = 0;
	int i;
	buf[0] = '\0';
	for (i = 0; i < r->reason_count; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? "; " : "", r->reasons[i]);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}

enum store_status store_intro_tier_set(struct store *st, const char *intro, int tier,
				       const char *reason, int ae_hours)
{
	struct store_intro in;
	struct tier_result sug;
	char id[STORE_ID_SIZE], err[STORE_MSG_SIZE], text[STORE_REASON_SIZE];
	int overridden;
	enum store_status rc;

	store_clear_error(st);
	rc = check_len(st, "tier reason", reason, STORE_TEXT_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, id);
	if (rc == STORE_OK)
		rc = intro_load(st, id, &in);
	if (rc == STORE_OK && is_closed(in.state))
		rc = store_fail(st, STORE_REFUSED, "%s is %s: a closed intro keeps its tier",
				in.handle, domain_state_name(in.state));
	if (rc == STORE_OK)
		rc = suggest_loaded(st, &in, &sug, NULL);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	if (tier == 0)
		tier = sug.tier;
	overridden = tier != sug.tier;
	if (overridden) {
		if (tier_check_override(tier, reason, err, sizeof err) != 0)
			return tx_end(st, store_fail(st, STORE_INVALID, "%s: %s (the rule says tier %d)",
						     in.handle, err, sug.tier));
		snprintf(text, sizeof text, "%s", reason);
	} else {
		join_reasons(&sug, text, sizeof text);
	}
	if (ae_hours < 0)
		ae_hours = tier_hours_preset(&st->policy, tier);
	else if (tier_check_hours(&st->policy, tier, ae_hours, err, sizeof err) != 0)
		return tx_end(st, store_fail(st, STORE_INVALID, "%s: %s", in.handle, err));

	rc = intro_set_int(st, id, "tier", in.tier, in.tier == 0, tier, 0, reason);
	if (rc == STORE_OK)
		rc = intro_set_text(st, id, "tier_reason", in.tier_reason, text, reason);
	if (rc == STORE_OK)
		rc = intro_set_int(st, id, "tier_overridden", in.tier_overridden, 0, overridden, 0,
				   reason);
	if (rc == STORE_OK)
		rc = intro_set_int(st, id, "ae_hours", in.ae_hours, in.ae_hours < 0, ae_hours, 0,
				   reason);
	return tx_end(st, rc);
}

enum store_status store_intro_route_suggest(struct store *st, const char *intro,
					    char *ae_id_out, char *why, size_t why_size)
{
	struct store_intro in;
	char owner[STORE_ID_SIZE] = "", name[STORE_NAME_SIZE] = "";
	enum store_status rc;
	sqlite3_stmt *s;
	int r;

	rc = store_intro_get(st, intro, &in);
	if (rc != STORE_OK)
		return rc;
	/* the territory owner leads, when active */
	s = sq_prepare(st, "SELECT e.id, e.name FROM accounts a JOIN aes e ON e.id = a.owner_ae_id"
		       " WHERE a.id = ?1 AND e.active = 1");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, in.account_id);
	r = sq_step(st, s, "find territory owner");
	if (r == SQLITE_ROW) {
		sq_column_text(s, 0, owner, sizeof owner);
		sq_column_text(s, 1, name, sizeof name);
	}
	sq_release(st, s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return sq_last(st);
	if (owner[0]) {
		snprintf(ae_id_out, STORE_ID_SIZE, "%s", owner);
		if (why && why_size)
			snprintf(why, why_size, "%s owns the account's territory", name);
		return STORE_OK;
	}
	if (!in.pod_id[0])
		return store_fail(st, STORE_NOT_FOUND, "%s has no pod and its account no territory "
				  "owner: assign a pod first", in.handle);
	/* else the least-loaded active AE of the pod, by open AE-hour budget */
	/* the AE tally (schema v3) holds each AE's budgets by state */
	s = sq_prepare(st, "SELECT e.id, e.name, (SELECT ifnull(sum(c.hours), 0)"
		       " FROM ae_counts c WHERE c.ae_id = e.id AND c.state IN ('routed', 'accepted'))"
		       " AS load FROM aes e WHERE e.pod_id = ?1 AND e.active = 1"
		       " ORDER BY load, e.name LIMIT 1");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, in.pod_id);
	r = sq_step(st, s, "find least-loaded AE");
	if (r == SQLITE_ROW) {
		sq_column_text(s, 0, ae_id_out, STORE_ID_SIZE);
		sq_column_text(s, 1, name, sizeof name);
		if (why && why_size)
			snprintf(why, why_size, "%s is the least loaded active AE of the pod "
				 "(%lld open AE hours)", name, (long long)sqlite3_column_int64(s, 2));
		rc = STORE_OK;
	} else if (r == SQLITE_DONE) {
		rc = store_fail(st, STORE_NOT_FOUND, "the pod of %s has no active AE", in.handle);
	} else {
		rc = sq_last(st);
	}
	sq_release(st, s);
	return rc;
}
