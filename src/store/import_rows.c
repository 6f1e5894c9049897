/* import_rows.c - one handler per kind: validate every field of a row (each
 * problem its own message), then write it through the public store API.
 *
 * Names a row refers to (partners, accounts, pods, specialists, AEs) are
 * looked up once per import and kept in name -> id caches. Every write here
 * joins the import's transaction; a refused write rolls back only itself (a
 * savepoint) and the import goes on to find the next bad row.
 */
#include <stdio.h>
#include <string.h>

#include "import_internal.h"
#include "store_internal.h"   /* the pinned clock; intros with their ids resolved */

#define ROW_ONLY F_COUNT       /* a row_error not about one column */

/* "import FILE:LINE" for audit reasons. */
static void audit_reason(const struct importer *im, const struct import_row *r, char *buf,
			 size_t size)
{
	snprintf(buf, size, "import %s:%ld", im->name, r->line);
}

/* Copy a value into a fixed buffer ("" for NULL); the length was checked
 * against the column's limit already. */
static void copy_text(char *dst, size_t size, const char *src)
{
	snprintf(dst, size, "%s", src ? src : "");
}

static void out_of_memory(struct importer *im, struct import_row *r)
{
	import_error(im, r->line, NULL, "out of memory");
	im->fatal = STORE_INTERNAL;
	im->stopped = 1;
}

/* ---- field parsers that report -------------------------------------- */

/* "n/a", "-" and the like in an optional column mean "not given" (portal
 * exports write them); in a required one they are reported. */
static int not_given(const char *text, int optional)
{
	return !text || (optional && value_is_none(text));
}

static int date_field(struct importer *im, struct import_row *r, enum import_field f,
		      int optional, long long *out)
{
	const char *text = row_get(im, r, f);
	char q[80];

	if (not_given(text, optional))
		return 0;
	value_quote(text, q, sizeof q);
	if (import_parse_time(text, out) != 0) {
		row_error(im, r, f, "bad date %s (use YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|+HH:MM])",
			  q);
		return -1;
	}
	if (*out <= 0) {
		row_error(im, r, f, "bad date %s (before 1970)", q);
		return -1;
	}
	return 0;
}

static int money_field(struct importer *im, struct import_row *r, enum import_field f,
		       long long *out)
{
	const char *text = row_get(im, r, f);
	char q[80];
	int rc;

	if (not_given(text, 1))
		return 0;
	rc = import_parse_money(text, out);
	if (rc == 0)
		return 0;
	value_quote(text, q, sizeof q);
	if (rc == -2)
		row_error(im, r, f, "negative amount %s", q);
	else if (rc == -3)
		row_error(im, r, f, "amount too large %s", q);
	else
		row_error(im, r, f, "not an amount %s (whole dollars, e.g. 55000 or $55,000)", q);
	return -1;
}

static int int_field(struct importer *im, struct import_row *r, enum import_field f,
		     long long max, long long *out)
{
	const char *text = row_get(im, r, f), *why = "";
	char q[80];

	if (not_given(text, 1))
		return 0;
	if (value_int(text, max, out, &why) == 0)
		return 0;
	value_quote(text, q, sizeof q);
	row_error(im, r, f, "%s %s", why, q);
	return -1;
}

static int bool_field(struct importer *im, struct import_row *r, enum import_field f, int *out)
{
	const char *text = row_get(im, r, f);
	char q[80];

	if (!text)
		return 0;
	if (value_bool(text, out) == 0)
		return 0;
	value_quote(text, q, sizeof q);
	row_error(im, r, f, "not yes or no %s", q);
	return -1;
}

static int domain_field(struct importer *im, struct import_row *r, char *out, size_t size)
{
	const char *text = row_get(im, r, F_DOMAIN);
	char q[80];

	out[0] = '\0';
	if (!text || value_is_none(text))
		return 0;
	if (import_normalize_domain(text, out, size) == 0)
		return 0;
	value_quote(text, q, sizeof q);
	row_error(im, r, F_DOMAIN, "not a web domain %s", q);
	out[0] = '\0';
	return -1;
}

static int population_field(struct importer *im, struct import_row *r, enum import_field f,
			    int *out)
{
	const char *text = row_get(im, r, f);
	char q[80];
	int p;

	if (!text)
		return 0;
	p = value_population(text);
	if (p >= 0) {
		*out = p;
		return 0;
	}
	value_quote(text, q, sizeof q);
	row_error(im, r, f, "unknown population %s (customer, open_opportunity, prospect or none)",
		  q);
	return -1;
}

/* ---- names -> ids ------------------------------------------------------ */

/* A name met earlier in this import: its id from the cache. */
static int cached(const struct name_cache *cache, const char *key, char *id_out)
{
	const char *hit = cache_get(cache, key);

	if (!hit)
		return 0;
	memcpy(id_out, hit, STORE_ID_SIZE);
	return 1;
}

/* After a store_*_ensure call: its error on the row's field f, else count
 * a record it created (created_count may be NULL when nothing is created)
 * and remember the id for the rest of the file. */
static int ensured(struct importer *im, struct import_row *r, enum import_field f,
		   enum store_status rc, int created, long *created_count,
		   struct name_cache *cache, const char *key, const char *id)
{
	if (rc != STORE_OK) {
		row_store_error(im, r, f, rc);
		return -1;
	}
	if (created && created_count)
		(*created_count)++;
	if (cache_put(cache, key, id) != 0) {
		out_of_memory(im, r);
		return -1;
	}
	return 0;
}

static int partner_lookup(struct importer *im, struct import_row *r, enum import_field f,
			  const char *name, char *id_out)
{
	struct store_partner in;
	char key[STORE_NAME_SIZE];
	enum store_status rc;
	int created = 0;

	value_key(name, key, sizeof key);
	if (cached(&im->partners, key, id_out))
		return 0;
	memset(&in, 0, sizeof in);
	copy_text(in.name, sizeof in.name, name);
	in.tier = PARTNER_GROWTH;
	in.avg_won_acv = in.median_won_acv = -1;
	rc = store_partner_ensure(im->st, &in, id_out, &created);
	return ensured(im, r, f, rc, created, &im->res->partners_created, &im->partners, key, id_out);
}

/* Accounts match by domain when the row gives one, else by name (as
 * store_account_ensure does). */
static int account_lookup(struct importer *im, struct import_row *r, enum import_field f,
			  const char *name, const char *domain, char *id_out)
{
	struct store_account in;
	char key[STORE_NAME_SIZE + 2];
	enum store_status rc;
	int created = 0;

	key[0] = domain[0] ? 'd' : 'n';
	key[1] = ':';
	value_key(domain[0] ? domain : name, key + 2, sizeof key - 2);
	if (cached(&im->accounts, key, id_out))
		return 0;
	memset(&in, 0, sizeof in);
	copy_text(in.name, sizeof in.name, name);
	copy_text(in.domain, sizeof in.domain, domain);
	in.employees = -1;
	rc = store_account_ensure(im->st, &in, id_out, &created);
	return ensured(im, r, f, rc, created, &im->res->accounts_created, &im->accounts, key, id_out);
}

static int pod_lookup(struct importer *im, struct import_row *r, const char *name,
		      char *id_out)
{
	char key[STORE_NAME_SIZE];
	enum store_status rc;
	int created = 0;

	value_key(name, key, sizeof key);
	if (cached(&im->pods, key, id_out))
		return 0;
	rc = store_pod_ensure(im->st, name, id_out, &created);
	return ensured(im, r, F_POD, rc, created, &im->res->pods_created, &im->pods, key, id_out);
}

static int specialist_lookup(struct importer *im, struct import_row *r, const char *name,
			     const char *pod_id, char *id_out)
{
	char key[STORE_NAME_SIZE];
	enum store_status rc;
	int created = 0;

	value_key(name, key, sizeof key);
	if (cached(&im->specialists, key, id_out))
		return 0;
	rc = store_specialist_ensure(im->st, name, pod_id, id_out, &created);
	return ensured(im, r, F_OWNER, rc, created, &im->res->specialists_created, &im->specialists, key, id_out);
}

/* AEs are never created from another kind's row: a typo would make a
 * phantom AE who gets routed deals. */
static int ae_lookup(struct importer *im, struct import_row *r, enum import_field f,
		     const char *name, char *id_out)
{
	char key[STORE_NAME_SIZE], q[80];
	enum store_status rc;

	value_key(name, key, sizeof key);
	if (cached(&im->aes, key, id_out))
		return 0;
	rc = store_resolve(im->st, STORE_KIND_AE, name, id_out);
	if (rc == STORE_NOT_FOUND) {
		value_quote(name, q, sizeof q);
		row_error(im, r, f, "no AE %s (import aes first)", q);
		return -1;
	}
	return ensured(im, r, f, rc, 0, NULL, &im->aes, key, id_out);
}

/* ---- intros ------------------------------------------------------------ */

/* The default pod of an account (account_pod 1: key is the account id) or
 * the default owner of a pod (0: key is the pod id), cached; "" for none.
 * 0, or -1 with the row's error reported. */
static int default_of(struct importer *im, struct import_row *r, struct name_cache *cache,
		      const char *key, char *id_out, int account_pod)
{
	const char *hit = cache_get(cache, key);
	char pod[STORE_ID_SIZE] = "", owner[STORE_ID_SIZE] = "";
	enum store_status rc;

	if (hit) {
		snprintf(id_out, STORE_ID_SIZE, "%s", strcmp(hit, "-") ? hit : "");
		return 0;
	}
	if (account_pod)
		snprintf(owner, sizeof owner, "-");   /* only the pod is wanted */
	else
		snprintf(pod, sizeof pod, "%s", key);
	rc = intro_default_pod_owner(im->st, account_pod ? key : "", pod, owner);
	if (rc != STORE_OK) {
		row_store_error(im, r, ROW_ONLY, rc);
		return -1;
	}
	snprintf(id_out, STORE_ID_SIZE, "%s", account_pod ? pod : owner);
	if (cache_put(cache, key, id_out[0] ? id_out : "-") != 0) {
		out_of_memory(im, r);
		return -1;
	}
	return 0;
}

static void intro_row(struct importer *im, struct import_row *r)
{
	const char *partner = row_require(im, r, F_PARTNER);
	const char *account = row_require(im, r, F_ACCOUNT);
	const char *pod = row_get(im, r, F_POD);
	const char *owner = row_get(im, r, F_OWNER);
	const char *ext = row_get(im, r, F_EXTERNAL_ID);
	const char *source = row_get(im, r, F_SOURCE);
	char domain[STORE_NAME_SIZE], pid[STORE_ID_SIZE], aid[STORE_ID_SIZE];
	char pod_id[STORE_ID_SIZE] = "", owner_id[STORE_ID_SIZE] = "", found[STORE_ID_SIZE];
	char new_id[STORE_ID_SIZE];
	long long received_at = 0, acv = -1;
	struct store_intro_new in;
	enum store_status rc;

	domain_field(im, r, domain, sizeof domain);
	row_require(im, r, F_RECEIVED_AT);
	date_field(im, r, F_RECEIVED_AT, 0, &received_at);
	money_field(im, r, F_EXPECTED_ACV, &acv);
	if (r->errors)
		return;
	if (partner_lookup(im, r, F_PARTNER, partner, pid) ||
	    account_lookup(im, r, F_ACCOUNT, account, domain, aid))
		return;
	if (pod && pod_lookup(im, r, pod, pod_id))
		return;
	if (owner && specialist_lookup(im, r, owner, pod ? pod_id : NULL, owner_id))
		return;

	if (ext)
		rc = store_intro_find_external(im->st, source, ext, found);
	else
		rc = store_intro_find_same(im->st, pid, aid, received_at, found);
	if (rc == STORE_OK) {
		im->res->skipped++;
		return;
	}
	if (rc != STORE_NOT_FOUND) {
		row_store_error(im, r, ext ? F_EXTERNAL_ID : ROW_ONLY, rc);
		return;
	}
	memset(&in, 0, sizeof in);
	in.partner = pid;
	in.account = aid;
	in.received_at = received_at;
	in.contact = row_get(im, r, F_CONTACT);
	in.note = row_get(im, r, F_NOTE);
	in.source = source;
	in.external_id = ext;
	in.expected_acv = acv;
	in.pod = pod ? pod_id : NULL;
	in.owner = owner ? owner_id : NULL;
	/* the pod and owner store_intro_add would choose, found once per
	 * account and pod; the ids are the import's own (they exist) */
	if (!pod && default_of(im, r, &im->account_pods, aid, pod_id, 1))
		return;
	if (!owner && pod_id[0] && default_of(im, r, &im->pod_owners, pod_id, owner_id, 0))
		return;
	rc = intro_add_resolved(im->st, &in, pid, aid, pod_id, owner_id, new_id);
	if (rc != STORE_OK) {
		row_store_error(im, r, ROW_ONLY, rc);
		return;
	}
	im->res->added++;
}

/* ---- partners ---------------------------------------------------------- */

static void partner_row(struct importer *im, struct import_row *r)
{
	const char *name = row_require(im, r, F_NAME);
	const char *tier_text = row_get(im, r, F_TIER);
	char domain[STORE_NAME_SIZE], key[STORE_NAME_SIZE], why[300], q[80];
	struct store_partner cur, in;
	enum store_status rc;
	int tier = -1, created = 0;

	if (tier_text) {
		tier = domain_partner_tier_from_name(tier_text);
		if (tier < 0) {
			value_quote(tier_text, q, sizeof q);
			row_error(im, r, F_TIER, "unknown tier %s (strategic, growth or long_tail)", q);
		}
	}
	domain_field(im, r, domain, sizeof domain);
	if (r->errors)
		return;

	rc = store_partner_get(im->st, name, &cur);
	if (rc == STORE_OK) {
		if (tier >= 0 && (int)cur.tier != tier) {
			audit_reason(im, r, why, sizeof why);
			rc = store_partner_set_tier(im->st, cur.id, (enum partner_tier)tier, why);
			if (rc != STORE_OK) {
				row_store_error(im, r, F_TIER, rc);
				return;
			}
			im->res->updated++;
		} else {
			im->res->skipped++;
		}
	} else if (rc == STORE_NOT_FOUND) {
		memset(&in, 0, sizeof in);
		copy_text(in.name, sizeof in.name, name);
		copy_text(in.domain, sizeof in.domain, domain);
		in.tier = tier >= 0 ? (enum partner_tier)tier : PARTNER_GROWTH;
		in.avg_won_acv = in.median_won_acv = -1;
		rc = store_partner_ensure(im->st, &in, cur.id, &created);
		if (rc != STORE_OK) {
			row_store_error(im, r, F_NAME, rc);
			return;
		}
		if (created)
			im->res->added++;
		else
			im->res->skipped++;
	} else {
		row_store_error(im, r, F_NAME, rc);
		return;
	}
	value_key(name, key, sizeof key);
	if (cache_put(&im->partners, key, cur.id) != 0)
		out_of_memory(im, r);
}

/* ---- accounts ---------------------------------------------------------- */

static void account_row(struct importer *im, struct import_row *r)
{
	const char *name = row_require(im, r, F_NAME);
	const char *owner = row_get(im, r, F_OWNER);
	const char *country = row_get(im, r, F_COUNTRY);
	char domain[STORE_NAME_SIZE], owner_id[STORE_ID_SIZE] = "", id[STORE_ID_SIZE];
	struct store_account in, cur;
	long long employees = -1;
	int strategic = 0, created = 0, changed = 0;
	enum store_status rc;

	domain_field(im, r, domain, sizeof domain);
	int_field(im, r, F_EMPLOYEES, 100000000, &employees);
	bool_field(im, r, F_STRATEGIC, &strategic);
	if (owner)
		ae_lookup(im, r, F_OWNER, owner, owner_id);   /* a read: report it too */
	if (r->errors)
		return;

	memset(&in, 0, sizeof in);
	copy_text(in.name, sizeof in.name, name);
	copy_text(in.domain, sizeof in.domain, domain);
	copy_text(in.region, sizeof in.region, row_get(im, r, F_REGION));
	copy_text(in.industry, sizeof in.industry, row_get(im, r, F_INDUSTRY));
	copy_text(in.country, sizeof in.country, country);
	if (strlen(in.country) == 2) {          /* ISO-2 codes in capitals: "us" -> "US" */
		for (int i = 0; i < 2; i++)
			if (in.country[i] >= 'a' && in.country[i] <= 'z')
				in.country[i] = (char)(in.country[i] - 'a' + 'A');
	}
	in.employees = (long)employees;
	in.strategic = strategic;
	copy_text(in.owner_ae_id, sizeof in.owner_ae_id, owner_id);

	rc = store_account_ensure(im->st, &in, id, &created);
	if (rc != STORE_OK) {
		row_store_error(im, r, F_NAME, rc);
		return;
	}
	if (created) {
		im->res->added++;
		return;
	}
	/* it was there: apply what the store lets an import change */
	rc = store_account_get(im->st, id, &cur);
	if (rc != STORE_OK) {
		row_store_error(im, r, F_NAME, rc);
		return;
	}
	if (row_get(im, r, F_STRATEGIC) && cur.strategic != strategic) {
		rc = store_account_set_strategic(im->st, id, strategic);
		if (rc != STORE_OK) {
			row_store_error(im, r, F_STRATEGIC, rc);
			return;
		}
		changed = 1;
	}
	if (owner && strcmp(cur.owner_ae_id, owner_id) != 0) {
		rc = store_account_set_owner(im->st, id, owner_id);
		if (rc != STORE_OK) {
			row_store_error(im, r, F_OWNER, rc);
			return;
		}
		changed = 1;
	}
	if (changed)
		im->res->updated++;
	else
		im->res->skipped++;
}

/* ---- overlaps ---------------------------------------------------------- */

static void overlap_row(struct importer *im, struct import_row *r)
{
	const char *partner = row_require(im, r, F_PARTNER);
	const char *account = row_get(im, r, F_ACCOUNT);
	const char *type = row_get(im, r, F_OVERLAP_TYPE);
	const char *contact = row_get(im, r, F_PARTNER_CONTACT);
	char domain[STORE_NAME_SIZE], q[80];
	struct store_overlap in, cur;
	int ours = -1, theirs = -1, open_deal = -1, have_cur;
	long long stakeholders = -1, refreshed = 0;
	enum store_status rc;

	domain_field(im, r, domain, sizeof domain);
	if (!account && !domain[0] && !r->bad[F_DOMAIN] && !r->bad[F_ACCOUNT])
		row_error(im, r, row_has(im, F_ACCOUNT) ? F_ACCOUNT : F_DOMAIN,
			  "missing (give the account or its domain)");
	population_field(im, r, F_OUR_POP, &ours);
	population_field(im, r, F_PARTNER_POP, &theirs);
	if (type && !row_has(im, F_OUR_POP) && !row_has(im, F_PARTNER_POP) &&
	    value_overlap_type(type, &ours, &theirs) != 0) {
		value_quote(type, q, sizeof q);
		row_error(im, r, F_OVERLAP_TYPE,
			  "cannot read %s (want OURS x THEIRS, e.g. \"Customers x Prospects\")", q);
	}
	bool_field(im, r, F_OPEN_DEAL, &open_deal);
	int_field(im, r, F_STAKEHOLDERS, 1000000, &stakeholders);
	date_field(im, r, F_REFRESHED_AT, 1, &refreshed);
	if (r->errors)
		return;

	memset(&in, 0, sizeof in);
	if (partner_lookup(im, r, F_PARTNER, partner, in.partner_id) ||
	    account_lookup(im, r, account ? F_ACCOUNT : F_DOMAIN, account ? account : domain,
			   domain, in.account_id))
		return;
	rc = store_overlap_get(im->st, in.partner_id, in.account_id, &cur);
	if (rc != STORE_OK && rc != STORE_NOT_FOUND) {
		row_store_error(im, r, ROW_ONLY, rc);
		return;
	}
	have_cur = rc == STORE_OK;
	/* a value the file leaves empty keeps what the desk knows */
	in.ours = ours >= 0 ? (enum population)ours : have_cur ? cur.ours : POP_NONE;
	in.partners = theirs >= 0 ? (enum population)theirs : have_cur ? cur.partners : POP_NONE;
	if (open_deal == 1 && in.partners != POP_CUSTOMER)
		in.partners = POP_OPEN_OPPORTUNITY;
	in.stakeholders = stakeholders >= 0 ? (int)stakeholders : have_cur ? cur.stakeholders : -1;
	snprintf(in.partner_contact, sizeof in.partner_contact, "%s",
		 contact ? contact : have_cur ? cur.partner_contact : "");
	in.refreshed_at = refreshed > 0 ? refreshed : have_cur ? cur.refreshed_at : 0;

	if (have_cur) {
		/* older mapping data never replaces newer */
		if (refreshed > 0 && cur.refreshed_at > refreshed) {
			im->res->skipped++;
			return;
		}
		if (cur.ours == in.ours && cur.partners == in.partners &&
		    cur.stakeholders == in.stakeholders && cur.refreshed_at == in.refreshed_at &&
		    strcmp(cur.partner_contact, in.partner_contact) == 0) {
			im->res->skipped++;
			return;
		}
	}
	rc = store_overlap_set(im->st, &in);
	if (rc != STORE_OK) {
		row_store_error(im, r, ROW_ONLY, rc);
		return;
	}
	if (have_cur)
		im->res->updated++;
	else
		im->res->added++;
}

/* ---- AEs --------------------------------------------------------------- */

static void ae_row(struct importer *im, struct import_row *r)
{
	const char *name = row_require(im, r, F_NAME);
	const char *email = row_get(im, r, F_EMAIL);
	const char *pod = row_get(im, r, F_POD);
	const char *hours_text = row_get(im, r, F_SELLING_HOURS), *why = "";
	char key[STORE_NAME_SIZE], q[80];
	struct store_ae in, cur;
	double hours = 0;
	int active = 1, created = 0;
	enum store_status rc;

	if (email && (!strchr(email, '@') || strpbrk(email, " \t,;<>") ||
		      strchr(email, '@') != strrchr(email, '@'))) {
		value_quote(email, q, sizeof q);
		row_error(im, r, F_EMAIL, "not an email address %s", q);
	}
	if (hours_text && value_decimal(hours_text, 80, &hours, &why) != 0) {
		value_quote(hours_text, q, sizeof q);
		row_error(im, r, F_SELLING_HOURS, "%s %s (hours a week, 0 to 80)", why, q);
	}
	bool_field(im, r, F_ACTIVE, &active);
	if (r->errors)
		return;

	memset(&in, 0, sizeof in);
	if (pod && pod_lookup(im, r, pod, in.pod_id))
		return;
	rc = store_ae_get(im->st, name, &cur);
	if (rc == STORE_OK) {
		if (row_get(im, r, F_ACTIVE) && cur.active != active) {
			rc = store_ae_set_active(im->st, cur.id, active);
			if (rc != STORE_OK) {
				row_store_error(im, r, F_ACTIVE, rc);
				return;
			}
			im->res->updated++;
		} else {
			im->res->skipped++;
		}
	} else if (rc == STORE_NOT_FOUND) {
		copy_text(in.name, sizeof in.name, name);
		copy_text(in.email, sizeof in.email, email);
		in.selling_hours = hours;
		in.active = active;
		rc = store_ae_ensure(im->st, &in, cur.id, &created);
		if (rc != STORE_OK) {
			row_store_error(im, r, F_NAME, rc);
			return;
		}
		if (created)
			im->res->added++;
		else
			im->res->skipped++;
	} else {
		row_store_error(im, r, F_NAME, rc);
		return;
	}
	value_key(name, key, sizeof key);
	if (cache_put(&im->aes, key, cur.id) != 0)
		out_of_memory(im, r);
}

/* ---- outcomes ---------------------------------------------------------- */

/* Which intro the row names: its handle, its external id, or its partner,
 * account and received time. */
static int outcome_intro(struct importer *im, struct import_row *r, long long received_at,
			 char *id_out)
{
	const char *handle = row_get(im, r, F_INTRO);
	const char *ext = row_get(im, r, F_EXTERNAL_ID);
	const char *partner = row_get(im, r, F_PARTNER);
	const char *account = row_get(im, r, F_ACCOUNT);
	char pid[STORE_ID_SIZE], aid[STORE_ID_SIZE], q[80];
	enum store_status rc;

	if (handle) {
		rc = store_resolve(im->st, STORE_KIND_INTRO, handle, id_out);
		if (rc == STORE_OK)
			return 0;
		/* a handle from another desk (an export being re-imported) or a
		 * short one matching several: the other columns may still say */
		if ((rc != STORE_NOT_FOUND && rc != STORE_AMBIGUOUS) ||
		    (!ext && !(partner && account && received_at > 0))) {
			row_store_error(im, r, F_INTRO, rc);
			return -1;
		}
	}
	if (ext) {
		rc = store_intro_find_external(im->st, row_get(im, r, F_SOURCE), ext, id_out);
		if (rc == STORE_NOT_FOUND) {
			value_quote(ext, q, sizeof q);
			row_error(im, r, F_EXTERNAL_ID, "no intro with external id %s", q);
			return -1;
		}
		if (rc != STORE_OK) {
			row_store_error(im, r, F_EXTERNAL_ID, rc);
			return -1;
		}
		return 0;
	}
	if (!partner || !account || received_at <= 0) {
		row_error(im, r, ROW_ONLY,
			  "no intro named: give intro, external_id, or partner, account and "
			  "received_at");
		return -1;
	}
	rc = store_resolve(im->st, STORE_KIND_PARTNER, partner, pid);
	if (rc != STORE_OK) {
		row_store_error(im, r, F_PARTNER, rc);
		return -1;
	}
	rc = store_resolve(im->st, STORE_KIND_ACCOUNT, account, aid);
	if (rc != STORE_OK) {
		row_store_error(im, r, F_ACCOUNT, rc);
		return -1;
	}
	rc = store_intro_find_same(im->st, pid, aid, received_at, id_out);
	if (rc == STORE_NOT_FOUND) {
		row_error(im, r, F_RECEIVED_AT, "no intro from this partner for this account "
			  "received at that time");
		return -1;
	}
	if (rc != STORE_OK) {
		row_store_error(im, r, F_RECEIVED_AT, rc);
		return -1;
	}
	return 0;
}

static void outcome_row(struct importer *im, struct import_row *r)
{
	const char *outcome = row_require(im, r, F_OUTCOME);
	const char *reason_text = row_get(im, r, F_REASON);
	char reason[STORE_NAME_SIZE] = "", id[STORE_ID_SIZE], note[300], q[80], handle[STORE_HANDLE_SIZE];
	long long received_at = 0, closed_at = 0, acv = -1, saved_now;
	struct store_intro cur;
	enum store_status rc;
	int won = -1;

	if (outcome) {
		won = value_outcome(outcome);
		if (won < 0) {
			value_quote(outcome, q, sizeof q);
			row_error(im, r, F_OUTCOME, "unknown outcome %s (won or lost)", q);
		}
	}
	date_field(im, r, F_RECEIVED_AT, 1, &received_at);
	money_field(im, r, F_ACTUAL_ACV, &acv);
	if (reason_text)
		value_code(reason_text, reason, sizeof reason);
	if (won == 0 && !reason[0] && !r->bad[F_REASON])
		row_error(im, r, F_REASON, "missing (a lost deal needs a loss reason code)");
	date_field(im, r, F_CLOSED_AT, 1, &closed_at);
	if (r->errors)
		return;
	if (outcome_intro(im, r, received_at, id))
		return;
	rc = store_intro_get(im->st, id, &cur);
	if (rc != STORE_OK) {
		row_store_error(im, r, ROW_ONLY, rc);
		return;
	}
	if (cur.state == STATE_WON || cur.state == STATE_LOST) {
		if ((cur.state == STATE_WON) == (won == 1)) {
			im->res->skipped++;   /* already recorded */
			return;
		}
		store_handle_of(STORE_KIND_INTRO, cur.id, handle);
		row_error(im, r, F_OUTCOME, "%s is already closed %s", handle,
			  domain_state_name(cur.state));
		return;
	}
	if (closed_at > 0 && closed_at < cur.received_at) {
		value_quote(row_get(im, r, F_CLOSED_AT), q, sizeof q);
		row_error(im, r, F_CLOSED_AT, "%s is before the intro was received", q);
		return;
	}

	audit_reason(im, r, note, sizeof note);
	/* The close is stamped with the store's clock: pin it to the file's
	 * close date for this one call, then put back what was there. */
	saved_now = im->st->now;
	if (closed_at > 0)
		store_set_now(im->st, closed_at);
	rc = store_intro_close(im->st, id, won == 1, acv > 0 ? acv : 0, reason[0] ? reason : NULL,
			       note);
	store_set_now(im->st, saved_now);
	if (rc != STORE_OK) {
		row_store_error(im, r, F_OUTCOME, rc);
		return;
	}
	im->res->added++;
}

/* ---- dispatch ---------------------------------------------------------- */

int import_rows_check_header(struct importer *im)
{
	long line = im->rec_line;

	switch (im->kind) {
	case IMPORT_OUTCOMES:
		if (!row_has(im, F_INTRO) && !row_has(im, F_EXTERNAL_ID) &&
		    !(row_has(im, F_PARTNER) && row_has(im, F_ACCOUNT) &&
		      row_has(im, F_RECEIVED_AT))) {
			import_error(im, line, NULL,
				     "no column names the intro: give intro, external_id, or "
				     "partner, account and received_at");
			return -1;
		}
		return 0;
	case IMPORT_OVERLAPS: {
		int ok = 1;

		if (!row_has(im, F_ACCOUNT) && !row_has(im, F_DOMAIN)) {
			import_error(im, line, NULL, "missing column account (or domain)");
			ok = 0;
		}
		if (!row_has(im, F_OUR_POP) && !row_has(im, F_PARTNER_POP) &&
		    !row_has(im, F_OVERLAP_TYPE)) {
			import_error(im, line, NULL, "missing column partner_population "
				     "(or our_population, or overlap_type)");
			ok = 0;
		}
		return ok ? 0 : -1;
	}
	default:
		return 0;
	}
}

void import_rows_handle(struct importer *im, struct import_row *r)
{
	switch (im->kind) {
	case IMPORT_INTROS:
		intro_row(im, r);
		break;
	case IMPORT_PARTNERS:
		partner_row(im, r);
		break;
	case IMPORT_ACCOUNTS:
		account_row(im, r);
		break;
	case IMPORT_OVERLAPS:
		overlap_row(im, r);
		break;
	case IMPORT_AES:
		ae_row(im, r);
		break;
	case IMPORT_OUTCOMES:
		outcome_row(im, r);
		break;
	default:
		break;
	}
}
