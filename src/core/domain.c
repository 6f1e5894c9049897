/* domain.c - names, labels, glyphs and small rules of the domain enums. */
#include <stddef.h>
#include <stdio.h>

#include "coselldesk/domain.h"
#include "core_util.h"

struct named {
	const char *name;   /* stable lower_snake name */
	const char *label;  /* human label */
	char glyph;         /* one printable ASCII character */
};

static const struct named state_table[STATE_COUNT] = {
	[STATE_NEW]         = { "new",         "new",         '*' },
	[STATE_TRIAGED]     = { "triaged",     "triaged",     '.' },
	[STATE_SCORED]      = { "scored",      "scored",      '#' },
	[STATE_ROUTED]      = { "routed",      "routed",      '>' },
	[STATE_PARTNER_LED] = { "partner_led", "partner-led", 'p' },
	[STATE_NURTURE]     = { "nurture",     "nurture",     '~' },
	[STATE_DECLINED]    = { "declined",    "declined",    'x' },
	[STATE_ACCEPTED]    = { "accepted",    "accepted",    '+' },
	[STATE_REJECTED]    = { "rejected",    "rejected",    '<' },
	[STATE_WON]         = { "won",         "won",         '$' },
	[STATE_LOST]        = { "lost",        "lost",        '-' },
	[STATE_ESCALATED]   = { "escalated",   "escalated",   '!' },
};

static const struct named signal_table[SIGNAL_COUNT] = {
	[SIGNAL_NONE]               = { "none",               "no overlap",          '.' },
	[SIGNAL_OUR_CUSTOMER]       = { "our_customer",       "our customer",        '<' },
	[SIGNAL_PARTNER_CUSTOMER]   = { "partner_customer",   "partner's customer",  '>' },
	[SIGNAL_OPEN_OPPORTUNITIES] = { "open_opportunities", "open opportunities",  'x' },
	[SIGNAL_MUTUAL_CUSTOMER]    = { "mutual_customer",    "mutual customer",     '=' },
};

static const struct named partner_tier_table[PARTNER_TIER_COUNT] = {
	[PARTNER_STRATEGIC] = { "strategic", "strategic", '*' },
	[PARTNER_GROWTH]    = { "growth",    "growth",    '+' },
	[PARTNER_LONG_TAIL] = { "long_tail", "long-tail", '.' },
};

static const char *const population_names[POP_COUNT] = {
	[POP_NONE]             = "none",
	[POP_PROSPECT]         = "prospect",
	[POP_OPEN_OPPORTUNITY] = "open_opportunity",
	[POP_CUSTOMER]         = "customer",
};

/* Spellings seen in account-mapping exports, already in normalised form. */
static const struct {
	const char *spelling;
	enum population pop;
} population_aliases[] = {
	{ "", POP_NONE },
	{ "none", POP_NONE },
	{ "no_overlap", POP_NONE },
	{ "prospect", POP_PROSPECT },
	{ "prospects", POP_PROSPECT },
	{ "open_opportunity", POP_OPEN_OPPORTUNITY },
	{ "open_opportunities", POP_OPEN_OPPORTUNITY },
	{ "opportunity", POP_OPEN_OPPORTUNITY },
	{ "opportunities", POP_OPEN_OPPORTUNITY },
	{ "open_opp", POP_OPEN_OPPORTUNITY },
	{ "open_opps", POP_OPEN_OPPORTUNITY },
	{ "customer", POP_CUSTOMER },
	{ "customers", POP_CUSTOMER },
};

static const char *const escalation_kind_names[ESC_KIND_COUNT] = {
	[ESC_STALLED_DEAL]     = "stalled_deal",
	[ESC_AE_COLLISION]     = "ae_collision",
	[ESC_CHANNEL_CONFLICT] = "channel_conflict",
	[ESC_PARTNER_PUSHBACK] = "partner_pushback",
	[ESC_ACV_AMBIGUITY]    = "acv_ambiguity",
	[ESC_TIER_DISPUTE]     = "tier_dispute",
};

static const char *const escalation_target_names[ROUTE_TARGET_COUNT] = {
	[ROUTE_DESK]            = "desk",
	[ROUTE_DESK_LEAD]       = "desk_lead",
	[ROUTE_PARTNER_MANAGER] = "partner_manager",
	[ROUTE_SALES_LEADER]    = "sales_leader",
};

static const enum escalation_target escalation_routes[ESC_KIND_COUNT] = {
	[ESC_STALLED_DEAL]     = ROUTE_SALES_LEADER,
	[ESC_AE_COLLISION]     = ROUTE_DESK_LEAD,
	[ESC_CHANNEL_CONFLICT] = ROUTE_DESK_LEAD,
	[ESC_PARTNER_PUSHBACK] = ROUTE_PARTNER_MANAGER,
	[ESC_ACV_AMBIGUITY]    = ROUTE_DESK,
	[ESC_TIER_DISPUTE]     = ROUTE_PARTNER_MANAGER,
};

static int index_of_named(const char *given, const struct named *table, int count)
{
	if (!given)
		return -1;
	for (int i = 0; i < count; i++)
		if (core_name_matches(given, table[i].name) ||
		    core_name_matches(given, table[i].label))
			return i;
	return -1;
}

const char *domain_state_name(enum intro_state s)
{
	return (unsigned)s < STATE_COUNT ? state_table[s].name : NULL;
}

const char *domain_population_name(enum population p)
{
	return (unsigned)p < POP_COUNT ? population_names[p] : NULL;
}

const char *domain_signal_name(enum mapping_signal s)
{
	return (unsigned)s < SIGNAL_COUNT ? signal_table[s].name : NULL;
}

const char *domain_partner_tier_name(enum partner_tier t)
{
	return (unsigned)t < PARTNER_TIER_COUNT ? partner_tier_table[t].name : NULL;
}

const char *domain_escalation_kind_name(enum escalation_kind k)
{
	return (unsigned)k < ESC_KIND_COUNT ? escalation_kind_names[k] : NULL;
}

const char *domain_escalation_target_name(enum escalation_target t)
{
	return (unsigned)t < ROUTE_TARGET_COUNT ? escalation_target_names[t] : NULL;
}

const char *domain_state_label(enum intro_state s)
{
	return (unsigned)s < STATE_COUNT ? state_table[s].label : NULL;
}

const char *domain_signal_label(enum mapping_signal s)
{
	return (unsigned)s < SIGNAL_COUNT ? signal_table[s].label : NULL;
}

char domain_state_glyph(enum intro_state s)
{
	return (unsigned)s < STATE_COUNT ? state_table[s].glyph : '?';
}

char domain_signal_glyph(enum mapping_signal s)
{
	return (unsigned)s < SIGNAL_COUNT ? signal_table[s].glyph : '?';
}

char domain_partner_tier_glyph(enum partner_tier t)
{
	return (unsigned)t < PARTNER_TIER_COUNT ? partner_tier_table[t].glyph : '?';
}

int domain_state_from_name(const char *name)
{
	return index_of_named(name, state_table, STATE_COUNT);
}

int domain_population_from_name(const char *name)
{
	if (!name)
		return -1;
	for (size_t i = 0; i < sizeof population_aliases / sizeof population_aliases[0]; i++)
		if (core_name_matches(name, population_aliases[i].spelling))
			return (int)population_aliases[i].pop;
	return -1;
}

int domain_signal_from_name(const char *name)
{
	return index_of_named(name, signal_table, SIGNAL_COUNT);
}

int domain_partner_tier_from_name(const char *name)
{
	return index_of_named(name, partner_tier_table, PARTNER_TIER_COUNT);
}

int domain_escalation_kind_from_name(const char *name)
{
	return core_name_index(name, escalation_kind_names, ESC_KIND_COUNT);
}

/* DOMAIN.md's table, read as: a customer on one side with the account still
 * being worked on the other is that side's "customer" signal; both working it
 * (open opportunities) is a collision; a prospect against an open
 * opportunity goes to the side further along. */
enum mapping_signal domain_signal_of(enum population ours, enum population partners)
{
	if ((unsigned)ours >= POP_COUNT || (unsigned)partners >= POP_COUNT)
		return SIGNAL_NONE;
	if (ours == POP_NONE || partners == POP_NONE)
		return SIGNAL_NONE;
	if (ours == POP_CUSTOMER && partners == POP_CUSTOMER)
		return SIGNAL_MUTUAL_CUSTOMER;
	if (ours == POP_OPEN_OPPORTUNITY && partners == POP_OPEN_OPPORTUNITY)
		return SIGNAL_OPEN_OPPORTUNITIES;
	if (partners == POP_CUSTOMER)
		return SIGNAL_PARTNER_CUSTOMER;
	if (ours == POP_CUSTOMER)
		return SIGNAL_OUR_CUSTOMER;
	if (ours == POP_PROSPECT && partners == POP_OPEN_OPPORTUNITY)
		return SIGNAL_PARTNER_CUSTOMER;
	if (ours == POP_OPEN_OPPORTUNITY && partners == POP_PROSPECT)
		return SIGNAL_OUR_CUSTOMER;
	return SIGNAL_NONE; /* both prospects */
}

enum escalation_target domain_escalation_route(enum escalation_kind k)
{
	return (unsigned)k < ESC_KIND_COUNT ? escalation_routes[k] : ROUTE_DESK_LEAD;
}

int domain_state_is_open(enum intro_state s)
{
	if ((unsigned)s >= STATE_COUNT)
		return 0;
	return s != STATE_DECLINED && s != STATE_WON && s != STATE_LOST;
}

void domain_format_age(long long seconds, char *buf, size_t size)
{
	if (seconds < 0)  /* a clock set back: not "in the future" */
		seconds = 0;
	if (seconds < 3600)
		snprintf(buf, size, "%lldm", seconds / 60);
	else if (seconds < 48 * 3600)
		snprintf(buf, size, "%lldh", seconds / 3600);
	else if (seconds < 8 * 7 * 86400)
		snprintf(buf, size, "%lldd", seconds / 86400);
	else
		snprintf(buf, size, "%lldw", seconds / (7 * 86400));
}
