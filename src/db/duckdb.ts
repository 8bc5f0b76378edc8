import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdbDialect, type Row, type SqlEngine } from './engine.js';

export class DuckDbEngine implements SqlEngine {
  readonly name = 'duckdb' as const;
  readonly dialect = duckdbDialect;

  private constructor(readonly instance: DuckDBInstance, readonly connection: DuckDBConnection, readonly path: string) {}

  /** Opens (creating if needed) a DuckDB database file, or an in-memory one for ':memory:'. */
  static async open(path = ':memory:', options: Record<string, string> = {}): Promise<DuckDbEngine> {
    const instance = await DuckDBInstance.create(path, options);
    const connection = await instance.connect();
    return new DuckDbEngine(instance, connection, path);
  }

  async exec(sql: string): Promise<void> {
    await this.connection.run(sql);
  }

  async all<T extends Row = Row>(sql: string): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql);
    return reader.getRowObjectsJS().map(toPlain) as T[];
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

function toPlain(row: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [k, v] of Object.entries(row)) out[k] = plain(v);
  return out;
}

function plain(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v === null || v === undefined) return null;
  if (typeof v === 'object') {
    // DuckDB decimal, date and timestamp values: their string forms are the canonical ones.
    const s = String(v);
    return s;
  }
  return v;
}
