/* settings_views.c - queue columns and the named views of the `views` list. */
#include "conf_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coselldesk/query.h"

static const char *const column_names[SETTINGS_COLUMN_COUNT] = {
#define SETTINGS_COLUMN_NAME_(id, name, help) [SETTINGS_COLUMN_##id] = name,
	SETTINGS_COLUMNS(SETTINGS_COLUMN_NAME_)
#undef SETTINGS_COLUMN_NAME_
};

static const char *const column_helps[SETTINGS_COLUMN_COUNT] = {
#define SETTINGS_COLUMN_HELP_(id, name, help) [SETTINGS_COLUMN_##id] = help,
	SETTINGS_COLUMNS(SETTINGS_COLUMN_HELP_)
#undef SETTINGS_COLUMN_HELP_
};

const char *settings_column_name(enum settings_column c)
{
	return (unsigned)c < SETTINGS_COLUMN_COUNT ? column_names[c] : NULL;
}

const char *settings_column_help(enum settings_column c)
{
	return (unsigned)c < SETTINGS_COLUMN_COUNT ? column_helps[c] : NULL;
}

int settings_column_from_name(const char *name)
{
	return conf_name_index(name, column_names, SETTINGS_COLUMN_COUNT);
}

static void unknown_column(struct settings_errors *errs, const struct conf_source *src,
			   const config_setting_t *at, const char *path, const char *name)
{
	const char *close = settings_suggest(name, column_names, SETTINGS_COLUMN_COUNT);

	if (close)
		conf_error_at(errs, src, at, NULL, "%s: unknown column '%s' (did you mean '%s'?)",
			      path, name, close);
	else
		conf_error_at(errs, src, at, "columns: id age partner account signal acv score "
			      "gate tier state owner ae pod flags",
			      "%s: unknown column '%s'", path, name);
}

int settings_columns_parse(const struct conf_source *src, const config_setting_t *arr,
			   enum settings_column *cols, struct settings_errors *errs)
{
	char path[256];
	int n, count = 0;

	conf_setting_path(arr, path, sizeof path);
	if (config_setting_type(arr) != CONFIG_TYPE_ARRAY) {
		conf_error_at(errs, src, arr, "write [ \"id\", \"score\" ]",
			      "%s: expected an array [ ] of column names, not %s", path,
			      conf_type_name(arr));
		return -1;
	}
	n = config_setting_length(arr);
	if (n > 0 && config_setting_type(config_setting_get_elem(arr, 0)) != CONFIG_TYPE_STRING) {
		conf_error_at(errs, src, arr, "column names are strings in double quotes",
			      "%s: expected column names, not %s", path,
			      conf_type_name(config_setting_get_elem(arr, 0)));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		const config_setting_t *e = config_setting_get_elem(arr, (unsigned)i);
		const char *name = config_setting_get_string(e);
		int c = settings_column_from_name(name);

		if (c < 0) {
			unknown_column(errs, src, e, path, name);
			return -1;
		}
		for (int j = 0; j < count; j++) {
			if (cols[j] == (enum settings_column)c) {
				conf_error_at(errs, src, e, NULL, "%s: column '%s' is listed twice", path,
					      name);
				return -1;
			}
		}
		cols[count++] = (enum settings_column)c;
	}
	return count;
}

/* Parse "-score,age" into v->sort_keys. Returns 0, or -1 after reporting. */
static int parse_sort(struct named_view *v, const struct conf_source *src,
		      const config_setting_t *set, struct settings_errors *errs)
{
	const char *p = v->sort;
	char path[256];

	conf_setting_path(set, path, sizeof path);
	v->sort_count = 0;
	while (*p) {
		char name[32];
		size_t n;
		bool desc = false;
		int c;

		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		if (*p == '-' || *p == '+')
			desc = *p++ == '-';
		n = strcspn(p, ", ");
		if (n == 0 || n >= sizeof name) {
			conf_error_at(errs, src, set, "write column names, a '-' before one for "
				      "descending: \"-score,age\"", "%s: cannot read \"%s\"", path,
				      v->sort);
			return -1;
		}
		memcpy(name, p, n);
		name[n] = '\0';
		p += n;
		if ((c = settings_column_from_name(name)) < 0) {
			unknown_column(errs, src, set, path, name);
			return -1;
		}
		for (int i = 0; i < v->sort_count; i++) {
			if (v->sort_keys[i].column == (enum settings_column)c) {
				conf_error_at(errs, src, set, NULL, "%s: column '%s' is listed twice",
					      path, name);
				return -1;
			}
		}
		if (v->sort_count == SETTINGS_SORT_MAX) {
			conf_error_at(errs, src, set, NULL, "%s: more than %d sort columns", path,
				      SETTINGS_SORT_MAX);
			return -1;
		}
		v->sort_keys[v->sort_count].column = (enum settings_column)c;
		v->sort_keys[v->sort_count].descending = desc;
		v->sort_count++;
	}
	return 0;
}

static void free_view(struct named_view *v)
{
	free(v->name);
	free(v->limit);
	free(v->sort);
	memset(v, 0, sizeof *v);
}

/* A string member of a view: NULL when absent, "" on error (reported). */
static const char *view_string(const struct conf_source *src, const config_setting_t *view,
			       const char *member, size_t max, bool *bad,
			       struct settings_errors *errs)
{
	const config_setting_t *set = config_setting_get_member(view, member);
	char path[256];
	const char *v;

	if (!set)
		return NULL;
	conf_setting_path(set, path, sizeof path);
	if (config_setting_type(set) != CONFIG_TYPE_STRING) {
		conf_error_at(errs, src, set, "text is written in double quotes",
			      "%s: expected a string, not %s", path, conf_type_name(set));
		*bad = true;
		return NULL;
	}
	v = config_setting_get_string(set);
	if (strlen(v) > max || conf_has_control(v)) {
		conf_error_at(errs, src, set, NULL, "%s: %s", path,
			      strlen(v) > max ? "too long" : "holds a control character");
		*bad = true;
		return NULL;
	}
	return v;
}

/* The limit must be a query the queue understands. */
static void check_limit(const struct conf_source *src, const config_setting_t *view,
			const char *limit, bool *bad, struct settings_errors *errs)
{
	const config_setting_t *set = config_setting_get_member(view, "limit");
	struct query q;
	char why[256], path[256];

	if (query_parse(limit, &q, why, sizeof why, NULL) < 0) {
		conf_error_at(errs, src, set, "the limit is a query as typed at the `l` key",
			      "%s: %s", conf_setting_path(set, path, sizeof path), why);
		*bad = true;
		return;
	}
	query_free(&q);
}

static const char *const view_members[] = { "name", "limit", "sort", "columns", "key" };

/* Read one group of the views list into v. Returns 0, or -1 after reporting. */
static int read_view(const struct conf_source *src, const config_setting_t *g,
		     struct named_view *v, struct settings_errors *errs)
{
	const char *name, *limit, *sort, *key;
	const config_setting_t *cols;
	bool bad = false;
	char path[64], why[128];

	memset(v, 0, sizeof *v);
	conf_setting_path(g, path, sizeof path);
	if (config_setting_type(g) != CONFIG_TYPE_GROUP) {
		conf_error_at(errs, src, g, "views = ( { name = \"...\"; limit = \"...\"; }, ... );",
			      "%s: expected a group { }, not %s", path, conf_type_name(g));
		return -1;
	}
	if (conf_unknown_members(src, g, view_members, sizeof view_members / sizeof view_members[0],
				 errs))
		bad = true;
	name = view_string(src, g, "name", SETTINGS_VIEW_NAME_MAX - 1, &bad, errs);
	limit = view_string(src, g, "limit", 1024, &bad, errs);
	sort = view_string(src, g, "sort", 256, &bad, errs);
	key = view_string(src, g, "key", 64, &bad, errs);
	if (!name && !bad) {
		conf_error_at(errs, src, g, "every view needs name = \"...\"", "%s: has no name", path);
		bad = true;
	} else if (name && !*name) {
		conf_error_at(errs, src, config_setting_get_member(g, "name"), NULL,
			      "%s.name: may not be empty", path);
		bad = true;
	}
	conf_source_where(src, g, &v->file, &v->line);
	v->name = conf_strdup(name ? name : "");
	v->limit = conf_strdup(limit ? limit : "");
	v->sort = conf_strdup(sort ? sort : "");
	if (!v->name || !v->limit || !v->sort) {
		conf_error_at(errs, src, g, NULL, "out of memory");
		free_view(v);
		return -1;
	}
	if (limit && !bad)
		check_limit(src, g, limit, &bad, errs);
	if (sort && parse_sort(v, src, config_setting_get_member(g, "sort"), errs) < 0)
		bad = true;
	if ((cols = config_setting_get_member(g, "columns"))) {
		int n = settings_columns_parse(src, cols, v->columns, errs);

		if (n < 0)
			bad = true;
		else
			v->column_count = n;
	}
	if (key && settings_key_normalise(key, v->key, sizeof v->key, why, sizeof why) < 0) {
		conf_error_at(errs, src, config_setting_get_member(g, "key"),
			      "see KEYS in coselldesk.conf(5) for the notation",
			      "%s.key: bad key \"%s\": %s", path, key, why);
		bad = true;
	}
	if (bad) {
		free_view(v);
		return -1;
	}
	return 0;
}

void settings_views_apply(struct desk_settings *s, const struct settings_layer *layer,
			  struct settings_errors *errs)
{
	const config_setting_t *list = config_lookup(&layer->cfg, "views");
	struct named_view *views;
	size_t count = 0;
	int n;

	if (!list)
		return;
	if (config_setting_type(list) != CONFIG_TYPE_LIST) {
		conf_error_at(errs, &layer->src, list,
			      "views = ( { name = \"...\"; limit = \"...\"; }, ... );",
			      "views: expected a list ( ) of groups, not %s", conf_type_name(list));
		return;
	}
	n = config_setting_length(list);
	if (!(views = calloc((size_t)n + 1, sizeof *views))) {
		conf_error_at(errs, &layer->src, list, NULL, "out of memory");
		return;
	}
	for (int i = 0; i < n; i++) {
		struct named_view *v = &views[count];
		size_t j;

		if (read_view(&layer->src, config_setting_get_elem(list, (unsigned)i), v, errs) < 0)
			continue;
		for (j = 0; j < count; j++)
			if (strcasecmp(views[j].name, v->name) == 0)
				break;
		if (j < count) {
			settings_errors_add(errs, v->file, v->line, "view names must differ",
					    "views: a view named \"%s\" is already defined at %s:%d",
					    v->name, views[j].file, views[j].line);
			free_view(v);
			continue;
		}
		for (j = 0; j < count; j++)
			if (v->key[0] && strcmp(views[j].key, v->key) == 0)
				break;
		if (j < count) {
			settings_errors_add(errs, v->file, v->line, NULL,
					    "views: key '%s' of \"%s\" is also the key of \"%s\" at %s:%d",
					    v->key, v->name, views[j].name, views[j].file, views[j].line);
			free_view(v);
			continue;
		}
		count++;
	}
	settings_views_free(s);
	s->views = views;
	s->view_count = count;
}

void settings_views_check_keys(const struct desk_settings *s, struct settings_errors *errs)
{
	for (size_t i = 0; i < s->view_count; i++) {
		const struct named_view *v = &s->views[i];
		const struct key_binding *b;

		if (!v->key[0])
			continue;
		b = settings_binding_find(s, SETTINGS_KEYMAP_QUEUE, v->key);
		if (b && strcmp(b->action, SETTINGS_ACTION_NONE) != 0)
			settings_errors_add(errs, v->file, v->line,
					    "choose another key, or bind this one to \"none\" in keys.queue",
					    "views: key '%s' of \"%s\" is already bound in keys.queue to "
					    "'%s' at %s:%d", v->key, v->name, b->action, b->file, b->line);
	}
}

const struct named_view *settings_view_find(const struct desk_settings *s, const char *name)
{
	for (size_t i = 0; s && name && i < s->view_count; i++)
		if (strcasecmp(s->views[i].name, name) == 0)
			return &s->views[i];
	return NULL;
}

void settings_views_free(struct desk_settings *s)
{
	for (size_t i = 0; i < s->view_count; i++)
		free_view(&s->views[i]);
	free(s->views);
	s->views = NULL;
	s->view_count = 0;
}

void settings_views_check_home(struct desk_settings *s,
			       const struct settings_layer *const *layers, size_t count,
			       struct settings_errors *errs)
{
	const config_setting_t *set = NULL;
	const struct settings_layer *where = NULL;
	const char *names[64];
	const char *close;
	char *empty;
	size_t n = 0;

	if (!s->ui.home_view || !*s->ui.home_view || settings_view_find(s, s->ui.home_view)) {
		if (!s->ui.home_view && (s->ui.home_view = conf_strdup("")) == NULL)
			settings_errors_add(errs, NULL, 0, NULL, "out of memory");
		return;
	}
	for (size_t i = count; i-- > 0 && !set;) {
		if (layers[i]->parsed && (set = config_lookup(&layers[i]->cfg, "ui.home_view")))
			where = layers[i];
	}
	if (where && where != layers[0]) {
		for (size_t i = 0; i < s->view_count && n < sizeof names / sizeof names[0]; i++)
			names[n++] = s->views[i].name;
		close = settings_suggest(s->ui.home_view, names, n);
		if (close)
			conf_error_at(errs, &where->src, set, NULL,
				      "ui.home_view: no view named \"%s\" (did you mean \"%s\"?)",
				      s->ui.home_view, close);
		else
			conf_error_at(errs, &where->src, set,
				      "name a view of the `views` list, or \"\" for every open intro",
				      "ui.home_view: no view named \"%s\"%s", s->ui.home_view,
				      s->view_count ? "" : " (the config defines no views)");
		return;
	}
	if (count < 2 || !where) {
		/* the default's own home view is missing: a broken build */
		settings_errors_add(errs, SETTINGS_BUILTIN_NAME, 0, NULL,
				    "ui.home_view: no view named \"%s\"", s->ui.home_view);
		return;
	}
	if (!(empty = conf_strdup(""))) {
		settings_errors_add(errs, NULL, 0, NULL, "out of memory");
		return;
	}
	free(s->ui.home_view);
	s->ui.home_view = empty;
}
