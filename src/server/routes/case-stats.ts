/** /api/case-stats: the statistics table (统计表) of case handling, and its Excel export. */
import { caseStats, exportCaseStats } from '../../cases/stats.js';
import { caseStatsQuery } from '../../contract/api/cases.js';
import { BUREAU_ROLES } from '../../contract/vocabulary.js';
import { route, routes, sendWorkbook, XLSX } from '../http.js';

export const caseStatsRoutes = routes('cases', [
  route({
    method: 'GET',
    url: '/api/case-stats',
    summary: 'The statistics table (统计表) of case handling by region or grid for a period',
    roles: BUREAU_ROLES,
    query: caseStatsQuery,
    answers: 'CaseStats',
    handler: ({ ctx, query }) => caseStats(ctx, query),
  }),
  route({
    method: 'GET',
    url: '/api/case-stats/export.xlsx',
    summary: 'The statistics table as an Excel workbook, with its totals row',
    roles: BUREAU_ROLES,
    query: caseStatsQuery,
    answers: 'xlsx file',
    contentType: XLSX,
    handler: async ({ ctx, query, reply }) => sendWorkbook(reply, await exportCaseStats(ctx, query)),
  }),
]);
