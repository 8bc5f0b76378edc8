/** OVER_DAYS_SUPPLY (超量开药): a drug or herbal line whose prd_days is above max_days if set, else above 7 (med_type 11
 * and other outpatient codes), 3 (13), 28 (14 and 41); no limit for inpatients (21), even with max_days. Key: feedetl_sn.
 * Amount (docs/rules.md): the line's fund-scope amount × (prd_days − limit) / prd_days. */
import { describe, expect, it } from 'vitest';
import { addVisit, baseWorld, catalogItem, isChineseText, PHARMACY, type Rows, type TableRows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'OVER_DAYS_SUPPLY';

function world(): TableRows {
  const w = baseWorld(); // DRUG_A: a drug without max_days
  w.hilist.push(
    catalogItem({ med_list_codg: 'HERB_A', name: '黄芪饮片', list_type: 'herbal' }),
    catalogItem({ med_list_codg: 'DRUG_MAX10', name: '限10天药品', list_type: 'drug', max_days: 10 }),
    catalogItem({ med_list_codg: 'SVC_LONG', name: '康复治疗', list_type: 'service' }),
  );
  const drug = (sn: string, days: number | '', item = 'DRUG_A', extra: Rows = {}): Rows & { feedetl_sn: string } => ({
    feedetl_sn: sn,
    med_list_codg: item,
    med_chrgitm_type: '09',
    prd_days: days,
    cnt: 1,
    pric: 20,
    det_item_fee_sumamt: 20,
    ...extra,
  });
  addVisit(w, { mdtrt_id: 'V_11', med_type: '11' }, [
    drug('OUT_AT_7_OK', 7),
    drug('OUT_ABOVE_7', 8, 'DRUG_A', { pric: 80, det_item_fee_sumamt: 80 }), // 80 × 1/8 = 10
    drug('OUT_HALF_CENT', 14, 'DRUG_A', { pric: 2.05, det_item_fee_sumamt: 2.05 }), // 2.05 × 7/14 = 1.025 → 1.03
    drug('OUT_HERBAL_ABOVE', 8, 'HERB_A', { med_chrgitm_type: '10' }),
    drug('OUT_MAXDAYS_AT_10_OK', 10, 'DRUG_MAX10'), // max_days 10 replaces the default 7
    drug('OUT_MAXDAYS_ABOVE', 11, 'DRUG_MAX10'),
    drug('OUT_NO_DAYS_OK', '', 'DRUG_A'),
    drug('OUT_SERVICE_OK', 30, 'SVC_LONG', { med_chrgitm_type: '05' }), // not a drug
    drug('OUT_UNLISTED_WESTERN_ABOVE', 8, 'X_WESTERN', { med_chrgitm_type: '09' }), // not in hilist, 09: a drug line
    drug('OUT_UNLISTED_TREATMENT_OK', 30, 'X_TREATMENT', { med_chrgitm_type: '05' }),
  ]);
  addVisit(w, { mdtrt_id: 'V_13', med_type: '13' }, [drug('EMERG_AT_3_OK', 3), drug('EMERG_ABOVE_3', 4)]);
  addVisit(w, { mdtrt_id: 'V_14', med_type: '14' }, [
    drug('CHRONIC_AT_28_OK', 28),
    drug('CHRONIC_ABOVE_28', 29, 'DRUG_A', { pric: 290, det_item_fee_sumamt: 290, fulamt_ownpay_amt: 58 }), // 232 × 1/29 = 8
    drug('CHRONIC_MAXDAYS_ABOVE', 11, 'DRUG_MAX10'), // max_days 10 is stricter than 28
  ]);
  addVisit(w, { mdtrt_id: 'V_41', med_type: '41', fixmedins_code: PHARMACY }, [
    drug('PHARMACY_AT_28_OK', 28),
    drug('PHARMACY_ABOVE_28', 29),
  ]);
  addVisit(w, { mdtrt_id: 'V_21', med_type: '21' }, [drug('INPATIENT_90_OK', 90), drug('INPATIENT_MAXDAYS_OK', 30, 'DRUG_MAX10')]);
  addVisit(w, { mdtrt_id: 'V_99', med_type: '99' }, [drug('OTHER_CODE_AT_7_OK', 7), drug('OTHER_CODE_ABOVE_7', 8)]); // treated as outpatient
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byLine = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn);

  it('flags exactly the drug lines above their supply limit', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual([
      'CHRONIC_ABOVE_28',
      'CHRONIC_MAXDAYS_ABOVE',
      'EMERG_ABOVE_3',
      'OTHER_CODE_ABOVE_7',
      'OUT_ABOVE_7',
      'OUT_HALF_CENT',
      'OUT_HERBAL_ABOVE',
      'OUT_MAXDAYS_ABOVE',
      'OUT_UNLISTED_WESTERN_ABOVE',
      'PHARMACY_ABOVE_28',
    ]);
  });

  it('reports the fund-scope amount of the days beyond the limit, rounded half up to the cent', () => {
    expect(byLine('OUT_ABOVE_7')?.amount).toBe('10.00');
    expect(byLine('CHRONIC_ABOVE_28')?.amount).toBe('8.00');
    expect(byLine('EMERG_ABOVE_3')?.amount).toBe('5.00'); // 20 × 1/4
    expect(byLine('OUT_HALF_CENT')?.amount).toBe('1.03');
  });

  it('states days, limit and visit type in Chinese', () => {
    expect(byLine('EMERG_ABOVE_3')).toMatchObject({ level: 'suspect', mdtrt_id: 'V_13', med_list_codg: 'DRUG_A' });
    expect(byLine('EMERG_ABOVE_3')!.detail).toContain('开药4天，超过急诊限定的3天');
    expect(byLine('CHRONIC_MAXDAYS_ABOVE')!.detail).toContain('限定的10天');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
