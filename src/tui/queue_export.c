/* queue_export.c - the queue to a CSV or JSON file, a page a query. */
#include "queue_export.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "queue_format.h"

int queue_export_format_from_name(const char *name)
{
	if (!name)
		return -1;
	if (!strcasecmp(name, "csv"))
		return QUEUE_EXPORT_CSV;
	if (!strcasecmp(name, "json"))
		return QUEUE_EXPORT_JSON;
	return -1;
}

const char *queue_export_format_name(enum queue_export_format f)
{
	return f == QUEUE_EXPORT_JSON ? "json" : "csv";
}

/* RFC 4180 as the batch export writes it: quoted when it holds a comma, a
 * quote, a line break or blanks at either end (a CSV reader may trim
 * those); quotes doubled. */
static void put_csv(FILE *f, const char *text)
{
	size_t n = strlen(text);
	bool quote = strpbrk(text, ",\"\r\n") != NULL ||
		     (n > 0 && (text[0] == ' ' || text[0] == '\t' || text[n - 1] == ' ' ||
				text[n - 1] == '\t'));
	const char *p;

	if (!quote) {
		fputs(text, f);
		return;
	}
	fputc('"', f);
	for (p = text; *p; p++) {
		if (*p == '"')
			fputc('"', f);
		fputc(*p, f);
	}
	fputc('"', f);
}

/* A JSON string: quote, backslash and control characters escaped; UTF-8
 * passes as it is (the importer only lets valid UTF-8 in). */
static void put_json_string(FILE *f, const char *text)
{
	const unsigned char *p;

	fputc('"', f);
	for (p = (const unsigned char *)text; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", f); break;
		case '\\': fputs("\\\\", f); break;
		case '\n': fputs("\\n", f); break;
		case '\r': fputs("\\r", f); break;
		case '\t': fputs("\\t", f); break;
		default:
			if (*p < 0x20)
				fprintf(f, "\\u%04x", *p);
			else
				fputc(*p, f);
		}
	}
	fputc('"', f);
}

struct writer {
	FILE *f;
	const struct queue_export *x;
	long long now;
	long rows;                   /* written so far */
	struct queue_cursor last;    /* the last row written: the next page starts after it */
	long in_page;                /* rows of the current page */
};

static int write_row(void *ctx, const struct queue_row *r)
{
	struct writer *w = ctx;
	int i;

	if (w->x->format == QUEUE_EXPORT_JSON)
		fputs(w->rows ? ",\n  {" : "\n  {", w->f);
	for (i = 0; i < w->x->column_count; i++) {
		enum settings_column c = w->x->columns[i];
		char value[STORE_NAME_SIZE + 8];
		bool number, null;

		queue_format_value(r, c, w->now, value, sizeof(value), &number, &null);
		if (w->x->format == QUEUE_EXPORT_CSV) {
			if (i)
				fputc(',', w->f);
			if (!null)
				put_csv(w->f, value);
			continue;
		}
		if (i)
			fputs(", ", w->f);
		put_json_string(w->f, settings_column_name(c) ? settings_column_name(c) : "?");
		fputs(": ", w->f);
		if (null)
			fputs("null", w->f);
		else if (number)
			fputs(value, w->f);
		else
			put_json_string(w->f, value);
	}
	fputs(w->x->format == QUEUE_EXPORT_JSON ? "}" : "\n", w->f);
	store_queue_cursor_of(r, &w->last);
	w->rows++;
	w->in_page++;
	return 0;
}

static void write_header(struct writer *w)
{
	int i;

	if (w->x->format == QUEUE_EXPORT_JSON) {
		fputc('[', w->f);
		return;
	}
	for (i = 0; i < w->x->column_count; i++) {
		const char *name = settings_column_name(w->x->columns[i]);

		if (i)
			fputc(',', w->f);
		put_csv(w->f, name ? name : "?");
	}
	fputc('\n', w->f);
}

enum store_status queue_export_write(struct store *st, const struct queue_export *x, long long now,
				     store_progress_fn progress, void *ctx, long *rows, char *err,
				     size_t err_size)
{
	char tmp[QUEUE_EXPORT_PATH_MAX + 16];
	struct writer w;
	struct queue_page page;
	enum store_status rc = STORE_OK;
	int fd;

	*rows = 0;
	err[0] = '\0';
	if (snprintf(tmp, sizeof(tmp), "%s.XXXXXX", x->path) >= (int)sizeof(tmp)) {
		snprintf(err, err_size, "%.200s...: the file name is too long", x->path);
		return STORE_INVALID;
	}
	/* mkstemp creates the file 0600: the rename keeps that mode */
	fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, err_size, "%s: %s", x->path, strerror(errno));
		return STORE_IO;
	}
	memset(&w, 0, sizeof(w));
	w.x = x;
	w.now = now;
	w.f = fdopen(fd, "w");
	if (!w.f) {
		snprintf(err, err_size, "%s: %s", x->path, strerror(errno));
		close(fd);
		unlink(tmp);
		return STORE_IO;
	}
	write_header(&w);
	memset(&page, 0, sizeof(page));
	page.sort = x->sort;
	page.descending = x->descending;
	page.limit = QUEUE_EXPORT_PAGE;
	for (;;) {
		w.in_page = 0;
		rc = store_queue(st, &x->filter, &page, write_row, &w);
		if (rc != STORE_OK) {
			snprintf(err, err_size, "%s", store_errmsg(st));
			break;
		}
		if (progress && progress(ctx, w.rows, x->total)) {
			rc = STORE_INTERRUPTED;
			snprintf(err, err_size, "stopped");
			break;
		}
		if (w.in_page < QUEUE_EXPORT_PAGE)
			break;
		page.cursor = w.last;
	}
	if (rc == STORE_OK && x->format == QUEUE_EXPORT_JSON)
		fputs(w.rows ? "\n]\n" : "]\n", w.f);
	if (rc == STORE_OK && (fflush(w.f) != 0 || ferror(w.f) || fsync(fileno(w.f)) != 0)) {
		snprintf(err, err_size, "%s: %s", x->path, strerror(errno));
		rc = STORE_IO;
	}
	if (fclose(w.f) != 0 && rc == STORE_OK) {
		snprintf(err, err_size, "%s: %s", x->path, strerror(errno));
		rc = STORE_IO;
	}
	if (rc == STORE_OK && rename(tmp, x->path) != 0) {
		snprintf(err, err_size, "%s: %s", x->path, strerror(errno));
		rc = STORE_IO;
	}
	if (rc != STORE_OK) {
		unlink(tmp);
		return rc;
	}
	*rows = w.rows;
	return STORE_OK;
}
