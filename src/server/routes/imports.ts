/** Uploading a data set (CSV, Parquet, or one .xlsx workbook with a sheet per table), checking it, importing it. */
import type { FastifyInstance } from 'fastify';
import { createWriteStream, existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import { DatasetError } from '../../dataset/discover.js';
import { workbookToDataset } from '../../dataset/xlsx-reader.js';
import type { ImportValidation } from '../../contract/api/imports.js';
import type { Job } from '../../contract/api/rules.js';
import { HttpError, notFound, route } from '../http.js';
import type { Workbench } from '../workbench.js';

const ALLOWED = /\.(csv|parquet|xlsx)$/i;

export function importRoutes(app: FastifyInstance, wb: Workbench): void {
  route(app, {
    method: 'POST',
    url: '/api/imports',
    tag: 'imports',
    summary: 'Uploads a data set (multipart field `files`) and checks it without importing',
    roles: ['admin'],
    rawBody: true,
    success: { status: 201, description: 'ImportValidation' },
    handler: async ({ req, user }): Promise<ImportValidation> => {
      if (!req.isMultipart()) throw new HttpError(400, 'validation', 'send the files as multipart/form-data');
      const { id, dir } = await wb.newUpload();
      const source = join(dir, '_upload');
      await mkdir(source, { recursive: true });
      const files: string[] = [];
      try {
        for await (const part of req.files()) {
          const name = basename(part.filename ?? '');
          if (!ALLOWED.test(name) || name.startsWith('.')) {
            part.file.resume();
            throw new HttpError(400, 'validation', `${name || '(unnamed)'}: only .csv, .parquet and .xlsx files`);
          }
          if (files.includes(name)) throw new HttpError(400, 'validation', `${name}: sent twice`);
          await pipeline(part.file, createWriteStream(join(source, name)));
          if (part.file.truncated) throw new HttpError(413, 'too_large', `${name}: larger than the upload limit`);
          files.push(name);
        }
        if (!files.length) throw new HttpError(400, 'validation', 'no files');
        const workbooks = files.filter((f) => /\.xlsx$/i.test(f));
        if (workbooks.length && files.length > 1)
          throw new HttpError(400, 'validation', 'send either one .xlsx workbook or the CSV/Parquet files, not both');
        if (workbooks.length) {
          try {
            await workbookToDataset(join(source, workbooks[0]!), dir);
          } catch (e) {
            if (e instanceof DatasetError)
              return {
                id,
                files,
                tables: [],
                ignored: [],
                rejects: [{ file: workbooks[0]!, row: null, column: null, value: null, reason: e.message }],
                rejectCount: 1,
                valid: false,
              };
            throw e;
          }
        } else {
          for (const f of files) await rename(join(source, f), join(dir, f));
        }
        await audit(wb.store, user.username, 'upload', id, files.join(', '));
        return await wb.validateUpload(id, dir, files);
      } catch (e) {
        await rm(dir, { recursive: true, force: true });
        throw e;
      } finally {
        await rm(source, { recursive: true, force: true }).catch(() => {});
      }
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/imports/:id/apply',
    tag: 'imports',
    summary: 'Imports a checked upload into the workspace and screens it (all or nothing)',
    roles: ['admin'],
    params: z.object({ id: z.string().uuid() }),
    success: { status: 202, description: 'Job' },
    handler: async ({ params, user }): Promise<Job> => {
      const dir = wb.uploadDir(params.id);
      if (!dir || !existsSync(dir)) throw notFound('no such upload');
      await audit(wb.store, user.username, 'import_start', params.id, null);
      return wb.startImport(params.id, dir);
    },
  });
}
