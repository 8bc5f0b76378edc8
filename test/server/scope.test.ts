/**
 * Data scope holds on every API route: an institution user and a county analyst reach nothing outside their
 * scope, whatever the URL or filter; rows of others are "not found"; administrator-only routes are refused.
 * Run with the operational store embedded and on PostgreSQL. A route added without a case here fails the test.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../src/server/http.js';
import { startTestServer, type Client, type StoreMode, type TestServer } from '../support/server.js';

/** Every route, by "METHOD path", with what an out-of-scope caller must get. */
const COVERED = [
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'GET /api/meta',
  'GET /api/overview',
  'GET /api/findings',
  'GET /api/findings/export.xlsx',
  'GET /api/findings/:id',
  'POST /api/findings/:id/decisions',
  'GET /api/users',
  'GET /api/institutions',
  'GET /api/institutions/:code',
  'GET /api/rules',
  'PUT /api/rules/:code',
  'POST /api/screenings',
  'GET /api/jobs/:id',
  'POST /api/imports',
  'POST /api/imports/:id/apply',
  'GET /api/audit',
  'GET /api/openapi.json',
  'GET /api/warnings',
  'GET /api/warnings/summary',
  'GET /api/indicators',
  'GET /api/practitioners',
  'POST /api/warnings/:id/clue',
  'GET /api/clues',
  'GET /api/warning-config',
  'PUT /api/warning-config',
  'POST /api/clues',
  'GET /api/clues/:id',
  'POST /api/clues/:id/dismiss',
  'POST /api/clues/:id/attachments',
  'GET /api/cases',
  'POST /api/cases',
  'GET /api/cases/:id',
  'POST /api/cases/:id/clues',
  'PUT /api/cases/:id/assignment',
  'POST /api/cases/:id/notes',
  'POST /api/cases/:id/attachments',
  'POST /api/cases/:id/decision',
  'POST /api/cases/:id/recoveries',
  'POST /api/cases/:id/close',
  'GET /api/decisions',
  'GET /api/decisions/:id',
  'POST /api/decisions/:id/submit',
  'POST /api/decisions/:id/review',
  'POST /api/decisions/:id/appeals',
  'POST /api/appeals/:id/attachments',
  'POST /api/appeals/:id/decide',
  'GET /api/attachments/:id',
  'GET /api/case-log/verify',
  'GET /api/case-settings',
  'PUT /api/case-settings',
  'GET /api/case-stats',
  'GET /api/case-stats/export.xlsx',
];

async function xlsxRows(raw: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(raw as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

describe.each(['duckdb', 'postgres'] as StoreMode[])('data scope on every route (store: %s)', (mode) => {
  let s: TestServer;
  let instA: Client;
  let county: Client;
  let admin: Client;
  beforeAll(async () => {
    s = await startTestServer(mode);
    [instA, county, admin] = await Promise.all([s.login('instA'), s.login('county'), s.login('admin')]);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  it('has a case here for every registered route', () => {
    const routes = routesOf(s.app)
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(routes).toEqual([...COVERED].sort());
  });

  it('lists only in-scope findings, whatever the filter asks for', async () => {
    for (const url of [
      '/api/findings?pageSize=200',
      `/api/findings?institution=${s.fixtures.instB}`,
      '/api/findings?admdvs=33',
      `/api/findings?q=${s.fixtures.instB}`,
    ]) {
      const r = await instA.get(url);
      expect(r.status, url).toBe(200);
      expect(
        r.body.items.every((f: { fixmedinsCode: string }) => f.fixmedinsCode === s.fixtures.instA),
        url,
      ).toBe(true);
    }
    const all = await instA.get('/api/findings?pageSize=200');
    expect(all.body.total).toBeGreaterThan(0);
    const c = await county.get('/api/findings?pageSize=200&admdvs=3301');
    expect(c.body.total).toBeGreaterThan(0);
    expect(c.body.items.every((f: { admdvs: string }) => f.admdvs === s.fixtures.county)).toBe(true);
    expect((await county.get(`/api/findings?institution=${s.fixtures.instA}`)).body.total).toBe(0);
  });

  it("answers 404 for another institution's finding, on reading and on deciding", async () => {
    expect((await instA.get(`/api/findings/${s.fixtures.findingA}`)).status).toBe(200);
    expect((await instA.get(`/api/findings/${s.fixtures.findingB}`)).status).toBe(404);
    expect((await instA.post(`/api/findings/${s.fixtures.findingB}/decisions`, { action: 'respond', reason: 'x' })).status).toBe(404);
    expect((await county.get(`/api/findings/${s.fixtures.findingA}`)).status).toBe(404);
    expect((await county.post(`/api/findings/${s.fixtures.findingA}/decisions`, { action: 'confirm' })).status).toBe(404);
    expect((await county.get(`/api/findings/${s.fixtures.countyFinding}`)).status).toBe(200);
  });

  it('exports only in-scope rows to Excel', async () => {
    const r = await instA.get('/api/findings/export.xlsx');
    expect(r.status).toBe(200);
    const rows = await xlsxRows(r.raw);
    const col = rows[0]!.findIndex((h) => h.startsWith('机构编码'));
    expect(rows.length - 1).toBe((await instA.get('/api/findings?pageSize=1')).body.total);
    expect(rows.slice(1).every((row) => row[col] === s.fixtures.instA)).toBe(true);
  });

  it("sums the overview over the caller's scope only", async () => {
    for (const [client, filter] of [
      [instA, `institution=${s.fixtures.instA}`],
      [county, `admdvs=${s.fixtures.county}`],
    ] as const) {
      const o = (await client.get('/api/overview')).body;
      const list = (await admin.get(`/api/findings?pageSize=1&${filter}`)).body;
      expect(o.findings).toBe(list.total);
      expect(
        o.topInstitutions.every((t: { fixmedinsCode: string; admdvs: string }) =>
          client === instA ? t.fixmedinsCode === s.fixtures.instA : t.admdvs === s.fixtures.county,
        ),
      ).toBe(true);
      expect(
        o.byRegion.every((r: { admdvs: string; fundPaid: number; findings: number }) =>
          client === county ? r.admdvs === s.fixtures.county : true,
        ),
      ).toBe(true);
    }
    const all = (await admin.get('/api/overview')).body;
    expect(all.findings).toBeGreaterThan((await instA.get('/api/overview')).body.findings);
  });

  it('shows institutions, their profiles, regions and rule figures inside the scope only', async () => {
    const list = (await instA.get('/api/institutions?pageSize=200')).body;
    expect(list.items.map((i: { fixmedinsCode: string }) => i.fixmedinsCode)).toEqual([s.fixtures.instA]);
    expect((await instA.get(`/api/institutions/${s.fixtures.instA}`)).status).toBe(200);
    expect((await instA.get(`/api/institutions/${s.fixtures.instB}`)).status).toBe(404);
    expect((await county.get(`/api/institutions/${s.fixtures.instA}`)).status).toBe(404);
    expect((await county.get(`/api/institutions/${s.fixtures.countyInst}`)).status).toBe(200);
    const countyList = (await county.get('/api/institutions?pageSize=200')).body;
    expect(countyList.total).toBeGreaterThan(1);
    expect(countyList.items.every((i: { admdvs: string }) => i.admdvs === s.fixtures.county)).toBe(true);
    const meta = (await county.get('/api/meta')).body;
    expect(meta.regions.map((r: { admdvs: string }) => r.admdvs)).toEqual([s.fixtures.county]);
    const rules = (await instA.get('/api/rules')).body;
    const total = rules.items.reduce((sum: number, r: { findings: number }) => sum + r.findings, 0);
    expect(total).toBe((await instA.get('/api/findings?pageSize=1')).body.total);
  });

  it('keeps warnings, indicators and practitioners inside the scope (the cases in test/server/monitoring.test.ts)', async () => {
    const w = (await instA.get('/api/warnings?pageSize=200')).body;
    expect(w.items.every((x: { fixmedinsCode: string }) => x.fixmedinsCode === s.fixtures.instA)).toBe(true);
    expect(
      (await county.get('/api/warnings?pageSize=200')).body.items.every((x: { admdvs: string }) => x.admdvs === s.fixtures.county),
    ).toBe(true);
    expect((await instA.get(`/api/indicators?unitId=${s.fixtures.instB}&indicator=fund_paid`)).status).toBe(404);
    expect((await instA.get(`/api/indicators?unitId=${s.fixtures.instA}&indicator=fund_paid`)).status).toBe(200);
    expect(
      (await instA.get('/api/practitioners?pageSize=200')).body.items.every(
        (x: { fixmedinsCode: string }) => x.fixmedinsCode === s.fixtures.instA,
      ),
    ).toBe(true);
    const summary = (await instA.get('/api/warnings/summary')).body;
    expect(Object.values(summary.institutions as Record<string, number>).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(1);
    expect((await instA.get('/api/warning-config')).status).toBe(200);
  });

  it('keeps clues, cases and their statistics from institutions, and bureau users to their region (the cases in test/server/cases.test.ts)', async () => {
    const someId = '00000000-0000-4000-8000-000000000000';
    for (const url of [
      '/api/clues',
      `/api/clues/${someId}`,
      '/api/cases',
      `/api/cases/${someId}`,
      '/api/case-stats',
      '/api/case-stats/export.xlsx',
      '/api/case-settings',
      '/api/case-log/verify',
    ]) {
      expect((await instA.get(url)).status, url).toBe(403);
    }
    for (const [method, url] of [
      ['POST', '/api/clues'],
      ['POST', '/api/cases'],
      ['POST', `/api/cases/${someId}/decision`],
      ['POST', `/api/decisions/${someId}/review`],
      ['POST', `/api/appeals/${someId}/decide`],
      ['POST', `/api/cases/${someId}/close`],
      ['PUT', '/api/case-settings'],
    ] as const) {
      expect((await instA.request(method, url, {})).status, url).toBe(403);
    }
    expect((await county.request('POST', `/api/decisions/${someId}/appeals`, { reason: 'x' })).status).toBe(403);
    expect((await county.put('/api/case-settings', { appealDays: 30, deadlineDays: 60 })).status).toBe(403);
    expect((await county.get('/api/case-log/verify')).status).toBe(403);
    expect((await instA.get('/api/decisions')).body.items).toEqual([]);
    expect((await instA.get(`/api/decisions/${someId}`)).status).toBe(404);
    expect((await instA.get(`/api/attachments/${someId}`)).status).toBe(404);
    expect((await county.get(`/api/cases/${someId}`)).status).toBe(404);
  });

  it('refuses administrator routes to others, and jobs and users to institutions', async () => {
    for (const c of [instA, county]) expect((await c.put('/api/warning-config', {})).status).toBe(403);
    expect((await instA.post('/api/warnings/00000000000000000000000000000000/clue', {})).status).toBe(403);
    expect((await instA.get('/api/clues')).status).toBe(403);
    expect((await county.post('/api/warnings/00000000000000000000000000000000/clue', {})).status).toBe(404);
    for (const c of [instA, county]) {
      expect((await c.put('/api/rules/CARD_BURST', { enabled: false })).status).toBe(403);
      expect((await c.post('/api/screenings')).status).toBe(403);
      expect((await c.post('/api/imports')).status).toBe(403);
      expect((await c.post('/api/imports/00000000-0000-4000-8000-000000000000/apply')).status).toBe(403);
      expect((await c.get('/api/audit')).status).toBe(403);
    }
    expect((await instA.get('/api/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(403);
    expect((await instA.get('/api/users?role=analyst')).status).toBe(403);
    expect((await county.get('/api/users?role=analyst')).status).toBe(200);
    expect((await county.get('/api/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it("shows a screening job's whole-workspace summary to administrators only: others are told it does not exist", async () => {
    const started = await admin.post('/api/screenings');
    expect(started.status).toBe(202);
    await s.wb.jobs.idle();
    const url = `/api/jobs/${started.body.id}`;
    const done = await admin.get(url);
    expect(done.status).toBe(200);
    expect(done.body.result.findings).toBeGreaterThan(0);
    const city = await s.login('city');
    for (const c of [county, city]) {
      const r = await c.get(url);
      expect(r.status).toBe(404);
      expect(JSON.stringify(r.body)).not.toContain('findings');
    }
    // Institutions and reviewers never follow jobs, whichever the id.
    for (const c of [instA, await s.login('reviewer')]) expect((await c.get(url)).status).toBe(403);
  });

  it('needs a session everywhere but sign-in and the API description', async () => {
    for (const url of COVERED) {
      const [method, path] = url.split(' ') as ['GET' | 'POST' | 'PUT', string];
      const concrete = path.replace(':id', s.fixtures.findingA).replace(':code', s.fixtures.instA);
      const res = await s.app.inject({
        method,
        url: concrete,
        ...(method === 'GET' ? {} : { headers: { 'content-type': 'application/json' }, payload: '{}' }),
      });
      if (url === 'POST /api/auth/login') expect(res.statusCode).toBe(400);
      else if (url === 'GET /api/openapi.json') expect(res.statusCode).toBe(200);
      else expect(res.statusCode, url).toBe(401);
    }
  });
});
