/**
 * The catalogue's tables: CSV files in tables/ (UTF-8, a header row, one row per product, in catalogue order), read
 * at run time from the project's sources and checked cell by cell. A bad cell fails the catalogue with the file,
 * the row (as a spreadsheet numbers it: the header is row 1) and the column named.
 *
 * Cells (docs/synthetic-data.md shows the tables):
 * - class: 1 甲类, 2 乙类, 3 丙类; capped, rx, flat_cap: `yes` or empty (no).
 * - groups: `*` (any visit) or disease-group abbreviations separated by spaces (helpers.ts, GROUP_ABBR);
 *   settings: letters O outpatient, E emergency, C chronic (门诊慢特病), I inpatient, P pharmacy.
 * - cnt_min, cnt_max (grams_min, grams_max for herbs): the usual quantity per line, both or neither;
 *   supply_days: days of supply separated by spaces. Empty: the default of the kind (helpers.ts).
 * - lmt_* and max_* are the hilist columns of the same names (lmt_med_types and lmt_dise_prefixes separated by
 *   `|`, as hilist writes them); empty: no restriction.
 * - section: the part of the table a row belongs to, for the reader; the items do not keep it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseCsv } from '../csv-reader.js';
import { projectRoot } from '../../kernel/paths.js';
import { GROUP_ABBR, type DrugRow, type GoodsRow, type HerbRow, type MaterialRow, type Restrictions, type ServiceRow } from './helpers.js';

/** Where the tables are, relative to the project's root. */
export const TABLES_DIR = 'src/synthetic/catalogue/tables';

// ---------------------------------------------------------------------------------------------------------
// Cells

/** An empty cell reads as absent. */
const optional = <T extends z.ZodType>(cell: T) => z.preprocess((v) => (v === '' ? undefined : v), cell.optional());

const text = z
  .string()
  .min(1, 'must not be empty')
  .refine((s) => s.trim() === s, 'has spaces at the start or the end');
const decimal = z
  .string()
  .regex(/^\d+(\.\d+)?$/, 'expected a number such as 12 or 3.5')
  .transform(Number);
const whole = z.string().regex(/^\d+$/, 'expected a whole number').transform(Number);
const yes = z.enum(['yes', ''], 'expected yes or an empty cell').transform((v) => v === 'yes');
const lv = z.enum(['1', '2', '3'], 'expected 1 (甲类), 2 (乙类) or 3 (丙类)').transform((c) => `0${c}` as const);
const groups = z
  .string()
  .refine(
    (s) => s === '*' || s.split(' ').every((a) => Object.hasOwn(GROUP_ABBR, a)),
    `expected * or disease groups separated by spaces (${Object.keys(GROUP_ABBR).join(' ')})`,
  );
const settings = z.string().regex(/^[OECIP]+$/, 'expected setting letters O E C I P (outpatient, emergency, chronic, inpatient, pharmacy)');
const category = z
  .string()
  .regex(/^\d{1,2}$/, 'expected a category number (1 to 99)')
  .transform(Number);
const drugGroup = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected lower-case letters and digits joined by hyphens, e.g. insulin-human-30r');
const drugCategory = z.string().regex(/^[A-Z]\d{2}[A-Z]{2}$/, 'expected a letter, 2 digits and 2 letters, e.g. C08CA');
/** A list in one cell, its items separated by `sep`. */
const list = (pattern: RegExp, sep: string, what: string) =>
  z
    .string()
    .regex(pattern, `expected ${what}`)
    .transform((v) => v.split(sep));

const RESTRICTIONS = {
  lmt_gend: optional(z.enum(['1', '2'], 'expected 1 (male) or 2 (female)')),
  lmt_age_min: optional(whole),
  lmt_age_max: optional(whole),
  lmt_hosp_lv_min: optional(z.enum(['1', '2', '3'], 'expected an institution level 1, 2 or 3').transform((v) => Number(v) as 1 | 2 | 3)),
  lmt_med_types: optional(list(/^\d{2}(\|\d{2})*$/, '|', 'med_type codes separated by |, e.g. 14|21')),
  lmt_dise_prefixes: optional(list(/^[A-Z]\d{2}(\|[A-Z]\d{2})*$/, '|', '3-character ICD-10 prefixes separated by |, e.g. I48|S72')),
  max_days: optional(whole),
  max_cnt_per_day: optional(whole),
  max_cnt_per_7d: optional(whole),
};
type RestrictionCells = z.output<z.ZodObject<typeof RESTRICTIONS>>;

/** The usual quantity per line; both empty: the default of the kind. */
const CNT = { cnt_min: optional(whole), cnt_max: optional(whole) };
const cntOf = (r: z.output<z.ZodObject<typeof CNT>>) => range(r.cnt_min, r.cnt_max, 'cnt_min', 'cnt_max');

const restrictions = (r: RestrictionCells): Restrictions => ({
  lmtGend: r.lmt_gend,
  lmtAgeMin: r.lmt_age_min,
  lmtAgeMax: r.lmt_age_max,
  lmtHospLvMin: r.lmt_hosp_lv_min,
  lmtMedTypes: r.lmt_med_types,
  lmtDisePrefixes: r.lmt_dise_prefixes,
  maxDays: r.max_days,
  maxCntPerDay: r.max_cnt_per_day,
  maxCntPer7d: r.max_cnt_per_7d,
});

/** A cell that is wrong only beside another one (a range given by half). */
class CellError extends Error {
  constructor(
    readonly column: string,
    message: string,
  ) {
    super(message);
  }
}

/** The range of two cells, both given (min ≤ max) or both empty. */
function range(min: number | undefined, max: number | undefined, minColumn: string, maxColumn: string): [number, number] | undefined {
  if (min === undefined && max === undefined) return undefined;
  if (min === undefined) throw new CellError(minColumn, `must be given with ${maxColumn}`);
  if (max === undefined) throw new CellError(maxColumn, `must be given with ${minColumn}`);
  if (min > max) throw new CellError(maxColumn, `must not be below ${minColumn}`);
  return [min, max];
}

// ---------------------------------------------------------------------------------------------------------
// Tables

/** A table: its file in tables/, its columns in order (the header) and their checks, and what a checked row becomes. */
export interface Table<S extends z.ZodRawShape, T> {
  file: string;
  columns: S;
  schema: z.ZodObject<S>;
  row: (cells: z.output<z.ZodObject<S>>) => T;
}

const table = <S extends z.ZodRawShape, T>(file: string, columns: S, row: (cells: z.output<z.ZodObject<S>>) => T): Table<S, T> => ({
  file,
  columns,
  schema: z.object(columns),
  row,
});

/** The cells of a drug row after its category (ATC level 4 of a western drug, category of a patent medicine). */
const DRUG = {
  name: text,
  price: decimal,
  class: lv,
  capped: yes,
  rx: yes,
  groups,
  settings,
  ...CNT,
  supply_days: optional(list(/^\d+( \d+)*$/, ' ', 'days separated by spaces, e.g. 7 14 28').transform((ds) => ds.map(Number))),
  ...RESTRICTIONS,
};

const drugRow = (drugGroup: string, category: string, r: z.output<z.ZodObject<typeof DRUG>>): DrugRow => ({
  drugGroup,
  category,
  name: r.name,
  price: r.price,
  lv: r.class,
  capped: r.capped,
  rx: r.rx,
  groups: r.groups,
  settings: r.settings,
  cnt: cntOf(r),
  supplyDays: r.supply_days,
  ...restrictions(r),
});

export const WESTERN_DRUGS = table('western-drugs.csv', { section: text, drug_group: drugGroup, atc: drugCategory, ...DRUG }, (r) =>
  drugRow(r.drug_group, r.atc, r),
);

export const PATENT_MEDICINES = table(
  'chinese-patent.csv',
  { section: text, drug_group: drugGroup, category: drugCategory, ...DRUG },
  (r) => drugRow(r.drug_group, r.category, r),
);

export const HERBS = table(
  'herbs.csv',
  {
    section: text,
    category,
    name: text,
    price_per_gram: decimal,
    class: lv,
    groups,
    settings,
    grams_min: whole,
    grams_max: whole,
  },
  (r): HerbRow => ({
    category: r.category,
    name: r.name,
    pricePerGram: r.price_per_gram,
    lv: r.class,
    groups: r.groups,
    settings: r.settings,
    grams: range(r.grams_min, r.grams_max, 'grams_min', 'grams_max')!,
  }),
);

export const SERVICES = table(
  'services.csv',
  {
    section: text,
    code_prefix: z.string().regex(/^00\d{4}$/, 'expected 6 digits: the chapter (0011, 0021, …) and the block (01, 02, …)'),
    charge_type: z.enum(
      ['01', '02', '03', '04', '05', '06', '07', '12', '13', '14'],
      'expected the charge type of a service (01 to 07, 12 to 14)',
    ),
    role: z.enum(
      ['registration', 'consultation', 'bed', 'nursing', 'ward_round', 'exam', 'lab', 'treatment', 'surgery', 'other'],
      'expected the role of a service (registration, consultation, bed, nursing, ward_round, exam, lab, treatment, surgery, other)',
    ),
    name: text,
    price: decimal,
    class: lv,
    flat_cap: yes,
    groups,
    settings,
    ...CNT,
    ...RESTRICTIONS,
  },
  (r): ServiceRow => ({
    codePrefix: r.code_prefix,
    chargeType: r.charge_type,
    role: r.role,
    name: r.name,
    price: r.price,
    lv: r.class,
    flatCap: r.flat_cap,
    groups: r.groups,
    settings: r.settings,
    cnt: cntOf(r),
    ...restrictions(r),
  }),
);

export const MATERIALS = table(
  'materials.csv',
  {
    section: text,
    category,
    name: text,
    price: decimal,
    class: lv,
    capped: yes,
    groups,
    settings,
    ...CNT,
    ...RESTRICTIONS,
  },
  (r): MaterialRow => ({
    category: r.category,
    name: r.name,
    price: r.price,
    lv: r.class,
    capped: r.capped,
    groups: r.groups,
    settings: r.settings,
    cnt: cntOf(r),
    ...restrictions(r),
  }),
);

export const NON_MEDICAL = table('non-medical.csv', { name: text, price: decimal }, (r): GoodsRow => ({ name: r.name, price: r.price }));

// ---------------------------------------------------------------------------------------------------------
// Reading

/** The rows of a table given as text (`source` names it in errors). */
export function parseTable<S extends z.ZodRawShape, T>(t: Table<S, T>, text: string, source: string): T[] {
  const [header, ...records] = parseCsv(text, source);
  const columns = Object.keys(t.columns);
  const names = header?.cells ?? [];
  const at = columns.findIndex((c, i) => names[i] !== c);
  if (at >= 0) {
    const found = names[at] === undefined ? 'nothing' : JSON.stringify(names[at]);
    throw new Error(
      `${source}, row 1, column ${at + 1}: expected the header ${columns[at]}, found ${found} (the header is ${columns.join(',')})`,
    );
  }
  if (names.length > columns.length)
    throw new Error(`${source}, row 1: ${names.length} columns, expected ${columns.length} (${columns.join(',')})`);
  return records.map((rec, i) => {
    const where = `${source}, row ${i + 2}${rec.line === i + 2 ? '' : ` (line ${rec.line})`}`;
    if (rec.cells.length !== columns.length) throw new Error(`${where}: ${rec.cells.length} cells, expected ${columns.length}`);
    const cells = Object.fromEntries(columns.map((c, j) => [c, rec.cells[j]!]));
    const parsed = t.schema.safeParse(cells);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const column = String(issue.path[0]);
      throw new Error(`${where}, column ${column}: ${issue.message} (cell ${JSON.stringify(cells[column])})`);
    }
    try {
      return t.row(parsed.data);
    } catch (e) {
      if (e instanceof CellError) throw new Error(`${where}, column ${e.column}: ${e.message} (cell ${JSON.stringify(cells[e.column])})`);
      throw e;
    }
  });
}

/** The rows of a table, read from its file. */
export function readTable<S extends z.ZodRawShape, T>(t: Table<S, T>): T[] {
  const path = `${TABLES_DIR}/${t.file}`;
  return parseTable(t, readFileSync(join(projectRoot(), path), 'utf8'), path);
}
