/* cmd_intro.c - one intro through its life: score, tier, route, nurture,
 * accept, reject, decline, close, hours, attribute, and the reason codes.
 *
 * Each command resolves the id first (handles accepted), asks the store,
 * which enforces the lifecycle in one place, and reports the intro as it now
 * stands. A refusal carries the store's message and exit code.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/store.h"
#include "handlers.h"
#include "intro_util.h"
#include "whatif.h"

#include <stdlib.h>
#include <string.h>

/* ---- score -------------------------------------------------------------- */

static const struct args_spec score_options[] = {
	{ "overlap", 1 }, { "budget", 1 }, { "icp", 1 }, { "relationship", 1 },
	{ "competitive", 1 }, { "size", 1 }, { "note", 1 }, { NULL, 0 }
};

int cmd_score(struct app *app, int argc, char **argv)
{
	struct score_explanation e;
	struct store_intro in;
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], handle[STORE_HANDLE_SIZE], *msg, sentence[256];
	int points[PQL_FACTOR_COUNT];
	int rc;

	rc = args_parse(app, argc, argv, score_options, 1, 1, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	{
		/* check the points against the policy before touching the desk */
		const struct desk_policy *p = app_policy(app, &rc);
		if (!p)
			return rc;
		if ((rc = whatif_read_points(app, &a, p, points)))
			return rc;
	}
	if (!(st = intro_open(app, a.positional[0], id, &rc)))
		return rc;
	if ((s = store_intro_score(st, id, points, args_value(&a, "note"))) != STORE_OK)
		return intro_fail(app, st, s);
	if ((s = store_intro_explain(st, id, &e)) != STORE_OK ||
	    (s = store_intro_get(st, id, &in)) != STORE_OK)
		return intro_fail(app, st, s);
	score_gap_sentence(&e, sentence, sizeof sentence);
	msg = cli_printf("%s scored %d against a bar of %d: %s (%s); state %s",
		 intro_handle_of(id, handle), e.score, e.threshold, e.is_pql ? "a PQL" : "not a PQL",
		 sentence, domain_state_name(in.state));
	if (app->format == OUTPUT_TEXT) {
		printf("%s\n\n", msg);
		whatif_print_factors(stdout, &e);
		free(msg);
		return 0;
	}
	return intro_report(app, st, id, msg);
}

/* ---- tier --------------------------------------------------------------- */

static const struct args_spec tier_options[] = {
	{ "reason", 1 }, { "hours", 1 }, { NULL, 0 }
};

int cmd_tier(struct app *app, int argc, char **argv)
{
	struct store_intro in;
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], *msg;
	long long tier = 0, hours = -1;
	int rc, hours_given;

	if (!(st = intro_begin(app, argc, argv, tier_options, 2, &a, id, &rc)))
		return rc;
	if (a.positional_count == 2) {
		if (args_parse_whole(a.positional[1], &tier) < 0)
			return cli_usage_error(app, "'%s' is not a tier (1, 2 or 3)", a.positional[1]);
		if (tier < 1 || tier > TIER_COUNT) {
			cli_error(app, "%lld is not a tier (1, 2 or 3)", tier);
			return EX_DATAERR;
		}
	}
	if ((rc = args_whole(app, &a, "hours", &hours, &hours_given)))
		return rc;
	if (hours_given && (rc = args_check_range(app, "hours", hours, 0, 1000, NULL)))
		return rc;
	s = store_intro_tier_set(st, id, (int)tier, args_value(&a, "reason"),
				 hours_given ? (int)hours : -1);
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	if ((s = store_intro_get(st, id, &in)) != STORE_OK)
		return intro_fail(app, st, s);
	msg = cli_printf("%s: tier %d, %d AE hours%s: %s", in.handle, in.tier, in.ae_hours,
		 in.tier_overridden ? " (override)" : "", in.tier_reason);
	return intro_report(app, st, id, msg);
}

/* ---- route -------------------------------------------------------------- */

static const struct args_spec note_options[] = { { "note", 1 }, { NULL, 0 } };

int cmd_route(struct app *app, int argc, char **argv)
{
	struct store_intro in;
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], ae_id[STORE_ID_SIZE], handle[STORE_HANDLE_SIZE];
	char why[STORE_TEXT_SIZE], name[STORE_NAME_SIZE], *msg;
	int rc;

	if (!(st = intro_begin(app, argc, argv, note_options, 2, &a, id, &rc)))
		return rc;
	if ((s = store_intro_get(st, id, &in)) != STORE_OK)
		return intro_fail(app, st, s);
	/* tier 3 is partner-led: zero AE hours, no AE to route to */
	if (in.tier == 3 && a.positional_count == 1) {
		if ((s = store_intro_partner_led(st, id, args_value(&a, "note"))) != STORE_OK)
			return intro_fail(app, st, s);
		msg = cli_printf("%s is partner-led (tier 3: no AE hours)", intro_handle_of(id, handle));
		return intro_report(app, st, id, msg);
	}
	why[0] = '\0';
	if (a.positional_count == 2) {
		if ((s = store_resolve(st, STORE_KIND_AE, a.positional[1], ae_id)) != STORE_OK)
			return intro_fail(app, st, s);
	} else if ((s = store_intro_route_suggest(st, id, ae_id, why, sizeof why)) != STORE_OK) {
		return intro_fail(app, st, s);
	}
	if ((s = store_intro_route(st, id, ae_id, args_value(&a, "note"))) != STORE_OK)
		return intro_fail(app, st, s);
	intro_name_of(st, STORE_KIND_AE, ae_id, name, sizeof name);
	msg = cli_printf("%s routed to %s%s%s", intro_handle_of(id, handle), name,
			 why[0] ? ": " : "", why);
	return intro_report(app, st, id, msg);
}

/* ---- reason codes ------------------------------------------------------- */

static const struct args_spec no_options[] = { { NULL, 0 } };

int cmd_reasons(struct app *app, int argc, char **argv)
{
	struct store_reason_code *codes;
	struct output_value *list;
	enum store_status s;
	struct store *st;
	struct args a;
	size_t n, i;
	int rc, k, only = -1;

	rc = args_parse(app, argc, argv, no_options, 0, 1, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if (a.positional_count == 1) {
		for (k = 0; k < REASON_KIND_COUNT; k++)
			if (!strcmp(a.positional[0], store_reason_kind_name((enum reason_kind)k)))
				only = k;
		if (only < 0)
			return cli_usage_error(app, "unknown kind '%s' (rejection, decline or loss)",
					       a.positional[0]);
	}
	if (!(st = app_store(app, 0, &rc)))
		return rc;
	list = output_array();
	for (k = 0; k < REASON_KIND_COUNT; k++) {
		if (only >= 0 && k != only)
			continue;
		if ((s = store_reason_code_list(st, (enum reason_kind)k, &codes, &n)) != STORE_OK) {
			output_free(list);
			return intro_fail(app, st, s);
		}
		for (i = 0; i < n; i++) {
			struct output_value *o = output_add_object(list, NULL);
			output_add_string(o, "kind", store_reason_kind_name(codes[i].kind));
			output_add_string(o, "code", codes[i].code);
			output_add_string(o, "label", codes[i].label);
		}
		free(codes);
	}
	return cli_emit(app, list);
}

/* ---- nurture, accept, reject, decline ------------------------------------ */

static const struct args_spec reason_options[] = {
	{ "reason", 1 }, { "note", 1 }, { NULL, 0 }
};

/* A step that takes ID and --note: the intro's handle and `what` is said. */
static int note_step(struct app *app, int argc, char **argv, const char *what,
		     enum store_status (*step)(struct store *st, const char *intro,
					       const char *note))
{
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], handle[STORE_HANDLE_SIZE];
	int rc;

	if (!(st = intro_begin(app, argc, argv, note_options, 1, &a, id, &rc)))
		return rc;
	if ((s = step(st, id, args_value(&a, "note"))) != STORE_OK)
		return intro_fail(app, st, s);
	return intro_report(app, st, id, cli_printf("%s %s", intro_handle_of(id, handle), what));
}

/* A step that takes ID, --reason (a reason code, required) and --note. */
static int reason_step(struct app *app, int argc, char **argv, const char *done,
		       enum store_status (*step)(struct store *st, const char *intro,
						 const char *reason, const char *note))
{
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], handle[STORE_HANDLE_SIZE];
	int rc;

	if (!(st = intro_begin(app, argc, argv, reason_options, 1, &a, id, &rc)))
		return rc;
	if ((rc = intro_need(app, &a, "reason")))
		return rc;
	s = step(st, id, args_value(&a, "reason"), args_value(&a, "note"));
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	return intro_report(app, st, id, cli_printf("%s %s (%s)", intro_handle_of(id, handle),
						    done, args_value(&a, "reason")));
}

int cmd_nurture(struct app *app, int argc, char **argv)
{
	return note_step(app, argc, argv, "moved to nurture (no AE hours)", store_intro_nurture);
}

int cmd_accept(struct app *app, int argc, char **argv)
{
	return note_step(app, argc, argv, "accepted", store_intro_accept);
}

int cmd_reject(struct app *app, int argc, char **argv)
{
	return reason_step(app, argc, argv, "rejected", store_intro_reject);
}

int cmd_decline(struct app *app, int argc, char **argv)
{
	return reason_step(app, argc, argv, "declined", store_intro_decline);
}

/* ---- close -------------------------------------------------------------- */

static const struct args_spec close_options[] = {
	{ "acv", 1 }, { "reason", 1 }, { "note", 1 }, { NULL, 0 }
};

int cmd_close(struct app *app, int argc, char **argv)
{
	struct store_intro in;
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], *msg, money[32];
	long long acv = 0;
	int rc, won, acv_given;

	rc = args_parse(app, argc, argv, close_options, 2, 2, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if (!strcmp(a.positional[1], "won"))
		won = 1;
	else if (!strcmp(a.positional[1], "lost"))
		won = 0;
	else
		return cli_usage_error(app, "'%s': say won or lost", a.positional[1]);
	if ((rc = args_dollars(app, &a, "acv", &acv, &acv_given)))
		return rc;
	if (!won && acv_given)
		return cli_usage_error(app, "--acv goes with won, not lost");
	if (won && args_value(&a, "reason"))
		return cli_usage_error(app, "--reason goes with lost (a loss reason code)");
	if (!won && (rc = intro_need(app, &a, "reason")))
		return rc;
	if (!(st = intro_open(app, a.positional[0], id, &rc)))
		return rc;
	s = store_intro_close(st, id, won, acv_given ? acv : 0, args_value(&a, "reason"),
			      args_value(&a, "note"));
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	if ((s = store_intro_get(st, id, &in)) != STORE_OK)
		return intro_fail(app, st, s);
	if (won) {
		if (in.actual_acv >= 0)
			output_format_money(in.actual_acv, money, sizeof money);
		else
			snprintf(money, sizeof money, "unknown ACV");
		msg = cli_printf("%s closed won at %s", in.handle, money);
	} else {
		msg = cli_printf("%s closed lost (%s)", in.handle, in.reason_code);
	}
	return intro_report(app, st, id, msg);
}

/* ---- hours -------------------------------------------------------------- */

static const struct args_spec hours_options[] = {
	{ "ae", 1 }, { "hours", 1 }, { "activity", 1 }, { NULL, 0 }
};

int cmd_hours(struct app *app, int argc, char **argv)
{
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], ae_id[STORE_ID_SIZE], handle[STORE_HANDLE_SIZE];
	char name[STORE_NAME_SIZE], *msg;
	double hours, total = 0;
	int rc, given;

	rc = args_parse(app, argc, argv, hours_options, 1, 1, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if ((rc = intro_need(app, &a, "ae")) || (rc = intro_need(app, &a, "hours")) ||
	    (rc = intro_need(app, &a, "activity")))
		return rc;
	if ((rc = args_decimal(app, &a, "hours", &hours, &given)))
		return rc;
	if (hours <= 0 || hours > 24) {
		cli_error(app, "--hours: %s is outside 0-24 (hours in one entry)",
			  args_value(&a, "hours"));
		return EX_DATAERR;
	}
	if (!(st = intro_open(app, a.positional[0], id, &rc)))
		return rc;
	if ((s = store_resolve(st, STORE_KIND_AE, args_value(&a, "ae"), ae_id)) != STORE_OK)
		return intro_fail(app, st, s);
	s = store_hours_log(st, id, ae_id, hours, args_value(&a, "activity"), 0);
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	if ((s = store_hours_list(st, id, NULL, NULL, &total)) != STORE_OK)
		return intro_fail(app, st, s);
	intro_name_of(st, STORE_KIND_AE, ae_id, name, sizeof name);
	msg = cli_printf("%s: logged %g h for %s (%s); %g h in all",
		 intro_handle_of(id, handle), hours, name, args_value(&a, "activity"), total);
	return intro_report(app, st, id, msg);
}

/* ---- attribute ---------------------------------------------------------- */

static const struct args_spec attribute_options[] = {
	{ "role", 1 }, { "partner", 1 }, { "percent", 1 }, { NULL, 0 }
};

int cmd_attribute(struct app *app, int argc, char **argv)
{
	struct store_attribution roles[ROLE_COUNT];
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], partner_id[STORE_ID_SIZE], handle[STORE_HANDLE_SIZE];
	char name[STORE_NAME_SIZE], why[STORE_TEXT_SIZE], *msg;
	double percent = -1;
	size_t n = 0;
	int rc, role, complete = 0, given;

	rc = args_parse(app, argc, argv, attribute_options, 1, 1, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if ((rc = intro_need(app, &a, "role")) || (rc = intro_need(app, &a, "partner")))
		return rc;
	if ((role = policy_role_from_name(args_value(&a, "role"))) < 0)
		return cli_usage_error(app, "--role: unknown role '%s' (sourcing, selling,"
				       " technical_validation, implementation, influence)",
				       args_value(&a, "role"));
	if ((rc = args_decimal(app, &a, "percent", &percent, &given)))
		return rc;
	if (given && percent > 100) {
		cli_error(app, "--percent: %s is over 100", args_value(&a, "percent"));
		return EX_DATAERR;
	}
	if (!(st = intro_open(app, a.positional[0], id, &rc)))
		return rc;
	s = store_resolve(st, STORE_KIND_PARTNER, args_value(&a, "partner"), partner_id);
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	s = store_attribution_set(st, id, (enum attribution_role)role, partner_id,
				  given ? percent : -1);
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	why[0] = '\0';
	s = store_attribution_list(st, id, roles, &n, &complete, why, sizeof why);
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	intro_name_of(st, STORE_KIND_PARTNER, partner_id, name, sizeof name);
	msg = cli_printf("%s: %s is %s; attribution %s%s%s", intro_handle_of(id, handle),
		 name, policy_role_name((enum attribution_role)role),
		 complete ? "complete" : "incomplete", complete ? "" : ": ", complete ? "" : why);
	return intro_report(app, st, id, msg);
}
