/**
 * Receiving a data set: the files of one upload (CSV and Parquet, or one .xlsx workbook with a sheet per table) are
 * written to an upload folder of their own, the workbook converted to one CSV per table, and the whole checked
 * without touching the workspace. Nothing of a refused upload is kept.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { audit } from '../audit/audit.js';
import type { ImportValidation } from '../contract/api/imports.js';
import { DatasetError } from '../dataset/discover.js';
import { workbookToDataset } from '../dataset/xlsx-reader.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { invalid, tooLarge } from '../kernel/errors.js';
import { withoutServerPaths } from '../kernel/paths.js';
import type { UploadedFile } from '../kernel/uploads.js';
import type { Workbench } from './workbench.js';

const ALLOWED = /\.(csv|parquet|xlsx)$/i;

/** Receives and checks an upload (an administrator's); the check's report says whether it can be applied. */
export async function receiveUpload(wb: Workbench, ctx: RequestContext, files: AsyncIterable<UploadedFile>): Promise<ImportValidation> {
  requireRole(ctx, ['admin'], 'upload data sets');
  const { id, dir } = await wb.newUpload();
  const source = join(dir, '_upload');
  await mkdir(source, { recursive: true });
  const names: string[] = [];
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
    if (workbooks.length) {
      try {
        await workbookToDataset(join(source, workbooks[0]!), dir);
      } catch (e) {
        if (!(e instanceof DatasetError)) throw e;
        return {
          id,
          files: names,
          tables: [],
          ignored: [],
          rejects: [{ file: workbooks[0]!, row: null, column: null, value: null, reason: withoutServerPaths(e.message) }],
          rejectCount: 1,
          valid: false,
        };
      }
    } else {
      for (const f of names) await rename(join(source, f), join(dir, f));
    }
    await audit(ctx.store, ctx.user.username, 'upload', id, names.join(', '));
    return await wb.validateUpload(id, dir, names);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  } finally {
    await rm(source, { recursive: true, force: true }).catch(() => {});
  }
}
