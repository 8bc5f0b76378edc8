import { defineRule } from '../rule.js';
import { eligible, locators, num, restrictedItems } from '../sql.js';

/** Lines of items with a limit per day or per window of days. */
const limited = restrictedItems('(h.max_cnt_per_day IS NOT NULL OR h.max_cnt_per_7d IS NOT NULL)');

export default defineRule({
  code: 'FREQUENCY_EXCEEDED',
  name: '超频次',
  nameEn: 'Frequency exceeded',
  level: 'definite',
  key: ['mdtrt_id', 'med_list_codg'],
  requires: ['feedetl', 'hilist'],
  params: { window_days: { default: 7, min: 1, description: '周期频次限定（max_cnt_per_7d）的连续天数' } },
  definition:
    '同一就诊同一天的数量超过 max_cnt_per_day，或同一参保人连续 {window_days} 天（截至该就诊有该项目明细的某日）累计数量超过 max_cnt_per_7d',
  evidence: '{e_item}：单日最多{e_day_units}{e_day_max}，连续{e_window}日累计最多{e_window_units}{e_window_max}',
  // Quotients are cast to DECIMAL(18,6) before ROUND: DuckDB divides decimals in DOUBLE, PostgreSQL exactly, so a
  // half cent (e.g. 2.05 × 7/14 = 1.025) would otherwise round to 1.02 on one engine and 1.03 on the other.
  // The 7-day excess is a CASE, not COALESCE(LEAST(…)): LEAST ignores NULLs on both engines, so for an item without
  // max_cnt_per_7d it returned all the visit-day's units and the amount became the whole line instead of the excess.
  sql: ({ t, p }) => `
    WITH lines AS (
      SELECT f.mdtrt_id, f.psn_no, f.fixmedins_code, f.setl_id, f.med_list_codg, CAST(f.fee_ocur_time AS DATE) AS day, f.cnt,
        ${eligible('f')} AS amt
      FROM ${limited.lines(t)}
    ), visit_day AS (
      -- The limits and the name depend on the item alone: joined after grouping rather than aggregated.
      SELECT g.*, h.max_cnt_per_day AS day_max, h.max_cnt_per_7d AS window_max, h.name AS item_name
      FROM (
        SELECT mdtrt_id, psn_no, fixmedins_code, med_list_codg, day, MIN(setl_id) AS setl_id, SUM(cnt) AS units, SUM(amt) AS amt
        FROM lines GROUP BY mdtrt_id, psn_no, fixmedins_code, med_list_codg, day
      ) g JOIN ${t('hilist')} h ON h.med_list_codg = g.med_list_codg
    ), person_day AS (
      SELECT psn_no, med_list_codg, day, SUM(units) AS units FROM visit_day WHERE window_max IS NOT NULL GROUP BY psn_no, med_list_codg, day
    ), person_window AS (
      SELECT a.psn_no, a.med_list_codg, a.day, SUM(b.units) AS units
      FROM person_day a JOIN person_day b ON b.psn_no = a.psn_no AND b.med_list_codg = a.med_list_codg
        AND b.day BETWEEN a.day - ${p.window_days! - 1} AND a.day
      GROUP BY a.psn_no, a.med_list_codg, a.day
    ), flagged AS (
      SELECT v.*, w.units AS window_units,
        GREATEST(COALESCE(v.units - v.day_max, 0), CASE WHEN w.units > v.window_max THEN LEAST(w.units - v.window_max, v.units) ELSE 0 END, 0) AS excess
      FROM visit_day v LEFT JOIN person_window w ON w.psn_no = v.psn_no AND w.med_list_codg = v.med_list_codg AND w.day = v.day
      WHERE v.units > v.day_max OR w.units > v.window_max
    )
    SELECT ${locators({ fixmedins_code: 'MIN(fixmedins_code)', psn_no: 'MIN(psn_no)', mdtrt_id: 'mdtrt_id', setl_id: 'MIN(setl_id)', med_list_codg: 'med_list_codg', day: 'MIN(day)', amount: 'ROUND(SUM(CAST(excess * amt / NULLIF(units, 0) AS DECIMAL(18,6))), 2)' })},
      MIN(item_name) AS e_item, ${num('MAX(units)')} AS e_day_units, COALESCE('（限' || ${num('MIN(day_max)')} || '）', '（不限）') AS e_day_max,
      '${p.window_days}' AS e_window, COALESCE(${num('MAX(window_units)')}, '-') AS e_window_units, COALESCE('（限' || ${num('MIN(window_max)')} || '）', '（不限）') AS e_window_max
    FROM flagged GROUP BY mdtrt_id, med_list_codg`,
});
