/** `fundguard evaluate`: precision and recall per code of findings against labelled violations. */
import { existsSync } from 'node:fs';
import { DuckDbEngine } from '../../db/duckdb.js';
import { evaluateDetection, LabelsError, type CodeDetection } from '../../evaluation/detection.js';
import { count, table } from '../format.js';
import { UsageError, type Options } from '../options.js';

export async function evaluateCommand(opts: Options): Promise<number> {
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
