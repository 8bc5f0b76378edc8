import { defineRule } from '../rule.js';
import { eligible, genderName, lineLocators, restrictedItems } from '../sql.js';

const restricted = restrictedItems('h.lmt_gend IS NOT NULL');

export default defineRule({
  code: 'GENDER_RESTRICTED',
  name: '限性别项目',
  nameEn: 'Gender-restricted item',
  level: 'definite',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'hilist', 'psn'],
  params: {},
  definition: '项目限定性别（lmt_gend），参保人性别与之不符',
  evidence: '项目{med_list_codg}（{e_item}）限{e_lmt}性使用，参保人{psn_no}性别为{e_gend}',
  lineScope: restricted.lineScope,
  sql: ({ t }) => `
    SELECT ${lineLocators('f', eligible('f'))}, h.name AS e_item, ${genderName('h.lmt_gend')} AS e_lmt, ${genderName('p.gend')} AS e_gend
    FROM ${restricted.lines(t)}
    JOIN ${t('psn')} p ON p.psn_no = f.psn_no
    WHERE p.gend <> h.lmt_gend`,
});
