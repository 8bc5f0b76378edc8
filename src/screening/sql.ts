/** SQL fragments shared by several rules. Each is plain SQL valid on DuckDB and PostgreSQL. */
import { LOCATOR_COLUMNS, type FindingColumn, type LocatorColumn, type Params, type RuleContext } from './rule.js';

const LOCATOR_TYPES: Record<LocatorColumn, string> = {
  fixmedins_code: 'VARCHAR',
  psn_no: 'VARCHAR',
  mdtrt_id: 'VARCHAR',
  setl_id: 'VARCHAR',
  feedetl_sn: 'VARCHAR',
  med_list_codg: 'VARCHAR',
  day: 'DATE',
  rtal_docno: 'VARCHAR',
  amount: 'DECIMAL(18,2)',
};

/** The SQL types of the screening output's columns. */
export const FINDING_TYPES: Record<FindingColumn, string> = { rule_code: 'VARCHAR', level: 'VARCHAR', ...LOCATOR_TYPES, detail: 'VARCHAR' };

/** The locator part of a rule's select list; columns not given are NULL of the right type. */
export function locators(cols: Partial<Record<LocatorColumn, string>>): string {
  return LOCATOR_COLUMNS.map((c) => `CAST(${cols[c] ?? 'NULL'} AS ${LOCATOR_TYPES[c]}) AS ${c}`).join(', ');
}

/** Rounds an amount to 0.01 元 through DECIMAL: DuckDB divides decimals in floating point and PostgreSQL
 * exactly, so rounding the raw quotient could differ by a cent at a half. */
export function roundMoney(expr: string): string {
  return `ROUND(CAST(${expr} AS DECIMAL(18,6)), 2)`;
}

/** A decimal as text without trailing zeros (45.5000 → 45.5, 2.0000 → 2), the same on both engines. */
export function num(expr: string): string {
  return `CASE WHEN position('.' IN CAST(${expr} AS VARCHAR)) > 0 THEN rtrim(rtrim(CAST(${expr} AS VARCHAR), '0'), '.') ELSE CAST(${expr} AS VARCHAR) END`;
}

/** Locators of one fee line `f`. */
export function lineLocators(f: string, amount: string): string {
  return locators({
    fixmedins_code: `${f}.fixmedins_code`,
    psn_no: `${f}.psn_no`,
    mdtrt_id: `${f}.mdtrt_id`,
    setl_id: `${f}.setl_id`,
    feedetl_sn: `${f}.feedetl_sn`,
    med_list_codg: `${f}.med_list_codg`,
    day: `CAST(${f}.fee_ocur_time AS DATE)`,
    amount: roundMoney(amount),
  });
}

/** Locators of one visit `v` (a row of `mdtrt`, or of a relation with its columns; no alias: the bare columns): the
 * day it began and the pooled fund's payment. */
export function visitLocators(v?: string): string {
  const col = (name: string) => (v ? `${v}.${name}` : name);
  return locators({
    fixmedins_code: col('fixmedins_code'),
    psn_no: col('psn_no'),
    mdtrt_id: col('mdtrt_id'),
    setl_id: col('setl_id'),
    day: col('begin_day'),
    amount: col('hifp_pay'),
  });
}

/** Locators of one settlement `s` (a row of `setl`): its day and the pooled fund's payment. */
export function settlementLocators(s: string): string {
  return locators({
    fixmedins_code: `${s}.fixmedins_code`,
    psn_no: `${s}.psn_no`,
    mdtrt_id: `${s}.mdtrt_id`,
    setl_id: `${s}.setl_id`,
    day: `CAST(${s}.setl_time AS DATE)`,
    amount: `${s}.hifp_pay`,
  });
}

/** Admissions (visits with a settlement of med_type 21) that have been discharged, as a SELECT over `mdtrt`. */
export function dischargedAdmissions(t: RuleContext['t']): string {
  return `SELECT * FROM ${t('mdtrt')} WHERE med_type = '21' AND end_day IS NOT NULL`;
}

/**
 * The fee lines `f` of catalogue items `h` that carry a restriction (e.g. `h.lmt_gend IS NOT NULL`): `lines(t)`
 * joins them to their items, for the rule's SQL, and `lineScope` is the same condition as the rule's line scope,
 * so the two cannot drift apart.
 */
export function restrictedItems(restriction: string): { lineScope: () => string; lines: (t: RuleContext['t']) => string } {
  return {
    lineScope: () => restriction,
    lines: (t) => `${t('feedetl')} f JOIN ${t('hilist')} h ON h.med_list_codg = f.med_list_codg AND ${restriction}`,
  };
}

/** True for a pharmacy: `fixmedins_type` 2 of its row `i` in `fixmedins`, or, for an institution missing from it,
 * a code starting with P. */
export function isPharmacy(code: string, i: string): string {
  return `COALESCE(${i}.fixmedins_type, CASE WHEN ${code} LIKE 'P%' THEN '2' END) = '2'`;
}

/** The part of a fee line within the fund's scope (line amount less the fully self-paid part). */
export function eligible(f: string): string {
  return `(${f}.det_item_fee_sumamt - COALESCE(${f}.fulamt_ownpay_amt, 0))`;
}

/**
 * A day inside the status period of row `r` (its `status_from` to its `status_to`, both days included). An empty
 * `status_to` leaves the period open-ended. An empty `status_from` reads as "since always" where the format lets it
 * be empty (fixmedins, practitioner); where it is required (dept_agreement: validation refuses a row without it), a
 * row without one covers no day (`emptyFrom: 'no period'`), as SUSPENDED_DEPARTMENT has always read it.
 */
export function inStatusPeriod(day: string, r: string, emptyFrom: 'since always' | 'no period'): string {
  const from = emptyFrom === 'since always' ? `(${r}.status_from IS NULL OR ${day} >= ${r}.status_from)` : `${day} >= ${r}.status_from`;
  return `${from} AND (${r}.status_to IS NULL OR ${day} <= ${r}.status_to)`;
}

/** A status's period in words: 自2024-03-10起, 自2024-03-10至2024-09-09, or (日期不详) without a start. */
export function statusPeriod(from: string, to: string): string {
  return `CASE WHEN ${from} IS NULL THEN '(日期不详)' WHEN ${to} IS NULL THEN '自' || CAST(${from} AS VARCHAR) || '起'
    ELSE '自' || CAST(${from} AS VARCHAR) || '至' || CAST(${to} AS VARCHAR) END`;
}

/** Age in whole years on the date of `at`, for birth date `birth`. */
export function ageAt(at: string, birth: string): string {
  return `(EXTRACT(YEAR FROM ${at}) - EXTRACT(YEAR FROM ${birth}) - CASE WHEN EXTRACT(MONTH FROM ${at}) * 100 + EXTRACT(DAY FROM ${at}) < EXTRACT(MONTH FROM ${birth}) * 100 + EXTRACT(DAY FROM ${birth}) THEN 1 ELSE 0 END)`;
}

/** The price cap of catalogue item `h` at an institution of level `lv` (NULL: no cap). Level 3 uses
 * pric_uplmt_amt, level 2 the lv2 cap (else level 3), anything lower or unknown the lv1 cap (else lv2, else 3). */
export function priceCap(h: string, lv: string): string {
  return `CASE WHEN ${lv} = 3 THEN ${h}.pric_uplmt_amt WHEN ${lv} = 2 THEN COALESCE(${h}.pric_uplmt_amt_lv2, ${h}.pric_uplmt_amt) ELSE COALESCE(${h}.pric_uplmt_amt_lv1, ${h}.pric_uplmt_amt_lv2, ${h}.pric_uplmt_amt) END`;
}

/** True for a drug or herbal line: by the catalogue, or by the charge category when the item is not in it. */
export function isDrugLine(f: string, h: string): string {
  return `(${h}.list_type IN ('drug', 'herbal') OR (${h}.med_list_codg IS NULL AND ${f}.med_chrgitm_type IN ('09', '10', '11')))`;
}

/** Parameters of the default days-of-supply limits, shared by OVER_DAYS_SUPPLY and SPLIT_PRESCRIPTION. */
export const SUPPLY_PARAMS = {
  days_outpatient: { default: 7, min: 0, description: '普通门诊（11）及其他门诊类就医方式的默认最长用药天数' },
  days_emergency: { default: 3, min: 0, description: '急诊（13）的默认最长用药天数' },
  days_chronic: { default: 28, min: 0, description: '门诊慢特病（14）的默认最长用药天数' },
  days_pharmacy: { default: 28, min: 0, description: '定点药店购药（41）的默认最长用药天数' },
};

/** The days-of-supply limit in words, for the definitions of the rules that take SUPPLY_PARAMS. */
export const SUPPLY_LIMIT_DEFINITION =
  '用药天数限定为项目限定的天数（max_days），未限定时按就医方式默认为：普通门诊及其他门诊 {days_outpatient} 天、急诊 {days_emergency} 天、门诊慢特病 {days_chronic} 天、定点药店购药 {days_pharmacy} 天；住院不限';

/** The supply limit in days of a drug line of item `h` on a visit of med_type `medType`;
 * NULL for inpatients (no limit). */
export function supplyLimit(h: string, medType: string, p: Params): string {
  return `CASE WHEN ${medType} = '21' THEN NULL ELSE COALESCE(${h}.max_days, CASE ${medType} WHEN '13' THEN ${p.days_emergency} WHEN '14' THEN ${p.days_chronic} WHEN '41' THEN ${p.days_pharmacy} ELSE ${p.days_outpatient} END) END`;
}

/** Chinese label of a med_type code. */
export function medTypeName(expr: string): string {
  return `CASE ${expr} WHEN '11' THEN '普通门诊' WHEN '13' THEN '急诊' WHEN '14' THEN '门诊慢特病' WHEN '21' THEN '普通住院' WHEN '41' THEN '定点药店购药' ELSE '其他(' || ${expr} || ')' END`;
}

export function genderName(expr: string): string {
  return `CASE ${expr} WHEN '1' THEN '男' WHEN '2' THEN '女' ELSE ${expr} END`;
}
