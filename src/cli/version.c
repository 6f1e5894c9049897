/* version.c - `coselldesk --version`: ours and the libraries' versions.
 *
 * Each layer reports the library it owns (the store SQLite, the config
 * loader libconfig, the console curses), so no other layer includes their
 * headers. libcsv has no run-time version call: its header's is printed.
 */
#include "coselldesk/cli.h"
#include "coselldesk/settings.h"
#include "coselldesk/store.h"
#include "coselldesk/tui.h"

#include <csv.h>

void cli_print_version(FILE *f, const char *program)
{
	const char *curses = tui_curses_version();

	fprintf(f, "%s %s\n", program, COSELLDESK_VERSION);
	fprintf(f, "  sqlite %s\n", store_sqlite_version());
	fprintf(f, "  libconfig %s\n", settings_libconfig_version());
	fprintf(f, "  libcsv %d.%d.%d\n", CSV_MAJOR, CSV_MINOR, CSV_RELEASE);
	fprintf(f, "  curses %s\n", curses ? curses : "(console not built in)");
}
