/** /api/overview: the dashboard. */
import { overviewQuery } from '../../contract/api/reference.js';
import { overview } from '../../overview/overview.js';
import { route, routes } from '../http.js';

export const overviewRoutes = routes('overview', [
  route({
    method: 'GET',
    url: '/api/overview',
    summary: 'Fund paid, amount at risk, findings by code, level, institution, month, region and grid',
    roles: 'any',
    query: overviewQuery,
    answers: 'Overview',
    handler: ({ ctx, query }) => overview(ctx, query),
  }),
]);
