/* brief_file.h - the files a brief passes through: the temp file an
 * external editor works on, and the markdown exported for the AE.
 *
 * Both are private to the user (mode 0600): a brief names contacts and
 * deal sizes. An export is written to a temp file beside the target and
 * renamed over it, so a full disk never leaves half a brief behind.
 */
#ifndef COSELLDESK_TUI_BRIEF_FILE_H
#define COSELLDESK_TUI_BRIEF_FILE_H

#include <stddef.h>

#define BRIEF_FILE_MAX (1024 * 1024) /* the most a brief file may hold */

/* Write len bytes of text to a new temp file (mkstemp, 0600) in $TMPDIR,
 * else /tmp; its name goes to path (size bytes). 0, or -1 with err. */
int brief_file_temp(const char *text, size_t len, char *path, size_t size, char *err, size_t err_size);

/* Read a whole file (at most BRIEF_FILE_MAX bytes) into a new heap buffer,
 * NUL-terminated; the caller frees *out. 0, or -1 with err. */
int brief_file_read(const char *path, char **out, size_t *len, char *err, size_t err_size);

/* Write text to path (replacing it), mode 0600. 0, or -1 with err. */
int brief_file_write(const char *path, const char *text, size_t len, char *err, size_t err_size);

#endif
