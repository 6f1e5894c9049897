/* cmd_report.c - `report capacity|pods|calibration|partners|attribution`.
 *
 * Capacity doubles as a what-if: every flag overrides what the desk holds,
 * and without a desk the flags and the policy defaults are enough.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/capacity.h"
#include "coselldesk/store.h"
#include "handlers.h"
#include "intro_util.h"

#include <stdlib.h>
#include <string.h>

/* Blended AE hours per deal of DOMAIN.md's sensitivity line: no desk,
 * partial desk, full desk. Reference scenarios, not policy. */
static const struct {
	double hours;
	const char *label;
} sensitivity[] = {
	{ 14, "no desk" },
	{ 8, "partial desk" },
	{ 4.1, "full desk" },
};

static const struct args_spec capacity_options[] = {
	{ "aes", 1 }, { "hours", 1 }, { "weeks", 1 }, { "share", 1 },
	{ "tier1", 1 }, { "tier2", 1 }, { "tier3", 1 }, { NULL, 0 }
};

static const struct args_spec no_options[] = { { NULL, 0 } };

/* What the capacity model is fed, and where each figure came from. */
struct capacity_inputs {
	long long aes;
	double hours_per_week;
	long long weeks;
	double share;
	long long deals[TIER_COUNT];
};

static int read_capacity_flags(struct app *app, const struct args *a,
			       struct capacity_inputs *in, int given[7])
{
	static const char *const tier_flag[TIER_COUNT] = { "tier1", "tier2", "tier3" };
	int rc, t;

	if ((rc = args_whole(app, a, "aes", &in->aes, &given[0])) ||
	    (rc = args_decimal(app, a, "hours", &in->hours_per_week, &given[1])) ||
	    (rc = args_whole(app, a, "weeks", &in->weeks, &given[2])) ||
	    (rc = args_share(app, a, "share", &in->share, &given[3])))
		return rc;
	if (given[0] && (rc = args_check_range(app, "aes", in->aes, 0, 1000000, NULL)))
		return rc;
	if (given[1] && in->hours_per_week > 168) {
		cli_error(app, "--hours: %g is more than the hours in a week", in->hours_per_week);
		return EX_DATAERR;
	}
	if (given[2] && (rc = args_check_range(app, "weeks", in->weeks, 1, 53, NULL)))
		return rc;
	for (t = 0; t < TIER_COUNT; t++) {
		if ((rc = args_whole(app, a, tier_flag[t], &in->deals[t], &given[4 + t])))
			return rc;
		if (given[4 + t] &&
		    (rc = args_check_range(app, tier_flag[t], in->deals[t], 0, 100000000, NULL)))
			return rc;
	}
	return 0;
}

/* "severely_constrained" -> "severely constrained", for people. */
static const char *state_label(enum capacity_state st, char *buf, size_t size)
{
	char *p;

	snprintf(buf, size, "%s", policy_capacity_state_name(st));
	for (p = buf; *p; p++)
		if (*p == '_')
			*p = ' ';
	return buf;
}

static void capacity_text(const struct desk_policy *p, const struct capacity_inputs *in,
			  const struct capacity_result *r, int threshold,
			  const struct store_capacity_report *desk)
{
	char selling[32], avail[32], req[32], n[32], h[32], label[32];
	int t;
	size_t i;

	output_format_number((double)in->aes * in->hours_per_week * (double)in->weeks, 1,
			     selling, sizeof selling);
	output_format_number(r->available, 1, avail, sizeof avail);
	output_format_number(r->required, 1, req, sizeof req);
	output_format_number(in->hours_per_week, 2, h, sizeof h);
	output_format_number((double)in->aes, 0, n, sizeof n);
	printf("Available    %s AEs x %s h x %lld weeks = %s selling hours; x %g%% co-sell = %s h\n",
	       n, h, in->weeks, selling, in->share * 100, avail);
	printf("Required    ");
	for (t = 0; t < TIER_COUNT; t++) {
		output_format_number((double)in->deals[t] * p->hours[t].preset, 1, h, sizeof h);
		output_format_number((double)in->deals[t], 0, n, sizeof n);
		printf(" %s tier %d x %d h = %s%s", n, t + 1, p->hours[t].preset, h,
		       t + 1 < TIER_COUNT ? "," : ":");
	}
	printf(" %s h\n", req);
	if (r->utilization_known)
		printf("Utilization  %.0f%% (%s / %s): %s\n", r->utilization * 100, req, avail,
		       state_label(r->state, label, sizeof label));
	else
		printf("Utilization  no hours available: %s\n",
		       state_label(r->state, label, sizeof label));
	printf("Dial         band %d-%d, recommended bar %d (the bar is %d)\n", r->band.low,
	       r->band.high, r->recommended_threshold, threshold);
	printf("Sensitivity  %s h absorb", avail);
	for (i = 0; i < sizeof sensitivity / sizeof sensitivity[0]; i++) {
		output_format_number((double)capacity_deals_absorbed(r->available,
								     sensitivity[i].hours),
				     0, n, sizeof n);
		printf("%s %s deals at %g h/deal (%s)", i ? "," : "", n, sensitivity[i].hours,
		       sensitivity[i].label);
	}
	printf("\n");
	if (desk && desk->ae_count > 0) {
		struct output_value *rows = output_array();
		for (i = 0; i < desk->ae_count; i++) {
			const struct store_capacity_ae *ae = &desk->per_ae[i];
			struct output_value *row = output_add_object(rows, NULL);
			output_add_string(row, "ae", ae->name);
			output_add_string(row, "pod", ae->pod_name);
			output_add_real(row, "weekly_hours", ae->selling_hours, 1);
			output_add_int(row, "tier1", ae->deals[0]);
			output_add_int(row, "tier2", ae->deals[1]);
			output_add_int(row, "tier3", ae->deals[2]);
			output_add_real(row, "budget_hours", ae->budget_hours, 1);
		}
		printf("\n");
		output_render(stdout, OUTPUT_TEXT, rows);
		output_free(rows);
	}
}

static int report_capacity(struct app *app, int argc, char **argv)
{
	struct args a;
	struct capacity_inputs in;
	struct store_capacity_report desk;
	struct capacity_result r;
	struct output_value *obj, *deals, *hours, *band, *sens;
	const struct desk_policy *p;
	struct store *st = NULL;
	int given[7] = { 0 }, rc, t, threshold, all_given = 1, have_desk = 0;
	size_t i;

	rc = args_parse(app, argc, argv, capacity_options, 0, 0, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	memset(&in, 0, sizeof in);
	memset(&desk, 0, sizeof desk);
	if ((rc = read_capacity_flags(app, &a, &in, given)))
		return rc;
	p = app_policy(app, &rc);
	if (!p)
		return rc;
	threshold = p->threshold;
	for (t = 0; t < 7; t++)
		all_given &= given[t];
	/* the desk fills what the flags leave out, when there is one */
	if (!all_given && app_desk_exists(app)) {
		enum store_status s;

		if (!(st = app_store(app, 0, &rc)))
			return rc;
		if ((s = store_report_capacity(st, &desk)) != STORE_OK)
			return intro_fail(app, st, s);
		have_desk = 1;
		threshold = desk.threshold;
	}
	if (!given[0]) {
		if (!have_desk)
			return cli_usage_error(app, "missing --aes (there is no desk at %s to count them)",
					       app->db_path);
		in.aes = desk.aes;
	}
	if (!given[1])
		in.hours_per_week = have_desk && desk.aes > 0 && !given[0]
			? desk.weekly_hours / (double)desk.aes : p->selling_hours_per_week;
	if (!given[2])
		in.weeks = p->weeks_per_quarter;
	if (!given[3])
		in.share = p->cosell_share;
	for (t = 0; t < TIER_COUNT; t++)
		if (!given[4 + t])
			in.deals[t] = have_desk ? desk.deals[t] : 0;

	{
		long deal_counts[TIER_COUNT];
		for (t = 0; t < TIER_COUNT; t++)
			deal_counts[t] = (long)in.deals[t];
		capacity_assess(p, capacity_available((double)in.aes, in.hours_per_week,
						      (int)in.weeks, in.share),
				capacity_required(p, deal_counts), &r);
	}

	if (app->format == OUTPUT_TEXT) {
		capacity_text(p, &in, &r, threshold, have_desk && !given[0] ? &desk : NULL);
		if (have_desk)
			store_capacity_report_free(&desk);
		return 0;
	}
	obj = output_object();
	output_add_int(obj, "aes", in.aes);
	output_add_real(obj, "hours_per_week", in.hours_per_week, 2);
	output_add_int(obj, "weeks", in.weeks);
	output_add_real(obj, "share", in.share, 4);
	output_add_real(obj, "selling_hours",
			(double)in.aes * in.hours_per_week * (double)in.weeks, 2);
	output_add_real(obj, "available_hours", r.available, 2);
	deals = output_add_object(obj, "deals");
	hours = output_add_object(obj, "hours_per_deal");
	for (t = 0; t < TIER_COUNT; t++) {
		char key[16];
		snprintf(key, sizeof key, "tier%d", t + 1);
		output_add_int(deals, key, in.deals[t]);
		output_add_int(hours, key, p->hours[t].preset);
	}
	output_add_real(obj, "required_hours", r.required, 2);
	output_add_real_or_null(obj, "utilization", r.utilization, 4, r.utilization_known);
	output_add_string(obj, "state", policy_capacity_state_name(r.state));
	band = output_add_array(obj, "band");
	output_add_int(band, NULL, r.band.low);
	output_add_int(band, NULL, r.band.high);
	output_add_int(obj, "recommended_threshold", r.recommended_threshold);
	output_add_int(obj, "threshold", threshold);
	sens = output_add_array(obj, "sensitivity");
	for (i = 0; i < sizeof sensitivity / sizeof sensitivity[0]; i++) {
		struct output_value *row = output_add_object(sens, NULL);
		output_add_real(row, "hours_per_deal", sensitivity[i].hours, 2);
		output_add_string(row, "scenario", sensitivity[i].label);
		output_add_int(row, "deals", capacity_deals_absorbed(r.available,
								    sensitivity[i].hours));
	}
	if (have_desk)
		store_capacity_report_free(&desk);
	return cli_emit(app, obj);
}

/* ---- reports that need the desk ----------------------------------------- */

static struct store *open_desk(struct app *app, int argc, char **argv, int *rc)
{
	struct args a;
	struct store *st;

	*rc = args_parse(app, argc, argv, no_options, 0, 0, &a);
	if (*rc) {
		if (*rc == ARGS_HELP_SHOWN)
			*rc = 0;
		return NULL;
	}
	st = app_store(app, 0, rc);
	return st;
}

static void add_rate(struct output_value *obj, const char *key, double rate)
{
	if (rate < 0)
		output_add_null(obj, key);
	else
		output_add_ratio(obj, key, rate);
}

static int report_pods(struct app *app, int argc, char **argv)
{
	struct store_pod_row *rows = NULL;
	struct output_value *list;
	enum store_status s;
	struct store *st;
	size_t n = 0, i;
	int rc;

	if (!(st = open_desk(app, argc, argv, &rc)))
		return rc;
	if ((s = store_report_pods(st, &rows, &n)) != STORE_OK)
		return intro_fail(app, st, s);
	list = output_array();
	for (i = 0; i < n; i++) {
		struct output_value *o = output_add_object(list, NULL);
		output_add_string(o, "pod", rows[i].name);
		output_add_int(o, "open", rows[i].open);
		output_add_int(o, "new", rows[i].new_count);
		output_add_int(o, "sla_breaches", rows[i].sla_breaches);
		output_add_time_or_null(o, "oldest", rows[i].oldest_received,
					rows[i].oldest_received != 0);
		output_add_int(o, "awaiting_acceptance", rows[i].awaiting_acceptance);
		output_add_int(o, "aes", rows[i].aes);
		output_add_int(o, "specialists", rows[i].specialists);
		output_add_real(o, "aes_per_specialist", rows[i].desk_to_ae, 1);
		add_rate(o, "acceptance_rate", rows[i].acceptance_rate);
	}
	free(rows);
	return cli_emit(app, list);
}

static int report_calibration(struct app *app, int argc, char **argv)
{
	struct store_calibration_report r;
	struct output_value *obj, *bands;
	enum store_status s;
	struct store *st;
	int rc, i;

	if (!(st = open_desk(app, argc, argv, &rc)))
		return rc;
	if ((s = store_report_calibration(st, &r)) != STORE_OK)
		return intro_fail(app, st, s);
	obj = output_object();
	output_add_int(obj, "threshold", r.threshold);
	output_add_string(obj, "verdict", calibration_verdict_name(r.verdict));
	output_add_string(obj, "why", r.why);
	bands = output_add_array(obj, "bands");
	for (i = 0; i < r.bands.band_count; i++) {
		const struct calibration_band *b = &r.bands.bands[i];
		struct output_value *o = output_add_object(bands, NULL);
		output_add_string(o, "band", b->label);
		output_add_int(o, "low", b->low);
		output_add_int(o, "high", b->high);
		output_add_int(o, "closed", b->closed);
		output_add_int(o, "won", b->won);
		output_add_ratio_or_null(o, "close_rate", b->rate, b->closed > 0);
	}
	return cli_emit(app, obj);
}

static int report_partners(struct app *app, int argc, char **argv)
{
	struct store_partner_row *rows = NULL;
	struct output_value *list;
	enum store_status s;
	struct store *st;
	size_t n = 0, i;
	int rc;

	if (!(st = open_desk(app, argc, argv, &rc)))
		return rc;
	if ((s = store_report_partners(st, &rows, &n)) != STORE_OK)
		return intro_fail(app, st, s);
	list = output_array();
	for (i = 0; i < n; i++) {
		struct output_value *o = output_add_object(list, NULL);
		output_add_string(o, "partner", rows[i].name);
		output_add_string(o, "tier", domain_partner_tier_name(rows[i].tier));
		output_add_int(o, "intros", rows[i].intros);
		output_add_int(o, "pqls", rows[i].pqls);
		output_add_int(o, "won", rows[i].won);
		output_add_int(o, "lost", rows[i].lost);
		add_rate(o, "win_rate", rows[i].win_rate);
		output_add_money(o, "revenue", rows[i].revenue);
		output_add_money_or_null(o, "median_won_acv", rows[i].median_won_acv,
					 rows[i].median_won_acv >= 0);
		output_add_real_or_null(o, "cycle_days", rows[i].cycle_days, 1,
					rows[i].cycle_days >= 0);
	}
	free(rows);
	return cli_emit(app, list);
}

static int report_attribution(struct app *app, int argc, char **argv)
{
	struct store_attribution_row *rows = NULL;
	struct output_value *list;
	enum store_status s;
	struct store *st;
	size_t n = 0, i;
	int rc;

	if (!(st = open_desk(app, argc, argv, &rc)))
		return rc;
	if ((s = store_report_attribution(st, &rows, &n)) != STORE_OK)
		return intro_fail(app, st, s);
	list = output_array();
	for (i = 0; i < n; i++) {
		struct output_value *o = output_add_object(list, NULL);
		output_add_string(o, "partner", rows[i].name);
		output_add_string(o, "role", policy_role_name(rows[i].role));
		output_add_int(o, "deals", rows[i].deals);
		output_add_money(o, "payout", rows[i].payout);
	}
	free(rows);
	return cli_emit(app, list);
}

int cmd_report(struct app *app, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct app *, int, char **);
	} reports[] = {
		{ "capacity", report_capacity },
		{ "pods", report_pods },
		{ "calibration", report_calibration },
		{ "partners", report_partners },
		{ "attribution", report_attribution },
	};
	size_t i;

	if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		if (argc >= 2) {
			cli_print_command_help(stdout, app->program, cli_command_find("report"));
			return 0;
		}
		return cli_usage_error(app, "which report? capacity, pods, calibration, partners"
				       " or attribution");
	}
	for (i = 0; i < sizeof reports / sizeof reports[0]; i++)
		if (!strcmp(argv[1], reports[i].name))
			return reports[i].run(app, argc - 1, argv + 1);
	return cli_usage_error(app, "unknown report '%s' (capacity, pods, calibration,"
			       " partners or attribution)", argv[1]);
}
