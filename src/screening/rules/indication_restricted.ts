import { defineRule } from '../rule.js';
import { eligible, lineLocators, restrictedItems } from '../sql.js';

const restricted = restrictedItems('h.lmt_dise_prefixes IS NOT NULL');

export default defineRule({
  code: 'INDICATION_RESTRICTED',
  name: '限适应症',
  nameEn: 'Indication-restricted item',
  level: 'suspect',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'hilist', 'setl'],
  optional: ['diag'],
  params: {},
  definition: '就诊的诊断（diag 及 setl.dise_codg）均不以项目限定的诊断前缀（lmt_dise_prefixes）开头',
  evidence: '项目{med_list_codg}（{e_item}）限诊断{e_prefixes}使用，本次就诊诊断为{e_diags}',
  lineScope: restricted.lineScope,
  sql: ({ t }) => `
    WITH candidates AS (
      SELECT f.*, h.name AS e_item, h.lmt_dise_prefixes AS e_prefixes
      FROM ${restricted.lines(t)}
    ), diagnoses_of_candidates AS (
      -- Only the visits with restricted items: matching every diagnosis against every prefix is costly.
      SELECT vd.mdtrt_id, vd.diag_code FROM ${t('visit_diag')} vd WHERE vd.mdtrt_id IN (SELECT mdtrt_id FROM candidates)
    ), indicated AS (
      SELECT DISTINCT c.feedetl_sn FROM candidates c
      JOIN diagnoses_of_candidates vd ON vd.mdtrt_id = c.mdtrt_id
      JOIN ${t('hilist_dise_prefix')} dp ON dp.med_list_codg = c.med_list_codg
      -- A literal prefix (LIKE would read _ and % as wildcards), whatever the letter case of the codes.
      WHERE starts_with(upper(vd.diag_code), upper(dp.prefix))
    ), hits AS (
      -- NOT EXISTS rather than NOT IN: PostgreSQL turns it into an anti-join whatever the size of the set.
      SELECT * FROM candidates c WHERE NOT EXISTS (SELECT 1 FROM indicated i WHERE i.feedetl_sn = c.feedetl_sn)
    ), diagnoses AS (
      SELECT vd.mdtrt_id, string_agg(DISTINCT vd.diag_code, '、' ORDER BY vd.diag_code) AS e_diags
      FROM diagnoses_of_candidates vd WHERE vd.mdtrt_id IN (SELECT mdtrt_id FROM hits) GROUP BY vd.mdtrt_id
    )
    SELECT ${lineLocators('x', eligible('x'))}, x.e_item, x.e_prefixes, COALESCE(d.e_diags, '无') AS e_diags
    FROM hits x LEFT JOIN diagnoses d ON d.mdtrt_id = x.mdtrt_id`,
});
