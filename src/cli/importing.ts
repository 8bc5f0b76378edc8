/** A data set imported with a progress bar, the per-table summary and the rejects reported. */
import type { Config } from '../config/environment.js';
import type { DuckDbEngine } from '../db/duckdb.js';
import { importDataset, type ImportReport } from '../dataset/importer.js';
import { count, table } from './format.js';
import type { Options } from './options.js';
import { ProgressBar } from './progress.js';
import { reportRejects } from './rejects.js';

export async function importWithProgress(
  engine: DuckDbEngine,
  input: string,
  opts: Options,
  config: Config,
  inPlace: boolean,
): Promise<ImportReport> {
  const bar = new ProgressBar();
  const started = performance.now();
  try {
    const report = await importDataset(engine, input, {
      inPlace,
      skipInvalid: opts['skip-invalid'] === true,
      ...config.dataset,
      onProgress: (step, done, total) => bar.update(step, done, total),
    });
    bar.done();
    if (!opts.quiet) {
      console.log(`imported ${input} in ${((performance.now() - started) / 1000).toFixed(2)} s`);
      console.log(
        table(
          ['table', 'file', 'encoding', 'rows', 'rejected'],
          report.tables.map((t) => [t.table, t.file, t.encoding ?? '', count(t.rows), count(t.rejected)]),
          [3, 4],
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
