/* handlers.h - the batch commands, one function each (private to src/cli).
 *
 * Every handler gets argv with argv[0] the command name and returns an exit
 * code (cli.h lists them). commands.c puts them in the table.
 */
#ifndef COSELLDESK_CLI_HANDLERS_H
#define COSELLDESK_CLI_HANDLERS_H

#include "coselldesk/cli.h"

/* cmd_whatif.c: calculators that need no desk */
int cmd_pql(struct app *app, int argc, char **argv);
int cmd_split(struct app *app, int argc, char **argv);

/* cmd_report.c */
int cmd_report(struct app *app, int argc, char **argv);

/* cmd_desk.c: the desk as a whole */
int cmd_init(struct app *app, int argc, char **argv);
int cmd_dial(struct app *app, int argc, char **argv);
int cmd_rescore(struct app *app, int argc, char **argv);
int cmd_undo(struct app *app, int argc, char **argv);
int cmd_check(struct app *app, int argc, char **argv);
int cmd_help(struct app *app, int argc, char **argv);

/* cmd_queue.c */
int cmd_queue(struct app *app, int argc, char **argv);

/* cmd_intro.c: one intro through its life */
int cmd_show(struct app *app, int argc, char **argv);
int cmd_score(struct app *app, int argc, char **argv);
int cmd_tier(struct app *app, int argc, char **argv);
int cmd_route(struct app *app, int argc, char **argv);
int cmd_nurture(struct app *app, int argc, char **argv);
int cmd_reasons(struct app *app, int argc, char **argv);
int cmd_accept(struct app *app, int argc, char **argv);
int cmd_reject(struct app *app, int argc, char **argv);
int cmd_decline(struct app *app, int argc, char **argv);
int cmd_close(struct app *app, int argc, char **argv);
int cmd_hours(struct app *app, int argc, char **argv);
int cmd_attribute(struct app *app, int argc, char **argv);

/* cmd_escalation.c */
int cmd_escalate(struct app *app, int argc, char **argv);
int cmd_resolve(struct app *app, int argc, char **argv);

/* cmd_brief.c */
int cmd_brief(struct app *app, int argc, char **argv);

/* cmd_transfer.c: CSV in and out */
int cmd_import(struct app *app, int argc, char **argv);
int cmd_export(struct app *app, int argc, char **argv);

#endif
