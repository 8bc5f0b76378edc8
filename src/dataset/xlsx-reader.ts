/**
 * An Excel workbook (.xlsx) as a data set: each sheet named after a table of the exchange format (or a
 * national platform extract: setl_d, mdtrt_d, fee_list_d, setl_list_diag_d) becomes `<table>.csv`, all
 * values as text in the form the importer reads. Other sheets are ignored and listed.
 *
 * The workbook is read as a stream, one row at a time; only the workbook's shared-string table is held
 * in memory. A workbook is untrusted input, so what its archive may inflate to and what it may hold (shared
 * strings, sheets, rows, columns, cells) are bounded by WorkbookLimits; passing one stops the conversion with a
 * WorkbookLimitError that names the workbook and the limit. Sheet row N is CSV row N (the header is row 1 in both), so the importer's rejects name the
 * row the user sees in Excel: blank rows inside a sheet are written as empty CSV rows, blank rows at the
 * end are dropped.
 *
 * Times: Excel stores a date or time as a serial day number with no time zone. exceljs turns it into a
 * Date whose UTC fields are the wall-clock value shown in Excel, so Dates are always formatted with the
 * UTC getters: the server's time zone never shifts a value.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, rm } from 'node:fs/promises';
import { basename, join, posix } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ColumnType } from '../contract/vocabulary.js';
import { isTableName, TABLES } from '../exchange/tables.js';
import { DatasetError } from './discover.js';
import { MDTRT_D_COLUMNS, PLATFORM_SOURCES } from './platform.js';
import { DEFAULT_ZIP_LIMITS, ZipError, ZipFile, ZipLimitError, type ZipLimits } from './zipfile.js';

/** What a workbook may hold; see docs/import.md for the reasons of the defaults. */
export interface WorkbookLimits {
  zip: ZipLimits;
  /** Entries of the shared-string table (every distinct text in the workbook). */
  maxSharedStrings: number;
  /** Bytes of the shared-string table's XML, which is held in memory while the sheets are read. */
  maxSharedStringBytes: number;
  maxSheets: number;
  /** Rows of one sheet (Excel's own maximum is 1,048,576). */
  maxRows: number;
  /** Columns of one row (Excel's own maximum is 16,384, column XFD). */
  maxColumns: number;
  /** Cells of all sheets together (each row counted to its last cell). */
  maxCells: number;
}

export const DEFAULT_WORKBOOK_LIMITS: WorkbookLimits = {
  zip: DEFAULT_ZIP_LIMITS,
  maxSharedStrings: 5_000_000,
  maxSharedStringBytes: 256 * 1024 * 1024,
  maxSheets: 1000,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  maxCells: 60_000_000,
};

/** The workbook is readable but exceeds a limit (the message names the workbook and the limit). */
export class WorkbookLimitError extends DatasetError {}

export interface WorkbookConversion {
  /** One entry per converted sheet; `file` is the CSV file's name in outDir. */
  tables: Array<{ sheet: string; file: string; rows: number }>;
  /** Names of the sheets that are not tables of the format. */
  ignored: string[];
}

/** The streaming reader's row and cell, as far as they are used here. */
interface SheetRow {
  number: number;
  cellCount: number;
  getCell(col: number): SheetCell;
  eachCell(callback: (cell: SheetCell, col: number) => void): void;
}
interface SheetCell {
  type: number;
  value: unknown;
  result?: unknown;
  formula?: string;
}
type SheetReader = AsyncIterable<SheetRow> & { name: string };

/**
 * The parts of exceljs's streaming WorkbookReader used here. Its own pass over the zip archive loses
 * entries on Node 18+ (exceljs issues #3064, #2790: "Cannot read properties of undefined (reading
 * 'sheets')", or sheets read without their shared strings), and it splits UTF-8 characters at chunk
 * boundaries. So the archive is read here (zipfile.ts) and its parts handed over in the order they are
 * needed: relationships, workbook, shared strings, styles, then each sheet as a stream of text.
 */
interface ReaderParts {
  workbookRels?: Array<{ Id: string; Type: string; Target: string }>;
  model?: { sheets?: Array<{ name: string; rId: string }> };
  properties?: { model?: { date1904?: boolean } };
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<unknown>, sheetNo: string): Generator<{ eventType: string; value: SheetReader }>;
}

/** Excel's serial of 9999-12-31 + 1: numbers below it in a date column are day serials. */
const MAX_SERIAL = 2958466;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

export async function workbookToDataset(
  xlsxPath: string,
  outDir: string,
  limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS,
): Promise<WorkbookConversion> {
  const book = basename(xlsxPath);
  await checkZip(xlsxPath, book);
  const budget = { book, limits, cells: 0 };
  await mkdir(outDir, { recursive: true });
  const result: WorkbookConversion = { tables: [], ignored: [] };
  const byTarget = new Map<string, string>();
  const written: string[] = [];
  try {
    const { reader, sheets } = await openWorkbook(xlsxPath, budget);
    const date1904 = reader.properties?.model?.date1904 === true;
    for (const { name, open } of sheets) {
      const key = name.trim().toLowerCase();
      const platform = PLATFORM_SOURCES[key];
      if (!open || (!platform && !isTableName(key))) {
        result.ignored.push(name);
        continue;
      }
      const target = platform ? (platform.target ?? 'mdtrt_d') : key;
      const clash = byTarget.get(target);
      if (clash !== undefined) {
        throw new DatasetError(`${book}: sheets "${clash}" and "${name}" both give table ${target}; a workbook holds one sheet per table`);
      }
      byTarget.set(target, name);
      const file = `${key}.csv`;
      written.push(join(outDir, file));
      const rows = await sheetToCsv(await open(), join(outDir, file), columnTypes(key), { book, sheet: name, date1904, budget });
      result.tables.push({ sheet: name, file, rows });
    }
  } catch (e) {
    await Promise.all(written.map((p) => rm(p, { force: true })));
    if (e instanceof DatasetError) throw e;
    if (e instanceof ZipLimitError) throw new WorkbookLimitError(`${book}: too large to read: ${e.message}`);
    if (e instanceof ZipError) throw new DatasetError(`${book}: not a readable .xlsx workbook (${e.message})`);
    throw new DatasetError(`${book}: cannot read the workbook (${(e as Error).message})`);
  }
  if (result.tables.length === 0) {
    const found = result.ignored.length ? result.ignored.map((s) => `"${s}"`).join(', ') : 'none';
    throw new DatasetError(
      `${book}: no sheet is a table of the exchange format (expected sheets named setl, feedetl, psn, … or setl_d, fee_list_d, …); sheets found: ${found}`,
    );
  }
  return result;
}

/**
 * The checks that need only the archive's central directory (is it an .xlsx, do its declared sizes fit the limits):
 * milliseconds even for a bomb, so a caller can refuse before it starts the conversion proper.
 */
export async function precheckWorkbook(xlsxPath: string, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS): Promise<void> {
  const book = basename(xlsxPath);
  await checkZip(xlsxPath, book);
  try {
    await ZipFile.open(xlsxPath, limits.zip);
  } catch (e) {
    if (e instanceof ZipLimitError) throw new WorkbookLimitError(`${book}: too large to read: ${e.message}`);
    if (e instanceof ZipError) throw new DatasetError(`${book}: not a readable .xlsx workbook (${e.message})`);
    throw e;
  }
}

/** The workbook's sheets in workbook order; `open` is null for a sheet that is not a worksheet (a chart). */
async function openWorkbook(
  path: string,
  budget: Budget,
): Promise<{ reader: ReaderParts; sheets: Array<{ name: string; open: (() => Promise<SheetReader>) | null }> }> {
  const { book, limits } = budget;
  const zip = await ZipFile.open(path, limits.zip);
  if (!zip.has('xl/workbook.xml')) throw new ZipError('no xl/workbook.xml: not an Excel workbook');
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as ReaderParts;
  if (zip.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(await zip.text('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(await zip.text('xl/workbook.xml'));
  const rels = reader.workbookRels ?? [];
  const part = (type: string) => {
    const target = rels.find((r) => r.Type === `${REL}${type}`)?.Target;
    return target === undefined ? null : target.startsWith('/') ? target.slice(1) : posix.normalize(`xl/${target}`);
  };
  const strings = part('sharedStrings') ?? 'xl/sharedStrings.xml';
  if (zip.has(strings)) {
    const xml = await zip.text(strings, limits.maxSharedStringBytes, 'the shared-string table');
    for await (const s of reader._parseSharedStrings(countStrings(xml, book, limits.maxSharedStrings))) void s;
  }
  const styles = part('styles') ?? 'xl/styles.xml';
  if (zip.has(styles)) await reader._parseStyles(await zip.text(styles));
  const listed = reader.model?.sheets ?? [];
  if (listed.length > limits.maxSheets) {
    throw new WorkbookLimitError(`${book}: too large to read: ${listed.length} sheets, more than the limit of ${limits.maxSheets}`);
  }
  const sheets = listed.map((s, i) => {
    const rel = rels.find((r) => r.Id === s.rId);
    const target =
      rel?.Type === `${REL}worksheet` ? (rel.Target.startsWith('/') ? rel.Target.slice(1) : posix.normalize(`xl/${rel.Target}`)) : null;
    const open =
      target && zip.has(target)
        ? async () => {
            const emitted = reader._parseWorksheet(await zip.text(target), String(i + 1)).next();
            if (emitted.done) throw new Error(`sheet ${s.name} could not be opened`);
            const sheet = emitted.value.value;
            sheet.name = s.name;
            return sheet;
          }
        : null;
    return { name: s.name, open };
  });
  return { reader, sheets };
}

interface Budget {
  book: string;
  limits: WorkbookLimits;
  /** Cells read so far, in all sheets. */
  cells: number;
}

/**
 * The shared-string table's XML passed on unchanged, its entries (`<si>`) counted on the way: the stream fails
 * as soon as there are more than `max`, before the table is built any further.
 */
function countStrings(xml: Readable, book: string, max: number): Readable {
  async function* counted(): AsyncGenerator<string> {
    let count = 0;
    let tail = '';
    try {
      for await (const chunk of xml as AsyncIterable<string>) {
        const text = tail + chunk;
        const found = text.match(/<si[\s>/]/g);
        count += found ? found.length : 0;
        if (count > max) {
          throw new WorkbookLimitError(
            `${book}: too large to read: the shared-string table holds more than the limit of ${max.toLocaleString('en')} strings`,
          );
        }
        // The last three characters go with the next chunk: a tag split between chunks is seen, and (four characters
        // long) never counted twice.
        tail = text.slice(-3);
        yield chunk;
      }
    } finally {
      xml.destroy();
    }
  }
  return Readable.from(counted(), { objectMode: true });
}

/** An .xlsx file is a zip archive; the old binary .xls format is not, and is named as such. */
async function checkZip(path: string, book: string): Promise<void> {
  let head: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      head = Buffer.alloc(4);
      await fh.read(head, 0, 4, 0);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw new DatasetError(`${book}: cannot read the workbook (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (head.equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new DatasetError(`${book}: an Excel 97–2003 (.xls) workbook; save it as an .xlsx workbook and upload that`);
  }
  if (!head.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) throw new DatasetError(`${book}: not an .xlsx workbook`);
}

/** Column name (lower-case, as the sheet writes it) → type, for the table a sheet feeds. */
function columnTypes(key: string): (name: string) => ColumnType {
  const platform = PLATFORM_SOURCES[key];
  const specs: ReadonlyArray<{ name: string; type: ColumnType }> =
    key === 'mdtrt_d' ? MDTRT_D_COLUMNS : TABLES[(platform?.target ?? key) as keyof typeof TABLES].columns;
  const types = new Map(specs.map((c) => [c.name, c.type]));
  return (name) => types.get(platform?.renames[name] ?? name) ?? 'text';
}

interface SheetContext {
  book: string;
  sheet: string;
  date1904: boolean;
  budget: Budget;
}

async function sheetToCsv(sheet: SheetReader, path: string, typeOf: (name: string) => ColumnType, ctx: SheetContext): Promise<number> {
  const where = (row: number, column?: string) =>
    `${ctx.book}: sheet ${ctx.sheet}: row ${row}${column === undefined ? '' : `: column ${column}`}`;
  const out = new CsvOut(path);
  try {
    let header: string[] | null = null;
    let types: ColumnType[] = [];
    let lastWritten = 1;
    const { limits } = ctx.budget;
    const tooLarge = (what: string) => new WorkbookLimitError(`${ctx.book}: too large to read: sheet ${ctx.sheet}: ${what}`);
    for await (const row of sheet) {
      // Checked before anything is written: a row numbered 10^9 would otherwise be preceded by as many blank CSV rows.
      if (row.number > limits.maxRows) throw tooLarge(`row ${row.number}, beyond the limit of ${limits.maxRows.toLocaleString('en')} rows`);
      if (row.cellCount > limits.maxColumns) {
        throw tooLarge(`row ${row.number} has ${row.cellCount} columns, more than the limit of ${limits.maxColumns.toLocaleString('en')}`);
      }
      ctx.budget.cells += row.cellCount;
      if (ctx.budget.cells > limits.maxCells) {
        throw new WorkbookLimitError(
          `${ctx.book}: too large to read: more than the limit of ${limits.maxCells.toLocaleString('en')} cells`,
        );
      }
      if (header === null) {
        if (row.number !== 1) break;
        header = readHeader(row, where);
        types = header.map((h) => typeOf(h.toLowerCase()));
        await out.row(header);
        continue;
      }
      const fields = header.map((name, i) => {
        const cell = row.getCell(i + 1);
        const text = cellText(cell, types[i]!, ctx.date1904);
        if (typeof text !== 'string') throw new DatasetError(`${where(row.number, name)}: ${text.problem}`);
        return text;
      });
      // Only the cells the row has are visited (a row may reach column XFD with one cell).
      let beyond = 0;
      const width = header.length;
      if (row.cellCount > width) {
        row.eachCell((cell, c) => {
          if (beyond === 0 && c > width && !isBlank(cell)) beyond = c;
        });
      }
      if (beyond > 0) {
        throw new DatasetError(
          `${where(row.number)}: a value in column ${columnLetter(beyond)}, beyond the ${header.length} columns of the header`,
        );
      }
      if (fields.every((f) => f === '')) continue;
      for (; lastWritten < row.number - 1; lastWritten++) await out.row(header.map(() => ''));
      await out.row(fields);
      lastWritten = row.number;
    }
    if (header === null) throw new DatasetError(`${where(1)}: the header row is empty (the first row must name the columns)`);
    await out.close();
    return lastWritten - 1;
  } catch (e) {
    out.destroy();
    throw e;
  }
}

function readHeader(row: SheetRow, where: (row: number, column?: string) => string): string[] {
  const names: string[] = [];
  for (let c = 1; c <= row.cellCount; c++) {
    const text = cellText(row.getCell(c), 'text', false);
    names.push(typeof text === 'string' ? text.trim() : '');
  }
  while (names.length && names[names.length - 1] === '') names.pop();
  if (names.length === 0) throw new DatasetError(`${where(1)}: the header row is empty (the first row must name the columns)`);
  const seen = new Map<string, string>();
  names.forEach((n, i) => {
    if (n === '') throw new DatasetError(`${where(1)}: column ${columnLetter(i + 1)}: the header cell is empty`);
    const prev = seen.get(n.toLowerCase());
    if (prev !== undefined) throw new DatasetError(`${where(1)}: column ${n}: appears twice in the header (also column ${prev})`);
    seen.set(n.toLowerCase(), columnLetter(i + 1));
  });
  return names;
}

const FORMULA = 6;

function isBlank(cell: SheetCell): boolean {
  const v = cell.value;
  return v === null || v === undefined || v === '';
}

type CellText = string | { problem: string };

/** A cell's value as the importer reads it, or why it cannot be given. */
function cellText(cell: SheetCell, type: ColumnType, date1904: boolean): CellText {
  if (cell.type === FORMULA) return formulaText(cell.result, cell.formula, type, date1904);
  return valueText(cell.value, type, date1904);
}

function formulaText(result: unknown, formula: string | undefined, type: ColumnType, date1904: boolean): CellText {
  const f = formula ? ` (=${formula})` : '';
  // The streaming reader reads a formula's error result (#DIV/0!, #N/A, …) as NaN and drops its code.
  if (typeof result === 'number' && Number.isNaN(result)) return { problem: `a formula error${f}` };
  if (result === undefined || result === null)
    return { problem: `a formula without a calculated value${f}; open the workbook in Excel and save it again` };
  return valueText(result, type, date1904);
}

function valueText(v: unknown, type: ColumnType, date1904: boolean): CellText {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') {
    if ((type === 'date' || type === 'timestamp') && v > 0 && v < MAX_SERIAL) {
      // A day serial whose date format was lost (or a formula's result): Excel's own reading of it.
      return dateText(new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 86400) * 1000), type);
    }
    return numberText(v);
  }
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { problem: 'an invalid date' } : dateText(v, type);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o) return { problem: `an error value (${String(o.error)})` };
    if ('formula' in o || 'sharedFormula' in o)
      return formulaText(o.result, typeof o.formula === 'string' ? o.formula : undefined, type, date1904);
    if (Array.isArray(o.richText)) return (o.richText as Array<{ text?: string }>).map((r) => r.text ?? '').join('');
    if ('text' in o) return valueText(o.text, type, date1904);
  }
  return { problem: `a value of an unsupported kind (${JSON.stringify(v)})` };
}

/** Plain decimal: no exponent, no grouping, 15 significant digits as Excel shows (0.1*3 → 0.3). */
function numberText(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const n = Number(v.toPrecision(15));
  if (Number.isInteger(n)) return BigInt(n).toString();
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

function dateText(d: Date, type: ColumnType): string {
  const t = new Date(Math.round(d.getTime() / 1000) * 1000);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const day = `${p(t.getUTCFullYear(), 4)}-${p(t.getUTCMonth() + 1)}-${p(t.getUTCDate())}`;
  const time = `${p(t.getUTCHours())}:${p(t.getUTCMinutes())}:${p(t.getUTCSeconds())}`;
  if (type === 'timestamp') return `${day} ${time}`;
  // In a date or text column a time of day is kept only when there is one (the importer judges it).
  return time === '00:00:00' ? day : `${day} ${time}`;
}

function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** RFC 4180 CSV rows to a file, in batches, waiting when the disk falls behind. */
class CsvOut {
  private readonly stream: WriteStream;
  private buf = '';

  constructor(path: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
  }

  async row(fields: string[]): Promise<void> {
    // A blank row is written as `"",,…` so that the blank row of a one-column sheet is not a blank line,
    // which a CSV reader would skip (and so shift the row numbers after it).
    const line = fields.every((f) => f === '')
      ? `""${','.repeat(fields.length - 1)}`
      : fields.map((f) => (/[",\r\n]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f)).join(',');
    this.buf += line + '\n';
    if (this.buf.length >= 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buf;
    this.buf = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  destroy(): void {
    this.stream.destroy();
  }
}
