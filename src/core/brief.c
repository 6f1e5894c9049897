/* brief.c - the AE brief: section names, markdown out and back in. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/brief.h"
#include "core_util.h"

struct section_text {
	const char *name;   /* stable name */
	const char *title;  /* heading */
};

static const struct section_text sections[BRIEF_SECTION_COUNT] = {
	[BRIEF_RELATIONSHIP] = { "relationship_history", "Partner relationship history" },
	[BRIEF_MAPPING]      = { "mapping_evidence",     "Account-mapping evidence" },
	[BRIEF_CONTACTS]     = { "named_contacts",       "Named contacts" },
	[BRIEF_ICP]          = { "icp_rationale",        "ICP rationale" },
	[BRIEF_PAIN]         = { "pain_hypothesis",      "Customer-pain hypothesis" },
	[BRIEF_COMPETITION]  = { "competitive_context",  "Competitive context" },
	[BRIEF_NEXT_STEP]    = { "next_step",            "Recommended next step" },
	[BRIEF_CLOSE_PLAN]   = { "close_plan",           "Mutual close plan" },
	[BRIEF_HANDOFF]      = { "handoff_checklist",    "Post-sale handoff checklist" },
};

const char *brief_section_name(enum brief_section s)
{
	return (unsigned)s < BRIEF_SECTION_COUNT ? sections[s].name : NULL;
}

const char *brief_section_title(enum brief_section s)
{
	return (unsigned)s < BRIEF_SECTION_COUNT ? sections[s].title : NULL;
}

static int section_from(const char *given, size_t len)
{
	core_name_trim(&given, &len);
	for (int s = 0; s < BRIEF_SECTION_COUNT; s++)
		if (core_name_same(given, len, sections[s].name) ||
		    core_name_same(given, len, sections[s].title))
			return s;
	return -1;
}

int brief_section_from_name(const char *name)
{
	return name ? section_from(name, strlen(name)) : -1;
}

void brief_init(struct brief *b)
{
	memset(b, 0, sizeof *b);
	b->score = -1;
	b->ae_hours = -1;
}

void brief_free(struct brief *b)
{
	free(b->handle);
	free(b->account);
	free(b->partner);
	for (int s = 0; s < BRIEF_SECTION_COUNT; s++)
		free(b->sections[s]);
	brief_init(b);
}

/* A heap copy, NULL for NULL or "". *failed is set when memory ran out. */
static char *copy_text(const char *text, int *failed)
{
	char *c;

	if (!text || !*text)
		return NULL;
	c = malloc(strlen(text) + 1);
	if (!c) {
		*failed = 1;
		return NULL;
	}
	return strcpy(c, text);
}

int brief_set_header(struct brief *b, const char *handle, const char *account,
		     const char *partner)
{
	int failed = 0;
	char *h = copy_text(handle, &failed);
	char *a = copy_text(account, &failed);
	char *p = copy_text(partner, &failed);

	if (failed) {
		free(h);
		free(a);
		free(p);
		return -1;
	}
	free(b->handle);
	free(b->account);
	free(b->partner);
	b->handle = h;
	b->account = a;
	b->partner = p;
	return 0;
}

int brief_set_section(struct brief *b, enum brief_section s, const char *text)
{
	int failed = 0;
	char *t;

	if ((unsigned)s >= BRIEF_SECTION_COUNT)
		return -1;
	t = copy_text(text, &failed);
	if (failed)
		return -1;
	free(b->sections[s]);
	b->sections[s] = t;
	return 0;
}

/* ---- rendering ---- */

struct out {
	char *p;
	size_t len, cap;
	int failed;
};

static void reserve(struct out *o, size_t more)
{
	size_t want = o->len + more + 1, cap = o->cap ? o->cap : 256;
	char *p;

	if (o->failed || want <= o->cap)
		return;
	while (cap < want)
		cap *= 2;
	p = realloc(o->p, cap);
	if (!p) {
		o->failed = 1;
		return;
	}
	o->p = p;
	o->cap = cap;
}

static void put(struct out *o, const char *s, size_t n)
{
	reserve(o, n);
	if (o->failed)
		return;
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

static void putf(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		o->failed = 1;
		return;
	}
	reserve(o, (size_t)n);
	if (o->failed)
		return;
	va_start(ap, fmt);
	vsnprintf(o->p + o->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	o->len += (size_t)n;
}

/* "## " or "##" alone starts a section; "###" does not. */
static int is_heading(const char *line, size_t len)
{
	return len >= 2 && line[0] == '#' && line[1] == '#' &&
	       (len == 2 || line[2] == ' ' || line[2] == '\t');
}

/* Leading backslashes, so "\## x" and "\\## x" can be told from headings. */
static size_t backslashes(const char *line, size_t len)
{
	size_t k = 0;

	while (k < len && line[k] == '\\')
		k++;
	return k;
}

static void put_body(struct out *o, const char *text)
{
	while (*text) {
		const char *nl = strchr(text, '\n');
		size_t len = nl ? (size_t)(nl - text) : strlen(text);
		size_t k = backslashes(text, len);

		/* One more backslash on anything that would read back as a heading. */
		if (is_heading(text + k, len - k))
			put(o, "\\", 1);
		put(o, text, len);
		put(o, "\n", 1);
		text += len + (nl ? 1 : 0);
	}
}

static void put_header(struct out *o, const struct brief *b)
{
	put(o, "# Brief", 7);
	if (b->handle)
		putf(o, " %s", b->handle);
	if (b->account)
		putf(o, ": %s", b->account);
	put(o, "\n\n", 2);
	if (b->partner)
		putf(o, "- Partner: %s\n", b->partner);
	if (b->tier >= 1 && b->tier <= 3)
		putf(o, "- Tier: %d\n", b->tier);
	else
		putf(o, "- Tier: not tiered\n");
	if (b->score >= 0)
		putf(o, "- PQL score: %d (bar %d: %s)\n", b->score, b->threshold,
		     b->score >= b->threshold ? "PQL" : "below the bar");
	else
		putf(o, "- PQL score: not scored\n");
	if (b->ae_hours >= 0)
		putf(o, "- AE-hour budget: %d h\n", b->ae_hours);
}

int brief_render(const struct brief *b, char **out, size_t *out_len)
{
	struct out o = { NULL, 0, 0, 0 };

	put_header(&o, b);
	for (int s = 0; s < BRIEF_SECTION_COUNT; s++) {
		putf(&o, "\n## %s\n\n", sections[s].title);
		if (b->sections[s])
			put_body(&o, b->sections[s]);
	}
	if (o.failed) {
		free(o.p);
		return -1;
	}
	*out = o.p;
	if (out_len)
		*out_len = o.len;
	return 0;
}

/* ---- parsing ---- */

static int is_blank(const char *line, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!isspace((unsigned char)line[i]))
			return 0;
	return 1;
}

/* The body of one section: lines [first, end) of md, blank lines at both
 * ends dropped, one escaping backslash removed from heading-like lines. */
static int take_body(const char *md, size_t first, size_t end, char **body)
{
	struct out o = { NULL, 0, 0, 0 };
	size_t pos = first, last_text = 0;

	*body = NULL;
	while (pos < end) {
		const char *line = md + pos;
		const char *nl = memchr(line, '\n', end - pos);
		size_t len = nl ? (size_t)(nl - line) : end - pos;
		size_t shown = len, k;

		pos += len + (nl ? 1 : 0);
		if (shown > 0 && line[shown - 1] == '\r')
			shown--;
		if (o.len == 0 && is_blank(line, shown))
			continue;
		k = backslashes(line, shown);
		if (k > 0 && is_heading(line + k, shown - k)) {
			line++;
			shown--;
		}
		put(&o, line, shown);
		put(&o, "\n", 1);
		if (!is_blank(line, shown))
			last_text = o.len;
	}
	if (o.failed) {
		free(o.p);
		return -1;
	}
	if (last_text == 0) {
		free(o.p);
		return 0;
	}
	o.p[last_text - 1] = '\0'; /* drop trailing blank lines and the last newline */
	*body = o.p;
	return 0;
}

int brief_parse(const char *md, size_t len, struct brief *b, char *err, size_t err_size)
{
	char *found[BRIEF_SECTION_COUNT] = { NULL };
	int seen[BRIEF_SECTION_COUNT] = { 0 };
	int current = -1, line_no = 0;
	size_t pos = 0, body_start = 0;

	for (;;) {
		const char *line = md + pos;
		const char *nl = pos < len ? memchr(line, '\n', len - pos) : NULL;
		size_t line_len = pos < len ? (nl ? (size_t)(nl - line) : len - pos) : 0;
		size_t shown = line_len;
		int at_end = pos >= len;

		line_no++;
		if (shown > 0 && line[shown - 1] == '\r')
			shown--;
		if (at_end || is_heading(line, shown)) {
			if (current >= 0 && take_body(md, body_start, pos, &found[current]) < 0) {
				core_say(err, err_size, "out of memory");
				goto fail;
			}
			if (at_end)
				break;
			current = section_from(line + 2, shown - 2);
			if (current < 0) {
				core_say(err, err_size, "line %d: unknown section '%.*s'", line_no,
					 (int)(shown > 2 ? shown - 3 : 0), line + 3);
				goto fail;
			}
			if (seen[current]++) {
				core_say(err, err_size, "line %d: section '%s' appears twice",
					 line_no, sections[current].title);
				goto fail;
			}
			body_start = pos + line_len + (nl ? 1 : 0);
		}
		pos += line_len + (nl ? 1 : 0);
		if (!nl)
			pos = len;
	}
	for (int s = 0; s < BRIEF_SECTION_COUNT; s++) {
		free(b->sections[s]);
		b->sections[s] = found[s];
	}
	return 0;
fail:
	for (int s = 0; s < BRIEF_SECTION_COUNT; s++)
		free(found[s]);
	return -1;
}
