/* cmd_escalation.c - raise and resolve escalations.
 *
 * The store routes each kind per DOMAIN.md's rules and refuses the kinds the
 * desk decides itself (ACV ambiguity), with the rule as its message.
 */
#include "coselldesk/cli_args.h"
#include "coselldesk/store.h"
#include "handlers.h"
#include "intro_util.h"

#include <stdlib.h>
#include <string.h>

static const struct args_spec escalate_options[] = {
	{ "kind", 1 }, { "note", 1 }, { NULL, 0 }
};

static const struct args_spec resolve_options[] = { { "note", 1 }, { NULL, 0 } };

static void list_kinds(char *buf, size_t size)
{
	size_t used = 0;
	int k;

	buf[0] = '\0';
	for (k = 0; k < ESC_KIND_COUNT && used < size; k++)
		used += (size_t)snprintf(buf + used, size - used, "%s%s", k ? ", " : "",
					 domain_escalation_kind_name((enum escalation_kind)k));
}

/* The escalation as it now stands: text says msg, json/csv the record. */
static int report_escalation(struct app *app, struct store *st, const char *esc_id,
			     const char *msg)
{
	struct store_escalation *list = NULL, *e = NULL;
	struct output_value *obj;
	enum store_status s;
	char handle[STORE_HANDLE_SIZE];
	size_t n = 0, i;

	if (app->format == OUTPUT_TEXT) {
		printf("%s\n", msg);
		return 0;
	}
	if ((s = store_escalation_list(st, NULL, 0, &list, &n)) != STORE_OK)
		return intro_fail(app, st, s);
	for (i = 0; i < n; i++)
		if (!strcmp(list[i].id, esc_id))
			e = &list[i];
	obj = output_object();
	if (e) {
		output_add_string(obj, "escalation", e->handle);
		store_handle_of(STORE_KIND_INTRO, e->intro_id, handle);
		output_add_string(obj, "intro", handle);
		output_add_string(obj, "kind", domain_escalation_kind_name(e->kind));
		output_add_string(obj, "routed_to", domain_escalation_target_name(e->routed_to));
		output_add_bool(obj, "open", e->open);
		output_add_string(obj, "note", e->note);
		output_add_string(obj, "resolution", e->open ? NULL : e->resolution);
	}
	output_add_string(obj, "message", msg);
	free(list);
	return cli_emit(app, obj);
}

int cmd_escalate(struct app *app, int argc, char **argv)
{
	enum store_status s;
	struct store *st;
	struct args a;
	char id[STORE_ID_SIZE], esc_id[STORE_ID_SIZE], esc_handle[STORE_HANDLE_SIZE];
	char handle[STORE_HANDLE_SIZE], *msg, kinds[256];
	int rc, kind;

	rc = args_parse(app, argc, argv, escalate_options, 1, 1, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if ((rc = intro_need(app, &a, "kind")) || (rc = intro_need(app, &a, "note")))
		return rc;
	if ((kind = domain_escalation_kind_from_name(args_value(&a, "kind"))) < 0) {
		list_kinds(kinds, sizeof kinds);
		return cli_usage_error(app, "--kind: unknown kind '%s' (%s)", args_value(&a, "kind"),
				       kinds);
	}
	if (!(st = intro_open(app, a.positional[0], id, &rc)))
		return rc;
	s = store_escalate(st, id, (enum escalation_kind)kind, args_value(&a, "note"), esc_id);
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	store_handle_of(STORE_KIND_ESCALATION, esc_id, esc_handle);
	store_handle_of(STORE_KIND_INTRO, id, handle);
	msg = cli_printf("%s raised on %s (%s), routed to %s", esc_handle, handle,
		 domain_escalation_kind_name((enum escalation_kind)kind),
		 domain_escalation_target_name(domain_escalation_route((enum escalation_kind)kind)));
	rc = report_escalation(app, st, esc_id, msg);
	free(msg);
	return rc;
}

int cmd_resolve(struct app *app, int argc, char **argv)
{
	enum store_status s;
	struct store *st;
	struct args a;
	char esc_id[STORE_ID_SIZE], esc_handle[STORE_HANDLE_SIZE], *msg;
	int rc;

	rc = args_parse(app, argc, argv, resolve_options, 1, 1, &a);
	if (rc)
		return rc == ARGS_HELP_SHOWN ? 0 : rc;
	if ((rc = intro_need(app, &a, "note")))
		return rc;
	if (!(st = app_store(app, 0, &rc)))
		return rc;
	s = store_resolve(st, STORE_KIND_ESCALATION, a.positional[0], esc_id);
	if (s != STORE_OK)
		return intro_fail(app, st, s);
	if ((s = store_escalation_resolve(st, esc_id, args_value(&a, "note"))) != STORE_OK)
		return intro_fail(app, st, s);
	store_handle_of(STORE_KIND_ESCALATION, esc_id, esc_handle);
	msg = cli_printf("%s resolved", esc_handle);
	rc = report_escalation(app, st, esc_id, msg);
	free(msg);
	return rc;
}
