import { defineRule } from '../rule.js';
import { eligible, lineLocators } from '../sql.js';

export default defineRule({
  code: 'SUSPENDED_PRACTITIONER', name: '暂停资格医师开单', nameEn: 'Line ordered by suspended practitioner', level: 'definite',
  key: ['feedetl_sn'], requires: ['feedetl', 'practitioner'], params: {},
  definition: '开单医师（bilg_dr_codg）在费用发生时处于暂停医保服务资格状态（status suspended，status_from 不晚于费用日期；为空视为一直有效）',
  evidence: '开单医师{e_prac}（{e_name}）自{e_from}起暂停医保服务资格',
  sql: ({ t }) => `
    WITH suspended AS (
      -- One row per practitioner, whatever the number of registrations: suspended from the earliest date any
      -- suspended registration gives (none given: always).
      SELECT prac_code, MIN(prac_name) AS prac_name,
        CASE WHEN COUNT(*) FILTER (WHERE status_from IS NULL) > 0 THEN NULL ELSE MIN(status_from) END AS status_from
      FROM ${t('practitioner')} WHERE status = 'suspended' GROUP BY prac_code
    )
    SELECT ${lineLocators('f', eligible('f'))}, p.prac_code AS e_prac, COALESCE(p.prac_name, '') AS e_name,
      COALESCE(CAST(p.status_from AS VARCHAR), '(日期不详)') AS e_from
    FROM ${t('feedetl')} f JOIN suspended p ON p.prac_code = f.bilg_dr_codg
    WHERE p.status_from IS NULL OR CAST(f.fee_ocur_time AS DATE) >= p.status_from`,
});
