/** Finds the tables of an exchange-format data set in a directory and reads their headers. */
import { open, readdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { DuckDbEngine } from '../db/duckdb.js';
import { quote } from '../db/engine.js';
import { isTableName, type TableName } from '../exchange/tables.js';
import { sniffEncoding, type TextEncoding } from './encoding.js';
import { PLATFORM_SOURCES, type PlatformSource } from './platform.js';
import type { Reject } from './rejects.js';

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
  /** Header exactly as written, for messages. */
  rawHeader: string[];
  /** CSV: the text encoding the file's start is in ('utf-8' when the start is plain ASCII). */
  encoding?: TextEncoding;
  /** CSV: the start is plain ASCII, so a later byte that is not UTF-8 may still make the file GB18030. */
  asciiStart?: boolean;
  /** CSV: the start is neither UTF-8 nor GB18030 (the file is rejected). */
  encodingProblem?: { row: number; reason: string };
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
    const read = format === 'csv' ? await readCsvHeader(path) : { rawHeader: await readParquetHeader(engine, path) };
    const source: SourceFile = {
      ...read,
      path,
      file,
      format,
      header: read.rawHeader.map((c) => c.trim().toLowerCase()),
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

export interface CsvStart {
  /** The header's names as written (not trimmed). */
  rawHeader: string[];
  encoding?: TextEncoding;
  asciiStart: boolean;
  encodingProblem?: { row: number; reason: string };
}

/**
 * The start of a CSV file: its text encoding, told from the first 64 KiB (see encoding.ts), and its header row
 * (a byte-order mark stripped, split on commas outside quotes).
 */
export async function readCsvHeader(path: string): Promise<CsvStart> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(1 << 16);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const sample = buf.subarray(0, bytesRead);
    const sniffed = sniffEncoding(sample, bytesRead < buf.length);
    let text = new TextDecoder(sniffed.encoding ?? 'utf-8').decode(sample, { stream: true });
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const end = text.search(/\r?\n/);
    const line = end === -1 ? text : text.slice(0, end);
    if (line.trim() === '') throw new DatasetError(`${basename(path)}: row 1: the file has no header row`);
    return {
      rawHeader: splitCsvLine(line),
      asciiStart: sniffed.asciiOnly,
      ...(sniffed.encoding ? { encoding: sniffed.encoding } : {}),
      ...(sniffed.problem ? { encodingProblem: sniffed.problem } : {}),
    };
  } finally {
    await fh.close();
  }
}

/**
 * Header defects, each a reject at row 1 (for Parquet, no row): a column without a name, and two columns that are one once names are
 * trimmed and lower-cased and platform columns renamed (`cnt` and `CNT `, or `bkkp_sn` beside `feedetl_sn` in
 * fee_list_d). DuckDB would read such a file, but which of the two columns is meant cannot be known.
 */
export function headerRejects(source: SourceFile): Reject[] {
  const renames = source.platform?.renames ?? {};
  const headerRow = source.format === 'csv' ? 1 : null; // a Parquet file's names are not a row
  const rejects: Reject[] = [];
  const positions = new Map<string, number[]>();
  source.header.forEach((h, i) => {
    if (h === '') {
      rejects.push({
        file: source.file,
        row: headerRow,
        column: `#${i + 1}`,
        value: source.rawHeader[i] ?? '',
        reason: `the header gives column ${i + 1} no name; every column needs one (a trailing comma in the header makes an empty column)`,
      });
      return;
    }
    const name = renames[h] ?? h;
    positions.set(name, [...(positions.get(name) ?? []), i]);
  });
  for (const [name, at] of positions) {
    if (at.length < 2) continue;
    const written = at.map((i) => JSON.stringify(source.rawHeader[i] ?? ''));
    const sameText = new Set(at.map((i) => source.rawHeader[i])).size === 1;
    const how = sameText
      ? ''
      : at.some((i) => renames[source.header[i]!])
        ? '; a platform column and the exchange column it is renamed to are the same column'
        : '; names that differ only in case or surrounding spaces are the same column';
    rejects.push({
      file: source.file,
      row: headerRow,
      column: name,
      value: written.join(', '),
      reason: `appears more than once in the header (columns ${at.map((i) => i + 1).join(' and ')})${how}, and which one is meant cannot be told`,
    });
  }
  return rejects;
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
    const described = rows.map((r) => r.column_name);
    // DuckDB renames a repeated column name (cnt, CNT → cnt, CNT_1): the file's own schema has the names as written.
    const schema = await engine.all<{ name: string; num_children: number | null }>(
      `SELECT name, num_children FROM parquet_schema(${quote(path)})`,
    );
    const written: string[] = [];
    for (let i = 1; i < schema.length;) {
      written.push(schema[i]!.name);
      let skip = 1; // a nested column's subtree follows it
      for (let j = i; j < i + skip; j++) skip += Number(schema[j]?.num_children ?? 0);
      i += skip;
    }
    return written.length === described.length ? written : described;
  } catch (e) {
    throw new DatasetError(`${basename(path)}: not a readable Parquet file (${(e as Error).message.split('\n')[0]})`);
  }
}
