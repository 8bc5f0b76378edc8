/**
 * The findings as the workbench browses them, in the DuckDB workspace:
 * - `fg_finding_row`: every finding with a stable id (md5 of its rule code and the values of the rule's key
 *   columns, so a re-run that finds the same violation gives the same id and its decisions stay attached) and
 *   its institution's name, region and grid;
 * - `fg_finding_status`: the current triage status per finding id, mirrored from the decisions in the
 *   operational store (PostgreSQL in server mode) so that lists can filter and sort on it;
 * - `fg_inst_month`: settlements, admissions, cost and fund paid per institution and month;
 * - `fg_finding_agg`: findings and amount per institution, rule, level and month, for the dashboards (a few
 *   tens of thousands of rows however many findings there are).
 */
import type { DuckDbEngine } from '../db/duckdb.js';
import { atomically, quote } from '../db/engine.js';
import { BUILT_IN_RULES } from '../screening/catalog.js';
import { FINDINGS_TABLE } from '../workspace/schema.js';

export const FINDING_ROWS = 'fg_finding_row';
export const FINDING_STATUS = 'fg_finding_status';
export const INST_MONTH = 'fg_inst_month';
export const FINDING_AGG = 'fg_finding_agg';

/** SQL of a finding's id from the columns of `f`: the rule code and its key. */
export function findingIdSql(f: string): string {
  const cases = BUILT_IN_RULES.map((r) => {
    const parts = r.key.map((k) => (k === 'day' ? `COALESCE(CAST(${f}.day AS VARCHAR), '')` : `COALESCE(${f}.${k}, '')`));
    return `WHEN ${quote(r.code)} THEN concat_ws('|', ${f}.rule_code, ${parts.join(', ')})`;
  });
  return `md5(CASE ${f}.rule_code ${cases.join(' ')} ELSE concat_ws('|', ${f}.rule_code, COALESCE(${f}.fixmedins_code, ''), COALESCE(${f}.psn_no, ''), COALESCE(${f}.mdtrt_id, ''), COALESCE(${f}.feedetl_sn, '')) END)`;
}

export async function ensureFindingTables(engine: DuckDbEngine): Promise<void> {
  await engine.exec(
    `CREATE TABLE IF NOT EXISTS ${FINDING_STATUS} (finding_id VARCHAR PRIMARY KEY, status VARCHAR NOT NULL, assignee VARCHAR, updated_at TIMESTAMP)`,
  );
  await engine.exec(`CREATE TABLE IF NOT EXISTS fg_screen_run (screened_at TIMESTAMP, findings BIGINT, amount DECIMAL(18,2))`);
}

/**
 * Rebuilds the browsing tables from the current findings and settlements (after every screening or import), in one
 * transaction: requests reading them meanwhile see the old tables or the new ones.
 */
export async function rebuildFindingRows(engine: DuckDbEngine, screenedAt: string | null = null): Promise<void> {
  await atomically(engine, async () => {
    await ensureFindingTables(engine);
    await engine.exec(`CREATE OR REPLACE TABLE ${FINDING_ROWS} AS
      SELECT ${findingIdSql('f')} AS finding_id, f.rule_code, f.level, f.fixmedins_code, f.psn_no, f.mdtrt_id, f.setl_id, f.feedetl_sn,
        f.med_list_codg, f.day, f.rtal_docno, f.amount, f.detail, i.fixmedins_name AS institution_name, i.admdvs, i.grid_id
      FROM ${FINDINGS_TABLE} f LEFT JOIN fixmedins i ON i.fixmedins_code = f.fixmedins_code`);
    await engine.exec(`CREATE INDEX IF NOT EXISTS fg_finding_row_id ON ${FINDING_ROWS} (finding_id)`);
    await engine.exec(`CREATE OR REPLACE TABLE ${FINDING_AGG} AS
      SELECT fixmedins_code, MIN(institution_name) AS institution_name, MIN(admdvs) AS admdvs, MIN(grid_id) AS grid_id, rule_code, level,
        strftime(day, '%Y-%m') AS month, COUNT(*) AS findings, SUM(amount) AS amount
      FROM ${FINDING_ROWS} GROUP BY fixmedins_code, rule_code, level, strftime(day, '%Y-%m')`);
    await engine.exec(`CREATE OR REPLACE TABLE ${INST_MONTH} AS
      SELECT fixmedins_code, strftime(setl_time, '%Y-%m') AS month, COUNT(*) AS settlements,
        COUNT(DISTINCT CASE WHEN med_type = '21' THEN mdtrt_id END) AS admissions,
        SUM(medfee_sumamt) AS total, SUM(hifp_pay) AS fund_paid
      FROM setl GROUP BY ALL`);
    if (screenedAt) {
      await engine.exec(`DELETE FROM fg_screen_run`);
      await engine.exec(
        `INSERT INTO fg_screen_run SELECT CAST(${quote(screenedAt)} AS TIMESTAMP), COUNT(*), COALESCE(SUM(amount), 0) FROM ${FINDINGS_TABLE}`,
      );
    }
  });
}

/** Whether the browsing tables exist (a workspace screened by the CLI, or by an older version, lacks some). */
export async function findingRowsExist(engine: DuckDbEngine): Promise<boolean> {
  const [r] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM information_schema.tables
    WHERE table_schema = 'main' AND table_name IN ('${FINDING_ROWS}', '${INST_MONTH}', '${FINDING_AGG}')`);
  return Number(r?.n ?? 0) === 3;
}
