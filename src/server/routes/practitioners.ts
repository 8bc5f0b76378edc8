/** /api/practitioners: the practitioner ranking (大处方). */
import { practitionersQuery } from '../../contract/api/monitoring.js';
import { listPractitioners } from '../../monitoring/ranking.js';
import { route, routes } from '../http.js';

export const practitionerRoutes = routes('monitoring', [
  route({
    method: 'GET',
    url: '/api/practitioners',
    summary: 'Practitioners against peers of the same institution kind and department (大处方), inside your scope',
    roles: 'any',
    query: practitionersQuery,
    answers: 'Page<PractitionerRow>',
    handler: ({ ctx, query }) => listPractitioners(ctx, query),
  }),
]);
