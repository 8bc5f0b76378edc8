/** Builds the monitoring tables of a workspace (indicators, warnings, practitioner figures) and keeps the warning thresholds. */
import { audit } from '../audit/audit.js';
import { warningConfigSchema, type WarningConfig } from '../contract/settings.js';
import { atomically, type SqlEngine } from '../db/engine.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { loadSetting, saveSetting } from '../kernel/settings.js';
import type { StoreDb } from '../store/db.js';
import { buildIndicators } from './indicators.js';
import { buildPractitionerStats } from './practitioners.js';
import { buildWarnings, DEFAULT_WARNING_CONFIG } from './warnings.js';

const SETTING = 'warning_config';

/** The thresholds in force: the bureau's own, else the defaults. */
export async function loadWarningConfig(store: StoreDb): Promise<WarningConfig> {
  return loadSetting(store, SETTING, warningConfigSchema, DEFAULT_WARNING_CONFIG);
}

/** An administrator changes the thresholds; the warnings and practitioner levels are recomputed at once. */
export async function changeWarningConfig(ctx: RequestContext, config: WarningConfig): Promise<WarningConfig> {
  requireRole(ctx, ['admin'], 'change the warning thresholds');
  await ctx.store.transaction((tx) => saveSetting(tx, SETTING, config, ctx.user.username, ctx.now()));
  // The workspace's writer belongs to the job queue: recompute there, after any running job.
  await ctx.writeWorkspace((workspace) => buildJudgements(workspace, config));
  await audit(ctx.store, ctx.user.username, 'warning_config', null, JSON.stringify(config));
  return config;
}

/**
 * Warnings and practitioner figures from the indicators already built (after the thresholds change), in one
 * transaction: readers see the old tables or the new ones, never neither.
 */
export async function buildJudgements(engine: SqlEngine, config: WarningConfig): Promise<void> {
  await atomically(engine, async () => {
    await buildWarnings(engine, config);
    await buildPractitionerStats(engine, config.practitioner);
  });
}

/** Indicators, warnings and practitioner figures, replaced in one transaction. */
export async function buildMonitoring(engine: SqlEngine, config: WarningConfig = DEFAULT_WARNING_CONFIG): Promise<void> {
  await atomically(engine, async () => {
    await buildIndicators(engine);
    await buildJudgements(engine, config);
  });
}
