/* signals.c - terminal restore on stop and crash signals (see signals.h). */
#include "signals.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "provide_curses.h"

static volatile sig_atomic_t stop_signal;

static int reset_fd = -1;
static char reset_bytes[256];
static size_t reset_len;
static struct termios saved_modes;
static bool have_modes;

static const int stop_signals[] = { SIGTERM, SIGINT, SIGHUP, SIGQUIT };
static const int crash_signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT };
#define N_STOP (sizeof(stop_signals) / sizeof(stop_signals[0]))
#define N_CRASH (sizeof(crash_signals) / sizeof(crash_signals[0]))

static struct sigaction old_stop[N_STOP], old_crash[N_CRASH];
static bool installed;

static void on_stop(int sig)
{
	stop_signal = sig;
}

static void on_crash(int sig)
{
	if (reset_fd >= 0) {
		if (reset_len) {
			ssize_t unused = write(reset_fd, reset_bytes, reset_len);
			(void)unused;
		}
		if (have_modes)
			tcsetattr(reset_fd, TCSANOW, &saved_modes);
	}
	/* SA_RESETHAND put the default action back: this ends the process
	 * with the real signal once the handler returns and it is delivered */
	raise(sig);
}

void signals_install(int tty_fd)
{
	struct sigaction sa;
	size_t i;

	reset_fd = tty_fd;
	have_modes = tty_fd >= 0 && isatty(tty_fd) && tcgetattr(tty_fd, &saved_modes) == 0;
	memset(&sa, 0, sizeof(sa));
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_stop;
	sa.sa_flags = 0; /* no SA_RESTART: let the signal cut getch's wait short */
	for (i = 0; i < N_STOP; i++)
		sigaction(stop_signals[i], &sa, &old_stop[i]);
	sa.sa_handler = on_crash;
	sa.sa_flags = (int)SA_RESETHAND | SA_NODEFER;
	for (i = 0; i < N_CRASH; i++)
		sigaction(crash_signals[i], &sa, &old_crash[i]);
	installed = true;
}

/* Append bytes to the reset buffer (all or nothing). */
static void add_bytes(const char *s)
{
	size_t n;

	if (!s)
		return;
	n = strlen(s);
	if (reset_len + n >= sizeof(reset_bytes))
		return;
	memcpy(reset_bytes + reset_len, s, n);
	reset_len += n;
}

/* Append a terminfo string capability to the reset buffer. */
static void add_cap(const char *name)
{
	const char *s = tigetstr(name);

	if (s && s != (const char *)-1)
		add_bytes(s);
}

/* Mouse reporting off (the console may have turned it on, mouse.h): the
 * terminal's XM with 0, else the xterm sequence curses itself uses, on a
 * terminal that reports the mouse at all. */
static void add_mouse_off(void)
{
	const char *xm = tigetstr("XM");
	const char *kmous = tigetstr("kmous");

	if (xm && xm != (const char *)-1)
		add_bytes(tiparm(xm, 0));
	else if (kmous && kmous != (const char *)-1)
		add_bytes("\033[?1000l");
}

void signals_capture_reset(void)
{
	reset_len = 0;
	add_cap("sgr0");
	add_cap("rmkx");
	add_cap("cnorm");
	add_mouse_off();
	add_cap("rmcup");
}

void signals_restore(void)
{
	size_t i;

	if (!installed)
		return;
	for (i = 0; i < N_STOP; i++)
		sigaction(stop_signals[i], &old_stop[i], NULL);
	for (i = 0; i < N_CRASH; i++)
		sigaction(crash_signals[i], &old_crash[i], NULL);
	installed = false;
	reset_fd = -1;
}

int signals_stop_requested(void)
{
	return stop_signal;
}
