/* conf_source.c - read a config file, expand its @include lines ourselves,
 * hand the text to libconfig and map its line numbers back.
 *
 * libconfig 1.5 resolves every @include against one include directory and
 * cannot take an absolute name once a directory is set; it has no hook to
 * refuse a name either. So includes are expanded here, line for line, before
 * libconfig sees the text: a relative name must stay inside the config's own
 * directory, an absolute one is read as given, a loop or a missing file is
 * named with the line that asked for it. The include line is replaced by the
 * included file's lines, and a table remembers where each line came from.
 * The scanner below follows libconfig's lexer: @include counts only at the
 * start of a line outside strings and comments.
 */
#include "conf_internal.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#ifndef PATH_MAX
#define PATH_MAX 4096
#endif

enum lex_state { LEX_NORMAL, LEX_STRING, LEX_COMMENT };

/* The include chain being read, for loop messages. */
struct include_chain {
	const char *real[CONF_INCLUDE_DEPTH + 1];  /* canonical paths */
	const char *name[CONF_INCLUDE_DEPTH + 1];  /* names as shown */
	int depth;                                 /* entries used */
};

static int append_line(struct conf_source *src, const char *p, size_t n, int file, int line)
{
	if (src->len + n + 2 > CONF_TOTAL_MAX)
		return -1;
	if (src->len + n + 2 > src->cap) {
		size_t cap = src->cap ? src->cap : 4096;
		char *t;

		while (cap < src->len + n + 2)
			cap *= 2;
		if (!(t = realloc(src->text, cap)))
			return -1;
		src->text = t;
		src->cap = cap;
	}
	if (src->line_count == src->line_cap) {
		size_t cap = src->line_cap ? src->line_cap * 2 : 256;
		struct conf_line *l = realloc(src->lines, cap * sizeof *l);

		if (!l)
			return -1;
		src->lines = l;
		src->line_cap = cap;
	}
	memcpy(src->text + src->len, p, n);
	src->len += n;
	src->text[src->len++] = '\n';
	src->text[src->len] = '\0';
	src->lines[src->line_count].file = file;
	src->lines[src->line_count].line = line;
	src->line_count++;
	return 0;
}

static int add_file(struct conf_source *src, const char *name, const char *real)
{
	char **f = realloc(src->files, (src->file_count + 1) * sizeof *f);
	char **r;

	if (!f)
		return -1;
	src->files = f;
	r = realloc(src->real, (src->file_count + 1) * sizeof *r);
	if (!r)
		return -1;
	src->real = r;
	f[src->file_count] = conf_strdup(name);
	r[src->file_count] = real ? conf_strdup(real) : NULL;
	if (!f[src->file_count] || (real && !r[src->file_count])) {
		free(f[src->file_count]);
		free(r[src->file_count]);
		return -1;
	}
	return (int)src->file_count++;
}

/* Move the lexer over one line (without its newline), as libconfig would. */
static enum lex_state lex_line(enum lex_state st, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n) {
		char c = p[i];
		char next = i + 1 < n ? p[i + 1] : '\0';

		if (st == LEX_NORMAL) {
			if (c == '#' || (c == '/' && next == '/'))
				return st;              /* comment to the end of the line */
			if (c == '/' && next == '*') {
				st = LEX_COMMENT;
				i += 2;
				continue;
			}
			if (c == '"')
				st = LEX_STRING;
			i++;
		} else if (st == LEX_STRING) {
			if (c == '\\' && (next == '"' || next == '\\')) {
				i += 2;
				continue;
			}
			if (c == '"')
				st = LEX_NORMAL;
			i++;
		} else {
			if (c == '*' && next == '/') {
				st = LEX_NORMAL;
				i += 2;
				continue;
			}
			i++;
		}
	}
	return st;
}

/* 1 when the line is an @include directive; *at is where its quote opens. */
static int is_include(const char *p, size_t n, size_t *at)
{
	static const char word[] = "@include";
	size_t i = 0, w = sizeof word - 1;

	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (n - i < w || memcmp(p + i, word, w) != 0)
		return 0;
	i += w;
	if (i >= n || (p[i] != ' ' && p[i] != '\t'))
		return 0;
	while (i < n && (p[i] == ' ' || p[i] == '\t'))
		i++;
	if (i >= n || p[i] != '"')
		return 0;
	*at = i;
	return 1;
}

/* Unquote the include name starting at the quote p[at]. Returns 0, or -1
 * with the reason. */
static int include_name(const char *p, size_t n, size_t at, char *name, size_t size,
			const char **why)
{
	size_t i = at + 1, o = 0;

	for (;;) {
		if (i >= n) {
			*why = "the file name of @include needs its closing quote on the same line";
			return -1;
		}
		if (p[i] == '"')
			break;
		if (p[i] == '\\' && i + 1 < n && (p[i + 1] == '\\' || p[i + 1] == '"'))
			i++;
		if (o + 1 >= size) {
			*why = "the file name of @include is too long";
			return -1;
		}
		name[o++] = p[i++];
	}
	name[o] = '\0';
	for (i++; i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'); i++)
		;
	if (i < n && p[i] != '#' && !(p[i] == '/' && i + 1 < n && p[i + 1] == '/')) {
		*why = "@include takes one quoted file name, alone on its line";
		return -1;
	}
	if (o == 0) {
		*why = "@include needs a file name";
		return -1;
	}
	return 0;
}

/* Append text to buf (size bytes, *o used), cutting what does not fit. */
static void append(char *buf, size_t size, size_t *o, const char *text)
{
	size_t n = strlen(text);

	if (*o + 1 >= size)
		return;
	if (n > size - *o - 1)
		n = size - *o - 1;
	memcpy(buf + *o, text, n);
	*o += n;
	buf[*o] = '\0';
}

static int has_dotdot(const char *name)
{
	const char *p = name;

	while (*p) {
		size_t n = strcspn(p, "/");

		if (n == 2 && p[0] == '.' && p[1] == '.')
			return 1;
		p += n;
		while (*p == '/')
			p++;
	}
	return 0;
}

static int line_of_offset(const char *text, size_t off)
{
	int line = 1;

	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			line++;
	return line;
}

/* Read a whole file, at most CONF_FILE_MAX bytes. NULL with errno set, or
 * EFBIG when it is too big. */
static char *read_whole(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;

	if (!f)
		return NULL;
	for (;;) {
		size_t got;

		if (n == cap) {
			char *b;

			if (cap > CONF_FILE_MAX) {
				free(buf);
				fclose(f);
				errno = EFBIG;
				return NULL;
			}
			cap = cap ? cap * 2 : 8192;
			if (!(b = realloc(buf, cap + 1))) {
				free(buf);
				fclose(f);
				errno = ENOMEM;
				return NULL;
			}
			buf = b;
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		int e = errno ? errno : EIO;

		free(buf);
		fclose(f);
		errno = e;
		return NULL;
	}
	fclose(f);
	if (n > CONF_FILE_MAX) {
		free(buf);
		errno = EFBIG;
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* Text that libconfig can take: no NUL byte, valid UTF-8. */
static int check_text(const char *name, const char *text, size_t len,
		      struct settings_errors *errs)
{
	size_t bad;

	if (conf_utf8_valid(text, len, &bad))
		return 0;
	settings_errors_add(errs, name, line_of_offset(text, bad),
			    "write the file as UTF-8 text",
			    text[bad] == '\0' ? "NUL byte in the file" : "invalid UTF-8");
	return -1;
}

static int expand(struct conf_source *src, int file, const char *text, size_t len,
		  struct include_chain *chain, struct settings_errors *errs);

/* Follow one @include of file:line. Returns 0; -1 after reporting a refused
 * include (the rest can still be checked); -2 when the included text broke
 * off so that nothing after it can be parsed. */
static int follow_include(struct conf_source *src, int file, int line, const char *name,
			  struct include_chain *chain, struct settings_errors *errs)
{
	const char *where = src->files[file];
	char path[PATH_MAX], real[PATH_MAX];
	struct stat st;
	char *text;
	size_t len;
	int idx, rc;

	if (name[0] == '/') {
		if (strlen(name) >= sizeof path)
			goto too_long;
		strcpy(path, name);
	} else if (!src->dir) {
		settings_errors_add(errs, where, line, "put the settings in this text itself",
				    "@include \"%s\": a config held in memory cannot include files",
				    name);
		return -1;
	} else if (has_dotdot(name)) {
		settings_errors_add(errs, where, line,
				    "a relative @include names a file in or below the config's own "
				    "directory; give an absolute path to read one elsewhere",
				    "@include \"%s\" leaves the config's directory (%s)", name,
				    src->dir);
		return -1;
	} else {
		int n = strcmp(src->dir, ".") == 0
			? snprintf(path, sizeof path, "%s", name)
			: snprintf(path, sizeof path, "%s/%s", src->dir, name);

		if (n < 0 || (size_t)n >= sizeof path)
			goto too_long;
	}
	if (stat(path, &st) != 0) {
		settings_errors_add(errs, where, line,
				    name[0] == '/' ? NULL
				    : "a relative @include is looked up in the config's own directory",
				    "cannot open include file \"%s\" (%s): %s", name, path,
				    strerror(errno));
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		settings_errors_add(errs, where, line, NULL,
				    "cannot include \"%s\" (%s): not a regular file", name, path);
		return -1;
	}
	if (!realpath(path, real)) {
		settings_errors_add(errs, where, line, NULL, "cannot include \"%s\" (%s): %s",
				    name, path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < chain->depth; i++) {
		if (strcmp(chain->real[i], real) == 0) {
			char loop[1024];
			size_t o = 0;

			loop[0] = '\0';
			for (int j = i; j < chain->depth; j++) {
				append(loop, sizeof loop, &o, chain->name[j]);
				append(loop, sizeof loop, &o, " -> ");
			}
			append(loop, sizeof loop, &o, path);
			settings_errors_add(errs, where, line,
					    "a file may not include itself, directly or through others",
					    "@include loop: %s", loop);
			return -1;
		}
	}
	if (chain->depth > CONF_INCLUDE_DEPTH) {
		settings_errors_add(errs, where, line, NULL,
				    "@include \"%s\": includes nest deeper than %d levels", name,
				    CONF_INCLUDE_DEPTH);
		return -1;
	}
	if (++src->includes > CONF_INCLUDE_MAX) {
		settings_errors_add(errs, where, line, NULL,
				    "@include \"%s\": more than %d includes in all", name,
				    CONF_INCLUDE_MAX);
		return -1;
	}
	if (!(text = read_whole(path, &len))) {
		settings_errors_add(errs, where, line, NULL, "cannot read include file \"%s\" (%s): %s",
				    name, path,
				    errno == EFBIG ? "bigger than 1 MiB" : strerror(errno));
		return -1;
	}
	if ((idx = add_file(src, path, real)) < 0) {
		free(text);
		settings_errors_add(errs, where, line, NULL, "out of memory");
		return -1;
	}
	if (check_text(path, text, len, errs) < 0) {
		free(text);
		return -1;
	}
	chain->real[chain->depth] = src->real[idx];
	chain->name[chain->depth] = src->files[idx];
	chain->depth++;
	rc = expand(src, idx, text, len, chain, errs);
	chain->depth--;
	free(text);
	return rc < 0 ? -2 : 0;

too_long:
	settings_errors_add(errs, where, line, NULL, "@include \"%s\": the path is too long", name);
	return -1;
}

/* Copy the lines of text (file index file) into src, following includes.
 * Returns 0; -1 when the text cannot be parsed (an unclosed string or
 * comment at its end, or no memory). Include problems are reported and the
 * include line left blank, so the rest is still checked. */
static int expand(struct conf_source *src, int file, const char *text, size_t len,
		  struct include_chain *chain, struct settings_errors *errs)
{
	enum lex_state st = LEX_NORMAL;
	int line = 0, opened_at = 0;
	size_t pos = 0;

	while (pos < len) {
		const char *p = text + pos;
		const char *nl = memchr(p, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - p) : len - pos;
		size_t at;

		line++;
		pos += n + (nl ? 1 : 0);
		if (st == LEX_NORMAL && is_include(p, n, &at)) {
			char name[PATH_MAX];
			const char *why = NULL;
			int rc;

			if (include_name(p, n, at, name, sizeof name, &why) < 0) {
				settings_errors_add(errs, src->files[file], line,
						    "write it as: @include \"local.conf\"", "%s", why);
				src->failed = true;
			} else if ((rc = follow_include(src, file, line, name, chain, errs)) < 0) {
				src->failed = true;
				if (rc == -2)
					return -1;
			} else {
				continue;
			}
			if (append_line(src, "", 0, file, line) < 0)
				goto no_memory;
			continue;
		}
		{
			enum lex_state before = st;

			st = lex_line(st, p, n);
			if (before == LEX_NORMAL && st != LEX_NORMAL)
				opened_at = line;
		}
		if (append_line(src, p, n, file, line) < 0)
			goto no_memory;
	}
	if (st != LEX_NORMAL) {
		settings_errors_add(errs, src->files[file], opened_at,
				    st == LEX_STRING
				    ? "a string ends at the next unescaped \"; write \\\" for a quote inside it"
				    : "a /* comment ends at the next */",
				    "%s opened on this line is not closed by the end of the file",
				    st == LEX_STRING ? "a string" : "a comment");
		src->failed = true;
		return -1;
	}
	return 0;

no_memory:
	settings_errors_add(errs, src->files[file], line, NULL,
			    src->len > CONF_TOTAL_MAX / 2 ? "the config with its includes is too big"
							  : "out of memory");
	src->failed = true;
	return -1;
}

static char *dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d;

	if (!slash)
		return conf_strdup(".");
	if (slash == path)
		return conf_strdup("/");
	if (!(d = malloc((size_t)(slash - path) + 1)))
		return NULL;
	memcpy(d, path, (size_t)(slash - path));
	d[slash - path] = '\0';
	return d;
}

int conf_source_read_file(struct conf_source *src, const char *path,
			  struct settings_errors *errs)
{
	struct include_chain chain = { .depth = 0 };
	char real[PATH_MAX];
	struct stat st;
	char *text;
	size_t len;
	int idx, rc;

	memset(src, 0, sizeof *src);
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		settings_errors_add(errs, path, 0, NULL, "not a regular file");
		src->failed = true;
		return -1;
	}
	if (!(text = read_whole(path, &len))) {
		settings_errors_add(errs, path, 0, NULL, "cannot read: %s",
				    errno == EFBIG ? "bigger than 1 MiB" : strerror(errno));
		src->failed = true;
		return -1;
	}
	if (!realpath(path, real))
		snprintf(real, sizeof real, "%s", path);
	if (!(src->dir = dir_of(path)) || (idx = add_file(src, path, real)) < 0) {
		free(text);
		settings_errors_add(errs, path, 0, NULL, "out of memory");
		src->failed = true;
		return -1;
	}
	if (check_text(path, text, len, errs) < 0) {
		free(text);
		src->failed = true;
		return -1;
	}
	chain.real[0] = src->real[idx];
	chain.name[0] = src->files[idx];
	chain.depth = 1;
	rc = expand(src, idx, text, len, &chain, errs);
	free(text);
	return rc;
}

int conf_source_read_text(struct conf_source *src, const char *name, const char *text,
			  size_t len, struct settings_errors *errs)
{
	struct include_chain chain = { .depth = 0 };
	int idx;

	memset(src, 0, sizeof *src);
	if ((idx = add_file(src, name, NULL)) < 0) {
		settings_errors_add(errs, name, 0, NULL, "out of memory");
		src->failed = true;
		return -1;
	}
	if (len > CONF_FILE_MAX) {
		settings_errors_add(errs, name, 0, NULL, "bigger than 1 MiB");
		src->failed = true;
		return -1;
	}
	if (check_text(name, text, len, errs) < 0) {
		src->failed = true;
		return -1;
	}
	chain.real[0] = "";
	chain.name[0] = src->files[idx];
	chain.depth = 1;
	return expand(src, idx, text, len, &chain, errs);
}

void conf_source_origin(const struct conf_source *src, int line, const char **file,
			int *file_line)
{
	if (src->line_count == 0) {
		*file = src->file_count ? src->files[0] : SETTINGS_BUILTIN_NAME;
		*file_line = line > 0 ? 1 : 0;
		return;
	}
	if (line < 1) {
		*file = src->files[0];
		*file_line = 0;
		return;
	}
	if ((size_t)line > src->line_count) {
		/* past the end: the end of the main file */
		size_t i = src->line_count;

		while (i > 0 && src->lines[i - 1].file != 0)
			i--;
		*file = src->files[0];
		*file_line = i > 0 ? src->lines[i - 1].line : 1;
		return;
	}
	*file = src->files[src->lines[line - 1].file];
	*file_line = src->lines[line - 1].line;
}

void conf_source_where(const struct conf_source *src, const config_setting_t *s,
		       const char **file, int *line)
{
	conf_source_origin(src, s ? (int)config_setting_source_line(s) : 0, file, line);
}

/* The text of expanded line n (1-based), its length in *len. */
static const char *line_text(const struct conf_source *src, int n, size_t *len)
{
	const char *p = src->text;

	if (n < 1 || (size_t)n > src->line_count || !p)
		return NULL;
	for (int i = 1; i < n; i++)
		p = strchr(p, '\n') + 1;
	*len = strcspn(p, "\n");
	return p;
}

static int is_name_start(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '*';
}

/* libconfig says "syntax error" and little else: guess what went wrong from
 * the line it stopped at. */
static const char *syntax_hint(const struct conf_source *src, int line, const char *msg,
			       char *buf, size_t size)
{
	const char *p, *eq;
	size_t n, i = 0;

	if (strstr(msg, "mismatched element type"))
		return "an array [ ] holds values of one type; a list ( ) may mix them";
	if (strstr(msg, "duplicate setting"))
		return "a setting may appear only once in its group, included files counted";
	if (!(p = line_text(src, line, &n)))
		return "the text ended early: look above for a {, [ or ( that is not closed";
	while (i < n && (p[i] == ' ' || p[i] == '\t' || p[i] == '\r'))
		i++;
	if (i == n || p[i] == '#' || (p[i] == '/' && i + 1 < n && (p[i + 1] == '/' || p[i + 1] == '*')))
		return "look at the lines above: a missing ';', ',' or closing bracket is "
		       "noticed only where the next thing starts";
	if (p[i] == '@')
		return "an include is written @include \"file\" on a line of its own";
	eq = memchr(p + i, '=', n - i);
	if (!eq)
		eq = memchr(p + i, ':', n - i);
	if (!is_name_start((unsigned char)p[i]) && eq)
		return "setting names start with a letter and hold letters, digits, '-', '_'; "
		       "a key such as \"?\" is written as a string: [ \"?\", \"help\" ]";
	if (is_name_start((unsigned char)p[i])) {
		size_t k = i;

		while (k < n && (is_name_start((unsigned char)p[k]) ||
				 (p[k] >= '0' && p[k] <= '9') || p[k] == '-' || p[k] == '_'))
			k++;
		while (k < n && (p[k] == ' ' || p[k] == '\t'))
			k++;
		if (k < n && p[k] != '=' && p[k] != ':' && p[k] != ';' && p[k] != ',' &&
		    p[k] != ')' && p[k] != ']' && p[k] != '}' && p[k] != '#' && p[k] != '/')
			return "a setting is written name = value;";
	}
	/* a bare word after any '=' or ':' of the line: a string without quotes */
	for (const char *v = p + i, *end = p + n; v < end && *v != '"';) {
		size_t w = 0;
		char c = *v++;

		/* past a quote, words may sit inside strings: the loop stops there */
		if (c != '=' && c != ':')
			continue;
		while (v < end && (*v == ' ' || *v == '\t'))
			v++;
		if (v >= end || !is_name_start((unsigned char)*v))
			continue;
		while (v + w < end && (is_name_start((unsigned char)v[w]) ||
				       (v[w] >= '0' && v[w] <= '9') || v[w] == '-' || v[w] == '_'))
			w++;
		if ((w == 4 && !strncasecmp(v, "true", 4)) || (w == 5 && !strncasecmp(v, "false", 5)))
			continue;
		snprintf(buf, size, "text is written in double quotes (\"%.*s\"); "
			 "booleans are true or false", (int)(w > 40 ? 40 : w), v);
		return buf;
	}
	return "look at this line and the one before: a missing ';', '=' or bracket, "
	       "or a word that needs double quotes";
}

int conf_source_parse(const struct conf_source *src, config_t *cfg,
		      struct settings_errors *errs)
{
	const char *file, *msg, *hint;
	char buf[160];
	int line;

	/* Every @include was expanded above; should libconfig still meet one,
	 * it resolves in the same directory. */
	if (src->dir)
		config_set_include_dir(cfg, src->dir);
	if (config_read_string(cfg, src->text ? src->text : ""))
		return 0;
	msg = config_error_text(cfg) ? config_error_text(cfg) : "syntax error";
	conf_source_origin(src, config_error_line(cfg), &file, &line);
	hint = syntax_hint(src, config_error_line(cfg), msg, buf, sizeof buf);
	settings_errors_add(errs, file, line, hint, "%s", msg);
	return -1;
}

char **conf_source_take_files(struct conf_source *src, size_t *count)
{
	char **files = src->files;

	*count = src->file_count;
	for (size_t i = 0; i < src->file_count; i++) {
		free(src->real[i]);
		src->real[i] = NULL;
	}
	src->files = NULL;
	src->file_count = 0;
	return files;
}

void conf_source_free(struct conf_source *src)
{
	for (size_t i = 0; i < src->file_count; i++) {
		free(src->files[i]);
		if (src->real)
			free(src->real[i]);
	}
	free(src->files);
	free(src->real);
	free(src->text);
	free(src->lines);
	free(src->dir);
	memset(src, 0, sizeof *src);
}
