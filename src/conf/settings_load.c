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

static int load(struct desk_settings *out, const char *path, const char *name,
		const char *text, size_t len, struct settings_errors *errs)
{
	struct settings_layer base = { .parsed = false }, user = { .parsed = false };
	struct settings_layer *layers[2] = { &base, &user };
	struct desk_settings s;
	size_t before = errs->count + errs->dropped, first = errs->count, count = 1;
	int readable = 0;

	memset(&s, 0, sizeof s);
	if (conf_source_read_text(&base.src, SETTINGS_BUILTIN_NAME, coselldesk_default_config,
				  coselldesk_default_config_len, errs) < 0 ||
	    layer_parse(&base, errs) < 0)
		goto done;
	settings_schema_apply(&s, &base, true, errs);
	settings_keys_apply(&s, &base, errs);
	settings_views_apply(&s, &base, errs);

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
	settings_validate_policy(&s, layers, count, errs);

done:
	if (errs->count + errs->dropped == before && !user.src.failed && !base.src.failed) {
		if (path && !(s.path = conf_strdup(path)))
			settings_errors_add(errs, path, 0, NULL, "out of memory");
		else if (keep_files(&s, &base) < 0 || keep_files(&s, &user) < 0)
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
		layer_free(&base);
		conf_errors_sort(errs, first);
		return -1;
	}
	layer_free(&user);
	layer_free(&base);
	*out = s;
	return 0;
}

int settings_load_builtin(struct desk_settings *out, struct settings_errors *errs)
{
	return load(out, NULL, NULL, NULL, 0, errs);
}

int settings_load_file(struct desk_settings *out, const char *path,
		       struct settings_errors *errs)
{
	return load(out, path, NULL, NULL, 0, errs);
}

int settings_load_text(struct desk_settings *out, const char *name, const char *text,
		       size_t len, struct settings_errors *errs)
{
	return load(out, NULL, name ? name : "<text>", text ? text : "", text ? len : 0, errs);
}

void settings_free(struct desk_settings *s)
{
	settings_keys_free(s);
	settings_views_free(s);
	free(s->ui.theme);
	free(s->ui.date_format);
	free(s->ui.editor_command);
	for (size_t i = 0; i < s->file_count; i++)
		free(s->files[i]);
	free(s->files);
	free(s->path);
	memset(s, 0, sizeof *s);
}
