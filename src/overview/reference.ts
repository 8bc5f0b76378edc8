/** Reference data for the workbench's filters: the rules, the regions and grids inside the caller's scope, the period covered. */
import { scopeCondition } from '../auth/scope.js';
import type { Meta } from '../contract/api/reference.js';
import { FINDING_STATUSES } from '../contract/vocabulary.js';
import { regionName } from '../exchange/regions.js';
import { INST_MONTH } from '../findings/rows.js';
import type { RequestContext } from '../kernel/context.js';
import { Params } from '../kernel/sql.js';
import { BUILT_IN_RULES } from '../screening/catalog.js';

export async function referenceData(ctx: RequestContext): Promise<Meta> {
  const db = ctx.workspace;
  const p = new Params();
  const where = scopeCondition(ctx.scope, p, 'i.fixmedins_code', 'i.admdvs');
  const [regions, grids, period, run] = await Promise.all([
    db.query<{ admdvs: string }>(`SELECT DISTINCT i.admdvs FROM fixmedins i WHERE ${where} AND i.admdvs IS NOT NULL ORDER BY 1`, p.values),
    db.query<{ grid_id: string; admdvs: string }>(
      `SELECT i.grid_id, MIN(i.admdvs) AS admdvs FROM fixmedins i WHERE ${where} AND i.grid_id IS NOT NULL GROUP BY i.grid_id ORDER BY 1`,
      p.values,
    ),
    db.query<{ first: string | null; last: string | null }>(`SELECT MIN(month) AS first, MAX(month) AS last FROM ${INST_MONTH}`),
    db.query<{ at: string | null }>(`SELECT CAST(MAX(screened_at) AS VARCHAR) AS at FROM fg_screen_run`),
  ]);
  return {
    rules: BUILT_IN_RULES.map((r) => ({ code: r.code, name: r.name, nameEn: r.nameEn, level: r.level })),
    regions: regions.map((r) => ({ admdvs: r.admdvs, name: regionName(r.admdvs) ?? r.admdvs })),
    grids: grids.map((g) => ({ gridId: g.grid_id, admdvs: g.admdvs })),
    statuses: [...FINDING_STATUSES],
    period: { from: period[0]?.first ?? null, to: period[0]?.last ?? null },
    screenedAt: run[0]?.at ? `${run[0].at.replace(' ', 'T')}Z` : null,
  };
}
