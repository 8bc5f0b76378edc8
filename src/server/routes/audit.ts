/** /api/audit: the audit log (administrators). */
import { listAudit } from '../../audit/audit.js';
import { auditQuery } from '../../contract/api/audit.js';
import { route, routes } from '../http.js';

export const auditRoutes = routes('audit', [
  route({
    method: 'GET',
    url: '/api/audit',
    summary: 'Who read whose data and who changed what, newest first',
    roles: ['admin'],
    query: auditQuery,
    answers: 'Page<AuditEntry>',
    handler: ({ ctx, query }) => listAudit(ctx, query),
  }),
]);
