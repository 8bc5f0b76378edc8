/** Workspace tables on either engine: the exchange tables, the derived tables rules read, and metadata. */
import type { Dialect, SqlEngine } from '../db/engine.js';
import { ident } from '../db/engine.js';
import { TABLES, TABLE_NAMES, type TableName, type TableSpec } from '../exchange/tables.js';

export const META_TABLE = 'fg_table';
export const FINDINGS_TABLE = 'fg_finding';

export function createTableSql(spec: TableSpec, d: Dialect, extraColumns: string[] = [], name: string = spec.name): string {
  const cols = spec.columns
    .map((c) => `${ident(c.name)} ${d.type(c.type)}`)
    .concat(extraColumns.map((c) => `${ident(c)} ${d.type('text')}`));
  return `CREATE TABLE ${name} (${cols.join(', ')})`;
}

/**
 * Creates any missing exchange table (empty) and the metadata tables, and adds the columns a later version of
 * the format brought (optional ones, such as `status_to`) to the tables of an older workspace.
 */
export async function ensureWorkspaceSchema(engine: SqlEngine): Promise<void> {
  const d = engine.dialect;
  await engine.exec(
    `CREATE TABLE IF NOT EXISTS ${META_TABLE} (table_name ${d.type('text')} PRIMARY KEY, provided BOOLEAN NOT NULL, row_count BIGINT NOT NULL, source ${d.type('text')}, imported_at TIMESTAMP)`,
  );
  const existing = new Set((await listTables(engine)).map((t) => t.toLowerCase()));
  for (const name of TABLE_NAMES) {
    if (!existing.has(name)) {
      await engine.exec(createTableSql(TABLES[name], d));
      continue;
    }
    const have = new Set((await listColumns(engine, name)).map((c) => c.toLowerCase()));
    for (const c of TABLES[name].columns) {
      if (!have.has(c.name)) await engine.exec(`ALTER TABLE ${ident(name)} ADD COLUMN ${ident(c.name)} ${d.type(c.type)}`);
    }
  }
  await engine.exec(`CREATE TABLE IF NOT EXISTS ${FINDINGS_TABLE} (
    rule_code ${d.type('text')} NOT NULL, level ${d.type('text')} NOT NULL, fixmedins_code ${d.type('text')}, psn_no ${d.type('text')},
    mdtrt_id ${d.type('text')}, setl_id ${d.type('text')}, feedetl_sn ${d.type('text')}, med_list_codg ${d.type('text')}, day DATE,
    rtal_docno ${d.type('text')}, amount ${d.type('money')}, detail ${d.type('text')})`);
}

export async function listTables(engine: SqlEngine): Promise<string[]> {
  const sql =
    engine.name === 'duckdb'
      ? `SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`
      : `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`;
  return (await engine.all<{ table_name: string }>(sql)).map((r) => r.table_name);
}

export async function listColumns(engine: SqlEngine, table: string): Promise<string[]> {
  const sql =
    engine.name === 'duckdb'
      ? `SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_catalog = current_database() AND table_name = '${table}' ORDER BY ordinal_position`
      : `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table}' ORDER BY ordinal_position`;
  return (await engine.all<{ column_name: string }>(sql)).map((r) => r.column_name);
}

/** Tables that the imported data set(s) actually provided (others exist but are empty). */
export async function providedTables(engine: SqlEngine): Promise<Set<TableName>> {
  const rows = await engine.all<{ table_name: string }>(`SELECT table_name FROM ${META_TABLE} WHERE provided`);
  return new Set(rows.map((r) => r.table_name as TableName));
}

function splitToRows(d: Dialect, expr: string): string {
  return d.name === 'duckdb' ? `unnest(string_split(${expr}, '|'))` : `unnest(string_to_array(${expr}, '|'))`;
}

/** SQL building the derived tables the rules read. Same statements on both engines. */
export function derivedTablesSql(d: Dialect): string[] {
  const replace = (name: string, select: string) => [`DROP TABLE IF EXISTS ${name}`, `CREATE TABLE ${name} AS ${select}`];
  return [
    // One row per visit (就诊): a visit may have several settlements. Most have one, and taking MIN of text
    // over a million groups is what costs, so those are copied and only the others aggregated.
    ...replace(
      'mdtrt',
      `
      WITH settlements AS (SELECT mdtrt_id, COUNT(*) AS n FROM setl GROUP BY mdtrt_id),
      main_diag AS (
        SELECT mdtrt_id, MIN(diag_code) AS diag_code FROM diag
        WHERE maindiag_flag = '1' AND mdtrt_id IN (SELECT mdtrt_id FROM setl WHERE dise_codg IS NULL)
        GROUP BY mdtrt_id),
      v AS (
        SELECT s.mdtrt_id, s.psn_no, s.fixmedins_code, s.med_type, s.begntime, s.endtime, s.dise_codg, s.hifp_pay, s.medfee_sumamt, s.setl_id
        FROM setl s JOIN settlements n ON n.mdtrt_id = s.mdtrt_id AND n.n = 1
        UNION ALL
        -- A visit with any admission settlement (med_type 21) is an admission, from its admission settlements'
        -- begntime to endtime (an emergency visit that turned into an admission, say).
        SELECT s.mdtrt_id, MIN(s.psn_no), MIN(s.fixmedins_code),
          CASE WHEN COUNT(*) FILTER (WHERE s.med_type = '21') > 0 THEN '21' ELSE MIN(s.med_type) END,
          COALESCE(MIN(s.begntime) FILTER (WHERE s.med_type = '21'), MIN(s.begntime)),
          COALESCE(MAX(s.endtime) FILTER (WHERE s.med_type = '21'), MAX(s.endtime)), MIN(s.dise_codg),
          SUM(s.hifp_pay), SUM(s.medfee_sumamt), MIN(s.setl_id)
        FROM setl s JOIN settlements n ON n.mdtrt_id = s.mdtrt_id AND n.n > 1
        GROUP BY s.mdtrt_id)
      SELECT v.mdtrt_id, v.psn_no, v.fixmedins_code, v.med_type, v.begntime, v.endtime, CAST(v.begntime AS DATE) AS begin_day,
        CAST(v.endtime AS DATE) AS end_day, COALESCE(v.dise_codg, m.diag_code) AS dise_codg, v.hifp_pay, v.medfee_sumamt, v.setl_id
      FROM v LEFT JOIN main_diag m ON m.mdtrt_id = v.mdtrt_id`,
    ),
    // A view: only INDICATION_RESTRICTED reads it, for the few visits with restricted items.
    'DROP VIEW IF EXISTS visit_diag',
    `CREATE VIEW visit_diag AS
      SELECT mdtrt_id, diag_code FROM diag UNION ALL SELECT mdtrt_id, dise_codg FROM setl WHERE dise_codg IS NOT NULL`,
    ...replace(
      'hilist_dise_prefix',
      `
      SELECT DISTINCT med_list_codg, prefix FROM (
        SELECT med_list_codg, trim(${splitToRows(d, 'lmt_dise_prefixes')}) AS prefix FROM hilist WHERE lmt_dise_prefixes IS NOT NULL) x
      WHERE prefix <> ''`,
    ),
    ...replace(
      'hilist_med_type',
      `
      SELECT DISTINCT med_list_codg, med_type FROM (
        SELECT med_list_codg, trim(${splitToRows(d, 'lmt_med_types')}) AS med_type FROM hilist WHERE lmt_med_types IS NOT NULL) x
      WHERE med_type <> ''`,
    ),
  ];
}

export async function buildDerivedTables(engine: SqlEngine): Promise<void> {
  for (const sql of derivedTablesSql(engine.dialect)) await engine.exec(sql);
}
