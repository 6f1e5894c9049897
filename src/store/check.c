/* check.c - `coselldesk check`: is the file sound, is it ours, do the
 * trigger-kept counts and tallies agree with the intros. Reads only. */
#include <stdio.h>
#include <string.h>

#include "store_internal.h"

enum store_status store_check(struct store *st, struct store_check_result *out)
{
	long long app = 0, v = 0;
	enum store_status rc;
	sqlite3_stmt *s;
	int r;

	store_clear_error(st);
	memset(out, 0, sizeof *out);
	s = sq_prepare(st, "PRAGMA quick_check");
	if (!s)
		return sq_last(st);
	r = sq_step(st, s, "quick_check");
	if (r == SQLITE_ROW)
		sq_column_text(s, 0, out->integrity, sizeof out->integrity);
	sq_release(st, s);
	if (r != SQLITE_ROW) {
		/* a damaged file can fail the check itself: report, do not stop */
		snprintf(out->integrity, sizeof out->integrity, "%s", sqlite3_errmsg(st->db));
	}

	s = sq_prepare(st, "PRAGMA foreign_key_check");
	if (!s)
		return sq_last(st);
	while ((r = sq_step(st, s, "foreign_key_check")) == SQLITE_ROW)
		out->foreign_key_errors++;
	sq_release(st, s);
	if (r != SQLITE_DONE)
		out->foreign_key_errors = -1;

	rc = sq_one_int(st, "PRAGMA application_id", NULL, &app);
	if (rc != STORE_OK)
		return rc;
	out->application_id_ok = (unsigned long long)app == STORE_APPLICATION_ID;
	rc = sq_one_int(st, "PRAGMA user_version", NULL, &v);
	if (rc != STORE_OK)
		return rc;
	out->schema_version = (int)v;

	if (out->schema_version >= 2) {
		/* every (state, pod) the counts table or the intros know, compared */
		rc = sq_one_int(st,
			"SELECT count(*) FROM ("
			" SELECT state, pod_id, sum(n) AS n FROM ("
			"  SELECT state, pod_id, n FROM intro_counts"
			"  UNION ALL SELECT state, ifnull(pod_id, ''), -count(*) FROM intros GROUP BY 1, 2)"
			" GROUP BY state, pod_id) WHERE n <> 0", NULL, &v);
		if (rc != STORE_OK)
			return rc;
		out->count_mismatches = (long)v;
	}
	if (out->schema_version >= 3) {
		/* the tallies of v3, each against the intros (rows at zero count
		 * as absent) */
		static const char *const tallies[] = {
			"SELECT count(*) FROM (SELECT state, score, sum(n) AS n FROM ("
			" SELECT state, score, n FROM score_counts"
			" UNION ALL SELECT state, score, -count(*) FROM intros WHERE score IS NOT NULL"
			" GROUP BY 1, 2) GROUP BY 1, 2) WHERE n <> 0",
			"SELECT count(*) FROM (SELECT score, partner_id, sum(n) AS n FROM ("
			" SELECT score, partner_id, n FROM partner_scores"
			" UNION ALL SELECT score, partner_id, -count(*) FROM intros"
			" WHERE score IS NOT NULL GROUP BY 1, 2) GROUP BY 1, 2) WHERE n <> 0",
			"SELECT count(*) FROM (SELECT partner_id, state, sum(n) AS n, sum(acv) AS acv,"
			" sum(cycle) AS cycle FROM ("
			" SELECT partner_id, state, n, acv, cycle FROM partner_counts"
			" UNION ALL SELECT partner_id, state, -count(*), -sum(ifnull(actual_acv, 0)),"
			" -sum(ifnull(closed_at - received_at, 0)) FROM intros GROUP BY 1, 2)"
			" GROUP BY 1, 2) WHERE n <> 0 OR acv <> 0 OR cycle <> 0",
			"SELECT count(*) FROM (SELECT ae_id, state, tier, sum(n) AS n, sum(hours) AS hours"
			" FROM (SELECT ae_id, state, tier, n, hours FROM ae_counts"
			" UNION ALL SELECT ae_id, state, ifnull(tier, 0), -count(*),"
			" -sum(ifnull(ae_hours, 0)) FROM intros WHERE ae_id IS NOT NULL GROUP BY 1, 2, 3)"
			" GROUP BY 1, 2, 3) WHERE n <> 0 OR hours <> 0",
			/* the kept payouts against their sums (stale deals are split
			 * again by the next report) */
			"SELECT count(*) FROM (SELECT partner_id, role, sum(d) AS d, sum(p) AS p FROM ("
			" SELECT partner_id, role, deals AS d, payout AS p FROM payout_tally"
			" UNION ALL SELECT partner_id, role, -count(*), -sum(payout) FROM payouts"
			" GROUP BY 1, 2) GROUP BY 1, 2) WHERE d <> 0 OR p <> 0",
		};
		size_t i;
		for (i = 0; i < sizeof tallies / sizeof tallies[0]; i++) {
			rc = sq_one_int(st, tallies[i], NULL, &v);
			if (rc != STORE_OK)
				return rc;
			out->count_mismatches += (long)v;
		}
	}
	out->ok = strcmp(out->integrity, "ok") == 0 && out->foreign_key_errors == 0 &&
		  out->application_id_ok && out->schema_version == STORE_SCHEMA_VERSION &&
		  out->count_mismatches == 0;
	return STORE_OK;
}
