/** The audit log (administrators). */
import type { FastifyInstance } from 'fastify';
import { listAudit } from '../../audit/audit.js';
import { type AuditEntry, auditQuery } from '../../contract/api/audit.js';
import type { Page } from '../../contract/api/common.js';
import { route } from '../http.js';
import type { Workbench } from '../workbench.js';

export function auditRoutes(app: FastifyInstance, wb: Workbench): void {
  route(app, {
    method: 'GET',
    url: '/api/audit',
    tag: 'audit',
    summary: 'Who read whose data and who changed what, newest first',
    roles: ['admin'],
    query: auditQuery,
    success: { status: 200, description: 'Page<AuditEntry>' },
    handler: async ({ query }): Promise<Page<AuditEntry>> => listAudit(wb.store, query),
  });
}
