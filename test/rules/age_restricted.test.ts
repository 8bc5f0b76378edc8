/** AGE_RESTRICTED (限年龄项目): age in whole years at fee time outside [lmt_age_min, lmt_age_max]. Key: feedetl_sn.
 * docs/rules.md: the birthday is reached on the same month-day (29 Feb birthdays on 1 Mar in other years);
 * either bound may be empty; an age exactly at a bound is allowed. */
import { describe, expect, it } from 'vitest';
import { addVisit, baseWorld, catalogItem, insured, isChineseText, type Rows, type TableRows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'AGE_RESTRICTED';

function world(): TableRows {
  const w = baseWorld();
  w.psn.push(
    insured({ psn_no: 'KID', brdy: '2018-03-15' }),
    insured({ psn_no: 'TEEN', brdy: '2010-03-15' }),
    insured({ psn_no: 'SENIOR', brdy: '1964-06-01' }),
    insured({ psn_no: 'TODDLER', brdy: '2021-01-10' }),
    insured({ psn_no: 'LEAPLING', brdy: '2016-02-29' }),
  );
  w.hilist.push(
    catalogItem({ med_list_codg: 'AGE_6_14', name: '儿童生长发育评估', lmt_age_min: 6, lmt_age_max: 14 }),
    catalogItem({ med_list_codg: 'AGE_MIN_60', name: '老年综合评估', lmt_age_min: 60 }),
    catalogItem({ med_list_codg: 'AGE_MAX_3', name: '婴幼儿听力筛查', lmt_age_max: 3 }),
    catalogItem({ med_list_codg: 'AGE_MIN_8', name: '限8岁以上项目', lmt_age_min: 8 }),
    catalogItem({ med_list_codg: 'AGE_MIN_9', name: '限9岁以上项目', lmt_age_min: 9 }),
    catalogItem({ med_list_codg: 'AGE_NONE', name: '无年龄限制项目' }),
  );
  // One visit per case, its single line charged at `time`.
  const add = (sn: string, psn: string, item: string, time: string, extra: Rows = {}) =>
    addVisit(w, { mdtrt_id: `V_${sn}`, psn_no: psn, begntime: time }, [{ feedetl_sn: sn, med_list_codg: item, ...extra }]);
  add('AGE_AT_MIN_OK', 'KID', 'AGE_6_14', '2024-03-15 00:00:01'); // 6th birthday
  add(
    'AGE_BELOW_MIN',
    'KID',
    'AGE_6_14',
    '2024-03-14 23:59:59', // one day before: 5
    { cnt: 2, pric: 25, det_item_fee_sumamt: 50, fulamt_ownpay_amt: 5 },
  );
  add('AGE_AT_MAX_OK', 'TEEN', 'AGE_6_14', '2025-03-14 10:00:00'); // last day of being 14
  add('AGE_ABOVE_MAX', 'TEEN', 'AGE_6_14', '2025-03-15 10:00:00'); // 15th birthday
  add('AGE_ONLY_MIN_AT_OK', 'SENIOR', 'AGE_MIN_60', '2024-06-01 10:00:00'); // 60th birthday, no upper bound
  add('AGE_ONLY_MIN_BELOW', 'SENIOR', 'AGE_MIN_60', '2024-05-31 10:00:00'); // 59
  add('AGE_ONLY_MAX_AT_OK', 'TODDLER', 'AGE_MAX_3', '2025-01-09 10:00:00'); // last day of being 3, no lower bound
  add('AGE_ONLY_MAX_ABOVE', 'TODDLER', 'AGE_MAX_3', '2025-01-10 10:00:00'); // 4th birthday
  add('AGE_LEAP_BIRTHDAY_OK', 'LEAPLING', 'AGE_MIN_8', '2024-02-29 10:00:00'); // leap year: 8 on 29 Feb
  add('AGE_LEAP_DAY_BEFORE', 'LEAPLING', 'AGE_MIN_8', '2024-02-28 10:00:00'); // still 7
  add('AGE_LEAP_NONLEAP_FEB28', 'LEAPLING', 'AGE_MIN_9', '2025-02-28 10:00:00'); // non-leap year: still 8 on 28 Feb
  add('AGE_LEAP_NONLEAP_MAR1_OK', 'LEAPLING', 'AGE_MIN_9', '2025-03-01 10:00:00'); // turns 9 on 1 Mar
  add('AGE_UNRESTRICTED_OK', 'TODDLER', 'AGE_NONE', '2025-01-10 10:00:00');
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byLine = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn);

  it('flags exactly the lines whose age is outside the bounds (bounds inclusive, birthdays exact)', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual([
      'AGE_ABOVE_MAX',
      'AGE_BELOW_MIN',
      'AGE_LEAP_DAY_BEFORE',
      'AGE_LEAP_NONLEAP_FEB28',
      'AGE_ONLY_MAX_ABOVE',
      'AGE_ONLY_MIN_BELOW',
    ]);
  });

  it('reports the fund-scope amount of the line', () => {
    expect(byLine('AGE_BELOW_MIN')?.amount).toBe('45.00');
    expect(byLine('AGE_ABOVE_MAX')?.amount).toBe('50.00');
  });

  it('states the allowed range and the age in Chinese', () => {
    const f = byLine('AGE_BELOW_MIN')!;
    expect(f).toMatchObject({ level: 'definite', psn_no: 'KID', med_list_codg: 'AGE_6_14', day: '2024-03-14' });
    expect(f.detail).toContain('6~14岁');
    expect(f.detail).toContain('5岁');
    expect(byLine('AGE_ABOVE_MAX')!.detail).toContain('15岁');
    expect(byLine('AGE_LEAP_NONLEAP_FEB28')!.detail).toContain('8岁');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
