/** Reading and writing findings in the exchange format's screening output. */
import type { SqlEngine } from '../db/engine.js';
import { quote } from '../db/engine.js';
import { FINDINGS_TABLE } from '../workspace/schema.js';
import { FINDING_COLUMNS } from './rule.js';

export interface Finding {
  rule_code: string;
  level: string;
  fixmedins_code: string | null;
  psn_no: string | null;
  mdtrt_id: string | null;
  setl_id: string | null;
  feedetl_sn: string | null;
  med_list_codg: string | null;
  day: string | null;
  rtal_docno: string | null;
  amount: string;
  detail: string;
}

const ORDER = FINDING_COLUMNS.filter((c) => c !== 'amount' && c !== 'detail' && c !== 'level').join(', ');

export function findingsQuery(where = ''): string {
  return `SELECT ${FINDING_COLUMNS.map((c) => (c === 'day' ? `CAST(day AS VARCHAR) AS day` : c === 'amount' ? `CAST(amount AS VARCHAR) AS amount` : c)).join(', ')}
    FROM ${FINDINGS_TABLE} ${where} ORDER BY ${ORDER}`;
}

export async function readFindings(engine: SqlEngine, ruleCode?: string): Promise<Finding[]> {
  return engine.all<Finding & Record<string, unknown>>(findingsQuery(ruleCode ? `WHERE rule_code = ${quote(ruleCode)}` : ''));
}
