/** Finds the tables of an exchange-format data set in a directory and reads their headers. */
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { DuckDbEngine } from '../db/duckdb.js';
import { quote } from '../db/engine.js';
import { isTableName, type TableName } from '../exchange/tables.js';
import { PLATFORM_SOURCES, type PlatformSource } from './platform.js';

export type FileFormat = 'csv' | 'parquet';

export interface SourceFile {
  path: string;
  /** File name as the user sees it, for error messages. */
  file: string;
  format: FileFormat;
  /** Exchange table the file feeds, or 'mdtrt_d' (merged into setl and psn). */
  target: TableName | 'mdtrt_d';
  platform?: PlatformSource;
  /** Header as written (lower-cased, trimmed), before platform renames. */
  header: string[];
}

export interface Discovery {
  sources: SourceFile[];
  ignored: string[];
}

export class DatasetError extends Error {}

export async function discoverDataset(engine: DuckDbEngine, dir: string): Promise<Discovery> {
  let entries: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new DatasetError(`${dir}: not a directory`);
    entries = (await readdir(dir)).sort();
  } catch (e) {
    if (e instanceof DatasetError) throw e;
    throw new DatasetError(`${dir}: cannot read the data set directory (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const sources: SourceFile[] = [];
  const ignored: string[] = [];
  const byTarget = new Map<string, SourceFile>();
  for (const file of entries) {
    const ext = extname(file).toLowerCase();
    const base = basename(file, extname(file)).toLowerCase();
    const format: FileFormat | null = ext === '.csv' ? 'csv' : ext === '.parquet' ? 'parquet' : null;
    const platform = PLATFORM_SOURCES[base];
    if (!format || (!isTableName(base) && !platform)) {
      ignored.push(file);
      continue;
    }
    const path = join(dir, file);
    const header = format === 'csv' ? await readCsvHeader(path) : await readParquetHeader(engine, path);
    const source: SourceFile = {
      path,
      file,
      format,
      header,
      target: platform ? (platform.target ?? 'mdtrt_d') : (base as TableName),
      ...(platform ? { platform } : {}),
    };
    const clash = byTarget.get(source.target);
    if (clash)
      throw new DatasetError(`${file}: table ${source.target} is already given by ${clash.file}; a data set holds one file per table`);
    byTarget.set(source.target, source);
    sources.push(source);
  }
  if (sources.length === 0) {
    throw new DatasetError(
      `${dir}: no table of the exchange format here (expected files such as setl.csv, feedetl.parquet, setl_d.csv)${ignored.length ? `; found only ${ignored.slice(0, 5).join(', ')}` : ''}`,
    );
  }
  return { sources, ignored };
}

/** The header row of a CSV file: strips a UTF-8 BOM, splits on commas outside quotes. */
export async function readCsvHeader(path: string): Promise<string[]> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    let text = buf.subarray(0, bytesRead).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const end = text.search(/\r?\n/);
    const line = end === -1 ? text : text.slice(0, end);
    if (line.trim() === '') throw new DatasetError(`${basename(path)}: row 1: the file has no header row`);
    return splitCsvLine(line).map((c) => c.trim().toLowerCase());
  } finally {
    await fh.close();
  }
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (inQuotes) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') inQuotes = false;
      else cur += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

async function readParquetHeader(engine: DuckDbEngine, path: string): Promise<string[]> {
  try {
    const rows = await engine.all<{ column_name: string }>(`DESCRIBE SELECT * FROM read_parquet(${quote(path)})`);
    return rows.map((r) => r.column_name.trim().toLowerCase());
  } catch (e) {
    throw new DatasetError(`${basename(path)}: not a readable Parquet file (${(e as Error).message.split('\n')[0]})`);
  }
}
