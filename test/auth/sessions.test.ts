/**
 * Session checks kept in memory: a request does not read (or write) the store for a session checked moments ago,
 * yet a signed-out session is refused at once, a session removed elsewhere within SESSION_RECHECK_MS, and the
 * sliding expiry is written at most once a minute.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, deleteSession, getSession, SESSION_RECHECK_MS } from '../../src/auth/sessions.js';
import { createUser } from '../../src/auth/users.js';
import { audit } from '../../src/audit/audit.js';
import type { StoreDb } from '../../src/store/db.js';
import { openTestStore, type TestStore } from '../support/store.js';

describe('sessions and the audit log on the embedded store', () => {
  let opened: TestStore;
  let store: StoreDb;
  beforeAll(async () => {
    opened = await openTestStore('duckdb', 'unused');
    store = opened.store;
    await createUser(store, {
      username: 'a',
      displayName: 'A',
      role: 'analyst',
      admdvs: '3301',
      scopeLabel: 'city',
      password: 'pw-123456',
    });
  });
  afterAll(async () => {
    await opened.close();
  });

  /** The one session's stored expiry. */
  const expiry = async () => (await store.query<{ e: string }>(`SELECT CAST(expires_at AS VARCHAR) AS e FROM fg_session`))[0]?.e;

  it('remembers a checked session briefly, forgets a signed-out one at once', async () => {
    const { token } = await createSession(store, 'a');
    const t0 = Date.now();
    const s = await getSession(store, token, t0);
    expect(s?.user.username).toBe('a');
    // Removed behind the cache's back (another server, the command line): still trusted within the recheck window…
    await store.query(`DELETE FROM fg_session`);
    expect(await getSession(store, token, t0 + 1000)).not.toBeNull();
    // … and refused after it.
    expect(await getSession(store, token, t0 + SESSION_RECHECK_MS + 1)).toBeNull();

    const second = await createSession(store, 'a');
    const s2 = await getSession(store, second.token, t0);
    await deleteSession(store, s2!.tokenHash);
    expect(await getSession(store, second.token, t0 + 1)).toBeNull();
  });

  it('writes the sliding expiry at most once a minute', async () => {
    await store.query(`DELETE FROM fg_session`);
    const { token } = await createSession(store, 'a');
    const t0 = Date.now() + 1000;
    await getSession(store, token, t0);
    const first = await expiry();
    await getSession(store, token, t0 + 30_000);
    expect(await expiry()).toBe(first);
    await getSession(store, token, t0 + 90_000);
    expect(await expiry()).not.toBe(first);
  });

  it('stores every audit entry written at once (one statement for many), and none of a rolled-back transaction', async () => {
    await store.query(`DELETE FROM fg_audit`);
    await Promise.all(Array.from({ length: 120 }, (_, i) => audit(store, 'a', 'read_person', `p${i}`, null)));
    const rows = await store.query<{ n: number; ids: number; seqs: number }>(
      `SELECT COUNT(*) AS n, COUNT(DISTINCT id) AS ids, COUNT(DISTINCT seq) AS seqs FROM fg_audit`,
    );
    expect(rows[0]).toEqual({ n: 120, ids: 120, seqs: 120 });
    await expect(
      store.transaction(async (tx) => {
        await audit(tx, 'a', 'inside', null, null);
        throw new Error('undone');
      }),
    ).rejects.toThrow('undone');
    expect(await store.query(`SELECT * FROM fg_audit WHERE action = 'inside'`)).toEqual([]);
  });
});
