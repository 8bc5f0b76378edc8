import { defineRule } from '../rule.js';
import { inStatusPeriod, settlementLocators, statusPeriod } from '../sql.js';

export default defineRule({
  code: 'SUSPENDED_INSTITUTION',
  name: '暂停协议期间结算',
  nameEn: 'Settlement while agreement suspended',
  level: 'definite',
  key: ['setl_id'],
  requires: ['setl', 'fixmedins'],
  params: {},
  definition:
    '结算时机构协议处于暂停或解除状态（agreement_status 为 suspended/terminated，结算日不早于 status_from，且不晚于 status_to（如有）；status_from 为空视为一直有效）',
  evidence: '机构{fixmedins_code}{e_period}{e_status}，{day}仍有结算',
  sql: ({ t }) => `
    SELECT ${settlementLocators('s')},
      ${statusPeriod('i.status_from', 'i.status_to')} AS e_period,
      CASE i.agreement_status WHEN 'suspended' THEN '暂停医保协议' ELSE '解除医保协议' END AS e_status
    FROM ${t('setl')} s JOIN ${t('fixmedins')} i ON i.fixmedins_code = s.fixmedins_code
    WHERE i.agreement_status IN ('suspended', 'terminated') AND ${inStatusPeriod('CAST(s.setl_time AS DATE)', 'i', 'since always')}`,
});
