/* keys.h - key codes and their names.
 *
 * A key is one int: a Unicode code point (control characters included:
 * C-a is 1, <Tab> 9, <Enter> 13, <Esc> 27), or a curses KEY_ code tagged
 * with KEYS_CURSES, optionally tagged KEYS_META when Alt/Meta was held (the
 * terminal sends ESC first). Tagging keeps curses codes from colliding with
 * code points (KEY_DOWN is 258, which is also U+0102).
 *
 * Names, as the config, the script files and help write them:
 *   a  ?  :  é                one character stands for itself
 *   C-d  ^D  <C-d>            control + a letter or one of @[\]^_
 *   M-x  <M-x>  M-<Enter>     Alt/Meta + any other key
 *   <Enter> <Esc> <Tab> <S-Tab> <Space> <Backspace> <Del> <Ins>
 *   <Up> <Down> <Left> <Right> <PgUp> <PgDn> <Home> <End> <F1>..<F12> <lt>
 * Special names are case-insensitive and accept the usual aliases
 * (<Return>, <Escape>, <PageUp>, <PageDown>, <Delete>, <Insert>, <BS>).
 * keys_name() writes the canonical spelling: "C-d", "<PgDn>", "M-f", "<lt>".
 */
#ifndef COSELLDESK_TUI_KEYS_H
#define COSELLDESK_TUI_KEYS_H

#include <stddef.h>

#define KEYS_CURSES 0x01000000  /* the low bits are a curses KEY_ code */
#define KEYS_META   0x02000000  /* Alt/Meta was held */
#define KEYS_CTRL(c) ((c) & 0x1f)

#define KEYS_ENTER  13
#define KEYS_ESC    27
#define KEYS_TAB    9

/* Parse exactly one key name (a whole string: "C-d", "<PgUp>", "j").
 * Returns 0 and sets *key, or -1 with a reason in err. */
int keys_parse(const char *name, int *key, char *err, size_t err_size);

/* Parse the next key of a script line at *s, advancing *s: '<' starts a
 * special name only when a known name and '>' follow, else it is a plain '<'.
 * Returns 0 and sets *key, 1 at the end of the text, -1 on invalid UTF-8. */
int keys_parse_next(const char **s, int *key);

/* Write the canonical name of key into buf; returns buf. */
const char *keys_name(int key, char *buf, size_t size);

/* Turn what get_wch() returned (ch, and whether it was a KEY_ code) into a
 * key: KEY_ENTER and '\n' become <Enter>, 127 and the tty's erase character
 * become <Backspace>. */
int keys_from_input(int ch, int is_keycode, int erase_char);

/* Whether a key is a printable character (inserted as text in a prompt). */
int keys_is_text(int key);

#endif
