/** The reject report: one CSV row per rejected value or row (file, row, column, value, reason). */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** One problem in the input: where it is (file, row, column), the value and why it was refused. */
export interface Reject {
  file: string;
  /** Row as a spreadsheet shows it: for CSV the header is row 1; for Parquet the first record is row 1. */
  row: number | null;
  column: string | null;
  value: string | null;
  reason: string;
}

function field(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export async function writeRejectReport(path: string, rejects: Reject[]): Promise<void> {
  const lines = ['file,row,column,value,reason', ...rejects.map((r) => [r.file, r.row, r.column, r.value, r.reason].map(field).join(','))];
  await mkdir(dirname(resolve(path)), { recursive: true });
  await writeFile(path, `${lines.join('\n')}\n`);
}
