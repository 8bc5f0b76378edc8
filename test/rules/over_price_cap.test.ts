/** OVER_PRICE_CAP (超标准收费): pric above the cap for the institution's level; amount = (pric − cap) × cnt. Key: feedetl_sn.
 * docs/rules.md: level 3 → pric_uplmt_amt; level 2 → lv2 else lv3; level 1, 0 or unknown (no hosp_lv, or not in
 * fixmedins) → lv1 else lv2 else lv3. Equal to the cap is fine. */
import { describe, expect, it } from 'vitest';
import {
  addVisit,
  baseWorld,
  catalogItem,
  CLINIC,
  HOSPITAL,
  HOSPITAL_2,
  isChineseText,
  PHARMACY,
  type TableRows,
} from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'OVER_PRICE_CAP';
const LEVEL_1 = 'H11010100004';
const NOT_IN_FIXMEDINS = 'H11010199999';

function world(): TableRows {
  const w = baseWorld(); // HOSPITAL level 3, HOSPITAL_2 level 2, CLINIC level 0, PHARMACY no level
  w.fixmedins.push({
    fixmedins_code: LEVEL_1,
    fixmedins_name: '区第三医院',
    fixmedins_type: '1',
    hosp_lv: 1,
    inst_kind: 'public_hospital',
    admdvs: '110101',
  });
  w.hilist.push(
    catalogItem({ med_list_codg: 'CAP_ALL', name: '静脉输液', pric_uplmt_amt: 10, pric_uplmt_amt_lv2: 8, pric_uplmt_amt_lv1: 6 }),
    catalogItem({ med_list_codg: 'CAP_NO_LV1', name: '肌肉注射', pric_uplmt_amt: 10, pric_uplmt_amt_lv2: 8 }),
    catalogItem({ med_list_codg: 'CAP_LV3_ONLY', name: '换药', pric_uplmt_amt: 10 }),
    catalogItem({ med_list_codg: 'NO_CAP', name: '无限价项目' }),
  );
  const add = (sn: string, inst: string, item: string, pric: number, cnt = 1, lineInst = inst) =>
    addVisit(w, { mdtrt_id: `V_${sn}`, fixmedins_code: inst, med_type: inst === PHARMACY ? '41' : '11' }, [
      { feedetl_sn: sn, fixmedins_code: lineInst, med_list_codg: item, pric, cnt, det_item_fee_sumamt: Math.round(pric * cnt * 100) / 100 },
    ]);
  // Level 3 uses pric_uplmt_amt (10).
  add('LV3_AT_CAP_OK', HOSPITAL, 'CAP_ALL', 10);
  add('LV3_ABOVE', HOSPITAL, 'CAP_ALL', 10.5, 4); // (10.5 − 10) × 4 = 2
  // Level 2 uses lv2 (8), else the level-3 cap.
  add('LV2_AT_CAP_OK', HOSPITAL_2, 'CAP_ALL', 8);
  add('LV2_ABOVE', HOSPITAL_2, 'CAP_ALL', 9, 2); // within the level-3 cap, above lv2: (9 − 8) × 2 = 2
  add('LV2_FALLBACK_LV3_OK', HOSPITAL_2, 'CAP_LV3_ONLY', 10);
  add('LV2_FALLBACK_LV3_ABOVE', HOSPITAL_2, 'CAP_LV3_ONLY', 10.2, 5); // (10.2 − 10) × 5 = 1
  // Level 1 and below use lv1 (6), else lv2, else the level-3 cap.
  add('LV1_AT_CAP_OK', LEVEL_1, 'CAP_ALL', 6);
  add('LV1_ABOVE', LEVEL_1, 'CAP_ALL', 7, 3); // within the lv2 cap: (7 − 6) × 3 = 3
  add('LV1_FALLBACK_LV2_OK', LEVEL_1, 'CAP_NO_LV1', 8);
  add('LV1_FALLBACK_LV2_ABOVE', LEVEL_1, 'CAP_NO_LV1', 8.5); // within the level-3 cap
  add('LV0_ABOVE', CLINIC, 'CAP_ALL', 6.01); // 0.01
  add('LV0_FALLBACK_LV3_OK', CLINIC, 'CAP_LV3_ONLY', 10);
  add('LV0_FALLBACK_LV3_ABOVE', CLINIC, 'CAP_LV3_ONLY', 11);
  add('NO_LEVEL_ABOVE', PHARMACY, 'CAP_ALL', 7); // pharmacy without hosp_lv: lv1 cap
  add('NO_LEVEL_AT_CAP_OK', PHARMACY, 'CAP_ALL', 6);
  add('UNKNOWN_INST_ABOVE', HOSPITAL, 'CAP_ALL', 7, 1, NOT_IN_FIXMEDINS); // line's institution not in fixmedins: lv1 cap
  add('NO_CAP_OK', CLINIC, 'NO_CAP', 9999);
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const amountOf = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn)?.amount;

  it('flags exactly the lines priced above the cap of their institution level (with the lv1→lv2→lv3 fallback)', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual([
      'LV0_ABOVE',
      'LV0_FALLBACK_LV3_ABOVE',
      'LV1_ABOVE',
      'LV1_FALLBACK_LV2_ABOVE',
      'LV2_ABOVE',
      'LV2_FALLBACK_LV3_ABOVE',
      'LV3_ABOVE',
      'NO_LEVEL_ABOVE',
      'UNKNOWN_INST_ABOVE',
    ]);
  });

  it('reports (pric − cap) × cnt as the amount', () => {
    expect(amountOf('LV3_ABOVE')).toBe('2.00');
    expect(amountOf('LV2_ABOVE')).toBe('2.00');
    expect(amountOf('LV2_FALLBACK_LV3_ABOVE')).toBe('1.00');
    expect(amountOf('LV1_ABOVE')).toBe('3.00');
    expect(amountOf('LV1_FALLBACK_LV2_ABOVE')).toBe('0.50');
    expect(amountOf('LV0_ABOVE')).toBe('0.01');
    expect(amountOf('LV0_FALLBACK_LV3_ABOVE')).toBe('1.00');
    expect(amountOf('NO_LEVEL_ABOVE')).toBe('1.00');
    expect(amountOf('UNKNOWN_INST_ABOVE')).toBe('1.00');
  });

  it('states price, cap and level in Chinese', () => {
    const f = found[engine]!.find((x) => x.feedetl_sn === 'LV2_ABOVE')!;
    expect(f).toMatchObject({ level: 'definite', fixmedins_code: HOSPITAL_2, med_list_codg: 'CAP_ALL' });
    expect(f.detail).toContain('二级限价8');
    expect(found[engine]!.find((x) => x.feedetl_sn === 'LV1_ABOVE')!.detail).toContain('一级及以下限价6');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
