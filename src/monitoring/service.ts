/** Builds the monitoring tables of a workspace (indicators, warnings, practitioner figures) and keeps the warning thresholds. */
import type { SqlEngine } from '../db/engine.js';
import { storeTime, type StoreDb } from '../store/db.js';
import { buildIndicators } from './indicators.js';
import { buildPractitionerStats } from './practitioners.js';
import { warningConfigSchema, type WarningConfig } from '../contract/settings.js';
import { buildWarnings, DEFAULT_WARNING_CONFIG } from './warnings.js';

const SETTING = 'warning_config';

/** The thresholds in force: the bureau's own, else the defaults (also when the stored ones no longer parse). */
export async function loadWarningConfig(store: StoreDb): Promise<WarningConfig> {
  const [r] = await store.query<{ value: string }>(`SELECT value FROM fg_setting WHERE name = $1`, [SETTING]);
  if (!r) return DEFAULT_WARNING_CONFIG;
  const parsed = warningConfigSchema.safeParse(JSON.parse(r.value));
  return parsed.success ? parsed.data : DEFAULT_WARNING_CONFIG;
}

export async function saveWarningConfig(store: StoreDb, config: WarningConfig, by: string): Promise<void> {
  await store.transaction(async (tx) => {
    await tx.query(`DELETE FROM fg_setting WHERE name = $1`, [SETTING]);
    await tx.query(`INSERT INTO fg_setting (name, value, updated_by, updated_at) VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP))`, [
      SETTING,
      JSON.stringify(config),
      by,
      storeTime(),
    ]);
  });
}

/** Warnings and practitioner figures from the indicators already built (after the thresholds change). */
export async function buildJudgements(engine: SqlEngine, config: WarningConfig): Promise<void> {
  await buildWarnings(engine, config);
  await buildPractitionerStats(engine, config.practitioner);
}

export async function buildMonitoring(engine: SqlEngine, config: WarningConfig = DEFAULT_WARNING_CONFIG): Promise<void> {
  await buildIndicators(engine);
  await buildJudgements(engine, config);
}
