import type { Dialect } from '../db/engine.js';
import type { TableName } from '../exchange/tables.js';

/** The columns a rule's SELECT must return (besides its own evidence columns `e_*`), in the output's order. */
export const LOCATOR_COLUMNS = [
  'fixmedins_code',
  'psn_no',
  'mdtrt_id',
  'setl_id',
  'feedetl_sn',
  'med_list_codg',
  'day',
  'rtal_docno',
  'amount',
] as const;
/** Columns of the screening output (exchange format, "Screening output"), in order: the rule, its level, the
 * locators and the evidence sentence. */
export const FINDING_COLUMNS = ['rule_code', 'level', ...LOCATOR_COLUMNS, 'detail'] as const;
export type FindingColumn = (typeof FINDING_COLUMNS)[number];
export type LocatorColumn = (typeof LOCATOR_COLUMNS)[number];

export type Level = 'definite' | 'suspect';

export interface ParamSpec {
  default: number;
  description: string;
  /** Smallest allowed value (inclusive). */
  min?: number;
}

export type Params = Record<string, number>;

/** Derived tables a rule may read besides the exchange tables; built by `prepareDerived`. */
export type DerivedTable = 'mdtrt' | 'visit_diag' | 'hilist_dise_prefix' | 'hilist_med_type';

export interface RuleContext {
  /** The SQL name of a table. Batch screening maps names to workspace tables; the real-time
   * pre-check maps them to views holding one incoming visit plus the person's history. */
  t(table: TableName | DerivedTable): string;
  p: Params;
  d: Dialect;
}

/**
 * One violation rule (疑点规则) as data. `sql` returns a SELECT with every LOCATOR_COLUMNS column
 * (NULL where it does not apply) and the `e_*` columns its evidence sentence names. The runner adds
 * rule_code, level and detail, so every rule's output has the same shape on both engines.
 */
export interface RuleDefinition {
  code: string;
  name: string;
  nameEn: string;
  level: Level;
  /** Columns identifying one finding. */
  key: LocatorColumn[];
  /** Tables that must be present in the data set, else the rule is skipped. */
  requires: TableName[];
  /** Tables used when present (treated as empty otherwise). */
  optional?: TableName[];
  params: Record<string, ParamSpec>;
  /**
   * The definition in words (Chinese), shown with findings and in docs: a template that names each parameter as
   * `{name}` (its value) or `{name%}` (a share as a percentage: 0.05 → 5%), never its default as a number, so
   * that the text shown (`renderDefinition`) says what the configured rule does.
   */
  definition: string;
  /** Evidence sentence with {column} placeholders naming columns of the rule's SELECT. */
  evidence: string;
  sql(ctx: RuleContext): string;
  /**
   * For rules that read fee lines: a condition on a line `f`, its catalogue entry `h` and its institution `i`
   * (both LEFT JOINed, so NULL where absent) that holds for every line the rule can use. Batch screening
   * evaluates all rules' scopes in one pass over `feedetl` and hands each rule only the lines in its scope,
   * instead of every rule reading every line. `sql` still applies the whole definition, so a scope may be
   * wider than needed, never narrower; the real-time pre-check ignores it.
   */
  lineScope?(ctx: RuleContext): string;
}

/** `{name}` or `{name%}` in a definition. */
const PLACEHOLDER = /\{([a-z_0-9]+)(%?)\}/g;

/** The parameter names a definition's placeholders name, in order of first appearance. */
export function definitionPlaceholders(definition: string): string[] {
  return [...new Set([...definition.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Errors of a rule's definition template: a placeholder that names no parameter of the rule, or a parameter the
 * text does not mention (every parameter is a number the definition depends on).
 */
export function definitionErrors(rule: Pick<RuleDefinition, 'code' | 'definition' | 'params'>): string[] {
  const named = definitionPlaceholders(rule.definition);
  const params = Object.keys(rule.params);
  return [
    ...named.filter((n) => !params.includes(n)).map((n) => `${rule.code}: the definition names {${n}}, not a parameter of the rule`),
    ...params.filter((n) => !named.includes(n)).map((n) => `${rule.code}: the definition does not mention the parameter {${n}}`),
  ];
}

/** A number as a definition shows it: no float noise (0.07 × 100 → 7, not 7.000000000000001). */
function shown(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** A rule's definition for the given parameter values (the default where a value is absent). */
export function renderDefinition(rule: Pick<RuleDefinition, 'code' | 'definition' | 'params'>, params: Partial<Params> = {}): string {
  return rule.definition.replace(PLACEHOLDER, (_, name: string, percent: string) => {
    const spec = rule.params[name];
    if (!spec) throw new Error(`${rule.code}: the definition names {${name}}, not a parameter of the rule`);
    const value = params[name] ?? spec.default;
    return percent ? `${shown(value * 100)}%` : shown(value);
  });
}

/** Declares a rule; a definition whose placeholders and parameters disagree fails when the rule base loads. */
export function defineRule(rule: RuleDefinition): RuleDefinition {
  const errors = definitionErrors(rule);
  if (errors.length) throw new Error(errors.join('; '));
  return rule;
}
