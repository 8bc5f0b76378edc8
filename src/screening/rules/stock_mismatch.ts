import { defineRule } from '../rule.js';
import { isPharmacy, locators, num } from '../sql.js';

/** A quantity zero with the scale of the quantity columns, so that both engines print it as 0.0000. */
const ZERO = 'CAST(0 AS DECIMAL(18,4))';

export default defineRule({
  code: 'STOCK_MISMATCH',
  name: '进销存不符',
  nameEn: 'Purchase-sale-inventory mismatch',
  level: 'suspect',
  key: ['fixmedins_code', 'med_list_codg'],
  requires: ['inv_sale'],
  optional: ['inv_purc', 'inv_stock', 'feedetl', 'fixmedins'],
  params: {
    tolerance_share: { default: 0.05, min: 0, description: '允许的差额占比（超过该比例且超过允许的差额数量才算不符）' },
    tolerance_units: { default: 2, min: 0, description: '允许的差额数量' },
  },
  definition:
    '期初库存取该药品最早一次盘存（无则为 0），盘存日（含）之后的销售量超过期初库存与其后采购量之和，且超出部分大于该和的 {tolerance_share%} 并大于 {tolerance_units} 个单位；或该药店在费用明细中的结算数量超过其医保销售量（inv_sale 中 hi_feesetl_flag 为 1）同样的幅度。后者只对报送了进销存数据的药店判断',
  evidence: '{e_item}：{e_reason}',
  sql: ({ t, p }) => {
    const over = (x: string, base: string) => `(${x} - ${base} > ${p.tolerance_share} * ${base} AND ${x} - ${base} > ${p.tolerance_units})`;
    // Units of a pharmacy's item moved from its opening stocktake on (all of them without one), with `extra` columns.
    const sinceOpening = (table: 'inv_sale' | 'inv_purc', units: string, time: string, extra = '') => `
      SELECT s.fixmedins_code, s.med_list_codg, SUM(s.${units}) AS qty${extra}
      FROM ${t(table)} s LEFT JOIN opening o ON o.fixmedins_code = s.fixmedins_code AND o.med_list_codg = s.med_list_codg
      WHERE o.invdate IS NULL OR CAST(s.${time} AS DATE) >= o.invdate
      GROUP BY s.fixmedins_code, s.med_list_codg`;
    return `
    WITH first_day AS (
      SELECT fixmedins_code, med_list_codg, MIN(invdate) AS invdate FROM ${t('inv_stock')} GROUP BY fixmedins_code, med_list_codg
    ), opening AS (
      SELECT s.fixmedins_code, s.med_list_codg, s.invdate, SUM(s.inv_cnt) AS qty
      FROM ${t('inv_stock')} s JOIN first_day f ON f.fixmedins_code = s.fixmedins_code AND f.med_list_codg = s.med_list_codg AND f.invdate = s.invdate
      GROUP BY s.fixmedins_code, s.med_list_codg, s.invdate
    ), sales AS (${sinceOpening('inv_sale', 'sel_cnt', 'sel_time', ', AVG(s.finl_trns_pric) AS price')}
    ), purchases AS (${sinceOpening('inv_purc', 'purc_cnt', 'purc_time')}
    ), stock_check AS (
      SELECT s.fixmedins_code, s.med_list_codg, s.qty AS sold, COALESCE(o.qty, ${ZERO}) + COALESCE(pu.qty, ${ZERO}) AS available, s.price
      FROM sales s
      LEFT JOIN opening o ON o.fixmedins_code = s.fixmedins_code AND o.med_list_codg = s.med_list_codg
      LEFT JOIN purchases pu ON pu.fixmedins_code = s.fixmedins_code AND pu.med_list_codg = s.med_list_codg
    ), reporting AS (
      SELECT r.fixmedins_code FROM (
        SELECT fixmedins_code FROM ${t('inv_sale')} UNION SELECT fixmedins_code FROM ${t('inv_purc')} UNION SELECT fixmedins_code FROM ${t('inv_stock')}
      ) r LEFT JOIN ${t('fixmedins')} i ON i.fixmedins_code = r.fixmedins_code
      WHERE ${isPharmacy('r.fixmedins_code', 'i')}
    ), billed AS (
      SELECT f.fixmedins_code, f.med_list_codg, SUM(f.cnt) AS qty, AVG(f.pric) AS price
      FROM ${t('feedetl')} f WHERE f.fixmedins_code IN (SELECT fixmedins_code FROM reporting)
      GROUP BY f.fixmedins_code, f.med_list_codg
    ), hi_sales AS (
      SELECT fixmedins_code, med_list_codg, SUM(sel_cnt) AS qty FROM ${t('inv_sale')} WHERE hi_feesetl_flag = '1'
      GROUP BY fixmedins_code, med_list_codg
    ), billing_check AS (
      SELECT b.fixmedins_code, b.med_list_codg, b.qty AS billed, COALESCE(h.qty, ${ZERO}) AS hi_sold, b.price
      FROM billed b LEFT JOIN hi_sales h ON h.fixmedins_code = b.fixmedins_code AND h.med_list_codg = b.med_list_codg
    ), hits AS (
      SELECT fixmedins_code, med_list_codg, (sold - available) * COALESCE(price, 0) AS amt,
        '盘存日起销售' || ${num('sold')} || '，期初库存加采购仅' || ${num('available')} AS reason
      FROM stock_check WHERE ${over('sold', 'available')}
      UNION ALL
      SELECT fixmedins_code, med_list_codg, (billed - hi_sold) * COALESCE(price, 0) AS amt,
        '医保结算数量' || ${num('billed')} || '，医保销售记录仅' || ${num('hi_sold')} AS reason
      FROM billing_check WHERE ${over('billed', 'hi_sold')}
    )
    SELECT ${locators({ fixmedins_code: 'x.fixmedins_code', med_list_codg: 'x.med_list_codg', amount: 'ROUND(MAX(x.amt), 2)' })},
      COALESCE(MIN(h.name), x.med_list_codg) AS e_item, string_agg(x.reason, '；' ORDER BY x.reason) AS e_reason
    FROM hits x LEFT JOIN ${t('hilist')} h ON h.med_list_codg = x.med_list_codg
    GROUP BY x.fixmedins_code, x.med_list_codg`;
  },
});
