/* brief_line.c - sections on one line and back (see brief_line.h). */
#include "brief_line.h"

int brief_line_escape(const char *text, char *out, size_t size)
{
	size_t used = 0;

	if (size == 0)
		return -1;
	for (; text && *text; text++) {
		const char *put = *text == '\n' ? "\\n" : *text == '\\' ? "\\\\" : NULL;
		size_t n = put ? 2 : 1;

		if (used + n >= size) {
			out[used] = '\0';
			return -1;
		}
		if (put) {
			out[used++] = put[0];
			out[used++] = put[1];
		} else {
			out[used++] = *text;
		}
	}
	out[used] = '\0';
	return 0;
}

void brief_line_unescape(const char *line, char *out, size_t size)
{
	size_t used = 0;

	if (size == 0)
		return;
	for (; *line && used + 1 < size; line++) {
		if (line[0] == '\\' && line[1] == 'n') {
			out[used++] = '\n';
			line++;
		} else if (line[0] == '\\' && line[1] == '\\') {
			out[used++] = '\\';
			line++;
		} else {
			out[used++] = *line;
		}
	}
	out[used] = '\0';
}
