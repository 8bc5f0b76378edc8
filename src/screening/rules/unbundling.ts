import { defineRule } from '../rule.js';
import { locators, num, priceCap } from '../sql.js';

export default defineRule({
  code: 'UNBUNDLING',
  name: '分解项目收费',
  nameEn: 'Unbundling',
  level: 'definite',
  key: ['mdtrt_id', 'med_list_codg'],
  requires: ['feedetl', 'hilist_rel', 'hilist'],
  optional: ['fixmedins'],
  params: {},
  definition:
    '同一就诊同一天收取同一打包项目（bundle item_a）的两个及以上组成部分而未收打包项目，组成部分金额合计高于打包项目在该机构等级的限价',
  evidence: '{e_day}收取打包项目{med_list_codg}（{e_item}）的{e_n}个组成部分（{e_parts}）合计{e_total}元，高于打包项目限价{e_cap}元',
  sql: ({ t }) => `
    WITH bundle_items AS (
      SELECT item_a AS item FROM ${t('hilist_rel')} WHERE rel_type = 'bundle'
      UNION SELECT item_b FROM ${t('hilist_rel')} WHERE rel_type = 'bundle'
    ), item_day AS MATERIALIZED (
      SELECT f.mdtrt_id, f.med_list_codg, CAST(f.fee_ocur_time AS DATE) AS day, MIN(f.psn_no) AS psn_no,
        MIN(f.fixmedins_code) AS fixmedins_code, SUM(f.det_item_fee_sumamt) AS fee
      FROM ${t('feedetl')} f JOIN bundle_items b ON b.item = f.med_list_codg
      GROUP BY f.mdtrt_id, f.med_list_codg, CAST(f.fee_ocur_time AS DATE)
    ), part_of AS (
      SELECT DISTINCT item_a, item_b FROM ${t('hilist_rel')} WHERE rel_type = 'bundle' AND item_a <> item_b
    ), several_parts AS (
      -- Most visit-days hold one part of a bundle at most: find those with two or more before the costly aggregates.
      SELECT r.item_a, d.mdtrt_id, d.day FROM item_day d JOIN part_of r ON r.item_b = d.med_list_codg
      GROUP BY r.item_a, d.mdtrt_id, d.day HAVING MIN(d.med_list_codg) < MAX(d.med_list_codg)
    ), parts AS (
      SELECT r.item_a, d.mdtrt_id, d.day, MIN(d.psn_no) AS psn_no, MIN(d.fixmedins_code) AS fixmedins_code,
        COUNT(*) AS n_parts, SUM(d.fee) AS total, string_agg(d.med_list_codg, '、' ORDER BY d.med_list_codg) AS part_list
      FROM item_day d JOIN part_of r ON r.item_b = d.med_list_codg
      JOIN several_parts x ON x.item_a = r.item_a AND x.mdtrt_id = d.mdtrt_id AND x.day = d.day
      GROUP BY r.item_a, d.mdtrt_id, d.day
    ), hits AS (
      SELECT p.*, h.name AS item_name, ${priceCap('h', 'i.hosp_lv')} AS cap
      FROM parts p
      JOIN ${t('hilist')} h ON h.med_list_codg = p.item_a
      LEFT JOIN ${t('fixmedins')} i ON i.fixmedins_code = p.fixmedins_code
      WHERE p.n_parts >= 2
        AND NOT EXISTS (SELECT 1 FROM item_day x WHERE x.mdtrt_id = p.mdtrt_id AND x.day = p.day AND x.med_list_codg = p.item_a)
    )
    SELECT ${locators({ fixmedins_code: 'MIN(fixmedins_code)', psn_no: 'MIN(psn_no)', mdtrt_id: 'mdtrt_id', med_list_codg: 'item_a', day: 'MIN(day)', amount: 'ROUND(SUM(total - cap), 2)' })},
      MIN(item_name) AS e_item, CAST(MIN(day) AS VARCHAR) AS e_day, CAST(MAX(n_parts) AS VARCHAR) AS e_n,
      MIN(part_list) AS e_parts, CAST(MAX(total) AS VARCHAR) AS e_total, ${num('MIN(cap)')} AS e_cap
    FROM hits WHERE total > cap
    GROUP BY mdtrt_id, item_a`,
});
