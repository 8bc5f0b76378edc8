/**
 * Server engine: copies a DuckDB workspace's tables into a PostgreSQL schema (COPY, streamed), then
 * builds the derived tables there with PostgreSQL's own SQL, so every rule runs on PostgreSQL data.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import type { DuckDbEngine } from '../db/duckdb.js';
import { ident, quote } from '../db/engine.js';
import type { PostgresEngine } from '../db/postgres.js';
import { TABLE_NAMES } from '../exchange/tables.js';
import { buildDerivedTables, ensureWorkspaceSchema, FINDINGS_TABLE, META_TABLE } from './schema.js';

function pgType(duckType: string): string {
  const t = duckType.toUpperCase();
  if (t.startsWith('DECIMAL')) return t.replace('DECIMAL', 'NUMERIC');
  if (t === 'VARCHAR') return 'TEXT';
  if (['INTEGER', 'BIGINT', 'DATE', 'TIMESTAMP', 'BOOLEAN', 'DOUBLE'].includes(t)) return t === 'DOUBLE' ? 'DOUBLE PRECISION' : t;
  return 'TEXT';
}

/** Replaces the PostgreSQL schema's tables with the DuckDB workspace's exchange and metadata tables. */
export async function copyWorkspaceToPostgres(duck: DuckDbEngine, pg: PostgresEngine): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'fundguard-pg-'));
  try {
    await pg.exec('BEGIN');
    for (const table of [...TABLE_NAMES, META_TABLE]) {
      const cols = await duck.all<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = 'main' AND table_catalog = current_database() AND table_name = ${quote(table)} ORDER BY ordinal_position`,
      );
      await pg.exec(`DROP TABLE IF EXISTS ${ident(table)} CASCADE`);
      await pg.exec(`CREATE TABLE ${ident(table)} (${cols.map((c) => `${ident(c.column_name)} ${pgType(c.data_type)}`).join(', ')})`);
      const file = join(dir, `${table}.csv`);
      await duck.exec(`COPY (SELECT * FROM main.${ident(table)}) TO ${quote(file)} (FORMAT csv, HEADER false)`);
      const stream = pg.client.query(copyFrom(`COPY ${ident(table)} FROM STDIN WITH (FORMAT csv)`));
      await pipeline(createReadStream(file), stream);
    }
    await pg.exec(`DROP TABLE IF EXISTS ${FINDINGS_TABLE}`);
    await buildDerivedTables(pg);
    await ensureWorkspaceSchema(pg);
    await pg.exec('COMMIT');
    for (const table of [...TABLE_NAMES, 'mdtrt']) await pg.exec(`ANALYZE ${ident(table)}`);
  } catch (e) {
    await pg.exec('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
