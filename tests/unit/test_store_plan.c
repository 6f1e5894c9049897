/* test_store_plan.c - nothing on the console's key path scans the intros
 * table, and the tallies behind the fast answers stay true.
 *
 * Every store call the console makes on a key (a queue page in every sort,
 * direction and limit it offers, the counts of its status bar, the detail
 * pane, the form and brief, the escalation pane, the dashboard and the dial)
 * runs under store_set_plan_hook(); every plan step is checked: no full
 * scan of intros (or of the audit trail), and no temporary b-tree sorting
 * intros. Without sqlite_stat1 the planner decides the same on this small
 * desk as on a million intros (it assumes a large table either way), which
 * bench/ measures.
 *
 * Then every tally is compared with the intros after a run of writes
 * (store_check), and the attribution payouts the store keeps with the ones
 * a read-only handle splits from scratch. */
#include <sqlite3.h>

#include "store_fixture.h"

#define N_INTROS 240

static struct fx F;
static char ids[N_INTROS][STORE_ID_SIZE];

/* ---- the plans seen ---- */

struct plans {
	int key_path_queue;      /* 1: a queue page: ordered index walks are the design */
	int failures;
	int statements;
	int claims_probe;        /* a conflict probe read only the claims index */
	int slow_probe;          /* a conflict probe read rows */
	int quiet;               /* the self-test: failures expected, not printed */
	int count_of_limit;      /* a count of an arbitrary limit: index walks allowed */
	char context[160];
};

static struct plans P;

static int about_intros(const char *line, const char *verb)
{
	static const char *const names[] = { "intros", "i", "j" };
	size_t v = strlen(verb), i;

	if (strncmp(line, verb, v) != 0 || line[v] != ' ')
		return 0;
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i]);
		if (strncmp(line + v + 1, names[i], n) == 0 &&
		    (line[v + 1 + n] == ' ' || line[v + 1 + n] == '\0'))
			return 1;
	}
	return 0;
}

/* Does the statement's own FROM clause (not a subquery's) read intros? A
 * sort there sorts intros; a sort of AEs whose subquery reads intros does
 * not. */
static int intros_outer(const char *sql)
{
	int depth = 0;
	const char *p, *from = NULL;

	for (p = sql; *p; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		else if (depth == 0 && !from && strncmp(p, " FROM ", 6) == 0)
			from = p + 6;
		else if (depth == 0 && from && (strncmp(p, " WHERE ", 7) == 0 ||
						strncmp(p, " ORDER BY ", 10) == 0 ||
						strncmp(p, " GROUP BY ", 10) == 0))
			break;
		else if (depth == 0 && from && strncmp(p, "intros ", 7) == 0)
			return 1;
	}
	return 0;
}

static void check_line(const char *sql, const char *line)
{
	const char *why = NULL;

	if (about_intros(line, "SCAN")) {
		if (!strstr(line, "INDEX"))
			why = "a full scan of intros";
		else if (strstr(line, "sqlite_autoindex_intros"))
			why = "a walk of every intro by id";
		else if (!P.key_path_queue && !P.count_of_limit && !strstr(line, "intros_open_by") &&
			 !strstr(line, "intros_claims"))
			why = "a walk of a whole-desk index of intros outside a queue page";
	}
	if (strncmp(line, "SCAN audit", 10) == 0 && (line[10] == '\0' || line[10] == ' '))
		why = "a scan of the audit trail";
	if (strstr(line, "USE TEMP B-TREE FOR ORDER BY") && intros_outer(sql))
		why = "a sort of intros";
	if (about_intros(line, "SEARCH") && strncmp(line, "SEARCH j", 8) == 0) {
		if (strstr(line, "COVERING INDEX intros_claims"))
			P.claims_probe++;
		else
			P.slow_probe++;
	}
	if (why && !P.quiet)
		print_message("%s: %s\n  plan step: %s\n  statement: %.300s\n", P.context, why, line,
			      sql);
	if (why)
		P.failures++;
}

static void on_plan(void *ctx, const char *sql, const char *plan)
{
	char copy[4096], *line, *save = NULL;

	(void)ctx;
	P.statements++;
	snprintf(copy, sizeof copy, "%s", plan);
	for (line = strtok_r(copy, "\n", &save); line; line = strtok_r(NULL, "\n", &save))
		check_line(sql, line);
}

static void watch(const char *what, int queue)
{
	P.failures = 0;
	snprintf(P.context, sizeof P.context, "%s", what);
	P.key_path_queue = queue;
}

/* ---- a desk with intros in every state ---- */

static void load_intros(void)
{
	static struct store_intro_record r[N_INTROS];
	const char *partners[3] = { F.rsi, F.cloud, F.tail };
	const char *accounts[3] = { F.northwind, F.contoso, F.fabrikam };
	const char *pods[2] = { F.pod_east, F.pod_west };
	const char *aes[3] = { F.ae1, F.ae2, F.ae_west };
	int i, k;

	memset(r, 0, sizeof r);
	for (i = 0; i < N_INTROS; i++) {
		enum intro_state s = (enum intro_state)(i % STATE_COUNT);
		r[i].partner_id = partners[i % 3];
		r[i].account_id = accounts[(i / 3) % 3];
		r[i].received_at = FX_NOW - (long long)(i + 1) * 3600 * 7;
		r[i].contact = "CIO";
		r[i].note = i % 5 ? "north wing project" : "budget named";
		r[i].expected_acv = i % 7 ? 10000 + i * 500 : -1;
		r[i].state = s == STATE_ESCALATED ? STATE_ROUTED : s;
		r[i].pod_id = pods[i % 2];
		r[i].owner_id = i % 2 ? F.ds_west : F.ds_east;
		r[i].ae_hours = -1;
		r[i].actual_acv = -1;
		r[i].actual_ae_minutes = -1;
		if (s == STATE_NEW || s == STATE_ROUTED)
			r[i].sla_due = r[i].received_at + 24 * 3600;
		if (s != STATE_NEW && s != STATE_TRIAGED) {
			r[i].scored = 1;
			for (k = 0; k < PQL_FACTOR_COUNT; k++)
				r[i].points[k] = (int)((i * 7 + k * 3) % 10);
		}
		if (s == STATE_ROUTED || s == STATE_ACCEPTED || s == STATE_WON ||
		    s == STATE_LOST || s == STATE_REJECTED || s == STATE_ESCALATED) {
			r[i].tier = 1 + i % 3;
			r[i].ae_hours = 4;
			r[i].ae_id = aes[i % 3];
		}
		if (s == STATE_WON || s == STATE_LOST || s == STATE_DECLINED)
			r[i].closed_at = r[i].received_at + 5 * FX_DAY;
		if (s == STATE_DECLINED)
			r[i].reason_code = "no_overlap";
		if (s == STATE_LOST)
			r[i].reason_code = "price";
		if (s == STATE_WON) {
			r[i].actual_acv = 20000 + i * 10;
			r[i].roles[0].role = ROLE_SOURCING;
			r[i].roles[0].partner_id = r[i].partner_id;
			r[i].roles[0].percent = -1;
			r[i].roles[1].role = ROLE_SELLING;
			r[i].roles[1].partner_id = partners[(i + 1) % 3];
			r[i].roles[1].percent = -1;
			r[i].roles[2].role = ROLE_INFLUENCE;
			r[i].roles[2].partner_id = F.cloud;
			r[i].roles[2].percent = -1;
			r[i].role_count = i % 2 ? 3 : 2;
		}
	}
	OK(&F, store_intro_load_bulk(F.st, r, N_INTROS, ids));
	/* the escalated ones the real way: an open escalation each */
	for (i = 0; i < N_INTROS; i++)
		if (i % STATE_COUNT == STATE_ESCALATED) {
			char eid[STORE_ID_SIZE];
			OK(&F, store_escalate(F.st, ids[i], ESC_STALLED_DEAL, "no answer for a week", eid));
		}
}

static int setup(void **state)
{
	(void)state;
	memset(&P, 0, sizeof P);
	fx_setup(&F);
	load_intros();
	store_set_plan_hook(F.st, on_plan, NULL);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_set_plan_hook(F.st, NULL, NULL);
	fx_teardown(&F);
	return 0;
}

/* ---- the queue ---- */

static void open_filter(struct queue_filter *f, const char *query)
{
	memset(f, 0, sizeof *f);
	f->score_min = f->score_max = -1;
	f->states = STORE_STATES_OPEN;
	f->query = query;
}

/* One page in every way the console asks for it: from the start, after a
 * cursor, before a cursor (page up, the end), forward and backward. */
static void pages(const struct queue_filter *f, const char *label)
{
	static struct queue_row rows[40];
	int s, d, b;

	for (s = 0; s < QUEUE_SORT_COUNT; s++)
		for (d = 0; d < 2; d++)
			for (b = 0; b < 2; b++) {
				struct queue_page pg;
				size_t n = 0;

				memset(&pg, 0, sizeof pg);
				pg.sort = (enum queue_sort)s;
				pg.descending = d;
				pg.backward = b;
				pg.limit = 28;
				snprintf(P.context, sizeof P.context, "queue %s sort %s%s%s", label,
					 store_queue_sort_name((enum queue_sort)s), d ? " desc" : "",
					 b ? " backward" : "");
				OK(&F, store_queue_fetch(F.st, f, &pg, rows, 40, &n));
				if (n > 3) {
					store_queue_cursor_of(&rows[n / 2], &pg.cursor);
					OK(&F, store_queue_fetch(F.st, f, &pg, rows, 40, &n));
				}
			}
}

static void test_queue_pages(void **state)
{
	/* the limits of the query language the console offers, one of each
	 * kind, and the states the console shows by default or when a limit
	 * names a state */
	static const char *const limits[] = {
		NULL, "pod:east", "tier:1", "score>=70", "partner:cloud", "account:north",
		"owner:tester", "ae:avery", "!escalated", "age>2d", "acv>20000",
		"signal:mutual_customer", "pql", "!pql", "conflict", "duplicate", "breached",
		"gaming", "escalated", "new", "north", "pod:east tier:1 score>=70 !escalated age>2d",
	};
	static const char *const named_states[] = { "state:new", "state:won", "state:escalated" };
	struct queue_filter f;
	size_t i;
	(void)state;

	watch("queue", 1);
	for (i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		open_filter(&f, limits[i]);
		pages(&f, limits[i] ? limits[i] : "(open)");
	}
	for (i = 0; i < sizeof named_states / sizeof named_states[0]; i++) {
		open_filter(&f, named_states[i]);
		f.states = 0;
		pages(&f, named_states[i]);
	}
	open_filter(&f, NULL);
	f.states = 0;
	pages(&f, "(every state)");
	/* / search: the next match from the cursor, one row */
	open_filter(&f, NULL);
	f.text = "wing";
	pages(&f, "search");
	assert_true(P.statements > 100);
	/* the conflict and duplicate flags probe the small claims index */
	assert_true(P.claims_probe > 0);
	assert_int_equal(P.slow_probe, 0);
	assert_int_equal(P.failures, 0);
}

/* ---- what the status bar counts ---- */

/* Limits of states and gate:pql alone are counted from the tallies; the
 * same count through the rows (arrived_after 1 holds for every row and
 * keeps the tallies out) must agree, for each way of naming states. */
static void tallies_agree_with_rows(void)
{
	static const char *const limits[] = {
		NULL, "state:new", "state=scored", "state:routed gate:pql", "gate:pql",
		"!state:new", "state!=won", "state:new state:triaged", "state:won",
		"state:declined gate:pql", "gate=pql state:nurture", "!state:new !state:scored",
	};
	struct queue_filter f;
	long tallied = -1, walked = -2;
	size_t i;
	int open;

	for (i = 0; i < sizeof limits / sizeof limits[0]; i++)
		for (open = 0; open < 2; open++) {
			open_filter(&f, limits[i]);
			if (!open)
				f.states = 0;
			OK(&F, store_queue_count(F.st, &f, &tallied));
			f.arrived_after = 1;
			OK(&F, store_queue_count(F.st, &f, &walked));
			if (tallied != walked)
				fail_msg("limit '%s' (%s): %ld from the tallies, %ld rows",
					 limits[i] ? limits[i] : "(none)", open ? "open" : "all states",
					 tallied, walked);
		}
}

static void test_counts(void **state)
{
	struct queue_filter f;
	struct store_counts c;
	long n = 0, all = 0, over = 0;
	(void)state;

	watch("status bar counts", 0);
	P.statements = 0;
	OK(&F, store_counts(F.st, NULL, &c));
	open_filter(&f, NULL);
	OK(&F, store_queue_count(F.st, &f, &n));
	assert_int_equal(n, c.open);
	f.gate = 1;
	OK(&F, store_queue_count(F.st, &f, &over));
	f.gate = 0;
	f.sla_breached = 1;
	OK(&F, store_queue_count(F.st, &f, &n));
	f.sla_breached = 0;
	f.new_since = FX_NOW - FX_DAY;
	OK(&F, store_queue_count(F.st, &f, &n));
	assert_int_equal(P.failures, 0);
	/* the counts a limit asks for (the console counts them when the limit
	 * changes) read an index, never the table itself */
	{
		static const char *const limits[] = {
			"pod:east", "tier:1", "score>=70", "state:won", "state:new", "!escalated",
			"partner:cloud", "acv>20000", "age>2d", "pod:west tier:2 score>=60",
		};
		size_t i;
		watch("counts of a limit", 0);
		P.count_of_limit = 1;
		for (i = 0; i < sizeof limits / sizeof limits[0]; i++) {
			open_filter(&f, limits[i]);
			if (strncmp(limits[i], "state:", 6) == 0)
				f.states = 0;
			OK(&F, store_queue_count(F.st, &f, &n));
			f.gate = 1;
			OK(&F, store_queue_count(F.st, &f, &n));
			f.gate = 0;
			f.sla_breached = 1;
			OK(&F, store_queue_count(F.st, &f, &n));
		}
		P.count_of_limit = 0;
		assert_int_equal(P.failures, 0);
	}
	/* the counts from the tallies agree with the rows themselves */
	store_set_plan_hook(F.st, NULL, NULL);
	open_filter(&f, "gate:pql");
	OK(&F, store_queue_count(F.st, &f, &all));
	assert_int_equal(all, over);
	tallies_agree_with_rows();
	store_set_plan_hook(F.st, on_plan, NULL);
}

/* ---- one intro: detail pane, form, brief, escalations ---- */

static void test_one_intro(void **state)
{
	struct store_intro_view v;
	struct store_intro in;
	struct store_conflict conflicts[8];
	struct store_escalation *esc = NULL;
	struct score_explanation ex;
	struct tier_result tr;
	struct brief b;
	size_t n = 0, k;
	char ae[STORE_ID_SIZE], why[256];
	int version = 0;
	(void)state;

	watch("one intro", 0);
	for (k = 0; k < N_INTROS; k += 37) {
		OK(&F, store_intro_view(F.st, ids[k], &v));
		store_intro_view_free(&v);
		OK(&F, store_intro_get(F.st, ids[k], &in));
		OK(&F, store_intro_conflicts(F.st, ids[k], conflicts, 8, &n));
		if (in.scored) {
			OK(&F, store_intro_explain(F.st, ids[k], &ex));
			OK(&F, store_intro_tier_suggest(F.st, ids[k], &tr, NULL));
		}
		/* no active AE in the pod is an answer too */
		(void)store_intro_route_suggest(F.st, ids[k], ae, why, sizeof why);
		brief_init(&b);
		OK(&F, store_brief_get(F.st, ids[k], &b, &version));
		brief_free(&b);
	}
	watch("escalation pane", 0);
	OK(&F, store_escalation_list(F.st, NULL, 1, &esc, &n));
	free(esc);
	assert_int_equal(P.failures, 0);
}

/* ---- the dashboard and the dial ---- */

static void test_dashboard(void **state)
{
	struct store_pod_row *pods = NULL;
	struct store_capacity_report cap;
	struct store_calibration_report cal;
	struct store_partner_row *partners = NULL;
	struct store_attribution_row *pay = NULL;
	struct store_counts c;
	size_t n;
	long changed, gained, lost;
	int bar, own;
	(void)state;

	/* the payouts are split once after a load (a write, off the key path) */
	store_set_plan_hook(F.st, NULL, NULL);
	OK(&F, store_report_attribution(F.st, &pay, &n));
	free(pay);
	store_set_plan_hook(F.st, on_plan, NULL);

	watch("dashboard", 0);
	OK(&F, store_report_pods(F.st, &pods, &n));
	assert_int_equal(P.failures, 0);
	free(pods);
	OK(&F, store_report_capacity(F.st, &cap));
	store_capacity_report_free(&cap);
	OK(&F, store_report_calibration(F.st, &cal));
	OK(&F, store_counts(F.st, NULL, &c));
	OK(&F, store_dial_get(F.st, &bar, &own));
	OK(&F, store_dial_preview(F.st, bar + 1, &changed, &gained, &lost));
	assert_int_equal(P.failures, 0);
	watch("dial move", 0);
	OK(&F, store_dial_set(F.st, bar - 5, &changed, &gained, &lost));
	assert_int_equal(P.failures, 0);
	watch("reports", 0);
	OK(&F, store_report_partners(F.st, &partners, &n));
	free(partners);
	OK(&F, store_report_attribution(F.st, &pay, &n));
	free(pay);
	assert_int_equal(P.failures, 0);
}

/* ---- the checker itself can fail ---- */

static void test_plan_check_fails(void **state)
{
	(void)state;
	memset(&P, 0, sizeof P);
	watch("self-test", 0);
	P.quiet = 1;
	check_line("SELECT count(*) FROM intros i", "SCAN i");
	check_line("SELECT * FROM intros i ORDER BY x", "USE TEMP B-TREE FOR ORDER BY");
	check_line("SELECT e.id, (SELECT 1 FROM intros i) AS l FROM aes e ORDER BY l",
		   "USE TEMP B-TREE FOR ORDER BY");
	check_line("SELECT 1 FROM audit", "SCAN audit");
	assert_int_equal(P.failures, 3);
	memset(&P, 0, sizeof P);
	P.quiet = 1;
	P.key_path_queue = 1;
	check_line("SELECT * FROM intros i", "SCAN i USING INDEX intros_by_acv");
	assert_int_equal(P.failures, 0);
	P.key_path_queue = 0;
	check_line("SELECT * FROM intros i", "SCAN i USING INDEX intros_by_acv");
	assert_int_equal(P.failures, 1);
	check_line("SELECT 1 FROM intros j", "SEARCH j USING INDEX intros_claims (account_id=?)");
	assert_int_equal(P.slow_probe, 1);
	memset(&P, 0, sizeof P);
}

/* ---- the tallies stay true through writes ---- */

static void expect_consistent(const char *when)
{
	struct store_check_result r;
	OK(&F, store_check(F.st, &r));
	if (r.count_mismatches)
		print_message("%s: %ld tally rows disagree with the intros\n", when, r.count_mismatches);
	assert_int_equal(r.count_mismatches, 0);
}

static int same_payouts(const struct store_attribution_row *a, size_t na,
			const struct store_attribution_row *b, size_t nb)
{
	size_t i;
	if (na != nb)
		return 0;
	for (i = 0; i < na; i++)
		if (strcmp(a[i].partner_id, b[i].partner_id) || a[i].role != b[i].role ||
		    a[i].deals != b[i].deals || a[i].payout != b[i].payout)
			return 0;
	return 1;
}

static void expect_payouts_as_split(const char *when)
{
	struct store_options o;
	struct store *ro = NULL;
	struct store_attribution_row *kept = NULL, *fresh = NULL;
	size_t nk = 0, nf = 0;
	char err[STORE_MSG_SIZE];

	OK(&F, store_report_attribution(F.st, &kept, &nk));
	memset(&o, 0, sizeof o);
	o.read_only = 1;
	o.policy = store_policy(F.st);   /* the same role weights */
	assert_int_equal(store_open(F.path, &o, &ro, err, sizeof err), STORE_OK);
	assert_int_equal(store_report_attribution(ro, &fresh, &nf), STORE_OK);
	if (!same_payouts(kept, nk, fresh, nf))
		print_message("%s: the kept payouts differ from a fresh split\n", when);
	assert_true(same_payouts(kept, nk, fresh, nf));
	assert_true(nk > 0);
	free(kept);
	free(fresh);
	assert_int_equal(store_close(ro, err, sizeof err), STORE_OK);
}

static void test_tallies_follow_writes(void **state)
{
	struct store_undo_result u;
	struct desk_policy pol;
	char id[STORE_ID_SIZE], eid[STORE_ID_SIZE];
	int pts[PQL_FACTOR_COUNT] = { 20, 15, 15, 10, 8, 8 };
	long changed = 0;
	(void)state;

	store_set_plan_hook(F.st, NULL, NULL);
	expect_consistent("after the load");
	expect_payouts_as_split("after the load");

	/* an intro through its whole life */
	fx_intro(&F, F.rsi, F.northwind, FX_NOW - 3 * FX_DAY, 55000, "east", id);
	OK(&F, store_intro_triage(F.st, id, NULL));
	OK(&F, store_intro_score(F.st, id, pts, NULL));
	OK(&F, store_intro_tier_set(F.st, id, 0, NULL, -1));
	OK(&F, store_intro_route(F.st, id, F.ae1, NULL));
	OK(&F, store_intro_accept(F.st, id, NULL));
	expect_consistent("accepted");
	OK(&F, store_attribution_set(F.st, id, ROLE_SOURCING, F.rsi, -1));
	OK(&F, store_attribution_set(F.st, id, ROLE_SELLING, F.cloud, -1));
	OK(&F, store_intro_close(F.st, id, 1, 61000, NULL, NULL));
	expect_consistent("won");
	expect_payouts_as_split("won");
	OK(&F, store_attribution_set(F.st, id, ROLE_TECHNICAL_VALIDATION, F.tail, -1));
	expect_payouts_as_split("a role added");
	OK(&F, store_undo(F.st, NULL, &u));   /* the role again */
	OK(&F, store_undo(F.st, NULL, &u));   /* the close */
	expect_consistent("undone");
	expect_payouts_as_split("undone");

	/* a loss, a decline, an escalation and its resolution, an edit */
	fx_intro(&F, F.cloud, F.contoso, FX_NOW - 2 * FX_DAY, -1, "", id);
	OK(&F, store_intro_decline(F.st, id, "no_overlap", NULL));
	fx_intro(&F, F.tail, F.fabrikam, FX_NOW - 2 * FX_DAY, 30000, "west", id);
	OK(&F, store_intro_triage(F.st, id, NULL));
	OK(&F, store_intro_score(F.st, id, pts, NULL));
	OK(&F, store_intro_tier_set(F.st, id, 0, NULL, -1));
	OK(&F, store_intro_route(F.st, id, F.ae_west, NULL));
	OK(&F, store_escalate(F.st, id, ESC_STALLED_DEAL, "silent", eid));
	OK(&F, store_escalation_resolve(F.st, eid, "answered"));
	OK(&F, store_intro_set_acv(F.st, id, 31000, "corrected"));
	OK(&F, store_intro_assign(F.st, id, "east", NULL));
	expect_consistent("escalated and back");

	/* new weights: every score moves */
	pol = *store_policy(F.st);
	pol.weights[0] = 30;
	pol.weights[2] = 15;
	store_set_policy(F.st, &pol);
	OK(&F, store_rescore(F.st, NULL, NULL, &changed));
	assert_true(changed > 0);
	expect_consistent("rescored");

	/* new role weights: every deal is split again */
	pol.role_weights[ROLE_SELLING] += 10;
	store_set_policy(F.st, &pol);
	expect_payouts_as_split("new role weights");
	expect_consistent("payouts split again");
	store_set_plan_hook(F.st, on_plan, NULL);
}

/* The statement of a page, values in place, as the sqlite3 shell would
 * run it (the benchmark's cold-start reference). */
static void test_queue_sql(void **state)
{
	static char sql[16384];
	struct queue_filter f;
	struct queue_page pg;
	char tiny[16];
	(void)state;

	open_filter(&f, "tier:1 partner:cloud");
	memset(&pg, 0, sizeof pg);
	pg.limit = 38;
	OK(&F, store_queue_sql(F.st, &f, &pg, sql, sizeof sql));
	assert_non_null(strstr(sql, "FROM intros i"));
	assert_non_null(strstr(sql, "LIMIT 38"));
	assert_non_null(strstr(sql, "'%cloud%'"));
	assert_null(strchr(sql, '?'));
	assert_int_equal(store_queue_sql(F.st, &f, &pg, tiny, sizeof tiny), STORE_INVALID);
}

/* A bulk load with the indexes and counting triggers dropped puts back
 * exactly what was there, counted again; a rollback puts it back too. */
static void test_bulk_load_rebuilds(void **state)
{
	static struct store_intro_record r[50];
	struct store_check_result c;
	struct store_counts before, after;
	long long objects = 0, objects_after = 0;
	sqlite3 *db;
	sqlite3_stmt *s;
	int i;
	(void)state;

	store_set_plan_hook(F.st, NULL, NULL);
	assert_int_equal(sqlite3_open(F.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &s, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	objects = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	OK(&F, store_counts(F.st, NULL, &before));
	memset(r, 0, sizeof r);
	for (i = 0; i < 50; i++) {
		r[i].partner_id = F.rsi;
		r[i].account_id = F.contoso;
		r[i].received_at = FX_NOW - i * 600;
		r[i].state = i % 2 ? STATE_NEW : STATE_DECLINED;
		r[i].closed_at = i % 2 ? 0 : FX_NOW;
		r[i].expected_acv = -1;
		r[i].ae_hours = -1;
		r[i].actual_acv = -1;
		r[i].actual_ae_minutes = -1;
	}
	/* rolled back: as it was */
	OK(&F, store_begin_bulk(F.st));
	OK(&F, store_bulk_prepare(F.st));
	OK(&F, store_intro_load_bulk(F.st, r, 50, NULL));
	OK(&F, store_rollback(F.st));
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_int_equal(sqlite3_column_int64(s, 0), objects);
	sqlite3_reset(s);
	/* committed: the same objects, every tally counted again */
	OK(&F, store_begin_bulk(F.st));
	OK(&F, store_bulk_prepare(F.st));
	OK(&F, store_intro_load_bulk(F.st, r, 50, NULL));
	OK(&F, store_commit(F.st));
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	objects_after = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
	assert_int_equal(objects_after, objects);
	OK(&F, store_counts(F.st, NULL, &after));
	assert_int_equal(after.total, before.total + 50);
	OK(&F, store_check(F.st, &c));
	assert_int_equal(c.count_mismatches, 0);
	store_set_plan_hook(F.st, on_plan, NULL);
}

/* A tally out of step is found (the check itself can fail). */
static void test_tally_check_fails(void **state)
{
	struct store_check_result r;
	sqlite3 *db;
	(void)state;

	store_set_plan_hook(F.st, NULL, NULL);
	assert_int_equal(sqlite3_open(F.path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE partner_counts SET n = n + 1 WHERE rowid IN"
				      " (SELECT rowid FROM partner_counts LIMIT 1)", NULL, NULL, NULL),
			 SQLITE_ERROR);  /* WITHOUT ROWID: no rowid to name */
	assert_int_equal(sqlite3_exec(db, "UPDATE score_counts SET n = n + 1 WHERE score ="
				      " (SELECT max(score) FROM score_counts)", NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_close(db), SQLITE_OK);
	OK(&F, store_check(F.st, &r));
	assert_true(r.count_mismatches > 0);
	assert_false(r.ok);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plan_check_fails),
		cmocka_unit_test(test_queue_pages),
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_one_intro),
		cmocka_unit_test(test_dashboard),
		cmocka_unit_test(test_tallies_follow_writes),
		cmocka_unit_test(test_queue_sql),
		cmocka_unit_test(test_bulk_load_rebuilds),
		cmocka_unit_test(test_tally_check_fails),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
