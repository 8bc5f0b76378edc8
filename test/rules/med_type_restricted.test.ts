/** MED_TYPE_RESTRICTED (限就医方式): the visit's med_type is not among the item's lmt_med_types. Key: feedetl_sn.
 * docs/rules.md: literal comparison with the codes of lmt_med_types split on `|` and trimmed. */
import { describe, expect, it } from 'vitest';
import { addVisit, baseWorld, catalogItem, isChineseText, PHARMACY, type TableRows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'MED_TYPE_RESTRICTED';

function world(): TableRows {
  const w = baseWorld();
  w.hilist.push(
    catalogItem({ med_list_codg: 'INPT_ONLY', name: '限住院药品', list_type: 'drug', lmt_med_types: '21' }),
    catalogItem({ med_list_codg: 'OUTPT_11_14', name: '限门诊及慢特病药品', list_type: 'drug', lmt_med_types: ' 11 | 14 ' }),
    catalogItem({ med_list_codg: 'FREE', name: '不限就医方式药品', list_type: 'drug' }),
  );
  const add = (sn: string, medType: string, item: string, extra = {}) =>
    addVisit(w, { mdtrt_id: `V_${sn}`, med_type: medType, ...(medType === '41' ? { fixmedins_code: PHARMACY } : {}) }, [
      { feedetl_sn: sn, med_list_codg: item, med_chrgitm_type: '09', ...extra },
    ]);
  add('INPT_ONLY_ON_21_OK', '21', 'INPT_ONLY');
  add('INPT_ONLY_ON_11', '11', 'INPT_ONLY', { cnt: 4, pric: 12.5, det_item_fee_sumamt: 50, fulamt_ownpay_amt: 20 });
  add('INPT_ONLY_ON_41', '41', 'INPT_ONLY');
  add('OUTPT_ON_11_OK', '11', 'OUTPT_11_14');
  add('OUTPT_ON_14_OK', '14', 'OUTPT_11_14'); // needs the codes trimmed
  add('OUTPT_ON_13', '13', 'OUTPT_11_14');
  add('OUTPT_ON_21', '21', 'OUTPT_11_14');
  add('OUTPT_ON_1', '1', 'OUTPT_11_14'); // '1' is a substring of '11' but not one of the codes
  add('FREE_ON_13_OK', '13', 'FREE');
  // One visit settled twice, as 14 and as 11: each line is judged by the settlement it names; a line without a
  // setl_id by its visit (MIN over the settlements: 11).
  w.hilist.push(catalogItem({ med_list_codg: 'CHRONIC_ONLY', name: '限慢特病药品', list_type: 'drug', lmt_med_types: '14' }));
  addVisit(w, { mdtrt_id: 'V_MIXED', setl_id: 'S_MIXED_14', med_type: '14' }, [
    { feedetl_sn: 'MIXED_ON_14_OK', med_list_codg: 'CHRONIC_ONLY', med_chrgitm_type: '09' },
  ]);
  const mixedLine = w.feedetl[w.feedetl.length - 1]!;
  w.setl.push({ ...w.setl[w.setl.length - 1]!, setl_id: 'S_MIXED_11', med_type: '11' });
  w.feedetl.push(
    { ...mixedLine, feedetl_sn: 'MIXED_ON_11', setl_id: 'S_MIXED_11' },
    { ...mixedLine, feedetl_sn: 'MIXED_NO_SETL', setl_id: '' },
  );
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byLine = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn);

  it('flags exactly the lines on visits of a med_type the item is not payable for', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual([
      'INPT_ONLY_ON_11',
      'INPT_ONLY_ON_41',
      'MIXED_NO_SETL',
      'MIXED_ON_11',
      'OUTPT_ON_1',
      'OUTPT_ON_13',
      'OUTPT_ON_21',
    ]);
  });

  it('reports the fund-scope amount of the line', () => {
    expect(byLine('INPT_ONLY_ON_11')?.amount).toBe('30.00');
    expect(byLine('OUTPT_ON_13')?.amount).toBe('50.00');
  });

  it('names the visit type in Chinese', () => {
    expect(byLine('INPT_ONLY_ON_11')).toMatchObject({ level: 'definite', mdtrt_id: 'V_INPT_ONLY_ON_11', med_list_codg: 'INPT_ONLY' });
    expect(byLine('INPT_ONLY_ON_11')!.detail).toContain('普通门诊');
    expect(byLine('OUTPT_ON_13')!.detail).toContain('急诊');
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
