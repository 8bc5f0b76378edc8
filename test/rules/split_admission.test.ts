/**
 * SPLIT_ADMISSION (分解住院): same person and institution, admitted 0 to 15 days after a discharge day,
 * main diagnoses share their first 3 characters; the later admission is flagged.
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, HOSPITAL_2, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, personRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'SPLIT_ADMISSION';

function admission(mdtrt_id: string, psn_no: string, begntime: string, endtime: string, extra: Rows = {}): Rows {
  return visit({ mdtrt_id, psn_no, med_type: '21', begntime, endtime, dise_codg: 'J18.900', hifp_pay: 1000, ...extra });
}

const w = baseWorld();
for (const p of ['P_DAY0', 'P_DAY15', 'P_DAY16', 'P_PREFIX', 'P_INST', 'P_DIAGTBL', 'P_OVERLAP', 'P_CHAIN', 'P_OUTPT', 'P_CONVERT'])
  w.psn.push(personRow({ psn_no: p }));
w.setl.push(
  // Readmitted on the discharge day itself (gap 0): flagged.
  admission('DAY0_PREV', 'P_DAY0', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('DAY0_LATER', 'P_DAY0', '2024-03-10 15:00:00', '2024-03-12 09:00:00', { hifp_pay: 1234.5 }),
  // Readmitted 15 days after discharge, J18.900 then J18.000 (same first 3 characters): flagged.
  admission('DAY15_PREV', 'P_DAY15', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('DAY15_LATER', 'P_DAY15', '2024-03-25 23:59:00', '2024-03-28 09:00:00', { dise_codg: 'J18.000' }),
  // 16 days after discharge: not flagged.
  admission('DAY16_PREV', 'P_DAY16', '2024-03-01 08:00:00', '2024-03-10 23:00:00'),
  admission('DAY16_LATER', 'P_DAY16', '2024-03-26 00:01:00', '2024-03-28 09:00:00'),
  // 5 days later but a different 3-character prefix (J18 vs J20): not flagged.
  admission('PREFIX_PREV', 'P_PREFIX', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('PREFIX_LATER', 'P_PREFIX', '2024-03-15 08:00:00', '2024-03-18 09:00:00', { dise_codg: 'J20.000' }),
  // 5 days later, same diagnosis, but at another institution: not flagged.
  admission('INST_PREV', 'P_INST', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('INST_LATER', 'P_INST', '2024-03-15 08:00:00', '2024-03-18 09:00:00', { fixmedins_code: HOSPITAL_2 }),
  // The later admission's main diagnosis only in diag (setl.dise_codg empty), J18.100: flagged.
  admission('DIAGTBL_PREV', 'P_DIAGTBL', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('DIAGTBL_LATER', 'P_DIAGTBL', '2024-03-13 08:00:00', '2024-03-18 09:00:00', { dise_codg: '' }),
  // The second admission begins before the first one's discharge day (gap −1): not a split admission.
  admission('OVERLAP_PREV', 'P_OVERLAP', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  admission('OVERLAP_LATER', 'P_OVERLAP', '2024-03-09 08:00:00', '2024-03-15 09:00:00'),
  // Three admissions: the 2nd (gap 5) and the 3rd (gap 8 from the 2nd, 15 from the 1st) are flagged, once each.
  admission('CHAIN_1', 'P_CHAIN', '2024-03-01 08:00:00', '2024-03-05 09:00:00'),
  admission('CHAIN_2', 'P_CHAIN', '2024-03-10 08:00:00', '2024-03-12 09:00:00'),
  admission('CHAIN_3', 'P_CHAIN', '2024-03-20 08:00:00', '2024-03-22 09:00:00'),
  // An outpatient visit 2 days after discharge is not an admission.
  admission('OUTPT_PREV', 'P_OUTPT', '2024-03-01 08:00:00', '2024-03-10 09:00:00'),
  visit({ mdtrt_id: 'OUTPT_VISIT', psn_no: 'P_OUTPT', med_type: '11', begntime: '2024-03-12 08:00:00', dise_codg: 'J18.900' }),
  // A visit settled first as an emergency (13), then as an admission (21): it is an admission (any med_type 21
  // settlement makes one), readmitted 3 days after the earlier discharge: flagged.
  admission('CONVERT_PREV', 'P_CONVERT', '2024-03-01 08:00:00', '2024-03-05 09:00:00'),
  visit({
    mdtrt_id: 'CONVERT_LATER',
    setl_id: 'S_CONVERT_LATER_ER',
    psn_no: 'P_CONVERT',
    med_type: '13',
    begntime: '2024-03-08 02:00:00',
    dise_codg: 'J18.900',
  }),
  admission('CONVERT_LATER', 'P_CONVERT', '2024-03-08 06:00:00', '2024-03-12 09:00:00'),
);
w.diag.push(
  { mdtrt_id: 'DIAGTBL_LATER', maindiag_flag: '1', diag_code: 'J18.100' },
  { mdtrt_id: 'DIAGTBL_LATER', maindiag_flag: '0', diag_code: 'I10.x00' },
);

const run = ruleScreening(CODE, w);

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the later admissions of gap 0, gap 15, a diag-table diagnosis, the chain and an emergency turned admission', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.mdtrt_id).sort()).toEqual([
      'CHAIN_2',
      'CHAIN_3',
      'CONVERT_LATER',
      'DAY0_LATER',
      'DAY15_LATER',
      'DIAGTBL_LATER',
    ]);
    expectWellFormed(findings, CODE, 'suspect');
  });

  it('reports the later admission with its fund payment and the nearest earlier discharge', async () => {
    const { findings } = await run(engine);
    const day0 = findingBy(findings, (f) => f.mdtrt_id!, 'DAY0_LATER');
    expect(day0).toMatchObject({
      psn_no: 'P_DAY0',
      fixmedins_code: HOSPITAL,
      setl_id: 'S_DAY0_LATER',
      day: '2024-03-10',
      amount: '1234.50',
    });
    expect(day0.detail).toContain('DAY0_PREV');
    expect(findingBy(findings, (f) => f.mdtrt_id!, 'DAY15_LATER').detail).toContain('15天后');
    const chain3 = findingBy(findings, (f) => f.mdtrt_id!, 'CHAIN_3');
    expect(chain3.detail).toContain('CHAIN_2');
    expect(chain3.amount).toBe('1000.00');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
