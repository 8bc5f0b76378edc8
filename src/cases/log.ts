/**
 * The case log: every change to a clue, case, decision, appeal, recovery or sanction is appended, in the same
 * transaction as the change, as an entry whose hash covers its own fields and the previous entry's hash
 * (a hash chain). Editing or deleting any entry breaks the chain from that entry on; `verifyCaseLog` finds
 * the first entry that fails. The chain's end (last sequence number and hash) is kept in a table of its own,
 * so that cutting entries off the end is detected too.
 */
import { createHash } from 'node:crypto';
import type { CaseLogEntry, LogVerification } from '../contract/api/cases.js';
import { audit } from '../audit/audit.js';
import { REVIEWER_ROLES } from '../contract/vocabulary.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import type { StoreDb } from '../store/db.js';

export const GENESIS = '0'.repeat(64);

export interface LogInput {
  actor: string;
  entity: 'clue' | 'case' | 'decision' | 'appeal' | 'recovery' | 'sanction' | 'note' | 'attachment' | 'settings';
  entityId: string;
  caseId: string | null;
  action: string;
  data: unknown;
}

type EntryOf = (entityId: string, caseId: string | null, action: string, data: unknown) => Promise<void>;

/**
 * The entries of one change, made by the caller at one time, in the change's transaction: `changeLog(tx, ctx,
 * at).case(id, 'open', {…})`, `.decision(id, caseId, 'submit', {})`, … — one method per kind of entity.
 */
export function changeLog(tx: StoreDb, ctx: Pick<RequestContext, 'user'>, at: Date) {
  const of =
    (entity: LogInput['entity']): EntryOf =>
    (entityId, caseId, action, data) =>
      appendLog(tx, at, { actor: ctx.user.username, entity, entityId, caseId, action, data });
  return {
    case: (caseId: string, action: string, data: unknown) => of('case')(caseId, caseId, action, data),
    clue: of('clue'),
    decision: of('decision'),
    appeal: of('appeal'),
    recovery: of('recovery'),
    sanction: of('sanction'),
    note: of('note'),
    attachment: of('attachment'),
    settings: of('settings'),
  };
}

/** JSON with object keys in order, so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_k, v: unknown) => {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        return Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        );
      }
      return v;
    }) ?? 'null'
  );
}

type StoredEntry = {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  case_id: string | null;
  action: string;
  data: string;
  prev_hash: string;
  hash: string;
};

export function entryHash(e: Omit<StoredEntry, 'hash'>): string {
  return createHash('sha256')
    .update(JSON.stringify([e.seq, e.at, e.actor, e.entity, e.entity_id, e.case_id, e.action, e.data, e.prev_hash]))
    .digest('hex');
}

/** Appends one entry; call inside the transaction that makes the change it records. */
export async function appendLog(tx: StoreDb, at: Date, input: LogInput): Promise<void> {
  // PostgreSQL: the head row's lock makes concurrent appends wait their turn (the embedded store runs one
  // transaction at a time anyway).
  const lock = tx.kind === 'postgres' ? ' FOR UPDATE' : '';
  const [head] = await tx.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM fg_case_log_head WHERE id = 1${lock}`);
  const entry = {
    seq: Number(head?.seq ?? 0) + 1,
    at: at.toISOString(),
    actor: input.actor,
    entity: input.entity,
    entity_id: input.entityId,
    case_id: input.caseId,
    action: input.action,
    data: canonicalJson(input.data),
    prev_hash: head?.hash ?? GENESIS,
  };
  const hash = entryHash(entry);
  await tx.query(
    `INSERT INTO fg_case_log (seq, logged_at, actor, entity, entity_id, case_id, action, data, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [entry.seq, entry.at, entry.actor, entry.entity, entry.entity_id, entry.case_id, entry.action, entry.data, entry.prev_hash, hash],
  );
  if (head) await tx.query(`UPDATE fg_case_log_head SET seq = $1, hash = $2 WHERE id = 1`, [entry.seq, hash]);
  else await tx.query(`INSERT INTO fg_case_log_head (id, seq, hash) VALUES (1, $1, $2)`, [entry.seq, hash]); // a store from before the head was seeded
}

const BATCH = 5000;

/** Walks the whole chain: sequence without gaps, each entry's link to the previous one, each entry's own hash, the end. */
export async function verifyCaseLog(store: StoreDb): Promise<LogVerification> {
  let expected = 1;
  let prev = GENESIS;
  for (;;) {
    const rows = await store.query<StoredEntry>(
      `SELECT seq, logged_at AS at, actor, entity, entity_id, case_id, action, data, prev_hash, hash FROM fg_case_log
      WHERE seq >= $1 ORDER BY seq LIMIT ${BATCH}`,
      [expected],
    );
    for (const r of rows) {
      const seq = Number(r.seq);
      if (seq !== expected) return fail(expected - 1, expected, `entry ${expected} is missing (the next is ${seq})`);
      if (r.prev_hash !== prev)
        return fail(expected - 1, seq, `entry ${seq} does not follow entry ${seq - 1}: the previous entry was changed or removed`);
      if (entryHash({ ...r, seq }) !== r.hash) return fail(expected - 1, seq, `entry ${seq} was changed after it was written`);
      prev = r.hash;
      expected++;
    }
    if (rows.length < BATCH) break;
  }
  const entries = expected - 1;
  const [head] = await store.query<{ seq: number; hash: string }>(`SELECT seq, hash FROM fg_case_log_head WHERE id = 1`);
  const headSeq = Number(head?.seq ?? 0);
  if (headSeq !== entries || (head && headSeq > 0 && head.hash !== prev)) {
    return fail(entries, entries + 1, `the chain ends at entry ${entries}, but ${headSeq} were written: entries were removed from its end`);
  }
  return { ok: true, entries, failedAt: null, reason: null };
}

function fail(entries: number, at: number, reason: string): LogVerification {
  return { ok: false, entries, failedAt: at, reason };
}

/** A case's entries, oldest first. */
export async function caseLog(store: StoreDb, caseId: string): Promise<CaseLogEntry[]> {
  const rows = await store.query<StoredEntry>(
    `SELECT seq, logged_at AS at, actor, entity, entity_id, case_id, action, data, prev_hash, hash FROM fg_case_log
    WHERE case_id = $1 ORDER BY seq`,
    [caseId],
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    action: r.action,
    data: JSON.parse(r.data) as unknown,
    hash: r.hash,
  }));
}

/** An administrator or reviewer checks the log's hash chain (as an auditor would); the check is itself audited. */
export async function verifyLog(ctx: RequestContext): Promise<LogVerification> {
  requireRole(ctx, REVIEWER_ROLES, 'verify the case log');
  const r = await verifyCaseLog(ctx.store);
  await audit(ctx.store, ctx.user.username, 'verify_case_log', null, JSON.stringify(r));
  return r;
}
