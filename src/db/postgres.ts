import pg from 'pg';
import { postgresDialect, type Row, type SqlEngine, type SqlValue } from './engine.js';

// Keep DATE, TIMESTAMP and NUMERIC as strings, exactly as DuckDB's canonical forms, so that
// findings from both engines compare equal.
const types = {
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
    const client = new pg.Client({ connectionString: url, types });
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
