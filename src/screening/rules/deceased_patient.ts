import { defineRule } from '../rule.js';
import { visitLocators } from '../sql.js';

export default defineRule({
  code: 'DECEASED_PATIENT',
  name: '死亡后就医',
  nameEn: 'Visit after death',
  level: 'definite',
  key: ['mdtrt_id'],
  requires: ['setl', 'psn'],
  params: {},
  definition: '就诊开始日期晚于参保人死亡日期（death_date）',
  evidence: '参保人{psn_no}已于{e_death}死亡，{day}仍有就诊',
  sql: ({ t }) => `
    SELECT ${visitLocators('v')},
      CAST(p.death_date AS VARCHAR) AS e_death
    FROM ${t('mdtrt')} v JOIN ${t('psn')} p ON p.psn_no = v.psn_no
    WHERE p.death_date IS NOT NULL AND v.begin_day > p.death_date`,
});
