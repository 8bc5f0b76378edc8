/**
 * The small fund policy the synthetic city pays by (documented in docs/synthetic-data.md):
 * - 甲类 (01) items are fully within the fund's scope, 乙类 (02) after a 10 % first self-payment (先行自付),
 *   丙类 (03) and non-medical goods are paid fully by the person (全自费: fulamt_ownpay_amt = line amount).
 * - Admissions: a deductible (起付线) per admission by institution level, then a share by insurance type and level.
 * - Outpatient, emergency, chronic (门诊慢特病) and pharmacy visits: a share of the scope, no deductible.
 * - Employees (310) pay their own part of the scope from the personal account (个人账户) where the visit allows.
 */

export type Insutype = '310' | '390';

const DEDUCTIBLE: Record<number, number> = { 3: 800, 2: 500, 1: 300, 0: 200 };
const INPATIENT_SHARE: Record<Insutype, Record<number, number>> = {
  '310': { 3: 0.85, 2: 0.88, 1: 0.92, 0: 0.92 },
  '390': { 3: 0.65, 2: 0.72, 1: 0.8, 0: 0.85 },
};
const OUTPATIENT_SHARE: Record<Insutype, Record<number, number>> = {
  '310': { 3: 0.5, 2: 0.6, 1: 0.7, 0: 0.7 },
  '390': { 3: 0.3, 2: 0.4, 1: 0.5, 0: 0.6 },
};

export interface LineMoney {
  amount: number;
  /** 全自费 part of the line. */
  ownpay: number;
  chrgitmLv: '01' | '02' | '03';
}

export interface SettlementMoney {
  total: number;
  fund: number;
  account: number;
  cash: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function settle(lines: readonly LineMoney[], medType: string, level: number | null, insutype: Insutype): SettlementMoney {
  let total = 0;
  let scope = 0;
  for (const l of lines) {
    total += l.amount;
    const inScope = l.amount - l.ownpay;
    scope += l.chrgitmLv === '02' ? inScope * 0.9 : inScope;
  }
  total = r2(total);
  scope = r2(scope);
  const lv = level ?? 1;
  let fund: number;
  if (medType === '21') fund = Math.max(0, scope - DEDUCTIBLE[lv]!) * INPATIENT_SHARE[insutype][lv]!;
  else if (medType === '14') fund = scope * (insutype === '310' ? 0.75 : 0.65);
  else if (medType === '41') fund = insutype === '310' ? scope * 0.5 : 0;
  else fund = scope * OUTPATIENT_SHARE[insutype][lv]!;
  fund = r2(Math.min(fund, scope));
  const account = insutype === '310' && medType !== '21' ? r2(Math.max(0, scope - fund) * 0.8) : 0;
  const cash = r2(total - fund - account);
  return { total, fund, account, cash };
}
