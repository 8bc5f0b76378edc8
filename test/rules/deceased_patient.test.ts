/**
 * DECEASED_PATIENT (死亡后就医): a visit begins after the person's death_date (a visit on the day of death is
 * not flagged).
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL_2, PHARMACY, visit } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, personRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'DECEASED_PATIENT';

const w = baseWorld();
w.psn.push(personRow({ psn_no: 'P_DEAD', death_date: '2024-03-10' }), personRow({ psn_no: 'P_ALIVE' }));
w.setl.push(
  // On the day of death (late evening): not flagged.
  visit({ mdtrt_id: 'DEATH_DAY', psn_no: 'P_DEAD', begntime: '2024-03-10 23:30:00' }),
  // The day after, just past midnight: flagged.
  visit({ mdtrt_id: 'DAY_AFTER', psn_no: 'P_DEAD', begntime: '2024-03-11 00:00:00', hifp_pay: 77.7 }),
  // An admission that began the day before death and ended after it: not flagged (begin counts).
  visit({ mdtrt_id: 'BEGAN_BEFORE', psn_no: 'P_DEAD', med_type: '21', begntime: '2024-03-09 10:00:00', endtime: '2024-03-15 10:00:00' }),
  // A pharmacy purchase weeks later, settled twice: one finding, fund payments summed.
  visit({
    mdtrt_id: 'TWO_SETL',
    setl_id: 'S_TWO_SETL_1',
    psn_no: 'P_DEAD',
    fixmedins_code: PHARMACY,
    med_type: '41',
    begntime: '2024-04-02 10:00:00',
    hifp_pay: 100,
  }),
  visit({
    mdtrt_id: 'TWO_SETL',
    setl_id: 'S_TWO_SETL_2',
    psn_no: 'P_DEAD',
    fixmedins_code: PHARMACY,
    med_type: '41',
    begntime: '2024-04-02 10:05:00',
    hifp_pay: 50.25,
  }),
  // A person without a death date: never flagged.
  visit({ mdtrt_id: 'ALIVE', psn_no: 'P_ALIVE', fixmedins_code: HOSPITAL_2, begntime: '2030-01-01 10:00:00' }),
);

const run = ruleScreening(CODE, w);

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the visits beginning after the day of death', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.mdtrt_id).sort()).toEqual(['DAY_AFTER', 'TWO_SETL']);
    expectWellFormed(findings, CODE, 'definite');
  });

  it('reports the visit with its fund payment (summed over settlements) and the death date', async () => {
    const { findings } = await run(engine);
    const after = findingBy(findings, (f) => f.mdtrt_id!, 'DAY_AFTER');
    expect(after).toMatchObject({ psn_no: 'P_DEAD', setl_id: 'S_DAY_AFTER', day: '2024-03-11', amount: '77.70' });
    expect(after.detail).toContain('2024-03-10');
    const two = findingBy(findings, (f) => f.mdtrt_id!, 'TWO_SETL');
    expect(two).toMatchObject({ fixmedins_code: PHARMACY, day: '2024-04-02', amount: '150.25' });
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
