/**
 * The case log's hash chain on both stores: entries chain in order; changing any field of any entry, deleting an
 * entry, or cutting entries off the end makes verification fail at the right entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendLog, canonicalJson, verifyCaseLog } from '../../src/cases/log.js';
import type { StoreDb } from '../../src/store/db.js';
import { openTestStore, type TestStore } from '../support/store.js';
import { ensureStoreSchema } from '../../src/store/schema.js';

describe('canonical JSON', () => {
  it('writes object keys in order, at every depth, and leaves arrays in theirs', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: null } })).toBe('{"a":{"c":null,"d":[3,1]},"b":1}');
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
  });
});

describe.each(['duckdb', 'postgres'] as const)('the case log on %s', (kind) => {
  let store: StoreDb;
  let opened: TestStore;
  const schema = `fg_log_${process.pid}`;

  async function fresh(n: number): Promise<void> {
    await store.query('DELETE FROM fg_case_log');
    await store.query('DELETE FROM fg_case_log_head');
    await ensureStoreSchema(store); // seeds the chain's end again, as a new store has it
    for (let k = 1; k <= n; k++) {
      await store.transaction((tx) =>
        appendLog(tx, new Date(Date.UTC(2024, 3, k)), {
          actor: `u${k}`,
          entity: 'case',
          entityId: `c${k}`,
          caseId: 'c',
          action: 'open',
          data: { k, text: '立案' },
        }),
      );
    }
  }

  beforeAll(async () => {
    opened = await openTestStore(kind, schema);
    store = opened.store;
  });
  afterAll(async () => {
    await opened.close();
  });

  it('chains entries from the first on', async () => {
    await fresh(6);
    expect(await verifyCaseLog(store)).toEqual({ ok: true, entries: 6, failedAt: null, reason: null });
    const rows = await store.query<{ seq: number; prev_hash: string; hash: string }>(
      'SELECT seq, prev_hash, hash FROM fg_case_log ORDER BY seq',
    );
    expect(rows[0]!.prev_hash).toBe('0'.repeat(64));
    for (let k = 1; k < rows.length; k++) expect(rows[k]!.prev_hash).toBe(rows[k - 1]!.hash);
  });

  it.each(['logged_at', 'actor', 'entity', 'entity_id', 'case_id', 'action', 'data'])(
    'fails at the entry whose %s was edited',
    async (column) => {
      await fresh(6);
      await store.query(`UPDATE fg_case_log SET ${column} = ${column === 'data' ? `'{"k":4,"text":"改"}'` : `'x'`} WHERE seq = 4`);
      expect(await verifyCaseLog(store)).toMatchObject({ ok: false, failedAt: 4, entries: 3 });
    },
  );

  it('fails at an entry whose stored hash was changed', async () => {
    await fresh(6);
    await store.query(`UPDATE fg_case_log SET hash = 'f' || substr(hash, 2) WHERE seq = 2`);
    const r = await verifyCaseLog(store);
    expect(r.ok).toBe(false);
    expect(r.failedAt).toBe(2);
  });

  it('keeps the chain whole when many changes append at once', async () => {
    await fresh(0);
    expect(await verifyCaseLog(store)).toEqual({ ok: true, entries: 0, failedAt: null, reason: null });
    await Promise.all(
      Array.from({ length: 20 }, (_, k) =>
        store.transaction((tx) =>
          appendLog(tx, new Date(), { actor: 'a', entity: 'clue', entityId: `x${k}`, caseId: null, action: 'create', data: { k } }),
        ),
      ),
    );
    expect(await verifyCaseLog(store)).toMatchObject({ ok: true, entries: 20 });
  });

  it('fails at a deleted entry, and when entries are cut off the end', async () => {
    await fresh(6);
    await store.query('DELETE FROM fg_case_log WHERE seq = 3');
    expect(await verifyCaseLog(store)).toMatchObject({ ok: false, failedAt: 3 });
    await fresh(6);
    await store.query('DELETE FROM fg_case_log WHERE seq >= 5');
    expect(await verifyCaseLog(store)).toMatchObject({ ok: false, failedAt: 5, entries: 4 });
  });
});
