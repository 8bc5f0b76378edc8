/**
 * What an outside probe of the API found: list filters with values outside their vocabulary, a `null` body taken
 * for an empty change, the server's directories in messages, and accounts and grid handlers listed beyond the
 * caller's region. Each is refused or kept inside the scope here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/users.js';
import { PASSWORD, startTestServer, type Client, type TestServer } from '../support/server.js';
import { multipart } from '../support/multipart.js';

describe('what the probe found', () => {
  let s: TestServer;
  let admin: Client;
  let city: Client;
  let county: Client;
  let reviewer: Client;
  /** Another county's region, one of its grids, and the county's own grid. */
  let other: { admdvs: string; grid: string };
  let countyGrid: string;

  beforeAll(async () => {
    s = await startTestServer('duckdb', { persons: 600 });
    [admin, city, county, reviewer] = await Promise.all([s.login('admin'), s.login('city'), s.login('county'), s.login('reviewer')]);
    const [a] = await s.wb.reads.query<{ admdvs: string; grid_id: string }>(
      `SELECT admdvs, grid_id FROM fixmedins WHERE fixmedins_code = $1`,
      [s.fixtures.instA],
    );
    const [c] = await s.wb.reads.query<{ grid_id: string }>(`SELECT grid_id FROM fixmedins WHERE fixmedins_code = $1`, [
      s.fixtures.countyInst,
    ]);
    other = { admdvs: a!.admdvs, grid: a!.grid_id };
    countyGrid = c!.grid_id;
    const more = [
      {
        username: 'other-county',
        displayName: 'Other county analyst',
        role: 'analyst' as const,
        admdvs: other.admdvs,
        scopeLabel: 'other',
      },
      {
        username: 'county-hospital',
        displayName: 'County hospital',
        role: 'institution' as const,
        fixmedinsCode: s.fixtures.countyInst,
        scopeLabel: 'C',
      },
    ];
    for (const u of more) await createUser(s.wb.store, { ...u, password: PASSWORD });
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  it('refuses a list filter outside its vocabulary, naming the value, instead of reading it as some default', async () => {
    for (const url of [
      '/api/warnings?level=purple',
      '/api/warnings?level=red,purple',
      '/api/warnings?indicator=purple',
      '/api/practitioners?level=purple',
      '/api/findings?status=purple',
    ]) {
      const r = await city.get(url);
      expect(r.status, url).toBe(400);
      expect(r.body.error.code).toBe('validation');
      expect(r.body.error.message, url).toContain('"purple"');
    }
    for (const url of ['/api/warnings?level=red,orange', '/api/practitioners?level=yellow', '/api/findings?status=open,assigned']) {
      expect((await city.get(url)).status, url).toBe(200);
    }
  });

  it('refuses a rule change of null or of nothing, and writes no audit entry for it', async () => {
    const audited = async () => (await admin.get('/api/audit?pageSize=1')).body.total as number;
    const before = await audited();
    for (const body of [null, {}]) {
      const r = await admin.put('/api/rules/CARD_BURST', body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.code).toBe('validation');
    }
    expect(await audited()).toBe(before);
    expect((await admin.put('/api/rules/CARD_BURST', { enabled: true })).status).toBe(200);
    expect(await audited()).toBe(before + 1);
  });

  it("never names the server's directories in what it answers about a bad upload", async () => {
    const { payload, contentType } = multipart([
      { name: 'setl.parquet', content: Buffer.from('not a parquet file at all, just text') },
      { name: 'feedetl.csv', content: 'a,b\n1,2\n' },
    ]);
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
    });
    expect(res.statusCode).toBeLessThan(500);
    const body = JSON.parse(res.body);
    expect(JSON.stringify(body)).toContain('setl.parquet');
    for (const dir of [s.dir, s.wb.uploadsDir, process.cwd()]) expect(res.body).not.toContain(dir);
    expect(res.body).not.toMatch(/\/(tmp|work|srv|home|root)\//);
  });

  it("lists the accounts along the caller's own line of regions, and institutions' accounts inside it", async () => {
    const names = async (c: Client, role = '') =>
      ((await c.get(`/api/users?pageSize=200${role}`)).body.items as Array<{ username: string }>).map((u) => u.username).sort();
    expect(await names(admin)).toEqual(['admin', 'city', 'county', 'county-hospital', 'instA', 'instB', 'other-county', 'reviewer']);
    // The county: itself, the city's bureau accounts and the administrator (who may handle its cases), its hospital's.
    expect(await names(county)).toEqual(['admin', 'city', 'county', 'county-hospital', 'reviewer']);
    expect(await names(county, '&role=analyst')).toEqual(['city', 'county']);
    const otherCounty = await s.login('other-county');
    expect(await names(otherCounty)).not.toContain('county');
    expect(await names(otherCounty)).not.toContain('county-hospital');
    // The city sees its counties' accounts; so does the city's reviewer.
    expect(await names(city)).toEqual(await names(admin));
    expect(await names(reviewer)).toEqual(await names(admin));
  });

  it('shows each caller the default handlers of the grids inside its region only', async () => {
    expect(countyGrid).not.toBe(other.grid);
    const settings = { appealDays: 60, deadlineDays: 90, gridHandlers: { [countyGrid]: 'county', [other.grid]: 'other-county' } };
    expect((await admin.put('/api/case-settings', settings)).status).toBe(200);
    expect((await admin.get('/api/case-settings')).body.gridHandlers).toEqual(settings.gridHandlers);
    expect((await city.get('/api/case-settings')).body.gridHandlers).toEqual(settings.gridHandlers);
    expect((await reviewer.get('/api/case-settings')).body.gridHandlers).toEqual(settings.gridHandlers);
    const mine = await county.get('/api/case-settings');
    expect(mine.status).toBe(200);
    expect(mine.body.gridHandlers).toEqual({ [countyGrid]: 'county' });
    expect(mine.body.appealDays).toBe(60);
  });
});
