/**
 * SUSPENDED_INSTITUTION (暂停协议期间结算): settlement at an institution whose agreement was suspended or
 * terminated at setl_time (settlement day ≥ status_from; an empty status_from means "since always"; settlement
 * day ≤ status_to when given, the extension column a suspension of a set length carries).
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, visit } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, institutionRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'SUSPENDED_INSTITUTION';
const SUSP = 'H11010100011';
const TERM = 'H11010100012';
const SUSP_NODATE = 'H11010100013';
const NORMAL_DATED = 'H11010100014';
const SIX_MONTHS = 'H11010100015';

const w = baseWorld();
w.fixmedins.push(
  institutionRow({ fixmedins_code: SUSP, agreement_status: 'suspended', status_from: '2024-03-10' }),
  institutionRow({ fixmedins_code: TERM, agreement_status: 'terminated', status_from: '2024-03-10' }),
  institutionRow({ fixmedins_code: SUSP_NODATE, agreement_status: 'suspended', status_from: '' }),
  institutionRow({ fixmedins_code: NORMAL_DATED, agreement_status: 'normal', status_from: '2024-03-10' }),
  institutionRow({ fixmedins_code: SIX_MONTHS, agreement_status: 'suspended', status_from: '2024-03-10', status_to: '2024-09-09' }),
);
const settle = (mdtrt_id: string, fixmedins_code: string, setl_time: string, extra = {}) =>
  visit({ mdtrt_id, fixmedins_code, begntime: setl_time, setl_time, ...extra });
w.setl.push(
  settle('SUSP_DAYBEFORE', SUSP, '2024-03-09 23:59:59'), // the day before status_from: not flagged
  settle('SUSP_ONDAY', SUSP, '2024-03-10 00:00:00', { hifp_pay: 456.78 }), // on status_from: flagged
  // Admitted before the suspension, settled after it: flagged (the settlement day counts).
  settle('SUSP_ADMITTED_BEFORE', SUSP, '2024-03-12 10:00:00', {
    med_type: '21',
    begntime: '2024-03-05 10:00:00',
    endtime: '2024-03-12 09:00:00',
  }),
  // One visit, two settlements, either side of the start: only the later settlement is flagged.
  settle('SUSP_SPLIT', SUSP, '2024-03-09 18:00:00', { setl_id: 'S_SUSP_SPLIT_1' }),
  settle('SUSP_SPLIT', SUSP, '2024-03-10 09:00:00', { setl_id: 'S_SUSP_SPLIT_2' }),
  settle('TERM_DAYBEFORE', TERM, '2024-03-09 12:00:00'), // terminated, the day before: not flagged
  settle('TERM_ONDAY', TERM, '2024-03-10 12:00:00'), // terminated, on status_from: flagged
  settle('TERM_LATER', TERM, '2024-06-01 12:00:00'), // terminated, months later: flagged
  settle('NODATE_EARLY', SUSP_NODATE, '2020-01-01 08:00:00'), // suspended without a date: always flagged
  settle('NORMAL_DATED', NORMAL_DATED, '2024-03-10 12:00:00'), // normal agreement with a status date: not flagged
  settle('NORMAL', HOSPITAL, '2024-03-10 12:00:00'),
  settle('SIX_LASTDAY', SIX_MONTHS, '2024-09-09 23:59:59'), // the last day of a set suspension: flagged
  settle('SIX_AFTER', SIX_MONTHS, '2024-09-10 00:00:00'), // the day after it: not flagged
);

const run = ruleScreening(CODE, w);

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the settlements on or after status_from of a suspended or terminated agreement', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.setl_id).sort()).toEqual([
      'S_NODATE_EARLY',
      'S_SIX_LASTDAY',
      'S_SUSP_ADMITTED_BEFORE',
      'S_SUSP_ONDAY',
      'S_SUSP_SPLIT_2',
      'S_TERM_LATER',
      'S_TERM_ONDAY',
    ]);
    expectWellFormed(findings, CODE, 'definite');
  });

  it('reports the settlement with its fund payment and the agreement status', async () => {
    const { findings } = await run(engine);
    const onDay = findingBy(findings, (f) => f.setl_id!, 'S_SUSP_ONDAY');
    expect(onDay).toMatchObject({ fixmedins_code: SUSP, mdtrt_id: 'SUSP_ONDAY', psn_no: 'M1', day: '2024-03-10', amount: '456.78' });
    expect(onDay.detail).toContain('暂停');
    expect(onDay.detail).toContain('2024-03-10');
    expect(findingBy(findings, (f) => f.setl_id!, 'S_TERM_ONDAY').detail).toContain('解除');
    expect(findingBy(findings, (f) => f.setl_id!, 'S_SUSP_ADMITTED_BEFORE').day).toBe('2024-03-12');
    expect(findingBy(findings, (f) => f.setl_id!, 'S_SIX_LASTDAY').detail).toContain('自2024-03-10至2024-09-09暂停医保协议');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
