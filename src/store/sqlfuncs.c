/* sqlfuncs.c - the core's scoring rules as SQL functions, so a rescore or a
 * queue flag is computed inside one statement by the very same C code the
 * form and the batch commands use.
 *
 *   pql_score(o, b, i, r, c, s)      the score of six points under the
 *                                    current weights (an error when a point
 *                                    is over its weight); NULL if any is NULL
 *   pql_rescale(points, weights, f)  factor f's points given under `weights`
 *                                    ("25,20,...") rescaled to the current
 *                                    weight: round(points * new / old)
 *   tier_gaming(acv, median)         1 when the claim is flagged by the
 *                                    core tier-gaming check, else 0
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

const char *const store_point_columns[PQL_FACTOR_COUNT] = {
	"p_overlap", "p_budget", "p_icp", "p_relationship", "p_competitive", "p_size",
};

void weights_format(const int w[PQL_FACTOR_COUNT], char *buf, size_t size)
{
	snprintf(buf, size, "%d,%d,%d,%d,%d,%d", w[0], w[1], w[2], w[3], w[4], w[5]);
}

int weights_parse(const char *text, int w[PQL_FACTOR_COUNT])
{
	int i;
	const char *p = text;
	if (!text)
		return -1;
	for (i = 0; i < PQL_FACTOR_COUNT; i++) {
		char *end;
		long v = strtol(p, &end, 10);
		if (end == p || v < 0 || v > 100)
			return -1;
		w[i] = (int)v;
		p = end;
		if (i < PQL_FACTOR_COUNT - 1) {
			if (*p != ',')
				return -1;
			p++;
		}
	}
	return *p == '\0' ? 0 : -1;
}

static void fn_pql_score(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	int points[PQL_FACTOR_COUNT];
	char err[160];
	int i;
	(void)argc;
	for (i = 0; i < PQL_FACTOR_COUNT; i++) {
		if (sqlite3_value_type(argv[i]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
		points[i] = sqlite3_value_int(argv[i]);
	}
	st->progress_done++;
	if (score_validate(&st->policy, points, err, sizeof err) != 0) {
		sqlite3_result_error(ctx, err, -1);
		return;
	}
	sqlite3_result_int(ctx, score_total(points));
}

static void fn_pql_rescale(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	int old_w[PQL_FACTOR_COUNT], f, points, nw;
	double v;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	points = sqlite3_value_int(argv[0]);
	f = sqlite3_value_int(argv[2]);
	if (f < 0 || f >= PQL_FACTOR_COUNT ||
	    weights_parse((const char *)sqlite3_value_text(argv[1]), old_w) != 0) {
		sqlite3_result_error(ctx, "pql_rescale: bad weights or factor", -1);
		return;
	}
	nw = st->policy.weights[f];
	if (old_w[f] <= 0) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	v = floor((double)points * nw / old_w[f] + 0.5);
	if (v < 0)
		v = 0;
	if (v > nw)
		v = nw;
	sqlite3_result_int(ctx, (int)v);
}

static void fn_tier_gaming(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *st = sqlite3_user_data(ctx);
	struct tier_gaming g;
	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL ||
	    sqlite3_value_type(argv[1]) == SQLITE_NULL) {
		sqlite3_result_int(ctx, 0);
		return;
	}
	tier_gaming_check(&st->policy, (long)sqlite3_value_int64(argv[0]),
			  (long)sqlite3_value_int64(argv[1]), 1, &g);
	sqlite3_result_int(ctx, g.flagged);
}

enum store_status sqlfuncs_register(struct store *st)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY;
	if (sqlite3_create_function(st->db, "pql_score", PQL_FACTOR_COUNT, flags, st,
				    fn_pql_score, NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(st->db, "pql_rescale", 3, flags, st, fn_pql_rescale,
				    NULL, NULL) != SQLITE_OK ||
	    sqlite3_create_function(st->db, "tier_gaming", 2, flags, st, fn_tier_gaming,
				    NULL, NULL) != SQLITE_OK)
		return sq_fail(st, "register the scoring functions");
	return STORE_OK;
}
