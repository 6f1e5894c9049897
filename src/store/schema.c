/* schema.c - the desk's schema as ordered migrations.
 *
 * PRAGMA user_version says which migrations a file has had. Each migration
 * runs in one BEGIN IMMEDIATE transaction that also sets the new version, so
 * a crash leaves the file at the old or the new version, never between.
 * Released migrations never change: a new need is a new migration (and
 * tests/data/desk-v1.db proves an old file still upgrades).
 *
 * Conventions the SQL follows (DESIGN.md "Data"):
 * - synced tables use 32-hex text ids; times are unix seconds; money dollars;
 * - enum columns hold the stable names of domain.h / policy.h and a CHECK
 *   lists them; tests compare these lists with the core's names;
 * - the PQL gate is not stored: it is score >= the dial, at query time.
 */
#include <string.h>

#include "store_internal.h"

/* v1: the base schema. */
static const char *const migration_1[] = {
"PRAGMA application_id = 1129530443;\n" /* STORE_APPLICATION_ID, 0x4353444b */
"CREATE TABLE meta (\n"
"  key   TEXT PRIMARY KEY,\n"
"  value TEXT\n"
") WITHOUT ROWID;\n"
"CREATE TABLE pods (\n"
"  id         TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),\n"
"  created_at INTEGER NOT NULL\n"
");\n"
"CREATE TABLE specialists (\n"
"  id         TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),\n"
"  pod_id     TEXT REFERENCES pods(id),\n"
"  created_at INTEGER NOT NULL\n"
");\n"
"CREATE TABLE aes (\n"
"  id             TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  name           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),\n"
"  email          TEXT,\n"
"  pod_id         TEXT REFERENCES pods(id),\n"
"  selling_hours  REAL NOT NULL DEFAULT 0 CHECK (selling_hours BETWEEN 0 AND 80),\n"
"  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
"  created_at     INTEGER NOT NULL\n"
");\n"
"CREATE TABLE partners (\n"
"  id             TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  name           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),\n"
"  domain         TEXT COLLATE NOCASE,\n"
"  tier           TEXT NOT NULL DEFAULT 'growth'\n"
"                 CHECK (tier IN ('strategic', 'growth', 'long_tail')),\n"
"  won_count      INTEGER NOT NULL DEFAULT 0 CHECK (won_count >= 0),\n" /* cache, refreshed on close */
"  avg_won_acv    INTEGER CHECK (avg_won_acv >= 0),\n"
"  median_won_acv INTEGER CHECK (median_won_acv >= 0),\n"
"  created_at     INTEGER NOT NULL,\n"
"  updated_at     INTEGER NOT NULL\n"
");\n"
"CREATE TABLE accounts (\n"
"  id          TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  name        TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),\n"
"  domain      TEXT UNIQUE COLLATE NOCASE,\n"
"  region      TEXT,\n"
"  industry    TEXT,\n"
"  country     TEXT,\n"
"  employees   INTEGER CHECK (employees >= 0),\n"
"  strategic   INTEGER NOT NULL DEFAULT 0 CHECK (strategic IN (0, 1)),\n"
"  owner_ae_id TEXT REFERENCES aes(id),\n" /* territory owner */
"  created_at  INTEGER NOT NULL,\n"
"  updated_at  INTEGER NOT NULL\n"
");\n"
"CREATE TABLE overlaps (\n"
"  partner_id         TEXT NOT NULL REFERENCES partners(id),\n"
"  account_id         TEXT NOT NULL REFERENCES accounts(id),\n"
"  our_population     TEXT NOT NULL DEFAULT 'none'\n"
"                     CHECK (our_population IN ('none', 'prospect', 'open_opportunity', 'customer')),\n"
"  partner_population TEXT NOT NULL DEFAULT 'none'\n"
"                     CHECK (partner_population IN ('none', 'prospect', 'open_opportunity', 'customer')),\n"
"  stakeholders       INTEGER CHECK (stakeholders >= 0),\n"
"  partner_contact    TEXT,\n"
"  refreshed_at       INTEGER,\n"
"  signal             TEXT NOT NULL CHECK (signal IN ('none', 'our_customer', 'partner_customer',\n"
"                                          'open_opportunities', 'mutual_customer')),\n"
"  updated_at         INTEGER NOT NULL,\n"
"  PRIMARY KEY (partner_id, account_id)\n"
") WITHOUT ROWID;\n",
"CREATE TABLE intros (\n"
"  id              TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  partner_id      TEXT NOT NULL REFERENCES partners(id),\n"
"  account_id      TEXT NOT NULL REFERENCES accounts(id),\n"
"  received_at     INTEGER NOT NULL,\n"
"  contact         TEXT,\n"
"  note            TEXT CHECK (length(note) <= 4000),\n"
"  source          TEXT NOT NULL DEFAULT 'partner',\n"
"  external_id     TEXT,\n"
"  expected_acv    INTEGER CHECK (expected_acv >= 0),\n"
"  state           TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'triaged', 'scored',\n"
"                  'routed', 'partner_led', 'nurture', 'declined', 'accepted', 'rejected',\n"
"                  'won', 'lost', 'escalated')),\n"
"  escalated_from  TEXT CHECK (escalated_from IN ('new', 'triaged', 'scored', 'routed',\n"
"                  'partner_led', 'nurture', 'accepted', 'rejected')),\n"
"  pod_id          TEXT REFERENCES pods(id),\n"
"  owner_id        TEXT REFERENCES specialists(id),\n"
"  ae_id           TEXT REFERENCES aes(id),\n"
"  p_overlap       INTEGER CHECK (p_overlap BETWEEN 0 AND 100),\n"
"  p_budget        INTEGER CHECK (p_budget BETWEEN 0 AND 100),\n"
"  p_icp           INTEGER CHECK (p_icp BETWEEN 0 AND 100),\n"
"  p_relationship  INTEGER CHECK (p_relationship BETWEEN 0 AND 100),\n"
"  p_competitive   INTEGER CHECK (p_competitive BETWEEN 0 AND 100),\n"
"  p_size          INTEGER CHECK (p_size BETWEEN 0 AND 100),\n"
"  weights         TEXT,\n" /* the weights the points were given against: "25,20,20,15,10,10" */
"  score           INTEGER CHECK (score BETWEEN 0 AND 100),\n"
"  tier            INTEGER CHECK (tier BETWEEN 1 AND 3),\n"
"  tier_reason     TEXT,\n"
"  tier_overridden INTEGER NOT NULL DEFAULT 0 CHECK (tier_overridden IN (0, 1)),\n"
"  ae_hours        INTEGER CHECK (ae_hours BETWEEN 0 AND 100),\n"
"  sla_due         INTEGER,\n"
"  closed_at       INTEGER,\n"
"  actual_acv      INTEGER CHECK (actual_acv >= 0),\n"
"  actual_ae_minutes INTEGER CHECK (actual_ae_minutes >= 0),\n"
"  reason_code     TEXT,\n"
"  created_at      INTEGER NOT NULL,\n"
"  updated_at      INTEGER NOT NULL,\n"
"  CHECK ((score IS NULL) = (p_overlap IS NULL) AND (score IS NULL) = (p_budget IS NULL)\n"
"     AND (score IS NULL) = (p_icp IS NULL) AND (score IS NULL) = (p_relationship IS NULL)\n"
"     AND (score IS NULL) = (p_competitive IS NULL) AND (score IS NULL) = (p_size IS NULL)\n"
"     AND (score IS NULL) = (weights IS NULL)),\n"
"  CHECK (score IS NULL OR score = p_overlap + p_budget + p_icp + p_relationship\n"
"                                  + p_competitive + p_size),\n"
"  CHECK (state <> 'escalated' OR escalated_from IS NOT NULL),\n"
"  CHECK (state NOT IN ('won', 'lost', 'declined') OR closed_at IS NOT NULL)\n"
");\n",
"CREATE TABLE briefs (\n"
"  id                   TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  intro_id             TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,\n"
"  version              INTEGER NOT NULL CHECK (version >= 1),\n"
"  author               TEXT NOT NULL,\n"
"  created_at           INTEGER NOT NULL,\n"
"  relationship_history TEXT,\n"
"  mapping_evidence     TEXT,\n"
"  named_contacts       TEXT,\n"
"  icp_rationale        TEXT,\n"
"  pain_hypothesis      TEXT,\n"
"  competitive_context  TEXT,\n"
"  next_step            TEXT,\n"
"  close_plan           TEXT,\n"
"  handoff_checklist    TEXT,\n"
"  UNIQUE (intro_id, version)\n"
");\n"
"CREATE TABLE escalations (\n"
"  id          TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  intro_id    TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,\n"
"  kind        TEXT NOT NULL CHECK (kind IN ('stalled_deal', 'ae_collision', 'channel_conflict',\n"
"              'partner_pushback', 'acv_ambiguity', 'tier_dispute')),\n"
"  routed_to   TEXT NOT NULL CHECK (routed_to IN ('desk', 'desk_lead', 'partner_manager',\n"
"              'sales_leader')),\n"
"  note        TEXT NOT NULL,\n"
"  raised_by   TEXT NOT NULL,\n"
"  raised_at   INTEGER NOT NULL,\n"
"  state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),\n"
"  resolution  TEXT,\n"
"  resolved_by TEXT,\n"
"  resolved_at INTEGER,\n"
"  CHECK (state = 'open' OR resolved_at IS NOT NULL)\n"
");\n"
"CREATE TABLE ae_hours_log (\n"
"  id         TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  intro_id   TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,\n"
"  ae_id      TEXT NOT NULL REFERENCES aes(id),\n"
"  minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),\n"
"  activity   TEXT,\n"
"  at         INTEGER NOT NULL,\n"
"  created_at INTEGER NOT NULL\n"
");\n"
"CREATE TABLE touchpoints (\n"
"  id         TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  intro_id   TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,\n"
"  partner_id TEXT NOT NULL REFERENCES partners(id),\n"
"  kind       TEXT NOT NULL CHECK (kind IN ('meeting', 'demo', 'email', 'proposal')),\n"
"  at         INTEGER NOT NULL,\n"
"  note       TEXT,\n"
"  created_at INTEGER NOT NULL\n"
");\n"
"CREATE TABLE attributions (\n"
"  id         TEXT PRIMARY KEY CHECK (length(id) = 32),\n"
"  intro_id   TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,\n"
"  role       TEXT NOT NULL CHECK (role IN ('sourcing', 'selling', 'technical_validation',\n"
"             'implementation', 'influence')),\n"
"  partner_id TEXT NOT NULL REFERENCES partners(id),\n"
"  percent    REAL CHECK (percent BETWEEN 0 AND 100),\n"
"  created_at INTEGER NOT NULL,\n"
"  updated_at INTEGER NOT NULL,\n"
"  UNIQUE (intro_id, role)\n"
");\n",
"CREATE TABLE reason_codes (\n"
"  kind  TEXT NOT NULL CHECK (kind IN ('rejection', 'decline', 'loss')),\n"
"  code  TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),\n"
"  label TEXT NOT NULL,\n"
"  PRIMARY KEY (kind, code)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE audit (\n"
"  seq       INTEGER PRIMARY KEY,\n" /* local order of writing */
"  id        TEXT NOT NULL CHECK (length(id) = 32),\n"
"  at        INTEGER NOT NULL,\n"
"  actor     TEXT NOT NULL,\n"
"  entity    TEXT NOT NULL,\n"
"  entity_id TEXT NOT NULL,\n"
"  field     TEXT NOT NULL,\n"
"  old_value TEXT,\n"
"  new_value TEXT,\n"
"  reason    TEXT,\n"
"  batch     TEXT NOT NULL,\n" /* one per transaction or bulk action: undo's unit */
"  undo_of   TEXT\n"           /* set on rows that revert another batch */
");\n"
/* Reason codes: the usual ones of partner portals and PRMs. */
"INSERT INTO reason_codes (kind, code, label) VALUES\n"
"  ('rejection', 'customer_problem_unclear', 'Customer problem unclear'),\n"
"  ('rejection', 'next_steps_unclear', 'Next steps unclear'),\n"
"  ('rejection', 'unable_to_support', 'Unable to support'),\n"
"  ('rejection', 'duplicate', 'Duplicate of an earlier registration'),\n"
"  ('rejection', 'existing_customer', 'Existing customer'),\n"
"  ('rejection', 'too_early', 'Too early'),\n"
"  ('rejection', 'outside_territory', 'Outside territory'),\n"
"  ('rejection', 'insufficient_info', 'Insufficient information'),\n"
"  ('rejection', 'direct_sales_active', 'Direct sales already active'),\n"
"  ('rejection', 'no_capacity', 'No AE capacity this quarter'),\n"
"  ('rejection', 'other', 'Other'),\n"
"  ('decline', 'no_overlap', 'No account-mapping overlap'),\n"
"  ('decline', 'duplicate', 'Duplicate of an earlier registration'),\n"
"  ('decline', 'not_icp', 'Outside the ideal customer profile'),\n"
"  ('decline', 'existing_customer', 'Existing customer'),\n"
"  ('decline', 'too_early', 'Too early'),\n"
"  ('decline', 'insufficient_info', 'Insufficient information'),\n"
"  ('decline', 'not_a_customer', 'Not a customer'),\n"
"  ('decline', 'spam', 'Abuse, spam or phishing'),\n"
"  ('decline', 'other', 'Other'),\n"
"  ('loss', 'price', 'Price'),\n"
"  ('loss', 'lost_to_competitor', 'Lost to a competitor'),\n"
"  ('loss', 'no_decision', 'No decision: project delayed or cancelled'),\n"
"  ('loss', 'budget', 'Project budget inadequate'),\n"
"  ('loss', 'timeline', 'Timeline too short'),\n"
"  ('loss', 'requirement_not_met', 'Requirement not met'),\n"
"  ('loss', 'customer_unresponsive', 'Customer unresponsive'),\n"
"  ('loss', 'security_compliance', 'Security, legal or compliance'),\n"
"  ('loss', 'partner_gap', 'Partner gap'),\n"
"  ('loss', 'other', 'Other');\n",
"INSERT INTO meta (key, value) VALUES ('desk_name', 'co-sell desk');\n"
"PRAGMA user_version = 1;\n",
	NULL
};

/* v2: the secondary indexes the screens need, and the counts table the
 * triggers keep so a repaint never counts intros. Queue sort keys are
 * expressions (NULL folded to a sentinel) so a keyset cursor can follow
 * the index exactly; the queue uses the very same expressions. */
static const char *const migration_2[] = {
"CREATE INDEX intros_by_received ON intros (received_at, id);\n"
"CREATE INDEX intros_by_score ON intros (ifnull(score, -1), id);\n"
"CREATE INDEX intros_by_sla ON intros (ifnull(sla_due, 253402300799), id);\n"
"CREATE INDEX intros_by_acv ON intros (ifnull(expected_acv, -1), id);\n"
"CREATE INDEX intros_by_tier ON intros (ifnull(tier, 0), id);\n"
"CREATE INDEX intros_by_state ON intros (state, id);\n"
"CREATE INDEX intros_by_partner ON intros (partner_id, id);\n"
"CREATE INDEX intros_by_account ON intros (account_id, id);\n"
"CREATE INDEX intros_by_pod ON intros (pod_id, state);\n"
"CREATE INDEX intros_by_owner ON intros (owner_id, state);\n"
"CREATE INDEX intros_by_ae ON intros (ae_id, state);\n"
"CREATE INDEX intros_by_external ON intros (external_id) WHERE external_id IS NOT NULL;\n"
"CREATE INDEX intros_open_by_received ON intros (received_at, id)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_score ON intros (ifnull(score, -1), id)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX accounts_by_name ON accounts (name);\n"
"CREATE INDEX accounts_by_owner ON accounts (owner_ae_id) WHERE owner_ae_id IS NOT NULL;\n"
"CREATE INDEX aes_by_pod ON aes (pod_id);\n"
"CREATE INDEX specialists_by_pod ON specialists (pod_id);\n"
"CREATE INDEX overlaps_by_account ON overlaps (account_id);\n"
"CREATE INDEX escalations_by_intro ON escalations (intro_id, state);\n"
"CREATE INDEX escalations_by_state ON escalations (state, raised_at);\n"
"CREATE INDEX hours_by_intro ON ae_hours_log (intro_id, at);\n"
"CREATE INDEX hours_by_ae ON ae_hours_log (ae_id, at);\n"
"CREATE INDEX touchpoints_by_intro ON touchpoints (intro_id, at);\n"
"CREATE INDEX attributions_by_partner ON attributions (partner_id);\n"
"CREATE INDEX audit_by_entity ON audit (entity_id, seq);\n"
"CREATE INDEX audit_by_batch ON audit (batch);\n"
"CREATE INDEX audit_by_actor ON audit (actor, seq);\n"
"CREATE INDEX audit_by_undo ON audit (undo_of) WHERE undo_of IS NOT NULL;\n"
"CREATE TABLE intro_counts (\n"
"  state  TEXT NOT NULL,\n"
"  pod_id TEXT NOT NULL,\n" /* '' for intros without a pod */
"  n      INTEGER NOT NULL CHECK (n >= 0),\n"
"  PRIMARY KEY (state, pod_id)\n"
") WITHOUT ROWID;\n"
"INSERT INTO intro_counts (state, pod_id, n)\n"
"  SELECT state, ifnull(pod_id, ''), count(*) FROM intros GROUP BY 1, 2;\n",
"CREATE TRIGGER intro_counts_insert AFTER INSERT ON intros BEGIN\n"
"  INSERT INTO intro_counts (state, pod_id, n) VALUES (new.state, ifnull(new.pod_id, ''), 1)\n"
"    ON CONFLICT (state, pod_id) DO UPDATE SET n = n + 1;\n"
"END;\n"
"CREATE TRIGGER intro_counts_delete AFTER DELETE ON intros BEGIN\n"
"  UPDATE intro_counts SET n = n - 1\n"
"    WHERE state = old.state AND pod_id = ifnull(old.pod_id, '');\n"
"END;\n"
"CREATE TRIGGER intro_counts_update AFTER UPDATE OF state, pod_id ON intros\n"
"  WHEN old.state IS NOT new.state OR old.pod_id IS NOT new.pod_id BEGIN\n"
"  UPDATE intro_counts SET n = n - 1\n"
"    WHERE state = old.state AND pod_id = ifnull(old.pod_id, '');\n"
"  INSERT INTO intro_counts (state, pod_id, n) VALUES (new.state, ifnull(new.pod_id, ''), 1)\n"
"    ON CONFLICT (state, pod_id) DO UPDATE SET n = n + 1;\n"
"END;\n"
"PRAGMA user_version = 2;\n",
	NULL
};

/* The tallies of v3 (and v2's intro_counts) computed from the intros
 * themselves: the migration fills them so, and a bulk load that dropped
 * the triggers (bulk.c) fills them so again. The attribution payouts are
 * split by the core, not here: without the meta row "payout_weights" the
 * next attribution report splits every won deal again (payouts.c). */
#define SCHEMA_TALLY_FILL \
"DELETE FROM intro_counts;\n" \
"INSERT INTO intro_counts (state, pod_id, n)\n" \
"  SELECT state, ifnull(pod_id, ''), count(*) FROM intros GROUP BY 1, 2;\n" \
"DELETE FROM score_counts;\n" \
"INSERT INTO score_counts (state, score, n)\n" \
"  SELECT state, score, count(*) FROM intros WHERE score IS NOT NULL GROUP BY 1, 2;\n" \
"DELETE FROM partner_counts;\n" \
"INSERT INTO partner_counts (partner_id, state, n, acv, cycle)\n" \
"  SELECT partner_id, state, count(*), sum(ifnull(actual_acv, 0)),\n" \
"         sum(ifnull(closed_at - received_at, 0)) FROM intros GROUP BY 1, 2;\n" \
"DELETE FROM partner_scores;\n" \
"INSERT INTO partner_scores (score, partner_id, n)\n" \
"  SELECT score, partner_id, count(*) FROM intros WHERE score IS NOT NULL GROUP BY 1, 2;\n" \
"DELETE FROM ae_counts;\n" \
"INSERT INTO ae_counts (ae_id, state, tier, n, hours)\n" \
"  SELECT ae_id, state, ifnull(tier, 0), count(*), sum(ifnull(ae_hours, 0)) FROM intros\n" \
"  WHERE ae_id IS NOT NULL GROUP BY 1, 2, 3;\n" \
"DELETE FROM payouts_stale;\n" \
"DELETE FROM meta WHERE key = 'payout_weights';\n"

/* The short columns the queue's filters read most (the open queue, a limit
 * on state, tier or ACV; and age, received_at, after them), carried by
 * every index a page walks: the filter is decided on the index entry and
 * the walk reads only the rows it shows. Not the score: a rescore would
 * then move an entry in every one of these indexes, not only in the score
 * index. */
#define FILTER_COLUMNS "state, tier, expected_acv"

/* v3: speed at a million intros (bench/ measures it).
 * - Every index a queue page walks carries the short filter columns after
 *   its key (FILTER_COLUMNS), so the open-queue filter and a limit on
 *   state, tier, ACV or age are decided on the index entry: the walk reads
 *   the rows it shows, not the ones in between. Only the state sort keeps a partial index of open intros
 *   (its walk would cross the long runs of declined, lost and won). The
 *   v2 partial indexes of open intros by arrival and score go: the
 *   whole-desk ones now serve the open queue as well.
 * - The intros holding a claim on an account (open, not in nurture) get a
 *   small covering index the queue's conflict and duplicate flags probe
 *   without reading a row, in the order the conflicts are listed.
 * - Reports read tallies the triggers keep (by score and state, by
 *   partner, by AE) instead of the whole table; the pods report reads
 *   small partial indexes of open intros (by due time, by pod and arrival)
 *   and the arrival index, which carries the pod. The attribution report
 *   keeps each won deal's payouts (split by the core) and their sums;
 *   triggers mark the deals whose roles or amounts change for splitting
 *   again. "New since" counts read open intros by creation time.
 * - Indexes no query needs any more are dropped (each one costs every
 *   imported row): by pod and by owner (a page walks its sort index and
 *   filters; the pods report has its own). */
static const char *const migration_3[] = {
"DROP INDEX intros_by_pod;\n"
"DROP INDEX intros_by_owner;\n"
"DROP INDEX intros_open_by_received;\n"
"DROP INDEX intros_open_by_score;\n"
"DROP INDEX intros_by_received;\n"
"DROP INDEX intros_by_score;\n"
"DROP INDEX intros_by_sla;\n"
"DROP INDEX intros_by_acv;\n"
"DROP INDEX intros_by_tier;\n"
"DROP INDEX intros_by_partner;\n"
"DROP INDEX intros_by_account;\n"
"CREATE INDEX intros_by_received ON intros\n"
"  (received_at, id, " FILTER_COLUMNS ", pod_id);\n"
"CREATE INDEX intros_by_score ON intros\n"
"  (ifnull(score, -1), id, " FILTER_COLUMNS ", received_at);\n"
"CREATE INDEX intros_by_sla ON intros\n"
"  (ifnull(sla_due, 253402300799), id, " FILTER_COLUMNS ", received_at);\n"
"CREATE INDEX intros_by_acv ON intros\n"
"  (ifnull(expected_acv, -1), id, " FILTER_COLUMNS ", received_at);\n"
"CREATE INDEX intros_by_tier ON intros (ifnull(tier, 0), id, " FILTER_COLUMNS ", received_at);\n"
"CREATE INDEX intros_by_partner ON intros (partner_id, id, " FILTER_COLUMNS ", received_at);\n"
"CREATE INDEX intros_by_account ON intros (account_id, id, " FILTER_COLUMNS ", received_at);\n"
"CREATE INDEX intros_open_by_due ON intros (sla_due, pod_id, state)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost') AND sla_due IS NOT NULL;\n"
"CREATE INDEX intros_open_by_state ON intros (state, id)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_created ON intros (created_at)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_pod ON intros (pod_id, received_at, state)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_claims ON intros (account_id, received_at, id, partner_id, state)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost') AND state <> 'nurture';\n"
"CREATE INDEX intros_won_by_partner ON intros (partner_id, ifnull(actual_acv, expected_acv))\n"
"  WHERE state = 'won';\n",
/* tallies: n = intros; score_counts and partner_scores count scored ones */
"CREATE TABLE score_counts (\n"
"  state TEXT NOT NULL,\n"
"  score INTEGER NOT NULL,\n"
"  n     INTEGER NOT NULL CHECK (n >= 0),\n"
"  PRIMARY KEY (state, score)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE partner_counts (\n"
"  partner_id TEXT NOT NULL,\n"
"  state      TEXT NOT NULL,\n"
"  n          INTEGER NOT NULL CHECK (n >= 0),\n"
"  acv        INTEGER NOT NULL,\n" /* sum of actual_acv */
"  cycle      INTEGER NOT NULL,\n" /* sum of closed_at - received_at */
"  PRIMARY KEY (partner_id, state)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE partner_scores (\n"
"  score      INTEGER NOT NULL,\n"
"  partner_id TEXT NOT NULL,\n"
"  n          INTEGER NOT NULL CHECK (n >= 0),\n"
"  PRIMARY KEY (score, partner_id)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE ae_counts (\n"
"  ae_id TEXT NOT NULL,\n"
"  state TEXT NOT NULL,\n"
"  tier  INTEGER NOT NULL,\n" /* 0: not tiered */
"  n     INTEGER NOT NULL CHECK (n >= 0),\n"
"  hours INTEGER NOT NULL,\n" /* sum of the AE-hour budgets */
"  PRIMARY KEY (ae_id, state, tier)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE payouts (\n"
"  intro_id   TEXT NOT NULL,\n"
"  role       TEXT NOT NULL,\n"
"  partner_id TEXT NOT NULL,\n"
"  payout     INTEGER NOT NULL,\n"
"  PRIMARY KEY (intro_id, role)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE payout_tally (\n"
"  partner_id TEXT NOT NULL,\n"
"  role       TEXT NOT NULL,\n"
"  deals      INTEGER NOT NULL CHECK (deals >= 0),\n"
"  payout     INTEGER NOT NULL,\n"
"  PRIMARY KEY (partner_id, role)\n"
") WITHOUT ROWID;\n"
"CREATE TABLE payouts_stale (\n"
"  intro_id TEXT PRIMARY KEY\n"
") WITHOUT ROWID;\n",
SCHEMA_TALLY_FILL,
/* one trigger per tally and event; an UPDATE trigger fires only when a
 * column its tally depends on changed */
"CREATE TRIGGER score_counts_insert AFTER INSERT ON intros WHEN new.score IS NOT NULL BEGIN\n"
"  INSERT INTO score_counts (state, score, n) VALUES (new.state, new.score, 1)\n"
"    ON CONFLICT (state, score) DO UPDATE SET n = n + 1;\n"
"END;\n"
"CREATE TRIGGER score_counts_delete AFTER DELETE ON intros WHEN old.score IS NOT NULL BEGIN\n"
"  UPDATE score_counts SET n = n - 1 WHERE state = old.state AND score = old.score;\n"
"END;\n"
"CREATE TRIGGER score_counts_update AFTER UPDATE OF state, score ON intros\n"
"  WHEN old.state IS NOT new.state OR old.score IS NOT new.score BEGIN\n"
"  UPDATE score_counts SET n = n - 1 WHERE state = old.state AND score = old.score;\n"
"  INSERT INTO score_counts (state, score, n) SELECT new.state, new.score, 1\n"
"    WHERE new.score IS NOT NULL ON CONFLICT (state, score) DO UPDATE SET n = n + 1;\n"
"END;\n",
"CREATE TRIGGER partner_scores_insert AFTER INSERT ON intros WHEN new.score IS NOT NULL BEGIN\n"
"  INSERT INTO partner_scores (partner_id, score, n) VALUES (new.partner_id, new.score, 1)\n"
"    ON CONFLICT (score, partner_id) DO UPDATE SET n = n + 1;\n"
"END;\n"
"CREATE TRIGGER partner_scores_delete AFTER DELETE ON intros WHEN old.score IS NOT NULL BEGIN\n"
"  UPDATE partner_scores SET n = n - 1 WHERE partner_id = old.partner_id AND score = old.score;\n"
"END;\n"
"CREATE TRIGGER partner_scores_update AFTER UPDATE OF partner_id, score ON intros\n"
"  WHEN old.partner_id IS NOT new.partner_id OR old.score IS NOT new.score BEGIN\n"
"  UPDATE partner_scores SET n = n - 1 WHERE partner_id = old.partner_id AND score = old.score;\n"
"  INSERT INTO partner_scores (partner_id, score, n) SELECT new.partner_id, new.score, 1\n"
"    WHERE new.score IS NOT NULL ON CONFLICT (score, partner_id) DO UPDATE SET n = n + 1;\n"
"END;\n",
"CREATE TRIGGER partner_counts_insert AFTER INSERT ON intros BEGIN\n"
"  INSERT INTO partner_counts (partner_id, state, n, acv, cycle)\n"
"    VALUES (new.partner_id, new.state, 1, ifnull(new.actual_acv, 0),\n"
"            ifnull(new.closed_at - new.received_at, 0))\n"
"    ON CONFLICT (partner_id, state) DO UPDATE SET n = n + 1, acv = acv + excluded.acv,\n"
"       cycle = cycle + excluded.cycle;\n"
"END;\n"
"CREATE TRIGGER partner_counts_delete AFTER DELETE ON intros BEGIN\n"
"  UPDATE partner_counts SET n = n - 1, acv = acv - ifnull(old.actual_acv, 0),\n"
"         cycle = cycle - ifnull(old.closed_at - old.received_at, 0)\n"
"    WHERE partner_id = old.partner_id AND state = old.state;\n"
"END;\n"
"CREATE TRIGGER partner_counts_update\n"
"  AFTER UPDATE OF partner_id, state, actual_acv, closed_at, received_at ON intros\n"
"  WHEN old.partner_id IS NOT new.partner_id OR old.state IS NOT new.state\n"
"    OR old.actual_acv IS NOT new.actual_acv OR old.closed_at IS NOT new.closed_at\n"
"    OR old.received_at IS NOT new.received_at BEGIN\n"
"  UPDATE partner_counts SET n = n - 1, acv = acv - ifnull(old.actual_acv, 0),\n"
"         cycle = cycle - ifnull(old.closed_at - old.received_at, 0)\n"
"    WHERE partner_id = old.partner_id AND state = old.state;\n"
"  INSERT INTO partner_counts (partner_id, state, n, acv, cycle)\n"
"    VALUES (new.partner_id, new.state, 1, ifnull(new.actual_acv, 0),\n"
"            ifnull(new.closed_at - new.received_at, 0))\n"
"    ON CONFLICT (partner_id, state) DO UPDATE SET n = n + 1, acv = acv + excluded.acv,\n"
"       cycle = cycle + excluded.cycle;\n"
"END;\n",
"CREATE TRIGGER ae_counts_insert AFTER INSERT ON intros WHEN new.ae_id IS NOT NULL BEGIN\n"
"  INSERT INTO ae_counts (ae_id, state, tier, n, hours)\n"
"    VALUES (new.ae_id, new.state, ifnull(new.tier, 0), 1, ifnull(new.ae_hours, 0))\n"
"    ON CONFLICT (ae_id, state, tier) DO UPDATE SET n = n + 1, hours = hours + excluded.hours;\n"
"END;\n"
"CREATE TRIGGER ae_counts_delete AFTER DELETE ON intros WHEN old.ae_id IS NOT NULL BEGIN\n"
"  UPDATE ae_counts SET n = n - 1, hours = hours - ifnull(old.ae_hours, 0)\n"
"    WHERE ae_id = old.ae_id AND state = old.state AND tier = ifnull(old.tier, 0);\n"
"END;\n"
"CREATE TRIGGER ae_counts_update AFTER UPDATE OF ae_id, state, tier, ae_hours ON intros\n"
"  WHEN old.ae_id IS NOT new.ae_id OR old.state IS NOT new.state OR old.tier IS NOT new.tier\n"
"    OR old.ae_hours IS NOT new.ae_hours BEGIN\n"
"  UPDATE ae_counts SET n = n - 1, hours = hours - ifnull(old.ae_hours, 0)\n"
"    WHERE ae_id = old.ae_id AND state = old.state AND tier = ifnull(old.tier, 0);\n"
"  INSERT INTO ae_counts (ae_id, state, tier, n, hours)\n"
"    SELECT new.ae_id, new.state, ifnull(new.tier, 0), 1, ifnull(new.ae_hours, 0)\n"
"    WHERE new.ae_id IS NOT NULL\n"
"    ON CONFLICT (ae_id, state, tier) DO UPDATE SET n = n + 1, hours = hours + excluded.hours;\n"
"END;\n"
"CREATE TRIGGER payouts_role_insert AFTER INSERT ON attributions BEGIN\n"
"  INSERT OR IGNORE INTO payouts_stale (intro_id) VALUES (new.intro_id);\n"
"END;\n"
"CREATE TRIGGER payouts_role_delete AFTER DELETE ON attributions BEGIN\n"
"  INSERT OR IGNORE INTO payouts_stale (intro_id) VALUES (old.intro_id);\n"
"END;\n"
"CREATE TRIGGER payouts_role_update AFTER UPDATE ON attributions BEGIN\n"
"  INSERT OR IGNORE INTO payouts_stale (intro_id) VALUES (old.intro_id);\n"
"  INSERT OR IGNORE INTO payouts_stale (intro_id) VALUES (new.intro_id);\n"
"END;\n"
"CREATE TRIGGER payouts_intro_insert AFTER INSERT ON intros WHEN new.state = 'won' BEGIN\n"
"  INSERT OR IGNORE INTO payouts_stale (intro_id) VALUES (new.id);\n"
"END;\n"
"CREATE TRIGGER payouts_intro_delete AFTER DELETE ON intros WHEN old.state = 'won' BEGIN\n"
"  INSERT OR IGNORE INTO payouts_stale (intro_id) VALUES (old.id);\n"
"END;\n"
"CREATE TRIGGER payouts_intro_update AFTER UPDATE OF state, actual_acv, expected_acv ON intros\n"
"  WHEN (old.state = 'won' OR new.state = 'won') AND (old.state IS NOT new.state\n"
"    OR old.actual_acv IS NOT new.actual_acv OR old.expected_acv IS NOT new.expected_acv)\n"
"  BEGIN\n"
"  INSERT OR IGNORE INTO payouts_stale (intro_id) VALUES (new.id);\n"
"END;\n"
"PRAGMA user_version = 3;\n",
	NULL
};

/* v4: the open queue walks open intros only. A limit that keeps few
 * rows of the open queue (tier:1, state:new) walked the whole desk's sort
 * index from one end, across hundreds of thousands of closed intros before
 * the first match (100 ms and more at a million intros, over 1.4 s for
 * some); a partial index of open intros per sort, carrying the filter
 * columns, finds a page in a few hundred entries. Open intros are a small
 * share of a desk with years of history, so these indexes are small; the
 * whole-desk ones stay for limits on closed states. The name sorts walk
 * one partner's or account's open intros the same way. */
/* The open intros' indexes carry the score too: a rescore moves only
 * open rows' entries in them, and a limit on the score or the gate is then
 * decided on the index entry as well. */
#define OPEN_FILTER_COLUMNS FILTER_COLUMNS ", score"
static const char *const migration_4[] = {
"CREATE INDEX intros_open_by_received ON intros (received_at, id, " OPEN_FILTER_COLUMNS ", pod_id)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_score ON intros\n"
"  (ifnull(score, -1), id, " OPEN_FILTER_COLUMNS ", received_at)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_sla ON intros\n"
"  (ifnull(sla_due, 253402300799), id, " OPEN_FILTER_COLUMNS ", received_at)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_acv ON intros\n"
"  (ifnull(expected_acv, -1), id, " OPEN_FILTER_COLUMNS ", received_at)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_tier ON intros\n"
"  (ifnull(tier, 0), id, " OPEN_FILTER_COLUMNS ", received_at)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"DROP INDEX intros_open_by_state;\n"
/* with the SLA: the home view's counts (state:new, over the bar, late)
 * read this index alone */
"CREATE INDEX intros_open_by_state ON intros\n"
"  (state, id, tier, expected_acv, score, received_at, sla_due)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_partner ON intros\n"
"  (partner_id, id, " OPEN_FILTER_COLUMNS ", received_at)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
"CREATE INDEX intros_open_by_account ON intros\n"
"  (account_id, id, " OPEN_FILTER_COLUMNS ", received_at)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
/* one open state by arrival: the home view (state:new, oldest first)
 * seeks its first page instead of walking past every older open intro */
"CREATE INDEX intros_open_by_state_received ON intros\n"
"  (state, received_at, id, tier, expected_acv, score)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost');\n"
/* the conflict probes seek (account, partner) and stop at the first entry */
"DROP INDEX intros_claims;\n"
"CREATE INDEX intros_claims ON intros (account_id, partner_id, state)\n"
"  WHERE state NOT IN ('declined', 'won', 'lost') AND state <> 'nurture';\n"
"PRAGMA user_version = 4;\n",
	NULL
};

static const struct migration {
	int version;      /* user_version after it */
	const char *const *sql; /* the statements, in parts (NULL-terminated) */
	const char *what; /* for messages */
} migrations[] = {
	{ 1, migration_1, "base schema" },
	{ 2, migration_2, "indexes and intro counts" },
	{ 3, migration_3, "open-queue indexes, claims, report tallies" },
	{ 4, migration_4, "open intros by every sort" },
};

/* Run every migration above the file's version up to target, each in its
 * own transaction. Another process may migrate at the same time: the version
 * is read again inside the write lock and finished migrations are skipped. */
enum store_status schema_migrate(struct store *st, int target)
{
	size_t i;
	for (i = 0; i < sizeof migrations / sizeof migrations[0]; i++) {
		const struct migration *m = &migrations[i];
		const char *const *part;
		enum store_status rc;
		int have = 0;
		char *msg = NULL;

		if (m->version > target)
			break;
		rc = sq_exec(st, "BEGIN IMMEDIATE");
		if (rc != STORE_OK)
			return rc;
		rc = sq_user_version(st, &have);
		if (rc != STORE_OK)
			goto fail;
		if (have >= m->version) {
			sq_exec(st, "COMMIT");
			continue;
		}
		if (have != m->version - 1) {
			rc = store_fail(st, STORE_CORRUPT, "schema version %d cannot be upgraded to %d",
					have, m->version);
			goto fail;
		}
		for (part = m->sql; *part; part++)
			if (sqlite3_exec(st->db, *part, NULL, NULL, &msg) != SQLITE_OK) {
				enum store_status ms = sq_status(sqlite3_errcode(st->db));
				rc = store_fail(st, ms == STORE_OK ? STORE_INTERNAL : ms,
						"%s: migration %d (%s): %s", st->path, m->version,
						m->what, msg ? msg : sqlite3_errmsg(st->db));
				sqlite3_free(msg);
				goto fail;
			}
		rc = sq_exec(st, "COMMIT");
		if (rc != STORE_OK)
			goto fail;
		continue;
fail:
		if (!sqlite3_get_autocommit(st->db))
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	return STORE_OK;
}

enum store_status schema_tallies_fill(struct store *st)
{
	char *msg = NULL;

	if (sqlite3_exec(st->db, SCHEMA_TALLY_FILL, NULL, NULL, &msg) != SQLITE_OK) {
		enum store_status rc = store_fail(st, sq_last(st), "count the intros again: %s",
						  msg ? msg : sqlite3_errmsg(st->db));
		sqlite3_free(msg);
		return rc;
	}
	return STORE_OK;
}

int schema_latest(void)
{
	return migrations[sizeof migrations / sizeof migrations[0] - 1].version;
}
