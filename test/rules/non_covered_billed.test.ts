/** NON_COVERED_BILLED (超医保支付范围): an item of class 03, of list_type non_medical, or not in hilist, of which the
 * fund paid a part (COALESCE(fulamt_ownpay_amt, 0) < det_item_fee_sumamt). Key: feedetl_sn. */
import { describe, expect, it } from 'vitest';
import { addVisit, baseWorld, catalogItem, isChineseText, type TableRows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'NON_COVERED_BILLED';

function world(): TableRows {
  const w = baseWorld();
  w.hilist.push(
    catalogItem({ med_list_codg: 'CLASS3', name: '美容祛斑', chrgitm_lv: '03' }),
    catalogItem({ med_list_codg: 'NONMED', name: '保健枕', list_type: 'non_medical', chrgitm_lv: '01' }),
    catalogItem({ med_list_codg: 'CLASS2', name: '乙类药品', list_type: 'drug', chrgitm_lv: '02' }),
  );
  const amounts = (det: number, own: number | '') => ({ cnt: 1, pric: det, det_item_fee_sumamt: det, fulamt_ownpay_amt: own });
  addVisit(w, { mdtrt_id: 'V1' }, [
    { feedetl_sn: 'CLASS3_FUND_PAID', med_list_codg: 'CLASS3', ...amounts(100, 0) },
    { feedetl_sn: 'CLASS3_OWNPAY_CENT_SHORT', med_list_codg: 'CLASS3', ...amounts(100, 99.99) }, // fund paid 0.01
    { feedetl_sn: 'CLASS3_ALL_OWNPAY_OK', med_list_codg: 'CLASS3', ...amounts(100, 100) },
    { feedetl_sn: 'NONMED_OWNPAY_EMPTY', med_list_codg: 'NONMED', ...amounts(45, '') }, // empty means 0
    { feedetl_sn: 'NONMED_ALL_OWNPAY_OK', med_list_codg: 'NONMED', ...amounts(45, 45) },
    { feedetl_sn: 'UNLISTED_PART_OWNPAY', med_list_codg: 'NOT_IN_HILIST', med_chrgitm_type: '14', ...amounts(30, 10) },
    { feedetl_sn: 'UNLISTED_ALL_OWNPAY_OK', med_list_codg: 'NOT_IN_HILIST', med_chrgitm_type: '14', ...amounts(30, 30) },
    { feedetl_sn: 'CLASS1_OK', med_list_codg: 'SVC_BED', ...amounts(50, 0) },
    { feedetl_sn: 'CLASS2_OK', med_list_codg: 'CLASS2', med_chrgitm_type: '09', ...amounts(20, 0) },
  ]);
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byLine = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn);

  it('flags exactly the non-covered lines the fund paid part of', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual([
      'CLASS3_FUND_PAID',
      'CLASS3_OWNPAY_CENT_SHORT',
      'NONMED_OWNPAY_EMPTY',
      'UNLISTED_PART_OWNPAY',
    ]);
  });

  it('reports the part the fund paid (line amount less the fully self-paid part)', () => {
    expect(byLine('CLASS3_FUND_PAID')?.amount).toBe('100.00');
    expect(byLine('CLASS3_OWNPAY_CENT_SHORT')?.amount).toBe('0.01');
    expect(byLine('NONMED_OWNPAY_EMPTY')?.amount).toBe('45.00');
    expect(byLine('UNLISTED_PART_OWNPAY')?.amount).toBe('20.00');
  });

  it('gives the reason in Chinese', () => {
    expect(byLine('CLASS3_FUND_PAID')).toMatchObject({ level: 'definite', mdtrt_id: 'V1', med_list_codg: 'CLASS3' });
    expect(byLine('CLASS3_FUND_PAID')!.detail).toContain('丙类');
    expect(byLine('NONMED_OWNPAY_EMPTY')!.detail).toContain('非医保商品');
    expect(byLine('UNLISTED_PART_OWNPAY')!.detail).toContain('不在医保目录');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
