import { defineRule } from '../rule.js';
import { eligible, lineLocators, restrictedItems } from '../sql.js';

const restricted = restrictedItems('h.lmt_hosp_lv_min IS NOT NULL');

export default defineRule({
  code: 'INST_LEVEL_RESTRICTED',
  name: '限医疗机构级别',
  nameEn: 'Institution-level-restricted item',
  level: 'definite',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'hilist', 'fixmedins'],
  params: {},
  definition: '机构等级（hosp_lv）低于项目限定的最低等级（lmt_hosp_lv_min）；机构等级为空时不判断',
  evidence: '项目{med_list_codg}（{e_item}）限{e_min}级及以上医疗机构使用，机构{fixmedins_code}等级为{e_lv}',
  lineScope: restricted.lineScope,
  sql: ({ t }) => `
    SELECT ${lineLocators('f', eligible('f'))}, h.name AS e_item, CAST(h.lmt_hosp_lv_min AS VARCHAR) AS e_min, CAST(i.hosp_lv AS VARCHAR) AS e_lv
    FROM ${restricted.lines(t)}
    JOIN ${t('fixmedins')} i ON i.fixmedins_code = f.fixmedins_code
    WHERE i.hosp_lv < h.lmt_hosp_lv_min`,
});
