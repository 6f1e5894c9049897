/* gen_sample - write sample.db: a realistic desk, the same bytes of content
 * on every run (seeded random numbers, pinned clock, seeded ids).
 *
 * Three pods of ten AEs with one desk specialist each, about forty partners
 * across the three partner tiers, four hundred accounts with overlaps of
 * every signal, and six hundred intros over two quarters in every state:
 * outcomes, AE hours, attribution, briefs, open and resolved escalations,
 * conflicts. Everything goes through the store's own API, so the sample
 * obeys the same lifecycle rules as a real desk.
 *
 * Usage: gen-sample OUTPUT.db
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/policy.h"
#include "coselldesk/domain.h"
#include "coselldesk/store.h"

#define DAY 86400LL
/* The sample's "today": 2026-11-27 17:00 UTC. History runs two quarters back. */
#define SAMPLE_NOW 1795798800LL
#define HISTORY_DAYS 182

static unsigned long long rng_state = 0x5eed5a3b1e0fULL;

/* splitmix64: small, fast and the same everywhere. */
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

static int rng_chance(int percent)
{
	return rng_int(1, 100) <= percent;
}

static const char *pick(const char *const *list, size_t n)
{
	return list[rng_next() % n];
}
#define PICK(list) pick(list, sizeof list / sizeof list[0])

static struct store *st;

static void must(enum store_status s, const char *what)
{
	if (s != STORE_OK) {
		fprintf(stderr, "gen-sample: %s: %s\n", what, store_errmsg(st));
		exit(70);
	}
}

static const char *const pods[] = { "east", "central", "west" };

/* Partner names: company names built from parts, no people. */
static const char *const partner_first[] = {
	"Lakeshore", "Summit", "Harbor", "Granite", "Blue Ridge", "Meridian", "Cobalt",
	"Prairie", "Keystone", "Redwood", "Atlas", "Beacon", "Cascade", "Ironwood",
	"Northgate", "Silverline", "Tidewater", "Crestview", "Pinnacle", "Riverbend"
};
static const char *const partner_kind[] = {
	"Systems Integration", "Cloud Partners", "Consulting", "Data Services",
	"Managed IT", "Digital"
};

static const char *const account_first[] = {
	"Acorn", "Bayview", "Cedar", "Delta", "Evergreen", "Falcon", "Glacier", "Hillcrest",
	"Ivory", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Orchard", "Polar",
	"Quarry", "Rockport", "Sequoia", "Trident", "Upland", "Vantage", "Willow", "Yarrow",
	"Zenith", "Amber", "Birch", "Coral", "Dune", "Ember"
};
static const char *const account_kind[] = {
	"Manufacturing", "Logistics", "Health", "Foods", "Energy", "Retail", "Labs",
	"Insurance", "Freight", "Robotics", "Textiles", "Pharma", "Bank"
};
static const char *const industries[] = {
	"manufacturing", "logistics", "healthcare", "food and beverage", "energy",
	"retail", "life sciences", "financial services"
};
static const char *const regions[] = { "us-east", "us-central", "us-west" };
static const char *const contact_titles[] = {
	"VP Operations", "CIO", "Director of IT", "Head of Supply Chain", "CFO",
	"IT Manager", "VP Engineering", "Plant Manager", "CTO", "Procurement Lead"
};
static const char *const pain[] = {
	"Manual order reconciliation across three ERPs costs a week each quarter close.",
	"Plant-floor data arrives a day late, so scheduling runs on stale numbers.",
	"Two acquisitions left duplicate customer records and no single view.",
	"Audit findings on access reviews must be closed before the next fiscal year.",
	"Seasonal peaks overload the current system and orders are lost."
};
static const char *const next_steps[] = {
	"Joint discovery call with the partner's solution architect within two weeks.",
	"AE to send a short ROI note; partner books the follow-up with the sponsor.",
	"Partner runs the technical workshop; AE joins for the commercial part.",
	"Desk to confirm budget timing with the partner before the AE engages."
};

#define N_PARTNERS 40
#define N_ACCOUNTS 400
#define N_INTROS 600
#define N_AES 30

static char partner_ids[N_PARTNERS][STORE_ID_SIZE];
static char partner_names[N_PARTNERS][STORE_NAME_SIZE];
static enum partner_tier partner_tiers[N_PARTNERS];
static char account_ids[N_ACCOUNTS][STORE_ID_SIZE];
static char account_names[N_ACCOUNTS][STORE_NAME_SIZE];
static int account_pod[N_ACCOUNTS];
static char ae_names[N_AES][STORE_NAME_SIZE];
static char spec_names[3][STORE_NAME_SIZE];

static void make_people(void)
{
	for (int p = 0; p < 3; p++) {
		char pid[STORE_ID_SIZE], sid[STORE_ID_SIZE];
		must(store_pod_ensure(st, pods[p], pid, NULL), "pod");
		snprintf(spec_names[p], sizeof spec_names[p], "desk-%s", pods[p]);
		must(store_specialist_ensure(st, spec_names[p], pods[p], sid, NULL), "specialist");
		for (int i = 0; i < N_AES / 3; i++) {
			struct store_ae ae = { 0 };
			int n = p * (N_AES / 3) + i;
			snprintf(ae.name, sizeof ae.name, "%s-ae-%02d", pods[p], i + 1);
			snprintf(ae.email, sizeof ae.email, "%.64s@sales.example.com", ae.name);
			strcpy(ae.pod_id, pid);
			ae.selling_hours = 12 + rng_int(0, 4);   /* 12-16 productive hours */
			ae.active = !(i == 9 && p == 2);          /* one AE on leave */
			must(store_ae_ensure(st, &ae, ae.id, NULL), "ae");
			strcpy(ae_names[n], ae.name);
		}
	}
}

static void make_partners(void)
{
	for (int i = 0; i < N_PARTNERS; i++) {
		struct store_partner p = { 0 };
		if (i == 0)
			strcpy(p.name, "Lakeshore Systems Integration"); /* Northwind's partner */
		else
			snprintf(p.name, sizeof p.name, "%s %s",
				 partner_first[i % 20], partner_kind[(i * 7 + i / 20) % 6]);
		snprintf(p.domain, sizeof p.domain, "partner%02d.example.net", i + 1);
		/* 6 strategic, 14 growth, 20 long tail; Northwind's partner is growth */
		p.tier = i == 0 ? PARTNER_GROWTH : i <= 6 ? PARTNER_STRATEGIC
			: i <= 19 ? PARTNER_GROWTH : PARTNER_LONG_TAIL;
		must(store_partner_ensure(st, &p, partner_ids[i], NULL), "partner");
		strcpy(partner_names[i], p.name);
		partner_tiers[i] = p.tier;
	}
}

static void make_accounts(void)
{
	for (int i = 0; i < N_ACCOUNTS; i++) {
		struct store_account a = { 0 };
		if (i == 0) {
			strcpy(a.name, "Northwind Manufacturing");
			strcpy(a.domain, "northwind-mfg.example.com");
			strcpy(a.industry, "manufacturing");
		} else {
			snprintf(a.name, sizeof a.name, "%s %s%s", account_first[i % 30],
				 account_kind[(i / 30 + i) % 13], i >= 390 ? " Group" : "");
			snprintf(a.domain, sizeof a.domain, "acct%03d.example.com", i);
			strcpy(a.industry, PICK(industries));
		}
		account_pod[i] = i % 3;
		strcpy(a.region, regions[account_pod[i]]);
		strcpy(a.country, "US");
		a.employees = 50 + rng_int(0, 60) * 100;
		a.strategic = i != 0 && rng_chance(12);
		must(store_account_ensure(st, &a, account_ids[i], NULL), "account");
		strcpy(account_names[i], a.name);
		/* most accounts have a territory owner in their region's pod */
		if (i == 0 || rng_chance(70)) {
			int ae = account_pod[i] * 10 + rng_int(0, 8);
			must(store_account_set_owner(st, account_ids[i], ae_names[ae]), "owner");
		}
	}
}

static void make_overlaps(void)
{
	/* Each account is mapped with one to three partners; the combination
	 * of populations covers every signal. */
	static const enum population pops[] = { POP_NONE, POP_PROSPECT, POP_OPEN_OPPORTUNITY,
						 POP_CUSTOMER };
	for (int a = 0; a < N_ACCOUNTS; a++) {
		int links = 1 + rng_int(0, 2);
		for (int k = 0; k < links; k++) {
			struct store_overlap o = { 0 };
			int p = a == 0 ? 0 : (a * 3 + k * 11) % N_PARTNERS;
			if (k > 0 && p == (a * 3) % N_PARTNERS)
				continue;
			strcpy(o.partner_id, partner_ids[p]);
			strcpy(o.account_id, account_ids[a]);
			if (a == 0) {
				o.ours = POP_PROSPECT;
				o.partners = POP_CUSTOMER;
				o.stakeholders = 4;
			} else {
				o.ours = pops[rng_int(0, 3)];
				o.partners = pops[rng_int(0, 3)];
				o.stakeholders = o.partners == POP_NONE ? 0 : rng_int(1, 6);
			}
			snprintf(o.partner_contact, sizeof o.partner_contact, "%.40s, %.80s",
				 PICK(contact_titles), partner_names[p]);
			o.refreshed_at = SAMPLE_NOW - rng_int(1, 120) * DAY;
			must(store_overlap_set(st, &o), "overlap");
		}
	}
}

/* Points for an intro whose quality is q (0..100), within the weights. */
static void points_for(int q, int pts[PQL_FACTOR_COUNT])
{
	static const int w[PQL_FACTOR_COUNT] = { 25, 20, 20, 15, 10, 10 };
	for (int f = 0; f < PQL_FACTOR_COUNT; f++) {
		int v = (w[f] * q + 50) / 100 + rng_int(-3, 3);
		pts[f] = v < 0 ? 0 : v > w[f] ? w[f] : v;
	}
}

static void write_brief(const char *id, int a, int p)
{
	struct brief b;
	char buf[512];
	int version;

	brief_init(&b);
	snprintf(buf, sizeof buf, "%s has co-sold with us for %d quarters; %s partner.",
		 partner_names[p], rng_int(1, 10), domain_partner_tier_name(partner_tiers[p]));
	brief_set_section(&b, BRIEF_RELATIONSHIP, buf);
	snprintf(buf, sizeof buf, "Mapping shows %s in both CRMs; %d shared stakeholders.",
		 account_names[a], rng_int(1, 5));
	brief_set_section(&b, BRIEF_MAPPING, buf);
	snprintf(buf, sizeof buf, "Customer: %s. Partner: account lead at %s.",
		 PICK(contact_titles), partner_names[p]);
	brief_set_section(&b, BRIEF_CONTACTS, buf);
	brief_set_section(&b, BRIEF_ICP, "Mid-market, multi-site, regulated: a clean ICP match.");
	brief_set_section(&b, BRIEF_PAIN, PICK(pain));
	brief_set_section(&b, BRIEF_COMPETITION, rng_chance(50)
			  ? "No incumbent; the customer runs spreadsheets today."
			  : "Weak incumbent with a renewal inside two quarters.");
	brief_set_section(&b, BRIEF_NEXT_STEP, PICK(next_steps));
	must(store_brief_save(st, id, &b, &version), "brief");
	brief_free(&b);
}

static void northwind(void)
{
	/* DOMAIN.md's worked example: 79 points, tier 2, 3 AE hours, won at
	 * $58K with 3.2 actual AE hours. */
	static const int pts[PQL_FACTOR_COUNT] = { 22, 12, 20, 13, 5, 7 };
	struct store_intro_new in = { 0 };
	char id[STORE_ID_SIZE], ae[STORE_ID_SIZE], why[256];
	long long t = SAMPLE_NOW - 75 * DAY;

	in.partner = partner_ids[0];
	in.account = account_ids[0];
	in.received_at = t;
	in.contact = "VP Operations";
	in.note = "Regional SI; the customer is consolidating three plants onto one "
		  "planning system this quarter. Budget named in the FY plan.";
	in.source = "partner";
	in.external_id = "LSI-2026-0042";
	in.expected_acv = 55000;
	in.pod = pods[0];
	in.owner = spec_names[0];
	store_set_now(st, t + 3600);
	must(store_intro_add(st, &in, id), "northwind");
	store_set_now(st, t + 4 * 3600);
	must(store_intro_triage(st, id, "mapping checked: partner's customer, our prospect"),
	     "northwind triage");
	must(store_intro_score(st, id, pts, "competitive unknown: scored conservatively"),
	     "northwind score");
	must(store_intro_tier_set(st, id, 0, NULL, -1), "northwind tier");
	write_brief(id, 0, 0);
	must(store_intro_route_suggest(st, id, ae, why, sizeof why), "northwind suggest");
	must(store_intro_route(st, id, ae, why), "northwind route");
	store_set_now(st, t + DAY);
	must(store_intro_accept(st, id, NULL), "northwind accept");
	must(store_attribution_set(st, id, ROLE_SOURCING, partner_ids[0], -1), "attr");
	must(store_attribution_set(st, id, ROLE_SELLING, partner_ids[0], -1), "attr");
	must(store_attribution_set(st, id, ROLE_IMPLEMENTATION, partner_ids[0], -1), "attr");
	must(store_touchpoint_add(st, id, partner_ids[0], TOUCH_MEETING, t + 2 * DAY,
				  "joint discovery"), "touch");
	must(store_hours_log(st, id, ae, 1.5, "discovery call", t + 2 * DAY), "hours");
	must(store_hours_log(st, id, ae, 1.7, "proposal review", t + 20 * DAY), "hours");
	store_set_now(st, t + 41 * DAY);
	must(store_intro_close(st, id, 1, 58000, NULL, "signed"), "northwind close");
}

static const char *const reject_codes[] = { "duplicate", "outside_territory", "too_early",
					     "insufficient_info" };
static const char *const loss_codes[] = { "price", "lost_to_competitor", "no_decision",
					   "timing" };
static const char *const decline_codes[] = { "no_overlap", "existing_customer",
					      "insufficient_info", "duplicate" };

static const char *code_of(enum reason_kind k, const char *const *want, size_t n)
{
	/* use a seeded code when it exists, else the first code of the kind */
	static char out[STORE_NAME_SIZE];
	struct store_reason_code *codes = NULL;
	size_t cn = 0;
	const char *w = want[rng_next() % n];

	must(store_reason_code_list(st, k, &codes, &cn), "reason codes");
	out[0] = 0;
	for (size_t i = 0; i < cn; i++)
		if (strcmp(codes[i].code, w) == 0)
			snprintf(out, sizeof out, "%s", w);
	if (!out[0] && cn)
		snprintf(out, sizeof out, "%s", codes[rng_next() % cn].code);
	free(codes);
	return out;
}

/* Close rates rise with the score: about 9% at 65-70 and 40% at 80+, as the
 * calibration example of DOMAIN.md has it. */
static int win_chance(int score)
{
	return score < 64 ? 3 : (score - 62) * 22 / 10;
}

/* One intro, taken as far along its life as its age and quality allow. */
static void one_intro(int n)
{
	struct store_intro_new in = { 0 };
	struct store_intro cur;
	char id[STORE_ID_SIZE], ext[32], note[256], ae[STORE_ID_SIZE], why[256];
	int a = 1 + rng_int(0, N_ACCOUNTS - 2);
	/* most intros come from a partner that maps the account; some are speculative */
	int p = rng_chance(80) ? (a * 3 + rng_int(0, 1) * 11) % N_PARTNERS
			       : rng_int(0, N_PARTNERS - 1);
	/* strategic partners bring better intros */
	int q = rng_int(48, 98) + (partner_tiers[p] == PARTNER_STRATEGIC ? 8
				   : partner_tiers[p] == PARTNER_LONG_TAIL ? -10 : 0);
	/* the first 480 spread over the history, the rest are this fortnight's backlog */
	int age_days = n < 480 ? (int)((long long)n * (HISTORY_DAYS - 14) / 480)
		       : HISTORY_DAYS - 14 + (n - 480) * 14 / (N_INTROS - 480);
	long long t = SAMPLE_NOW - (long long)(HISTORY_DAYS - age_days) * DAY
		      - rng_int(0, 20) * 3600;
	int pts[PQL_FACTOR_COUNT], threshold;
	long long acv;

	if (q > 100)
		q = 100;
	if (q < 0)
		q = 0;
	acv = rng_chance(8) ? -1
	      : rng_chance(25) ? (long long)rng_int(5, 19) * 1000     /* tier 3 band */
	      : rng_chance(70) ? (long long)rng_int(20, 75) * 1000    /* tier 2 band */
	      : (long long)rng_int(76, 180) * 1000;                   /* tier 1 band */
	if (rng_chance(4) && acv > 0)
		acv *= 3;  /* an inflated claim: tier gaming */
	snprintf(ext, sizeof ext, "P%02d-%05d", p + 1, n + 1);
	snprintf(note, sizeof note, "%s: %s", PICK(contact_titles), PICK(pain));
	in.partner = partner_ids[p];
	in.account = account_ids[a];
	in.received_at = t;
	in.contact = PICK(contact_titles);
	in.note = note;
	in.source = rng_chance(20) ? "aws" : rng_chance(15) ? "ms" : "partner";
	in.external_id = ext;
	in.expected_acv = acv;
	in.pod = pods[account_pod[a]];
	in.owner = spec_names[account_pod[a]];
	store_set_now(st, t + 600);
	must(store_intro_add(st, &in, id), "intro");

	long long age = SAMPLE_NOW - t;
	/* The newest intros wait in new; a few old ones were missed (SLA breaches). */
	if (age < 2 * DAY || rng_chance(age < 10 * DAY ? 25 : 2))
		return;
	store_set_now(st, t + rng_int(2, 30) * 3600);
	must(store_intro_triage(st, id, NULL), "triage");
	if (rng_chance(7)) {
		must(store_intro_decline(st, id, code_of(REASON_DECLINE, decline_codes, 4),
					 "no usable overlap"), "decline");
		return;
	}
	if (age < 8 * DAY && rng_chance(45))
		return;  /* triaged, waiting for its score */
	points_for(q, pts);
	must(store_intro_score(st, id, pts, NULL), "score");
	if (rng_chance(4)) {
		char esc[STORE_ID_SIZE];
		must(store_escalate(st, id, ESC_PARTNER_PUSHBACK,
				    "partner disputes the score", esc), "escalate");
		if (age > 20 * DAY) {
			store_set_now(st, store_now(st) + 2 * DAY);
			must(store_escalation_resolve(st, esc, "desk holds the evidence-based score"),
			     "resolve");
		} else {
			return;
		}
	}
	must(store_intro_get(st, id, &cur), "get");
	must(store_dial_get(st, &threshold, NULL), "dial");
	if (cur.score < threshold) {
		must(store_intro_nurture(st, id, "below the bar"), "nurture");
		return;
	}
	if (age < 12 * DAY && rng_chance(40))
		return;  /* scored, waiting for its tier and brief */
	must(store_intro_tier_set(st, id, 0, NULL, -1), "tier");
	must(store_intro_get(st, id, &cur), "get");
	if (cur.tier == 3) {
		must(store_intro_partner_led(st, id, "tier 3: partner-led"), "partner-led");
		if (age > 45 * DAY) {
			must(store_attribution_set(st, id, ROLE_SOURCING, partner_ids[p], -1), "a");
			must(store_attribution_set(st, id, ROLE_SELLING, partner_ids[p], -1), "a");
			store_set_now(st, t + rng_int(30, 60) * DAY);
			if (rng_chance(win_chance(cur.score)))
				must(store_intro_close(st, id, 1, 0, NULL, "partner closed"), "won");
			else
				must(store_intro_close(st, id, 0, 0,
						       code_of(REASON_LOSS, loss_codes, 4), NULL),
				     "lost");
		}
		return;
	}
	write_brief(id, a, p);
	must(store_intro_route_suggest(st, id, ae, why, sizeof why), "suggest");
	must(store_intro_route(st, id, ae, why), "route");
	if (age < 16 * DAY && rng_chance(60))
		return;  /* routed, waiting for the AE */
	store_set_now(st, store_now(st) + rng_int(2, 40) * 3600);
	if (rng_chance(12)) {
		must(store_intro_reject(st, id, code_of(REASON_REJECTION, reject_codes, 4),
					"AE capacity"), "reject");
		return;
	}
	must(store_intro_accept(st, id, NULL), "accept");
	store_hours_log(st, id, ae, (double)rng_int(5, 25) / 10, "discovery call",
			store_now(st) + DAY);
	store_touchpoint_add(st, id, partner_ids[p], TOUCH_MEETING, store_now(st) + DAY, NULL);
	if (rng_chance(6) && age > 30 * DAY && age < 90 * DAY) {
		char esc[STORE_ID_SIZE];
		must(store_escalate(st, id, ESC_STALLED_DEAL, "no customer response in 3 weeks",
				    esc), "stall");
		return;
	}
	if (age < 40 * DAY)
		return;
	must(store_attribution_set(st, id, ROLE_SOURCING, partner_ids[p], -1), "attr");
	must(store_attribution_set(st, id, ROLE_SELLING, partner_ids[p], -1), "attr");
	if (rng_chance(40))
		must(store_attribution_set(st, id, ROLE_TECHNICAL_VALIDATION,
					   partner_ids[(p + 1) % N_PARTNERS], -1), "attr");
	if (rng_chance(30))
		must(store_attribution_set(st, id, ROLE_INFLUENCE,
					   partner_ids[(p + 2) % N_PARTNERS], -1), "attr");
	store_hours_log(st, id, ae, (double)rng_int(5, 30) / 10, "proposal",
			store_now(st) + 10 * DAY);
	store_set_now(st, t + rng_int(30, 70) * DAY);
	/* win probability rises with the score */
	if (rng_chance(win_chance(cur.score))) {
		long long won = acv > 0 ? acv + (long long)rng_int(-5, 8) * 1000 : 0;
		must(store_intro_close(st, id, 1, won, NULL, "signed"), "won");
	} else {
		must(store_intro_close(st, id, 0, 0, code_of(REASON_LOSS, loss_codes, 4), NULL),
		     "lost");
	}
}

/* A few open channel conflicts and territory collisions to de-conflict. */
static void conflicts(void)
{
	for (int i = 0; i < 6; i++) {
		struct store_intro_new in = { 0 };
		char id[STORE_ID_SIZE], ext[32];
		int a = 10 + i * 37;
		snprintf(ext, sizeof ext, "CX-%03d", i + 1);
		in.partner = partner_ids[(i * 5 + 3) % N_PARTNERS];
		in.account = account_ids[a];
		in.received_at = SAMPLE_NOW - (3 + i) * DAY;
		in.contact = "CIO";
		in.note = "Second partner on an account already in play.";
		in.external_id = ext;
		in.expected_acv = 40000 + i * 15000;
		in.pod = pods[account_pod[a]];
		store_set_now(st, in.received_at + 600);
		must(store_intro_add(st, &in, id), "conflict intro");
		snprintf(ext, sizeof ext, "CY-%03d", i + 1);
		in.partner = partner_ids[(i * 5 + 9) % N_PARTNERS];
		in.received_at += DAY;
		in.external_id = ext;
		store_set_now(st, in.received_at + 600);
		must(store_intro_add(st, &in, id), "conflict intro");
		if (i < 3) {
			char esc[STORE_ID_SIZE];
			store_set_now(st, in.received_at + 3600);
			must(store_escalate(st, id, ESC_CHANNEL_CONFLICT,
					    "two partners registered the same account", esc),
			     "channel");
		}
	}
}

int main(int argc, char **argv)
{
	struct store_options opt = { 0 };
	char err[512];

	if (argc != 2) {
		fprintf(stderr, "usage: gen-sample OUTPUT.db\n");
		return 64;
	}
	remove(argv[1]);
	opt.create = 1;
	if (store_open(argv[1], &opt, &st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "gen-sample: %s\n", err);
		return 74;
	}
	store_set_id_seed(st, 20261127);
	store_set_actor(st, "desk-east");
	store_set_now(st, SAMPLE_NOW - (HISTORY_DAYS + 5) * DAY);
	must(store_begin(st), "begin");
	make_people();
	make_partners();
	make_accounts();
	make_overlaps();
	must(store_commit(st), "commit");
	for (int n = 0; n < N_INTROS - 13; n++) {
		/* Last quarter AE time was slack and the lead held the bar at 62;
		 * this quarter it went back to 70. Calibration sees both. */
		if (n == 0 || n == 260) {
			store_set_actor(st, "desk-lead");
			store_set_now(st, SAMPLE_NOW - (n ? 92 : HISTORY_DAYS + 1) * DAY);
			must(store_dial_set(st, n ? 70 : 62, NULL, NULL, NULL), "dial");
		}
		store_set_actor(st, spec_names[n % 3]);
		one_intro(n);
	}
	store_set_actor(st, "desk-east");
	northwind();
	conflicts();
	if (store_close(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "gen-sample: %s\n", err);
		return 74;
	}
	return 0;
}
