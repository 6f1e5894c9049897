/* store_fixture.h - a small desk in a temporary directory for the store's
 * unit tests: two pods, three AEs, three partners, three accounts. */
#ifndef COSELLDESK_STORE_FIXTURE_H
#define COSELLDESK_STORE_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_util.h"
#include "coselldesk/store.h"

#define FX_NOW 1700000000LL   /* 2023-11-14, pinned */
#define FX_DAY 86400LL

struct fx {
	char dir[64];
	char path[128];
	struct store *st;
	char pod_east[STORE_ID_SIZE], pod_west[STORE_ID_SIZE];
	char ds_east[STORE_ID_SIZE], ds_west[STORE_ID_SIZE];
	char ae1[STORE_ID_SIZE], ae2[STORE_ID_SIZE], ae_west[STORE_ID_SIZE];
	char rsi[STORE_ID_SIZE], cloud[STORE_ID_SIZE], tail[STORE_ID_SIZE];
	char northwind[STORE_ID_SIZE], contoso[STORE_ID_SIZE], fabrikam[STORE_ID_SIZE];
};

/* Assert OK, printing the store's message when not. */
#define OK(f, call) do { \
	enum store_status ok_rc_ = (call); \
	if (ok_rc_ != STORE_OK) \
		print_message("%s:%d: %s -> %s: %s\n", __FILE__, __LINE__, #call, \
			      store_status_name(ok_rc_), store_errmsg((f)->st)); \
	assert_int_equal(ok_rc_, STORE_OK); \
} while (0)

static inline void fx_tmpdir(struct fx *f)
{
	snprintf(f->dir, sizeof f->dir, "/tmp/cdesk-test-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof f->path, "%s/desk.db", f->dir);
}

static inline void fx_open_path(struct fx *f, int create)
{
	struct store_options o;
	char err[STORE_MSG_SIZE];
	enum store_status rc;
	memset(&o, 0, sizeof o);
	o.create = create;
	rc = store_open(f->path, &o, &f->st, err, sizeof err);
	if (rc != STORE_OK)
		print_message("open: %s\n", err);
	assert_int_equal(rc, STORE_OK);
	store_set_now(f->st, FX_NOW);
	store_set_actor(f->st, "tester");
}

static inline void fx_rm(struct fx *f)
{
	char p[192];
	snprintf(p, sizeof p, "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", f->path);
	unlink(p);
	unlink(f->path);
	rmdir(f->dir);
}

static inline void fx_close(struct fx *f)
{
	char err[STORE_MSG_SIZE];
	if (f->st)
		assert_int_equal(store_close(f->st, err, sizeof err), STORE_OK);
	f->st = NULL;
}

static inline void fx_ae(struct fx *f, const char *name, const char *pod, char *id)
{
	struct store_ae a;
	memset(&a, 0, sizeof a);
	snprintf(a.name, sizeof a.name, "%s", name);
	snprintf(a.pod_id, sizeof a.pod_id, "%s", pod);
	a.selling_hours = 13;
	a.active = 1;
	OK(f, store_ae_ensure(f->st, &a, id, NULL));
}

static inline void fx_partner(struct fx *f, const char *name, enum partner_tier t, char *id)
{
	struct store_partner p;
	memset(&p, 0, sizeof p);
	snprintf(p.name, sizeof p.name, "%s", name);
	p.tier = t;
	OK(f, store_partner_ensure(f->st, &p, id, NULL));
}

static inline void fx_account(struct fx *f, const char *name, const char *domain,
			      const char *owner, int strategic, char *id)
{
	struct store_account a;
	memset(&a, 0, sizeof a);
	snprintf(a.name, sizeof a.name, "%s", name);
	snprintf(a.domain, sizeof a.domain, "%s", domain);
	snprintf(a.owner_ae_id, sizeof a.owner_ae_id, "%s", owner ? owner : "");
	a.employees = 800;
	a.strategic = strategic;
	OK(f, store_account_ensure(f->st, &a, id, NULL));
}

static inline void fx_overlap(struct fx *f, const char *partner, const char *account,
			      enum population ours, enum population theirs)
{
	struct store_overlap o;
	memset(&o, 0, sizeof o);
	snprintf(o.partner_id, sizeof o.partner_id, "%s", partner);
	snprintf(o.account_id, sizeof o.account_id, "%s", account);
	o.ours = ours;
	o.partners = theirs;
	o.stakeholders = 3;
	o.refreshed_at = FX_NOW - 10 * FX_DAY;
	OK(f, store_overlap_set(f->st, &o));
}

/* A new desk with the reference data. */
static inline void fx_setup(struct fx *f)
{
	memset(f, 0, sizeof *f);
	fx_tmpdir(f);
	fx_open_path(f, 1);
	OK(f, store_pod_ensure(f->st, "east", f->pod_east, NULL));
	OK(f, store_pod_ensure(f->st, "west", f->pod_west, NULL));
	OK(f, store_specialist_ensure(f->st, "Desk East", "east", f->ds_east, NULL));
	OK(f, store_specialist_ensure(f->st, "Desk West", "west", f->ds_west, NULL));
	fx_ae(f, "Avery East", "east", f->ae1);
	fx_ae(f, "Blake East", "east", f->ae2);
	fx_ae(f, "Casey West", "west", f->ae_west);
	fx_partner(f, "Regional Systems Integrator", PARTNER_GROWTH, f->rsi);
	fx_partner(f, "Cloud Partner", PARTNER_STRATEGIC, f->cloud);
	fx_partner(f, "Tail Reseller", PARTNER_LONG_TAIL, f->tail);
	fx_account(f, "Northwind Manufacturing", "northwind.example", "Avery East", 0, f->northwind);
	fx_account(f, "Contoso Retail", "contoso.example", NULL, 1, f->contoso);
	fx_account(f, "Fabrikam", "fabrikam.example", "Casey West", 0, f->fabrikam);
	fx_overlap(f, f->rsi, f->northwind, POP_PROSPECT, POP_CUSTOMER);
	fx_overlap(f, f->cloud, f->contoso, POP_CUSTOMER, POP_CUSTOMER);
}

static inline void fx_teardown(struct fx *f)
{
	fx_close(f);
	fx_rm(f);
}

/* Add an intro; pod "" lets the store choose. */
static inline void fx_intro(struct fx *f, const char *partner, const char *account,
			    long long received, long long acv, const char *pod, char *id)
{
	struct store_intro_new n;
	memset(&n, 0, sizeof n);
	n.partner = partner;
	n.account = account;
	n.received_at = received;
	n.contact = "VP Operations";
	n.note = "active project this quarter";
	n.expected_acv = acv;
	n.pod = pod;
	OK(f, store_intro_add(f->st, &n, id));
}

/* Northwind's points: 22/12/20/13/5/7 = 79. */
static const int fx_northwind_points[PQL_FACTOR_COUNT] = { 22, 12, 20, 13, 5, 7 };

#endif
