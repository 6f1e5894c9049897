/* bench-proc - run a command and say what it cost: wall time, CPU time and
 * peak resident memory, for the figures that are whole processes (cold
 * start, the console's session, an import) and their references.
 *
 *   bench-proc [-n RUNS] [-o OUT] [-i IN] NAME -- COMMAND [ARG...]
 *
 * Prints one line per run: "NAME_ms WALL", "NAME_cpu_ms USER+SYS",
 * "NAME_rss_kb PEAK" (peak RSS from wait4's rusage). The command's stdout
 * goes to OUT (default /dev/null) and its stdin comes from IN (default
 * /dev/null); its stderr is kept. A command that fails stops the runs with
 * its exit status.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double tv_ms(const struct timeval *tv)
{
	return (double)tv->tv_sec * 1e3 + (double)tv->tv_usec / 1e3;
}

static void usage(void)
{
	fputs("usage: bench-proc [-n RUNS] [-o OUT] [-i IN] NAME -- COMMAND [ARG...]\n", stderr);
	exit(64);
}

int main(int argc, char **argv)
{
	const char *out = "/dev/null", *in = "/dev/null", *name = NULL;
	int runs = 1, i = 1;

	for (; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-o") && i + 1 < argc)
			out = argv[++i];
		else if (!strcmp(argv[i], "-i") && i + 1 < argc)
			in = argv[++i];
		else if (!strcmp(argv[i], "--"))
			break;
		else if (!name)
			name = argv[i];
		else
			usage();
	}
	if (!name || i + 1 >= argc || runs < 1)
		usage();
	for (int r = 0; r < runs; r++) {
		struct rusage ru;
		double t0 = now_ms();
		int status = 0;
		pid_t pid = fork();

		if (pid < 0) {
			perror("bench-proc: fork");
			return 71;
		}
		if (pid == 0) {
			int fi = open(in, O_RDONLY), fo = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644);
			if (fi < 0 || fo < 0 || dup2(fi, 0) < 0 || dup2(fo, 1) < 0) {
				perror("bench-proc");
				_exit(71);
			}
			execvp(argv[i + 1], argv + i + 1);
			fprintf(stderr, "bench-proc: %s: %s\n", argv[i + 1], strerror(errno));
			_exit(127);
		}
		if (wait4(pid, &status, 0, &ru) < 0) {
			perror("bench-proc: wait4");
			return 71;
		}
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "bench-proc: %s failed (status %d)\n", name,
				WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status));
			return WIFEXITED(status) ? WEXITSTATUS(status) : 70;
		}
		printf("%s_ms %.2f\n%s_cpu_ms %.2f\n%s_rss_kb %ld\n", name, now_ms() - t0, name,
		       tv_ms(&ru.ru_utime) + tv_ms(&ru.ru_stime), name, ru.ru_maxrss);
		fflush(stdout);
	}
	return 0;
}
