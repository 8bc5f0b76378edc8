/** /api/warning-config: the warning thresholds. */
import { warningConfigBody } from '../../contract/api/monitoring.js';
import { changeWarningConfig, loadWarningConfig } from '../../monitoring/service.js';
import { route, routes } from '../http.js';

export const warningConfigRoutes = routes('monitoring', [
  route({
    method: 'GET',
    url: '/api/warning-config',
    summary: 'The warning thresholds in force',
    roles: 'any',
    answers: 'WarningConfig',
    handler: ({ ctx }) => loadWarningConfig(ctx.store),
  }),
  route({
    method: 'PUT',
    url: '/api/warning-config',
    summary: 'Changes the warning thresholds and recomputes the warnings',
    roles: ['admin'],
    body: warningConfigBody,
    answers: 'WarningConfig',
    handler: ({ ctx, body }) => changeWarningConfig(ctx, body),
  }),
]);
