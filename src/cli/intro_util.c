/* intro_util.c - what the commands on one intro share: resolving the id,
 * naming the rows an id points at, and reporting the intro as it now stands.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/store.h"
#include "intro_util.h"

#include <stdlib.h>
#include <string.h>

int intro_fail(struct app *app, struct store *st, enum store_status s)
{
	const char *msg = st ? store_errmsg(st) : "";
	cli_error(app, "%s", msg && *msg ? msg : store_status_name(s));
	return store_exit_code(s);
}

struct store *intro_open(struct app *app, const char *text, char id[STORE_ID_SIZE], int *rc)
{
	struct store *st = app_store(app, 0, rc);
	enum store_status s;

	if (!st)
		return NULL;
	if ((s = store_resolve(st, STORE_KIND_INTRO, text, id)) != STORE_OK) {
		*rc = intro_fail(app, st, s);
		return NULL;
	}
	return st;
}

void intro_name_of(struct store *st, enum store_kind kind, const char *id, char *out,
		   size_t size)
{
	out[0] = '\0';
	if (!id || !*id)
		return;
	switch (kind) {
	case STORE_KIND_AE: {
		struct store_ae ae;
		if (store_ae_get(st, id, &ae) == STORE_OK)
			snprintf(out, size, "%s", ae.name);
		break;
	}
	case STORE_KIND_PARTNER: {
		struct store_partner p;
		if (store_partner_get(st, id, &p) == STORE_OK)
			snprintf(out, size, "%s", p.name);
		break;
	}
	case STORE_KIND_POD: {
		struct store_pod p;
		if (store_pod_get(st, id, &p) == STORE_OK)
			snprintf(out, size, "%s", p.name);
		break;
	}
	case STORE_KIND_SPECIALIST: {
		struct store_specialist sp;
		if (store_specialist_get(st, id, &sp) == STORE_OK)
			snprintf(out, size, "%s", sp.name);
		break;
	}
	case STORE_KIND_ACCOUNT: {
		struct store_account ac;
		if (store_account_get(st, id, &ac) == STORE_OK)
			snprintf(out, size, "%s", ac.name);
		break;
	}
	default:
		break;
	}
}

void intro_add_text(struct output_value *o, const char *key, const char *s)
{
	output_add_string(o, key, s && *s ? s : NULL);
}

/* What intro_report says, message still the caller's. */
static int report_summary(struct app *app, struct store *st, const char *id,
			  const char *message)
{
	struct store_intro in;
	struct output_value *obj;
	enum store_status s;
	char ae[STORE_NAME_SIZE];
	int threshold = 0, from_desk;

	if (app->format == OUTPUT_TEXT) {
		printf("%s\n", message);
		return 0;
	}
	if ((s = store_intro_get(st, id, &in)) != STORE_OK)
		return intro_fail(app, st, s);
	if ((s = store_dial_get(st, &threshold, &from_desk)) != STORE_OK)
		return intro_fail(app, st, s);
	intro_name_of(st, STORE_KIND_AE, in.ae_id, ae, sizeof ae);
	obj = output_object();
	output_add_string(obj, "intro", in.handle);
	output_add_string(obj, "state", domain_state_name(in.state));
	output_add_int_or_null(obj, "score", in.score, in.scored);
	if (in.scored)
		output_add_bool(obj, "pql", in.score >= threshold);
	else
		output_add_null(obj, "pql");
	output_add_int_or_null(obj, "tier", in.tier, in.tier > 0);
	output_add_int_or_null(obj, "ae_hours", in.ae_hours, in.ae_hours >= 0);
	intro_add_text(obj, "ae", ae);
	output_add_string(obj, "message", message);
	return cli_emit(app, obj);
}

int intro_report(struct app *app, struct store *st, const char *id, char *message)
{
	int rc = report_summary(app, st, id, message);

	free(message);
	return rc;
}

/* Parse ID plus options; open the desk and resolve the id. */
struct store *intro_begin(struct app *app, int argc, char **argv,
			   const struct args_spec *spec, int max_pos, struct args *a,
			   char id[STORE_ID_SIZE], int *rc)
{
	*rc = args_parse(app, argc, argv, spec, 1, max_pos, a);
	if (*rc) {
		if (*rc == ARGS_HELP_SHOWN)
			*rc = 0;
		return NULL;
	}
	return intro_open(app, a->positional[0], id, rc);
}

const char *intro_handle_of(const char *id, char out[STORE_HANDLE_SIZE])
{
	store_handle_of(STORE_KIND_INTRO, id, out);
	return out;
}

/* A required option that is missing is a usage error. */
int intro_need(const struct app *app, const struct args *a, const char *name)
{
	const char *v = args_value(a, name);
	if (!v)
		return cli_usage_error(app, "missing --%s", name);
	if (!*v)
		return cli_usage_error(app, "--%s: the value is empty", name);
	return 0;
}
