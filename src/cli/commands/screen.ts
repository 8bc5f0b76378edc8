/** `fundguard screen`: a data set or a workspace screened by the rule base, the findings written, a summary printed. */
import { writeFile } from 'node:fs/promises';
import type { Config } from '../../config/environment.js';
import { DuckDbEngine } from '../../db/duckdb.js';
import type { SqlEngine } from '../../db/engine.js';
import { PostgresEngine } from '../../db/postgres.js';
import type { ImportReport } from '../../dataset/importer.js';
import { configureRules, loadRulesConfig, type ConfiguredRule } from '../../screening/config.js';
import { writeFindingsFile } from '../../screening/output.js';
import { runScreening, type RuleOutcome } from '../../screening/run.js';
import { copyWorkspaceToPostgres } from '../../workspace/postgres.js';
import { ensureWorkspaceSchema } from '../../workspace/schema.js';
import { count, table, yuan } from '../format.js';
import { importWithProgress } from '../importing.js';
import { DEFAULT_PG_SCHEMA, UsageError, type Options } from '../options.js';
import { ProgressBar } from '../progress.js';
import { openWorkspace, removeWorkspaceFile } from '../workspace.js';

async function loadRules(opts: Options): Promise<ConfiguredRule[]> {
  return configureRules(opts['rules-config'] ? await loadRulesConfig(opts['rules-config']) : undefined);
}

export async function screenCommand(opts: Options, config: Config): Promise<number> {
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
      if (opts.input) imported = await importWithProgress(duck, opts.input, opts, config, false);
      else await ensureWorkspaceSchema(duck);
    } else if (opts.input) {
      duck = await DuckDbEngine.open(':memory:');
      imported = await importWithProgress(duck, opts.input, opts, config, true);
    }
    const importMs = performance.now() - started;
    let engine: SqlEngine = duck!;
    if (opts.engine === 'postgres') {
      pg = await PostgresEngine.connect(config.postgresUrl, opts['pg-schema'] ?? DEFAULT_PG_SCHEMA);
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
      lineScopes: config.lineScopes,
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
