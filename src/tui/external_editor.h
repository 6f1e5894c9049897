/* external_editor.h - run $VISUAL or $EDITOR on a file, curses suspended.
 *
 * The command is split on blanks into argv and run with execvp: no shell,
 * so a file name or an editor setting can never be read as shell syntax.
 * $VISUAL wins over $EDITOR; with neither, vi. The console leaves curses
 * mode while the editor has the terminal (def_prog_mode, endwin) and takes
 * it back after (reset_prog_mode, a full repaint). While the editor runs,
 * SIGINT and SIGQUIT belong to it: the console ignores them, as system()
 * does, so a C-c in the editor does not stop the console.
 */
#ifndef COSELLDESK_TUI_EXTERNAL_EDITOR_H
#define COSELLDESK_TUI_EXTERNAL_EDITOR_H

#include <stddef.h>

#define EXTERNAL_EDITOR_MAX_ARGS 32

/* Split command on blanks into argv (at most max - 2 words, leaving room
 * for the file and the NULL); words point into buf (a copy of command,
 * size bytes). Returns the number of words, -1 when it has too many or
 * does not fit buf. */
int external_editor_split(const char *command, char *buf, size_t size, char **argv, int max);

/* The editor command in force: $VISUAL, else $EDITOR, else "vi". */
const char *external_editor_command(void);

/* Run the editor on path and wait for it. Returns 0 when it exited with
 * status 0, else -1 with the reason in err ("the editor 'vim' exited with
 * status 1", "cannot run 'nano': No such file or directory"). */
int external_editor_run(const char *path, char *err, size_t err_size);

#endif
