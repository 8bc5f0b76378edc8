/**
 * Monthly indicators (监测指标) per institution, region and supervision grid, in SQL that runs unchanged on
 * DuckDB and PostgreSQL. Settlements count in the month of their settlement time, admissions in the month
 * they begin, discharges (and their cost, stay and readmissions) in the month they end, fee lines in the
 * month of the fee, findings in the month of their day.
 *
 * `fg_indicator` holds one row per unit, month and indicator with its value, the volume it rests on (`base`),
 * the previous month's and the same month last year's values, the unit's own history (median and MAD of its
 * earlier months) and, for institutions, its peers' median and MAD that month (same kind and level).
 */
import { execAtomically, type Dialect, type SqlEngine } from '../db/engine.js';
import { INDICATOR_KEYS, type IndicatorKey } from '../contract/vocabulary.js';

/** The number of each month's largest cases left out of an indicator's trimmed value. */
export const TRIMMED_CASES = 2;
/** The earlier months an indicator's own history (median and MAD) looks back on. */
export const HISTORY_MONTHS = 6;

/**
 * Each indicator from the monthly sums `w`: its value, the volume behind it and, for amounts and stays, its
 * trimmed value: the same without the month's TRIMMED_CASES largest cases, so that a warning can tell a month
 * that moved as a whole from one lifted by a single catastrophic case.
 */
const DEFINITIONS: Record<IndicatorKey, { value: string; base: string; trimmed?: string }> = {
  visits: { value: 'w.visits', base: 'w.visits' },
  admissions: { value: 'w.admissions', base: 'w.admissions' },
  discharges: { value: 'w.discharges', base: 'w.discharges' },
  fund_paid: { value: 'w.fund_paid', base: 'w.visits', trimmed: 'w.fund_paid - w.fund_paid_top' },
  total_cost: { value: 'w.total_cost', base: 'w.visits', trimmed: 'w.total_cost - w.total_cost_top' },
  cost_per_visit: {
    value: 'w.total_cost / NULLIF(w.visits, 0)',
    base: 'w.visits',
    trimmed: '(w.total_cost - w.total_cost_top) / NULLIF(w.visits - w.settlements_top, 0)',
  },
  cost_per_admission: {
    value: 'w.adm_cost / NULLIF(w.discharges, 0)',
    base: 'w.discharges',
    trimmed: '(w.adm_cost - w.adm_cost_top) / NULLIF(w.discharges - w.discharges_top, 0)',
  },
  alos: {
    value: 'w.bed_days / NULLIF(w.discharges, 0)',
    base: 'w.discharges',
    trimmed: '(w.bed_days - w.bed_days_top) / NULLIF(w.discharges - w.discharges_top, 0)',
  },
  fund_share: { value: 'w.fund_paid / NULLIF(w.total_cost, 0)', base: 'w.visits' },
  drug_share: { value: 'w.drug_total / NULLIF(w.line_total, 0)', base: 'w.visits' },
  readmission_15d: { value: 'w.readmitted / NULLIF(w.discharges, 0)', base: 'w.discharges' },
  findings: { value: 'w.findings', base: 'w.visits' },
  amount_at_risk: { value: 'w.amount_at_risk', base: 'w.visits' },
};

const D = 'DOUBLE PRECISION';

/** The monthly sums of one institution, as numbers (so that ratios divide as reals on both engines). */
function institutionMonthsSql(d: Dialect): string {
  const drug = `(h.list_type IN ('drug', 'herbal') OR (h.med_list_codg IS NULL AND l.med_chrgitm_type IN ('09', '10', '11')))`;
  return `
    WITH s AS (
      SELECT unit, month, COUNT(DISTINCT mdtrt_id) AS visits, COUNT(*) AS settlements, SUM(cost) AS total_cost, SUM(fund) AS fund_paid,
        SUM(CASE WHEN rn <= ${TRIMMED_CASES} THEN 1 ELSE 0 END) AS settlements_top,
        SUM(CASE WHEN rn <= ${TRIMMED_CASES} THEN cost ELSE 0 END) AS total_cost_top, SUM(CASE WHEN rn <= ${TRIMMED_CASES} THEN fund ELSE 0 END) AS fund_paid_top
      FROM (
        SELECT fixmedins_code AS unit, ${d.month('setl_time')} AS month, mdtrt_id, medfee_sumamt AS cost, hifp_pay AS fund,
          ROW_NUMBER() OVER (PARTITION BY fixmedins_code, ${d.month('setl_time')} ORDER BY medfee_sumamt DESC, setl_id) AS rn
        FROM setl) x
      GROUP BY unit, month
    ), a AS (
      SELECT fixmedins_code AS unit, ${d.month('begntime')} AS month, COUNT(*) AS admissions
      FROM mdtrt WHERE med_type = '21' GROUP BY fixmedins_code, ${d.month('begntime')}
    ), dis AS (
      SELECT unit, month, COUNT(*) AS discharges, SUM(cost) AS adm_cost, SUM(stay) AS bed_days, SUM(readmitted) AS readmitted,
        SUM(CASE WHEN by_cost <= ${TRIMMED_CASES} THEN 1 ELSE 0 END) AS discharges_top,
        SUM(CASE WHEN by_cost <= ${TRIMMED_CASES} THEN cost ELSE 0 END) AS adm_cost_top, SUM(CASE WHEN by_stay <= ${TRIMMED_CASES} THEN stay ELSE 0 END) AS bed_days_top
      FROM (
        SELECT m.fixmedins_code AS unit, ${d.month('m.endtime')} AS month, m.medfee_sumamt AS cost, m.end_day - m.begin_day AS stay,
          ROW_NUMBER() OVER (PARTITION BY m.fixmedins_code, ${d.month('m.endtime')} ORDER BY m.medfee_sumamt DESC, m.mdtrt_id) AS by_cost,
          ROW_NUMBER() OVER (PARTITION BY m.fixmedins_code, ${d.month('m.endtime')} ORDER BY m.end_day - m.begin_day DESC, m.mdtrt_id) AS by_stay,
          CASE WHEN EXISTS (
            SELECT 1 FROM mdtrt r WHERE r.psn_no = m.psn_no AND r.fixmedins_code = m.fixmedins_code AND r.med_type = '21'
              AND r.mdtrt_id <> m.mdtrt_id AND r.begin_day >= m.end_day AND r.begin_day <= m.end_day + 15) THEN 1 ELSE 0 END AS readmitted
        FROM mdtrt m WHERE m.med_type = '21' AND m.endtime IS NOT NULL) x
      GROUP BY unit, month
    ), f AS (
      SELECT l.fixmedins_code AS unit, ${d.month('l.fee_ocur_time')} AS month, SUM(l.det_item_fee_sumamt) AS line_total,
        SUM(CASE WHEN ${drug} THEN l.det_item_fee_sumamt ELSE 0 END) AS drug_total
      FROM feedetl l LEFT JOIN hilist h ON h.med_list_codg = l.med_list_codg GROUP BY l.fixmedins_code, ${d.month('l.fee_ocur_time')}
    ), r AS (
      SELECT fixmedins_code AS unit, ${d.month('day')} AS month, COUNT(*) AS findings, SUM(amount) AS amount
      FROM fg_finding WHERE fixmedins_code IS NOT NULL AND day IS NOT NULL GROUP BY fixmedins_code, ${d.month('day')}
    ), k AS (
      SELECT unit, month FROM s UNION SELECT unit, month FROM a UNION SELECT unit, month FROM dis
      UNION SELECT unit, month FROM f UNION SELECT unit, month FROM r
    )
    SELECT k.unit, k.month,
      CAST(COALESCE(s.visits, 0) AS ${D}) AS visits, CAST(COALESCE(s.settlements, 0) AS ${D}) AS settlements,
      CAST(COALESCE(s.settlements_top, 0) AS ${D}) AS settlements_top, CAST(COALESCE(s.fund_paid_top, 0) AS ${D}) AS fund_paid_top,
      CAST(COALESCE(s.total_cost_top, 0) AS ${D}) AS total_cost_top, CAST(dis.discharges_top AS ${D}) AS discharges_top,
      CAST(dis.adm_cost_top AS ${D}) AS adm_cost_top, CAST(dis.bed_days_top AS ${D}) AS bed_days_top,
      CAST(COALESCE(a.admissions, 0) AS ${D}) AS admissions,
      CAST(COALESCE(dis.discharges, 0) AS ${D}) AS discharges, CAST(COALESCE(s.fund_paid, 0) AS ${D}) AS fund_paid,
      CAST(COALESCE(s.total_cost, 0) AS ${D}) AS total_cost, CAST(dis.adm_cost AS ${D}) AS adm_cost, CAST(dis.bed_days AS ${D}) AS bed_days,
      CAST(dis.readmitted AS ${D}) AS readmitted, CAST(f.line_total AS ${D}) AS line_total, CAST(f.drug_total AS ${D}) AS drug_total,
      CAST(COALESCE(r.findings, 0) AS ${D}) AS findings, CAST(COALESCE(r.amount, 0) AS ${D}) AS amount_at_risk
    FROM k
    LEFT JOIN s ON s.unit = k.unit AND s.month = k.month
    LEFT JOIN a ON a.unit = k.unit AND a.month = k.month
    LEFT JOIN dis ON dis.unit = k.unit AND dis.month = k.month
    LEFT JOIN f ON f.unit = k.unit AND f.month = k.month
    LEFT JOIN r ON r.unit = k.unit AND r.month = k.month`;
}

const SUMS = [
  'visits',
  'settlements',
  'admissions',
  'discharges',
  'fund_paid',
  'total_cost',
  'adm_cost',
  'bed_days',
  'readmitted',
  'line_total',
  'drug_total',
  'findings',
  'amount_at_risk',
];

const TOPS = ['settlements_top', 'fund_paid_top', 'total_cost_top', 'discharges_top', 'adm_cost_top', 'bed_days_top'];

/** Statements building fg_indicator (and the monthly sums it rests on) from the workspace. */
export function indicatorSql(d: Dialect): string[] {
  const earlier = `b.month < a.month AND b.month >= ${d.addMonths('a.month', -HISTORY_MONTHS)}`;
  const long = (unitType: string, from: string, peer: string) =>
    INDICATOR_KEYS.map(
      (i) =>
        `SELECT '${unitType}' AS unit_type, w.unit AS unit_id, ${peer} AS peer_group, w.month, '${i}' AS indicator,
      CAST(${DEFINITIONS[i].value} AS ${D}) AS value, CAST(${DEFINITIONS[i].trimmed ?? DEFINITIONS[i].value} AS ${D}) AS trimmed,
      CAST(${DEFINITIONS[i].base} AS ${D}) AS base FROM ${from} w`,
    ).join('\nUNION ALL\n');
  // Regions and grids are not trimmed (their warnings would come from their institutions').
  const rollup = (key: string) => `(SELECT ${key} AS unit, w.month, ${SUMS.map((c) => `SUM(w.${c}) AS ${c}`).join(', ')},
      ${TOPS.map((c) => `CAST(0 AS ${D}) AS ${c}`).join(', ')}
      FROM fg_mon_inst w JOIN fixmedins i ON i.fixmedins_code = w.unit WHERE ${key} IS NOT NULL GROUP BY ${key}, w.month)`;
  return [
    'DROP TABLE IF EXISTS fg_mon_inst',
    `CREATE TABLE fg_mon_inst AS ${institutionMonthsSql(d)}`,
    'DROP TABLE IF EXISTS fg_mon_long',
    `CREATE TABLE fg_mon_long AS
      ${long(
        'institution',
        '(SELECT w.*, i.inst_kind, i.hosp_lv FROM fg_mon_inst w LEFT JOIN fixmedins i ON i.fixmedins_code = w.unit)',
        `COALESCE(w.inst_kind, 'other') || '|' || COALESCE(CAST(w.hosp_lv AS VARCHAR), '-')`,
      )}
      UNION ALL ${long('region', rollup('i.admdvs'), 'NULL')}
      UNION ALL ${long('grid', rollup('i.grid_id'), 'NULL')}`,
    'DROP TABLE IF EXISTS fg_indicator',
    // The unit's earlier months (median, then the median distance from it, of the trimmed values) and its peers that month.
    `CREATE TABLE fg_indicator AS
      WITH hist AS (
        SELECT a.unit_type, a.unit_id, a.indicator, a.month, COUNT(b.trimmed) AS hist_n, ${d.median('b.trimmed')} AS hist_median
        FROM fg_mon_long a JOIN fg_mon_long b ON b.unit_type = a.unit_type AND b.unit_id = a.unit_id AND b.indicator = a.indicator
          AND ${earlier} AND b.trimmed IS NOT NULL
        GROUP BY a.unit_type, a.unit_id, a.indicator, a.month
      ), hist_mad AS (
        SELECT a.unit_type, a.unit_id, a.indicator, a.month, ${d.median('abs(b.trimmed - a.hist_median)')} AS hist_mad
        FROM hist a JOIN fg_mon_long b ON b.unit_type = a.unit_type AND b.unit_id = a.unit_id AND b.indicator = a.indicator
          AND ${earlier} AND b.trimmed IS NOT NULL
        GROUP BY a.unit_type, a.unit_id, a.indicator, a.month
      ), peer AS (
        SELECT peer_group, indicator, month, COUNT(*) AS peer_n, ${d.median('value')} AS peer_median
        FROM fg_mon_long WHERE unit_type = 'institution' AND value IS NOT NULL GROUP BY peer_group, indicator, month
      ), peer_mad AS (
        SELECT p.peer_group, p.indicator, p.month, ${d.median('abs(l.value - p.peer_median)')} AS peer_mad
        FROM peer p JOIN fg_mon_long l ON l.unit_type = 'institution' AND l.peer_group = p.peer_group AND l.indicator = p.indicator
          AND l.month = p.month AND l.value IS NOT NULL
        GROUP BY p.peer_group, p.indicator, p.month
      )
      SELECT l.unit_type, l.unit_id, l.peer_group, l.month, l.indicator, l.value, l.trimmed, l.base,
        pm.value AS prev_value, pm.trimmed AS prev_trimmed, pm.base AS prev_base, py.value AS yoy_value,
        COALESCE(h.hist_n, 0) AS hist_n, h.hist_median, hm.hist_mad,
        p.peer_n, p.peer_median, pq.peer_mad
      FROM fg_mon_long l
      LEFT JOIN fg_mon_long pm ON pm.unit_type = l.unit_type AND pm.unit_id = l.unit_id AND pm.indicator = l.indicator AND pm.month = ${d.addMonths('l.month', -1)}
      LEFT JOIN fg_mon_long py ON py.unit_type = l.unit_type AND py.unit_id = l.unit_id AND py.indicator = l.indicator AND py.month = ${d.addMonths('l.month', -12)}
      LEFT JOIN hist h ON h.unit_type = l.unit_type AND h.unit_id = l.unit_id AND h.indicator = l.indicator AND h.month = l.month
      LEFT JOIN hist_mad hm ON hm.unit_type = l.unit_type AND hm.unit_id = l.unit_id AND hm.indicator = l.indicator AND hm.month = l.month
      LEFT JOIN peer p ON l.unit_type = 'institution' AND p.peer_group = l.peer_group AND p.indicator = l.indicator AND p.month = l.month
      LEFT JOIN peer_mad pq ON l.unit_type = 'institution' AND pq.peer_group = l.peer_group AND pq.indicator = l.indicator AND pq.month = l.month`,
    'DROP TABLE IF EXISTS fg_mon_long',
  ];
}

export async function buildIndicators(engine: SqlEngine): Promise<void> {
  await execAtomically(engine, indicatorSql(engine.dialect));
}
