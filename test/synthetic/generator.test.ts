/**
 * The synthetic city (`fundguard generate`): deterministic for a seed, clean where no violation was injected,
 * and labelled exactly: screening a generated city finds every label and nothing else, code by code.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { importDataset } from '../../src/dataset/importer.js';
import { evaluateDetection } from '../../src/evaluation/detection.js';
import { configureRules } from '../../src/screening/config.js';
import { runScreening } from '../../src/screening/run.js';
import { Calendar } from '../../src/synthetic/calendar.js';
import { buildCity } from '../../src/synthetic/city.js';
import { DISEASE_GROUPS } from '../../src/synthetic/diseases.js';
import { certnoCheck, makePerson } from '../../src/synthetic/population.js';
import { generateCity } from '../../src/synthetic/generate.js';
import { VIOLATION_CODES } from '../../src/synthetic/violations.js';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'fg-city-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function digests(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of (await readdir(dir)).sort())
    out[f] = createHash('sha256')
      .update(await readFile(join(dir, f)))
      .digest('hex');
  return out;
}

async function screen(dir: string): Promise<{ engine: DuckDbEngine; counts: Record<string, number> }> {
  const engine = await DuckDbEngine.open(':memory:');
  await importDataset(engine, dir, { inPlace: true });
  await runScreening(engine, configureRules());
  const rows = await engine.all<{ rule_code: string; n: number }>(
    'SELECT rule_code, COUNT(*) AS n FROM fg_finding GROUP BY rule_code ORDER BY rule_code',
  );
  return { engine, counts: Object.fromEntries(rows.map((r) => [r.rule_code, Number(r.n)])) };
}

describe('synthetic city', () => {
  it('gives the same bytes for the same seed, on one thread or several, and other bytes for another seed', async () => {
    const opts = { persons: 1500, months: 3, seed: 7, format: 'csv' as const };
    const a = await generateCity({ ...opts, out: join(root, 'a'), workers: 0 });
    await generateCity({ ...opts, out: join(root, 'b'), workers: 2 });
    await generateCity({ ...opts, seed: 8, out: join(root, 'c'), workers: 2 });
    const [da, db, dc] = await Promise.all([digests(join(root, 'a')), digests(join(root, 'b')), digests(join(root, 'c'))]);
    expect(Object.keys(da)).toContain('feedetl.csv');
    expect(Object.keys(da)).toContain('labels.csv');
    expect(db).toEqual(da);
    expect(dc['feedetl.csv']).not.toBe(da['feedetl.csv']);
    expect(a.tables.feedetl).toBeGreaterThan(10_000);
  });

  it('writes the same Parquet bytes for the same seed', async () => {
    const opts = { persons: 800, months: 2, seed: 3, format: 'parquet' as const, workers: 2 };
    await generateCity({ ...opts, out: join(root, 'p1') });
    await generateCity({ ...opts, out: join(root, 'p2') });
    const [d1, d2] = await Promise.all([digests(join(root, 'p1')), digests(join(root, 'p2'))]);
    expect(Object.keys(d1)).toContain('feedetl.parquet');
    expect(d2).toEqual(d1);
  });

  it('has a clean background: without injections, no rule finds anything', async () => {
    const dir = join(root, 'clean');
    const r = await generateCity({ out: dir, persons: 4000, months: 12, seed: 5, violationRate: 0, workers: 2 });
    expect(r.tables.feedetl).toBeGreaterThan(100_000);
    expect(Object.values(r.labels).reduce((s, n) => s + n, 0)).toBe(0);
    const { engine, counts } = await screen(dir);
    await engine.close();
    expect(counts).toEqual({});
  });

  it('labels exactly what screening finds, for every violation code (precision and recall 1.00)', async () => {
    const dir = join(root, 'labelled');
    const r = await generateCity({ out: dir, persons: 5000, months: 12, seed: 1, violationRate: 3, workers: 2 });
    for (const code of VIOLATION_CODES) expect(r.labels[code] ?? 0, code).toBeGreaterThan(0);
    const { engine } = await screen(dir);
    try {
      const detection = await evaluateDetection(engine, join(dir, 'labels.csv'), null);
      const off = detection.filter((d) => (d.labels || d.findings) && (d.precision !== 1 || d.recall !== 1));
      expect(off.map((d) => `${d.code}: ${d.truePositives}/${d.findings} findings, ${d.truePositives}/${d.labels} labels`)).toEqual([]);
      expect(detection.filter((d) => d.labels > 0).length).toBe(VIOLATION_CODES.length);
    } finally {
      await engine.close();
    }
  });

  it('never lets a person die before being born, over 200,000 persons', () => {
    const calendar = new Calendar('2024-01', 12);
    const city = buildCity({ persons: 200_000, seed: 9, calendar, violationRate: 1 });
    let deaths = 0;
    for (const d of city.districts) {
      for (const street of d.streets) {
        for (const c of street.communities) {
          for (let k = 0; k < c.persons; k++) {
            const p = makePerson(9, city, calendar, DISEASE_GROUPS, d, street, c, c.firstPerson + k);
            if (p.deathDay === null) continue;
            deaths++;
            const death = new Date(calendar.start.getTime() + p.deathDay * 86_400_000);
            expect(death.getTime(), `${p.psnNo} born ${p.brdy}`).toBeGreaterThan(p.birth.getTime());
          }
        }
      }
    }
    expect(deaths).toBeGreaterThan(1000);
  });

  it('looks like a city: every kind and level of institution, a plausible population, valid resident IDs', async () => {
    const dir = join(root, 'a');
    const engine = await DuckDbEngine.open(':memory:');
    try {
      const csv = (t: string) => `read_csv('${join(dir, `${t}.csv`)}', header=true, all_varchar=true)`;
      const kinds = await engine.all<{ inst_kind: string; hosp_lv: string | null; n: number }>(
        `SELECT inst_kind, hosp_lv, COUNT(*) AS n FROM ${csv('fixmedins')} GROUP BY ALL ORDER BY ALL`,
      );
      const kindSet = new Set(kinds.map((k) => k.inst_kind));
      for (const k of ['public_hospital', 'private_hospital', 'primary_care', 'village_clinic', 'pharmacy']) expect(kindSet).toContain(k);
      expect(new Set(kinds.map((k) => k.hosp_lv))).toEqual(new Set(['0', '1', '2', '3', null]));
      const [pop] = await engine.all<{ n: number; male: number; children: number; elderly: number; village: number }>(`
        SELECT COUNT(*) AS n, AVG(CASE WHEN gend = '1' THEN 1 ELSE 0 END) AS male,
          AVG(CASE WHEN CAST(brdy AS DATE) > DATE '2010-01-01' THEN 1 ELSE 0 END) AS children,
          AVG(CASE WHEN CAST(brdy AS DATE) < DATE '1964-01-01' THEN 1 ELSE 0 END) AS elderly,
          AVG(CASE WHEN length(addr_admdvs) = 12 THEN 1 ELSE 0 END) AS village
        FROM ${csv('psn')}`);
      expect(Number(pop!.n)).toBe(1500);
      expect(Number(pop!.male)).toBeGreaterThan(0.45);
      expect(Number(pop!.male)).toBeLessThan(0.56);
      expect(Number(pop!.children)).toBeGreaterThan(0.1);
      expect(Number(pop!.elderly)).toBeGreaterThan(0.15);
      expect(Number(pop!.village)).toBe(1);
      const ids = await engine.all<{ certno: string }>(`SELECT certno FROM ${csv('psn')} WHERE certno IS NOT NULL`);
      expect(ids.length).toBeGreaterThan(1300);
      for (const { certno } of ids) expect(certno.slice(17)).toBe(certnoCheck(certno.slice(0, 17)));
      const [cat] = await engine.all<{ n: number; types: number }>(
        `SELECT COUNT(*) AS n, COUNT(DISTINCT list_type) AS types FROM ${csv('hilist')}`,
      );
      expect(Number(cat!.n)).toBeGreaterThanOrEqual(500);
      expect(Number(cat!.types)).toBe(5);
      const charge = await engine.all<{ t: string }>(`SELECT DISTINCT med_chrgitm_type AS t FROM ${csv('feedetl')} ORDER BY 1`);
      expect(charge.map((c) => c.t)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14']);
      const medTypes = await engine.all<{ t: string }>(`SELECT DISTINCT med_type AS t FROM ${csv('setl')} ORDER BY 1`);
      expect(medTypes.map((m) => m.t)).toEqual(['11', '13', '14', '21', '41']);
    } finally {
      await engine.close();
    }
  });
});
