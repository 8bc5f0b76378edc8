/** Accounts and sessions: argon2id hashes, httpOnly SameSite cookies, CSRF tokens, rate-limited sign-in, logout. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, startTestServer, type TestServer } from '../support/server.js';

describe('accounts and sessions', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('duckdb', { persons: 800 });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const login = (username: string, password: string, ip = '10.0.0.1') =>
    s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username, password }),
    });

  it('stores passwords only as argon2id hashes', async () => {
    const [u] = await s.wb.store.query<{ password_hash: string }>(`SELECT password_hash FROM fg_user WHERE username = 'city'`);
    expect(u!.password_hash).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(u!.password_hash).not.toContain(PASSWORD);
  });

  it('signs in with an httpOnly, SameSite=Strict session cookie and returns the CSRF token', async () => {
    const res = await login('city', PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/^fg_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const body = JSON.parse(res.body);
    expect(body.user).toEqual({
      username: 'city',
      displayName: 'City analyst',
      role: 'analyst',
      scope: { admdvs: '3301', fixmedinsCode: null, label: 'city' },
    });
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const me = await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: cookie.split(';')[0]! } });
    expect(JSON.parse(me.body).csrfToken).toBe(body.csrfToken);
  });

  it('refuses a wrong password, an unknown user, and a forged or missing cookie', async () => {
    expect((await login('city', 'wrong')).statusCode).toBe(401);
    expect(JSON.parse((await login('nobody', 'x', '10.0.0.9')).body).error.code).toBe('unauthorized');
    expect((await s.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: 'fg_session=forged' } })).statusCode).toBe(401);
    expect((await s.app.inject({ method: 'GET', url: '/api/findings' })).statusCode).toBe(401);
  });

  it('needs the CSRF token for every change', async () => {
    const c = await s.login('reviewer');
    const url = `/api/findings/${s.fixtures.findingA}/decisions`;
    const noToken = await s.app.inject({
      method: 'POST',
      url,
      headers: { cookie: c.cookie, 'content-type': 'application/json' },
      payload: '{"action":"confirm"}',
    });
    expect(noToken.statusCode).toBe(403);
    expect(JSON.parse(noToken.body).error.message).toContain('X-CSRF-Token');
    const wrong = await c.request('POST', url, { action: 'confirm' }, { 'x-csrf-token': 'x'.repeat(c.csrf.length) });
    expect(wrong.status).toBe(403);
    expect((await c.get(`/api/findings/${s.fixtures.findingA}`)).body.finding.status).toBe('open');
  });

  it('limits failed sign-ins per user: the sixth attempt within 15 minutes is refused even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login('county', 'wrong', `10.1.0.${i}`)).statusCode).toBe(401);
    const blocked = await login('county', PASSWORD, '10.1.0.99');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(JSON.parse(blocked.body).error.code).toBe('rate_limited');
    expect((await login('instA', PASSWORD, '10.1.0.99')).statusCode).toBe(200);
  });

  it('ends the session on logout', async () => {
    const c = await s.login('instB');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await c.get('/api/findings')).status).toBe(401);
  });

  it('logs sign-ins, failures, reads of a person and exports in the audit log', async () => {
    const admin = await s.login('admin');
    const analyst = await s.login('city');
    const [withPerson] = await s.wb.reads.query<{ finding_id: string }>(
      `SELECT MIN(finding_id) AS finding_id FROM fg_finding_row WHERE psn_no IS NOT NULL`,
    );
    const detail = await analyst.get(`/api/findings/${withPerson!.finding_id}`);
    expect(detail.status).toBe(200);
    await analyst.get('/api/findings/export.xlsx?level=definite');
    const log = (await admin.get('/api/audit?actor=city&pageSize=200')).body.items as Array<{
      action: string;
      target: string | null;
      detail: string | null;
    }>;
    expect(
      log.some(
        (e) => e.action === 'read_person' && e.detail === `finding ${withPerson!.finding_id}` && e.target === detail.body.finding.psnNo,
      ),
    ).toBe(true);
    expect(log.some((e) => e.action === 'export_findings' && e.detail!.includes('definite'))).toBe(true);
    expect(log.some((e) => e.action === 'login')).toBe(true);
    expect(log.some((e) => e.action === 'login_failed')).toBe(true);
  });

  it('masks personal data for roles without need', async () => {
    const city = await s.login('city');
    const withPerson = (await city.get(`/api/findings?institution=${s.fixtures.instA}&pageSize=200`)).body.items.find(
      (f: { psnNo: string | null }) => f.psnNo,
    );
    expect(withPerson).toBeTruthy();
    const analyst = (await city.get(`/api/findings/${withPerson.id}`)).body.person;
    const institution = (await (await s.login('instA')).get(`/api/findings/${withPerson.id}`)).body.person;
    expect(analyst.masked).toBe(false);
    expect(institution.masked).toBe(true);
    if (analyst.certno) {
      expect(institution.certno).toBe(`${analyst.certno.slice(0, 6)}********${analyst.certno.slice(-4)}`);
    }
    expect(institution.brdy).toBe(analyst.brdy.slice(0, 7));
    expect(institution.addrAdmdvs).toBe(analyst.addrAdmdvs.slice(0, 6));
  });
});
