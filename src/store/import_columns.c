/* import_columns.c - the columns each kind reads, their aliases, and the
 * mapping of a file's header row onto them.
 *
 * Aliases are written normalised (header_normalize: lowercase, only letters,
 * digits and '#'), so "Website URL", "website_url" and "WebsiteUrl" all meet
 * "websiteurl". Spellings come from the partner portals and account-mapping
 * tools (AWS ACE, Partner Center, Crossbeam, Reveal, PRMs); the canonical
 * name is first and is what the exporter writes.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

#define N IMPORT_NAME_MAX
#define S IMPORT_SHORT_MAX

static const struct column_spec intro_columns[] = {
	{ F_PARTNER, "partner", "partner|partnername|channelpartner|referringpartner", 1, N },
	{ F_ACCOUNT, "account", "account|accountname|company|companyname|customer|customername"
	  "|customeraccount", 1, N },
	{ F_DOMAIN, "domain", "domain|website|websiteurl|accountdomain|companydomain"
	  "|companywebsite|url", 0, N },
	{ F_RECEIVED_AT, "received_at", "receivedat|received|receiveddate|datereceived"
	  "|createddate|creationdate|createddatetime|createdat|created|submitteddate"
	  "|submittedat|registrationdate", 1, S },
	{ F_EXPECTED_ACV, "expected_acv", "expectedacv|acv|estimateddealvalue|dealvalue"
	  "|estimateddealsize|dealsize|expectedrevenue|amount|leadvalueusd|leadvalue", 0, S },
	{ F_CONTACT, "contact", "contact|contactname|customercontact|primarycontact", 0, N },
	{ F_NOTE, "note", "note|notes|description|comments|customerbusinessproblem", 0,
	  IMPORT_NOTE_MAX },
	{ F_POD, "pod", "pod|deskpod", 0, N },
	{ F_OWNER, "owner", "owner|deskowner|specialist|deskspecialist", 0, N },
	{ F_EXTERNAL_ID, "external_id", "externalid|partneropportunityidentifier|referralid"
	  "|opportunityid|id|identifier|externalreferenceid|crmid|dealregistrationnumber"
	  "|dealid|leadid|engagementid", 0, N },
	{ F_SOURCE, "source", "source|origin|leadsource|referralsource", 0, N },
};
static const char *const intro_export_only[] = { "handle", "state", "score", "tier", "ae", NULL };

static const struct column_spec partner_columns[] = {
	{ F_NAME, "name", "name|partner|partnername|company|companyname|organization"
	  "|organizationname", 1, N },
	{ F_TIER, "tier", "tier|partnertier", 0, S },
	{ F_DOMAIN, "domain", "domain|website|websiteurl", 0, N },
};

static const struct column_spec account_columns[] = {
	{ F_NAME, "name", "name|account|accountname|company|companyname|customer|customername",
	  1, N },
	{ F_DOMAIN, "domain", "domain|website|websiteurl|companywebsite", 0, N },
	{ F_REGION, "region", "region|salesregion|territory", 0, N },
	{ F_INDUSTRY, "industry", "industry", 0, N },
	{ F_COUNTRY, "country", "country|countrycode|customercountry", 0, N },
	{ F_EMPLOYEES, "employees", "employees|employeecount|numberofemployees|headcount", 0, S },
	{ F_STRATEGIC, "strategic", "strategic|strategicaccount", 0, S },
	{ F_OWNER, "owner", "owner|ownerae|ae|territoryowner|accountowner", 0, N },
};

static const struct column_spec overlap_columns[] = {
	{ F_PARTNER, "partner", "partner|partnername|partnerorganization", 1, N },
	{ F_ACCOUNT, "account", "account|accountname|company|companyname|customername|customer",
	  0, N },
	{ F_DOMAIN, "domain", "domain|website|websiteurl|companywebsite", 0, N },
	{ F_OUR_POP, "our_population", "ourpopulation|yourpopulation|ourstatus", 0, S },
	{ F_PARTNER_POP, "partner_population", "partnerpopulation|accountstatus|partnerstatus",
	  0, S },
	{ F_STAKEHOLDERS, "stakeholders", "stakeholders|commoncontacts|#contacts|contacts"
	  "|numberofcontacts", 0, S },
	{ F_PARTNER_CONTACT, "partner_contact", "partnercontact|partnerowner|owner"
	  "|partnerowneremail|owneremail", 0, N },
	{ F_REFRESHED_AT, "refreshed_at", "refreshedat|refreshed|refresheddate|lastrefreshed"
	  "|lastupdated|updatedat|updateddate", 0, S },
	/* read, never written by the exporter */
	{ F_OVERLAP_TYPE, "overlap_type", "overlaptype", 0, N },
	{ F_OPEN_DEAL, "open_deal", "opendeal", 0, S },
};
static const char *const overlap_export_only[] = { "signal", NULL };

static const struct column_spec ae_columns[] = {
	{ F_NAME, "name", "name|ae|aename|accountexecutive", 1, N },
	{ F_EMAIL, "email", "email|aeemail|emailaddress", 0, N },
	{ F_POD, "pod", "pod|team", 0, N },
	{ F_SELLING_HOURS, "selling_hours", "sellinghours|weeklysellinghours"
	  "|sellinghoursperweek|weeklyhours|hours", 0, S },
	{ F_ACTIVE, "active", "active|isactive", 0, S },
};

static const struct column_spec outcome_columns[] = {
	{ F_INTRO, "intro", "intro|handle|introid|introhandle", 0, N },
	{ F_EXTERNAL_ID, "external_id", "externalid|partneropportunityidentifier|referralid"
	  "|opportunityid|id", 0, N },
	{ F_SOURCE, "source", "source|origin", 0, N },
	{ F_PARTNER, "partner", "partner|partnername", 0, N },
	{ F_ACCOUNT, "account", "account|accountname|company|companyname|customername", 0, N },
	{ F_RECEIVED_AT, "received_at", "receivedat|received|createddate|creationdate"
	  "|createddatetime", 0, S },
	{ F_OUTCOME, "outcome", "outcome|result|status|stage", 1, S },
	{ F_ACTUAL_ACV, "actual_acv", "actualacv|acv|wonamount|closedamount|amount|dealvalue",
	  0, S },
	{ F_REASON, "reason", "reason|reasoncode|lossreason|lostreason|closedlostreason", 0, N },
	{ F_CLOSED_AT, "closed_at", "closedat|closed|closeddate|closedate", 0, S },
};

#undef N
#undef S

#define KIND(cols, extra, needs) { cols, sizeof cols / sizeof cols[0], extra, needs }
static const struct kind_spec kinds[IMPORT_KIND_COUNT] = {
	[IMPORT_INTROS]   = KIND(intro_columns, intro_export_only, "partner, account, received_at"),
	[IMPORT_PARTNERS] = KIND(partner_columns, NULL, "name"),
	[IMPORT_ACCOUNTS] = KIND(account_columns, NULL, "name"),
	[IMPORT_OVERLAPS] = KIND(overlap_columns, overlap_export_only,
				 "partner, account or domain, and a population"),
	[IMPORT_AES]      = KIND(ae_columns, NULL, "name"),
	[IMPORT_OUTCOMES] = KIND(outcome_columns, NULL,
				 "outcome, and intro, external_id or partner, account, received_at"),
};
#undef KIND

/* The exporter's header per kind (the importable columns). */
static const char *const kind_columns[IMPORT_KIND_COUNT] = {
	[IMPORT_INTROS]   = "partner,account,domain,received_at,expected_acv,contact,note,pod,"
			    "owner,external_id,source",
	[IMPORT_PARTNERS] = "name,tier,domain",
	[IMPORT_ACCOUNTS] = "name,domain,region,industry,country,employees,strategic,owner",
	[IMPORT_OVERLAPS] = "partner,account,domain,our_population,partner_population,"
			    "stakeholders,partner_contact,refreshed_at",
	[IMPORT_AES]      = "name,email,pod,selling_hours,active",
	[IMPORT_OUTCOMES] = "intro,external_id,source,partner,account,received_at,outcome,"
			    "actual_acv,reason,closed_at",
};

static const char *const kind_names[IMPORT_KIND_COUNT] = {
	[IMPORT_INTROS] = "intros",
	[IMPORT_PARTNERS] = "partners",
	[IMPORT_ACCOUNTS] = "accounts",
	[IMPORT_OVERLAPS] = "overlaps",
	[IMPORT_AES] = "aes",
	[IMPORT_OUTCOMES] = "outcomes",
};

const struct kind_spec *import_kind_spec(enum import_kind k)
{
	return (unsigned)k < IMPORT_KIND_COUNT ? &kinds[k] : NULL;
}

const char *import_kind_name(enum import_kind k)
{
	return (unsigned)k < IMPORT_KIND_COUNT ? kind_names[k] : NULL;
}

const char *import_kind_columns(enum import_kind k)
{
	return (unsigned)k < IMPORT_KIND_COUNT ? kind_columns[k] : NULL;
}

int import_kind_from_name(const char *name)
{
	char key[32];
	size_t len;

	if (!name)
		return -1;
	value_key(name, key, sizeof key);
	len = strlen(key);
	for (int k = 0; k < IMPORT_KIND_COUNT; k++) {
		const char *n = kind_names[k];
		size_t nl = strlen(n);

		/* the plural, or the singular ("intro", "ae") */
		if (strcmp(key, n) == 0 || (len + 1 == nl && strncmp(key, n, len) == 0))
			return k;
	}
	return -1;
}

void header_normalize(const char *in, char *out, size_t size)
{
	size_t o = 0;

	if (size == 0)
		return;
	for (; *in && o + 1 < size; in++) {
		int c = (unsigned char)*in;

		if (c >= 'A' && c <= 'Z')
			out[o++] = (char)(c - 'A' + 'a');
		else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '#' || c >= 0x80)
			out[o++] = (char)c;
	}
	out[o] = '\0';
}

/* Position of norm among the '|'-separated aliases, or -1. */
static int alias_rank(const char *aliases, const char *norm)
{
	size_t len = strlen(norm);
	int rank = 0;
	const char *p = aliases;

	while (*p) {
		size_t l = strcspn(p, "|");

		if (l == len && memcmp(p, norm, len) == 0)
			return rank;
		p += l;
		if (*p == '|')
			p++;
		rank++;
	}
	return -1;
}

static int is_export_only(const struct kind_spec *ks, const char *norm)
{
	char n[64];

	if (!ks->export_only)
		return 0;
	for (const char *const *e = ks->export_only; *e; e++) {
		header_normalize(*e, n, sizeof n);
		if (strcmp(n, norm) == 0)
			return 1;
	}
	return 0;
}

/* Append "text" to a growing ", "-separated list. */
static void list_add(char *buf, size_t size, const char *text)
{
	size_t len = strlen(buf);

	if (len + 2 + strlen(text) + 1 > size)
		return;
	snprintf(buf + len, size - len, "%s%s", len ? ", " : "", text);
}

int header_map_build(struct importer *im, struct header_map *map, char **fields, int ncols)
{
	const struct kind_spec *ks = im->spec;
	int rank[F_COUNT];
	char **norms = NULL;
	char ignored[1024] = "";
	long ignored_count = 0, listed = 0;
	int known = 0, ok = 1;

	memset(map, 0, sizeof *map);
	for (int f = 0; f < F_COUNT; f++) {
		map->field_col[f] = -1;
		rank[f] = INT_MAX;
	}
	map->ncols = ncols;
	map->col_field = calloc((size_t)ncols + 1, sizeof *map->col_field);
	map->names = calloc((size_t)ncols + 1, sizeof *map->names);
	norms = calloc((size_t)ncols + 1, sizeof *norms);
	if (!map->col_field || !map->names || !norms)
		goto nomem;

	for (int i = 0; i < ncols; i++) {
		char disp[160], norm[256];
		const struct column_spec *hit = NULL;
		int r = -1;

		map->col_field[i] = -1;
		value_display(fields[i], disp, sizeof disp);
		if (!disp[0])
			snprintf(disp, sizeof disp, "unnamed column %d", i + 1);
		header_normalize(fields[i], norm, sizeof norm);
		map->names[i] = strdup(disp);
		norms[i] = strdup(norm);
		if (!map->names[i] || !norms[i])
			goto nomem;

		for (size_t c = 0; c < ks->count && norm[0]; c++) {
			r = alias_rank(ks->columns[c].aliases, norm);
			if (r >= 0) {
				hit = &ks->columns[c];
				break;
			}
		}
		if (norm[0]) {
			for (int j = 0; j < i; j++) {
				if (strcmp(norms[j], norm) == 0 && (hit || is_export_only(ks, norm))) {
					import_error(im, im->rec_line, NULL,
						     "duplicate column %s (columns %d and %d)",
						     disp, j + 1, i + 1);
					ok = 0;
					break;
				}
			}
		}
		if (hit) {
			enum import_field f = hit->field;
			int old = map->field_col[f];

			known++;
			if (old < 0 || r < rank[f]) {
				if (old >= 0 && strcmp(norms[old], norm) != 0) {
					char why[400];

					snprintf(why, sizeof why, "%s (%s is used)", map->names[old], disp);
					ignored_count++;
					if (listed++ < IMPORT_UNKNOWN_LISTED)
						list_add(ignored, sizeof ignored, why);
					map->col_field[old] = -1;
				}
				map->field_col[f] = i;
				map->col_field[i] = (int)f;
				map->spec[f] = hit;
				rank[f] = r;
			} else if (strcmp(norms[old], norm) != 0) {
				char why[400];

				snprintf(why, sizeof why, "%s (%s is used)", disp, map->names[old]);
				ignored_count++;
				if (listed++ < IMPORT_UNKNOWN_LISTED)
					list_add(ignored, sizeof ignored, why);
			}
		} else if (norm[0] && is_export_only(ks, norm)) {
			known++;
		} else {
			ignored_count++;
			if (listed++ < IMPORT_UNKNOWN_LISTED)
				list_add(ignored, sizeof ignored, disp);
		}
	}

	if (!known && ncols == 1 && (strchr(fields[0], ';') || strchr(fields[0], '\t'))) {
		import_error(im, im->rec_line, NULL,
			     "the header is one column holding %s: save the file as "
			     "comma-separated CSV", strchr(fields[0], ';') ? "semicolons" : "tabs");
		ok = 0;
		goto done;
	}
	if (!known) {
		import_error(im, im->rec_line, NULL,
			     "no known column in the header row (is it missing?); %s need %s",
			     import_kind_name(im->kind), ks->needs);
		ok = 0;
		goto done;
	}
	for (size_t c = 0; c < ks->count; c++) {
		if (ks->columns[c].required && map->field_col[ks->columns[c].field] < 0) {
			import_error(im, im->rec_line, NULL, "missing column %s",
				     ks->columns[c].name);
			ok = 0;
		}
	}
	if (ignored_count) {
		if (listed > IMPORT_UNKNOWN_LISTED) {
			char more[48];

			snprintf(more, sizeof more, "and %ld more", listed - IMPORT_UNKNOWN_LISTED);
			list_add(ignored, sizeof ignored, more);
		}
		import_warning(im, im->rec_line, NULL, "%s ignored: %s",
			       ignored_count == 1 ? "column" : "columns", ignored);
	}
done:
	for (int i = 0; i < ncols; i++)
		free(norms[i]);
	free(norms);
	return ok ? 0 : -1;
nomem:
	if (norms)
		for (int i = 0; i < ncols; i++)
			free(norms[i]);
	free(norms);
	im->fatal = STORE_INTERNAL;
	import_error(im, 0, NULL, "out of memory reading the header");
	return -1;
}

void header_map_free(struct header_map *map)
{
	if (map->names)
		for (int i = 0; i < map->ncols; i++)
			free(map->names[i]);
	free(map->names);
	free(map->col_field);
	memset(map, 0, sizeof *map);
}
