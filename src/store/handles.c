/* handles.c - people-facing handles ("IN-7F3A2C") and resolving what a
 * person typed (handle, id prefix, full id, or a name) to an id. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

struct kind_info {
	const char *prefix;   /* handle prefix */
	const char *noun;     /* for messages */
	const char *by_id;    /* exact id */
	const char *by_prefix;/* ids starting with ?1 (LIMIT 2 finds ambiguity) */
	const char *by_name;  /* NULL: the kind has no name */
};

static const struct kind_info kinds[STORE_KIND_COUNT] = {
	[STORE_KIND_INTRO] = { "IN", "intro",
		"SELECT id FROM intros WHERE id = ?1",
		"SELECT id FROM intros WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2", NULL },
	[STORE_KIND_PARTNER] = { "PA", "partner",
		"SELECT id FROM partners WHERE id = ?1",
		"SELECT id FROM partners WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2",
		"SELECT id FROM partners WHERE name = ?1 LIMIT 2" },
	[STORE_KIND_ACCOUNT] = { "AC", "account",
		"SELECT id FROM accounts WHERE id = ?1",
		"SELECT id FROM accounts WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2",
		"SELECT id FROM accounts WHERE name = ?1 UNION SELECT id FROM accounts"
		" WHERE domain = ?1 LIMIT 2" },
	[STORE_KIND_ESCALATION] = { "ES", "escalation",
		"SELECT id FROM escalations WHERE id = ?1",
		"SELECT id FROM escalations WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2", NULL },
	[STORE_KIND_AE] = { "AE", "AE",
		"SELECT id FROM aes WHERE id = ?1",
		"SELECT id FROM aes WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2",
		"SELECT id FROM aes WHERE name = ?1 OR email = ?1 COLLATE NOCASE LIMIT 2" },
	[STORE_KIND_POD] = { "PD", "pod",
		"SELECT id FROM pods WHERE id = ?1",
		"SELECT id FROM pods WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2",
		"SELECT id FROM pods WHERE name = ?1 LIMIT 2" },
	[STORE_KIND_SPECIALIST] = { "DS", "desk specialist",
		"SELECT id FROM specialists WHERE id = ?1",
		"SELECT id FROM specialists WHERE id >= ?1 AND id < ?1 || 'g' LIMIT 2",
		"SELECT id FROM specialists WHERE name = ?1 LIMIT 2" },
};

const char *store_kind_prefix(enum store_kind k)
{
	return (unsigned)k < STORE_KIND_COUNT ? kinds[k].prefix : NULL;
}

const char *store_kind_noun(enum store_kind k)
{
	return (unsigned)k < STORE_KIND_COUNT ? kinds[k].noun : "thing";
}

void store_handle_of(enum store_kind k, const char *id, char *out)
{
	char hex[7];
	int i;
	for (i = 0; i < 6 && id && id[i]; i++)
		hex[i] = (char)toupper((unsigned char)id[i]);
	hex[i] = '\0';
	snprintf(out, STORE_HANDLE_SIZE, "%s-%s", store_kind_prefix(k) ? store_kind_prefix(k) : "??",
		 hex);
}

/* Run a lookup: 0 rows NOT_FOUND, 1 row OK, 2 AMBIGUOUS. */
static enum store_status lookup(struct store *st, const char *sql, const char *param,
				char *id_out)
{
	sqlite3_stmt *s = sq_prepare(st, sql);
	enum store_status rc = STORE_NOT_FOUND;
	int r;
	if (!s)
		return sq_last(st);
	sq_bind_text(s, 1, param);
	while ((r = sq_step(st, s, "look up")) == SQLITE_ROW) {
		if (rc == STORE_OK) {
			rc = STORE_AMBIGUOUS;
			break;
		}
		sq_column_text(s, 0, id_out, STORE_ID_SIZE);
		rc = STORE_OK;
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = sq_last(st);
	sq_release(st, s);
	return rc;
}

/* hex digits only, lowercased into out; returns the length or -1. */
static int hex_part(const char *text, char *out, size_t size)
{
	size_t i;
	for (i = 0; text[i]; i++) {
		if (!isxdigit((unsigned char)text[i]) || i + 1 >= size)
			return -1;
		out[i] = (char)tolower((unsigned char)text[i]);
	}
	out[i] = '\0';
	return (int)i;
}

enum store_status resolve_id(struct store *st, enum store_kind k, const char *text, char *id_out)
{
	const struct kind_info *ki;
	char hex[STORE_ID_SIZE];
	const char *rest = text;
	int have_prefix = 0, other_kind = -1, len, i;
	enum store_status rc;

	if ((unsigned)k >= STORE_KIND_COUNT)
		return store_fail(st, STORE_INTERNAL, "unknown kind");
	ki = &kinds[k];
	if (!text || !*text)
		return store_fail(st, STORE_NOT_FOUND, "no %s given", ki->noun);
	if (strlen(text) >= STORE_NAME_SIZE)
		return store_fail(st, STORE_NOT_FOUND, "no %s '%.40s...'", ki->noun, text);

	/* a handle prefix "XX-" of this or another kind */
	if (text[0] && text[1] && text[2] == '-') {
		for (i = 0; i < STORE_KIND_COUNT; i++)
			if (toupper((unsigned char)text[0]) == kinds[i].prefix[0] &&
			    toupper((unsigned char)text[1]) == kinds[i].prefix[1]) {
				if (i == (int)k)
					have_prefix = 1;
				else
					other_kind = i;
				break;
			}
		if (have_prefix)
			rest = text + 3;
	}
	len = hex_part(rest, hex, sizeof hex);

	/* a full id: the common case of code passing ids around */
	if (len == 32 && rest == text) {
		rc = lookup(st, ki->by_id, hex, id_out);
		if (rc != STORE_NOT_FOUND)
			return rc;
	}

	/* a name first: a pod may well be called "cafe01", an AE "ae-east-1"
	 * (a handle prefix followed by something that is no handle) */
	if (ki->by_name && (!have_prefix || len < 6)) {
		rc = lookup(st, ki->by_name, text, id_out);
		if (rc == STORE_OK)
			return rc;
		if (rc == STORE_AMBIGUOUS)
			return store_fail(st, rc, "several %ss are called '%s': give a handle",
					  ki->noun, text);
		if (rc != STORE_NOT_FOUND)
			return rc;
	}
	if (other_kind >= 0 && hex_part(text + 3, hex, sizeof hex) >= 0)
		return store_fail(st, STORE_NOT_FOUND, "%s is a %s handle, not a %s", text,
				  kinds[other_kind].noun, ki->noun);
	if (len == 32) {
		rc = lookup(st, ki->by_id, hex, id_out);
		if (rc == STORE_NOT_FOUND)
			return store_fail(st, rc, "no %s %s", ki->noun, text);
		return rc;
	}
	if (len >= 6) {
		rc = lookup(st, ki->by_prefix, hex, id_out);
		if (rc == STORE_NOT_FOUND)
			return store_fail(st, rc, "no %s %s", ki->noun, text);
		if (rc == STORE_AMBIGUOUS)
			return store_fail(st, rc, "%s matches several %ss: give more digits",
					  text, ki->noun);
		return rc;
	}
	if (have_prefix && len >= 0)
		return store_fail(st, STORE_NOT_FOUND, "%s: a handle needs at least 6 hex digits",
				  text);
	return store_fail(st, STORE_NOT_FOUND, "no %s '%s'", ki->noun, text);
}

enum store_status store_resolve(struct store *st, enum store_kind k, const char *text,
				char *id_out)
{
	store_clear_error(st);
	return resolve_id(st, k, text, id_out);
}
