/* provide_curses.h - the one place src/tui gets curses from.
 *
 * Every console file includes this header and never <curses.h> directly, so
 * the wide-character build (ncursesw) is chosen once: NCURSES_WIDECHAR must
 * be set before the first curses include or the wide functions (get_wch,
 * mvwaddnwstr, winnwstr) silently disappear. <term.h> is deliberately not
 * included: curses.h already declares tigetstr(), and term.h defines a macro
 * for every terminfo capability (lines, columns, bell...) that would collide
 * with ordinary names. Nothing outside src/tui may include this header
 * (tools/layering-check.sh enforces that).
 */
#ifndef COSELLDESK_TUI_PROVIDE_CURSES_H
#define COSELLDESK_TUI_PROVIDE_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <curses.h>
#include <wchar.h>
#include <wctype.h>

#endif
