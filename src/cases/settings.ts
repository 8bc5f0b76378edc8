/** The case workflow's settings: the appeal period, the case deadline, the default handler of each grid. */
import { type CaseSettings, caseSettingsSchema } from '../contract/settings.js';
import type { StoreDb } from '../store/db.js';
import { stamp } from './context.js';

const SETTING = 'case_settings';

/** Defaults: 60 days to appeal (as for an administrative review, 行政复议), 90 days to handle a case. */
export const DEFAULT_CASE_SETTINGS: CaseSettings = { appealDays: 60, deadlineDays: 90, gridHandlers: {} };

export async function loadCaseSettings(store: StoreDb): Promise<CaseSettings> {
  const [r] = await store.query<{ value: string }>(`SELECT value FROM fg_setting WHERE name = $1`, [SETTING]);
  if (!r) return DEFAULT_CASE_SETTINGS;
  const parsed = caseSettingsSchema.safeParse(JSON.parse(r.value));
  return parsed.success ? parsed.data : DEFAULT_CASE_SETTINGS;
}

export async function saveCaseSettings(tx: StoreDb, settings: CaseSettings, by: string, at: Date): Promise<void> {
  await tx.query(`DELETE FROM fg_setting WHERE name = $1`, [SETTING]);
  await tx.query(`INSERT INTO fg_setting (name, value, updated_by, updated_at) VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP))`, [
    SETTING,
    JSON.stringify(settings),
    by,
    stamp(at),
  ]);
}
