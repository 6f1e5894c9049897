/* reference.c - the desk's reference data: pods, desk specialists, AEs,
 * partners, accounts and the account-mapping overlaps between them.
 *
 * "Ensure" finds a row by its natural key (name, or an account's domain) or
 * creates it, so importers and the sample generator can call it for every
 * line without creating doubles. It never changes an existing row. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* ---- row readers ---- */

static void pod_row(sqlite3_stmt *s, void *elem)
{
	struct store_pod *p = elem;
	sq_column_text(s, 0, p->id, sizeof p->id);
	sq_column_text(s, 1, p->name, sizeof p->name);
}

static void specialist_row(sqlite3_stmt *s, void *elem)
{
	struct store_specialist *p = elem;
	sq_column_text(s, 0, p->id, sizeof p->id);
	sq_column_text(s, 1, p->name, sizeof p->name);
	sq_column_text(s, 2, p->pod_id, sizeof p->pod_id);
}

static void ae_row(sqlite3_stmt *s, void *elem)
{
	struct store_ae *a = elem;
	sq_column_text(s, 0, a->id, sizeof a->id);
	sq_column_text(s, 1, a->name, sizeof a->name);
	sq_column_text(s, 2, a->email, sizeof a->email);
	sq_column_text(s, 3, a->pod_id, sizeof a->pod_id);
	a->selling_hours = sqlite3_column_double(s, 4);
	a->active = sqlite3_column_int(s, 5);
}

static void partner_row(sqlite3_stmt *s, void *elem)
{
	struct store_partner *p = elem;
	char tier[32];
	int t;
	sq_column_text(s, 0, p->id, sizeof p->id);
	sq_column_text(s, 1, p->name, sizeof p->name);
	sq_column_text(s, 2, p->domain, sizeof p->domain);
	sq_column_text(s, 3, tier, sizeof tier);
	t = domain_partner_tier_from_name(tier);
	p->tier = t < 0 ? PARTNER_GROWTH : (enum partner_tier)t;
	p->won_count = (long)sqlite3_column_int64(s, 4);
	p->avg_won_acv = sq_column_int(s, 5, -1);
	p->median_won_acv = sq_column_int(s, 6, -1);
}

static void account_row(sqlite3_stmt *s, void *elem)
{
	struct store_account *a = elem;
	sq_column_text(s, 0, a->id, sizeof a->id);
	sq_column_text(s, 1, a->name, sizeof a->name);
	sq_column_text(s, 2, a->domain, sizeof a->domain);
	sq_column_text(s, 3, a->region, sizeof a->region);
	sq_column_text(s, 4, a->industry, sizeof a->industry);
	sq_column_text(s, 5, a->country, sizeof a->country);
	a->employees = (long)sq_column_int(s, 6, -1);
	a->strategic = sqlite3_column_int(s, 7);
	sq_column_text(s, 8, a->owner_ae_id, sizeof a->owner_ae_id);
}

#define POD_COLS "id, name"
#define SPECIALIST_COLS "id, name, pod_id"
#define AE_COLS "id, name, email, pod_id, selling_hours, active"
#define PARTNER_COLS "id, name, domain, tier, won_count, avg_won_acv, median_won_acv"
#define ACCOUNT_COLS "id, name, domain, region, industry, country, employees, strategic, owner_ae_id"
#define POD_BY_ID "SELECT " POD_COLS " FROM pods WHERE id = ?1"
#define SPECIALIST_BY_ID "SELECT " SPECIALIST_COLS " FROM specialists WHERE id = ?1"
#define AE_BY_ID "SELECT " AE_COLS " FROM aes WHERE id = ?1"
#define PARTNER_BY_ID "SELECT " PARTNER_COLS " FROM partners WHERE id = ?1"
#define ACCOUNT_BY_ID "SELECT " ACCOUNT_COLS " FROM accounts WHERE id = ?1"

/* Read exactly one row of sql(?1 = id) with fill. */
static enum store_status load_one(struct store *st, const char *sql, const char *id,
				  sq_row_fn fill, void *out, const char *noun)
{
	sqlite3_stmt *s = sq_prepare(st, sql);
	enum store_status rc = STORE_OK;
	int r;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, id);
	r = sq_step(st, s, "read");
	if (r == SQLITE_ROW)
		fill(s, out);
	else if (r == SQLITE_DONE)
		rc = store_fail(st, STORE_NOT_FOUND, "no %s %s", noun, id);
	else
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

/* A record named by the user (handle, id or name): *out zeroed, then the
 * one row of sql (?1 = its id) read with fill. */
static enum store_status get_named(struct store *st, enum store_kind kind, const char *name,
				   const char *sql, sq_row_fn fill, void *out, size_t size,
				   const char *noun)
{
	char id[STORE_ID_SIZE];
	enum store_status rc;

	store_clear_error(st);
	memset(out, 0, size);
	rc = resolve_id(st, kind, name, id);
	if (rc != STORE_OK)
		return rc;
	return load_one(st, sql, id, fill, out, noun);
}

/* Execute a prepared write with its bindings already made. */
static enum store_status run(struct store *st, sqlite3_stmt *s, const char *what)
{
	enum store_status rc = STORE_OK;
	if (sq_step(st, s, what) != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

static enum store_status check_name(struct store *st, const char *what, const char *name)
{
	if (!name || !*name)
		return store_fail(st, STORE_INVALID, "%s: a name is required", what);
	return check_len(st, what, name, STORE_NAME_SIZE - 1);
}

/* An optional reference given by handle or name: "" or NULL stays "". */
static enum store_status optional_ref(struct store *st, enum store_kind k, const char *text,
				      char *id_out)
{
	id_out[0] = '\0';
	if (!text || !*text)
		return STORE_OK;
	return resolve_id(st, k, text, id_out);
}

/* ---- pods and specialists ---- */

enum store_status store_pod_ensure(struct store *st, const char *name, char *id_out,
				   int *created)
{
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (created)
		*created = 0;
	rc = check_name(st, "pod", name);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_POD, name, id_out);
	if (rc == STORE_NOT_FOUND) {
		store_clear_error(st);
		id_new(st, id_out);
		s = sq_prepare(st, "INSERT INTO pods (id, name, created_at) VALUES (?1, ?2, ?3)");
		if (!s)
			return tx_end(st, sq_last(st));
		sq_bind_text(s, 1, id_out);
		sq_bind_text(s, 2, name);
		sqlite3_bind_int64(s, 3, st_now(st));
		rc = run(st, s, "add pod");
		if (rc == STORE_OK)
			rc = audit_write(st, "pod", id_out, "created", NULL, name, NULL);
		if (rc == STORE_OK && created)
			*created = 1;
	}
	return tx_end(st, rc);
}

enum store_status store_specialist_ensure(struct store *st, const char *name,
					  const char *pod, char *id_out, int *created)
{
	char pod_id[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (created)
		*created = 0;
	rc = check_name(st, "desk specialist", name);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_SPECIALIST, name, id_out);
	if (rc == STORE_NOT_FOUND) {
		store_clear_error(st);
		rc = optional_ref(st, STORE_KIND_POD, pod, pod_id);
		if (rc != STORE_OK)
			return tx_end(st, rc);
		id_new(st, id_out);
		s = sq_prepare(st, "INSERT INTO specialists (id, name, pod_id, created_at)"
				   " VALUES (?1, ?2, ?3, ?4)");
		if (!s)
			return tx_end(st, sq_last(st));
		sq_bind_text(s, 1, id_out);
		sq_bind_text(s, 2, name);
		sq_bind_text_or_null(s, 3, pod_id);
		sqlite3_bind_int64(s, 4, st_now(st));
		rc = run(st, s, "add desk specialist");
		if (rc == STORE_OK)
			rc = audit_write(st, "specialist", id_out, "created", NULL, name, NULL);
		if (rc == STORE_OK && created)
			*created = 1;
	}
	return tx_end(st, rc);
}

/* ---- AEs ---- */

enum store_status store_ae_ensure(struct store *st, const struct store_ae *in,
				  char *id_out, int *created)
{
	char pod_id[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (created)
		*created = 0;
	rc = check_name(st, "AE", in->name);
	if (rc != STORE_OK)
		return rc;
	if (in->selling_hours < 0 || in->selling_hours > 80)
		return store_fail(st, STORE_INVALID, "AE %s: %.1f selling hours a week is outside 0-80",
				  in->name, in->selling_hours);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_AE, in->name, id_out);
	if (rc == STORE_NOT_FOUND) {
		store_clear_error(st);
		rc = optional_ref(st, STORE_KIND_POD, in->pod_id, pod_id);
		if (rc != STORE_OK)
			return tx_end(st, rc);
		id_new(st, id_out);
		s = sq_prepare(st, "INSERT INTO aes (id, name, email, pod_id, selling_hours, active,"
				   " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
		if (!s)
			return tx_end(st, sq_last(st));
		sq_bind_text(s, 1, id_out);
		sq_bind_text(s, 2, in->name);
		sq_bind_text_or_null(s, 3, in->email);
		sq_bind_text_or_null(s, 4, pod_id);
		sqlite3_bind_double(s, 5, in->selling_hours);
		sqlite3_bind_int(s, 6, in->active ? 1 : 0);
		sqlite3_bind_int64(s, 7, st_now(st));
		rc = run(st, s, "add AE");
		if (rc == STORE_OK)
			rc = audit_write(st, "ae", id_out, "created", NULL, in->name, NULL);
		if (rc == STORE_OK && created)
			*created = 1;
	}
	return tx_end(st, rc);
}

enum store_status store_ae_set_active(struct store *st, const char *ae, int active)
{
	struct store_ae a;
	char id[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_AE, ae, id);
	if (rc == STORE_OK)
		rc = load_one(st, AE_BY_ID, id, ae_row, &a, "AE");
	if (rc != STORE_OK || a.active == (active ? 1 : 0))
		return tx_end(st, rc);
	s = sq_prepare(st, "UPDATE aes SET active = ?2 WHERE id = ?1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sqlite3_bind_int(s, 2, active ? 1 : 0);
	rc = run(st, s, "set AE active");
	if (rc == STORE_OK)
		rc = audit_write_int(st, "ae", id, "active", a.active, 0, active ? 1 : 0, 0, NULL);
	return tx_end(st, rc);
}

/* ---- partners ---- */

enum store_status store_partner_ensure(struct store *st, const struct store_partner *in,
				       char *id_out, int *created)
{
	const char *tier = domain_partner_tier_name(in->tier);
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (created)
		*created = 0;
	rc = check_name(st, "partner", in->name);
	if (rc == STORE_OK)
		rc = check_len(st, "partner domain", in->domain, STORE_NAME_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	if (!tier)
		return store_fail(st, STORE_INVALID, "partner %s: unknown partner tier %d", in->name,
				  (int)in->tier);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_PARTNER, in->name, id_out);
	if (rc == STORE_NOT_FOUND) {
		long long now = st_now(st);
		store_clear_error(st);
		id_new(st, id_out);
		s = sq_prepare(st, "INSERT INTO partners (id, name, domain, tier, created_at,"
				   " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)");
		if (!s)
			return tx_end(st, sq_last(st));
		sq_bind_text(s, 1, id_out);
		sq_bind_text(s, 2, in->name);
		sq_bind_text_or_null(s, 3, in->domain);
		sq_bind_text(s, 4, tier);
		sqlite3_bind_int64(s, 5, now);
		rc = run(st, s, "add partner");
		if (rc == STORE_OK)
			rc = audit_write(st, "partner", id_out, "created", NULL, in->name, NULL);
		if (rc == STORE_OK && created)
			*created = 1;
	}
	return tx_end(st, rc);
}

enum store_status partner_load(struct store *st, const char *id, struct store_partner *out)
{
	memset(out, 0, sizeof *out);
	return load_one(st, PARTNER_BY_ID, id, partner_row, out, "partner");
}

enum store_status store_partner_set_tier(struct store *st, const char *partner,
					 enum partner_tier tier, const char *reason)
{
	struct store_partner p;
	char id[STORE_ID_SIZE];
	const char *name = domain_partner_tier_name(tier);
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (!name)
		return store_fail(st, STORE_INVALID, "unknown partner tier %d", (int)tier);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_PARTNER, partner, id);
	if (rc == STORE_OK)
		rc = partner_load(st, id, &p);
	if (rc != STORE_OK || p.tier == tier)
		return tx_end(st, rc);
	s = sq_prepare(st, "UPDATE partners SET tier = ?2, updated_at = ?3 WHERE id = ?1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sq_bind_text(s, 2, name);
	sqlite3_bind_int64(s, 3, st_now(st));
	rc = run(st, s, "set partner tier");
	if (rc == STORE_OK)
		rc = audit_write(st, "partner", id, "tier", domain_partner_tier_name(p.tier), name,
				 reason);
	return tx_end(st, rc);
}

/* Count, average and median of the partner's won ACVs, cached on the row so
 * the queue's tier-gaming flag costs nothing. Called after every close and
 * every undo that touches an outcome. */
enum store_status partner_refresh_stats(struct store *st, const char *partner_id)
{
	sqlite3_stmt *s = sq_prepare(st, "SELECT ifnull(actual_acv, expected_acv) FROM intros"
				     " WHERE partner_id = ?1 AND state = 'won'"
				     " AND ifnull(actual_acv, expected_acv) IS NOT NULL");
	long *vals = NULL;
	size_t n = 0, cap = 0;
	long long sum = 0;
	enum store_status rc = STORE_OK;
	int r;

	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, partner_id);
	while ((r = sq_step(st, s, "read won deals")) == SQLITE_ROW) {
		if (grow_array((void **)&vals, &cap, n, sizeof *vals) != 0) {
			rc = store_fail(st, STORE_INTERNAL, "out of memory");
			break;
		}
		vals[n] = (long)sqlite3_column_int64(s, 0);
		sum += vals[n];
		n++;
	}
	if (rc == STORE_OK && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	if (rc == STORE_OK) {
		s = sq_prepare(st, "UPDATE partners SET won_count = ?2, avg_won_acv = ?3,"
			       " median_won_acv = ?4 WHERE id = ?1");
		if (!s) {
			free(vals);
			return sq_last(st);
		}
		sq_bind_text(s, 1, partner_id);
		sqlite3_bind_int64(s, 2, (long long)n);
		sq_bind_int_or_null(s, 3, n ? (sum + (long long)n / 2) / (long long)n : 0, n == 0);
		sq_bind_int_or_null(s, 4, n ? tier_median(vals, n) : 0, n == 0);
		rc = run(st, s, "refresh partner history");
	}
	free(vals);
	return rc;
}

/* ---- accounts ---- */

enum store_status store_account_ensure(struct store *st, const struct store_account *in,
				       char *id_out, int *created)
{
	char owner[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;
	int r;

	store_clear_error(st);
	if (created)
		*created = 0;
	rc = check_name(st, "account", in->name);
	if (rc == STORE_OK)
		rc = check_len(st, "account domain", in->domain, STORE_NAME_SIZE - 1);
	if (rc == STORE_OK)
		rc = check_len(st, "account region", in->region, STORE_NAME_SIZE - 1);
	if (rc == STORE_OK)
		rc = check_len(st, "account industry", in->industry, STORE_NAME_SIZE - 1);
	if (rc == STORE_OK)
		rc = check_len(st, "account country", in->country, STORE_NAME_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	/* by domain when given, else by name among accounts without one */
	if (in->domain[0])
		s = sq_prepare(st, "SELECT id FROM accounts WHERE domain = ?2 UNION ALL"
			       " SELECT id FROM accounts WHERE name = ?1 AND domain IS NULL LIMIT 1");
	else
		s = sq_prepare(st, "SELECT id FROM accounts WHERE name = ?1"
			       " ORDER BY domain IS NOT NULL, created_at LIMIT 1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, in->name);
	if (in->domain[0])
		sq_bind_text(s, 2, in->domain);
	r = sq_step(st, s, "find account");
	if (r == SQLITE_ROW) {
		sq_column_text(s, 0, id_out, STORE_ID_SIZE);
		sq_release(st, s);
		return tx_end(st, STORE_OK);
	}
	sq_release(st, s);
	if (r != SQLITE_DONE)
		return tx_end(st, sq_last(st));

	rc = optional_ref(st, STORE_KIND_AE, in->owner_ae_id, owner);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	id_new(st, id_out);
	s = sq_prepare(st, "INSERT INTO accounts (id, name, domain, region, industry, country,"
		       " employees, strategic, owner_ae_id, created_at, updated_at)"
		       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id_out);
	sq_bind_text(s, 2, in->name);
	sq_bind_text_or_null(s, 3, in->domain);
	sq_bind_text_or_null(s, 4, in->region);
	sq_bind_text_or_null(s, 5, in->industry);
	sq_bind_text_or_null(s, 6, in->country);
	sq_bind_int_or_null(s, 7, in->employees, in->employees < 0);
	sqlite3_bind_int(s, 8, in->strategic ? 1 : 0);
	sq_bind_text_or_null(s, 9, owner);
	sqlite3_bind_int64(s, 10, st_now(st));
	rc = run(st, s, "add account");
	if (rc == STORE_OK)
		rc = audit_write(st, "account", id_out, "created", NULL, in->name, NULL);
	if (rc == STORE_OK && created)
		*created = 1;
	return tx_end(st, rc);
}

static enum store_status account_load(struct store *st, const char *id, struct store_account *out)
{
	memset(out, 0, sizeof *out);
	return load_one(st, ACCOUNT_BY_ID, id, account_row, out, "account");
}

enum store_status store_account_set_owner(struct store *st, const char *account,
					  const char *ae)
{
	struct store_account a;
	char id[STORE_ID_SIZE], owner[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_ACCOUNT, account, id);
	if (rc == STORE_OK)
		rc = optional_ref(st, STORE_KIND_AE, ae, owner);
	if (rc == STORE_OK)
		rc = account_load(st, id, &a);
	if (rc != STORE_OK || strcmp(a.owner_ae_id, owner) == 0)
		return tx_end(st, rc);
	s = sq_prepare(st, "UPDATE accounts SET owner_ae_id = ?2, updated_at = ?3 WHERE id = ?1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sq_bind_text_or_null(s, 2, owner);
	sqlite3_bind_int64(s, 3, st_now(st));
	rc = run(st, s, "set territory owner");
	if (rc == STORE_OK)
		rc = audit_write(st, "account", id, "owner_ae_id", a.owner_ae_id[0] ? a.owner_ae_id : NULL,
				 owner[0] ? owner : NULL, NULL);
	return tx_end(st, rc);
}

enum store_status store_account_set_strategic(struct store *st, const char *account,
					      int strategic)
{
	struct store_account a;
	char id[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_ACCOUNT, account, id);
	if (rc == STORE_OK)
		rc = account_load(st, id, &a);
	if (rc != STORE_OK || a.strategic == (strategic ? 1 : 0))
		return tx_end(st, rc);
	s = sq_prepare(st, "UPDATE accounts SET strategic = ?2, updated_at = ?3 WHERE id = ?1");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, id);
	sqlite3_bind_int(s, 2, strategic ? 1 : 0);
	sqlite3_bind_int64(s, 3, st_now(st));
	rc = run(st, s, "set strategic");
	if (rc == STORE_OK)
		rc = audit_write_int(st, "account", id, "strategic", a.strategic, 0,
				     strategic ? 1 : 0, 0, NULL);
	return tx_end(st, rc);
}

/* ---- overlaps ---- */

static void overlap_row(sqlite3_stmt *s, void *elem)
{
	struct store_overlap *o = elem;
	char buf[32];
	int v;
	sq_column_text(s, 0, o->partner_id, sizeof o->partner_id);
	sq_column_text(s, 1, o->account_id, sizeof o->account_id);
	sq_column_text(s, 2, buf, sizeof buf);
	v = domain_population_from_name(buf);
	o->ours = v < 0 ? POP_NONE : (enum population)v;
	sq_column_text(s, 3, buf, sizeof buf);
	v = domain_population_from_name(buf);
	o->partners = v < 0 ? POP_NONE : (enum population)v;
	o->stakeholders = (int)sq_column_int(s, 4, -1);
	sq_column_text(s, 5, o->partner_contact, sizeof o->partner_contact);
	o->refreshed_at = sq_column_int(s, 6, 0);
	sq_column_text(s, 7, buf, sizeof buf);
	v = domain_signal_from_name(buf);
	o->signal = v < 0 ? SIGNAL_NONE : (enum mapping_signal)v;
}

enum store_status store_overlap_set(struct store *st, const struct store_overlap *in)
{
	char pid[STORE_ID_SIZE], aid[STORE_ID_SIZE];
	const char *ours = domain_population_name(in->ours);
	const char *theirs = domain_population_name(in->partners);
	enum mapping_signal sig = domain_signal_of(in->ours, in->partners);
	char summary[STORE_TEXT_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;

	store_clear_error(st);
	if (!ours || !theirs)
		return store_fail(st, STORE_INVALID, "overlap: unknown population");
	if (in->stakeholders > 100000)
		return store_fail(st, STORE_INVALID, "overlap: %d stakeholders is not believable",
				  in->stakeholders);
	rc = check_len(st, "overlap partner contact", in->partner_contact, STORE_NAME_SIZE - 1);
	if (rc != STORE_OK)
		return rc;
	rc = tx_begin(st);
	if (rc != STORE_OK)
		return rc;
	rc = resolve_id(st, STORE_KIND_PARTNER, in->partner_id, pid);
	if (rc == STORE_OK)
		rc = resolve_id(st, STORE_KIND_ACCOUNT, in->account_id, aid);
	if (rc != STORE_OK)
		return tx_end(st, rc);
	s = sq_prepare(st, "INSERT INTO overlaps (partner_id, account_id, our_population,"
		       " partner_population, stakeholders, partner_contact, refreshed_at, signal,"
		       " updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
		       " ON CONFLICT (partner_id, account_id) DO UPDATE SET"
		       " our_population = excluded.our_population,"
		       " partner_population = excluded.partner_population,"
		       " stakeholders = excluded.stakeholders,"
		       " partner_contact = excluded.partner_contact,"
		       " refreshed_at = excluded.refreshed_at, signal = excluded.signal,"
		       " updated_at = excluded.updated_at");
	if (!s)
		return tx_end(st, sq_last(st));
	sq_bind_text(s, 1, pid);
	sq_bind_text(s, 2, aid);
	sq_bind_text(s, 3, ours);
	sq_bind_text(s, 4, theirs);
	sq_bind_int_or_null(s, 5, in->stakeholders, in->stakeholders < 0);
	sq_bind_text_or_null(s, 6, in->partner_contact);
	sq_bind_int_or_null(s, 7, in->refreshed_at, in->refreshed_at <= 0);
	sq_bind_text(s, 8, domain_signal_name(sig));
	sqlite3_bind_int64(s, 9, st_now(st));
	rc = run(st, s, "set overlap");
	snprintf(summary, sizeof summary, "%s/%s", ours, theirs);
	if (rc == STORE_OK)
		rc = audit_write(st, "overlap", aid, pid, NULL, summary, NULL);
	return tx_end(st, rc);
}

enum store_status store_overlap_get(struct store *st, const char *partner,
				    const char *account, struct store_overlap *out)
{
	char pid[STORE_ID_SIZE], aid[STORE_ID_SIZE];
	enum store_status rc;
	sqlite3_stmt *s;
	int r;

	store_clear_error(st);
	memset(out, 0, sizeof *out);
	rc = resolve_id(st, STORE_KIND_PARTNER, partner, pid);
	if (rc == STORE_OK)
		rc = resolve_id(st, STORE_KIND_ACCOUNT, account, aid);
	if (rc != STORE_OK)
		return rc;
	s = sq_prepare(st, "SELECT partner_id, account_id, our_population, partner_population,"
		       " stakeholders, partner_contact, refreshed_at, signal FROM overlaps"
		       " WHERE partner_id = ?1 AND account_id = ?2");
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, pid);
	sq_bind_text(s, 2, aid);
	r = sq_step(st, s, "read overlap");
	if (r == SQLITE_ROW)
		overlap_row(s, out);
	else if (r == SQLITE_DONE)
		rc = store_fail(st, STORE_NOT_FOUND, "no mapping data for this partner and account");
	else
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

/* ---- get by handle ---- */

enum store_status store_pod_get(struct store *st, const char *pod, struct store_pod *out)
{
	return get_named(st, STORE_KIND_POD, pod, POD_BY_ID, pod_row, out, sizeof *out, "pod");
}

enum store_status store_specialist_get(struct store *st, const char *who,
				       struct store_specialist *out)
{
	return get_named(st, STORE_KIND_SPECIALIST, who, SPECIALIST_BY_ID, specialist_row,
			 out, sizeof *out, "desk specialist");
}

enum store_status store_ae_get(struct store *st, const char *ae, struct store_ae *out)
{
	return get_named(st, STORE_KIND_AE, ae, AE_BY_ID, ae_row, out, sizeof *out, "AE");
}

enum store_status store_partner_get(struct store *st, const char *partner,
				    struct store_partner *out)
{
	return get_named(st, STORE_KIND_PARTNER, partner, PARTNER_BY_ID, partner_row,
			 out, sizeof *out, "partner");
}

enum store_status store_account_get(struct store *st, const char *account,
				    struct store_account *out)
{
	return get_named(st, STORE_KIND_ACCOUNT, account, ACCOUNT_BY_ID, account_row,
			 out, sizeof *out, "account");
}

/* ---- lists ---- */

enum store_status store_pod_list(struct store *st, struct store_pod **out, size_t *n)
{
	store_clear_error(st);
	return sq_list(st, "SELECT " POD_COLS " FROM pods ORDER BY name", NULL, sizeof **out,
		       pod_row, (void **)out, n);
}

enum store_status store_specialist_list(struct store *st, struct store_specialist **out,
					size_t *n)
{
	store_clear_error(st);
	return sq_list(st, "SELECT " SPECIALIST_COLS " FROM specialists ORDER BY name", NULL,
		       sizeof **out, specialist_row, (void **)out, n);
}

enum store_status store_ae_list(struct store *st, const char *pod, struct store_ae **out,
				size_t *n)
{
	char id[STORE_ID_SIZE];
	enum store_status rc;
	store_clear_error(st);
	*out = NULL;
	*n = 0;
	if (!pod)
		return sq_list(st, "SELECT " AE_COLS " FROM aes ORDER BY name", NULL, sizeof **out,
			       ae_row, (void **)out, n);
	rc = resolve_id(st, STORE_KIND_POD, pod, id);
	if (rc != STORE_OK)
		return rc;
	return sq_list(st, "SELECT " AE_COLS " FROM aes WHERE pod_id = ?1 ORDER BY name", id,
		       sizeof **out, ae_row, (void **)out, n);
}

enum store_status store_partner_list(struct store *st, struct store_partner **out, size_t *n)
{
	store_clear_error(st);
	return sq_list(st, "SELECT " PARTNER_COLS " FROM partners ORDER BY name", NULL,
		       sizeof **out, partner_row, (void **)out, n);
}
