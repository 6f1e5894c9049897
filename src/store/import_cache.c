/* import_cache.c - name -> id maps kept for the length of one import.
 *
 * A 100k-row intro file names the same few hundred partners and accounts
 * over and over; asking the desk each time would make a row cost more as the
 * desk grows. Open addressing with linear probing, FNV-1a, grown at 70% load.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_internal.h"

struct cache_slot {
	char *key;                  /* heap copy; NULL: empty slot */
	size_t hash;                /* FNV-1a of key */
	char id[STORE_ID_SIZE];     /* the row's id */
};

static size_t hash_of(const char *s)
{
	size_t h = (size_t)14695981039346656037ULL;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= (size_t)1099511628211ULL;
	}
	return h;
}

static struct cache_slot *find_slot(struct cache_slot *slots, size_t cap, const char *key,
				    size_t hash)
{
	size_t i = hash & (cap - 1);

	while (slots[i].key && (slots[i].hash != hash || strcmp(slots[i].key, key) != 0))
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(struct name_cache *c)
{
	size_t cap = c->cap ? c->cap * 2 : 64;
	struct cache_slot *slots = calloc(cap, sizeof *slots);

	if (!slots)
		return -1;
	for (size_t i = 0; i < c->cap; i++) {
		if (c->slots[i].key)
			*find_slot(slots, cap, c->slots[i].key, c->slots[i].hash) = c->slots[i];
	}
	free(c->slots);
	c->slots = slots;
	c->cap = cap;
	return 0;
}

const char *cache_get(const struct name_cache *c, const char *key)
{
	const struct cache_slot *s;

	if (!c->cap)
		return NULL;
	s = find_slot(c->slots, c->cap, key, hash_of(key));
	return s->key ? s->id : NULL;
}

int cache_put(struct name_cache *c, const char *key, const char *id)
{
	size_t hash = hash_of(key);
	struct cache_slot *s;

	if ((c->count + 1) * 10 > c->cap * 7 && grow(c) != 0)
		return -1;
	s = find_slot(c->slots, c->cap, key, hash);
	if (!s->key) {
		s->key = strdup(key);
		if (!s->key)
			return -1;
		s->hash = hash;
		c->count++;
	}
	snprintf(s->id, sizeof s->id, "%s", id);
	return 0;
}

void cache_free(struct name_cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free(c->slots[i].key);
	free(c->slots);
	c->slots = NULL;
	c->cap = c->count = 0;
}
