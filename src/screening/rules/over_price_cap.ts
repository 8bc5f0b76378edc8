import { defineRule } from '../rule.js';
import { lineLocators, num, priceCap } from '../sql.js';

export default defineRule({
  code: 'OVER_PRICE_CAP',
  name: '超标准收费',
  nameEn: 'Price above cap',
  level: 'definite',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'hilist'],
  optional: ['fixmedins'],
  params: {},
  definition:
    '单价高于机构等级对应的限价（三级 pric_uplmt_amt；二级 lv2，空则三级；一级及以下或等级未知 lv1，空则二级、三级）；金额 = (单价 − 限价) × 数量',
  evidence: '项目{med_list_codg}（{e_item}）单价{e_pric}元，超过{e_lv}限价{e_cap}元，数量{e_cnt}',
  lineScope: () => `f.pric > ${priceCap('h', 'i.hosp_lv')}`,
  sql: ({ t }) => `
    SELECT ${lineLocators('x', '(x.pric - x.cap) * x.cnt')}, x.e_item, ${num('x.pric')} AS e_pric, ${num('x.cap')} AS e_cap,
      ${num('x.cnt')} AS e_cnt, CASE x.hosp_lv WHEN 3 THEN '三级' WHEN 2 THEN '二级' ELSE '一级及以下' END AS e_lv
    FROM (
      SELECT f.*, h.name AS e_item, i.hosp_lv, ${priceCap('h', 'i.hosp_lv')} AS cap
      FROM ${t('feedetl')} f
      JOIN ${t('hilist')} h ON h.med_list_codg = f.med_list_codg
        AND (h.pric_uplmt_amt IS NOT NULL OR h.pric_uplmt_amt_lv2 IS NOT NULL OR h.pric_uplmt_amt_lv1 IS NOT NULL)
      LEFT JOIN ${t('fixmedins')} i ON i.fixmedins_code = f.fixmedins_code
    ) x
    WHERE x.pric > x.cap`,
});
