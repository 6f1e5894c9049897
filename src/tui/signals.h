/* signals.h - leave the terminal usable however the console ends.
 *
 * Two kinds of endings, two mechanisms, no curses call in any handler:
 * - SIGTERM, SIGINT, SIGHUP, SIGQUIT only set a flag. The input loop wakes
 *   at least every poll interval (getch has a timeout, and the signal
 *   interrupts it), sees the flag and leaves through the normal exit path,
 *   which calls endwin() outside any handler.
 * - SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT cannot return to the loop. At
 *   start-up, once curses has read the terminal description, we copy the
 *   bytes that undo our terminal modes (sgr0: attributes off, rmkx: keypad
 *   off, cnorm: cursor on, XM: mouse reporting off, rmcup: leave the
 *   alternate screen) into a static
 *   buffer and keep the termios the terminal had before curses. The handler
 *   writes that buffer with write(2), restores the termios with
 *   tcsetattr(2) (both async-signal-safe), then re-raises the signal with
 *   the default action so the exit status and any core dump are the real
 *   ones.
 * Handlers are installed before curses starts so ncurses does not install
 * its own for SIGINT/SIGTERM (its SIGWINCH and SIGTSTP handling stays).
 */
#ifndef COSELLDESK_TUI_SIGNALS_H
#define COSELLDESK_TUI_SIGNALS_H

#include <stdbool.h>

/* Install the handlers; tty_fd is where the reset bytes go. Saves the
 * terminal modes of tty_fd (when it is a terminal). */
void signals_install(int tty_fd);

/* Copy the reset sequence from the terminal description (call after
 * curses started). */
void signals_capture_reset(void);

/* Put every handler back as it was (the console is done). */
void signals_restore(void);

/* A stop signal arrived: its number, else 0. */
int signals_stop_requested(void);

#endif
