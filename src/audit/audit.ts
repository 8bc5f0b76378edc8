/** The audit log: every read of a person's data, every export and every change, with who and when. */
import { randomUUID } from 'node:crypto';
import type { AuditEntry, AuditQuery } from '../contract/api/audit.js';
import type { Page } from '../contract/api/common.js';
import { nextSeq } from '../kernel/time.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { Params, selectPage, toPage, type ListSource } from '../kernel/sql.js';
import type { SqlValue } from '../db/engine.js';
import { DuckDbStore, PostgresStore, type StoreDb, isoTime, storeTime } from '../store/db.js';

/**
 * Writes an entry, and returns once it is stored. Entries written at the same moment by many requests share one
 * statement (a group commit): each of them alone would be a commit of its own, and embedded, all requests queue
 * behind the workspace file's commits. Inside a transaction the entry is part of it.
 */
export async function audit(
  store: StoreDb,
  actor: string,
  action: string,
  target: string | null,
  detail: string | null = null,
): Promise<void> {
  const row: SqlValue[] = [randomUUID(), storeTime(), actor, action, target, detail, nextSeq()];
  if (!(store instanceof DuckDbStore || store instanceof PostgresStore)) return insertEntries(store, [row]);
  let writer = writers.get(store);
  if (!writer) writers.set(store, (writer = new GroupWriter(store)));
  return writer.write(row);
}

const COLUMNS = 7;
/** At most this many entries in one statement (PostgreSQL takes up to 65,535 parameters). */
const MAX_BATCH = 1000;

async function insertEntries(store: StoreDb, rows: SqlValue[][]): Promise<void> {
  const values = rows.map((_, i) => {
    const n = (k: number) => `$${i * COLUMNS + k}`;
    return `(${n(1)}, CAST(${n(2)} AS TIMESTAMP), ${n(3)}, ${n(4)}, ${n(5)}, ${n(6)}, ${n(7)})`;
  });
  await store.query(`INSERT INTO fg_audit (id, logged_at, actor, action, target, detail, seq) VALUES ${values.join(', ')}`, rows.flat());
}

const writers = new WeakMap<StoreDb, GroupWriter>();

/** Entries that arrive while a statement is being written wait for the next one, all together. */
class GroupWriter {
  private waiting: Array<{ row: SqlValue[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private writing = false;

  constructor(private readonly store: StoreDb) {}

  write(row: SqlValue[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ row, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.waiting.length) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        await insertEntries(
          this.store,
          batch.map((b) => b.row),
        );
        for (const b of batch) b.resolve();
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    this.writing = false;
  }
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
