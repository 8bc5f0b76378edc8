/** Screens a fixture data set on DuckDB and, optionally, PostgreSQL, returning the findings of each. */
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { PostgresEngine } from '../../src/db/postgres.js';
import { defaultDatabaseUrl } from './database.js';
import { importDataset } from '../../src/dataset/importer.js';
import { configureRules, type RulesConfig } from '../../src/screening/config.js';
import { readFindings, type Finding } from '../../src/screening/findings.js';
import { runScreening, type RuleOutcome } from '../../src/screening/run.js';
import { copyWorkspaceToPostgres } from '../../src/workspace/postgres.js';
import { writeDataset, type TableRows } from './fixture.js';

export interface ScreenResult {
  findings: Finding[];
  outcomes: RuleOutcome[];
}

let schemaSeq = 0;

export async function screenOn(engineName: 'duckdb' | 'postgres', tables: TableRows, config?: RulesConfig): Promise<ScreenResult> {
  const dir = await writeDataset(tables);
  const duck = await DuckDbEngine.open(':memory:');
  try {
    await importDataset(duck, dir, { inPlace: true });
    const rules = configureRules(config);
    if (engineName === 'duckdb') {
      const outcomes = await runScreening(duck, rules);
      return { findings: await readFindings(duck), outcomes };
    }
    const schema = `fg_test_${process.pid}_${++schemaSeq}`;
    const pg = await PostgresEngine.connect(defaultDatabaseUrl(), schema);
    try {
      await copyWorkspaceToPostgres(duck, pg);
      const outcomes = await runScreening(pg, rules);
      return { findings: await readFindings(pg), outcomes };
    } finally {
      await pg.exec(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
      await pg.close();
    }
  } finally {
    await duck.close();
  }
}

/** Findings of one rule as compact keys, for readable assertions. */
export function keysOf(findings: Finding[], code: string, key: (f: Finding) => string): string[] {
  return findings
    .filter((f) => f.rule_code === code)
    .map(key)
    .sort();
}
