/**
 * SUSPENDED_PRACTITIONER (暂停资格医师开单): a fee line ordered (bilg_dr_codg) by a practitioner suspended at
 * fee time (fee day ≥ status_from; an empty status_from means "since always"; fee day ≤ status_to when given,
 * the extension column a suspension of a set length carries).
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, HOSPITAL_2, line, PHARMACY, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, ruleScreening } from '../support/rule-screen.js';

const CODE = 'SUSPENDED_PRACTITIONER';
const DR_SUSP = 'D110101000001';
const DR_SUSP_NODATE = 'D110101000002';
const DR_NORMAL = 'D110101000003';
const PHARMACIST_SUSP = 'HY110101000004';
const DR_TWO_SITES = 'D110101000005';
const DR_SIX_MONTHS = 'D110101000006';

const practitioner: Rows[] = [
  { prac_code: DR_SUSP, prac_name: '张医生', fixmedins_code: HOSPITAL, status: 'suspended', status_from: '2024-03-10' },
  { prac_code: DR_SUSP_NODATE, prac_name: '李医生', fixmedins_code: HOSPITAL, status: 'suspended', status_from: '' },
  { prac_code: DR_NORMAL, prac_name: '王医生', fixmedins_code: HOSPITAL, status: 'normal', status_from: '2024-03-10' },
  { prac_code: PHARMACIST_SUSP, prac_name: '赵药师', fixmedins_code: PHARMACY, status: 'suspended', status_from: '2024-03-10' },
  // Registered at two institutions (多点执业), suspended from 2024-03-20 at the second: one row per registration.
  { prac_code: DR_TWO_SITES, prac_name: '孙医生', fixmedins_code: HOSPITAL, status: 'normal', status_from: '' },
  { prac_code: DR_TWO_SITES, prac_name: '孙医生', fixmedins_code: HOSPITAL_2, status: 'suspended', status_from: '2024-03-20' },
  // Suspended for a set period, 2024-03-10 to 2024-09-09 inclusive.
  {
    prac_code: DR_SIX_MONTHS,
    prac_name: '周医生',
    fixmedins_code: HOSPITAL_2,
    status: 'suspended',
    status_from: '2024-03-10',
    status_to: '2024-09-09',
  },
];

const w = baseWorld();
/** A visit of its own with one line `sn` ordered by `dr` at `time`. */
function ordered(sn: string, dr: string, time: string, extra: Rows = {}): void {
  const inst = (extra.fixmedins_code as string | undefined) ?? HOSPITAL;
  w.setl.push(
    visit({ mdtrt_id: `V_${sn}`, fixmedins_code: inst, begntime: time, chfpdr_code: (extra.chfpdr_code as string | undefined) ?? '' }),
  );
  w.feedetl.push(
    line({
      feedetl_sn: sn,
      mdtrt_id: `V_${sn}`,
      fixmedins_code: inst,
      fee_ocur_time: time,
      bilg_dr_codg: dr,
      med_list_codg: 'DRUG_A',
      med_chrgitm_type: '09',
      ...extra,
    }),
  );
}
ordered('L_DAYBEFORE', DR_SUSP, '2024-03-09 23:59:59'); // the day before status_from: not flagged
ordered('L_ONDAY', DR_SUSP, '2024-03-10 00:00:00', { cnt: 2, pric: 30, det_item_fee_sumamt: 60, fulamt_ownpay_amt: 15 }); // flagged
ordered('L_LATER', DR_SUSP, '2024-04-01 10:00:00'); // flagged
ordered('L_NODATE', DR_SUSP_NODATE, '2020-01-01 10:00:00'); // suspended without a date: flagged
ordered('L_NORMAL', DR_NORMAL, '2024-03-10 10:00:00'); // normal status with a date: not flagged
ordered('L_NOBILLER', '', '2024-03-10 10:00:00', { chfpdr_code: DR_SUSP }); // only the visit's attending doctor is suspended: not flagged
ordered('L_UNKNOWN', 'D999999999999', '2024-03-10 10:00:00'); // not a registered practitioner: not flagged
ordered('L_PHARMACIST', PHARMACIST_SUSP, '2024-03-11 10:00:00', { fixmedins_code: PHARMACY }); // pharmacist, suspended: flagged
ordered('L_TWO_BEFORE', DR_TWO_SITES, '2024-03-19 10:00:00'); // before the suspension: not flagged
ordered('L_TWO_AFTER', DR_TWO_SITES, '2024-03-21 10:00:00'); // suspended (医保服务资格 is the person's): flagged, once
ordered('L_SIX_LASTDAY', DR_SIX_MONTHS, '2024-09-09 23:00:00', { fixmedins_code: HOSPITAL_2 }); // the last day of the period: flagged
ordered('L_SIX_AFTER', DR_SIX_MONTHS, '2024-09-10 08:00:00', { fixmedins_code: HOSPITAL_2 }); // the day after it: not flagged

const run = ruleScreening(CODE, { ...w, practitioner });

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the lines ordered by a practitioner suspended on the fee day', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.feedetl_sn).sort()).toEqual([
      'L_LATER',
      'L_NODATE',
      'L_ONDAY',
      'L_PHARMACIST',
      'L_SIX_LASTDAY',
      'L_TWO_AFTER',
    ]);
    expectWellFormed(findings, CODE, 'definite');
  });

  it('reports the line with its fund-scope amount and the practitioner', async () => {
    const { findings } = await run(engine);
    const onDay = findingBy(findings, (f) => f.feedetl_sn!, 'L_ONDAY');
    expect(onDay).toMatchObject({
      fixmedins_code: HOSPITAL,
      mdtrt_id: 'V_L_ONDAY',
      med_list_codg: 'DRUG_A',
      day: '2024-03-10',
      amount: '45.00',
    });
    expect(onDay.detail).toContain(DR_SUSP);
    expect(onDay.detail).toContain('张医生');
    expect(onDay.detail).toContain('2024-03-10');
    expect(findingBy(findings, (f) => f.feedetl_sn!, 'L_PHARMACIST').fixmedins_code).toBe(PHARMACY);
    expect(findingBy(findings, (f) => f.feedetl_sn!, 'L_SIX_LASTDAY').detail).toContain('自2024-03-10至2024-09-09');
    expect(onDay.detail).toContain('自2024-03-10起');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
