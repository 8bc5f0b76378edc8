/** GENDER_RESTRICTED (限性别项目): an item with lmt_gend billed for a person of the other gender. Key: feedetl_sn. */
import { describe, expect, it } from 'vitest';
import { addVisit, baseWorld, catalogItem, isChineseText, type TableRows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'GENDER_RESTRICTED';

function world(): TableRows {
  const w = baseWorld(); // M1 is male (gend 1), F1 female (gend 2)
  w.hilist.push(
    catalogItem({ med_list_codg: 'GYN', name: '妇科检查', lmt_gend: '2' }),
    catalogItem({ med_list_codg: 'PSA', name: '前列腺特异抗原测定', lmt_gend: '1' }),
    catalogItem({ med_list_codg: 'ANY', name: '血常规' }),
  );
  addVisit(w, { mdtrt_id: 'V_MALE', psn_no: 'M1' }, [
    { feedetl_sn: 'MALE_FEMALE_ONLY_ITEM', med_list_codg: 'GYN', cnt: 2, pric: 30, det_item_fee_sumamt: 60, fulamt_ownpay_amt: 10 },
    { feedetl_sn: 'MALE_MALE_ONLY_ITEM_OK', med_list_codg: 'PSA' },
    { feedetl_sn: 'MALE_UNRESTRICTED_OK', med_list_codg: 'ANY' },
  ]);
  addVisit(w, { mdtrt_id: 'V_FEMALE', psn_no: 'F1' }, [
    { feedetl_sn: 'FEMALE_MALE_ONLY_ITEM', med_list_codg: 'PSA', pric: 80, det_item_fee_sumamt: 80 },
    { feedetl_sn: 'FEMALE_FEMALE_ONLY_ITEM_OK', med_list_codg: 'GYN' },
    { feedetl_sn: 'FEMALE_UNRESTRICTED_OK', med_list_codg: 'ANY' },
  ]);
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byLine = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn);

  it('flags exactly the lines billed for the other gender', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual(['FEMALE_MALE_ONLY_ITEM', 'MALE_FEMALE_ONLY_ITEM']);
  });

  it('reports the fund-scope amount of the line (line amount less the fully self-paid part)', () => {
    expect(byLine('MALE_FEMALE_ONLY_ITEM')?.amount).toBe('50.00');
    expect(byLine('FEMALE_MALE_ONLY_ITEM')?.amount).toBe('80.00');
  });

  it('fills the locators and explains each finding in Chinese', () => {
    const f = byLine('MALE_FEMALE_ONLY_ITEM')!;
    expect(f).toMatchObject({ level: 'definite', psn_no: 'M1', mdtrt_id: 'V_MALE', med_list_codg: 'GYN', day: '2024-03-01' });
    expect(f.detail).toContain('限女性');
    expect(f.detail).toContain('性别为男');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
