/** DUPLICATE_CHARGE (重复收费): two lines of one visit identical in item, time, cnt and pric; or an `exclusive` pair, or a
 * bundle with one of its parts, on the same visit and day. Key: mdtrt_id + med_list_codg (the later item of an
 * exclusive pair — item_b on equal times — or the part of a bundle). One finding per (visit, item). */
import { describe, expect, it } from 'vitest';
import { addVisit, baseWorld, catalogItem, isChineseText, type Rows, type TableRows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'DUPLICATE_CHARGE';
const T9 = '2024-03-01 09:00:00';
const T10 = '2024-03-01 10:00:00';

function world(): TableRows {
  const w = { ...baseWorld(), hilist_rel: [] as Rows[] };
  w.hilist.push(
    catalogItem({ med_list_codg: 'SVC_X', name: '肌肉注射' }),
    catalogItem({ med_list_codg: 'EX_A', name: '血清钾测定' }),
    catalogItem({ med_list_codg: 'EX_B', name: '血清电解质测定' }),
    catalogItem({ med_list_codg: 'BUNDLE', name: '全血细胞分析套餐' }),
    catalogItem({ med_list_codg: 'PART', name: '血红蛋白测定' }),
    catalogItem({ med_list_codg: 'EX_X', name: '心电图检查' }),
    catalogItem({ med_list_codg: 'EX_Y', name: '动态心电图' }),
  );
  w.hilist_rel.push(
    { rel_type: 'exclusive', item_a: 'EX_A', item_b: 'EX_B' },
    { rel_type: 'bundle', item_a: 'BUNDLE', item_b: 'PART' },
    // One exclusive pair listed both ways.
    { rel_type: 'exclusive', item_a: 'EX_Y', item_b: 'EX_X' },
    { rel_type: 'exclusive', item_a: 'EX_X', item_b: 'EX_Y' },
  );
  const fee = (sn: string, item: string, time: string, extra: Rows = {}): Rows & { feedetl_sn: string } => ({
    feedetl_sn: sn,
    med_list_codg: item,
    fee_ocur_time: time,
    cnt: 1,
    pric: 20,
    det_item_fee_sumamt: 20,
    ...extra,
  });
  const admission = (id: string) => ({ mdtrt_id: id, med_type: '21', begntime: T9, endtime: '2024-03-05 09:00:00' });

  // (1) Identical lines.
  addVisit(w, { mdtrt_id: 'V_IDENTICAL' }, [fee('ID_1', 'SVC_X', T9), fee('ID_2', 'SVC_X', T9)]);
  addVisit(w, { mdtrt_id: 'V_IDENTICAL_3' }, [fee('ID3_1', 'SVC_X', T9), fee('ID3_2', 'SVC_X', T9), fee('ID3_3', 'SVC_X', T9)]);
  addVisit(w, { mdtrt_id: 'V_OTHER_TIME_OK' }, [fee('TM_1', 'SVC_X', T9), fee('TM_2', 'SVC_X', '2024-03-01 09:00:01')]);
  addVisit(w, { mdtrt_id: 'V_OTHER_CNT_OK' }, [fee('CN_1', 'SVC_X', T9), fee('CN_2', 'SVC_X', T9, { cnt: 2, det_item_fee_sumamt: 40 })]);
  addVisit(w, { mdtrt_id: 'V_OTHER_PRIC_OK' }, [fee('PR_1', 'SVC_X', T9), fee('PR_2', 'SVC_X', T9, { pric: 21, det_item_fee_sumamt: 21 })]);
  addVisit(w, { mdtrt_id: 'V_SPLIT_A_OK' }, [fee('SP_A', 'SVC_X', T9)]); // identical line on another visit
  addVisit(w, { mdtrt_id: 'V_SPLIT_B_OK' }, [fee('SP_B', 'SVC_X', T9)]);
  // (2) Exclusive pairs: the item charged later that day is flagged; item_b on equal times.
  addVisit(w, { mdtrt_id: 'V_EX_A_THEN_B' }, [
    fee('EAB_A', 'EX_A', T9),
    fee('EAB_B', 'EX_B', T10, { pric: 35, det_item_fee_sumamt: 35, fulamt_ownpay_amt: 5 }),
  ]);
  addVisit(w, { mdtrt_id: 'V_EX_B_THEN_A' }, [fee('EBA_B', 'EX_B', T9), fee('EBA_A', 'EX_A', T10)]);
  addVisit(w, { mdtrt_id: 'V_EX_SAME_TIME' }, [fee('EST_A', 'EX_A', T9), fee('EST_B', 'EX_B', T9)]);
  addVisit(w, admission('V_EX_OTHER_DAYS_OK'), [fee('EOD_A', 'EX_A', T9), fee('EOD_B', 'EX_B', '2024-03-02 09:00:00')]);
  addVisit(w, { mdtrt_id: 'V_EX_VISIT_1_OK' }, [fee('EV_A', 'EX_A', T9)]); // the pair on two visits of the same day
  addVisit(w, { mdtrt_id: 'V_EX_VISIT_2_OK' }, [fee('EV_B', 'EX_B', T10)]);
  // A pair listed both ways is still one pair: at equal times one item is flagged (the greater code), else the later.
  addVisit(w, { mdtrt_id: 'V_EXXY_SAME_TIME' }, [fee('EXY_X', 'EX_X', T9), fee('EXY_Y', 'EX_Y', T9)]);
  addVisit(w, { mdtrt_id: 'V_EXXY_Y_THEN_X' }, [fee('EYX_Y', 'EX_Y', T9), fee('EYX_X', 'EX_X', T10)]);
  // (3) A bundle and its part: the part is flagged, whichever came first.
  addVisit(w, { mdtrt_id: 'V_BUNDLE' }, [
    fee('BU_PART', 'PART', T9, { pric: 12, det_item_fee_sumamt: 12 }),
    fee('BU_BUNDLE', 'BUNDLE', T10, { pric: 60, det_item_fee_sumamt: 60 }),
  ]);
  addVisit(w, admission('V_BUNDLE_OTHER_DAYS_OK'), [fee('BOD_BUNDLE', 'BUNDLE', T9), fee('BOD_PART', 'PART', '2024-03-02 09:00:00')]);
  addVisit(w, { mdtrt_id: 'V_PART_ONLY_OK' }, [fee('PO_PART', 'PART', T9)]);
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byVisit = (id: string) => found[engine]!.find((f) => f.mdtrt_id === id);

  it('flags exactly the duplicated (visit, item) pairs', () => {
    expect(found[engine]!.map((f) => `${f.mdtrt_id}|${f.med_list_codg}`).sort()).toEqual([
      'V_BUNDLE|PART',
      'V_EXXY_SAME_TIME|EX_Y',
      'V_EXXY_Y_THEN_X|EX_X',
      'V_EX_A_THEN_B|EX_B',
      'V_EX_B_THEN_A|EX_A',
      'V_EX_SAME_TIME|EX_B',
      'V_IDENTICAL_3|SVC_X',
      'V_IDENTICAL|SVC_X',
    ]);
  });

  it('reports the fund-scope amount charged again', () => {
    expect(byVisit('V_IDENTICAL')?.amount).toBe('20.00'); // one of the two lines
    expect(byVisit('V_IDENTICAL_3')?.amount).toBe('40.00'); // two of the three
    expect(byVisit('V_EX_A_THEN_B')?.amount).toBe('30.00'); // the later exclusive item
    expect(byVisit('V_BUNDLE')?.amount).toBe('12.00'); // the part
  });

  it('gives the reason in Chinese', () => {
    expect(byVisit('V_IDENTICAL')).toMatchObject({ level: 'definite', day: '2024-03-01', feedetl_sn: null });
    expect(byVisit('V_IDENTICAL')!.detail).toContain('同一时间重复收费2次');
    expect(byVisit('V_EX_A_THEN_B')!.detail).toContain('与互斥项目EX_A同日收费');
    expect(byVisit('V_BUNDLE')!.detail).toContain('与其所属打包项目BUNDLE同日收费');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
