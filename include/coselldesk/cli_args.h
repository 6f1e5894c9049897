/* cli_args.h - options of one batch command, and the numbers they carry.
 *
 * Each command lists its long options in a small table; args_parse() reads
 * "--name VALUE", "--name=VALUE", flags, positional words and "--", and
 * answers every mistake with a message naming the option and the value,
 * followed by the --help hint (EX_USAGE). Implemented in src/cli/args.c.
 */
#ifndef COSELLDESK_CLI_ARGS_H
#define COSELLDESK_CLI_ARGS_H

#include "coselldesk/cli.h"

#define ARGS_MAX_OPTIONS 24     /* options one command may declare */
#define ARGS_MAX_POSITIONAL 8   /* positional words one command may take */

/* args_parse() returns this when it printed the command's help: exit 0. */
#define ARGS_HELP_SHOWN (-1)

/* One option of a command. A table ends with an entry whose name is NULL. */
struct args_spec {
	const char *name;          /* long name without dashes ("min-score") */
	int takes_value;           /* 1: needs a value; 0: a flag */
};

/* What the command line held. */
struct args {
	const struct args_spec *spec;              /* the table it was parsed with */
	const char *value[ARGS_MAX_OPTIONS];       /* per spec entry: its value, "" for
	                                            * a flag that was given, NULL if absent */
	const char *positional[ARGS_MAX_POSITIONAL]; /* the words that are not options */
	int positional_count;                      /* how many */
};

/* Parse argv[1..argc-1] (argv[0] is the command name). min_pos/max_pos bound
 * the positional words. Returns 0, EX_USAGE (message printed) or
 * ARGS_HELP_SHOWN. An option given twice is a usage error. */
int args_parse(struct app *app, int argc, char **argv, const struct args_spec *spec,
	       int min_pos, int max_pos, struct args *out);

/* The value of an option by name (NULL when absent); 1/0 for a flag. */
const char *args_value(const struct args *a, const char *name);
int args_flag(const struct args *a, const char *name);

/* Typed getters. Each returns 0 when the option is absent (*out untouched,
 * *given = 0) or well formed (*given = 1), and EX_USAGE with a message
 * naming the option and the value when it is malformed. given may be NULL. */
int args_whole(const struct app *app, const struct args *a, const char *name,
	       long long *out, int *given);       /* digits, optional leading '-' */
int args_dollars(const struct app *app, const struct args *a, const char *name,
		 long long *out, int *given);     /* $55,000 / 55000 / 55K, as import reads
						   * money; negative or too large: EX_DATAERR */
int args_decimal(const struct app *app, const struct args *a, const char *name,
		 double *out, int *given);        /* 13 / 4.1 */
int args_share(const struct app *app, const struct args *a, const char *name,
	       double *out, int *given);          /* 0.25 or 25% -> 0.25 */

/* The parsers behind them, for values that are not options (a positional
 * tier, a ROLE=PERCENT pair). 0 on success, -1 when malformed. */
int args_parse_whole(const char *s, long long *out);
int args_parse_dollars(const char *s, long long *out);
int args_parse_decimal(const char *s, double *out);

/* A whole number as an option's value must lie in lo..hi: returns 0, or
 * EX_DATAERR with "--overlap: 30 is outside 0-25 (overlap depth)". what may
 * be NULL. */
int args_check_range(const struct app *app, const char *name, long long v,
		     long long lo, long long hi, const char *what);

#endif
