/**
 * Loads one source file into a typed staging table. The fast path lets DuckDB parse and type the
 * file in one vectorised pass; only when that fails does the diagnostic path read every value as
 * text to name each bad value's row and column. Staging rows keep the file's order, so a staging
 * table's rowid is the data row's index in the file.
 */
import type { DuckDbEngine } from '../db/duckdb.js';
import { duckdbDialect, ident, quote } from '../db/engine.js';
import type { ColumnType } from '../contract/vocabulary.js';
import type { ColumnSpec } from '../exchange/tables.js';
import type { SourceFile } from './discover.js';
import type { Reject } from './rejects.js';
import type { Relation } from './validate.js';

export interface StagedFile {
  table: string;
  /** Canonical columns plus the file's extra columns, in table order. */
  columns: string[];
  rows: number;
  /** Maps a staging rowid to the row reported to the user. */
  rowOf(rowid: number): number;
  /** Rejects found while reading (structure and types). */
  rejects: Reject[];
  /** SQL predicate TRUE for rows with a value that could not be typed (kept with NULL there), or null. */
  castBad: string | null;
  /** Where checks find rows and their indexes. */
  relation: Relation;
  /** For a view over a file: aggregates (over the view) counting untidy text per column, and a rebuild
   * that tidies the columns found untidy; returns whether anything changed. */
  tidyProbe?: { probes: string[]; rebuild(counts: number[]): Promise<boolean> };
}

export interface StageOptions {
  /** Stage a Parquet file as a view over the file instead of copying it into a table. */
  lazy?: boolean;
  /**
   * Let DuckDB read a CSV file on all threads without keeping the file's row order (10 M fee lines: 6.5 s
   * instead of 9.5 s). Staging rowids then no longer give file rows, so such a staging is only good for
   * finding out that a data set is clean; to report rejects the file must be staged again in order.
   */
  anyOrder?: boolean;
  /** Say on stderr why the file left the fast typed read for the diagnostic path. */
  debug?: boolean;
}

/** SQL: TRUE for text that is empty or starts or ends with a space, and for the odd value starting with a
 * control character (harmless: the rebuild tidies with the exact test). Comparing with '!' uses the string's
 * inline prefix and costs half of starts_with and an equality test over a 10-million-line column. */
function mayBeUntidy(col: string): string {
  return `${col} < '!' OR suffix(${col}, ' ')`;
}

/** Start of the reason of a CSV row with bytes that are not UTF-8 (DuckDB reads UTF-8 only). */
export const NOT_UTF8 = 'not UTF-8 text';

/** Thrown by the fast path for a CSV file that began as plain ASCII and went on with a byte that is not UTF-8. */
export class NotUtf8 extends Error {
  constructor(file: string) {
    super(`${file}: not UTF-8 after a plain ASCII start`);
  }
}

const TYPE_REASON: Record<ColumnType, string> = {
  text: 'not text',
  int: 'not a whole number',
  money: 'not a number (amount in yuan)',
  qty: 'not a number',
  date: 'not a valid date (YYYY-MM-DD)',
  timestamp: 'not a valid time (YYYY-MM-DD HH:MM:SS)',
};

export async function stageFile(
  engine: DuckDbEngine,
  source: SourceFile,
  specColumns: readonly ColumnSpec[],
  table: string,
  options: StageOptions = {},
): Promise<StagedFile> {
  const renames = source.platform?.renames ?? {};
  const names = source.header.map((h) => renames[h] ?? h);
  // Headers with repeated or empty names are rejected before staging (discover.ts, headerRejects).
  const specByName = new Map(specColumns.map((c) => [c.name, c]));
  const extra = names.filter((n) => !specByName.has(n) && n !== '');
  const columns = specColumns.map((c) => c.name).concat(extra);
  const typeOf = (n: string): ColumnType => specByName.get(n)?.type ?? 'text';
  const sqlType = (n: string) => duckdbDialect.type(typeOf(n));
  const headerIndex = new Map(names.map((n, i) => [n, i]));
  const rowBase = source.format === 'csv' ? 2 : 1;

  const select = (valueOf: (n: string) => string) =>
    columns
      .map((n) => {
        if (!headerIndex.has(n)) return `CAST(NULL AS ${sqlType(n)}) AS ${ident(n)}`;
        return `${valueOf(n)} AS ${ident(n)}`;
      })
      .join(', ');
  const readCol = (n: string) => ident(source.format === 'csv' ? `c${headerIndex.get(n)}` : source.header[headerIndex.get(n)!]!);
  // Text is trimmed and empty text is NULL. Trimming every value of a 10-million-line file is costly, so
  // only values that start or end with a space are trimmed.
  const textValue = (expr: string) =>
    `CASE WHEN starts_with(${expr}, ' ') OR suffix(${expr}, ' ') THEN NULLIF(trim(${expr}), '') ELSE NULLIF(${expr}, '') END`;
  const tableRelation: Relation = { name: table, detail: table, rowid: 'rowid' };

  if (options.lazy && source.format === 'parquet') {
    // Copying a 10-million-line Parquet file into memory costs more than screening it: a view reads the
    // file where it lies, each query decoding only the columns it needs. Columns already of the right type
    // are used as they are; the others are cast, and values that do not cast are reported.
    const described = await engine.all<{ column_name: string; column_type: string }>(
      `DESCRIBE SELECT * FROM read_parquet(${quote(source.path)})`,
    );
    const fileType = new Map(described.map((d) => [d.column_name.toLowerCase(), d.column_type.toUpperCase()]));
    const haveType = (n: string) => fileType.get(source.header[headerIndex.get(n)!]!) ?? 'VARCHAR';
    const present = columns.filter((n) => headerIndex.has(n));
    // Whole numbers and decimals serve as they are where a decimal is expected: casting them in the view
    // would cost on every scan and hide the column from filter pushdown.
    const exact = (n: string) =>
      haveType(n) === sqlType(n) ||
      (['money', 'qty'].includes(typeOf(n)) && /^(TINYINT|SMALLINT|INTEGER|BIGINT|DECIMAL\(\d+,[0-2]\))$/.test(haveType(n))) ||
      (typeOf(n) === 'qty' && /^DECIMAL\(\d+,[0-4]\)$/.test(haveType(n))) ||
      (typeOf(n) === 'int' && /^(TINYINT|SMALLINT|INTEGER)$/.test(haveType(n)));
    const castCols = present.filter((n) => typeOf(n) !== 'text' && !exact(n));
    const textCols = present.filter((n) => typeOf(n) === 'text' && haveType(n) === 'VARCHAR');
    const castBadSql = (n: string) => `${readCol(n)} IS NOT NULL AND TRY_CAST(${readCol(n)} AS ${sqlType(n)}) IS NULL`;
    // Text columns are used raw unless they hold empty or space-padded values: an expression on a join
    // key would keep DuckDB from pushing join filters into the Parquet scan.
    const castCounts = castCols.length
      ? ((
          await engine.all(
            `SELECT ${castCols.map((n, i) => `COUNT(*) FILTER (WHERE ${castBadSql(n)}) AS c${i}`).join(', ')} FROM read_parquet(${quote(source.path)})`,
          )
        )[0] ?? {})
      : {};
    const detail = `fg_rows_${table.replace(/\W/g, '_')}`;
    const createViews = async (untidy: Set<string>) => {
      const valueOf = (n: string) => {
        const col = readCol(n);
        if (typeOf(n) === 'text') {
          if (haveType(n) !== 'VARCHAR') return textValue(`CAST(${col} AS VARCHAR)`);
          return untidy.has(n) ? textValue(col) : col;
        }
        return castCols.includes(n) ? `TRY_CAST(${col} AS ${sqlType(n)})` : col;
      };
      const exprs = select(valueOf);
      await engine.exec(`CREATE OR REPLACE VIEW ${table} AS SELECT ${exprs} FROM read_parquet(${quote(source.path)})`);
      await engine.exec(
        `CREATE OR REPLACE VIEW ${detail} AS SELECT ${exprs}, file_row_number AS _row FROM read_parquet(${quote(source.path)}, file_row_number=true)`,
      );
    };
    await createViews(new Set());
    const rejects: Reject[] = [];
    for (const [i, n] of castCols.entries()) {
      if (Number((castCounts as Record<string, unknown>)[`c${i}`] ?? 0) === 0) continue;
      const bad = await engine.all<{ id: number; v: string }>(
        `SELECT file_row_number AS id, CAST(${readCol(n)} AS VARCHAR) AS v FROM read_parquet(${quote(source.path)}, file_row_number=true) WHERE ${castBadSql(n)} ORDER BY id LIMIT 10000`,
      );
      for (const b of bad)
        rejects.push({ file: source.file, row: Number(b.id) + rowBase, column: n, value: truncate(b.v), reason: TYPE_REASON[typeOf(n)] });
    }
    // Text columns are used raw unless they hold empty or space-padded values (an expression on a join key
    // would keep DuckDB from pushing join filters into the scan). The probes ride along the row-check scan;
    // should one find untidy values, the views are rebuilt with those columns tidied and checked again.
    const tidyProbe = textCols.length
      ? {
          probes: textCols.map((n) => `COUNT(*) FILTER (WHERE ${mayBeUntidy(readCol(n))})`),
          rebuild: async (counts: number[]) => {
            const untidy = new Set(textCols.filter((_, i) => (counts[i] ?? 0) > 0));
            if (untidy.size) await createViews(untidy);
            return untidy.size > 0;
          },
        }
      : undefined;
    const rows = await countRows(engine, table);
    return {
      table,
      columns,
      rows,
      rowOf: (id) => id + rowBase,
      rejects,
      castBad: null,
      relation: { name: table, detail, rowid: '_row' },
      ...(tidyProbe ? { tidyProbe } : {}),
    };
  }

  // Fast path: typed read.
  try {
    const from =
      source.format === 'csv'
        ? csvScan(
            source.path,
            names.map((n, i) => [`c${i}`, headerIndex.get(n) === i && specByName.has(n) ? sqlType(n) : 'VARCHAR']),
          )
        : `read_parquet(${quote(source.path)})`;
    // CSV text is copied as read: DuckDB already gives NULL for empty fields. Quoted empty or space-padded
    // values are rare, so they are tidied afterwards, only in the columns the row-check scan finds them in.
    const valueOf = (n: string) =>
      typeOf(n) === 'text'
        ? source.format === 'csv'
          ? readCol(n)
          : textValue(`CAST(${readCol(n)} AS VARCHAR)`)
        : source.format === 'csv'
          ? readCol(n)
          : `CAST(${readCol(n)} AS ${sqlType(n)})`;
    const anyOrder = options.anyOrder === true && source.format === 'csv';
    if (anyOrder) await engine.exec('SET preserve_insertion_order = false');
    try {
      await engine.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT ${select(valueOf)} FROM ${from}`);
    } finally {
      if (anyOrder) await engine.exec('RESET preserve_insertion_order');
    }
    const rows = await countRows(engine, table);
    const textCols = source.format === 'csv' ? columns.filter((n) => headerIndex.has(n) && typeOf(n) === 'text') : [];
    const untidy = (n: string) => `${ident(n)} = '' OR starts_with(${ident(n)}, ' ') OR suffix(${ident(n)}, ' ')`;
    const tidyProbe = textCols.length
      ? {
          probes: textCols.map((n) => `COUNT(*) FILTER (WHERE ${mayBeUntidy(ident(n))})`),
          rebuild: async (counts: number[]) => {
            const cols = textCols.filter((_, i) => (counts[i] ?? 0) > 0);
            for (const n of cols) await engine.exec(`UPDATE ${table} SET ${ident(n)} = NULLIF(trim(${ident(n)}), '') WHERE ${untidy(n)}`);
            return cols.length > 0;
          },
        }
      : undefined;
    return {
      table,
      columns,
      rows,
      rowOf: (id) => id + rowBase,
      rejects: [],
      castBad: null,
      relation: tableRelation,
      ...(tidyProbe ? { tidyProbe } : {}),
    };
  } catch (e) {
    // A file whose start was plain ASCII may be GB18030: the importer tries that before any row-by-row diagnosis.
    if (source.asciiStart && /invalid unicode/i.test((e as Error).message)) throw new NotUtf8(source.file);
    // Fall through to the diagnostic path.
    if (options.debug) console.error(`fast path failed for ${source.file}: ${(e as Error).message}`);
  }

  // Diagnostic path: every value as text, then typed with TRY_CAST so each bad value is named.
  const raw = `${table}_raw`;
  const rejects: Reject[] = [];
  let skippedDataRows: number[] = [];
  if (source.format === 'csv') {
    const rejectsTable = `fg_csv_rejects`;
    await engine.exec(`DROP TABLE IF EXISTS ${rejectsTable}`);
    await engine.exec(
      `CREATE OR REPLACE TABLE ${raw} AS SELECT * FROM ${csvScan(
        source.path,
        names.map((_, i) => [`c${i}`, 'VARCHAR']),
        `, store_rejects=true, rejects_table='${rejectsTable}', rejects_scan='fg_csv_scans'`,
      )}`,
    );
    const structural = await engine.all<{
      line: number;
      error_message: string;
      error_type: string;
      byte_position: number;
      csv_line: string;
    }>(`SELECT line, error_message, CAST(error_type AS VARCHAR) AS error_type, byte_position, csv_line FROM ${rejectsTable} ORDER BY line`);
    for (const r of structural) {
      const encoding = r.error_type === 'INVALID ENCODING';
      rejects.push({
        file: source.file,
        row: Number(r.line),
        column: null,
        value: truncate(r.csv_line),
        reason: encoding
          ? `${NOT_UTF8}: a byte sequence near byte offset ${Number(r.byte_position)} is not UTF-8, and the file's start is UTF-8, so it is not read as GB18030 either; save the file as UTF-8`
          : `malformed CSV row: ${r.error_message.split('\n')[0]}`,
      });
    }
    skippedDataRows = structural.map((r) => Number(r.line) - 2);
  } else {
    await engine.exec(
      `CREATE OR REPLACE TABLE ${raw} AS SELECT ${source.header.map((h) => `CAST(${ident(h)} AS VARCHAR) AS ${ident(h)}`).join(', ')} FROM read_parquet(${quote(source.path)})`,
    );
  }
  const rowOf = (rowid: number) => {
    let idx = rowid;
    for (const s of skippedDataRows) {
      if (s <= idx) idx++;
      else break;
    }
    return idx + rowBase;
  };
  const rawValue = (n: string) => textValue(readCol(n));
  const valueOf = (n: string) => (typeOf(n) === 'text' ? rawValue(n) : `TRY_CAST(${rawValue(n)} AS ${sqlType(n)})`);
  const typed = columns.filter((n) => headerIndex.has(n) && typeOf(n) !== 'text');
  const castFails = (n: string) => `(${rawValue(n)} IS NOT NULL AND TRY_CAST(${rawValue(n)} AS ${sqlType(n)}) IS NULL)`;
  const anyCastFail = typed.length ? typed.map(castFails).join(' OR ') : 'FALSE';
  await engine.exec(`CREATE OR REPLACE TABLE ${table} AS SELECT ${select(valueOf)}, ${anyCastFail} AS _cast_bad FROM ${raw}`);
  for (const n of typed) {
    const bad = await engine.all<{ id: number; v: string }>(
      `SELECT rowid AS id, ${readCol(n)} AS v FROM ${raw} WHERE ${castFails(n)} ORDER BY rowid LIMIT 10000`,
    );
    for (const b of bad) {
      rejects.push({ file: source.file, row: rowOf(Number(b.id)), column: n, value: truncate(b.v), reason: TYPE_REASON[typeOf(n)] });
    }
  }
  await engine.exec(`DROP TABLE ${raw}`);
  const rows = await countRows(engine, table);
  return { table, columns, rows, rowOf, rejects, castBad: '_cast_bad', relation: tableRelation };
}

function csvScan(path: string, cols: [string, string][], extra = ''): string {
  const struct = `{${cols.map(([n, t]) => `${quote(n)}: ${quote(t)}`).join(', ')}}`;
  return `read_csv(${quote(path)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', columns=${struct}${extra})`;
}

async function countRows(engine: DuckDbEngine, table: string): Promise<number> {
  const [r] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(r?.n ?? 0);
}

function truncate(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return v.length > 200 ? `${v.slice(0, 200)}…` : v;
}
