/* settings_keys.c - the key notation and the `keys` group.
 *
 * Keys stay text here: conf knows the notation, not curses. Each key is
 * reduced to one canonical spelling, so two spellings of the same key
 * ("^D" and "C-d", "C-i" and "<Tab>") are found to conflict; the console
 * turns the canonical text into its key codes.
 */
#include "conf_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const keymap_names[SETTINGS_KEYMAP_COUNT] = {
#define SETTINGS_KEYMAP_NAME_(id, name) [SETTINGS_KEYMAP_##id] = name,
	SETTINGS_KEYMAPS(SETTINGS_KEYMAP_NAME_)
#undef SETTINGS_KEYMAP_NAME_
};

const char *settings_keymap_name(enum settings_keymap m)
{
	return (unsigned)m < SETTINGS_KEYMAP_COUNT ? keymap_names[m] : NULL;
}

int settings_keymap_from_name(const char *name)
{
	return conf_name_index(name, keymap_names, SETTINGS_KEYMAP_COUNT);
}

/* Named keys: canonical spelling first, then what else is accepted. */
struct named_key {
	const char *name;       /* as written between < > */
	const char *canonical;  /* the canonical spelling, brackets included */
};

static const struct named_key named_keys[] = {
	{ "Enter", "<Enter>" }, { "Return", "<Enter>" },
	{ "Esc", "<Esc>" }, { "Escape", "<Esc>" },
	{ "Tab", "<Tab>" }, { "S-Tab", "<S-Tab>" },
	{ "Space", "<Space>" },
	{ "Backspace", "<Backspace>" }, { "BS", "<Backspace>" },
	{ "Del", "<Del>" }, { "Delete", "<Del>" },
	{ "Ins", "<Ins>" }, { "Insert", "<Ins>" },
	{ "Up", "<Up>" }, { "Down", "<Down>" }, { "Left", "<Left>" }, { "Right", "<Right>" },
	{ "PgUp", "<PgUp>" }, { "PageUp", "<PgUp>" },
	{ "PgDn", "<PgDn>" }, { "PageDown", "<PgDn>" },
	{ "Home", "<Home>" }, { "End", "<End>" },
	{ "lt", "<lt>" },
};

#define NAMED_COUNT (sizeof named_keys / sizeof named_keys[0])
#define FKEY_MAX 12

static int fail(char *why, size_t size, const char *msg)
{
	if (why && size)
		snprintf(why, size, "%s", msg);
	return -1;
}

/* The control character spelled by c after "C-" or "^", or -1. */
static int control_code(int c)
{
	if (isalpha(c))
		return toupper(c) & 0x1f;
	if (c && strchr("[\\]^_", c))       /* not C-@: NUL is no key */
		return c & 0x1f;
	return -1;
}

/* Canonical spelling of a control code: C-i is <Tab>, C-m <Enter>, C-[ <Esc>. */
static void control_name(int code, char *out, size_t size)
{
	if (code == 9)
		snprintf(out, size, "<Tab>");
	else if (code == 13)
		snprintf(out, size, "<Enter>");
	else if (code == 27)
		snprintf(out, size, "<Esc>");
	else if (code >= 1 && code <= 26)
		snprintf(out, size, "C-%c", 'a' + code - 1);
	else
		snprintf(out, size, "C-%c", code + 64);   /* [ \ ] ^ _ */
}

/* Length of one UTF-8 character at s (already known to be valid text), 0 if
 * s does not start with a complete printable character. */
static size_t one_char(const char *s, size_t n)
{
	unsigned c = (unsigned char)s[0];
	size_t len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3
		   : (c & 0xf8) == 0xf0 ? 4 : 0;

	if (!len || len > n || !conf_utf8_valid(s, len, NULL))
		return 0;
	if (len == 1 && (c < 0x20 || c == 0x7f))
		return 0;
	if (len == 2 && c == 0xc2 && (unsigned char)s[1] < 0xa0)
		return 0;               /* C1 control characters */
	return len;
}

static int parse_key(const char *s, size_t n, int meta_ok, char *out, size_t size,
		     char *why, size_t why_size);

static int parse_named(const char *s, size_t n, int meta_ok, char *out, size_t size,
		       char *why, size_t why_size)
{
	char name[24];
	const char *names[NAMED_COUNT];

	/* <C-d> and <M-x> are the same as C-d and M-x */
	if (n >= 3 && (s[0] == 'C' || s[0] == 'M' || s[0] == 'c' || s[0] == 'm') && s[1] == '-') {
		char inner[16];

		if (n >= sizeof inner)
			return fail(why, why_size, "unknown key name");
		memcpy(inner, s, n);
		inner[0] = (char)toupper((unsigned char)inner[0]);
		return parse_key(inner, n, meta_ok, out, size, why, why_size);
	}
	for (size_t i = 0; i < NAMED_COUNT; i++) {
		if (strlen(named_keys[i].name) == n && strncasecmp(named_keys[i].name, s, n) == 0) {
			snprintf(out, size, "%s", named_keys[i].canonical);
			return 0;
		}
	}
	if (n >= 2 && n <= 3 && (s[0] == 'F' || s[0] == 'f') && isdigit((unsigned char)s[1]) &&
	    (n == 2 || isdigit((unsigned char)s[2])) && s[1] != '0') {
		int f = atoi(s + 1);

		if (f >= 1 && f <= FKEY_MAX) {
			snprintf(out, size, "<F%d>", f);
			return 0;
		}
		return fail(why, why_size, "function keys go from <F1> to <F12>");
	}
	for (size_t i = 0; i < NAMED_COUNT; i++)
		names[i] = named_keys[i].name;
	if (n < sizeof name) {
		const char *close;

		memcpy(name, s, n);
		name[n] = '\0';
		if ((close = settings_suggest(name, names, NAMED_COUNT)) && why && why_size) {
			snprintf(why, why_size, "unknown key name <%s> (did you mean <%s>?)", name, close);
			return -1;
		}
	}
	return fail(why, why_size, "unknown key name between < >");
}

static int parse_key(const char *s, size_t n, int meta_ok, char *out, size_t size,
		     char *why, size_t why_size)
{
	size_t len;

	if (n == 0)
		return fail(why, why_size, "empty key");
	if (n > 2 && s[0] == 'M' && s[1] == '-') {
		char inner[SETTINGS_KEY_MAX];

		if (!meta_ok)
			return fail(why, why_size, "M- may appear only once");
		if (parse_key(s + 2, n - 2, 0, inner, sizeof inner, why, why_size) < 0)
			return -1;
		if (strlen(inner) + 3 > size)
			return fail(why, why_size, "key name too long");
		snprintf(out, size, "M-%s", inner);
		return 0;
	}
	if (n > 2 && s[0] == '<' && s[n - 1] == '>')
		return parse_named(s + 1, n - 2, meta_ok, out, size, why, why_size);
	if ((n == 3 && s[0] == 'C' && s[1] == '-') || (n == 2 && s[0] == '^')) {
		int code = control_code((unsigned char)s[n - 1]);

		if (code < 0)
			return fail(why, why_size, "C- takes a letter or one of [ \\ ] ^ _");
		control_name(code, out, size);
		return 0;
	}
	if (n > 3 && s[0] == 'C' && s[1] == '-')
		return fail(why, why_size, "C- takes one letter (C-d); other keys have names in < >");
	if (n == 1 && s[0] == ' ') {
		snprintf(out, size, "<Space>");
		return 0;
	}
	if (n == 1 && s[0] == '<') {
		snprintf(out, size, "<lt>");
		return 0;
	}
	len = one_char(s, n);
	if (len == 0)
		return fail(why, why_size,
			    "a control character: write it as C-x or by its name, such as <Tab>");
	if (len < n)
		return fail(why, why_size,
			    "more than one key: a binding takes one key (names of keys go in < >)");
	if (len + 1 > size)
		return fail(why, why_size, "key name too long");
	memcpy(out, s, len);
	out[len] = '\0';
	return 0;
}

int settings_key_normalise(const char *text, char *out, size_t out_size, char *why,
			   size_t why_size)
{
	char buf[SETTINGS_KEY_MAX];
	size_t n;

	if (!text)
		return fail(why, why_size, "no key");
	n = strlen(text);
	if (n >= SETTINGS_KEY_MAX)
		return fail(why, why_size, "key name too long");
	if (!conf_utf8_valid(text, n, NULL))
		return fail(why, why_size, "invalid UTF-8");
	if (parse_key(text, n, 1, buf, sizeof buf, why, why_size) < 0)
		return -1;
	if (strlen(buf) + 1 > out_size)
		return fail(why, why_size, "key name too long");
	memcpy(out, buf, strlen(buf) + 1);
	return 0;
}

int settings_action_valid(const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n >= SETTINGS_ACTION_MAX || !islower((unsigned char)name[0]) ||
	    name[n - 1] == '-')
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (!(islower(c) || isdigit(c) || c == '-') || (c == '-' && name[i + 1] == '-'))
			return 0;
	}
	return 1;
}

/* ---- the `keys` group ---- */

/* The array grows in doubling steps (16, 32, 64...) rather than by one,
 * which copied it once per binding (the default alone has over a hundred).
 * Its size is not stored: the array is full exactly when the count is 0 or
 * a power of two from 16 on, and the count never grows any other way. */
static int append_binding(struct desk_settings *s, const struct key_binding *b)
{
	size_t n = s->binding_count;

	if (n == 0 || (n >= 16 && (n & (n - 1)) == 0)) {
		struct key_binding *nb = realloc(s->bindings, (n ? 2 * n : 16) * sizeof *nb);

		if (!nb)
			return -1;
		s->bindings = nb;
	}
	s->bindings[s->binding_count++] = *b;
	return 0;
}

/* Read one [ "KEY", "action" ] of keys.<map>. Returns 0 and fills *b. */
static int read_binding(const struct conf_source *src, const config_setting_t *e,
			enum settings_keymap map, struct key_binding *b,
			struct settings_errors *errs)
{
	const char *mapname = keymap_names[map];
	const config_setting_t *k, *a;
	char why[128];
	const char *key, *action;

	if (config_setting_type(e) != CONFIG_TYPE_ARRAY || config_setting_length(e) != 2 ||
	    config_setting_type(config_setting_get_elem(e, 0)) != CONFIG_TYPE_STRING) {
		conf_error_at(errs, src, e, "write each binding as [ \"KEY\", \"action\" ]",
			      "keys.%s: expected [ \"KEY\", \"action\" ], not %s", mapname,
			      config_setting_type(e) == CONFIG_TYPE_ARRAY
			      ? "an array of other length or type" : conf_type_name(e));
		return -1;
	}
	k = config_setting_get_elem(e, 0);
	a = config_setting_get_elem(e, 1);
	key = config_setting_get_string(k);
	action = config_setting_get_string(a);
	memset(b, 0, sizeof *b);
	b->keymap = map;
	conf_source_where(src, e, &b->file, &b->line);
	if (settings_key_normalise(key, b->key, sizeof b->key, why, sizeof why) < 0) {
		conf_error_at(errs, src, e, "see KEYS in coselldesk.conf(5) for the notation",
			      "keys.%s: bad key \"%s\": %s", mapname, key, why);
		return -1;
	}
	if (!settings_action_valid(action)) {
		conf_error_at(errs, src, e,
			      "action names are lower-case words joined by '-' (move-down)",
			      "keys.%s: \"%s\" is not an action name", mapname, action);
		return -1;
	}
	snprintf(b->action, sizeof b->action, "%s", action);
	return 0;
}

void settings_keys_apply(struct desk_settings *s, const struct settings_layer *layer,
			 struct settings_errors *errs)
{
	const config_setting_t *keys = config_lookup(&layer->cfg, "keys");
	size_t first_new = s->binding_count;   /* bindings of this layer start here */

	if (!keys)
		return;
	if (config_setting_type(keys) != CONFIG_TYPE_GROUP) {
		conf_error_at(errs, &layer->src, keys, "keys = { queue = ( [ \"t\", \"tag\" ] ); };",
			      "keys: expected a group { } of keymaps, not %s", conf_type_name(keys));
		return;
	}
	conf_unknown_members(&layer->src, keys, keymap_names, SETTINGS_KEYMAP_COUNT, errs);
	for (int m = 0; m < SETTINGS_KEYMAP_COUNT; m++) {
		const config_setting_t *list = config_setting_get_member(keys, keymap_names[m]);
		int n;

		if (!list)
			continue;
		if (config_setting_type(list) != CONFIG_TYPE_LIST) {
			conf_error_at(errs, &layer->src, list,
				      "a keymap is a list ( ) of [ \"KEY\", \"action\" ] arrays",
				      "keys.%s: expected a list ( ), not %s", keymap_names[m],
				      conf_type_name(list));
			continue;
		}
		n = config_setting_length(list);
		for (int i = 0; i < n; i++) {
			struct key_binding b;
			size_t j;

			if (read_binding(&layer->src, config_setting_get_elem(list, (unsigned)i),
					 (enum settings_keymap)m, &b, errs) < 0)
				continue;
			/* bound before in this same layer: a conflict */
			for (j = first_new; j < s->binding_count; j++)
				if (s->bindings[j].keymap == b.keymap && !strcmp(s->bindings[j].key, b.key))
					break;
			if (j < s->binding_count) {
				settings_errors_add(errs, b.file, b.line,
						    "bind each key once per keymap; \"none\" unbinds a default",
						    "keys.%s: key '%s' is bound twice: to '%s' here and to "
						    "'%s' at %s:%d", keymap_names[m], b.key, b.action,
						    s->bindings[j].action, s->bindings[j].file,
						    s->bindings[j].line);
				continue;
			}
			/* bound by an earlier layer: this one replaces it */
			for (j = 0; j < first_new; j++)
				if (s->bindings[j].keymap == b.keymap && !strcmp(s->bindings[j].key, b.key))
					break;
			if (j < first_new) {
				memmove(&s->bindings[j], &s->bindings[j + 1],
					(s->binding_count - j - 1) * sizeof b);
				s->binding_count--;
				first_new--;
			}
			if (append_binding(s, &b) < 0) {
				conf_error_at(errs, &layer->src, list, NULL, "out of memory");
				return;
			}
		}
	}
}

const struct key_binding *settings_binding_find(const struct desk_settings *s,
						enum settings_keymap keymap, const char *key)
{
	for (size_t i = 0; s && key && i < s->binding_count; i++)
		if (s->bindings[i].keymap == keymap && strcmp(s->bindings[i].key, key) == 0)
			return &s->bindings[i];
	return NULL;
}

size_t settings_check_actions(const struct desk_settings *s, const char *const *known,
			      size_t count, struct settings_errors *errs)
{
	size_t found = 0;

	for (size_t i = 0; i < s->binding_count; i++) {
		const struct key_binding *b = &s->bindings[i];
		const char *close;

		if (strcmp(b->action, SETTINGS_ACTION_NONE) == 0 ||
		    conf_name_index(b->action, known, count) >= 0)
			continue;
		found++;
		close = settings_suggest(b->action, known, count);
		if (close)
			settings_errors_add(errs, b->file, b->line, NULL,
					    "keys.%s: unknown action '%s' for key '%s' (did you mean '%s'?)",
					    keymap_names[b->keymap], b->action, b->key, close);
		else
			settings_errors_add(errs, b->file, b->line,
					    "the `:` prompt completes action names; `?` lists them",
					    "keys.%s: unknown action '%s' for key '%s'",
					    keymap_names[b->keymap], b->action, b->key);
	}
	return found;
}

void settings_keys_free(struct desk_settings *s)
{
	free(s->bindings);
	s->bindings = NULL;
	s->binding_count = 0;
}
