/* views.c - the view registry, from the TUI_VIEWS list. */
#include "views.h"

#include <stdio.h>
#include <string.h>

static const struct view_ops *const registry[VIEW_COUNT] = {
#define VIEW_OPS_(name) &name##_view_ops,
	TUI_VIEWS(VIEW_OPS_)
#undef VIEW_OPS_
};

const struct view_ops *views_get(int id)
{
	return id >= 0 && id < VIEW_COUNT ? registry[id] : NULL;
}

int views_index(const char *name)
{
	int i;

	for (i = 0; name && i < VIEW_COUNT; i++)
		if (!strcmp(registry[i]->name, name))
			return i;
	return -1;
}

const struct view_ops *views_find(const char *name)
{
	return views_get(views_index(name));
}

void views_names(char *buf, size_t size)
{
	size_t used = 0;
	int i;

	if (size)
		buf[0] = '\0';
	for (i = 0; i < VIEW_COUNT; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", registry[i]->name);

		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}
