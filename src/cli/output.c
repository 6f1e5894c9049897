/* output.c - answers of batch commands as text, CSV or JSON.
 *
 * Commands build a value tree; this file owns the three renderings so that
 * every command supports every format the same way (see cli_output.h).
 */
#include "coselldesk/cli_output.h"
#include "coselldesk/cli.h"

#include <errno.h>
#include <langinfo.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

enum value_kind {
	KIND_NULL,
	KIND_STRING,
	KIND_INT,
	KIND_MONEY,
	KIND_REAL,
	KIND_RATIO,
	KIND_BOOL,
	KIND_TIME,
	KIND_OBJECT,
	KIND_ARRAY
};

struct output_value {
	enum value_kind kind;        /* what this node holds */
	char *key;                   /* member name when inside an object */
	char *text;                  /* KIND_STRING */
	long long number;            /* KIND_INT, KIND_MONEY, KIND_BOOL, KIND_TIME */
	double real;                 /* KIND_REAL */
	int decimals;                /* KIND_REAL: digits kept after the point */
	int count;                   /* containers: members or elements */
	struct output_value *first;  /* containers: first child */
	struct output_value *last;   /* containers: last child, for appending */
	struct output_value *next;   /* next sibling */
};

/* Longest cell a text table shows before it is cut with an ellipsis. */
#define TABLE_CELL_MAX 40

/* ---- building ---------------------------------------------------------- */

static struct output_value *node_new(enum value_kind kind)
{
	struct output_value *v = cli_alloc(sizeof *v);
	memset(v, 0, sizeof *v);
	v->kind = kind;
	return v;
}

static struct output_value *attach(struct output_value *parent, const char *key,
				   struct output_value *child)
{
	if (parent->kind == KIND_OBJECT)
		child->key = cli_strdup(key ? key : "");
	if (parent->last)
		parent->last->next = child;
	else
		parent->first = child;
	parent->last = child;
	parent->count++;
	return child;
}

int output_format_from_name(const char *name)
{
	if (!strcmp(name, "text"))
		return OUTPUT_TEXT;
	if (!strcmp(name, "csv"))
		return OUTPUT_CSV;
	if (!strcmp(name, "json"))
		return OUTPUT_JSON;
	return -1;
}

struct output_value *output_object(void)
{
	return node_new(KIND_OBJECT);
}

struct output_value *output_array(void)
{
	return node_new(KIND_ARRAY);
}

struct output_value *output_add_string(struct output_value *parent, const char *key,
				       const char *s)
{
	struct output_value *v;

	if (!s)
		return output_add_null(parent, key);
	v = node_new(KIND_STRING);
	v->text = cli_strdup(s);
	return attach(parent, key, v);
}

/* The kinds that keep their value in number. */
static struct output_value *add_number(struct output_value *parent, const char *key,
				       enum value_kind kind, long long n)
{
	struct output_value *v = node_new(kind);
	v->number = n;
	return attach(parent, key, v);
}

struct output_value *output_add_int(struct output_value *parent, const char *key, long long n)
{
	return add_number(parent, key, KIND_INT, n);
}

struct output_value *output_add_money(struct output_value *parent, const char *key,
				      long long dollars)
{
	return add_number(parent, key, KIND_MONEY, dollars);
}

struct output_value *output_add_real(struct output_value *parent, const char *key,
				     double r, int decimals)
{
	struct output_value *v = node_new(KIND_REAL);
	v->real = r;
	v->decimals = decimals < 0 ? 0 : decimals > 9 ? 9 : decimals;
	return attach(parent, key, v);
}

struct output_value *output_add_ratio(struct output_value *parent, const char *key, double r)
{
	struct output_value *v = node_new(KIND_RATIO);
	v->real = r;
	v->decimals = 3;
	return attach(parent, key, v);
}

struct output_value *output_add_bool(struct output_value *parent, const char *key, int b)
{
	return add_number(parent, key, KIND_BOOL, b != 0);
}

struct output_value *output_add_time(struct output_value *parent, const char *key,
				     long long unix_seconds)
{
	return add_number(parent, key, KIND_TIME, unix_seconds);
}

struct output_value *output_add_null(struct output_value *parent, const char *key)
{
	return attach(parent, key, node_new(KIND_NULL));
}

struct output_value *output_add_int_or_null(struct output_value *parent, const char *key,
					    long long v, int known)
{
	return known ? output_add_int(parent, key, v) : output_add_null(parent, key);
}

struct output_value *output_add_money_or_null(struct output_value *parent, const char *key,
					      long long dollars, int known)
{
	return known ? output_add_money(parent, key, dollars) : output_add_null(parent, key);
}

struct output_value *output_add_real_or_null(struct output_value *parent, const char *key,
					     double v, int decimals, int known)
{
	return known ? output_add_real(parent, key, v, decimals) : output_add_null(parent, key);
}

struct output_value *output_add_ratio_or_null(struct output_value *parent, const char *key,
					      double v, int known)
{
	return known ? output_add_ratio(parent, key, v) : output_add_null(parent, key);
}

struct output_value *output_add_time_or_null(struct output_value *parent, const char *key,
					     long long unix_seconds, int known)
{
	return known ? output_add_time(parent, key, unix_seconds) : output_add_null(parent, key);
}

struct output_value *output_add_object(struct output_value *parent, const char *key)
{
	return attach(parent, key, node_new(KIND_OBJECT));
}

struct output_value *output_add_array(struct output_value *parent, const char *key)
{
	return attach(parent, key, node_new(KIND_ARRAY));
}

int output_count(const struct output_value *container)
{
	return container ? container->count : 0;
}

void output_free(struct output_value *v)
{
	while (v) {
		struct output_value *next = v->next;
		output_free(v->first);
		free(v->key);
		free(v->text);
		free(v);
		v = next;
	}
}

/* ---- UTF-8 ------------------------------------------------------------- */

/* Decode one code point of s (len bytes left). Returns the bytes it took
 * (at least 1); *cp is -1 for a bad byte, an overlong form or a surrogate. */
static int utf8_decode(const unsigned char *s, size_t len, long *cp)
{
	long c;
	int n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		n = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		n = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		n = 4;
		c = s[0] & 0x07;
	} else {
		*cp = -1;
		return 1;
	}
	if ((size_t)n > len) {
		*cp = -1;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = -1;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return n;
}

/* A code point a terminal must never receive raw. */
static int is_control(long cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

static int code_point_width(long cp)
{
	int w;

	if (cp < 0 || is_control(cp))
		return 1; /* shown as '?' */
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

int output_display_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	int width = 0;

	while (len > 0) {
		long cp;
		int n = utf8_decode(p, len, &cp);
		width += code_point_width(cp);
		p += n;
		len -= (size_t)n;
	}
	return width;
}

/* A copy of s fit for a terminal: control characters and bad bytes become
 * '?'; cut to max_width columns with an ellipsis when max_width > 0. */
static char *safe_copy(const char *s, int max_width)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	char *out = cli_alloc(len + 4);
	size_t o = 0;
	int width = 0;
	int utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	const char *ellipsis = utf8 ? "\xE2\x80\xA6" : "~";

	if (max_width > 0 && output_display_width(s) <= max_width)
		max_width = 0;
	while (len > 0) {
		long cp;
		int n = utf8_decode(p, len, &cp);
		int w = code_point_width(cp);

		if (max_width > 0 && width + w > max_width - 1) {
			strcpy(out + o, ellipsis);
			return out;
		}
		if (cp < 0 || is_control(cp)) {
			out[o++] = '?';
		} else {
			memcpy(out + o, p, (size_t)n);
			o += (size_t)n;
		}
		width += w;
		p += n;
		len -= (size_t)n;
	}
	out[o] = '\0';
	return out;
}

void output_write_safe(FILE *f, const char *s)
{
	char *safe = safe_copy(s, 0);
	fputs(safe, f);
	free(safe);
}

/* ---- scalars as text ---------------------------------------------------- */

void output_format_money(long long dollars, char *buf, size_t size)
{
	char digits[32];
	char grouped[48];
	unsigned long long mag = dollars < 0 ? 0ULL - (unsigned long long)dollars
					     : (unsigned long long)dollars;
	int n, i, o = 0;

	n = snprintf(digits, sizeof digits, "%llu", mag);
	for (i = 0; i < n; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = digits[i];
	}
	grouped[o] = '\0';
	snprintf(buf, size, "%s$%s", dollars < 0 ? "-" : "", grouped);
}

static void format_real(double r, int decimals, char *buf, size_t size);

void output_format_number(double v, int decimals, char *buf, size_t size)
{
	char plain[64], grouped[96];
	const char *p = plain;
	const char *dot;
	int digits, i, o = 0;

	format_real(v, decimals, plain, sizeof plain);
	if (*p == '-')
		grouped[o++] = *p++;
	dot = strchr(p, '.');
	digits = dot ? (int)(dot - p) : (int)strlen(p);
	for (i = 0; i < digits; i++) {
		if (i > 0 && (digits - i) % 3 == 0)
			grouped[o++] = ',';
		grouped[o++] = p[i];
	}
	grouped[o] = '\0';
	snprintf(buf, size, "%s%s", grouped, dot ? dot : "");
}

void output_format_local_time(long long unix_seconds, char *buf, size_t size)
{
	time_t t = (time_t)unix_seconds;
	struct tm tm;

	if (!localtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%d %H:%M", &tm))
		snprintf(buf, size, "%lld", unix_seconds);
}

static void format_utc_time(long long unix_seconds, char *buf, size_t size)
{
	time_t t = (time_t)unix_seconds;
	struct tm tm;

	if (!gmtime_r(&t, &tm) || !strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm))
		snprintf(buf, size, "%lld", unix_seconds);
}

/* A real rounded to its decimals with trailing zeros dropped: 0.50 -> 0.5. */
static void format_real(double r, int decimals, char *buf, size_t size)
{
	char *dot;
	size_t len;

	snprintf(buf, size, "%.*f", decimals, r);
	dot = strchr(buf, '.');
	if (dot) {
		len = strlen(buf);
		while (len > 0 && buf[len - 1] == '0')
			buf[--len] = '\0';
		if (len > 0 && buf[len - 1] == '.')
			buf[--len] = '\0';
	}
	if (!strcmp(buf, "-0"))
		strcpy(buf, "0");
}

static int is_scalar(const struct output_value *v)
{
	return v->kind != KIND_OBJECT && v->kind != KIND_ARRAY;
}

static int is_scalar_array(const struct output_value *v)
{
	const struct output_value *c;

	if (v->kind != KIND_ARRAY)
		return 0;
	for (c = v->first; c; c = c->next)
		if (!is_scalar(c))
			return 0;
	return 1;
}

static int is_numeric(const struct output_value *v)
{
	return v->kind == KIND_INT || v->kind == KIND_MONEY || v->kind == KIND_REAL ||
	       v->kind == KIND_RATIO;
}

/* A scalar (or an array of scalars) as one cell of fmt, newly allocated.
 * Text is not yet made terminal-safe; the text renderers do that. */
static char *scalar_text(const struct output_value *v, enum output_format fmt)
{
	char buf[64];

	switch (v->kind) {
	case KIND_NULL:
		return cli_strdup(fmt == OUTPUT_TEXT ? "-" : "");
	case KIND_STRING:
		return cli_strdup(v->text);
	case KIND_INT:
		snprintf(buf, sizeof buf, "%lld", v->number);
		return cli_strdup(buf);
	case KIND_MONEY:
		if (fmt == OUTPUT_TEXT)
			output_format_money(v->number, buf, sizeof buf);
		else
			snprintf(buf, sizeof buf, "%lld", v->number);
		return cli_strdup(buf);
	case KIND_REAL:
		if (!isfinite(v->real))
			return cli_strdup(fmt == OUTPUT_TEXT ? "-" : "");
		format_real(v->real, v->decimals, buf, sizeof buf);
		return cli_strdup(buf);
	case KIND_RATIO:
		if (!isfinite(v->real))
			return cli_strdup(fmt == OUTPUT_TEXT ? "-" : "");
		if (fmt == OUTPUT_TEXT)
			snprintf(buf, sizeof buf, "%.0f%%", v->real * 100);
		else
			format_real(v->real, v->decimals, buf, sizeof buf);
		return cli_strdup(buf);
	case KIND_BOOL:
		if (fmt == OUTPUT_TEXT)
			return cli_strdup(v->number ? "yes" : "no");
		return cli_strdup(v->number ? "true" : "false");
	case KIND_TIME:
		if (fmt == OUTPUT_TEXT)
			output_format_local_time(v->number, buf, sizeof buf);
		else
			format_utc_time(v->number, buf, sizeof buf);
		return cli_strdup(buf);
	case KIND_ARRAY: {
		const struct output_value *c;
		const char *sep = fmt == OUTPUT_TEXT ? ", " : ";";
		size_t total = 1, used = 0;
		char *out;

		for (c = v->first; c; c = c->next) {
			char *t = scalar_text(c, fmt);
			total += strlen(t) + strlen(sep);
			free(t);
		}
		out = cli_alloc(total);
		out[0] = '\0';
		for (c = v->first; c; c = c->next) {
			char *t = scalar_text(c, fmt);
			if (used)
				used += (size_t)sprintf(out + used, "%s", sep);
			used += (size_t)sprintf(out + used, "%s", t);
			free(t);
		}
		return out;
	}
	case KIND_OBJECT:
		break;
	}
	return cli_strdup("");
}

/* ---- flattening rows for tables (text and CSV) ------------------------- */

/* One column of a table: a key path and whether its cells are numbers. */
struct column {
	char *path;      /* "name" or "parent.child" */
	int numeric;     /* right-align in text: 1 numbers only, 0 not, -1 only nulls yet */
	int width;       /* display width in text */
};

struct column_set {
	struct column *cols;
	int count;
	int cap;
};

static int column_find(const struct column_set *set, const char *path)
{
	int i;
	for (i = 0; i < set->count; i++)
		if (!strcmp(set->cols[i].path, path))
			return i;
	return -1;
}

static char *join_path(const char *prefix, const char *key)
{
	size_t n;
	char *p;

	if (!prefix)
		return cli_strdup(key);
	n = strlen(prefix) + strlen(key) + 2;
	p = cli_alloc(n);
	snprintf(p, n, "%s.%s", prefix, key);
	return p;
}

/* Collect the columns an object contributes (scalars, scalar arrays, nested
 * objects flattened; arrays of objects left out). */
static void collect_columns(struct column_set *set, const struct output_value *obj,
			    const char *prefix)
{
	const struct output_value *m;

	for (m = obj->first; m; m = m->next) {
		char *path = join_path(prefix, m->key);

		if (m->kind == KIND_OBJECT) {
			collect_columns(set, m, path);
		} else if (is_scalar(m) || is_scalar_array(m)) {
			int i = column_find(set, path);
			if (i < 0) {
				if (set->count == set->cap) {
					set->cap = set->cap ? set->cap * 2 : 16;
					set->cols = cli_realloc(set->cols,
								(size_t)set->cap * sizeof *set->cols);
				}
				i = set->count++;
				set->cols[i].path = path;
				set->cols[i].numeric = -1;
				set->cols[i].width = 0;
				path = NULL;
			}
			/* a column is numeric when every value it has is a number */
			if (m->kind != KIND_NULL) {
				if (!is_numeric(m))
					set->cols[i].numeric = 0;
				else if (set->cols[i].numeric < 0)
					set->cols[i].numeric = 1;
			}
		}
		free(path);
	}
}

/* Find the member at a dotted path inside obj; NULL when absent. */
static const struct output_value *lookup_path(const struct output_value *obj, const char *path)
{
	const struct output_value *m;
	size_t klen;

	for (m = obj->first; m; m = m->next) {
		klen = strlen(m->key);
		if (!strncmp(path, m->key, klen)) {
			if (path[klen] == '\0')
				return m;
			if (path[klen] == '.' && m->kind == KIND_OBJECT) {
				const struct output_value *r = lookup_path(m, path + klen + 1);
				if (r)
					return r;
			}
		}
	}
	return NULL;
}

static void free_columns(struct column_set *set)
{
	int i;
	for (i = 0; i < set->count; i++)
		free(set->cols[i].path);
	free(set->cols);
}

/* ---- text -------------------------------------------------------------- */

static void indent(FILE *f, int n)
{
	fprintf(f, "%*s", n, "");
}

static void pad(FILE *f, int n)
{
	if (n > 0)
		fprintf(f, "%*s", n, "");
}

/* Words people read in capitals wherever they appear. */
static int is_acronym(const char *word, size_t len)
{
	static const char *const acronyms[] = { "acv", "ae", "aes", "icp", "id", "pql", "pqls", "sla" };
	size_t i;

	for (i = 0; i < sizeof acronyms / sizeof acronyms[0]; i++)
		if (strlen(acronyms[i]) == len && !strncmp(acronyms[i], word, len))
			return 1;
	return 0;
}

/* "ae_hours" -> "AE hours"; headers are all capitals. */
static char *label_of(const char *key, int upper)
{
	char *l = cli_strdup(key);
	char *p, *word = l;

	for (p = l; ; p++) {
		if (*p == '_' || *p == '.' || *p == '\0') {
			if (is_acronym(word, (size_t)(p - word))) {
				char *q;
				for (q = word; q < p; q++)
					*q = (char)(*q - 'a' + 'A');
			}
			if (*p == '\0')
				break;
			*p = ' ';
			word = p + 1;
		} else if (upper && *p >= 'a' && *p <= 'z') {
			*p = (char)(*p - 'a' + 'A');
		}
	}
	return l;
}

/* The cells of one row for a text table: terminal-safe, cut to the cell
 * maximum; the column widths grow to fit. */
static char **text_cells(struct column_set *set, const struct output_value *row, int widen)
{
	char **cells = cli_alloc((size_t)(set->count + 1) * sizeof *cells);
	int j;

	for (j = 0; j < set->count; j++) {
		const struct output_value *v = lookup_path(row, set->cols[j].path);
		char *raw = v ? scalar_text(v, OUTPUT_TEXT) : cli_strdup("");
		int w;

		/* the last column may run on: nothing follows it to misalign */
		cells[j] = safe_copy(raw, j == set->count - 1 ? 0 : TABLE_CELL_MAX);
		free(raw);
		w = output_display_width(cells[j]);
		if (widen && w > set->cols[j].width)
			set->cols[j].width = w;
	}
	return cells;
}

static void text_header_widths(struct column_set *set)
{
	int j;

	for (j = 0; j < set->count; j++) {
		char *h = label_of(set->cols[j].path, 1);
		set->cols[j].width = output_display_width(h);
		free(h);
	}
}

/* One line of a table, without trailing blanks. */
static void text_line(FILE *f, const struct column_set *set, char **cells, int ind)
{
	size_t size = (size_t)ind + 1, used = 0;
	char *line;
	int j;

	for (j = 0; j < set->count; j++)
		size += strlen(cells[j]) + (size_t)set->cols[j].width + 2;
	line = cli_alloc(size);
	used += (size_t)snprintf(line, size, "%*s", ind, "");
	for (j = 0; j < set->count; j++) {
		int gap = set->cols[j].width - output_display_width(cells[j]);
		int right = set->cols[j].numeric > 0;

		if (gap < 0)
			gap = 0;
		used += (size_t)snprintf(line + used, size - used, "%*s%s%*s%s", right ? gap : 0, "",
					 cells[j], right ? 0 : gap, "",
					 j < set->count - 1 ? "  " : "");
	}
	while (used > 0 && line[used - 1] == ' ')
		used--;
	line[used] = '\0';
	fputs(line, f);
	fputc('\n', f);
	free(line);
}

static void free_cells(char **cells, int n)
{
	int j;

	for (j = 0; j < n; j++)
		free(cells[j]);
	free(cells);
}

static void text_header(FILE *f, const struct column_set *set, int ind)
{
	char **heads = cli_alloc((size_t)(set->count + 1) * sizeof *heads);
	int j;

	for (j = 0; j < set->count; j++)
		heads[j] = label_of(set->cols[j].path, 1);
	text_line(f, set, heads, ind);
	free_cells(heads, set->count);
}

static void text_table(FILE *f, const struct output_value *rows, int ind)
{
	struct column_set set = { NULL, 0, 0 };
	const struct output_value *r;
	char ***cells;
	int nrows = 0, i;

	for (r = rows->first; r; r = r->next)
		if (r->kind == KIND_OBJECT)
			collect_columns(&set, r, NULL);
	text_header_widths(&set);
	cells = cli_alloc((size_t)(rows->count + 1) * sizeof *cells);
	for (r = rows->first; r; r = r->next)
		if (r->kind == KIND_OBJECT)
			cells[nrows++] = text_cells(&set, r, 1);
	if (nrows > 0 && set.count > 0)
		text_header(f, &set, ind);
	for (i = 0; i < nrows; i++) {
		if (set.count > 0)
			text_line(f, &set, cells[i], ind);
		free_cells(cells[i], set.count);
	}
	free(cells);
	free_columns(&set);
}

static void text_value(FILE *f, const struct output_value *v, int ind);

static void text_record(FILE *f, const struct output_value *obj, int ind)
{
	const struct output_value *m;
	int label_width = 0;

	for (m = obj->first; m; m = m->next) {
		char *l = label_of(m->key, 0);
		int w = output_display_width(l);
		if (w > label_width)
			label_width = w;
		free(l);
	}
	for (m = obj->first; m; m = m->next) {
		char *l = label_of(m->key, 0);

		indent(f, ind);
		output_write_safe(f, l);
		if (m->kind == KIND_ARRAY && m->count == 0) {
			pad(f, label_width - output_display_width(l) + 2);
			fputs("(none)\n", f);
		} else if (is_scalar(m) || is_scalar_array(m)) {
			char *raw = scalar_text(m, OUTPUT_TEXT);
			pad(f, label_width - output_display_width(l) + 2);
			output_write_safe(f, raw);
			fputc('\n', f);
			free(raw);
		} else if (m->count == 0) {
			pad(f, label_width - output_display_width(l) + 2);
			fputs("(none)\n", f);
		} else {
			fputs(":\n", f);
			text_value(f, m, ind + 2);
		}
		free(l);
	}
}

static void text_value(FILE *f, const struct output_value *v, int ind)
{
	const struct output_value *c;
	int objects = 1;

	if (v->kind == KIND_OBJECT) {
		text_record(f, v, ind);
		return;
	}
	if (v->kind != KIND_ARRAY) {
		char *raw = scalar_text(v, OUTPUT_TEXT);
		indent(f, ind);
		output_write_safe(f, raw);
		fputc('\n', f);
		free(raw);
		return;
	}
	for (c = v->first; c; c = c->next)
		if (c->kind != KIND_OBJECT)
			objects = 0;
	if (objects) {
		text_table(f, v, ind);
		return;
	}
	for (c = v->first; c; c = c->next)
		text_value(f, c, ind);
}

/* ---- CSV --------------------------------------------------------------- */

static void csv_cell(FILE *f, const char *s)
{
	const char *p;
	size_t len = strlen(s);
	int quote = len > 0 && (s[0] == ' ' || s[len - 1] == ' ');

	for (p = s; *p && !quote; p++)
		if (*p == ',' || *p == '"' || *p == '\n' || *p == '\r')
			quote = 1;
	if (!quote) {
		fputs(s, f);
		return;
	}
	fputc('"', f);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

static void csv_header(FILE *f, const struct column_set *set)
{
	int j;

	for (j = 0; j < set->count; j++) {
		if (j)
			fputc(',', f);
		csv_cell(f, set->cols[j].path);
	}
	fputc('\n', f);
}

static void csv_row(FILE *f, const struct column_set *set, const struct output_value *row)
{
	int j;

	for (j = 0; j < set->count; j++) {
		const struct output_value *c = lookup_path(row, set->cols[j].path);
		char *t = c ? scalar_text(c, OUTPUT_CSV) : cli_strdup("");
		if (j)
			fputc(',', f);
		csv_cell(f, t);
		free(t);
	}
	fputc('\n', f);
}

static void csv_value(FILE *f, const struct output_value *v)
{
	const struct output_value *r;
	struct column_set set = { NULL, 0, 0 };

	if (v->kind == KIND_OBJECT) {
		collect_columns(&set, v, NULL);
		csv_header(f, &set);
		csv_row(f, &set, v);
		free_columns(&set);
		return;
	}
	if (v->kind == KIND_ARRAY && v->count > 0 && !is_scalar_array(v)) {
		for (r = v->first; r; r = r->next)
			if (r->kind == KIND_OBJECT)
				collect_columns(&set, r, NULL);
		csv_header(f, &set);
		for (r = v->first; r; r = r->next)
			if (r->kind == KIND_OBJECT)
				csv_row(f, &set, r);
		free_columns(&set);
		return;
	}
	/* plain values: one column, one per line */
	fputs("value\n", f);
	if (v->kind != KIND_ARRAY) {
		char *t = scalar_text(v, OUTPUT_CSV);
		csv_cell(f, t);
		fputc('\n', f);
		free(t);
		return;
	}
	for (r = v->first; r; r = r->next) {
		char *t = scalar_text(r, OUTPUT_CSV);
		csv_cell(f, t);
		fputc('\n', f);
		free(t);
	}
}

/* ---- JSON -------------------------------------------------------------- */

static void json_string(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);

	fputc('"', f);
	while (len > 0) {
		long cp;
		int n = utf8_decode(p, len, &cp);

		if (cp < 0)
			fputs("\xEF\xBF\xBD", f); /* U+FFFD keeps the output valid UTF-8 */
		else if (cp == '"')
			fputs("\\\"", f);
		else if (cp == '\\')
			fputs("\\\\", f);
		else if (cp == '\n')
			fputs("\\n", f);
		else if (cp == '\r')
			fputs("\\r", f);
		else if (cp == '\t')
			fputs("\\t", f);
		else if (cp < 0x20 || cp == 0x7F)
			fprintf(f, "\\u%04lx", cp);
		else
			fwrite(p, 1, (size_t)n, f);
		p += n;
		len -= (size_t)n;
	}
	fputc('"', f);
}

static void json_value(FILE *f, const struct output_value *v, int ind)
{
	const struct output_value *c;
	char buf[64];

	switch (v->kind) {
	case KIND_NULL:
		fputs("null", f);
		return;
	case KIND_STRING:
		json_string(f, v->text);
		return;
	case KIND_INT:
	case KIND_MONEY:
		fprintf(f, "%lld", v->number);
		return;
	case KIND_REAL:
	case KIND_RATIO:
		if (!isfinite(v->real)) {
			fputs("null", f);
			return;
		}
		format_real(v->real, v->decimals, buf, sizeof buf);
		fputs(buf, f);
		return;
	case KIND_BOOL:
		fputs(v->number ? "true" : "false", f);
		return;
	case KIND_TIME:
		format_utc_time(v->number, buf, sizeof buf);
		json_string(f, buf);
		return;
	case KIND_ARRAY:
		if (v->count == 0) {
			fputs("[]", f);
			return;
		}
		if (is_scalar_array(v)) {
			fputc('[', f);
			for (c = v->first; c; c = c->next) {
				json_value(f, c, ind);
				if (c->next)
					fputs(", ", f);
			}
			fputc(']', f);
			return;
		}
		fputs("[\n", f);
		for (c = v->first; c; c = c->next) {
			indent(f, ind + 2);
			json_value(f, c, ind + 2);
			fputs(c->next ? ",\n" : "\n", f);
		}
		indent(f, ind);
		fputc(']', f);
		return;
	case KIND_OBJECT:
		if (v->count == 0) {
			fputs("{}", f);
			return;
		}
		fputs("{\n", f);
		for (c = v->first; c; c = c->next) {
			indent(f, ind + 2);
			json_string(f, c->key);
			fputs(": ", f);
			json_value(f, c, ind + 2);
			fputs(c->next ? ",\n" : "\n", f);
		}
		indent(f, ind);
		fputc('}', f);
		return;
	}
}

/* ---- streams ------------------------------------------------------------ */

struct output_stream {
	FILE *f;                     /* where rows go */
	enum output_format fmt;      /* how */
	struct output_value *sample; /* rows held until the columns are known */
	struct column_set set;       /* the columns (text, CSV) */
	int started;                 /* columns fixed, header written */
	long rows;                   /* rows written (JSON: for the commas) */
};

struct output_stream *output_stream_begin(FILE *f, enum output_format fmt)
{
	struct output_stream *s = cli_alloc(sizeof *s);

	memset(s, 0, sizeof *s);
	s->f = f;
	s->fmt = fmt;
	s->sample = output_array();
	if (fmt == OUTPUT_JSON)
		fputs("[", f);
	return s;
}

static void stream_write_row(struct output_stream *s, const struct output_value *row)
{
	if (s->fmt == OUTPUT_TEXT) {
		/* past the sample the widths stay put: a long cell pushes its own
		 * line only, never the lines after it */
		char **cells = text_cells(&s->set, row, 0);
		text_line(s->f, &s->set, cells, 0);
		free_cells(cells, s->set.count);
	} else {
		csv_row(s->f, &s->set, row);
	}
}

/* Fix the columns from the sample, write the header and the sample. */
static void stream_start(struct output_stream *s)
{
	const struct output_value *r;

	for (r = s->sample->first; r; r = r->next)
		collect_columns(&s->set, r, NULL);
	if (s->fmt == OUTPUT_TEXT) {
		char **cells;
		text_header_widths(&s->set);
		for (r = s->sample->first; r; r = r->next) {
			cells = text_cells(&s->set, r, 1);
			free_cells(cells, s->set.count);
		}
		if (s->sample->count > 0)
			text_header(s->f, &s->set, 0);
	} else if (s->sample->count > 0) {
		csv_header(s->f, &s->set);
	}
	for (r = s->sample->first; r; r = r->next)
		stream_write_row(s, r);
	output_free(s->sample);
	s->sample = NULL;
	s->started = 1;
}

int output_stream_row(struct output_stream *s, struct output_value *row)
{
	if (s->fmt == OUTPUT_JSON) {
		fputs(s->rows ? ",\n  " : "\n  ", s->f);
		json_value(s->f, row, 2);
		output_free(row);
	} else if (!s->started) {
		attach(s->sample, NULL, row);
		if (s->sample->count >= OUTPUT_STREAM_SAMPLE)
			stream_start(s);
	} else {
		stream_write_row(s, row);
		output_free(row);
	}
	s->rows++;
	return ferror(s->f) ? -1 : 0;
}

int output_stream_end(struct output_stream *s)
{
	int rc;

	if (s->fmt == OUTPUT_JSON)
		fputs(s->rows ? "\n]\n" : "]\n", s->f);
	else if (!s->started)
		stream_start(s);
	output_free(s->sample);
	free_columns(&s->set);
	rc = fflush(s->f) != 0 || ferror(s->f) ? -1 : 0;
	free(s);
	return rc;
}

/* ---- entry ------------------------------------------------------------- */

int output_render(FILE *f, enum output_format fmt, const struct output_value *v)
{
	switch (fmt) {
	case OUTPUT_TEXT: {
		/* rendered aside first, so no line ends in padding */
		char *buf = NULL, *line, *end;
		size_t len = 0;
		FILE *mem = open_memstream(&buf, &len);

		if (!mem) {
			text_value(f, v, 0);
			break;
		}
		text_value(mem, v, 0);
		fclose(mem);
		for (line = buf; line < buf + len; line = end + 1) {
			size_t n;
			end = memchr(line, '\n', (size_t)(buf + len - line));
			if (!end)
				end = buf + len;
			n = (size_t)(end - line);
			while (n > 0 && line[n - 1] == ' ')
				n--;
			fwrite(line, 1, n, f);
			if (end < buf + len)
				fputc('\n', f);
		}
		free(buf);
		break;
	}
	case OUTPUT_CSV:
		csv_value(f, v);
		break;
	case OUTPUT_JSON:
		json_value(f, v, 0);
		fputc('\n', f);
		break;
	}
	if (fflush(f) != 0 || ferror(f)) {
		if (!errno)
			errno = EIO;
		return -1;
	}
	return 0;
}
