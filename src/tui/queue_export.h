/* queue_export.h - the queue as it is shown, to a CSV or JSON file.
 *
 * `:export csv|json FILE` in the queue writes every row of the limit in
 * force, in the sort in force, with the columns on screen (their config
 * names, ui.queue_columns, are the CSV header and the JSON keys), not just
 * the rows on screen: the rows are paged through the store's keyset cursor,
 * a page a query, so a million rows cost what a million rows cost and never
 * an OFFSET. Values are data, not decoration: ACV in whole dollars, score
 * and tier as numbers, state by its name, no glyphs; an empty cell (CSV) or
 * null (JSON) where the row has no value.
 *
 * The file holds customer and partner data: it is written 0600 to a
 * temporary file beside FILE and renamed over it at the end, so nobody
 * sees half a file and a stopped export leaves nothing behind.
 * The console runs it as a background job (job.h).
 */
#ifndef COSELLDESK_TUI_QUEUE_EXPORT_H
#define COSELLDESK_TUI_QUEUE_EXPORT_H

#include <stddef.h>

#include "coselldesk/settings.h"
#include "coselldesk/store.h"

#define QUEUE_EXPORT_PATH_MAX 4096 /* longest FILE */
#define QUEUE_EXPORT_PAGE 1000     /* rows a query */

enum queue_export_format {
	QUEUE_EXPORT_CSV,
	QUEUE_EXPORT_JSON
};

/* What to write. */
struct queue_export {
	struct queue_filter filter;    /* the limit in force; its strings must
	                                * live as long as the export runs */
	enum queue_sort sort;          /* the sort column */
	int descending;                /* 1: largest first */
	enum settings_column columns[SETTINGS_COLUMN_COUNT]; /* in screen order */
	int column_count;              /* used entries of columns */
	enum queue_export_format format;
	char path[QUEUE_EXPORT_PATH_MAX]; /* FILE */
	long total;                    /* rows expected, for progress; -1 unknown */
};

/* "csv" or "json" (any case); -1 otherwise. */
int queue_export_format_from_name(const char *name);
/* "csv", "json". */
const char *queue_export_format_name(enum queue_export_format f);

/* Write x->path. now is the clock ages are counted from. progress(ctx,
 * done, total) is called after every page; nonzero stops the export
 * (STORE_INTERRUPTED, nothing written). Returns STORE_OK with the rows
 * written in *rows, or a status with the reason in err (a file problem is
 * STORE_IO: "out.csv: Permission denied"). */
enum store_status queue_export_write(struct store *st, const struct queue_export *x, long long now,
				     store_progress_fn progress, void *ctx, long *rows, char *err,
				     size_t err_size);

#endif
