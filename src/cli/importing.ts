/** A data set imported with a progress bar, the per-table summary and the rejects reported. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../config/environment.js';
import { workbookToDataset } from '../dataset/xlsx-reader.js';
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
  // An .xlsx workbook (a sheet per table) is converted to CSV files first, within the workbook limits, and they go after.
  if (/\.xlsx$/i.test(input)) {
    const dir = await mkdtemp(join(tmpdir(), 'fundguard-xlsx-'));
    try {
      await workbookToDataset(input, dir);
      return await importDir(engine, dir, input, opts, config, inPlace);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  return importDir(engine, input, input, opts, config, inPlace);
}

async function importDir(
  engine: DuckDbEngine,
  dir: string,
  input: string,
  opts: Options,
  config: Config,
  inPlace: boolean,
): Promise<ImportReport> {
  const bar = new ProgressBar();
  const started = performance.now();
  try {
    const report = await importDataset(engine, dir, {
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
