import { defineRule } from '../rule.js';
import { eligible, isDrugLine, locators, roundMoney, supplyLimit, SUPPLY_LIMIT_DEFINITION, SUPPLY_PARAMS } from '../sql.js';

export default defineRule({
  code: 'SPLIT_PRESCRIPTION',
  name: '分解处方',
  nameEn: 'Split prescription',
  level: 'suspect',
  key: ['psn_no', 'med_list_codg', 'day'],
  requires: ['feedetl', 'setl'],
  optional: ['hilist'],
  params: { ...SUPPLY_PARAMS },
  definition: `同一参保人、同一机构、同一药品、同一天开在两张及以上处方（rxno）上，每张处方都不超过用药天数限定，合计超过。${SUPPLY_LIMIT_DEFINITION}`,
  evidence: '{day}在同一机构分{e_n}张处方（{e_rxnos}）开{e_item}，单张最多{e_max}天，合计{e_days}天，超过限定的{e_limit}天',
  // The excess amount is rounded through roundMoney: DuckDB divides decimals in DOUBLE, PostgreSQL exactly.
  sql: ({ t, p, d: dialect }) => `
    WITH rx_lines AS (
      -- Drug lines on prescriptions, whatever the visit: which visits are admissions is looked up only for
      -- the few (person, institution, item, day) with several prescriptions.
      SELECT f.mdtrt_id, f.psn_no, f.fixmedins_code, f.med_list_codg, CAST(f.fee_ocur_time AS DATE) AS day, f.rxno,
        COALESCE(f.prd_days, 0) AS prd_days, ${eligible('f')} AS amt, h.max_days
      FROM ${t('feedetl')} f
      LEFT JOIN ${t('hilist')} h ON h.med_list_codg = f.med_list_codg
      WHERE f.rxno IS NOT NULL AND ${isDrugLine('f', 'h')}
    ), several_rx AS (
      -- Groups (by hash) holding two prescription hashes: sorted by both, such a group has two neighbours that
      -- differ only in the prescription. Sorting is cheaper than grouping these millions of lines.
      SELECT DISTINCT g FROM (
        SELECT g, rx, lag(g) OVER (ORDER BY g, rx) AS prev_g, lag(rx) OVER (ORDER BY g, rx) AS prev_rx
        FROM (SELECT ${dialect.hash(['psn_no', 'fixmedins_code', 'med_list_codg', 'day'])} AS g, ${dialect.hash(['rxno'])} AS rx FROM rx_lines) h
      ) sorted WHERE g = prev_g AND rx <> prev_rx
    ), candidates AS (
      SELECT psn_no, fixmedins_code, med_list_codg, day FROM rx_lines
      WHERE ${dialect.hash(['psn_no', 'fixmedins_code', 'med_list_codg', 'day'])} IN (SELECT g FROM several_rx)
      GROUP BY psn_no, fixmedins_code, med_list_codg, day HAVING MIN(rxno) < MAX(rxno)
    ), lines AS (
      SELECT l.*, ${supplyLimit('l', 'v.med_type', p)} AS lim
      FROM rx_lines l
      JOIN candidates c ON c.psn_no = l.psn_no AND c.fixmedins_code = l.fixmedins_code AND c.med_list_codg = l.med_list_codg AND c.day = l.day
      JOIN ${t('mdtrt')} v ON v.mdtrt_id = l.mdtrt_id
      WHERE v.med_type <> '21'
    ), per_rx AS (
      SELECT psn_no, fixmedins_code, med_list_codg, day, rxno, SUM(prd_days) AS days, SUM(amt) AS amt, MIN(lim) AS lim
      FROM lines
      GROUP BY psn_no, fixmedins_code, med_list_codg, day, rxno
    ), per_day AS (
      SELECT psn_no, fixmedins_code, med_list_codg, day, COUNT(*) AS n_rx, SUM(days) AS days, MAX(days) AS max_days,
        MIN(lim) AS lim, SUM(amt) AS amt, string_agg(rxno, '、' ORDER BY rxno) AS rxnos
      FROM per_rx GROUP BY psn_no, fixmedins_code, med_list_codg, day
    ), flagged AS (
      SELECT d.*, ${roundMoney('d.amt * (d.days - d.lim) / d.days')} AS excess_amt
      FROM per_day d WHERE d.n_rx >= 2 AND d.max_days <= d.lim AND d.days > d.lim
    )
    -- One finding per person, item and day (the key), even when the split happened at two institutions.
    SELECT ${locators({ fixmedins_code: 'MIN(d.fixmedins_code)', psn_no: 'd.psn_no', med_list_codg: 'd.med_list_codg', day: 'd.day', amount: 'SUM(d.excess_amt)' })},
      string_agg(CAST(d.n_rx AS VARCHAR), '+' ORDER BY d.fixmedins_code) AS e_n, string_agg(d.rxnos, '；' ORDER BY d.fixmedins_code) AS e_rxnos,
      COALESCE(MIN(h.name), d.med_list_codg) AS e_item, CAST(MAX(d.max_days) AS VARCHAR) AS e_max,
      string_agg(CAST(d.days AS VARCHAR), '+' ORDER BY d.fixmedins_code) AS e_days, CAST(MIN(d.lim) AS VARCHAR) AS e_limit
    FROM flagged d LEFT JOIN ${t('hilist')} h ON h.med_list_codg = d.med_list_codg
    GROUP BY d.psn_no, d.med_list_codg, d.day`,
});
