/** FREQUENCY_EXCEEDED (超频次): units per visit-day above max_cnt_per_day, or per person in 7 consecutive days above
 * max_cnt_per_7d. Key: mdtrt_id + med_list_codg. docs/rules.md: the 7-day window is trailing (days D−6..D for each day D
 * on which the visit has the item, all visits and institutions of the person), so only the visit that brings the total
 * over the limit is flagged. Amount: the excess units' share of the fund-scope amount. */
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

const CODE = 'FREQUENCY_EXCEEDED';

function world(): TableRows {
  const w = baseWorld();
  w.hilist.push(
    catalogItem({ med_list_codg: 'PER_DAY_2', name: '静脉注射', max_cnt_per_day: 2 }),
    catalogItem({ med_list_codg: 'PER_DAY_1', name: '心电图', max_cnt_per_day: 1 }),
    catalogItem({ med_list_codg: 'PER_7D_5', name: '针灸', max_cnt_per_7d: 5 }),
  );
  w.psn.push(...['P_DAY', 'P_OVER', 'P_GAP', 'P_AT', 'P_STAY'].map((psn_no) => insured({ psn_no })));
  const units = (sn: string, item: string, cnt: number, time?: string, extra: Rows = {}): Rows & { feedetl_sn: string } => ({
    feedetl_sn: sn,
    med_list_codg: item,
    cnt,
    pric: 10,
    det_item_fee_sumamt: cnt * 10,
    ...(time ? { fee_ocur_time: time } : {}),
    ...extra,
  });

  // Per visit and calendar day (max 2).
  addVisit(w, { mdtrt_id: 'V_DAY_AT_LIMIT_OK', psn_no: 'P_DAY' }, [units('DA_1', 'PER_DAY_2', 1), units('DA_2', 'PER_DAY_2', 1)]);
  addVisit(w, { mdtrt_id: 'V_DAY_ABOVE', psn_no: 'P_DAY' }, [
    units('DB_1', 'PER_DAY_2', 2),
    units('DB_2', 'PER_DAY_2', 1, '2024-03-01 18:00:00'),
  ]);
  addVisit(
    w,
    { mdtrt_id: 'V_DAY_TWO_DAYS_OK', psn_no: 'P_DAY', med_type: '21', begntime: '2024-03-01 09:00:00', endtime: '2024-03-03 09:00:00' },
    [units('DD_1', 'PER_DAY_2', 2, '2024-03-01 10:00:00'), units('DD_2', 'PER_DAY_2', 2, '2024-03-02 10:00:00')],
  );
  // 1.00 + 1.01 for 2 units, 1 above the limit of 1: 2.01 / 2 = 1.005 → 1.01.
  addVisit(w, { mdtrt_id: 'V_DAY_HALF_CENT', psn_no: 'P_DAY' }, [
    units('DH_1', 'PER_DAY_1', 1, undefined, { pric: 1, det_item_fee_sumamt: 1 }),
    units('DH_2', 'PER_DAY_1', 1, undefined, { pric: 1.01, det_item_fee_sumamt: 1.01 }),
  ]);

  // Per person over 7 consecutive days (max 5), trailing window.
  addVisit(w, { mdtrt_id: 'V_OVER_1_OK', psn_no: 'P_OVER', begntime: '2024-03-01 09:00:00' }, [units('O1', 'PER_7D_5', 3)]);
  addVisit(w, { mdtrt_id: 'V_OVER_2', psn_no: 'P_OVER', fixmedins_code: HOSPITAL_2, begntime: '2024-03-07 09:00:00' }, [
    units('O2', 'PER_7D_5', 3),
  ]); // 6 in 03-01..03-07
  addVisit(w, { mdtrt_id: 'V_GAP_1_OK', psn_no: 'P_GAP', begntime: '2024-03-01 09:00:00' }, [units('G1', 'PER_7D_5', 3)]);
  addVisit(w, { mdtrt_id: 'V_GAP_2_OK', psn_no: 'P_GAP', begntime: '2024-03-08 09:00:00' }, [units('G2', 'PER_7D_5', 3)]); // 03-01 is 7 days back
  addVisit(w, { mdtrt_id: 'V_AT_1_OK', psn_no: 'P_AT', begntime: '2024-03-01 09:00:00' }, [units('A1', 'PER_7D_5', 3)]);
  addVisit(w, { mdtrt_id: 'V_AT_2_OK', psn_no: 'P_AT', begntime: '2024-03-05 09:00:00' }, [units('A2', 'PER_7D_5', 2)]); // exactly 5
  // One admission, 2 units a day on 03-10, 03-11, 03-12: over on 03-12 (6), one finding for the visit, 1 excess unit.
  addVisit(
    w,
    { mdtrt_id: 'V_STAY', psn_no: 'P_STAY', med_type: '21', begntime: '2024-03-10 09:00:00', endtime: '2024-03-14 09:00:00' },
    ['2024-03-10', '2024-03-11', '2024-03-12'].map((d, i) => units(`ST_${i + 1}`, 'PER_7D_5', 2, `${d} 10:00:00`)),
  );
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byVisit = (id: string) => found[engine]!.find((f) => f.mdtrt_id === id);

  it('flags exactly the (visit, item) pairs above the per-day limit or bringing the trailing 7 days over', () => {
    expect(found[engine]!.map((f) => `${f.mdtrt_id}|${f.med_list_codg}`).sort()).toEqual([
      'V_DAY_ABOVE|PER_DAY_2',
      'V_DAY_HALF_CENT|PER_DAY_1',
      'V_OVER_2|PER_7D_5',
      'V_STAY|PER_7D_5',
    ]);
  });

  it('reports the fund-scope amount of the excess units, rounded half up to the cent', () => {
    expect(byVisit('V_DAY_ABOVE')?.amount).toBe('10.00');
    expect(byVisit('V_OVER_2')?.amount).toBe('10.00');
    expect(byVisit('V_STAY')?.amount).toBe('10.00');
    expect(byVisit('V_DAY_HALF_CENT')?.amount).toBe('1.01');
  });

  it('states units and limits in Chinese', () => {
    expect(byVisit('V_OVER_2')).toMatchObject({
      level: 'definite',
      psn_no: 'P_OVER',
      fixmedins_code: HOSPITAL_2,
      day: '2024-03-07',
      feedetl_sn: null,
    });
    expect(byVisit('V_OVER_2')!.detail).toMatch(/连续7日累计最多6(\.0+)?（限5(\.0+)?）/);
    expect(byVisit('V_DAY_ABOVE')).toMatchObject({ fixmedins_code: HOSPITAL });
    expect(byVisit('V_DAY_ABOVE')!.detail).toMatch(/单日最多3(\.0+)?（限2(\.0+)?）/);
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
