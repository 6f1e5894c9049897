/* commands.c - the table of batch commands and the help made from it.
 *
 * Adding a command is one line here plus its handler; `--help`,
 * `COMMAND --help` and "did you mean" all read this table.
 */
#include "coselldesk/cli.h"
#include "handlers.h"

#include <ctype.h>
#include <string.h>

#define FACTOR_OPTIONS \
	"  --overlap N        overlap depth points (0-25 by default)\n" \
	"  --budget N         budget / timing points (0-20)\n" \
	"  --icp N            ICP fit points (0-20)\n" \
	"  --relationship N   partner relationship strength points (0-15)\n" \
	"  --competitive N    competitive position points (0-10)\n" \
	"  --size N           deal size vs effort points (0-10)\n"

static const struct cli_command commands[] = {
	{ "init", "create the desk file, or bring its schema up to date",
	  "init", NULL, cmd_init },
	{ "import", "import a CSV file (all rows or none)",
	  "import intros|partners|accounts|overlaps|aes|outcomes FILE [--dry-run]",
	  "  --dry-run          check every row and report, change nothing\n",
	  cmd_import },
	{ "export", "write a table of the desk as CSV",
	  "export intros|partners|accounts|overlaps|aes|outcomes [--output FILE]",
	  "  --output FILE      write to FILE (created 0600) instead of stdout\n",
	  cmd_export },
	{ "queue", "list intros, filtered and sorted",
	  "queue [FILTERS] [--query TEXT] [--sort COL[,-COL]] [--limit N]",
	  "  --state STATES     comma-separated states (new, triaged, scored, routed, ...),\n"
	  "                     open (the default) or all\n"
	  "  --pod NAME         only this pod (name)\n"
	  "  --tier TIERS       comma-separated tiers: 1, 2, 3 or none\n"
	  "  --partner NAME     only this partner (name or handle)\n"
	  "  --owner NAME       desk specialist who owns the intro (\"me\": you)\n"
	  "  --ae NAME          assigned AE\n"
	  "  --min-score N      score at least N\n"
	  "  --max-score N      score at most N\n"
	  "  --search TEXT      text in handle, partner, account, contact or note\n"
	  "  --breached         only intros past their SLA\n"
	  "  --conflict         only intros flagged with a conflict\n"
	  "  --pql              only intros at or over the bar\n"
	  "  --query TEXT       the console's query language (\"tier:1 score>=70 !escalated\")\n"
	  "  --sort COLS        comma-separated columns, '-' for descending\n"
	  "                     (received, score, acv, tier, state, partner, account, age, sla)\n"
	  "  --limit N          at most N rows\n",
	  cmd_queue },
	{ "show", "everything about one intro",
	  "show ID", NULL, cmd_show },
	{ "score", "score an intro's six PQL factors",
	  "score ID --overlap N --budget N --icp N --relationship N --competitive N --size N\n"
	  "[--note TEXT]",
	  FACTOR_OPTIONS
	  "  --note TEXT        why, kept in the audit trail\n", cmd_score },
	{ "tier", "accept the suggested tier, or override it with a reason",
	  "tier ID [N --reason TEXT] [--hours H]",
	  "  --reason TEXT      why the tier differs from the suggestion (needed for an override)\n"
	  "  --hours H          AE-hour budget within the tier's range (default: its preset)\n",
	  cmd_tier },
	{ "route", "route an intro to an AE (the suggested one when none is named)",
	  "route ID [AE] [--note TEXT]",
	  "  --note TEXT        why, kept in the audit trail\n"
	  "A tier 3 intro routed without an AE becomes partner-led (no AE hours).\n",
	  cmd_route },
	{ "nurture", "move an intro below the bar to nurture (no AE hours)",
	  "nurture ID [--note TEXT]",
	  "  --note TEXT        why, kept in the audit trail\n", cmd_nurture },
	{ "accept", "record the AE's acceptance",
	  "accept ID [--note TEXT]",
	  "  --note TEXT        kept in the audit trail\n", cmd_accept },
	{ "reject", "record the AE's rejection",
	  "reject ID --reason CODE [--note TEXT]",
	  "  --reason CODE      a rejection reason code\n"
	  "  --note TEXT        kept in the audit trail\n", cmd_reject },
	{ "decline", "decline an intro",
	  "decline ID --reason CODE [--note TEXT]",
	  "  --reason CODE      a decline reason code\n"
	  "  --note TEXT        kept in the audit trail\n", cmd_decline },
	{ "reasons", "list the reason codes of rejections, declines and losses",
	  "reasons [rejection|decline|loss]", NULL, cmd_reasons },
	{ "escalate", "raise an escalation on an intro",
	  "escalate ID --kind KIND --note TEXT",
	  "  --kind KIND        stalled_deal, ae_collision, channel_conflict,\n"
	  "                     partner_pushback, acv_ambiguity or tier_dispute\n"
	  "  --note TEXT        what is wrong\n", cmd_escalate },
	{ "resolve", "resolve an escalation",
	  "resolve ESCALATION --note TEXT",
	  "  --note TEXT        how it was resolved\n", cmd_resolve },
	{ "hours", "log AE hours spent on an intro",
	  "hours ID --ae NAME --hours H --activity TEXT",
	  "  --ae NAME          the AE\n"
	  "  --hours H          hours spent (decimals allowed)\n"
	  "  --activity TEXT    meeting, demo, email, proposal...\n", cmd_hours },
	{ "close", "close an intro won or lost",
	  "close ID won [--acv DOLLARS] [--note TEXT]\n"
	  "close ID lost --reason CODE [--note TEXT]",
	  "  --acv DOLLARS      actual ACV of a won deal (default: the expected ACV)\n"
	  "  --reason CODE      a loss reason code (lost)\n"
	  "  --note TEXT        kept in the audit trail\n", cmd_close },
	{ "attribute", "record a partner's attribution role on a deal",
	  "attribute ID --role ROLE --partner NAME [--percent P]",
	  "  --role ROLE        sourcing, selling, technical_validation, implementation\n"
	  "                     or influence\n"
	  "  --partner NAME     the partner playing the role\n"
	  "  --percent P        override the published split for this role\n", cmd_attribute },
	{ "brief", "print, edit or export an intro's brief",
	  "brief ID [--edit | --export md [--output FILE]]",
	  "  --edit             edit in the config's editor.command, $VISUAL or $EDITOR;\n"
	  "                     an unchanged file is not a new version\n"
	  "  --export md        write the brief as markdown\n"
	  "  --output FILE      with --export: write to FILE (created 0600)\n", cmd_brief },
	{ "dial", "show the PQL bar, or move it and say how many intros change gate",
	  "dial [N]", NULL, cmd_dial },
	{ "rescore", "recompute every stored score with the current weights",
	  "rescore", NULL, cmd_rescore },
	{ "undo", "undo the last change recorded in the audit trail",
	  "undo", NULL, cmd_undo },
	{ "report", "capacity, pods, calibration, partners or attribution",
	  "report capacity|pods|calibration|partners|attribution [OPTIONS]",
	  "of report capacity (each overrides what the desk holds; without a desk the\n"
	  "flags and the policy defaults are enough):\n"
	  "  --aes N            account executives\n"
	  "  --hours H          selling hours per AE per week\n"
	  "  --weeks W          weeks in the period\n"
	  "  --share S          co-sell share of selling hours (0.25 or 25%)\n"
	  "  --tier1 N          tier 1 deals\n"
	  "  --tier2 N          tier 2 deals\n"
	  "  --tier3 N          tier 3 deals\n", cmd_report },
	{ "pql", "what-if: score six factors without a desk",
	  "pql --overlap N --budget N --icp N --relationship N --competitive N --size N\n"
	  "[--acv DOLLARS] [--strategic] [--threshold N]",
	  FACTOR_OPTIONS
	  "  --acv DOLLARS      expected ACV, for the tier ($55,000 or 55000)\n"
	  "  --strategic        the account is strategic\n"
	  "  --threshold N      the bar to judge against (default: the config's)\n", cmd_pql },
	{ "split", "what-if: split an amount over attribution roles",
	  "split --amount DOLLARS --roles ROLE[=PERCENT],...",
	  "  --amount DOLLARS   the amount to split\n"
	  "  --roles LIST       roles present; with =PERCENT each, they must sum to 100,\n"
	  "                     else the configured role weights are renormalised\n", cmd_split },
	{ "check", "check the desk (integrity, schema), the config and the theme",
	  "check", NULL, cmd_check },
	{ "help", "show the help of a command",
	  "help [COMMAND]", NULL, cmd_help },
	{ NULL, NULL, NULL, NULL, NULL }
};

const struct cli_command *cli_commands(void)
{
	return commands;
}

const struct cli_command *cli_command_find(const char *name)
{
	const struct cli_command *c;

	if (!name)
		return NULL;
	for (c = commands; c->name; c++)
		if (!strcmp(c->name, name))
			return c;
	return NULL;
}

/* Edit distance, small strings only (command names). */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[32];

	if (la >= 32 || lb >= 32)
		return 99;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j];
			size_t best = diag + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

const char *cli_command_suggest(const char *name)
{
	const struct cli_command *c;
	const char *best = NULL;
	size_t best_d = 3;

	for (c = commands; c->name; c++) {
		size_t d = distance(name, c->name);
		if (d < best_d) {
			best_d = d;
			best = c->name;
		}
	}
	return best;
}

void cli_print_usage(FILE *f, const char *program)
{
	const struct cli_command *c;

	fprintf(f, "usage: %s [GLOBAL OPTIONS]                 open the console\n", program);
	fprintf(f, "       %s [GLOBAL OPTIONS] COMMAND [ARGS]  run one batch command\n", program);
	fputs("\nGlobal options (also accepted after the command):\n"
	      "  --db PATH          the desk file (else $COSELLDESK_DB, else\n"
	      "                     $XDG_DATA_HOME/coselldesk/desk.db)\n"
	      "  --config PATH      the config file (else $COSELLDESK_CONFIG, else\n"
	      "                     $XDG_CONFIG_HOME/coselldesk/config, else built-in)\n"
	      "  --format FORMAT    text (default), csv or json\n"
	      "  --theme NAME       console colour theme\n"
	      "  --version          print the version and the libraries' versions\n"
	      "  --help             print this help\n"
	      "\nCommands:\n", f);
	for (c = commands; c->name; c++)
		fprintf(f, "  %-10s %s\n", c->name, c->summary);
	fprintf(f, "\nIDs accept handles (IN-7F3A2C). '%s COMMAND --help' shows a command's"
		   " options;\nman coselldesk has the rest.\n", program);
}

void cli_print_command_help(FILE *f, const char *program, const struct cli_command *cmd)
{
	const char *line = cmd->usage;
	size_t name_len = strlen(cmd->name);
	int first = 1;

	/* a line starting with the command is another form ("or:"); any other
	 * line continues the one before, indented under its arguments */
	while (*line) {
		const char *end = strchr(line, '\n');
		int len = end ? (int)(end - line) : (int)strlen(line);

		if (first)
			fprintf(f, "usage: %s %.*s\n", program, len, line);
		else if (!strncmp(line, cmd->name, name_len) && line[name_len] == ' ')
			fprintf(f, "   or: %s %.*s\n", program, len, line);
		else
			fprintf(f, "       %*s %.*s\n", (int)(strlen(program) + name_len + 1), "",
				len, line);
		first = 0;
		line += len + (end ? 1 : 0);
	}
	fprintf(f, "\n%c%s.\n", toupper((unsigned char)cmd->summary[0]), cmd->summary + 1);
	if (cmd->options)
		fprintf(f, "\nOptions:\n%s", cmd->options);
}

void cli_print_usage_hint(FILE *f, const char *program, const char *command)
{
	if (command && cli_command_find(command))
		fprintf(f, "Try '%s %s --help'.\n", program, command);
	else
		fprintf(f, "Try '%s --help'.\n", program);
}
