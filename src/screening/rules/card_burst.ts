import { defineRule } from '../rule.js';
import { isPharmacy, settlementLocators } from '../sql.js';

export default defineRule({
  code: 'CARD_BURST',
  name: '集中刷卡',
  nameEn: 'Card-swiping burst at a pharmacy',
  level: 'suspect',
  key: ['setl_id'],
  requires: ['setl'],
  optional: ['fixmedins'],
  params: {
    min_persons: { default: 8, min: 2, description: '时间窗内不同参保人结算数下限' },
    window_minutes: { default: 10, min: 1, description: '时间窗长度（分钟，两端均包含）' },
  },
  definition:
    '同一定点药店（fixmedins_type 2；机构表中无该机构时按 P 开头编码判断）在任意 {window_minutes} 分钟内（两端均包含）有 {min_persons} 名及以上不同参保人结算；窗口内每笔结算都记为疑点',
  evidence: '药店{fixmedins_code}自{e_from}起{e_minutes}分钟内为{e_n}名不同参保人结算',
  sql: ({ t, p }) => {
    const within = (a: string, b: string) => `${b}.setl_time >= ${a} AND ${b}.setl_time <= ${a} + INTERVAL '${p.window_minutes} minutes'`;
    return `
    WITH s AS MATERIALIZED (
      SELECT s.setl_id, s.psn_no, s.fixmedins_code, s.mdtrt_id, s.setl_time, s.hifp_pay
      FROM ${t('setl')} s LEFT JOIN ${t('fixmedins')} i ON i.fixmedins_code = s.fixmedins_code
      WHERE ${isPharmacy('s.fixmedins_code', 'i')}
    ), starts AS (
      -- A window can hold ${p.min_persons} distinct persons only if it holds ${p.min_persons} settlements:
      -- count those first with a window function, then count distinct persons only where it is possible.
      SELECT fixmedins_code, setl_time AS t0 FROM (
        SELECT fixmedins_code, setl_time, COUNT(*) OVER (PARTITION BY fixmedins_code ORDER BY setl_time
          RANGE BETWEEN CURRENT ROW AND INTERVAL '${p.window_minutes} minutes' FOLLOWING) AS n
        FROM s) c
      WHERE n >= ${p.min_persons}
    ), windows AS (
      SELECT w.fixmedins_code, w.t0, COUNT(DISTINCT b.psn_no) AS n
      FROM (SELECT DISTINCT fixmedins_code, t0 FROM starts) w JOIN s b ON b.fixmedins_code = w.fixmedins_code AND ${within('w.t0', 'b')}
      GROUP BY w.fixmedins_code, w.t0
      HAVING COUNT(DISTINCT b.psn_no) >= ${p.min_persons}
    ), members AS (
      SELECT b.setl_id, MIN(w.t0) AS t0, MAX(w.n) AS n
      FROM windows w JOIN s b ON b.fixmedins_code = w.fixmedins_code AND ${within('w.t0', 'b')}
      GROUP BY b.setl_id
    )
    SELECT ${settlementLocators('s')},
      CAST(m.t0 AS VARCHAR) AS e_from, '${p.window_minutes}' AS e_minutes, CAST(m.n AS VARCHAR) AS e_n
    FROM members m JOIN s ON s.setl_id = m.setl_id`;
  },
});
