/**
 * `npm run bench`: the synthetic city at about 1 M and 10 M fee lines — generation, then screening end to end
 * (files in, every import check, every rule, findings out) from Parquet and from CSV, against the floor of DuckDB
 * merely reading the same CSV files; detection (precision and recall per code) against the city's labels; and
 * the row-by-row json-rules-engine baseline; the workbench's answer times, and under 50 users at once (bench/load.ts); early warning (precision and recall
 * against the drifting institutions of three cities). Cities are cached under bench/data/. Prints the tables and writes
 * bench/results/*.json.
 *
 * BENCH_SIZES=1000000 npm run bench   limits the sizes (comma-separated fee-line targets; a city of
 *                                     size / 42 persons over 12 months is about that many lines).
 * BENCH_BASELINE_LINES=200000         lines given to the json-rules-engine baseline (row by row in JavaScript).
 * BENCH_REPEAT=3 (default)            runs each screening that many times, interleaved (Parquet, CSV, floor,
 *                                     Parquet, …), and reports the run with the median total: on a shared
 *                                     2-core machine single runs swing by 30 % or more.
 * BENCH_MONITORING_LINES=10000000     early warning is measured on cities of this size (their hospitals admit
 * BENCH_MONITORING_SEEDS=1,2,3        patients by the hundred a month), one per seed, against drift_labels.csv.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDbEngine } from '../src/db/duckdb.js';
import { evaluateDetection, type CodeDetection } from '../src/evaluation/detection.js';
import { LINES_PER_PERSON_YEAR } from '../src/synthetic/generate.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const DATA = join(ROOT, 'bench', 'data');
const RESULTS = join(ROOT, 'bench', 'results');
const BIN = join(ROOT, 'bin', 'fundguard.cjs');
const DIST = join(ROOT, 'dist', 'bench');
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

interface Generated {
  seconds: number;
  peakMemoryMb: number;
  tables: Record<string, number>;
  labels: Record<string, number>;
  drifting: number;
}

function node(script: string, args: string[], env: Record<string, string> = {}): string {
  const r = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${script} failed:\n${r.stderr}`);
  return r.stdout;
}

/** The city for a fee-line target, generated once and cached with the figures of its generation. */
async function city(lines: number, format: 'csv' | 'parquet', seed = 1): Promise<{ dir: string; generated: Generated }> {
  const persons = Math.round(lines / LINES_PER_PERSON_YEAR);
  const dir = join(DATA, `city-${persons}${seed === 1 ? '' : `-s${seed}`}-${format}`);
  const stats = join(dir, '.generated.json');
  if (!existsSync(join(dir, `feedetl.${format}`)) || !existsSync(stats)) {
    process.stderr.write(`generating a city of ${persons.toLocaleString('en-US')} persons as ${format} in ${dir} …\n`);
    const out = node(join(DIST, 'generate-city.js'), [
      '--out',
      dir,
      '--persons',
      String(persons),
      '--format',
      format,
      '--months',
      '12',
      '--seed',
      String(seed),
    ]);
    await writeFile(stats, out.trim().split('\n').pop()!);
  }
  return { dir, generated: JSON.parse(await readFile(stats, 'utf8')) as Generated };
}

async function screen(dir: string, tag: string): Promise<Summary> {
  const summaryFile = join(RESULTS, `.summary-${tag}.json`);
  node(BIN, ['screen', '--input', dir, '--out', findingsFile(tag), '--quiet', '--summary-json', summaryFile]);
  return JSON.parse(await readFile(summaryFile, 'utf8')) as Summary;
}

const findingsFile = (tag: string) => join(DATA, `findings-${tag}.parquet`);

function csvFloor(dir: string): { seconds: number; rows: number; peakMemoryMb: number } {
  return JSON.parse(node(join(DIST, 'baseline-read-csv.js'), [dir]).trim().split('\n').pop()!);
}

interface JsonRulesRun {
  seconds: number;
  lines: number;
  linesPerSecond: number;
  flagged: Record<string, number>;
  peakMemoryMb: number;
}

function jsonRulesBaseline(dir: string, lines: number): JsonRulesRun {
  return JSON.parse(
    node(join(DIST, 'baseline-json-rules.js'), [dir, '--limit', String(lines)])
      .trim()
      .split('\n')
      .pop()!,
  );
}

async function detection(labels: string, findings: string): Promise<CodeDetection[]> {
  const engine = await DuckDbEngine.open(':memory:');
  try {
    return await evaluateDetection(engine, labels, findings);
  } finally {
    await engine.close();
  }
}

/** The element with the median value of `key` (the lower middle one for an even count). */
function median<T>(xs: T[], key: (x: T) => number): T {
  return [...xs].sort((a, b) => key(a) - key(b))[Math.floor((xs.length - 1) / 2)]!;
}

const fmt = (n: number, d = 2) => n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const int = (n: number) => Math.round(n).toLocaleString('en-US');
const rate = (lines: number, seconds: number) => (seconds > 0 ? `${fmt(lines / seconds / 1e6, 2)} M/s` : '');
const ratio = (x: number | null) => (x === null ? '-' : x.toFixed(2));

function table(headers: string[], body: string[][], left = 1): string {
  const w = headers.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const cell = (c: string, i: number) => (i < left ? c.padEnd(w[i]!) : c.padStart(w[i]!));
  return [
    headers.map(cell).join('  '),
    w.map((x) => '-'.repeat(x)).join('  '),
    ...body.map((r) => r.map((c, i) => cell(c ?? '', i)).join('  ')),
  ].join('\n');
}

async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '1000000,10000000')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => n > 0);
  const repeat = Math.max(1, Number(process.env.BENCH_REPEAT ?? 3));
  await mkdir(RESULTS, { recursive: true });
  const runs: Record<string, unknown>[] = [];
  const stageRows: string[][] = [];
  const ruleRows = new Map<string, string[]>();
  const detectionRows = new Map<string, string[]>();
  const notes: string[] = [];
  for (const target of sizes) {
    const pq = await city(target, 'parquet');
    const csv = await city(target, 'csv');
    const pqRuns: Summary[] = [];
    const csvRuns: Summary[] = [];
    const floors: ReturnType<typeof csvFloor>[] = [];
    for (let i = 0; i < repeat; i++) {
      pqRuns.push(await screen(pq.dir, `${target}-parquet`));
      csvRuns.push(await screen(csv.dir, `${target}-csv`));
      floors.push(csvFloor(csv.dir));
    }
    const pqRun = median(pqRuns, (r) => r.seconds.total);
    const csvRun = median(csvRuns, (r) => r.seconds.total);
    const floor = median(floors, (r) => r.seconds);
    const lines = pq.generated.tables.feedetl ?? target;
    const jsonRules = jsonRulesBaseline(pq.dir, Math.min(JSON_RULES_LINES, lines));
    const detected = await detection(join(pq.dir, 'labels.csv'), findingsFile(`${target}-parquet`));

    for (const [input, g] of [
      ['parquet', pq.generated],
      ['csv', csv.generated],
    ] as const) {
      stageRows.push([int(lines), `generate ${input}`, fmt(g.seconds), rate(lines, g.seconds), int(g.peakMemoryMb), '']);
    }
    for (const [input, r] of [
      ['parquet', pqRun],
      ['csv', csvRun],
    ] as const) {
      const findings = r.rules.reduce((s, x) => s + x.findings, 0);
      stageRows.push([int(lines), `${input}: import + checks`, fmt(r.seconds.import), rate(lines, r.seconds.import), '', '']);
      stageRows.push([int(lines), `${input}: rules`, fmt(r.seconds.screen), rate(lines, r.seconds.screen), '', '']);
      stageRows.push([int(lines), `${input}: write findings`, fmt(r.seconds.write), '', '', '']);
      stageRows.push([
        int(lines),
        `${input}: total`,
        fmt(r.seconds.total),
        rate(lines, r.seconds.total),
        int(r.peakMemoryMb),
        `${int(findings)} findings${input === 'csv' ? `; ${fmt(r.seconds.total / floor.seconds)}× the CSV floor` : ''}`,
      ]);
    }
    stageRows.push([
      int(lines),
      'csv floor (DuckDB read_csv)',
      fmt(floor.seconds),
      rate(lines, floor.seconds),
      int(floor.peakMemoryMb),
      'reading the same CSV files into tables, nothing else',
    ]);

    const pass = ruleRows.get('(fee-line pass)') ?? ['(fee-line pass)'];
    pass.push(int(pqRun.lineScopes?.ms ?? 0), '', '-');
    ruleRows.set('(fee-line pass)', pass);
    for (const r of pqRun.rules) {
      const row = ruleRows.get(r.code) ?? [r.code];
      row.push(
        r.status === 'ran' ? int(r.ms) : r.status,
        r.status === 'ran' && r.ms > 0 ? rate(lines, r.ms / 1000) : '',
        r.status === 'ran' ? int(r.findings) : '-',
      );
      ruleRows.set(r.code, row);
    }
    for (const d of detected) {
      const row = detectionRows.get(d.code) ?? [d.code];
      row.push(int(d.labels), int(d.findings), ratio(d.precision), ratio(d.recall));
      detectionRows.set(d.code, row);
    }
    const fundguardRate = lines / pqRun.seconds.total;
    notes.push(
      `  ${int(lines)} lines: baseline ${int(jsonRules.linesPerSecond)} lines/s over its first ${int(jsonRules.lines)} lines (peak ${int(jsonRules.peakMemoryMb)} MB); ` +
        `Fundguard, every rule and every check, ${int(fundguardRate)} lines/s from Parquet: ${fmt(fundguardRate / jsonRules.linesPerSecond, 0)}× the baseline`,
    );
    runs.push({
      feeLines: lines,
      persons: Math.round(target / LINES_PER_PERSON_YEAR),
      repeat,
      generated: { parquet: pq.generated, csv: csv.generated },
      allTotals: {
        parquet: pqRuns.map((r) => r.seconds.total),
        csv: csvRuns.map((r) => r.seconds.total),
        csvFloor: floors.map((r) => r.seconds),
      },
      parquet: pqRun,
      csv: csvRun,
      csvFloor: floor,
      csvRatioToFloor: csvRun.seconds.total / floor.seconds,
      parquetLinesPerSecond: fundguardRate,
      jsonRules,
      fundguardToJsonRules: fundguardRate / jsonRules.linesPerSecond,
      detection: detected,
    });
  }

  console.log(
    `\nFundguard benchmark — ${cpus().length} cores, ${fmt(totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}; synthetic city, seed 1, 12 months`,
  );
  console.log(`screening end to end (files in, import checks, every rule, findings out); median of ${repeat} interleaved runs\n`);
  console.log(table(['fee lines', 'stage', 'seconds', 'lines/s', 'peak MB', 'note'], stageRows, 2));
  for (const r of runs as { feeLines: number; allTotals: Record<string, number[]> }[]) {
    console.log(
      `  every run at ${int(r.feeLines)} lines (s): ${Object.entries(r.allTotals)
        .map(([k, v]) => `${k} ${v.map((x) => fmt(x)).join(' / ')}`)
        .join('; ')}`,
    );
  }
  console.log('\nper rule (Parquet input): milliseconds, lines per second, findings');
  const lineCounts = (runs as { feeLines: number }[]).map((r) => int(r.feeLines));
  console.log(table(['rule', ...lineCounts.flatMap((s) => [`ms @${s}`, 'lines/s', 'findings'])], [...ruleRows.values()]));
  console.log("\ndetection against the city's labels (labels.csv): precision and recall per code");
  console.log(
    table(['rule', ...lineCounts.flatMap((s) => [`labels @${s}`, 'findings', 'precision', 'recall'])], [...detectionRows.values()]),
  );
  console.log('\nbaseline: the 7 line-level restriction rules (gender, age, level, visit type, price cap, non-covered, days of');
  console.log('supply) evaluated row by row in JavaScript with json-rules-engine, joins as JavaScript maps (bench/baseline-json-rules.ts)');
  for (const n of notes) console.log(n);
  // The workbench with a million findings (findings of the smallest city copied with other keys).
  // Its workspace is kept (bench/data/workspace-1m-findings.duckdb) for the load below and reused by the next run.
  const millionWorkspace = join(DATA, 'workspace-1m-findings.duckdb');
  const workbenchOut = node(join(DIST, 'workbench.js'), [(await city(sizes[0]!, 'parquet')).dir], { BENCH_WORKSPACE: millionWorkspace });
  process.stdout.write(
    workbenchOut
      .split('\n')
      .filter((l) => !l.startsWith('{'))
      .join('\n'),
  );
  const workbench = JSON.parse(workbenchOut.trim().split('\n').pop()!);
  // Many users at once (issue 13): 50 sessions of 40 requests each on the demo city and on the million findings.
  // BENCH_LOAD_BEFORE=<another checkout>/bin/fundguard.js measures an earlier server too, in the same run.
  const servers: Array<[string, string]> = [['this server', BIN]];
  if (process.env.BENCH_LOAD_BEFORE) servers.unshift(['before', resolve(process.env.BENCH_LOAD_BEFORE)]);
  console.log('\nmany users at once: 50 sessions × 40 requests (findings pages, finding details, overview), server in its own process');
  const load = [];
  for (const mode of ['demo', 'million'])
    for (const [label, bin] of servers) {
      const out = node(join(DIST, 'load.js'), [mode, '--bin', bin, '--label', `${mode}, ${label}`], { BENCH_WORKSPACE: millionWorkspace });
      process.stdout.write(
        out
          .split('\n')
          .filter((l) => !l.startsWith('{'))
          .join('\n'),
      );
      load.push(JSON.parse(out.trim().split('\n').pop()!));
    }
  // Early warning (预警) against the drifting institutions of cities large enough for monthly figures to mean something.
  const monitoringLines = Number(process.env.BENCH_MONITORING_LINES ?? 10_000_000);
  const seeds = (process.env.BENCH_MONITORING_SEEDS ?? '1,2,3')
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  const monitoringCities = [];
  for (const seed of seeds) monitoringCities.push((await city(monitoringLines, 'parquet', seed)).dir);
  console.log(
    `\nearly warning: default thresholds, cities of ${int(monitoringLines)} lines, seeds ${seeds.join(', ')}; labels in drift_labels.csv`,
  );
  const monitoringOut = node(join(DIST, 'monitoring.js'), monitoringCities);
  process.stdout.write(
    monitoringOut
      .split('\n')
      .filter((l) => !l.startsWith('{'))
      .join('\n'),
  );
  const monitoring = JSON.parse(monitoringOut.trim().split('\n').pop()!);
  const result = {
    at: new Date().toISOString(),
    machine: { cores: cpus().length, memoryGiB: totalmem() / 2 ** 30, node: process.version },
    runs,
    workbench,
    load,
    monitoring,
  };
  const stamp = result.at.replace(/[:.]/g, '-');
  await writeFile(join(RESULTS, `bench-${stamp}.json`), JSON.stringify(result, null, 2));
  await writeFile(join(RESULTS, 'bench-latest.json'), JSON.stringify(result, null, 2));
  console.log(`\nwritten: bench/results/bench-${stamp}.json`);
}

await main();
