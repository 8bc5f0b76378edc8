/** DUPLICATE_PRESCRIBING (重复开药): same person and drug_group (else item) dispensed while more than 7 days of an earlier
 * supply remain, at any institution. Key: feedetl_sn of the later line. docs/rules.md: drug lines with cnt > 0; an
 * earlier line (strictly earlier fee_ocur_time) supplies until day + prd_days; remaining = that end − the later line's
 * day; the largest remaining over all earlier lines counts. A 30-day supply on day 0 flags day 22 (8 left), not day 23. */
import { describe, expect, it } from 'vitest';
import {
  addVisit,
  baseWorld,
  catalogItem,
  HOSPITAL,
  HOSPITAL_2,
  insured,
  isChineseText,
  type Rows,
  type TableRows,
} from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'DUPLICATE_PRESCRIBING';

function world(): TableRows {
  const w = baseWorld(); // DRUG_A: drug of drug_group AMOX
  w.hilist.push(
    catalogItem({ med_list_codg: 'DRUG_A2', name: '阿莫西林克拉维酸钾片', list_type: 'drug', drug_group: 'AMOX' }),
    catalogItem({ med_list_codg: 'DRUG_B', name: '头孢克肟片', list_type: 'drug', drug_group: 'CEFIX' }),
    catalogItem({ med_list_codg: 'DRUG_NG', name: '无分组药品甲', list_type: 'drug' }),
    catalogItem({ med_list_codg: 'DRUG_NG2', name: '无分组药品乙', list_type: 'drug' }),
  );
  w.psn.push(
    ...['P_EIGHT', 'P_SEVEN', 'P_GROUP', 'P_NOGROUP', 'P_RETURN', 'P_SAMETIME', 'P_SAMEDAY', 'P_MAX', 'P_SERVICE', 'P_NODAYS'].map(
      (psn_no) => insured({ psn_no }),
    ),
  );
  // One visit per line, at `time`.
  const fill = (sn: string, psn: string, time: string, days: number | '', extra: Rows = {}) =>
    addVisit(w, { mdtrt_id: `V_${sn}`, psn_no: psn, begntime: time, fixmedins_code: (extra.fixmedins_code as string) ?? HOSPITAL }, [
      {
        feedetl_sn: sn,
        med_list_codg: 'DRUG_A',
        med_chrgitm_type: '09',
        prd_days: days,
        cnt: 1,
        pric: 30,
        det_item_fee_sumamt: 30,
        ...extra,
      },
    ]);
  fill('EIGHT_FIRST', 'P_EIGHT', '2024-03-01 09:00:00', 30); // supplies until 2024-03-31
  fill(
    'EIGHT_LEFT',
    'P_EIGHT',
    '2024-03-23 09:00:00',
    7, // 8 days left
    { cnt: 2, pric: 15, det_item_fee_sumamt: 30, fulamt_ownpay_amt: 5 },
  );
  fill('SEVEN_FIRST', 'P_SEVEN', '2024-03-01 09:00:00', 30);
  fill('SEVEN_LEFT_OK', 'P_SEVEN', '2024-03-24 09:00:00', 7); // 7 days left
  fill('GROUP_FIRST', 'P_GROUP', '2024-03-01 09:00:00', 30);
  fill('GROUP_SAME_GROUP_OTHER_INST', 'P_GROUP', '2024-03-10 09:00:00', 7, { med_list_codg: 'DRUG_A2', fixmedins_code: HOSPITAL_2 });
  fill('GROUP_OTHER_GROUP_OK', 'P_GROUP', '2024-03-10 10:00:00', 7, { med_list_codg: 'DRUG_B' });
  fill('NOGROUP_FIRST', 'P_NOGROUP', '2024-03-01 09:00:00', 30, { med_list_codg: 'DRUG_NG' });
  fill('NOGROUP_SAME_ITEM', 'P_NOGROUP', '2024-03-05 09:00:00', 7, { med_list_codg: 'DRUG_NG' });
  fill('NOGROUP_OTHER_ITEM_OK', 'P_NOGROUP', '2024-03-05 10:00:00', 7, { med_list_codg: 'DRUG_NG2' });
  fill('RETURN_LINE_OK', 'P_RETURN', '2024-03-01 09:00:00', 30, { cnt: -1, det_item_fee_sumamt: -30 }); // a return supplies nothing
  fill('AFTER_RETURN_OK', 'P_RETURN', '2024-03-05 09:00:00', 7);
  fill('SAMETIME_1_OK', 'P_SAMETIME', '2024-03-01 09:00:00', 30); // same time: neither is earlier
  fill('SAMETIME_2_OK', 'P_SAMETIME', '2024-03-01 09:00:00', 30, { med_list_codg: 'DRUG_A2' });
  fill('SAMEDAY_FIRST', 'P_SAMEDAY', '2024-03-01 09:00:00', 30);
  fill('SAMEDAY_LATER', 'P_SAMEDAY', '2024-03-01 15:00:00', 30); // strictly later, 30 days left
  fill('MAX_FIRST', 'P_MAX', '2024-03-01 09:00:00', 30); // until 03-31
  fill('MAX_SECOND', 'P_MAX', '2024-03-15 09:00:00', 1); // 16 left of the first
  fill('MAX_THIRD', 'P_MAX', '2024-03-20 09:00:00', 7); // 11 left of the first (the second ended 03-16)
  fill('SERVICE_FIRST_OK', 'P_SERVICE', '2024-03-01 09:00:00', 30, { med_list_codg: 'SVC_BED', med_chrgitm_type: '01' });
  fill('SERVICE_LATER_OK', 'P_SERVICE', '2024-03-05 09:00:00', 30, { med_list_codg: 'SVC_BED', med_chrgitm_type: '01' });
  fill('NODAYS_FIRST_OK', 'P_NODAYS', '2024-03-01 09:00:00', ''); // no prd_days: no known supply
  fill('NODAYS_LATER_OK', 'P_NODAYS', '2024-03-05 09:00:00', 7);
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byLine = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn);

  it('flags exactly the later lines dispensed with more than 7 days of an earlier supply left', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual([
      'EIGHT_LEFT',
      'GROUP_SAME_GROUP_OTHER_INST',
      'MAX_SECOND',
      'MAX_THIRD',
      'NOGROUP_SAME_ITEM',
      'SAMEDAY_LATER',
    ]);
  });

  it('reports the fund-scope amount of the later line', () => {
    expect(byLine('EIGHT_LEFT')?.amount).toBe('25.00');
    expect(byLine('MAX_THIRD')?.amount).toBe('30.00');
  });

  it('states the supply end and the days left in Chinese', () => {
    const f = byLine('EIGHT_LEFT')!;
    expect(f).toMatchObject({ level: 'suspect', psn_no: 'P_EIGHT', mdtrt_id: 'V_EIGHT_LEFT', day: '2024-03-23' });
    expect(f.detail).toContain('2024-03-31');
    expect(f.detail).toContain('尚余8天');
    expect(byLine('MAX_THIRD')!.detail).toContain('尚余11天');
    expect(byLine('GROUP_SAME_GROUP_OTHER_INST')).toMatchObject({ fixmedins_code: HOSPITAL_2, med_list_codg: 'DRUG_A2' });
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
