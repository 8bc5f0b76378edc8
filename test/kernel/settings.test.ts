/**
 * Settings read back through their schema, on both stores: the defaults until one is saved, the saved value after,
 * and a stored value that no longer parses reported as a conflict that names the setting and the field — never
 * silently replaced by the defaults — until a valid value is saved again. The HTTP layer answers it as a 409.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseSettingsSchema } from '../../src/contract/settings.js';
import { DomainError } from '../../src/kernel/errors.js';
import { loadSetting, saveSetting } from '../../src/kernel/settings.js';
import { errorReply } from '../../src/server/http.js';
import type { StoreDb } from '../../src/store/db.js';
import { openTestStore, type TestStore } from '../support/store.js';

const DEFAULTS = { appealDays: 60, deadlineDays: 90, gridHandlers: {} };

describe.each(['duckdb', 'postgres'] as const)('settings on %s', (kind) => {
  let store: StoreDb;
  const schema = `fg_settings_${process.pid}`;
  let opened: TestStore;

  beforeAll(async () => {
    opened = await openTestStore(kind, schema);
    store = opened.store;
  });
  afterAll(async () => {
    await opened.close();
  });

  it('reads the defaults until a value is saved, then the saved value', async () => {
    expect(await loadSetting(store, 'case_settings', caseSettingsSchema, DEFAULTS)).toEqual(DEFAULTS);
    const mine = { appealDays: 30, deadlineDays: 45, gridHandlers: { G1: 'analyst' } };
    await saveSetting(store, 'case_settings', mine, 'admin', new Date());
    expect(await loadSetting(store, 'case_settings', caseSettingsSchema, DEFAULTS)).toEqual(mine);
  });

  it('reports a stored value that no longer parses, naming the setting and the field, until a valid one is saved', async () => {
    await store.query(`UPDATE fg_setting SET value = $1 WHERE name = 'case_settings'`, [
      JSON.stringify({ appealDays: -5, deadlineDays: 45 }),
    ]);
    const refused = await loadSetting(store, 'case_settings', caseSettingsSchema, DEFAULTS).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).kind).toBe('conflict');
    expect((refused as DomainError).message).toMatch(/case_settings.*appealDays/);
    expect(errorReply(refused)).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: [{ path: 'appealDays' }] } } });

    await store.query(`UPDATE fg_setting SET value = 'not json' WHERE name = 'case_settings'`);
    await expect(loadSetting(store, 'case_settings', caseSettingsSchema, DEFAULTS)).rejects.toThrow(/case_settings is not JSON/);

    await saveSetting(store, 'case_settings', DEFAULTS, 'admin', new Date());
    expect(await loadSetting(store, 'case_settings', caseSettingsSchema, DEFAULTS)).toEqual(DEFAULTS);
  });
});

describe('errors at the HTTP boundary', () => {
  it('maps every kind of refusal to its status and code in one place', () => {
    const cases = [
      ['invalid', 400, 'validation'],
      ['unauthenticated', 401, 'unauthorized'],
      ['forbidden', 403, 'forbidden'],
      ['not_found', 404, 'not_found'],
      ['conflict', 409, 'conflict'],
      ['too_large', 413, 'too_large'],
      ['rate_limited', 429, 'rate_limited'],
    ] as const;
    for (const [kind, status, code] of cases) {
      expect(errorReply(new DomainError(kind, 'x'))).toMatchObject({ status, body: { error: { code, message: 'x' } } });
    }
    const limited = errorReply(new DomainError('rate_limited', 'wait', [{ path: 'retryAfter', message: '42' }]));
    expect(limited?.headers).toEqual({ 'Retry-After': '42' });
    expect(errorReply(new Error('boom'))).toBeNull();
  });
});
