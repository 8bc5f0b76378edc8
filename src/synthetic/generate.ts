/**
 * `fundguard generate`: a synthetic city in the exchange format, with every violation code injected at a
 * configurable rate and recorded in labels.csv, and drifting institutions recorded in drift_labels.csv.
 *
 * The city and catalogue are built from the seed; each district is a shard generated on its own (on worker
 * threads when there are cores to spare) into part files, which are then joined per table in district order.
 * The same seed therefore gives the same bytes however many threads run. Memory stays bounded: a shard
 * holds its persons and small trackers, never the fee lines.
 */
import { existsSync } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import { DuckDbEngine } from '../db/duckdb.js';
import { duckdbDialect, quote } from '../db/engine.js';
import { TABLES, type TableName } from '../exchange/tables.js';
import { Calendar } from './calendar.js';
import { buildCatalogue } from './catalogue.js';
import { buildCity, type City } from './city.js';
import { csvText, qty } from './output.js';
import { Shard, type ShardOptions, type ShardResult } from './shard.js';
import { LABEL_COLUMNS } from './violations.js';

export interface GenerateCityOptions {
  out: string;
  /** Insured persons (default 20,000: about 850,000 fee lines a year). */
  persons?: number;
  /** Months covered, from startMonth (default 12). */
  months?: number;
  /** First month, YYYY-MM (default 2024-01). */
  startMonth?: string;
  seed?: number;
  format?: 'csv' | 'parquet';
  /** Multiplies every injection rate (default 1; 0 gives a clean city). */
  violationRate?: number;
  /** Worker processes (default: the number of cores, at most 4; 0 runs the shards in this process). */
  workers?: number;
  onProgress?: (step: string, done: number, total: number) => void;
}

export interface GenerateCityResult {
  dir: string;
  tables: Record<string, number>;
  labels: Record<string, number>;
  drifting: number;
  seconds: number;
  /** Peak resident memory in MB: this process, and all processes together (this one and its workers while the
   * shards ran, each counted at its own peak; this one alone while the tables were written). */
  peakMemoryMb: { main: number; total: number };
}

/** Fee lines a person brings per year, measured on generated cities (to size a city for a target). */
export const LINES_PER_PERSON_YEAR = 42;

const FACT_TABLES: TableName[] = ['psn', 'setl', 'diag', 'feedetl', 'idauth', 'inv_sale', 'inv_purc', 'inv_stock'];

export async function generateCity(options: GenerateCityOptions): Promise<GenerateCityResult> {
  const started = performance.now();
  const opts = {
    persons: options.persons ?? 20_000,
    months: options.months ?? 12,
    startMonth: options.startMonth ?? '2024-01',
    seed: options.seed ?? 1,
    format: options.format ?? 'csv',
    violationRate: options.violationRate ?? 1,
  };
  if (!Number.isInteger(opts.persons) || opts.persons < 500) throw new Error('persons must be a whole number of at least 500');
  if (!Number.isInteger(opts.months) || opts.months < 1 || opts.months > 60) throw new Error('months must be between 1 and 60');
  if (!(opts.violationRate >= 0)) throw new Error('violation rate must be 0 or more');
  const progress = options.onProgress ?? (() => {});
  const out = resolve(options.out);
  await mkdir(out, { recursive: true });
  for (const t of Object.keys(TABLES)) for (const ext of ['csv', 'parquet']) await rm(join(out, `${t}.${ext}`), { force: true });
  const parts = join(out, `.parts-${process.pid}`);
  await rm(parts, { recursive: true, force: true });
  await mkdir(parts, { recursive: true });

  try {
    const calendar = new Calendar(opts.startMonth, opts.months);
    const city = buildCity({ persons: opts.persons, seed: opts.seed, calendar, violationRate: opts.violationRate });
    await writeReferenceTables(parts, city, calendar);

    const shards = city.districts.map((d) => d.index).sort((a, b) => city.districts[b]!.persons - city.districts[a]!.persons);
    const workers = Math.min(shards.length, options.workers ?? Math.min(4, cpus().length));
    const results: ShardResult[] = [];
    const workerPeaks: number[] = [];
    let done = 0;
    progress('generate', 0, shards.length);
    const base: Omit<ShardOptions, 'district'> = { ...opts, partsDir: parts };
    if (workers <= 0) {
      for (const d of shards) {
        results.push(new Shard({ ...base, district: d }).run());
        progress('generate', ++done, shards.length);
      }
    } else {
      const queue = [...shards];
      await Promise.all(
        Array.from({ length: workers }, async () => {
          const worker = new ShardWorker();
          try {
            for (let d = queue.shift(); d !== undefined; d = queue.shift()) {
              results.push(await worker.run({ ...base, district: d }));
              progress('generate', ++done, shards.length);
            }
          } finally {
            await worker.close();
            workerPeaks.push(worker.peakMemoryMb);
          }
        }),
      );
    }
    results.sort((a, b) => a.district - b.district);
    // While the shards ran, this process and the workers were all alive: their peaks add up.
    const duringShards = process.resourceUsage().maxRSS / 1024 + workerPeaks.reduce((s, x) => s + x, 0);

    progress('write', 0, 1);
    const tables: Record<string, number> = {};
    const refs: TableName[] = ['fixmedins', 'practitioner', 'hilist', 'hilist_rel'];
    const all: TableName[] = [...refs, ...FACT_TABLES];
    const filesOf = (t: TableName) =>
      refs.includes(t) ? [join(parts, `${t}.csv`)] : results.map((r) => join(parts, `${t}.${String(r.district).padStart(3, '0')}.csv`));
    let written = 0;
    const write = async (t: TableName) => {
      if (opts.format === 'parquet') tables[t] = await toParquet(t, filesOf(t), join(out, `${t}.parquet`));
      else {
        const rows = await concat(filesOf(t), join(out, `${t}.csv`), header(t), [], refs.includes(t));
        tables[t] = refs.includes(t) ? rows : results.reduce((s, r) => s + (r.rows[t] ?? 0), 0);
      }
      progress(`write ${t}`, ++written, all.length);
    };
    // Parquet is written on one DuckDB thread per table (for the same bytes every time): the fee lines on one
    // thread while the other tables take the other core.
    const chain = async (ts: TableName[]) => {
      for (const t of ts) await write(t);
    };
    await Promise.all([chain(['feedetl']), chain(all.filter((t) => t !== 'feedetl'))]);
    await concat(
      results.map((r) => join(parts, `labels.${String(r.district).padStart(3, '0')}.csv`)),
      join(out, 'labels.csv'),
      LABEL_COLUMNS.join(','),
    );
    const drifting = city.institutions.filter((i) => i.drift);
    await concat(
      [],
      join(out, 'drift_labels.csv'),
      'fixmedins_code,month,indicator,factor',
      drifting.map((i) => `${i.code},${calendar.monthText(i.drift!.month)},${i.drift!.indicator},${i.drift!.factor}`),
    );
    progress('write', 1, 1);
    const labels: Record<string, number> = {};
    for (const r of results) for (const [k, n] of Object.entries(r.labels)) labels[k] = (labels[k] ?? 0) + n;
    const main = process.resourceUsage().maxRSS / 1024;
    return {
      dir: out,
      tables,
      labels,
      drifting: drifting.length,
      seconds: (performance.now() - started) / 1000,
      peakMemoryMb: { main, total: Math.max(main, duringShards) },
    };
  } finally {
    await rm(parts, { recursive: true, force: true });
  }
}

/** The format's columns as published (the generator fills none of Fundguard's extension columns). */
function header(t: TableName): string {
  return TABLES[t].columns
    .filter((c) => !c.extension)
    .map((c) => c.name)
    .join(',');
}

async function writeReferenceTables(dir: string, city: City, calendar: Calendar): Promise<void> {
  const rows: Record<string, string[]> = { fixmedins: [], practitioner: [], hilist: [], hilist_rel: [] };
  for (const i of city.institutions) {
    rows.fixmedins!.push(
      [
        i.code,
        csvText(i.name),
        i.type,
        i.level ?? '',
        i.kind,
        i.admdvs,
        i.grid,
        i.status,
        i.statusFrom === null ? '' : calendar.date(i.statusFrom),
      ].join(','),
    );
  }
  for (const p of city.practitioners) {
    for (const inst of p.institutions) {
      rows.practitioner!.push(
        [
          p.code,
          csvText(p.name),
          city.institutions[inst]!.code,
          p.suspendedFrom === null ? 'normal' : 'suspended',
          p.suspendedFrom === null ? '' : calendar.date(p.suspendedFrom),
        ].join(','),
      );
    }
  }
  const cat = buildCatalogue();
  const num = (x: number | undefined) => (x === undefined ? '' : qty(x));
  for (const it of cat.items) {
    rows.hilist!.push(
      [
        it.code,
        csvText(it.name),
        it.listType,
        it.chrgitmLv,
        it.drugGroup ?? '',
        it.rx === undefined ? '' : it.rx ? '1' : '0',
        num(it.capLv3),
        num(it.capLv2),
        num(it.capLv1),
        it.lmtGend ?? '',
        num(it.lmtAgeMin),
        num(it.lmtAgeMax),
        num(it.lmtHospLvMin),
        it.lmtMedTypes?.join('|') ?? '',
        it.lmtDisePrefixes?.join('|') ?? '',
        num(it.maxDays),
        num(it.maxCntPerDay),
        num(it.maxCntPer7d),
      ].join(','),
    );
  }
  for (const r of cat.relations) rows.hilist_rel!.push(`${r.relType},${r.itemA},${r.itemB}`);
  for (const [t, lines] of Object.entries(rows)) await concat([], join(dir, `${t}.csv`), null, lines);
}

/** Writes `header`, the given files and extra lines, in order, to `target`; returns the data rows when `count`. */
async function concat(files: string[], target: string, head: string | null, extra: string[] = [], count = true): Promise<number> {
  const fh = await open(target, 'w');
  let rows = 0;
  try {
    if (head !== null) await fh.write(`${head}\n`);
    for (const f of files) {
      if (!existsSync(f)) continue;
      const src = await open(f, 'r');
      try {
        const buf = Buffer.allocUnsafe(1 << 22);
        for (;;) {
          const { bytesRead } = await src.read(buf, 0, buf.length, null);
          if (bytesRead === 0) break;
          if (count) for (let i = buf.indexOf(10, 0); i >= 0 && i < bytesRead; i = buf.indexOf(10, i + 1)) rows++;
          await fh.write(buf.subarray(0, bytesRead));
        }
      } finally {
        await src.close();
      }
    }
    if (extra.length) {
      await fh.write(`${extra.join('\n')}\n`);
      rows += extra.length;
    }
  } finally {
    await fh.close();
  }
  return rows;
}

/** Converts part files (CSV without header) of a table to one Parquet file with the format's column types. */
async function toParquet(t: TableName, files: string[], target: string): Promise<number> {
  const present = files.filter((f) => existsSync(f));
  const engine = await DuckDbEngine.open(':memory:');
  try {
    // One thread keeps row groups identical from run to run, so the same seed gives the same bytes.
    await engine.exec(`SET threads = 1; SET memory_limit = '384MB'; SET preserve_insertion_order = true`);
    const published = TABLES[t].columns.filter((c) => !c.extension);
    const columns = `{${published.map((c) => `${quote(c.name)}: ${quote(duckdbDialect.type(c.type))}`).join(', ')}}`;
    const source =
      present.length === 0
        ? `SELECT ${published.map((c) => `CAST(NULL AS ${duckdbDialect.type(c.type)}) AS ${c.name}`).join(', ')} WHERE FALSE`
        : `SELECT * FROM read_csv([${present.map(quote).join(', ')}], header=false, auto_detect=false, delim=',', quote='"', escape='"', columns=${columns})`;
    const rows = await engine.all<{ Count: number }>(`COPY (${source}) TO ${quote(target)} (FORMAT parquet)`);
    return Number(rows[0]?.Count ?? 0);
  } finally {
    await engine.close();
  }
}

function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'shard-worker.js');
  // Running from TypeScript sources (tests): use the built worker.
  return resolve(dirname(here), '..', '..', 'dist', 'src', 'synthetic', 'shard-worker.js');
}

/** A child process that generates one shard after another. */
class ShardWorker {
  // A larger young generation: the generator makes millions of short-lived strings.
  private readonly child: ChildProcess = fork(workerScript(), [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv: ['--max-semi-space-size=32'],
  });
  private pending: { resolve: (r: ShardResult) => void; reject: (e: Error) => void } | null = null;
  /** The child's peak resident memory (MB), as it last reported it. */
  peakMemoryMb = 0;
  private readonly exited: Promise<void>;

  constructor() {
    this.child.on('message', (m: ShardResult & { peakMemoryMb: number }) => {
      this.peakMemoryMb = Math.max(this.peakMemoryMb, m.peakMemoryMb);
      this.pending?.resolve(m);
      this.pending = null;
    });
    this.child.on('error', (e) => {
      this.pending?.reject(e);
      this.pending = null;
    });
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code) => {
        if (code !== 0) this.pending?.reject(new Error(`shard process exited with ${code}`));
        this.pending = null;
        resolve();
      }),
    );
  }

  run(options: ShardOptions): Promise<ShardResult> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.send(options);
    });
  }

  async close(): Promise<void> {
    if (this.child.connected) this.child.send('stop');
    await this.exited;
  }
}
