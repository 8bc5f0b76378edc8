/** INST_LEVEL_RESTRICTED (限医疗机构级别): institution hosp_lv below the item's lmt_hosp_lv_min. Key: feedetl_sn.
 * docs/rules.md: the institution is the line's fixmedins_code; an institution without hosp_lv is not judged. */
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
  type Rows,
  type TableRows,
} from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'INST_LEVEL_RESTRICTED';
const LEVEL_1 = 'H11010100004';

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
    catalogItem({ med_list_codg: 'MIN_LV2', name: '冠状动脉造影', lmt_hosp_lv_min: 2 }),
    catalogItem({ med_list_codg: 'MIN_LV3', name: '经导管主动脉瓣置换', lmt_hosp_lv_min: 3 }),
    catalogItem({ med_list_codg: 'MIN_LV0', name: '一般诊疗', lmt_hosp_lv_min: 0 }),
  );
  const add = (sn: string, inst: string, item: string, extra: Rows = {}) =>
    addVisit(w, { mdtrt_id: `V_${sn}`, fixmedins_code: inst, med_type: inst === PHARMACY ? '41' : '11' }, [
      { feedetl_sn: sn, med_list_codg: item, ...extra },
    ]);
  add('LV2_AT_LV3_OK', HOSPITAL, 'MIN_LV2');
  add('LV2_AT_LV2_OK', HOSPITAL_2, 'MIN_LV2'); // exactly at the minimum
  add('LV2_AT_LV1', LEVEL_1, 'MIN_LV2');
  add('LV2_AT_LV0', CLINIC, 'MIN_LV2', { cnt: 3, pric: 20, det_item_fee_sumamt: 60, fulamt_ownpay_amt: 0 });
  add('LV2_AT_NO_LEVEL_OK', PHARMACY, 'MIN_LV2'); // no hosp_lv: not judged
  add('LV2_AT_UNKNOWN_INST_OK', HOSPITAL, 'MIN_LV2', { fixmedins_code: 'H11010199999' }); // line's institution not in fixmedins: no level
  add('LV3_AT_LV3_OK', HOSPITAL, 'MIN_LV3');
  add('LV3_AT_LV2', HOSPITAL_2, 'MIN_LV3', { pric: 900, det_item_fee_sumamt: 900, fulamt_ownpay_amt: 100 });
  add('LV0_AT_LV0_OK', CLINIC, 'MIN_LV0');
  add('UNRESTRICTED_AT_LV0_OK', CLINIC, 'SVC_BED');
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byLine = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn);

  it('flags exactly the lines at institutions below the minimum level', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual(['LV2_AT_LV0', 'LV2_AT_LV1', 'LV3_AT_LV2']);
  });

  it('reports the fund-scope amount of the line', () => {
    expect(byLine('LV2_AT_LV0')?.amount).toBe('60.00');
    expect(byLine('LV3_AT_LV2')?.amount).toBe('800.00');
  });

  it('names the institution and levels in Chinese', () => {
    const f = byLine('LV3_AT_LV2')!;
    expect(f).toMatchObject({ level: 'definite', fixmedins_code: HOSPITAL_2, med_list_codg: 'MIN_LV3' });
    expect(f.detail).toContain('限3级');
    expect(f.detail).toContain('等级为2');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
