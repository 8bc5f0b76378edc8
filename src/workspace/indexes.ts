/**
 * Indexes for the workbench's point look-ups. A finding's evidence reads one visit's fee lines, settlements and
 * diagnoses and one person's visits; without an index each of those scans its whole table (tens of milliseconds
 * a million lines, for every finding opened). DuckDB uses an ART index for such equality look-ups (EXPLAIN still
 * prints a sequential scan: the index is applied to the scan's filter). Screening never needs them, so
 * `fundguard screen` does not build them; the workbench builds what is missing when it opens a workspace and
 * after an import (which replaces the tables and their indexes with them).
 */
import type { SqlEngine } from '../db/engine.js';

export const LOOKUP_INDEXES: ReadonlyArray<{ table: string; column: string }> = [
  { table: 'feedetl', column: 'mdtrt_id' },
  { table: 'setl', column: 'mdtrt_id' },
  { table: 'setl', column: 'setl_id' },
  { table: 'diag', column: 'mdtrt_id' },
  { table: 'mdtrt', column: 'mdtrt_id' },
  { table: 'mdtrt', column: 'psn_no' },
  { table: 'psn', column: 'psn_no' },
];

/** Creates the look-up indexes that are missing on the workspace's base tables (DuckDB only; views are skipped). */
export async function ensureLookupIndexes(engine: SqlEngine): Promise<number> {
  if (engine.name !== 'duckdb') return 0;
  const tables = new Set(
    (await engine.all<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE schema_name = 'main'`)).map((r) => r.t),
  );
  const existing = new Set(
    (await engine.all<{ i: string }>(`SELECT index_name AS i FROM duckdb_indexes() WHERE schema_name = 'main'`)).map((r) => r.i),
  );
  let created = 0;
  for (const { table, column } of LOOKUP_INDEXES) {
    const name = `fg_ix_${table}_${column}`;
    if (!tables.has(table) || existing.has(name)) continue;
    await engine.exec(`CREATE INDEX ${name} ON ${table} (${column})`);
    created++;
  }
  return created;
}

/** Drops the look-up indexes (before an import: loading millions of rows into indexed tables is much slower). */
export async function dropLookupIndexes(engine: SqlEngine): Promise<void> {
  if (engine.name !== 'duckdb') return;
  for (const { table, column } of LOOKUP_INDEXES) await engine.exec(`DROP INDEX IF EXISTS fg_ix_${table}_${column}`);
}
