/* settings_load.c - read the default config, then the user's over it.
 *
 * The built-in default (docs/coselldesk.conf, embedded) is always read
 * first and must set every value; a user's file then overrides what it
 * names. Everything is checked before anything is handed out: the caller's
 * struct changes only when the whole load is clean, so a reload that fails
 * keeps the settings in force.
 */
#include "conf_internal.h"

#include <stdlib.h>
#include <string.h>

extern const char coselldesk_default_config[];
extern const size_t coselldesk_default_config_len;

static void layer_free(struct settings_layer *l)
{
	if (l->parsed)
		config_destroy(&l->cfg);
	l->parsed = false;
	conf_source_free(&l->src);
}

/* Parse a layer whose source was read. Returns 0, -1 on a syntax error. */
static int layer_parse(struct settings_layer *l, struct settings_errors *errs)
{
	config_init(&l->cfg);
	l->parsed = true;
	return conf_source_parse(&l->src, &l->cfg, errs);
}

/* Move the file names of a layer into s->files. */
static int keep_files(struct desk_settings *s, struct settings_layer *l)
{
	size_t n;
	char **files = conf_source_take_files(&l->src, &n);
	char **all;

	if (n == 0) {
		free(files);
		return 0;
	}
	if (!(all = realloc(s->files, (s->file_count + n) * sizeof *all))) {
		for (size_t i = 0; i < n; i++)
			free(files[i]);
		free(files);
		return -1;
	}
	memcpy(all + s->file_count, files, n * sizeof *files);
	s->files = all;
	s->file_count += n;
	free(files);
	return 0;
}

/* Give s its own copies of the file names of a layer that stays with its
 * owner (a parsed default), pointing the bindings and views at them. */
static int copy_files(struct desk_settings *s, const struct settings_layer *l)
{
	char **all;

	if (l->src.file_count == 0)
		return 0;
	if (!(all = realloc(s->files, (s->file_count + l->src.file_count) * sizeof *all)))
		return -1;
	s->files = all;
	for (size_t i = 0; i < l->src.file_count; i++) {
		const char *old = l->src.files[i];
		char *copy = conf_strdup(old);

		if (!copy)
			return -1;
		s->files[s->file_count++] = copy;
		for (size_t b = 0; b < s->binding_count; b++)
			if (s->bindings[b].file == old)
				s->bindings[b].file = copy;
		for (size_t v = 0; v < s->view_count; v++)
			if (s->views[v].file == old)
				s->views[v].file = copy;
	}
	return 0;
}

/* The default parsed once: its text and tree, and the settings it makes. */
struct settings_default {
	struct settings_layer layer;   /* the built-in text and libconfig's tree of it */
	struct desk_settings applied;  /* the default applied to empty settings; its
	                                * file pointers point into layer */
};

static char *dup_or_null(const char *s, int *failed)
{
	char *d = s ? conf_strdup(s) : NULL;

	if (s && !d)
		*failed = 1;
	return d;
}

/* A deep copy of what applying the default made (no files, no path: the
 * file pointers still point into the default's layer, see copy_files). */
static int copy_applied(struct desk_settings *to, const struct desk_settings *from)
{
	size_t cap = 16;
	int failed = 0;

	memset(to, 0, sizeof *to);
	to->policy = from->policy;
	to->ui = from->ui;
	to->ui.theme = dup_or_null(from->ui.theme, &failed);
	to->ui.date_format = dup_or_null(from->ui.date_format, &failed);
	to->ui.editor_command = dup_or_null(from->ui.editor_command, &failed);
	to->ui.home_view = dup_or_null(from->ui.home_view, &failed);
	/* bindings: sized as append_binding expects (16, then powers of two) */
	while (cap < from->binding_count)
		cap *= 2;
	if (from->binding_count) {
		if (!(to->bindings = malloc(cap * sizeof *to->bindings)))
			failed = 1;
		else {
			memcpy(to->bindings, from->bindings,
			       from->binding_count * sizeof *to->bindings);
			to->binding_count = from->binding_count;
		}
	}
	if (from->view_count) {
		if (!(to->views = calloc(from->view_count + 1, sizeof *to->views)))
			failed = 1;
		for (size_t i = 0; to->views && i < from->view_count; i++) {
			to->views[i] = from->views[i];
			to->views[i].name = dup_or_null(from->views[i].name, &failed);
			to->views[i].limit = dup_or_null(from->views[i].limit, &failed);
			to->views[i].sort = dup_or_null(from->views[i].sort, &failed);
			to->view_count = i + 1;
		}
	}
	return failed ? -1 : 0;
}

/* Load the default, then path or text over it. dflt: the default already
 * parsed and applied (kept by the caller), or NULL to read it here. */
static int load(struct desk_settings *out, const struct settings_default *dflt,
		const char *path, const char *name, const char *text, size_t len,
		struct settings_errors *errs)
{
	struct settings_layer own = { .parsed = false }, user = { .parsed = false };
	const struct settings_layer *parsed = dflt ? &dflt->layer : NULL;
	const struct settings_layer *base = parsed ? parsed : &own;
	const struct settings_layer *layers[2] = { base, &user };
	struct desk_settings s;
	size_t before = errs->count + errs->dropped, first = errs->count, count = 1;
	int readable = 0;

	memset(&s, 0, sizeof s);
	if (dflt) {
		if (copy_applied(&s, &dflt->applied) < 0) {
			settings_errors_add(errs, SETTINGS_BUILTIN_NAME, 0, NULL, "out of memory");
			goto done;
		}
	} else {
		if (conf_source_read_text(&own.src, SETTINGS_BUILTIN_NAME,
					  coselldesk_default_config,
					  coselldesk_default_config_len, errs) < 0 ||
		    layer_parse(&own, errs) < 0)
			goto done;
		settings_schema_apply(&s, base, true, errs);
		settings_keys_apply(&s, base, errs);
		settings_views_apply(&s, base, errs);
	}

	if (path || text) {
		count = 2;
		readable = path ? conf_source_read_file(&user.src, path, errs)
				: conf_source_read_text(&user.src, name, text, len, errs);
		if (readable < 0 || layer_parse(&user, errs) < 0)
			goto done;
		settings_schema_apply(&s, &user, false, errs);
		settings_keys_apply(&s, &user, errs);
		settings_views_apply(&s, &user, errs);
	}
	settings_views_check_keys(&s, errs);
	settings_views_check_home(&s, layers, count, errs);
	settings_validate_policy(&s, layers, count, errs);

done:
	if (errs->count + errs->dropped == before && !user.src.failed && !base->src.failed) {
		if (path && !(s.path = conf_strdup(path)))
			settings_errors_add(errs, path, 0, NULL, "out of memory");
		else if ((parsed ? copy_files(&s, parsed) : keep_files(&s, &own)) < 0 ||
			 keep_files(&s, &user) < 0)
			settings_errors_add(errs, path, 0, NULL, "out of memory");
	} else if (errs->count + errs->dropped == before) {
		/* a failure the reader flagged without a message cannot happen,
		 * but never report success for it */
		settings_errors_add(errs, path ? path : name, 0, NULL, "cannot be read");
	}
	if (errs->count + errs->dropped != before) {
		/* file pointers of bindings and views point into the layers: drop
		 * them before the layers go */
		settings_free(&s);
		layer_free(&user);
		layer_free(&own);
		conf_errors_sort(errs, first);
		return -1;
	}
	layer_free(&user);
	layer_free(&own);
	*out = s;
	return 0;
}

int settings_load_builtin(struct desk_settings *out, struct settings_errors *errs)
{
	return load(out, NULL, NULL, NULL, NULL, 0, errs);
}

int settings_load_file(struct desk_settings *out, const char *path,
		       struct settings_errors *errs)
{
	return load(out, NULL, path, NULL, NULL, 0, errs);
}

int settings_load_text(struct desk_settings *out, const char *name, const char *text,
		       size_t len, struct settings_errors *errs)
{
	return load(out, NULL, NULL, name ? name : "<text>", text ? text : "", text ? len : 0,
		    errs);
}

/* ---- the default parsed once ---- */

int settings_default_parse(struct settings_default **out, struct settings_errors *errs)
{
	struct settings_default *d = calloc(1, sizeof *d);
	size_t before = errs->count + errs->dropped;

	*out = NULL;
	if (!d) {
		settings_errors_add(errs, SETTINGS_BUILTIN_NAME, 0, NULL, "out of memory");
		return -1;
	}
	if (conf_source_read_text(&d->layer.src, SETTINGS_BUILTIN_NAME, coselldesk_default_config,
				  coselldesk_default_config_len, errs) == 0 &&
	    layer_parse(&d->layer, errs) == 0) {
		settings_schema_apply(&d->applied, &d->layer, true, errs);
		settings_keys_apply(&d->applied, &d->layer, errs);
		settings_views_apply(&d->applied, &d->layer, errs);
	}
	if (d->layer.src.failed || errs->count + errs->dropped != before) {
		if (errs->count + errs->dropped == before)
			settings_errors_add(errs, SETTINGS_BUILTIN_NAME, 0, NULL, "cannot be read");
		settings_default_free(d);
		return -1;
	}
	*out = d;
	return 0;
}

void settings_default_free(struct settings_default *d)
{
	if (!d)
		return;
	settings_free(&d->applied);  /* owns no files: those stay with the layer */
	layer_free(&d->layer);
	free(d);
}

int settings_load_text_over(struct desk_settings *out, const struct settings_default *d,
			    const char *name, const char *text, size_t len,
			    struct settings_errors *errs)
{
	return load(out, d, NULL, name ? name : "<text>", text ? text : "", text ? len : 0,
		    errs);
}

void settings_free(struct desk_settings *s)
{
	settings_keys_free(s);
	settings_views_free(s);
	free(s->ui.theme);
	free(s->ui.date_format);
	free(s->ui.editor_command);
	free(s->ui.home_view);
	for (size_t i = 0; i < s->file_count; i++)
		free(s->files[i]);
	free(s->files);
	free(s->path);
	memset(s, 0, sizeof *s);
}

/* libconfig 1.5 has no run-time version call: report the header's. */
#define LIBCONFIG_STR_(x) #x
#define LIBCONFIG_STR(x) LIBCONFIG_STR_(x)
const char *settings_libconfig_version(void)
{
	return LIBCONFIG_STR(LIBCONFIG_VER_MAJOR) "." LIBCONFIG_STR(LIBCONFIG_VER_MINOR) "."
		LIBCONFIG_STR(LIBCONFIG_VER_REVISION);
}
