/**
 * The operational store's schema as numbered migrations, the same statements on DuckDB and PostgreSQL. A store
 * records the versions applied in fg_schema_version; opening it applies the missing ones in order, each in one
 * transaction with its record. Never edit a migration that has shipped: add the next one.
 */

export interface Migration {
  version: number;
  /** What it changes, and why. */
  name: string;
  statements: readonly string[];
}

/**
 * Version 1 is the schema as it stood before migrations were numbered: every table created if absent, and the
 * columns added since the first clue and case tables, so that any store made by an earlier Fundguard reaches it.
 */
const BASELINE = [
  `CREATE TABLE IF NOT EXISTS fg_user (
    username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL,
    scope_admdvs TEXT, scope_fixmedins TEXT, scope_label TEXT NOT NULL,
    password_hash TEXT NOT NULL, disabled BOOLEAN NOT NULL, created_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_session (
    token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, csrf_token TEXT NOT NULL,
    created_at TIMESTAMP NOT NULL, expires_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_decision (
    id TEXT PRIMARY KEY, finding_id TEXT NOT NULL, rule_code TEXT, fixmedins_code TEXT,
    action TEXT NOT NULL, reason TEXT, assignee TEXT, status_after TEXT NOT NULL,
    actor TEXT NOT NULL, actor_role TEXT NOT NULL, decided_at TIMESTAMP NOT NULL, seq BIGINT NOT NULL)`,
  `CREATE INDEX IF NOT EXISTS fg_decision_finding ON fg_decision (finding_id)`,
  `CREATE TABLE IF NOT EXISTS fg_audit (
    id TEXT PRIMARY KEY, logged_at TIMESTAMP NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    target TEXT, detail TEXT, seq BIGINT NOT NULL)`,
  // Clues and cases (线索/案件). Money is NUMERIC(18,2); JSON lists are TEXT. Every change is also appended to
  // fg_case_log, whose entries are hash-chained (src/cases/log.ts).
  `CREATE TABLE IF NOT EXISTS fg_clue (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT, fixmedins_code TEXT NOT NULL, admdvs TEXT,
    summary TEXT NOT NULL, note TEXT, status TEXT NOT NULL, created_by TEXT NOT NULL, created_at TIMESTAMP NOT NULL, seq BIGINT NOT NULL)`,
  `ALTER TABLE fg_clue ADD COLUMN IF NOT EXISTS grid_id TEXT`,
  `ALTER TABLE fg_clue ADD COLUMN IF NOT EXISTS persons TEXT`,
  `ALTER TABLE fg_clue ADD COLUMN IF NOT EXISTS amount NUMERIC(18,2)`,
  `ALTER TABLE fg_clue ADD COLUMN IF NOT EXISTS case_id TEXT`,
  `ALTER TABLE fg_clue ADD COLUMN IF NOT EXISTS dismiss_reason TEXT`,
  `CREATE TABLE IF NOT EXISTS fg_clue_finding (clue_id TEXT NOT NULL, finding_id TEXT NOT NULL, amount NUMERIC(18,2) NOT NULL, PRIMARY KEY (clue_id, finding_id))`,
  `CREATE TABLE IF NOT EXISTS fg_case (
    id TEXT PRIMARY KEY, case_no TEXT NOT NULL UNIQUE, title TEXT NOT NULL, fixmedins_code TEXT NOT NULL, admdvs TEXT, grid_id TEXT,
    status TEXT NOT NULL, handler TEXT NOT NULL, opened_by TEXT NOT NULL, opened_at TIMESTAMP NOT NULL, deadline DATE NOT NULL,
    closed_at TIMESTAMP, close_note TEXT, seq BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_case_note (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, body TEXT NOT NULL, on_day DATE, place TEXT, participants TEXT,
    created_by TEXT NOT NULL, created_at TIMESTAMP NOT NULL, seq BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_case_decision (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL, violation_kind TEXT NOT NULL,
    loss_computed NUMERIC(18,2) NOT NULL, loss NUMERIC(18,2) NOT NULL, loss_reason TEXT, return_amount NUMERIC(18,2) NOT NULL,
    refuse_amount NUMERIC(18,2) NOT NULL, fine_multiple DOUBLE PRECISION, fine_amount NUMERIC(18,2) NOT NULL, sanctions TEXT NOT NULL,
    interview BOOLEAN NOT NULL, refer_police BOOLEAN NOT NULL, refer_discipline BOOLEAN NOT NULL, basis TEXT NOT NULL,
    drafted_by TEXT NOT NULL, drafted_at TIMESTAMP NOT NULL, submitted_at TIMESTAMP, reviewed_by TEXT, reviewed_at TIMESTAMP,
    review_comment TEXT, effective_on DATE, appeal_until DATE, supersedes TEXT, seq BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_appeal (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, decision_id TEXT NOT NULL, fixmedins_code TEXT NOT NULL, filed_by TEXT NOT NULL,
    filed_at TIMESTAMP NOT NULL, reason TEXT NOT NULL, status TEXT NOT NULL, decided_by TEXT, decided_at TIMESTAMP, comment TEXT,
    new_decision_id TEXT, seq BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_recovery (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, kind TEXT NOT NULL, amount NUMERIC(18,2) NOT NULL, paid_on DATE NOT NULL, reference TEXT,
    recorded_by TEXT NOT NULL, recorded_at TIMESTAMP NOT NULL, seq BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_sanction (
    id TEXT PRIMARY KEY, case_id TEXT NOT NULL, decision_id TEXT NOT NULL, kind TEXT NOT NULL, fixmedins_code TEXT NOT NULL, dept_codg TEXT,
    prac_code TEXT, status_from DATE NOT NULL, status_to DATE, active BOOLEAN NOT NULL, effect TEXT NOT NULL, prior TEXT,
    created_at TIMESTAMP NOT NULL, revoked_at TIMESTAMP, seq BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_attachment (
    id TEXT PRIMARY KEY, owner_type TEXT NOT NULL, owner_id TEXT NOT NULL, case_id TEXT, fixmedins_code TEXT NOT NULL, admdvs TEXT,
    file_name TEXT NOT NULL, content_type TEXT NOT NULL, size BIGINT NOT NULL, sha256 TEXT NOT NULL, stored_name TEXT NOT NULL,
    uploaded_by TEXT NOT NULL, uploaded_at TIMESTAMP NOT NULL, seq BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_case_log (
    seq BIGINT PRIMARY KEY, logged_at TEXT NOT NULL, actor TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL, case_id TEXT,
    action TEXT NOT NULL, data TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_case_log_head (id INTEGER PRIMARY KEY, seq BIGINT NOT NULL, hash TEXT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_setting (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_rule_config (
    code TEXT PRIMARY KEY, enabled BOOLEAN NOT NULL, params TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TIMESTAMP NOT NULL)`,
];

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'accounts, sessions, finding decisions, audit, clues and cases, the case log, settings', statements: BASELINE },
  {
    version: 2,
    name: "a finding's triage decisions are named finding decisions (fg_decision → fg_finding_decision), apart from a case's 处理决定",
    statements: [
      // DuckDB renames no table that an index depends on: the index is dropped and made again under its new name.
      `DROP INDEX IF EXISTS fg_decision_finding`,
      `ALTER TABLE fg_decision RENAME TO fg_finding_decision`,
      `CREATE INDEX IF NOT EXISTS fg_finding_decision_finding ON fg_finding_decision (finding_id)`,
    ],
  },
];
