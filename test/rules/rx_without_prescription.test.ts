/**
 * RX_WITHOUT_PRESCRIPTION (处方药无处方销售): a sale (sel_cnt > 0; returns are not sales) of an item that is
 * prescription-only by the sale's own rx_flag or the catalogue's, with no rxno. One finding per
 * (pharmacy, rtal_docno); amount: the insurance-settled value of the document's lines.
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, PHARMACY, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, institutionRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'RX_WITHOUT_PRESCRIPTION';
const PHARMACY_2 = 'P11010100002';

const w = baseWorld(); // DRUG_A (阿莫西林胶囊) is rx_flag 1 in the catalogue
w.fixmedins.push(institutionRow({ fixmedins_code: PHARMACY_2 }));
w.hilist.push(
  { med_list_codg: 'DRUG_OTC', name: '维生素C片', list_type: 'drug', chrgitm_lv: '01', rx_flag: '0' },
  { med_list_codg: 'DRUG_NOFLAG', name: '板蓝根颗粒', list_type: 'drug', chrgitm_lv: '01', rx_flag: '' },
);

const inv_sale: Rows[] = [];
function sale(docno: string, item: string, sel_cnt: number, extra: Rows = {}): void {
  inv_sale.push({
    fixmedins_code: PHARMACY,
    rtal_docno: docno,
    med_list_codg: item,
    sel_time: '2024-03-05 10:00:00',
    sel_cnt,
    finl_trns_pric: 10,
    hi_feesetl_flag: '1',
    setl_id: `S_${docno}`,
    psn_no: 'M1',
    rx_flag: '',
    rxno: '',
    ...extra,
  });
}
sale('DOC_RX_NORX', 'DRUG_A', 2, { finl_trns_pric: 15.5 }); // rx item by the catalogue, no rxno: flagged
sale('DOC_RX_NORX', 'DRUG_A', 2, { fixmedins_code: PHARMACY_2, finl_trns_pric: 1 }); // the same document number at another pharmacy: a finding of its own
sale('DOC_RX_WITHRX', 'DRUG_A', 2, { rxno: 'RX0001' }); // with a prescription: not flagged
sale('DOC_RXNO_BLANK', 'DRUG_A', 1, { rxno: '   ' }); // a blank rxno is no prescription: flagged
sale('DOC_OTC', 'DRUG_OTC', 3); // non-rx item: not flagged
sale('DOC_NOFLAG', 'DRUG_NOFLAG', 3); // catalogue without rx_flag: not flagged
sale('DOC_RETURN', 'DRUG_A', -1, { sel_time: '2024-03-06 10:00:00' }); // a return is not a sale: not flagged
sale('DOC_SALE_FLAG', 'DRUG_OTC', 1, { rx_flag: '1' }); // rx by the sale's own flag: flagged
sale('DOC_UNLISTED', 'NOT_IN_LIST', 1, { rx_flag: '1' }); // not in the catalogue, rx by the sale's flag: flagged
sale('DOC_UNLISTED_NOFLAG', 'NOT_IN_LIST', 1); // not in the catalogue, no flag: not flagged
// Two rx lines on one document, one settled with insurance (2 × 10), one self-paid: one finding, amount 20.
sale('DOC_PARTLY_SETTLED', 'DRUG_A', 2);
sale('DOC_PARTLY_SETTLED', 'DRUG_A', 1, { hi_feesetl_flag: '0' });
sale('DOC_SELF_PAID', 'DRUG_A', 1, { hi_feesetl_flag: '0' }); // flagged, but no fund money: amount 0

const run = ruleScreening(CODE, { ...w, inv_sale });
const key = (f: { fixmedins_code: string | null; rtal_docno: string | null }) => `${f.fixmedins_code}|${f.rtal_docno}`;

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the documents selling a prescription-only item without rxno', async () => {
    const { findings } = await run(engine);
    expect(findings.map(key).sort()).toEqual([
      `${PHARMACY}|DOC_PARTLY_SETTLED`,
      `${PHARMACY}|DOC_RXNO_BLANK`,
      `${PHARMACY}|DOC_RX_NORX`,
      `${PHARMACY}|DOC_SALE_FLAG`,
      `${PHARMACY}|DOC_SELF_PAID`,
      `${PHARMACY}|DOC_UNLISTED`,
      `${PHARMACY_2}|DOC_RX_NORX`,
    ]);
    expectWellFormed(findings, CODE, 'definite');
  });

  it('reports the insurance-settled value of the document', async () => {
    const { findings } = await run(engine);
    const norx = findingBy(findings, key, `${PHARMACY}|DOC_RX_NORX`);
    expect(norx).toMatchObject({ psn_no: 'M1', setl_id: 'S_DOC_RX_NORX', med_list_codg: 'DRUG_A', day: '2024-03-05', amount: '31.00' });
    expect(norx.detail).toContain('阿莫西林胶囊');
    expect(findingBy(findings, key, `${PHARMACY_2}|DOC_RX_NORX`).amount).toBe('2.00');
    expect(findingBy(findings, key, `${PHARMACY}|DOC_PARTLY_SETTLED`).amount).toBe('20.00');
    expect(findingBy(findings, key, `${PHARMACY}|DOC_SELF_PAID`).amount).toBe('0.00');
    expect(findingBy(findings, key, `${PHARMACY}|DOC_UNLISTED`).detail).toContain('NOT_IN_LIST');
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});
