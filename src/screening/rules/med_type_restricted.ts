import { defineRule } from '../rule.js';
import { eligible, lineLocators, medTypeName, restrictedItems } from '../sql.js';

const restricted = restrictedItems('h.lmt_med_types IS NOT NULL');

export default defineRule({
  code: 'MED_TYPE_RESTRICTED',
  name: '限就医方式',
  nameEn: 'Visit-type-restricted item',
  level: 'definite',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'hilist', 'setl'],
  params: {},
  definition: '就诊的医疗类别（med_type）不在项目限定的就医方式（lmt_med_types）之中',
  evidence: '项目{med_list_codg}（{e_item}）限{e_allowed}使用，本次就诊为{e_med_type}',
  lineScope: restricted.lineScope,
  sql: ({ t }) => `
    SELECT ${lineLocators('x', eligible('x'))}, x.e_item, x.e_allowed, ${medTypeName('x.med_type')} AS e_med_type
    FROM (
      -- The line's own settlement says how it was settled; a line without setl_id takes its visit's med_type.
      SELECT f.*, h.name AS e_item, h.lmt_med_types AS e_allowed, COALESCE(s.med_type, v.med_type) AS med_type
      FROM ${restricted.lines(t)}
      JOIN ${t('mdtrt')} v ON v.mdtrt_id = f.mdtrt_id
      LEFT JOIN ${t('setl')} s ON s.setl_id = f.setl_id
    ) x
    WHERE NOT EXISTS (SELECT 1 FROM ${t('hilist_med_type')} m WHERE m.med_list_codg = x.med_list_codg AND m.med_type = x.med_type)`,
});
