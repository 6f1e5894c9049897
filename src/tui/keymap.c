/* keymap.c - per-scope key bindings with file:line problem reports. */
#include "keymap.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "coselldesk/settings.h"
#include "command.h"
#include "keys.h"
#include "views.h"

int keymap_init(struct keymaps *k)
{
	memset(k, 0, sizeof(*k));
	k->map = calloc(1, sizeof(*k->map));
	if (!k->map)
		return -1;
	k->map[0].scope = strdup("global");
	if (!k->map[0].scope) {
		free(k->map);
		k->map = NULL;
		return -1;
	}
	k->count = 1;
	return 0;
}

static void binding_free(struct keymap_binding *b)
{
	free(b->command);
	free(b->file);
}

void keymap_free(struct keymaps *k)
{
	size_t i, j;

	for (i = 0; i < k->count; i++) {
		for (j = 0; j < k->map[i].count; j++)
			binding_free(&k->map[i].binding[j]);
		free(k->map[i].binding);
		free(k->map[i].scope);
	}
	for (i = 0; i < k->problem_count; i++) {
		free(k->problems[i].file);
		free(k->problems[i].message);
	}
	free(k->problems);
	free(k->map);
	memset(k, 0, sizeof(*k));
}

static void problem(struct keymaps *k, const char *file, int line, const char *fmt, ...)
{
	struct keymap_problem *grown, *p;
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	grown = realloc(k->problems, (k->problem_count + 1) * sizeof(*grown));
	if (!grown)
		return;
	k->problems = grown;
	p = &grown[k->problem_count];
	p->file = file ? strdup(file) : NULL;
	p->line = line;
	p->message = strdup(msg);
	if (!p->message) {
		free(p->file);
		return;
	}
	k->problem_count++;
}

const char *keymap_problem_text(const struct keymaps *k, size_t i, char *buf, size_t size)
{
	const struct keymap_problem *p = &k->problems[i];

	if (p->file && p->line > 0)
		snprintf(buf, size, "%s:%d: %s", p->file, p->line, p->message);
	else if (p->file)
		snprintf(buf, size, "%s: %s", p->file, p->message);
	else
		snprintf(buf, size, "%s", p->message);
	return buf;
}

int keymap_scope_known(const char *scope)
{
	return !strcmp(scope, "global") || views_find(scope) != NULL ||
	       settings_keymap_from_name(scope) >= 0;
}

const struct keymap *keymap_scope(const struct keymaps *k, const char *scope)
{
	size_t i;

	for (i = 0; scope && i < k->count; i++)
		if (!strcmp(k->map[i].scope, scope))
			return &k->map[i];
	return NULL;
}

static struct keymap *scope_get(struct keymaps *k, const char *scope)
{
	struct keymap *grown;

	if (keymap_scope(k, scope))
		return (struct keymap *)keymap_scope(k, scope);
	grown = realloc(k->map, (k->count + 1) * sizeof(*grown));
	if (!grown)
		return NULL;
	k->map = grown;
	memset(&grown[k->count], 0, sizeof(grown[k->count]));
	grown[k->count].scope = strdup(scope);
	if (!grown[k->count].scope)
		return NULL;
	return &k->map[k->count++];
}

static struct keymap_binding *find_key(struct keymap *m, int key)
{
	size_t i;

	for (i = 0; i < m->count; i++)
		if (m->binding[i].key == key)
			return &m->binding[i];
	return NULL;
}

static int same_file(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void describe(const struct keymap_binding *b, char *buf, size_t size)
{
	if (b->command)
		snprintf(buf, size, ":%s", b->command);
	else
		snprintf(buf, size, "%s", request_name(b->request));
}

int keymap_bind(struct keymaps *k, const char *scope, const char *key_name,
		const char *action, const char *file, int line)
{
	struct keymap_binding nb = { 0 }, *old;
	struct keymap *m;
	char err[200];

	if (!scope || !keymap_scope_known(scope)) {
		char names[300];

		views_names(names, sizeof(names));
		problem(k, file, line, "unknown keys group '%s'; the groups are global, %s",
			scope ? scope : "", names);
		return -1;
	}
	if (keys_parse(key_name ? key_name : "", &nb.key, err, sizeof(err)) < 0) {
		problem(k, file, line, "keys.%s: %s", scope, err);
		return -1;
	}
	if (!action || !*action) {
		problem(k, file, line, "keys.%s: '%s' has no action", scope, key_name);
		return -1;
	}
	if (action[0] == ':') {
		const char *cmd = action + 1;

		while (*cmd == ' ')
			cmd++;
		if (command_check(cmd, err, sizeof(err)) < 0) {
			problem(k, file, line, "keys.%s: '%s' runs '%s': %s", scope, key_name, action, err);
			return -1;
		}
		nb.request = REQ_NONE;
		nb.command = strdup(cmd);
		if (!nb.command)
			return -1;
	} else {
		nb.request = request_from_name(action);
		if (nb.request == REQ_UNKNOWN) {
			char hint[64] = "";
			const char *near = command_nearest_name(action);

			if (near)
				snprintf(hint, sizeof(hint), "; did you mean '%s'?", near);
			problem(k, file, line, "keys.%s: unknown action '%s' for '%s'%s; `?` lists the actions",
				scope, action, key_name, hint);
			return -1;
		}
	}
	if (file && !(nb.file = strdup(file))) {
		free(nb.command);
		return -1;
	}
	nb.line = line;
	m = scope_get(k, scope);
	if (!m) {
		binding_free(&nb);
		return -1;
	}
	old = find_key(m, nb.key);
	if (old) {
		/* A later file overriding an earlier one (user config over the
		 * defaults) is the point of a config; twice in one file is a slip. */
		if (same_file(old->file, nb.file) &&
		    (old->request != nb.request || !same_file(old->command, nb.command))) {
			char was[80], now[80], kn[32];

			describe(old, was, sizeof(was));
			describe(&nb, now, sizeof(now));
			problem(k, file, line, "keys.%s: '%s' is bound twice: to %s (line %d) and to %s; the last one wins",
				scope, keys_name(nb.key, kn, sizeof(kn)), was, old->line, now);
		}
		binding_free(old);
		*old = nb;
		return 0;
	}
	if (m->count == m->alloc) {
		size_t alloc = m->alloc ? m->alloc * 2 : 32;
		struct keymap_binding *grown = realloc(m->binding, alloc * sizeof(*grown));

		if (!grown) {
			binding_free(&nb);
			return -1;
		}
		m->binding = grown;
		m->alloc = alloc;
	}
	m->binding[m->count++] = nb;
	return 0;
}

static const struct keymap_binding *lookup_in(const struct keymap *m, int key)
{
	size_t i;

	for (i = 0; m && i < m->count; i++)
		if (m->binding[i].key == key)
			return &m->binding[i];
	return NULL;
}

const struct keymap_binding *keymap_lookup(const struct keymaps *k, const char *view, int key)
{
	const struct keymap_binding *b = view ? lookup_in(keymap_scope(k, view), key) : NULL;

	if (!b)
		b = lookup_in(keymap_scope(k, "global"), key);
	if (!b || (b->request == REQ_NONE && !b->command))
		return NULL;
	return b;
}

size_t keymap_keys_for(const struct keymaps *k, const char *view, enum request r,
		       char *buf, size_t size)
{
	const char *scopes[2] = { view, "global" };
	size_t count = 0, s, i, used = 0;

	if (size)
		buf[0] = '\0';
	for (s = 0; s < 2; s++) {
		const struct keymap *m = scopes[s] ? keymap_scope(k, scopes[s]) : NULL;

		for (i = 0; m && i < m->count; i++) {
			const struct keymap_binding *b = &m->binding[i];
			char name[32];
			int n;

			if (b->command || b->request != r)
				continue;
			/* a global key the view rebinds does not run r here */
			if (keymap_lookup(k, view, b->key) != b)
				continue;
			keys_name(b->key, name, sizeof(name));
			n = snprintf(buf + used, size > used ? size - used : 0, "%s%s", count ? ", " : "", name);
			if (n > 0 && used + (size_t)n < size)
				used += (size_t)n;
			count++;
		}
	}
	return count;
}
