import { defineRule } from '../rule.js';
import { eligible, inStatusPeriod, lineLocators, statusPeriod } from '../sql.js';

/** An extension of the exchange format's codes: a department's agreement suspended as a bureau's sanction. */
export default defineRule({
  code: 'SUSPENDED_DEPARTMENT',
  name: '暂停科室结算期间开单',
  nameEn: 'Line ordered by a suspended department',
  level: 'definite',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'dept_agreement'],
  params: {},
  definition:
    '开单科室（bilg_dept_codg）在费用发生时其医保协议处于暂停或解除状态（dept_agreement：费用日期不早于 status_from，且不晚于 status_to（如有））',
  evidence: '机构{fixmedins_code}科室{e_dept}{e_period}{e_status}，仍开具费用',
  sql: ({ t }) => `
    WITH hit AS (
      SELECT f.*, a.dept_codg AS e_dept, ${statusPeriod('a.status_from', 'a.status_to')} AS e_period,
        CASE a.agreement_status WHEN 'suspended' THEN '暂停医保结算' ELSE '解除医保协议' END AS e_status,
        ROW_NUMBER() OVER (PARTITION BY f.feedetl_sn ORDER BY a.status_from) AS nth
      FROM ${t('feedetl')} f JOIN ${t('dept_agreement')} a ON a.fixmedins_code = f.fixmedins_code AND a.dept_codg = f.bilg_dept_codg
      WHERE a.agreement_status IN ('suspended', 'terminated') AND ${inStatusPeriod('CAST(f.fee_ocur_time AS DATE)', 'a', 'no period')}
    )
    SELECT ${lineLocators('h', eligible('h'))}, h.e_dept, h.e_period, h.e_status FROM hit h WHERE h.nth = 1`,
});
