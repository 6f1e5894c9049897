/* request.c - names and descriptions of the console's requests. */
#include "request.h"

#include <ctype.h>
#include <string.h>

struct request_info {
	enum request_group group;
	const char *name;
	const char *help;
};

static const struct request_info request_table[REQ_COUNT] = {
#define REQUEST_INFO_(group, id, name, help) [REQ_##id] = { group, name, help },
	TUI_REQUESTS(REQUEST_INFO_)
#undef REQUEST_INFO_
};

static const char *const group_titles[REQ_GROUP_COUNT] = {
	[REQ_GROUP_MOVE] = "Moving",
	[REQ_GROUP_VIEW] = "Views",
	[REQ_GROUP_FIND] = "Sorting, limiting and searching",
	[REQ_GROUP_TAG] = "Tagging",
	[REQ_GROUP_ACT] = "Actions",
	[REQ_GROUP_MISC] = "Prompt and display",
};

const char *request_name(enum request r)
{
	return r >= 0 && r < REQ_COUNT ? request_table[r].name : NULL;
}

const char *request_help(enum request r)
{
	return r >= 0 && r < REQ_COUNT ? request_table[r].help : NULL;
}

enum request_group request_group_of(enum request r)
{
	return r >= 0 && r < REQ_COUNT ? request_table[r].group : REQ_GROUP_MISC;
}

const char *request_group_title(enum request_group g)
{
	return g >= 0 && g < REQ_GROUP_COUNT ? group_titles[g] : "";
}

/* Names compare case-insensitively with '_' standing for '-', so the config
 * may say "move_down" where the docs say "move-down". */
static bool name_matches(const char *name, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int a = (unsigned char)name[i], b = (unsigned char)s[i];

		if (!a)
			return false;
		if (b == '_')
			b = '-';
		if (tolower(a) != tolower(b))
			return false;
	}
	return name[n] == '\0';
}

enum request request_from_name_n(const char *s, size_t n)
{
	int r;

	if (!s)
		return REQ_UNKNOWN;
	for (r = 0; r < REQ_COUNT; r++)
		if (name_matches(request_table[r].name, s, n))
			return (enum request)r;
	return REQ_UNKNOWN;
}

enum request request_from_name(const char *name)
{
	return name ? request_from_name_n(name, strlen(name)) : REQ_UNKNOWN;
}
