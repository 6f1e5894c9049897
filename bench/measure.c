/* bench-measure - the figures of the benchmark that run inside one process
 * on the store: imports, reports, the dial, rescoring, and the queue's
 * pages (the store's share of a key).
 *
 *   bench-measure import DB CSV            import CSV into DB (one run)
 *   bench-measure reports DB RUNS          every report and the dashboard set
 *   bench-measure pages DB                 keyset pages in every sort
 *   bench-measure dial DB RUNS             the dial one step up and back
 *   bench-measure rescore DB               new weights, every score again
 *   bench-measure first-page-sql DB [N [QUERY]]
 *                                          the SQL of the console's first page
 *                                          (its home view's limit: QUERY)
 *
 * Each figure is printed as one line: "NAME VALUE" (milliseconds, or rows/s
 * for imports), one line per run; bench/run.sh gathers them. The clock is
 * pinned to the generated desk's "now" (bench/gen.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "coselldesk/import.h"
#include "coselldesk/policy.h"
#include "coselldesk/store.h"

#define BENCH_NOW 1795798800LL

static struct store *st;

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static void must(enum store_status s, const char *what)
{
	if (s != STORE_OK) {
		fprintf(stderr, "bench-measure: %s: %s\n", what, store_errmsg(st));
		exit(70);
	}
}

static void open_desk(const char *path, int cache_mb)
{
	struct store_options opt;
	char err[STORE_MSG_SIZE];

	memset(&opt, 0, sizeof opt);
	opt.cache_mb = cache_mb;
	if (store_open(path, &opt, &st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "bench-measure: %s\n", err);
		exit(74);
	}
	store_set_now(st, BENCH_NOW);
	store_set_actor(st, "bench");
}

static void close_desk(void)
{
	char err[STORE_MSG_SIZE];
	if (store_close(st, err, sizeof err) != STORE_OK) {
		fprintf(stderr, "bench-measure: %s\n", err);
		exit(74);
	}
}

/* ---- import ---- */

static int cmd_import(const char *db, const char *csv)
{
	struct import_result r;
	double t0, ms;

	open_desk(db, 0);
	t0 = now_ms();
	if (import_csv_file(st, IMPORT_INTROS, csv, NULL, &r) != STORE_OK) {
		for (size_t i = 0; i < r.message_count && i < 5; i++)
			fprintf(stderr, "%s\n", r.messages[i].text);
		fprintf(stderr, "bench-measure: import failed: %s\n", store_errmsg(st));
		return 70;
	}
	ms = now_ms() - t0;
	printf("import_rows %ld\nimport_ms %.1f\nimport_rows_per_s %.0f\n", r.added, ms,
	       (double)r.added * 1000.0 / ms);
	import_result_free(&r);
	close_desk();
	return 0;
}

/* ---- reports ---- */

static double time_capacity(void)
{
	struct store_capacity_report r;
	double t0 = now_ms();
	must(store_report_capacity(st, &r), "capacity");
	store_capacity_report_free(&r);
	return now_ms() - t0;
}

static double time_pods(void)
{
	struct store_pod_row *rows;
	size_t n;
	double t0 = now_ms();
	must(store_report_pods(st, &rows, &n), "pods");
	free(rows);
	return now_ms() - t0;
}

static double time_calibration(void)
{
	struct store_calibration_report r;
	double t0 = now_ms();
	must(store_report_calibration(st, &r), "calibration");
	return now_ms() - t0;
}

static double time_partners(void)
{
	struct store_partner_row *rows;
	size_t n;
	double t0 = now_ms();
	must(store_report_partners(st, &rows, &n), "partners");
	free(rows);
	return now_ms() - t0;
}

static double time_attribution(void)
{
	struct store_attribution_row *rows;
	size_t n;
	double t0 = now_ms();
	must(store_report_attribution(st, &rows, &n), "attribution");
	free(rows);
	return now_ms() - t0;
}

/* What the dashboard reads on every load (dashboard_view.c). */
static double time_dashboard(void)
{
	struct store_pod_row *pods;
	struct store_capacity_report cap;
	struct store_calibration_report cal;
	struct store_counts counts;
	size_t n;
	long changed, g, l;
	int bar, own;
	double t0 = now_ms();

	must(store_report_pods(st, &pods, &n), "pods");
	free(pods);
	must(store_report_capacity(st, &cap), "capacity");
	store_capacity_report_free(&cap);
	must(store_report_calibration(st, &cal), "calibration");
	must(store_counts(st, NULL, &counts), "counts");
	must(store_dial_get(st, &bar, &own), "dial");
	if (bar < 100)
		must(store_dial_preview(st, bar + 1, &changed, NULL, &l), "preview");
	if (bar > 0)
		must(store_dial_preview(st, bar - 1, &changed, &g, NULL), "preview");
	return now_ms() - t0;
}

static int cmd_reports(const char *db, int runs)
{
	open_desk(db, 0);
	for (int i = 0; i < runs; i++) {
		printf("report_capacity %.2f\n", time_capacity());
		printf("report_pods %.2f\n", time_pods());
		printf("report_calibration %.2f\n", time_calibration());
		printf("report_partners %.2f\n", time_partners());
		printf("report_attribution %.2f\n", time_attribution());
		printf("dashboard_load %.2f\n", time_dashboard());
	}
	close_desk();
	return 0;
}

/* ---- the queue's pages ---- */

static void filter_open(struct queue_filter *f, const char *query)
{
	memset(f, 0, sizeof *f);
	f->states = STORE_STATES_OPEN;
	f->score_min = f->score_max = -1;
	f->query = query;
}

static int cmd_pages(const char *db)
{
	static struct queue_row rows[64];
	struct queue_filter f;
	struct queue_page pg;
	size_t n;

	open_desk(db, 0);
	for (int s = 0; s < QUEUE_SORT_COUNT; s++)
		for (int d = 0; d < 2; d++) {
			double worst = 0, sum = 0;
			int pages = 0;

			filter_open(&f, NULL);
			memset(&pg, 0, sizeof pg);
			pg.sort = (enum queue_sort)s;
			pg.descending = d;
			pg.limit = 28;
			for (int k = 0; k < 200; k++) {
				double t0 = now_ms(), ms;
				must(store_queue_fetch(st, &f, &pg, rows, 64, &n), "page");
				ms = now_ms() - t0;
				sum += ms;
				if (ms > worst)
					worst = ms;
				pages++;
				if (n < 28)
					break;
				store_queue_cursor_of(&rows[n - 1], &pg.cursor);
			}
			printf("page_%s%s_mean %.3f\npage_%s%s_max %.3f\n", store_queue_sort_name(s),
			       d ? "_desc" : "", sum / pages, store_queue_sort_name(s), d ? "_desc" : "",
			       worst);
		}
	close_desk();
	return 0;
}

/* ---- the dial ---- */

static int cmd_dial(const char *db, int runs)
{
	int bar, own;
	long changed, gained, lost;

	open_desk(db, 0);
	must(store_dial_get(st, &bar, &own), "dial");
	for (int i = 0; i < runs; i++) {
		double t0 = now_ms();
		must(store_dial_set(st, i % 2 ? bar : bar + 1, &changed, &gained, &lost), "dial");
		printf("dial_set %.3f\n", now_ms() - t0);
	}
	close_desk();
	return 0;
}

/* ---- rescoring ---- */

struct rescore_watch {
	double t0, first_chunk;
};

static int on_progress(void *ctx, long done, long total)
{
	struct rescore_watch *w = ctx;
	(void)total;
	if (w->first_chunk < 0 && done >= 50000)
		w->first_chunk = now_ms() - w->t0;
	return 0;
}

/* The weights bench-ref update moves to (see there). */
static int cmd_rescore(const char *db)
{
	static const int weights[PQL_FACTOR_COUNT] = { 30, 20, 15, 15, 10, 10 };
	struct desk_policy pol;
	struct rescore_watch w;
	long changed = 0;
	double ms;

	open_desk(db, 0);
	pol = *store_policy(st);
	memcpy(pol.weights, weights, sizeof weights);
	store_set_policy(st, &pol);
	w.first_chunk = -1;
	w.t0 = now_ms();
	must(store_rescore(st, on_progress, &w, &changed), "rescore");
	ms = now_ms() - w.t0;
	printf("rescore_rows %ld\nrescore_ms %.1f\nrescore_first_chunk_ms %.1f\n", changed, ms,
	       w.first_chunk < 0 ? ms : w.first_chunk);
	close_desk();
	return 0;
}

/* ---- the console's first page, as SQL for the sqlite3 shell ---- */

static int cmd_first_page_sql(const char *db, int limit, const char *query)
{
	static char sql[65536];
	struct queue_filter f;
	struct queue_page pg;

	open_desk(db, 0);
	filter_open(&f, query && *query ? query : NULL);
	/* a limit naming a state replaces the open-queue filter (as the
	 * console's queue does) */
	if (query && strstr(query, "state"))
		f.states = 0;
	memset(&pg, 0, sizeof pg);
	pg.sort = QUEUE_SORT_RECEIVED;
	pg.limit = limit;
	must(store_queue_sql(st, &f, &pg, sql, sizeof sql), "first page");
	printf("%s;\n", sql);
	close_desk();
	return 0;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && !strcmp(argv[1], "import"))
		return cmd_import(argv[2], argv[3]);
	if (argc >= 3 && !strcmp(argv[1], "reports"))
		return cmd_reports(argv[2], argc > 3 ? atoi(argv[3]) : 5);
	if (argc >= 3 && !strcmp(argv[1], "pages"))
		return cmd_pages(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "dial"))
		return cmd_dial(argv[2], argc > 3 ? atoi(argv[3]) : 10);
	if (argc >= 3 && !strcmp(argv[1], "rescore"))
		return cmd_rescore(argv[2]);
	if (argc >= 3 && !strcmp(argv[1], "first-page-sql"))
		return cmd_first_page_sql(argv[2], argc > 3 ? atoi(argv[3]) : 38,
					  argc > 4 ? argv[4] : NULL);
	fputs("usage: bench-measure import DB CSV | reports DB [RUNS] | pages DB | dial DB [RUNS]\n"
	      "       | rescore DB | first-page-sql DB [LIMIT [QUERY]]\n", stderr);
	return 64;
}
