/** /api/warnings: the warning board (预警), the month's summary by level, warnings turned into clues. */
import { clueFromWarning } from '../../cases/clues.js';
import { warningClueBody } from '../../contract/api/cases.js';
import { warningIdParams, warningsQuery, warningSummaryQuery } from '../../contract/api/monitoring.js';
import { HANDLER_ROLES } from '../../contract/vocabulary.js';
import { listWarnings, warningSummary } from '../../monitoring/board.js';
import { route, routes } from '../http.js';

export const warningRoutes = routes('monitoring', [
  route({
    method: 'GET',
    url: '/api/warnings',
    summary: 'Warnings (yellow, orange, red) for institutions inside your scope, filtered and paged',
    roles: 'any',
    query: warningsQuery,
    answers: 'Page<WarningRow>',
    handler: ({ ctx, query }) => listWarnings(ctx, query),
  }),
  route({
    method: 'GET',
    url: '/api/warnings/summary',
    summary: 'Months with warnings, and institutions and warnings by level for one month (default the latest)',
    roles: 'any',
    query: warningSummaryQuery,
    answers: 'WarningSummary',
    handler: ({ ctx, query }) => warningSummary(ctx, query.month),
  }),
  route({
    method: 'POST',
    url: '/api/warnings/:id/clue',
    summary: 'Turns a warning into a clue (线索) for investigation',
    roles: HANDLER_ROLES,
    params: warningIdParams,
    body: warningClueBody,
    answers: 'Clue',
    status: 201,
    handler: ({ ctx, params, body }) => clueFromWarning(ctx, params.id, body.note ?? null),
  }),
]);
