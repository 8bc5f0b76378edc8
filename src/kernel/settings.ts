/**
 * Settings a bureau changes in the workbench (the case workflow's periods, the warning thresholds), kept in the
 * store's fg_setting as JSON and read back through the schema they were written with. A stored value that no
 * longer parses is reported as a conflict naming the setting and what is wrong — never silently replaced by the
 * defaults, which would change what the bureau set without anyone seeing it. Saving a valid value repairs it.
 */
import type { ZodType } from 'zod';
import { storeTime, type StoreDb } from '../store/db.js';
import { DomainError } from './errors.js';

/** The setting's stored value, or `fallback` when it was never set. */
export async function loadSetting<T>(store: StoreDb, name: string, schema: ZodType<T>, fallback: T): Promise<T> {
  const [r] = await store.query<{ value: string }>(`SELECT value FROM fg_setting WHERE name = $1`, [name]);
  if (!r) return fallback;
  let stored: unknown;
  try {
    stored = JSON.parse(r.value);
  } catch (e) {
    throw new DomainError('conflict', `the stored setting ${name} is not JSON (${(e as Error).message}); an administrator sets it again`);
  }
  const parsed = schema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new DomainError(
    'conflict',
    `the stored setting ${name} no longer parses (${details.map((d) => `${d.path || '(root)'}: ${d.message}`).join('; ')}); an administrator sets it again`,
    details,
  );
}

/** Replaces the setting's value; call inside the transaction that also logs the change, where there is one. */
export async function saveSetting(store: StoreDb, name: string, value: unknown, by: string, at: Date): Promise<void> {
  await store.query(`DELETE FROM fg_setting WHERE name = $1`, [name]);
  await store.query(`INSERT INTO fg_setting (name, value, updated_by, updated_at) VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP))`, [
    name,
    JSON.stringify(value),
    by,
    storeTime(at),
  ]);
}
