/**
 * Reads while the workspace's derived tables are rebuilt: a re-screening replaces the findings, their browsing
 * tables, the indicators, the warnings and the practitioner figures; a change of the warning thresholds (the
 * practitioner ones included) replaces the warnings and the practitioner figures. Readers on the pool's other
 * connections must see the old tables or the new ones, never none and never an error: every read answers 200.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningConfig } from '../../src/contract/settings.js';
import { DEFAULT_WARNING_CONFIG } from '../../src/monitoring/warnings.js';
import { startTestServer, type Client, type Reply, type TestServer } from '../support/server.js';

const PERMISSIVE: WarningConfig = {
  ...DEFAULT_WARNING_CONFIG,
  growth: { fund_paid: { levels: [0.05, 0.15, 0.3], minBase: 0 }, cost_per_visit: { levels: [0.05, 0.15, 0.3], minBase: 0 } },
  history: { indicators: ['fund_paid', 'cost_per_visit'], z: [1, 2, 3], minBase: 0, months: 2, confirmZ: 0 },
  practitioner: { minPrescriptions: 3, minPeers: 3, z: [1, 2, 3] },
};

describe('reads while screening and the thresholds rebuild the tables', () => {
  let s: TestServer;
  let admin: Client;
  let city: Client;
  let instA: Client;

  beforeAll(async () => {
    s = await startTestServer('duckdb', { persons: 600 });
    [admin, city, instA] = await Promise.all([s.login('admin'), s.login('city'), s.login('instA')]);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  /** Reads of every route over the rebuilt tables, round after round, until `done` says stop. */
  async function readUntil(done: () => boolean): Promise<Reply[]> {
    const urls = [
      '/api/overview',
      '/api/warnings?pageSize=20',
      '/api/warnings/summary',
      `/api/indicators?unitId=${s.fixtures.instA}&indicator=fund_paid`,
      `/api/indicators?unitType=region&unitId=${s.fixtures.county}&indicator=visits`,
      '/api/practitioners?pageSize=20',
      '/api/findings?pageSize=20',
      `/api/findings/${s.fixtures.findingA}`,
      '/api/rules',
      `/api/institutions/${s.fixtures.instA}`,
    ];
    const replies: Reply[] = [];
    // Sixteen readers, each going round the routes without pause: some read is always in flight.
    const reader = async (k: number) => {
      for (let i = k; !done(); i++) replies.push(await (i % 2 ? city : instA).get(urls[i % urls.length]!));
    };
    await Promise.all(Array.from({ length: 16 }, (_, k) => reader(k)));
    return replies;
  }

  function failures(replies: Reply[]): string[] {
    const failed = replies.filter((r) => r.status >= 500).map((r) => `${r.status} ${JSON.stringify(r.body)}`);
    console.log(`${failed.length} of ${replies.length} reads failed`);
    return failed;
  }

  it('answers every read during three re-screenings', async () => {
    let finished = false;
    const screenings = (async () => {
      try {
        for (let k = 0; k < 3; k++) {
          const started = await admin.post('/api/screenings');
          expect(started.status).toBe(202);
          await s.wb.jobs.idle();
          expect((await admin.get(`/api/jobs/${started.body.id}`)).body.status).toBe('done');
        }
      } finally {
        finished = true;
      }
    })();
    const replies = await readUntil(() => finished);
    await screenings;
    expect(replies.length).toBeGreaterThan(100);
    expect(failures(replies)).toEqual([]);
  }, 300_000);

  it('answers every read during threshold changes', async () => {
    let finished = false;
    const changes = (async () => {
      try {
        for (let k = 0; k < 10; k++) {
          const put = await admin.put('/api/warning-config', k % 2 ? DEFAULT_WARNING_CONFIG : PERMISSIVE);
          expect(put.status).toBe(200);
        }
      } finally {
        finished = true;
      }
    })();
    const replies = await readUntil(() => finished);
    await changes;
    expect(replies.length).toBeGreaterThan(20);
    expect(failures(replies)).toEqual([]);
  }, 300_000);
});
