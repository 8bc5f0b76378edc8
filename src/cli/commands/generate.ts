/** `fundguard generate`: a synthetic city with labelled violations. */
import { generateCity, type GenerateCityResult } from '../../synthetic/generate.js';
import { count, table } from '../format.js';
import { UsageError, type Options } from '../options.js';
import { ProgressBar } from '../progress.js';

export async function generateCommand(opts: Options): Promise<number> {
  if (!opts.out) throw new UsageError('generate needs --out DIR');
  const bar = new ProgressBar();
  let result: GenerateCityResult;
  try {
    result = await generateCity({
      out: opts.out,
      persons: opts.persons,
      months: opts.months,
      startMonth: opts.start,
      seed: opts.seed,
      format: opts.format,
      violationRate: opts['violation-rate'],
      workers: opts.workers,
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
