/** /api/screenings: re-running the screening. */
import { route, routes } from '../http.js';

export const screeningRoutes = routes('rules', [
  route({
    method: 'POST',
    url: '/api/screenings',
    summary: 'Re-runs screening with the current rules; findings are replaced, decisions kept',
    roles: ['admin'],
    answers: 'Job',
    status: 202,
    handler: ({ wb, ctx }) => wb.startScreening(ctx),
  }),
]);
