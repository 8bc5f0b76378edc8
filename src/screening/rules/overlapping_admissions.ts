import { defineRule } from '../rule.js';
import { dischargedAdmissions, visitLocators } from '../sql.js';

export default defineRule({
  code: 'OVERLAPPING_ADMISSIONS',
  name: '重复住院',
  nameEn: 'Overlapping admissions',
  level: 'definite',
  key: ['mdtrt_id'],
  requires: ['setl'],
  params: { min_overlap_days: { default: 1, min: 0, description: '两次住院重叠超过该天数（后一次入院日至两次出院日中较早者）' } },
  definition:
    '同一参保人两次住院时间重叠超过 {min_overlap_days} 天：后一次入院日至两次出院日中较早者之间超过 {min_overlap_days} 天（不限机构）；记在后一次住院上',
  evidence: '与{e_other}（{e_other_inst}，{e_other_from}至{e_other_to}）住院时间重叠{e_overlap}天',
  sql: ({ t, p }) => `
    WITH adm AS (${dischargedAdmissions(t)}),
    pairs AS (
      SELECT l.*, e.mdtrt_id AS other_id, e.fixmedins_code AS other_inst, e.begin_day AS other_from, e.end_day AS other_to,
        LEAST(e.end_day, l.end_day) - l.begin_day AS overlap,
        ROW_NUMBER() OVER (PARTITION BY l.mdtrt_id ORDER BY LEAST(e.end_day, l.end_day) - l.begin_day DESC, e.mdtrt_id) AS rn
      FROM adm l JOIN adm e ON e.psn_no = l.psn_no AND e.mdtrt_id <> l.mdtrt_id
      WHERE (e.begntime < l.begntime OR (e.begntime = l.begntime AND e.mdtrt_id < l.mdtrt_id))
        AND LEAST(e.end_day, l.end_day) - l.begin_day > ${p.min_overlap_days}
    )
    SELECT ${visitLocators()},
      other_id AS e_other, other_inst AS e_other_inst, CAST(other_from AS VARCHAR) AS e_other_from, CAST(other_to AS VARCHAR) AS e_other_to,
      CAST(overlap AS VARCHAR) AS e_overlap
    FROM pairs WHERE rn = 1`,
});
