/**
 * UNVERIFIED_ADMISSION (住院未实名认证): at an institution with any idauth rows, an admission with no passing
 * check of the person there from one day before the admission day to one day after.
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, CLINIC, HOSPITAL, HOSPITAL_2, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, personRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'UNVERIFIED_ADMISSION';

/** Admission `id` of person `P_<id>` on 2024-03-10. */
function admission(id: string, extra: Rows = {}): Rows {
  return visit({
    mdtrt_id: id,
    psn_no: `P_${id}`,
    med_type: '21',
    begntime: '2024-03-10 08:00:00',
    endtime: '2024-03-14 10:00:00',
    hifp_pay: 2000,
    ...extra,
  });
}
let authSeq = 0;
function auth(psn: string, time: string, rslt: '0' | '1', inst = HOSPITAL, mdtrt_id = ''): Rows {
  return { auth_id: `AU${++authSeq}`, psn_no: psn, fixmedins_code: inst, auth_time: time, auth_way: 'face', auth_rslt: rslt, mdtrt_id };
}

const CASES = [
  'PASS_MINUS1',
  'PASS_PLUS1',
  'PASS_SAMEDAY',
  'PASS_MINUS2',
  'PASS_PLUS2',
  'FAIL_ONLY',
  'PASS_ELSEWHERE',
  'NO_AUTH',
  'OTHER_PERSON',
  'UNCHECKED_INST',
  'OUTPT',
];
const w = baseWorld();
for (const id of CASES) w.psn.push(personRow({ psn_no: `P_${id}` }));
w.setl.push(
  ...['PASS_MINUS1', 'PASS_PLUS1', 'PASS_SAMEDAY', 'PASS_MINUS2', 'FAIL_ONLY', 'PASS_ELSEWHERE', 'NO_AUTH', 'OTHER_PERSON'].map((id) =>
    admission(id),
  ),
  admission('PASS_PLUS2', { hifp_pay: 1888.8 }),
  // HOSPITAL_2 has no idauth rows at all: never judged.
  admission('UNCHECKED_INST', { fixmedins_code: HOSPITAL_2 }),
  // Outpatient visits are not admissions.
  visit({ mdtrt_id: 'OUTPT', psn_no: 'P_OUTPT', med_type: '11', begntime: '2024-03-10 08:00:00' }),
);
const idauth: Rows[] = [
  auth('P_PASS_MINUS1', '2024-03-09 00:00:00', '1'), // admission day − 1: verified
  auth('P_PASS_PLUS1', '2024-03-11 23:59:59', '1'), // admission day + 1: verified
  auth('P_PASS_SAMEDAY', '2024-03-10 07:55:00', '1'),
  auth('P_PASS_MINUS2', '2024-03-08 23:59:59', '1'), // admission day − 2: too early
  auth('P_PASS_PLUS2', '2024-03-12 00:00:00', '1'), // admission day + 2: too late
  auth('P_FAIL_ONLY', '2024-03-10 07:55:00', '0'), // failed check only
  auth('P_FAIL_ONLY', '2024-03-10 07:56:00', '0'),
  auth('P_PASS_ELSEWHERE', '2024-03-10 07:55:00', '1', CLINIC), // passed, but at another institution
  auth('M1', '2024-03-10 07:55:00', '1', HOSPITAL, 'OTHER_PERSON'), // someone else passed for that visit
];

const run = ruleScreening(CODE, { ...w, idauth });

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the admissions without a passing check of the person there on day −1..+1', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.mdtrt_id).sort()).toEqual([
      'FAIL_ONLY',
      'NO_AUTH',
      'OTHER_PERSON',
      'PASS_ELSEWHERE',
      'PASS_MINUS2',
      'PASS_PLUS2',
    ]);
    expectWellFormed(findings, CODE, 'suspect');
  });

  it('reports the admission with its fund payment', async () => {
    const { findings } = await run(engine);
    const f = findingBy(findings, (x) => x.mdtrt_id!, 'PASS_PLUS2');
    expect(f).toMatchObject({
      psn_no: 'P_PASS_PLUS2',
      fixmedins_code: HOSPITAL,
      setl_id: 'S_PASS_PLUS2',
      day: '2024-03-10',
      amount: '1888.80',
    });
    expect(f.detail).toContain(HOSPITAL);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
