/* settings_path.c - which config file to read. */
#include "conf_internal.h"

#include <stdio.h>
#include <stdlib.h>

void settings_env_from_process(struct settings_env *env)
{
	env->config = conf_nonempty(getenv("COSELLDESK_CONFIG"));
	env->xdg_config_home = conf_nonempty(getenv("XDG_CONFIG_HOME"));
	env->home = conf_nonempty(getenv("HOME"));
}

static int put(char *buf, size_t size, const char *a, const char *b)
{
	int n = snprintf(buf, size, "%s%s", a, b);

	return n >= 0 && (size_t)n < size ? 0 : -1;
}

int settings_config_path(const char *option_path, const struct settings_env *env,
			 char *buf, size_t size)
{
	if (size)
		buf[0] = '\0';
	if (conf_nonempty(option_path))
		return put(buf, size, option_path, "") < 0 ? -1 : SETTINGS_FROM_OPTION;
	if (conf_nonempty(env->config))
		return put(buf, size, env->config, "") < 0 ? -1 : SETTINGS_FROM_ENV;
	/* XDG: a relative $XDG_CONFIG_HOME is invalid and is ignored */
	if (conf_nonempty(env->xdg_config_home) && env->xdg_config_home[0] == '/') {
		if (put(buf, size, env->xdg_config_home, "/coselldesk/config") < 0)
			return -1;
		if (conf_is_file(buf))
			return SETTINGS_FROM_XDG;
	}
	if (conf_nonempty(env->home)) {
		if (put(buf, size, env->home, "/.config/coselldesk/config") < 0)
			return -1;
		if (conf_is_file(buf))
			return SETTINGS_FROM_HOME;
	}
	if (size)
		buf[0] = '\0';
	return SETTINGS_FROM_BUILTIN;
}
