/* prompt.c - the line editor and its history. */
#include "prompt.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "console.h"
#include "display.h"
#include "keys.h"
#include "modal.h"
#include "provide_curses.h"

/* ---- history ------------------------------------------------------------ */

static char *state_dir_file(const char *name)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *path;
	size_t n;

	if (xdg && *xdg == '/') {
		n = strlen(xdg) + strlen("/coselldesk/") + strlen(name) + 1;
		if ((path = malloc(n)))
			snprintf(path, n, "%s/coselldesk/%s", xdg, name);
	} else if (home && *home) {
		n = strlen(home) + strlen("/.local/state/coselldesk/") + strlen(name) + 1;
		if ((path = malloc(n)))
			snprintf(path, n, "%s/.local/state/coselldesk/%s", home, name);
	} else {
		path = NULL;
	}
	return path;
}

static void history_push(struct prompt_history *h, const char *entry)
{
	char **grown, *copy = strdup(entry);

	if (!copy)
		return;
	if (h->count == PROMPT_HISTORY_MAX) {
		free(h->entries[0]);
		memmove(h->entries, h->entries + 1, sizeof(*h->entries) * (h->count - 1));
		h->count--;
	}
	grown = realloc(h->entries, (h->count + 1) * sizeof(*grown));
	if (!grown) {
		free(copy);
		return;
	}
	h->entries = grown;
	h->entries[h->count++] = copy;
}

void prompt_history_load(struct prompt_history *h)
{
	char line[PROMPT_MAX * 4 + 2];
	FILE *f;

	h->path = state_dir_file("history");
	if (!h->path || !(f = fopen(h->path, "r")))
		return;
	while (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] && line[1])
			history_push(h, line);
	}
	fclose(f);
}

void prompt_history_add(struct prompt_history *h, char kind, const char *text)
{
	char entry[PROMPT_MAX * 4 + 2];

	if (!kind || !text || !*text || strchr(text, '\n'))
		return;
	snprintf(entry, sizeof(entry), "%c%s", kind, text);
	/* the same entry again moves to the end instead of repeating */
	if (h->count && !strcmp(h->entries[h->count - 1], entry))
		return;
	history_push(h, entry);
	h->dirty = true;
}

/* mkdir -p for the directories above path. */
static int make_parents(const char *path)
{
	char dir[4096];
	char *p;

	if (strlen(path) >= sizeof(dir))
		return -1;
	strcpy(dir, path);
	p = strrchr(dir, '/');
	if (!p)
		return 0;
	*p = '\0';
	for (p = dir + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			if (mkdir(dir, 0700) < 0 && errno != EEXIST)
				return -1;
			*p = '/';
		}
	}
	return mkdir(dir, 0700) < 0 && errno != EEXIST ? -1 : 0;
}

int prompt_history_save(struct prompt_history *h)
{
	char tmp[4200];
	size_t i;
	FILE *f;
	int fd;

	if (!h->dirty || !h->path)
		return 0;
	if (make_parents(h->path) < 0)
		return -1;
	snprintf(tmp, sizeof(tmp), "%s.tmp%ld", h->path, (long)getpid());
	fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return -1;
	f = fdopen(fd, "w");
	if (!f) {
		close(fd);
		unlink(tmp);
		return -1;
	}
	for (i = 0; i < h->count; i++)
		fprintf(f, "%s\n", h->entries[i]);
	if (fflush(f) != 0 || fsync(fd) != 0) {
		fclose(f);
		unlink(tmp);
		return -1;
	}
	if (fclose(f) != 0 || rename(tmp, h->path) < 0) {
		unlink(tmp);
		return -1;
	}
	h->dirty = false;
	return 0;
}

void prompt_history_free(struct prompt_history *h)
{
	size_t i;

	for (i = 0; i < h->count; i++)
		free(h->entries[i]);
	free(h->entries);
	free(h->path);
	memset(h, 0, sizeof(*h));
}

/* ---- editing ------------------------------------------------------------ */

static void to_utf8(const wchar_t *w, size_t n, char *out, size_t size)
{
	size_t used = 0, i;

	for (i = 0; i < n; i++) {
		char mb[16];
		mbstate_t st;
		size_t k;

		memset(&st, 0, sizeof(st));
		k = wcrtomb(mb, w[i], &st);
		if (k == (size_t)-1)
			continue;
		if (used + k + 1 > size)
			break;
		memcpy(out + used, mb, k);
		used += k;
	}
	if (size)
		out[used] = '\0';
}

static void set_text(struct prompt_state *p, const char *s)
{
	mbstate_t st;
	size_t n;

	p->len = 0;
	memset(&st, 0, sizeof(st));
	while (s && *s && p->len < PROMPT_MAX - 1) {
		wchar_t wc;

		n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof(st));
			wc = L'?';
			n = 1;
		}
		p->text[p->len++] = wc;
		s += n;
	}
	p->cursor = p->len;
}

static void insert(struct prompt_state *p, wchar_t wc)
{
	if (p->len + 1 >= PROMPT_MAX)
		return;
	memmove(p->text + p->cursor + 1, p->text + p->cursor,
		(p->len - p->cursor) * sizeof(wchar_t));
	p->text[p->cursor++] = wc;
	p->len++;
}

static void delete_range(struct prompt_state *p, size_t from, size_t to)
{
	if (from >= to || to > p->len)
		return;
	memmove(p->text + from, p->text + to, (p->len - to) * sizeof(wchar_t));
	p->len -= to - from;
	p->cursor = from;
}

static size_t word_left(const struct prompt_state *p)
{
	size_t i = p->cursor;

	while (i > 0 && !iswalnum((wint_t)p->text[i - 1]))
		i--;
	while (i > 0 && iswalnum((wint_t)p->text[i - 1]))
		i--;
	return i;
}

static size_t word_right(const struct prompt_state *p)
{
	size_t i = p->cursor;

	while (i < p->len && !iswalnum((wint_t)p->text[i]))
		i++;
	while (i < p->len && iswalnum((wint_t)p->text[i]))
		i++;
	return i;
}

/* C-w kills back to the previous blank, as shells do. */
static size_t blank_left(const struct prompt_state *p)
{
	size_t i = p->cursor;

	while (i > 0 && iswspace((wint_t)p->text[i - 1]))
		i--;
	while (i > 0 && !iswspace((wint_t)p->text[i - 1]))
		i--;
	return i;
}

/* ---- completion --------------------------------------------------------- */

struct candidates {
	char word[64][64];
	size_t count;
	const char *prefix;  /* the word being completed */
};

static void add_candidate(void *list, const char *word)
{
	struct candidates *cl = list;
	size_t i;

	if (strncmp(word, cl->prefix, strlen(cl->prefix)) || cl->count == 64)
		return;
	for (i = 0; i < cl->count; i++)
		if (!strcmp(cl->word[i], word))
			return;
	snprintf(cl->word[cl->count++], sizeof(cl->word[0]), "%s", word);
}

static void complete(struct console *c, const struct prompt_spec *spec, struct prompt_state *p)
{
	char before[PROMPT_MAX * 4], common[64];
	struct candidates cl;
	size_t i, k, start;
	const char *word;

	to_utf8(p->text, p->cursor, before, sizeof(before));
	word = strrchr(before, ' ');
	word = word ? word + 1 : before;
	memset(&cl, 0, sizeof(cl));
	cl.prefix = word;
	spec->complete(c, spec->ctx, before, add_candidate, &cl);
	if (cl.count == 0) {
		snprintf(c->hint, sizeof(c->hint), "no completion for '%.200s'", word);
		return;
	}
	snprintf(common, sizeof(common), "%s", cl.word[0]);
	for (i = 1; i < cl.count; i++) {
		for (k = 0; common[k] && common[k] == cl.word[i][k]; k++)
			;
		common[k] = '\0';
	}
	for (start = strlen(word), k = start; common[k]; k++)
		insert(p, (wchar_t)(unsigned char)common[k]);
	if (cl.count == 1) {
		insert(p, L' ');
		c->hint[0] = '\0';
	} else {
		size_t used = 0;

		for (i = 0; i < cl.count && used + 1 < sizeof(c->hint); i++) {
			int n = snprintf(c->hint + used, sizeof(c->hint) - used, "%s%s", i ? "  " : "", cl.word[i]);

			if (n < 0 || (size_t)n >= sizeof(c->hint) - used)
				break;
			used += (size_t)n;
		}
	}
}

/* ---- the loop ----------------------------------------------------------- */

/* The history entry of this kind before (dir -1) or after (+1) index *pos. */
static const char *history_step(const struct prompt_history *h, char kind, long *pos, int dir)
{
	long i = *pos;

	for (;;) {
		i += dir;
		if (i < 0)
			return NULL;
		if (i >= (long)h->count) {
			*pos = (long)h->count;
			return "";
		}
		if (h->entries[i][0] == kind) {
			*pos = i;
			return h->entries[i] + 1;
		}
	}
}

int prompt_read(struct console *c, const struct prompt_spec *spec, char *out, size_t size)
{
	struct prompt_state p;
	long hpos = (long)c->history.count;
	char draft[PROMPT_MAX * 4] = "";
	int result = -1;

	memset(&p, 0, sizeof(p));
	p.label = spec->label;
	set_text(&p, spec->initial);
	c->prompt = &p;
	c->hint[0] = '\0';
	c->dirty = true;
	for (;;) {
		bool changed = false;
		int key = 0;
		const char *h;

		/* a script may photograph the open prompt; its other lines are
		 * typed into it */
		if (!modal_next_key(c, NULL, &key))
			break;
		if (key != KEYS_TAB)
			c->hint[0] = '\0';
		if (keys_is_text(key)) {
			insert(&p, (wchar_t)key);
			changed = true;
		} else switch (key) {
		case KEYS_ENTER:
			to_utf8(p.text, p.len, out, size);
			result = 1;
			goto done;
		case KEYS_ESC:
		case KEYS_CTRL('g'):
		case KEYS_CTRL('c'):
			result = 0;
			goto done;
		case KEYS_CURSES | KEY_BACKSPACE:
		case KEYS_CTRL('h'):
			if (p.len == 0) {
				result = 0;
				goto done;
			}
			if (p.cursor > 0) {
				delete_range(&p, p.cursor - 1, p.cursor);
				changed = true;
			}
			break;
		case KEYS_CURSES | KEY_DC:
		case KEYS_CTRL('d'):
			if (p.cursor < p.len) {
				size_t at = p.cursor;

				delete_range(&p, at, at + 1);
				changed = true;
			}
			break;
		case KEYS_CTRL('a'):
		case KEYS_CURSES | KEY_HOME:
			p.cursor = 0;
			break;
		case KEYS_CTRL('e'):
		case KEYS_CURSES | KEY_END:
			p.cursor = p.len;
			break;
		case KEYS_CTRL('b'):
		case KEYS_CURSES | KEY_LEFT:
			if (p.cursor > 0)
				p.cursor--;
			break;
		case KEYS_CTRL('f'):
		case KEYS_CURSES | KEY_RIGHT:
			if (p.cursor < p.len)
				p.cursor++;
			break;
		case KEYS_META | 'b':
			p.cursor = word_left(&p);
			break;
		case KEYS_META | 'f':
			p.cursor = word_right(&p);
			break;
		case KEYS_META | 'd': {
			size_t at = p.cursor;

			delete_range(&p, at, word_right(&p));
			p.cursor = at;
			changed = true;
			break;
		}
		case KEYS_CTRL('k'):
			p.len = p.cursor;
			changed = true;
			break;
		case KEYS_CTRL('u'):
			delete_range(&p, 0, p.cursor);
			changed = true;
			break;
		case KEYS_CTRL('w'):
			delete_range(&p, blank_left(&p), p.cursor);
			changed = true;
			break;
		case KEYS_CURSES | KEY_UP:
		case KEYS_CTRL('p'):
		case KEYS_CURSES | KEY_DOWN:
		case KEYS_CTRL('n'): {
			int dir = (key == (KEYS_CURSES | KEY_UP) || key == KEYS_CTRL('p')) ? -1 : 1;

			if (!spec->kind)
				break;
			if (hpos == (long)c->history.count)
				to_utf8(p.text, p.len, draft, sizeof(draft));
			h = history_step(&c->history, spec->kind, &hpos, dir);
			if (h) {
				set_text(&p, hpos == (long)c->history.count ? draft : h);
				changed = true;
			}
			break;
		}
		case KEYS_TAB:
			if (spec->complete) {
				complete(c, spec, &p);
				changed = true;
			}
			break;
		default:
			break;
		}
		if (changed && spec->changed) {
			char now[PROMPT_MAX * 4];

			to_utf8(p.text, p.len, now, sizeof(now));
			spec->changed(c, spec->ctx, now);
		}
	}
done:
	c->prompt = NULL;
	c->hint[0] = '\0';
	c->dirty = true;
	return result;
}
