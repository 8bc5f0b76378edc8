/** The demo's ledgers (npm start): made once through the use cases, so the log holds them and verifies. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../src/cases/demo.js';
import { verifyCaseLog } from '../../src/cases/log.js';
import { importDataset } from '../../src/dataset/importer.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { serve, type Served } from '../../src/server/start.js';
import { generateCity } from '../../src/synthetic/generate.js';

describe('demo ledgers', () => {
  let dir: string;
  let served: Served;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fg-demo-cases-'));
    await generateCity({ out: join(dir, 'city'), persons: 1500, months: 3, seed: 21, violationRate: 4, format: 'parquet', workers: 0 });
    const db = join(dir, 'workspace.duckdb');
    const engine = await DuckDbEngine.open(db);
    await importDataset(engine, join(dir, 'city'));
    await engine.close();
    served = await serve({ db, port: 0, host: '127.0.0.1', demo: true, demoCases: true, log: () => {} });
  }, 180_000);
  afterAll(async () => {
    await served?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('hold the demo hospital\'s case awaiting review, open clues, and a log that verifies; made once', async () => {
    const store = served.workbench.store;
    const cases = await store.query<{ status: string; handler: string }>(`SELECT status, handler FROM fg_case`);
    expect(cases).toEqual([{ status: 'reviewing', handler: 'analyst' }]);
    const [{ n: open }] = await store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_clue WHERE status = 'open'`) as [{ n: number }];
    expect(Number(open)).toBeGreaterThanOrEqual(1);
    const [{ n: decisions }] = await store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_case_decision WHERE status = 'submitted' AND drafted_by = 'analyst'`) as [{ n: number }];
    expect(Number(decisions)).toBe(1);
    const log = await verifyCaseLog(store);
    expect(log.ok).toBe(true);
    expect(log.entries).toBeGreaterThan(5);
    expect(await seedDemoCases(served.workbench)).toBe(0);
  });
});
