/** /api/findings: the findings (疑点) list, its Excel export, a finding's evidence and its decisions. */
import { findingDecisionBody, findingIdParams, findingsQuery } from '../../contract/api/findings.js';
import { decideFinding } from '../../findings/decisions.js';
import { findingDetail } from '../../findings/detail.js';
import { exportFindings } from '../../findings/export.js';
import { listFindings } from '../../findings/list.js';
import { route, routes, sendWorkbook, XLSX } from '../http.js';

export const findingRoutes = routes('findings', [
  route({
    method: 'GET',
    url: '/api/findings',
    summary: 'Findings inside your scope: filtered, sorted, paged',
    roles: 'any',
    query: findingsQuery,
    answers: 'Page<FindingRow>',
    handler: ({ ctx, query }) => listFindings(ctx, query),
  }),
  route({
    method: 'GET',
    url: '/api/findings/export.xlsx',
    summary: 'The filtered findings list as an Excel workbook',
    roles: 'any',
    query: findingsQuery,
    answers: 'xlsx file',
    contentType: XLSX,
    handler: async ({ ctx, query, reply }) => sendWorkbook(reply, await exportFindings(ctx, query)),
  }),
  route({
    method: 'GET',
    url: '/api/findings/:id',
    summary: 'One finding with its evidence (404 outside your scope); the read of personal data is logged',
    roles: 'any',
    params: findingIdParams,
    answers: 'FindingDetail',
    handler: ({ ctx, params }) => findingDetail(ctx, params.id),
  }),
  route({
    method: 'POST',
    url: '/api/findings/:id/decisions',
    summary: 'Confirm, dismiss, assign, respond to or reopen a finding',
    roles: 'any',
    params: findingIdParams,
    body: findingDecisionBody,
    answers: 'FindingDecision',
    status: 201,
    handler: ({ ctx, params, body }) => decideFinding(ctx, params.id, body),
  }),
]);
