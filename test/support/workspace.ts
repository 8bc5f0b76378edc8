/**
 * A fixture data set imported (and screened with the given rules) into a workspace on DuckDB or on the real
 * PostgreSQL, for tests of what is computed from a screened workspace (indicators, warnings, practitioner
 * figures). The workspace lives until `close`.
 */
import { DuckDbEngine } from '../../src/db/duckdb.js';
import type { SqlEngine } from '../../src/db/engine.js';
import { PostgresEngine } from '../../src/db/postgres.js';
import { defaultDatabaseUrl } from './database.js';
import { importDataset } from '../../src/dataset/importer.js';
import { BUILT_IN_RULES } from '../../src/screening/catalog.js';
import { configureRules, type RulesConfig } from '../../src/screening/config.js';
import { runScreening } from '../../src/screening/run.js';
import { copyWorkspaceToPostgres } from '../../src/workspace/postgres.js';
import { writeDataset, type TableRows } from './fixture.js';
import type { EngineName } from './rule-screen.js';

export interface TestWorkspace {
  engine: SqlEngine;
  close(): Promise<void>;
}

let schemaSeq = 0;

/** A PostgreSQL schema of its own (dropped on close), or an in-memory DuckDB. */
export async function emptyEngine(name: EngineName): Promise<TestWorkspace> {
  if (name === 'duckdb') {
    const duck = await DuckDbEngine.open(':memory:');
    return { engine: duck, close: () => duck.close() };
  }
  const schema = `fg_ws_${process.pid}_${++schemaSeq}`;
  const pg = await PostgresEngine.connect(defaultDatabaseUrl(), schema);
  return {
    engine: pg,
    close: async () => {
      await pg.exec(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
      await pg.close();
    },
  };
}

/** Imports `tables`, screens them with `rules` (every built-in rule when absent) and returns the workspace. */
export async function screenedWorkspace(name: EngineName, tables: TableRows, rules?: RulesConfig): Promise<TestWorkspace> {
  const dir = await writeDataset(tables);
  const duck = await DuckDbEngine.open(':memory:');
  await importDataset(duck, dir, { inPlace: true }).catch(async (e: unknown) => {
    await duck.close();
    const rejects = (e as { report?: { rejects?: unknown[] } }).report?.rejects;
    throw rejects ? new Error(`${(e as Error).message}: ${JSON.stringify(rejects)}`) : e;
  });
  if (name === 'duckdb') {
    await runScreening(duck, configureRules(rules));
    return { engine: duck, close: () => duck.close() };
  }
  const ws = await emptyEngine('postgres');
  try {
    await copyWorkspaceToPostgres(duck, ws.engine as PostgresEngine);
    await runScreening(ws.engine, configureRules(rules));
  } catch (e) {
    await ws.close();
    throw e;
  } finally {
    await duck.close();
  }
  return ws;
}

/** Only the named rules enabled. */
export function onlyRules(...codes: string[]): RulesConfig {
  return { rules: Object.fromEntries(BUILT_IN_RULES.map((r) => [r.code, { enabled: codes.includes(r.code) }])) };
}
