/**
 * CARD_BURST (集中刷卡): 8 or more settlements (setl_time) of distinct persons at one pharmacy
 * (fixmedins_type 2) within any 10 minutes, both ends included; every settlement in such a window is flagged.
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, PHARMACY, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, personRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'CARD_BURST';

const w = baseWorld();
for (let i = 1; i <= 8; i++) w.psn.push(personRow({ psn_no: `Q${i}` }));

/** Settlement `id` of person `psn` at `inst`, settled at `time` (the visit began half an hour earlier). */
function settle(id: string, psn: string, time: string, inst = PHARMACY, extra: Rows = {}): void {
  const [day, clock] = time.split(' ');
  const begin = `${day} ${String(Number(clock!.slice(0, 2)) - 1).padStart(2, '0')}${clock!.slice(2)}`;
  w.setl.push(
    visit({
      mdtrt_id: id,
      setl_id: id,
      psn_no: psn,
      fixmedins_code: inst,
      med_type: inst === PHARMACY ? '41' : '11',
      begntime: begin,
      setl_time: time,
      hifp_pay: 40,
      ...extra,
    }),
  );
}

// BURST: 8 distinct persons from 10:05:30 to exactly 10:15:30 (10:00 apart, included), plus Q3 a second time
// inside the window: all 9 flagged. Q1 also settled at 10:05:29: its window 10:05:29–10:15:29 holds only
// 7 distinct persons (Q1 counted once), and no other window contains it: not flagged.
['10:05:30', '10:06:00', '10:07:00', '10:08:00', '10:09:00', '10:10:00', '10:11:00', '10:15:30'].forEach((t, i) =>
  settle(`BURST_${i + 1}`, `Q${i + 1}`, `2024-03-01 ${t}`, PHARMACY, i === 0 ? { hifp_pay: 12.34 } : {}),
);
settle('BURST_Q3_AGAIN', 'Q3', '2024-03-01 10:12:00');
settle('BURST_Q1_EARLY', 'Q1', '2024-03-01 10:05:29');

// NEAR: 8 distinct persons, the 8th 10:01 after the 1st: no window holds 8: not flagged.
['10:00:00', '10:01:00', '10:02:00', '10:03:00', '10:04:00', '10:05:00', '10:06:00', '10:10:01'].forEach((t, i) =>
  settle(`NEAR_${i + 1}`, `Q${i + 1}`, `2024-03-02 ${t}`),
);

// DUP: 8 settlements within 5 minutes but only 7 distinct persons (Q7 twice): not flagged.
['10:00:00', '10:00:30', '10:01:00', '10:01:30', '10:02:00', '10:02:30', '10:03:00', '10:03:30'].forEach((t, i) =>
  settle(`DUP_${i + 1}`, `Q${Math.min(i + 1, 7)}`, `2024-03-03 ${t}`),
);

// HOSP: 8 distinct persons within 4 minutes at a hospital (fixmedins_type 1): never flagged.
['10:00:00', '10:00:30', '10:01:00', '10:01:30', '10:02:00', '10:02:30', '10:03:00', '10:03:30'].forEach((t, i) =>
  settle(`HOSP_${i + 1}`, `Q${i + 1}`, `2024-03-04 ${t}`, HOSPITAL),
);

const run = ruleScreening(CODE, w);

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the settlements inside a 10-minute window with 8 distinct persons at a pharmacy', async () => {
    const { findings } = await run(engine);
    expect(findings.map((f) => f.setl_id).sort()).toEqual([
      'BURST_1',
      'BURST_2',
      'BURST_3',
      'BURST_4',
      'BURST_5',
      'BURST_6',
      'BURST_7',
      'BURST_8',
      'BURST_Q3_AGAIN',
    ]);
    expectWellFormed(findings, CODE, 'suspect');
  });

  it('reports each settlement with its fund payment and the window', async () => {
    const { findings } = await run(engine);
    const first = findingBy(findings, (f) => f.setl_id!, 'BURST_1');
    expect(first).toMatchObject({ fixmedins_code: PHARMACY, psn_no: 'Q1', mdtrt_id: 'BURST_1', day: '2024-03-01', amount: '12.34' });
    expect(first.detail).toContain('2024-03-01 10:05:30');
    expect(first.detail).toContain('8名');
    expect(findingBy(findings, (f) => f.setl_id!, 'BURST_8').amount).toBe('40.00');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
