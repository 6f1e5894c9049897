/* conf_util.c - small helpers the config and theme loaders share. */
#include "conf_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

const char *conf_type_name(const config_setting_t *s)
{
	switch (s ? config_setting_type(s) : CONFIG_TYPE_NONE) {
	case CONFIG_TYPE_GROUP:  return "a group { }";
	case CONFIG_TYPE_INT:    return "an integer";
	case CONFIG_TYPE_INT64:  return "a 64-bit integer";
	case CONFIG_TYPE_FLOAT:  return "a decimal number";
	case CONFIG_TYPE_STRING: return "a string";
	case CONFIG_TYPE_BOOL:   return "true or false";
	case CONFIG_TYPE_ARRAY:  return "an array [ ]";
	case CONFIG_TYPE_LIST:   return "a list ( )";
	default:                 return "nothing";
	}
}

/* Write the path of s into buf at *o, parents first. */
static void path_into(const config_setting_t *s, char *buf, size_t size, size_t *o)
{
	const config_setting_t *parent = s->parent;

	if (!parent)
		return;                 /* the root has no name */
	path_into(parent, buf, size, o);
	if (*o >= size)
		return;
	if (config_setting_name(s))
		*o += (size_t)snprintf(buf + *o, size - *o, "%s%s", *o ? "." : "",
				       config_setting_name(s));
	else
		*o += (size_t)snprintf(buf + *o, size - *o, "[%d]", config_setting_index(s));
}

const char *conf_setting_path(const config_setting_t *s, char *buf, size_t size)
{
	size_t o = 0;

	buf[0] = '\0';
	if (s)
		path_into(s, buf, size, &o);
	return buf;
}

int conf_name_index(const char *name, const char *const *names, size_t count)
{
	for (size_t i = 0; name && i < count; i++)
		if (names[i] && strcmp(name, names[i]) == 0)
			return (int)i;
	return -1;
}

const char *conf_nonempty(const char *v)
{
	return v && *v ? v : NULL;
}

int conf_is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *conf_strdup(const char *s)
{
	size_t n;
	char *d;

	if (!s)
		return NULL;
	n = strlen(s) + 1;
	if ((d = malloc(n)))
		memcpy(d, s, n);
	return d;
}

int conf_utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned c = p[i];
		size_t need;
		unsigned cp, min;

		if (c == 0)
			goto bad;
		if (c < 0x80) {
			i++;
			continue;
		}
		if ((c & 0xe0) == 0xc0) {
			need = 1; cp = c & 0x1f; min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			need = 2; cp = c & 0x0f; min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			need = 3; cp = c & 0x07; min = 0x10000;
		} else {
			goto bad;
		}
		if (n - i <= need)
			goto bad;
		for (size_t k = 1; k <= need; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto bad;
			cp = (cp << 6) | (p[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto bad;
		i += need + 1;
	}
	return 1;
bad:
	if (bad_offset)
		*bad_offset = i;
	return 0;
}

int conf_has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

void conf_error_at(struct settings_errors *errs, const struct conf_source *src,
		   const config_setting_t *s, const char *hint, const char *fmt, ...)
{
	const char *file;
	char msg[512];
	va_list ap;
	int line;

	conf_source_where(src, s, &file, &line);
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	settings_errors_add(errs, file, line, hint, "%s", msg);
}

size_t conf_unknown_members(const struct conf_source *src, const config_setting_t *group,
			    const char *const *names, size_t count,
			    struct settings_errors *errs)
{
	size_t found = 0;
	int n = config_setting_length(group);

	for (int i = 0; i < n; i++) {
		const config_setting_t *m = config_setting_get_elem(group, (unsigned)i);
		const char *name = config_setting_name(m);
		const char *close;
		char path[256], where[256];
		size_t k;

		if (!name || conf_name_index(name, names, count) >= 0)
			continue;
		found++;
		conf_setting_path(m, path, sizeof path);
		close = settings_suggest(name, names, count);
		if (close) {
			conf_setting_path(group, where, sizeof where);
			conf_error_at(errs, src, m, NULL, "unknown setting '%s' (did you mean '%s%s%s'?)",
				      path, where, where[0] ? "." : "", close);
		} else {
			char known[256];
			size_t o = 0;

			known[0] = '\0';
			for (k = 0; k < count && o < sizeof known; k++)
				o += (size_t)snprintf(known + o, sizeof known - o, "%s%s",
						      k ? ", " : "known here: ", names[k]);
			conf_error_at(errs, src, m, count ? known : NULL, "unknown setting '%s'", path);
		}
	}
	return found;
}

static const char *file_of(const struct settings_error *e)
{
	return e->file ? e->file : "";
}

void conf_errors_sort(struct settings_errors *errs, size_t from)
{
	size_t n = errs->count > from ? errs->count - from : 0;
	struct settings_error *items;
	size_t *group;

	if (n < 2 || !(group = malloc(n * sizeof *group)))
		return;
	items = errs->items + from;
	/* an error's group: the first error of the same file */
	for (size_t i = 0; i < n; i++) {
		group[i] = i;
		for (size_t j = 0; j < i; j++) {
			if (strcmp(file_of(&items[j]), file_of(&items[i])) == 0) {
				group[i] = group[j];
				break;
			}
		}
	}
	/* insertion sort on (group, line): stable, and the lists are short */
	for (size_t i = 1; i < n; i++) {
		struct settings_error e = items[i];
		size_t g = group[i], j = i;

		while (j > 0 && (g < group[j - 1] || (g == group[j - 1] && e.line < items[j - 1].line))) {
			items[j] = items[j - 1];
			group[j] = group[j - 1];
			j--;
		}
		items[j] = e;
		group[j] = g;
	}
	free(group);
}
