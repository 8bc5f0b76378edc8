/** The demo's ledgers (npm start): made once through the use cases, so the log holds them and verifies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../src/cases/demo.js';
import { verifyCaseLog } from '../../src/cases/log.js';
import { serveGeneratedCity } from '../support/browser.js';

describe('demo ledgers', () => {
  let city: Awaited<ReturnType<typeof serveGeneratedCity>>;
  beforeAll(async () => {
    city = await serveGeneratedCity({ persons: 1500, months: 3, seed: 21, violationRate: 4 }, { demoCases: true });
  }, 180_000);
  afterAll(async () => {
    await city?.close();
  });

  it("hold the demo hospital's case awaiting review, open clues, and a log that verifies; made once", async () => {
    const store = city.served.workbench.store;
    const cases = await store.query<{ status: string; handler: string }>(`SELECT status, handler FROM fg_case`);
    expect(cases).toEqual([{ status: 'reviewing', handler: 'analyst' }]);
    const [{ n: open }] = (await store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_clue WHERE status = 'open'`)) as [{ n: number }];
    expect(Number(open)).toBeGreaterThanOrEqual(1);
    const [{ n: decisions }] = (await store.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM fg_case_decision WHERE status = 'submitted' AND drafted_by = 'analyst'`,
    )) as [{ n: number }];
    expect(Number(decisions)).toBe(1);
    const log = await verifyCaseLog(store);
    expect(log.ok).toBe(true);
    expect(log.entries).toBeGreaterThan(5);
    expect(await seedDemoCases(city.served.workbench)).toBe(0);
  });
});
