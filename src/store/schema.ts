/** The operational tables, created on first use; the same statements on DuckDB and PostgreSQL. */
import type { StoreDb } from './db.js';

const STATEMENTS = [
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
  `CREATE TABLE IF NOT EXISTS fg_clue (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, source_id TEXT NOT NULL, fixmedins_code TEXT NOT NULL, admdvs TEXT,
    summary TEXT NOT NULL, note TEXT, status TEXT NOT NULL, created_by TEXT NOT NULL, created_at TIMESTAMP NOT NULL, seq BIGINT NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_setting (name TEXT PRIMARY KEY, value TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TIMESTAMP NOT NULL)`,
  `CREATE TABLE IF NOT EXISTS fg_rule_config (
    code TEXT PRIMARY KEY, enabled BOOLEAN NOT NULL, params TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TIMESTAMP NOT NULL)`,
];

export async function ensureStoreSchema(db: StoreDb): Promise<void> {
  for (const s of STATEMENTS) await db.query(s);
}
