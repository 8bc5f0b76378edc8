/** The `fundguard` command line. */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DuckDbEngine } from '../db/duckdb.js';
import type { SqlEngine } from '../db/engine.js';
import { defaultDatabaseUrl, PostgresEngine } from '../db/postgres.js';
import { DatasetError } from '../dataset/discover.js';
import { importDataset, ImportRejected, type ImportReport } from '../dataset/importer.js';
import { writeRejectReport } from '../dataset/rejects.js';
import { BUILT_IN_RULES } from '../screening/catalog.js';
import { ConfigError, configureRules, loadRulesConfig, type ConfiguredRule } from '../screening/config.js';
import { writeFindingsFile } from '../screening/output.js';
import { renderDefinition } from '../screening/rule.js';
import { runScreening, type RuleOutcome } from '../screening/run.js';
import { copyWorkspaceToPostgres } from '../workspace/postgres.js';
import { ensureWorkspaceSchema } from '../workspace/schema.js';
import { count, table, yuan } from './format.js';
import { ensureDemoDataset } from '../synthetic/demo.js';
import { evaluateDetection, LabelsError, type CodeDetection } from '../evaluation/detection.js';
import { ProgressBar } from './progress.js';
import { generateCity, type GenerateCityResult } from '../synthetic/generate.js';

export const DEFAULT_WORKSPACE = 'data/fundguard.duckdb';
const DEFAULT_PG_SCHEMA = 'fundguard';

const HELP = `fundguard — 医保基金智能监管平台 (medical-insurance fund supervision)

Usage:
  fundguard screen --input DIR --out FILE [options]   import a data set and screen it (in memory)
  fundguard screen --db PATH [--out FILE] [options]   screen a workspace
  fundguard import --input DIR [--db PATH] [options]  import a data set into a workspace
  fundguard generate --out DIR [options]              generate a synthetic city with labelled violations
                                                      (labels.csv, drift_labels.csv beside the tables)
  fundguard rules [--json]                            list the built-in rules and their parameters
  fundguard evaluate --labels FILE --findings FILE    precision and recall per code of findings against
                                                      labelled violations (or --db PATH: a workspace's findings)
  fundguard serve [--db PATH] [--port N] [--demo]     serve the web workbench (npm start: --demo builds, imports
                                                      and screens the demo city first when there is no workspace)
  fundguard demo                                      build a demo data set, import it into the default
                                                      workspace, screen it (what npm start runs)
  fundguard verify-log [--db PATH]                    check the hash chain of the case log (线索/案件 changes):
                                                      exit 0 intact, 1 with the first entry edited or removed
                                                      (the workspace's store, or PostgreSQL given DATABASE_URL)

Options:
  --input DIR           exchange-format data set: one <table>.csv or <table>.parquet per table
                        (national platform extracts setl_d, mdtrt_d, fee_list_d, setl_list_diag_d too)
  --out FILE            findings file: CSV, or Parquet when FILE ends in .parquet
  --db PATH             DuckDB workspace file (import default: ${DEFAULT_WORKSPACE})
  --engine NAME         duckdb (default) or postgres (uses DATABASE_URL; default ${defaultDatabaseUrl()})
  --pg-schema NAME      PostgreSQL schema holding the workspace (default ${DEFAULT_PG_SCHEMA})
  --rules-config FILE   JSON or YAML: { "rules": { "CODE": { "enabled": false, "params": { … } } } }
  --skip-invalid        import the valid rows and set the rejected ones aside (counted, reported)
  --rejects FILE        where to write the reject report (CSV: file,row,column,value,reason)
  --quiet               no summary table
  --summary-json FILE   also write the run's summary (timings, per-rule figures, peak memory) as JSON
  --persons N           generate: insured persons (default 20000; about 42 fee lines each a year)
  --months N            generate: months covered (default 12)
  --start YYYY-MM       generate: first month (default 2024-01)
  --seed N              generate: seed (default 1); the same seed gives the same bytes
  --format csv|parquet  generate: file format (default csv)
  --violation-rate X    generate: multiplies every injection rate (default 1; 0 gives a clean city)
  --port N              serve: port (default: the PORT variable, else 8080)
  --host HOST           serve: address to listen on (default: the HOST variable, else 127.0.0.1)
  --demo                serve: build, import and screen the demo city when the workspace does not exist
  --workers N           generate: worker threads (default: cores, at most 4; 0: none)
  --labels FILE         labelled violations (CSV or Parquet): rule_code plus the key columns of the findings
  --findings FILE       a findings file written by screen (CSV or Parquet)
  --json                rules, evaluate, verify-log: print JSON instead of a table or sentence
  -h, --help            this help

Exit codes: 0 success, 1 rejected input or bad usage, 2 unexpected failure.
`;

const OPTIONS = {
  input: { type: 'string' },
  out: { type: 'string' },
  db: { type: 'string' },
  engine: { type: 'string' },
  'pg-schema': { type: 'string' },
  'rules-config': { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  rejects: { type: 'string' },
  quiet: { type: 'boolean' },
  'summary-json': { type: 'string' },
  json: { type: 'boolean' },
  labels: { type: 'string' },
  findings: { type: 'string' },
  persons: { type: 'string' },
  months: { type: 'string' },
  start: { type: 'string' },
  seed: { type: 'string' },
  format: { type: 'string' },
  'violation-rate': { type: 'string' },
  workers: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  demo: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} satisfies ParseArgsConfig['options'];

type Options = {
  input?: string;
  out?: string;
  db?: string;
  engine?: string;
  'pg-schema'?: string;
  'rules-config'?: string;
  'skip-invalid'?: boolean;
  rejects?: string;
  quiet?: boolean;
  'summary-json'?: string;
  json?: boolean;
  labels?: string;
  findings?: string;
  help?: boolean;
  persons?: string;
  months?: string;
  start?: string;
  seed?: string;
  format?: string;
  'violation-rate'?: string;
  workers?: string;
  port?: string;
  host?: string;
  demo?: boolean;
};

class UsageError extends Error {}

export async function main(argv: string[]): Promise<number> {
  let command: string | undefined;
  let opts: Options;
  try {
    const parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    command = parsed.positionals[0];
    if (parsed.positionals.length > 1) throw new UsageError(`unexpected argument: ${parsed.positionals[1]}`);
    opts = parsed.values as Options;
  } catch (e) {
    console.error(`fundguard: ${(e as Error).message}\nRun fundguard --help for usage.`);
    return 1;
  }
  if (opts.help || command === undefined || command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  try {
    if (opts.engine && opts.engine !== 'duckdb' && opts.engine !== 'postgres')
      throw new UsageError(`--engine must be duckdb or postgres, not ${opts.engine}`);
    switch (command) {
      case 'screen':
        return await screenCommand(opts);
      case 'import':
        return await importCommand(opts);
      case 'rules':
        return rulesCommand(opts);
      case 'demo':
        return await demoCommand(opts);
      case 'evaluate':
        return await evaluateCommand(opts);
      case 'generate':
        return await generateCommand(opts);
      case 'serve':
        return await serveCommand(opts);
      case 'verify-log':
        return await verifyLogCommand(opts);
      default:
        throw new UsageError(`unknown command: ${command}`);
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof ConfigError || e instanceof DatasetError) {
      console.error(`fundguard: ${e.message}`);
      return 1;
    }
    if (e instanceof ImportRejected) {
      await reportRejects(e.report, opts);
      return 1;
    }
    throw e;
  }
}

async function loadRules(opts: Options): Promise<ConfiguredRule[]> {
  return configureRules(opts['rules-config'] ? await loadRulesConfig(opts['rules-config']) : undefined);
}

async function openWorkspace(path: string): Promise<{ engine: DuckDbEngine; created: boolean }> {
  const abs = resolve(path);
  const created = !existsSync(abs);
  await mkdir(dirname(abs), { recursive: true });
  return { engine: await DuckDbEngine.open(abs), created };
}

async function removeWorkspaceFile(path: string): Promise<void> {
  for (const p of [path, `${path}.wal`]) await rm(resolve(p), { force: true });
}

async function doImport(engine: DuckDbEngine, input: string, opts: Options, inPlace: boolean): Promise<ImportReport> {
  const bar = new ProgressBar();
  const started = performance.now();
  try {
    const report = await importDataset(engine, input, {
      inPlace,
      skipInvalid: opts['skip-invalid'] === true,
      onProgress: (step, done, total) => bar.update(step, done, total),
    });
    bar.done();
    if (!opts.quiet) {
      console.log(`imported ${input} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      console.log(
        table(
          ['table', 'file', 'rows', 'rejected'],
          report.tables.map((t) => [t.table, t.file, count(t.rows), count(t.rejected)]),
          [2, 3],
        ),
      );
      if (report.ignored.length) console.log(`ignored (not tables of the format): ${report.ignored.join(', ')}`);
    }
    if (report.rejectCount > 0) await reportRejects(report, opts);
    return report;
  } finally {
    bar.done();
  }
}

async function reportRejects(report: ImportReport, opts: Options): Promise<void> {
  const shown = report.rejects.slice(0, 20);
  const verb = report.applied ? 'set aside (--skip-invalid)' : 'rejected; nothing was imported, the workspace is unchanged';
  console.error(`${count(report.rejectCount)} problem(s) in ${report.dir}: ${verb}`);
  for (const r of shown) {
    console.error(
      `  ${r.file}${r.row !== null ? `: row ${r.row}` : ''}${r.column ? `: column ${r.column}` : ''}: ${r.reason}${r.value !== null ? ` (value: ${JSON.stringify(r.value)})` : ''}`,
    );
  }
  if (report.rejects.length > shown.length) console.error(`  … and ${count(report.rejectCount - shown.length)} more`);
  const path = opts.rejects ?? (opts.out ? `${opts.out}.rejects.csv` : null);
  if (path) {
    await writeRejectReport(path, report.rejects);
    console.error(`reject report: ${path}`);
  }
}

async function importCommand(opts: Options): Promise<number> {
  if (!opts.input) throw new UsageError('import needs --input DIR');
  if (opts.engine === 'postgres') {
    const duck = await DuckDbEngine.open(':memory:');
    try {
      await doImport(duck, opts.input, opts, true);
      const pg = await PostgresEngine.connect(defaultDatabaseUrl(), opts['pg-schema'] ?? DEFAULT_PG_SCHEMA);
      try {
        await copyWorkspaceToPostgres(duck, pg);
      } finally {
        await pg.close();
      }
      if (!opts.quiet) console.log(`workspace: PostgreSQL schema ${opts['pg-schema'] ?? DEFAULT_PG_SCHEMA}`);
      return 0;
    } finally {
      await duck.close();
    }
  }
  const path = opts.db ?? DEFAULT_WORKSPACE;
  const { engine, created } = await openWorkspace(path);
  let ok = false;
  try {
    await doImport(engine, opts.input, opts, false);
    ok = true;
    if (!opts.quiet) console.log(`workspace: ${path}`);
    return 0;
  } finally {
    await engine.close();
    if (!ok && created) await removeWorkspaceFile(path);
  }
}

async function screenCommand(opts: Options): Promise<number> {
  if (!opts.input && !opts.db && opts.engine !== 'postgres') throw new UsageError('screen needs --input DIR or --db PATH');
  if (opts.input && !opts.out && !opts.db)
    throw new UsageError('screen --input needs --out FILE (or --db PATH to keep the results in a workspace)');
  const rules = await loadRules(opts);
  const started = performance.now();
  let duck: DuckDbEngine | null = null;
  let pg: PostgresEngine | null = null;
  let createdPath: string | null = null;
  let ok = false;
  let imported: ImportReport | null = null;
  try {
    if (opts.db) {
      const ws = await openWorkspace(opts.db);
      duck = ws.engine;
      if (ws.created) createdPath = opts.db;
      if (opts.input) imported = await doImport(duck, opts.input, opts, false);
      else await ensureWorkspaceSchema(duck);
    } else if (opts.input) {
      duck = await DuckDbEngine.open(':memory:');
      imported = await doImport(duck, opts.input, opts, true);
    }
    const importMs = performance.now() - started;
    let engine: SqlEngine = duck!;
    if (opts.engine === 'postgres') {
      pg = await PostgresEngine.connect(defaultDatabaseUrl(), opts['pg-schema'] ?? DEFAULT_PG_SCHEMA);
      if (duck) await copyWorkspaceToPostgres(duck, pg);
      else await ensureWorkspaceSchema(pg);
      engine = pg;
    }
    const screenStarted = performance.now();
    const bar = new ProgressBar();
    let lineScopes = { ms: 0, rules: 0 };
    const outcomes = await runScreening(engine, rules, {
      onRule: (i, n, code) => bar.update(code || 'done', i, n),
      onLineScopes: (ms, n) => {
        lineScopes = { ms, rules: n };
      },
      lineScopes: process.env.FUNDGUARD_LINE_SCOPES !== '0',
    });
    bar.done();
    const screenMs = performance.now() - screenStarted;
    const writeStarted = performance.now();
    if (opts.out) await writeFindingsFile(engine, opts.out);
    const writeMs = performance.now() - writeStarted;
    ok = true;
    const totalMs = performance.now() - started;
    if (!opts.quiet) printSummary(outcomes, lineScopes, totalMs, opts.out);
    if (opts['summary-json']) {
      await writeFile(
        opts['summary-json'],
        JSON.stringify(
          {
            input: opts.input ?? null,
            db: opts.db ?? null,
            engine: engine.name,
            seconds: { import: importMs / 1000, screen: screenMs / 1000, write: writeMs / 1000, total: totalMs / 1000 },
            peakMemoryMb: process.resourceUsage().maxRSS / 1024,
            tables: imported?.tables ?? [],
            lineScopes,
            rules: outcomes,
          },
          null,
          2,
        ),
      );
    }
    return 0;
  } finally {
    await pg?.close();
    await duck?.close();
    if (!ok && createdPath) await removeWorkspaceFile(createdPath);
  }
}

function printSummary(outcomes: RuleOutcome[], lineScopes: { ms: number; rules: number }, ms: number, out: string | undefined): void {
  const rows = lineScopes.rules
    ? [
        [
          '(fee-line pass)',
          `${lineScopes.rules} 条规则共用的明细扫描`,
          '',
          '',
          '',
          lineScopes.ms.toFixed(0),
          'shared by the line-level rules',
        ],
      ]
    : [];
  rows.push(
    ...outcomes.map((o) => [
      o.code,
      o.name,
      o.level,
      o.status === 'ran' ? count(o.findings) : '-',
      o.status === 'ran' ? yuan(o.amount) : '-',
      o.status === 'ran' ? o.ms.toFixed(0) : '-',
      o.status === 'ran' ? '' : `${o.status}: ${o.reason ?? ''}`,
    ]),
  );
  const ran = outcomes.filter((o) => o.status === 'ran');
  rows.push([
    'TOTAL',
    '',
    '',
    count(ran.reduce((s, o) => s + o.findings, 0)),
    yuan(ran.reduce((s, o) => s + o.amount, 0)),
    (lineScopes.ms + ran.reduce((s, o) => s + o.ms, 0)).toFixed(0),
    '',
  ]);
  console.log(table(['rule', '名称', 'level', 'findings', 'amount (元)', 'ms', 'note'], rows, [3, 4, 5]));
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`screened in ${(ms / 1000).toFixed(2)} s, peak memory ${peakMb.toFixed(0)} MB${out ? `; findings written to ${out}` : ''}`);
}

async function demoCommand(opts: Options): Promise<number> {
  const db = opts.db ?? DEFAULT_WORKSPACE;
  const fresh = !existsSync(resolve(db));
  const input = await ensureDemoDataset((s) => console.log(s));
  const out = opts.out ?? 'data/findings.csv';
  const code = await screenCommand({ ...opts, db, out, ...(fresh ? { input } : {}) });
  if (code === 0) {
    console.log(`\nworkspace ${db}; findings ${out}. Next: npx fundguard screen --db ${db} --out findings.parquet, or --help.`);
  }
  return code;
}

async function evaluateCommand(opts: Options): Promise<number> {
  if (!opts.labels) throw new UsageError('evaluate needs --labels FILE');
  if (!opts.findings && !opts.db) throw new UsageError('evaluate needs --findings FILE or --db PATH');
  for (const f of [opts.labels, opts.findings, opts.db]) if (f && !existsSync(f)) throw new UsageError(`no such file: ${f}`);
  const engine = await DuckDbEngine.open(opts.findings ? ':memory:' : opts.db!);
  let result: CodeDetection[];
  try {
    result = await evaluateDetection(engine, opts.labels, opts.findings ?? null);
  } catch (e) {
    if (e instanceof LabelsError) {
      console.error(`fundguard: ${e.message}`);
      return 1;
    }
    throw e;
  } finally {
    await engine.close();
  }
  if (opts.json) {
    console.log(JSON.stringify(result, null, 2));
    return 0;
  }
  const ratio = (x: number | null) => (x === null ? '-' : x.toFixed(4));
  const rows = result
    .filter((r) => r.labels || r.findings)
    .map((r) => [r.code, count(r.labels), count(r.findings), count(r.truePositives), ratio(r.precision), ratio(r.recall)]);
  const sum = (k: 'labels' | 'findings' | 'truePositives') => result.reduce((s, r) => s + r[k], 0);
  rows.push([
    'ALL',
    count(sum('labels')),
    count(sum('findings')),
    count(sum('truePositives')),
    ratio(sum('findings') ? sum('truePositives') / sum('findings') : null),
    ratio(sum('labels') ? sum('truePositives') / sum('labels') : null),
  ]);
  console.log(table(['rule', 'labels', 'findings', 'matched', 'precision', 'recall'], rows, [1, 2, 3, 4, 5]));
  const silent = result.filter((r) => !r.labels && !r.findings).map((r) => r.code);
  if (silent.length) console.log(`no labels and no findings: ${silent.join(', ')}`);
  return 0;
}

function numberOption(opts: Options, name: 'persons' | 'months' | 'seed' | 'violation-rate' | 'workers'): number | undefined {
  const v = opts[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number of 0 or more, not ${v}`);
  return n;
}

async function generateCommand(opts: Options): Promise<number> {
  if (!opts.out) throw new UsageError('generate needs --out DIR');
  if (opts.format && opts.format !== 'csv' && opts.format !== 'parquet')
    throw new UsageError(`--format must be csv or parquet, not ${opts.format}`);
  const bar = new ProgressBar();
  let result: GenerateCityResult;
  try {
    result = await generateCity({
      out: opts.out,
      persons: numberOption(opts, 'persons'),
      months: numberOption(opts, 'months'),
      startMonth: opts.start,
      seed: numberOption(opts, 'seed'),
      format: opts.format as 'csv' | 'parquet' | undefined,
      violationRate: numberOption(opts, 'violation-rate'),
      workers: numberOption(opts, 'workers'),
      onProgress: (step, done, total) => bar.update(step, done, total),
    });
  } catch (e) {
    bar.done();
    if (e instanceof Error && /must be/.test(e.message)) throw new UsageError(e.message);
    throw e;
  }
  bar.done();
  if (!opts.quiet) {
    console.log(
      table(
        ['table', 'rows'],
        Object.entries(result.tables).map(([t, n]) => [t, count(n)]),
        [1],
      ),
    );
    const labelled = Object.entries(result.labels).sort(([a], [b]) => a.localeCompare(b));
    console.log(
      table(
        ['labelled violations', 'labels'],
        labelled.map(([c, n]) => [c, count(n)]),
        [1],
      ),
    );
    console.log(`${count(result.drifting)} drifting institutions (drift_labels.csv)`);
    console.log(
      `generated ${result.dir} in ${result.seconds.toFixed(1)} s, peak memory ${result.peakMemoryMb.total.toFixed(0)} MB (all processes; this one ${result.peakMemoryMb.main.toFixed(0)} MB)`,
    );
  }
  return 0;
}

async function serveCommand(opts: Options): Promise<number> {
  const port = Number(opts.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port must be a port number, not ${opts.port ?? process.env.PORT}`);
  const { serve } = await import('../server/start.js');
  const served = await serve({
    db: opts.db ?? DEFAULT_WORKSPACE,
    port,
    host: opts.host ?? process.env.HOST ?? '127.0.0.1',
    demo: opts.demo === true,
    demoCases: opts.demo === true,
    databaseUrl: process.env.DATABASE_URL,
    pgSchema: opts['pg-schema'] ?? process.env.FUNDGUARD_PG_SCHEMA,
  });
  console.log(`\nFundguard workbench: ${served.url.replace('//127.0.0.1:', '//localhost:')}`);
  console.log(
    `operational data: ${process.env.DATABASE_URL ? `PostgreSQL (${opts['pg-schema'] ?? process.env.FUNDGUARD_PG_SCHEMA ?? 'fundguard_app'})` : `embedded in ${opts.db ?? DEFAULT_WORKSPACE}`}`,
  );
  if (served.accounts.length) {
    console.log(
      table(
        ['demo account', 'password', 'role', 'scope'],
        served.accounts.map((a) => [a.username, a.password, a.role, a.scope]),
      ),
    );
    console.log('(demo passwords: change them before real use)');
  }
  await new Promise<void>((resolveStop) => {
    const stop = () => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await served.close();
  return 0;
}

/** Verifies the case log where the workbench keeps it: PostgreSQL given DATABASE_URL, else the workspace file. */
async function verifyLogCommand(opts: Options): Promise<number> {
  const { DuckDbStore, PostgresStore } = await import('../store/db.js');
  const { verifyCaseLog } = await import('../cases/log.js');
  const url = process.env.DATABASE_URL;
  const db = opts.db ?? DEFAULT_WORKSPACE;
  if (!url && !existsSync(db)) throw new UsageError(`no workspace at ${db} (give --db PATH, or DATABASE_URL for a PostgreSQL store)`);
  const engine = url ? null : await DuckDbEngine.open(db);
  const store = url
    ? await PostgresStore.connect(url, opts['pg-schema'] ?? process.env.FUNDGUARD_PG_SCHEMA ?? 'fundguard_app')
    : await DuckDbStore.open(engine!);
  try {
    const tables = await store.query<{ n: number }>(
      store.kind === 'postgres'
        ? `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'fg_case_log'`
        : `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'fg_case_log'`,
    );
    if (!Number(tables[0]?.n)) {
      console.log('case log: no entries yet (no clue or case was ever recorded here)');
      return 0;
    }
    const r = await verifyCaseLog(store);
    if (opts.json) console.log(JSON.stringify(r));
    else if (r.ok) console.log(`case log intact: ${count(r.entries)} entries, each hash-chained to the one before`);
    else console.error(`case log BROKEN at entry ${r.failedAt}: ${r.reason} (${count(r.entries)} entries before it verify)`);
    return r.ok ? 0 : 1;
  } finally {
    await store.close();
    await engine?.close();
  }
}

function rulesCommand(opts: Options): number {
  if (opts.json) {
    console.log(
      JSON.stringify(
        BUILT_IN_RULES.map((r) => ({
          code: r.code,
          name: r.name,
          nameEn: r.nameEn,
          level: r.level,
          key: r.key,
          requires: r.requires,
          optional: r.optional ?? [],
          params: r.params,
          // The text with the default parameters, and the template it is rendered from ({name}: a parameter).
          definition: renderDefinition(r),
          definitionTemplate: r.definition,
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  console.log(
    table(
      ['rule', '名称', 'level', 'key', 'parameters (default)'],
      BUILT_IN_RULES.map((r) => [
        r.code,
        r.name,
        r.level,
        r.key.join('+'),
        Object.entries(r.params)
          .map(([k, p]) => `${k}=${p.default}`)
          .join(' ') || '-',
      ]),
    ),
  );
  return 0;
}
