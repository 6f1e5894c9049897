/* check.c - `coselldesk check`: is the file sound, is it ours, do the
 * trigger-kept counts agree with the intros. Reads only. */
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
	out->ok = strcmp(out->integrity, "ok") == 0 && out->foreign_key_errors == 0 &&
		  out->application_id_ok && out->schema_version == STORE_SCHEMA_VERSION &&
		  out->count_mismatches == 0;
	return STORE_OK;
}
