import { defineRule } from '../rule.js';
import { visitLocators } from '../sql.js';

export default defineRule({
  code: 'ADMISSION_CLUSTER',
  name: '聚集性住院',
  nameEn: 'Admission cluster',
  level: 'suspect',
  key: ['mdtrt_id'],
  requires: ['setl', 'psn'],
  params: { min_admissions: { default: 5, min: 2, description: '同一机构同一天同一村（居）住址的住院人次下限' } },
  definition: '同一机构同一天有 {min_admissions} 个及以上住院，参保人 12 位居住地区划（addr_admdvs）相同；群组内每个住院都记为疑点',
  evidence: '{day}同一机构有{e_n}名居住在{e_addr}的参保人入院',
  sql: ({ t, p }) => `
    SELECT ${visitLocators('c')},
      CAST(c.n AS VARCHAR) AS e_n, c.addr_admdvs AS e_addr
    FROM (
      SELECT a.*, p.addr_admdvs, COUNT(*) OVER (PARTITION BY a.fixmedins_code, a.begin_day, p.addr_admdvs) AS n
      FROM ${t('mdtrt')} a JOIN ${t('psn')} p ON p.psn_no = a.psn_no AND length(p.addr_admdvs) = 12
      WHERE a.med_type = '21'
    ) c
    WHERE c.n >= ${p.min_admissions}`,
});
