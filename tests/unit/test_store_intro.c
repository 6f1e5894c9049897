/* test_store_intro.c - an intro's life through the store: scoring, tier,
 * routing, every lifecycle path with its audit rows, illegal moves, the
 * attribution gate, escalations, conflicts, briefs, hours and undo. */
#include "store_fixture.h"
#include "coselldesk/brief.h"

static long audit_rows(struct fx *f, const char *entity_id)
{
	struct store_audit *a = NULL;
	size_t n = 0;
	OK(f, store_audit_list(f->st, entity_id, 0, &a, &n));
	free(a);
	return (long)n;
}

/* Is there an audit row entity_id.field old -> new? */
static int audited(struct fx *f, const char *entity_id, const char *field, const char *old_v,
		   const char *new_v)
{
	struct store_audit *a = NULL;
	size_t n = 0, i;
	int found = 0;
	OK(f, store_audit_list(f->st, entity_id, 0, &a, &n));
	for (i = 0; i < n && !found; i++)
		found = strcmp(a[i].field, field) == 0 && strcmp(a[i].old_value, old_v) == 0 &&
			strcmp(a[i].new_value, new_v) == 0 && strcmp(a[i].actor, "tester") == 0;
	free(a);
	return found;
}

static enum intro_state state_of(struct fx *f, const char *id)
{
	struct store_intro in;
	OK(f, store_intro_get(f->st, id, &in));
	return in.state;
}

static void test_add_defaults(void **state)
{
	struct fx f;
	struct store_intro in;
	char id[STORE_ID_SIZE];
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, "Northwind Manufacturing", FX_NOW - FX_DAY, 55000, NULL, id);
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_NEW);
	assert_int_equal(in.received_at, FX_NOW - FX_DAY);
	assert_int_equal(in.sla_due, FX_NOW - FX_DAY + 24 * 3600);
	assert_string_equal(in.pod_id, f.pod_east);      /* the territory owner's pod */
	assert_string_equal(in.owner_id, f.ds_east);     /* and its specialist */
	assert_int_equal(in.score, -1);
	assert_int_equal(in.scored, 0);
	assert_int_equal(in.expected_acv, 55000);
	assert_true(audited(&f, id, "created", "", "new"));
	/* bad input changes nothing */
	{
		struct store_intro_new n;
		char big[5000];
		char other[STORE_ID_SIZE];
		memset(big, 'x', sizeof big - 1);
		big[sizeof big - 1] = '\0';
		memset(&n, 0, sizeof n);
		n.partner = f.rsi;
		n.account = f.northwind;
		n.note = big;
		n.expected_acv = -1;
		assert_int_equal(store_intro_add(f.st, &n, other), STORE_INVALID);
		assert_non_null(strstr(store_errmsg(f.st), "note"));
		n.note = NULL;
		n.partner = "No Such Partner";
		assert_int_equal(store_intro_add(f.st, &n, other), STORE_NOT_FOUND);
		n.partner = f.rsi;
		n.expected_acv = -5;
		assert_int_equal(store_intro_add(f.st, &n, other), STORE_INVALID);
	}
	{
		struct store_counts c;
		OK(&f, store_counts(f.st, NULL, &c));
		assert_int_equal(c.total, 1);
		assert_int_equal(c.by_state[STATE_NEW], 1);
	}
	fx_teardown(&f);
}

/* DOMAIN.md's worked example, end to end. */
static void test_northwind(void **state)
{
	struct fx f;
	struct store_intro in;
	struct score_explanation ex;
	struct tier_result tr;
	struct tier_gaming g;
	struct store_partner p;
	char id[STORE_ID_SIZE], ae[STORE_ID_SIZE], why[256];
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);

	OK(&f, store_intro_score(f.st, id, fx_northwind_points, "mapping checked"));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_SCORED);
	assert_int_equal(in.score, 79);
	assert_string_equal(in.weights, "25,20,20,15,10,10");
	assert_true(audited(&f, id, "state", "new", "triaged"));
	assert_true(audited(&f, id, "state", "triaged", "scored"));
	assert_true(audited(&f, id, "score", "", "79"));
	assert_true(audited(&f, id, "p_overlap", "", "22"));
	assert_int_equal(in.sla_due, 0);   /* triage SLA met */

	OK(&f, store_intro_explain(f.st, id, &ex));
	assert_int_equal(ex.score, 79);
	assert_int_equal(ex.threshold, 70);
	assert_int_equal(ex.is_pql, 1);

	OK(&f, store_intro_tier_suggest(f.st, id, &tr, &g));
	assert_int_equal(tr.tier, 2);
	assert_int_equal(tr.ae_hours, 3);
	assert_int_equal(g.flagged, 0);
	OK(&f, store_intro_tier_set(f.st, id, 0, NULL, -1));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.tier, 2);
	assert_int_equal(in.ae_hours, 3);
	assert_int_equal(in.tier_overridden, 0);
	assert_true(strlen(in.tier_reason) > 0);
	assert_true(audited(&f, id, "tier", "", "2"));

	OK(&f, store_intro_route_suggest(f.st, id, ae, why, sizeof why));
	assert_string_equal(ae, f.ae1);                 /* the territory owner */
	assert_non_null(strstr(why, "Avery East"));
	OK(&f, store_intro_route(f.st, id, ae, NULL));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_ROUTED);
	assert_string_equal(in.ae_id, f.ae1);
	assert_int_equal(in.sla_due, FX_NOW + 48 * 3600);
	OK(&f, store_intro_accept(f.st, id, "looks good"));
	assert_true(audited(&f, id, "state", "routed", "accepted"));

	/* the attribution gate */
	OK(&f, store_hours_log(f.st, id, "Avery East", 2.0, "discovery", FX_NOW));
	OK(&f, store_hours_log(f.st, id, "Avery East", 1.2, "demo", FX_NOW));
	assert_int_equal(store_intro_close(f.st, id, 1, 58000, NULL, NULL), STORE_REFUSED);
	assert_non_null(strstr(store_errmsg(f.st), "attribution"));
	assert_int_equal(state_of(&f, id), STATE_ACCEPTED);
	OK(&f, store_attribution_set(f.st, id, ROLE_SOURCING, f.rsi, -1));
	assert_int_equal(store_intro_close(f.st, id, 1, 58000, NULL, NULL), STORE_REFUSED);
	assert_non_null(strstr(store_errmsg(f.st), "selling"));
	OK(&f, store_attribution_set(f.st, id, ROLE_SELLING, f.rsi, -1));
	OK(&f, store_intro_close(f.st, id, 1, 58000, NULL, "signed"));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_WON);
	assert_int_equal(in.actual_acv, 58000);
	assert_true(in.actual_ae_hours > 3.19 && in.actual_ae_hours < 3.21);
	assert_int_equal(in.closed_at, FX_NOW);
	OK(&f, store_partner_get(f.st, f.rsi, &p));
	assert_int_equal(p.won_count, 1);
	assert_int_equal(p.median_won_acv, 58000);
	assert_int_equal(p.avg_won_acv, 58000);
	/* won is terminal */
	assert_int_equal(store_intro_close(f.st, id, 0, 0, "price", NULL), STORE_REFUSED);
	assert_int_equal(store_intro_score(f.st, id, fx_northwind_points, NULL), STORE_REFUSED);
	fx_teardown(&f);
}

static void test_illegal_moves(void **state)
{
	struct fx f;
	char id[STORE_ID_SIZE];
	long before;
	int low[PQL_FACTOR_COUNT] = { 5, 5, 5, 5, 5, 5 };
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	before = audit_rows(&f, id);
	assert_int_equal(store_intro_accept(f.st, id, NULL), STORE_REFUSED);
	assert_non_null(strstr(store_errmsg(f.st), "new"));
	assert_int_equal(store_intro_route(f.st, id, "Avery East", NULL), STORE_REFUSED);
	assert_int_equal(store_intro_transition(f.st, id, STATE_ESCALATED, NULL), STORE_REFUSED);
	assert_int_equal(store_intro_transition(f.st, id, STATE_WON, NULL), STORE_REFUSED);
	assert_int_equal(state_of(&f, id), STATE_NEW);
	assert_int_equal(audit_rows(&f, id), before);   /* nothing half-written */

	/* below the bar: no routing */
	OK(&f, store_intro_score(f.st, id, low, NULL));
	OK(&f, store_intro_tier_set(f.st, id, 0, NULL, -1));
	assert_int_equal(store_intro_route(f.st, id, "Avery East", NULL), STORE_REFUSED);
	assert_int_equal(state_of(&f, id), STATE_SCORED);
	OK(&f, store_intro_nurture(f.st, id, "not now"));
	assert_int_equal(state_of(&f, id), STATE_NURTURE);
	/* nurture -> scored again goes through triaged */
	OK(&f, store_intro_score(f.st, id, fx_northwind_points, "new evidence"));
	assert_int_equal(state_of(&f, id), STATE_SCORED);
	assert_true(audited(&f, id, "state", "nurture", "triaged"));
	/* decline needs a code of the decline kind */
	assert_int_equal(store_intro_decline(f.st, id, NULL, NULL), STORE_REFUSED);
	assert_int_equal(store_intro_decline(f.st, id, "price", NULL), STORE_INVALID);
	assert_non_null(strstr(store_errmsg(f.st), "no_overlap"));  /* lists the known codes */
	OK(&f, store_intro_decline(f.st, id, "not_icp", NULL));
	assert_int_equal(state_of(&f, id), STATE_DECLINED);
	assert_int_equal(store_intro_triage(f.st, id, NULL), STORE_REFUSED);
	fx_teardown(&f);
}

static void test_scoring_validation(void **state)
{
	struct fx f;
	char id[STORE_ID_SIZE];
	int over[PQL_FACTOR_COUNT] = { 22, 12, 25, 13, 5, 7 };
	int neg[PQL_FACTOR_COUNT] = { 22, -1, 20, 13, 5, 7 };
	long before;
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	before = audit_rows(&f, id);
	assert_int_equal(store_intro_score(f.st, id, over, NULL), STORE_INVALID);
	assert_non_null(strstr(store_errmsg(f.st), "ICP"));
	assert_int_equal(store_intro_score(f.st, id, neg, NULL), STORE_INVALID);
	assert_int_equal(state_of(&f, id), STATE_NEW);
	assert_int_equal(audit_rows(&f, id), before);
	/* tiering needs a score */
	assert_int_equal(store_intro_tier_set(f.st, id, 0, NULL, -1), STORE_REFUSED);
	fx_teardown(&f);
}

static void test_tier_rules(void **state)
{
	struct fx f;
	struct store_intro in;
	struct tier_result tr;
	struct tier_gaming g;
	char won[STORE_ID_SIZE], id[STORE_ID_SIZE], big[STORE_ID_SIZE];
	(void)state;
	fx_setup(&f);
	/* a won deal at $100,000 gives the partner a history */
	fx_intro(&f, f.cloud, f.contoso, FX_NOW - 30 * FX_DAY, 100000, NULL, won);
	OK(&f, store_intro_assign(f.st, won, "east", NULL));
	OK(&f, store_intro_score(f.st, won, fx_northwind_points, NULL));
	OK(&f, store_intro_tier_set(f.st, won, 0, NULL, -1));
	OK(&f, store_intro_route(f.st, won, "Blake East", NULL));
	OK(&f, store_intro_accept(f.st, won, NULL));
	OK(&f, store_attribution_set(f.st, won, ROLE_SOURCING, f.cloud, -1));
	OK(&f, store_attribution_set(f.st, won, ROLE_SELLING, "Cloud Partner", -1));
	OK(&f, store_intro_close(f.st, won, 1, 0, NULL, NULL));   /* 0: the expected ACV */
	OK(&f, store_intro_get(f.st, won, &in));
	assert_int_equal(in.actual_acv, 100000);

	/* ACV unknown: the partner's average decides (no escalation) */
	fx_intro(&f, f.cloud, f.fabrikam, FX_NOW - FX_DAY, -1, NULL, id);
	OK(&f, store_intro_score(f.st, id, fx_northwind_points, NULL));
	OK(&f, store_intro_tier_suggest(f.st, id, &tr, &g));
	assert_int_equal(tr.acv_source, TIER_ACV_PARTNER_AVERAGE);
	assert_int_equal(tr.tier, 1);
	assert_int_equal(g.flagged, 0);
	assert_int_equal(store_escalate(f.st, id, ESC_ACV_AMBIGUITY, "which ACV?", NULL),
			 STORE_REFUSED);
	assert_non_null(strstr(store_errmsg(f.st), "historical average"));

	/* override needs a reason; hours within the tier's range */
	assert_int_equal(store_intro_tier_set(f.st, id, 2, NULL, -1), STORE_INVALID);
	assert_int_equal(store_intro_tier_set(f.st, id, 2, "   ", -1), STORE_INVALID);
	assert_int_equal(store_intro_tier_set(f.st, id, 1, NULL, 10), STORE_INVALID);
	assert_int_equal(store_intro_tier_set(f.st, id, 4, "why not", -1), STORE_INVALID);
	OK(&f, store_intro_tier_set(f.st, id, 2, "partner-led motion agreed with the AE", 4));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.tier, 2);
	assert_int_equal(in.ae_hours, 4);
	assert_int_equal(in.tier_overridden, 1);
	assert_string_equal(in.tier_reason, "partner-led motion agreed with the AE");
	assert_true(audited(&f, id, "tier_overridden", "0", "1"));

	/* tier gaming: a claim far above the partner's median won ACV */
	fx_intro(&f, f.cloud, f.northwind, FX_NOW - FX_DAY, 400000, NULL, big);
	OK(&f, store_intro_score(f.st, big, fx_northwind_points, NULL));
	OK(&f, store_intro_tier_suggest(f.st, big, &tr, &g));
	assert_int_equal(g.flagged, 1);
	assert_int_equal(g.median_won_acv, 100000);
	fx_teardown(&f);
}

static void test_reject_reroute(void **state)
{
	struct fx f;
	struct store_intro in;
	char id[STORE_ID_SIZE];
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	OK(&f, store_intro_score(f.st, id, fx_northwind_points, NULL));
	OK(&f, store_intro_tier_set(f.st, id, 0, NULL, -1));
	OK(&f, store_intro_route(f.st, id, "Avery East", NULL));
	assert_int_equal(store_intro_reject(f.st, id, NULL, NULL), STORE_REFUSED);
	assert_int_equal(store_intro_reject(f.st, id, "bogus", NULL), STORE_INVALID);
	OK(&f, store_intro_reject(f.st, id, "no_capacity", "full quarter"));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_REJECTED);
	assert_string_equal(in.reason_code, "no_capacity");
	/* re-route to another AE; an inactive AE is refused */
	OK(&f, store_ae_set_active(f.st, "Blake East", 0));
	assert_int_equal(store_intro_route(f.st, id, "Blake East", NULL), STORE_REFUSED);
	OK(&f, store_ae_set_active(f.st, "Blake East", 1));
	OK(&f, store_intro_route(f.st, id, "Blake East", "second try"));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_ROUTED);
	assert_string_equal(in.ae_id, f.ae2);
	assert_true(audited(&f, id, "state", "rejected", "routed"));
	OK(&f, store_intro_accept(f.st, id, NULL));
	OK(&f, store_attribution_set(f.st, id, ROLE_SOURCING, f.rsi, -1));
	OK(&f, store_attribution_set(f.st, id, ROLE_SELLING, f.rsi, -1));
	assert_int_equal(store_intro_close(f.st, id, 0, 0, NULL, NULL), STORE_REFUSED);
	assert_int_equal(store_intro_close(f.st, id, 0, 0, "not_icp", NULL), STORE_INVALID);
	OK(&f, store_intro_close(f.st, id, 0, 0, "price", NULL));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_LOST);
	assert_string_equal(in.reason_code, "price");
	fx_teardown(&f);
}

static void test_partner_led(void **state)
{
	struct fx f;
	struct store_intro in;
	char id[STORE_ID_SIZE];
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.tail, f.contoso, FX_NOW - FX_DAY, 12000, "west", id);
	OK(&f, store_intro_score(f.st, id, fx_northwind_points, NULL));
	OK(&f, store_intro_tier_set(f.st, id, 0, NULL, -1));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.tier, 3);
	assert_int_equal(in.ae_hours, 0);
	assert_int_equal(store_intro_route(f.st, id, "Casey West", NULL), STORE_REFUSED);
	OK(&f, store_intro_partner_led(f.st, id, NULL));
	assert_int_equal(state_of(&f, id), STATE_PARTNER_LED);
	OK(&f, store_intro_close(f.st, id, 1, 11000, NULL, NULL));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_WON);
	assert_int_equal(in.actual_acv, 11000);
	assert_true(in.actual_ae_hours == 0);
	fx_teardown(&f);
}

static void test_escalations(void **state)
{
	struct fx f;
	struct store_escalation *list = NULL;
	struct store_intro in;
	char id[STORE_ID_SIZE], e1[STORE_ID_SIZE], e2[STORE_ID_SIZE];
	size_t n = 0;
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	OK(&f, store_intro_score(f.st, id, fx_northwind_points, NULL));
	assert_int_equal(store_escalate(f.st, id, ESC_CHANNEL_CONFLICT, "", e1), STORE_INVALID);
	OK(&f, store_escalate(f.st, id, ESC_CHANNEL_CONFLICT, "two partners on one account", e1));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_ESCALATED);
	assert_int_equal(in.escalated_from, STATE_SCORED);
	assert_true(audited(&f, id, "state", "scored", "escalated"));
	OK(&f, store_escalate(f.st, id, ESC_PARTNER_PUSHBACK, "partner disputes the score", e2));
	OK(&f, store_escalation_list(f.st, id, 1, &list, &n));
	assert_int_equal(n, 2);
	free(list);
	OK(&f, store_escalation_list(f.st, NULL, 0, &list, &n));
	assert_int_equal(n, 2);
	assert_int_equal(list[0].open, 1);
	free(list);

	/* cannot leave while escalations are open */
	assert_int_equal(store_intro_transition(f.st, id, STATE_SCORED, NULL), STORE_REFUSED);
	assert_non_null(strstr(store_errmsg(f.st), "open escalation"));
	assert_int_equal(store_escalation_resolve(f.st, e1, ""), STORE_INVALID);
	OK(&f, store_escalation_resolve(f.st, e1, "rsi registered first: it leads"));
	assert_int_equal(state_of(&f, id), STATE_ESCALATED);
	OK(&f, store_escalation_resolve(f.st, e2, "score holds"));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_SCORED);
	assert_true(audited(&f, id, "state", "escalated", "scored"));
	assert_int_equal(store_escalation_resolve(f.st, e2, "again"), STORE_REFUSED);
	OK(&f, store_escalation_list(f.st, id, 0, &list, &n));
	assert_int_equal(n, 2);
	assert_int_equal(list[0].open, 0);
	assert_int_equal(list[1].open, 0);
	assert_true(list[0].routed_to == ROUTE_DESK_LEAD || list[0].routed_to == ROUTE_PARTNER_MANAGER);
	assert_string_equal(list[0].resolved_by, "tester");
	free(list);
	/* escalating a routed intro keeps its SLA and AE, and comes back routed */
	OK(&f, store_intro_tier_set(f.st, id, 0, NULL, -1));
	OK(&f, store_intro_route(f.st, id, "Avery East", NULL));
	OK(&f, store_escalate(f.st, id, ESC_STALLED_DEAL, "no answer in a week", e1));
	OK(&f, store_escalation_resolve(f.st, e1, "AE called back"));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_ROUTED);
	assert_string_equal(in.ae_id, f.ae1);
	assert_int_equal(in.sla_due, FX_NOW + 48 * 3600);
	fx_teardown(&f);
}

static int has_conflict(const struct store_conflict *c, size_t n, enum store_conflict_kind k,
			const char *other)
{
	size_t i;
	for (i = 0; i < n; i++)
		if (c[i].kind == k && (!other || strcmp(c[i].other_intro_id, other) == 0))
			return 1;
	return 0;
}

static void test_conflicts(void **state)
{
	struct fx f;
	struct store_conflict c[8];
	char a[STORE_ID_SIZE], b[STORE_ID_SIZE], d[STORE_ID_SIZE], w[STORE_ID_SIZE];
	size_t n = 0;
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - 3 * FX_DAY, 55000, NULL, a);
	OK(&f, store_intro_conflicts(f.st, a, c, 8, &n));
	assert_int_equal(n, 0);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - 2 * FX_DAY, 55000, NULL, b);
	fx_intro(&f, f.cloud, f.northwind, FX_NOW - FX_DAY, 80000, NULL, d);
	OK(&f, store_intro_conflicts(f.st, a, c, 8, &n));
	assert_int_equal(n, 2);
	assert_true(has_conflict(c, n, CONFLICT_DUPLICATE, b));
	assert_true(has_conflict(c, n, CONFLICT_CHANNEL, d));
	/* the queue carries the same flags */
	{
		struct queue_filter flt;
		struct queue_row rows[8];
		size_t k = 0, i;
		memset(&flt, 0, sizeof flt);
		flt.score_min = flt.score_max = -1;
		flt.duplicate = 1;
		OK(&f, store_queue_fetch(f.st, &flt, NULL, rows, 8, &k));
		assert_int_equal(k, 2);
		for (i = 0; i < k; i++)
			assert_true(strcmp(rows[i].id, a) == 0 || strcmp(rows[i].id, b) == 0);
		flt.duplicate = 0;
		flt.conflict = 1;
		OK(&f, store_queue_fetch(f.st, &flt, NULL, rows, 8, &k));
		assert_int_equal(k, 3);
	}
	/* territory: Fabrikam is Casey West's (west pod); an intro in east */
	fx_intro(&f, f.rsi, f.fabrikam, FX_NOW - FX_DAY, 30000, "east", w);
	OK(&f, store_intro_conflicts(f.st, w, c, 8, &n));
	assert_int_equal(n, 1);
	assert_true(has_conflict(c, n, CONFLICT_TERRITORY, NULL));
	assert_string_equal(c[0].owner_ae_id, f.ae_west);
	/* routed to an AE other than the owner */
	OK(&f, store_intro_assign(f.st, w, "west", NULL));
	OK(&f, store_intro_conflicts(f.st, w, c, 8, &n));
	assert_int_equal(n, 0);
	OK(&f, store_intro_score(f.st, w, fx_northwind_points, NULL));
	OK(&f, store_intro_tier_set(f.st, w, 0, NULL, -1));
	OK(&f, store_intro_route(f.st, w, "Avery East", NULL));
	OK(&f, store_intro_conflicts(f.st, w, c, 8, &n));
	assert_int_equal(n, 1);
	assert_int_equal(c[0].kind, CONFLICT_TERRITORY);
	/* closing the others clears the duplicate */
	OK(&f, store_intro_decline(f.st, b, "duplicate", NULL));
	OK(&f, store_intro_conflicts(f.st, a, c, 8, &n));
	assert_int_equal(n, 1);
	assert_true(has_conflict(c, n, CONFLICT_CHANNEL, d));
	fx_teardown(&f);
}

static void test_route_suggest_least_loaded(void **state)
{
	struct fx f;
	char x[STORE_ID_SIZE], y[STORE_ID_SIZE], ae[STORE_ID_SIZE], why[200];
	(void)state;
	fx_setup(&f);
	/* Contoso has no territory owner: the pod's least-loaded AE */
	fx_intro(&f, f.cloud, f.contoso, FX_NOW - FX_DAY, 55000, "east", x);
	OK(&f, store_intro_score(f.st, x, fx_northwind_points, NULL));
	OK(&f, store_intro_tier_set(f.st, x, 0, NULL, -1));
	OK(&f, store_intro_route_suggest(f.st, x, ae, why, sizeof why));
	assert_string_equal(ae, f.ae1);   /* tie: by name */
	OK(&f, store_intro_route(f.st, x, ae, NULL));
	fx_intro(&f, f.cloud, f.contoso, FX_NOW - FX_DAY, 56000, "east", y);
	OK(&f, store_intro_route_suggest(f.st, y, ae, why, sizeof why));
	assert_string_equal(ae, f.ae2);   /* Avery now carries 3 hours */
	assert_non_null(strstr(why, "least loaded"));
	fx_teardown(&f);
}

static void test_undo_single(void **state)
{
	struct fx f;
	struct store_undo_result u;
	struct store_intro in;
	char id[STORE_ID_SIZE];
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	OK(&f, store_intro_score(f.st, id, fx_northwind_points, NULL));
	OK(&f, store_undo(f.st, NULL, &u));
	assert_int_equal(u.intros, 1);
	assert_non_null(strstr(u.summary, "score"));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.state, STATE_NEW);
	assert_int_equal(in.scored, 0);
	assert_int_equal(in.score, -1);
	assert_int_equal(in.weights[0], '\0');
	/* the undo is audited, and its own rows are not undone next */
	{
		struct store_audit *a = NULL;
		size_t n = 0;
		OK(&f, store_audit_list(f.st, id, 1, &a, &n));
		assert_int_equal(n, 1);
		assert_string_equal(a[0].reason, "undo");
		free(a);
	}
	/* undo again: the intro's creation */
	OK(&f, store_undo(f.st, NULL, &u));
	assert_int_equal(store_intro_get(f.st, id, &in), STORE_NOT_FOUND);
	{
		struct store_counts c;
		OK(&f, store_counts(f.st, NULL, &c));
		assert_int_equal(c.total, 0);
	}
	/* undo a tier override, then a state change */
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	OK(&f, store_intro_score(f.st, id, fx_northwind_points, NULL));
	OK(&f, store_intro_tier_set(f.st, id, 1, "strategic push", -1));
	OK(&f, store_undo(f.st, "tester", &u));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_int_equal(in.tier, 0);
	assert_int_equal(in.ae_hours, -1);
	assert_int_equal(in.tier_overridden, 0);
	/* a dial move */
	{
		int t = 0, own = 0;
		long changed = 0;
		OK(&f, store_dial_set(f.st, 80, &changed, NULL, NULL));
		assert_int_equal(changed, 1);
		OK(&f, store_undo(f.st, NULL, &u));
		OK(&f, store_dial_get(f.st, &t, &own));
		assert_int_equal(t, 70);
		assert_int_equal(own, 0);
	}
	/* someone else changed it since: refused, nothing reverted */
	OK(&f, store_intro_assign(f.st, id, "west", NULL));
	store_set_actor(f.st, "other");
	OK(&f, store_intro_assign(f.st, id, "east", NULL));
	store_set_actor(f.st, "tester");
	assert_int_equal(store_undo(f.st, NULL, &u), STORE_REFUSED);
	assert_non_null(strstr(store_errmsg(f.st), "changed again"));
	OK(&f, store_intro_get(f.st, id, &in));
	assert_string_equal(in.pod_id, f.pod_east);
	fx_teardown(&f);
}

static void test_undo_bulk(void **state)
{
	struct fx f;
	struct store_undo_result u;
	struct store_intro in;
	char ids[4][STORE_ID_SIZE];
	int i;
	(void)state;
	fx_setup(&f);
	for (i = 0; i < 4; i++)
		fx_intro(&f, f.rsi, f.northwind, FX_NOW - (i + 1) * FX_DAY, 55000, NULL, ids[i]);
	/* a bulk action: score all four, decline one, in one batch */
	OK(&f, store_begin(f.st));
	for (i = 0; i < 4; i++)
		OK(&f, store_intro_score(f.st, ids[i], fx_northwind_points, NULL));
	OK(&f, store_intro_decline(f.st, ids[3], "duplicate", "bulk"));
	/* a failing write inside the bulk rolls back only itself */
	assert_int_equal(store_intro_accept(f.st, ids[0], NULL), STORE_REFUSED);
	OK(&f, store_commit(f.st));
	assert_int_equal(state_of(&f, ids[3]), STATE_DECLINED);
	OK(&f, store_undo(f.st, NULL, &u));
	assert_int_equal(u.intros, 4);
	for (i = 0; i < 4; i++) {
		OK(&f, store_intro_get(f.st, ids[i], &in));
		assert_int_equal(in.state, STATE_NEW);
		assert_int_equal(in.scored, 0);
		assert_int_equal(in.closed_at, 0);
	}
	/* rollback of a bulk leaves nothing */
	OK(&f, store_begin(f.st));
	OK(&f, store_intro_score(f.st, ids[0], fx_northwind_points, NULL));
	OK(&f, store_rollback(f.st));
	assert_int_equal(state_of(&f, ids[0]), STATE_NEW);
	fx_teardown(&f);
}

static void test_brief_versions(void **state)
{
	struct fx f;
	struct brief b;
	struct store_undo_result u;
	char id[STORE_ID_SIZE];
	int v = -1;
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	brief_init(&b);
	OK(&f, store_brief_get(f.st, id, &b, &v));
	assert_int_equal(v, 0);
	assert_string_equal(b.account, "Northwind Manufacturing");
	assert_string_equal(b.partner, "Regional Systems Integrator");
	assert_int_equal(brief_set_section(&b, BRIEF_NEXT_STEP, "joint discovery call"), 0);
	OK(&f, store_brief_save(f.st, id, &b, &v));
	assert_int_equal(v, 1);
	OK(&f, store_brief_save(f.st, id, &b, &v));   /* unchanged: no new version */
	assert_int_equal(v, 1);
	assert_int_equal(brief_set_section(&b, BRIEF_PAIN, "manual scheduling"), 0);
	OK(&f, store_brief_save(f.st, id, &b, &v));
	assert_int_equal(v, 2);
	brief_free(&b);
	brief_init(&b);
	OK(&f, store_brief_get(f.st, id, &b, &v));
	assert_int_equal(v, 2);
	assert_string_equal(b.sections[BRIEF_PAIN], "manual scheduling");
	assert_string_equal(b.sections[BRIEF_NEXT_STEP], "joint discovery call");
	brief_free(&b);
	OK(&f, store_undo(f.st, NULL, &u));
	brief_init(&b);
	OK(&f, store_brief_get(f.st, id, &b, &v));
	assert_int_equal(v, 1);
	assert_null(b.sections[BRIEF_PAIN]);
	brief_free(&b);
	fx_teardown(&f);
}

static void test_records(void **state)
{
	struct fx f;
	struct store_hours *h = NULL;
	struct store_touchpoint *t = NULL;
	struct store_attribution roles[ROLE_COUNT];
	struct store_undo_result u;
	char id[STORE_ID_SIZE], why[128];
	size_t n = 0;
	double total = 0;
	int complete = -1;
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	assert_int_equal(store_hours_log(f.st, id, "Avery East", 0, "x", 0), STORE_INVALID);
	assert_int_equal(store_hours_log(f.st, id, "Avery East", 25, "x", 0), STORE_INVALID);
	assert_int_equal(store_hours_log(f.st, id, "Nobody", 1, "x", 0), STORE_NOT_FOUND);
	OK(&f, store_hours_log(f.st, id, "Avery East", 1.5, "call", FX_NOW - 3600));
	OK(&f, store_hours_log(f.st, id, f.ae1, 0.5, "email", FX_NOW));
	OK(&f, store_hours_list(f.st, id, &h, &n, &total));
	assert_int_equal(n, 2);
	assert_true(total > 1.99 && total < 2.01);
	assert_string_equal(h[0].activity, "call");
	free(h);
	OK(&f, store_touchpoint_add(f.st, id, f.rsi, TOUCH_DEMO, FX_NOW, "demo with the partner"));
	assert_int_equal(store_touchpoint_add(f.st, id, f.rsi, TOUCH_KIND_COUNT, FX_NOW, NULL),
			 STORE_INVALID);
	OK(&f, store_touchpoint_list(f.st, id, &t, &n));
	assert_int_equal(n, 1);
	assert_int_equal(t[0].kind, TOUCH_DEMO);
	free(t);
	assert_int_equal(store_touch_kind_from_name("Proposal"), TOUCH_PROPOSAL);

	OK(&f, store_attribution_list(f.st, id, roles, &n, &complete, why, sizeof why));
	assert_int_equal(n, 0);
	assert_int_equal(complete, 0);
	OK(&f, store_attribution_set(f.st, id, ROLE_SOURCING, f.rsi, -1));
	OK(&f, store_attribution_set(f.st, id, ROLE_SELLING, f.cloud, 60));
	OK(&f, store_attribution_set(f.st, id, ROLE_SELLING, f.rsi, 60));   /* replace holder */
	assert_int_equal(store_attribution_set(f.st, id, ROLE_INFLUENCE, f.rsi, 120), STORE_INVALID);
	OK(&f, store_attribution_list(f.st, id, roles, &n, &complete, why, sizeof why));
	assert_int_equal(n, 2);
	assert_int_equal(complete, 1);
	assert_int_equal(roles[1].role, ROLE_SELLING);
	assert_string_equal(roles[1].partner_id, f.rsi);
	assert_true(roles[1].percent > 59.9 && roles[1].percent < 60.1);
	assert_true(roles[0].percent < 0);
	OK(&f, store_attribution_clear(f.st, id, ROLE_SOURCING));
	OK(&f, store_attribution_list(f.st, id, roles, &n, &complete, why, sizeof why));
	assert_int_equal(n, 1);
	assert_int_equal(complete, 0);
	assert_non_null(strstr(why, "sourcing"));
	OK(&f, store_undo(f.st, NULL, &u));   /* the clear comes back */
	OK(&f, store_attribution_list(f.st, id, roles, &n, &complete, why, sizeof why));
	assert_int_equal(n, 2);
	assert_int_equal(complete, 1);
	{
		struct store_reason_code *codes = NULL;
		OK(&f, store_reason_code_list(f.st, REASON_LOSS, &codes, &n));
		assert_true(n >= 5);
		free(codes);
	}
	fx_teardown(&f);
}

static void test_show(void **state)
{
	struct fx f;
	struct store_intro_view v;
	char id[STORE_ID_SIZE], other[STORE_ID_SIZE], e[STORE_ID_SIZE];
	(void)state;
	fx_setup(&f);
	fx_intro(&f, f.rsi, f.northwind, FX_NOW - FX_DAY, 55000, NULL, id);
	fx_intro(&f, f.cloud, f.northwind, FX_NOW - FX_DAY, 55000, NULL, other);
	OK(&f, store_intro_score(f.st, id, fx_northwind_points, NULL));
	OK(&f, store_escalate(f.st, id, ESC_CHANNEL_CONFLICT, "two partners", e));
	OK(&f, store_hours_log(f.st, id, "Avery East", 1, "prep", 0));
	OK(&f, store_intro_view(f.st, id, &v));
	assert_string_equal(v.partner.name, "Regional Systems Integrator");
	assert_string_equal(v.account.name, "Northwind Manufacturing");
	assert_int_equal(v.has_overlap, 1);
	assert_int_equal(v.overlap.signal, SIGNAL_PARTNER_CUSTOMER);
	assert_string_equal(v.pod_name, "east");
	assert_string_equal(v.territory_ae_name, "Avery East");
	assert_int_equal(v.explanation.score, 79);
	assert_int_equal(v.escalation_count, 1);
	assert_int_equal(v.conflict_count, 1);
	assert_int_equal(v.hours_count, 1);
	assert_true(v.audit_count >= 10);
	{
		size_t i;
		int esc = 0, hours = 0;
		for (i = 0; i < v.audit_count; i++) {
			esc |= strcmp(v.audit[i].entity, "escalation") == 0;
			hours |= strcmp(v.audit[i].entity, "hours") == 0;
		}
		assert_true(esc && hours);   /* the history covers what hangs off the intro */
	}
	assert_int_equal(v.attribution_complete, 0);
	store_intro_view_free(&v);
	assert_int_equal(store_intro_view(f.st, "IN-FFFFFF", &v), STORE_NOT_FOUND);
	store_intro_view_free(&v);
	fx_teardown(&f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_add_defaults),
		cmocka_unit_test(test_northwind),
		cmocka_unit_test(test_illegal_moves),
		cmocka_unit_test(test_scoring_validation),
		cmocka_unit_test(test_tier_rules),
		cmocka_unit_test(test_reject_reroute),
		cmocka_unit_test(test_partner_led),
		cmocka_unit_test(test_escalations),
		cmocka_unit_test(test_conflicts),
		cmocka_unit_test(test_route_suggest_least_loaded),
		cmocka_unit_test(test_undo_single),
		cmocka_unit_test(test_undo_bulk),
		cmocka_unit_test(test_brief_versions),
		cmocka_unit_test(test_records),
		cmocka_unit_test(test_show),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
