/* conflicts.c - duplicates and conflicts of an intro (DOMAIN.md escalation
 * rules): another open intro on the same account (same partner: duplicate;
 * another partner: channel conflict), or an account whose territory owner
 * is not the AE or pod the intro is with. Intros parked in nurture hold no
 * claim on an account and take part in neither side. The queue computes the same flags
 * in SQL (queue.c) from the same definitions. */
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

const char *store_conflict_kind_name(enum store_conflict_kind k)
{
	static const char *const names[CONFLICT_KIND_COUNT] = { "duplicate", "channel", "territory" };
	return (unsigned)k < CONFLICT_KIND_COUNT ? names[k] : NULL;
}

static void add(struct store_conflict *out, size_t cap, size_t *n,
		const struct store_conflict *c)
{
	if (*n < cap)
		out[*n] = *c;
	(*n)++;
}

enum store_status store_intro_conflicts(struct store *st, const char *intro,
					struct store_conflict *out, size_t cap, size_t *n)
{
	struct store_intro in;
	struct store_conflict c;
	char owner[STORE_ID_SIZE] = "", owner_name[STORE_NAME_SIZE] = "",
	     owner_pod[STORE_ID_SIZE] = "", pname[STORE_NAME_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;
	int r;

	*n = 0;
	rc = store_intro_get(st, intro, &in);
	/* an intro parked in nurture holds no claim on the account */
	if (rc != STORE_OK || !domain_state_is_open(in.state) || in.state == STATE_NURTURE)
		return rc;

	s = sq_prepare(st, "SELECT j.id, j.partner_id, j.received_at, p.name FROM intros j"
		       " JOIN partners p ON p.id = j.partner_id"
		       " WHERE j.account_id = ?1 AND j.id <> ?2"
		       " AND j.state NOT IN ('declined', 'won', 'lost') AND j.state <> 'nurture'"
		       " ORDER BY j.received_at, j.id");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, in.account_id);
	sq_bind_text(s, 2, in.id);
	while ((r = sq_step(st, s, "find conflicts")) == SQLITE_ROW) {
		memset(&c, 0, sizeof c);
		sq_column_text(s, 0, c.other_intro_id, sizeof c.other_intro_id);
		store_handle_of(STORE_KIND_INTRO, c.other_intro_id, c.other_handle);
		sq_column_text(s, 1, c.partner_id, sizeof c.partner_id);
		c.received_at = sqlite3_column_int64(s, 2);
		sq_column_text(s, 3, pname, sizeof pname);
		if (strcmp(c.partner_id, in.partner_id) == 0) {
			c.kind = CONFLICT_DUPLICATE;
			snprintf(c.detail, sizeof c.detail, "%s from the same partner is also open on "
				 "this account (%s)", c.other_handle,
				 c.received_at <= in.received_at ? "it arrived first"
								  : "this one arrived first");
		} else {
			c.kind = CONFLICT_CHANNEL;
			snprintf(c.detail, sizeof c.detail, "%s from %s is open on this account: the "
				 "deeper verified relationship and the earlier registration (%s) lead",
				 c.other_handle, pname,
				 c.received_at <= in.received_at ? "theirs" : "this one");
		}
		add(out, cap, n, &c);
	}
	sq_release(st, s);
	if (r != SQLITE_DONE)
		return sq_last(st);

	s = sq_prepare(st, "SELECT e.id, e.name, e.pod_id FROM accounts a JOIN aes e"
		       " ON e.id = a.owner_ae_id WHERE a.id = ?1");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, in.account_id);
	r = sq_step(st, s, "find territory owner");
	if (r == SQLITE_ROW) {
		sq_column_text(s, 0, owner, sizeof owner);
		sq_column_text(s, 1, owner_name, sizeof owner_name);
		sq_column_text(s, 2, owner_pod, sizeof owner_pod);
	}
	sq_release(st, s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return sq_last(st);
	if (owner[0]) {
		memset(&c, 0, sizeof c);
		c.kind = CONFLICT_TERRITORY;
		snprintf(c.owner_ae_id, sizeof c.owner_ae_id, "%s", owner);
		if (in.ae_id[0] && strcmp(in.ae_id, owner) != 0) {
			snprintf(c.detail, sizeof c.detail, "the account is %s's territory but the intro "
				 "is with another AE: the territory owner leads", owner_name);
			add(out, cap, n, &c);
		} else if (!in.ae_id[0] && in.pod_id[0] && owner_pod[0] &&
			   strcmp(in.pod_id, owner_pod) != 0) {
			snprintf(c.detail, sizeof c.detail, "the account is %s's territory, in another "
				 "pod than the intro's", owner_name);
			add(out, cap, n, &c);
		}
	}
	return STORE_OK;
}
