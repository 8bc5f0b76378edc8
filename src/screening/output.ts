/** Writes the findings of a workspace as the exchange format's screening output (CSV or Parquet). */
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { to as copyTo } from 'pg-copy-streams';
import { DuckDbEngine } from '../db/duckdb.js';
import { quote, type SqlEngine } from '../db/engine.js';
import type { PostgresEngine } from '../db/postgres.js';
import { FINDINGS_TABLE } from '../workspace/schema.js';
import { FINDINGS_ORDER } from './findings.js';
import { FINDING_COLUMNS } from './rule.js';
import { FINDING_TYPES } from './sql.js';

function outputQuery(): string {
  return `SELECT ${FINDING_COLUMNS.join(', ')} FROM ${FINDINGS_TABLE} ORDER BY ${FINDINGS_ORDER}`;
}

export async function writeFindingsFile(engine: SqlEngine, out: string): Promise<void> {
  const path = resolve(out);
  await mkdir(dirname(path), { recursive: true });
  const parquet = /\.parquet$/i.test(path);
  if (engine instanceof DuckDbEngine) {
    await engine.exec(`COPY (${outputQuery()}) TO ${quote(path)} (FORMAT ${parquet ? 'parquet' : 'csv'}${parquet ? '' : ', HEADER true'})`);
    return;
  }
  const pg = engine as PostgresEngine;
  if (!parquet) {
    await pipeline(pg.client.query(copyTo(`COPY (${outputQuery()}) TO STDOUT WITH (FORMAT csv, HEADER true)`)), createWriteStream(path));
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), 'fundguard-out-'));
  const csv = join(dir, 'findings.csv');
  try {
    await pipeline(pg.client.query(copyTo(`COPY (${outputQuery()}) TO STDOUT WITH (FORMAT csv, HEADER true)`)), createWriteStream(csv));
    const duck = await DuckDbEngine.open(':memory:');
    try {
      await duck.exec(
        `COPY (SELECT * FROM read_csv(${quote(csv)}, header=true, auto_detect=false, columns={${FINDING_COLUMNS.map((c) => `'${c}': '${FINDING_TYPES[c]}'`).join(', ')}})) TO ${quote(path)} (FORMAT parquet)`,
      );
    } finally {
      await duck.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
