/** Rejected input on stderr (the first 20 problems) and in the reject report file. */
import { writeRejectReport } from '../dataset/rejects.js';
import type { ImportReport } from '../dataset/importer.js';
import { count } from './format.js';
import type { Options } from './options.js';

export async function reportRejects(report: ImportReport, opts: Options): Promise<void> {
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
