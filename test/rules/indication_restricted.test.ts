/** INDICATION_RESTRICTED (限适应症): no diagnosis of the visit (diag, or setl.dise_codg) starts with any of the
 * item's lmt_dise_prefixes. Key: feedetl_sn. docs/rules.md: prefix match of any visit diagnosis against any
 * (trimmed) prefix; a visit with no diagnosis at all is flagged. */
import { describe, expect, it } from 'vitest';
import { addVisit, baseWorld, catalogItem, isChineseText, type TableRows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, screenedFindings } from '../support/rule-screen.js';

const CODE = 'INDICATION_RESTRICTED';

function world(): TableRows {
  const w = baseWorld();
  w.hilist.push(
    catalogItem({ med_list_codg: 'CARDIO', name: '冠心病专用药', list_type: 'drug', lmt_dise_prefixes: 'I20| I21 |I25' }),
    catalogItem({ med_list_codg: 'FREE', name: '无适应症限制药品', list_type: 'drug' }),
    catalogItem({ med_list_codg: 'UNDERSCORE', name: '限E1_开头诊断的药品', list_type: 'drug', lmt_dise_prefixes: 'E1_' }),
  );
  const add = (sn: string, dise: string, diags: string[] = [], extra = {}, item = 'CARDIO', mdtrt = `V_${sn}`) => {
    addVisit(w, { mdtrt_id: mdtrt, dise_codg: dise }, [{ feedetl_sn: sn, med_list_codg: item, med_chrgitm_type: '09', ...extra }]);
    diags.forEach((code, i) => w.diag.push({ mdtrt_id: mdtrt, maindiag_flag: i === 0 ? '1' : '0', diag_code: code }));
  };
  add('IND_MAIN_DIAG_MATCH_OK', 'I20.000');
  add('IND_OTHER_DIAG_MATCH_OK', 'J18.900', ['J18.900', 'I25.101']); // a secondary diagnosis of the visit matches
  add('IND_TRIMMED_PREFIX_OK', 'I21.000'); // ' I21 ' in the catalogue
  add('IND_DIAG_TABLE_ONLY_OK', '', ['I20.100']); // no setl.dise_codg, diag matches
  add('IND_NO_MATCH', 'J18.900', ['J18.900', 'E11.900'], { pric: 80, det_item_fee_sumamt: 80, fulamt_ownpay_amt: 30 });
  add('IND_PREFIX_INSIDE_CODE', 'XI20.000'); // contains I20 but does not start with it
  add('IND_NO_DIAGNOSIS', ''); // no diagnosis at all
  add('IND_UNRESTRICTED_OK', '', [], {}, 'FREE');
  add('IND_LOWER_CASE_CODE_OK', 'i20.000'); // the codes' letter case does not matter
  add('IND_UNDERSCORE_LITERAL', 'E11.900', [], {}, 'UNDERSCORE'); // '_' is a character, not a wildcard
  return w;
}

const { found, run } = screenedFindings(CODE, world());

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  const byLine = (sn: string) => found[engine]!.find((f) => f.feedetl_sn === sn);

  it('flags exactly the lines of visits without a matching diagnosis', () => {
    expect(found[engine]!.map((f) => f.feedetl_sn).sort()).toEqual([
      'IND_NO_DIAGNOSIS',
      'IND_NO_MATCH',
      'IND_PREFIX_INSIDE_CODE',
      'IND_UNDERSCORE_LITERAL',
    ]);
  });

  it('reports the fund-scope amount of the line', () => {
    expect(byLine('IND_NO_MATCH')?.amount).toBe('50.00');
    expect(byLine('IND_NO_DIAGNOSIS')?.amount).toBe('50.00');
  });

  it('lists the visit diagnoses (or 无) in Chinese', () => {
    const f = byLine('IND_NO_MATCH')!;
    expect(f).toMatchObject({ level: 'suspect', mdtrt_id: 'V_IND_NO_MATCH', med_list_codg: 'CARDIO' });
    expect(f.detail).toContain('E11.900、J18.900');
    expect(byLine('IND_NO_DIAGNOSIS')!.detail).toMatch(/诊断为无$/);
    for (const x of found[engine]!) expect(isChineseText(x.detail)).toBe(true);
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical finding rows`, async () => {
  await expectEnginesAgree(run);
});
