/** The case workflow's settings: the appeal period, the case deadline, the default handler of each grid. */
import { caseSettingsSchema, type CaseSettings } from '../contract/settings.js';
import { HANDLER_ROLES, roleIn } from '../contract/vocabulary.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { invalid } from '../kernel/errors.js';
import { Params } from '../kernel/sql.js';
import { loadSetting, saveSetting } from '../kernel/settings.js';
import type { StoreDb } from '../store/db.js';
import { findUser } from '../auth/users.js';
import { changeLog } from './log.js';

const SETTING = 'case_settings';

/** Defaults: 60 days to appeal (as for an administrative review, 行政复议), 90 days to handle a case. */
export const DEFAULT_CASE_SETTINGS: CaseSettings = { appealDays: 60, deadlineDays: 90, gridHandlers: {} };

export async function loadCaseSettings(store: StoreDb): Promise<CaseSettings> {
  return loadSetting(store, SETTING, caseSettingsSchema, DEFAULT_CASE_SETTINGS);
}

/**
 * The settings as a caller sees them: the periods, and the default handlers of the grids inside the caller's region
 * only (a county analyst assigns cases in the county; the other counties' handlers are none of its business).
 */
export async function caseSettingsFor(ctx: RequestContext): Promise<CaseSettings> {
  const settings = await loadCaseSettings(ctx.store);
  const region = ctx.scope.admdvs;
  if (ctx.scope.role === 'admin' || !region) return settings;
  const p = new Params();
  const grids = await ctx.workspace.query<{ grid_id: string }>(
    `SELECT DISTINCT grid_id FROM fixmedins WHERE grid_id IS NOT NULL AND starts_with(admdvs, ${p.add(region)})`,
    p.values,
  );
  const inside = new Set(grids.map((g) => g.grid_id));
  return { ...settings, gridHandlers: Object.fromEntries(Object.entries(settings.gridHandlers).filter(([grid]) => inside.has(grid))) };
}

/** An administrator changes the settings; every grid's handler must be an active analyst (or administrator). */
export async function changeCaseSettings(ctx: RequestContext, settings: CaseSettings): Promise<CaseSettings> {
  requireRole(ctx, ['admin'], 'change the case settings');
  for (const [grid, username] of Object.entries(settings.gridHandlers)) {
    const u = await findUser(ctx.store, username);
    if (!u || u.disabled || !roleIn(u.role, HANDLER_ROLES)) throw invalid(`gridHandlers.${grid}: ${username} is not an analyst`);
  }
  const at = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await saveSetting(tx, SETTING, settings, ctx.user.username, at);
    await changeLog(tx, ctx, at).settings(SETTING, null, 'change', settings);
  });
  return settings;
}
