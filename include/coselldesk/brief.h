/* brief.h - the async brief an AE reads instead of a call: its sections,
 * rendering to markdown and parsing the same markdown back (so an edit in
 * $EDITOR round-trips).
 *
 * Pure (src/core/brief.c): it builds and reads strings; the caller writes
 * and reads files. Every string in struct brief is owned by it (heap).
 *
 * Markdown layout (what brief_render writes, what brief_parse reads):
 *   # Brief IN-7F3A2C: Northwind Manufacturing
 *
 *   - Partner: <partner>
 *   - Tier: 2
 *   - PQL score: 79 (bar 70: PQL)
 *   - AE-hour budget: 3 h
 *
 *   ## Partner relationship history
 *   <text>
 *
 *   ## Account-mapping evidence
 *   ...
 * Everything before the first "## " line is the header block: it comes from
 * the store and is ignored on parse. A "## " line must be one of the section
 * titles (case-insensitive); anything else is an error naming the line.
 * Headings of other levels ("#", "###") are ordinary text. A text line of
 * the body that itself starts with "## " is written as "\## " and read back.
 * Leading and trailing blank lines of a body are dropped; an empty body
 * reads back as NULL.
 */
#ifndef COSELLDESK_BRIEF_H
#define COSELLDESK_BRIEF_H

#include <stddef.h>

/* The sections, in the order they are rendered. */
enum brief_section {
	BRIEF_RELATIONSHIP,  /* partner relationship history */
	BRIEF_MAPPING,       /* account-mapping evidence */
	BRIEF_CONTACTS,      /* named contacts (both sides) */
	BRIEF_ICP,           /* ICP rationale */
	BRIEF_PAIN,          /* customer-pain hypothesis */
	BRIEF_COMPETITION,   /* competitive context */
	BRIEF_NEXT_STEP,     /* recommended next step */
	BRIEF_CLOSE_PLAN,    /* mutual close plan (steps, owners, dates to signature) */
	BRIEF_HANDOFF,       /* post-sale handoff checklist (onboarding, support, renewal) */
	BRIEF_SECTION_COUNT
};

struct brief {
	char *handle;        /* the intro's handle ("IN-7F3A2C"); NULL when unknown */
	char *account;       /* account name; NULL when unknown */
	char *partner;       /* partner name; NULL when unknown */
	int tier;            /* 1..3, 0 when not tiered */
	int score;           /* PQL score 0..100, -1 when not scored */
	int threshold;       /* the bar at render time */
	int ae_hours;        /* AE-hour budget, -1 when none */
	char *sections[BRIEF_SECTION_COUNT]; /* text per section, NULL when empty */
};

/* Stable lower_snake names ("relationship_history", "mapping_evidence",
 * "named_contacts", "icp_rationale", "pain_hypothesis", "competitive_context",
 * "next_step", "close_plan", "handoff_checklist") for store columns and JSON;
 * titles ("Partner relationship history") for headings and screens.
 * NULL when out of range. */
const char *brief_section_name(enum brief_section s);
const char *brief_section_title(enum brief_section s);

/* Parse a name or a title back (case-insensitive, '-' or ' ' for '_'); -1
 * when unknown. */
int brief_section_from_name(const char *name);

/* Empty brief: all NULL, tier 0, score -1, threshold 0, ae_hours -1. */
void brief_init(struct brief *b);

/* Free every string and re-init. Safe on an initialised brief. */
void brief_free(struct brief *b);

/* Copy text into a header field / a section (NULL or "" clears it).
 * Return 0, or -1 when out of memory or the section is out of range. */
int brief_set_header(struct brief *b, const char *handle, const char *account,
		     const char *partner);
int brief_set_section(struct brief *b, enum brief_section s, const char *text);

/* Render to markdown in a new heap buffer (*out, NUL-terminated, length in
 * *out_len when not NULL); the caller frees it. Every section heading is
 * written, empty ones too, so the editor shows where to type. 0 or -1 (out
 * of memory). */
int brief_render(const struct brief *b, char **out, size_t *out_len);

/* Parse markdown (len bytes; need not be NUL-terminated) into the sections
 * of *b, replacing all of them: a section whose heading is missing from the
 * text becomes empty (header fields are left alone). On
 * error *b is unchanged and err says "line 12: unknown section 'Pricing'" or
 * "line 20: section 'ICP rationale' appears twice". 0 or -1. */
int brief_parse(const char *md, size_t len, struct brief *b, char *err, size_t err_size);

#endif
