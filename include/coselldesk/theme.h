/* theme.h - colour themes: what each on-screen element looks like.
 *
 * Views never name a colour; they draw an element ("the selected row",
 * "tier 1", "SLA breach") and the theme says its foreground, background and
 * attributes, plus the attributes to use without colour (NO_COLOR, or a
 * terminal without colours). A theme is a libconfig file:
 *
 *   theme = {
 *     name = "default"; description = "..."; min_colors = 8;
 *     elements = {
 *       cursor_row = { fg = "black"; bg = "yellow"; attrs = [ "bold" ]; mono = [ "reverse" ]; };
 *       ...
 *     };
 *   };
 *
 * Colours: "default" (the terminal's own), black red green yellow blue
 * magenta cyan white, brightblack .. brightwhite, "colorNNN" (0-255) or
 * "#rrggbb". Attributes: bold dim underline reverse standout italic.
 * Elements a theme leaves out keep the built-in default theme's look.
 * This module only reads and checks themes; fitting colours to a terminal
 * is the console's job. Implemented in src/conf/theme*.c.
 */
#ifndef COSELLDESK_THEME_H
#define COSELLDESK_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "coselldesk/settings.h"

/* The elements, X(ID, "name", "what it colours"). */
#define THEME_ELEMENTS(X) \
	X(NORMAL,       "normal",       "ordinary text") \
	X(HEADER,       "header",       "column headers") \
	X(TITLE,        "title",        "view titles and pane headings") \
	X(STATUS_BAR,   "status_bar",   "the status bar") \
	X(MESSAGE,      "message",      "the message line") \
	X(CURSOR_ROW,   "cursor_row",   "the selected row") \
	X(TAGGED,       "tagged",       "tagged rows") \
	X(NEW_ROW,      "new_row",      "rows that arrived since the last look") \
	X(SEARCH_MATCH, "search_match", "text matching the search") \
	X(TIER1,        "tier1",        "tier 1 (full co-sell)") \
	X(TIER2,        "tier2",        "tier 2 (shared)") \
	X(TIER3,        "tier3",        "tier 3 (partner-led)") \
	X(SCORE_ABOVE,  "score_above",  "a score at or over the bar") \
	X(SCORE_BELOW,  "score_below",  "a score under the bar") \
	X(GATE_PQL,     "gate_pql",     "the PQL mark of an intro over the bar") \
	X(SLA_OK,       "sla_ok",       "an age well within its SLA") \
	X(SLA_DUE,      "sla_due",      "an age close to its SLA") \
	X(SLA_BREACH,   "sla_breach",   "an age past its SLA") \
	X(ESCALATED,    "escalated",    "escalated intros") \
	X(CONFLICT,     "conflict",     "channel or territory conflicts") \
	X(FLAG,         "flag",         "other flags (duplicate, tier gaming)") \
	X(DETAIL_LABEL, "detail_label", "labels of the detail pane") \
	X(FORM_LABEL,   "form_label",   "labels of a form") \
	X(FORM_FIELD,   "form_field",   "the fields of a form") \
	X(FORM_ERROR,   "form_error",   "a refused value in a form") \
	X(HELP_KEY,     "help_key",     "keys in the help screen") \
	X(HELP_TEXT,    "help_text",    "descriptions in the help screen") \
	X(HELP_GROUP,   "help_group",   "group titles in the help screen") \
	X(GAUGE_FILL,   "gauge_fill",   "the used part of a gauge") \
	X(GAUGE_EMPTY,  "gauge_empty",  "the free part of a gauge") \
	X(CHART_BAR,    "chart_bar",    "bars of a chart") \
	X(PROMPT,       "prompt",       "the : prompt and questions") \
	X(ERROR,        "error",        "error messages") \
	X(DIM,          "dim",          "secondary text") \
	X(BORDER,       "border",       "lines between panes") \
	X(TOO_SMALL,    "too_small",    "the terminal-too-small screen")

enum theme_element {
#define THEME_ELEMENT_ENUM_(id, name, help) THEME_##id,
	THEME_ELEMENTS(THEME_ELEMENT_ENUM_)
#undef THEME_ELEMENT_ENUM_
	THEME_ELEMENT_COUNT
};

const char *theme_element_name(enum theme_element e);  /* "cursor_row"; NULL out of range */
const char *theme_element_help(enum theme_element e);  /* "the selected row" */
int theme_element_from_name(const char *name);         /* exact name; -1 unknown */

/* Attributes, X(ID, "name"); THEME_ATTR_<ID> is a bit. */
#define THEME_ATTRS(X) \
	X(BOLD,      "bold") \
	X(DIM,       "dim") \
	X(UNDERLINE, "underline") \
	X(REVERSE,   "reverse") \
	X(STANDOUT,  "standout") \
	X(ITALIC,    "italic")

enum theme_attr_index {
#define THEME_ATTR_INDEX_(id, name) THEME_ATTR_INDEX_##id,
	THEME_ATTRS(THEME_ATTR_INDEX_)
#undef THEME_ATTR_INDEX_
	THEME_ATTR_COUNT
};

enum theme_attr {
#define THEME_ATTR_BIT_(id, name) THEME_ATTR_##id = 1u << THEME_ATTR_INDEX_##id,
	THEME_ATTRS(THEME_ATTR_BIT_)
#undef THEME_ATTR_BIT_
};

const char *theme_attr_name(enum theme_attr_index i);  /* "bold"; NULL out of range */

/* What kind of colour a theme asked for. */
enum theme_colour_kind {
	THEME_COLOUR_DEFAULT,  /* the terminal's own foreground or background */
	THEME_COLOUR_INDEX,    /* a palette entry: 0-7 ANSI, 8-15 bright, 16-255 */
	THEME_COLOUR_RGB       /* a #rrggbb colour */
};

struct theme_colour {
	enum theme_colour_kind kind;  /* which of the fields below holds it */
	int index;                    /* THEME_COLOUR_INDEX: 0-255 */
	unsigned long rgb;            /* THEME_COLOUR_RGB: 0xRRGGBB */
};

/* Parse "default", "red", "brightred", "color208" or "#ff8700". Returns 0,
 * -1 when it is none of them. */
int theme_colour_parse(const char *text, struct theme_colour *out);

/* The palette index nearest to c (0-255; -1 for the default colour), for
 * terminals that cannot show #rrggbb. */
int theme_colour_nearest(const struct theme_colour *c);

/* How one element looks. */
struct theme_style {
	struct theme_colour fg;   /* foreground */
	struct theme_colour bg;   /* background */
	unsigned attrs;           /* THEME_ATTR_* bits with colour */
	unsigned mono;            /* THEME_ATTR_* bits without colour */
	bool defined;             /* the theme file sets it (else the default's) */
	int line;                 /* its line in the theme file; 0 when not defined */
};

struct theme {
	char *name;               /* theme.name, else the file's name */
	char *description;        /* theme.description, or "" */
	int min_colors;           /* colours the theme is made for (8, 16, 256) */
	struct theme_style styles[THEME_ELEMENT_COUNT]; /* by enum theme_element */
	char *path;               /* the file it came from; NULL for the built-in */
};

/* The built-in default theme (themes/default.theme, embedded). */
int theme_load_builtin(struct theme *out, struct settings_errors *errs);

/* Read a theme file. Elements it leaves out keep the default theme's look.
 * Returns 0, or -1 with every problem as file:line in errs and *out
 * untouched. */
int theme_load_file(struct theme *out, const char *path, struct settings_errors *errs);

/* The same for text in memory called name (tests, fuzzing). */
int theme_load_text(struct theme *out, const char *name, const char *text, size_t len,
		    struct settings_errors *errs);

/* theme_load_text over base's look instead of the built-in default's (elements
 * the text leaves out keep base's; its name, description and path are not
 * taken). With base = the built-in theme (theme_load_builtin) the result is
 * that of theme_load_text, without reading the default again each time. */
int theme_load_text_over(struct theme *out, const struct theme *base, const char *name,
			 const char *text, size_t len, struct settings_errors *errs);

/* Free what a load allocated; *t becomes all zero. */
void theme_free(struct theme *t);

/* ---- finding a theme by name ------------------------------------------- */

/* The environment the theme search path depends on (NULL or "" = unset). */
struct theme_env {
	const char *themes_dir;       /* $COSELLDESK_THEMES: a directory of .theme files */
	const char *xdg_config_home;  /* $XDG_CONFIG_HOME */
	const char *home;             /* $HOME */
	const char *xdg_data_dirs;    /* $XDG_DATA_DIRS (default /usr/local/share:/usr/share) */
	const char *share_dir;        /* the installed share dir; NULL: COSELLDESK_SHAREDIR */
};

/* Fill env from getenv(). */
void theme_env_from_process(struct theme_env *env);

/* The i-th directory of the search path, in order: $COSELLDESK_THEMES,
 * $XDG_CONFIG_HOME/coselldesk/themes (or ~/.config/coselldesk/themes), each
 * $XDG_DATA_DIRS entry + /coselldesk/themes, the share dir's themes, then
 * ./themes. Returns 0 with the directory in buf, -1 past the end. */
int theme_search_dir(const struct theme_env *env, size_t i, char *buf, size_t size);

/* 1 when name is a theme name (letters, digits, '.', '_', '-', not
 * starting with '.'), not a path. */
int theme_name_valid(const char *name);

/* Find NAME.theme along the search path. Returns 0 with its path in buf,
 * -1 when no directory has it. */
int theme_find(const char *name, const struct theme_env *env, char *buf, size_t size);

/* Load a theme by name (searched) or by path (anything with a '/'). The
 * name "default" falls back to the built-in when no file is found; any
 * other missing name is an error listing the directories searched. */
int theme_load(struct theme *out, const char *name_or_path, const struct theme_env *env,
	       struct settings_errors *errs);

#endif
