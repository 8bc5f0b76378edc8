/** /api/jobs: the progress of long work (screening, imports). */
import { uuidParams } from '../../contract/api/common.js';
import { HANDLER_ROLES } from '../../contract/vocabulary.js';
import { route, routes } from '../http.js';

export const jobRoutes = routes('rules', [
  route({
    method: 'GET',
    url: '/api/jobs/:id',
    summary: "A screening or import job's progress",
    roles: HANDLER_ROLES,
    params: uuidParams,
    answers: 'Job',
    handler: async ({ wb, params }) => wb.job(params.id),
  }),
]);
