/** The API description: every route documented with its parameters, body, roles and error answers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf } from '../../src/server/http.js';
import { startTestServer, type TestServer } from '../support/server.js';

describe('GET /api/openapi.json', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer('duckdb', { persons: 600 });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('describes every registered route, its inputs, its roles and its errors', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = JSON.parse(res.body);
    expect(doc.openapi).toBe('3.1.0');
    for (const r of routesOf(s.app)) {
      const op = doc.paths[r.url.replace(/:([A-Za-z]+)/g, '{$1}')]?.[r.method.toLowerCase()];
      expect(op, `${r.method} ${r.url}`).toBeTruthy();
      expect(op.summary.length).toBeGreaterThan(10);
      expect(op['x-roles']).toEqual(r.roles);
      if (r.roles !== 'public') expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['400', '401', '403']));
      if (r.url.includes(':')) expect(op.parameters.some((p: { in: string }) => p.in === 'path')).toBe(true);
    }
    const findings = doc.paths['/api/findings'].get;
    const names = findings.parameters.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['page', 'pageSize', 'code', 'level', 'status', 'institution', 'admdvs', 'from', 'to', 'sort']),
    );
    expect(findings.parameters.find((p: { name: string }) => p.name === 'pageSize').schema.maximum).toBe(200);
    const decision = doc.paths['/api/findings/{id}/decisions'].post.requestBody.content['application/json'].schema;
    expect(decision.properties.action.enum).toEqual(['confirm', 'dismiss', 'assign', 'respond', 'reopen']);
    expect(doc.components.schemas.ErrorBody.properties.error.properties.code.enum).toContain('not_found');
  });

  it('answers errors with one body shape', async () => {
    const c = await s.login('city');
    const bad = await c.get('/api/findings?pageSize=5000');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation');
    expect(bad.body.error.details[0].path).toBe('pageSize');
    const missing = await c.get('/api/no-such-route');
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ error: { code: 'not_found', message: 'no route GET /api/no-such-route' } });
    expect((await c.get('/api/findings/not-an-id')).body.error.code).toBe('validation');
  });
});
