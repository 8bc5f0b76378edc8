import { defineRule } from '../rule.js';
import { locators } from '../sql.js';

export default defineRule({
  code: 'RX_WITHOUT_PRESCRIPTION',
  name: '处方药无处方销售',
  nameEn: 'Prescription drug sold without prescription',
  level: 'definite',
  key: ['fixmedins_code', 'rtal_docno'],
  requires: ['inv_sale'],
  optional: ['hilist'],
  params: {},
  definition: '销售处方药（销售记录或目录的 rx_flag 为 1）而无处方号（rxno）；退货（数量为负）不计',
  evidence: '零售单{rtal_docno}销售处方药{e_items}，无处方号',
  sql: ({ t }) => `
    SELECT ${locators({
      fixmedins_code: 's.fixmedins_code',
      psn_no: 'MIN(s.psn_no)',
      setl_id: 'MIN(s.setl_id)',
      rtal_docno: 's.rtal_docno',
      med_list_codg: 'MIN(s.med_list_codg)',
      day: 'MIN(CAST(s.sel_time AS DATE))',
      amount: "ROUND(SUM(CASE WHEN s.hi_feesetl_flag = '1' THEN s.sel_cnt * COALESCE(s.finl_trns_pric, 0) ELSE 0 END), 2)",
    })},
      string_agg(COALESCE(h.name, s.med_list_codg), '、' ORDER BY s.med_list_codg) AS e_items
    FROM ${t('inv_sale')} s LEFT JOIN ${t('hilist')} h ON h.med_list_codg = s.med_list_codg
    WHERE (s.rx_flag = '1' OR h.rx_flag = '1') AND s.rxno IS NULL AND s.sel_cnt > 0
    GROUP BY s.fixmedins_code, s.rtal_docno`,
});
