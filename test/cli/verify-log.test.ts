/**
 * `fundguard verify-log`: the case log of a workspace checked from the command line, as an auditor would —
 * intact (exit 0), then with one entry edited in the file (exit 1, naming it).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLog } from '../../src/cases/log.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { DuckDbStore } from '../../src/store/db.js';
import { ensureStoreSchema } from '../../src/store/schema.js';
import { fundguard } from '../support/cli.js';

describe('fundguard verify-log', () => {
  let dir: string;
  let db: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fg-verify-'));
    db = join(dir, 'workspace.duckdb');
    const engine = await DuckDbEngine.open(db);
    const store = await DuckDbStore.open(engine);
    await ensureStoreSchema(store);
    for (let k = 1; k <= 5; k++)
      await store.transaction((tx) =>
        appendLog(tx, new Date(), { actor: 'analyst', entity: 'case', entityId: `c${k}`, caseId: `c${k}`, action: 'open', data: { k } }),
      );
    await store.close();
    await engine.close();
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('says the log is intact, then names the entry edited in the file', async () => {
    const ok = fundguard(['verify-log', '--db', db]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('intact: 5 entries');
    const engine = await DuckDbEngine.open(db);
    await engine.exec(`UPDATE fg_case_log SET actor = 'someone else' WHERE seq = 3`);
    await engine.close();
    const broken = fundguard(['verify-log', '--db', db, '--json']);
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({ ok: false, failedAt: 3, entries: 2 });
    expect(fundguard(['verify-log', '--db', join(dir, 'none.duckdb')]).code).toBe(1);
  });
});
