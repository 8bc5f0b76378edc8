/**
 * Receiving a data set: the files of one upload (CSV and Parquet, or one .xlsx workbook with a sheet per table) are
 * written to an upload folder of their own, the workbook converted to one CSV per table, and the whole checked
 * without touching the workspace, in a worker thread with bounded memory (upload-check.ts). Only what can still be
 * applied is kept: a refused or invalid upload is deleted at once, the workbook as soon as it is converted, and an
 * upload not applied within the expiry by the workbench's sweep (Workbench.sweepUploads).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, utimes } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { audit } from '../audit/audit.js';
import type { ImportValidation } from '../contract/api/imports.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { invalid, tooLarge } from '../kernel/errors.js';
import type { UploadedFile } from '../kernel/uploads.js';
import { checkUploadInWorker } from './upload-check.js';
import type { Workbench } from './workbench.js';

const ALLOWED = /\.(csv|parquet|xlsx)$/i;
/** Where the files arrive inside an upload's folder, before they are checked; never part of the data set. */
const INCOMING = '_upload';

/** Receives and checks an upload (an administrator's); the check's report says whether it can be applied. */
export async function receiveUpload(wb: Workbench, ctx: RequestContext, files: AsyncIterable<UploadedFile>): Promise<ImportValidation> {
  requireRole(ctx, ['admin'], 'upload data sets');
  const { id, dir } = await wb.newUpload();
  const source = join(dir, INCOMING);
  await mkdir(source, { recursive: true });
  const names: string[] = [];
  let keep = false;
  try {
    for await (const file of files) {
      const name = basename(file.fileName);
      if (!ALLOWED.test(name) || name.startsWith('.')) {
        file.stream.resume();
        throw invalid(`${name || '(unnamed)'}: only .csv, .parquet and .xlsx files`);
      }
      if (names.includes(name)) throw invalid(`${name}: sent twice`);
      await pipeline(file.stream, createWriteStream(join(source, name)));
      if (file.truncated()) throw tooLarge(`${name}: larger than the upload limit`);
      names.push(name);
    }
    if (!names.length) throw invalid('no files');
    const workbooks = names.filter((f) => /\.xlsx$/i.test(f));
    if (workbooks.length && names.length > 1) throw invalid('send either one .xlsx workbook or the CSV/Parquet files, not both');
    if (!workbooks.length) {
      for (const f of names) await rename(join(source, f), join(dir, f));
      await rm(source, { recursive: true, force: true });
    }
    await audit(ctx.store, ctx.user.username, 'upload', id, names.join(', '));
    const report = await checkUploadInWorker({
      id,
      dir,
      files: names,
      workbook: workbooks.length ? join(source, workbooks[0]!) : null,
      dataset: wb.datasetSwitches,
      limits: wb.checkLimits,
    });
    // An invalid upload can never be applied (the import is all or nothing): nothing of it is kept.
    keep = report.valid;
    // The expiry runs from the check.
    if (keep) await utimes(dir, new Date(), new Date());
    return report;
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
    else await rm(source, { recursive: true, force: true });
    wb.releaseUpload(id);
  }
}
