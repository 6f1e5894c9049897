/* cmd_transfer.c - `import` and `export`: CSV in and out of the desk.
 *
 * The store owns the CSV rules (import.h, export.h); this file opens the
 * files, shows progress when a person watches, and reports every bad row.
 * An import is all or nothing: one bad row and the desk is unchanged.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/export.h"
#include "coselldesk/import.h"
#include "handlers.h"
#include "intro_util.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

static const struct args_spec import_options[] = { { "dry-run", 0 }, { NULL, 0 } };
static const struct args_spec export_options[] = { { "output", 1 }, { NULL, 0 } };

static int progress(void *ctx, long rows, long long done, long long total)
{
	(void)ctx;
	if (total > 0)
		fprintf(stderr, "\rimporting: %ld rows (%lld%%)", rows, done * 100 / total);
	else
		fprintf(stderr, "\rimporting: %ld rows", rows);
	return 0;
}

static void import_answer(struct app *app, const struct import_result *r, const char *summary)
{
	struct output_value *obj;

	if (app->format == OUTPUT_TEXT) {
		printf("%s\n", summary);
		return;
	}
	obj = output_object();
	output_add_bool(obj, "dry_run", r->dry_run);
	output_add_bool(obj, "committed", r->committed);
	output_add_int(obj, "rows", r->rows);
	output_add_int(obj, "added", r->added);
	output_add_int(obj, "updated", r->updated);
	output_add_int(obj, "skipped", r->skipped);
	output_add_int(obj, "partners_created", r->partners_created);
	output_add_int(obj, "accounts_created", r->accounts_created);
	output_add_int(obj, "pods_created", r->pods_created);
	output_add_int(obj, "specialists_created", r->specialists_created);
	output_add_int(obj, "warnings", r->warnings);
	output_add_int(obj, "errors", r->errors);
	output_add_string(obj, "summary", summary);
	cli_emit(app, obj);
}

int cmd_import(struct app *app, int argc, char **argv)
{
	struct import_options opt;
	struct import_result r;
	enum store_status s;
	struct store *st;
	struct args a;
	const char *file;
	char summary[512];
	size_t i;
	int rc, kind, tty = isatty(STDERR_FILENO);

	rc = args_parse(app, argc, argv, import_options, 2, 2, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if ((kind = import_kind_from_name(a.positional[0])) < 0)
		return cli_usage_error(app, "unknown kind '%s' (intros, partners, accounts,"
				       " overlaps, aes or outcomes)", a.positional[0]);
	file = a.positional[1];
	if (!(st = app_store(app, 0, &rc)))
		return rc;
	memset(&opt, 0, sizeof opt);
	memset(&r, 0, sizeof r);
	opt.dry_run = args_flag(&a, "dry-run");
	opt.progress = tty ? progress : NULL;
	if (!strcmp(file, "-")) {
		opt.name = "-";
		s = import_csv_stream(st, (enum import_kind)kind, stdin, &opt, &r);
	} else {
		s = import_csv_file(st, (enum import_kind)kind, file, &opt, &r);
	}
	if (tty)
		fputs("\r\033[K", stderr);
	for (i = 0; i < r.message_count; i++) {
		if (r.messages[i].is_error)
			cli_error(app, "%s", r.messages[i].text);
		else
			cli_warn(app, "%s", r.messages[i].text);
	}
	import_result_summary(&r, summary, sizeof summary);
	if (s == STORE_OK) {
		import_answer(app, &r, summary);
		import_result_free(&r);
		return 0;
	}
	if (r.message_count == 0)
		cli_error(app, "%s", store_errmsg(st)[0] ? store_errmsg(st) : store_status_name(s));
	if (s == STORE_INVALID)
		cli_error(app, "%ld error%s: nothing imported", r.errors, r.errors == 1 ? "" : "s");
	import_result_free(&r);
	return store_exit_code(s);
}

int cmd_export(struct app *app, int argc, char **argv)
{
	enum store_status s;
	struct store *st;
	struct args a;
	const char *file;
	FILE *out = stdout;
	long rows = 0;
	int rc, kind, fd;

	rc = args_parse(app, argc, argv, export_options, 1, 1, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if ((kind = export_kind_from_name(a.positional[0])) < 0)
		return cli_usage_error(app, "unknown kind '%s' (intros, partners, accounts,"
				       " overlaps, aes, outcomes or audit)", a.positional[0]);
	if (app->format == OUTPUT_JSON)
		return cli_usage_error(app, "export writes CSV (the importer's format);"
				       " use queue or report for JSON");
	file = args_value(&a, "output");
	if (file && !*file)
		return cli_usage_error(app, "--output: the value is empty");
	if (!(st = app_store(app, 0, &rc)))
		return rc;
	if (file) {
		/* exports hold customer and partner data: private to their owner */
		fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
		if (fd < 0 || !(out = fdopen(fd, "w"))) {
			cli_error(app, "cannot create %s: %s", file, strerror(errno));
			if (fd >= 0)
				close(fd);
			return EX_CANTCREAT;
		}
	}
	s = export_csv(st, (enum export_kind)kind, out, &rows);
	if (file && fclose(out) != 0 && s == STORE_OK) {
		cli_error(app, "%s: %s", file, strerror(errno));
		return EX_IOERR;
	}
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	if (file && app->format == OUTPUT_TEXT)
		printf("%ld %s written to %s\n", rows, rows == 1 ? "row" : "rows", file);
	return 0;
}
