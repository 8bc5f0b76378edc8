/** Runs the configured rules on a workspace (either engine) and stores their findings. */
import type { SqlEngine } from '../db/engine.js';
import { quote } from '../db/engine.js';
import type { TableName } from '../exchange/tables.js';
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
  /** Maps table names for the rule SQL (default: the workspace tables themselves). */
  tables?: RuleContext['t'];
}

/** The full INSERT … SELECT for one rule: locators, rule code, level and the evidence sentence. */
export function compileRule(configured: ConfiguredRule, engine: SqlEngine, tables: RuleContext['t']): string {
  const { rule, params } = configured;
  const inner = rule.sql({ t: tables, p: params, d: engine.dialect });
  const detail = evidenceSql(rule);
  return `SELECT ${quote(rule.code)} AS rule_code, ${quote(rule.level)} AS level, ${LOCATOR_COLUMNS.filter((c) => c !== 'amount').map((c) => `h.${c}`).join(', ')},
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

export async function runScreening(engine: SqlEngine, rules: ConfiguredRule[], options: ScreeningOptions = {}): Promise<RuleOutcome[]> {
  const provided = await providedTables(engine);
  const tables = options.tables ?? ((t: string) => t);
  await engine.exec(`DELETE FROM ${FINDINGS_TABLE}`);
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
    await engine.exec(`INSERT INTO ${FINDINGS_TABLE} ${compileRule(configured, engine, tables)}`);
    outcomes.push({ ...base, status: 'ran', ms: performance.now() - started });
  }
  options.onRule?.(rules.length, rules.length, '');
  // One pass for every rule's count and amount, rather than a query after each rule.
  const stats = await engine.all<{ rule_code: string; n: number; amount: string | number | null }>(
    `SELECT rule_code, COUNT(*) AS n, SUM(amount) AS amount FROM ${FINDINGS_TABLE} GROUP BY rule_code`);
  for (const o of outcomes) {
    const s = stats.find((x) => x.rule_code === o.code);
    if (s) Object.assign(o, { findings: Number(s.n), amount: Number(s.amount ?? 0) });
  }
  return outcomes;
}
