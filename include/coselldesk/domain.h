/* domain.h - the enumerations of the co-sell desk and their stable names.
 *
 * The names are what the store keeps in its TEXT columns, what CSV and JSON
 * carry and what the config uses, so they never change once released.
 * Implemented in src/core/domain.c (pure).
 */
#ifndef COSELLDESK_DOMAIN_H
#define COSELLDESK_DOMAIN_H

/* The life of an intro (DOMAIN.md "The life of an intro"). */
enum intro_state {
	STATE_NEW,
	STATE_TRIAGED,
	STATE_SCORED,
	STATE_ROUTED,
	STATE_PARTNER_LED,
	STATE_NURTURE,
	STATE_DECLINED,
	STATE_ACCEPTED,
	STATE_REJECTED,
	STATE_WON,
	STATE_LOST,
	STATE_ESCALATED,
	STATE_COUNT
};

/* Where an account sits in one side's CRM (account-mapping populations). */
enum population {
	POP_NONE,
	POP_PROSPECT,
	POP_OPEN_OPPORTUNITY,
	POP_CUSTOMER,
	POP_COUNT
};

/* The account-mapping signal derived from both populations. */
enum mapping_signal {
	SIGNAL_NONE,                 /* no overlap: speculative */
	SIGNAL_OUR_CUSTOMER,         /* our customer, partner's prospect: partner-assist */
	SIGNAL_PARTNER_CUSTOMER,     /* partner's customer, our prospect: warm intro */
	SIGNAL_OPEN_OPPORTUNITIES,   /* overlapping open opportunities: collision risk */
	SIGNAL_MUTUAL_CUSTOMER,      /* mutual customer: high-trust expansion */
	SIGNAL_COUNT
};

/* Partner tiers, by what partners produce. */
enum partner_tier {
	PARTNER_STRATEGIC,
	PARTNER_GROWTH,
	PARTNER_LONG_TAIL,
	PARTNER_TIER_COUNT
};

/* Escalation kinds (DOMAIN.md "Escalation rules"). */
enum escalation_kind {
	ESC_STALLED_DEAL,
	ESC_AE_COLLISION,
	ESC_CHANNEL_CONFLICT,
	ESC_PARTNER_PUSHBACK,
	ESC_ACV_AMBIGUITY,
	ESC_TIER_DISPUTE,
	ESC_KIND_COUNT
};

/* Who an escalation of each kind is routed to. */
enum escalation_target {
	ROUTE_DESK,              /* the desk decides itself */
	ROUTE_DESK_LEAD,
	ROUTE_PARTNER_MANAGER,
	ROUTE_SALES_LEADER,
	ROUTE_TARGET_COUNT
};

/* Stable lower_snake names ("partner_led", "mutual_customer", "long_tail",
 * "ae_collision", "desk_lead"); NULL when out of range. */
const char *domain_state_name(enum intro_state s);
const char *domain_population_name(enum population p);
const char *domain_signal_name(enum mapping_signal s);
const char *domain_partner_tier_name(enum partner_tier t);
const char *domain_escalation_kind_name(enum escalation_kind k);
const char *domain_escalation_target_name(enum escalation_target t);

/* Human labels for screens and reports ("partner-led", "mutual customer"). */
const char *domain_state_label(enum intro_state s);
const char *domain_signal_label(enum mapping_signal s);

/* One-character glyphs, so no state is told by colour alone. */
char domain_state_glyph(enum intro_state s);
char domain_signal_glyph(enum mapping_signal s);
char domain_partner_tier_glyph(enum partner_tier t);

/* How long ago, for people, in the query language's units past the first
 * hour: "42m", "5h" (under 48 hours), "12d" (under 8 weeks), "9w". The
 * console and the batch commands write ages the same way. */
void domain_format_age(long long seconds, char *buf, size_t size);

/* Parse a name back (case-insensitive, '-' or ' ' accepted for '_');
 * -1 when unknown. Population also accepts the usual export spellings
 * ("Customers", "Open Opportunities", "Prospects", "none", ""). */
int domain_state_from_name(const char *name);
int domain_population_from_name(const char *name);
int domain_signal_from_name(const char *name);
int domain_partner_tier_from_name(const char *name);
int domain_escalation_kind_from_name(const char *name);

/* The signal of DOMAIN.md derived from both sides' populations. */
enum mapping_signal domain_signal_of(enum population ours, enum population partners);

/* Where an escalation of this kind goes (DOMAIN.md rules): stalled deal ->
 * sales leader; AE collision -> desk lead; channel conflict -> desk lead;
 * partner pushback -> partner manager; ACV ambiguity -> desk (no escalation
 * needed: use the partner's historical average); tier dispute -> partner manager. */
enum escalation_target domain_escalation_route(enum escalation_kind k);

/* Open states: anything not declined, won, lost (escalated counts as open). */
int domain_state_is_open(enum intro_state s);

#endif
