import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { duckdbDialect, type Row, type SqlEngine, type SqlValue } from './engine.js';

export class DuckDbEngine implements SqlEngine {
  readonly name = 'duckdb' as const;
  readonly dialect = duckdbDialect;

  private constructor(
    readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection,
    readonly path: string,
  ) {}

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

  async query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return runQuery<T>(this.connection, sql, params);
  }

  /** Another connection to the same database (for work that should not wait on this one). */
  async connect(): Promise<DuckDBConnection> {
    return this.instance.connect();
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Runs a parameterised query on a connection; integers go in as BIGINT, other numbers as DOUBLE. */
export async function runQuery<T extends Row = Row>(
  connection: DuckDBConnection,
  sql: string,
  params: readonly SqlValue[] = [],
): Promise<T[]> {
  if (params.length === 0) return (await connection.runAndReadAll(sql)).getRowObjectsJS().map(toPlain) as T[];
  const values = params.map((p) => (typeof p === 'number' && Number.isInteger(p) ? BigInt(p) : p));
  const reader = await connection.runAndReadAll(sql, values as never);
  return reader.getRowObjectsJS().map(toPlain) as T[];
}

/**
 * A few connections to one DuckDB database, for requests served side by side. Each connection runs one query at
 * a time; queries wait in one queue and each goes to the first connection that is free, so a slow query holds up
 * only its own connection, never the queries that arrived after it.
 */
export class DuckDbPool {
  private readonly idle: DuckDBConnection[];
  private readonly waiting: Array<(c: DuckDBConnection) => void> = [];

  private constructor(private readonly connections: DuckDBConnection[]) {
    this.idle = [...connections];
  }

  static async create(engine: DuckDbEngine, size = 4): Promise<DuckDbPool> {
    const connections: DuckDBConnection[] = [];
    for (let i = 0; i < size; i++) connections.push(await engine.connect());
    return new DuckDbPool(connections);
  }

  async query<T extends Row = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const connection = this.idle.pop() ?? (await new Promise<DuckDBConnection>((resolve) => this.waiting.push(resolve)));
    try {
      return await runQuery<T>(connection, sql, params);
    } finally {
      const next = this.waiting.shift();
      if (next) next(connection);
      else this.idle.push(connection);
    }
  }

  close(): void {
    for (const c of this.connections) c.closeSync();
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
