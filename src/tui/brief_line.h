/* brief_line.h - a brief section on one line, for the line editor.
 *
 * The prompt edits one line; a section may hold several. On the line a
 * line break is written "\n" and a backslash "\\"; anything else after a
 * backslash stays as typed. Escaping then unescaping gives the text back.
 */
#ifndef COSELLDESK_TUI_BRIEF_LINE_H
#define COSELLDESK_TUI_BRIEF_LINE_H

#include <stddef.h>

/* text (NULL: empty) as one line into out. 0, or -1 when it does not fit. */
int brief_line_escape(const char *text, char *out, size_t size);

/* A line back to text (never longer than the line). */
void brief_line_unescape(const char *line, char *out, size_t size);

#endif
