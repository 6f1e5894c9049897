/* cmd_whatif.c - `pql` and `split`: the desk's rules without a desk.
 *
 * Both read only the policy (the config, else the built-in defaults) and ask
 * the core, so what they print is exactly what the desk would decide.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/attribution.h"
#include "coselldesk/score.h"
#include "coselldesk/tier.h"
#include "handlers.h"
#include "whatif.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- the six factors, shared with `score` ------------------------------ */

int whatif_read_points(struct app *app, const struct args *a, const struct desk_policy *p,
		       int points[PQL_FACTOR_COUNT])
{
	int f, rc;

	for (f = 0; f < PQL_FACTOR_COUNT; f++) {
		const char *name = policy_factor_name((enum pql_factor)f);
		long long v;
		int given;

		if ((rc = args_whole(app, a, name, &v, &given)))
			return rc;
		if (!given)
			return cli_usage_error(app, "missing --%s (points for %s, 0-%d)", name,
					       policy_factor_label((enum pql_factor)f), p->weights[f]);
		if (v < 0 || v > p->weights[f]) {
			/* the factor's own words: "ICP fit: 21 points is over its weight 20" */
			char why[160];

			if (v < INT_MIN || v > INT_MAX)
				snprintf(why, sizeof why, "%s: %lld points is over its weight %d",
					 policy_factor_label((enum pql_factor)f), v, p->weights[f]);
			else
				score_validate_factor(p, (enum pql_factor)f, (int)v, why, sizeof why);
			cli_error(app, "--%s: %s", name, why);
			return EX_DATAERR;
		}
		points[f] = (int)v;
	}
	return 0;
}

const char *whatif_plan_name(enum score_plan plan)
{
	switch (plan) {
	case SCORE_PLAN_NONE:
		return "none";
	case SCORE_PLAN_ANY_ONE:
		return "any_one";
	case SCORE_PLAN_ALL_OF:
		return "all_of";
	case SCORE_PLAN_IMPOSSIBLE:
		return "impossible";
	}
	return "none";
}

void whatif_add_explanation(struct output_value *obj, const struct score_explanation *e)
{
	struct output_value *factors = output_add_array(obj, "factors");
	struct output_value *raise;
	char sentence[256];
	int f;

	for (f = 0; f < PQL_FACTOR_COUNT; f++) {
		const struct score_factor_line *l = &e->lines[f];
		struct output_value *row = output_add_object(factors, NULL);

		output_add_string(row, "factor", policy_factor_name(l->factor));
		output_add_string(row, "label", policy_factor_label(l->factor));
		output_add_int(row, "points", l->points);
		output_add_int(row, "weight", l->weight);
		output_add_real(row, "share_pct", l->share_pct, 1);
		output_add_int(row, "headroom", l->weight - l->points);
	}
	output_add_int(obj, "gap", e->gap > 0 ? e->gap : 0);
	output_add_string(obj, "plan", whatif_plan_name(e->plan));
	raise = output_add_array(obj, "raise");
	for (f = 0; f < e->raise_count; f++) {
		struct output_value *r = output_add_object(raise, NULL);
		output_add_string(r, "factor", policy_factor_name(e->raises[f].factor));
		output_add_int(r, "points", e->raises[f].points);
	}
	score_gap_sentence(e, sentence, sizeof sentence);
	output_add_string(obj, "advice", sentence);
}

/* The factor table of the text form. */
void whatif_print_factors(FILE *f, const struct score_explanation *e)
{
	struct output_value *rows = output_array();
	int i;

	for (i = 0; i < PQL_FACTOR_COUNT; i++) {
		const struct score_factor_line *l = &e->lines[i];
		struct output_value *row = output_add_object(rows, NULL);
		char pts[32], share[32];

		snprintf(pts, sizeof pts, "%d/%d", l->points, l->weight);
		snprintf(share, sizeof share, "%.0f%%", l->share_pct);
		output_add_string(row, "factor", policy_factor_label(l->factor));
		output_add_string(row, "points", pts);
		output_add_string(row, "share", share);
		output_add_string(row, "full points when", policy_factor_rubric(l->factor));
	}
	output_render(f, OUTPUT_TEXT, rows);
	output_free(rows);
}

/* ---- pql ---------------------------------------------------------------- */

static const struct args_spec pql_options[] = {
	{ "overlap", 1 }, { "budget", 1 }, { "icp", 1 }, { "relationship", 1 },
	{ "competitive", 1 }, { "size", 1 }, { "acv", 1 }, { "strategic", 0 },
	{ "threshold", 1 }, { NULL, 0 }
};

static void pql_text(const struct score_explanation *e, const struct tier_result *t,
		     int ae_hours, int acv_given, long long acv)
{
	char sentence[256], money[32];
	int i;

	score_gap_sentence(e, sentence, sizeof sentence);
	printf("PQL score %d/100 against a bar of %d: %s (%s)\n", e->score, e->threshold,
	       e->is_pql ? "a PQL" : "not a PQL", sentence);
	if (acv_given) {
		output_format_money(acv, money, sizeof money);
		printf("Tier %d at expected ACV %s, ", t->tier, money);
	} else {
		printf("Tier %d (no expected ACV given), ", t->tier);
	}
	if (e->is_pql)
		printf("%d AE hours budgeted\n", ae_hours);
	else
		printf("no AE hours (below the bar)\n");
	putchar('\n');
	whatif_print_factors(stdout, e);
	printf("\nTier reasons:\n");
	for (i = 0; i < t->reason_count; i++)
		printf("  %s\n", t->reasons[i]);
}

int cmd_pql(struct app *app, int argc, char **argv)
{
	struct args a;
	const struct desk_policy *p;
	struct score_explanation e;
	struct tier_input in;
	struct tier_result t;
	struct output_value *obj, *reasons;
	int points[PQL_FACTOR_COUNT];
	long long acv = 0, threshold;
	int acv_given, threshold_given, ae_hours, rc, i;

	rc = args_parse(app, argc, argv, pql_options, 0, 0, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	p = app_policy(app, &rc);
	if (!p)
		return rc;
	if ((rc = whatif_read_points(app, &a, p, points)))
		return rc;
	if ((rc = args_dollars(app, &a, "acv", &acv, &acv_given)))
		return rc;
	if ((rc = args_whole(app, &a, "threshold", &threshold, &threshold_given)))
		return rc;
	if (!threshold_given)
		threshold = p->threshold;
	else if ((rc = args_check_range(app, "threshold", threshold, 0, SCORE_MAX, "the bar")))
		return rc;

	score_explain(p, points, (int)threshold, &e);
	memset(&in, 0, sizeof in);
	in.expected_acv = (long)acv;
	in.acv_known = acv_given;
	in.overlap_points = points[PQL_OVERLAP];
	in.strategic = args_flag(&a, "strategic");
	tier_decide(p, &in, &t);
	/* below the bar no AE hours are spent, whatever the tier */
	ae_hours = e.is_pql ? t.ae_hours : 0;

	if (app->format == OUTPUT_TEXT) {
		pql_text(&e, &t, ae_hours, acv_given, acv);
		return 0;
	}
	obj = output_object();
	output_add_int(obj, "score", e.score);
	output_add_int(obj, "threshold", e.threshold);
	output_add_bool(obj, "pql", e.is_pql);
	output_add_int(obj, "tier", t.tier);
	output_add_int(obj, "ae_hours", ae_hours);
	output_add_money_or_null(obj, "acv", acv, acv_given);
	output_add_bool(obj, "strategic", in.strategic);
	{
		struct output_value *pts = output_add_object(obj, "points");
		for (i = 0; i < PQL_FACTOR_COUNT; i++)
			output_add_int(pts, policy_factor_name((enum pql_factor)i), points[i]);
	}
	whatif_add_explanation(obj, &e);
	reasons = output_add_array(obj, "tier_reasons");
	for (i = 0; i < t.reason_count; i++)
		output_add_string(reasons, NULL, t.reasons[i]);
	return cli_emit(app, obj);
}

/* ---- split -------------------------------------------------------------- */

static const struct args_spec split_options[] = {
	{ "amount", 1 }, { "roles", 1 }, { NULL, 0 }
};

static void list_roles(char *buf, size_t size)
{
	size_t used = 0;
	int r;

	buf[0] = '\0';
	for (r = 0; r < ROLE_COUNT && used < size; r++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", r ? ", " : "",
					 policy_role_name((enum attribution_role)r));
}

/* "selling=40,technical_validation=35" -> roles[] and percents[]. */
static int parse_roles(struct app *app, const char *text, enum attribution_role *roles,
		       double *percents, size_t *n, int *with_percents)
{
	char *copy = cli_strdup(text);
	char *item, *save = NULL;
	int with = -1, rc = 0;

	*n = 0;
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '=');
		int role;

		if (eq)
			*eq = '\0';
		if ((role = policy_role_from_name(item)) < 0) {
			char known[128];
			list_roles(known, sizeof known);
			rc = cli_usage_error(app, "--roles: unknown role '%s' (%s)", item, known);
			goto out;
		}
		if (with >= 0 && with != (eq != NULL)) {
			rc = cli_usage_error(app, "--roles: give a percent for every role or for none");
			goto out;
		}
		with = eq != NULL;
		if (*n >= ROLE_COUNT) {
			rc = cli_usage_error(app, "--roles: more than %d roles", ROLE_COUNT);
			goto out;
		}
		if (eq) {
			const char *pct = eq + 1;
			char buf[32];
			size_t len = strlen(pct);

			if (len > 1 && len < sizeof buf && pct[len - 1] == '%') {
				memcpy(buf, pct, len - 1);
				buf[len - 1] = '\0';
				pct = buf;
			}
			if (args_parse_decimal(pct, &percents[*n]) < 0) {
				rc = cli_usage_error(app, "--roles: '%s' is not a percent for %s",
						     eq + 1, item);
				goto out;
			}
		}
		roles[(*n)++] = (enum attribution_role)role;
	}
	if (*n == 0)
		rc = cli_usage_error(app, "--roles: no roles given");
	*with_percents = with == 1;
out:
	free(copy);
	return rc;
}

int cmd_split(struct app *app, int argc, char **argv)
{
	struct args a;
	const struct desk_policy *p;
	enum attribution_role roles[ROLE_COUNT];
	double percents[ROLE_COUNT];
	struct attribution_share shares[ROLE_COUNT];
	struct output_value *list;
	char err[256];
	long long amount;
	size_t n, i;
	int given, with_percents, rc;

	rc = args_parse(app, argc, argv, split_options, 0, 0, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if ((rc = args_dollars(app, &a, "amount", &amount, &given)))
		return rc;
	if (!given)
		return cli_usage_error(app, "missing --amount");
	if (!args_value(&a, "roles"))
		return cli_usage_error(app, "missing --roles");
	if ((rc = parse_roles(app, args_value(&a, "roles"), roles, percents, &n, &with_percents)))
		return rc;
	p = app_policy(app, &rc);
	if (!p)
		return rc;
	if (attribution_split(p, amount, roles, with_percents ? percents : NULL, n, shares,
			      err, sizeof err) < 0) {
		cli_error(app, "%s", err);
		return EX_DATAERR;
	}
	list = output_array();
	for (i = 0; i < n; i++) {
		struct output_value *row = output_add_object(list, NULL);
		output_add_string(row, "role", policy_role_name(shares[i].role));
		output_add_real(row, "percent", shares[i].percent, 2);
		output_add_money(row, "payout", shares[i].payout);
	}
	return cli_emit(app, list);
}
