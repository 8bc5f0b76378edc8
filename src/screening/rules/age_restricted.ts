import { defineRule } from '../rule.js';
import { ageAt, eligible, lineLocators, restrictedItems } from '../sql.js';

const restricted = restrictedItems('(h.lmt_age_min IS NOT NULL OR h.lmt_age_max IS NOT NULL)');

export default defineRule({
  code: 'AGE_RESTRICTED',
  name: '限年龄项目',
  nameEn: 'Age-restricted item',
  level: 'definite',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'hilist', 'psn'],
  params: {},
  definition: '费用发生时参保人周岁年龄不在项目限定的 [lmt_age_min, lmt_age_max] 之内',
  evidence: '项目{med_list_codg}（{e_item}）限{e_range}岁使用，参保人{psn_no}费用发生时{e_age}岁',
  lineScope: restricted.lineScope,
  sql: ({ t }) => `
    SELECT ${lineLocators('x', eligible('x'))}, x.e_item, x.e_range, x.e_age
    FROM (
      SELECT f.*, h.name AS e_item, h.lmt_age_min, h.lmt_age_max,
        COALESCE(CAST(h.lmt_age_min AS VARCHAR), '') || '~' || COALESCE(CAST(h.lmt_age_max AS VARCHAR), '') AS e_range,
        CAST(${ageAt('f.fee_ocur_time', 'p.brdy')} AS INTEGER) AS e_age
      FROM ${restricted.lines(t)}
      JOIN ${t('psn')} p ON p.psn_no = f.psn_no
    ) x
    WHERE x.e_age < x.lmt_age_min OR x.e_age > x.lmt_age_max`,
});
