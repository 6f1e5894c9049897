/* import_values.c - the importer's value parsers and message quoting.
 *
 * All pure: no locale (so no strptime, strtod or isalpha on bytes above
 * 0x7f), no clock. Dates become unix seconds with the days-from-civil
 * arithmetic, so the result does not depend on TZ.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "import_internal.h"

static int is_digit(int c)
{
	return c >= '0' && c <= '9';
}

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* ---- UTF-8 ---------------------------------------------------------- */

int utf8_valid(const unsigned char *s, size_t len, size_t *bad_at)
{
	size_t i = 0;

	while (i < len) {
		unsigned c = s[i];
		size_t need;
		unsigned cp, min;

		if (c < 0x80) {
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf) {
			need = 1;
			cp = c & 0x1f;
			min = 0x80;
		} else if (c >= 0xe0 && c <= 0xef) {
			need = 2;
			cp = c & 0x0f;
			min = 0x800;
		} else if (c >= 0xf0 && c <= 0xf4) {
			need = 3;
			cp = c & 0x07;
			min = 0x10000;
		} else {
			goto bad;
		}
		if (len - i <= need)
			goto bad;
		for (size_t k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		i += need + 1;
	}
	return 1;
bad:
	if (bad_at)
		*bad_at = i;
	return 0;
}

/* ---- quoting for messages ------------------------------------------- */

/* Copy s escaping what a terminal could act on: C0 controls, DEL, C1
 * controls (U+0080..U+009F, which some terminals obey), bytes that are not
 * UTF-8, and (when quoting) '"' and '\'. */
static void escape_into(const char *s, char *out, size_t size, int quoted, size_t limit)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s), o = 0;
	size_t i = 0;

	if (size == 0)
		return;
	if (size < 12) {
		out[0] = '\0';
		return;
	}
	if (quoted)
		out[o++] = '"';
	while (i < len) {
		char buf[16];
		size_t n = 0, take = 1;
		unsigned c = p[i];

		if (i >= limit) {
			memcpy(buf, "...", 3);
			n = 3;
			take = len - i;
		} else if (c < 0x20 || c == 0x7f) {
			n = (size_t)snprintf(buf, sizeof buf, "\\x%02x", c);
		} else if (quoted && (c == '"' || c == '\\')) {
			buf[0] = '\\';
			buf[1] = (char)c;
			n = 2;
		} else if (c < 0x80) {
			buf[0] = (char)c;
			n = 1;
		} else {
			size_t bad = 0, seq = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;

			if (seq > len - i || !utf8_valid(p + i, seq, &bad)) {
				n = (size_t)snprintf(buf, sizeof buf, "\\x%02x", c);
			} else if (c == 0xc2 && p[i + 1] >= 0x80 && p[i + 1] <= 0x9f) {
				n = (size_t)snprintf(buf, sizeof buf, "\\u%04x", p[i + 1]);
				take = 2;
			} else {
				memcpy(buf, p + i, seq);
				n = seq;
				take = seq;
			}
		}
		if (o + n + (quoted ? 2 : 1) > size) {
			/* no room: end with an ellipsis if it fits */
			if (o + 3 + (quoted ? 2 : 1) <= size) {
				memcpy(out + o, "...", 3);
				o += 3;
			}
			break;
		}
		memcpy(out + o, buf, n);
		o += n;
		i += take;
	}
	if (quoted)
		out[o++] = '"';
	out[o] = '\0';
}

void value_quote(const char *s, char *out, size_t size)
{
	escape_into(s ? s : "", out, size, 1, 48);
}

void value_display(const char *s, char *out, size_t size)
{
	escape_into(s ? s : "", out, size, 0, (size_t)-1);
}

/* ---- dates ------------------------------------------------------------ */

static int digits(const char *s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (!is_digit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : days[m - 1];
}

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
 * days_from_civil). */
static long long days_from_civil(int y, int m, int d)
{
	long long yy = y - (m <= 2);
	long long era = (yy >= 0 ? yy : yy - 399) / 400;
	long long yoe = yy - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

int import_parse_time(const char *text, long long *out)
{
	const char *s = text;
	int y, mo, d, h = 0, mi = 0, se = 0, off = 0;

	if (!s || digits(s, 4, &y) || s[4] != '-' || digits(s + 5, 2, &mo) || s[7] != '-' ||
	    digits(s + 8, 2, &d))
		return -1;
	if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > month_days(y, mo))
		return -1;
	s += 10;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		s++;
		if (digits(s, 2, &h) || s[2] != ':' || digits(s + 3, 2, &mi))
			return -1;
		s += 5;
		if (*s == ':') {
			if (digits(s + 1, 2, &se))
				return -1;
			s += 3;
			if (*s == '.' || *s == ',') {
				s++;
				if (!is_digit((unsigned char)*s))
					return -1;
				while (is_digit((unsigned char)*s))
					s++;
			}
		}
		if (h > 23 || mi > 59 || se > 59)
			return -1;
		if (*s == 'Z' || *s == 'z') {
			s++;
		} else if (*s == '+' || *s == '-') {
			int sign = *s == '-' ? -1 : 1, oh, om;

			s++;
			if (digits(s, 2, &oh))
				return -1;
			s += 2;
			if (*s == ':')
				s++;
			if (digits(s, 2, &om))
				return -1;
			s += 2;
			if (oh > 23 || om > 59)
				return -1;
			off = sign * (oh * 3600 + om * 60);
		}
	}
	if (*s != '\0')
		return -1;
	*out = days_from_civil(y, mo, d) * 86400LL + h * 3600LL + mi * 60LL + se - off;
	return 0;
}

/* ---- numbers ---------------------------------------------------------- */

/* Digits with optional thousands separators: "1250000" or "1,250,000"
 * (groups of three after the first). Advances *sp past them. 0 ok. */
static int grouped_digits(const char **sp, long long max, long long *out)
{
	const char *s = *sp;
	long long v = 0;
	int first = 0, commas = 0;

	if (!is_digit((unsigned char)*s))
		return -1;
	while (is_digit((unsigned char)*s) || *s == ',') {
		if (*s == ',') {
			int n = 0;

			if (!commas && first > 3)
				return -1;
			commas++;
			s++;
			while (is_digit((unsigned char)s[n]))
				n++;
			if (n != 3)
				return -1;
			continue;
		}
		if (!commas)
			first++;
		if (v > (max - (*s - '0')) / 10)
			return -2;
		v = v * 10 + (*s - '0');
		s++;
	}
	*sp = s;
	*out = v;
	return 0;
}

int import_parse_money(const char *text, long long *out)
{
	const long long max = 1000000000000LL;
	const char *s = text;
	long long whole = 0, mult = 1, frac = 0, frac_den = 1, v;
	int negative = 0, paren = 0, rc;

	if (!s || !*s)
		return -1;
	if (*s == '(') {
		paren = 1;
		s++;
	}
	if (*s == '-') {
		negative = 1;
		s++;
	}
	if (*s == '$')
		s++;
	if (*s == '-' && !negative) {
		negative = 1;
		s++;
	}
	rc = grouped_digits(&s, LLONG_MAX / 10, &whole);
	if (rc == -2)
		return -3;
	if (rc)
		return -1;
	if (*s == '.') {
		s++;
		if (!is_digit((unsigned char)*s))
			return -1;
		for (int n = 0; is_digit((unsigned char)*s); n++, s++) {
			if (n < 9) {
				frac = frac * 10 + (*s - '0');
				frac_den *= 10;
			}
		}
	}
	if (*s == 'k' || *s == 'K') {
		mult = 1000;
		s++;
	} else if (*s == 'm' || *s == 'M') {
		mult = 1000000;
		s++;
	}
	if (paren) {
		if (*s != ')')
			return -1;
		s++;
		negative = 1;
	}
	if (*s != '\0')
		return -1;
	if (negative)
		return -2;
	if (whole > max / mult)
		return -3;
	/* round half up: frac/frac_den of a unit of mult dollars */
	v = whole * mult + (frac * mult * 2 + frac_den) / (2 * frac_den);
	if (v > max)
		return -3;
	*out = v;
	return 0;
}

int value_int(const char *s, long long max, long long *out, const char **why)
{
	long long v;
	int rc;

	if (*s == '-') {
		*why = "negative";
		return -1;
	}
	rc = grouped_digits(&s, LLONG_MAX / 10, &v);
	if (rc || *s != '\0') {
		*why = "not a whole number";
		return -1;
	}
	if (v > max) {
		*why = "too large";
		return -1;
	}
	*out = v;
	return 0;
}

int value_decimal(const char *s, double max, double *out, const char **why)
{
	double v = 0, scale = 1;
	int any = 0;

	if (*s == '-') {
		*why = "negative";
		return -1;
	}
	for (; is_digit((unsigned char)*s); s++, any = 1) {
		v = v * 10 + (*s - '0');
		if (v > 1e15)
			break;
	}
	if (*s == '.') {
		s++;
		for (; is_digit((unsigned char)*s); s++, any = 1) {
			scale /= 10;
			v += (*s - '0') * scale;
		}
	}
	if (!any || *s != '\0') {
		*why = "not a number";
		return -1;
	}
	if (v > max) {
		*why = "too large";
		return -1;
	}
	*out = v;
	return 0;
}

/* Compare ignoring ASCII case. */
static int same_word(const char *a, const char *b)
{
	while (*a && *b && ascii_lower((unsigned char)*a) == ascii_lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

int value_bool(const char *s, int *out)
{
	static const char *const yes[] = { "yes", "y", "true", "t", "1", "on", "x" };
	static const char *const no[] = { "no", "n", "false", "f", "0", "off" };

	for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++)
		if (same_word(s, yes[i])) {
			*out = 1;
			return 0;
		}
	for (size_t i = 0; i < sizeof no / sizeof no[0]; i++)
		if (same_word(s, no[i])) {
			*out = 0;
			return 0;
		}
	return -1;
}

void value_code(const char *s, char *out, size_t size)
{
	size_t o = 0;
	int sep = 0;

	if (size == 0)
		return;
	for (; *s && o + 1 < size; s++) {
		int c = (unsigned char)*s;

		if (c == ' ' || c == '-' || c == '_' || c == '/' || c == '\t') {
			sep = o > 0;
			continue;
		}
		if (sep && o + 2 < size)
			out[o++] = '_';
		sep = 0;
		out[o++] = (char)ascii_lower(c);
	}
	out[o] = '\0';
}

int value_outcome(const char *s)
{
	char code[32];
	const char *c = code;

	value_code(s, code, sizeof code);
	if (strncmp(c, "closed_", 7) == 0)
		c += 7;
	if (strcmp(c, "won") == 0 || strcmp(c, "win") == 0)
		return 1;
	if (strcmp(c, "lost") == 0 || strcmp(c, "loss") == 0)
		return 0;
	return -1;
}

int value_population(const char *s)
{
	char code[64];

	value_code(s, code, sizeof code);
	/* Reveal's "Account status" has Partner: the account is one of their
	 * partners, not a customer or a deal. */
	if (strcmp(code, "partner") == 0 || strcmp(code, "partners") == 0)
		return POP_NONE;
	if (strcmp(code, "open_deal") == 0 || strcmp(code, "open_deals") == 0)
		return POP_OPEN_OPPORTUNITY;
	return domain_population_from_name(code);
}

int value_overlap_type(const char *s, int *ours, int *partners)
{
	static const char *const seps[] = { " x ", " X ", " vs. ", " vs ", " & ", " / ", "->",
					    " - ", "/", "|" };
	char left[64], right[64];

	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++) {
		const char *at = strstr(s, seps[i]);
		size_t l;

		if (!at)
			continue;
		l = (size_t)(at - s);
		if (l >= sizeof left || strlen(at + strlen(seps[i])) >= sizeof right)
			return -1;
		memcpy(left, s, l);
		left[l] = '\0';
		snprintf(right, sizeof right, "%s", at + strlen(seps[i]));
		*ours = value_population(left);
		*partners = value_population(right);
		return *ours < 0 || *partners < 0 ? -1 : 0;
	}
	return -1;
}

void value_key(const char *s, char *out, size_t size)
{
	size_t o = 0;

	if (size == 0)
		return;
	for (; *s && o + 1 < size; s++)
		out[o++] = (char)ascii_lower((unsigned char)*s);
	out[o] = '\0';
}

int value_is_none(const char *s)
{
	static const char *const none[] = { "-", "--", "n/a", "na", "none", "null" };

	for (size_t i = 0; i < sizeof none / sizeof none[0]; i++)
		if (same_word(s, none[i]))
			return 1;
	return 0;
}

/* ---- domains ---------------------------------------------------------- */

int import_normalize_domain(const char *text, char *out, size_t size)
{
	const char *s = text, *end, *at, *scheme;
	size_t len, o = 0;
	int dots = 0;

	if (!s || size == 0)
		return -1;
	while (is_blank((unsigned char)*s))
		s++;
	scheme = strstr(s, "://");
	if (scheme)
		s = scheme + 3;
	else if (s[0] == '/' && s[1] == '/')
		s += 2;
	end = s + strcspn(s, "/?#");
	at = memchr(s, '@', (size_t)(end - s));
	if (at)
		s = at + 1;
	len = strcspn(s, ":/?#");
	if ((size_t)(end - s) < len)
		len = (size_t)(end - s);
	while (len > 0 && is_blank((unsigned char)s[len - 1]))
		len--;
	while (len > 0 && s[len - 1] == '.')
		len--;
	if (len > 4 && ascii_lower((unsigned char)s[0]) == 'w' &&
	    ascii_lower((unsigned char)s[1]) == 'w' && ascii_lower((unsigned char)s[2]) == 'w' &&
	    s[3] == '.') {
		s += 4;
		len -= 4;
	}
	if (len == 0 || len >= size)
		return -1;
	for (size_t i = 0; i < len; i++) {
		int c = ascii_lower((unsigned char)s[i]);

		if (c == '.') {
			if (i == 0 || s[i - 1] == '.')
				return -1;
			dots++;
		} else if (!(c >= 'a' && c <= 'z') && !is_digit(c) && c != '-' && c < 0x80) {
			return -1;
		}
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return dots > 0 ? 0 : -1;
}
