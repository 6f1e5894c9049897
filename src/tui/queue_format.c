/* queue_format.c - the words and numbers of a queue row. */
#include "queue_format.h"

#include <stdio.h>

void queue_format_money(long long dollars, char *buf, size_t size)
{
	if (dollars < 0)
		snprintf(buf, size, "-");
	else if (dollars >= 10000000)
		snprintf(buf, size, "$%lldM", dollars / 1000000);
	else if (dollars >= 1000000)
		snprintf(buf, size, "$%.1fM", (double)dollars / 1e6);
	else if (dollars >= 1000)
		snprintf(buf, size, "$%lldK", (dollars + 500) / 1000);
	else
		snprintf(buf, size, "$%lld", dollars);
}

const char *queue_signal_short(enum mapping_signal sig)
{
	switch (sig) {
	case SIGNAL_MUTUAL_CUSTOMER: return "mutual";
	case SIGNAL_PARTNER_CUSTOMER: return "theirs";
	case SIGNAL_OUR_CUSTOMER: return "ours";
	case SIGNAL_OPEN_OPPORTUNITIES: return "collide";
	default: return "none";
	}
}

void queue_format_flags(const struct queue_row *r, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s%s", r->conflict ? "C" : "", r->duplicate ? "D" : "",
		 r->escalated ? "E" : "", r->gaming ? "G" : "");
}

/* Text that may be empty: empty is "no value". */
static void text_value(const char *text, char *buf, size_t size, bool *null)
{
	snprintf(buf, size, "%s", text);
	*null = !text[0];
}

void queue_format_value(const struct queue_row *r, enum settings_column c, long long now,
			char *buf, size_t size, bool *number, bool *null)
{
	const char *name;

	buf[0] = '\0';
	*number = false;
	*null = false;
	switch (c) {
	case SETTINGS_COLUMN_ID:
		snprintf(buf, size, "%s", r->handle);
		break;
	case SETTINGS_COLUMN_AGE:
		domain_format_age(now - r->received_at, buf, size);
		break;
	case SETTINGS_COLUMN_PARTNER:
		text_value(r->partner_name, buf, size, null);
		break;
	case SETTINGS_COLUMN_ACCOUNT:
		text_value(r->account_name, buf, size, null);
		break;
	case SETTINGS_COLUMN_SIGNAL:
		snprintf(buf, size, "%s", queue_signal_short(r->signal));
		break;
	case SETTINGS_COLUMN_ACV:
		*number = true;
		*null = r->expected_acv < 0;
		if (!*null)
			snprintf(buf, size, "%lld", r->expected_acv);
		break;
	case SETTINGS_COLUMN_SCORE:
		*number = true;
		*null = r->score < 0;
		if (!*null)
			snprintf(buf, size, "%d", r->score);
		break;
	case SETTINGS_COLUMN_GATE:
		*null = r->score < 0;
		if (!*null)
			snprintf(buf, size, "%s", r->pql ? "PQL" : "below");
		break;
	case SETTINGS_COLUMN_TIER:
		*number = true;
		*null = r->tier < 1;
		if (!*null)
			snprintf(buf, size, "%d", r->tier);
		break;
	case SETTINGS_COLUMN_STATE:
		name = domain_state_name(r->state);
		text_value(name ? name : "", buf, size, null);
		break;
	case SETTINGS_COLUMN_OWNER:
		text_value(r->owner_name, buf, size, null);
		break;
	case SETTINGS_COLUMN_AE:
		text_value(r->ae_name, buf, size, null);
		break;
	case SETTINGS_COLUMN_POD:
		text_value(r->pod_name, buf, size, null);
		break;
	case SETTINGS_COLUMN_FLAGS:
		queue_format_flags(r, buf, size);
		break;
	default:
		*null = true;
		break;
	}
}
