/* cmd_queue.c - `queue`: the intros, filtered and sorted, page by page.
 *
 * One sort column is the store's keyset order and streams at any size; a
 * second and further columns are applied here, on the matching rows held in
 * memory, before --limit.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/store.h"
#include "handlers.h"
#include "intro_util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#define PAGE_ROWS 500       /* rows asked of the store at a time */
#define MAX_SORT_KEYS 8

static const struct args_spec queue_options[] = {
	{ "state", 1 }, { "pod", 1 }, { "tier", 1 }, { "partner", 1 }, { "owner", 1 },
	{ "ae", 1 }, { "min-score", 1 }, { "max-score", 1 }, { "search", 1 },
	{ "breached", 0 }, { "conflict", 0 }, { "pql", 0 }, { "limit", 1 },
	{ "query", 1 }, { "sort", 1 }, { NULL, 0 }
};

struct sort_key {
	enum queue_sort column;
	int descending;
};

/* ---- options into a filter -------------------------------------------------- */

static int parse_states(struct app *app, const char *text, unsigned *mask)
{
	char *copy = cli_strdup(text), *item, *save = NULL;
	int rc = 0;

	*mask = 0;
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		int s;
		if (!strcmp(item, "open")) {
			*mask |= STORE_STATES_OPEN;
			continue;
		}
		if (!strcmp(item, "all")) {
			*mask = 0;
			break;
		}
		if ((s = domain_state_from_name(item)) < 0) {
			rc = cli_usage_error(app, "--state: unknown state '%s' (new, triaged, scored,"
					     " routed, partner_led, nurture, declined, accepted,"
					     " rejected, won, lost, escalated, open or all)", item);
			break;
		}
		*mask |= STORE_STATE_BIT(s);
	}
	free(copy);
	return rc;
}

static int parse_tiers(struct app *app, const char *text, unsigned *mask)
{
	char *copy = cli_strdup(text), *item, *save = NULL;
	int rc = 0;

	*mask = 0;
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		if (!strcmp(item, "none")) {
			*mask |= 1u;
		} else if (item[0] >= '1' && item[0] <= '3' && item[1] == '\0') {
			*mask |= 1u << (unsigned)(item[0] - '0');
		} else {
			rc = cli_usage_error(app, "--tier: '%s' is not 1, 2, 3 or none", item);
			break;
		}
	}
	free(copy);
	return rc;
}

static int parse_sort(struct app *app, const char *text, struct sort_key *keys, int *n)
{
	char *copy = cli_strdup(text), *item, *save = NULL;
	int rc = 0;

	*n = 0;
	for (item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
		int desc = 0, col;
		if (*item == '-' || *item == '+') {
			desc = *item == '-';
			item++;
		}
		if ((col = store_queue_sort_from_name(item)) < 0) {
			rc = cli_usage_error(app, "--sort: unknown column '%s' (received, sla, score,"
					     " acv, tier, state, partner, account)", item);
			break;
		}
		if (*n >= MAX_SORT_KEYS) {
			rc = cli_usage_error(app, "--sort: more than %d columns", MAX_SORT_KEYS);
			break;
		}
		keys[*n].column = (enum queue_sort)col;
		keys[(*n)++].descending = desc;
	}
	if (!rc && *n == 0)
		rc = cli_usage_error(app, "--sort: no column given");
	free(copy);
	return rc;
}

static int score_option(struct app *app, const struct args *a, const char *name, int *out)
{
	long long v;
	int given, rc;

	*out = -1;
	if ((rc = args_whole(app, a, name, &v, &given)))
		return rc;
	if (given) {
		if ((rc = args_check_range(app, name, v, 0, 100, "a score")))
			return rc;
		*out = (int)v;
	}
	return 0;
}

static int build_filter(struct app *app, const struct args *a, struct queue_filter *f)
{
	int rc;

	memset(f, 0, sizeof *f);
	/* the triage queue: open intros unless --state says otherwise */
	f->states = STORE_STATES_OPEN;
	if (args_value(a, "state") && (rc = parse_states(app, args_value(a, "state"), &f->states)))
		return rc;
	if (args_value(a, "tier") && (rc = parse_tiers(app, args_value(a, "tier"), &f->tiers)))
		return rc;
	if ((rc = score_option(app, a, "min-score", &f->score_min)) ||
	    (rc = score_option(app, a, "max-score", &f->score_max)))
		return rc;
	if (f->score_min >= 0 && f->score_max >= 0 && f->score_min > f->score_max) {
		cli_error(app, "--min-score %d is above --max-score %d", f->score_min, f->score_max);
		return EX_DATAERR;
	}
	f->pod = args_value(a, "pod");
	f->partner = args_value(a, "partner");
	f->owner = args_value(a, "owner");
	if (f->owner && !strcmp(f->owner, "me"))
		f->owner = app->actor;
	f->ae = args_value(a, "ae");
	f->text = args_value(a, "search");
	f->query = args_value(a, "query");
	f->sla_breached = args_flag(a, "breached");
	f->conflict = args_flag(a, "conflict");
	f->gate = args_flag(a, "pql");
	return 0;
}

/* ---- rows into answers ---------------------------------------------------- */

static struct output_value *row_text(const struct queue_row *r, long long now)
{
	struct output_value *o = output_object();
	char age[16], flags[8];
	int n = 0;

	domain_format_age(now - r->received_at, age, sizeof age);
	if (r->sla_breached)
		flags[n++] = '!';
	if (r->conflict)
		flags[n++] = 'C';
	if (r->duplicate)
		flags[n++] = 'D';
	if (r->escalated)
		flags[n++] = 'E';
	if (r->gaming)
		flags[n++] = 'G';
	flags[n] = '\0';
	output_add_string(o, "intro", r->handle);
	output_add_string(o, "age", age);
	output_add_string(o, "partner", r->partner_name);
	output_add_string(o, "account", r->account_name);
	output_add_string(o, "signal", domain_signal_name(r->signal));
	output_add_money_or_null(o, "acv", r->expected_acv, r->expected_acv >= 0);
	output_add_int_or_null(o, "score", r->score, r->score >= 0);
	output_add_string(o, "gate", r->score < 0 ? "-" : r->pql ? "pql" : "below");
	output_add_int_or_null(o, "tier", r->tier, r->tier > 0);
	output_add_string(o, "state", domain_state_name(r->state));
	output_add_string(o, "ae", r->ae_name[0] ? r->ae_name : "-");
	output_add_string(o, "flags", flags);
	return o;
}

static struct output_value *row_data(const struct queue_row *r)
{
	struct output_value *o = output_object();

	output_add_string(o, "intro", r->handle);
	output_add_time(o, "received_at", r->received_at);
	output_add_string(o, "partner", r->partner_name);
	output_add_string(o, "partner_tier", domain_partner_tier_name(r->partner_tier));
	output_add_string(o, "account", r->account_name);
	output_add_string(o, "signal", domain_signal_name(r->signal));
	output_add_money_or_null(o, "expected_acv", r->expected_acv, r->expected_acv >= 0);
	if (r->score >= 0) {
		output_add_int(o, "score", r->score);
		output_add_bool(o, "pql", r->pql);
	} else {
		output_add_null(o, "score");
		output_add_null(o, "pql");
	}
	output_add_int_or_null(o, "tier", r->tier, r->tier > 0);
	output_add_int_or_null(o, "ae_hours", r->ae_hours, r->ae_hours >= 0);
	output_add_string(o, "state", domain_state_name(r->state));
	output_add_string(o, "pod", r->pod_name[0] ? r->pod_name : NULL);
	output_add_string(o, "owner", r->owner_name[0] ? r->owner_name : NULL);
	output_add_string(o, "ae", r->ae_name[0] ? r->ae_name : NULL);
	output_add_time_or_null(o, "sla_due", r->sla_due, r->sla_due != 0);
	output_add_bool(o, "sla_breached", r->sla_breached);
	output_add_bool(o, "conflict", r->conflict);
	output_add_bool(o, "duplicate", r->duplicate);
	output_add_bool(o, "escalated", r->escalated);
	output_add_bool(o, "gaming", r->gaming);
	output_add_time(o, "updated_at", r->updated_at);
	return o;
}

/* ---- the walk ------------------------------------------------------------- */

struct walk {
	struct app *app;
	struct output_stream *out;  /* streaming: rows go straight out */
	struct queue_row *held;     /* sorting here: rows held */
	size_t held_count, held_cap;
	long long now;
	long emitted;
	long limit;                 /* 0: no limit */
	struct queue_row last;      /* the page's last row, for the cursor */
	long page_rows;
	int failed;
};

static void emit(struct walk *w, const struct queue_row *r)
{
	struct output_value *o = w->app->format == OUTPUT_TEXT ? row_text(r, w->now) : row_data(r);

	/* begun on the first row, so a refused filter prints nothing but its error */
	if (!w->out)
		w->out = output_stream_begin(stdout, w->app->format);
	if (output_stream_row(w->out, o) < 0)
		w->failed = 1;
	w->emitted++;
}

static int on_row(void *ctx, const struct queue_row *r)
{
	struct walk *w = ctx;

	w->last = *r;
	w->page_rows++;
	if (w->held_cap) {
		if (w->held_count == w->held_cap) {
			w->held_cap *= 2;
			w->held = cli_realloc(w->held, w->held_cap * sizeof *w->held);
		}
		w->held[w->held_count++] = *r;
		return 0;
	}
	emit(w, r);
	return w->failed || (w->limit && w->emitted >= w->limit);
}

/* qsort() passes no context: the keys of the one sort in progress. */
static const struct sort_key *sort_keys;
static int sort_key_count;

static int compare_key(const struct queue_row *a, const struct queue_row *b, enum queue_sort c)
{
#define CMP(x, y) ((x) < (y) ? -1 : (x) > (y) ? 1 : 0)
	switch (c) {
	case QUEUE_SORT_RECEIVED:
		return CMP(a->received_at, b->received_at);
	case QUEUE_SORT_SLA:
		/* none last ascending, as the store orders it */
		if (!a->sla_due != !b->sla_due)
			return a->sla_due ? -1 : 1;
		return CMP(a->sla_due, b->sla_due);
	case QUEUE_SORT_SCORE:
		return CMP(a->score, b->score);
	case QUEUE_SORT_ACV:
		return CMP(a->expected_acv, b->expected_acv);
	case QUEUE_SORT_TIER:
		return CMP(a->tier, b->tier);
	case QUEUE_SORT_STATE:
		return strcmp(domain_state_name(a->state), domain_state_name(b->state));
	case QUEUE_SORT_PARTNER:
		return strcasecmp(a->partner_name, b->partner_name);
	case QUEUE_SORT_ACCOUNT:
		return strcasecmp(a->account_name, b->account_name);
	case QUEUE_SORT_COUNT:
		break;
	}
	return 0;
#undef CMP
}

static int compare_rows(const void *pa, const void *pb)
{
	const struct queue_row *a = pa, *b = pb;
	int i, c;

	for (i = 0; i < sort_key_count; i++) {
		c = compare_key(a, b, sort_keys[i].column);
		if (c)
			return sort_keys[i].descending ? -c : c;
	}
	return strcmp(a->id, b->id);
}

int cmd_queue(struct app *app, int argc, char **argv)
{
	struct queue_filter filter;
	struct queue_page page;
	struct sort_key keys[MAX_SORT_KEYS];
	struct walk w;
	enum store_status s = STORE_OK;
	struct store *st;
	struct args a;
	long long limit = 0;
	int rc, nkeys = 1, given;
	size_t i;

	rc = args_parse(app, argc, argv, queue_options, 0, 0, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if ((rc = build_filter(app, &a, &filter)))
		return rc;
	keys[0].column = QUEUE_SORT_RECEIVED;
	keys[0].descending = 0;
	if (args_value(&a, "sort") && (rc = parse_sort(app, args_value(&a, "sort"), keys, &nkeys)))
		return rc;
	if ((rc = args_whole(app, &a, "limit", &limit, &given)))
		return rc;
	if (given && (rc = args_check_range(app, "limit", limit, 1, 100000000, NULL)))
		return rc;
	if (!(st = app_store(app, 0, &rc)))
		return rc;

	memset(&w, 0, sizeof w);
	w.app = app;
	w.now = store_now(st);
	if (!w.now)
		w.now = (long long)time(NULL);
	w.limit = nkeys > 1 ? 0 : (long)limit;
	if (nkeys > 1) {
		w.held_cap = 1024;
		w.held = cli_alloc(w.held_cap * sizeof *w.held);
	}

	memset(&page, 0, sizeof page);
	page.sort = keys[0].column;
	page.descending = keys[0].descending;
	page.limit = PAGE_ROWS;
	for (;;) {
		w.page_rows = 0;
		if (w.limit && w.limit - w.emitted < PAGE_ROWS)
			page.limit = (int)(w.limit - w.emitted);
		s = store_queue(st, &filter, &page, on_row, &w);
		if (s != STORE_OK || w.failed || w.page_rows < page.limit ||
		    (w.limit && w.emitted >= w.limit))
			break;
		store_queue_cursor_of(&w.last, &page.cursor);
	}
	if (s == STORE_OK && nkeys > 1) {
		sort_keys = keys;
		sort_key_count = nkeys;
		qsort(w.held, w.held_count, sizeof *w.held, compare_rows);
		for (i = 0; i < w.held_count && !w.failed; i++) {
			if (limit && (long long)i >= limit)
				break;
			emit(&w, &w.held[i]);
		}
	}
	free(w.held);
	if (s != STORE_OK && !w.out)
		return intro_fail(app, st, s);
	if (!w.out)
		w.out = output_stream_begin(stdout, app->format);
	if (output_stream_end(w.out) < 0 || w.failed) {
		cli_error(app, "cannot write the answer: %s", strerror(errno));
		return EX_IOERR;
	}
	return s == STORE_OK ? 0 : intro_fail(app, st, s);
}
