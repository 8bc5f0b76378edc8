import { defineRule } from '../rule.js';
import { dischargedAdmissions, visitLocators } from '../sql.js';

export default defineRule({
  code: 'SPLIT_ADMISSION',
  name: '分解住院',
  nameEn: 'Split admission',
  level: 'suspect',
  key: ['mdtrt_id'],
  requires: ['setl'],
  optional: ['diag'],
  params: {
    max_gap_days: { default: 15, min: 0, description: '出院日至再次入院日相隔不超过该天数' },
    diag_prefix_len: { default: 3, min: 1, description: '主诊断比较的前几位字符' },
  },
  definition:
    '同一参保人在同一机构出院当日至其后 {max_gap_days} 天内再次入院（入院日 − 前次出院日在 0 到 {max_gap_days} 天之间），两次主诊断前 {diag_prefix_len} 位相同；记在后一次住院上',
  evidence: '{e_prev}于{e_prev_end}出院，{e_gap}天后于{day}再次入院，主诊断{e_prev_diag}/{e_diag}',
  sql: ({ t, p }) => `
    WITH adm AS (${dischargedAdmissions(t)}),
    pairs AS (
      SELECT l.*, e.mdtrt_id AS prev_id, e.end_day AS prev_end, e.dise_codg AS prev_diag, l.begin_day - e.end_day AS gap,
        ROW_NUMBER() OVER (PARTITION BY l.mdtrt_id ORDER BY l.begin_day - e.end_day, e.mdtrt_id) AS rn
      FROM adm l JOIN adm e ON e.psn_no = l.psn_no AND e.fixmedins_code = l.fixmedins_code AND e.mdtrt_id <> l.mdtrt_id
      WHERE e.begntime < l.begntime AND l.begin_day - e.end_day BETWEEN 0 AND ${p.max_gap_days}
        AND substr(e.dise_codg, 1, ${p.diag_prefix_len}) = substr(l.dise_codg, 1, ${p.diag_prefix_len})
    )
    SELECT ${visitLocators()},
      prev_id AS e_prev, CAST(prev_end AS VARCHAR) AS e_prev_end, CAST(gap AS VARCHAR) AS e_gap, prev_diag AS e_prev_diag, dise_codg AS e_diag
    FROM pairs WHERE rn = 1`,
});
