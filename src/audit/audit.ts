/** The audit log: every read of a person's data, every export and every change, with who and when. */
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../contract/api/audit.js';
import type { Page } from '../contract/api/common.js';
import { isoTime, storeTime, type StoreDb } from '../store/db.js';
import { nextSeq } from '../findings/decisions.js';

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

export async function listAudit(
  store: StoreDb,
  q: { psnNo?: string | undefined; actor?: string | undefined; page: number; pageSize: number },
): Promise<Page<AuditEntry>> {
  const where: string[] = [];
  const params: string[] = [];
  if (q.psnNo) {
    params.push(q.psnNo);
    where.push(`target = $${params.length}`);
  }
  if (q.actor) {
    params.push(q.actor);
    where.push(`actor = $${params.length}`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [c] = await store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_audit ${w}`, params);
  const rows = await store.query<{ id: string; at: string; actor: string; action: string; target: string | null; detail: string | null }>(
    `SELECT id, CAST(logged_at AS VARCHAR) AS at, actor, action, target, detail FROM fg_audit ${w} ORDER BY seq DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    params,
  );
  return { items: rows.map((r) => ({ ...r, at: isoTime(r.at) })), total: Number(c?.n ?? 0), page: q.page, pageSize: q.pageSize };
}
