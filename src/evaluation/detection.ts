/**
 * Detection measured against ground truth: precision and recall per violation code, comparing findings with
 * labelled violations (`labels.csv`: `rule_code` plus the screening output's key columns, the code's key
 * filled). A finding and a label match when they have the same code and the same values in that code's key
 * columns; other columns are ignored. Used by `fundguard evaluate` and the benchmark.
 */
import type { DuckDbEngine } from '../db/duckdb.js';
import { ident, quote } from '../db/engine.js';
import { BUILT_IN_RULES } from '../screening/catalog.js';
import { LOCATOR_COLUMNS } from '../screening/rule.js';

export interface CodeDetection {
  code: string;
  labels: number;
  findings: number;
  /** Findings that match a label. */
  truePositives: number;
  /** truePositives / findings; null when there are no findings. */
  precision: number | null;
  /** truePositives / labels; null when there are no labels. */
  recall: number | null;
}

export class LabelsError extends Error {}

const KEY_COLUMNS = LOCATOR_COLUMNS.filter((c) => c !== 'amount');

/** A relation (CSV or Parquet file) readable by DuckDB, every column as text. */
function fileRelation(path: string): string {
  return /\.parquet$/i.test(path)
    ? `(SELECT * FROM read_parquet(${quote(path)}))`
    : `(SELECT * FROM read_csv(${quote(path)}, header=true, all_varchar=true, auto_detect=true))`;
}

/** Text form of a key column: trimmed, empty as NULL, dates as YYYY-MM-DD. */
function keyText(col: string): string {
  return `NULLIF(trim(CAST(${ident(col)} AS VARCHAR)), '')`;
}

async function columnsOf(engine: DuckDbEngine, relation: string): Promise<Set<string>> {
  const rows = await engine.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${relation} x`);
  return new Set(rows.map((r) => r.column_name.replace(/^\uFEFF/, '')));
}

/**
 * Compares labels with findings. `labelsPath` is a CSV or Parquet file; `findings` is a findings file
 * (the screening output) or, when null, the workspace's findings table `fg_finding`.
 */
export async function evaluateDetection(engine: DuckDbEngine, labelsPath: string, findingsPath: string | null): Promise<CodeDetection[]> {
  const labels = fileRelation(labelsPath);
  const findings = findingsPath ? fileRelation(findingsPath) : 'fg_finding';
  const file = labelsPath.split(/[\\/]/).pop()!;
  const labelCols = await columnsOf(engine, labels);
  if (!labelCols.has('rule_code')) throw new LabelsError(`${file}: row 1: column rule_code: required column is missing from the header`);
  const findingCols = await columnsOf(engine, findings);
  for (const c of ['rule_code', ...KEY_COLUMNS]) {
    if (!findingCols.has(c)) throw new LabelsError(`${findingsPath ?? 'fg_finding'}: column ${c}: missing; not a screening output`);
  }

  const known = new Map(BUILT_IN_RULES.map((r) => [r.code, r]));
  // Labels numbered as a spreadsheet shows them (the header is row 1), to name bad rows.
  await engine.exec(`CREATE OR REPLACE TEMP TABLE fg_eval_labels AS SELECT row_number() OVER () + 1 AS fg_row, * FROM ${labels} x`);
  const unknown = await engine.all<{ fg_row: number; code: string | null }>(
    `SELECT fg_row, rule_code AS code FROM fg_eval_labels
     WHERE rule_code IS NULL OR trim(rule_code) NOT IN (${[...known.keys()].map(quote).join(', ')}) ORDER BY fg_row LIMIT 1`,
  );
  if (unknown[0]) {
    throw new LabelsError(
      `${file}: row ${unknown[0].fg_row}: column rule_code: ${unknown[0].code ? `unknown code (value: "${unknown[0].code}")` : 'required value is empty'}`,
    );
  }

  const out: CodeDetection[] = [];
  for (const rule of BUILT_IN_RULES) {
    const key = rule.key;
    for (const c of key) {
      if (!labelCols.has(c)) {
        const [any] = await engine.all<{ n: number }>(
          `SELECT COUNT(*) AS n FROM fg_eval_labels WHERE trim(rule_code) = ${quote(rule.code)}`,
        );
        if (Number(any?.n ?? 0) > 0)
          throw new LabelsError(`${file}: column ${c}: missing, and ${rule.code} labels need it (key: ${key.join(' + ')})`);
      }
    }
    const presentKey = key.filter((c) => labelCols.has(c));
    if (presentKey.length === key.length) {
      const [empty] = await engine.all<{ fg_row: number; col: string }>(
        `SELECT fg_row, ${key.map((c) => `CASE WHEN ${keyText(c)} IS NULL THEN ${quote(c)} END`).reduce((a, b) => `COALESCE(${a}, ${b})`)} AS col
         FROM fg_eval_labels WHERE trim(rule_code) = ${quote(rule.code)} AND (${key.map((c) => `${keyText(c)} IS NULL`).join(' OR ')})
         ORDER BY fg_row LIMIT 1`,
      );
      if (empty)
        throw new LabelsError(`${file}: row ${empty.fg_row}: column ${empty.col}: empty, but it is part of the key of ${rule.code}`);
    }
    const labelKeys =
      presentKey.length === key.length
        ? `SELECT DISTINCT ${key.map((c) => `${keyText(c)} AS ${ident(c)}`).join(', ')} FROM fg_eval_labels WHERE trim(rule_code) = ${quote(rule.code)}`
        : `SELECT ${key.map((c) => `CAST(NULL AS VARCHAR) AS ${ident(c)}`).join(', ')} WHERE FALSE`;
    const findingKeys = `SELECT DISTINCT ${key.map((c) => `${keyText(c)} AS ${ident(c)}`).join(', ')} FROM ${findings} f WHERE rule_code = ${quote(rule.code)}`;
    const [r] = await engine.all<{ labels: number; findings: number; tp: number }>(`
      WITH l AS (${labelKeys}), f AS (${findingKeys})
      SELECT (SELECT COUNT(*) FROM l) AS labels, (SELECT COUNT(*) FROM f) AS findings,
        (SELECT COUNT(*) FROM l JOIN f ON ${key.map((c) => `l.${ident(c)} = f.${ident(c)}`).join(' AND ')}) AS tp`);
    const nLabels = Number(r?.labels ?? 0);
    const nFindings = Number(r?.findings ?? 0);
    const tp = Number(r?.tp ?? 0);
    out.push({
      code: rule.code,
      labels: nLabels,
      findings: nFindings,
      truePositives: tp,
      precision: nFindings ? tp / nFindings : null,
      recall: nLabels ? tp / nLabels : null,
    });
  }
  await engine.exec('DROP TABLE IF EXISTS fg_eval_labels');
  return out;
}
