/* import.c - reading a CSV file into the desk, all rows or none.
 *
 * Bytes go to libcsv (strict mode) one physical line at a time: each chunk
 * ends at a CR or LF, so a record can only end at the end of a chunk and the
 * line a record starts on is known exactly, even when quoted fields span
 * lines. Before libcsv sees them, NUL bytes and UTF-16 are refused; libcsv's
 * buffer is capped so a runaway field (a 10 MB cell, an unbalanced quote)
 * stops with a message instead of eating memory.
 *
 * The whole file is one store transaction (store_begin/store_commit: one
 * audit batch). Rows are written as they are read, and writing goes on after
 * a bad row so every bad row is found; at the end anything but a clean run
 * (or a dry run) rolls back.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "import_internal.h"
#include "store_internal.h"   /* bulk_drop, cache_set: large imports */

#define READ_BLOCK (64 * 1024)
#define PROGRESS_EVERY 1000   /* rows between progress calls */

/* ---- messages ------------------------------------------------------- */

static void add_message(struct importer *im, int is_error, long line, const char *text)
{
	struct import_result *res = im->res;

	if (res->message_count == im->messages_cap) {
		size_t cap = im->messages_cap ? im->messages_cap * 2 : 16;
		struct import_message *m = realloc(res->messages, cap * sizeof *m);

		if (!m) {
			im->fatal = STORE_INTERNAL;
			im->stopped = 1;
			return;
		}
		res->messages = m;
		im->messages_cap = cap;
	}
	res->messages[res->message_count].is_error = is_error;
	res->messages[res->message_count].line = line;
	res->messages[res->message_count].text = strdup(text);
	if (!res->messages[res->message_count].text) {
		im->fatal = STORE_INTERNAL;
		im->stopped = 1;
		return;
	}
	res->message_count++;
}

static void vmessage(struct importer *im, int is_error, long line, const char *column,
		     const char *fmt, va_list ap)
{
	char head[600], body[1200], text[1900];

	if (is_error) {
		im->res->errors++;
		if (im->errors_kept >= im->max_messages)
			return;
		im->errors_kept++;
	} else {
		im->res->warnings++;
		if ((long)im->res->warnings > im->max_messages)
			return;
	}
	if (line > 0)
		snprintf(head, sizeof head, "%s:%ld: ", im->name, line);
	else
		snprintf(head, sizeof head, "%s: ", im->name);
	vsnprintf(body, sizeof body, fmt, ap);
	snprintf(text, sizeof text, "%s%s%s%s", head, column ? column : "", column ? ": " : "",
		 body);
	add_message(im, is_error, line, text);
}

void import_error(struct importer *im, long line, const char *column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(im, 1, line, column, fmt, ap);
	va_end(ap);
}

void import_warning(struct importer *im, long line, const char *column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(im, 0, line, column, fmt, ap);
	va_end(ap);
}

/* ---- rows as the handlers see them ------------------------------------ */

int row_has(const struct importer *im, enum import_field f)
{
	return im->map.field_col[f] >= 0;
}

const char *row_column(const struct importer *im, enum import_field f)
{
	int col = im->map.field_col[f];

	if (col >= 0)
		return im->map.names[col];
	for (size_t i = 0; i < im->spec->count; i++)
		if (im->spec->columns[i].field == f)
			return im->spec->columns[i].name;
	return "row";
}

const char *row_get(struct importer *im, const struct import_row *r, enum import_field f)
{
	int col = im->map.field_col[f];
	const char *v;

	if (col < 0 || col >= r->nfields || r->bad[f])
		return NULL;
	v = r->fields[col];
	return *v ? v : NULL;
}

void row_error(struct importer *im, struct import_row *r, enum import_field f,
	       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage(im, 1, r->line, f < F_COUNT ? row_column(im, f) : NULL, fmt, ap);
	va_end(ap);
	if (f < F_COUNT)
		r->bad[f] = 1;
	r->errors++;
}

const char *row_require(struct importer *im, struct import_row *r, enum import_field f)
{
	const char *v = row_get(im, r, f);

	if (!v && f < F_COUNT && !r->bad[f])
		row_error(im, r, f, "missing");
	return v;
}

void row_store_error(struct importer *im, struct import_row *r, enum import_field f,
		     enum store_status rc)
{
	const char *msg = store_errmsg(im->st);
	char shown[STORE_MSG_SIZE + 64];

	value_display(msg && *msg ? msg : store_status_name(rc), shown, sizeof shown);
	switch (rc) {
	case STORE_NOT_FOUND:
	case STORE_AMBIGUOUS:
	case STORE_INVALID:
	case STORE_REFUSED:
		row_error(im, r, f, "%s", shown);
		break;
	default:
		/* the desk itself failed: no point in reading on */
		import_error(im, r->line, NULL, "%s", shown);
		r->errors++;
		if (im->fatal == STORE_OK)
			im->fatal = rc == STORE_OK ? STORE_INTERNAL : rc;
		im->stopped = 1;
	}
}

/* ---- records ---------------------------------------------------------- */

static void record_reset(struct importer *im)
{
	im->nfields = 0;
	im->arena_len = 0;
	im->rec_overflow = 0;
	im->rec_error = 0;
	im->in_record = 0;
}

/* The name of the column a field index falls in, for messages. */
static const char *column_at(const struct importer *im, int index)
{
	if (!im->have_header)
		return "header";
	if (index >= 0 && index < im->map.ncols)
		return im->map.names[index];
	return NULL;
}

static void on_field(void *data, size_t len, void *ctx)
{
	struct importer *im = ctx;
	size_t bad = 0;

	if (im->stopped || im->rec_overflow)
		return;
	if (im->nfields >= IMPORT_MAX_COLUMNS || im->arena_len + len + 1 > IMPORT_RECORD_MAX) {
		im->rec_overflow = 1;
		import_error(im, im->rec_line, NULL,
			     "record too large (more than %d fields or %d bytes)",
			     IMPORT_MAX_COLUMNS, IMPORT_RECORD_MAX);
		return;
	}
	if (im->nfields == im->fields_cap) {
		int cap = im->fields_cap ? im->fields_cap * 2 : 32;
		size_t *o = realloc(im->offsets, (size_t)cap * sizeof *o);

		if (!o)
			goto nomem;
		im->offsets = o;
		im->fields_cap = cap;
	}
	if (im->arena_len + len + 1 > im->arena_cap) {
		size_t cap = im->arena_cap ? im->arena_cap : 4096;
		char *a;

		while (cap < im->arena_len + len + 1)
			cap *= 2;
		a = realloc(im->arena, cap);
		if (!a)
			goto nomem;
		im->arena = a;
		im->arena_cap = cap;
	}
	if (len)
		memcpy(im->arena + im->arena_len, data, len);
	im->arena[im->arena_len + len] = '\0';
	im->offsets[im->nfields] = im->arena_len;
	im->arena_len += len + 1;
	if (!utf8_valid((const unsigned char *)im->arena + im->offsets[im->nfields], len, &bad)) {
		const char *col = column_at(im, im->nfields);

		import_error(im, im->rec_line, col,
			     "not UTF-8 (byte 0x%02x at offset %zu); save the file as UTF-8",
			     (unsigned char)im->arena[im->offsets[im->nfields] + bad], bad);
		im->rec_error = 1;
	}
	im->nfields++;
	return;
nomem:
	im->fatal = STORE_INTERNAL;
	im->stopped = 1;
	import_error(im, im->rec_line, NULL, "out of memory");
}

static int is_trim(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Field pointers into the arena, each trimmed in place. */
static char **record_fields(struct importer *im)
{
	char **f = malloc(((size_t)im->nfields + 1) * sizeof *f);

	if (!f)
		return NULL;
	for (int i = 0; i < im->nfields; i++) {
		char *s = im->arena + im->offsets[i];
		size_t len = strlen(s);

		while (len > 0 && is_trim((unsigned char)s[len - 1]))
			s[--len] = '\0';
		while (is_trim((unsigned char)*s))
			s++;
		f[i] = s;
	}
	f[im->nfields] = NULL;
	return f;
}

static void report_progress(struct importer *im)
{
	if (im->progress && !im->cancelled &&
	    im->progress(im->progress_ctx, im->res->rows, im->bytes_done, im->bytes_total)) {
		im->cancelled = 1;
		im->stopped = 1;
	}
}

static void on_header(struct importer *im, char **fields)
{
	im->have_header = 1;
	if (im->rec_error || im->rec_overflow) {
		im->stopped = 1;   /* a header we cannot read maps nothing */
		return;
	}
	if (header_map_build(im, &im->map, fields, im->nfields) != 0 ||
	    import_rows_check_header(im) != 0)
		im->stopped = 1;
}

static void on_data(struct importer *im, char **fields)
{
	struct import_row row;

	im->res->rows++;
	if (im->rec_error || im->rec_overflow)
		return;
	if (im->nfields != im->map.ncols) {
		import_error(im, im->rec_line, NULL, "%d %s where the header has %d", im->nfields,
			     im->nfields == 1 ? "field" : "fields", im->map.ncols);
		return;
	}
	memset(&row, 0, sizeof row);
	row.line = im->rec_line;
	row.fields = fields;
	row.nfields = im->nfields;
	for (int i = 0; i < im->nfields; i++) {
		int f = im->map.col_field[i];
		size_t len;

		if (f < 0)
			continue;
		len = strlen(fields[i]);
		if (len > im->map.spec[f]->max_len)
			row_error(im, &row, (enum import_field)f, "longer than %zu bytes (%zu)",
				  im->map.spec[f]->max_len, len);
	}
	import_rows_handle(im, &row);
}

static void on_record(int terminator, void *ctx)
{
	struct importer *im = ctx;
	char **fields;

	(void)terminator;
	if (im->stopped) {
		record_reset(im);
		return;
	}
	fields = record_fields(im);
	if (!fields) {
		im->fatal = STORE_INTERNAL;
		im->stopped = 1;
		import_error(im, im->rec_line, NULL, "out of memory");
	} else if (!im->have_header) {
		on_header(im, fields);
	} else {
		on_data(im, fields);
		if (im->res->rows % PROGRESS_EVERY == 0)
			report_progress(im);
	}
	free(fields);
	record_reset(im);
}

/* ---- libcsv ------------------------------------------------------------ */

/* libcsv grows its field buffer through this; refusing past the cap makes
 * csv_parse stop with CSV_ENOMEM, which we report as a field too long. */
static void *capped_realloc(void *p, size_t size)
{
	if (size > IMPORT_FIELD_HARD_MAX)
		return NULL;
	return realloc(p, size);
}

static int parser_start(struct importer *im)
{
	if (csv_init(&im->parser, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return -1;
	csv_set_realloc_func(&im->parser, capped_realloc);
	csv_set_blk_size(&im->parser, 4096);
	im->parser_ready = 1;
	return 0;
}

static void parser_stop(struct importer *im)
{
	if (im->parser_ready)
		csv_free(&im->parser);
	im->parser_ready = 0;
}

/* libcsv refused the byte it stopped at: say why, drop the record and go on
 * at the next line (so later bad rows are reported too). */
static void syntax_error(struct importer *im)
{
	const char *col = column_at(im, im->nfields);
	const char *why = im->parser.quoted
		? "text after a closing quote (a quote inside a quoted field must be doubled)"
		: "a quote inside an unquoted field (quote the whole field and double the quote)";

	import_error(im, im->line, col, "malformed CSV: %s", why);
	if (im->have_header)
		im->res->rows++;
	else
		im->stopped = 1;
	record_reset(im);
	parser_stop(im);
	if (parser_start(im) != 0) {
		im->fatal = STORE_INTERNAL;
		im->stopped = 1;
	}
}

/* One chunk that ends at a line break (or at the end of the data). */
static void feed_segment(struct importer *im, const unsigned char *p, size_t n)
{
	size_t used;

	if (!im->in_record) {
		for (size_t i = 0; i < n; i++) {
			if (!is_trim(p[i])) {
				im->in_record = 1;
				im->rec_line = im->line;
				break;
			}
		}
	}
	used = csv_parse(&im->parser, p, n, on_field, on_record, im);
	if (used < n && !im->stopped) {
		if (csv_error(&im->parser) == CSV_EPARSE) {
			syntax_error(im);
		} else {
			const char *col = column_at(im, im->nfields);

			import_error(im, im->line, col,
				     "field longer than %d bytes (an unbalanced quote?); "
				     "reading stopped here", IMPORT_FIELD_HARD_MAX);
			im->stopped = 1;
		}
	}
}

static void feed(struct importer *im, const unsigned char *buf, size_t len)
{
	size_t start = 0;

	if (!im->started) {
		im->started = 1;
		if (len >= 3 && buf[0] == 0xef && buf[1] == 0xbb && buf[2] == 0xbf) {
			start = 3;  /* UTF-8 byte order mark */
		} else if (len >= 2 && ((buf[0] == 0xff && buf[1] == 0xfe) ||
					(buf[0] == 0xfe && buf[1] == 0xff))) {
			import_error(im, 1, NULL, "UTF-16 text; save the file as UTF-8 (CSV UTF-8)");
			im->stopped = 1;
			return;
		}
	}
	for (size_t i = start; i < len && !im->stopped; i++) {
		unsigned char c = buf[i];

		if (c == '\0') {
			import_error(im, im->line, NULL, "NUL byte: not a text file");
			im->stopped = 1;
			return;
		}
		if (c != '\r' && c != '\n') {
			im->after_cr = 0;
			continue;
		}
		feed_segment(im, buf + start, i + 1 - start);
		start = i + 1;
		if (c == '\r')
			im->line++;
		else if (!im->after_cr)
			im->line++;
		im->after_cr = c == '\r';
	}
	if (start < len && !im->stopped)
		feed_segment(im, buf + start, len - start);
}

static void finish_reading(struct importer *im)
{
	if (im->stopped)
		return;
	if (csv_fini(&im->parser, on_field, on_record, im) != 0 && !im->stopped) {
		import_error(im, im->rec_line, column_at(im, im->nfields),
			     "a quoted field is still open at the end of the file (unbalanced quote)");
		if (im->have_header)
			im->res->rows++;
		record_reset(im);
	}
	if (!im->have_header && !im->stopped)
		import_error(im, 0, NULL, "empty file: no header row");
}

/* ---- the import as a whole -------------------------------------------- */

static void importer_init(struct importer *im, struct store *st, enum import_kind kind,
			  const char *name, const struct import_options *opt,
			  struct import_result *out, char *name_buf, size_t name_size)
{
	memset(out, 0, sizeof *out);
	memset(im, 0, sizeof *im);
	value_display(name, name_buf, name_size);
	im->st = st;
	im->kind = kind;
	im->spec = import_kind_spec(kind);
	im->name = name_buf;
	im->res = out;
	im->max_messages = opt && opt->max_messages > 0 ? opt->max_messages
							 : IMPORT_DEFAULT_MESSAGES;
	im->fatal = STORE_OK;
	im->line = 1;
	im->bytes_total = -1;
	im->progress = opt ? opt->progress : NULL;
	im->progress_ctx = opt ? opt->progress_ctx : NULL;
	out->dry_run = opt ? opt->dry_run != 0 : 0;
	for (int f = 0; f < F_COUNT; f++)
		im->map.field_col[f] = -1;
}

static void importer_free(struct importer *im)
{
	parser_stop(im);
	header_map_free(&im->map);
	free(im->arena);
	free(im->offsets);
	cache_free(&im->partners);
	cache_free(&im->accounts);
	cache_free(&im->pods);
	cache_free(&im->specialists);
	cache_free(&im->aes);
	cache_free(&im->account_pods);
	cache_free(&im->pod_owners);
}

/* A file this large (in rows, guessed from its size) against the desk's
 * intros is cheaper to import with the secondary indexes dropped and built
 * again at the end: one sort per index over the whole table instead of a
 * random insert per row and index. The break-even measured at a million
 * intros is about one new row for eight held (bench/). */
#define REBUILD_MIN_ROWS 50000
#define REBUILD_BYTES_PER_ROW 160
#define REBUILD_DESK_SHARE 8

static enum store_status maybe_drop_indexes(struct importer *im)
{
	struct store_counts c;
	long long rows;

	if (im->kind != IMPORT_INTROS || im->res->dry_run || im->bytes_total <= 0)
		return STORE_OK;
	rows = im->bytes_total / REBUILD_BYTES_PER_ROW;
	if (rows < REBUILD_MIN_ROWS || store_counts(im->st, NULL, &c) != STORE_OK)
		return STORE_OK;
	if (rows * REBUILD_DESK_SHARE < c.total)
		return STORE_OK;
	return bulk_drop(im->st, 1);
}

/* Open the transaction and the parser. */
static enum store_status importer_begin(struct importer *im)
{
	enum store_status rc;

	if (!im->spec) {
		import_error(im, 0, NULL, "unknown import kind");
		return STORE_INVALID;
	}
	if (parser_start(im) != 0) {
		import_error(im, 0, NULL, "out of memory");
		return STORE_INTERNAL;
	}
	/* all or nothing: no savepoint per row (a bad row fails the whole
	 * import anyway, and the rows after it are still read for their errors) */
	rc = store_begin_bulk(im->st);
	/* an import touches index pages all over a large desk: a cache sized
	 * for the job while it runs (DESIGN.md), the configured one after */
	if (rc == STORE_OK && cache_set(im->st, -JOB_CACHE_KIB, &im->cache_before) != STORE_OK)
		im->cache_before = 0;
	if (rc == STORE_OK) {
		rc = maybe_drop_indexes(im);
		if (rc != STORE_OK) {
			char keep[STORE_MSG_SIZE];

			snprintf(keep, sizeof keep, "%s", store_errmsg(im->st));
			store_rollback(im->st);
			store_fail(im->st, rc, "%s", keep);
		}
	}
	if (rc != STORE_OK) {
		char msg[STORE_MSG_SIZE + 16];

		value_display(store_errmsg(im->st), msg, sizeof msg);
		import_error(im, 0, NULL, "%s", msg);
	}
	return rc;
}

/* The configured page cache back. */
static void cache_restore(struct importer *im)
{
	if (im->cache_before)
		cache_set(im->st, im->cache_before, NULL);
	im->cache_before = 0;
}

/* Commit or roll back (with the indexes dropped for a large import built
 * again at the commit), and say what the status is. */
static enum store_status importer_finish(struct importer *im)
{
	struct import_result *res = im->res;
	enum store_status rc;

	report_progress(im);
	if (res->errors > im->errors_kept) {
		char text[200];

		snprintf(text, sizeof text, "%s: and %ld more errors", im->name,
			 res->errors - im->errors_kept);
		add_message(im, 1, 0, text);
	}
	if (im->fatal == STORE_OK && !im->cancelled && res->errors == 0 && !res->dry_run) {
		rc = store_commit(im->st);
		if (rc == STORE_OK) {
			res->committed = 1;
			return STORE_OK;
		}
		{
			char msg[STORE_MSG_SIZE + 16];

			value_display(store_errmsg(im->st), msg, sizeof msg);
			import_error(im, 0, NULL, "%s", msg);
		}
		store_rollback(im->st);
		return rc;
	}
	store_rollback(im->st);
	if (im->fatal != STORE_OK)
		return im->fatal;
	if (im->cancelled) {
		import_error(im, 0, NULL, "interrupted after %ld rows; nothing was imported",
			     res->rows);
		return STORE_INTERRUPTED;
	}
	return res->errors ? STORE_INVALID : STORE_OK;
}

/* Commit or roll back, and say what the status is. */
static enum store_status importer_end(struct importer *im)
{
	enum store_status rc = importer_finish(im);

	cache_restore(im);
	return rc;
}

enum store_status import_csv_buffer(struct store *st, enum import_kind kind, const void *data,
				    size_t len, const struct import_options *opt,
				    struct import_result *out)
{
	struct importer im;
	char name[256];
	enum store_status rc;
	const unsigned char *p = data;

	importer_init(&im, st, kind, opt && opt->name ? opt->name : "-", opt, out, name,
		      sizeof name);
	im.bytes_total = (long long)len;
	rc = importer_begin(&im);
	if (rc != STORE_OK) {
		importer_free(&im);
		return rc;
	}
	/* fed in blocks so progress and cancelling work the same as from a file */
	for (size_t off = 0; off < len && !im.stopped; off += READ_BLOCK) {
		size_t n = len - off < READ_BLOCK ? len - off : READ_BLOCK;

		feed(&im, p + off, n);
		im.bytes_done += (long long)n;
	}
	finish_reading(&im);
	rc = importer_end(&im);
	importer_free(&im);
	return rc;
}

enum store_status import_csv_stream(struct store *st, enum import_kind kind, FILE *in,
				    const struct import_options *opt,
				    struct import_result *out)
{
	struct importer im;
	char name[256];
	enum store_status rc;
	unsigned char *buf;
	struct stat sb;

	importer_init(&im, st, kind, opt && opt->name ? opt->name : "-", opt, out, name,
		      sizeof name);
	if (opt && opt->size_hint > 0)
		im.bytes_total = opt->size_hint;
	else if (fstat(fileno(in), &sb) == 0 && S_ISREG(sb.st_mode))
		im.bytes_total = (long long)sb.st_size;
	buf = malloc(READ_BLOCK);
	if (!buf) {
		import_error(&im, 0, NULL, "out of memory");
		importer_free(&im);
		return STORE_INTERNAL;
	}
	rc = importer_begin(&im);
	if (rc != STORE_OK) {
		free(buf);
		importer_free(&im);
		return rc;
	}
	while (!im.stopped) {
		size_t n = fread(buf, 1, READ_BLOCK, in);

		if (n > 0) {
			feed(&im, buf, n);
			im.bytes_done += (long long)n;
		}
		if (n < READ_BLOCK) {
			if (ferror(in)) {
				import_error(&im, 0, NULL, "read error: %s", strerror(errno));
				if (im.fatal == STORE_OK)
					im.fatal = STORE_IO;
				im.stopped = 1;
			}
			break;
		}
	}
	free(buf);
	finish_reading(&im);
	rc = importer_end(&im);
	importer_free(&im);
	return rc;
}

enum store_status import_csv_file(struct store *st, enum import_kind kind, const char *path,
				  const struct import_options *opt, struct import_result *out)
{
	struct import_options o = opt ? *opt : (struct import_options){ 0 };
	const char *why = NULL;
	struct stat sb;
	enum store_status rc;
	FILE *in;

	if (!o.name)
		o.name = path;
	in = fopen(path, "rb");
	if (!in)
		why = strerror(errno);
	else if (fstat(fileno(in), &sb) != 0)
		why = strerror(errno);
	else if (S_ISDIR(sb.st_mode))
		why = "is a directory";
	if (why) {
		struct importer im;
		char name[256];

		importer_init(&im, st, kind, o.name, &o, out, name, sizeof name);
		import_error(&im, 0, NULL, "cannot read: %s", why);
		importer_free(&im);
		if (in)
			fclose(in);
		return STORE_NO_FILE;
	}
	rc = import_csv_stream(st, kind, in, &o, out);
	fclose(in);
	return rc;
}

void import_result_free(struct import_result *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->message_count; i++)
		free(r->messages[i].text);
	free(r->messages);
	r->messages = NULL;
	r->message_count = 0;
}

/* Append ", N what" to buf when n is not zero. */
static void count_part(char *buf, size_t size, int *first, long n, const char *one,
		       const char *many)
{
	size_t len = strlen(buf);

	if (!n || len >= size)
		return;
	snprintf(buf + len, size - len, "%s%ld %s", *first ? "" : ", ", n, n == 1 ? one : many);
	*first = 0;
}

void import_result_summary(const struct import_result *r, char *buf, size_t size)
{
	int first = 1;
	size_t len;

	if (!buf || size == 0)
		return;
	snprintf(buf, size, "%s%ld %s: %ld added", r->dry_run ? "dry run: " : "", r->rows,
		 r->rows == 1 ? "row" : "rows", r->added);
	first = 0;
	count_part(buf, size, &first, r->updated, "updated", "updated");
	count_part(buf, size, &first, r->skipped, "already present", "already present");
	len = strlen(buf);
	if (r->partners_created || r->accounts_created || r->pods_created ||
	    r->specialists_created) {
		first = 1;
		snprintf(buf + len, size - len, "; created ");
		count_part(buf, size, &first, r->partners_created, "partner", "partners");
		count_part(buf, size, &first, r->accounts_created, "account", "accounts");
		count_part(buf, size, &first, r->pods_created, "pod", "pods");
		count_part(buf, size, &first, r->specialists_created, "specialist", "specialists");
	}
	first = 0;
	if (r->errors) {
		len = strlen(buf);
		snprintf(buf + len, size - len, "; %ld %s, nothing imported", r->errors,
			 r->errors == 1 ? "error" : "errors");
	} else if (r->dry_run) {
		len = strlen(buf);
		snprintf(buf + len, size - len, "; nothing written");
	}
	if (r->warnings) {
		len = strlen(buf);
		snprintf(buf + len, size - len, "; %ld %s", r->warnings,
			 r->warnings == 1 ? "warning" : "warnings");
	}
}
