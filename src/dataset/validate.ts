/**
 * Value checks on a staged table, all in SQL: required values, allowed values, code patterns, the
 * resident-ID check digit, row consistency, uniqueness and references. Each check is a predicate
 * that is TRUE for a bad row; one scan counts them all and only failing checks are detailed.
 */
import type { DuckDbEngine } from '../db/duckdb.js';
import { ident, quote, repeatedKeys } from '../db/engine.js';
import { PATTERNS, type TableSpec } from '../exchange/tables.js';
import type { Reject } from './rejects.js';

export interface RowCheck {
  column: string | null;
  /** TRUE when the row is bad. */
  bad: string;
  /** Value reported (SQL expression). */
  value: string;
  reason: string;
}

const CERTNO_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** SQL: TRUE when an 18-character resident ID's last character is not its ISO 7064 MOD 11-2 check character. */
export function certnoCheckFails(col: string): string {
  const sum = CERTNO_WEIGHTS.map((w, i) => `CAST(substr(${col}, ${i + 1}, 1) AS INTEGER) * ${w}`).join(' + ');
  return `substr('10X98765432', ((${sum}) % 11) + 1, 1) <> upper(substr(${col}, 18, 1))`;
}

export function rowChecks(spec: TableSpec, present: Set<string>): RowCheck[] {
  const checks: RowCheck[] = [];
  for (const c of spec.columns) {
    const col = ident(c.name);
    if (c.required)
      checks.push({
        column: c.name,
        bad: `${col} IS NULL`,
        value: 'NULL',
        reason: present.has(c.name) ? 'required value is empty' : 'required column is missing',
      });
    if (c.values) {
      checks.push({
        column: c.name,
        bad: `${col} IS NOT NULL AND CAST(${col} AS VARCHAR) NOT IN (${c.values.map(quote).join(', ')})`,
        value: `CAST(${col} AS VARCHAR)`,
        reason: `value not allowed (allowed: ${c.values.join(', ')})`,
      });
    }
    if (c.pattern) {
      const p = PATTERNS[c.pattern];
      const col2 = c.pattern === 'certno' ? `upper(${col})` : col;
      checks.push({
        column: c.name,
        bad: `${col} IS NOT NULL AND NOT regexp_full_match(${col2}, ${quote(p.regex)})`,
        value: col,
        reason: p.reason,
      });
      if (c.pattern === 'certno') {
        checks.push({
          column: c.name,
          bad: `${col} IS NOT NULL AND regexp_full_match(upper(${col}), ${quote(p.regex)}) AND ${certnoCheckFails(col)}`,
          value: col,
          reason: 'resident ID check digit does not match (GB 11643)',
        });
      }
    }
  }
  if (spec.name === 'setl') {
    checks.push({
      column: 'endtime',
      bad: `med_type = '21' AND endtime IS NULL AND begntime IS NOT NULL`,
      value: 'NULL',
      reason: 'endtime is required for admissions (med_type 21)',
    });
    checks.push({ column: 'endtime', bad: `endtime < begntime`, value: 'CAST(endtime AS VARCHAR)', reason: 'endtime is before begntime' });
  }
  if (spec.name === 'psn') {
    checks.push({
      column: 'death_date',
      bad: `death_date < brdy`,
      value: 'CAST(death_date AS VARCHAR)',
      reason: 'death_date is before brdy',
    });
  }
  if (spec.name === 'feedetl') {
    checks.push({
      column: 'fulamt_ownpay_amt',
      bad: `fulamt_ownpay_amt < 0 AND det_item_fee_sumamt >= 0`,
      value: 'CAST(fulamt_ownpay_amt AS VARCHAR)',
      reason: 'fulamt_ownpay_amt is negative',
    });
  }
  return checks;
}

/** A staged table (or view) to check; `detail` and `rowid` locate rows for the report. */
export interface Relation {
  name: string;
  /** Relation for detail queries: the same rows as `name`, with `rowid` available. */
  detail: string;
  /** Expression giving a row's index in its file (0-based). */
  rowid: string;
}

export interface CheckOutcome {
  /** Detailed rejects, at most DETAIL_LIMIT per check. */
  rejects: Reject[];
  /** Number of failing (row, check) pairs, including those beyond the detail limit. */
  count: number;
  /** SQL predicates, TRUE for the rows that failed (to remove them with --skip-invalid). */
  predicates: string[];
  /** Values of the extra aggregates asked for, in order. */
  extra?: number[];
}

const DETAIL_LIMIT = 10_000;

/** Runs the row checks in one scan, then details failing ones. */
export async function runRowChecks(
  engine: DuckDbEngine,
  rel: Relation,
  file: string,
  checks: RowCheck[],
  rowOf: (id: number) => number,
  extra: string[] = [],
): Promise<CheckOutcome> {
  const out: CheckOutcome = { rejects: [], count: 0, predicates: [] };
  if (checks.length === 0 && extra.length === 0) return out;
  const aggregates = checks.map((c, i) => `COUNT(*) FILTER (WHERE ${c.bad}) AS c${i}`).concat(extra.map((e, i) => `${e} AS x${i}`));
  const [counts] = await engine.all(`SELECT ${aggregates.join(', ')} FROM ${rel.name}`);
  out.extra = extra.map((_, i) => Number(counts?.[`x${i}`] ?? 0));
  for (const [i, check] of checks.entries()) {
    const n = Number(counts?.[`c${i}`] ?? 0);
    if (n === 0) continue;
    out.count += n;
    out.predicates.push(`(${check.bad})`);
    const rows = await engine.all<{ id: number; v: string | null }>(
      `SELECT ${rel.rowid} AS id, ${check.value} AS v FROM ${rel.detail} WHERE ${check.bad} ORDER BY id LIMIT ${DETAIL_LIMIT}`,
    );
    for (const r of rows) {
      out.rejects.push({
        file,
        row: rowOf(Number(r.id)),
        column: check.column,
        value: r.v === null || r.v === 'NULL' ? null : String(r.v),
        reason: check.reason,
      });
    }
  }
  return out;
}

/** Rows whose unique key repeats an earlier row's. */
export async function runUniqueCheck(
  engine: DuckDbEngine,
  rel: Relation,
  file: string,
  key: string[],
  rowOf: (id: number) => number,
): Promise<CheckOutcome> {
  const table = rel.name;
  const out: CheckOutcome = { rejects: [], count: 0, predicates: [] };
  const cols = key.map(ident).join(', ');
  // Comparing 10 million text ids is slow; sorting their 64-bit hashes is fast. Only when two rows share
  // a hash are the ids themselves compared.
  const [dup] = await engine.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (${repeatedKeys(`hash(${cols})`, `${table} WHERE ${key.map((k) => `${ident(k)} IS NOT NULL`).join(' AND ')}`)}) d`,
  );
  if (Number(dup?.n ?? 0) === 0) return out;
  const dupTable = `${table}_dups`;
  await engine.exec(`CREATE OR REPLACE TABLE ${dupTable} AS SELECT id, first, v FROM (
      SELECT ${rel.rowid} AS id, MIN(${rel.rowid}) OVER (PARTITION BY ${cols}) AS first, ${key.map((k) => `CAST(${ident(k)} AS VARCHAR)`).join(` || '|' || `)} AS v
      FROM ${rel.detail} WHERE ${key.map((k) => `${ident(k)} IS NOT NULL`).join(' AND ')}) x
    WHERE id <> first`);
  const [n] = await engine.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${dupTable}`);
  out.count = Number(n?.n ?? 0);
  out.predicates.push(`rowid IN (SELECT id FROM ${dupTable})`);
  const rows = await engine.all<{ id: number; first: number; v: string }>(
    `SELECT id, first, v FROM ${dupTable} ORDER BY id LIMIT ${DETAIL_LIMIT}`,
  );
  for (const r of rows) {
    out.rejects.push({
      file,
      row: rowOf(Number(r.id)),
      column: key.join('+'),
      value: r.v,
      reason: `duplicate ${key.join(' + ')} (first at row ${rowOf(Number(r.first))})`,
    });
  }
  return out;
}

/** A check for rows referring to an id found in none of `targets` (relations holding `targetColumn`). It runs
 * in the same scan as the other row checks: one pass over a 10-million-line table instead of one per check. */
export function referenceCheck(column: string, targets: string[], targetColumn: string, targetLabel: string): RowCheck {
  const col = ident(column);
  const known = targets.map((t) => `SELECT ${ident(targetColumn)} AS k FROM ${t}`).join(' UNION ALL ');
  return {
    column,
    bad: `${col} IS NOT NULL AND ${col} NOT IN (SELECT k FROM (${known}) known WHERE k IS NOT NULL)`,
    value: col,
    reason: `unknown ${targetLabel}: no such ${targetColumn} in the data set or workspace`,
  };
}
