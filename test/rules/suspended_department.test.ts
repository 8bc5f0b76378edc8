/**
 * SUSPENDED_DEPARTMENT (暂停科室结算期间开单), an extension code: a fee line ordered by a department
 * (bilg_dept_codg) whose agreement (dept_agreement, an extension table) was suspended or terminated on the fee
 * day (status_from ≤ fee day ≤ status_to, an empty status_to meaning open-ended).
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, HOSPITAL_2, line, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, ruleScreening } from '../support/rule-screen.js';

const CODE = 'SUSPENDED_DEPARTMENT';

const dept_agreement: Rows[] = [
  // Department A03.01 of HOSPITAL suspended for six months; A05 of HOSPITAL terminated without an end.
  { fixmedins_code: HOSPITAL, dept_codg: 'A03.01', agreement_status: 'suspended', status_from: '2024-03-10', status_to: '2024-09-09' },
  { fixmedins_code: HOSPITAL, dept_codg: 'A05', agreement_status: 'terminated', status_from: '2024-04-01', status_to: '' },
  // Two periods of the same department overlap: a line inside both is still one finding.
  { fixmedins_code: HOSPITAL_2, dept_codg: 'A07', agreement_status: 'suspended', status_from: '2024-03-01', status_to: '2024-03-31' },
  { fixmedins_code: HOSPITAL_2, dept_codg: 'A07', agreement_status: 'suspended', status_from: '2024-03-15', status_to: '' },
];

const w = baseWorld();
function ordered(sn: string, dept: string, time: string, extra: Rows = {}): void {
  const inst = (extra.fixmedins_code as string | undefined) ?? HOSPITAL;
  w.setl.push(visit({ mdtrt_id: `V_${sn}`, fixmedins_code: inst, begntime: time }));
  w.feedetl.push(line({ feedetl_sn: sn, mdtrt_id: `V_${sn}`, fixmedins_code: inst, fee_ocur_time: time, bilg_dept_codg: dept, ...extra }));
}
ordered('L_DAYBEFORE', 'A03.01', '2024-03-09 23:59:59'); // the day before: not flagged
ordered('L_FIRSTDAY', 'A03.01', '2024-03-10 00:00:00', { cnt: 2, pric: 40, det_item_fee_sumamt: 80, fulamt_ownpay_amt: 20 }); // flagged
ordered('L_LASTDAY', 'A03.01', '2024-09-09 20:00:00'); // the last day: flagged
ordered('L_DAYAFTER', 'A03.01', '2024-09-10 08:00:00'); // the day after: not flagged
ordered('L_OTHER_DEPT', 'A04', '2024-05-01 08:00:00'); // another department: not flagged
ordered('L_OTHER_INST', 'A03.01', '2024-05-01 08:00:00', { fixmedins_code: HOSPITAL_2 }); // same department code, other institution: not flagged
ordered('L_NO_DEPT', '', '2024-05-01 08:00:00'); // no ordering department: not flagged
ordered('L_TERMINATED', 'A05', '2025-01-01 08:00:00'); // terminated, open-ended: flagged
ordered('L_OVERLAP', 'A07', '2024-03-20 08:00:00', { fixmedins_code: HOSPITAL_2 }); // inside two periods: flagged once

const run = ruleScreening(CODE, { ...w, dept_agreement });

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('flags exactly the lines of a department suspended or terminated on the fee day', async () => {
    const r = await run(engine);
    expect(r.status).toBe('ran');
    expect(r.findings.map((f) => f.feedetl_sn).sort()).toEqual(['L_FIRSTDAY', 'L_LASTDAY', 'L_OVERLAP', 'L_TERMINATED']);
    expectWellFormed(r.findings, CODE, 'definite');
  });

  it('reports the fund-scope amount, the department and its period', async () => {
    const { findings } = await run(engine);
    const first = findingBy(findings, (f) => f.feedetl_sn!, 'L_FIRSTDAY');
    expect(first).toMatchObject({ fixmedins_code: HOSPITAL, day: '2024-03-10', amount: '60.00' });
    expect(first.detail).toContain('科室A03.01自2024-03-10至2024-09-09暂停医保结算');
    expect(findingBy(findings, (f) => f.feedetl_sn!, 'L_TERMINATED').detail).toContain('自2024-04-01起解除医保协议');
  });
});

it(`${CODE}: skipped, with the reason, when a data set has no dept_agreement table`, async () => {
  const r = await ruleScreening(CODE, baseWorld())('duckdb');
  expect(r.status).toBe('skipped');
  expect(r.reason).toContain('dept_agreement');
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
