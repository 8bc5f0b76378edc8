/** Building the use cases' SQL: positional parameters, pages of a list, updates that check what the caller saw. */
import type { Page, PageQuery } from '../contract/api/common.js';
import type { Queryable, Row, SqlValue } from '../db/engine.js';
import { conflict } from './errors.js';

/** Collects positional parameters while a query is built. */
export class Params {
  readonly values: SqlValue[] = [];
  add(v: SqlValue): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
  /** `(…)` of a list of values, for IN. */
  list(vs: readonly SqlValue[]): string {
    return `(${vs.map((v) => this.add(v)).join(', ')})`;
  }
}

/** The LIMIT and OFFSET of a page (1-based). */
export function pageClause(q: PageQuery): string {
  return `LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`;
}

/** What a list reads, from where, and in what order; each use case adds its conditions. */
export interface ListSource {
  select: string;
  from: string;
  orderBy: string;
}

/** One page of a list's rows under the conditions `where` (their parameters in `p`), and the count of all of them. */
export async function selectPage<R extends Row>(
  db: Queryable,
  q: PageQuery,
  list: ListSource,
  where: readonly string[],
  p: Params,
): Promise<{ rows: R[]; total: number }> {
  const w = where.length ? where.join(' AND ') : 'TRUE';
  const [rows, count] = await Promise.all([
    db.query<R>(`SELECT ${list.select} FROM ${list.from} WHERE ${w} ORDER BY ${list.orderBy} ${pageClause(q)}`, p.values),
    db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${list.from} WHERE ${w}`, p.values),
  ]);
  return { rows, total: Number(count[0]?.n ?? 0) };
}

/** A page of a list, as the API answers it. */
export function toPage<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

/**
 * An optimistic update: `UPDATE … WHERE <the state the caller saw> RETURNING …`. When no row comes back, someone
 * changed the record meanwhile, and the caller reloads rather than overwriting their change.
 */
export async function updateAsSeen(db: Queryable, sql: string, params: readonly SqlValue[], what: string): Promise<void> {
  const rows = await db.query(sql, params);
  if (!rows.length) throw conflict(`${what} changed meanwhile; reload it`);
}
