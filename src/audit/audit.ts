/** The audit log: every read of a person's data, every export and every change, with who and when. */
import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditQuery } from '../contract/api/audit.js';
import type { Page } from '../contract/api/common.js';
import { nextSeq } from '../kernel/time.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { Params, selectPage, toPage, type ListSource } from '../kernel/sql.js';
import { type StoreDb, isoTime, storeTime } from '../store/db.js';

export async function audit(
  store: StoreDb,
  actor: string,
  action: string,
  target: string | null,
  detail: string | null = null,
): Promise<void> {
  await store.query(
    `INSERT INTO fg_audit (id, logged_at, actor, action, target, detail, seq) VALUES ($1, CAST($2 AS TIMESTAMP), $3, $4, $5, $6, $7)`,
    [randomUUID(), storeTime(), actor, action, target, detail, nextSeq()],
  );
}

const ENTRIES: ListSource = {
  select: 'id, CAST(logged_at AS VARCHAR) AS at, actor, action, target, detail',
  from: 'fg_audit',
  orderBy: 'seq DESC',
};

/** The audit log, newest first (administrators). */
export async function listAudit(ctx: RequestContext, q: AuditQuery): Promise<Page<AuditEntry>> {
  requireRole(ctx, ['admin'], 'read the audit log');
  const p = new Params();
  const where: string[] = [];
  if (q.psnNo) where.push(`target = ${p.add(q.psnNo)}`);
  if (q.actor) where.push(`actor = ${p.add(q.actor)}`);
  const { rows, total } = await selectPage<AuditEntry & Record<string, unknown>>(ctx.store, q, ENTRIES, where, p);
  return toPage(
    rows.map((r) => ({ ...r, at: isoTime(r.at) })),
    total,
    q,
  );
}
