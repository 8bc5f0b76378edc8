import pg from 'pg';
import { postgresDialect, type Row, type SqlEngine, type SqlValue } from './engine.js';

/**
 * How PostgreSQL's values arrive: DATE, TIMESTAMP and NUMERIC as text, exactly DuckDB's canonical forms, and
 * BIGINT as a number, so that findings and stored records have the same shapes on both engines.
 */
export const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 1082 || oid === 1114 || oid === 1700) return (v: string) => v;
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

export class PostgresEngine implements SqlEngine {
  readonly name = 'postgres' as const;
  readonly dialect = postgresDialect;

  private constructor(
    readonly client: pg.Client,
    readonly schema: string,
  ) {}

  /** Connects and makes `schema` the search path (created if missing). */
  static async connect(url: string, schema: string): Promise<PostgresEngine> {
    const client = new pg.Client({ connectionString: url, types: pgTypes });
    await client.connect();
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await client.query(`SET search_path TO "${schema}"`);
    await client.query(`SET client_min_messages TO warning`);
    return new PostgresEngine(client, schema);
  }

  async exec(sql: string): Promise<void> {
    await this.client.query(sql);
  }

  async all<T extends Row = Row>(sql: string): Promise<T[]> {
    const res = await this.client.query(sql);
    return res.rows as T[];
  }

  async query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const res = await this.client.query(sql, params as unknown[]);
    return res.rows as T[];
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
