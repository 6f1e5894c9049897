/* theme_path.c - where themes are looked for, and loading one by name. */
#include "coselldesk/theme.h"
#include "conf_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef COSELLDESK_SHAREDIR
#define COSELLDESK_SHAREDIR "/usr/local/share/coselldesk"
#endif

#define DEFAULT_DATA_DIRS "/usr/local/share:/usr/share"

void theme_env_from_process(struct theme_env *env)
{
	env->themes_dir = conf_nonempty(getenv("COSELLDESK_THEMES"));
	env->xdg_config_home = conf_nonempty(getenv("XDG_CONFIG_HOME"));
	env->home = conf_nonempty(getenv("HOME"));
	env->xdg_data_dirs = conf_nonempty(getenv("XDG_DATA_DIRS"));
	env->share_dir = NULL;
}

static int put(char *buf, size_t size, const char *a, size_t alen, const char *b)
{
	int n = snprintf(buf, size, "%.*s%s", (int)alen, a, b);

	return n >= 0 && (size_t)n < size ? 0 : -1;
}

int theme_search_dir(const struct theme_env *env, size_t i, char *buf, size_t size)
{
	const char *data = conf_nonempty(env->xdg_data_dirs) ? env->xdg_data_dirs
							     : DEFAULT_DATA_DIRS;
	const char *share = conf_nonempty(env->share_dir) ? env->share_dir : COSELLDESK_SHAREDIR;
	size_t k = 0;

	if (conf_nonempty(env->themes_dir) && k++ == i)
		return put(buf, size, env->themes_dir, strlen(env->themes_dir), "");
	if (conf_nonempty(env->xdg_config_home) && env->xdg_config_home[0] == '/') {
		if (k++ == i)
			return put(buf, size, env->xdg_config_home, strlen(env->xdg_config_home),
				   "/coselldesk/themes");
	} else if (conf_nonempty(env->home) && k++ == i) {
		return put(buf, size, env->home, strlen(env->home), "/.config/coselldesk/themes");
	}
	for (const char *p = data; *p;) {
		size_t n = strcspn(p, ":");

		/* the spec: relative entries are invalid and ignored */
		if (n > 0 && p[0] == '/' && k++ == i)
			return put(buf, size, p, n, "/coselldesk/themes");
		p += n;
		if (*p == ':')
			p++;
	}
	if (k++ == i)
		return put(buf, size, share, strlen(share), "/themes");
	if (k++ == i)
		return put(buf, size, "themes", 6, "");
	return -1;
}

int theme_name_valid(const char *name)
{
	size_t n = name ? strlen(name) : 0;

	if (n == 0 || n > 64 || name[0] == '.')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!isalnum((unsigned char)name[i]) && !strchr("._-", name[i]))
			return 0;
	return 1;
}

int theme_find(const char *name, const struct theme_env *env, char *buf, size_t size)
{
	char dir[4096];

	if (!theme_name_valid(name))
		return -1;
	for (size_t i = 0; theme_search_dir(env, i, dir, sizeof dir) == 0; i++) {
		int n = snprintf(buf, size, "%s/%s.theme", dir, name);

		if (n >= 0 && (size_t)n < size && conf_is_file(buf))
			return 0;
	}
	if (size)
		buf[0] = '\0';
	return -1;
}

/* 1 when list ("a, b, c") already holds dir as one of its entries. */
static int listed_already(const char *list, const char *dir)
{
	size_t n = strlen(dir);

	for (const char *p = list; (p = strstr(p, dir)) != NULL; p += n)
		if ((p == list || (p >= list + 2 && p[-2] == ',' && p[-1] == ' ')) &&
		    (p[n] == '\0' || p[n] == ','))
			return 1;
	return 0;
}

int theme_load(struct theme *out, const char *name_or_path, const struct theme_env *env,
	       struct settings_errors *errs)
{
	char path[4096], dirs[1024], dir[4096];
	size_t o = 0;

	if (!name_or_path || !*name_or_path)
		name_or_path = "default";
	if (strchr(name_or_path, '/'))
		return theme_load_file(out, name_or_path, errs);
	if (!theme_name_valid(name_or_path)) {
		settings_errors_add(errs, NULL, 0,
				    "a theme name holds letters, digits, '.', '_' and '-'; "
				    "a path to a file holds a '/'",
				    "theme \"%s\": not a theme name", name_or_path);
		return -1;
	}
	if (theme_find(name_or_path, env, path, sizeof path) == 0)
		return theme_load_file(out, path, errs);
	if (strcmp(name_or_path, "default") == 0)
		return theme_load_builtin(out, errs);
	dirs[0] = '\0';
	for (size_t i = 0; theme_search_dir(env, i, dir, sizeof dir) == 0; i++) {
		int n;

		if (listed_already(dirs, dir))  /* the share dir is often an XDG one too */
			continue;
		n = snprintf(dirs + o, sizeof dirs - o, "%s%s", o ? ", " : "", dir);
		if (n < 0 || (size_t)n >= sizeof dirs - o)
			break;
		o += (size_t)n;
	}
	settings_errors_add(errs, NULL, 0,
			    "shipped themes: default, light, dark, solarized-dark, high-contrast, mono",
			    "theme \"%s\" not found (looked for %s.theme in %s)", name_or_path,
			    name_or_path, dirs);
	return -1;
}
