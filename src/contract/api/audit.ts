/** The audit log: who read whose data and who changed what. */
import { z } from 'zod';
import { pageQuery } from './common.js';

export const auditQuery = pageQuery.extend({ psnNo: z.string().max(64).optional(), actor: z.string().max(64).optional() });
export type AuditQuery = z.infer<typeof auditQuery>;
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}
