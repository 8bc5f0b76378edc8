/**
 * Checking an upload, in a worker thread of its own: the workbook converted to one CSV per table, then every import
 * check on a scratch database, nothing applied. An upload is untrusted input, and a check that exhausts its memory
 * (the worker's heap is bounded by resourceLimits, the scratch DuckDB by its memory_limit) ends only the worker: the
 * server goes on, and the request is refused with the reason.
 */
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportValidation } from '../contract/api/imports.js';
import { DatasetError } from '../dataset/discover.js';
import { importDataset, ImportRejected, type ImportOptions, type ImportReport } from '../dataset/importer.js';
import {
  DEFAULT_WORKBOOK_LIMITS,
  precheckWorkbook,
  WorkbookLimitError,
  workbookToDataset,
  type WorkbookLimits,
} from '../dataset/xlsx-reader.js';
import { DuckDbEngine } from '../db/duckdb.js';
import { DomainError, invalid, tooLarge } from '../kernel/errors.js';
import { withoutServerPaths } from '../kernel/paths.js';

/** How much memory a check may use. */
export interface CheckLimits {
  workbook: WorkbookLimits;
  /** The worker's JavaScript heap (the workbook's shared-string table lives there), in MB. */
  heapMb: number;
  /** The scratch DuckDB's memory_limit, in MB (it spills to disk beyond, or fails). */
  duckdbMb: number;
}

export const DEFAULT_CHECK_LIMITS: CheckLimits = { workbook: DEFAULT_WORKBOOK_LIMITS, heapMb: 1024, duckdbMb: 1024 };

export interface CheckInput {
  id: string;
  /** The upload's folder: the data set's files, or the workbook's sheets once converted. */
  dir: string;
  /** The files as uploaded, for the report. */
  files: string[];
  /** The uploaded workbook to convert into `dir`, or null for CSV/Parquet files; once converted it is deleted, and so
   * is the folder it is in when that is not `dir`. */
  workbook: string | null;
  dataset: Pick<ImportOptions, 'lazy' | 'debug'>;
  limits: CheckLimits;
}

/** What the worker answers: the report, or a refusal as a DomainError's kind and message. */
export type CheckOutcome = { report: ImportValidation } | { refused: { kind: 'invalid' | 'too_large'; message: string } };

/** The check itself (run in the worker; callable directly too). */
export async function checkUpload(input: CheckInput): Promise<ImportValidation> {
  const { id, dir, files } = input;
  const refusedReport = (file: string, reason: string): ImportValidation => ({
    id,
    files,
    tables: [],
    ignored: [],
    rejects: [{ file, row: null, column: null, value: null, reason: withoutServerPaths(reason) }],
    rejectCount: 1,
    valid: false,
  });
  if (input.workbook) {
    try {
      await workbookToDataset(input.workbook, dir, input.limits.workbook);
    } catch (e) {
      if (e instanceof WorkbookLimitError) throw tooLarge(e.message);
      if (e instanceof DatasetError) return refusedReport(files[0]!, e.message);
      throw e;
    } finally {
      // The workbook is not needed once its sheets are CSV files (or it was refused); nor is the folder it came in.
      await rm(input.workbook, { force: true });
      if (resolve(dirname(input.workbook)) !== resolve(dir)) await rm(dirname(input.workbook), { recursive: true, force: true });
    }
  }
  const scratch = await DuckDbEngine.open(':memory:', { memory_limit: `${input.limits.duckdbMb}MB` });
  let report: ImportReport;
  try {
    report = await importDataset(scratch, dir, { ...input.dataset, inPlace: true });
  } catch (e) {
    if (e instanceof ImportRejected) report = e.report;
    else if (e instanceof DatasetError) return refusedReport(files.join(', '), e.message);
    else throw e;
  } finally {
    await scratch.close();
  }
  return {
    id,
    files,
    tables: report.tables,
    // Nothing of the workbench's own (the folder files arrive in) is the user's to see.
    ignored: report.ignored.filter((f) => !f.startsWith('_') && !f.startsWith('.')),
    rejects: report.rejects.slice(0, 1000).map((r) => ({ ...r, file: withoutServerPaths(r.file), reason: withoutServerPaths(r.reason) })),
    rejectCount: report.rejectCount,
    valid: report.rejectCount === 0 && report.tables.length > 0,
  };
}

/**
 * Runs checkUpload in a worker thread with a bounded heap; a worker that dies is a refusal naming the upload. A workbook
 * whose archive declares more than the limits is refused here first, from its central directory, without a worker.
 */
export async function checkUploadInWorker(input: CheckInput): Promise<ImportValidation> {
  if (input.workbook) {
    try {
      await precheckWorkbook(input.workbook, input.limits.workbook);
    } catch (e) {
      if (e instanceof WorkbookLimitError) throw tooLarge(e.message);
      // Anything else (not a zip, damaged) is reported by the check itself, as before.
      if (!(e instanceof DatasetError)) throw e;
    }
  }
  return inWorker(input);
}

function inWorker(input: CheckInput): Promise<ImportValidation> {
  const what = input.files.join(', ');
  return new Promise((resolvePromise, reject) => {
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    const worker = new Worker(workerScript(), {
      workerData: input,
      resourceLimits: { maxOldGenerationSizeMb: input.limits.heapMb, maxYoungGenerationSizeMb: 64 },
    });
    worker.once('message', (m: CheckOutcome) =>
      settle(() => ('report' in m ? resolvePromise(m.report) : reject(new DomainError(m.refused.kind, m.refused.message)))),
    );
    worker.once('error', (e: Error & { code?: string }) =>
      settle(() =>
        reject(
          e.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooLarge(`${what}: too large to check: the check needed more than the ${input.limits.heapMb} MB of memory it may use`)
            : invalid(`${what}: the check failed (${e.message})`),
        ),
      ),
    );
    worker.once('exit', (code) => settle(() => reject(invalid(`${what}: the check stopped (exit code ${code})`))));
  });
}

/** The worker's own outcome of a check, as it is posted back. */
export async function workerOutcome(input: CheckInput): Promise<CheckOutcome> {
  try {
    return { report: await checkUpload(input) };
  } catch (e) {
    if (e instanceof DomainError && (e.kind === 'invalid' || e.kind === 'too_large'))
      return { refused: { kind: e.kind, message: e.message } };
    throw e;
  }
}

function workerScript(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return join(dirname(here), 'check-worker.js');
  // Running from TypeScript sources (tests): use the built worker.
  return resolve(dirname(here), '..', '..', 'dist', 'src', 'workbench', 'check-worker.js');
}
