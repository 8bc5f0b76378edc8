/** /api/meta: reference data for the filters. */
import { referenceData } from '../../overview/reference.js';
import { route, routes } from '../http.js';

export const metaRoutes = routes('reference', [
  route({
    method: 'GET',
    url: '/api/meta',
    summary: 'Rules, regions and grids inside your scope, statuses, the period covered',
    roles: 'any',
    answers: 'Meta',
    handler: ({ ctx }) => referenceData(ctx),
  }),
]);
