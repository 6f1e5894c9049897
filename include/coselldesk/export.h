/* export.h - the desk's tables as CSV.
 *
 * Each kind is written with the very column names the importer reads (see
 * import.h), so exporting a desk and importing the files into an empty one
 * (aes, partners, accounts, overlaps, intros, in that order) gives the same
 * rows. A few read-only columns follow the importable ones (an intro's
 * handle, state, score, tier and AE; an overlap's signal); the importer knows
 * them and ignores them without a warning.
 *
 * Format: RFC 4180 quoting (a field holding a comma, a quote, a line break or
 * leading/trailing blanks is quoted, quotes doubled), "\n" line ends, UTF-8,
 * one header row. Times are "YYYY-MM-DDTHH:MM:SSZ" (UTC), money whole
 * dollars, unknown values empty. Rows come in a stable order that depends on
 * the content only (names, times), never on ids, so two desks holding the same
 * data export the same bytes.
 *
 * The caller opens the stream (the CLI creates files 0600); nothing here
 * creates files. Implemented in src/store/export.c.
 */
#ifndef COSELLDESK_EXPORT_H
#define COSELLDESK_EXPORT_H

#include <stdio.h>

#include "coselldesk/store.h"

enum export_kind {
	EXPORT_INTROS,      /* as import intros, then handle, state, score, tier, ae */
	EXPORT_PARTNERS,    /* as import partners */
	EXPORT_ACCOUNTS,    /* as import accounts */
	EXPORT_OVERLAPS,    /* as import overlaps, then signal */
	EXPORT_AES,         /* as import aes */
	EXPORT_OUTCOMES,    /* won and lost intros, as import outcomes */
	EXPORT_AUDIT,       /* the audit trail, oldest first (not importable) */
	EXPORT_KIND_COUNT
};

/* "intros", ..., "audit"; NULL when out of range. */
const char *export_kind_name(enum export_kind k);
/* The kind called name (case-insensitive, singulars accepted); -1 unknown. */
int export_kind_from_name(const char *name);

/* Write every row of kind to out. *rows (may be NULL) gets the rows written
 * (not the header). STORE_IO with a message when out cannot be written;
 * reading happens in one read transaction, so the file is a consistent
 * snapshot even while others write. */
enum store_status export_csv(struct store *st, enum export_kind kind, FILE *out, long *rows);

#endif
