/** /api/jobs: the progress of long work (screening, imports). */
import { uuidParams } from '../../contract/api/common.js';
import { HANDLER_ROLES } from '../../contract/vocabulary.js';
import { route, routes } from '../http.js';

export const jobRoutes = routes('rules', [
  route({
    method: 'GET',
    url: '/api/jobs/:id',
    summary: "A screening or import job's progress (for whoever started it and administrators; not found for others)",
    roles: HANDLER_ROLES,
    params: uuidParams,
    answers: 'Job',
    handler: async ({ wb, ctx, params }) => wb.job(ctx, params.id),
  }),
]);
