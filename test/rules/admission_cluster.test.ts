/**
 * ADMISSION_CLUSTER (聚集性住院): 5 or more admissions at one institution on one day of persons with the same
 * 12-digit addr_admdvs; every admission of the group is flagged.
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, HOSPITAL_2, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, personRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'ADMISSION_CLUSTER';

const w = baseWorld();
/** Admission `id` of a new person `P_<id>` living in `addr`, admitted at `inst` at `begntime`. */
function admit(id: string, addr: string, inst: string, begntime: string, extra: Rows = {}): void {
  w.psn.push(personRow({ psn_no: `P_${id}`, addr_admdvs: addr }));
  w.setl.push(
    visit({
      mdtrt_id: id,
      psn_no: `P_${id}`,
      fixmedins_code: inst,
      med_type: '21',
      begntime,
      endtime: '2024-03-20 10:00:00',
      hifp_pay: 900,
      ...extra,
    }),
  );
}
const TIMES = ['00:00:00', '08:00:00', '12:30:00', '18:00:00', '23:59:59'];

// 5 admissions, one village, one hospital, one day (from midnight to 23:59:59): all flagged.
TIMES.forEach((t, i) => admit(`CL5_${i + 1}`, '110101001010', HOSPITAL, `2024-03-10 ${t}`, i === 0 ? { hifp_pay: 1500.4 } : {}));
// 4 admissions: not flagged.
TIMES.slice(0, 4).forEach((t, i) => admit(`CL4_${i + 1}`, '110101001011', HOSPITAL, `2024-03-10 ${t}`));
// 5 admissions, but one person lives in another village: not flagged.
TIMES.forEach((t, i) => admit(`MIX_${i + 1}`, i === 4 ? '110101001013' : '110101001012', HOSPITAL_2, `2024-03-10 ${t}`));
// 5 admissions of persons with only a 9-digit area code: not grouped.
TIMES.forEach((t, i) => admit(`SHORT_${i + 1}`, '110101001', HOSPITAL, `2024-03-11 ${t}`));
// 5 admissions over two days (4 + 1): not flagged.
TIMES.forEach((t, i) => admit(`DAYS_${i + 1}`, '110101001014', HOSPITAL, `2024-03-${i === 4 ? '13' : '12'} ${t}`));
// 5 admissions on one day split over two hospitals (3 + 2): not flagged.
TIMES.forEach((t, i) => admit(`INST_${i + 1}`, '110101001015', i < 3 ? HOSPITAL : HOSPITAL_2, `2024-03-14 ${t}`));
// 4 admissions and 1 outpatient visit: not flagged.
TIMES.forEach((t, i) =>
  admit(
    `OUTPT_${i + 1}`,
    '110101001016',
    HOSPITAL,
    `2024-03-15 ${t}`,
    i === 4 ? { med_type: '11', endtime: '', setl_time: '2024-03-15 23:59:59' } : {},
  ),
);

const run = ruleScreening(CODE, w);

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly every admission of the one group of 5', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.mdtrt_id).sort()).toEqual(['CL5_1', 'CL5_2', 'CL5_3', 'CL5_4', 'CL5_5']);
    expectWellFormed(findings, CODE, 'suspect');
  });

  it('reports each admission with its fund payment, the group size and the village', async () => {
    const { findings } = await run(engine);
    const first = findingBy(findings, (f) => f.mdtrt_id!, 'CL5_1');
    expect(first).toMatchObject({ psn_no: 'P_CL5_1', fixmedins_code: HOSPITAL, setl_id: 'S_CL5_1', day: '2024-03-10', amount: '1500.40' });
    expect(first.detail).toContain('5名');
    expect(first.detail).toContain('110101001010');
    expect(findingBy(findings, (f) => f.mdtrt_id!, 'CL5_5').amount).toBe('900.00');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
