/** Whether a workspace has its monitoring tables (one screened by the CLI, or by an older version, may not). */
import type { DuckDbEngine } from '../db/duckdb.js';

export async function monitoringExists(engine: DuckDbEngine): Promise<boolean> {
  const [r] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM information_schema.tables
    WHERE table_schema = 'main' AND table_name IN ('fg_indicator', 'fg_warning', 'fg_practitioner_stat')`);
  return Number(r?.n ?? 0) === 3;
}
