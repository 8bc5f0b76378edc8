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

/** The SELECT of one list: what is read, from where, which rows and in what order. */
export interface ListQuery {
  select: string;
  from: string;
  where: string;
  orderBy: string;
  params: readonly SqlValue[];
}

/** One page of a list's rows and the count of all of them. */
export async function selectPage<R extends Row>(db: Queryable, q: PageQuery, s: ListQuery): Promise<{ rows: R[]; total: number }> {
  const [rows, count] = await Promise.all([
    db.query<R>(`SELECT ${s.select} FROM ${s.from} WHERE ${s.where} ORDER BY ${s.orderBy} ${pageClause(q)}`, s.params),
    db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${s.from} WHERE ${s.where}`, s.params),
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
