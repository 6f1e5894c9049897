/* cli_output.h - one way for every batch command to print its answer.
 *
 * A command builds its answer as a small tree of values (objects, arrays,
 * strings, numbers, money, times, booleans, null) and hands the root to
 * output_render(), which prints it as text for people, CSV or JSON. So every
 * command speaks all three formats and the formats never drift apart.
 *
 *   text  an array of objects is a table aligned by display width (UTF-8
 *         aware), numbers right-aligned; an object is "label  value" lines;
 *         money "$55,000", times in local time, booleans yes/no, null "-";
 *         control characters are shown as '?', never sent to the terminal.
 *   csv   RFC 4180: a header row of keys, one row per object; nested objects
 *         flatten to "parent.child" columns, arrays of plain values join with
 *         ';', arrays of objects are left to JSON.
 *   json  pretty-printed, valid UTF-8 (bad bytes become U+FFFD), money as
 *         whole-dollar numbers, times as ISO 8601 UTC strings.
 *
 * Implemented in src/cli/output.c. Allocation failure ends the program with
 * exit 71 (batch commands have nothing to roll back at that point).
 */
#ifndef COSELLDESK_CLI_OUTPUT_H
#define COSELLDESK_CLI_OUTPUT_H

#include <stdio.h>

/* What --format chose. */
enum output_format {
	OUTPUT_TEXT,
	OUTPUT_CSV,
	OUTPUT_JSON
};

/* One node of an answer; opaque, built with the functions below. */
struct output_value;

/* "text", "csv", "json" -> the format; -1 when unknown. */
int output_format_from_name(const char *name);

/* A new empty object or array: the root of an answer. */
struct output_value *output_object(void);
struct output_value *output_array(void);

/* Add a member to an object (key required) or an element to an array (key
 * ignored, pass NULL). Each returns the new node. */
struct output_value *output_add_string(struct output_value *parent, const char *key,
				       const char *s);         /* NULL s adds null */
struct output_value *output_add_int(struct output_value *parent, const char *key,
				    long long v);
struct output_value *output_add_money(struct output_value *parent, const char *key,
				      long long dollars);     /* whole dollars */
struct output_value *output_add_real(struct output_value *parent, const char *key,
				     double v, int decimals); /* rounded to decimals,
							       * trailing zeros dropped */
struct output_value *output_add_ratio(struct output_value *parent, const char *key,
				      double v);             /* 0..1: text "41%",
							       * csv/json 0.412 */
struct output_value *output_add_bool(struct output_value *parent, const char *key, int v);
struct output_value *output_add_time(struct output_value *parent, const char *key,
				     long long unix_seconds);
struct output_value *output_add_null(struct output_value *parent, const char *key);

/* The same for a value that may be unknown (no ACV yet, no SLA clock): null
 * when known is 0. */
struct output_value *output_add_int_or_null(struct output_value *parent, const char *key,
					    long long v, int known);
struct output_value *output_add_money_or_null(struct output_value *parent, const char *key,
					      long long dollars, int known);
struct output_value *output_add_real_or_null(struct output_value *parent, const char *key,
					     double v, int decimals, int known);
struct output_value *output_add_ratio_or_null(struct output_value *parent, const char *key,
					      double v, int known);
struct output_value *output_add_time_or_null(struct output_value *parent, const char *key,
					     long long unix_seconds, int known);
struct output_value *output_add_object(struct output_value *parent, const char *key);
struct output_value *output_add_array(struct output_value *parent, const char *key);

/* How many members or elements a container holds. */
int output_count(const struct output_value *container);

/* Print v in fmt to f. Returns 0, or -1 when writing failed (errno set). */
int output_render(FILE *f, enum output_format fmt, const struct output_value *v);

/* Free a tree (NULL is fine). */
void output_free(struct output_value *v);

/* A long list written as it comes (the queue, an export), so a million rows
 * never sit in memory: each row is an object, rendered and freed at once.
 * Text sizes its columns on the first OUTPUT_STREAM_SAMPLE rows and keeps
 * those widths; CSV takes its header from the first row; JSON writes an
 * array. */
#define OUTPUT_STREAM_SAMPLE 200
struct output_stream;

struct output_stream *output_stream_begin(FILE *f, enum output_format fmt);
/* Takes ownership of row. Returns 0, or -1 when writing failed. */
int output_stream_row(struct output_stream *s, struct output_value *row);
/* Flush, close the list and free s. Returns 0, or -1 when writing failed. */
int output_stream_end(struct output_stream *s);

/* Helpers the commands share for their own text lines. */

/* Whole dollars with thousands separators into buf: 55000 -> "$55,000". */
void output_format_money(long long dollars, char *buf, size_t size);

/* A number with thousands separators, decimals dropped when zero:
 * 3120 -> "3,120", 4.1 -> "4.1". */
void output_format_number(double v, int decimals, char *buf, size_t size);

/* A unix time as local "YYYY-MM-DD HH:MM" into buf. */
void output_format_local_time(long long unix_seconds, char *buf, size_t size);

/* Columns a UTF-8 string takes on a terminal (bad bytes count as one). */
int output_display_width(const char *s);

/* Write s to f with control characters and bad UTF-8 shown as '?'. */
void output_write_safe(FILE *f, const char *s);

#endif
