/**
 * Imports an exchange-format data set into a DuckDB workspace, all or nothing: every file is staged
 * and checked apart from the workspace, and only a data set without rejects (or, with skipInvalid,
 * what remains once the rejects are set aside) is applied, in one transaction.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDbEngine } from '../db/duckdb.js';
import { ident } from '../db/engine.js';
import { TABLES, type ColumnSpec, type TableName, type TableSpec } from '../exchange/tables.js';
import { buildDerivedTables, ensureWorkspaceSchema, listColumns, listTables, META_TABLE, providedTables } from '../workspace/schema.js';
import { DatasetError, discoverDataset, headerRejects, type SourceFile } from './discover.js';
import { transcodeToUtf8, type TextEncoding, type TranscodeOptions } from './encoding.js';
import { MDTRT_D_COLUMNS, platformLevelSql } from './platform.js';
import type { Reject } from './rejects.js';
import { NOT_UTF8, NotUtf8, stageFile, type StagedFile } from './stage.js';
import { referenceCheck, rowChecks, runRowChecks, runUniqueCheck, type CheckOutcome } from './validate.js';

/** Parents before children, so that removing a bad parent row also removes the rows that need it. */
const IMPORT_ORDER: TableName[] = [
  'fixmedins',
  'psn',
  'hilist',
  'hilist_rel',
  'practitioner',
  'setl',
  'diag',
  'feedetl',
  'inv_purc',
  'inv_sale',
  'inv_stock',
  'idauth',
];

export interface ImportOptions {
  skipInvalid?: boolean;
  /** Stage straight into the workspace's tables: only for a new, throwaway (in-memory) workspace. */
  inPlace?: boolean;
  /** Stage Parquet files as views over the files where that is possible (default true); false copies them into memory. */
  lazy?: boolean;
  /** Say on stderr why a file left the fast typed read for the diagnostic path (default false). */
  debug?: boolean;
  onProgress?: (step: string, done: number, total: number) => void;
  /** How GB18030 files are copied to UTF-8 (tests set a small chunk size). */
  transcode?: TranscodeOptions;
}

export interface TableImport {
  table: TableName;
  file: string;
  rows: number;
  rejected: number;
  /** A CSV file's text encoding as read. */
  encoding?: TextEncoding;
}

export interface ImportReport {
  dir: string;
  tables: TableImport[];
  ignored: string[];
  /** Detailed rejects (bounded per check); `rejectCount` counts them all. */
  rejects: Reject[];
  rejectCount: number;
  applied: boolean;
}

export class ImportRejected extends Error {
  constructor(readonly report: ImportReport) {
    super(`import rejected: ${report.rejectCount} problem(s) in ${report.dir}; the workspace is unchanged`);
  }
}

interface Staged {
  table: TableName;
  source: SourceFile;
  file: StagedFile;
  derived?: boolean;
}

/** Thrown by a first, fast import that read CSV files out of order and found rejects to report. */
class NeedsFileOrder extends Error {}

/**
 * Imports a data set. CSV files are first read on all threads without keeping row order, which is much
 * faster; a clean data set (the usual case) is done then. Should any row be rejected, the import starts
 * again reading every file in order, so that each reject names its row in the file. With --skip-invalid the
 * order decides which of two duplicates is kept, so such imports read in order from the start.
 */
export async function importDataset(engine: DuckDbEngine, dir: string, options: ImportOptions = {}): Promise<ImportReport> {
  const utf8 = new Utf8Copies(options.transcode ?? {});
  try {
    if (options.skipInvalid) return await importOnce(engine, dir, options, true, utf8);
    try {
      return await importOnce(engine, dir, options, false, utf8);
    } catch (e) {
      if (e instanceof NeedsFileOrder) return await importOnce(engine, dir, options, true, utf8);
      throw e;
    }
  } finally {
    await utf8.dispose();
  }
}

/**
 * UTF-8 copies of GB18030 files, made once per import (a second, in-order read reuses them) in a temporary folder
 * deleted when the import ends, whatever its outcome.
 */
class Utf8Copies {
  private dir: string | null = null;
  private readonly copies = new Map<string, { path: string } | { row: number; reason: string }>();
  constructor(private readonly options: TranscodeOptions) {}

  has(source: SourceFile): boolean {
    return this.copies.has(source.path);
  }

  async of(source: SourceFile): Promise<{ path: string } | { row: number; reason: string }> {
    const known = this.copies.get(source.path);
    if (known) return known;
    this.dir ??= await mkdtemp(join(tmpdir(), 'fg-utf8-'));
    const path = join(this.dir, `${this.copies.size}-${source.file}`);
    const r = await transcodeToUtf8(source.path, path, this.options);
    const result = r.ok ? { path } : { row: r.row, reason: r.reason };
    if (!r.ok) await rm(path, { force: true });
    this.copies.set(source.path, result);
    return result;
  }

  async dispose(): Promise<void> {
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
    this.dir = null;
  }
}

async function importOnce(
  engine: DuckDbEngine,
  dir: string,
  options: ImportOptions,
  inFileOrder: boolean,
  utf8: Utf8Copies,
): Promise<ImportReport> {
  const progress = options.onProgress ?? (() => {});
  const discovery = await discoverDataset(engine, dir);
  const report: ImportReport = { dir, tables: [], ignored: discovery.ignored, rejects: [], rejectCount: 0, applied: false };
  const reject = (r: Reject) => {
    report.rejects.push(r);
    report.rejectCount++;
  };
  const prefix = options.inPlace ? '' : 'fg_stage.';
  if (!options.inPlace) {
    await engine.exec(`ATTACH IF NOT EXISTS ':memory:' AS fg_stage`);
  }
  try {
    // 1. Stage every file, parents first.
    const order = (s: SourceFile) => (s.target === 'mdtrt_d' ? IMPORT_ORDER.indexOf('setl') + 0.5 : IMPORT_ORDER.indexOf(s.target));
    const sources = [...discovery.sources].sort((a, b) => order(a) - order(b));
    const staged = new Map<TableName, Staged>();
    let mdtrtD: { source: SourceFile; file: StagedFile } | null = null;
    const hasMdtrtD = sources.some((s) => s.target === 'mdtrt_d');
    const encodings = new Map<string, TextEncoding>();
    for (const [i, found] of sources.entries()) {
      progress(`read ${found.file}`, i, sources.length);
      let source = found;
      if (source.encodingProblem) {
        reject({ file: source.file, row: source.encodingProblem.row, column: null, value: null, reason: source.encodingProblem.reason });
        continue;
      }
      const defects = headerRejects(source);
      if (defects.length) {
        for (const r of defects) reject(r);
        continue;
      }
      const columns: readonly ColumnSpec[] = source.target === 'mdtrt_d' ? MDTRT_D_COLUMNS : TABLES[source.target].columns;
      const renamed = new Set(source.header.map((h) => source.platform?.renames[h] ?? h));
      const missing = columns.filter(
        (c) => c.required && !renamed.has(c.name) && !(source.target === 'setl' && source.platform && ['begntime'].includes(c.name)),
      );
      if (missing.length) {
        for (const c of missing)
          reject({ file: source.file, row: 1, column: c.name, value: null, reason: 'required column is missing from the header' });
        continue;
      }
      const stageName = `${prefix}${source.target === 'mdtrt_d' ? 'fg_mdtrt_d' : source.target}`;
      const lazy =
        options.lazy !== false &&
        options.inPlace === true &&
        !options.skipInvalid &&
        !source.platform &&
        !hasMdtrtD &&
        source.target !== 'mdtrt_d';
      const stageOptions = { lazy, anyOrder: !inFileOrder, debug: options.debug === true };
      if (source.encoding === 'gb18030' || utf8.has(source)) {
        const copy = await utf8.of(source);
        if (!('path' in copy)) {
          reject({ file: source.file, row: copy.row, column: null, value: null, reason: copy.reason });
          continue;
        }
        source = { ...source, path: copy.path, encoding: 'gb18030', asciiStart: false };
      }
      let file = await stageFile(engine, source, columns, stageName, stageOptions).catch((e: unknown) => {
        if (e instanceof NotUtf8) return null;
        throw e;
      });
      if (!file || (source.asciiStart && file.rejects.some((r) => r.reason.startsWith(NOT_UTF8)))) {
        // The start was plain ASCII and DuckDB met a byte that is not UTF-8 further on: the file may be GB18030.
        const copy = await utf8.of(source);
        if (!('path' in copy)) {
          reject({ file: source.file, row: copy.row, column: null, value: null, reason: copy.reason });
          continue;
        }
        source = { ...source, path: copy.path, encoding: 'gb18030', asciiStart: false };
        file = await stageFile(engine, source, columns, stageName, stageOptions);
      }
      if (source.format === 'csv') encodings.set(source.file, source.encoding ?? 'utf-8');
      for (const r of file.rejects) reject(r);
      if (source.target === 'mdtrt_d') mdtrtD = { source, file };
      else staged.set(source.target, { table: source.target, source, file });
    }
    progress('read', sources.length, sources.length);

    // 2. Platform extracts: merge mdtrt_d into setl, derive persons and institutions where no file gives them.
    await mergePlatformExtracts(engine, prefix, staged, mdtrtD);

    // 3. Check every staged table, parents first.
    const workspaceTables = options.inPlace ? new Set<string>() : new Set(await listTables(engine));
    const workspaceProvided = workspaceTables.has(META_TABLE) ? await providedTables(engine) : new Set<TableName>();
    const tables = IMPORT_ORDER.filter((t) => staged.has(t));
    for (const [i, table] of tables.entries()) {
      progress(`check ${table}`, i, tables.length);
      const s = staged.get(table)!;
      const spec = TABLES[table];
      const name = `${prefix}${table}`;
      const present = new Set(s.derived ? spec.columns.map((c) => c.name) : s.source.header.map((h) => s.source.platform?.renames[h] ?? h));
      const outcomes: CheckOutcome[] = [];
      const rel = s.file.relation;
      const checks = rowChecks(spec, present);
      for (const ref of spec.references ?? []) {
        const targetStaged = staged.has(ref.table);
        if (ref.whenTargetProvided && !targetStaged && !workspaceProvided.has(ref.table)) continue;
        const targets = [targetStaged ? `${prefix}${ref.table}` : null, workspaceTables.has(ref.table) ? `main.${ref.table}` : null].filter(
          (x): x is string => x !== null,
        );
        if (targets.length === 0) continue;
        for (const [k, column] of ref.columns.entries()) {
          checks.push(referenceCheck(column, targets, ref.targetColumns[k]!, labelOf(ref.table, ref.targetColumns[k]!)));
        }
      }
      const probe = s.file.tidyProbe;
      let rowOutcome = await runRowChecks(engine, rel, s.source.file, checks, s.file.rowOf, probe?.probes ?? []);
      if (probe && (await probe.rebuild(rowOutcome.extra ?? [])))
        rowOutcome = await runRowChecks(engine, rel, s.source.file, checks, s.file.rowOf);
      outcomes.push(rowOutcome);
      if (spec.unique) outcomes.push(await runUniqueCheck(engine, rel, s.source.file, spec.unique, s.file.rowOf));
      for (const o of outcomes) {
        report.rejects.push(...o.rejects);
        report.rejectCount += o.count;
      }
      const predicates = outcomes.flatMap((o) => o.predicates).concat(s.file.castBad ? [s.file.castBad] : []);
      let rejected = 0;
      if (predicates.length && options.skipInvalid) {
        const [c] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${name} WHERE ${predicates.join(' OR ')}`);
        rejected = Number(c?.n ?? 0);
        await engine.exec(`DELETE FROM ${name} WHERE ${predicates.join(' OR ')}`);
      }
      const encoding = encodings.get(s.source.file);
      report.tables.push({ table, file: s.source.file, rows: s.file.rows - rejected, rejected, ...(encoding ? { encoding } : {}) });
    }
    progress('check', tables.length, tables.length);
    dropEchoes(report);
    report.rejects.sort((a, b) => a.file.localeCompare(b.file) || (a.row ?? 0) - (b.row ?? 0));

    if (report.rejectCount > 0 && !inFileOrder) throw new NeedsFileOrder();
    if (report.rejectCount > 0 && !options.skipInvalid) throw new ImportRejected(report);

    // 4. Apply.
    progress('apply', 0, 1);
    if (options.inPlace) await applyInPlace(engine, staged);
    else await applyToWorkspace(engine, staged);
    report.applied = true;
    progress('apply', 1, 1);
    return report;
  } finally {
    if (!options.inPlace) await engine.exec(`DETACH DATABASE IF EXISTS fg_stage`).catch(() => {});
  }
}

/** A value that could not be typed is NULL in staging, so the required check repeats it: keep the first. */
function dropEchoes(report: ImportReport): void {
  const typed = new Set(report.rejects.filter((r) => r.reason.startsWith('not ')).map((r) => `${r.file}|${r.row}|${r.column}`));
  const before = report.rejects.length;
  report.rejects = report.rejects.filter((r) => !(r.reason === 'required value is empty' && typed.has(`${r.file}|${r.row}|${r.column}`)));
  report.rejectCount -= before - report.rejects.length;
}

function labelOf(table: TableName, column: string): string {
  return (
    ({ setl: column === 'mdtrt_id' ? 'visit' : 'settlement', psn: 'person', fixmedins: 'institution' } as Record<string, string>)[table] ??
    table
  );
}

async function mergePlatformExtracts(
  engine: DuckDbEngine,
  prefix: string,
  staged: Map<TableName, Staged>,
  mdtrtD: { source: SourceFile; file: StagedFile } | null,
): Promise<void> {
  const setl = staged.get('setl');
  const fromPlatform = setl?.source.platform !== undefined || mdtrtD !== null;
  if (!fromPlatform) return;
  const m = mdtrtD ? `${prefix}fg_mdtrt_d` : null;
  if (setl && m) {
    await engine.exec(`UPDATE ${prefix}setl AS s SET
        begntime = COALESCE(d.begntime, s.begntime), endtime = COALESCE(d.endtime, s.endtime),
        dise_codg = COALESCE(d.dise_codg, s.dise_codg), chfpdr_code = COALESCE(d.chfpdr_code, s.chfpdr_code)
      FROM ${m} d WHERE d.mdtrt_id = s.mdtrt_id`);
  }
  const setlCols = setl ? new Set(setl.file.columns) : new Set<string>();
  const mCols = mdtrtD ? new Set(mdtrtD.file.columns) : new Set<string>();
  const pick = (cols: Set<string>, c: string, type = 'VARCHAR') =>
    cols.has(c) ? `TRY_CAST(${ident(c)} AS ${type})` : `CAST(NULL AS ${type})`;
  const union = (build: (cols: Set<string>) => string) =>
    [setl ? `${build(setlCols)} FROM ${prefix}setl` : null, m ? `${build(mCols)} FROM ${m}` : null].filter(Boolean).join(' UNION ALL ');

  if (!staged.has('psn')) {
    const sel = (cols: Set<string>) =>
      `SELECT ${pick(cols, 'psn_no')} AS psn_no, ${pick(cols, 'gend')} AS gend, ${pick(cols, 'brdy', 'DATE')} AS brdy, ${pick(cols, 'insutype')} AS insutype, ${pick(cols, 'death_date', 'DATE')} AS death_date`;
    await engine.exec(`CREATE OR REPLACE TABLE ${prefix}psn AS
      SELECT psn_no, MIN(gend) AS gend, MIN(brdy) AS brdy, MIN(insutype) AS insutype, CAST(NULL AS VARCHAR) AS certno,
        CAST(NULL AS VARCHAR) AS addr_admdvs, MIN(death_date) AS death_date
      FROM (${union(sel)}) x WHERE psn_no IS NOT NULL GROUP BY psn_no`);
    await markDerived(engine, prefix, staged, 'psn', setl?.source ?? mdtrtD!.source);
  } else if (m && mCols.has('death_date')) {
    await engine.exec(
      `UPDATE ${prefix}psn AS p SET death_date = d.death_date FROM (SELECT psn_no, MIN(death_date) AS death_date FROM ${m} WHERE death_date IS NOT NULL GROUP BY psn_no) d WHERE d.psn_no = p.psn_no AND p.death_date IS NULL`,
    );
  }
  if (!staged.has('fixmedins')) {
    const sel = (
      cols: Set<string>,
    ) => `SELECT ${pick(cols, 'fixmedins_code')} AS code, ${pick(cols, 'fixmedins_name')} AS name, ${pick(cols, 'hosp_lv')} AS lv,
      COALESCE(${pick(cols, 'fix_blng_admdvs')}, ${pick(cols, 'admdvs')}) AS admdvs`;
    await engine.exec(`CREATE OR REPLACE TABLE ${prefix}fixmedins AS
      SELECT code AS fixmedins_code, COALESCE(MIN(name), code) AS fixmedins_name, CASE WHEN code LIKE 'P%' THEN '2' ELSE '1' END AS fixmedins_type,
        ${platformLevelSql('MIN(lv)')} AS hosp_lv, CAST(NULL AS VARCHAR) AS inst_kind, MIN(admdvs) AS admdvs, CAST(NULL AS VARCHAR) AS grid_id,
        CAST(NULL AS VARCHAR) AS agreement_status, CAST(NULL AS DATE) AS status_from
      FROM (${union(sel)}) x WHERE code IS NOT NULL GROUP BY code`);
    await markDerived(engine, prefix, staged, 'fixmedins', setl?.source ?? mdtrtD!.source);
  }
}

async function markDerived(
  engine: DuckDbEngine,
  prefix: string,
  staged: Map<TableName, Staged>,
  table: TableName,
  from: SourceFile,
): Promise<void> {
  const [c] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${prefix}${table}`);
  const rows = Number(c?.n ?? 0);
  staged.set(table, {
    table,
    derived: true,
    source: { ...from, file: `${from.file} (${table})`, header: TABLES[table].columns.map((c2) => c2.name) },
    file: {
      table: `${prefix}${table}`,
      columns: TABLES[table].columns.map((c2) => c2.name),
      rows,
      rowOf: (id) => id + 2,
      rejects: [],
      castBad: null,
      relation: { name: `${prefix}${table}`, detail: `${prefix}${table}`, rowid: 'rowid' },
    },
  });
}

async function applyInPlace(engine: DuckDbEngine, staged: Map<TableName, Staged>): Promise<void> {
  for (const s of staged.values()) {
    if (s.file.castBad) await engine.exec(`ALTER TABLE ${s.table} DROP COLUMN _cast_bad`);
  }
  await ensureWorkspaceSchema(engine);
  for (const s of staged.values()) await recordTable(engine, s.table, s.source.file);
  await buildDerivedTables(engine);
}

async function applyToWorkspace(engine: DuckDbEngine, staged: Map<TableName, Staged>): Promise<void> {
  await engine.exec('BEGIN TRANSACTION');
  try {
    await ensureWorkspaceSchema(engine);
    const setl = staged.get('setl');
    if (setl) {
      // Re-importing a period replaces it: the settlements of the months the new data covers, their
      // visits' fee lines and diagnoses, and any row whose id comes again.
      await engine.exec(`CREATE OR REPLACE TEMP TABLE fg_replaced_visits AS
        SELECT mdtrt_id FROM main.setl WHERE strftime(setl_time, '%Y-%m') IN (SELECT DISTINCT strftime(setl_time, '%Y-%m') FROM fg_stage.setl)
        UNION SELECT mdtrt_id FROM fg_stage.setl`);
      await engine.exec(
        `DELETE FROM main.setl WHERE mdtrt_id IN (SELECT mdtrt_id FROM fg_replaced_visits) OR setl_id IN (SELECT setl_id FROM fg_stage.setl)`,
      );
      await engine.exec(`DELETE FROM main.feedetl WHERE mdtrt_id IN (SELECT mdtrt_id FROM fg_replaced_visits)`);
      await engine.exec(`DELETE FROM main.diag WHERE mdtrt_id IN (SELECT mdtrt_id FROM fg_replaced_visits)`);
    }
    for (const s of staged.values()) {
      const spec = TABLES[s.table];
      await replaceRows(engine, spec, s);
      const existing = new Set(await listColumns(engine, s.table));
      for (const c of s.file.columns) {
        if (!existing.has(c)) await engine.exec(`ALTER TABLE main.${s.table} ADD COLUMN ${ident(c)} VARCHAR`);
      }
      const cols = s.file.columns.map(ident).join(', ');
      await engine.exec(`INSERT INTO main.${s.table} (${cols}) SELECT ${cols} FROM fg_stage.${s.table}`);
      await recordTable(engine, s.table, s.source.file);
    }
    await buildDerivedTables(engine);
    await engine.exec('COMMIT');
  } catch (e) {
    await engine.exec('ROLLBACK').catch(() => {});
    throw e;
  }
}

async function replaceRows(engine: DuckDbEngine, spec: TableSpec, s: Staged): Promise<void> {
  const t = `main.${spec.name}`;
  const st = `fg_stage.${spec.name}`;
  if (spec.unique) {
    const key = spec.unique.map(ident).join(', ');
    await engine.exec(`DELETE FROM ${t} WHERE (${key}) IN (SELECT ${key} FROM ${st})`);
  }
  if (spec.periodColumn && spec.name !== 'setl' && spec.name !== 'feedetl') {
    const p = ident(spec.periodColumn);
    await engine.exec(`DELETE FROM ${t} WHERE strftime(${p}, '%Y-%m') IN (SELECT DISTINCT strftime(${p}, '%Y-%m') FROM ${st})`);
  }
  void s;
}

async function recordTable(engine: DuckDbEngine, table: TableName, file: string): Promise<void> {
  const [c] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM main.${table}`);
  await engine.exec(`DELETE FROM ${META_TABLE} WHERE table_name = '${table}'`);
  await engine.exec(`INSERT INTO ${META_TABLE} VALUES ('${table}', TRUE, ${Number(c?.n ?? 0)}, '${file.replace(/'/g, "''")}', now())`);
}

export { DatasetError };
