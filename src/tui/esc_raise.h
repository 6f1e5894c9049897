/* esc_raise.h - raising an escalation from any view, and the words for
 * escalation kinds, targets and rules.
 *
 * The queue's `escalate` request (E) calls esc_raise_prompt() with the
 * selected intro (esc_raise_prompt_many() after `;` with the tagged ones):
 * a kind picker on the prompt line (1-6 or the kind's name, Tab completes),
 * then the note. Where it goes is the core's rule
 * (domain_escalation_route); a kind the desk decides itself (ACV
 * ambiguity) is refused by the store before the note is asked, and its
 * message, the rule, is shown. After a raise every open view is told
 * (data_changed), the caller included: it has nothing else to reload.
 */
#ifndef COSELLDESK_TUI_ESC_RAISE_H
#define COSELLDESK_TUI_ESC_RAISE_H

#include <stddef.h>

#include "coselldesk/domain.h"
#include "coselldesk/store.h"

struct console;

/* Ask for the kind and the note, raise it on intro (id or handle).
 * Returns 1 raised (the new escalation's id in id_out when not NULL,
 * STORE_ID_SIZE bytes), 0 cancelled (nothing changed), -1 refused or
 * failed (the message is on the message line, nothing changed). */
int esc_raise_prompt(struct console *c, const char *intro, char *id_out);

/* The same kind and note on every intro of ids[0..n-1], in one
 * transaction (one undo reverts them all; one refusal changes nothing).
 * ids is read only; it is not const so the queue's tag array passes as it
 * is (C11 refuses char (*)[N] for const char (*)[N] without a cast). */
int esc_raise_prompt_many(struct console *c, char (*ids)[STORE_ID_SIZE], size_t n);

/* "stalled deal", "AE collision", "channel conflict", "partner pushback",
 * "ACV ambiguity", "tier dispute"; "?" out of range. */
const char *esc_kind_label(enum escalation_kind k);

/* "the desk", "the desk lead", "the partner manager", "the sales leader". */
const char *esc_target_label(enum escalation_target t);

/* The rule of DOMAIN.md that decides an escalation of this kind, as one
 * sentence. */
const char *esc_kind_rule(enum escalation_kind k);

#endif
