/* keys.c - parse and name keys (see keys.h for the notation). */
#include "keys.h"
#include "provide_curses.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct key_special {
	const char *name;  /* the canonical spelling comes first in the table */
	int key;
};

static const struct key_special specials[] = {
	{ "Enter", KEYS_ENTER },
	{ "Return", KEYS_ENTER },
	{ "Esc", KEYS_ESC },
	{ "Escape", KEYS_ESC },
	{ "Tab", KEYS_TAB },
	{ "S-Tab", KEYS_CURSES | KEY_BTAB },
	{ "Space", ' ' },
	{ "Backspace", KEYS_CURSES | KEY_BACKSPACE },
	{ "BS", KEYS_CURSES | KEY_BACKSPACE },
	{ "Del", KEYS_CURSES | KEY_DC },
	{ "Delete", KEYS_CURSES | KEY_DC },
	{ "Ins", KEYS_CURSES | KEY_IC },
	{ "Insert", KEYS_CURSES | KEY_IC },
	{ "Up", KEYS_CURSES | KEY_UP },
	{ "Down", KEYS_CURSES | KEY_DOWN },
	{ "Left", KEYS_CURSES | KEY_LEFT },
	{ "Right", KEYS_CURSES | KEY_RIGHT },
	{ "PgUp", KEYS_CURSES | KEY_PPAGE },
	{ "PageUp", KEYS_CURSES | KEY_PPAGE },
	{ "PgDn", KEYS_CURSES | KEY_NPAGE },
	{ "PageDown", KEYS_CURSES | KEY_NPAGE },
	{ "Home", KEYS_CURSES | KEY_HOME },
	{ "End", KEYS_CURSES | KEY_END },
	{ "lt", '<' },
};

#define N_SPECIALS (sizeof(specials) / sizeof(specials[0]))
#define KEYS_MAX_F 12

/* Decode one UTF-8 character; returns its length, 0 at the end, -1 when invalid. */
static int utf8_decode(const char *s, int *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	int len, c, i;

	if (!u[0])
		return 0;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if ((u[0] & 0xe0) == 0xc0) {
		len = 2;
		c = u[0] & 0x1f;
	} else if ((u[0] & 0xf0) == 0xe0) {
		len = 3;
		c = u[0] & 0x0f;
	} else if ((u[0] & 0xf8) == 0xf0) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		return -1;
	}
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xc0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3f);
	}
	if (c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return -1;
	*cp = c;
	return len;
}

static size_t utf8_encode(int cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

/* The special name spelled by n bytes at s (the text between < and >). */
static int special_by_name(const char *s, size_t n, int *key)
{
	size_t i;

	for (i = 0; i < N_SPECIALS; i++) {
		if (strlen(specials[i].name) == n && !strncasecmp(specials[i].name, s, n)) {
			*key = specials[i].key;
			return 0;
		}
	}
	if (n >= 2 && n <= 3 && (s[0] == 'F' || s[0] == 'f')) {
		int f = 0;

		for (i = 1; i < n; i++) {
			if (s[i] < '0' || s[i] > '9')
				return -1;
			f = f * 10 + (s[i] - '0');
		}
		if (f >= 1 && f <= KEYS_MAX_F) {
			*key = KEYS_CURSES | KEY_F(f);
			return 0;
		}
	}
	return -1;
}

/* C-x: the control code of c, or -1 when there is none. */
static int control_of(int c)
{
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 1;
	if (c >= 'A' && c <= 'Z')
		return c - 'A' + 1;
	switch (c) {
	case '[': return 27;
	case '\\': return 28;
	case ']': return 29;
	case '^': return 30;
	case '_': return 31;
	default: return -1;
	}
}

/* Parse one key from the n bytes at s, all of which must be used. The
 * "C-", "M-" and "^" forms are allowed here (config names), while script
 * text only treats <...> specially. */
static int parse_whole(const char *s, size_t n, int *key)
{
	int cp, len, inner;

	if (n == 0)
		return -1;
	if (n > 2 && (s[0] == 'M' || s[0] == 'm') && s[1] == '-') {
		if (special_by_name(s + 2, n - 2, &inner) < 0 &&
		    (parse_whole(s + 2, n - 2, &inner) < 0 || (inner & KEYS_META)))
			return -1;
		*key = inner | KEYS_META;
		return 0;
	}
	if (n > 2 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
		if (n == 3 && (cp = control_of((unsigned char)s[2])) >= 0) {
			*key = cp;
			return 0;
		}
		return -1; /* C-Space (NUL) and friends: curses cannot report them reliably */
	}
	if (n == 2 && s[0] == '^' && (cp = control_of((unsigned char)s[1])) >= 0) {
		*key = cp;
		return 0;
	}
	if (n > 2 && s[0] == '<' && s[n - 1] == '>') {
		if (special_by_name(s + 1, n - 2, key) == 0)
			return 0;
		return parse_whole(s + 1, n - 2, key) == 0 && n - 2 > 1 ? 0 : -1;
	}
	len = utf8_decode(s, &cp);
	if (len <= 0 || (size_t)len != n || cp < 32 || cp == 127)
		return -1;
	*key = cp;
	return 0;
}

int keys_parse(const char *name, int *key, char *err, size_t err_size)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0) {
		snprintf(err, err_size, "empty key");
		return -1;
	}
	if (parse_whole(name, n, key) == 0)
		return 0;
	if (name[0] != '<' && utf8_decode(name, key) > 0 && (size_t)utf8_decode(name, key) < n &&
	    strncmp(name, "C-", 2) && strncmp(name, "M-", 2))
		snprintf(err, err_size, "'%s' is a sequence of keys; bind one key (e.g. \"j\", \"C-d\", \"<PgDn>\")", name);
	else
		snprintf(err, err_size, "'%s' is not a key name (e.g. \"j\", \"C-d\", \"M-f\", \"<Enter>\", \"<F1>\")", name);
	return -1;
}

int keys_parse_next(const char **s, int *key)
{
	const char *p = *s;
	int len;

	if (!*p)
		return 1;
	if (*p == '<') {
		const char *close = strchr(p + 1, '>');

		if (close && close > p + 1 && parse_whole(p, (size_t)(close - p) + 1, key) == 0) {
			*s = close + 1;
			return 0;
		}
	}
	len = utf8_decode(p, key);
	if (len <= 0)
		return -1;
	*s = p + len;
	return 0;
}

const char *keys_name(int key, char *buf, size_t size)
{
	char tmp[32];
	size_t i;

	if (size == 0)
		return buf;
	if (key & KEYS_META) {
		keys_name(key & ~KEYS_META, tmp, sizeof(tmp));
		snprintf(buf, size, "M-%s", tmp);
		return buf;
	}
	for (i = 0; i < N_SPECIALS; i++) {
		if (specials[i].key == key) {
			size_t j;
			/* the first spelling of a key in the table is canonical */
			for (j = 0; j < i && specials[j].key != key; j++)
				;
			snprintf(buf, size, "<%s>", specials[j].name);
			return buf;
		}
	}
	if (key & KEYS_CURSES) {
		int k = key & ~KEYS_CURSES;

		if (k >= KEY_F(1) && k <= KEY_F(KEYS_MAX_F))
			snprintf(buf, size, "<F%d>", k - KEY_F0);
		else
			snprintf(buf, size, "<key%d>", k);
		return buf;
	}
	if (key == 127) {
		snprintf(buf, size, "<Backspace>");
	} else if (key > 0 && key < 27) {
		snprintf(buf, size, "C-%c", 'a' + key - 1);
	} else if (key >= 28 && key < 32) {
		snprintf(buf, size, "C-%c", "\\]^_"[key - 28]);
	} else if (key >= 32) {
		size_t n = utf8_encode(key, tmp);

		tmp[n] = '\0';
		snprintf(buf, size, "%s", tmp);
	} else {
		snprintf(buf, size, "<nul>");
	}
	return buf;
}

int keys_from_input(int ch, int is_keycode, int erase_char)
{
	if (is_keycode) {
		if (ch == KEY_ENTER)
			return KEYS_ENTER;
		return KEYS_CURSES | ch;
	}
	if (ch == '\n' || ch == '\r')
		return KEYS_ENTER;
	if (ch == 127 || (erase_char > 0 && ch == erase_char))
		return KEYS_CURSES | KEY_BACKSPACE;
	return ch;
}

int keys_is_text(int key)
{
	return !(key & (KEYS_CURSES | KEYS_META)) && key >= 32 && key != 127;
}
