/**
 * UNBUNDLING (分解项目收费): two or more parts of one bundle on the same visit and day without the bundle, their
 * summed line amounts above the bundle's price cap at the institution's level. Key: visit + bundle (item_a).
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, HOSPITAL_2, line, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, ruleScreening } from '../support/rule-screen.js';

const CODE = 'UNBUNDLING';

const w = baseWorld();
w.hilist.push(
  // Bundle: cap 30 at level 3, 25 at level 2.
  { med_list_codg: 'PKG', name: '肝功能组合', list_type: 'service', chrgitm_lv: '01', pric_uplmt_amt: 30, pric_uplmt_amt_lv2: 25 },
  { med_list_codg: 'PART1', name: '谷丙转氨酶', list_type: 'service', chrgitm_lv: '01' },
  { med_list_codg: 'PART2', name: '谷草转氨酶', list_type: 'service', chrgitm_lv: '01' },
  { med_list_codg: 'PART3', name: '总胆红素', list_type: 'service', chrgitm_lv: '01' },
  // Bundle without any price cap: not judged.
  { med_list_codg: 'PKG_NOCAP', name: '无限价组合', list_type: 'service', chrgitm_lv: '01' },
  { med_list_codg: 'PART4', name: '项目四', list_type: 'service', chrgitm_lv: '01' },
  { med_list_codg: 'PART5', name: '项目五', list_type: 'service', chrgitm_lv: '01' },
);
const hilist_rel: Rows[] = [
  { rel_type: 'bundle', item_a: 'PKG', item_b: 'PART1' },
  { rel_type: 'bundle', item_a: 'PKG', item_b: 'PART2' },
  { rel_type: 'bundle', item_a: 'PKG', item_b: 'PART3' },
  { rel_type: 'bundle', item_a: 'PKG_NOCAP', item_b: 'PART4' },
  { rel_type: 'bundle', item_a: 'PKG_NOCAP', item_b: 'PART5' },
  { rel_type: 'exclusive', item_a: 'PART4', item_b: 'PART5' },
];

/** Visit `id` at `inst` with one line per [item, amount, day-of-March]. */
function charged(id: string, items: [string, number, number?][], inst = HOSPITAL): void {
  w.setl.push(visit({ mdtrt_id: id, fixmedins_code: inst, begntime: '2024-03-01 08:00:00' }));
  for (const [item, amount, day] of items) {
    w.feedetl.push(
      line({
        mdtrt_id: id,
        fixmedins_code: inst,
        med_list_codg: item,
        med_chrgitm_type: '04',
        cnt: 1,
        pric: amount,
        fee_ocur_time: `2024-03-${String(day ?? 1).padStart(2, '0')} 10:00:00`,
      }),
    );
  }
}
charged('UB_ABOVE', [
  ['PART1', 20],
  ['PART2', 15],
]); // 35 > 30: flagged, amount 5
charged('UB_EQUAL', [
  ['PART1', 15],
  ['PART2', 15],
]); // 30 = cap: not
charged('UB_WITH_BUNDLE', [
  ['PART1', 20],
  ['PART2', 15],
  ['PKG', 30],
]); // the bundle is charged too: not
charged('UB_BUNDLE_OTHER_DAY', [
  ['PART1', 20],
  ['PART2', 15],
  ['PKG', 30, 2],
]); // bundle on another day only: flagged
charged('UB_ONE_PART', [
  ['PART1', 20],
  ['PART1', 20],
]); // one part (twice), 40: not
charged('UB_DIFF_DAYS', [
  ['PART1', 20],
  ['PART2', 15, 2],
]); // parts on different days: not
charged('UB_THREE', [
  ['PART1', 10],
  ['PART2', 10],
  ['PART3', 15],
]); // 3 parts, 35: flagged
charged('UB_TWO_DAYS', [
  ['PART1', 20],
  ['PART2', 15],
  ['PART1', 20, 2],
  ['PART3', 12, 2],
]); // both days over: one finding, 5 + 2
charged(
  'UB_LV2',
  [
    ['PART1', 15],
    ['PART2', 12],
  ],
  HOSPITAL_2,
); // 27 > level-2 cap 25 (not above the level-3 cap 30): flagged
charged('UB_NOCAP', [
  ['PART4', 500],
  ['PART5', 500],
]); // bundle without a cap: not judged

const run = ruleScreening(CODE, { ...w, hilist_rel });
const key = (f: { mdtrt_id: string | null; med_list_codg: string | null }) => `${f.mdtrt_id}|${f.med_list_codg}`;

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the visits charging ≥ 2 parts above the cap without the bundle that day', async () => {
    const { findings } = await run(engine);
    expect(findings.map(key).sort()).toEqual(['UB_ABOVE|PKG', 'UB_BUNDLE_OTHER_DAY|PKG', 'UB_LV2|PKG', 'UB_THREE|PKG', 'UB_TWO_DAYS|PKG']);
    expectWellFormed(findings, CODE, 'definite');
  });

  it('reports the sum of the parts less the cap', async () => {
    const { findings } = await run(engine);
    const above = findingBy(findings, key, 'UB_ABOVE|PKG');
    expect(above).toMatchObject({ fixmedins_code: HOSPITAL, psn_no: 'M1', day: '2024-03-01', amount: '5.00' });
    expect(above.detail).toContain('肝功能组合');
    expect(above.detail).toContain('PART1、PART2');
    expect(findingBy(findings, key, 'UB_LV2|PKG').amount).toBe('2.00');
    expect(findingBy(findings, key, 'UB_THREE|PKG').detail).toContain('3个组成部分');
    expect(findingBy(findings, key, 'UB_TWO_DAYS|PKG').amount).toBe('7.00');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
