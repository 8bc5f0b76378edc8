import { defineRule } from '../rule.js';
import { eligible, isDrugLine, lineLocators } from '../sql.js';

export default defineRule({
  code: 'DUPLICATE_PRESCRIBING',
  name: '重复开药',
  nameEn: 'Duplicate prescribing',
  level: 'suspect',
  key: ['feedetl_sn'],
  requires: ['feedetl'],
  optional: ['hilist'],
  params: { remaining_days: { default: 7, min: 0, description: '此前开具的同类药品剩余用量超过该天数时再次开药即为重复开药' } },
  definition:
    '同一参保人同一药品组（drug_group，无则同一药品）在此前开具的用量尚余超过 {remaining_days} 天时再次开药（不限机构）；剩余天数 = 此前开药日 + 用药天数 − 本次开药日',
  evidence: '{e_item}于{day}再次开药时，此前开具的同类药品可用至{e_supply_end}前，尚余{e_remaining}天',
  sql: ({ t, p, d }) => `
    WITH lines AS NOT MATERIALIZED (
      -- Narrow on purpose: the window below sorts these rows, and only the few flagged lines need the rest.
      SELECT f.feedetl_sn, f.psn_no, COALESCE(h.drug_group, f.med_list_codg) AS grp, f.fee_ocur_time,
        CAST(f.fee_ocur_time AS DATE) AS fee_day, f.prd_days
      FROM ${t('feedetl')} f
      LEFT JOIN ${t('hilist')} h ON h.med_list_codg = f.med_list_codg
      WHERE f.cnt > 0 AND ${isDrugLine('f', 'h')}
    ), open_groups AS (
      -- Only a supply longer than the allowed remainder can still be running at a later dispensing:
      -- persons and drug groups without one are left out before the window, which is the costly part.
      SELECT DISTINCT ${d.hash(['psn_no', 'grp'])} AS k FROM lines WHERE prd_days > ${p.remaining_days}
    ), earlier AS (
      SELECT l.feedetl_sn, l.fee_day,
        MAX(l.fee_day + l.prd_days) OVER (PARTITION BY l.psn_no, l.grp ORDER BY l.fee_ocur_time
          RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '1 microsecond' PRECEDING) AS prev_end
      FROM lines l WHERE ${d.hash(['l.psn_no', 'l.grp'])} IN (SELECT k FROM open_groups)
    ), flagged AS (
      SELECT feedetl_sn, fee_day, prev_end FROM earlier WHERE prev_end - fee_day > ${p.remaining_days}
    )
    SELECT ${lineLocators('f', eligible('f'))}, COALESCE(h.name, f.med_list_codg) AS e_item, CAST(e.prev_end AS VARCHAR) AS e_supply_end,
      CAST(e.prev_end - e.fee_day AS VARCHAR) AS e_remaining
    FROM flagged e
    JOIN ${t('feedetl')} f ON f.feedetl_sn = e.feedetl_sn
    LEFT JOIN ${t('hilist')} h ON h.med_list_codg = f.med_list_codg`,
});
