/* theme.c - read and check a theme file.
 *
 * A theme starts as a copy of the built-in default theme and the file
 * overrides the elements it names, so a user theme can be three lines. The
 * shipped themes set every element (a test checks it). Every problem is
 * reported with the file:line of the setting, and a theme with any problem
 * is not used.
 */
#include "coselldesk/theme.h"
#include "conf_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern const char coselldesk_default_theme[];
extern const size_t coselldesk_default_theme_len;

static const char *const colour_names[] = {
	"default", "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"brightblack", "brightred", "brightgreen", "brightyellow", "brightblue",
	"brightmagenta", "brightcyan", "brightwhite",
};

#define COLOUR_HINT "colours: default, black, red, green, yellow, blue, magenta, cyan, " \
	"white, brightblack .. brightwhite, colorNNN (0-255), #rrggbb"

static const char *const top_members[] = { "theme" };
static const char *const theme_members[] = { "name", "description", "min_colors", "elements" };
static const char *const style_members[] = { "fg", "bg", "attrs", "mono" };

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

static int read_colour(const struct conf_source *src, const config_setting_t *set,
		       struct theme_colour *out, struct settings_errors *errs)
{
	char path[256];
	const char *v, *close;

	conf_setting_path(set, path, sizeof path);
	if (config_setting_type(set) != CONFIG_TYPE_STRING) {
		conf_error_at(errs, src, set, COLOUR_HINT, "%s: expected a colour name, not %s",
			      path, conf_type_name(set));
		return -1;
	}
	v = config_setting_get_string(set);
	if (theme_colour_parse(v, out) == 0)
		return 0;
	close = settings_suggest(v, colour_names, COUNT(colour_names));
	if (close)
		conf_error_at(errs, src, set, NULL, "%s: unknown colour '%s' (did you mean '%s'?)",
			      path, v, close);
	else
		conf_error_at(errs, src, set, COLOUR_HINT, "%s: unknown colour '%s'", path, v);
	return -1;
}

static int read_attrs(const struct conf_source *src, const config_setting_t *set,
		      unsigned *out, struct settings_errors *errs)
{
	const char *names[THEME_ATTR_COUNT];
	char path[256];
	unsigned bits = 0;
	int n;

	for (int i = 0; i < THEME_ATTR_COUNT; i++)
		names[i] = theme_attr_name((enum theme_attr_index)i);
	conf_setting_path(set, path, sizeof path);
	n = config_setting_type(set) == CONFIG_TYPE_ARRAY ? config_setting_length(set) : -1;
	if (n < 0 || (n > 0 && config_setting_type(config_setting_get_elem(set, 0)) !=
		      CONFIG_TYPE_STRING)) {
		conf_error_at(errs, src, set, "write [ \"bold\", \"underline\" ], or [ ] for none",
			      "%s: expected an array [ ] of attribute names, not %s", path,
			      n < 0 ? conf_type_name(set) : "other values");
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(set, (unsigned)i);
		const char *v = config_setting_get_string(e);
		int a = conf_name_index(v, names, THEME_ATTR_COUNT);

		if (a >= 0) {
			bits |= 1u << a;
			continue;
		}
		if (settings_suggest(v, names, THEME_ATTR_COUNT))
			conf_error_at(errs, src, e, NULL, "%s: unknown attribute '%s' (did you mean '%s'?)",
				      path, v, settings_suggest(v, names, THEME_ATTR_COUNT));
		else
			conf_error_at(errs, src, e,
				      "attributes: bold, dim, underline, reverse, standout, italic",
				      "%s: unknown attribute '%s'", path, v);
		return -1;
	}
	*out = bits;
	return 0;
}

static void read_style(const struct conf_source *src, const config_setting_t *g,
		       struct theme_style *st, struct settings_errors *errs)
{
	struct theme_style s = { { THEME_COLOUR_DEFAULT, -1, 0 }, { THEME_COLOUR_DEFAULT, -1, 0 },
				 0, 0, true, 0 };
	const config_setting_t *set;
	const char *file;
	bool bad = false, have_mono = false;

	if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
		char path[256];

		conf_error_at(errs, src, g, "write { fg = \"red\"; bg = \"default\"; attrs = [ \"bold\" ]; }",
			      "%s: expected a group { }, not %s",
			      conf_setting_path(g, path, sizeof path), conf_type_name(g));
		return;
	}
	if (conf_unknown_members(src, g, style_members, COUNT(style_members), errs))
		bad = true;
	if ((set = config_setting_get_member(g, "fg")) && read_colour(src, set, &s.fg, errs) < 0)
		bad = true;
	if ((set = config_setting_get_member(g, "bg")) && read_colour(src, set, &s.bg, errs) < 0)
		bad = true;
	if ((set = config_setting_get_member(g, "attrs")) && read_attrs(src, set, &s.attrs, errs) < 0)
		bad = true;
	if ((set = config_setting_get_member(g, "mono"))) {
		have_mono = true;
		if (read_attrs(src, set, &s.mono, errs) < 0)
			bad = true;
	}
	if (!have_mono)
		s.mono = s.attrs;       /* without colour, the same attributes */
	if (bad)
		return;
	conf_source_where(src, g, &file, &s.line);
	*st = s;
}

static int read_string(const struct conf_source *src, const config_setting_t *g,
		       const char *member, size_t max, char **out, struct settings_errors *errs)
{
	const config_setting_t *set = config_setting_get_member(g, member);
	char path[256];
	const char *v;
	char *copy;

	if (!set)
		return 0;
	conf_setting_path(set, path, sizeof path);
	if (config_setting_type(set) != CONFIG_TYPE_STRING) {
		conf_error_at(errs, src, set, "text is written in double quotes",
			      "%s: expected a string, not %s", path, conf_type_name(set));
		return -1;
	}
	v = config_setting_get_string(set);
	if (strlen(v) > max || conf_has_control(v)) {
		conf_error_at(errs, src, set, NULL, "%s: %s", path,
			      strlen(v) > max ? "too long" : "holds a control character");
		return -1;
	}
	if (!(copy = conf_strdup(v)))
		return -1;
	free(*out);
	*out = copy;
	return 0;
}

static void read_theme(struct theme *t, const struct conf_source *src, const config_t *cfg,
		       struct settings_errors *errs)
{
	const config_setting_t *root = config_root_setting(cfg);
	const config_setting_t *g = config_setting_get_member(root, "theme");
	const config_setting_t *set, *elements;
	const char *names[THEME_ELEMENT_COUNT];

	conf_unknown_members(src, root, top_members, COUNT(top_members), errs);
	if (!g || config_setting_type(g) != CONFIG_TYPE_GROUP) {
		conf_error_at(errs, src, g, "a theme file holds theme = { name = \"...\"; elements = { ... }; };",
			      g ? "theme: expected a group { }, not %s" : "no theme = { ... } group%s",
			      g ? conf_type_name(g) : "");
		return;
	}
	conf_unknown_members(src, g, theme_members, COUNT(theme_members), errs);
	read_string(src, g, "name", 64, &t->name, errs);
	read_string(src, g, "description", 256, &t->description, errs);
	if ((set = config_setting_get_member(g, "min_colors"))) {
		if (config_setting_type(set) != CONFIG_TYPE_INT)
			conf_error_at(errs, src, set, NULL, "theme.min_colors: expected an integer, not %s",
				      conf_type_name(set));
		else if (config_setting_get_int(set) < 2 || config_setting_get_int(set) > 16777216)
			conf_error_at(errs, src, set, "8, 16 or 256 as a rule",
				      "theme.min_colors: %d is out of range (2 to 16777216)",
				      config_setting_get_int(set));
		else
			t->min_colors = config_setting_get_int(set);
	}
	if (!(elements = config_setting_get_member(g, "elements")))
		return;
	if (config_setting_type(elements) != CONFIG_TYPE_GROUP) {
		conf_error_at(errs, src, elements, NULL, "theme.elements: expected a group { }, not %s",
			      conf_type_name(elements));
		return;
	}
	for (int e = 0; e < THEME_ELEMENT_COUNT; e++)
		names[e] = theme_element_name((enum theme_element)e);
	conf_unknown_members(src, elements, names, THEME_ELEMENT_COUNT, errs);
	for (int e = 0; e < THEME_ELEMENT_COUNT; e++)
		if ((set = config_setting_get_member(elements, names[e])))
			read_style(src, set, &t->styles[e], errs);
}

/* Read src over *t (already holding the base look). Returns 0 when clean. */
static int load_source(struct theme *t, struct conf_source *src, int readable,
		       struct settings_errors *errs)
{
	size_t before = errs->count + errs->dropped, first = errs->count;
	config_t cfg;

	if (readable < 0)
		return -1;
	config_init(&cfg);
	if (conf_source_parse(src, &cfg, errs) == 0)
		read_theme(t, src, &cfg, errs);
	config_destroy(&cfg);
	conf_errors_sort(errs, first);
	return errs->count + errs->dropped == before && !src->failed ? 0 : -1;
}

void theme_free(struct theme *t)
{
	free(t->name);
	free(t->description);
	free(t->path);
	memset(t, 0, sizeof *t);
}

static int load_builtin(struct theme *t, struct settings_errors *errs)
{
	struct conf_source src;
	int rc;

	memset(t, 0, sizeof *t);
	rc = conf_source_read_text(&src, SETTINGS_BUILTIN_NAME " theme", coselldesk_default_theme,
				   coselldesk_default_theme_len, errs);
	rc = load_source(t, &src, rc, errs);
	for (int e = 0; rc == 0 && e < THEME_ELEMENT_COUNT; e++) {
		if (!t->styles[e].defined) {
			settings_errors_add(errs, SETTINGS_BUILTIN_NAME " theme", 0, NULL,
					    "the default theme lacks element '%s'",
					    theme_element_name((enum theme_element)e));
			rc = -1;
		}
	}
	conf_source_free(&src);
	if (rc == 0 && !t->name && !(t->name = conf_strdup("default")))
		rc = -1;
	if (rc == 0 && !t->description && !(t->description = conf_strdup("")))
		rc = -1;
	if (rc < 0)
		theme_free(t);
	return rc;
}

int theme_load_builtin(struct theme *out, struct settings_errors *errs)
{
	struct theme t;

	if (load_builtin(&t, errs) < 0)
		return -1;
	*out = t;
	return 0;
}

/* The theme's name when the file gives none: its base name without .theme. */
static char *name_from_path(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base);
	char *name;

	if (n > 6 && strcmp(base + n - 6, ".theme") == 0)
		n -= 6;
	if ((name = malloc(n + 1))) {
		memcpy(name, base, n);
		name[n] = '\0';
	}
	return name;
}

/* Read path or text over base's look (NULL: the built-in default, read here). */
static int load_over(struct theme *out, const struct theme *base, const char *path,
		     const char *name, const char *text, size_t len,
		     struct settings_errors *errs)
{
	struct conf_source src;
	struct theme t;
	int rc;

	if (base) {
		memset(&t, 0, sizeof t);
		memcpy(t.styles, base->styles, sizeof t.styles);
		t.min_colors = base->min_colors;
	} else {
		if (load_builtin(&t, errs) < 0)
			return -1;
		free(t.name);
		free(t.description);
		t.name = NULL;
		t.description = NULL;
	}
	for (int e = 0; e < THEME_ELEMENT_COUNT; e++) {
		t.styles[e].defined = false;
		t.styles[e].line = 0;
	}
	rc = path ? conf_source_read_file(&src, path, errs)
		  : conf_source_read_text(&src, name, text, len, errs);
	rc = load_source(&t, &src, rc, errs);
	conf_source_free(&src);
	if (rc == 0 && !t.name && !(t.name = name_from_path(path ? path : name)))
		rc = -1;
	if (rc == 0 && !t.description && !(t.description = conf_strdup("")))
		rc = -1;
	if (rc == 0 && path && !(t.path = conf_strdup(path)))
		rc = -1;
	if (rc < 0) {
		theme_free(&t);
		return -1;
	}
	*out = t;
	return 0;
}

int theme_load_file(struct theme *out, const char *path, struct settings_errors *errs)
{
	return load_over(out, NULL, path, NULL, NULL, 0, errs);
}

int theme_load_text(struct theme *out, const char *name, const char *text, size_t len,
		    struct settings_errors *errs)
{
	return load_over(out, NULL, NULL, name ? name : "<text>", text ? text : "",
			 text ? len : 0, errs);
}

int theme_load_text_over(struct theme *out, const struct theme *base, const char *name,
			 const char *text, size_t len, struct settings_errors *errs)
{
	return load_over(out, base, NULL, name ? name : "<text>", text ? text : "",
			 text ? len : 0, errs);
}
