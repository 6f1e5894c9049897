/* make-desk-v1.c - how tests/data/desk-v1.db was first written: the store
 * stopped at schema version 1 (store_options.target_version) recording a
 * small desk through the public API. Kept for the record; the file itself
 * is rebuilt from desk-v1.sql (see desk-v1.README).
 *
 *   cc -std=c11 -Iinclude -o make-desk-v1 tests/data/make-desk-v1.c \
 *      build/libcoselldesk.a -lsqlite3 -lm && ./make-desk-v1 /tmp/desk-v1.db
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/store.h"

static struct store *st;

static void must(enum store_status rc, int line)
{
	if (rc != STORE_OK) {
		fprintf(stderr, "make-desk-v1:%d: %s\n", line, store_errmsg(st));
		exit(1);
	}
}
#define MUST(call) must((call), __LINE__)

int main(int argc, char **argv)
{
	struct store_options o;
	struct store_ae ae;
	struct store_partner p;
	struct store_account ac;
	struct store_overlap ov;
	struct store_intro_new n;
	struct brief b;
	char err[STORE_MSG_SIZE], pod[STORE_ID_SIZE], ds[STORE_ID_SIZE], ae1[STORE_ID_SIZE],
	     ae2[STORE_ID_SIZE], rsi[STORE_ID_SIZE], cloud[STORE_ID_SIZE], northwind[STORE_ID_SIZE],
	     contoso[STORE_ID_SIZE], in1[STORE_ID_SIZE], in2[STORE_ID_SIZE], in3[STORE_ID_SIZE],
	     esc[STORE_ID_SIZE];
	const int points[PQL_FACTOR_COUNT] = { 22, 12, 20, 13, 5, 7 };
	int version;

	if (argc != 2) {
		fprintf(stderr, "usage: make-desk-v1 NEW-FILE\n");
		return 64;
	}
	memset(&o, 0, sizeof o);
	o.create = 1;
	o.target_version = 1;
	if (store_open(argv[1], &o, &st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "make-desk-v1: %s\n", err);
		return 1;
	}
	store_set_now(st, 1700000000);
	store_set_actor(st, "desk-v1");

	MUST(store_pod_ensure(st, "east", pod, NULL));
	MUST(store_specialist_ensure(st, "Desk East", pod, ds, NULL));
	memset(&ae, 0, sizeof ae);
	strcpy(ae.name, "AE One");
	strcpy(ae.pod_id, "east");
	ae.selling_hours = 13;
	ae.active = 1;
	MUST(store_ae_ensure(st, &ae, ae1, NULL));
	strcpy(ae.name, "AE Two");
	MUST(store_ae_ensure(st, &ae, ae2, NULL));

	memset(&p, 0, sizeof p);
	strcpy(p.name, "Regional Systems Integrator");
	p.tier = PARTNER_GROWTH;
	MUST(store_partner_ensure(st, &p, rsi, NULL));
	strcpy(p.name, "Cloud Marketplace Partner");
	p.tier = PARTNER_STRATEGIC;
	MUST(store_partner_ensure(st, &p, cloud, NULL));

	memset(&ac, 0, sizeof ac);
	strcpy(ac.name, "Northwind Manufacturing");
	strcpy(ac.domain, "northwind.example");
	strcpy(ac.industry, "manufacturing");
	strcpy(ac.owner_ae_id, "AE One");
	ac.employees = 1200;
	MUST(store_account_ensure(st, &ac, northwind, NULL));
	memset(&ac, 0, sizeof ac);
	strcpy(ac.name, "Contoso Retail");
	strcpy(ac.domain, "contoso.example");
	ac.employees = -1;
	ac.strategic = 1;
	MUST(store_account_ensure(st, &ac, contoso, NULL));

	memset(&ov, 0, sizeof ov);
	strcpy(ov.partner_id, rsi);
	strcpy(ov.account_id, northwind);
	ov.ours = POP_PROSPECT;
	ov.partners = POP_CUSTOMER;
	ov.stakeholders = 4;
	strcpy(ov.partner_contact, "partner owner");
	ov.refreshed_at = 1699000000;
	MUST(store_overlap_set(st, &ov));

	memset(&n, 0, sizeof n);
	n.partner = rsi;
	n.account = northwind;
	n.received_at = 1699900000;
	n.contact = "VP Operations";
	n.note = "budget this quarter";
	n.external_id = "O1234";
	n.expected_acv = 55000;
	MUST(store_intro_add(st, &n, in1));
	n.partner = cloud;
	n.external_id = NULL;
	n.expected_acv = -1;
	n.received_at = 1699950000;
	MUST(store_intro_add(st, &n, in2));
	n.account = contoso;
	n.expected_acv = 120000;
	n.received_at = 1699960000;
	MUST(store_intro_add(st, &n, in3));

	MUST(store_intro_score(st, in1, points, "northwind"));
	MUST(store_intro_tier_set(st, in1, 0, NULL, -1));
	MUST(store_attribution_set(st, in1, ROLE_SOURCING, rsi, -1));
	MUST(store_attribution_set(st, in1, ROLE_SELLING, rsi, -1));
	MUST(store_intro_route(st, in1, "AE One", NULL));
	MUST(store_hours_log(st, in1, "AE One", 3.2, "discovery", 1699990000));
	MUST(store_touchpoint_add(st, in1, rsi, TOUCH_MEETING, 1699980000, "kickoff"));
	MUST(store_escalate(st, in2, ESC_CHANNEL_CONFLICT, "two partners on one account", esc));
	brief_init(&b);
	brief_set_section(&b, BRIEF_NEXT_STEP, "joint call");
	MUST(store_brief_save(st, in1, &b, &version));
	brief_free(&b);
	if (store_close(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "make-desk-v1: %s\n", err);
		return 1;
	}
	return 0;
}
