/* queue.c - the triage queue: filter, sort, keyset pages.
 *
 * The statement is composed from fixed fragments only (every one a string
 * literal in this file); every value a person typed is a bound parameter.
 * Sort keys are the very expressions the v2 indexes are built on, and the
 * cursor compares (key, id) as a row value, so a page costs the same at any
 * depth. Partner and account sorts walk that table's name index and, per
 * row, the intros of it by (partner_id|account_id, id).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "coselldesk/query.h"
#include "store_internal.h"

#define SQL_MAX 16384
#define BIND_MAX 160
#define PATTERN_SIZE (2 * STORE_NAME_SIZE + 4)

/* ---- fixed fragments ---- */

#define CLOSED_STATES "('declined', 'won', 'lost')"
#define OPEN_TERM " AND i.state NOT IN ('declined', 'won', 'lost')"

/* Conflicts are between intros that hold a claim on the account: open and
 * not parked in nurture (conflicts.c applies the same rule). The closed-state
 * term is kept verbatim so the partial index on open intros still serves. */
#define CLAIMING(t) "(" t ".state NOT IN " CLOSED_STATES " AND " t ".state <> 'nurture')"
/* The probes read only the small partial index of claims (v4
 * intros_claims: account, partner), never a row, and each stops at its
 * first entry: another partner's claim is one seek below the intro's
 * partner and one above it; a duplicate is the same partner's other claim
 * (told apart by rowid). Scanning an account's claims for a partner that
 * differs cost every row of a page a walk over all of them. */
#define CLAIM_ON(rel) \
	" EXISTS (SELECT 1 FROM intros j WHERE j.account_id = i.account_id" \
	" AND j.partner_id " rel " i.partner_id" \
	" AND j.state NOT IN " CLOSED_STATES " AND j.state <> 'nurture')"
#define EXPR_CHANNEL "(" CLAIMING("i") " AND (" CLAIM_ON("<") " OR " CLAIM_ON(">") "))"
#define EXPR_DUPLICATE \
	"(" CLAIMING("i") " AND EXISTS (SELECT 1 FROM intros j" \
	" WHERE j.account_id = i.account_id AND j.partner_id = i.partner_id AND j.rowid <> i.rowid" \
	" AND j.state NOT IN " CLOSED_STATES " AND j.state <> 'nurture'))"
#define EXPR_TERRITORY \
	"(" CLAIMING("i") " AND a.owner_ae_id IS NOT NULL" \
	" AND ((i.ae_id IS NOT NULL AND i.ae_id <> a.owner_ae_id)" \
	" OR (i.ae_id IS NULL AND i.pod_id IS NOT NULL AND EXISTS (SELECT 1 FROM aes w" \
	" WHERE w.id = a.owner_ae_id AND w.pod_id IS NOT NULL AND w.pod_id <> i.pod_id))))"
#define EXPR_CONFLICT "(" EXPR_CHANNEL " OR " EXPR_TERRITORY ")"
#define EXPR_GAMING "tier_gaming(i.expected_acv, p.median_won_acv)"
/* For a count of open intros a range of the small covering index of SLAs
 * (v3); on a page a filter of the sort's walk. */
#define EXPR_BREACHED "(i.sla_due IS NOT NULL AND i.sla_due < ?)"
#define EXPR_BREACHED_WALK "(+i.sla_due IS NOT NULL AND +i.sla_due < ?)"

#define SELECT_COLS \
	"SELECT i.id, i.received_at, i.sla_due, i.partner_id, p.name, p.tier, i.account_id," \
	" a.name, ifnull(o.signal, 'none'), i.expected_acv, i.score, i.tier, i.ae_hours, i.state," \
	" d.name, s.name, e.name, " EXPR_CONFLICT ", " EXPR_DUPLICATE ", " EXPR_GAMING "," \
	" i.updated_at"

#define JOIN_REST \
	" LEFT JOIN overlaps o ON o.partner_id = i.partner_id AND o.account_id = i.account_id" \
	" LEFT JOIN pods d ON d.id = i.pod_id" \
	" LEFT JOIN specialists s ON s.id = i.owner_id" \
	" LEFT JOIN aes e ON e.id = i.ae_id"
#define FROM_INTROS \
	" FROM intros i JOIN partners p ON p.id = i.partner_id" \
	" JOIN accounts a ON a.id = i.account_id" JOIN_REST
/* A count joins only the tables its filter reads (every intro has its
 * partner and account: the foreign keys), so a count of open intros by
 * due time reads one small index and nothing else. */
static const struct count_join {
	char alias;              /* the alias the filter text uses */
	const char *join;        /* its join */
} count_joins[] = {
	{ 'p', " JOIN partners p ON p.id = i.partner_id" },
	{ 'a', " JOIN accounts a ON a.id = i.account_id" },
	{ 'o', " LEFT JOIN overlaps o ON o.partner_id = i.partner_id AND o.account_id = i.account_id" },
	{ 'd', " LEFT JOIN pods d ON d.id = i.pod_id" },
	{ 's', " LEFT JOIN specialists s ON s.id = i.owner_id" },
	{ 'e', " LEFT JOIN aes e ON e.id = i.ae_id" },
};
#define FROM_BY_PARTNER \
	" FROM partners p CROSS JOIN intros i ON i.partner_id = p.id" \
	" JOIN accounts a ON a.id = i.account_id" JOIN_REST
#define FROM_BY_ACCOUNT \
	" FROM accounts a CROSS JOIN intros i ON i.account_id = a.id" \
	" JOIN partners p ON p.id = i.partner_id" JOIN_REST

enum key_kind { KEY_INT, KEY_TEXT, KEY_NAME };

/* One sortable column: its key expression (as in the index) and fragments. */
struct sort_info {
	const char *name;        /* for people and the config */
	enum key_kind kind;      /* how the cursor holds it */
	const char *key_col;     /* ", <key>" appended to the select list */
	const char *from;        /* FROM clause */
	const char *after[2];    /* keyset condition: [0] ascending walk, [1] descending */
	const char *order[2];    /* ORDER BY: [0] ascending, [1] descending */
};

static const struct sort_info sorts[QUEUE_SORT_COUNT] = {
	[QUEUE_SORT_RECEIVED] = { "received", KEY_INT, ", i.received_at", FROM_INTROS,
		{ " AND (i.received_at, i.id) > (?, ?)", " AND (i.received_at, i.id) < (?, ?)" },
		{ " ORDER BY i.received_at, i.id", " ORDER BY i.received_at DESC, i.id DESC" } },
	[QUEUE_SORT_SLA] = { "sla", KEY_INT, ", ifnull(i.sla_due, 253402300799)", FROM_INTROS,
		{ " AND (ifnull(i.sla_due, 253402300799), i.id) > (?, ?)",
		  " AND (ifnull(i.sla_due, 253402300799), i.id) < (?, ?)" },
		{ " ORDER BY ifnull(i.sla_due, 253402300799), i.id",
		  " ORDER BY ifnull(i.sla_due, 253402300799) DESC, i.id DESC" } },
	[QUEUE_SORT_SCORE] = { "score", KEY_INT, ", ifnull(i.score, -1)", FROM_INTROS,
		{ " AND (ifnull(i.score, -1), i.id) > (?, ?)", " AND (ifnull(i.score, -1), i.id) < (?, ?)" },
		{ " ORDER BY ifnull(i.score, -1), i.id", " ORDER BY ifnull(i.score, -1) DESC, i.id DESC" } },
	[QUEUE_SORT_ACV] = { "acv", KEY_INT, ", ifnull(i.expected_acv, -1)", FROM_INTROS,
		{ " AND (ifnull(i.expected_acv, -1), i.id) > (?, ?)",
		  " AND (ifnull(i.expected_acv, -1), i.id) < (?, ?)" },
		{ " ORDER BY ifnull(i.expected_acv, -1), i.id",
		  " ORDER BY ifnull(i.expected_acv, -1) DESC, i.id DESC" } },
	[QUEUE_SORT_TIER] = { "tier", KEY_INT, ", ifnull(i.tier, 0)", FROM_INTROS,
		{ " AND (ifnull(i.tier, 0), i.id) > (?, ?)", " AND (ifnull(i.tier, 0), i.id) < (?, ?)" },
		{ " ORDER BY ifnull(i.tier, 0), i.id", " ORDER BY ifnull(i.tier, 0) DESC, i.id DESC" } },
	[QUEUE_SORT_STATE] = { "state", KEY_TEXT, ", i.state", FROM_INTROS,
		{ " AND (i.state, i.id) > (?, ?)", " AND (i.state, i.id) < (?, ?)" },
		{ " ORDER BY i.state, i.id", " ORDER BY i.state DESC, i.id DESC" } },
	/* name sorts: (name, that table's rowid, intro id); the intro part is a
	 * range on the per-partner/account index once the outer row is the
	 * cursor's (binds: name, name, rowid, name, rowid, id) */
	[QUEUE_SORT_PARTNER] = { "partner", KEY_NAME, ", p.name, p.rowid", FROM_BY_PARTNER,
		{ " AND p.name >= ? AND (p.name > ? OR p.rowid >= ?)"
		  " AND i.id > CASE WHEN p.name = ? AND p.rowid = ? THEN ? ELSE '' END",
		  " AND p.name <= ? AND (p.name < ? OR p.rowid <= ?)"
		  " AND i.id < CASE WHEN p.name = ? AND p.rowid = ? THEN ? ELSE 'g' END" },
		{ " ORDER BY p.name, p.rowid, i.id", " ORDER BY p.name DESC, p.rowid DESC, i.id DESC" } },
	[QUEUE_SORT_ACCOUNT] = { "account", KEY_NAME, ", a.name, a.rowid", FROM_BY_ACCOUNT,
		{ " AND a.name >= ? AND (a.name > ? OR a.rowid >= ?)"
		  " AND i.id > CASE WHEN a.name = ? AND a.rowid = ? THEN ? ELSE '' END",
		  " AND a.name <= ? AND (a.name < ? OR a.rowid <= ?)"
		  " AND i.id < CASE WHEN a.name = ? AND a.rowid = ? THEN ? ELSE 'g' END" },
		{ " ORDER BY a.name, a.rowid, i.id", " ORDER BY a.name DESC, a.rowid DESC, i.id DESC" } },
};

const char *store_queue_sort_name(enum queue_sort s)
{
	return (unsigned)s < QUEUE_SORT_COUNT ? sorts[s].name : NULL;
}

int store_queue_sort_from_name(const char *name)
{
	int i;
	if (!name)
		return -1;
	if (strcasecmp(name, "age") == 0)
		return QUEUE_SORT_RECEIVED;
	for (i = 0; i < QUEUE_SORT_COUNT; i++)
		if (strcasecmp(name, sorts[i].name) == 0)
			return i;
	return -1;
}

/* ---- composing ---- */

struct bind {
	int is_text;
	long long i;
	char t[PATTERN_SIZE];
};

struct compose {
	char sql[SQL_MAX];
	size_t len;
	int overflow;
	struct bind binds[BIND_MAX];
	int nbind;
};

static void frag(struct compose *c, const char *f)
{
	size_t n = strlen(f);
	if (c->len + n + 1 > sizeof c->sql) {
		c->overflow = 1;
		return;
	}
	memcpy(c->sql + c->len, f, n + 1);
	c->len += n;
}

static void bind_int(struct compose *c, long long v)
{
	if (c->nbind >= BIND_MAX) {
		c->overflow = 1;
		return;
	}
	c->binds[c->nbind].is_text = 0;
	c->binds[c->nbind].i = v;
	c->nbind++;
}

static void bind_text(struct compose *c, const char *t)
{
	if (c->nbind >= BIND_MAX) {
		c->overflow = 1;
		return;
	}
	c->binds[c->nbind].is_text = 1;
	snprintf(c->binds[c->nbind].t, PATTERN_SIZE, "%s", t ? t : "");
	c->nbind++;
}

/* A LIKE pattern %text% with the LIKE wildcards escaped by '\'. */
static void bind_contains(struct compose *c, const char *text)
{
	char pat[PATTERN_SIZE];
	size_t o = 0, i;
	pat[o++] = '%';
	for (i = 0; text[i] && o + 3 < sizeof pat; i++) {
		if (text[i] == '%' || text[i] == '_' || text[i] == '\\')
			pat[o++] = '\\';
		pat[o++] = text[i];
	}
	pat[o++] = '%';
	pat[o] = '\0';
	bind_text(c, pat);
}

/* Free text: handle, partner, account, contact, note. */
static void text_condition(struct compose *c, const char *text)
{
	char hex[STORE_ID_SIZE + 1];
	const char *h = text;
	size_t i;
	if ((h[0] == 'I' || h[0] == 'i') && (h[1] == 'N' || h[1] == 'n') && h[2] == '-')
		h += 3;
	for (i = 0; h[i] && i < STORE_ID_SIZE - 1 && isxdigit((unsigned char)h[i]); i++)
		hex[i] = (char)tolower((unsigned char)h[i]);
	hex[i] = '\0';
	frag(c, "(p.name LIKE ? ESCAPE '\\' OR a.name LIKE ? ESCAPE '\\'"
		" OR ifnull(i.contact, '') LIKE ? ESCAPE '\\' OR ifnull(i.note, '') LIKE ? ESCAPE '\\'");
	bind_contains(c, text);
	bind_contains(c, text);
	bind_contains(c, text);
	bind_contains(c, text);
	if (i >= 4 && h[i] == '\0') {
		frag(c, " OR (i.id >= ? AND i.id < ? || 'g')");
		bind_text(c, hex);
		bind_text(c, hex);
	}
	frag(c, ")");
}

static const char *op_fragment(enum query_op op)
{
	switch (op) {
	case QUERY_NE: return " <> ";
	case QUERY_LT: return " < ";
	case QUERY_LE: return " <= ";
	case QUERY_GT: return " > ";
	case QUERY_GE: return " >= ";
	default:       return " = ";
	}
}

/* age > N means received before now - N: the comparison flips. */
static const char *age_op_fragment(enum query_op op)
{
	switch (op) {
	case QUERY_NE: return " <> ";
	case QUERY_LT: return " > ";
	case QUERY_LE: return " >= ";
	case QUERY_GT: return " < ";
	case QUERY_GE: return " <= ";
	default:       return " = ";
	}
}

struct ctx {
	struct store *st;
	long long now;
	int threshold;
	long long new_since;
	int counting;       /* a count (ranges of filter indexes welcome), not a page */
	int sort;           /* a page: its sort (enum queue_sort) */
};

/* A filter column as a page's condition: hidden from the planner (the
 * unary +) so the page walks its sort index and filters, unless the
 * filter is on the sort's own key, whose range is then where the walk
 * starts and stops (score>=70 sorted by score reads only those rows); a
 * count welcomes any index. */
static const char *filter_column(const struct ctx *x, enum queue_sort key, const char *plain,
				 const char *hidden)
{
	return x->counting || x->sort == (int)key ? plain : hidden;
}

static enum store_status name_term(struct ctx *x, struct compose *c, const struct query_term *t,
				   const char *column, const char *field)
{
	const char *value = t->is_me ? x->st->actor : t->text;
	switch (t->op) {
	case QUERY_CONTAINS:
		frag(c, column);
		frag(c, " LIKE ? ESCAPE '\\'");
		bind_contains(c, value);
		return STORE_OK;
	case QUERY_EQ:
	case QUERY_NE:
		frag(c, column);
		frag(c, t->op == QUERY_EQ ? " = ? COLLATE NOCASE" : " <> ? COLLATE NOCASE");
		bind_text(c, value);
		return STORE_OK;
	default:
		return store_fail(x->st, STORE_INVALID, "%s: '%s' does not compare names (use ':', "
				  "'=', '!=' or '~')", field, query_op_symbol(t->op));
	}
}

static enum store_status term_condition(struct ctx *x, struct compose *c,
					const struct query_term *t)
{
	enum store_status rc = STORE_OK;
	frag(c, t->negated ? " AND NOT (" : " AND (");
	switch (t->field) {
	case QUERY_TEXT:
		text_condition(c, t->text);
		break;
	case QUERY_POD:
		rc = name_term(x, c, t, "ifnull(d.name, '')", "pod");
		break;
	case QUERY_PARTNER:
		rc = name_term(x, c, t, "p.name", "partner");
		break;
	case QUERY_ACCOUNT:
		rc = name_term(x, c, t, "a.name", "account");
		break;
	case QUERY_OWNER:
		rc = name_term(x, c, t, "ifnull(s.name, '')", "owner");
		break;
	case QUERY_AE:
		rc = name_term(x, c, t, "ifnull(e.name, '')", "ae");
		break;
	/* on a page the unary + on filter columns keeps their indexes out of
	 * the plan: the page walks its sort index and filters (a sort of the
	 * matching rows would cost the whole match on every page); a count
	 * welcomes a range of the filter's index */
	case QUERY_TIER:
		/* hidden even under the tier sort: an equality on its key
		 * leaves SQLite sorting the whole tier by id */
		frag(c, x->counting ? "ifnull(i.tier, 0)" : "ifnull(+i.tier, 0)");
		frag(c, op_fragment(t->op));
		frag(c, "?");
		bind_int(c, t->number);
		break;
	case QUERY_SCORE:
		frag(c, filter_column(x, QUEUE_SORT_SCORE, "ifnull(i.score, -1)", "ifnull(+i.score, -1)"));
		frag(c, op_fragment(t->op));
		frag(c, "?");
		bind_int(c, t->number);
		break;
	case QUERY_ACV:
		frag(c, filter_column(x, QUEUE_SORT_ACV, "ifnull(i.expected_acv, -1)",
				      "ifnull(+i.expected_acv, -1)"));
		frag(c, op_fragment(t->op));
		frag(c, "?");
		bind_int(c, t->number);
		break;
	case QUERY_STATE: {
		int open = domain_state_is_open((enum intro_state)t->number);

		if (t->op == QUERY_NE)
			frag(c, x->counting ? "i.state <> ?" : "+i.state <> ?");
		else if (open && x->sort == QUEUE_SORT_RECEIVED)
			/* one open state by arrival (the home view, state:new):
			 * a seek into the open intros by state and arrival */
			frag(c, "i.state = ?");
		else
			frag(c, filter_column(x, QUEUE_SORT_STATE, "i.state = ?", "+i.state = ?"));
		bind_text(c, domain_state_name((enum intro_state)t->number));
		/* an open state: the open-intros indexes may serve the walk */
		if (t->op != QUERY_NE && open)
			frag(c, OPEN_TERM);
		break;
	}
	case QUERY_SIGNAL:
		frag(c, t->op == QUERY_NE ? "ifnull(o.signal, 'none') <> ?"
					  : "ifnull(o.signal, 'none') = ?");
		bind_text(c, domain_signal_name((enum mapping_signal)t->number));
		break;
	case QUERY_AGE:
		frag(c, filter_column(x, QUEUE_SORT_RECEIVED, "i.received_at", "+i.received_at"));
		frag(c, age_op_fragment(t->op));
		frag(c, "?");
		bind_int(c, x->now - t->number);
		break;
	case QUERY_GATE: {
		int want_pql = (t->number != 0) == (t->op != QUERY_NE);
		if (want_pql)
			frag(c, filter_column(x, QUEUE_SORT_SCORE, "ifnull(i.score, -1) >= ?",
					      "ifnull(+i.score, -1) >= ?"));
		else
			frag(c, "+i.score IS NOT NULL AND +i.score < ?");
		bind_int(c, x->threshold);
		break;
	}
	case QUERY_FLAG:
		switch ((enum query_flag)t->number) {
		case QUERY_FLAG_ESCALATED:
			frag(c, x->counting ? "i.state = 'escalated'" : "+i.state = 'escalated'" OPEN_TERM);
			break;
		case QUERY_FLAG_CONFLICT:  frag(c, EXPR_CONFLICT); break;
		case QUERY_FLAG_DUPLICATE: frag(c, EXPR_DUPLICATE); break;
		case QUERY_FLAG_GAMING:    frag(c, EXPR_GAMING); break;
		case QUERY_FLAG_BREACHED:
			frag(c, x->counting ? EXPR_BREACHED : EXPR_BREACHED_WALK);
			bind_int(c, x->now);
			break;
		case QUERY_FLAG_NEW:
			if (x->new_since > 0) {
				frag(c, x->counting ? "i.created_at > ?" : "+i.created_at > ?");
				bind_int(c, x->new_since);
			} else {
				frag(c, x->counting ? "i.state = 'new'" : "+i.state = 'new'" OPEN_TERM);
			}
			break;
		default:
			rc = store_fail(x->st, STORE_INVALID, "unknown flag %lld", t->number);
		}
		break;
	default:
		rc = store_fail(x->st, STORE_INVALID, "unknown query field %d", (int)t->field);
	}
	frag(c, ")");
	return rc;
}

/* Tri-state flag condition. */
static void tri(struct compose *c, int want, const char *expr)
{
	if (want == 0)
		return;
	frag(c, want > 0 ? " AND " : " AND NOT ");
	frag(c, expr);
}

static enum store_status where_clause(struct ctx *x, struct compose *c,
				      const struct queue_filter *f)
{
	struct store *st = x->st;
	char id[STORE_ID_SIZE];
	enum store_status rc;
	unsigned all = (1u << STATE_COUNT) - 1u;
	int i, first;

	frag(c, " WHERE 1");
	if (!f)
		return STORE_OK;
	if (f->arrived_after > 0) {
		frag(c, " AND i.rowid >= ?");
		bind_int(c, f->arrived_after);
	}
	if ((f->states & all) == STORE_STATES_OPEN) {
		/* the literal term lets the planner walk the open-intros partial
		 * indexes in sort order */
		frag(c, OPEN_TERM);
	} else if (f->states & all && (f->states & all) != all) {
		/* the unary + keeps the state index out of the plan: walking the
		 * sort's index and filtering never sorts a whole state's rows */
		frag(c, filter_column(x, QUEUE_SORT_STATE, " AND i.state IN (", " AND +i.state IN ("));
		for (i = 0, first = 1; i < STATE_COUNT; i++)
			if (f->states & STORE_STATE_BIT(i)) {
				frag(c, first ? "?" : ", ?");
				bind_text(c, domain_state_name((enum intro_state)i));
				first = 0;
			}
		frag(c, ")");
		if ((f->states & ~STORE_STATES_OPEN & all) == 0)
			frag(c, OPEN_TERM);
	}
	if (f->pod && *f->pod) {
		rc = resolve_id(st, STORE_KIND_POD, f->pod, id);
		if (rc != STORE_OK)
			return rc;
		frag(c, x->counting ? " AND i.pod_id = ?" : " AND +i.pod_id = ?");
		bind_text(c, id);
	}
	if (f->tiers & 0xfu) {
		frag(c, x->counting ? " AND ifnull(i.tier, 0) IN (" : " AND ifnull(+i.tier, 0) IN (");
		for (i = 0, first = 1; i <= TIER_COUNT; i++)
			if (f->tiers & (1u << i)) {
				frag(c, first ? "?" : ", ?");
				bind_int(c, i);
				first = 0;
			}
		frag(c, ")");
	}
	if (f->partner && *f->partner) {
		rc = resolve_id(st, STORE_KIND_PARTNER, f->partner, id);
		if (rc != STORE_OK)
			return rc;
		frag(c, x->counting ? " AND i.partner_id = ?" : " AND +i.partner_id = ?");
		bind_text(c, id);
	}
	if (f->owner && *f->owner) {
		rc = resolve_id(st, STORE_KIND_SPECIALIST, f->owner, id);
		if (rc != STORE_OK)
			return rc;
		frag(c, x->counting ? " AND i.owner_id = ?" : " AND +i.owner_id = ?");
		bind_text(c, id);
	}
	if (f->ae && *f->ae) {
		rc = resolve_id(st, STORE_KIND_AE, f->ae, id);
		if (rc != STORE_OK)
			return rc;
		frag(c, x->counting ? " AND i.ae_id = ?" : " AND +i.ae_id = ?");
		bind_text(c, id);
	}
	if (f->score_min >= 0) {
		frag(c, filter_column(x, QUEUE_SORT_SCORE, " AND ifnull(i.score, -1) >= ?",
				      " AND ifnull(+i.score, -1) >= ?"));
		bind_int(c, f->score_min);
	}
	if (f->score_max >= 0) {
		frag(c, " AND +i.score <= ?");
		bind_int(c, f->score_max);
	}
	if (f->text && *f->text) {
		if (strlen(f->text) >= STORE_NAME_SIZE)
			return store_fail(st, STORE_INVALID, "search text: at most %d bytes",
					  STORE_NAME_SIZE - 1);
		frag(c, " AND ");
		text_condition(c, f->text);
	}
	if (f->sla_breached) {
		frag(c, f->sla_breached > 0 ? " AND " : " AND NOT ");
		frag(c, x->counting ? EXPR_BREACHED : EXPR_BREACHED_WALK);
		bind_int(c, x->now);
	}
	tri(c, f->conflict, EXPR_CONFLICT);
	tri(c, f->duplicate, EXPR_DUPLICATE);
	tri(c, f->escalated, "(+i.state = 'escalated')");
	if (f->gate > 0) {
		frag(c, filter_column(x, QUEUE_SORT_SCORE, " AND ifnull(i.score, -1) >= ?",
				      " AND ifnull(+i.score, -1) >= ?"));
		bind_int(c, x->threshold);
	} else if (f->gate < 0) {
		frag(c, " AND +i.score < ?");
		bind_int(c, x->threshold);
	}
	if (f->query && *f->query) {
		struct query q;
		char err[STORE_MSG_SIZE];
		size_t k;
		if (query_parse(f->query, &q, err, sizeof err, NULL) != 0)
			return store_fail(st, STORE_INVALID, "%s", err);
		for (k = 0, rc = STORE_OK; k < q.count && rc == STORE_OK; k++)
			rc = term_condition(x, c, &q.terms[k]);
		query_free(&q);
		if (rc != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

/* ---- running ---- */

/* A prepared statement for this text: cached, or fresh when the cached one
 * is still running (a callback re-entering the queue). *fresh tells. */
static sqlite3_stmt *queue_stmt(struct store *st, const char *sql, int *fresh)
{
	struct queue_slot *slot, *victim = NULL;
	sqlite3_stmt *s = NULL;
	size_t i;

	*fresh = 0;
	if (st->plan_hook)
		sq_plan_note(st, sql);
	for (i = 0; i < STORE_QUEUE_CACHE; i++) {
		slot = &st->queue_stmts[i];
		if (slot->sql && strcmp(slot->sql, sql) == 0) {
			if (sqlite3_stmt_busy(slot->stmt))
				break;
			slot->used = ++st->queue_clock;
			return slot->stmt;
		}
		if (!victim || slot->used < victim->used)
			victim = slot;
	}
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		sq_fail(st, "prepare the queue");
		sqlite3_finalize(s);
		return NULL;
	}
	if (i < STORE_QUEUE_CACHE || !victim || (victim->stmt && sqlite3_stmt_busy(victim->stmt))) {
		*fresh = 1;
		return s;
	}
	sqlite3_finalize(victim->stmt);
	free(victim->sql);
	victim->sql = strdup(sql);
	if (!victim->sql) {
		victim->stmt = NULL;
		*fresh = 1;
		return s;
	}
	victim->stmt = s;
	victim->used = ++st->queue_clock;
	return s;
}

static void done_stmt(sqlite3_stmt *s, int fresh)
{
	if (fresh)
		sqlite3_finalize(s);
	else
		sq_reset(s);
}

static void apply_binds(sqlite3_stmt *s, const struct compose *c)
{
	int i;
	for (i = 0; i < c->nbind; i++) {
		if (c->binds[i].is_text)
			sqlite3_bind_text(s, i + 1, c->binds[i].t, -1, SQLITE_STATIC);
		else
			sqlite3_bind_int64(s, i + 1, c->binds[i].i);
	}
}

static void row_of(struct ctx *x, sqlite3_stmt *s, enum key_kind kind, struct queue_row *r)
{
	char buf[32];
	int v;
	memset(r, 0, sizeof *r);
	sq_column_text(s, 0, r->id, sizeof r->id);
	store_handle_of(STORE_KIND_INTRO, r->id, r->handle);
	r->received_at = sqlite3_column_int64(s, 1);
	r->sla_due = sq_column_int(s, 2, 0);
	sq_column_text(s, 3, r->partner_id, sizeof r->partner_id);
	sq_column_text(s, 4, r->partner_name, sizeof r->partner_name);
	sq_column_text(s, 5, buf, sizeof buf);
	v = domain_partner_tier_from_name(buf);
	r->partner_tier = v < 0 ? PARTNER_GROWTH : (enum partner_tier)v;
	sq_column_text(s, 6, r->account_id, sizeof r->account_id);
	sq_column_text(s, 7, r->account_name, sizeof r->account_name);
	sq_column_text(s, 8, buf, sizeof buf);
	v = domain_signal_from_name(buf);
	r->signal = v < 0 ? SIGNAL_NONE : (enum mapping_signal)v;
	r->expected_acv = sq_column_int(s, 9, -1);
	r->score = (int)sq_column_int(s, 10, -1);
	r->tier = (int)sq_column_int(s, 11, 0);
	r->ae_hours = (int)sq_column_int(s, 12, -1);
	sq_column_text(s, 13, buf, sizeof buf);
	v = domain_state_from_name(buf);
	r->state = v < 0 ? STATE_NEW : (enum intro_state)v;
	sq_column_text(s, 14, r->pod_name, sizeof r->pod_name);
	sq_column_text(s, 15, r->owner_name, sizeof r->owner_name);
	sq_column_text(s, 16, r->ae_name, sizeof r->ae_name);
	r->conflict = sqlite3_column_int(s, 17);
	r->duplicate = sqlite3_column_int(s, 18);
	r->gaming = sqlite3_column_int(s, 19);
	r->updated_at = sqlite3_column_int64(s, 20);
	r->escalated = r->state == STATE_ESCALATED;
	r->pql = r->score >= 0 && score_is_pql(r->score, x->threshold);
	r->sla_breached = r->sla_due && r->sla_due < x->now && domain_state_is_open(r->state);
	if (kind == KEY_INT) {
		r->key_int = sqlite3_column_int64(s, 21);
	} else {
		sq_column_text(s, 21, r->key_text, sizeof r->key_text);
		if (kind == KEY_NAME)
			r->key_int = sqlite3_column_int64(s, 22);
	}
}

void store_queue_cursor_of(const struct queue_row *row, struct queue_cursor *out)
{
	memset(out, 0, sizeof *out);
	out->set = 1;
	out->key_int = row->key_int;
	snprintf(out->key_text, sizeof out->key_text, "%s", row->key_text);
	snprintf(out->id, sizeof out->id, "%s", row->id);
}

static void keyset_binds(struct compose *c, const struct sort_info *si,
			 const struct queue_cursor *cur)
{
	switch (si->kind) {
	case KEY_INT:
		bind_int(c, cur->key_int);
		bind_text(c, cur->id);
		break;
	case KEY_TEXT:
		bind_text(c, cur->key_text);
		bind_text(c, cur->id);
		break;
	case KEY_NAME:
		bind_text(c, cur->key_text);
		bind_text(c, cur->key_text);
		bind_int(c, cur->key_int);
		bind_text(c, cur->key_text);
		bind_int(c, cur->key_int);
		bind_text(c, cur->id);
		break;
	}
}

/* Compose the page's statement into c (and its limit). */
static enum store_status compose_page(struct store *st, const struct queue_filter *filter,
				      const struct queue_page *page, struct ctx *x,
				      struct compose *c)
{
	const struct sort_info *si;
	enum store_status rc;
	int walk_desc;

	if ((unsigned)page->sort >= QUEUE_SORT_COUNT)
		return store_fail(st, STORE_INVALID, "unknown sort %d", (int)page->sort);
	if (page->limit < 1 || page->limit > 10000)
		return store_fail(st, STORE_INVALID, "page size %d is outside 1-10000", page->limit);
	si = &sorts[page->sort];
	walk_desc = (page->descending != 0) != (page->backward != 0);
	x->st = st;
	x->now = st_now(st);
	x->threshold = dial_threshold(st);
	x->new_since = filter ? filter->new_since : 0;
	x->counting = 0;
	x->sort = (int)page->sort;
	frag(c, SELECT_COLS);
	frag(c, si->key_col);
	frag(c, si->from);
	rc = where_clause(x, c, filter);
	if (rc != STORE_OK)
		return rc;
	if (page->cursor.set) {
		frag(c, si->after[walk_desc]);
		keyset_binds(c, si, &page->cursor);
	}
	frag(c, si->order[walk_desc]);
	frag(c, " LIMIT ?");
	bind_int(c, page->limit);
	if (c->overflow)
		return store_fail(st, STORE_INVALID, "the filter is too long");
	return STORE_OK;
}

static const struct queue_page *default_page(const struct queue_page *page,
					     struct queue_page *dflt)
{
	if (page)
		return page;
	memset(dflt, 0, sizeof *dflt);
	dflt->limit = 50;
	return dflt;
}

enum store_status store_queue(struct store *st, const struct queue_filter *filter,
			      const struct queue_page *page, store_queue_fn fn, void *ctx)
{
	struct compose *c;
	struct ctx x;
	struct queue_row *rows = NULL;
	struct queue_page dflt;
	enum store_status rc;
	sqlite3_stmt *s;
	enum key_kind kind;
	int fresh = 0, r, n = 0, i;

	store_clear_error(st);
	page = default_page(page, &dflt);
	c = calloc(1, sizeof *c);
	if (!c)
		return store_fail(st, STORE_INTERNAL, "out of memory");
	rc = compose_page(st, filter, page, &x, c);
	if (rc != STORE_OK)
		goto out;
	kind = sorts[page->sort].kind;
	s = queue_stmt(st, c->sql, &fresh);
	if (!s) {
		rc = sq_last(st);
		goto out;
	}
	apply_binds(s, c);
	if (page->backward) {
		rows = malloc((size_t)page->limit * sizeof *rows);
		if (!rows) {
			done_stmt(s, fresh);
			rc = store_fail(st, STORE_INTERNAL, "out of memory");
			goto out;
		}
	}
	while ((r = sq_step(st, s, "read the queue")) == SQLITE_ROW) {
		if (rows) {
			row_of(&x, s, kind, &rows[n++]);
		} else {
			struct queue_row row;
			row_of(&x, s, kind, &row);
			if (fn(ctx, &row))
				break;
		}
	}
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		rc = sq_last(st);
	done_stmt(s, fresh);
	for (i = n - 1; rc == STORE_OK && i >= 0; i--)
		if (fn(ctx, &rows[i]))
			break;
out:
	free(rows);
	free(c);
	return rc;
}

enum store_status store_queue_plan(struct store *st, const struct queue_filter *filter,
				   const struct queue_page *page, char *out, size_t size)
{
	struct compose *c;
	struct ctx x;
	struct queue_page dflt;
	enum store_status rc;
	sqlite3_stmt *s = NULL;
	size_t used = 0;
	int r;

	store_clear_error(st);
	if (size)
		out[0] = '\0';
	page = default_page(page, &dflt);
	c = calloc(1, sizeof *c);
	if (!c)
		return store_fail(st, STORE_INTERNAL, "out of memory");
	memcpy(c->sql, "EXPLAIN QUERY PLAN ", 19);
	c->len = 19;
	rc = compose_page(st, filter, page, &x, c);
	if (rc == STORE_OK && sqlite3_prepare_v2(st->db, c->sql, -1, &s, NULL) != SQLITE_OK)
		rc = sq_fail(st, "explain the queue");
	if (rc == STORE_OK) {
		apply_binds(s, c);
		while ((r = sqlite3_step(s)) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(s, 3);
			int w = snprintf(out + used, size > used ? size - used : 0, "%s\n", d ? d : "");
			if (w > 0 && used + (size_t)w < size)
				used += (size_t)w;
		}
		if (r != SQLITE_DONE)
			rc = sq_fail(st, "explain the queue");
	}
	sqlite3_finalize(s);
	free(c);
	return rc;
}

enum store_status store_queue_sql(struct store *st, const struct queue_filter *filter,
				  const struct queue_page *page, char *out, size_t size)
{
	struct compose *c;
	struct ctx x;
	struct queue_page dflt;
	enum store_status rc;
	sqlite3_stmt *s = NULL;
	char *text = NULL;

	store_clear_error(st);
	if (size)
		out[0] = '\0';
	page = default_page(page, &dflt);
	c = calloc(1, sizeof *c);
	if (!c)
		return store_fail(st, STORE_INTERNAL, "out of memory");
	rc = compose_page(st, filter, page, &x, c);
	if (rc == STORE_OK && sqlite3_prepare_v2(st->db, c->sql, -1, &s, NULL) != SQLITE_OK)
		rc = sq_fail(st, "prepare the queue");
	if (rc == STORE_OK) {
		apply_binds(s, c);
		text = sqlite3_expanded_sql(s);
		if (!text)
			rc = store_fail(st, STORE_INTERNAL, "out of memory");
		else if (strlen(text) >= size)
			rc = store_fail(st, STORE_INVALID, "the statement needs %zu bytes",
					strlen(text) + 1);
		else
			memcpy(out, text, strlen(text) + 1);
	}
	sqlite3_free(text);
	sqlite3_finalize(s);
	free(c);
	return rc;
}

struct fetch_ctx {
	struct queue_row *rows;
	size_t cap;
	size_t n;
};

static int fetch_one(void *ctx, const struct queue_row *row)
{
	struct fetch_ctx *f = ctx;
	if (f->n >= f->cap)
		return 1;
	f->rows[f->n++] = *row;
	return 0;
}

enum store_status store_queue_fetch(struct store *st, const struct queue_filter *filter,
				    const struct queue_page *page, struct queue_row *rows,
				    size_t cap, size_t *n)
{
	struct fetch_ctx f = { rows, cap, 0 };
	enum store_status rc = store_queue(st, filter, page, fetch_one, &f);
	*n = f.n;
	return rc;
}

/* A limit of nothing but states and "gate:pql" (the console's limits are
 * query text): 1 with *states narrowed and *gate set to 1 for gate:pql;
 * 0 when any other term (or a text that does not parse) needs the rows. */
static int query_states_only(const char *text, unsigned *states, int *gate)
{
	struct query q;
	int ok = 1;

	if (query_parse(text, &q, NULL, 0, NULL) != 0)
		return 0;
	for (size_t i = 0; ok && i < q.count; i++) {
		const struct query_term *t = &q.terms[i];

		if (t->field == QUERY_STATE && (t->op == QUERY_EQ || t->op == QUERY_NE) &&
		    t->number >= 0 && t->number < STATE_COUNT) {
			unsigned bit = 1u << t->number;

			*states = (t->op == QUERY_EQ) != (t->negated != 0) ? *states & bit
									    : *states & ~bit;
		} else if (t->field == QUERY_GATE && !t->negated &&
			 (t->number != 0) == (t->op != QUERY_NE))
			*gate = 1;
		else
			ok = 0;
	}
	query_free(&q);
	return ok;
}

/* The counts the console asks for after every change of limit or data
 * come from the tallies the triggers keep when the filter holds nothing
 * but states and the gate "over the bar" (the home view's state:new, the
 * open queue, a pod-less state limit): 1 with *n set, 0 when the filter
 * needs the intros themselves. */
static int count_from_tallies(struct store *st, const struct queue_filter *f, long *n)
{
	unsigned all = (1u << STATE_COUNT) - 1u, states;
	struct store_counts c;
	sqlite3_stmt *s;
	long sum = 0;
	int threshold, gate, r;

	if (!f)
		return store_counts(st, NULL, &c) == STORE_OK ? (*n = c.total, 1) : 0;
	states = f->states & all;
	if (states == 0)
		states = all;
	gate = f->gate;
	if ((f->pod && *f->pod) || f->tiers || (f->partner && *f->partner) ||
	    (f->owner && *f->owner) || (f->ae && *f->ae) || f->score_min >= 0 ||
	    f->score_max >= 0 || (f->text && *f->text) || f->sla_breached || f->conflict ||
	    f->duplicate || f->escalated || f->gate < 0 || f->arrived_after > 0)
		return 0;
	if (f->query && *f->query && !query_states_only(f->query, &states, &gate))
		return 0;
	if (gate == 0) {
		if (store_counts(st, NULL, &c) != STORE_OK)
			return 0;
		for (int i = 0; i < STATE_COUNT; i++)
			if (states & (1u << i))
				sum += c.by_state[i];
		*n = sum;
		return 1;
	}
	/* over the bar: score_counts holds (state, score, n), a few hundred
	 * rows; one pass by state, summed over the states asked for */
	s = sq_prepare(st, "SELECT state, sum(n) FROM score_counts WHERE score >= ?1 GROUP BY state");
	if (!s)
		return 0;
	threshold = dial_threshold(st);
	sqlite3_bind_int(s, 1, threshold);
	while ((r = sq_step(st, s, "count over the bar")) == SQLITE_ROW) {
		int state = domain_state_from_name((const char *)sqlite3_column_text(s, 0));

		if (state >= 0 && (states & (1u << state)))
			sum += (long)sqlite3_column_int64(s, 1);
	}
	sq_release(st, s);
	if (r != SQLITE_DONE)
		return 0;
	*n = sum;
	return 1;
}

/* Does SQL text use "X." as a table alias (not as the end of a longer
 * name)? */
static int uses_alias(const char *sql, char alias)
{
	const char *p;
	for (p = sql; (p = strchr(p, alias)) != NULL; p++)
		if (p[1] == '.' && (p == sql || !(isalnum((unsigned char)p[-1]) || p[-1] == '_')))
			return 1;
	return 0;
}

enum store_status store_queue_count(struct store *st, const struct queue_filter *filter,
				    long *n)
{
	struct compose *c, *w;
	struct ctx x;
	enum store_status rc;
	sqlite3_stmt *s;
	size_t k;
	int fresh = 0;

	store_clear_error(st);
	*n = 0;
	if (count_from_tallies(st, filter, n))
		return STORE_OK;
	store_clear_error(st);
	if (filter && filter->arrived_after > 0) {
		/* "N new" is usually 0: the arrival mark (one rowid seek) says
		 * so, where the count would walk every intro of the limit */
		long long mark = 0;

		rc = store_intro_arrival_mark(st, &mark);
		if (rc != STORE_OK || mark <= filter->arrived_after)
			return rc;
	}
	x.st = st;
	x.now = st_now(st);
	x.threshold = dial_threshold(st);
	x.new_since = filter ? filter->new_since : 0;
	x.counting = 1;
	x.sort = -1;
	c = calloc(1, sizeof *c);
	w = calloc(1, sizeof *w);
	if (!c || !w) {
		free(c);
		free(w);
		return store_fail(st, STORE_INTERNAL, "out of memory");
	}
	/* the filter first, to know which tables it reads */
	rc = where_clause(&x, w, filter);
	frag(c, "SELECT count(*) FROM intros i");
	for (k = 0; k < sizeof count_joins / sizeof count_joins[0]; k++)
		if (uses_alias(w->sql, count_joins[k].alias))
			frag(c, count_joins[k].join);
	frag(c, w->sql);
	memcpy(c->binds, w->binds, sizeof c->binds);
	c->nbind = w->nbind;
	c->overflow |= w->overflow;
	free(w);
	if (rc == STORE_OK && c->overflow)
		rc = store_fail(st, STORE_INVALID, "the filter is too long");
	if (rc == STORE_OK) {
		s = queue_stmt(st, c->sql, &fresh);
		if (!s) {
			rc = sq_last(st);
		} else {
			apply_binds(s, c);
			if (sq_step(st, s, "count the queue") == SQLITE_ROW)
				*n = (long)sqlite3_column_int64(s, 0);
			else
				rc = sq_last(st);
			done_stmt(s, fresh);
		}
	}
	free(c);
	return rc;
}

void store_interrupt(struct store *st)
{
	if (st && st->db)
		sqlite3_interrupt(st->db);
}

enum store_status store_intro_arrival_mark(struct store *st, long long *mark)
{
	store_clear_error(st);
	*mark = 0;
	/* the next rowid: never 0, so a mark of an empty desk still counts */
	return sq_one_int(st, "SELECT ifnull(max(rowid), 0) + 1 FROM intros", NULL, mark);
}
