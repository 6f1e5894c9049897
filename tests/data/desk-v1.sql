-- desk-v1.sql: a desk written by schema version 1 (see desk-v1.README).
PRAGMA application_id = 1129530443;
PRAGMA user_version = 1;
PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
INSERT INTO meta VALUES('desk_name','co-sell desk');
CREATE TABLE pods (
  id         TEXT PRIMARY KEY CHECK (length(id) = 32),
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),
  created_at INTEGER NOT NULL
);
INSERT INTO pods VALUES('025b50ba1b799606977504cdd7bd1e19','east',1700000000);
CREATE TABLE specialists (
  id         TEXT PRIMARY KEY CHECK (length(id) = 32),
  name       TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),
  pod_id     TEXT REFERENCES pods(id),
  created_at INTEGER NOT NULL
);
INSERT INTO specialists VALUES('47a166557ec80e7b2d2427b667dadf29','Desk East','025b50ba1b799606977504cdd7bd1e19',1700000000);
CREATE TABLE aes (
  id             TEXT PRIMARY KEY CHECK (length(id) = 32),
  name           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),
  email          TEXT,
  pod_id         TEXT REFERENCES pods(id),
  selling_hours  REAL NOT NULL DEFAULT 0 CHECK (selling_hours BETWEEN 0 AND 80),
  active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at     INTEGER NOT NULL
);
INSERT INTO aes VALUES('600de41dc227c1b154cb289731c48a29','AE One',NULL,'025b50ba1b799606977504cdd7bd1e19',13.0,1,1700000000);
INSERT INTO aes VALUES('0ea2d13f713f46bef200675d137d924b','AE Two',NULL,'025b50ba1b799606977504cdd7bd1e19',13.0,1,1700000000);
CREATE TABLE partners (
  id             TEXT PRIMARY KEY CHECK (length(id) = 32),
  name           TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),
  domain         TEXT COLLATE NOCASE,
  tier           TEXT NOT NULL DEFAULT 'growth'
                 CHECK (tier IN ('strategic', 'growth', 'long_tail')),
  won_count      INTEGER NOT NULL DEFAULT 0 CHECK (won_count >= 0),
  avg_won_acv    INTEGER CHECK (avg_won_acv >= 0),
  median_won_acv INTEGER CHECK (median_won_acv >= 0),
  created_at     INTEGER NOT NULL,
  updated_at     INTEGER NOT NULL
);
INSERT INTO partners VALUES('279cd1ffcefe8bde17b09c93432e1640','Regional Systems Integrator',NULL,'growth',0,NULL,NULL,1700000000,1700000000);
INSERT INTO partners VALUES('d70be11406198d92bd41eec2df96e36a','Cloud Marketplace Partner',NULL,'strategic',0,NULL,NULL,1700000000,1700000000);
CREATE TABLE accounts (
  id          TEXT PRIMARY KEY CHECK (length(id) = 32),
  name        TEXT NOT NULL COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 127),
  domain      TEXT UNIQUE COLLATE NOCASE,
  region      TEXT,
  industry    TEXT,
  country     TEXT,
  employees   INTEGER CHECK (employees >= 0),
  strategic   INTEGER NOT NULL DEFAULT 0 CHECK (strategic IN (0, 1)),
  owner_ae_id TEXT REFERENCES aes(id),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
);
INSERT INTO accounts VALUES('a2c57ae5c55e470fecf63835022f5130','Northwind Manufacturing','northwind.example',NULL,'manufacturing',NULL,1200,0,'600de41dc227c1b154cb289731c48a29',1700000000,1700000000);
INSERT INTO accounts VALUES('2dd1bfe2789c047890215f13e57cf08d','Contoso Retail','contoso.example',NULL,NULL,NULL,NULL,1,NULL,1700000000,1700000000);
CREATE TABLE overlaps (
  partner_id         TEXT NOT NULL REFERENCES partners(id),
  account_id         TEXT NOT NULL REFERENCES accounts(id),
  our_population     TEXT NOT NULL DEFAULT 'none'
                     CHECK (our_population IN ('none', 'prospect', 'open_opportunity', 'customer')),
  partner_population TEXT NOT NULL DEFAULT 'none'
                     CHECK (partner_population IN ('none', 'prospect', 'open_opportunity', 'customer')),
  stakeholders       INTEGER CHECK (stakeholders >= 0),
  partner_contact    TEXT,
  refreshed_at       INTEGER,
  signal             TEXT NOT NULL CHECK (signal IN ('none', 'our_customer', 'partner_customer',
                                          'open_opportunities', 'mutual_customer')),
  updated_at         INTEGER NOT NULL,
  PRIMARY KEY (partner_id, account_id)
) WITHOUT ROWID;
INSERT INTO overlaps VALUES('279cd1ffcefe8bde17b09c93432e1640','a2c57ae5c55e470fecf63835022f5130','prospect','customer',4,'partner owner',1699000000,'partner_customer',1700000000);
CREATE TABLE intros (
  id              TEXT PRIMARY KEY CHECK (length(id) = 32),
  partner_id      TEXT NOT NULL REFERENCES partners(id),
  account_id      TEXT NOT NULL REFERENCES accounts(id),
  received_at     INTEGER NOT NULL,
  contact         TEXT,
  note            TEXT CHECK (length(note) <= 4000),
  source          TEXT NOT NULL DEFAULT 'partner',
  external_id     TEXT,
  expected_acv    INTEGER CHECK (expected_acv >= 0),
  state           TEXT NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'triaged', 'scored',
                  'routed', 'partner_led', 'nurture', 'declined', 'accepted', 'rejected',
                  'won', 'lost', 'escalated')),
  escalated_from  TEXT CHECK (escalated_from IN ('new', 'triaged', 'scored', 'routed',
                  'partner_led', 'nurture', 'accepted', 'rejected')),
  pod_id          TEXT REFERENCES pods(id),
  owner_id        TEXT REFERENCES specialists(id),
  ae_id           TEXT REFERENCES aes(id),
  p_overlap       INTEGER CHECK (p_overlap BETWEEN 0 AND 100),
  p_budget        INTEGER CHECK (p_budget BETWEEN 0 AND 100),
  p_icp           INTEGER CHECK (p_icp BETWEEN 0 AND 100),
  p_relationship  INTEGER CHECK (p_relationship BETWEEN 0 AND 100),
  p_competitive   INTEGER CHECK (p_competitive BETWEEN 0 AND 100),
  p_size          INTEGER CHECK (p_size BETWEEN 0 AND 100),
  weights         TEXT,
  score           INTEGER CHECK (score BETWEEN 0 AND 100),
  tier            INTEGER CHECK (tier BETWEEN 1 AND 3),
  tier_reason     TEXT,
  tier_overridden INTEGER NOT NULL DEFAULT 0 CHECK (tier_overridden IN (0, 1)),
  ae_hours        INTEGER CHECK (ae_hours BETWEEN 0 AND 100),
  sla_due         INTEGER,
  closed_at       INTEGER,
  actual_acv      INTEGER CHECK (actual_acv >= 0),
  actual_ae_minutes INTEGER CHECK (actual_ae_minutes >= 0),
  reason_code     TEXT,
  created_at      INTEGER NOT NULL,
  updated_at      INTEGER NOT NULL,
  CHECK ((score IS NULL) = (p_overlap IS NULL) AND (score IS NULL) = (p_budget IS NULL)
     AND (score IS NULL) = (p_icp IS NULL) AND (score IS NULL) = (p_relationship IS NULL)
     AND (score IS NULL) = (p_competitive IS NULL) AND (score IS NULL) = (p_size IS NULL)
     AND (score IS NULL) = (weights IS NULL)),
  CHECK (score IS NULL OR score = p_overlap + p_budget + p_icp + p_relationship
                                  + p_competitive + p_size),
  CHECK (state <> 'escalated' OR escalated_from IS NOT NULL),
  CHECK (state NOT IN ('won', 'lost', 'declined') OR closed_at IS NOT NULL)
);
INSERT INTO intros VALUES('b57a4e9cff7dadf98ab458930b75f4b1','279cd1ffcefe8bde17b09c93432e1640','a2c57ae5c55e470fecf63835022f5130',1699900000,'VP Operations','budget this quarter','partner','O1234',55000,'routed',NULL,'025b50ba1b799606977504cdd7bd1e19','47a166557ec80e7b2d2427b667dadf29','600de41dc227c1b154cb289731c48a29',22,12,20,13,5,7,'25,20,20,15,10,10',79,2,'expected ACV $55,000 is within $20,000-$75,000: tier 2',0,3,1700172800,NULL,NULL,NULL,NULL,1700000000,1700000000);
INSERT INTO intros VALUES('b63ff9d8df8c8139201b1ec1aed6eb8e','d70be11406198d92bd41eec2df96e36a','a2c57ae5c55e470fecf63835022f5130',1699950000,'VP Operations','budget this quarter','partner',NULL,NULL,'escalated','new','025b50ba1b799606977504cdd7bd1e19','47a166557ec80e7b2d2427b667dadf29',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,1700036400,NULL,NULL,NULL,NULL,1700000000,1700000000);
INSERT INTO intros VALUES('54d6fd7422c702823ddc688e3f77d63c','d70be11406198d92bd41eec2df96e36a','2dd1bfe2789c047890215f13e57cf08d',1699960000,'VP Operations','budget this quarter','partner',NULL,120000,'new',NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,0,NULL,1700046400,NULL,NULL,NULL,NULL,1700000000,1700000000);
CREATE TABLE briefs (
  id                   TEXT PRIMARY KEY CHECK (length(id) = 32),
  intro_id             TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,
  version              INTEGER NOT NULL CHECK (version >= 1),
  author               TEXT NOT NULL,
  created_at           INTEGER NOT NULL,
  relationship_history TEXT,
  mapping_evidence     TEXT,
  named_contacts       TEXT,
  icp_rationale        TEXT,
  pain_hypothesis      TEXT,
  competitive_context  TEXT,
  next_step            TEXT,
  close_plan           TEXT,
  handoff_checklist    TEXT,
  UNIQUE (intro_id, version)
);
INSERT INTO briefs VALUES('f8359ecc2461b066244cd1f11ddec36c','b57a4e9cff7dadf98ab458930b75f4b1',1,'desk-v1',1700000000,NULL,NULL,NULL,NULL,NULL,NULL,'joint call',NULL,NULL);
CREATE TABLE escalations (
  id          TEXT PRIMARY KEY CHECK (length(id) = 32),
  intro_id    TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('stalled_deal', 'ae_collision', 'channel_conflict',
              'partner_pushback', 'acv_ambiguity', 'tier_dispute')),
  routed_to   TEXT NOT NULL CHECK (routed_to IN ('desk', 'desk_lead', 'partner_manager',
              'sales_leader')),
  note        TEXT NOT NULL,
  raised_by   TEXT NOT NULL,
  raised_at   INTEGER NOT NULL,
  state       TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'resolved')),
  resolution  TEXT,
  resolved_by TEXT,
  resolved_at INTEGER,
  CHECK (state = 'open' OR resolved_at IS NOT NULL)
);
INSERT INTO escalations VALUES('f58dbd4d4800e389a78f6155fcb764c4','b63ff9d8df8c8139201b1ec1aed6eb8e','channel_conflict','desk_lead','two partners on one account','desk-v1',1700000000,'open',NULL,NULL,NULL);
CREATE TABLE ae_hours_log (
  id         TEXT PRIMARY KEY CHECK (length(id) = 32),
  intro_id   TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,
  ae_id      TEXT NOT NULL REFERENCES aes(id),
  minutes    INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
  activity   TEXT,
  at         INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
INSERT INTO ae_hours_log VALUES('5491e3ca8a6b7f2850ab763184237c2b','b57a4e9cff7dadf98ab458930b75f4b1','600de41dc227c1b154cb289731c48a29',192,'discovery',1699990000,1700000000);
CREATE TABLE touchpoints (
  id         TEXT PRIMARY KEY CHECK (length(id) = 32),
  intro_id   TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,
  partner_id TEXT NOT NULL REFERENCES partners(id),
  kind       TEXT NOT NULL CHECK (kind IN ('meeting', 'demo', 'email', 'proposal')),
  at         INTEGER NOT NULL,
  note       TEXT,
  created_at INTEGER NOT NULL
);
INSERT INTO touchpoints VALUES('2f722fedf45d36150de4e758dd5c3dbb','b57a4e9cff7dadf98ab458930b75f4b1','279cd1ffcefe8bde17b09c93432e1640','meeting',1699980000,'kickoff',1700000000);
CREATE TABLE attributions (
  id         TEXT PRIMARY KEY CHECK (length(id) = 32),
  intro_id   TEXT NOT NULL REFERENCES intros(id) ON DELETE CASCADE,
  role       TEXT NOT NULL CHECK (role IN ('sourcing', 'selling', 'technical_validation',
             'implementation', 'influence')),
  partner_id TEXT NOT NULL REFERENCES partners(id),
  percent    REAL CHECK (percent BETWEEN 0 AND 100),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (intro_id, role)
);
INSERT INTO attributions VALUES('215a149789aeb2b7c25ad946aff09d39','b57a4e9cff7dadf98ab458930b75f4b1','sourcing','279cd1ffcefe8bde17b09c93432e1640',NULL,1700000000,1700000000);
INSERT INTO attributions VALUES('23269cf41399114774c1c87aba1f449f','b57a4e9cff7dadf98ab458930b75f4b1','selling','279cd1ffcefe8bde17b09c93432e1640',NULL,1700000000,1700000000);
CREATE TABLE reason_codes (
  kind  TEXT NOT NULL CHECK (kind IN ('rejection', 'decline', 'loss')),
  code  TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
  label TEXT NOT NULL,
  PRIMARY KEY (kind, code)
) WITHOUT ROWID;
INSERT INTO reason_codes VALUES('decline','duplicate','Duplicate of an earlier registration');
INSERT INTO reason_codes VALUES('decline','existing_customer','Existing customer');
INSERT INTO reason_codes VALUES('decline','insufficient_info','Insufficient information');
INSERT INTO reason_codes VALUES('decline','no_overlap','No account-mapping overlap');
INSERT INTO reason_codes VALUES('decline','not_a_customer','Not a customer');
INSERT INTO reason_codes VALUES('decline','not_icp','Outside the ideal customer profile');
INSERT INTO reason_codes VALUES('decline','other','Other');
INSERT INTO reason_codes VALUES('decline','spam','Abuse, spam or phishing');
INSERT INTO reason_codes VALUES('decline','too_early','Too early');
INSERT INTO reason_codes VALUES('loss','budget','Project budget inadequate');
INSERT INTO reason_codes VALUES('loss','customer_unresponsive','Customer unresponsive');
INSERT INTO reason_codes VALUES('loss','lost_to_competitor','Lost to a competitor');
INSERT INTO reason_codes VALUES('loss','no_decision','No decision: project delayed or cancelled');
INSERT INTO reason_codes VALUES('loss','other','Other');
INSERT INTO reason_codes VALUES('loss','partner_gap','Partner gap');
INSERT INTO reason_codes VALUES('loss','price','Price');
INSERT INTO reason_codes VALUES('loss','requirement_not_met','Requirement not met');
INSERT INTO reason_codes VALUES('loss','security_compliance','Security, legal or compliance');
INSERT INTO reason_codes VALUES('loss','timeline','Timeline too short');
INSERT INTO reason_codes VALUES('rejection','customer_problem_unclear','Customer problem unclear');
INSERT INTO reason_codes VALUES('rejection','direct_sales_active','Direct sales already active');
INSERT INTO reason_codes VALUES('rejection','duplicate','Duplicate of an earlier registration');
INSERT INTO reason_codes VALUES('rejection','existing_customer','Existing customer');
INSERT INTO reason_codes VALUES('rejection','insufficient_info','Insufficient information');
INSERT INTO reason_codes VALUES('rejection','next_steps_unclear','Next steps unclear');
INSERT INTO reason_codes VALUES('rejection','no_capacity','No AE capacity this quarter');
INSERT INTO reason_codes VALUES('rejection','other','Other');
INSERT INTO reason_codes VALUES('rejection','outside_territory','Outside territory');
INSERT INTO reason_codes VALUES('rejection','too_early','Too early');
INSERT INTO reason_codes VALUES('rejection','unable_to_support','Unable to support');
CREATE TABLE audit (
  seq       INTEGER PRIMARY KEY,
  id        TEXT NOT NULL CHECK (length(id) = 32),
  at        INTEGER NOT NULL,
  actor     TEXT NOT NULL,
  entity    TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  field     TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT,
  reason    TEXT,
  batch     TEXT NOT NULL,
  undo_of   TEXT
);
INSERT INTO audit VALUES(1,'d54909df83928dffbe1f5f0f2f3b708d',1700000000,'desk-v1','pod','025b50ba1b799606977504cdd7bd1e19','created',NULL,'east',NULL,'1ca85543f00f1169348589701f32b866',NULL);
INSERT INTO audit VALUES(2,'134abe33489352fb8fd39eba61bfb211',1700000000,'desk-v1','specialist','47a166557ec80e7b2d2427b667dadf29','created',NULL,'Desk East',NULL,'23ac0132e05e20b74444036c48372bab',NULL);
INSERT INTO audit VALUES(3,'fef9f15fc2b6cb54ca7732a763030abb',1700000000,'desk-v1','ae','600de41dc227c1b154cb289731c48a29','created',NULL,'AE One',NULL,'415d34241547bd704f5a268d4c280a68',NULL);
INSERT INTO audit VALUES(4,'fa09fab8552e3e47ec4222aa3159ef2a',1700000000,'desk-v1','ae','0ea2d13f713f46bef200675d137d924b','created',NULL,'AE Two',NULL,'39fe0cf3000ccae1fd5b976bf450b4f5',NULL);
INSERT INTO audit VALUES(5,'565b559bb52f455b7145caa0db98cef2',1700000000,'desk-v1','partner','279cd1ffcefe8bde17b09c93432e1640','created',NULL,'Regional Systems Integrator',NULL,'6c93cc250399f9787ba4cefdda712cab',NULL);
INSERT INTO audit VALUES(6,'5e6ca0849be7fa4bac2f69d23dd6dc1a',1700000000,'desk-v1','partner','d70be11406198d92bd41eec2df96e36a','created',NULL,'Cloud Marketplace Partner',NULL,'49dc806e6f3eeaffb1255ba8fb2faba2',NULL);
INSERT INTO audit VALUES(7,'c4ef79d30c744a1e3d85a0d384c116be',1700000000,'desk-v1','account','a2c57ae5c55e470fecf63835022f5130','created',NULL,'Northwind Manufacturing',NULL,'ff057b93183dbe8eb76dd9bade5a9e22',NULL);
INSERT INTO audit VALUES(8,'86786a5041059caa80688a1f90d72b94',1700000000,'desk-v1','account','2dd1bfe2789c047890215f13e57cf08d','created',NULL,'Contoso Retail',NULL,'bb307be68e40c9fb504c3f7ca4503073',NULL);
INSERT INTO audit VALUES(9,'47c538abff6bff084cb2389f92dda39e',1700000000,'desk-v1','overlap','a2c57ae5c55e470fecf63835022f5130','279cd1ffcefe8bde17b09c93432e1640',NULL,'prospect/customer',NULL,'0b6e61e0bf5159a09344cd4bc46b8df4',NULL);
INSERT INTO audit VALUES(10,'b2db7c277459076305c4cd542565bd61',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','created',NULL,'new',NULL,'f736d7ae15561c9beb7f714bd8f327fa',NULL);
INSERT INTO audit VALUES(11,'7e88c4c5a5ce725588433b3748cc78c7',1700000000,'desk-v1','intro','b63ff9d8df8c8139201b1ec1aed6eb8e','created',NULL,'new',NULL,'5732f5283d37c7eb90d19d2e87400fca',NULL);
INSERT INTO audit VALUES(12,'6f23f6987954966dfc64aa62870cf0e3',1700000000,'desk-v1','intro','54d6fd7422c702823ddc688e3f77d63c','created',NULL,'new',NULL,'8936106c8d65104f7d3c38ad4b986824',NULL);
INSERT INTO audit VALUES(13,'43a62fc84a5fcac8be5c570ea8ea845f',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','sla_due','1699986400',NULL,'northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(14,'289cfbf1a214c1d062d6af49c48e4359',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','state','new','triaged','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(15,'ec7c1cb145ef43d7cf3f0cfabb51f1d4',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','p_overlap',NULL,'22','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(16,'a88f6730ae226b7b864566554fcb9e83',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','p_budget',NULL,'12','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(17,'92a294cf7ac2bb15ea25d81e0159bf7c',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','p_icp',NULL,'20','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(18,'212ff1bfb9eb899aac8a2e590473de60',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','p_relationship',NULL,'13','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(19,'729118064a9465dd487e6fc990d4b137',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','p_competitive',NULL,'5','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(20,'eb938e4728064849f4916feec4419c2d',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','p_size',NULL,'7','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(21,'4d4f950d6ab8c4551ff0bb24219b58fe',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','weights',NULL,'25,20,20,15,10,10','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(22,'d159d80a9023f30b7e3de28ae9488257',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','score',NULL,'79','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(23,'2995f8735a2dc842ae3d6abe5e744a40',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','sla_due','1699986400',NULL,'northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(24,'92a47a8d57638d2588fc3bde3e8c2b08',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','state','triaged','scored','northwind','c868cd4c92866db5105557b7cf911280',NULL);
INSERT INTO audit VALUES(25,'b941ba325a6e90d346515b3aa0d2cb53',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','tier',NULL,'2',NULL,'fb96ee6b4817c6ce8091b7146b4d6fac',NULL);
INSERT INTO audit VALUES(26,'f91a553e104df85f86ad51aabe182207',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','tier_reason',NULL,'expected ACV $55,000 is within $20,000-$75,000: tier 2',NULL,'fb96ee6b4817c6ce8091b7146b4d6fac',NULL);
INSERT INTO audit VALUES(27,'bb02724b22e8baa3989d5306d0b72e3b',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','ae_hours',NULL,'3',NULL,'fb96ee6b4817c6ce8091b7146b4d6fac',NULL);
INSERT INTO audit VALUES(28,'4cf206b77fae3a6954dc9288aa25af3c',1700000000,'desk-v1','attribution','215a149789aeb2b7c25ad946aff09d39','created',NULL,'sourcing on b57a4e9c','sourcing','55478e2f5f56541fa5bc1c8d91663f0c',NULL);
INSERT INTO audit VALUES(29,'76d88a898866238b2df9605927d9dc3b',1700000000,'desk-v1','attribution','23269cf41399114774c1c87aba1f449f','created',NULL,'selling on b57a4e9c','selling','df01404526cd5360f2b45168836ce8bd',NULL);
INSERT INTO audit VALUES(30,'db39b094e26482956e4c9eb8f7a62b6f',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','ae_id',NULL,'600de41dc227c1b154cb289731c48a29',NULL,'e598b435da60bb8cc1c62c16bf06551a',NULL);
INSERT INTO audit VALUES(31,'916261cb67c395d8cb6ce29d8bc292eb',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','sla_due',NULL,'1700172800',NULL,'e598b435da60bb8cc1c62c16bf06551a',NULL);
INSERT INTO audit VALUES(32,'20c41718eb54cd4571dee52413b2ae59',1700000000,'desk-v1','intro','b57a4e9cff7dadf98ab458930b75f4b1','state','scored','routed',NULL,'e598b435da60bb8cc1c62c16bf06551a',NULL);
INSERT INTO audit VALUES(33,'c118940209dca44c4423a3290e139c5d',1700000000,'desk-v1','hours','5491e3ca8a6b7f2850ab763184237c2b','created',NULL,'192 min on b57a4e9cff7dadf98ab458930b75f4b1','discovery','19b96c698d39814927214d35c5005c61',NULL);
INSERT INTO audit VALUES(34,'483e9a2179c8f383d9012501a26a6aff',1700000000,'desk-v1','touchpoint','2f722fedf45d36150de4e758dd5c3dbb','created',NULL,'meeting','kickoff','1beb583022be4e69981f5f2ab7c03675',NULL);
INSERT INTO audit VALUES(35,'9e152c6effeac0b6b03e34a670824740',1700000000,'desk-v1','intro','b63ff9d8df8c8139201b1ec1aed6eb8e','escalated_from',NULL,'new','two partners on one account','1963db3b0cfd80c8cf21f4255e79ee7c',NULL);
INSERT INTO audit VALUES(36,'91ee86b7b0392bbbfe810d23c102d1a6',1700000000,'desk-v1','intro','b63ff9d8df8c8139201b1ec1aed6eb8e','state','new','escalated','two partners on one account','1963db3b0cfd80c8cf21f4255e79ee7c',NULL);
INSERT INTO audit VALUES(37,'fff6df1e3b49bd541dba1464ab6a58f2',1700000000,'desk-v1','escalation','f58dbd4d4800e389a78f6155fcb764c4','created',NULL,'channel_conflict','two partners on one account','1963db3b0cfd80c8cf21f4255e79ee7c',NULL);
INSERT INTO audit VALUES(38,'f20adda221001e0d9e3139d7adf39ebf',1700000000,'desk-v1','brief','b57a4e9cff7dadf98ab458930b75f4b1','version',NULL,'1',NULL,'b5fc681d4ac45164c7c3d394894684c6',NULL);
COMMIT;
