/* bench-gen - a realistic desk of N intros for the benchmark, the same
 * content for the same seed.
 *
 *   bench-gen --intros N [--seed S] --db OUT.db [--csv DIR]
 *
 * The desk: six pods with their desk specialists and AEs, partners in the
 * three partner tiers (N/500, 40..2000), accounts (N/5, 400..200,000) with
 * territory owners and account-mapping overlaps of every signal, and N
 * intros over five years of history, in every state: most of the old ones
 * closed (won with their attribution, lost, declined with reason codes),
 * the recent ones spread over the open states, a few escalated. Hot
 * accounts draw many intros (conflicts and duplicates), strategic partners
 * send more than the long tail.
 *
 * Reference data goes through the store's own API; the intros through its
 * bulk loader (store_intro_load_bulk), which writes them as they stand.
 * With --csv, DIR gets the files the import figures read: import-small.csv
 * (N/10 new intros) and import-large.csv (N new intros), as a partner
 * portal exports them, naming partners and accounts of the desk.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coselldesk/domain.h"
#include "coselldesk/policy.h"
#include "coselldesk/score.h"
#include "coselldesk/store.h"
#include "coselldesk/tier.h"

#define DAY 86400LL
#define BENCH_NOW 1795798800LL   /* 2026-11-27 17:00 UTC, as sample.db */
#define HISTORY_DAYS 1826        /* five years */
#define CHUNK 20000              /* intros per bulk call */
#define N_PODS 6
#define SPECIALISTS_PER_POD 3
#define AES_PER_POD 25

static unsigned long long rng_state;

static unsigned long long rng_next(void)
{
	unsigned long long z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int rng_int(int lo, int hi) /* inclusive */
{
	return lo + (int)(rng_next() % (unsigned long long)(hi - lo + 1));
}

static double rng_unit(void)
{
	return (double)(rng_next() >> 11) / 9007199254740992.0;
}

static int rng_chance(int percent)
{
	return rng_int(1, 100) <= percent;
}

#define PICK(list) (list[rng_next() % (sizeof list / sizeof list[0])])

static struct store *st;
static struct timespec started;

/* Seconds since the start, for the progress lines. */
static double elapsed(void)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - started.tv_sec) + (double)(now.tv_nsec - started.tv_nsec) / 1e9;
}

static void must(enum store_status s, const char *what)
{
	if (s != STORE_OK) {
		fprintf(stderr, "bench-gen: %s: %s\n", what, store_errmsg(st));
		exit(70);
	}
}

static void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);
	if (!p) {
		fprintf(stderr, "bench-gen: out of memory\n");
		exit(71);
	}
	return p;
}

/* ---- names: companies and roles, never people ---- */

static const char *const pod_names[N_PODS] = { "east", "central", "west", "north", "south",
					       "emea" };
static const char *const first_part[] = {
	"Lakeshore", "Summit", "Harbor", "Granite", "Blue Ridge", "Meridian", "Cobalt", "Prairie",
	"Keystone", "Redwood", "Atlas", "Beacon", "Cascade", "Ironwood", "Northgate",
	"Silverline", "Tidewater", "Crestview", "Pinnacle", "Riverbend", "Acorn", "Bayview",
	"Cedar", "Delta", "Evergreen", "Falcon", "Glacier", "Hillcrest", "Ivory", "Juniper",
	"Kestrel", "Lumen", "Maple", "Nimbus", "Orchard", "Polar", "Quarry", "Rockport",
	"Sequoia", "Trident", "Upland", "Vantage", "Willow", "Yarrow", "Zenith", "Amber",
	"Birch", "Coral", "Dune", "Ember",
};
static const char *const partner_kind[] = {
	"Systems Integration", "Cloud Partners", "Consulting", "Data Services", "Managed IT",
	"Digital", "Solutions", "Advisory",
};
static const char *const account_kind[] = {
	"Manufacturing", "Logistics", "Health", "Foods", "Energy", "Retail", "Labs",
	"Insurance", "Freight", "Robotics", "Textiles", "Pharma", "Bank", "Utilities",
	"Mining", "Media",
};
static const char *const industries[] = {
	"manufacturing", "logistics", "healthcare", "food and beverage", "energy", "retail",
	"life sciences", "financial services",
};
static const char *const titles[] = {
	"VP Operations", "CIO", "Director of IT", "Head of Supply Chain", "CFO", "IT Manager",
	"VP Engineering", "Plant Manager", "CTO", "Procurement Lead",
};
static const char *const notes[] = {
	"Manual order reconciliation across three ERPs costs a week each quarter close.",
	"Plant-floor data arrives a day late, so scheduling runs on stale numbers.",
	"Two acquisitions left duplicate customer records and no single view.",
	"Audit findings on access reviews must be closed before the next fiscal year.",
	"Seasonal peaks overload the current system and orders are lost.",
	"Budget named in the FY plan; the sponsor wants a pilot this quarter.",
	"Partner runs the customer's data platform and sees a gap we fill.",
};
static const char *const sources[] = { "partner", "partner", "partner", "aws", "ms", "form" };
static const char *const decline_codes[] = { "no_overlap", "existing_customer", "not_icp",
					     "insufficient_info", "duplicate", "too_early" };
static const char *const loss_codes[] = { "price", "lost_to_competitor", "no_decision",
					  "budget", "timeline", "customer_unresponsive" };
static const char *const reject_codes[] = { "customer_problem_unclear", "outside_territory",
					    "too_early", "insufficient_info", "no_capacity" };

/* ---- the desk's reference data ---- */

struct desk {
	long n_partners, n_accounts;
	char (*partner_id)[STORE_ID_SIZE];
	char (*partner_name)[STORE_NAME_SIZE];
	char (*account_id)[STORE_ID_SIZE];
	char (*account_name)[STORE_NAME_SIZE];
	char (*account_domain)[STORE_NAME_SIZE];
	int *account_pod;           /* pod index of the territory owner, -1 none */
	int *account_owner;         /* AE index, -1 none */
	char pod_id[N_PODS][STORE_ID_SIZE];
	char spec_id[N_PODS][STORE_ID_SIZE];   /* the pod's first specialist (by name) */
	char ae_id[N_PODS * AES_PER_POD][STORE_ID_SIZE];
};

static long clamp(long v, long lo, long hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static void make_people(struct desk *d)
{
	for (int p = 0; p < N_PODS; p++) {
		must(store_pod_ensure(st, pod_names[p], d->pod_id[p], NULL), "pod");
		for (int s = 0; s < SPECIALISTS_PER_POD; s++) {
			char name[STORE_NAME_SIZE], id[STORE_ID_SIZE];
			snprintf(name, sizeof name, "desk-%s-%d", pod_names[p], s + 1);
			must(store_specialist_ensure(st, name, d->pod_id[p], id, NULL), "specialist");
			if (s == 0)
				memcpy(d->spec_id[p], id, STORE_ID_SIZE);
		}
		for (int i = 0; i < AES_PER_POD; i++) {
			struct store_ae ae;
			memset(&ae, 0, sizeof ae);
			snprintf(ae.name, sizeof ae.name, "%s-ae-%02d", pod_names[p], i + 1);
			snprintf(ae.email, sizeof ae.email, "%.64s@sales.example.com", ae.name);
			memcpy(ae.pod_id, d->pod_id[p], STORE_ID_SIZE);
			ae.selling_hours = 12 + rng_int(0, 4);
			ae.active = i != AES_PER_POD - 1 || p != 2;   /* one AE on leave */
			must(store_ae_ensure(st, &ae, d->ae_id[p * AES_PER_POD + i], NULL), "ae");
		}
	}
}

static void make_partners(struct desk *d)
{
	for (long i = 0; i < d->n_partners; i++) {
		struct store_partner p;
		memset(&p, 0, sizeof p);
		snprintf(p.name, sizeof p.name, "%s %s %ld", first_part[i % 50],
			 partner_kind[(i / 50 + i) % 8], i / 400 + 1);
		snprintf(p.domain, sizeof p.domain, "partner%05ld.example.net", i + 1);
		/* 10% strategic, 30% growth, the rest long tail */
		p.tier = i % 10 == 0 ? PARTNER_STRATEGIC : i % 10 <= 3 ? PARTNER_GROWTH
								 : PARTNER_LONG_TAIL;
		must(store_partner_ensure(st, &p, d->partner_id[i], NULL), "partner");
		memcpy(d->partner_name[i], p.name, STORE_NAME_SIZE);
	}
}

static void make_accounts(struct desk *d)
{
	for (long i = 0; i < d->n_accounts; i++) {
		struct store_account a;
		memset(&a, 0, sizeof a);
		snprintf(a.name, sizeof a.name, "%s %s %ld", first_part[(i * 7) % 50],
			 account_kind[(i / 50 + i) % 16], i / 800 + 1);
		snprintf(a.domain, sizeof a.domain, "acct%06ld.example.com", i + 1);
		snprintf(a.industry, sizeof a.industry, "%s", PICK(industries));
		snprintf(a.region, sizeof a.region, "%s", pod_names[i % N_PODS]);
		snprintf(a.country, sizeof a.country, "%s", i % N_PODS == 5 ? "DE" : "US");
		a.employees = 50 + rng_int(0, 200) * 50;
		a.strategic = rng_chance(8);
		d->account_pod[i] = -1;
		d->account_owner[i] = -1;
		if (rng_chance(75)) {   /* most accounts have a territory owner */
			int ae = (int)(i % N_PODS) * AES_PER_POD + rng_int(0, AES_PER_POD - 1);
			memcpy(a.owner_ae_id, d->ae_id[ae], STORE_ID_SIZE);
			d->account_pod[i] = (int)(i % N_PODS);
			d->account_owner[i] = ae;
		}
		must(store_account_ensure(st, &a, d->account_id[i], NULL), "account");
		memcpy(d->account_name[i], a.name, STORE_NAME_SIZE);
		memcpy(d->account_domain[i], a.domain, STORE_NAME_SIZE);
	}
}

/* Skewed picks: hot accounts and busy partners. */
static long pick_account(const struct desk *d)
{
	double u = rng_unit();
	return (long)(u * u * (double)d->n_accounts) % d->n_accounts;
}

static long pick_partner(const struct desk *d)
{
	double u = rng_unit();
	return (long)(u * u * u * (double)d->n_partners) % d->n_partners;
}

static void make_overlaps(struct desk *d)
{
	static const enum population pops[] = { POP_NONE, POP_PROSPECT, POP_OPEN_OPPORTUNITY,
						 POP_CUSTOMER };
	for (long a = 0; a < d->n_accounts; a++) {
		int links = rng_int(0, 3);
		long first = -1;
		for (int k = 0; k < links; k++) {
			struct store_overlap o;
			long p = pick_partner(d);
			if (p == first)
				continue;
			if (first < 0)
				first = p;
			memset(&o, 0, sizeof o);
			memcpy(o.partner_id, d->partner_id[p], STORE_ID_SIZE);
			memcpy(o.account_id, d->account_id[a], STORE_ID_SIZE);
			o.ours = pops[rng_int(0, 3)];
			o.partners = pops[rng_int(0, 3)];
			o.stakeholders = o.partners == POP_NONE ? 0 : rng_int(1, 8);
			snprintf(o.partner_contact, sizeof o.partner_contact, "%s", PICK(titles));
			o.refreshed_at = BENCH_NOW - rng_int(1, 120) * DAY;
			must(store_overlap_set(st, &o), "overlap");
		}
	}
}

/* ---- intros ---- */

/* Points for quality q (0..100) within the default weights. */
static void points_for(int q, int pts[PQL_FACTOR_COUNT])
{
	static const int w[PQL_FACTOR_COUNT] = { 25, 20, 20, 15, 10, 10 };
	for (int f = 0; f < PQL_FACTOR_COUNT; f++) {
		int v = (w[f] * q + 50) / 100 + rng_int(-4, 4);
		pts[f] = v < 0 ? 0 : v > w[f] ? w[f] : v;
	}
}

/* Where an intro of this age stands: the old ones are closed. */
static enum intro_state state_for(long long age_days)
{
	int r = rng_int(1, 100);
	if (age_days < 2)
		return r <= 60 ? STATE_NEW : r <= 80 ? STATE_TRIAGED : STATE_SCORED;
	if (age_days < 30) {
		static const struct { int upto; enum intro_state s; } mix[] = {
			{ 10, STATE_NEW }, { 15, STATE_TRIAGED }, { 27, STATE_SCORED },
			{ 42, STATE_ROUTED }, { 62, STATE_ACCEPTED }, { 67, STATE_PARTNER_LED },
			{ 72, STATE_NURTURE }, { 87, STATE_DECLINED }, { 90, STATE_REJECTED },
			{ 95, STATE_WON }, { 100, STATE_LOST },
		};
		for (size_t i = 0; i < sizeof mix / sizeof mix[0]; i++)
			if (r <= mix[i].upto)
				return mix[i].s;
	}
	if (age_days < 180) {
		static const struct { int upto; enum intro_state s; } mix[] = {
			{ 12, STATE_ACCEPTED }, { 16, STATE_PARTNER_LED }, { 22, STATE_NURTURE },
			{ 24, STATE_REJECTED }, { 26, STATE_ROUTED }, { 50, STATE_DECLINED },
			{ 70, STATE_WON }, { 100, STATE_LOST },
		};
		for (size_t i = 0; i < sizeof mix / sizeof mix[0]; i++)
			if (r <= mix[i].upto)
				return mix[i].s;
	}
	return r <= 40 ? STATE_DECLINED : r <= 65 ? STATE_WON : r <= 98 ? STATE_LOST
							    : STATE_NURTURE;
}

static int tier_of_acv(long long acv)
{
	return acv > 75000 ? 1 : acv >= 20000 ? 2 : 3;
}

struct intro_gen {
	struct store_intro_record *rows;
	char (*ids)[STORE_ID_SIZE];
	long escalate_left;     /* open routed/accepted intros still to escalate */
	long escalate_every;
	long open_seen;
	char (*to_escalate)[STORE_ID_SIZE];
	long n_escalate;
};

static void make_intro(const struct desk *d, const struct desk_policy *pol,
		       struct store_intro_record *r, long n)
{
	long long age_s = (long long)(rng_unit() * rng_unit() * HISTORY_DAYS * DAY);
	long a = pick_account(d), p;
	int q, tier, won_bias;
	enum intro_state s;

	(void)n;
	memset(r, 0, sizeof *r);
	/* mostly a partner mapped on the account, else any */
	p = pick_partner(d);
	r->partner_id = d->partner_id[p];
	r->account_id = d->account_id[a];
	r->received_at = BENCH_NOW - age_s - rng_int(0, 3600);
	r->contact = PICK(titles);
	r->note = PICK(notes);
	r->source = PICK(sources);
	r->expected_acv = rng_chance(8) ? -1 : 5000 + (long long)rng_int(0, 60) * 2500;
	s = state_for(age_s / DAY);
	r->state = s;
	r->pod_id = d->account_pod[a] >= 0 ? d->pod_id[d->account_pod[a]]
					    : d->pod_id[rng_int(0, N_PODS - 1)];
	r->owner_id = d->account_pod[a] >= 0 ? d->spec_id[d->account_pod[a]] : NULL;
	r->ae_hours = -1;
	r->actual_acv = -1;
	r->actual_ae_minutes = -1;
	r->created_at = r->received_at + rng_int(60, 3600);
	if (s == STATE_NEW) {
		r->sla_due = r->received_at + (long long)pol->sla_triage_hours * 3600;
		r->updated_at = r->created_at;
		return;
	}
	if (s == STATE_TRIAGED)
		return;
	/* scored and beyond; declined and nurture half the time */
	if ((s == STATE_DECLINED || s == STATE_NURTURE) && rng_chance(50))
		goto closing;
	won_bias = s == STATE_WON ? 20 : s == STATE_LOST ? -5 : 0;
	q = rng_int(25, 90) + won_bias;
	points_for(q > 100 ? 100 : q, r->points);
	r->scored = 1;
	if (s == STATE_SCORED || s == STATE_DECLINED || s == STATE_NURTURE)
		goto closing;
	tier = tier_of_acv(r->expected_acv < 0 ? 20000 : r->expected_acv);
	r->tier = tier;
	r->tier_reason = tier == 1 ? "ACV above 75,000" : tier == 2 ? "ACV 20,000 to 75,000"
								    : "ACV below 20,000";
	r->ae_hours = pol->hours[tier - 1].preset;
	if (s == STATE_PARTNER_LED)
		goto closing;
	if (d->account_owner[a] >= 0 && rng_chance(80))
		r->ae_id = d->ae_id[d->account_owner[a]];
	else
		r->ae_id = d->ae_id[(r->pod_id == d->pod_id[0] ? 0 : rng_int(0, N_PODS - 1)) *
				    AES_PER_POD + rng_int(0, AES_PER_POD - 1)];
	if (s == STATE_ROUTED)
		r->sla_due = r->received_at + 2 * DAY + (long long)pol->sla_accept_hours * 3600;
closing:
	switch (s) {
	case STATE_DECLINED:
		r->closed_at = r->received_at + rng_int(1, 5) * DAY;
		r->reason_code = PICK(decline_codes);
		break;
	case STATE_REJECTED:
		r->reason_code = PICK(reject_codes);
		break;
	case STATE_WON:
	case STATE_LOST:
		r->closed_at = r->received_at + rng_int(20, 160) * DAY;
		if (s == STATE_WON) {
			long long base = r->expected_acv < 0 ? 30000 : r->expected_acv;
			r->actual_acv = base * rng_int(80, 120) / 100;
			r->actual_ae_minutes = rng_int(60, 60 * 40);
		} else {
			r->reason_code = PICK(loss_codes);
		}
		/* the attribution gate: sourcing and selling at least */
		r->roles[0].role = ROLE_SOURCING;
		r->roles[0].partner_id = r->partner_id;
		r->roles[0].percent = -1;
		r->roles[1].role = ROLE_SELLING;
		r->roles[1].partner_id = rng_chance(80) ? r->partner_id
							: d->partner_id[pick_partner(d)];
		r->roles[1].percent = -1;
		r->role_count = 2;
		if (rng_chance(30)) {
			r->roles[2].role = ROLE_IMPLEMENTATION;
			r->roles[2].partner_id = d->partner_id[pick_partner(d)];
			r->roles[2].percent = -1;
			r->role_count = 3;
		}
		break;
	default:
		break;
	}
	if (r->closed_at > BENCH_NOW)
		r->closed_at = BENCH_NOW - rng_int(0, 3600);
	r->updated_at = r->closed_at > 0 ? r->closed_at : r->created_at + rng_int(0, 2) * DAY;
	if (r->updated_at > BENCH_NOW)
		r->updated_at = BENCH_NOW;
}

/* n ids, ascending: 128 random-looking bits each (so handles spread as
 * in a real desk), handed out in order so the load appends to the id
 * index instead of inserting all over it. */
static int cmp_u128(const void *a, const void *b)
{
	const unsigned long long *x = a, *y = b;
	if (x[0] != y[0])
		return x[0] < y[0] ? -1 : 1;
	return x[1] < y[1] ? -1 : x[1] > y[1];
}

static char (*sorted_ids(long n))[STORE_ID_SIZE]
{
	unsigned long long (*raw)[2] = xcalloc((size_t)n, sizeof *raw);
	char (*ids)[STORE_ID_SIZE] = xcalloc((size_t)n, sizeof *ids);

	for (long i = 0; i < n; i++) {
		raw[i][0] = rng_next();
		raw[i][1] = rng_next();
	}
	qsort(raw, (size_t)n, sizeof *raw, cmp_u128);
	for (long i = 0; i < n; i++)
		snprintf(ids[i], STORE_ID_SIZE, "%016llx%016llx", raw[i][0], raw[i][1]);
	free(raw);
	return ids;
}

static void make_intros(const struct desk *d, long n, int drop_indexes)
{
	const struct desk_policy *pol = store_policy(st);
	char (*all_ids)[STORE_ID_SIZE] = sorted_ids(n);
	struct store_intro_record *rows = xcalloc(CHUNK, sizeof *rows);
	char (*ids)[STORE_ID_SIZE] = xcalloc(CHUNK, sizeof *ids);
	char (*esc)[STORE_ID_SIZE] = xcalloc(1 + (size_t)n / 500, sizeof *esc);
	long done = 0, n_esc = 0;

	must(store_begin_bulk(st), "begin");
	if (drop_indexes)
		must(store_bulk_prepare(st), "prepare the load");
	while (done < n) {
		long k = n - done < CHUNK ? n - done : CHUNK;
		for (long i = 0; i < k; i++) {
			make_intro(d, pol, &rows[i], done + i);
			rows[i].id = all_ids[done + i];
		}
		must(store_intro_load_bulk(st, rows, (size_t)k, ids), "load intros");
		/* one routed or accepted intro in fifty becomes escalated */
		for (long i = 0; i < k; i++)
			if ((rows[i].state == STATE_ROUTED || rows[i].state == STATE_ACCEPTED) &&
			    rng_chance(2) && n_esc < 1 + n / 500)
				memcpy(esc[n_esc++], ids[i], STORE_ID_SIZE);
		done += k;
		if (done % 100000 == 0 || done == n)
			fprintf(stderr, "\rbench-gen: %ld intros", done);
	}
	fprintf(stderr, " (%.1fs)\n", elapsed());
	must(store_commit(st), "commit intros");
	fprintf(stderr, "bench-gen: %.1fs indexes\n", elapsed());
	must(store_partner_stats_refresh(st), "partner history");
	fprintf(stderr, "bench-gen: %.1fs partner history\n", elapsed());
	must(store_begin(st), "begin escalations");
	for (long i = 0; i < n_esc; i++) {
		static const enum escalation_kind kinds[] = { ESC_STALLED_DEAL, ESC_AE_COLLISION,
			ESC_CHANNEL_CONFLICT, ESC_PARTNER_PUSHBACK, ESC_TIER_DISPUTE };
		char eid[STORE_ID_SIZE];
		must(store_escalate(st, esc[i], PICK(kinds), "raised by the benchmark desk", eid),
		     "escalate");
	}
	must(store_commit(st), "commit escalations");
	fprintf(stderr, "bench-gen: %.1fs %ld escalations\n", elapsed(), n_esc);
	{
		/* a desk in use has its won deals' payouts split already */
		struct store_attribution_row *pay;
		size_t np;
		must(store_report_attribution(st, &pay, &np), "attribution");
		free(pay);
		fprintf(stderr, "bench-gen: %.1fs payouts of %zu partner roles\n", elapsed(), np);
	}
	free(rows);
	free(ids);
	free(esc);
	free(all_ids);
}

/* ---- CSV files for the import figures ---- */

static void csv_field(FILE *f, const char *s, int last)
{
	int quote = strpbrk(s, ",\"\n") != NULL;
	if (quote) {
		fputc('"', f);
		for (; *s; s++) {
			if (*s == '"')
				fputc('"', f);
			fputc(*s, f);
		}
		fputc('"', f);
	} else {
		fputs(s, f);
	}
	fputc(last ? '\n' : ',', f);
}

static void write_csv(const struct desk *d, const char *path, long rows, const char *tag)
{
	FILE *f = fopen(path, "w");
	char buf[64];

	if (!f) {
		perror(path);
		exit(73);
	}
	fputs("partner,account,domain,received_at,expected_acv,contact,note,external_id,source\n",
	      f);
	for (long i = 0; i < rows; i++) {
		long a = pick_account(d), p = pick_partner(d);
		time_t t = (time_t)(BENCH_NOW - rng_int(0, 14 * 24 * 3600));
		struct tm tm;

		csv_field(f, d->partner_name[p], 0);
		csv_field(f, d->account_name[a], 0);
		csv_field(f, d->account_domain[a], 0);
		gmtime_r(&t, &tm);
		strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
		csv_field(f, buf, 0);
		if (rng_chance(10))
			buf[0] = '\0';
		else if (rng_chance(50))
			snprintf(buf, sizeof buf, "$%d,%03d", rng_int(5, 200), rng_int(0, 39) * 25);
		else
			snprintf(buf, sizeof buf, "%d", 5000 + rng_int(0, 60) * 2500);
		csv_field(f, buf, 0);
		csv_field(f, PICK(titles), 0);
		csv_field(f, PICK(notes), 0);
		snprintf(buf, sizeof buf, "%s-%08ld", tag, i + 1);
		csv_field(f, buf, 0);
		csv_field(f, PICK(sources), 1);
	}
	if (fclose(f) != 0) {
		perror(path);
		exit(74);
	}
}

/* ---- main ---- */

static void usage(void)
{
	fputs("usage: bench-gen --intros N [--seed S] --db OUT.db [--csv DIR] [--no-drop]\n",
	      stderr);
	exit(64);
}

int main(int argc, char **argv)
{
	struct store_options opt;
	struct desk d;
	const char *db = NULL, *csv = NULL;
	char err[STORE_MSG_SIZE], path[4096];
	long n = 1000000;
	unsigned long long seed = 42;
	int drop = 1;

	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--intros") && i + 1 < argc)
			n = atol(argv[++i]);
		else if (!strcmp(argv[i], "--seed") && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--db") && i + 1 < argc)
			db = argv[++i];
		else if (!strcmp(argv[i], "--csv") && i + 1 < argc)
			csv = argv[++i];
		else if (!strcmp(argv[i], "--no-drop"))
			drop = 0;
		else
			usage();
	}
	if (!db || n < 1)
		usage();
	clock_gettime(CLOCK_MONOTONIC, &started);
	rng_state = seed * 0x2545f4914f6cdd1dULL + 1;
	memset(&d, 0, sizeof d);
	d.n_partners = clamp(n / 500, 40, 2000);
	d.n_accounts = clamp(n / 5, 400, 200000);
	d.partner_id = xcalloc((size_t)d.n_partners, sizeof *d.partner_id);
	d.partner_name = xcalloc((size_t)d.n_partners, sizeof *d.partner_name);
	d.account_id = xcalloc((size_t)d.n_accounts, sizeof *d.account_id);
	d.account_name = xcalloc((size_t)d.n_accounts, sizeof *d.account_name);
	d.account_domain = xcalloc((size_t)d.n_accounts, sizeof *d.account_domain);
	d.account_pod = xcalloc((size_t)d.n_accounts, sizeof *d.account_pod);
	d.account_owner = xcalloc((size_t)d.n_accounts, sizeof *d.account_owner);

	remove(db);
	snprintf(path, sizeof path, "%s-wal", db);
	remove(path);
	snprintf(path, sizeof path, "%s-shm", db);
	remove(path);
	memset(&opt, 0, sizeof opt);
	opt.create = 1;
	opt.build = 1;
	opt.cache_mb = 1024;
	if (store_open(db, &opt, &st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "bench-gen: %s\n", err);
		return 74;
	}
	store_set_now(st, BENCH_NOW);
	store_set_id_seed(st, seed * 0x9e3779b97f4a7c15ULL + 7);
	store_set_actor(st, "bench");

	must(store_begin_bulk(st), "begin");
	make_people(&d);
	make_partners(&d);
	make_accounts(&d);
	fprintf(stderr, "bench-gen: %.1fs %ld partners, %ld accounts\n", elapsed(), d.n_partners,
		d.n_accounts);
	make_overlaps(&d);
	must(store_commit(st), "commit reference data");
	fprintf(stderr, "bench-gen: %.1fs overlaps\n", elapsed());
	make_intros(&d, n, drop);
	if (store_close(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "bench-gen: %s\n", err);
		return 74;
	}
	if (csv) {
		snprintf(path, sizeof path, "%s/import-small.csv", csv);
		write_csv(&d, path, n / 10 > 0 ? n / 10 : 1, "BS");
		snprintf(path, sizeof path, "%s/import-large.csv", csv);
		write_csv(&d, path, n, "BL");
	}
	return 0;
}
