/** `fundguard generate`: a synthetic city with labelled violations. */
import { generateCity, type GenerateCityResult } from '../../synthetic/generate.js';
import { count, table } from '../format.js';
import { UsageError, type Options } from '../options.js';
import { ProgressBar } from '../progress.js';

function numberOption(opts: Options, name: 'persons' | 'months' | 'seed' | 'violation-rate' | 'workers'): number | undefined {
  const v = opts[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} must be a number of 0 or more, not ${v}`);
  return n;
}

export async function generateCommand(opts: Options): Promise<number> {
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
