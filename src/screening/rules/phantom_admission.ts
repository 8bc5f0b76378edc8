import { defineRule } from '../rule.js';
import { dischargedAdmissions, visitLocators } from '../sql.js';

export default defineRule({
  code: 'PHANTOM_ADMISSION',
  name: '挂床住院',
  nameEn: 'Phantom admission (absent inpatient)',
  level: 'suspect',
  key: ['mdtrt_id'],
  requires: ['setl', 'feedetl'],
  optional: ['idauth'],
  params: {
    min_stay_days: { default: 5, min: 1, description: '判断空床的最短住院日历天数（含入出院当日）' },
    idle_share: { default: 0.8, min: 0, description: '空床天数（无明细或仅床位费、诊察费、护理费）占住院日历天数的比例下限' },
  },
  definition:
    '住院期间（入院日与出院日之间，不含两端）参保人在其他机构开始就诊或通过实名认证；或住院 {min_stay_days} 个及以上日历天（含入出院当日）中至少 {idle_share%} 的天数为空床（无明细，或仅有 01 床位、02 诊察、07 护理明细）',
  evidence: '住院{e_from}至{e_to}：{e_reason}',
  sql: ({ t, p }) => `
    WITH adm AS (${dischargedAdmissions(t)}),
    elsewhere AS (
      SELECT a.mdtrt_id, '其他机构' || o.fixmedins_code || '于' || CAST(o.begin_day AS VARCHAR) || '有就诊' || o.mdtrt_id AS reason
      FROM adm a JOIN ${t('mdtrt')} o ON o.psn_no = a.psn_no AND o.fixmedins_code <> a.fixmedins_code
        AND o.begin_day > a.begin_day AND o.begin_day < a.end_day
      UNION ALL
      SELECT a.mdtrt_id, '其他机构' || x.fixmedins_code || '于' || CAST(CAST(x.auth_time AS DATE) AS VARCHAR) || '实名认证通过' AS reason
      FROM adm a JOIN ${t('idauth')} x ON x.psn_no = a.psn_no AND x.fixmedins_code <> a.fixmedins_code AND x.auth_rslt = '1'
        AND CAST(x.auth_time AS DATE) > a.begin_day AND CAST(x.auth_time AS DATE) < a.end_day
    ),
    long_stay AS (SELECT * FROM adm WHERE end_day - begin_day + 1 >= ${p.min_stay_days}),
    active_days AS (
      SELECT s.mdtrt_id, COUNT(DISTINCT CAST(f.fee_ocur_time AS DATE)) AS n
      FROM long_stay s JOIN ${t('feedetl')} f ON f.mdtrt_id = s.mdtrt_id
      WHERE (f.med_chrgitm_type IS NULL OR f.med_chrgitm_type NOT IN ('01', '02', '07'))
        AND CAST(f.fee_ocur_time AS DATE) BETWEEN s.begin_day AND s.end_day
      GROUP BY s.mdtrt_id
    ),
    idle AS (
      SELECT s.mdtrt_id, '住院' || CAST(s.end_day - s.begin_day + 1 AS VARCHAR) || '天中' ||
        CAST(s.end_day - s.begin_day + 1 - COALESCE(d.n, 0) AS VARCHAR) || '天无诊疗（仅床位、诊察、护理或无费用）' AS reason
      FROM long_stay s LEFT JOIN active_days d ON d.mdtrt_id = s.mdtrt_id
      WHERE s.end_day - s.begin_day + 1 - COALESCE(d.n, 0) >= ${p.idle_share} * (s.end_day - s.begin_day + 1)
    ),
    reasons AS (
      SELECT mdtrt_id, string_agg(reason, '；' ORDER BY reason) AS reason FROM (SELECT * FROM elsewhere UNION ALL SELECT * FROM idle) r GROUP BY mdtrt_id
    )
    SELECT ${visitLocators('a')},
      CAST(a.begin_day AS VARCHAR) AS e_from, CAST(a.end_day AS VARCHAR) AS e_to, r.reason AS e_reason
    FROM reasons r JOIN adm a ON a.mdtrt_id = r.mdtrt_id`,
});
