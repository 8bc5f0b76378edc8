import { defineRule } from '../rule.js';
import { eligible, inStatusPeriod, lineLocators, statusPeriod } from '../sql.js';

export default defineRule({
  code: 'SUSPENDED_PRACTITIONER',
  name: '暂停资格医师开单',
  nameEn: 'Line ordered by suspended practitioner',
  level: 'definite',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'practitioner'],
  params: {},
  definition:
    '开单医师（bilg_dr_codg）在费用发生时处于暂停医保服务资格状态（status suspended，费用日期不早于 status_from，且不晚于 status_to（如有）；status_from 为空视为一直有效）',
  evidence: '开单医师{e_prac}（{e_name}）{e_period}暂停医保服务资格',
  sql: ({ t }) => `
    WITH suspended AS (
      -- One row per practitioner and period of suspension, whatever the number of registrations that give it.
      SELECT prac_code, MIN(prac_name) AS prac_name, status_from, status_to
      FROM ${t('practitioner')} WHERE status = 'suspended' GROUP BY prac_code, status_from, status_to
    ), hit AS (
      SELECT f.*, p.prac_code AS e_prac, COALESCE(p.prac_name, '') AS e_name, ${statusPeriod('p.status_from', 'p.status_to')} AS e_period,
        ROW_NUMBER() OVER (PARTITION BY f.feedetl_sn ORDER BY p.status_from NULLS FIRST) AS nth
      FROM ${t('feedetl')} f JOIN suspended p ON p.prac_code = f.bilg_dr_codg
      WHERE ${inStatusPeriod('CAST(f.fee_ocur_time AS DATE)', 'p', 'since always')}
    )
    SELECT ${lineLocators('h', eligible('h'))}, h.e_prac, h.e_name, h.e_period FROM hit h WHERE h.nth = 1`,
});
