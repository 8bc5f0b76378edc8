/**
 * A workspace and a PostgreSQL store made by the previous version (commit 1263e4c, before the store's schema was
 * numbered; test/fixtures/store-1263e4c says how they were made) open with this version: the store is migrated in
 * place, and what its users recorded — accounts, finding decisions, a case with its approved decision, settings,
 * the hash-chained case log — is all there and still works.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { defaultDatabaseUrl } from '../support/database.js';
import { buildApp } from '../../src/server/app.js';
import { Workbench } from '../../src/workbench/workbench.js';
import { MIGRATIONS } from '../../src/store/migrations.js';
import { storeSchemaVersion } from '../../src/store/schema.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'store-1263e4c');

interface Fixture {
  password: string;
  embedded: Made;
  postgres: Made;
}
interface Made {
  institution: string;
  findings: string[];
  caseId: string;
  decisionId: string;
}

/** The exported workspace, loaded into a new DuckDB file. */
async function restoreWorkspace(file: string): Promise<void> {
  const dir = join(FIXTURE, 'workspace');
  const engine = await DuckDbEngine.open(file);
  try {
    const statements = (sql: string) =>
      sql
        .split(/;\s*\n/)
        .map((s) => s.replace(/;+$/, '').trim())
        .filter(Boolean);
    for (const s of statements(await readFile(join(dir, 'schema.sql'), 'utf8'))) await engine.exec(s);
    for (const s of statements(await readFile(join(dir, 'load.sql'), 'utf8')))
      await engine.exec(s.replace(/FROM '([^']+)'/, `FROM '${dir}/$1'`));
  } finally {
    await engine.close();
  }
}

/** The dumped PostgreSQL store, restored into a schema of its own. */
async function restoreStore(schema: string): Promise<void> {
  const sql = (await readFile(join(FIXTURE, 'store.sql'), 'utf8'))
    .split('\n')
    .filter((l) => !l.startsWith('\\'))
    .join('\n')
    .replaceAll('fg_upgrade_src', schema);
  const client = new pg.Client({ connectionString: defaultDatabaseUrl() });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

describe.each(['embedded', 'postgres'] as const)('a %s store made by commit 1263e4c', (mode) => {
  let dir: string;
  let wb: Workbench;
  let made: Made;
  let password: string;
  const schema = `fg_upgrade_${process.pid}`;

  const open = async () =>
    Workbench.open({
      db: join(dir, 'workspace.duckdb'),
      uploadsDir: join(dir, 'uploads'),
      ...(mode === 'postgres' ? { databaseUrl: defaultDatabaseUrl(), pgSchema: schema } : {}),
    });

  beforeAll(async () => {
    const fixture = JSON.parse(await readFile(join(FIXTURE, 'fixture.json'), 'utf8')) as Fixture;
    made = fixture[mode];
    password = fixture.password;
    dir = await mkdtemp(join(tmpdir(), 'fg-upgrade-'));
    await restoreWorkspace(join(dir, 'workspace.duckdb'));
    if (mode === 'postgres') await restoreStore(schema);
    wb = await open();
  }, 120_000);
  afterAll(async () => {
    await wb?.close();
    if (mode === 'postgres') {
      const client = new pg.Client({ connectionString: defaultDatabaseUrl() });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
    await rm(dir, { recursive: true, force: true });
  });

  async function login(username: string) {
    const app = await buildApp(wb);
    const r = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    expect(r.statusCode, r.body).toBe(200);
    const cookie = String(r.headers['set-cookie']).split(';')[0]!;
    const csrf = (r.json() as { csrfToken: string }).csrfToken;
    return async (method: 'GET' | 'POST' | 'PUT', url: string, body?: object) => {
      const res = await app.inject({ method, url, headers: { cookie, 'x-csrf-token': csrf }, ...(body ? { payload: body } : {}) });
      return { status: res.statusCode, body: res.json() as any };
    };
  }

  it('is migrated in place to the latest schema version, the finding decisions renamed with their rows', async () => {
    expect(await storeSchemaVersion(wb.store)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    const [decisions] = await wb.store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_finding_decision`);
    expect(Number(decisions!.n)).toBe(4);
    await expect(wb.store.query(`SELECT COUNT(*) FROM fg_decision`)).rejects.toThrow();
  });

  it("keeps the users' accounts, their finding decisions and the statuses they set", async () => {
    const analyst = await login('analyst');
    const confirmed = await analyst('GET', `/api/findings/${made.findings[0]}`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.finding.status).toBe('confirmed');
    expect(confirmed.body.history).toMatchObject([{ action: 'confirm', actor: 'analyst', reason: '核实属实' }]);
    const responded = await analyst('GET', `/api/findings/${made.findings[3]}`);
    expect(responded.body.finding.status).toBe('responded');
    const decided = await analyst('POST', `/api/findings/${made.findings[3]}/decisions`, { action: 'confirm', reason: '说明不成立' });
    expect(decided.status).toBe(201);
    expect((await analyst('GET', `/api/findings/${made.findings[3]}`)).body.history.map((d: { action: string }) => d.action)).toEqual([
      'respond',
      'confirm',
    ]);
  });

  it('keeps the case with its note and approved decision, the settings, and a case log whose chain verifies', async () => {
    const analyst = await login('analyst');
    const k = await analyst('GET', `/api/cases/${made.caseId}`);
    expect(k.status).toBe(200);
    expect(k.body.case).toMatchObject({ title: '升级测试案件', status: 'decided', fixmedinsCode: made.institution });
    expect(k.body.notes).toMatchObject([{ kind: 'note', body: '调取病历' }]);
    expect(k.body.decisions).toMatchObject([{ id: made.decisionId, status: 'approved', fineMultiple: 1 }]);
    expect(k.body.sanctions).toMatchObject([{ kind: 'suspend_institution', fixmedinsCode: made.institution }]);
    expect((await analyst('GET', '/api/case-settings')).body).toMatchObject({ appealDays: 30, deadlineDays: 60 });
    const admin = await login('admin');
    expect((await admin('GET', '/api/warning-config')).body.peer.minPeers).toBe(6);
    const reviewer = await login('reviewer');
    const verified = await reviewer('GET', '/api/case-log/verify');
    expect(verified.body).toMatchObject({ ok: true, failedAt: null });
    expect(verified.body.entries).toBeGreaterThanOrEqual(8);
    const note = await analyst('POST', `/api/cases/${made.caseId}/notes`, { kind: 'note', body: '升级后补充记录' });
    expect(note.status).toBe(201);
    expect((await reviewer('GET', '/api/case-log/verify')).body.ok).toBe(true);
  });

  it('opens again without migrating twice', async () => {
    await wb.close();
    wb = await open();
    expect(await storeSchemaVersion(wb.store)).toBe(MIGRATIONS[MIGRATIONS.length - 1]!.version);
    const [applied] = await wb.store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_schema_version`);
    expect(Number(applied!.n)).toBe(MIGRATIONS.length);
  });
});
