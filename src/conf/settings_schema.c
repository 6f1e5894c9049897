/* settings_schema.c - what each setting is called, its type and range, and
 * where it goes in struct desk_settings.
 *
 * The tables below are the config's schema: one walk over a parsed file
 * checks every name (unknown ones get "did you mean"), every type and range,
 * and stores the values. `views` and `keys` have their own files.
 */
#include "conf_internal.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum schema_type {
	SCHEMA_GROUP,
	SCHEMA_INT,       /* int */
	SCHEMA_LONG,      /* long, integers of any size */
	SCHEMA_DOUBLE,    /* double, integers accepted */
	SCHEMA_BOOL,      /* bool */
	SCHEMA_STRING,    /* char *, owned */
	SCHEMA_PANE,      /* enum detail_pane, from a string */
	SCHEMA_INT_ARRAY, /* int[], count in an int at count_offset */
	SCHEMA_COLUMNS,   /* enum settings_column[], count at count_offset */
	SCHEMA_ELSEWHERE  /* handled by another file (views, keys) */
};

struct schema {
	const char *name;               /* setting name; NULL ends a table */
	enum schema_type type;
	size_t offset;                  /* into struct desk_settings */
	double min, max;                /* value range; string: length range */
	const struct schema *children;  /* SCHEMA_GROUP */
	size_t count_offset;            /* arrays: where the count goes */
	int max_count;                  /* arrays: most elements */
};

#define AT(member) offsetof(struct desk_settings, member)
#define NOWHERE ((size_t)-1)   /* a value that is checked but not stored */
#define INT(n, m, lo, hi)    { n, SCHEMA_INT, AT(m), lo, hi, NULL, 0, 0 }
#define LONG(n, m, lo, hi)   { n, SCHEMA_LONG, AT(m), lo, hi, NULL, 0, 0 }
#define DOUBLE(n, m, lo, hi) { n, SCHEMA_DOUBLE, AT(m), lo, hi, NULL, 0, 0 }
#define GROUP(n, c)          { n, SCHEMA_GROUP, 0, 0, 0, c, 0, 0 }
#define END                  { NULL, SCHEMA_GROUP, 0, 0, 0, NULL, 0, 0 }

static const struct schema weights[] = {
	INT("overlap",      policy.weights[PQL_OVERLAP],      0, 100),
	INT("budget",       policy.weights[PQL_BUDGET],       0, 100),
	INT("icp",          policy.weights[PQL_ICP],          0, 100),
	INT("relationship", policy.weights[PQL_RELATIONSHIP], 0, 100),
	INT("competitive",  policy.weights[PQL_COMPETITIVE],  0, 100),
	INT("size",         policy.weights[PQL_SIZE],         0, 100),
	END
};

static const struct schema pql[] = {
	GROUP("weights", weights),
	INT("threshold", policy.threshold, 0, 100),
	END
};

#define BAND(state) \
	static const struct schema band_##state[] = { \
		INT("low",    policy.bands[state].low,    0, 100), \
		INT("high",   policy.bands[state].high,   0, 100), \
		INT("preset", policy.bands[state].preset, 0, 100), \
		END \
	}
BAND(CAPACITY_SLACK);
BAND(CAPACITY_BALANCED);
BAND(CAPACITY_CONSTRAINED);
BAND(CAPACITY_SEVERELY_CONSTRAINED);

static const struct schema dial[] = {
	GROUP("slack",                band_CAPACITY_SLACK),
	GROUP("balanced",             band_CAPACITY_BALANCED),
	GROUP("constrained",          band_CAPACITY_CONSTRAINED),
	GROUP("severely_constrained", band_CAPACITY_SEVERELY_CONSTRAINED),
	END
};

static const struct schema capacity[] = {
	DOUBLE("balanced_from",       policy.balanced_from,    0, 100),
	DOUBLE("constrained_from",    policy.constrained_from, 0, 100),
	DOUBLE("severe_from",         policy.severe_from,      0, 100),
	INT("selling_hours_per_week", policy.selling_hours_per_week, 1, 168),
	INT("weeks_per_quarter",      policy.weeks_per_quarter,      1, 14),
	DOUBLE("cosell_share",        policy.cosell_share,     0, 1),
	END
};

#define HOURS(t) \
	static const struct schema hours_##t[] = { \
		INT("min",    policy.hours[t].min,    0, 168), \
		INT("max",    policy.hours[t].max,    0, 168), \
		INT("preset", policy.hours[t].preset, 0, 168), \
		END \
	}
HOURS(0);
HOURS(1);
HOURS(2);

static const struct schema hours[] = {
	GROUP("tier1", hours_0),
	GROUP("tier2", hours_1),
	GROUP("tier3", hours_2),
	END
};

static const struct schema tiers[] = {
	LONG("tier1_above_acv",      policy.tier1_above_acv, 0, 1e12),
	LONG("tier2_from_acv",       policy.tier2_from_acv,  0, 1e12),
	GROUP("hours", hours),
	DOUBLE("deep_overlap_share", policy.deep_overlap_share, 0, 1),
	DOUBLE("thin_overlap_share", policy.thin_overlap_share, 0, 1),
	DOUBLE("gaming_factor",      policy.tier_gaming_factor, 1, 1000),
	END
};

static const struct schema sla[] = {
	INT("triage_hours", policy.sla_triage_hours, 1, 8760),
	INT("accept_hours", policy.sla_accept_hours, 1, 8760),
	END
};

static const struct schema attribution[] = {
	INT("sourcing",             policy.role_weights[ROLE_SOURCING],             0, 100),
	INT("selling",              policy.role_weights[ROLE_SELLING],              0, 100),
	INT("technical_validation", policy.role_weights[ROLE_TECHNICAL_VALIDATION], 0, 100),
	INT("implementation",       policy.role_weights[ROLE_IMPLEMENTATION],       0, 100),
	INT("influence",            policy.role_weights[ROLE_INFLUENCE],            0, 100),
	END
};

static const struct schema calibration[] = {
	{ "bands", SCHEMA_INT_ARRAY, AT(policy.calibration_bands), 0, 100, NULL,
	  AT(policy.calibration_band_count), CALIBRATION_MAX_BANDS },
	END
};

static const struct schema ui[] = {
	{ "theme", SCHEMA_STRING, AT(ui.theme), 1, 4095, NULL, 0, 0 },
	{ "mouse", SCHEMA_BOOL, AT(ui.mouse), 0, 0, NULL, 0, 0 },
	INT("min_cols", ui.min_cols, 20, 1000),
	INT("min_rows", ui.min_rows, 5, 1000),
	{ "detail_pane", SCHEMA_PANE, AT(ui.detail_pane), 0, 0, NULL, 0, 0 },
	{ "date_format", SCHEMA_STRING, AT(ui.date_format), 1, 63, NULL, 0, 0 },
	{ "queue_columns", SCHEMA_COLUMNS, AT(ui.queue_columns), 1, 0, NULL,
	  AT(ui.queue_column_count), SETTINGS_COLUMN_COUNT },
	/* a view name, checked against the views once both layers are read */
	{ "home_view", SCHEMA_STRING, AT(ui.home_view), 0, SETTINGS_VIEW_NAME_MAX - 1, NULL, 0, 0 },
	END
};

static const struct schema editor[] = {
	{ "command", SCHEMA_STRING, AT(ui.editor_command), 0, 4095, NULL, 0, 0 },
	END
};

static const struct schema database[] = {
	INT("busy_timeout_ms", ui.busy_timeout_ms, 0, 600000),
	END
};

static const struct schema root[] = {
	{ "version", SCHEMA_INT, NOWHERE, 1, 1, NULL, 0, 0 },   /* checked, not stored */
	GROUP("pql", pql),
	GROUP("dial", dial),
	GROUP("capacity", capacity),
	GROUP("tiers", tiers),
	GROUP("sla", sla),
	GROUP("attribution", attribution),
	GROUP("calibration", calibration),
	GROUP("ui", ui),
	GROUP("editor", editor),
	GROUP("database", database),
	{ "views", SCHEMA_ELSEWHERE, 0, 0, 0, NULL, 0, 0 },
	{ "keys", SCHEMA_ELSEWHERE, 0, 0, 0, NULL, 0, 0 },
	END
};

static const char *const pane_names[] = { "right", "bottom", "off" };

#define FIELD(s, node, type) ((type *)((char *)(s) + (node)->offset))

static void wrong_type(struct settings_errors *errs, const struct conf_source *src,
		       const config_setting_t *set, const char *expected, const char *hint)
{
	char path[256];

	conf_error_at(errs, src, set, hint, "%s: expected %s, not %s",
		      conf_setting_path(set, path, sizeof path), expected, conf_type_name(set));
}

static int is_integer(const config_setting_t *set)
{
	int t = config_setting_type(set);

	return t == CONFIG_TYPE_INT || t == CONFIG_TYPE_INT64;
}

/* The hint for a value written in quotes where a number or boolean belongs. */
static const char *quoted_hint(const config_setting_t *set)
{
	return config_setting_type(set) == CONFIG_TYPE_STRING
	       ? "numbers and true/false are written without quotes" : NULL;
}

static int get_number(const config_setting_t *set, const struct schema *node,
		      struct settings_errors *errs, const struct conf_source *src, double *out)
{
	char path[256];
	double v;

	if (node->type == SCHEMA_DOUBLE && config_setting_type(set) == CONFIG_TYPE_FLOAT) {
		v = config_setting_get_float(set);
	} else if (is_integer(set)) {
		v = (double)config_setting_get_int64(set);
	} else if (node->type != SCHEMA_DOUBLE && config_setting_type(set) == CONFIG_TYPE_FLOAT) {
		wrong_type(errs, src, set, "a whole number", "write it without a decimal point");
		return -1;
	} else {
		wrong_type(errs, src, set, node->type == SCHEMA_DOUBLE ? "a number" : "an integer",
			   quoted_hint(set));
		return -1;
	}
	if (!(v >= node->min && v <= node->max)) {
		conf_error_at(errs, src, set, NULL, "%s: %g is out of range (%g to %g)",
			      conf_setting_path(set, path, sizeof path), v, node->min, node->max);
		return -1;
	}
	*out = v;
	return 0;
}

static void apply_string(struct desk_settings *s, const struct schema *node,
			 const config_setting_t *set, const struct conf_source *src,
			 struct settings_errors *errs)
{
	const char *v = config_setting_get_string(set);
	char path[256], **slot = FIELD(s, node, char *), *copy;
	size_t len = strlen(v);

	conf_setting_path(set, path, sizeof path);
	if (len < (size_t)node->min) {
		conf_error_at(errs, src, set, NULL, "%s: may not be empty", path);
		return;
	}
	if (len > (size_t)node->max) {
		conf_error_at(errs, src, set, NULL, "%s: longer than %g bytes", path, node->max);
		return;
	}
	if (conf_has_control(v)) {
		conf_error_at(errs, src, set, NULL, "%s: holds a control character", path);
		return;
	}
	if (!(copy = conf_strdup(v))) {
		conf_error_at(errs, src, set, NULL, "out of memory");
		return;
	}
	free(*slot);
	*slot = copy;
}

static void apply_int_array(struct desk_settings *s, const struct schema *node,
			    const config_setting_t *set, const struct conf_source *src,
			    struct settings_errors *errs)
{
	int n = config_setting_length(set), vals[64];
	char path[256];

	conf_setting_path(set, path, sizeof path);
	if (n < 1 || n > node->max_count) {
		conf_error_at(errs, src, set, NULL, "%s: %d values, need 1 to %d", path, n,
			      node->max_count);
		return;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(set, (unsigned)i);
		long long v;

		if (config_setting_type(e) != CONFIG_TYPE_INT) {
			conf_error_at(errs, src, e, NULL, "%s: expected integers, not %s", path,
				      conf_type_name(e));
			return;
		}
		v = config_setting_get_int64(e);
		if (v < node->min || v > node->max) {
			conf_error_at(errs, src, e, NULL, "%s: %lld is out of range (%g to %g)", path,
				      v, node->min, node->max);
			return;
		}
		vals[i] = (int)v;
	}
	memcpy(FIELD(s, node, int), vals, (size_t)n * sizeof vals[0]);
	*(int *)((char *)s + node->count_offset) = n;
}

static void apply_value(struct desk_settings *s, const struct schema *node,
			const config_setting_t *set, const struct conf_source *src,
			struct settings_errors *errs)
{
	double v;
	char path[256];

	if (node->offset == NOWHERE) {
		/* `version`: the layout this build reads */
		if (config_setting_type(set) != CONFIG_TYPE_INT || config_setting_get_int(set) != 1)
			conf_error_at(errs, src, set, "leave version = 1, or remove the line",
				      "version: this build reads version 1 configs only");
		return;
	}
	switch (node->type) {
	case SCHEMA_INT:
	case SCHEMA_LONG:
	case SCHEMA_DOUBLE:
		if (get_number(set, node, errs, src, &v) < 0)
			return;
		if (node->type == SCHEMA_INT)
			*FIELD(s, node, int) = (int)v;
		else if (node->type == SCHEMA_LONG)
			*FIELD(s, node, long) = (long)config_setting_get_int64(set);
		else
			*FIELD(s, node, double) = v;
		return;
	case SCHEMA_BOOL:
		if (config_setting_type(set) != CONFIG_TYPE_BOOL)
			wrong_type(errs, src, set, "true or false", "write true or false, without quotes");
		else
			*FIELD(s, node, bool) = config_setting_get_bool(set) != 0;
		return;
	case SCHEMA_STRING:
		if (config_setting_type(set) != CONFIG_TYPE_STRING)
			wrong_type(errs, src, set, "a string", "text is written in double quotes");
		else
			apply_string(s, node, set, src, errs);
		return;
	case SCHEMA_PANE:
		if (config_setting_type(set) != CONFIG_TYPE_STRING) {
			wrong_type(errs, src, set, "a string", "write \"right\", \"bottom\" or \"off\"");
			return;
		}
		for (size_t i = 0; i < sizeof pane_names / sizeof pane_names[0]; i++) {
			if (strcmp(config_setting_get_string(set), pane_names[i]) == 0) {
				*FIELD(s, node, enum detail_pane) = (enum detail_pane)i;
				return;
			}
		}
		conf_error_at(errs, src, set, "write \"right\", \"bottom\" or \"off\"",
			      "%s: unknown pane position '%s'",
			      conf_setting_path(set, path, sizeof path),
			      config_setting_get_string(set));
		return;
	case SCHEMA_INT_ARRAY:
		if (config_setting_type(set) != CONFIG_TYPE_ARRAY)
			wrong_type(errs, src, set, "an array [ ] of integers", NULL);
		else
			apply_int_array(s, node, set, src, errs);
		return;
	case SCHEMA_COLUMNS: {
		enum settings_column cols[SETTINGS_COLUMN_COUNT];
		int n = settings_columns_parse(src, set, cols, errs);

		if (n >= 1) {
			memcpy(FIELD(s, node, enum settings_column), cols, (size_t)n * sizeof cols[0]);
			*(int *)((char *)s + node->count_offset) = n;
		} else if (n == 0) {
			conf_error_at(errs, src, set, NULL, "%s: needs at least one column",
				      conf_setting_path(set, path, sizeof path));
		}
		return;
	}
	case SCHEMA_GROUP:
	case SCHEMA_ELSEWHERE:
		return;
	}
}

static void apply_group(struct desk_settings *s, const struct schema *table,
			const config_setting_t *group, const struct conf_source *src,
			struct settings_errors *errs)
{
	const char *names[32];
	size_t count = 0;

	for (const struct schema *n = table; n->name && count < 32; n++)
		names[count++] = n->name;
	conf_unknown_members(src, group, names, count, errs);
	for (const struct schema *node = table; node->name; node++) {
		const config_setting_t *set = config_setting_get_member(group, node->name);

		if (!set || node->type == SCHEMA_ELSEWHERE)
			continue;
		if (node->type == SCHEMA_GROUP) {
			if (config_setting_type(set) != CONFIG_TYPE_GROUP)
				wrong_type(errs, src, set, "a group { }", NULL);
			else
				apply_group(s, node->children, set, src, errs);
		} else {
			apply_value(s, node, set, src, errs);
		}
	}
}

/* The default must set every value: a missing one would silently be 0. */
static void check_complete(const struct schema *table, const config_setting_t *group,
			   const struct conf_source *src, const char *prefix,
			   struct settings_errors *errs)
{
	for (const struct schema *node = table; node->name; node++) {
		const config_setting_t *set = group ? config_setting_get_member(group, node->name)
						    : NULL;
		char path[256];

		if (node->type == SCHEMA_ELSEWHERE)
			continue;
		snprintf(path, sizeof path, "%s%s%s", prefix, *prefix ? "." : "", node->name);
		if (node->type == SCHEMA_GROUP && set && config_setting_type(set) == CONFIG_TYPE_GROUP)
			check_complete(node->children, set, src, path, errs);
		else if (!set)
			settings_errors_add(errs, src->file_count ? src->files[0] : NULL, 0, NULL,
					    "the default config lacks '%s'", path);
	}
}

void settings_schema_apply(struct desk_settings *s, const struct settings_layer *layer,
			   bool builtin, struct settings_errors *errs)
{
	const config_setting_t *top = config_root_setting(&layer->cfg);

	apply_group(s, root, top, &layer->src, errs);
	if (builtin)
		check_complete(root, top, &layer->src, "", errs);
}
