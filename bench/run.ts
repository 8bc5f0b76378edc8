/**
 * `npm run bench`: screening speed end to end (files in, findings out) on generated data sets of about
 * 1 M and 10 M fee lines, from Parquet and from CSV, against the floor of DuckDB merely reading the same
 * CSV files. Data sets are cached under bench/data/. Prints one table and writes bench/results/*.json.
 *
 * BENCH_SIZES=1000000 npm run bench   limits the sizes (comma-separated fee-line counts).
 * BENCH_BASELINE_LINES=200000     lines given to the json-rules-engine baseline (row by row in JavaScript).
 * BENCH_REPEAT=3 (default)            runs each measurement that many times, interleaved (Parquet, CSV, floor,
 *                                     Parquet, …), and reports the run with the median total: on a shared
 *                                     2-core machine single runs swing by 30 % or more.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateBenchDataset } from './generate.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DATA = join(ROOT, 'bench', 'data');
const RESULTS = join(ROOT, 'bench', 'results');
const BIN = join(ROOT, 'bin', 'fundguard.js');
const BASELINE = join(ROOT, 'dist', 'bench', 'baseline-read-csv.js');
const JSON_RULES_BASELINE = join(ROOT, 'dist', 'bench', 'baseline-json-rules.js');
/** json-rules-engine handles a few thousand lines a second: it is timed on the first lines of each set. */
const JSON_RULES_LINES = Number(process.env.BENCH_BASELINE_LINES ?? 200_000);

interface Summary {
  seconds: { import: number; screen: number; write: number; total: number };
  peakMemoryMb: number;
  tables: { table: string; rows: number }[];
  rules: { code: string; status: string; findings: number; amount: number; ms: number; reason?: string }[];
  /** The shared pass over the fee lines that the restriction rules read from (see buildLineScopes). */
  lineScopes?: { ms: number; rules: number };
}

async function dataset(lines: number, format: 'csv' | 'parquet'): Promise<string> {
  const label = lines % 1_000_000 === 0 ? `b${lines / 1_000_000}m` : `b${lines}`;
  const dir = join(DATA, `${label}-${format}`);
  if (!existsSync(join(dir, `feedetl.${format}`))) {
    process.stderr.write(`generating ${lines.toLocaleString('en-US')} fee lines as ${format} in ${dir} …\n`);
    const r = await generateBenchDataset({ out: dir, feeLines: lines, format, seed: 1 });
    process.stderr.write(`  generated in ${r.seconds.toFixed(1)} s\n`);
  }
  return dir;
}

async function screen(dir: string, tag: string): Promise<Summary> {
  const summaryFile = join(RESULTS, `.summary-${tag}.json`);
  const out = join(DATA, `findings-${tag}.parquet`);
  const r = spawnSync(process.execPath, [BIN, 'screen', '--input', dir, '--out', out, '--quiet', '--summary-json', summaryFile], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fundguard screen failed on ${dir}:\n${r.stderr}`);
  return JSON.parse(await readFile(summaryFile, 'utf8')) as Summary;
}

function baseline(dir: string): { seconds: number; rows: number; peakMemoryMb: number } {
  const r = spawnSync(process.execPath, [BASELINE, dir], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`baseline failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

/** The element with the median value of `key` (the lower middle one for an even count). */
function median<T>(xs: T[], key: (x: T) => number): T {
  return [...xs].sort((a, b) => key(a) - key(b))[Math.floor((xs.length - 1) / 2)]!;
}

interface JsonRulesRun { seconds: number; lines: number; linesPerSecond: number; flagged: Record<string, number>; peakMemoryMb: number }

function jsonRulesBaseline(dir: string, lines: number): JsonRulesRun {
  const r = spawnSync(process.execPath, [JSON_RULES_BASELINE, dir, '--limit', String(lines)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`json-rules-engine baseline failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

const fmt = (n: number, d = 2) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const int = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1000000,10000000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
  await mkdir(RESULTS, { recursive: true });
  const runs: Record<string, unknown>[] = [];
  const rows: string[][] = [];
  const ruleRows = new Map<string, string[]>();
  for (const lines of sizes) {
    const pq = await dataset(lines, 'parquet');
    const csv = await dataset(lines, 'csv');
    const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
    const pqRuns: Summary[] = [];
    const csvRuns: Summary[] = [];
    const floors: ReturnType<typeof baseline>[] = [];
    for (let i = 0; i < repeat; i++) {
      pqRuns.push(await screen(pq, `${lines}-parquet`));
      csvRuns.push(await screen(csv, `${lines}-csv`));
      floors.push(baseline(csv));
    }
    const pqRun = median(pqRuns, (r) => r.seconds.total);
    const csvRun = median(csvRuns, (r) => r.seconds.total);
    const floor = median(floors, (r) => r.seconds);
    const jsonRules = jsonRulesBaseline(pq, Math.min(JSON_RULES_LINES, lines));
    const allTotals = { parquet: pqRuns.map((r) => r.seconds.total), csv: csvRuns.map((r) => r.seconds.total), csvFloor: floors.map((r) => r.seconds) };
    const feeLines = pqRun.tables.find((t) => t.table === 'feedetl')?.rows ?? lines;
    const findings = pqRun.rules.reduce((s, r) => s + r.findings, 0);
    rows.push([int(feeLines), 'parquet', fmt(pqRun.seconds.import), fmt(pqRun.seconds.screen), fmt(pqRun.seconds.write), fmt(pqRun.seconds.total), int(feeLines / pqRun.seconds.total), int(pqRun.peakMemoryMb), int(findings), '']);
    rows.push([int(feeLines), 'csv', fmt(csvRun.seconds.import), fmt(csvRun.seconds.screen), fmt(csvRun.seconds.write), fmt(csvRun.seconds.total), int(feeLines / csvRun.seconds.total), int(csvRun.peakMemoryMb), int(csvRun.rules.reduce((s, r) => s + r.findings, 0)), `${fmt(csvRun.seconds.total / floor.seconds)}× floor`]);
    rows.push([int(feeLines), 'csv floor', fmt(floor.seconds), '', '', fmt(floor.seconds), int(feeLines / floor.seconds), int(floor.peakMemoryMb), '', 'DuckDB read_csv into tables']);
    const pass = ruleRows.get('(fee-line pass)') ?? ['(fee-line pass)'];
    pass.push(int(pqRun.lineScopes?.ms ?? 0), '-');
    ruleRows.set('(fee-line pass)', pass);
    for (const r of pqRun.rules) {
      const row = ruleRows.get(r.code) ?? [r.code];
      row.push(r.status === 'ran' ? int(r.ms) : r.status, r.status === 'ran' ? int(r.findings) : '-');
      ruleRows.set(r.code, row);
    }
    runs.push({ feeLines, repeat, allTotals, jsonRules, fundguardToJsonRules: (feeLines / pqRun.seconds.total) / jsonRules.linesPerSecond, parquet: pqRun, csv: csvRun, csvFloor: floor, csvRatioToFloor: csvRun.seconds.total / floor.seconds, parquetLinesPerSecond: feeLines / pqRun.seconds.total });
  }
  const table = (headers: string[], body: string[][]) => {
    const w = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
    return [headers.map((h, i) => h.padStart(w[i]!)).join('  '), w.map((x) => '-'.repeat(x)).join('  '), ...body.map((r) => r.map((c, i) => (i === 0 || i === 1 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  '))].join('\n');
  };
  console.log(`\nFundguard screening benchmark — ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}`);
  console.log(`end to end: files in (import + checks), 24 rules, findings out (Parquet); seconds; median of ${process.env.BENCH_REPEAT ?? 3} interleaved runs\n`);
  console.log(table(['fee lines', 'input', 'import', 'rules', 'write', 'total', 'lines/s', 'peak MB', 'findings', 'note'], rows));
  for (const r of runs as { feeLines: number; allTotals: Record<string, number[]> }[]) {
    console.log(`  every run at ${int(r.feeLines)} lines (s): ${Object.entries(r.allTotals).map(([k, v]) => `${k} ${v.map((x) => fmt(x)).join(' / ')}`).join('; ')}`);
  }
  console.log('\nbaseline: the 7 line-level restriction rules (gender, age, level, visit type, price cap, non-covered, days of');
  console.log('supply) evaluated row by row in JavaScript with json-rules-engine, joins as JavaScript maps (bench/baseline-json-rules.ts)');
  for (const r of runs as { feeLines: number; jsonRules: JsonRulesRun; parquetLinesPerSecond: number; fundguardToJsonRules: number }[]) {
    console.log(`  ${int(r.feeLines)}-line set: baseline ${int(r.jsonRules.linesPerSecond)} lines/s over its first ${int(r.jsonRules.lines)} lines ` +
      `(peak ${int(r.jsonRules.peakMemoryMb)} MB); Fundguard, all 24 rules and every check, ${int(r.parquetLinesPerSecond)} lines/s: ` +
      `${fmt(r.fundguardToJsonRules, 0)}× the baseline`);
  }
  console.log('\nper rule (Parquet input): milliseconds and findings');
  console.log(table(['rule', ...sizes.flatMap((s) => [`ms @${int(s)}`, 'findings'])], [...ruleRows.values()]));
  const result = { at: new Date().toISOString(), machine: { cores: cpus().length, memoryGiB: totalmem() / 2 ** 30, node: process.version }, runs };
  const stamp = result.at.replace(/[:.]/g, '-');
  await writeFile(join(RESULTS, `screening-${stamp}.json`), JSON.stringify(result, null, 2));
  await writeFile(join(RESULTS, 'screening-latest.json'), JSON.stringify(result, null, 2));
  console.log(`\nwritten: bench/results/screening-${stamp}.json`);
}

await main();
