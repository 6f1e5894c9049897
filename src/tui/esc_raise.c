/* esc_raise.c - the kind picker and note prompt that raise an escalation. */
#include "esc_raise.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "console.h"
#include "dash_common.h"
#include "prompt.h"

/* History kinds of the two prompts (prompt.h: one character each). */
#define ESC_HISTORY_KIND 'k'
#define ESC_HISTORY_NOTE 'e'

const char *esc_kind_label(enum escalation_kind k)
{
	static const char *const labels[ESC_KIND_COUNT] = {
		[ESC_STALLED_DEAL] = "stalled deal",
		[ESC_AE_COLLISION] = "AE collision",
		[ESC_CHANNEL_CONFLICT] = "channel conflict",
		[ESC_PARTNER_PUSHBACK] = "partner pushback",
		[ESC_ACV_AMBIGUITY] = "ACV ambiguity",
		[ESC_TIER_DISPUTE] = "tier dispute",
	};

	return (unsigned)k < ESC_KIND_COUNT ? labels[k] : "?";
}

const char *esc_target_label(enum escalation_target t)
{
	static const char *const labels[ROUTE_TARGET_COUNT] = {
		[ROUTE_DESK] = "the desk",
		[ROUTE_DESK_LEAD] = "the desk lead",
		[ROUTE_PARTNER_MANAGER] = "the partner manager",
		[ROUTE_SALES_LEADER] = "the sales leader",
	};

	return (unsigned)t < ROUTE_TARGET_COUNT ? labels[t] : "?";
}

const char *esc_kind_rule(enum escalation_kind k)
{
	switch (k) {
	case ESC_STALLED_DEAL:
		return "A stalled joint deal goes straight to the sales leader.";
	case ESC_AE_COLLISION:
		return "Two AEs claim one account: the account's territory owner leads; only a "
		       "genuine gray zone goes to the desk lead.";
	case ESC_CHANNEL_CONFLICT:
		return "Channel conflict: the deeper system-verified relationship and the earlier "
		       "registration leads; the other supports.";
	case ESC_PARTNER_PUSHBACK:
	case ESC_TIER_DISPUTE:
		return "The desk holds the evidence-based score and tier; relationship friction "
		       "goes to the partner manager.";
	case ESC_ACV_AMBIGUITY:
		return "ACV ambiguous: use the partner's historical average and proceed (no "
		       "escalation).";
	default:
		return "";
	}
}

/* The kind a picker answer names: "3", "channel_conflict", "channel
 * conflict", or a prefix of one name only ("chan"). -1 when none. */
static int kind_of_answer(const char *answer)
{
	char word[128];
	size_t n;
	int k, found = -1;

	while (*answer == ' ')
		answer++;
	snprintf(word, sizeof(word), "%s", answer);
	n = strlen(word);
	while (n > 0 && word[n - 1] == ' ')
		word[--n] = '\0';
	if (n == 0)
		return -1;
	if (n == 1 && word[0] >= '1' && word[0] < '1' + ESC_KIND_COUNT)
		return word[0] - '1';
	k = domain_escalation_kind_from_name(word);
	if (k >= 0)
		return k;
	for (n = 0; word[n]; n++) {
		word[n] = (char)tolower((unsigned char)word[n]);
		if (word[n] == '-' || word[n] == ' ')
			word[n] = '_';
	}
	for (k = 0; k < ESC_KIND_COUNT; k++) {
		if (strncmp(domain_escalation_kind_name((enum escalation_kind)k), word, n))
			continue;
		if (found >= 0)
			return -2; /* a prefix of several names */
		found = k;
	}
	return found;
}

static void complete_kind(struct console *c, void *ctx, const char *before, prompt_add_fn add,
			  void *list)
{
	int k;

	(void)c;
	(void)ctx;
	(void)before;
	for (k = 0; k < ESC_KIND_COUNT; k++)
		add(list, domain_escalation_kind_name((enum escalation_kind)k));
}

/* Ask for the kind. Returns the kind, -1 cancelled, -2 error shown. */
static int ask_kind(struct console *c)
{
	struct prompt_spec spec = { "kind? 1 stalled 2 AE-collision 3 channel 4 pushback 5 ACV 6 tier: ",
				    ESC_HISTORY_KIND, NULL, complete_kind, NULL, NULL };
	char answer[128];
	int k;

	if (prompt_read(c, &spec, answer, sizeof(answer)) != 1 || !answer[strspn(answer, " ")])
		return -1;
	k = kind_of_answer(answer);
	if (k == -2) {
		console_error(c, "escalate: '%s' could be several kinds; type more of the name (Tab completes)",
			      answer);
		return -2;
	}
	if (k < 0) {
		console_error(c, "escalate: no kind '%s'; give 1-6 or a name: stalled_deal, ae_collision, "
			      "channel_conflict, partner_pushback, acv_ambiguity, tier_dispute", answer);
		return -2;
	}
	prompt_history_add(&c->history, ESC_HISTORY_KIND, answer);
	return k;
}

/* A kind the desk decides itself is refused before anyone types a note:
 * the store is asked with an empty note, which it can never accept, so
 * nothing is written either way; its refusal carries the rule. */
static bool refused_kind(struct console *c, const char *intro, enum escalation_kind kind)
{
	if (domain_escalation_route(kind) != ROUTE_DESK)
		return false;
	if (store_escalate(c->store, intro, kind, "", NULL) == STORE_REFUSED) {
		/* the store names the kind before the rule; the rule alone is
		 * what must fit on an 80-column message line */
		const char *msg = store_errmsg(c->store);
		const char *rule = strstr(msg, "not escalated: ");

		console_error(c, "%s", rule ? rule + strlen("not escalated: ") : msg);
		return true;
	}
	return false;
}

/* Ask for the note; false when cancelled. */
static bool ask_note(struct console *c, const char *what, enum escalation_kind kind, char *note,
		     size_t size)
{
	char label[160];
	struct prompt_spec spec = { label, ESC_HISTORY_NOTE, NULL, NULL, NULL, NULL };

	snprintf(label, sizeof(label), "%s for %s, to %s: ", esc_kind_label(kind), what,
		 esc_target_label(domain_escalation_route(kind)));
	if (prompt_read(c, &spec, note, size) != 1)
		return false;
	if (note[0])
		prompt_history_add(&c->history, ESC_HISTORY_NOTE, note);
	return true;
}

static void cancelled(struct console *c)
{
	console_message(c, "escalation not raised");
}

int esc_raise_prompt(struct console *c, const char *intro, char *id_out)
{
	struct store_intro in;
	char note[PROMPT_MAX * 4], id[STORE_ID_SIZE], handle[STORE_HANDLE_SIZE];
	int kind;

	if (!c->store) {
		console_error(c, "escalate: no desk is open");
		return -1;
	}
	if (!intro || store_intro_get(c->store, intro, &in) != STORE_OK) {
		console_error(c, "escalate: %s", intro ? store_errmsg(c->store) : "no intro selected");
		return -1;
	}
	kind = ask_kind(c);
	if (kind == -1) {
		cancelled(c);
		return 0;
	}
	if (kind < 0 || refused_kind(c, in.id, (enum escalation_kind)kind))
		return -1;
	if (!ask_note(c, in.handle, (enum escalation_kind)kind, note, sizeof(note))) {
		cancelled(c);
		return 0;
	}
	if (store_escalate(c->store, in.id, (enum escalation_kind)kind, note, id) != STORE_OK) {
		console_error(c, "escalate %s: %s", in.handle, store_errmsg(c->store));
		return -1;
	}
	store_handle_of(STORE_KIND_ESCALATION, id, handle);
	console_message(c, "%s raised on %s: %s, routed to %s (u undoes it)", handle, in.handle,
			esc_kind_label((enum escalation_kind)kind),
			esc_target_label(domain_escalation_route((enum escalation_kind)kind)));
	if (id_out)
		memcpy(id_out, id, STORE_ID_SIZE);
	console_data_changed(c);
	return 1;
}

int esc_raise_prompt_many(struct console *c, char (*ids)[STORE_ID_SIZE], size_t n)
{
	char note[PROMPT_MAX * 4], what[64], why[STORE_MSG_SIZE];
	enum store_status rc = STORE_OK;
	size_t i;
	int kind;

	if (!c->store) {
		console_error(c, "escalate: no desk is open");
		return -1;
	}
	if (n == 0) {
		console_error(c, "escalate: nothing is tagged (t tags a row)");
		return -1;
	}
	kind = ask_kind(c);
	if (kind == -1) {
		cancelled(c);
		return 0;
	}
	if (kind < 0 || refused_kind(c, ids[0], (enum escalation_kind)kind))
		return -1;
	snprintf(what, sizeof(what), "%zu tagged intro%s", n, n == 1 ? "" : "s");
	if (!ask_note(c, what, (enum escalation_kind)kind, note, sizeof(note))) {
		cancelled(c);
		return 0;
	}
	if (store_begin(c->store) != STORE_OK) {
		console_error(c, "escalate: %s", store_errmsg(c->store));
		return -1;
	}
	for (i = 0; i < n && rc == STORE_OK; i++)
		rc = store_escalate(c->store, ids[i], (enum escalation_kind)kind, note, NULL);
	if (rc != STORE_OK) {
		snprintf(why, sizeof(why), "%s", store_errmsg(c->store));
		store_rollback(c->store);
		console_error(c, "escalate: nothing raised: %s", why);
		return -1;
	}
	if (store_commit(c->store) != STORE_OK) {
		console_error(c, "escalate: %s", store_errmsg(c->store));
		return -1;
	}
	console_message(c, "raised %zu escalation%s: %s, routed to %s (u undoes them)", n,
			n == 1 ? "" : "s", esc_kind_label((enum escalation_kind)kind),
			esc_target_label(domain_escalation_route((enum escalation_kind)kind)));
	console_data_changed(c);
	return 1;
}
