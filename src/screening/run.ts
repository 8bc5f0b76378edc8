/** Runs the configured rules on a workspace (either engine) and stores their findings. */
import type { SqlEngine } from '../db/engine.js';
import { quote } from '../db/engine.js';
import { TABLES, type TableName } from '../exchange/tables.js';
import { FINDINGS_TABLE, providedTables } from '../workspace/schema.js';
import type { ConfiguredRule } from './config.js';
import { LOCATOR_COLUMNS, type RuleContext, type RuleDefinition } from './rule.js';

export interface RuleOutcome {
  code: string;
  name: string;
  level: string;
  status: 'ran' | 'skipped' | 'disabled' | 'failed';
  reason?: string;
  findings: number;
  amount: number;
  ms: number;
}

export interface ScreeningOptions {
  onRule?: (index: number, total: number, code: string) => void;
  /** Called once the shared pass over the fee lines (see buildLineScopes) is done: its time and how many rules it serves. */
  onLineScopes?: (ms: number, rules: number) => void;
  /** Share one pass over the fee lines among the rules with a line scope (default true; off to compare). */
  lineScopes?: boolean;
  /** Maps table names for the rule SQL (default: the workspace tables themselves). */
  tables?: RuleContext['t'];
}

/** The full INSERT … SELECT for one rule: locators, rule code, level and the evidence sentence. */
export function compileRule(configured: ConfiguredRule, engine: SqlEngine, tables: RuleContext['t']): string {
  const { rule, params } = configured;
  const inner = rule.sql({ t: tables, p: params, d: engine.dialect });
  const detail = evidenceSql(rule);
  return `SELECT ${quote(rule.code)} AS rule_code, ${quote(rule.level)} AS level, ${LOCATOR_COLUMNS.filter((c) => c !== 'amount')
    .map((c) => `h.${c}`)
    .join(', ')},
    h.amount, ${detail} AS detail FROM (${inner}) h`;
}

/** The evidence template as a SQL concatenation; `{col}` names a column of the rule's SELECT. */
export function evidenceSql(rule: RuleDefinition): string {
  const parts: string[] = [];
  const re = /\{([a-z_0-9]+)\}/g;
  let last = 0;
  for (let m = re.exec(rule.evidence); m; m = re.exec(rule.evidence)) {
    if (m.index > last) parts.push(quote(rule.evidence.slice(last, m.index)));
    const col = m[1]!;
    parts.push(col === 'day' ? `COALESCE(CAST(h.day AS VARCHAR), '')` : `COALESCE(CAST(h.${col} AS VARCHAR), '')`);
    last = m.index + m[0].length;
  }
  if (last < rule.evidence.length) parts.push(quote(rule.evidence.slice(last)));
  return parts.join(' || ');
}

export function missingTables(rule: RuleDefinition, provided: Set<TableName>): TableName[] {
  return rule.requires.filter((t) => !provided.has(t));
}

const LINE_SCOPE_TABLE = 'fg_line_scope';

/**
 * One pass over the fee lines for every rule with a line scope: the lines inside at least one scope are
 * kept, with a flag per rule. Each of those rules then reads its own few lines instead of all of them.
 * Returns, per rule code, the relation standing in for `feedetl`.
 */
export async function buildLineScopes(engine: SqlEngine, rules: ConfiguredRule[], tables: RuleContext['t']): Promise<Map<string, string>> {
  const scoped = rules.filter((c) => c.rule.lineScope);
  const relations = new Map<string, string>();
  if (scoped.length === 0) return relations;
  const scopes = scoped.map((c) => `(${c.rule.lineScope!({ t: tables, p: c.params, d: engine.dialect })})`);
  await engine.exec(`DROP TABLE IF EXISTS ${LINE_SCOPE_TABLE}`);
  await engine.exec(`CREATE TEMP TABLE ${LINE_SCOPE_TABLE} AS
    SELECT f.*, ${scopes.map((s, i) => `COALESCE(${s}, FALSE) AS fg_scope_${i}`).join(', ')}
    FROM ${tables('feedetl')} f LEFT JOIN ${tables('hilist')} h ON h.med_list_codg = f.med_list_codg
      LEFT JOIN ${tables('fixmedins')} i ON i.fixmedins_code = f.fixmedins_code
    WHERE ${scopes.join(' OR ')}`);
  const columns = TABLES.feedetl.columns.map((c) => c.name).join(', ');
  for (const [i, c] of scoped.entries()) relations.set(c.rule.code, `(SELECT ${columns} FROM ${LINE_SCOPE_TABLE} WHERE fg_scope_${i})`);
  return relations;
}

export async function runScreening(engine: SqlEngine, rules: ConfiguredRule[], options: ScreeningOptions = {}): Promise<RuleOutcome[]> {
  const provided = await providedTables(engine);
  const tables = options.tables ?? ((t: string) => t);
  await engine.exec(`DELETE FROM ${FINDINGS_TABLE}`);
  const runnable = rules.filter((c) => c.enabled && missingTables(c.rule, provided).length === 0);
  const scopeStarted = performance.now();
  options.onRule?.(0, rules.length, 'fee-line pass');
  const scopedLines =
    options.tables || options.lineScopes === false ? new Map<string, string>() : await buildLineScopes(engine, runnable, tables);
  options.onLineScopes?.(performance.now() - scopeStarted, scopedLines.size);
  try {
    return await runRules(engine, rules, provided, tables, scopedLines, options);
  } finally {
    if (scopedLines.size) await engine.exec(`DROP TABLE IF EXISTS ${LINE_SCOPE_TABLE}`);
  }
}

async function runRules(
  engine: SqlEngine,
  rules: ConfiguredRule[],
  provided: Set<TableName>,
  tables: RuleContext['t'],
  scopedLines: Map<string, string>,
  options: ScreeningOptions,
): Promise<RuleOutcome[]> {
  const outcomes: RuleOutcome[] = [];
  for (const [i, configured] of rules.entries()) {
    const { rule } = configured;
    options.onRule?.(i, rules.length, rule.code);
    const base = { code: rule.code, name: rule.name, level: rule.level, findings: 0, amount: 0, ms: 0 };
    if (!configured.enabled) {
      outcomes.push({ ...base, status: 'disabled', reason: 'disabled by the rules configuration' });
      continue;
    }
    const missing = missingTables(rule, provided);
    if (missing.length) {
      outcomes.push({ ...base, status: 'skipped', reason: `missing table${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}` });
      continue;
    }
    const started = performance.now();
    const lines = scopedLines.get(rule.code);
    const ruleTables = lines ? (t: Parameters<RuleContext['t']>[0]) => (t === 'feedetl' ? lines : tables(t)) : tables;
    await engine.exec(`INSERT INTO ${FINDINGS_TABLE} ${compileRule(configured, engine, ruleTables)}`);
    outcomes.push({ ...base, status: 'ran', ms: performance.now() - started });
  }
  options.onRule?.(rules.length, rules.length, '');
  // One pass for every rule's count and amount, rather than a query after each rule.
  const stats = await engine.all<{ rule_code: string; n: number; amount: string | number | null }>(
    `SELECT rule_code, COUNT(*) AS n, SUM(amount) AS amount FROM ${FINDINGS_TABLE} GROUP BY rule_code`,
  );
  for (const o of outcomes) {
    const s = stats.find((x) => x.rule_code === o.code);
    if (s) Object.assign(o, { findings: Number(s.n), amount: Number(s.amount ?? 0) });
  }
  return outcomes;
}
