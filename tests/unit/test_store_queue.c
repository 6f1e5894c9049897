/* test_store_queue.c - the queue (filters, sorts, keyset pages against an
 * unpaged read, query language, plans), the dial, rescoring, counts,
 * reports and check, on a deterministic desk of 160 intros. */
#include <math.h>
#include <sqlite3.h>
#include <strings.h>

#include "store_fixture.h"
#include "coselldesk/score.h"

#define N_INTROS 160
#define N_ACCOUNTS 30

static unsigned long long lcg_state;
static unsigned rnd(unsigned n)
{
	lcg_state = lcg_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((lcg_state >> 33) % n);
}

static struct fx F;
static char accounts[N_ACCOUNTS + 2][STORE_ID_SIZE];

static void make_points(int pts[PQL_FACTOR_COUNT])
{
	const struct desk_policy *p = store_policy(F.st);
	int i;
	for (i = 0; i < PQL_FACTOR_COUNT; i++)
		pts[i] = (int)rnd((unsigned)p->weights[i] + 1) / 2 + p->weights[i] / 2;
	if (rnd(4) == 0)
		for (i = 0; i < PQL_FACTOR_COUNT; i++)
			pts[i] /= 3;   /* some well below the bar */
}

static void close_with_roles(const char *id, const char *partner, int won)
{
	OK(&F, store_attribution_set(F.st, id, ROLE_SOURCING, partner, -1));
	OK(&F, store_attribution_set(F.st, id, ROLE_SELLING, partner, -1));
	if (rnd(2))
		OK(&F, store_attribution_set(F.st, id, ROLE_INFLUENCE, F.cloud, -1));
	if (won)
		OK(&F, store_intro_close(F.st, id, 1, 0, NULL, NULL));
	else
		OK(&F, store_intro_close(F.st, id, 0, 0, "price", NULL));
}

static int setup(void **state)
{
	const char *partners[3];
	const char *pods[3] = { "east", "west", "" };
	int i;
	(void)state;
	lcg_state = 42;
	fx_setup(&F);
	partners[0] = F.rsi;
	partners[1] = F.cloud;
	partners[2] = F.tail;
	OK(&F, store_begin(F.st));
	for (i = 0; i < N_ACCOUNTS; i++) {
		char name[32], domain[48];
		snprintf(name, sizeof name, "Account %02d", (i * 7) % N_ACCOUNTS);
		snprintf(domain, sizeof domain, "a%02d.example", i);
		fx_account(&F, name, domain, i % 3 == 0 ? NULL : i % 3 == 1 ? "Avery East" : "Casey West",
			   i % 5 == 0, accounts[i]);
	}
	/* two accounts with one name: the account sort must still page exactly */
	fx_account(&F, "Same Name", "same1.example", NULL, 0, accounts[N_ACCOUNTS]);
	fx_account(&F, "Same Name", "same2.example", NULL, 0, accounts[N_ACCOUNTS + 1]);
	for (i = 0; i < N_INTROS; i++) {
		const char *partner = partners[rnd(3)];
		char id[STORE_ID_SIZE], ae[STORE_ID_SIZE], esc[STORE_ID_SIZE];
		struct store_intro in;
		int pts[PQL_FACTOR_COUNT], path = (int)rnd(10);
		long long acv = rnd(5) == 0 ? -1 : 5000 + (long long)rnd(150) * 1000;
		fx_intro(&F, partner, accounts[rnd(N_ACCOUNTS + 2)],
			 FX_NOW - (long long)rnd(60) * FX_DAY - i * 60, acv, pods[rnd(3)], id);
		if (path < 2)
			continue;
		if (path == 2) {
			OK(&F, store_intro_triage(F.st, id, NULL));
			continue;
		}
		make_points(pts);
		OK(&F, store_intro_score(F.st, id, pts, NULL));
		OK(&F, store_intro_tier_set(F.st, id, 0, NULL, -1));
		OK(&F, store_intro_get(F.st, id, &in));
		if (in.score >= 70 && in.tier <= 2) {
			if (!in.pod_id[0])
				OK(&F, store_intro_assign(F.st, id, "east", NULL));
			OK(&F, store_intro_route_suggest(F.st, id, ae, NULL, 0));
			OK(&F, store_intro_route(F.st, id, ae, NULL));
			switch (rnd(4)) {
			case 0: break;
			case 1: OK(&F, store_intro_reject(F.st, id, "no_capacity", NULL)); break;
			default:
				OK(&F, store_intro_accept(F.st, id, NULL));
				if (rnd(2) == 0)
					OK(&F, store_hours_log(F.st, id, ae, 1.0 + rnd(6), "work", 0));
				switch (rnd(3)) {
				case 1: close_with_roles(id, partner, 1); break;
				case 2: close_with_roles(id, partner, 0); break;
				default: break;
				}
			}
		} else if (in.score >= 70) {
			OK(&F, store_intro_partner_led(F.st, id, NULL));
			if (rnd(2))
				OK(&F, store_intro_close(F.st, id, 1, 0, NULL, NULL));
		} else if (rnd(2)) {
			OK(&F, store_intro_nurture(F.st, id, NULL));
		} else {
			OK(&F, store_intro_decline(F.st, id, "not_icp", NULL));
		}
		OK(&F, store_intro_get(F.st, id, &in));
		if (domain_state_is_open(in.state) && rnd(8) == 0)
			OK(&F, store_escalate(F.st, id, ESC_STALLED_DEAL, "stalled", esc));
	}
	OK(&F, store_commit(F.st));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fx_teardown(&F);
	return 0;
}

static void all_filter(struct queue_filter *f)
{
	memset(f, 0, sizeof *f);
	f->score_min = f->score_max = -1;
}

/* Every matching row in one read. */
static size_t fetch_all(const struct queue_filter *flt, enum queue_sort sort, int desc,
			struct queue_row *rows, size_t cap)
{
	struct queue_page pg;
	size_t n = 0;
	memset(&pg, 0, sizeof pg);
	pg.sort = sort;
	pg.descending = desc;
	pg.limit = (int)cap;
	OK(&F, store_queue_fetch(F.st, flt, &pg, rows, cap, &n));
	return n;
}

static void check_order(const struct queue_row *rows, size_t n, enum queue_sort sort, int desc)
{
	size_t i;
	for (i = 1; i < n; i++) {
		const struct queue_row *a = &rows[i - 1], *b = &rows[i];
		int c;
		switch (sort) {
		case QUEUE_SORT_PARTNER: case QUEUE_SORT_ACCOUNT: case QUEUE_SORT_STATE:
			c = strcasecmp(a->key_text, b->key_text);
			break;
		default:
			c = a->key_int < b->key_int ? -1 : a->key_int > b->key_int;
		}
		if (c == 0 && sort == QUEUE_SORT_ACCOUNT)
			c = a->key_int < b->key_int ? -1 : a->key_int > b->key_int;
		if (c == 0)
			c = strcmp(a->id, b->id);
		assert_true(desc ? c > 0 : c < 0);
	}
}

static void test_paging_matches_unpaged(void **state)
{
	static struct queue_row all[N_INTROS + 10], page[16], back[N_INTROS + 10];
	struct queue_filter flts[3];
	int s, d, fi;
	(void)state;
	all_filter(&flts[0]);
	all_filter(&flts[1]);
	flts[1].states = STORE_STATES_OPEN;
	all_filter(&flts[2]);
	flts[2].pod = "east";
	for (fi = 0; fi < 3; fi++)
	for (s = 0; s < QUEUE_SORT_COUNT; s++)
	for (d = 0; d < 2; d++) {
		struct queue_page pg;
		size_t n = fetch_all(&flts[fi], (enum queue_sort)s, d, all, N_INTROS + 10), got = 0, k, i;
		assert_true(n > 10);
		if (fi == 0)
			assert_int_equal(n, N_INTROS);
		check_order(all, n, (enum queue_sort)s, d);
		/* forward, 7 at a time */
		memset(&pg, 0, sizeof pg);
		pg.sort = (enum queue_sort)s;
		pg.descending = d;
		pg.limit = 7;
		for (;;) {
			OK(&F, store_queue_fetch(F.st, &flts[fi], &pg, page, 16, &k));
			for (i = 0; i < k; i++) {
				assert_true(got < n);
				assert_string_equal(page[i].id, all[got].id);
				got++;
			}
			if (k < 7)
				break;
			store_queue_cursor_of(&page[k - 1], &pg.cursor);
		}
		assert_int_equal(got, n);
		/* backward from the end, 5 at a time */
		memset(&pg, 0, sizeof pg);
		pg.sort = (enum queue_sort)s;
		pg.descending = d;
		pg.backward = 1;
		pg.limit = 5;
		got = 0;
		for (;;) {
			OK(&F, store_queue_fetch(F.st, &flts[fi], &pg, page, 16, &k));
			for (i = 0; i < k; i++)
				back[n - got - k + i] = page[i];
			got += k;
			if (k < 5)
				break;
			store_queue_cursor_of(&page[0], &pg.cursor);
		}
		assert_int_equal(got, n);
		for (i = 0; i < n; i++)
			assert_string_equal(back[i].id, all[i].id);
	}
}

static int contains_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

static void test_filters(void **state)
{
	static struct queue_row rows[N_INTROS + 10], rows2[N_INTROS + 10];
	struct queue_filter flt;
	struct store_counts c;
	long count = 0;
	size_t n, n2, i;
	int thr = 0;
	(void)state;
	OK(&F, store_counts(F.st, NULL, &c));
	assert_int_equal(c.total, N_INTROS);
	OK(&F, store_dial_get(F.st, &thr, NULL));

	all_filter(&flt);
	flt.states = STORE_STATE_BIT(STATE_NEW);
	n = fetch_all(&flt, QUEUE_SORT_RECEIVED, 0, rows, N_INTROS);
	assert_int_equal(n, c.by_state[STATE_NEW]);
	for (i = 0; i < n; i++)
		assert_int_equal(rows[i].state, STATE_NEW);
	OK(&F, store_queue_count(F.st, &flt, &count));
	assert_int_equal(count, (long)n);

	all_filter(&flt);
	flt.states = STORE_STATES_OPEN;
	n = fetch_all(&flt, QUEUE_SORT_SCORE, 1, rows, N_INTROS);
	assert_int_equal(n, c.open);

	all_filter(&flt);
	flt.pod = "west";
	n = fetch_all(&flt, QUEUE_SORT_SLA, 0, rows, N_INTROS);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_string_equal(rows[i].pod_name, "west");

	all_filter(&flt);
	flt.tiers = 1u << 2;
	n = fetch_all(&flt, QUEUE_SORT_ACV, 0, rows, N_INTROS);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_int_equal(rows[i].tier, 2);

	all_filter(&flt);
	flt.partner = "Tail Reseller";
	n = fetch_all(&flt, QUEUE_SORT_PARTNER, 0, rows, N_INTROS);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_string_equal(rows[i].partner_id, F.tail);

	all_filter(&flt);
	flt.score_min = 60;
	flt.score_max = 80;
	n = fetch_all(&flt, QUEUE_SORT_SCORE, 0, rows, N_INTROS);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_true(rows[i].score >= 60 && rows[i].score <= 80);

	all_filter(&flt);
	flt.text = "same NAME";
	n = fetch_all(&flt, QUEUE_SORT_ACCOUNT, 0, rows, N_INTROS);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_true(contains_ci(rows[i].account_name, "same name"));
	flt.text = "100%_";   /* LIKE wildcards are literal */
	n = fetch_all(&flt, QUEUE_SORT_ACCOUNT, 0, rows, N_INTROS);
	assert_int_equal(n, 0);
	flt.text = NULL;

	all_filter(&flt);
	flt.gate = 1;
	n = fetch_all(&flt, QUEUE_SORT_SCORE, 0, rows, N_INTROS);
	for (i = 0; i < n; i++)
		assert_true(rows[i].score >= thr && rows[i].pql);
	flt.gate = -1;
	n2 = fetch_all(&flt, QUEUE_SORT_SCORE, 0, rows2, N_INTROS);
	for (i = 0; i < n2; i++)
		assert_true(rows2[i].score >= 0 && rows2[i].score < thr && !rows2[i].pql);

	all_filter(&flt);
	flt.escalated = 1;
	n = fetch_all(&flt, QUEUE_SORT_RECEIVED, 0, rows, N_INTROS);
	assert_int_equal(n, c.by_state[STATE_ESCALATED]);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_true(rows[i].escalated);

	all_filter(&flt);
	flt.sla_breached = 1;
	n = fetch_all(&flt, QUEUE_SORT_SLA, 0, rows, N_INTROS);
	assert_true(n > 0);   /* intros left new for days are past triage */
	for (i = 0; i < n; i++)
		assert_true(rows[i].sla_breached && rows[i].sla_due < FX_NOW);
	flt.sla_breached = -1;
	n2 = fetch_all(&flt, QUEUE_SORT_SLA, 0, rows2, N_INTROS);
	assert_int_equal(n + n2, N_INTROS);

	all_filter(&flt);
	flt.conflict = 1;
	n = fetch_all(&flt, QUEUE_SORT_RECEIVED, 0, rows, N_INTROS);
	flt.conflict = -1;
	n2 = fetch_all(&flt, QUEUE_SORT_RECEIVED, 0, rows2, N_INTROS);
	assert_int_equal(n + n2, N_INTROS);
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		assert_int_equal(rows[i].conflict, 1);
	for (i = 0; i < n2; i++)
		assert_int_equal(rows2[i].conflict, 0);
}

/* The query language gives what the struct filter gives. */
static void test_query_language(void **state)
{
	static struct queue_row a[N_INTROS], b[N_INTROS];
	struct queue_filter q, s;
	size_t na, nb, i;
	(void)state;
	all_filter(&q);
	all_filter(&s);
	q.query = "tier:2 score>=70";
	s.tiers = 1u << 2;
	s.score_min = 70;
	na = fetch_all(&q, QUEUE_SORT_RECEIVED, 0, a, N_INTROS);
	nb = fetch_all(&s, QUEUE_SORT_RECEIVED, 0, b, N_INTROS);
	assert_int_equal(na, nb);
	assert_true(na > 0);
	for (i = 0; i < na; i++)
		assert_string_equal(a[i].id, b[i].id);

	all_filter(&q);
	all_filter(&s);
	q.query = "pod:east !escalated state:routed";
	s.pod = "east";
	s.escalated = -1;
	s.states = STORE_STATE_BIT(STATE_ROUTED);
	na = fetch_all(&q, QUEUE_SORT_SCORE, 1, a, N_INTROS);
	nb = fetch_all(&s, QUEUE_SORT_SCORE, 1, b, N_INTROS);
	assert_int_equal(na, nb);
	for (i = 0; i < na; i++)
		assert_string_equal(a[i].id, b[i].id);

	all_filter(&q);
	q.query = "age>30d partner~cloud";
	na = fetch_all(&q, QUEUE_SORT_RECEIVED, 0, a, N_INTROS);
	assert_true(na > 0);
	for (i = 0; i < na; i++) {
		assert_true(a[i].received_at < FX_NOW - 30 * FX_DAY);
		assert_string_equal(a[i].partner_name, "Cloud Partner");
	}

	all_filter(&q);
	q.query = "gate:pql";
	all_filter(&s);
	s.gate = 1;
	assert_int_equal(fetch_all(&q, QUEUE_SORT_SCORE, 0, a, N_INTROS),
			 fetch_all(&s, QUEUE_SORT_SCORE, 0, b, N_INTROS));

	all_filter(&q);
	q.query = "owner:me";
	store_set_actor(F.st, "Desk West");
	na = fetch_all(&q, QUEUE_SORT_RECEIVED, 0, a, N_INTROS);
	store_set_actor(F.st, "tester");
	assert_true(na > 0);
	for (i = 0; i < na; i++)
		assert_string_equal(a[i].owner_name, "Desk West");

	all_filter(&q);
	q.query = "tire:1";
	{
		size_t n = 0;
		assert_int_equal(store_queue_fetch(F.st, &q, NULL, a, N_INTROS, &n), STORE_INVALID);
		assert_non_null(strstr(store_errmsg(F.st), "tire"));
		q.query = "partner>acme";
		assert_int_equal(store_queue_fetch(F.st, &q, NULL, a, N_INTROS, &n), STORE_INVALID);
	}
}

/* No page of the key path scans the intros table or sorts it whole. */
static void test_plans(void **state)
{
	struct queue_filter flts[4];
	struct queue_row first[2];
	char plan[4096];
	int s, d, fi, cur;
	(void)state;
	all_filter(&flts[0]);
	all_filter(&flts[1]);
	flts[1].states = STORE_STATES_OPEN;
	all_filter(&flts[2]);
	flts[2].states = STORE_STATES_OPEN;
	flts[2].gate = 1;
	all_filter(&flts[3]);
	flts[3].text = "north";
	for (fi = 0; fi < 4; fi++)
	for (s = 0; s < QUEUE_SORT_COUNT; s++)
	for (d = 0; d < 2; d++)
	for (cur = 0; cur < 2; cur++) {
		struct queue_page pg;
		size_t n = 0;
		char *line;
		memset(&pg, 0, sizeof pg);
		pg.sort = (enum queue_sort)s;
		pg.descending = d;
		pg.limit = 2;
		if (cur) {
			OK(&F, store_queue_fetch(F.st, &flts[fi], &pg, first, 2, &n));
			if (n)
				store_queue_cursor_of(&first[n - 1], &pg.cursor);
		}
		OK(&F, store_queue_plan(F.st, &flts[fi], &pg, plan, sizeof plan));
		for (line = strtok(plan, "\n"); line; line = strtok(NULL, "\n")) {
			int bad = (strncmp(line, "SCAN i", 6) == 0 && !strstr(line, "INDEX")) ||
				  strstr(line, "TEMP B-TREE FOR ORDER BY") != NULL;
			if (bad)
				print_message("sort %s desc %d filter %d cursor %d: %s\n",
					      store_queue_sort_name((enum queue_sort)s), d, fi, cur, line);
			assert_false(bad);
		}
	}
}

static void test_dial(void **state)
{
	static struct queue_row rows[N_INTROS];
	struct queue_filter flt;
	long changed = -1, gained = -1, lost = -1, expect = 0;
	size_t n, i;
	int t = 0, own = 1;
	(void)state;
	OK(&F, store_dial_get(F.st, &t, &own));
	assert_int_equal(t, 70);
	assert_int_equal(own, 0);
	all_filter(&flt);
	flt.states = STORE_STATES_OPEN;
	n = fetch_all(&flt, QUEUE_SORT_SCORE, 0, rows, N_INTROS);
	for (i = 0; i < n; i++)
		if (rows[i].score >= 70 && rows[i].score < 80)
			expect++;
	assert_true(expect > 0);
	OK(&F, store_dial_preview(F.st, 80, &changed, &gained, &lost));
	assert_int_equal(changed, expect);
	assert_int_equal(lost, expect);
	assert_int_equal(gained, 0);
	OK(&F, store_dial_set(F.st, 80, &changed, &gained, &lost));
	assert_int_equal(changed, expect);
	OK(&F, store_dial_get(F.st, &t, &own));
	assert_int_equal(t, 80);
	assert_int_equal(own, 1);
	flt.gate = 1;
	n = fetch_all(&flt, QUEUE_SORT_SCORE, 0, rows, N_INTROS);
	for (i = 0; i < n; i++)
		assert_true(rows[i].score >= 80);
	OK(&F, store_dial_set(F.st, 70, &changed, &gained, &lost));
	assert_int_equal(gained, expect);
	assert_int_equal(store_dial_set(F.st, 101, NULL, NULL, NULL), STORE_INVALID);
}

static int progress_calls;
static int count_progress(void *ctx, long done, long total)
{
	(void)ctx;
	assert_true(done <= total);
	progress_calls++;
	return 0;
}

static int stop_progress(void *ctx, long done, long total)
{
	(void)ctx;
	(void)done;
	(void)total;
	return 1;
}

/* Changing the weights rescales stored points; the score is the core's. */
static void test_rescore(void **state)
{
	static struct queue_row rows[N_INTROS];
	static struct store_intro before[N_INTROS];
	struct desk_policy p = *store_policy(F.st);
	struct queue_filter flt;
	const int old_w[PQL_FACTOR_COUNT] = { 25, 20, 20, 15, 10, 10 };
	const int new_w[PQL_FACTOR_COUNT] = { 30, 20, 15, 15, 10, 10 };
	long pending = 0, changed = 0, scored = 0;
	size_t n, i;
	int k;
	(void)state;
	all_filter(&flt);
	flt.score_min = 0;
	n = fetch_all(&flt, QUEUE_SORT_RECEIVED, 0, rows, N_INTROS);
	for (i = 0; i < n; i++)
		OK(&F, store_intro_get(F.st, rows[i].id, &before[i]));
	scored = (long)n;
	OK(&F, store_rescore_pending(F.st, &pending));
	assert_int_equal(pending, 0);

	memcpy(p.weights, new_w, sizeof new_w);
	store_set_policy(F.st, &p);
	OK(&F, store_rescore_pending(F.st, &pending));
	assert_int_equal(pending, scored);
	/* stopped in its first (only) chunk: that chunk rolls back */
	assert_int_equal(store_rescore(F.st, stop_progress, NULL, &changed), STORE_INTERRUPTED);
	OK(&F, store_rescore_pending(F.st, &pending));
	assert_int_equal(pending, scored);

	progress_calls = 0;
	OK(&F, store_rescore(F.st, count_progress, NULL, &changed));
	assert_int_equal(changed, scored);
	assert_true(progress_calls > 0);
	OK(&F, store_rescore_pending(F.st, &pending));
	assert_int_equal(pending, 0);
	for (i = 0; i < n; i++) {
		struct store_intro in;
		int want[PQL_FACTOR_COUNT];
		OK(&F, store_intro_get(F.st, before[i].id, &in));
		for (k = 0; k < PQL_FACTOR_COUNT; k++) {
			want[k] = (int)floor((double)before[i].points[k] * new_w[k] / old_w[k] + 0.5);
			if (want[k] > new_w[k])
				want[k] = new_w[k];
			assert_int_equal(in.points[k], want[k]);
		}
		assert_int_equal(in.score, score_total(want));
		assert_int_equal(score_validate(&p, in.points, NULL, 0), 0);
		assert_string_equal(in.weights, "30,20,15,15,10,10");
	}
	/* and back, so the other tests see the default weights */
	memcpy(p.weights, old_w, sizeof old_w);
	store_set_policy(F.st, &p);
	OK(&F, store_rescore(F.st, NULL, NULL, &changed));
	assert_int_equal(changed, scored);
}

static void test_reports(void **state)
{
	struct store_capacity_report cap;
	struct store_pod_row *pods = NULL;
	struct store_partner_row *partners = NULL;
	struct store_attribution_row *attr = NULL;
	struct store_calibration_report cal;
	struct store_counts c;
	size_t n = 0, i;
	long won = 0, lost = 0, closed = 0;
	long long revenue = 0, paid = 0;
	int b;
	(void)state;
	OK(&F, store_counts(F.st, NULL, &c));

	OK(&F, store_report_capacity(F.st, &cap));
	assert_int_equal(cap.aes, 3);
	assert_true(cap.weekly_hours > 38.9 && cap.weekly_hours < 39.1);
	assert_true(cap.model.available > 116.9 && cap.model.available < 117.1);  /* 39 x 12 x 0.25 */
	assert_int_equal(cap.deals[0] + cap.deals[1] + cap.deals[2] > 0, 1);
	assert_true(cap.model.required == cap.deals[0] * 6.0 + cap.deals[1] * 3.0);
	store_capacity_report_free(&cap);

	OK(&F, store_report_pods(F.st, &pods, &n));
	assert_int_equal(n, 2);
	assert_string_equal(pods[0].name, "east");
	{
		struct store_counts ce;
		OK(&F, store_counts(F.st, "east", &ce));
		assert_int_equal(pods[0].untriaged, ce.by_state[STATE_NEW]);
		assert_int_equal(pods[0].open, ce.open);
	}
	assert_int_equal(pods[0].aes, 2);
	assert_int_equal(pods[0].specialists, 1);
	assert_true(pods[0].desk_to_ae > 1.99 && pods[0].desk_to_ae < 2.01);
	assert_true(pods[0].acceptance_rate >= 0 && pods[0].acceptance_rate <= 1);
	assert_true(pods[0].oldest_received > 0);
	free(pods);

	OK(&F, store_report_partners(F.st, &partners, &n));
	assert_int_equal(n, 3);
	for (i = 0; i < n; i++) {
		won += partners[i].won;
		lost += partners[i].lost;
		revenue += partners[i].revenue;
	}
	assert_int_equal(won, c.by_state[STATE_WON]);
	assert_int_equal(lost, c.by_state[STATE_LOST]);
	free(partners);

	OK(&F, store_report_calibration(F.st, &cal));
	for (b = 0; b < cal.bands.band_count; b++)
		closed += cal.bands.bands[b].closed;
	assert_int_equal(closed, won + lost);
	assert_int_equal(cal.threshold, 70);

	OK(&F, store_report_attribution(F.st, &attr, &n));
	assert_true(n > 0);
	for (i = 0; i < n; i++)
		paid += attr[i].payout;
	free(attr);
	/* every won deal with roles paid out exactly its ACV */
	{
		struct queue_filter flt;
		static struct queue_row rows[N_INTROS];
		long long with_roles = 0;
		size_t k, j;
		all_filter(&flt);
		flt.states = STORE_STATE_BIT(STATE_WON);
		k = fetch_all(&flt, QUEUE_SORT_RECEIVED, 0, rows, N_INTROS);
		for (j = 0; j < k; j++) {
			struct store_attribution roles[ROLE_COUNT];
			struct store_intro in;
			size_t nr = 0;
			OK(&F, store_attribution_list(F.st, rows[j].id, roles, &nr, NULL, NULL, 0));
			OK(&F, store_intro_get(F.st, rows[j].id, &in));
			if (nr && in.actual_acv > 0)
				with_roles += in.actual_acv;
		}
		assert_true(with_roles > 0);
		assert_true(paid == with_roles);
	}
	(void)revenue;
}

static void test_check(void **state)
{
	struct store_check_result r;
	sqlite3 *db = NULL;
	(void)state;
	OK(&F, store_check(F.st, &r));
	assert_int_equal(r.ok, 1);
	assert_string_equal(r.integrity, "ok");
	assert_int_equal(r.schema_version, STORE_SCHEMA_VERSION);
	/* another connection spoils the counts: check notices, data_version moves */
	{
		long long v1 = 0, v2 = 0;
		OK(&F, store_data_version(F.st, &v1));
		assert_int_equal(sqlite3_open(F.path, &db), SQLITE_OK);
		assert_int_equal(sqlite3_exec(db, "UPDATE intro_counts SET n = n + 1 WHERE state = 'new'",
					      NULL, NULL, NULL), SQLITE_OK);
		assert_int_equal(sqlite3_close(db), SQLITE_OK);
		OK(&F, store_data_version(F.st, &v2));
		assert_true(v1 != v2);
	}
	OK(&F, store_check(F.st, &r));
	assert_int_equal(r.ok, 0);
	assert_true(r.count_mismatches > 0);
}

/* Intros that arrived after a mark are counted whatever the clock says
 * (the console's "N new"); an interrupt of an idle handle harms nothing. */
static void test_arrival_mark(void **state)
{
	struct queue_filter f;
	long long mark = 0, empty_mark = 0;
	long n = -1, all = 0;
	char id[STORE_ID_SIZE];
	(void)state;

	memset(&f, 0, sizeof f);
	f.score_min = f.score_max = -1;
	OK(&F, store_intro_arrival_mark(F.st, &mark));
	assert_true(mark > N_INTROS);
	f.arrived_after = mark;
	OK(&F, store_queue_count(F.st, &f, &n));
	assert_int_equal(n, 0);
	/* the clock does not move (pinned), the mark still tells */
	fx_intro(&F, F.rsi, accounts[0], FX_NOW, 9000, "east", id);
	fx_intro(&F, F.cloud, accounts[1], FX_NOW - FX_DAY, -1, "", id);
	OK(&F, store_queue_count(F.st, &f, &n));
	assert_int_equal(n, 2);
	f.partner = F.cloud;
	OK(&F, store_queue_count(F.st, &f, &n));
	assert_int_equal(n, 1);
	f.partner = NULL;
	f.arrived_after = 0;
	OK(&F, store_queue_count(F.st, &f, &all));
	assert_true(all > 2);
	/* interrupting a handle that runs nothing does not stop its next call */
	store_interrupt(F.st);
	OK(&F, store_queue_count(F.st, &f, &n));
	assert_int_equal(n, all);
	/* an empty desk's mark counts its first intro */
	{
		struct fx E;
		fx_setup(&E);
		OK(&E, store_intro_arrival_mark(E.st, &empty_mark));
		assert_int_equal(empty_mark, 1);
		f.arrived_after = empty_mark;
		OK(&E, store_queue_count(E.st, &f, &n));
		assert_int_equal(n, 0);
		fx_intro(&E, E.rsi, E.contoso, FX_NOW, 9000, "", id);
		OK(&E, store_queue_count(E.st, &f, &n));
		assert_int_equal(n, 1);
		fx_teardown(&E);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paging_matches_unpaged),
		cmocka_unit_test(test_filters),
		cmocka_unit_test(test_query_language),
		cmocka_unit_test(test_plans),
		cmocka_unit_test(test_dial),
		cmocka_unit_test(test_rescore),
		cmocka_unit_test(test_reports),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_arrival_mark),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
