/**
 * OVERLAPPING_ADMISSIONS (重复住院): two admissions of one person (any institutions) overlap by more than
 * 1 day: from the later admission day to the earlier of the two discharge days is more than 1 day.
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, HOSPITAL_2, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, personRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'OVERLAPPING_ADMISSIONS';

function admission(mdtrt_id: string, psn_no: string, begntime: string, endtime: string, extra: Rows = {}): Rows {
  return visit({ mdtrt_id, psn_no, med_type: '21', begntime, endtime, hifp_pay: 800, ...extra });
}

const w = baseWorld();
for (const p of ['P_OVL1', 'P_OVL2', 'P_INST', 'P_NEST', 'P_NESTSHORT', 'P_SAME', 'P_TOUCH', 'P_OUTPT'])
  w.psn.push(personRow({ psn_no: p }));
w.setl.push(
  // Overlap of exactly 1 day (admitted 03-09, the other discharged 03-10): not flagged.
  admission('OVL1_FIRST', 'P_OVL1', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('OVL1_LATER', 'P_OVL1', '2024-03-09 08:00:00', '2024-03-15 09:00:00'),
  // Overlap of 2 days (admitted 03-08): the later admission is flagged.
  admission('OVL2_FIRST', 'P_OVL2', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('OVL2_LATER', 'P_OVL2', '2024-03-08 08:00:00', '2024-03-15 09:00:00', { hifp_pay: 2345.67 }),
  // The same at two different institutions: flagged (any institution).
  admission('INST_FIRST', 'P_INST', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('INST_LATER', 'P_INST', '2024-03-08 08:00:00', '2024-03-20 09:00:00', { fixmedins_code: HOSPITAL_2 }),
  // A stay inside another: overlap runs to the earlier discharge (03-08 − 03-05 = 3): flagged.
  admission('NEST_OUTER', 'P_NEST', '2024-03-01 08:00:00', '2024-03-20 09:00:00'),
  admission('NEST_INNER', 'P_NEST', '2024-03-05 08:00:00', '2024-03-08 09:00:00'),
  // A stay inside another, discharged the day after admission (overlap 1): not flagged.
  admission('NESTSHORT_OUTER', 'P_NESTSHORT', '2024-03-01 08:00:00', '2024-03-20 09:00:00'),
  admission('NESTSHORT_INNER', 'P_NESTSHORT', '2024-03-05 08:00:00', '2024-03-06 09:00:00'),
  // Same begin time: only the larger mdtrt_id is the later admission.
  admission('SAME_A', 'P_SAME', '2024-03-01 08:00:00', '2024-03-05 09:00:00'),
  admission('SAME_B', 'P_SAME', '2024-03-01 08:00:00', '2024-03-05 09:00:00'),
  // Readmitted on the discharge day (overlap 0): not flagged.
  admission('TOUCH_FIRST', 'P_TOUCH', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('TOUCH_LATER', 'P_TOUCH', '2024-03-10 15:00:00', '2024-03-15 09:00:00'),
  // An outpatient visit during an admission is not an admission.
  admission('OUTPT_ADM', 'P_OUTPT', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  visit({ mdtrt_id: 'OUTPT_VISIT', psn_no: 'P_OUTPT', med_type: '11', begntime: '2024-03-03 08:00:00', endtime: '2024-03-08 08:00:00' }),
);

const run = ruleScreening(CODE, w);

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the later admissions overlapping by more than 1 day', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.mdtrt_id).sort()).toEqual(['INST_LATER', 'NEST_INNER', 'OVL2_LATER', 'SAME_B']);
    expectWellFormed(findings, CODE, 'definite');
  });

  it('reports the fund payment of the later admission and the overlap', async () => {
    const { findings } = await run(engine);
    const ovl2 = findingBy(findings, (f) => f.mdtrt_id!, 'OVL2_LATER');
    expect(ovl2).toMatchObject({
      psn_no: 'P_OVL2',
      fixmedins_code: HOSPITAL,
      setl_id: 'S_OVL2_LATER',
      day: '2024-03-08',
      amount: '2345.67',
    });
    expect(ovl2.detail).toContain('OVL2_FIRST');
    expect(ovl2.detail).toContain('重叠2天');
    const inst = findingBy(findings, (f) => f.mdtrt_id!, 'INST_LATER');
    expect(inst.fixmedins_code).toBe(HOSPITAL_2);
    expect(inst.detail).toContain(HOSPITAL);
    expect(findingBy(findings, (f) => f.mdtrt_id!, 'NEST_INNER').detail).toContain('重叠3天');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
