/**
 * The floor for CSV screening: DuckDB merely reading every CSV file of a data set into in-memory tables
 * (type detection on, nothing checked, no rules), as fast as DuckDB can: without keeping row order, which
 * Fundguard's own first read does too. Run as its own process so it is timed like `fundguard`.
 * Prints one JSON line: { seconds, rows, peakMemoryMb }.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDbEngine } from '../src/db/duckdb.js';
import { quote } from '../src/db/engine.js';
import { isTableName } from '../src/exchange/tables.js';

const dir = process.argv[2];
if (!dir) throw new Error('usage: baseline-read-csv DIR');
const started = performance.now();
const engine = await DuckDbEngine.open(':memory:');
await engine.exec('SET preserve_insertion_order = false');
let rows = 0;
// Only the tables of the format: a data set's labels.csv is not read by Fundguard either.
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.csv') && isTableName(f.replace(/\.csv$/, ''))).sort()) {
  const table = file.replace(/\.csv$/, '');
  await engine.exec(`CREATE TABLE ${quote(table).replace(/'/g, '"')} AS SELECT * FROM read_csv(${quote(join(dir, file))}, header=true)`);
  const [r] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM "${table}"`);
  rows += Number(r?.n ?? 0);
}
await engine.close();
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, rows, peakMemoryMb: process.resourceUsage().maxRSS / 1024 }));
