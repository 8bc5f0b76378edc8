/**
 * The shared fee-line pass (rule.lineScope, buildLineScopes) is an optimisation only: on a generated data set
 * every rule must give the same findings with and without it, on both engines.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/dataset/importer.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { PostgresEngine } from '../../src/db/postgres.js';
import { defaultDatabaseUrl } from '../support/database.js';
import type { SqlEngine } from '../../src/db/engine.js';
import { BUILT_IN_RULES } from '../../src/screening/catalog.js';
import { configureRules } from '../../src/screening/config.js';
import { readFindings, type Finding } from '../../src/screening/findings.js';
import { runScreening } from '../../src/screening/run.js';
import { generateCity } from '../../src/synthetic/generate.js';
import { copyWorkspaceToPostgres } from '../../src/workspace/postgres.js';

const SCOPED = BUILT_IN_RULES.filter((r) => r.lineScope).map((r) => r.code);

async function screenBothWays(engine: SqlEngine): Promise<{ scoped: Finding[]; full: Finding[]; scopedRules: number }> {
  const rules = configureRules();
  let scopedRules = 0;
  await runScreening(engine, rules, {
    onLineScopes: (_, n) => {
      scopedRules = n;
    },
  });
  const scoped = await readFindings(engine);
  await runScreening(engine, rules, { lineScopes: false });
  return { scoped, full: await readFindings(engine), scopedRules };
}

describe('shared fee-line pass', () => {
  let dir: string;
  let duck: DuckDbEngine;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fg-scopes-'));
    await generateCity({ out: dir, persons: 3000, months: 6, seed: 7, format: 'parquet', violationRate: 3 });
    duck = await DuckDbEngine.open(':memory:');
    await importDataset(duck, dir, { inPlace: true });
  }, 120_000);
  afterAll(async () => {
    await duck?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('is used by the line-level rules', () => {
    expect(SCOPED.length).toBeGreaterThanOrEqual(5);
  });

  it('gives the same findings as reading every line, on DuckDB', async () => {
    const { scoped, full, scopedRules } = await screenBothWays(duck);
    expect(scopedRules).toBe(SCOPED.length);
    for (const code of SCOPED) expect(full.filter((f) => f.rule_code === code).length, code).toBeGreaterThan(0);
    expect(scoped).toEqual(full);
  }, 120_000);

  it('gives the same findings as reading every line, on PostgreSQL', async () => {
    const schema = `fg_scopes_${process.pid}`;
    const pg = await PostgresEngine.connect(defaultDatabaseUrl(), schema);
    try {
      await copyWorkspaceToPostgres(duck, pg);
      const { scoped, full } = await screenBothWays(pg);
      for (const code of SCOPED) expect(full.filter((f) => f.rule_code === code).length, code).toBeGreaterThan(0);
      expect(scoped).toEqual(full);
    } finally {
      await pg.exec(`DROP SCHEMA "${schema}" CASCADE`).catch(() => {});
      await pg.close();
    }
  }, 180_000);
});
