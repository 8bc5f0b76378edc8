/**
 * A workbench for API tests: a small generated city imported and screened into a temporary workspace, the
 * operational store embedded or on the real PostgreSQL, test accounts of every role and scope, and a client
 * that signs in and sends the session cookie and CSRF token as the browser does (through Fastify's inject,
 * no network needed).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { createUser } from '../../src/auth/users.js';
import { importDataset } from '../../src/dataset/importer.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { defaultDatabaseUrl } from './database.js';
import { buildApp } from '../../src/server/app.js';
import { Workbench } from '../../src/workbench/workbench.js';
import { generateCity } from '../../src/synthetic/generate.js';

export type StoreMode = 'duckdb' | 'postgres';

export interface TestServer {
  app: FastifyInstance;
  wb: Workbench;
  dir: string;
  /** Two institutions with findings (A and B), and the county of a third region. */
  fixtures: { instA: string; instB: string; county: string; countyInst: string; countyFinding: string; findingA: string; findingB: string };
  login(username: string): Promise<Client>;
  close(): Promise<void>;
}

export const PASSWORD = 'test-password-1';

export interface Reply {
  status: number;
  body: any;
  headers: Record<string, string | string[] | undefined>;
  raw: Buffer;
}

export class Client {
  constructor(
    readonly app: FastifyInstance,
    readonly cookie: string,
    readonly csrf: string,
  ) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        cookie: this.cookie,
        ...(method === 'GET' ? {} : { 'x-csrf-token': this.csrf }),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const raw = res.rawPayload;
    let parsed: unknown = null;
    if (String(res.headers['content-type'] ?? '').includes('json') && raw.length) parsed = JSON.parse(raw.toString('utf8'));
    return { status: res.statusCode, body: parsed, headers: res.headers as Reply['headers'], raw };
  }

  get(url: string) {
    return this.request('GET', url);
  }
  post(url: string, body?: unknown) {
    return this.request('POST', url, body ?? {});
  }
  put(url: string, body?: unknown) {
    return this.request('PUT', url, body ?? {});
  }
}

let schemaSeq = 0;

export async function startTestServer(mode: StoreMode, opts: { persons?: number; seed?: number } = {}): Promise<TestServer> {
  const dir = await mkdtemp(join(tmpdir(), 'fg-server-'));
  const city = join(dir, 'city');
  await generateCity({
    out: city,
    persons: opts.persons ?? 1500,
    months: 3,
    seed: opts.seed ?? 21,
    violationRate: 4,
    format: 'parquet',
    workers: 0,
  });
  const db = join(dir, 'workspace.duckdb');
  const engine = await DuckDbEngine.open(db);
  await importDataset(engine, city);
  await engine.close();
  const pgSchema = `fg_api_${process.pid}_${++schemaSeq}`;
  const wb = await Workbench.open({
    db,
    uploadsDir: join(dir, 'uploads'),
    ...(mode === 'postgres' ? { databaseUrl: defaultDatabaseUrl(), pgSchema } : {}),
  });
  await wb.screen(() => {});
  const top = await wb.reads.query<{ fixmedins_code: string; admdvs: string; finding_id: string }>(`
    SELECT r.fixmedins_code, MIN(r.admdvs) AS admdvs, MIN(r.finding_id) AS finding_id FROM fg_finding_row r
    WHERE r.fixmedins_code IS NOT NULL AND r.admdvs <> '330122' GROUP BY r.fixmedins_code ORDER BY COUNT(*) DESC, r.fixmedins_code LIMIT 2`);
  const [county] = await wb.reads.query<{ fixmedins_code: string; finding_id: string }>(`
    SELECT fixmedins_code, MIN(finding_id) AS finding_id FROM fg_finding_row WHERE admdvs = '330122' GROUP BY fixmedins_code ORDER BY COUNT(*) DESC LIMIT 1`);
  if (top.length < 2 || !county) throw new Error('the test city has too few findings');
  const fixtures = {
    instA: top[0]!.fixmedins_code,
    instB: top[1]!.fixmedins_code,
    county: '330122',
    countyInst: county.fixmedins_code,
    countyFinding: county.finding_id,
    findingA: top[0]!.finding_id,
    findingB: top[1]!.finding_id,
  };
  const users = [
    { username: 'admin', displayName: 'Admin', role: 'admin' as const, scopeLabel: 'all' },
    { username: 'city', displayName: 'City analyst', role: 'analyst' as const, admdvs: '3301', scopeLabel: 'city' },
    { username: 'county', displayName: 'County analyst', role: 'analyst' as const, admdvs: '330122', scopeLabel: 'county' },
    { username: 'reviewer', displayName: 'Reviewer', role: 'reviewer' as const, admdvs: '3301', scopeLabel: 'city' },
    { username: 'instA', displayName: 'Institution A', role: 'institution' as const, fixmedinsCode: fixtures.instA, scopeLabel: 'A' },
    { username: 'instB', displayName: 'Institution B', role: 'institution' as const, fixmedinsCode: fixtures.instB, scopeLabel: 'B' },
  ];
  for (const u of users) await createUser(wb.store, { ...u, password: PASSWORD });
  const app = await buildApp(wb);
  return {
    app,
    wb,
    dir,
    fixtures,
    login: async (username) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ username, password: PASSWORD }),
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const setCookie = String(res.headers['set-cookie']);
      return new Client(app, setCookie.split(';')[0]!, (JSON.parse(res.body) as { csrfToken: string }).csrfToken);
    },
    close: async () => {
      await app.close();
      if (mode === 'postgres') await wb.store.query(`DROP SCHEMA "${pgSchema}" CASCADE`).catch(() => {});
      await wb.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
