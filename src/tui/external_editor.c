/* external_editor.c - $VISUAL / $EDITOR with fork, execvp and argv. */
#include "external_editor.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "provide_curses.h"

/* execvp failing in the child: this exit status tells the parent so. */
#define EXEC_FAILED 127

int external_editor_split(const char *command, char *buf, size_t size, char **argv, int max)
{
	char *p;
	int n = 0;

	if (strlen(command) >= size || max < 3)
		return -1;
	strcpy(buf, command);
	for (p = buf; *p;) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			*p++ = '\0';
		if (!*p)
			break;
		if (n == max - 2)
			return -1;
		argv[n++] = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n')
			p++;
	}
	argv[n] = NULL;
	return n;
}

const char *external_editor_command(void)
{
	const char *v = getenv("VISUAL");

	if (v && *v)
		return v;
	v = getenv("EDITOR");
	if (v && *v)
		return v;
	return "vi";
}

int external_editor_run(const char *path, char *err, size_t err_size)
{
	const char *command = external_editor_command();
	char buf[1024], *argv[EXTERNAL_EDITOR_MAX_ARGS];
	struct sigaction ignore, old_int, old_quit;
	int n, status = 0, rc = 0;
	pid_t pid;

	n = external_editor_split(command, buf, sizeof(buf), argv, EXTERNAL_EDITOR_MAX_ARGS);
	if (n <= 0) {
		snprintf(err, err_size, "the editor setting '%.200s' is %s", command,
			 n == 0 ? "blank" : "too long");
		return -1;
	}
	argv[n] = (char *)path;
	argv[n + 1] = NULL;

	memset(&ignore, 0, sizeof(ignore));
	ignore.sa_handler = SIG_IGN;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGINT, &ignore, &old_int);
	sigaction(SIGQUIT, &ignore, &old_quit);
	def_prog_mode();
	endwin();
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		/* the editor gets the default signal actions back */
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		execvp(argv[0], argv);
		_exit(EXEC_FAILED);
	}
	if (pid < 0) {
		snprintf(err, err_size, "cannot start the editor: %s", strerror(errno));
		rc = -1;
	} else {
		while (waitpid(pid, &status, 0) < 0) {
			if (errno != EINTR) {
				snprintf(err, err_size, "waiting for the editor: %s", strerror(errno));
				rc = -1;
				break;
			}
		}
	}
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	if (rc < 0)
		return -1;
	if (WIFEXITED(status) && WEXITSTATUS(status) == EXEC_FAILED) {
		snprintf(err, err_size, "cannot run the editor '%.200s' (set $VISUAL or $EDITOR)", argv[0]);
		return -1;
	}
	if (WIFSIGNALED(status)) {
		snprintf(err, err_size, "the editor '%.200s' was stopped by signal %d", argv[0],
			 WTERMSIG(status));
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, err_size, "the editor '%.200s' exited with status %d", argv[0],
			 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
		return -1;
	}
	return 0;
}
