/* transition.c - the one door for an intro's state changes.
 *
 * The store gathers the facts (score against the dial, tier, AE, attribution
 * completeness, reason code), the core's lifecycle_check() decides, and the
 * store writes the new state with its side effects and audit rows, all in
 * the caller's transaction. Writes are ordered so every intermediate row
 * satisfies the table's CHECKs (closed_at before a closed state,
 * escalated_from before escalated), which also makes undo (reverse order)
 * safe. */
#include <stdio.h>
#include <string.h>

#include "coselldesk/lifecycle.h"
#include "store_internal.h"

/* The reason-code kind a move into `to` needs, or -1. */
static int reason_kind_for(enum intro_state to)
{
	switch (to) {
	case STATE_REJECTED: return REASON_REJECTION;
	case STATE_DECLINED: return REASON_DECLINE;
	case STATE_LOST:     return REASON_LOSS;
	default:             return -1;
	}
}

static enum store_status open_escalations(struct store *st, const char *id, long long *n)
{
	return sq_one_int(st, "SELECT count(*) FROM escalations WHERE intro_id = ?1"
			  " AND state = 'open'", id, n);
}

static enum store_status check_ae_active(struct store *st, const char *ae_id)
{
	long long active = 0;
	enum store_status rc = sq_one_int(st, "SELECT active FROM aes WHERE id = ?1", ae_id,
					  &active);
	if (rc == STORE_NOT_FOUND)
		return store_fail(st, rc, "no AE %s", ae_id);
	if (rc == STORE_OK && !active) {
		char h[STORE_HANDLE_SIZE];
		store_handle_of(STORE_KIND_AE, ae_id, h);
		return store_fail(st, STORE_REFUSED, "AE %s is not active: route to another AE", h);
	}
	return rc;
}

enum store_status intro_move(struct store *st, struct store_intro *in, enum intro_state to,
			     const struct store_move *mv, int escalation_path)
{
	static const struct store_move none;
	struct lifecycle_facts f;
	char why[STORE_TEXT_SIZE] = "", msg[STORE_MSG_SIZE], ae_id[STORE_ID_SIZE] = "";
	const char *from_name = domain_state_name(in->state), *to_name = domain_state_name(to);
	enum intro_state from = in->state;
	long long now = st_now(st);
	int kind = reason_kind_for(to), complete = 0;
	enum store_status rc;

	if (!mv)
		mv = &none;
	if (!to_name)
		return store_fail(st, STORE_INVALID, "unknown state %d", (int)to);
	if (to == STATE_ESCALATED && !escalation_path)
		return store_fail(st, STORE_REFUSED, "%s: escalate with a kind and a note "
				  "(store_escalate), not a plain move", in->handle);
	if (from == STATE_ESCALATED && !escalation_path) {
		long long open = 0;
		rc = open_escalations(st, in->id, &open);
		if (rc != STORE_OK)
			return rc;
		if (open > 0)
			return store_fail(st, STORE_REFUSED, "%s is escalated with %lld open "
					  "escalation%s: resolve %s first", in->handle, open,
					  open == 1 ? "" : "s", open == 1 ? "it" : "them");
	}
	rc = check_len(st, "note", mv->note, STORE_TEXT_SIZE - 1);
	if (rc != STORE_OK)
		return rc;

	/* the facts */
	memset(&f, 0, sizeof f);
	f.is_pql = in->scored && score_is_pql(in->score, dial_threshold(st));
	f.tier = in->tier;
	if (mv->ae && *mv->ae) {
		rc = resolve_id(st, STORE_KIND_AE, mv->ae, ae_id);
		if (rc != STORE_OK)
			return rc;
	} else {
		snprintf(ae_id, sizeof ae_id, "%s", in->ae_id);
	}
	f.has_ae = ae_id[0] != '\0';
	rc = attribution_check(st, in->id, &complete, why, sizeof why);
	if (rc != STORE_OK)
		return rc;
	f.attribution_complete = complete;
	f.attribution_gap = complete ? NULL : why;
	if (mv->reason_code && *mv->reason_code) {
		if (kind < 0)
			return store_fail(st, STORE_INVALID, "%s: a move to %s takes no reason code",
					  in->handle, to_name);
		rc = reason_code_check(st, (enum reason_kind)kind, mv->reason_code);
		if (rc != STORE_OK)
			return rc;
		f.has_reason_code = 1;
	}
	f.escalated_from = in->escalated_from;
	if (lifecycle_check(from, to, &f, in->handle, msg, sizeof msg) != 0)
		return store_fail(st, STORE_REFUSED, "%s", msg);

	/* side effects, then the state */
	rc = STORE_OK;
	if (to == STATE_ROUTED && f.has_ae) {
		rc = check_ae_active(st, ae_id);
		if (rc == STORE_OK)
			rc = intro_set_text(st, in->id, "ae_id", in->ae_id, ae_id, mv->note);
		if (rc == STORE_OK && from != STATE_ESCALATED)
			rc = intro_set_int(st, in->id, "sla_due", in->sla_due, in->sla_due == 0,
					   now + (long long)st->policy.sla_accept_hours * 3600, 0,
					   mv->note);
	} else if (to != STATE_ESCALATED && from != STATE_ESCALATED && in->sla_due) {
		/* the SLA clock runs only while new (triage) or routed (acceptance) */
		rc = intro_set_int(st, in->id, "sla_due", in->sla_due, 0, 0, 1, mv->note);
	}
	if (rc == STORE_OK && kind >= 0 && from != STATE_ESCALATED)
		rc = intro_set_text(st, in->id, "reason_code", in->reason_code, mv->reason_code,
				    mv->note);
	if (rc == STORE_OK && (to == STATE_WON || to == STATE_LOST || to == STATE_DECLINED))
		rc = intro_set_int(st, in->id, "closed_at", in->closed_at, in->closed_at == 0, now, 0,
				   mv->note);
	if (rc == STORE_OK && (to == STATE_WON || to == STATE_LOST)) {
		long long minutes = 0;
		rc = hours_minutes(st, in->id, &minutes);
		if (rc == STORE_OK)
			rc = intro_set_int(st, in->id, "actual_ae_minutes",
					   in->actual_ae_hours < 0 ? 0 : (long long)(in->actual_ae_hours * 60 + 0.5),
					   in->actual_ae_hours < 0, minutes, 0, mv->note);
	}
	if (rc == STORE_OK && to == STATE_WON) {
		long long acv = mv->set_actual_acv && mv->actual_acv > 0 ? mv->actual_acv
									 : in->expected_acv;
		rc = intro_set_int(st, in->id, "actual_acv", in->actual_acv, in->actual_acv < 0, acv,
				   acv < 0, mv->note);
	}
	if (rc == STORE_OK && to == STATE_ESCALATED)
		rc = intro_set_text(st, in->id, "escalated_from", NULL, from_name, mv->note);
	if (rc == STORE_OK)
		rc = intro_set_text(st, in->id, "state", from_name, to_name, mv->note);
	if (rc == STORE_OK && from == STATE_ESCALATED)
		rc = intro_set_text(st, in->id, "escalated_from",
				    domain_state_name(in->escalated_from), NULL, mv->note);
	if (rc == STORE_OK && to == STATE_WON)
		rc = partner_refresh_stats(st, in->partner_id);
	if (rc == STORE_OK) {
		in->state = to;
		if (to == STATE_ESCALATED)
			in->escalated_from = from;
	}
	return rc;
}

enum store_status store_intro_transition(struct store *st, const char *intro,
					 enum intro_state to, const struct store_move *mv)
{
	struct store_intro in;
	char id[STORE_ID_SIZE];
	enum store_status rc;

	store_clear_error(st);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_INTRO, intro, id);
	if (rc == STORE_OK)
		rc = intro_load(st, id, &in);
	if (rc == STORE_OK)
		rc = intro_move(st, &in, to, mv, 0);
	return tx_end(st, rc);
}

static enum store_status simple(struct store *st, const char *intro, enum intro_state to,
				const char *note, const char *code, const char *ae)
{
	struct store_move mv;
	memset(&mv, 0, sizeof mv);
	mv.note = note;
	mv.reason_code = code;
	mv.ae = ae;
	return store_intro_transition(st, intro, to, &mv);
}

enum store_status store_intro_triage(struct store *st, const char *intro, const char *note)
{
	return simple(st, intro, STATE_TRIAGED, note, NULL, NULL);
}

enum store_status store_intro_route(struct store *st, const char *intro, const char *ae,
				    const char *note)
{
	return simple(st, intro, STATE_ROUTED, note, NULL, ae);
}

enum store_status store_intro_accept(struct store *st, const char *intro, const char *note)
{
	return simple(st, intro, STATE_ACCEPTED, note, NULL, NULL);
}

enum store_status store_intro_reject(struct store *st, const char *intro,
				     const char *reason_code, const char *note)
{
	return simple(st, intro, STATE_REJECTED, note, reason_code, NULL);
}

enum store_status store_intro_partner_led(struct store *st, const char *intro,
					  const char *note)
{
	return simple(st, intro, STATE_PARTNER_LED, note, NULL, NULL);
}

enum store_status store_intro_nurture(struct store *st, const char *intro, const char *note)
{
	return simple(st, intro, STATE_NURTURE, note, NULL, NULL);
}

enum store_status store_intro_decline(struct store *st, const char *intro,
				      const char *reason_code, const char *note)
{
	return simple(st, intro, STATE_DECLINED, note, reason_code, NULL);
}

enum store_status store_intro_close(struct store *st, const char *intro, int won,
				    long long actual_acv, const char *reason_code,
				    const char *note)
{
	struct store_move mv;
	memset(&mv, 0, sizeof mv);
	mv.note = note;
	mv.reason_code = won ? NULL : reason_code;
	mv.actual_acv = actual_acv;
	mv.set_actual_acv = won && actual_acv > 0;
	return store_intro_transition(st, intro, won ? STATE_WON : STATE_LOST, &mv);
}
