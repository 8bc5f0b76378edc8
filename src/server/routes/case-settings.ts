/** /api/case-settings: the case workflow's periods and the grids' default handlers. */
import { caseSettingsFor, changeCaseSettings } from '../../cases/settings.js';
import { caseSettingsBody } from '../../contract/api/cases.js';
import { BUREAU_ROLES } from '../../contract/vocabulary.js';
import { route, routes } from '../http.js';

export const caseSettingsRoutes = routes('cases', [
  route({
    method: 'GET',
    url: '/api/case-settings',
    summary: "The appeal period, the case deadline and the default handlers of the grids inside the caller's region",
    roles: BUREAU_ROLES,
    answers: 'CaseSettings',
    handler: ({ ctx }) => caseSettingsFor(ctx),
  }),
  route({
    method: 'PUT',
    url: '/api/case-settings',
    summary: "Changes the case workflow's settings",
    roles: ['admin'],
    body: caseSettingsBody,
    answers: 'CaseSettings',
    handler: ({ ctx, body }) => changeCaseSettings(ctx, body),
  }),
]);
