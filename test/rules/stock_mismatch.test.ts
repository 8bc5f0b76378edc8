/**
 * STOCK_MISMATCH (进销存不符): opening stock = the earliest stocktake of the item (0 if none); sales from that day
 * on exceed opening stock + purchases from that day on by more than 5% of that sum and by more than 2 units; or
 * the quantity billed at a reporting pharmacy in feedetl exceeds its insurance sales (hi_feesetl_flag 1) by
 * the same margins.
 */
import { describe, expect, it } from 'vitest';
import { baseWorld, HOSPITAL, line, PHARMACY, visit, type Rows } from '../support/fixture.js';
import { ENGINES, expectEnginesAgree, expectWellFormed, findingBy, institutionRow, ruleScreening } from '../support/rule-screen.js';

const CODE = 'STOCK_MISMATCH';
const PHARMACY_2 = 'P11010100002'; // reports no purchase-sale-inventory data

const inv_stock: Rows[] = [];
const inv_purc: Rows[] = [];
const inv_sale: Rows[] = [];
let doc = 0;
const stock = (item: string, invdate: string, inv_cnt: number) =>
  inv_stock.push({ fixmedins_code: PHARMACY, med_list_codg: item, invdate, inv_cnt });
const buy = (item: string, day: string, purc_cnt: number) =>
  inv_purc.push({
    fixmedins_code: PHARMACY,
    med_list_codg: item,
    purc_time: `${day} 09:00:00`,
    purc_cnt,
    finl_trns_pric: 1,
    spler_name: '医药公司',
    manu_lotnum: 'LOT1',
  });
const sell = (item: string, day: string, sel_cnt: number, hi: '0' | '1' = '0', price = 2.5) =>
  inv_sale.push({
    fixmedins_code: PHARMACY,
    rtal_docno: `R${++doc}`,
    med_list_codg: item,
    sel_time: `${day} 12:00:00`,
    sel_cnt,
    finl_trns_pric: price,
    hi_feesetl_flag: hi,
    setl_id: '',
    psn_no: '',
    rx_flag: '0',
    rxno: '',
  });

// (1) stock check.
stock('OVER8', '2024-03-01', 100);
sell('OVER8', '2024-03-05', 60);
sell('OVER8', '2024-03-06', 48); // 108 vs 100: flagged
stock('PCT_AT', '2024-03-01', 100);
buy('PCT_AT', '2024-03-02', 100);
sell('PCT_AT', '2024-03-05', 210); // exceeds by exactly 5% (10): not
stock('PCT_OVER', '2024-03-01', 100);
buy('PCT_OVER', '2024-03-02', 100);
sell('PCT_OVER', '2024-03-05', 211); // by 11 > 10: flagged
stock('UNITS_AT', '2024-03-01', 20);
sell('UNITS_AT', '2024-03-05', 22); // by exactly 2 units (> 5%): not
stock('UNITS_OVER', '2024-03-01', 20);
sell('UNITS_OVER', '2024-03-05', 23); // by 3 units: flagged
stock('STOCKDAY', '2024-03-10', 10);
sell('STOCKDAY', '2024-03-10', 13); // sales on the stocktake day count: flagged
stock('BEFORE_IGNORED', '2024-03-10', 10);
sell('BEFORE_IGNORED', '2024-03-09', 50);
sell('BEFORE_IGNORED', '2024-03-11', 10); // earlier sales ignored: not
stock('PURC_BEFORE', '2024-03-10', 0);
buy('PURC_BEFORE', '2024-03-09', 50);
sell('PURC_BEFORE', '2024-03-11', 10); // earlier purchases ignored: flagged
stock('EARLIEST', '2024-03-01', 5);
stock('EARLIEST', '2024-03-01', 5);
stock('EARLIEST', '2024-03-20', 1000);
sell('EARLIEST', '2024-03-05', 20); // opening 5+5 on the earliest day: flagged
buy('NOSTOCK', '2024-03-01', 10);
sell('NOSTOCK', '2024-03-05', 15); // no stocktake, opening 0: flagged
sell('NOTHING_IN', '2024-03-05', 5); // sold without any stocktake or purchase (available 0): flagged
buy('RETURNS', '2024-03-01', 10);
sell('RETURNS', '2024-03-05', 15);
sell('RETURNS', '2024-03-06', -5); // sale return nets to 10: not
buy('PURC_RETURN', '2024-03-01', 20);
buy('PURC_RETURN', '2024-03-02', -10);
sell('PURC_RETURN', '2024-03-05', 15); // purchase return nets to 10: flagged

// (2) billing check: feedetl quantities at the pharmacy against its insurance-settled sales.
stock('BILLED_OVER', '2024-03-01', 100);
sell('BILLED_OVER', '2024-03-05', 20, '1');
sell('BILLED_OVER', '2024-03-05', 20, '0'); // billed 30 vs 20: flagged
stock('BILLED_AT', '2024-03-01', 100);
sell('BILLED_AT', '2024-03-05', 40, '1'); // billed 42 vs 40 (5% = 2 units): not
stock('BILLED_NOSALES', '2024-03-01', 100); // billed 5, no sales at all: flagged

const w = baseWorld();
w.fixmedins.push(institutionRow({ fixmedins_code: PHARMACY_2 }));
w.hilist.push({ med_list_codg: 'OVER8', name: '布洛芬缓释胶囊', list_type: 'drug', chrgitm_lv: '01' });
w.setl.push(
  visit({ mdtrt_id: 'PV1', fixmedins_code: PHARMACY, med_type: '41', begntime: '2024-03-05 10:00:00' }),
  visit({ mdtrt_id: 'PV2', fixmedins_code: PHARMACY, med_type: '41', begntime: '2024-03-06 10:00:00' }),
  visit({ mdtrt_id: 'P2V', fixmedins_code: PHARMACY_2, med_type: '41', begntime: '2024-03-05 10:00:00' }),
  visit({ mdtrt_id: 'HV', fixmedins_code: HOSPITAL, med_type: '11', begntime: '2024-03-05 10:00:00' }),
);
const billed = (mdtrt_id: string, fixmedins_code: string, item: string, cnt: number, pric = 3) =>
  line({ mdtrt_id, fixmedins_code, med_list_codg: item, med_chrgitm_type: '09', cnt, pric, fee_ocur_time: '2024-03-05 10:10:00' });
w.feedetl.push(
  billed('PV1', PHARMACY, 'BILLED_OVER', 20),
  billed('PV2', PHARMACY, 'BILLED_OVER', 10),
  billed('PV1', PHARMACY, 'BILLED_AT', 42),
  billed('PV1', PHARMACY, 'BILLED_NOSALES', 5),
  billed('P2V', PHARMACY_2, 'NOT_REPORTING', 50), // pharmacy without any inv_* rows: not judged
  billed('HV', HOSPITAL, 'HOSPITAL_ITEM', 50), // hospital: not judged
);

const run = ruleScreening(CODE, { ...w, inv_stock, inv_purc, inv_sale });
const key = (f: { fixmedins_code: string | null; med_list_codg: string | null }) => `${f.fixmedins_code}|${f.med_list_codg}`;

describe.each(ENGINES)(`${CODE} on %s`, (engine) => {
  it('runs', async () => {
    expect((await run(engine)).status).toBe('ran');
  });

  it('flags exactly the items whose sales or billed quantities exceed the margins', async () => {
    const { findings } = await run(engine);
    expect(findings.map(key).sort()).toEqual(
      [
        'BILLED_NOSALES',
        'BILLED_OVER',
        'EARLIEST',
        'NOSTOCK',
        'NOTHING_IN',
        'OVER8',
        'PCT_OVER',
        'PURC_BEFORE',
        'PURC_RETURN',
        'STOCKDAY',
        'UNITS_OVER',
      ].map((item) => `${PHARMACY}|${item}`),
    );
    expectWellFormed(findings, CODE, 'suspect');
  });

  it('values the excess at the average price', async () => {
    const { findings } = await run(engine);
    const over = findingBy(findings, key, `${PHARMACY}|OVER8`);
    expect(over.amount).toBe('20.00'); // 8 units × 2.5
    expect(over.detail).toContain('布洛芬缓释胶囊');
    expect(over.detail).toContain('盘存日起销售');
    const billedOver = findingBy(findings, key, `${PHARMACY}|BILLED_OVER`);
    expect(billedOver.amount).toBe('30.00'); // 10 units × 3
    expect(billedOver.detail).toContain('医保结算数量');
    expect(findingBy(findings, key, `${PHARMACY}|EARLIEST`).amount).toBe('25.00'); // 20 − (5 + 5) units × 2.5
  });
});

it(`${CODE}: DuckDB and PostgreSQL return identical findings`, async () => {
  await expectEnginesAgree(run);
});

// A data set without purchases (no inv_purc file): the table counts as empty and the rule still runs.
const wNoPurc = baseWorld();
wNoPurc.setl.push(visit({ mdtrt_id: 'NP_V', fixmedins_code: PHARMACY, med_type: '41', begntime: '2024-03-05 10:00:00' }));
wNoPurc.feedetl.push(
  line({
    mdtrt_id: 'NP_V',
    fixmedins_code: PHARMACY,
    med_list_codg: 'NP_BILLED',
    med_chrgitm_type: '09',
    cnt: 50,
    pric: 3,
    fee_ocur_time: '2024-03-05 10:10:00',
  }),
);
const salesOnly: Rows[] = [
  {
    fixmedins_code: PHARMACY,
    rtal_docno: 'NP1',
    med_list_codg: 'NP_BILLED',
    sel_time: '2024-03-05 12:00:00',
    sel_cnt: 10,
    finl_trns_pric: 3,
    hi_feesetl_flag: '1',
    setl_id: '',
    psn_no: '',
    rx_flag: '0',
    rxno: '',
  },
  {
    fixmedins_code: PHARMACY,
    rtal_docno: 'NP2',
    med_list_codg: 'NP_STOCK',
    sel_time: '2024-03-05 12:00:00',
    sel_cnt: 30,
    finl_trns_pric: 2,
    hi_feesetl_flag: '0',
    setl_id: '',
    psn_no: '',
    rx_flag: '0',
    rxno: '',
  },
];
const noPurcRun = ruleScreening(CODE, {
  ...wNoPurc,
  inv_sale: salesOnly,
  inv_stock: [{ fixmedins_code: PHARMACY, med_list_codg: 'NP_STOCK', invdate: '2024-03-01', inv_cnt: 20 }],
});

describe.each(ENGINES)(`${CODE} without a purchases file, on %s`, (engine) => {
  it('runs and flags the billed excess and the sales beyond the opening stock', async () => {
    const r = await noPurcRun(engine);
    expect(r.status).toBe('ran');
    expect(r.findings.map(key).sort()).toEqual([`${PHARMACY}|NP_BILLED`, `${PHARMACY}|NP_STOCK`]);
  });
});
