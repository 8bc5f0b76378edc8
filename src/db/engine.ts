/**
 * The two SQL engines Fundguard runs rules on. Rule SQL is written in the subset both understand;
 * the few places where they differ go through `Dialect`.
 */
import type { ColumnType } from '../contract/vocabulary.js';

export type EngineName = 'duckdb' | 'postgres';

export type Row = Record<string, unknown>;

export interface SqlEngine {
  readonly name: EngineName;
  readonly dialect: Dialect;
  /** Runs statements; returns nothing. */
  exec(sql: string): Promise<void>;
  /** Runs a query and returns its rows as plain JS values (bigint → number, decimals → string). */
  all<T extends Row = Row>(sql: string): Promise<T[]>;
  /** A query with positional parameters ($1, $2, …): values never become SQL text. */
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A parameter value. */
export type SqlValue = string | number | boolean | null;

/** Anything that runs parameterised queries (an engine, a connection pool, a store). */
export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
}

export interface Dialect {
  readonly name: EngineName;
  /** SQL type for an exchange-format column type. */
  type(t: ColumnType): string;
  /** Seconds since the epoch of a timestamp, as a number. */
  epoch(expr: string): string;
  /** Full regular-expression match. */
  regexFull(expr: string, regex: string): string;
  /** A 64-bit hash of several values: grouping on it is much cheaper than on the values themselves,
   * so large groupings first find candidate groups by hash and then compare the values exactly. */
  hash(exprs: string[]): string;
  /** The month (YYYY-MM) of a date or timestamp. */
  month(expr: string): string;
  /** A month (YYYY-MM text) moved by `n` months. */
  addMonths(monthText: string, n: number): string;
  /** The median of a numeric expression (an aggregate). */
  median(expr: string): string;
}

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  type: (t) => ({ text: 'VARCHAR', int: 'INTEGER', money: 'DECIMAL(18,2)', qty: 'DECIMAL(18,4)', date: 'DATE', timestamp: 'TIMESTAMP' })[t],
  epoch: (e) => `epoch(${e})`,
  regexFull: (e, r) => `regexp_full_match(${e}, ${quote(r)})`,
  hash: (es) => `hash(${es.join(', ')})`,
  month: (e) => `strftime(${e}, '%Y-%m')`,
  addMonths: (m, n) => `strftime(CAST(${m} || '-01' AS DATE) + INTERVAL (${n}) MONTH, '%Y-%m')`,
  median: (e) => `quantile_cont(${e}, 0.5)`,
};

export const postgresDialect: Dialect = {
  name: 'postgres',
  type: (t) => ({ text: 'TEXT', int: 'INTEGER', money: 'NUMERIC(18,2)', qty: 'NUMERIC(18,4)', date: 'DATE', timestamp: 'TIMESTAMP' })[t],
  epoch: (e) => `EXTRACT(EPOCH FROM ${e})`,
  regexFull: (e, r) => `(${e} ~ ${quote(r)})`,
  hash: (es) => `hashtextextended(concat_ws(chr(31), ${es.map((e) => `CAST(${e} AS TEXT)`).join(', ')}), 0)`,
  month: (e) => `to_char(${e}, 'YYYY-MM')`,
  addMonths: (m, n) => `to_char(CAST(${m} || '-01' AS DATE) + make_interval(months => ${n}), 'YYYY-MM')`,
  median: (e) => `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${e})`,
};

const inTransaction = new WeakSet<SqlEngine>();

/**
 * Runs `work` on `engine` in one transaction, joining the one already open on it: connections reading the same
 * database see everything `work` changed or nothing of it. Both engines make DDL transactional, so a table
 * dropped and built again inside is, to a reader, the old table until the commit and the new one after it
 * (DuckDB's other connections, measured: an unguarded DROP and CREATE failed reads with "Table … does not
 * exist"; the same in a transaction failed none, and was faster than building under another name and renaming).
 * A failure rolls everything back.
 */
export async function atomically<T>(engine: SqlEngine, work: () => Promise<T>): Promise<T> {
  if (inTransaction.has(engine)) return work();
  await engine.exec('BEGIN TRANSACTION');
  inTransaction.add(engine);
  try {
    const result = await work();
    await engine.exec('COMMIT');
    return result;
  } catch (e) {
    await engine.exec('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    inTransaction.delete(engine);
  }
}

/** Runs statements one after another in one transaction (see `atomically`). */
export function execAtomically(engine: SqlEngine, statements: readonly string[]): Promise<void> {
  return atomically(engine, async () => {
    for (const s of statements) await engine.exec(s);
  });
}

/** A SQL string literal. */
export function quote(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A SQL identifier. */
export function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * A query listing, once each, the values of `key` that occur on more than one row of `from` (a relation,
 * optionally with WHERE). Meant for 64-bit hashes: sorting them and comparing neighbours is about twice as
 * fast as grouping 10 million of them (0.8 s against 1.8 s on two cores). Plain SQL for both engines.
 */
export function repeatedKeys(key: string, from: string): string {
  return `SELECT DISTINCT k FROM (SELECT k, lag(k) OVER (ORDER BY k) AS prev FROM (SELECT ${key} AS k FROM ${from}) keys) sorted WHERE k = prev`;
}
