/* args.c - long options of one command and the numbers they carry.
 *
 * Written by hand rather than with getopt_long so that every message names
 * the command, the option and the value the same way, and so that numbers
 * are strict: "12abc", "1e3", " 7" and "nan" are refused, not half-read.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/import.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <string.h>

static int spec_index(const struct args_spec *spec, const char *name, size_t len)
{
	int i;

	for (i = 0; spec[i].name; i++)
		if (strlen(spec[i].name) == len && !strncmp(spec[i].name, name, len))
			return i;
	return -1;
}

static void show_help(const struct app *app)
{
	const struct cli_command *cmd = cli_command_find(app->command);
	if (cmd)
		cli_print_command_help(stdout, app->program, cmd);
}

int args_parse(struct app *app, int argc, char **argv, const struct args_spec *spec,
	       int min_pos, int max_pos, struct args *out)
{
	int i, only_positional = 0;

	memset(out, 0, sizeof *out);
	out->spec = spec;
	for (i = 1; i < argc; i++) {
		const char *arg = argv[i];

		if (!only_positional && !strcmp(arg, "--")) {
			only_positional = 1;
			continue;
		}
		if (!only_positional && (!strcmp(arg, "--help") || !strcmp(arg, "-h"))) {
			show_help(app);
			return ARGS_HELP_SHOWN;
		}
		if (!only_positional && arg[0] == '-' && arg[1] == '-') {
			const char *name = arg + 2;
			const char *eq = strchr(name, '=');
			size_t len = eq ? (size_t)(eq - name) : strlen(name);
			int k = spec_index(spec, name, len);

			if (k < 0 && app_is_global_option(name, len)) {
				/* --db, --config, --format, --theme work after the command too */
				char gname[16];
				const char *value = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
				int rc;

				snprintf(gname, sizeof gname, "%.*s", (int)len, name);
				if (!value)
					return cli_usage_error(app, "option '--%s' needs a value", gname);
				if ((rc = app_set_global_option(app, gname, value)))
					return rc;
				continue;
			}
			if (k < 0)
				return cli_usage_error(app, "unknown option '--%.*s'", (int)len, name);
			if (out->value[k])
				return cli_usage_error(app, "option '--%s' given twice", spec[k].name);
			if (!spec[k].takes_value) {
				if (eq)
					return cli_usage_error(app, "option '--%s' takes no value",
							       spec[k].name);
				out->value[k] = "";
			} else if (eq) {
				out->value[k] = eq + 1;
			} else if (i + 1 < argc) {
				out->value[k] = argv[++i];
			} else {
				return cli_usage_error(app, "option '--%s' needs a value",
						       spec[k].name);
			}
			continue;
		}
		if (!only_positional && arg[0] == '-' && arg[1] != '\0' &&
		    !isdigit((unsigned char)arg[1]))
			return cli_usage_error(app, "unknown option '%s'", arg);
		if (out->positional_count >= max_pos)
			return cli_usage_error(app, "unexpected argument '%s'", arg);
		out->positional[out->positional_count++] = arg;
	}
	if (out->positional_count < min_pos)
		return cli_usage_error(app, "missing argument%s", min_pos - out->positional_count > 1 ? "s" : "");
	return 0;
}

const char *args_value(const struct args *a, const char *name)
{
	int k = spec_index(a->spec, name, strlen(name));
	return k < 0 ? NULL : a->value[k];
}

int args_flag(const struct args *a, const char *name)
{
	return args_value(a, name) != NULL;
}

/* ---- parsers ------------------------------------------------------------ */

int args_parse_whole(const char *s, long long *out)
{
	long long v = 0;
	int neg = 0;

	if (*s == '-') {
		neg = 1;
		s++;
	}
	if (!isdigit((unsigned char)*s))
		return -1;
	for (; *s; s++) {
		if (!isdigit((unsigned char)*s))
			return -1;
		if (v > (LLONG_MAX - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

/* Money reads as the importer reads it, so a figure typed on the command
 * line and one in a CSV file mean the same: digits, an optional '$',
 * thousands separators, decimals rounded, a K or M suffix. */
int args_parse_dollars(const char *s, long long *out)
{
	return import_parse_money(s, out) == 0 ? 0 : -1;
}

int args_parse_decimal(const char *s, double *out)
{
	double v = 0, scale = 1;
	int digits = 0, seen_dot = 0;

	for (; *s; s++) {
		if (*s == '.' && !seen_dot) {
			seen_dot = 1;
			continue;
		}
		if (!isdigit((unsigned char)*s))
			return -1;
		digits++;
		if (digits > 15)
			return -1;
		if (seen_dot) {
			scale /= 10;
			v += (*s - '0') * scale;
		} else {
			v = v * 10 + (*s - '0');
		}
	}
	if (!digits)
		return -1;
	*out = v;
	return 0;
}

/* ---- typed getters ------------------------------------------------------- */

int args_whole(const struct app *app, const struct args *a, const char *name,
	       long long *out, int *given)
{
	const char *v = args_value(a, name);

	if (given)
		*given = 0;
	if (!v)
		return 0;
	if (args_parse_whole(v, out) < 0)
		return cli_usage_error(app, "--%s: '%s' is not a whole number", name, v);
	if (given)
		*given = 1;
	return 0;
}

int args_dollars(const struct app *app, const struct args *a, const char *name,
		 long long *out, int *given)
{
	const char *v = args_value(a, name);

	if (given)
		*given = 0;
	if (!v)
		return 0;
	switch (import_parse_money(v, out)) {
	case 0:
		break;
	case -2:
		cli_error(app, "--%s: '%s' is negative; amounts are 0 or more", name, v);
		return EX_DATAERR;
	case -3:
		cli_error(app, "--%s: '%s' is too large", name, v);
		return EX_DATAERR;
	default:
		return cli_usage_error(app, "--%s: '%s' is not an amount in dollars "
				       "(55000, $55,000 or 55K)", name, v);
	}
	if (given)
		*given = 1;
	return 0;
}

int args_decimal(const struct app *app, const struct args *a, const char *name,
		 double *out, int *given)
{
	const char *v = args_value(a, name);

	if (given)
		*given = 0;
	if (!v)
		return 0;
	if (args_parse_decimal(v, out) < 0)
		return cli_usage_error(app, "--%s: '%s' is not a number (digits, optional decimals)",
				       name, v);
	if (given)
		*given = 1;
	return 0;
}

int args_share(const struct app *app, const struct args *a, const char *name,
	       double *out, int *given)
{
	const char *v = args_value(a, name);
	size_t len;
	double d;

	if (given)
		*given = 0;
	if (!v)
		return 0;
	len = strlen(v);
	if (len > 1 && v[len - 1] == '%') {
		char buf[32];
		if (len - 1 >= sizeof buf)
			goto bad;
		memcpy(buf, v, len - 1);
		buf[len - 1] = '\0';
		if (args_parse_decimal(buf, &d) < 0)
			goto bad;
		d /= 100;
	} else if (args_parse_decimal(v, &d) < 0) {
		goto bad;
	}
	if (d > 1) {
		cli_error(app, "--%s: '%s' is more than the whole (use 0.25 or 25%%)", name, v);
		return EX_DATAERR;
	}
	*out = d;
	if (given)
		*given = 1;
	return 0;
bad:
	return cli_usage_error(app, "--%s: '%s' is not a share (0.25 or 25%%)", name, v);
}

int args_check_range(const struct app *app, const char *name, long long v,
		     long long lo, long long hi, const char *what)
{
	if (v >= lo && v <= hi)
		return 0;
	if (what)
		cli_error(app, "--%s: %lld is outside %lld-%lld (%s)", name, v, lo, hi, what);
	else
		cli_error(app, "--%s: %lld is outside %lld-%lld", name, v, lo, hi);
	return EX_DATAERR;
}
