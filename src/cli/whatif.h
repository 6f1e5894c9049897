/* whatif.h - pieces of `pql` that `score` and `show` reuse (private to src/cli). */
#ifndef COSELLDESK_CLI_WHATIF_H
#define COSELLDESK_CLI_WHATIF_H

#include "coselldesk/cli_args.h"
#include "coselldesk/score.h"

/* Read the six --FACTOR options (all required), each within 0..weight.
 * Returns 0 or an exit code with a message. */
int whatif_read_points(struct app *app, const struct args *a, const struct desk_policy *p,
		       int points[PQL_FACTOR_COUNT]);

/* "none", "any_one", "all_of", "impossible". */
const char *whatif_plan_name(enum score_plan plan);

/* Add factors[], gap, plan, raise[] and advice to an answer. */
void whatif_add_explanation(struct output_value *obj, const struct score_explanation *e);

/* The factor table (points, share, rubric) as text. */
void whatif_print_factors(FILE *f, const struct score_explanation *e);

#endif
