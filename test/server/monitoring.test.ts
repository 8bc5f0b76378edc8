/**
 * Monitoring and early warning over the API, with the operational store embedded and on PostgreSQL: the
 * thresholds (an administrator's to change, recomputed at once), the warning board inside each caller's
 * scope, indicator series with the peers' band, practitioner rankings, and warnings turned into clues.
 * The test city is small and three months long, so the board is exercised with permissive thresholds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningConfig } from '../../src/contract/settings.js';
import { DEFAULT_WARNING_CONFIG } from '../../src/monitoring/warnings.js';
import { startTestServer, type Client, type StoreMode, type TestServer } from '../support/server.js';

const PERMISSIVE: WarningConfig = {
  growth: {
    fund_paid: { levels: [0.05, 0.15, 0.3], minBase: 0 },
    cost_per_visit: { levels: [0.05, 0.15, 0.3], minBase: 0 },
    admissions: { levels: [0.05, 0.15, 0.3], minBase: 0 },
  },
  absolute: { readmission_15d: { levels: [0.01, 0.05, 0.1], minBase: 0 } },
  history: { indicators: ['fund_paid', 'cost_per_visit'], z: [1, 2, 3], minBase: 0, months: 2, confirmZ: 0 },
  peer: { indicators: ['cost_per_visit', 'drug_share'], z: [1, 2, 3], minBase: 0, minPeers: 3 },
  practitioner: { minPrescriptions: 3, minPeers: 3, z: [1, 2, 3] },
};

interface Warning {
  id: string;
  fixmedinsCode: string;
  admdvs: string;
  month: string;
  indicator: string;
  basis: string;
  level: string;
  value: number;
  reference: number | null;
  message: string;
  messageEn: string;
  clueId: string | null;
}
const RANK: Record<string, number> = { yellow: 1, orange: 2, red: 3 };

/** Every row of a paged list, page by page. */
async function everyRow<T>(c: Client, url: string): Promise<T[]> {
  const rows: T[] = [];
  for (let page = 1; ; page++) {
    const r = await c.get(`${url}${url.includes('?') ? '&' : '?'}pageSize=200&page=${page}`);
    expect(r.status, url).toBe(200);
    rows.push(...(r.body.items as T[]));
    if (rows.length >= r.body.total || !r.body.items.length) return rows;
  }
}

describe.each(['duckdb', 'postgres'] as StoreMode[])('monitoring over the API (store: %s)', (mode) => {
  let s: TestServer;
  let admin: Client;
  let city: Client;
  let county: Client;
  let reviewer: Client;
  let instA: Client;
  let all: Warning[];

  beforeAll(async () => {
    s = await startTestServer(mode);
    [admin, city, county, reviewer, instA] = await Promise.all([
      s.login('admin'),
      s.login('city'),
      s.login('county'),
      s.login('reviewer'),
      s.login('instA'),
    ]);
    const put = await admin.put('/api/warning-config', PERMISSIVE);
    expect(put.status).toBe(200);
    all = await everyRow<Warning>(admin, '/api/warnings?sort=institution');
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  it('lets an administrator change the thresholds, recomputing the warnings at once; refuses the others and bad values', async () => {
    expect((await city.get('/api/warning-config')).body).toEqual(PERMISSIVE);
    expect(all.length).toBeGreaterThan(20);
    const defaults = await admin.put('/api/warning-config', DEFAULT_WARNING_CONFIG);
    expect(defaults.status).toBe(200);
    const fewer = (await admin.get('/api/warnings?pageSize=1')).body.total;
    expect(fewer).toBeLessThan(all.length);
    expect((await admin.put('/api/warning-config', PERMISSIVE)).status).toBe(200);
    expect((await admin.get('/api/warnings?pageSize=1')).body.total).toBe(all.length);
    for (const c of [city, reviewer, instA]) expect((await c.put('/api/warning-config', PERMISSIVE)).status).toBe(403);
    const bad = await admin.put('/api/warning-config', { ...PERMISSIVE, growth: { fund_paid: { levels: [0.5, 0.3, 0.1], minBase: 0 } } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
    expect((await admin.get('/api/warning-config')).body).toEqual(PERMISSIVE);
    const trail = (await admin.get('/api/audit?pageSize=50')).body.items.map((a: { action: string }) => a.action);
    expect(trail).toContain('warning_config');
  });

  it('shows each caller only warnings of institutions inside the scope, whatever the filter', async () => {
    const mine = await everyRow<Warning>(instA, '/api/warnings');
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((w) => w.fixmedinsCode === s.fixtures.instA && w.clueId === null)).toBe(true);
    expect(mine.length).toBe(all.filter((w) => w.fixmedinsCode === s.fixtures.instA).length);
    expect((await instA.get(`/api/warnings?institution=${s.fixtures.instB}`)).body.total).toBe(0);
    const c = await everyRow<Warning>(county, '/api/warnings?admdvs=33');
    expect(c.length).toBe(all.filter((w) => w.admdvs === s.fixtures.county).length);
    expect(c.every((w) => w.admdvs === s.fixtures.county)).toBe(true);
  });

  it('filters and sorts the board, and says in each language what was compared with what', async () => {
    const month = all[0]!.month;
    const red = (await city.get(`/api/warnings?pageSize=200&level=red,orange&month=${month}&basis=threshold`)).body.items as Warning[];
    expect(red.length).toBeGreaterThan(0);
    expect(red.every((w) => (w.level === 'red' || w.level === 'orange') && w.month === month && w.basis === 'threshold')).toBe(true);
    const sorted = await everyRow<Warning>(city, '/api/warnings');
    for (let k = 1; k < sorted.length; k++) expect(RANK[sorted[k - 1]!.level]!).toBeGreaterThanOrEqual(RANK[sorted[k]!.level]!);
    for (const basis of ['threshold', 'history', 'peer']) {
      const w = all.find((x) => x.basis === basis);
      expect(w, basis).toBeDefined();
      expect(w!.message).toMatch(/[黄橙红]色预警/);
      expect(w!.messageEn).toMatch(/(yellow|orange|red) warning/);
    }
    expect(all.find((x) => x.basis === 'peer')!.message).toContain('同类同级机构中位数');
    expect(all.find((x) => x.basis === 'history')!.message).toContain('本机构近期中位数');
    expect((await city.get('/api/warnings?basis=bogus')).status).toBe(400);
  });

  it('counts institutions by their highest level in the month', async () => {
    const sum = (await city.get('/api/warnings/summary')).body;
    expect(sum.months.length).toBe(3);
    const inMonth = all.filter((w) => w.month === sum.month);
    const top = new Map<string, number>();
    for (const w of inMonth) top.set(w.fixmedinsCode, Math.max(top.get(w.fixmedinsCode) ?? 0, RANK[w.level]!));
    const byLevel = { yellow: 0, orange: 0, red: 0 };
    for (const t of top.values()) byLevel[(['yellow', 'orange', 'red'] as const)[t - 1]!]++;
    expect(sum.institutions).toEqual(byLevel);
    expect(sum.warnings.red).toBe(inMonth.filter((w) => w.level === 'red').length);
    const own = (await instA.get('/api/warnings/summary')).body;
    expect(own.institutions.yellow + own.institutions.orange + own.institutions.red).toBeLessThanOrEqual(1);
  });

  it("draws an institution's indicator with its peers, and a region's as the sum of its institutions", async () => {
    const series = (await instA.get(`/api/indicators?unitId=${s.fixtures.instA}&indicator=cost_per_visit`)).body;
    expect(series.points.length).toBe(3);
    expect(series.peerGroup).toMatch(/\|/);
    const p = series.points.find((x: { peerMedian: number | null }) => x.peerMedian !== null);
    expect(p).toBeDefined();
    expect(p.peerLow).toBeLessThanOrEqual(p.peerMedian);
    expect(p.peerHigh).toBeGreaterThanOrEqual(p.peerMedian);
    const warned = all.filter((w) => w.fixmedinsCode === s.fixtures.instA && w.indicator === 'cost_per_visit');
    for (const w of warned) {
      const point = series.points.find((x: { month: string }) => x.month === w.month);
      expect(RANK[point.warning]).toBeGreaterThanOrEqual(RANK[w.level]!);
    }
    const region = (await county.get(`/api/indicators?unitType=region&unitId=${s.fixtures.county}&indicator=fund_paid`)).body;
    const [sum] = await s.wb.reads.query<{ v: number }>(
      `SELECT SUM(i.value) AS v FROM fg_indicator i JOIN fixmedins f ON f.fixmedins_code = i.unit_id
      WHERE i.unit_type = 'institution' AND i.indicator = 'fund_paid' AND f.admdvs = $1 AND i.month = $2`,
      [s.fixtures.county, region.points[1].month],
    );
    expect(region.points[1].value).toBeCloseTo(Number(sum!.v), 2);
  });

  it('answers 404 for an indicator outside the scope', async () => {
    expect((await instA.get(`/api/indicators?unitId=${s.fixtures.instB}&indicator=fund_paid`)).status).toBe(404);
    expect((await instA.get(`/api/indicators?unitType=region&unitId=${s.fixtures.county}&indicator=fund_paid`)).status).toBe(404);
    expect((await county.get(`/api/indicators?unitId=${s.fixtures.instA}&indicator=fund_paid`)).status).toBe(404);
    const outside = all.find((w) => w.admdvs !== s.fixtures.county)!.admdvs;
    expect((await county.get(`/api/indicators?unitType=region&unitId=${outside}&indicator=fund_paid`)).status).toBe(404);
    expect((await city.get(`/api/indicators?unitId=${s.fixtures.instA}&indicator=beds`)).status).toBe(400);
  });

  it('ranks practitioners against their peers inside the scope, with levels from the thresholds', async () => {
    const list = (await city.get('/api/practitioners?pageSize=200')).body;
    expect(list.total).toBeGreaterThan(0);
    // z is shown to two decimals; the level comes from the unrounded z.
    for (const p of (list.items as Array<{ z: number | null; level: string | null }>).filter(
      (x) => x.z === null || [1, 2, 3].every((t) => Math.abs(x.z! - t) > 0.005),
    )) {
      const expected = p.z === null || p.z < 1 ? null : p.z >= 3 ? 'red' : p.z >= 2 ? 'orange' : 'yellow';
      expect(p.level).toBe(expected);
    }
    expect(list.items.some((p: { level: string | null }) => p.level !== null)).toBe(true);
    const zs = list.items.map((p: { z: number | null }) => p.z ?? -Infinity);
    expect(zs).toEqual([...zs].sort((a: number, b: number) => b - a));
    const red = (await city.get('/api/practitioners?pageSize=200&level=red')).body.items;
    expect(red.every((p: { level: string }) => p.level === 'red')).toBe(true);
    const mine = (await instA.get('/api/practitioners?pageSize=200')).body.items;
    expect(mine.every((p: { fixmedinsCode: string }) => p.fixmedinsCode === s.fixtures.instA)).toBe(true);
    const c = (await county.get('/api/practitioners?pageSize=200')).body.items;
    expect(c.every((p: { fixmedinsCode: string }) => p.fixmedinsCode.slice(1, 7) === s.fixtures.county)).toBe(true);
  });

  it('turns a warning into a clue once, for bureau analysts inside their scope only', async () => {
    const w = all.find((x) => x.admdvs !== s.fixtures.county)!;
    expect((await county.post(`/api/warnings/${w.id}/clue`, {})).status).toBe(404);
    expect((await reviewer.post(`/api/warnings/${w.id}/clue`, {})).status).toBe(403);
    expect((await instA.post(`/api/warnings/${w.id}/clue`, {})).status).toBe(403);
    const made = await city.post(`/api/warnings/${w.id}/clue`, { note: '次均费用连续上升，建议现场核查' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      source: 'warning',
      sourceId: w.id,
      fixmedinsCode: w.fixmedinsCode,
      status: 'open',
      createdBy: 'city',
      note: '次均费用连续上升，建议现场核查',
    });
    expect(made.body.summary).toContain(w.month);
    expect((await city.post(`/api/warnings/${w.id}/clue`, {})).status).toBe(409);
    const listed = (await city.get(`/api/warnings?institution=${w.fixmedinsCode}&pageSize=200`)).body.items.find(
      (x: Warning) => x.id === w.id,
    );
    expect(listed.clueId).toBe(made.body.id);
    expect((await city.get('/api/clues')).body.items.map((c: { id: string }) => c.id)).toContain(made.body.id);
    expect((await county.get('/api/clues')).body.items.map((c: { id: string }) => c.id)).not.toContain(made.body.id);
    expect((await instA.get('/api/clues')).status).toBe(403);
    expect((await city.post('/api/warnings/not-an-id/clue', {})).status).toBe(400);
  });
});
