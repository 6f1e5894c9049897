/* query.c - the queue's query language: text in, terms out. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coselldesk/domain.h"
#include "coselldesk/query.h"
#include "core_util.h"

#define HOUR 3600LL
#define DAY (24 * HOUR)
#define WEEK (7 * DAY)

static const char *const field_names[QUERY_FIELD_COUNT] = {
	[QUERY_TEXT] = "text",     [QUERY_POD] = "pod",         [QUERY_TIER] = "tier",
	[QUERY_SCORE] = "score",   [QUERY_STATE] = "state",     [QUERY_PARTNER] = "partner",
	[QUERY_ACCOUNT] = "account", [QUERY_OWNER] = "owner",   [QUERY_AE] = "ae",
	[QUERY_SIGNAL] = "signal", [QUERY_AGE] = "age",         [QUERY_ACV] = "acv",
	[QUERY_GATE] = "gate",     [QUERY_FLAG] = "is",
};

static const char *const op_symbols[QUERY_OP_COUNT] = {
	[QUERY_EQ] = "=", [QUERY_NE] = "!=", [QUERY_LT] = "<", [QUERY_LE] = "<=",
	[QUERY_GT] = ">", [QUERY_GE] = ">=", [QUERY_CONTAINS] = "~",
};

static const char *const flag_names[QUERY_FLAG_COUNT] = {
	[QUERY_FLAG_ESCALATED] = "escalated", [QUERY_FLAG_CONFLICT] = "conflict",
	[QUERY_FLAG_DUPLICATE] = "duplicate", [QUERY_FLAG_GAMING] = "gaming",
	[QUERY_FLAG_BREACHED] = "breached",   [QUERY_FLAG_NEW] = "new",
};

const char *query_field_name(enum query_field f)
{
	return (unsigned)f < QUERY_FIELD_COUNT ? field_names[f] : NULL;
}

const char *query_op_symbol(enum query_op op)
{
	return (unsigned)op < QUERY_OP_COUNT ? op_symbols[op] : NULL;
}

const char *query_flag_name(enum query_flag fl)
{
	return (unsigned)fl < QUERY_FLAG_COUNT ? flag_names[fl] : NULL;
}

/* len bytes of s equal name, case-insensitively. */
static int same(const char *s, size_t len, const char *name)
{
	return strlen(name) == len && strncasecmp(s, name, len) == 0;
}

static int field_from(const char *s, size_t len)
{
	for (int f = 0; f < QUERY_FIELD_COUNT; f++)
		if (same(s, len, field_names[f]))
			return f;
	return -1;
}

int query_field_from_name(const char *name)
{
	return name ? field_from(name, strlen(name)) : -1;
}

static int flag_from(const char *s, size_t len)
{
	for (int f = 0; f < QUERY_FLAG_COUNT; f++)
		if (same(s, len, flag_names[f]))
			return f;
	return -1;
}

/* Edit distance, for "did you mean": short words only. */
static size_t distance(const char *a, size_t la, const char *b)
{
	size_t lb = strlen(b), row[33];

	if (la > 32 || lb > 32)
		return 99;
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
			size_t best = diag + cost;

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The closest of names within two edits (and fewer edits than letters
 * typed, so "xy" suggests nothing), NULL when none is close. */
static const char *closest(const char *s, size_t len, const char *const *names, int count)
{
	const char *best = NULL;
	size_t best_d = 3;

	for (int i = 0; i < count; i++) {
		size_t d;

		if (!names[i])
			continue;
		d = distance(s, len, names[i]);
		if (d < best_d && d < len) {
			best_d = d;
			best = names[i];
		}
	}
	return best;
}

/* ---- the parser ---- */

struct parser {
	const char *text;     /* the whole input */
	size_t pos;           /* next byte to read */
	struct query *q;      /* terms so far */
	size_t cap;           /* allocated terms */
	char *err;            /* message buffer */
	size_t err_size;
	size_t *err_offset;
};

static int fail_at(struct parser *ps, size_t offset, const char *fmt, ...)
{
	va_list ap;

	if (ps->err && ps->err_size > 0) {
		va_start(ap, fmt);
		vsnprintf(ps->err, ps->err_size, fmt, ap);
		va_end(ap);
	}
	if (ps->err_offset)
		*ps->err_offset = offset;
	return -1;
}

static char *copy_n(const char *s, size_t n)
{
	char *c = malloc(n + 1);

	if (c) {
		memcpy(c, s, n);
		c[n] = '\0';
	}
	return c;
}

/* A value as typed: a quoted phrase (escapes \" and \\) or a run of
 * non-blank bytes. *out is a heap copy, unquoted. */
static int read_value(struct parser *ps, char **out)
{
	const char *t = ps->text;
	size_t start = ps->pos;

	*out = NULL;
	if (t[ps->pos] == '"') {
		size_t i = ps->pos + 1, n = 0;
		char *v;

		for (; t[i] && t[i] != '"'; i++)
			if (t[i] == '\\' && (t[i + 1] == '"' || t[i + 1] == '\\'))
				i++;
		if (t[i] != '"')
			return fail_at(ps, start, "unterminated quote at column %zu", start + 1);
		v = malloc(i - ps->pos);
		if (!v)
			return fail_at(ps, start, "out of memory");
		for (size_t j = ps->pos + 1; j < i; j++) {
			if (t[j] == '\\' && (t[j + 1] == '"' || t[j + 1] == '\\'))
				j++;
			v[n++] = t[j];
		}
		v[n] = '\0';
		ps->pos = i + 1;
		*out = v;
		return 0;
	}
	while (t[ps->pos] && !isspace((unsigned char)t[ps->pos]))
		ps->pos++;
	*out = copy_n(t + start, ps->pos - start);
	return *out ? 0 : fail_at(ps, start, "out of memory");
}

/* The operator after a field name, or -1 when none is there. ':' is
 * reported as QUERY_OP_COUNT, so the field decides what it means. */
static int read_op(struct parser *ps)
{
	const char *t = ps->text + ps->pos;

	if (t[0] == ':') { ps->pos += 1; return QUERY_OP_COUNT; }
	if (t[0] == '~') { ps->pos += 1; return QUERY_CONTAINS; }
	if (t[0] == '=') { ps->pos += 1; return QUERY_EQ; }
	if (t[0] == '!' && t[1] == '=') { ps->pos += 2; return QUERY_NE; }
	if (t[0] == '<' && t[1] == '=') { ps->pos += 2; return QUERY_LE; }
	if (t[0] == '>' && t[1] == '=') { ps->pos += 2; return QUERY_GE; }
	if (t[0] == '<') { ps->pos += 1; return QUERY_LT; }
	if (t[0] == '>') { ps->pos += 1; return QUERY_GT; }
	return -1;
}

/* Fields matched as names: ':' means contains. */
static int is_name_field(enum query_field f)
{
	return f == QUERY_TEXT || f == QUERY_POD || f == QUERY_PARTNER || f == QUERY_ACCOUNT ||
	       f == QUERY_OWNER || f == QUERY_AE;
}

static int is_numeric_field(enum query_field f)
{
	return f == QUERY_TIER || f == QUERY_SCORE || f == QUERY_AGE || f == QUERY_ACV;
}

/* Which operators a field takes; ':' has been resolved already. */
static int op_allowed(enum query_field f, enum query_op op)
{
	if (is_name_field(f))
		return op == QUERY_EQ || op == QUERY_NE || op == QUERY_CONTAINS;
	if (is_numeric_field(f))
		return op != QUERY_CONTAINS;
	return op == QUERY_EQ || op == QUERY_NE;
}

static const char *ops_hint(enum query_field f)
{
	if (is_name_field(f))
		return ":, =, != or ~";
	if (is_numeric_field(f))
		return ":, =, !=, <, <=, > or >=";
	return ":, = or !=";
}

/* Digits with optional thousands commas and one decimal point: *value and
 * the number of bytes read (0 when s does not start with a number). */
static size_t read_number(const char *s, double *value)
{
	size_t i = 0;
	double v = 0, scale = 0;
	int digits = 0;

	for (;; i++) {
		if (isdigit((unsigned char)s[i])) {
			v = v * 10 + (s[i] - '0');
			if (scale > 0)
				scale *= 10;
			digits++;
		} else if (s[i] == ',' && digits > 0 && scale == 0 && isdigit((unsigned char)s[i + 1])) {
			continue;
		} else if (s[i] == '.' && scale == 0 && isdigit((unsigned char)s[i + 1])) {
			scale = 1;
		} else {
			break;
		}
	}
	*value = scale > 0 ? v / scale : v;
	return digits > 0 ? i : 0;
}

/* A whole integer in lo..hi, or -1 with *ok 0. */
static long long read_int_in(const char *v, long long lo, long long hi, int *ok)
{
	long long n = 0;

	*ok = 0;
	if (!*v)
		return -1;
	for (const char *c = v; *c; c++) {
		if (!isdigit((unsigned char)*c) || n > hi)
			return -1;
		n = n * 10 + (*c - '0');
	}
	*ok = n >= lo && n <= hi;
	return n;
}

/* A name of an enum accepting unique prefixes ("mutual" for
 * "mutual_customer"): index, -1 unknown, -2 ambiguous. */
static int name_or_prefix(const char *v, int (*exact)(const char *),
			  const char *(*name)(int), int count)
{
	int e = exact(v), found = -1;
	size_t len = strlen(v);

	if (e >= 0)
		return e;
	if (len == 0)
		return -1;
	for (int i = 0; i < count; i++)
		if (strncasecmp(v, name(i), len) == 0) {
			if (found >= 0)
				return -2;
			found = i;
		}
	return found;
}

static const char *state_name_of(int i)
{
	return domain_state_name((enum intro_state)i);
}

static const char *signal_name_of(int i)
{
	return domain_signal_name((enum mapping_signal)i);
}

static int bad_state(struct parser *ps, const char *v, size_t at)
{
	const char *names[STATE_COUNT];
	const char *hint;

	for (int s = 0; s < STATE_COUNT; s++)
		names[s] = domain_state_name((enum intro_state)s);
	hint = closest(v, strlen(v), names, STATE_COUNT);
	if (hint)
		return fail_at(ps, at, "state: '%s' at column %zu is not a state; did you mean '%s'?",
			       v, at + 1, hint);
	return fail_at(ps, at, "state: '%s' at column %zu is not a state", v, at + 1);
}

/* age: a number and a unit h, d or w; term->number in seconds. */
static int read_age(struct parser *ps, struct query_term *term, size_t at)
{
	const char *v = term->text;
	double num;
	size_t used = read_number(v, &num);
	int unit;

	if (used == 0)
		return fail_at(ps, at, "age: '%s' at column %zu is not a number with h, d or w",
			       v, at + 1);
	if (v[used] == '\0')
		return fail_at(ps, at, "age: '%s' at column %zu needs a unit h, d or w", v, at + 1);
	unit = tolower((unsigned char)v[used]);
	if (v[used + 1] != '\0' || (unit != 'h' && unit != 'd' && unit != 'w'))
		return fail_at(ps, at, "age: '%s' at column %zu: the unit is h, d or w", v, at + 1);
	num *= (double)(unit == 'h' ? HOUR : unit == 'd' ? DAY : WEEK);
	/* ~31,700 years is beyond any age and well inside long long; the test is
	 * written so that NaN (digits overflowing both sides of the point) fails */
	if (!(num <= 1e12))
		return fail_at(ps, at, "age: '%s' at column %zu is too large", v, at + 1);
	term->number = (long long)(num + 0.5);
	return 0;
}

/* acv: dollars, optional '$', thousands commas, k or m suffix. */
static int read_acv(struct parser *ps, struct query_term *term, size_t at)
{
	const char *v = term->text;
	const char *s = v + (v[0] == '$');
	double num, mult = 1;
	size_t used = read_number(s, &num);

	if (used > 0 && tolower((unsigned char)s[used]) == 'k') {
		mult = 1e3;
		used++;
	} else if (used > 0 && tolower((unsigned char)s[used]) == 'm') {
		mult = 1e6;
		used++;
	}
	if (used == 0 || s[used] != '\0' || !(num * mult <= 1e15))  /* NaN too */
		return fail_at(ps, at, "acv: '%s' at column %zu is not an amount"
			       " (55000, $55,000, 55k, 1.5m)", v, at + 1);
	term->number = (long long)(num * mult + 0.5);
	return 0;
}

/* Fill term->number (and is_me) from term->text for its field. */
static int read_field_value(struct parser *ps, struct query_term *term, size_t at)
{
	const char *v = term->text;
	size_t col = at + 1;
	int ok, i;

	switch (term->field) {
	case QUERY_TEXT: case QUERY_POD: case QUERY_PARTNER: case QUERY_ACCOUNT:
		return 0;
	case QUERY_OWNER: case QUERY_AE:
		term->is_me = strcasecmp(v, "me") == 0;
		return 0;
	case QUERY_TIER:
		term->number = read_int_in(v, 1, 3, &ok);
		return ok ? 0 : fail_at(ps, at, "tier: '%s' at column %zu is not 1, 2 or 3", v, col);
	case QUERY_SCORE:
		term->number = read_int_in(v, 0, 100, &ok);
		return ok ? 0 : fail_at(ps, at, "score: '%s' at column %zu is not 0-100", v, col);
	case QUERY_STATE:
		i = name_or_prefix(v, domain_state_from_name, state_name_of, STATE_COUNT);
		if (i >= 0) {
			term->number = i;
			return 0;
		}
		return bad_state(ps, v, at);
	case QUERY_SIGNAL:
		i = name_or_prefix(v, domain_signal_from_name, signal_name_of, SIGNAL_COUNT);
		if (i >= 0) {
			term->number = i;
			return 0;
		}
		return fail_at(ps, at, "signal: '%s' at column %zu is not a signal (none, our_customer,"
			       " partner_customer, open_opportunities, mutual_customer)", v, col);
	case QUERY_AGE:
		return read_age(ps, term, at);
	case QUERY_ACV:
		return read_acv(ps, term, at);
	case QUERY_GATE:
		if (strcasecmp(v, "pql") == 0)
			term->number = 1;
		else if (strcasecmp(v, "below") == 0)
			term->number = 0;
		else
			return fail_at(ps, at, "gate: '%s' at column %zu is not pql or below", v, col);
		return 0;
	case QUERY_FLAG:
		i = flag_from(v, strlen(v));
		if (i < 0)
			return fail_at(ps, at, "is: '%s' at column %zu is not a flag (escalated, conflict,"
				       " duplicate, gaming, breached, new)", v, col);
		term->number = i;
		return 0;
	default:
		return 0;
	}
}

static struct query_term *new_term(struct parser *ps)
{
	struct query_term *t;

	if (ps->q->count == ps->cap) {
		size_t cap = ps->cap ? ps->cap * 2 : 8;
		struct query_term *grown = realloc(ps->q->terms, cap * sizeof *grown);

		if (!grown)
			return NULL;
		ps->q->terms = grown;
		ps->cap = cap;
	}
	t = &ps->q->terms[ps->q->count++];
	memset(t, 0, sizeof *t);
	return t;
}

/* field op value, the field name at [start, start+len). */
static int parse_field_term(struct parser *ps, struct query_term *term, size_t start,
			    size_t len, int op)
{
	const char *t = ps->text;
	int f = field_from(t + start, len);
	size_t value_at;

	if (f < 0) {
		const char *hint = closest(t + start, len, field_names, QUERY_FIELD_COUNT);

		if (hint)
			return fail_at(ps, start, "unknown field '%.*s' at column %zu; did you mean '%s'?",
				       (int)len, t + start, start + 1, hint);
		return fail_at(ps, start, "unknown field '%.*s' at column %zu", (int)len, t + start,
			       start + 1);
	}
	term->field = (enum query_field)f;
	if (op == QUERY_OP_COUNT)
		op = is_name_field(term->field) ? QUERY_CONTAINS : QUERY_EQ;
	if (!op_allowed(term->field, (enum query_op)op))
		return fail_at(ps, start + len, "%s: '%s' at column %zu does not apply; use %s",
			       field_names[f], op_symbols[op], start + len + 1, ops_hint(term->field));
	term->op = (enum query_op)op;
	value_at = ps->pos;
	if (!t[ps->pos] || isspace((unsigned char)t[ps->pos]))
		return fail_at(ps, value_at, "%s: missing value at column %zu", field_names[f],
			       value_at + 1);
	if (read_value(ps, &term->text) < 0)
		return -1;
	if (term->field == QUERY_FLAG && term->op == QUERY_NE) {
		/* is!=gaming reads as !gaming: flags have one operator. */
		term->negated = !term->negated;
		term->op = QUERY_EQ;
	}
	return read_field_value(ps, term, value_at);
}

static int parse_term(struct parser *ps)
{
	const char *t = ps->text;
	size_t start = ps->pos, word, name_end;
	struct query_term *term = new_term(ps);
	int op;

	if (!term)
		return fail_at(ps, start, "out of memory");
	if (t[ps->pos] == '!') {
		term->negated = 1;
		ps->pos++;
		if (!t[ps->pos] || isspace((unsigned char)t[ps->pos]))
			return fail_at(ps, start, "'!' at column %zu needs a term after it", start + 1);
	}
	word = ps->pos;
	if (t[ps->pos] == '"') {
		term->field = QUERY_TEXT;
		term->op = QUERY_CONTAINS;
		if (read_value(ps, &term->text) < 0)
			return -1;
		goto done;
	}
	while (isalnum((unsigned char)t[ps->pos]) || t[ps->pos] == '_')
		ps->pos++;
	name_end = ps->pos;
	if (name_end > word && (op = read_op(ps)) >= 0) {
		if (parse_field_term(ps, term, word, name_end - word, op) < 0)
			return -1;
		goto done;
	}
	ps->pos = word;
	if (read_value(ps, &term->text) < 0)
		return -1;
	op = flag_from(term->text, strlen(term->text));
	if (op >= 0) {
		term->field = QUERY_FLAG;
		term->op = QUERY_EQ;
		term->number = op;
		term->text[0] = '\0';
	} else {
		term->field = QUERY_TEXT;
		term->op = QUERY_CONTAINS;
	}
done:
	term->offset = start;
	term->length = ps->pos - start;
	if (t[ps->pos] && !isspace((unsigned char)t[ps->pos]))
		return fail_at(ps, ps->pos, "unexpected '%c' at column %zu; put a blank between terms",
			       t[ps->pos], ps->pos + 1);
	return 0;
}

int query_parse(const char *text, struct query *out, char *err, size_t err_size,
		size_t *err_offset)
{
	struct parser ps = { text ? text : "", 0, out, 0, err, err_size, err_offset };

	out->terms = NULL;
	out->count = 0;
	if (err && err_size > 0)
		err[0] = '\0';
	for (;;) {
		while (isspace((unsigned char)ps.text[ps.pos]))
			ps.pos++;
		if (!ps.text[ps.pos])
			return 0;
		if (parse_term(&ps) < 0) {
			query_free(out);
			return -1;
		}
	}
}

void query_free(struct query *q)
{
	for (size_t i = 0; i < q->count; i++)
		free(q->terms[i].text);
	free(q->terms);
	q->terms = NULL;
	q->count = 0;
}

/* ---- back to text ---- */

/* A value that would not read back as itself bare gets quoted. */
static int needs_quotes(const char *v, int bare_term)
{
	if (!*v)
		return 1;
	if (bare_term && (v[0] == '!' || flag_from(v, strlen(v)) >= 0))
		return 1;
	for (const char *c = v; *c; c++)
		if (isspace((unsigned char)*c) || *c == '"' || (bare_term && strchr(":=<>~", *c)))
			return 1;
	return v[0] == '"';
}

static void add_value(struct core_text *t, const char *v, int bare_term)
{
	if (!needs_quotes(v, bare_term)) {
		core_text_add(t, "%s", v);
		return;
	}
	core_text_add(t, "\"");
	for (const char *c = v; *c; c++)
		core_text_add(t, *c == '"' || *c == '\\' ? "\\%c" : "%c", *c);
	core_text_add(t, "\"");
}

size_t query_format(const struct query *q, char *buf, size_t buf_size)
{
	struct core_text t = { buf, buf_size, 0 };

	if (buf && buf_size > 0)
		buf[0] = '\0';
	for (size_t i = 0; i < q->count; i++) {
		const struct query_term *term = &q->terms[i];

		core_text_add(&t, "%s%s", i ? " " : "", term->negated ? "!" : "");
		if (term->field == QUERY_FLAG) {
			core_text_add(&t, "%s", flag_names[term->number]);
		} else if (term->field == QUERY_TEXT && term->op == QUERY_CONTAINS) {
			add_value(&t, term->text, 1);
		} else {
			const char *op = op_symbols[term->op];

			if (is_name_field(term->field) ? term->op == QUERY_CONTAINS
						       : term->op == QUERY_EQ)
				op = ":";
			core_text_add(&t, "%s%s", field_names[term->field], op);
			add_value(&t, term->text, 0);
		}
	}
	return t.len;
}
