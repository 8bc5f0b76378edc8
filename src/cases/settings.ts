/** The case workflow's settings: the appeal period, the case deadline, the default handler of each grid. */
import { caseSettingsSchema, type CaseSettings } from '../contract/settings.js';
import { HANDLER_ROLES, roleIn } from '../contract/vocabulary.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { invalid } from '../kernel/errors.js';
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
