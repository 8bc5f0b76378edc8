/** Reference data and the overview dashboard. */
import type { FastifyInstance } from 'fastify';
import { Params, scopeCondition } from '../../auth/scope.js';
import { regionName } from '../../exchange/regions.js';
import { overview } from '../../overview/overview.js';
import { BUILT_IN_RULES } from '../../screening/catalog.js';
import { type Meta, type Overview, overviewQuery } from '../../contract/api/reference.js';
import { FINDING_STATUSES } from '../../contract/vocabulary.js';
import { route } from '../http.js';
import type { Workbench } from '../workbench.js';

export function dashboardRoutes(app: FastifyInstance, wb: Workbench): void {
  route(app, {
    method: 'GET',
    url: '/api/meta',
    tag: 'reference',
    summary: 'Rules, regions and grids inside your scope, statuses, the period covered',
    roles: 'any',
    success: { status: 200, description: 'Meta' },
    handler: async ({ scope }): Promise<Meta> => {
      const p = new Params();
      const where = scopeCondition(scope, p, 'i.fixmedins_code', 'i.admdvs');
      const [regions, grids, period, run] = await Promise.all([
        wb.reads.query<{ admdvs: string }>(
          `SELECT DISTINCT i.admdvs FROM fixmedins i WHERE ${where} AND i.admdvs IS NOT NULL ORDER BY 1`,
          p.values,
        ),
        wb.reads.query<{ grid_id: string; admdvs: string }>(
          `SELECT i.grid_id, MIN(i.admdvs) AS admdvs FROM fixmedins i WHERE ${where} AND i.grid_id IS NOT NULL GROUP BY i.grid_id ORDER BY 1`,
          p.values,
        ),
        wb.reads.query<{ first: string | null; last: string | null }>(`SELECT MIN(month) AS first, MAX(month) AS last FROM fg_inst_month`),
        wb.reads.query<{ at: string | null }>(`SELECT CAST(MAX(screened_at) AS VARCHAR) AS at FROM fg_screen_run`),
      ]);
      return {
        rules: BUILT_IN_RULES.map((r) => ({ code: r.code, name: r.name, nameEn: r.nameEn, level: r.level })),
        regions: regions.map((r) => ({ admdvs: r.admdvs, name: regionName(r.admdvs) ?? r.admdvs })),
        grids: grids.map((g) => ({ gridId: g.grid_id, admdvs: g.admdvs })),
        statuses: [...FINDING_STATUSES],
        period: { from: period[0]?.first ?? null, to: period[0]?.last ?? null },
        screenedAt: run[0]?.at ? `${run[0].at.replace(' ', 'T')}Z` : null,
      };
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/overview',
    tag: 'overview',
    summary: 'Fund paid, amount at risk, findings by code, level, institution, month, region and grid',
    roles: 'any',
    query: overviewQuery,
    success: { status: 200, description: 'Overview' },
    handler: async ({ query, scope }): Promise<Overview> => overview(wb.reads, scope, query.from, query.to),
  });
}
