/**
 * PHANTOM_ADMISSION (挂床住院): (a) on a day strictly between admission and discharge day the person began a
 * visit or passed an identity check at another institution; or (b) in a stay of 5 or more calendar days,
 * at least 80% of the days are idle (no line, or only 01 床位 / 02 诊察 / 07 护理 lines).
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, CLINIC, HOSPITAL, HOSPITAL_2, line, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, personRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'PHANTOM_ADMISSION';

/** An admission at HOSPITAL of person `P_<id>` from 03-01 to 03-<lastDay>. */
function admission(id: string, lastDay: number, extra: Rows = {}): Rows {
  const end = `2024-03-${String(lastDay).padStart(2, '0')} 10:00:00`;
  return visit({
    mdtrt_id: id,
    psn_no: `P_${id}`,
    med_type: '21',
    begntime: '2024-03-01 08:00:00',
    endtime: end,
    hifp_pay: 3000,
    ...extra,
  });
}
/** A line of admission `id` on day 03-<day> of charge category `type` ('' for none). */
function fee(id: string, day: number, type: string): Rows {
  return line({
    mdtrt_id: id,
    psn_no: `P_${id}`,
    fee_ocur_time: `2024-03-${String(day).padStart(2, '0')} 11:00:00`,
    med_chrgitm_type: type,
  });
}
/** Daily bed, examination and nursing lines (idle activity) for days 1..lastDay of admission `id`. */
function idleDays(id: string, lastDay: number): Rows[] {
  const out: Rows[] = [];
  for (let d = 1; d <= lastDay; d++) out.push(fee(id, d, '01'), fee(id, d, ['02', '07'][d % 2]!));
  return out;
}
function auth(id: string, psn: string, inst: string, time: string, rslt: '0' | '1'): Rows {
  return { auth_id: id, psn_no: psn, fixmedins_code: inst, auth_time: time, auth_way: 'face', auth_rslt: rslt, mdtrt_id: '' };
}

const ELSEWHERE = ['ELSE_MID', 'ELSE_ADMDAY', 'ELSE_DISDAY', 'ELSE_SAMEINST', 'AUTH_PASS', 'AUTH_FAIL', 'AUTH_SAMEINST', 'AUTH_DISDAY'];
const IDLE = ['IDLE4', 'IDLE5_80', 'IDLE5_60', 'IDLE9_78', 'NOCAT5', 'OUTSIDE5', 'NOLINES5'];

const w = baseWorld();
for (const id of [...ELSEWHERE, ...IDLE]) w.psn.push(personRow({ psn_no: `P_${id}` }));

// (a) 4-day stays (03-01..03-04, too short for the idle test), each with a daily treatment line.
for (const id of ELSEWHERE) {
  w.setl.push(admission(id, 4, id === 'ELSE_MID' ? { hifp_pay: 4321.09 } : {}));
  for (let d = 1; d <= 4; d++) w.feedetl.push(fee(id, d, '05'));
}
const outpatient = (id: string, psn: string, inst: string, begntime: string) =>
  visit({ mdtrt_id: id, psn_no: psn, fixmedins_code: inst, med_type: '11', begntime });
w.setl.push(
  outpatient('ELSE_MID_V', 'P_ELSE_MID', HOSPITAL_2, '2024-03-02 09:00:00'), // strictly between, elsewhere: flagged
  outpatient('ELSE_ADMDAY_V', 'P_ELSE_ADMDAY', HOSPITAL_2, '2024-03-01 18:00:00'), // on the admission day: not
  outpatient('ELSE_DISDAY_V', 'P_ELSE_DISDAY', HOSPITAL_2, '2024-03-04 09:00:00'), // on the discharge day: not
  outpatient('ELSE_SAMEINST_V', 'P_ELSE_SAMEINST', HOSPITAL, '2024-03-02 09:00:00'), // same institution: not
);
const idauth: Rows[] = [
  auth('A_PASS', 'P_AUTH_PASS', CLINIC, '2024-03-03 09:00:00', '1'), // passing check elsewhere mid-stay: flagged
  auth('A_FAIL', 'P_AUTH_FAIL', CLINIC, '2024-03-03 09:00:00', '0'), // failed check: not
  auth('A_SAMEINST', 'P_AUTH_SAMEINST', HOSPITAL, '2024-03-02 09:00:00', '1'), // at the admitting hospital: not
  auth('A_DISDAY', 'P_AUTH_DISDAY', CLINIC, '2024-03-04 08:00:00', '1'), // on the discharge day: not
];

// (b) idle stays.
w.setl.push(admission('IDLE4', 4)); // 4 calendar days, all idle: too short
w.feedetl.push(...idleDays('IDLE4', 4));
w.setl.push(admission('IDLE5_80', 5, { hifp_pay: 5000.5 })); // 5 days, 1 active: 4/5 idle = 80%: flagged
w.feedetl.push(...idleDays('IDLE5_80', 5), fee('IDLE5_80', 3, '05'));
w.setl.push(admission('IDLE5_60', 5)); // 5 days, 2 active: 60%: not
w.feedetl.push(...idleDays('IDLE5_60', 5), fee('IDLE5_60', 2, '03'), fee('IDLE5_60', 4, '09'));
w.setl.push(admission('IDLE9_78', 9)); // 9 days, 2 active: 7/9 = 77.8%, just below: not
w.feedetl.push(...idleDays('IDLE9_78', 9), fee('IDLE9_78', 2, '04'), fee('IDLE9_78', 8, '06'));
w.setl.push(admission('NOCAT5', 5)); // lines without a charge category count as activity (2 days): not
w.feedetl.push(...idleDays('NOCAT5', 5), fee('NOCAT5', 2, ''), fee('NOCAT5', 3, ''));
w.setl.push(admission('OUTSIDE5', 5)); // activity only outside the stay's days: 100% idle: flagged
w.feedetl.push(...idleDays('OUTSIDE5', 5), fee('OUTSIDE5', 6, '05'), fee('OUTSIDE5', 7, '05'));
w.setl.push(admission('NOLINES5', 5)); // no lines at all: flagged

const run = ruleScreening(CODE, { ...w, idauth });

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly: visit and passing check elsewhere strictly mid-stay; idle stays of ≥ 5 days at ≥ 80%', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.mdtrt_id).sort()).toEqual(['AUTH_PASS', 'ELSE_MID', 'IDLE5_80', 'NOLINES5', 'OUTSIDE5']);
    expectWellFormed(findings, CODE, 'suspect');
  });

  it('reports the admission with its fund payment and the reason', async () => {
    const { findings } = await run(engine);
    const mid = findingBy(findings, (f) => f.mdtrt_id!, 'ELSE_MID');
    expect(mid).toMatchObject({
      psn_no: 'P_ELSE_MID',
      fixmedins_code: HOSPITAL,
      setl_id: 'S_ELSE_MID',
      day: '2024-03-01',
      amount: '4321.09',
    });
    expect(mid.detail).toContain(HOSPITAL_2);
    expect(mid.detail).toContain('ELSE_MID_V');
    expect(findingBy(findings, (f) => f.mdtrt_id!, 'AUTH_PASS').detail).toContain('实名认证');
    const idle = findingBy(findings, (f) => f.mdtrt_id!, 'IDLE5_80');
    expect(idle.amount).toBe('5000.50');
    expect(idle.detail).toContain('5天中4天');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
