/* import_internal.h - what the CSV importer's files share.
 *
 *   import.c          reading, libcsv, line numbers, header, messages, the
 *                     transaction and progress
 *   import_columns.c  the columns of each kind and their aliases; header mapping
 *   import_values.c   value parsers (dates, money, numbers, yes/no, domains),
 *                     UTF-8 checks, quoting values for messages
 *   import_cache.c    name -> id maps, so a row costs the same at any desk size
 *   import_rows.c     one handler per kind, on the public store API
 *
 * Nothing outside these files includes this.
 */
#ifndef COSELLDESK_IMPORT_INTERNAL_H
#define COSELLDESK_IMPORT_INTERNAL_H

#include <stddef.h>
#include <csv.h>

#include "coselldesk/import.h"

#define IMPORT_NAME_MAX (STORE_NAME_SIZE - 1)   /* 127 bytes */
#define IMPORT_NOTE_MAX (STORE_NOTE_SIZE - 1)   /* 4000 bytes */
#define IMPORT_SHORT_MAX 64                     /* numbers, dates, yes/no */
#define IMPORT_FIELD_HARD_MAX (64 * 1024)       /* libcsv's buffer stops here */
#define IMPORT_RECORD_MAX (1024 * 1024)         /* bytes of one record kept */
#define IMPORT_MAX_COLUMNS 4096                 /* fields of one record kept */
#define IMPORT_DEFAULT_MESSAGES 100             /* error lines kept */
#define IMPORT_UNKNOWN_LISTED 20                /* unknown columns named in the warning */

/* Every field any kind knows. A kind's table picks some of them. */
enum import_field {
	F_PARTNER, F_ACCOUNT, F_DOMAIN, F_RECEIVED_AT, F_EXPECTED_ACV, F_CONTACT,
	F_NOTE, F_POD, F_OWNER, F_EXTERNAL_ID, F_SOURCE,
	F_NAME, F_TIER, F_REGION, F_INDUSTRY, F_COUNTRY, F_EMPLOYEES, F_STRATEGIC,
	F_OUR_POP, F_PARTNER_POP, F_OVERLAP_TYPE, F_OPEN_DEAL, F_STAKEHOLDERS,
	F_PARTNER_CONTACT, F_REFRESHED_AT,
	F_EMAIL, F_SELLING_HOURS, F_ACTIVE,
	F_INTRO, F_OUTCOME, F_ACTUAL_ACV, F_REASON, F_CLOSED_AT,
	F_COUNT
};

/* One column a kind reads. */
struct column_spec {
	enum import_field field;  /* what it fills */
	const char *name;         /* canonical name: the exporter's header */
	const char *aliases;      /* normalised spellings, '|'-separated, most
	                           * specific first (the first wins when a file has
	                           * several of them) */
	int required;             /* 1: the header must have it */
	size_t max_len;           /* longest value in bytes */
};

/* The columns of one kind. */
struct kind_spec {
	const struct column_spec *columns; /* the table */
	size_t count;                      /* entries */
	const char *const *export_only;    /* columns the exporter adds; ignored
	                                    * silently (NULL-terminated) */
	const char *needs;                 /* what the header must name, for messages */
};

const struct kind_spec *import_kind_spec(enum import_kind k);

/* How a header maps: per file column, the field it fills (-1: ignored), and
 * per field the column holding it (-1: none). */
struct header_map {
	int ncols;                  /* fields of the header row */
	int *col_field;             /* ncols entries */
	int field_col[F_COUNT];     /* F_COUNT entries */
	const struct column_spec *spec[F_COUNT]; /* the spec of each mapped field */
	char **names;               /* ncols header names as written (trimmed) */
};

struct importer;

/* Map the header row (fields[i], ncols of them) for the importer's kind:
 * reports unknown columns (one warning) and missing or duplicate ones
 * (errors). 0 when the import can go on, -1 when the header is unusable. */
int header_map_build(struct importer *im, struct header_map *map, char **fields, int ncols);
void header_map_free(struct header_map *map);

/* Header name normalisation: lowercase ASCII letters, digits, '#' and
 * non-ASCII bytes kept, everything else dropped. */
void header_normalize(const char *in, char *out, size_t size);

/* ---- values (import_values.c) ---- */

/* 1 when s (len bytes) is valid UTF-8 (no overlongs, surrogates, > U+10FFFF);
 * otherwise 0 and *bad_at is the offset of the first bad byte. */
int utf8_valid(const unsigned char *s, size_t len, size_t *bad_at);

/* A value for a message: quoted, control characters, quotes, backslashes and
 * bytes that are not UTF-8 escaped (\x1b), cut to about 48 bytes with "...". */
void value_quote(const char *s, char *out, size_t size);
/* The same without the quotes and without the cut (header names and file
 * names in "file:line: column:"), up to size. */
void value_display(const char *s, char *out, size_t size);

/* Parsers: 0 ok, < 0 with *why set to the reason. */
int value_int(const char *s, long long max, long long *out, const char **why);
int value_decimal(const char *s, double max, double *out, const char **why);
int value_bool(const char *s, int *out);
/* "won" / "lost" (and "closed won", "Closed-Lost"...): 1 won, 0 lost, -1 unknown. */
int value_outcome(const char *s);
/* A code name from a label: "Lost to competitor" -> "lost_to_competitor". */
void value_code(const char *s, char *out, size_t size);
/* Population with the export spellings ("Customers", "Open Opportunities",
 * Reveal's "Partner" = none); -1 unknown. */
int value_population(const char *s);
/* Crossbeam-style "Customers x Prospects": ours then the partner's. 0 ok. */
int value_overlap_type(const char *s, int *ours, int *partners);
/* Cache key of a name: ASCII lowercased (as SQLite's NOCASE compares). */
void value_key(const char *s, char *out, size_t size);
/* Values meaning "none" in a domain column ("-", "n/a", "none", "null"). */
int value_is_none(const char *s);

/* ---- name -> id caches (import_cache.c) ---- */

struct cache_slot;
struct name_cache {
	struct cache_slot *slots;   /* open addressing, power-of-two capacity */
	size_t cap;                 /* slots */
	size_t count;               /* keys held */
};

/* The id stored for key, or NULL. */
const char *cache_get(const struct name_cache *c, const char *key);
/* Store (or replace) key -> id. 0, or -1 out of memory. */
int cache_put(struct name_cache *c, const char *key, const char *id);
void cache_free(struct name_cache *c);

/* ---- the importer (import.c) ---- */

/* One data row as the handlers see it. */
struct import_row {
	long line;                      /* physical line the record starts on */
	char **fields;                  /* the record's fields (trimmed, NUL-terminated) */
	int nfields;                    /* how many */
	unsigned char bad[F_COUNT];     /* 1: already reported for this field */
	int errors;                     /* errors reported for this row */
};

struct importer {
	struct store *st;               /* the desk */
	enum import_kind kind;          /* what the file holds */
	const struct kind_spec *spec;   /* its columns */
	const char *name;               /* file name in messages */
	struct import_result *res;      /* counters and messages */
	int max_messages;               /* error lines kept */
	long errors_kept;               /* error lines kept so far */
	size_t messages_cap;            /* allocated entries of res->messages */
	enum store_status fatal;        /* STORE_OK, or why the import stopped */
	int stopped;                    /* 1: stop reading (fatal, or the file is unusable) */

	/* reading */
	struct csv_parser parser;       /* libcsv */
	int parser_ready;               /* parser initialised */
	long line;                      /* line of the next byte fed */
	int after_cr;                   /* the last byte fed was '\r' */
	int in_record;                  /* a record has begun and not ended */
	long rec_line;                  /* the line it began on */
	long long bytes_done;           /* bytes consumed */
	long long bytes_total;          /* size, -1 unknown */
	int started;                    /* the first bytes were seen (BOM check) */

	/* the record being read */
	char *arena;                    /* its field bytes, each NUL-terminated */
	size_t arena_len, arena_cap;
	size_t *offsets;                /* start of each field in arena */
	int nfields, fields_cap;        /* fields kept / allocated */
	int rec_overflow;               /* too many fields or bytes: reported once */
	int rec_error;                  /* the record already has an error of its own
	                                 * (syntax, UTF-8) */

	/* the header */
	int have_header;                /* the header row was read */
	struct header_map map;          /* how it maps */

	/* lookups made during this import */
	struct name_cache partners;     /* partner name key -> id */
	struct name_cache accounts;     /* "n:" name key or "d:" domain -> id */
	struct name_cache pods;         /* pod name key -> id */
	struct name_cache specialists;  /* specialist name key -> id */
	struct name_cache aes;          /* AE name key -> id */
	struct name_cache account_pods; /* account id -> its territory owner's pod ("-" none) */
	struct name_cache pod_owners;   /* pod id -> the pod's first specialist ("-" none) */

	/* the page cache, raised for the import and put back after */
	long long cache_before;         /* PRAGMA cache_size before (0: not changed) */

	/* progress */
	import_progress_fn progress;
	void *progress_ctx;
	int cancelled;                  /* the callback asked to stop */
};

/* Record an error / a warning at line (0: the file) about column (NULL: the
 * row or file as a whole). The text is printf-formatted; values in it must
 * already be quoted with value_quote. */
void import_error(struct importer *im, long line, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void import_warning(struct importer *im, long line, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Row accessors for the handlers. */
/* The trimmed value of field f, or NULL when the file has no such column, the
 * value is empty, or the field was already reported bad. */
const char *row_get(struct importer *im, const struct import_row *r, enum import_field f);
/* 1 when the file has a column for f. */
int row_has(const struct importer *im, enum import_field f);
/* The header name of f's column as a message shows it. */
const char *row_column(const struct importer *im, enum import_field f);
/* Report a problem with field f of row r (marks it bad); f == F_COUNT: about
 * the row as a whole. */
void row_error(struct importer *im, struct import_row *r, enum import_field f,
	       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* row_get, reporting "missing" when it is empty. */
const char *row_require(struct importer *im, struct import_row *r, enum import_field f);

/* A store call failed for this row: a refusal (not found, invalid, refused,
 * ambiguous) becomes a row error on field f with the store's message; anything
 * else (busy, I/O...) stops the import. */
void row_store_error(struct importer *im, struct import_row *r, enum import_field f,
		     enum store_status rc);

/* ---- per kind (import_rows.c) ---- */

/* Check the header has what the kind needs beyond single required columns
 * (outcomes: some way to name the intro; overlaps: an account and a
 * population). 0 ok, -1 errors reported. */
int import_rows_check_header(struct importer *im);
/* Handle one data row: validate, then write through the store. */
void import_rows_handle(struct importer *im, struct import_row *r);

#endif
