/* esc_conflict.h - the side-by-side panel of a conflict: the escalated intro
 * and the one it collides with (or the account's territory owner), their
 * mapping evidence, the rule of DOMAIN.md that decides, and what it says.
 *
 * Which rule: an AE collision follows the territory rulebook ("the
 * account's territory owner leads"); a channel conflict, and another
 * partner's open intro on the account, follow "the deeper system-verified
 * relationship and the earlier registration leads; the other supports"
 * (deeper = the partner's own population for the account in the mapping
 * data, then its stakeholders; no mapping data = not verified); the same
 * partner twice is a duplicate (the earlier registration stands). When
 * the rule's two tests point at different intros, or neither decides, the
 * panel says so: that is the genuine gray zone the desk lead takes.
 */
#ifndef COSELLDESK_TUI_ESC_CONFLICT_H
#define COSELLDESK_TUI_ESC_CONFLICT_H

#include <stdbool.h>

#include "coselldesk/store.h"

enum esc_rule {
	ESC_RULE_NONE,        /* nothing to compare: no panel */
	ESC_RULE_CHANNEL,     /* deeper verified relationship + earlier registration */
	ESC_RULE_TERRITORY,   /* the territory owner leads */
	ESC_RULE_DUPLICATE    /* the same partner twice: the earlier stands */
};

/* One column of the panel. */
struct esc_side {
	bool is_intro;                        /* an intro (else the territory owner) */
	char handle[STORE_HANDLE_SIZE];       /* the intro's handle */
	char partner[STORE_NAME_SIZE];        /* its partner */
	enum partner_tier partner_tier;       /* the partner's tier */
	long long received_at;                /* registration time */
	bool has_overlap;                     /* mapping data exists for (partner, account) */
	struct store_overlap overlap;         /* that mapping data */
	long long expected_acv;               /* claimed ACV, -1 unknown */
	char ae_id[STORE_ID_SIZE];            /* its AE ("" none); the owner's for the owner column */
	char ae_name[STORE_NAME_SIZE];        /* their name ("" none) */
	char pod_name[STORE_NAME_SIZE];       /* the intro's pod, or the owner's */
	enum intro_state state;               /* the intro's state */
};

struct esc_conflict {
	enum esc_rule rule;                   /* which rule decides; NONE: no panel */
	char account[STORE_NAME_SIZE];        /* the contested account */
	char owner_id[STORE_ID_SIZE];         /* the account's territory owner ("" none) */
	char owner_name[STORE_NAME_SIZE];
	struct esc_side side[2];              /* [0] the escalated intro, [1] the other */
	long others;                          /* conflicts the store found on the intro */
	int leader;                           /* 0 or 1; -1 when the rule does not decide */
	char verdict[STORE_TEXT_SIZE];        /* what the rule says, one sentence */
};

/* Work out the panel for an escalation of `kind` on `intro`. STORE_OK with
 * out->rule NONE when there is nothing to set side by side. */
enum store_status esc_conflict_load(struct store *st, const char *intro,
				    enum escalation_kind kind, struct esc_conflict *out);

/* The rule's sentence. */
const char *esc_rule_text(enum esc_rule r);

/* Whether the panel's rule is the one an escalation of this kind is about
 * (then the pane need not state the kind's rule again). */
bool esc_conflict_covers(const struct esc_conflict *cf, enum escalation_kind kind);

/* Draw the panel from row y in [x, x + width), at most max_rows rows,
 * ages counted to now. Returns the rows used. */
int esc_conflict_draw(const struct esc_conflict *cf, long long now, int y, int x, int width,
		      int max_rows);

/* The rows esc_conflict_draw wants at this width. */
int esc_conflict_height(const struct esc_conflict *cf, int width);

#endif
