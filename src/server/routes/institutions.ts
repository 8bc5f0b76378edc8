/** /api/institutions: designated institutions, their list and profile. */
import { institutionParams, institutionsQuery } from '../../contract/api/institutions.js';
import { institutionProfile, listInstitutions } from '../../institutions/institutions.js';
import { route, routes } from '../http.js';

export const institutionRoutes = routes('institutions', [
  route({
    method: 'GET',
    url: '/api/institutions',
    summary: 'Institutions inside your scope, with fund paid and findings',
    roles: 'any',
    query: institutionsQuery,
    answers: 'Page<InstitutionRow>',
    handler: ({ ctx, query }) => listInstitutions(ctx, query),
  }),
  route({
    method: 'GET',
    url: '/api/institutions/:code',
    summary: "An institution's figures by month, findings by code and history (404 outside your scope)",
    roles: 'any',
    params: institutionParams,
    answers: 'InstitutionProfile',
    handler: ({ ctx, params }) => institutionProfile(ctx, params.code),
  }),
]);
