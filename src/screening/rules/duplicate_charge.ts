import { repeatedKeys } from '../../db/engine.js';
import { defineRule } from '../rule.js';
import { eligible, locators } from '../sql.js';

export default defineRule({
  code: 'DUPLICATE_CHARGE',
  name: '重复收费',
  nameEn: 'Duplicate charge',
  level: 'definite',
  key: ['mdtrt_id', 'med_list_codg'],
  requires: ['feedetl'],
  optional: ['hilist_rel'],
  params: {},
  definition:
    '同一就诊两条明细的项目、时间、数量、单价完全相同；或互斥项目（exclusive）在同一就诊同一天都收费（记在后收费的项目上，同时收费记在 item_b 上）；或打包项目与其组成部分（bundle）在同一就诊同一天都收费（记在组成部分上）',
  evidence: '项目{med_list_codg}（{e_item}）{e_reasons}',
  sql: ({ t, d }) => {
    const lineKey = d.hash(['f.mdtrt_id', 'f.med_list_codg', 'f.fee_ocur_time', 'f.cnt', 'f.pric']);
    return `
    WITH rel AS (
      -- An exclusive pair listed both ways, (X, Y) and (Y, X), is one pair: only the listing with the smaller code
      -- first is kept (on equal times the item_b of the listing kept is flagged).
      SELECT DISTINCT rel_type, item_a, item_b FROM ${t('hilist_rel')} r
      WHERE rel_type IN ('bundle', 'exclusive') AND item_a <> item_b
        AND NOT (rel_type = 'exclusive' AND item_a > item_b AND EXISTS (
          SELECT 1 FROM ${t('hilist_rel')} x WHERE x.rel_type = 'exclusive' AND x.item_a = r.item_b AND x.item_b = r.item_a))
    ), rel_items AS (
      SELECT item_a AS item FROM rel UNION SELECT item_b FROM rel
    ), repeated_keys AS (
      ${repeatedKeys(lineKey, `${t('feedetl')} f`)}
    ), identical AS (
      SELECT f.mdtrt_id, f.med_list_codg, CAST(f.fee_ocur_time AS DATE) AS day, MIN(f.psn_no) AS psn_no, MIN(f.fixmedins_code) AS fixmedins_code,
        SUM(${eligible('f')}) - MIN(${eligible('f')}) AS amt, '同一时间重复收费' || CAST(COUNT(*) AS VARCHAR) || '次' AS reason
      FROM ${t('feedetl')} f
      WHERE ${lineKey} IN (SELECT k FROM repeated_keys)
      GROUP BY f.mdtrt_id, f.med_list_codg, f.fee_ocur_time, f.cnt, f.pric
      HAVING COUNT(*) > 1
    ), item_day AS MATERIALIZED (
      SELECT f.mdtrt_id, f.med_list_codg, CAST(f.fee_ocur_time AS DATE) AS day, MIN(f.fee_ocur_time) AS first_time,
        MIN(f.psn_no) AS psn_no, MIN(f.fixmedins_code) AS fixmedins_code, SUM(${eligible('f')}) AS amt
      FROM ${t('feedetl')} f JOIN rel_items r ON r.item = f.med_list_codg
      GROUP BY f.mdtrt_id, f.med_list_codg, CAST(f.fee_ocur_time AS DATE)
    ), pairs AS (
      SELECT a.mdtrt_id, a.day, a.psn_no, a.fixmedins_code, r.rel_type, a.med_list_codg AS item_a, b.med_list_codg AS item_b,
        CASE WHEN r.rel_type = 'bundle' OR b.first_time >= a.first_time THEN 'b' ELSE 'a' END AS flagged_side, a.amt AS amt_a, b.amt AS amt_b
      FROM rel r
      JOIN item_day a ON a.med_list_codg = r.item_a
      JOIN item_day b ON b.med_list_codg = r.item_b AND b.mdtrt_id = a.mdtrt_id AND b.day = a.day
      WHERE r.item_a <> r.item_b
    ), hits AS (
      SELECT mdtrt_id, med_list_codg, day, psn_no, fixmedins_code, amt, reason FROM identical
      UNION ALL
      SELECT mdtrt_id, CASE flagged_side WHEN 'b' THEN item_b ELSE item_a END, day, psn_no, fixmedins_code,
        CASE flagged_side WHEN 'b' THEN amt_b ELSE amt_a END,
        CASE WHEN rel_type = 'bundle' THEN '与其所属打包项目' || item_a || '同日收费'
             ELSE '与互斥项目' || CASE flagged_side WHEN 'b' THEN item_a ELSE item_b END || '同日收费' END
      FROM pairs
    ), per_day AS (
      SELECT mdtrt_id, med_list_codg, day, MIN(psn_no) AS psn_no, MIN(fixmedins_code) AS fixmedins_code, MAX(amt) AS amt,
        string_agg(reason, '；' ORDER BY reason) AS reasons
      FROM hits GROUP BY mdtrt_id, med_list_codg, day
    )
    SELECT ${locators({ fixmedins_code: 'MIN(d.fixmedins_code)', psn_no: 'MIN(d.psn_no)', mdtrt_id: 'd.mdtrt_id', med_list_codg: 'd.med_list_codg', day: 'MIN(d.day)', amount: 'ROUND(SUM(d.amt), 2)' })},
      COALESCE(MIN(h.name), d.med_list_codg) AS e_item, string_agg(CAST(d.day AS VARCHAR) || d.reasons, '；' ORDER BY d.day) AS e_reasons
    FROM per_day d LEFT JOIN ${t('hilist')} h ON h.med_list_codg = d.med_list_codg
    GROUP BY d.mdtrt_id, d.med_list_codg`;
  },
});
