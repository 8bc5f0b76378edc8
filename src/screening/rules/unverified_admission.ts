import { defineRule } from '../rule.js';
import { visitLocators } from '../sql.js';

export default defineRule({
  code: 'UNVERIFIED_ADMISSION',
  name: '住院未实名认证',
  nameEn: 'Admission without identity check',
  level: 'suspect',
  key: ['mdtrt_id'],
  requires: ['setl', 'idauth'],
  params: { window_days: { default: 1, min: 0, description: '入院日前后多少天内应有通过的实名认证' } },
  definition: '在有实名认证记录（idauth）的机构，住院入院日前 {window_days} 天至后 {window_days} 天内没有该参保人在该机构通过的认证',
  evidence: '{day}入院，机构{fixmedins_code}使用实名认证，但入院前后{e_window}天内无该参保人认证通过记录',
  sql: ({ t, p }) => `
    SELECT ${visitLocators('a')},
      '${p.window_days}' AS e_window
    FROM ${t('mdtrt')} a
    WHERE a.med_type = '21'
      AND a.fixmedins_code IN (SELECT fixmedins_code FROM ${t('idauth')})
      AND NOT EXISTS (
        SELECT 1 FROM ${t('idauth')} x
        WHERE x.fixmedins_code = a.fixmedins_code AND x.psn_no = a.psn_no AND x.auth_rslt = '1'
          AND CAST(x.auth_time AS DATE) BETWEEN a.begin_day - ${p.window_days} AND a.begin_day + ${p.window_days})`,
});
