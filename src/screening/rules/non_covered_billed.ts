import { defineRule } from '../rule.js';
import { eligible, lineLocators } from '../sql.js';

export default defineRule({
  code: 'NON_COVERED_BILLED',
  name: '超医保支付范围',
  nameEn: 'Non-covered item billed to the fund',
  level: 'definite',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'hilist'],
  params: {},
  definition: '丙类（chrgitm_lv 03）、非医保商品（non_medical）或不在目录中的项目，基金支付了其中一部分（全自费金额 < 明细金额）',
  evidence: '项目{med_list_codg}（{e_item}）{e_why}，明细金额{e_amt}元中全自费仅{e_own}元',
  lineScope: () =>
    `(h.med_list_codg IS NULL OR h.chrgitm_lv = '03' OR h.list_type = 'non_medical') AND COALESCE(f.fulamt_ownpay_amt, 0) < f.det_item_fee_sumamt`,
  sql: ({ t }) => `
    SELECT ${lineLocators('f', eligible('f'))},
      COALESCE(h.name, '未知项目') AS e_item,
      CASE WHEN h.med_list_codg IS NULL THEN '不在医保目录中' WHEN h.list_type = 'non_medical' THEN '为非医保商品' ELSE '为丙类项目' END AS e_why,
      CAST(f.det_item_fee_sumamt AS VARCHAR) AS e_amt, CAST(CAST(COALESCE(f.fulamt_ownpay_amt, 0) AS DECIMAL(18,2)) AS VARCHAR) AS e_own
    FROM ${t('feedetl')} f
    LEFT JOIN ${t('hilist')} h ON h.med_list_codg = f.med_list_codg
    WHERE (h.med_list_codg IS NULL OR h.chrgitm_lv = '03' OR h.list_type = 'non_medical')
      AND COALESCE(f.fulamt_ownpay_amt, 0) < f.det_item_fee_sumamt`,
});
