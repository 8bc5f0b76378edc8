/**
 * Where the workbench keeps its operational data (users, sessions, triage decisions, audit log, rule
 * configuration): the DuckDB workspace itself when embedded, PostgreSQL in server mode. The SQL is the
 * portable subset both run, always with parameters.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { DuckDbPool, runQuery, type DuckDbEngine } from '../db/duckdb.js';
import type { Row, SqlValue } from '../db/engine.js';
import { pgTypes } from '../db/postgres.js';

export interface StoreDb {
  readonly kind: 'duckdb' | 'postgres';
  query<T extends Row = Row>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs `fn` in one transaction: all of it or nothing. */
  transaction<T>(fn: (tx: StoreDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * The embedded store: its own connections to the workspace. Changes run one statement or transaction at a time on
 * one connection (two at once on different connections could conflict and fail); reads go to four more, so that
 * reading a session, a setting or a finding's decisions never waits behind a commit.
 */
export class DuckDbStore implements StoreDb {
  readonly kind = 'duckdb' as const;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly connection: DuckDBConnection,
    private readonly readers: DuckDbPool,
  ) {}

  static async open(engine: DuckDbEngine): Promise<DuckDbStore> {
    return new DuckDbStore(await engine.connect(), await DuckDbPool.create(engine, 4));
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.catch(() => {}).then(fn);
    this.queue = run.catch(() => {});
    return run;
  }

  query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    if (/^\s*(SELECT|WITH)\b/i.test(sql)) return this.readers.query<T>(sql, params);
    return this.serial(() => runQuery<T>(this.connection, sql, params));
  }

  transaction<T>(fn: (tx: StoreDb) => Promise<T>): Promise<T> {
    return this.serial(async () => {
      const tx: StoreDb = {
        kind: 'duckdb',
        query: (sql, params) => runQuery(this.connection, sql, params ?? []),
        transaction: (inner) => inner(tx),
        close: async () => {},
      };
      await this.connection.run('BEGIN TRANSACTION');
      try {
        const result = await fn(tx);
        await this.connection.run('COMMIT');
        return result;
      } catch (e) {
        await this.connection.run('ROLLBACK').catch(() => {});
        throw e;
      }
    });
  }

  async close(): Promise<void> {
    await this.queue.catch(() => {});
    this.readers.close();
    this.connection.closeSync();
  }
}

/** Server mode: a connection pool to PostgreSQL, tables in their own schema. */
export class PostgresStore implements StoreDb {
  readonly kind = 'postgres' as const;

  private constructor(
    private readonly pool: pg.Pool,
    readonly schema: string,
  ) {}

  static async connect(url: string, schema: string): Promise<PostgresStore> {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a plain schema name: ${schema}`);
    const pool = new pg.Pool({ connectionString: url, types: pgTypes, max: 8 });
    pool.on('connect', (client) => {
      void client.query(`SET search_path TO "${schema}"`);
    });
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
    } finally {
      client.release();
    }
    return new PostgresStore(pool, schema);
  }

  async query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const client = await this.pool.connect();
    try {
      await client.query(`SET search_path TO "${this.schema}"`);
      return (await client.query(sql, params as unknown[])).rows as T[];
    } finally {
      client.release();
    }
  }

  async transaction<T>(fn: (tx: StoreDb) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: StoreDb = {
      kind: 'postgres',
      query: async (sql, params) => (await client.query(sql, (params ?? []) as unknown[])).rows,
      transaction: (inner) => inner(tx),
      close: async () => {},
    };
    try {
      await client.query(`SET search_path TO "${this.schema}"`);
      await client.query('BEGIN');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => {});
      throw e;
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** A timestamp as the store keeps it: UTC, `YYYY-MM-DD HH:MM:SS.mmm`. */
export function storeTime(d = new Date()): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

/** A stored timestamp as ISO 8601 (UTC). */
export function isoTime(stored: string | null | undefined): string {
  if (!stored) return '';
  const s = String(stored).replace(' ', 'T');
  return /[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`;
}
