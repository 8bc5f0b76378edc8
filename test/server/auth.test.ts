/**
 * Accounts and sessions: argon2id hashes, httpOnly SameSite cookies (Secure with the __Host- prefix behind HTTPS,
 * cleared with the attributes they were set with), CSRF tokens, sign-in limited so that guessing is slowed but no one
 * can lock a user out from elsewhere, the client's address from X-Forwarded-For only through a trusted proxy, logout.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/users.js';
import { buildApp } from '../../src/server/app.js';
import { PASSWORD, startTestServer, type TestServer } from '../support/server.js';

/** A Set-Cookie header's name=value and its attributes (lower-cased names, without the expiry ones). */
function parseSetCookie(header: unknown) {
  const [pair, ...attrs] = String(header).split(/;\s*/);
  const [name, value] = [pair!.slice(0, pair!.indexOf('=')), pair!.slice(pair!.indexOf('=') + 1)];
  const attributes = attrs
    .map((a) => (a.includes('=') ? `${a.slice(0, a.indexOf('=')).toLowerCase()}=${a.slice(a.indexOf('=') + 1)}` : a.toLowerCase()))
    .filter((a) => !a.startsWith('max-age=') && !a.startsWith('expires='))
    .sort();
  return { name, value, attributes, raw: String(header) };
}

describe('accounts and sessions', () => {
  let s: TestServer;
  /** The same workbench served behind HTTPS (secure cookies), and behind a proxy at 10.9.0.0/16 that is trusted. */
  let secure: FastifyInstance;
  let proxied: FastifyInstance;
  beforeAll(async () => {
    s = await startTestServer('duckdb', { persons: 800 });
    for (const username of ['pair', 'ipv6', 'spray', 'target', 'behind', 'shared', 'https', 'http'])
      await createUser(s.wb.store, {
        username,
        displayName: username,
        role: 'analyst',
        admdvs: '3301',
        scopeLabel: 'city',
        password: PASSWORD,
      });
    secure = await buildApp(s.wb, { secureCookies: true });
    proxied = await buildApp(s.wb, { trustProxy: ['10.9.0.0/16'] });
  }, 120_000);
  afterAll(async () => {
    await secure?.close();
    await proxied?.close();
    await s?.close();
  });

  const login = (username: string, password: string, ip = '10.0.0.1', app?: FastifyInstance, headers: Record<string, string> = {}) =>
    (app ?? s.app).inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: ip,
      headers: { 'content-type': 'application/json', ...headers },
      payload: JSON.stringify({ username, password }),
    });
  /** The address the audit log recorded for the user's last sign-in. */
  const lastLoginAddress = async (username: string) =>
    (
      await s.wb.store.query<{ detail: string }>(
        `SELECT detail FROM fg_audit WHERE actor = $1 AND action = 'login' ORDER BY seq DESC LIMIT 1`,
        [username],
      )
    )[0]?.detail;

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

  it('refuses a username from the address that guessed its password five times, but not from another address', async () => {
    for (let i = 0; i < 5; i++) expect((await login('pair', 'wrong', '10.1.0.1')).statusCode).toBe(401);
    const blocked = await login('pair', PASSWORD, '10.1.0.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(800);
    expect(JSON.parse(blocked.body).error.code).toBe('rate_limited');
    // The real user, elsewhere, is not locked out by someone else's guesses.
    expect((await login('pair', PASSWORD, '10.1.0.2')).statusCode).toBe(200);
    expect((await login('instA', PASSWORD, '10.1.0.1')).statusCode).toBe(200);
    expect((await login('pair', PASSWORD, '10.1.0.1')).statusCode).toBe(429);
  });

  it('counts an IPv6 client by its /64, so a host cannot step round the limit by changing its address', async () => {
    for (let i = 1; i <= 5; i++) expect((await login('ipv6', 'wrong', `2001:db8:1:2::${i}`)).statusCode).toBe(401);
    expect((await login('ipv6', PASSWORD, '2001:db8:1:2:ffff::99')).statusCode).toBe(429);
    expect((await login('ipv6', PASSWORD, '2001:db8:1:3::1')).statusCode).toBe(200);
  });

  it('refuses an address after 20 failures whatever the usernames (password spraying)', async () => {
    for (let i = 0; i < 20; i++) expect((await login(`spray${i % 4}`, 'wrong', '10.2.0.1')).statusCode).toBe(401);
    expect((await login('spray', PASSWORD, '10.2.0.1')).statusCode).toBe(429);
    expect((await login('spray', PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('spaces the attempts on an account guessed at from many addresses, except from an address its user signed in from', async () => {
    expect((await login('target', PASSWORD, '10.3.0.1')).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) expect((await login('target', 'wrong', `10.3.1.${i}`)).statusCode).toBe(401);
    // An eleventh guess from yet another address waits a few seconds: slowed, not locked for a quarter of an hour.
    const slowed = await login('target', 'wrong', '10.3.2.1');
    expect(slowed.statusCode).toBe(429);
    expect(Number(slowed.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(slowed.headers['retry-after'])).toBeLessThanOrEqual(5);
    expect((await login('target', PASSWORD, '10.3.2.2')).statusCode).toBe(429);
    // The user's own address is not held up by the attack.
    expect((await login('target', PASSWORD, '10.3.0.1')).statusCode).toBe(200);
  });

  it('sets the session cookie without Secure by default, and logout clears it with the same attributes', async () => {
    const res = await login('http', PASSWORD);
    const set = parseSetCookie(res.headers['set-cookie']);
    expect(set.name).toBe('fg_session');
    expect(set.attributes).toEqual(['httponly', 'path=/', 'samesite=Strict']);
    const out = await s.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `fg_session=${set.value}`, 'x-csrf-token': JSON.parse(res.body).csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const cleared = parseSetCookie(out.headers['set-cookie']);
    expect(cleared.name).toBe('fg_session');
    expect(cleared.value).toBe('');
    expect(cleared.raw).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(cleared.attributes).toEqual(set.attributes);
  });

  it('marks the session cookie Secure with the __Host- prefix behind HTTPS, and clears it with the same attributes', async () => {
    const res = await login('https', PASSWORD, '10.0.0.1', secure);
    expect(res.statusCode).toBe(200);
    const set = parseSetCookie(res.headers['set-cookie']);
    expect(set.name).toBe('__Host-fg_session');
    expect(set.attributes).toEqual(['httponly', 'path=/', 'samesite=Strict', 'secure']);
    const me = (cookie: string) => secure.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect((await me(`__Host-fg_session=${set.value}`)).statusCode).toBe(200);
    expect((await me(`fg_session=${set.value}`)).statusCode).toBe(401);
    const out = await secure.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: `__Host-fg_session=${set.value}`, 'x-csrf-token': JSON.parse(res.body).csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const cleared = parseSetCookie(out.headers['set-cookie']);
    expect(cleared.name).toBe('__Host-fg_session');
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(set.attributes);
    expect((await me(`__Host-fg_session=${set.value}`)).statusCode).toBe(401);
    expect(
      JSON.parse((await secure.inject({ method: 'GET', url: '/api/openapi.json' })).body).components.securitySchemes.session.name,
    ).toBe('__Host-fg_session');
  });

  it('ignores X-Forwarded-For unless the connection comes from a trusted proxy', async () => {
    const xff = (a: string) => ({ 'x-forwarded-for': a });
    // Not trusted (the default): the header is anyone's to send, the address is the connection's.
    expect((await login('behind', PASSWORD, '10.9.0.1', s.app, xff('203.0.113.7'))).statusCode).toBe(200);
    expect(await lastLoginAddress('behind')).toBe('10.9.0.1');
    // Trusted: the client's address is the one the proxy reports.
    expect((await login('behind', PASSWORD, '10.9.0.1', proxied, xff('198.51.100.1, 203.0.113.7'))).statusCode).toBe(200);
    expect(await lastLoginAddress('behind')).toBe('203.0.113.7');
    // A client outside the trusted range cannot claim an address.
    expect((await login('behind', PASSWORD, '192.0.2.50', proxied, xff('203.0.113.9'))).statusCode).toBe(200);
    expect(await lastLoginAddress('behind')).toBe('192.0.2.50');
  });

  it('through a trusted proxy, one client guessing does not lock out the others behind the same proxy', async () => {
    const xff = (a: string) => ({ 'x-forwarded-for': a });
    for (let i = 0; i < 5; i++) expect((await login('shared', 'wrong', '10.9.0.2', proxied, xff('203.0.113.66'))).statusCode).toBe(401);
    expect((await login('shared', PASSWORD, '10.9.0.2', proxied, xff('203.0.113.66'))).statusCode).toBe(429);
    expect((await login('shared', PASSWORD, '10.9.0.2', proxied, xff('203.0.113.67'))).statusCode).toBe(200);
    // Without trusting the proxy, everyone behind it is one address: the same guesses lock them all out.
    for (let i = 0; i < 5; i++) expect((await login('shared', 'wrong', '10.9.0.3', s.app, xff('203.0.113.66'))).statusCode).toBe(401);
    expect((await login('shared', PASSWORD, '10.9.0.3', s.app, xff('203.0.113.68'))).statusCode).toBe(429);
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
