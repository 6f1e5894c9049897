/* query.h - the queue's small query language (the `l` limit, `T` tag by
 * query, `queue` filters).
 *
 * Pure (src/core/query.c): text in, a list of terms out. No SQL here; the
 * store maps each term to a condition with bound parameters, and ANDs them.
 *
 * Grammar (terms separated by blanks, all must hold):
 *   term    := ['!'] ( field op value | flag | word | '"' phrase '"' )
 *   op      := ':' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '~'
 *   value   := word | '"' phrase '"'       ('\"' and '\\' escape inside quotes)
 * Fields and what their values mean (term.number):
 *   pod, partner, account, owner, ae   names (text); ':' and '~' mean contains
 *                                      (case-insensitive), '=' and '!=' exact;
 *                                      owner:me / ae:me set is_me
 *   tier    1..3                        all comparisons
 *   score   0..100                      all comparisons
 *   state   an intro_state name         ':' '=' '!='   number = enum intro_state
 *   signal  a mapping_signal name       ':' '=' '!='   number = enum mapping_signal
 *   age     N with unit h, d or w       all comparisons; number = seconds
 *           (age>2d: received more than 2 days ago)
 *   acv     dollars, optional $, thousands commas, k or m suffix (50k, 1.5m)
 *                                       all comparisons; number = dollars
 *   gate    pql | below                 ':' '=' '!='   number = 1 pql, 0 below
 *   is      a flag name (is:escalated), same as the bare flag word;
 *           is!=x is read as !x (flag terms always carry QUERY_EQ)
 *   text    free text, as a bare word ("text=acme" for an exact match)
 * Bare flag words: escalated, conflict, duplicate, gaming, breached, new
 * (field QUERY_FLAG, number = enum query_flag). Any other bare word or a
 * quoted phrase is a text search (QUERY_TEXT, op contains).
 * Errors name the 1-based column and the bad token:
 *   "unknown field 'tire' at column 10; did you mean 'tier'?"
 *   "tier: '4' at column 6 is not 1, 2 or 3"
 *   "age: '2' at column 5 needs a unit h, d or w"
 */
#ifndef COSELLDESK_QUERY_H
#define COSELLDESK_QUERY_H

#include <stddef.h>

enum query_field {
	QUERY_TEXT,      /* free text: handle, partner, account, contact, note */
	QUERY_POD,
	QUERY_TIER,
	QUERY_SCORE,
	QUERY_STATE,
	QUERY_PARTNER,
	QUERY_ACCOUNT,
	QUERY_OWNER,     /* the desk specialist who owns the intro */
	QUERY_AE,        /* the assigned AE */
	QUERY_SIGNAL,
	QUERY_AGE,
	QUERY_ACV,
	QUERY_GATE,
	QUERY_FLAG,
	QUERY_FIELD_COUNT
};

enum query_op {
	QUERY_EQ,        /* = (and ':' on non-name fields) */
	QUERY_NE,        /* != */
	QUERY_LT,        /* < */
	QUERY_LE,        /* <= */
	QUERY_GT,        /* > */
	QUERY_GE,        /* >= */
	QUERY_CONTAINS,  /* ~ (and ':' on name fields, and text search) */
	QUERY_OP_COUNT
};

enum query_flag {
	QUERY_FLAG_ESCALATED,  /* an open escalation */
	QUERY_FLAG_CONFLICT,   /* channel or territory conflict flagged */
	QUERY_FLAG_DUPLICATE,  /* another open intro for the same account */
	QUERY_FLAG_GAMING,     /* tier-gaming flag raised */
	QUERY_FLAG_BREACHED,   /* SLA due time passed */
	QUERY_FLAG_NEW,        /* arrived since the view was last refreshed */
	QUERY_FLAG_COUNT
};

/* One condition. */
struct query_term {
	enum query_field field; /* what it tests */
	enum query_op op;       /* how */
	int negated;            /* '!' before the term: the condition is inverted */
	char *text;             /* the value as typed, unquoted (heap, never NULL;
	                         * "" for bare flags); the match string of name and
	                         * text fields */
	long long number;       /* the parsed value of non-name fields (see above) */
	int is_me;              /* owner:me / ae:me: the store substitutes the user */
	size_t offset;          /* byte offset of the term in the input */
	size_t length;          /* bytes the term spans in the input */
};

/* A parsed query: all terms must hold. An empty query matches everything. */
struct query {
	struct query_term *terms; /* heap array of count terms (NULL when 0) */
	size_t count;             /* how many terms */
};

/* Parse text into *out (which need not be initialised). On error returns -1,
 * *out is empty, err holds the message and *err_offset (when not NULL) the
 * 0-based byte offset of the bad token. Out of memory is an error too. */
int query_parse(const char *text, struct query *out, char *err, size_t err_size,
		size_t *err_offset);

/* Free the terms; *q becomes empty. Safe on an empty query. */
void query_free(struct query *q);

/* Write the query back in canonical form ("tier:1 score>=70 !escalated
 * \"plain words\""), for the status bar and saved views. Returns the length
 * needed (like snprintf); buf is always terminated when buf_size > 0. */
size_t query_format(const struct query *q, char *buf, size_t buf_size);

/* Names for completion and messages; NULL when out of range. */
const char *query_field_name(enum query_field f);   /* "tier"; "text" for QUERY_TEXT,
                                                     * "is" for QUERY_FLAG */
const char *query_op_symbol(enum query_op op);      /* "=", ">=", "~" */
const char *query_flag_name(enum query_flag fl);    /* "escalated" */

/* Parse a field name back (case-insensitive); -1 when unknown. */
int query_field_from_name(const char *name);

#endif
