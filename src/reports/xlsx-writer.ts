/**
 * Streaming Excel workbook writer for exports (findings list, statistics tables). Rows are committed as
 * they come, so a sheet of a million rows takes constant memory; each sheet has a bold, frozen header
 * row with an auto-filter. Dates are written as YYYY-MM-DD text, never as Excel dates, so that no time
 * zone can shift them.
 */
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import type { Stream } from 'node:stream';
import ExcelJS from 'exceljs';

/** Rows of one Excel sheet, the header included. */
export const EXCEL_MAX_ROWS = 1_048_576;
/** Longest text an Excel cell holds. */
const EXCEL_MAX_TEXT = 32_767;

export type ColumnFormat = 'money' | 'int' | 'date' | 'text';

export interface WorkbookColumn {
  header: string;
  key: string;
  width?: number;
  format?: ColumnFormat;
}

export interface WorkbookSheet {
  name: string;
  columns: WorkbookColumn[];
  rows: AsyncIterable<Record<string, unknown>> | Iterable<Record<string, unknown>>;
}

/** A whole export: the file's name and its sheets (the HTTP server streams it as a download). */
export interface Workbook {
  fileName: string;
  sheets: WorkbookSheet[];
}

export interface WriteWorkbookOptions {
  /** Data rows per sheet at most (default and upper bound: Excel's limit less the header row). */
  maxRows?: number;
}

export interface WorkbookWritten {
  /** Data rows written, all sheets together. */
  rows: number;
  /** Per sheet, under its final name: rows written and whether rows were left out at the row limit. */
  sheets: Array<{ name: string; rows: number; truncated: boolean }>;
}

const NUM_FMT: Partial<Record<ColumnFormat, string>> = { money: '#,##0.00', int: '#,##0' };

export async function writeWorkbook(
  target: string | NodeJS.WritableStream,
  sheets: WorkbookSheet[],
  options: WriteWorkbookOptions = {},
): Promise<WorkbookWritten> {
  const limit = Math.max(0, Math.min(options.maxRows ?? EXCEL_MAX_ROWS - 1, EXCEL_MAX_ROWS - 1));
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({
    ...(typeof target === 'string' ? { filename: target } : { stream: target as unknown as Stream }),
    useStyles: true,
    useSharedStrings: false,
  });
  const output = typeof target === 'string' ? null : target;
  const names = new Set<string>();
  const written: WorkbookWritten = { rows: 0, sheets: [] };
  try {
    for (const spec of sheets) {
      const name = sheetName(spec.name, names);
      const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
      ws.columns = spec.columns.map((c) => ({
        key: c.key,
        width: c.width ?? Math.max(10, Math.min(60, displayWidth(c.header) + 2)),
        ...(NUM_FMT[c.format ?? 'text'] ? { style: { numFmt: NUM_FMT[c.format ?? 'text'] } } : {}),
      }));
      const header = ws.addRow(spec.columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      let rows = 0;
      let truncated = false;
      for await (const record of spec.rows) {
        if (rows >= limit) {
          truncated = true;
          break;
        }
        ws.addRow(spec.columns.map((c) => cellValue(record[c.key], c.format ?? 'text'))).commit();
        if (++rows % 512 === 0) await relieve(ws, output);
      }
      ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows + 1, column: Math.max(1, spec.columns.length) } };
      ws.commit();
      written.rows += rows;
      written.sheets.push({ name, rows, truncated });
    }
    await book.commit();
    return written;
  } catch (e) {
    if (typeof target === 'string') await rm(target, { force: true }).catch(() => {});
    throw e;
  }
}

/** A value as the cell of a column of the given format holds it. */
function cellValue(v: unknown, format: ColumnFormat): string | number | null {
  if (v === null || v === undefined || v === '') return null;
  if (format === 'money' || format === 'int') {
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    if (typeof v === 'bigint') return Number(v);
    // DuckDB decimals arrive as their canonical text.
    if (typeof v === 'string' && /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim())) return Number(v);
    return text(v);
  }
  if (format === 'date') {
    if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString().slice(0, 10);
    const s = String(v);
    return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : text(s);
  }
  return text(v);
}

/** Columns a text takes in Excel's default font: CJK characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.codePointAt(0)! >= 0x2e80 ? 2 : 1;
  return w;
}

function text(v: unknown): string {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (v instanceof Date)
    s = Number.isNaN(v.getTime())
      ? ''
      : v
          .toISOString()
          .replace('T', ' ')
          .replace(/\.\d+Z$/, '');
  else if (typeof v === 'object') s = JSON.stringify(v);
  else s = String(v);
  return s.length > EXCEL_MAX_TEXT ? s.slice(0, EXCEL_MAX_TEXT) : s;
}

/**
 * Excel's rules for sheet names: at most 31 characters, none of []:*?/\, not starting or ending with an
 * apostrophe, not "History", unique without regard to case. `taken` holds the lower-cased names in use.
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  let base = wanted
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .trim();
  if (base === '' || base.toLowerCase() === 'history') base = `${base || 'Sheet'}_`;
  const cut = (s: string, n: number) => {
    let out = '';
    for (const ch of s) {
      if (out.length + ch.length > n) break;
      out += ch;
    }
    return out;
  };
  let name = cut(base, 31);
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${cut(base, 31 - ` (${k})`.length)} (${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * exceljs hands each committed row to the zip compressor without waiting for it, so a fast producer (or a
 * slow download) would pile the sheet up in memory. Waits until the compressor has taken what it was given,
 * or fails when the output was closed (a download cancelled).
 */
async function relieve(ws: unknown, output: NodeJS.WritableStream | null): Promise<void> {
  type Pipe = NodeJS.WritableStream & { _writableState?: { needDrain?: boolean } };
  const pipes = ((ws as { stream?: { pipes?: unknown[] } }).stream?.pipes ?? []) as Pipe[];
  // The compressor's input is a readable-stream (v2) stream: its state tells whether it is behind.
  const busy = pipes.filter((p) => p._writableState?.needDrain === true);
  const out = output as (NodeJS.WritableStream & { destroyed?: boolean }) | null;
  if (out?.destroyed) throw new Error('the output was closed before the workbook was written');
  if (busy.length === 0) {
    await new Promise((resolve) => setImmediate(resolve));
    return;
  }
  let onClose = () => {};
  const closed = new Promise<boolean>((resolve) => {
    onClose = () => resolve(true);
  });
  out?.once('close', onClose);
  try {
    const drained = Promise.all(busy.map((p) => once(p, 'drain'))).then(() => false);
    drained.catch(() => {}); // after a cancelled download it may still fail, with nobody waiting for it
    if (await Promise.race([drained, closed])) throw new Error('the output was closed before the workbook was written');
  } finally {
    out?.off('close', onClose);
  }
}
