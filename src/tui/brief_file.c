/* brief_file.c - temp, read and export files of a brief (see brief_file.h). */
#include "brief_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Write all of text to fd; 0 or -1 (errno set). */
static int write_all(int fd, const char *text, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, text, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		text += n;
		len -= (size_t)n;
	}
	return 0;
}

int brief_file_temp(const char *text, size_t len, char *path, size_t size, char *err, size_t err_size)
{
	const char *dir = getenv("TMPDIR");
	int fd, n;

	if (!dir || *dir != '/')
		dir = "/tmp";
	n = snprintf(path, size, "%s/coselldesk-brief-XXXXXX.md", dir);
	if (n < 0 || (size_t)n >= size) {
		snprintf(err, err_size, "the temp directory name is too long");
		return -1;
	}
	/* mkstemps creates the file 0600 and keeps the .md the editor
	 * recognises markdown by */
	fd = mkstemps(path, 3);
	if (fd < 0) {
		snprintf(err, err_size, "cannot create a temp file in %s: %s", dir, strerror(errno));
		return -1;
	}
	if (write_all(fd, text, len) < 0 || close(fd) < 0) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

int brief_file_read(const char *path, char **out, size_t *len, char *err, size_t err_size)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t used = 0, alloc = 0;

	*out = NULL;
	*len = 0;
	if (!f) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		return -1;
	}
	for (;;) {
		size_t n;

		if (alloc - used < 4096) {
			char *grown;

			alloc = alloc ? alloc * 2 : 8192;
			grown = realloc(buf, alloc + 1);
			if (!grown) {
				snprintf(err, err_size, "%s: out of memory", path);
				goto fail;
			}
			buf = grown;
		}
		n = fread(buf + used, 1, alloc - used, f);
		used += n;
		if (used > BRIEF_FILE_MAX) {
			snprintf(err, err_size, "%s: over %d bytes, too long for a brief", path, BRIEF_FILE_MAX);
			goto fail;
		}
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		snprintf(err, err_size, "%s: read error", path);
		goto fail;
	}
	fclose(f);
	buf[used] = '\0';
	*out = buf;
	*len = used;
	return 0;
fail:
	fclose(f);
	free(buf);
	return -1;
}

int brief_file_write(const char *path, const char *text, size_t len, char *err, size_t err_size)
{
	char tmp[4096];
	int fd, n;

	n = snprintf(tmp, sizeof(tmp), "%s.XXXXXX", path);
	if (n < 0 || (size_t)n >= sizeof(tmp)) {
		snprintf(err, err_size, "%s: the file name is too long", path);
		return -1;
	}
	fd = mkstemp(tmp); /* 0600, in the target's directory: rename stays atomic */
	if (fd < 0) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (write_all(fd, text, len) < 0 || fsync(fd) < 0) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	if (close(fd) < 0 || rename(tmp, path) < 0) {
		snprintf(err, err_size, "%s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}
