/**
 * node dist/bench/generate-cli.js --out DIR --lines N --format csv|parquet [--seed S] [--any-order] [--memory 1GB] [--violation-rate X] [--verbose]
 * Writes a synthetic exchange-format data set for benchmarks (see generate.ts) and prints the rows per table,
 * the seconds taken and the peak memory (RSS).
 */
import { generateBenchDataset } from './generate.js';

function usage(message?: string): never {
  if (message) console.error(`error: ${message}`);
  console.error('usage: node dist/bench/generate-cli.js --out DIR --lines N --format csv|parquet [--seed S] [--any-order] [--memory 1GB] [--violation-rate X] [--verbose]');
  console.error('  --lines      number of fee lines; 100k and 10M style suffixes work');
  console.error('  --any-order  write the fee lines on all threads (faster when cores are free; row order then varies between runs)');
  console.error('  --memory     DuckDB memory limit (default 1GB)');
  console.error('  --violation-rate  multiplies every deliberate violation share (default 1; 0: only what the background breaks)');
  console.error('  --verbose    print the time of each step');
  process.exit(2);
}

function parseCount(s: string | undefined, what: string): number {
  if (!s) usage(`${what} needs a value`);
  const n = Number(s.replace(/_/g, '').replace(/[kK]$/, 'e3').replace(/[mM]$/, 'e6'));
  if (!Number.isFinite(n) || n < 0 || !Number.isInteger(n)) usage(`${what}: not a whole number: ${s}`);
  return n;
}

const args = process.argv.slice(2);
let out: string | undefined;
let lines: number | undefined;
let format: 'csv' | 'parquet' = 'csv';
let seed = 1;
let exactOrder = true;
let verbose = false;
let memoryLimit: string | undefined;
let violationRate = 1;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  const next = () => args[++i];
  if (a === '--out') out = next();
  else if (a === '--lines') lines = parseCount(next(), '--lines');
  else if (a === '--format') {
    const f = next();
    if (f !== 'csv' && f !== 'parquet') usage(`--format must be csv or parquet, not ${f ?? '(nothing)'}`);
    format = f;
  } else if (a === '--seed') seed = parseCount(next(), '--seed');
  else if (a === '--any-order') exactOrder = false;
  else if (a === '--violation-rate') {
    violationRate = Number(next());
    if (!Number.isFinite(violationRate) || violationRate < 0) usage('--violation-rate must be a number ≥ 0');
  }
  else if (a === '--verbose') verbose = true;
  else if (a === '--memory') memoryLimit = next() ?? usage('--memory needs a value');
  else if (a === '--help' || a === '-h') usage();
  else usage(`unknown argument ${a}`);
}
if (!out) usage('--out is required');
if (lines === undefined || lines < 1) usage('--lines is required (at least 1)');

const result = await generateBenchDataset({ out, feeLines: lines, format, seed, exactOrder, verbose, violationRate, ...(memoryLimit ? { memoryLimit } : {}) });
const width = Math.max(...Object.keys(result.tables).map((t) => t.length));
for (const [table, rows] of Object.entries(result.tables)) console.log(`${table.padEnd(width)}  ${rows.toLocaleString('en-US').padStart(14)}`);
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`${format}, seed ${seed}: ${result.seconds.toFixed(1)} s, peak RSS ${rss.toFixed(0)} MB → ${out}`);
