/** Reading and writing findings in the exchange format's screening output. */
import type { SqlEngine } from '../db/engine.js';
import { quote } from '../db/engine.js';
import { FINDINGS_TABLE } from '../workspace/schema.js';
import { FINDING_COLUMNS, type FindingColumn } from './rule.js';

/** The columns every finding has; the locators are NULL where they do not apply. */
type AlwaysSet = 'rule_code' | 'level' | 'amount' | 'detail';

/** A finding as read back: every column of the output (FINDING_COLUMNS) as text. */
export type Finding = Record<AlwaysSet, string> & Record<Exclude<FindingColumn, AlwaysSet>, string | null>;

/** The order of the findings in every output: by rule, then by their locators. */
export const FINDINGS_ORDER = FINDING_COLUMNS.filter((c) => c !== 'amount' && c !== 'detail' && c !== 'level').join(', ');

export function findingsQuery(where = ''): string {
  return `SELECT ${FINDING_COLUMNS.map((c) => (c === 'day' ? `CAST(day AS VARCHAR) AS day` : c === 'amount' ? `CAST(amount AS VARCHAR) AS amount` : c)).join(', ')}
    FROM ${FINDINGS_TABLE} ${where} ORDER BY ${FINDINGS_ORDER}`;
}

export async function readFindings(engine: SqlEngine, ruleCode?: string): Promise<Finding[]> {
  return engine.all<Finding & Record<string, unknown>>(findingsQuery(ruleCode ? `WHERE rule_code = ${quote(ruleCode)}` : ''));
}
