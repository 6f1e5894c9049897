/* import.h - CSV import into the desk: intros, partners, accounts, overlaps,
 * AEs and outcomes.
 *
 * Contract
 * - The header row is mapped by column name, in any order. Names compare
 *   case-insensitively with spaces, underscores and hyphens ignored, so
 *   "Company Name", "company_name" and "CompanyName" are one name; each field
 *   also answers to the spellings of the usual partner portals and
 *   account-mapping exports ("Website URL", "Estimated Deal Value",
 *   "Referral ID", "your_population", "Common contacts"...). Unknown columns
 *   are listed in one warning and ignored; a missing required column, the same
 *   column twice or a header naming no known column is an error.
 * - The whole file is one transaction and one audit batch (undo reverts it):
 *   a single bad row means nothing is imported, and every bad row is reported
 *   as "file:line: column: reason" (line = the physical line the record starts
 *   on; quoted fields may span lines). A dry run does the same work and rolls
 *   back, so its counts are exact.
 * - Idempotent: an intro already present (same external id and source, or
 *   without an external id the same partner, account and received time) is
 *   skipped, and so are partners, accounts, AEs and overlaps that are already
 *   there as the file says; importing a file twice adds nothing.
 * - Partners, accounts, pods and desk specialists named by a row are matched
 *   by name (case-insensitive, trimmed; accounts by domain first) and created
 *   when new. AEs named as account owners must exist (import aes first).
 * - Everything read is untrusted: UTF-8 is validated, NUL bytes refused, a
 *   name is at most 127 bytes and a note 4000; values quoted in messages have
 *   their control characters escaped.
 * - Dates are ISO 8601: YYYY-MM-DD (midnight UTC), or YYYY-MM-DDTHH:MM[:SS[.f]]
 *   with 'T' or a space, then Z, +HH:MM, -HH:MM or nothing (UTC).
 * - Money is whole dollars: digits with an optional leading '$', thousands
 *   separators ("1,250,000"), an optional decimal part (rounded) and an
 *   optional K or M suffix ("$55K"). Negative amounts are refused.
 *
 * Implemented in src/store/import*.c on top of the public store API.
 */
#ifndef COSELLDESK_IMPORT_H
#define COSELLDESK_IMPORT_H

#include <stddef.h>
#include <stdio.h>

#include "coselldesk/store.h"

/* What a file holds. */
enum import_kind {
	IMPORT_INTROS,      /* partner, account, received_at; optional expected_acv,
	                     * contact, note, pod, owner, external_id, source, domain */
	IMPORT_PARTNERS,    /* name; optional tier, domain */
	IMPORT_ACCOUNTS,    /* name; optional domain, region, industry, country,
	                     * employees, strategic, owner (an AE) */
	IMPORT_OVERLAPS,    /* partner, account (or a domain); populations,
	                     * stakeholders, partner contact, refreshed date */
	IMPORT_AES,         /* name; optional email, pod, selling_hours, active */
	IMPORT_OUTCOMES,    /* the intro (handle, external_id, or partner + account +
	                     * received_at), outcome won|lost; optional actual_acv,
	                     * reason, closed_at */
	IMPORT_KIND_COUNT
};

/* "intros", "partners", ...; NULL when out of range. */
const char *import_kind_name(enum import_kind k);
/* The kind called name (case-insensitive; "ae" and singulars accepted); -1
 * when unknown. */
int import_kind_from_name(const char *name);

/* The columns of a kind as the exporter writes them (canonical names, in
 * order): "partner,account,domain,received_at,...". NULL when out of range. */
const char *import_kind_columns(enum import_kind k);

/* Progress of an import: rows done so far and bytes read of bytes_total
 * (-1 when the size is unknown, e.g. a pipe). Called every few thousand
 * rows and once at the end. Return nonzero to stop: the import rolls back
 * and returns STORE_INTERRUPTED. */
typedef int (*import_progress_fn)(void *ctx, long rows, long long bytes_done,
				  long long bytes_total);

struct import_options {
	int dry_run;                 /* 1: validate and count, then roll back */
	const char *name;            /* the file name messages show; NULL: the path
	                              * given, or "-" for a stream */
	import_progress_fn progress; /* NULL: none */
	void *progress_ctx;          /* passed to progress */
	long long size_hint;         /* total bytes of a stream for progress; <= 0:
	                              * found with fstat when it is a regular file */
	int max_messages;            /* error lines kept; <= 0: 100 (the rest are
	                              * counted and summarised as "and N more") */
};

/* One line for the user. */
struct import_message {
	int is_error;                /* 1 error, 0 warning */
	long line;                   /* physical line in the file (0: the file as a whole) */
	char *text;                  /* "file:line: column: reason", no newline, no
	                              * "warning:" prefix; control characters escaped */
};

struct import_result {
	long rows;                   /* data rows read (not the header) */
	long added;                  /* rows that created their intro/partner/... */
	long updated;                /* rows that changed an existing row (a partner's
	                              * tier, an account's owner, an overlap) */
	long skipped;                /* rows already present as the file says */
	long partners_created;       /* partners created because a row named them */
	long accounts_created;       /* accounts created because a row named them */
	long pods_created;           /* pods created because a row named them */
	long specialists_created;    /* desk specialists created because a row named them */
	long warnings;               /* warnings (all of them) */
	long errors;                 /* error lines found (all, including those beyond
	                              * max_messages) */
	int dry_run;                 /* the run was a dry run */
	int committed;               /* 1: the rows are in the desk */
	struct import_message *messages; /* warnings and errors in file order; heap */
	size_t message_count;        /* entries in messages */
};

/* Import the file at path (opened read-only; "-" is not special here).
 * Returns
 *   STORE_OK           imported (or, dry run, would import); warnings possible
 *   STORE_INVALID      bad input: out->messages says where; nothing changed
 *   STORE_NO_FILE      the file cannot be opened (missing, a directory...)
 *   STORE_INTERRUPTED  the progress callback stopped it; nothing changed
 *   other              a store failure (busy, I/O...); nothing changed
 * On every status out is filled (release with import_result_free) and every
 * problem is one of out->messages, ready to print. opt may be NULL. */
enum store_status import_csv_file(struct store *st, enum import_kind kind, const char *path,
				  const struct import_options *opt, struct import_result *out);

/* The same from an open stream (read to its end, not closed). */
enum store_status import_csv_stream(struct store *st, enum import_kind kind, FILE *in,
				    const struct import_options *opt,
				    struct import_result *out);

/* The same from memory (the fuzz harness feeds bytes this way). */
enum store_status import_csv_buffer(struct store *st, enum import_kind kind,
				    const void *data, size_t len,
				    const struct import_options *opt,
				    struct import_result *out);

/* Free the messages; the counters stay. NULL is fine. */
void import_result_free(struct import_result *r);

/* One sentence for the CLI and the console's status bar:
 * "120 rows: 118 added, 2 already present; created 3 partners, 10 accounts"
 * (with "dry run: " in front for a dry run). */
void import_result_summary(const struct import_result *r, char *buf, size_t size);

/* ---- value parsers the importer uses (pure; exposed for tests and the console) ---- */

/* ISO 8601 date or date-time (see above) to unix seconds UTC. 0 on success,
 * -1 for anything else (including 2024-02-30, 24:00, a bad zone). Years
 * 1900..9999. */
int import_parse_time(const char *text, long long *out);

/* Whole dollars (see above). 0 ok; -1 not a number; -2 negative; -3 too
 * large (above 10^12). */
int import_parse_money(const char *text, long long *out);

/* A web domain from a domain or URL: scheme, "www.", user info, port, path,
 * query and a trailing dot dropped, lowercased ("https://WWW.Acme.com/x" ->
 * "acme.com"). out has size bytes. 0 ok; -1 when nothing like a host name is
 * left (spaces, empty, too long). */
int import_normalize_domain(const char *text, char *out, size_t size);

#endif
