/* cmd_brief.c - `brief`: print, export or edit the brief an AE reads.
 *
 * Editing goes through the config's editor.command, else $VISUAL or $EDITOR,
 * on a private temporary file
 * (mkstemp, 0600), started with execvp and an argv (the variable is split on
 * blanks, never given to a shell). An unchanged file is not a new version; a
 * file that does not parse is kept and its name printed, so no typing is lost.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/brief.h"
#include "coselldesk/settings.h"
#include "coselldesk/store.h"
#include "handlers.h"
#include "intro_util.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define EDITOR_MAX_ARGS 32
#define BRIEF_MAX_BYTES (4 * 1024 * 1024)  /* a brief is text for ten minutes' reading */

static const struct args_spec brief_options[] = {
	{ "edit", 0 }, { "export", 1 }, { "output", 1 }, { NULL, 0 }
};

/* ---- files ------------------------------------------------------------------ */

static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Read a whole file (at most BRIEF_MAX_BYTES) into a new NUL-terminated buffer. */
static char *read_file(const char *path, size_t *len, int *too_big)
{
	char *buf = NULL;
	size_t used = 0, cap = 0;
	int fd = open(path, O_RDONLY);

	*too_big = 0;
	if (fd < 0)
		return NULL;
	for (;;) {
		ssize_t n;
		if (used + 4096 + 1 > cap) {
			cap = cap ? cap * 2 : 8192;
			buf = cli_realloc(buf, cap);
		}
		n = read(fd, buf + used, cap - used - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			close(fd);
			return NULL;
		}
		if (n == 0)
			break;
		used += (size_t)n;
		if (used > BRIEF_MAX_BYTES) {
			*too_big = 1;
			free(buf);
			close(fd);
			return NULL;
		}
	}
	close(fd);
	if (!buf)
		buf = cli_alloc(1);
	buf[used] = '\0';
	*len = used;
	return buf;
}

/* ---- the editor -------------------------------------------------------------- */

/* Run the editor on path and wait. Returns 0, or EX_UNAVAILABLE with a message. */
static int run_editor(struct app *app, const char *path)
{
	const struct desk_settings *settings = app->settings;
	const char *spec = settings && settings->ui.editor_command &&
			   settings->ui.editor_command[0] ? settings->ui.editor_command : NULL;
	char *copy, *argv[EDITOR_MAX_ARGS + 2], *word, *save = NULL;
	struct sigaction ignore, old_int, old_quit;
	int argc = 0, status;
	pid_t pid;

	/* the config's editor.command, else $VISUAL, else $EDITOR, else vi */
	if (!spec)
		spec = getenv("VISUAL");
	if (!spec || !*spec)
		spec = getenv("EDITOR");
	if (!spec || !*spec)
		spec = "vi";
	copy = cli_strdup(spec);
	for (word = strtok_r(copy, " \t", &save); word && argc < EDITOR_MAX_ARGS;
	     word = strtok_r(NULL, " \t", &save))
		argv[argc++] = word;
	if (argc == 0) {
		free(copy);
		cli_error(app, "the editor variable is blank");
		return EX_UNAVAILABLE;
	}
	argv[argc++] = (char *)path;
	argv[argc] = NULL;

	/* like system(): ^C in the editor is the editor's, not ours */
	memset(&ignore, 0, sizeof ignore);
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		execvp(argv[0], argv);
		fprintf(stderr, "%s brief: cannot run the editor '%s': %s\n", app->program, argv[0],
			strerror(errno));
		_exit(127);
	}
	if (pid < 0) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGQUIT, &old_quit, NULL);
		cli_error(app, "cannot start the editor: %s", strerror(errno));
		free(copy);
		return EX_UNAVAILABLE;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
			; /* the child said why */
		else if (WIFEXITED(status))
			cli_error(app, "the editor '%s' exited with status %d: nothing saved", argv[0],
				  WEXITSTATUS(status));
		else
			cli_error(app, "the editor '%s' was killed: nothing saved", argv[0]);
		free(copy);
		return EX_UNAVAILABLE;
	}
	free(copy);
	return 0;
}

static int edit(struct app *app, struct store *st, const char *id, struct brief *b, int version)
{
	const char *tmpdir = getenv("TMPDIR");
	char path[4096], err[256], handle[STORE_HANDLE_SIZE];
	char *before = NULL, *after = NULL;
	size_t before_len = 0, after_len = 0;
	struct brief edited;
	enum store_status s;
	int fd, rc, too_big, new_version = version;

	if (!tmpdir || !*tmpdir)
		tmpdir = "/tmp";
	store_handle_of(STORE_KIND_INTRO, id, handle);
	if (brief_render(b, &before, &before_len) < 0) {
		cli_error(app, "out of memory");
		return EX_OSERR;
	}
	snprintf(path, sizeof path, "%s/coselldesk-%s-XXXXXX.md", tmpdir, handle);
	/* mkstemps creates the file 0600, so a brief is never readable by others */
	if ((fd = mkstemps(path, 3)) < 0) {
		cli_error(app, "cannot create a temporary file in %s: %s", tmpdir, strerror(errno));
		free(before);
		return EX_CANTCREAT;
	}
	if (write_all(fd, before, before_len) < 0 || close(fd) < 0) {
		cli_error(app, "%s: %s", path, strerror(errno));
		unlink(path);
		free(before);
		return EX_IOERR;
	}
	if ((rc = run_editor(app, path))) {
		unlink(path);
		free(before);
		return rc;
	}
	if (!(after = read_file(path, &after_len, &too_big))) {
		if (too_big)
			cli_error(app, "%s: more than %d bytes; your text is kept there", path,
				  BRIEF_MAX_BYTES);
		else
			cli_error(app, "%s: %s", path, strerror(errno));
		free(before);
		return too_big ? EX_DATAERR : EX_IOERR;
	}
	if (after_len == before_len && !memcmp(before, after, before_len)) {
		unlink(path);
		free(before);
		free(after);
		return intro_report(app, st, id, version > 0
			? cli_printf("%s: brief unchanged (version %d kept)", handle, version)
			: cli_printf("%s: brief unchanged (none saved yet)", handle));
	}
	free(before);
	brief_init(&edited);
	if (brief_set_header(&edited, b->handle, b->account, b->partner) < 0 ||
	    brief_parse(after, after_len, &edited, err, sizeof err) < 0) {
		cli_error(app, "%s: %s", path, err);
		cli_error(app, "nothing saved; your text is kept in %s", path);
		brief_free(&edited);
		free(after);
		return EX_DATAERR;
	}
	free(after);
	s = store_brief_save(st, id, &edited, &new_version);
	brief_free(&edited);
	if (s != STORE_OK) {
		rc = intro_fail(app, st, s);
		cli_error(app, "nothing saved; your text is kept in %s", path);
		return rc;
	}
	unlink(path);
	return intro_report(app, st, id, new_version == version
		? cli_printf("%s: brief unchanged (version %d kept)", handle, version)
		: cli_printf("%s: brief saved as version %d", handle, new_version));
}

/* ---- print and export ---------------------------------------------------------- */

static int export_md(struct app *app, const char *file, const struct brief *b)
{
	char *md = NULL;
	size_t len = 0;
	int fd;

	if (brief_render(b, &md, &len) < 0) {
		cli_error(app, "out of memory");
		return EX_OSERR;
	}
	if (!file) {
		cli_put_neutral(md, stdout);  /* names and notes come from partners */
		free(md);
		return 0;
	}
	/* an exported brief holds customer names: private to its owner */
	fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0) {
		cli_error(app, "cannot create %s: %s", file, strerror(errno));
		free(md);
		return EX_CANTCREAT;
	}
	if (write_all(fd, md, len) < 0 || close(fd) < 0) {
		cli_error(app, "%s: %s", file, strerror(errno));
		free(md);
		return EX_IOERR;
	}
	free(md);
	return 0;
}

static int print_brief(struct app *app, const struct brief *b, int version)
{
	struct output_value *obj, *sections;
	int i;

	if (app->format == OUTPUT_TEXT)
		return export_md(app, NULL, b);
	obj = output_object();
	output_add_string(obj, "intro", b->handle);
	output_add_int_or_null(obj, "version", version, version > 0);
	sections = output_add_object(obj, "sections");
	for (i = 0; i < BRIEF_SECTION_COUNT; i++)
		output_add_string(sections, brief_section_name((enum brief_section)i), b->sections[i]);
	return cli_emit(app, obj);
}

int cmd_brief(struct app *app, int argc, char **argv)
{
	struct brief b;
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE];
	const char *format = NULL;
	int rc, version = 0;

	rc = args_parse(app, argc, argv, brief_options, 1, 1, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	format = args_value(&a, "export");
	if (format && strcmp(format, "md"))
		return cli_usage_error(app, "--export: '%s' is not a format (md)", format);
	if (format && args_flag(&a, "edit"))
		return cli_usage_error(app, "--edit and --export go separately");
	if (args_value(&a, "output") && !format)
		return cli_usage_error(app, "--output goes with --export md");
	if (args_value(&a, "output") && !*args_value(&a, "output"))
		return cli_usage_error(app, "--output: the value is empty");
	if (!(st = intro_open(app, a.positional[0], id, &rc)))
		return rc;
	brief_init(&b);
	if ((s = store_brief_get(st, id, &b, &version)) != STORE_OK) {
		brief_free(&b);
		return intro_fail(app, st, s);
	}
	if (args_flag(&a, "edit"))
		rc = edit(app, st, id, &b, version);
	else if (format)
		rc = export_md(app, args_value(&a, "output"), &b);
	else
		rc = print_brief(app, &b, version);
	brief_free(&b);
	return rc;
}
