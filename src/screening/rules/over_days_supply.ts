import { defineRule } from '../rule.js';
import { eligible, isDrugLine, lineLocators, medTypeName, supplyLimit, SUPPLY_LIMIT_DEFINITION, SUPPLY_PARAMS } from '../sql.js';

export default defineRule({
  code: 'OVER_DAYS_SUPPLY',
  name: '超量开药',
  nameEn: 'Days of supply above limit',
  level: 'suspect',
  key: ['feedetl_sn'],
  requires: ['feedetl', 'setl'],
  optional: ['hilist'],
  params: { ...SUPPLY_PARAMS },
  definition: `药品或中药饮片明细的用药天数（prd_days）超过用药天数限定。${SUPPLY_LIMIT_DEFINITION}`,
  evidence: '{e_item}开药{e_days}天，超过{e_med_type}限定的{e_limit}天',
  // Quotients are cast to DECIMAL(18,6) before ROUND: DuckDB divides decimals in DOUBLE, PostgreSQL exactly, so a
  // half cent (e.g. 2.05 × 7/14 = 1.025) would otherwise round to 1.02 on one engine and 1.03 on the other.
  sql: ({ t, p }) => `
    WITH long_supplies AS MATERIALIZED (
      -- Every limit is the item's max_days or one of the defaults: a line within the lowest of them cannot
      -- exceed its limit, so only the others are joined with their visits.
      SELECT f.*, COALESCE(h.name, f.med_list_codg) AS e_item, h.max_days
      FROM ${t('feedetl')} f
      LEFT JOIN ${t('hilist')} h ON h.med_list_codg = f.med_list_codg
      WHERE f.prd_days > COALESCE(h.max_days, LEAST(${p.days_outpatient}, ${p.days_emergency}, ${p.days_chronic}, ${p.days_pharmacy}))
        AND ${isDrugLine('f', 'h')}
    )
    SELECT ${lineLocators('x', `CAST(${eligible('x')} * (x.prd_days - x.lim) / x.prd_days AS DECIMAL(18,6))`)},
      x.e_item, CAST(x.prd_days AS VARCHAR) AS e_days, CAST(x.lim AS VARCHAR) AS e_limit, ${medTypeName('x.med_type')} AS e_med_type
    FROM (
      SELECT l.*, v.med_type, ${supplyLimit('l', 'v.med_type', p)} AS lim
      FROM long_supplies l
      JOIN ${t('mdtrt')} v ON v.mdtrt_id = l.mdtrt_id
    ) x
    WHERE x.lim IS NOT NULL AND x.prd_days > x.lim`,
});
