/* conf_internal.h - what the files of src/conf share and nobody else sees.
 *
 * The settings and theme loaders both read libconfig text through a
 * conf_source: the file with its @include lines expanded by us (so the
 * include rules are ours: relative names stay in the config's directory,
 * loops and missing files get a clear message), and a map from each line of
 * the expanded text back to the file and line it came from.
 */
#ifndef COSELLDESK_CONF_INTERNAL_H
#define COSELLDESK_CONF_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <libconfig.h>

#include "coselldesk/settings.h"

#define CONF_FILE_MAX (1024 * 1024)        /* biggest file read */
#define CONF_TOTAL_MAX (8 * 1024 * 1024)   /* biggest text after expanding includes */
#define CONF_INCLUDE_DEPTH 10              /* includes nest at most this deep (as libconfig) */
#define CONF_INCLUDE_MAX 100               /* @include lines followed in all */

/* Where one line of the expanded text came from. */
struct conf_line {
	int file;              /* index into conf_source.files */
	int line;              /* 1-based line in that file */
};

/* A config text ready for libconfig, with its origin. */
struct conf_source {
	char *text;            /* expanded text, NUL-terminated */
	size_t len;            /* bytes of text */
	size_t cap;            /* allocated bytes of text */
	struct conf_line *lines; /* origin of line i+1 of text */
	size_t line_count;     /* entries of lines */
	size_t line_cap;       /* allocated entries of lines */
	char **files;          /* names of the files read; [0] is the main one */
	size_t file_count;     /* entries of files */
	char **real;           /* canonical paths of files (NULL for in-memory text) */
	char *dir;             /* directory relative @include names resolve in; NULL: none allowed */
	int includes;          /* @include lines followed so far */
	bool failed;           /* an error was added while reading */
};

/* Read the file at path, expanding its includes. Problems go to errs.
 * Returns 0, or -1 when the text cannot be parsed as it stands. */
int conf_source_read_file(struct conf_source *src, const char *path,
			  struct settings_errors *errs);

/* The same for text in memory called name. @include is refused. */
int conf_source_read_text(struct conf_source *src, const char *name, const char *text,
			  size_t len, struct settings_errors *errs);

/* Hand the expanded text to libconfig (cfg must be config_init'ed). On a
 * syntax error adds file:line: message and a hint, returns -1. */
int conf_source_parse(const struct conf_source *src, config_t *cfg,
		      struct settings_errors *errs);

/* The file and line a line of the expanded text came from. */
void conf_source_origin(const struct conf_source *src, int line, const char **file,
			int *file_line);

/* The file and line a setting was written on. */
void conf_source_where(const struct conf_source *src, const config_setting_t *s,
		       const char **file, int *line);

/* Give the file names away (to a struct desk_settings or theme); src keeps
 * none. Returns the array, *count set. */
char **conf_source_take_files(struct conf_source *src, size_t *count);

void conf_source_free(struct conf_source *src);

/* ---- small helpers (conf_util.c) ---- */

/* "an integer", "a string", "a group { }" for a setting's type. */
const char *conf_type_name(const config_setting_t *s);

/* The setting's path from the root ("pql.weights.overlap", "views.[2].name"),
 * written into buf. */
const char *conf_setting_path(const config_setting_t *s, char *buf, size_t size);

/* The index of name in names[0..count-1], matched exactly (NULL entries
 * skipped); -1 when it is not there or name is NULL. */
int conf_name_index(const char *name, const char *const *names, size_t count);

/* v when it holds text, else NULL (an unset or empty environment variable). */
const char *conf_nonempty(const char *v);

/* 1 when path names a regular file (links followed). */
int conf_is_file(const char *path);

/* strdup that returns NULL only when s is NULL or memory ran out. */
char *conf_strdup(const char *s);

/* 1 when the n bytes at s are valid UTF-8 with no NUL; *bad_offset (may be
 * NULL) gets the offset of the first bad byte otherwise. */
int conf_utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* 1 when s holds a control character (below 0x20 or 0x7f). */
int conf_has_control(const char *s);

/* Report every member of group whose name is not in names[0..count-1]:
 * "unknown setting 'x.y' (did you mean 'x.z'?)". Returns how many. */
size_t conf_unknown_members(const struct conf_source *src, const config_setting_t *group,
			    const char *const *names, size_t count,
			    struct settings_errors *errs);

/* Put the errors from index from on in reading order: grouped by file (in
 * the order the files first appear), by line within a file, stable. */
void conf_errors_sort(struct settings_errors *errs, size_t from);

/* Add an error located at setting s. */
void conf_error_at(struct settings_errors *errs, const struct conf_source *src,
		   const config_setting_t *s, const char *hint, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* ---- settings internals shared between settings_*.c ---- */

/* One layer of settings: the default or the user's file. */
struct settings_layer {
	struct conf_source src;  /* the text and its origin */
	config_t cfg;            /* libconfig's tree of it */
	bool parsed;             /* cfg holds a tree */
};

/* Fill s from the settings of layer that the schema knows (policy and ui),
 * overriding what an earlier layer set; report unknown settings and wrong
 * types or ranges. builtin: the layer must set every value. */
void settings_schema_apply(struct desk_settings *s, const struct settings_layer *layer,
			   bool builtin, struct settings_errors *errs);

/* Cross-setting checks of the policy (weights add up, bands rise...). The
 * message names the file:line of the last layer that sets the setting. */
void settings_validate_policy(const struct desk_settings *s,
			      const struct settings_layer *const *layers, size_t count,
			      struct settings_errors *errs);

/* Merge the `keys` group of layer into s->bindings. */
void settings_keys_apply(struct desk_settings *s, const struct settings_layer *layer,
			 struct settings_errors *errs);

/* Replace s->views with the layer's `views` list when it has one. */
void settings_views_apply(struct desk_settings *s, const struct settings_layer *layer,
			  struct settings_errors *errs);

/* Check view keys against the queue's bindings (after both are merged). */
void settings_views_check_keys(const struct desk_settings *s, struct settings_errors *errs);

/* ui.home_view must name one of the views in force. Set by the topmost
 * layer that names no such view: an error at its line, with "did you
 * mean". Inherited from the default by a file whose `views` list replaced
 * the default's without that view: the queue opens on all open intros
 * (home_view becomes ""), since the file said nothing wrong. */
void settings_views_check_home(struct desk_settings *s,
			       const struct settings_layer *const *layers, size_t count,
			       struct settings_errors *errs);

/* Parse a column list setting (array of strings) into cols; returns the
 * count, or -1 after reporting. */
int settings_columns_parse(const struct conf_source *src, const config_setting_t *arr,
			   enum settings_column *cols, struct settings_errors *errs);

/* Free what the bindings and views of s hold. */
void settings_keys_free(struct desk_settings *s);
void settings_views_free(struct desk_settings *s);

#endif
