/* cmd_show.c - `show`: everything about one intro, for people and scripts.
 *
 * Ids the store keeps (an AE, a partner) are shown by name; the history is
 * the audit trail, newest first.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/store.h"
#include "handlers.h"
#include "intro_util.h"
#include "whatif.h"

#include <string.h>

static const struct args_spec show_options[] = { { NULL, 0 } };

static void add_overlap(struct output_value *obj, const struct store_intro_view *v)
{
	struct output_value *m;

	if (!v->has_overlap) {
		output_add_null(obj, "mapping");
		return;
	}
	m = output_add_object(obj, "mapping");
	output_add_string(m, "signal", domain_signal_name(v->overlap.signal));
	output_add_string(m, "ours", domain_population_name(v->overlap.ours));
	output_add_string(m, "partners", domain_population_name(v->overlap.partners));
	output_add_int_or_null(m, "stakeholders", v->overlap.stakeholders,
			       v->overlap.stakeholders >= 0);
	intro_add_text(m, "partner_contact", v->overlap.partner_contact);
	output_add_time_or_null(m, "refreshed_at", v->overlap.refreshed_at,
				v->overlap.refreshed_at != 0);
}

/* Audit rows keep ids; people read names ("ae_id" 3f2a... -> "ae" east-ae-1). */
static void add_audit_change(struct store *st, struct output_value *o,
			     const struct store_audit *au)
{
	static const struct {
		const char *field;
		const char *shown;
		enum store_kind kind;
	} refs[] = {
		{ "ae_id", "ae", STORE_KIND_AE },
		{ "pod_id", "pod", STORE_KIND_POD },
		{ "owner_id", "owner", STORE_KIND_SPECIALIST },
		{ "partner_id", "partner", STORE_KIND_PARTNER },
		{ "account_id", "account", STORE_KIND_ACCOUNT },
	};
	char old_name[STORE_NAME_SIZE], new_name[STORE_NAME_SIZE];
	size_t i;

	for (i = 0; i < sizeof refs / sizeof refs[0]; i++) {
		if (strcmp(au->field, refs[i].field))
			continue;
		intro_name_of(st, refs[i].kind, au->old_value, old_name, sizeof old_name);
		intro_name_of(st, refs[i].kind, au->new_value, new_name, sizeof new_name);
		output_add_string(o, "field", refs[i].shown);
		output_add_string(o, "old", old_name[0] ? old_name : au->old_value);
		output_add_string(o, "new", new_name[0] ? new_name : au->new_value);
		return;
	}
	output_add_string(o, "field", au->field);
	output_add_string(o, "old", au->old_value);
	output_add_string(o, "new", au->new_value);
}

static void add_lists(struct store *st, struct output_value *obj,
		      const struct store_intro_view *v)
{
	struct output_value *list;
	char name[STORE_NAME_SIZE];
	size_t i;

	list = output_add_array(obj, "conflicts");
	for (i = 0; i < v->conflict_count && i < sizeof v->conflicts / sizeof v->conflicts[0]; i++) {
		const struct store_conflict *c = &v->conflicts[i];
		struct output_value *o = output_add_object(list, NULL);
		output_add_string(o, "kind", store_conflict_kind_name(c->kind));
		intro_add_text(o, "other", c->other_handle);
		output_add_string(o, "detail", c->detail);
	}
	list = output_add_array(obj, "escalations");
	for (i = 0; i < v->escalation_count; i++) {
		const struct store_escalation *e = &v->escalations[i];
		struct output_value *o = output_add_object(list, NULL);
		output_add_string(o, "escalation", e->handle);
		output_add_string(o, "kind", domain_escalation_kind_name(e->kind));
		output_add_string(o, "routed_to", domain_escalation_target_name(e->routed_to));
		output_add_bool(o, "open", e->open);
		output_add_time(o, "raised_at", e->raised_at);
		output_add_string(o, "note", e->note);
		intro_add_text(o, "resolution", e->resolution);
	}
	list = output_add_array(obj, "hours");
	for (i = 0; i < v->hours_count; i++) {
		const struct store_hours *h = &v->hours[i];
		struct output_value *o = output_add_object(list, NULL);
		intro_name_of(st, STORE_KIND_AE, h->ae_id, name, sizeof name);
		output_add_time(o, "at", h->at);
		output_add_string(o, "ae", name);
		output_add_real(o, "hours", h->hours, 2);
		output_add_string(o, "activity", h->activity);
	}
	output_add_real(obj, "hours_total", v->hours_total, 2);
	list = output_add_array(obj, "attribution");
	for (i = 0; i < v->attribution_count; i++) {
		const struct store_attribution *at = &v->attribution[i];
		struct output_value *o = output_add_object(list, NULL);
		intro_name_of(st, STORE_KIND_PARTNER, at->partner_id, name, sizeof name);
		output_add_string(o, "role", policy_role_name(at->role));
		output_add_string(o, "partner", name);
		output_add_real_or_null(o, "percent", at->percent, 2, at->percent >= 0);
	}
	output_add_bool(obj, "attribution_complete", v->attribution_complete);
	intro_add_text(obj, "attribution_gap", v->attribution_complete ? "" : v->attribution_gap);
	list = output_add_array(obj, "touchpoints");
	for (i = 0; i < v->touchpoint_count; i++) {
		const struct store_touchpoint *t = &v->touchpoints[i];
		struct output_value *o = output_add_object(list, NULL);
		intro_name_of(st, STORE_KIND_PARTNER, t->partner_id, name, sizeof name);
		output_add_time(o, "at", t->at);
		output_add_string(o, "partner", name);
		output_add_string(o, "kind", store_touch_kind_name(t->kind));
		intro_add_text(o, "note", t->note);
	}
	list = output_add_array(obj, "history");
	for (i = 0; i < v->audit_count; i++) {
		const struct store_audit *au = &v->audit[i];
		struct output_value *o = output_add_object(list, NULL);
		output_add_time(o, "at", au->at);
		output_add_string(o, "actor", au->actor);
		add_audit_change(st, o, au);
		output_add_string(o, "reason", au->reason);
	}
}

int cmd_show(struct app *app, int argc, char **argv)
{
	struct store_intro_view v;
	const struct store_intro *in = &v.intro;
	struct output_value *obj, *o;
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE];
	char territory[STORE_NAME_SIZE];
	int rc;

	if (!(st = intro_begin(app, argc, argv, show_options, 1, &a, id, &rc)))
		return rc;
	s = store_intro_view(st, id, &v);
	if (s != STORE_OK) {
		store_intro_view_free(&v);
		return intro_fail(app, st, s);
	}
	obj = output_object();
	output_add_string(obj, "intro", in->handle);
	output_add_string(obj, "state", domain_state_name(in->state));
	if (in->state == STATE_ESCALATED)
		output_add_string(obj, "escalated_from", domain_state_name(in->escalated_from));
	output_add_time(obj, "received_at", in->received_at);
	o = output_add_object(obj, "partner");
	output_add_string(o, "name", v.partner.name);
	output_add_string(o, "tier", domain_partner_tier_name(v.partner.tier));
	output_add_int(o, "won", v.partner.won_count);
	output_add_money_or_null(o, "median_won_acv", v.partner.median_won_acv,
				 v.partner.median_won_acv >= 0);
	o = output_add_object(obj, "account");
	output_add_string(o, "name", v.account.name);
	intro_add_text(o, "domain", v.account.domain);
	intro_add_text(o, "region", v.account.region);
	intro_add_text(o, "industry", v.account.industry);
	output_add_int_or_null(o, "employees", v.account.employees, v.account.employees >= 0);
	output_add_bool(o, "strategic", v.account.strategic);
	snprintf(territory, sizeof territory, "%s", v.territory_ae_name);
	intro_add_text(o, "territory_ae", territory);
	add_overlap(obj, &v);
	intro_add_text(obj, "contact", in->contact);
	intro_add_text(obj, "note", in->note);
	intro_add_text(obj, "source", in->source);
	intro_add_text(obj, "external_id", in->external_id);
	output_add_money_or_null(obj, "expected_acv", in->expected_acv, in->expected_acv >= 0);
	intro_add_text(obj, "pod", v.pod_name);
	intro_add_text(obj, "owner", v.owner_name);
	intro_add_text(obj, "ae", v.ae_name);
	output_add_int(obj, "threshold", v.threshold);
	output_add_int_or_null(obj, "score", in->score, in->scored);
	if (in->scored) {
		output_add_bool(obj, "pql", v.explanation.is_pql);
		whatif_add_explanation(obj, &v.explanation);
	} else {
		output_add_null(obj, "pql");
	}
	output_add_int_or_null(obj, "tier", in->tier, in->tier > 0);
	intro_add_text(obj, "tier_reason", in->tier_reason);
	output_add_bool(obj, "tier_overridden", in->tier_overridden);
	output_add_int_or_null(obj, "ae_hours", in->ae_hours, in->ae_hours >= 0);
	o = output_add_object(obj, "gaming");
	output_add_bool(o, "flagged", v.gaming.flagged);
	output_add_string(o, "reason", v.gaming.reason);
	output_add_time_or_null(obj, "sla_due", in->sla_due, in->sla_due != 0);
	output_add_time_or_null(obj, "closed_at", in->closed_at, in->closed_at != 0);
	output_add_money_or_null(obj, "actual_acv", in->actual_acv, in->actual_acv >= 0);
	output_add_real_or_null(obj, "actual_ae_hours", in->actual_ae_hours, 2,
				in->actual_ae_hours >= 0);
	intro_add_text(obj, "reason_code", in->reason_code);
	output_add_int_or_null(obj, "brief_version", v.brief_version, v.brief_version > 0);
	add_lists(st, obj, &v);
	store_intro_view_free(&v);
	return cli_emit(app, obj);
}
