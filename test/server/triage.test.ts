/**
 * Triage on both stores: confirm, dismiss with a reason, assign to an analyst of the right region, an
 * institution's response on its own finding, reopening; every change recorded with who and when, the list
 * filtered by status; re-screening keeps the decisions; rule changes take effect at the next screening.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type StoreMode, type TestServer } from '../support/server.js';

async function waitForJob(
  c: Client,
  id: string,
): Promise<{ status: string; result: { findings: number } | null; progress: { done: number; total: number } }> {
  for (let i = 0; i < 600; i++) {
    const job = (await c.get(`/api/jobs/${id}`)).body;
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not finish');
}

describe.each(['duckdb', 'postgres'] as StoreMode[])('triage and rules (store: %s)', (mode) => {
  let s: TestServer;
  let city: Client;
  let reviewer: Client;
  let instA: Client;
  let admin: Client;
  beforeAll(async () => {
    s = await startTestServer(mode);
    [city, reviewer, instA, admin] = await Promise.all([s.login('city'), s.login('reviewer'), s.login('instA'), s.login('admin')]);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  const findingsOfA = async () =>
    (await admin.get(`/api/findings?institution=${s.fixtures.instA}&pageSize=200&sort=code`)).body.items as Array<{
      id: string;
      status: string;
      ruleCode: string;
    }>;

  it('records confirm, respond, reopen and dismiss with who, role and when, and filters the list by status', async () => {
    const [f] = await findingsOfA();
    const url = `/api/findings/${f!.id}/decisions`;
    expect((await instA.post(url, { action: 'confirm' })).status).toBe(403);
    const confirmed = await city.post(url, { action: 'confirm', reason: '单价超过限价' });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body).toMatchObject({ action: 'confirm', actor: 'city', actorRole: 'analyst', reason: '单价超过限价' });
    expect(Date.now() - Date.parse(confirmed.body.at)).toBeLessThan(60_000);
    expect((await city.post(url, { action: 'confirm' })).status).toBe(409);
    expect((await instA.post(url, { action: 'respond' })).status).toBe(400);
    expect((await instA.post(url, { action: 'respond', reason: '该药品为医生特殊审批使用，附审批单' })).status).toBe(201);
    expect((await reviewer.post(url, { action: 'dismiss' })).status).toBe(400);
    expect((await reviewer.post(url, { action: 'dismiss', reason: '说明属实' })).status).toBe(201);
    expect((await reviewer.post(url, { action: 'reopen', reason: '复核' })).status).toBe(201);
    const detail = (await city.get(`/api/findings/${f!.id}`)).body;
    expect(detail.finding.status).toBe('open');
    expect(detail.history.map((d: { action: string; actor: string }) => `${d.action}:${d.actor}`)).toEqual([
      'confirm:city',
      'respond:instA',
      'dismiss:reviewer',
      'reopen:reviewer',
    ]);
    expect(detail.allowed).toEqual(['confirm', 'dismiss', 'assign']);
    await city.post(url, { action: 'confirm' });
    const confirmedList = (await city.get(`/api/findings?status=confirmed&pageSize=200`)).body;
    expect(confirmedList.items.map((x: { id: string }) => x.id)).toContain(f!.id);
    expect(confirmedList.items.every((x: { status: string }) => x.status === 'confirmed')).toBe(true);
    expect(
      (await city.get(`/api/findings?status=open&pageSize=200&institution=${s.fixtures.instA}`)).body.items.map(
        (x: { id: string }) => x.id,
      ),
    ).not.toContain(f!.id);
  });

  it('assigns only to an analyst whose region covers the finding', async () => {
    const [, g] = await findingsOfA();
    const url = `/api/findings/${g!.id}/decisions`;
    const wrong = await city.post(url, { action: 'assign', assignee: 'county' });
    expect(wrong.status).toBe(400);
    expect((await city.post(url, { action: 'assign', assignee: 'reviewer' })).status).toBe(400);
    const ok = await city.post(url, { action: 'assign', assignee: 'city' });
    expect(ok.status).toBe(201);
    const mine = (await city.get(`/api/findings?assignee=city&pageSize=200`)).body.items;
    expect(mine.map((x: { id: string }) => x.id)).toEqual([g!.id]);
    expect(mine[0].status).toBe('assigned');
    const countyOwn = (await admin.get(`/api/findings/${s.fixtures.countyFinding}`)).body.finding;
    expect((await city.post(`/api/findings/${countyOwn.id}/decisions`, { action: 'assign', assignee: 'county' })).status).toBe(201);
  });

  it('keeps decisions through a re-screening; a disabled rule drops its findings; a bad parameter is refused', async () => {
    const before = await findingsOfA();
    const decided = before.filter((f) => f.status !== 'open');
    expect(decided.length).toBeGreaterThanOrEqual(2);
    const keep = decided.find((f) => f.ruleCode !== 'OVER_PRICE_CAP') ?? decided[0]!;
    const drop = keep.ruleCode === 'OVER_PRICE_CAP' ? 'NON_COVERED_BILLED' : 'OVER_PRICE_CAP';
    expect((await admin.put('/api/rules/SPLIT_ADMISSION', { params: { max_gap_days: -1 } })).status).toBe(400);
    expect((await admin.put('/api/rules/NO_SUCH_RULE', { enabled: false })).status).toBe(404);
    const put = await admin.put(`/api/rules/${drop}`, { enabled: false });
    expect(put.status).toBe(200);
    expect(put.body.enabled).toBe(false);
    const job = await admin.post('/api/screenings');
    expect(job.status).toBe(202);
    const done = await waitForJob(admin, job.body.id);
    expect(done.status).toBe('done');
    expect(done.result!.findings).toBeGreaterThan(0);
    const after = await findingsOfA();
    expect(after.some((f) => f.ruleCode === drop)).toBe(false);
    expect(after.find((f) => f.id === keep.id)?.status).toBe(keep.status);
    const rule = (await admin.get('/api/rules')).body.items.find((r: { code: string }) => r.code === drop);
    expect(rule).toMatchObject({ enabled: false, findings: 0 });
    await admin.put(`/api/rules/${drop}`, { enabled: true });
  });
});
