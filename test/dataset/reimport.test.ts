import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { importDataset } from '../../src/dataset/importer.js';
import { baseWorld, line, visit, writeDataset } from '../support/fixture.js';

function month(m: string, ids: string[]) {
  const w = baseWorld();
  for (const id of ids) {
    w.setl.push(visit({ mdtrt_id: id, begntime: `2024-${m}-05 09:00:00`, setl_time: `2024-${m}-05 10:00:00` }));
    w.feedetl.push(
      line({ mdtrt_id: id, feedetl_sn: `${id}_1`, fee_ocur_time: `2024-${m}-05 09:10:00` }),
      line({ mdtrt_id: id, feedetl_sn: `${id}_2`, fee_ocur_time: `2024-${m}-05 09:20:00` }),
    );
  }
  return w;
}

async function counts(e: DuckDbEngine) {
  const [r] = await e.all<{ s: number; f: number; p: number; v: number }>(
    `SELECT (SELECT COUNT(*) FROM setl) AS s, (SELECT COUNT(*) FROM feedetl) AS f, (SELECT COUNT(*) FROM psn) AS p, (SELECT COUNT(*) FROM mdtrt) AS v`,
  );
  return { setl: Number(r!.s), feedetl: Number(r!.f), psn: Number(r!.p), visits: Number(r!.v) };
}

describe('re-importing a period', () => {
  it('replaces the period instead of doubling it, and keeps other periods', async () => {
    const db = join(await mkdtemp(join(tmpdir(), 'fg-ws-')), 'ws.duckdb');
    const jan = await writeDataset(month('01', ['J1', 'J2']));
    const feb = await writeDataset(month('02', ['F1', 'F2', 'F3']));
    const febFixed = await writeDataset(month('02', ['F1', 'F2']));
    const e = await DuckDbEngine.open(db);
    try {
      await importDataset(e, jan);
      await importDataset(e, feb);
      expect(await counts(e)).toEqual({ setl: 5, feedetl: 10, psn: 2, visits: 5 });
      await importDataset(e, feb);
      expect(await counts(e)).toEqual({ setl: 5, feedetl: 10, psn: 2, visits: 5 });
      // A corrected February extract without F3 replaces February entirely.
      await importDataset(e, febFixed);
      expect(await counts(e)).toEqual({ setl: 4, feedetl: 8, psn: 2, visits: 4 });
      const ids = await e.all<{ mdtrt_id: string }>(`SELECT mdtrt_id FROM setl ORDER BY 1`);
      expect(ids.map((r) => r.mdtrt_id)).toEqual(['F1', 'F2', 'J1', 'J2']);
    } finally {
      await e.close();
    }
  });
});
