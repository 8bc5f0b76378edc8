import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { DatasetError } from '../../src/dataset/discover.js';
import { importDataset, ImportRejected } from '../../src/dataset/importer.js';
import { workbookToDataset } from '../../src/dataset/xlsx-reader.js';

// A time zone far from UTC: reading an Excel time with local getters would shift it by 8 hours here.
process.env.TZ = 'Asia/Shanghai';

const H1 = 'H11010100001';
const DAY = 'yyyy-mm-dd';
const TIME = 'yyyy-mm-dd hh:mm:ss';
const utc = (y: number, m: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, m - 1, d, h, mi, s));

type Cell = ExcelJS.CellValue;
function sheet(
  wb: ExcelJS.Workbook,
  name: string,
  header: string[],
  rows: Cell[][],
  formats: Record<string, string> = {},
): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  for (const [col, fmt] of Object.entries(formats)) {
    const i = header.indexOf(col) + 1;
    for (let r = 2; r <= rows.length + 1; r++) ws.getRow(r).getCell(i).numFmt = fmt;
  }
  return ws;
}

const FEEDETL = [
  'feedetl_sn',
  'mdtrt_id',
  'setl_id',
  'psn_no',
  'fixmedins_code',
  'fee_ocur_time',
  'med_list_codg',
  'med_chrgitm_type',
  'cnt',
  'pric',
  'det_item_fee_sumamt',
  'fulamt_ownpay_amt',
  'prd_days',
  'rxno',
  'bilg_dr_codg',
  'bilg_dept_codg',
];
const feeLine = (sn: Cell, cnt: Cell, pric: Cell, amount: Cell): Cell[] => [
  sn,
  'V001',
  'S001',
  'P0001',
  H1,
  utc(2024, 3, 1, 10, 15, 30),
  '00100000601',
  '09',
  cnt,
  pric,
  amount,
  null,
  7,
  'RX01',
  null,
  'A01',
];

/** A small, valid exchange-format workbook; `edit` may change it before it is saved. */
async function workbook(edit: (wb: ExcelJS.Workbook) => void = () => {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  sheet(wb, '说明', ['本工作簿为医保结算数据'], [['每张表一页']]);
  sheet(
    wb,
    'fixmedins',
    ['fixmedins_code', 'fixmedins_name', 'fixmedins_type', 'hosp_lv', 'inst_kind', 'admdvs', 'grid_id', 'agreement_status', 'status_from'],
    [
      [
        H1,
        { richText: [{ text: '市第一' }, { text: '人民医院', font: { bold: true } }] },
        '1',
        3,
        'public_hospital',
        '110101',
        'G01',
        'normal',
        null,
      ],
    ],
  );
  sheet(
    wb,
    'psn',
    [' psn_no ', 'gend', 'brdy', 'insutype', 'certno', 'addr_admdvs', 'death_date'],
    [
      ['P0001', '1', utc(1980, 5, 10), 310, '11010519491231002X', '110101001001', null],
      // A date whose date format was lost: the bare day serial of 1990-02-20.
      ['P0002', '2', 25569 + Date.UTC(1990, 1, 20) / 86_400_000, 390, null, '110101001002', null],
    ],
    { brdy: DAY },
  );
  wb.getWorksheet('psn')!.getCell('C3').numFmt = 'General';
  sheet(
    wb,
    'setl',
    [
      'setl_id',
      'mdtrt_id',
      'psn_no',
      'fixmedins_code',
      'med_type',
      'begntime',
      'endtime',
      'dise_codg',
      'chfpdr_code',
      'medfee_sumamt',
      'hifp_pay',
      'acct_pay',
      'psn_cash_pay',
      'setl_time',
    ],
    [
      [
        'S001',
        'V001',
        'P0001',
        H1,
        '11',
        utc(2024, 3, 1, 9, 30),
        null,
        'J18.900',
        null,
        1234567.89,
        0.05,
        { formula: 'J2-K2', result: 1234567.84 },
        0,
        utc(2024, 3, 1),
      ],
    ],
    { begntime: TIME, setl_time: DAY },
  );
  const fee = sheet(
    wb,
    'feedetl',
    FEEDETL,
    [
      feeLine('0001', 2, 12.5, { formula: 'I2*J2', result: 25 }),
      // A code typed as a number, and a formula result with binary noise (3 × 0.05).
      feeLine(10002, 3, 0.05, { formula: 'I3*J3', result: 3 * 0.05 }),
    ],
    { fee_ocur_time: TIME },
  );
  // Trailing rows with formatting but no values are not rows of the table.
  fee.getRow(4).getCell(1).numFmt = '@';
  fee.getRow(5).getCell(2).value = '';
  sheet(
    wb,
    'HILIST',
    ['med_list_codg', 'name', 'list_type', 'chrgitm_lv', 'rx_flag', 'pric_uplmt_amt', 'lmt_age_min'],
    [['00100000601', '阿莫西林胶囊 "0.25g",盒', 'drug', '01', true, 12.5, 18]],
  );
  edit(wb);
  const path = join(await mkdtemp(join(tmpdir(), 'fg-xlsx-')), 'upload.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

const outDir = () => mkdtemp(join(tmpdir(), 'fg-xlsx-out-'));

async function withEngine<T>(f: (e: DuckDbEngine) => Promise<T>): Promise<T> {
  const e = await DuckDbEngine.open(':memory:');
  try {
    return await f(e);
  } finally {
    await e.close();
  }
}

async function conversionError(path: string, dir: string): Promise<DatasetError> {
  const err = await workbookToDataset(path, dir).catch((x: unknown) => x);
  expect(err).toBeInstanceOf(DatasetError);
  return err as DatasetError;
}

describe('workbookToDataset', () => {
  it('writes one CSV per table sheet that imports with codes, dates, times and amounts intact', async () => {
    const dir = await outDir();
    const result = await workbookToDataset(await workbook(), dir);
    expect(result.ignored).toEqual(['说明']);
    expect(result.tables).toEqual([
      { sheet: 'fixmedins', file: 'fixmedins.csv', rows: 1 },
      { sheet: 'psn', file: 'psn.csv', rows: 2 },
      { sheet: 'setl', file: 'setl.csv', rows: 1 },
      { sheet: 'feedetl', file: 'feedetl.csv', rows: 2 },
      { sheet: 'HILIST', file: 'hilist.csv', rows: 1 },
    ]);
    expect((await readdir(dir)).sort()).toEqual(['feedetl.csv', 'fixmedins.csv', 'hilist.csv', 'psn.csv', 'setl.csv']);
    expect((await readFile(join(dir, 'feedetl.csv'), 'utf8')).split('\n')).toEqual([
      FEEDETL.join(','),
      `0001,V001,S001,P0001,${H1},2024-03-01 10:15:30,00100000601,09,2,12.5,25,,7,RX01,,A01`,
      `10002,V001,S001,P0001,${H1},2024-03-01 10:15:30,00100000601,09,3,0.05,0.15,,7,RX01,,A01`,
      '',
    ]);
    expect(await readFile(join(dir, 'hilist.csv'), 'utf8')).toBe(
      'med_list_codg,name,list_type,chrgitm_lv,rx_flag,pric_uplmt_amt,lmt_age_min\n00100000601,"阿莫西林胶囊 ""0.25g"",盒",drug,01,1,12.5,18\n',
    );

    await withEngine(async (e) => {
      const report = await importDataset(e, dir, { inPlace: true });
      expect(report.applied).toBe(true);
      expect(report.rejectCount).toBe(0);
      expect(await e.all(`SELECT fixmedins_code, fixmedins_name, hosp_lv, admdvs, status_from FROM fixmedins`)).toEqual([
        { fixmedins_code: H1, fixmedins_name: '市第一人民医院', hosp_lv: 3, admdvs: '110101', status_from: null },
      ]);
      expect(await e.all(`SELECT psn_no, gend, CAST(brdy AS VARCHAR) AS brdy, insutype, certno FROM psn ORDER BY psn_no`)).toEqual([
        { psn_no: 'P0001', gend: '1', brdy: '1980-05-10', insutype: '310', certno: '11010519491231002X' },
        { psn_no: 'P0002', gend: '2', brdy: '1990-02-20', insutype: '390', certno: null },
      ]);
      expect(
        await e.all(`SELECT CAST(begntime AS VARCHAR) AS begntime, endtime, CAST(setl_time AS VARCHAR) AS setl_time,
          CAST(medfee_sumamt AS VARCHAR) AS total, CAST(hifp_pay AS VARCHAR) AS fund, CAST(acct_pay AS VARCHAR) AS acct FROM setl`),
      ).toEqual([
        {
          begntime: '2024-03-01 09:30:00',
          endtime: null,
          setl_time: '2024-03-01 00:00:00',
          total: '1234567.89',
          fund: '0.05',
          acct: '1234567.84',
        },
      ]);
      expect(
        await e.all(`SELECT feedetl_sn, med_list_codg, CAST(fee_ocur_time AS VARCHAR) AS t, CAST(cnt AS DOUBLE) AS cnt,
          CAST(pric AS DOUBLE) AS pric, CAST(det_item_fee_sumamt AS VARCHAR) AS amount, fulamt_ownpay_amt, prd_days FROM feedetl ORDER BY feedetl_sn`),
      ).toEqual([
        {
          feedetl_sn: '0001',
          med_list_codg: '00100000601',
          t: '2024-03-01 10:15:30',
          cnt: 2,
          pric: 12.5,
          amount: '25.00',
          fulamt_ownpay_amt: null,
          prd_days: 7,
        },
        {
          feedetl_sn: '10002',
          med_list_codg: '00100000601',
          t: '2024-03-01 10:15:30',
          cnt: 3,
          pric: 0.05,
          amount: '0.15',
          fulamt_ownpay_amt: null,
          prd_days: 7,
        },
      ]);
      expect(await e.all(`SELECT med_list_codg, name, rx_flag, CAST(pric_uplmt_amt AS DOUBLE) AS cap, lmt_age_min FROM hilist`)).toEqual([
        { med_list_codg: '00100000601', name: '阿莫西林胶囊 "0.25g",盒', rx_flag: '1', cap: 12.5, lmt_age_min: 18 },
      ]);
    });
  });

  it('reads an uncompressed workbook from a streaming writer, with long Chinese text split across reads', async () => {
    const path = join(await outDir(), 'stored.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, zip: { store: true } });
    const ws = wb.addWorksheet('hilist');
    ws.addRow(['med_list_codg', 'name', 'list_type', 'chrgitm_lv']).commit();
    // 3-byte characters over more than one 64 KiB read, at three different byte offsets.
    const names = ['', 'a', 'ab'].map((p) => p + '医保目录'.repeat(6000));
    names.forEach((n, i) => ws.addRow([`0010000060${i}`, n, 'drug', '01']).commit());
    ws.commit();
    await wb.commit();
    const dir = await outDir();
    expect((await workbookToDataset(path, dir)).tables).toEqual([{ sheet: 'hilist', file: 'hilist.csv', rows: 3 }]);
    expect((await readFile(join(dir, 'hilist.csv'), 'utf8')).split('\n').slice(1, 4)).toEqual(
      names.map((n, i) => `0010000060${i},${n},drug,01`),
    );
  });

  it('keeps sheet row numbers: the importer rejects text in a number column at the row Excel shows', async () => {
    const path = await workbook((wb) => {
      const fee = wb.getWorksheet('feedetl')!;
      // Row 4 blank (only formatted), row 5 with text for a quantity.
      fee.getRow(5).values = feeLine('0005', 'abc', 12.5, 25);
      fee.getRow(5).getCell(6).numFmt = TIME;
    });
    const dir = await outDir();
    const result = await workbookToDataset(path, dir);
    expect(result.tables.find((t) => t.sheet === 'feedetl')?.rows).toBe(4);
    await withEngine(async (e) => {
      const err = await importDataset(e, dir, { inPlace: true }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(ImportRejected);
      const rejects = (err as ImportRejected).report.rejects;
      expect(rejects).toContainEqual({ file: 'feedetl.csv', row: 5, column: 'cnt', value: 'abc', reason: 'not a number' });
      expect(rejects.filter((r) => r.row === 4).map((r) => r.column)).toContain('feedetl_sn');
      expect(rejects.some((r) => r.row === 2 || r.row === 3)).toBe(false);
    });
  });

  it('fails on a formula error, naming workbook, sheet, row and column, and leaves no CSV behind', async () => {
    const path = await workbook((wb) => {
      wb.getWorksheet('feedetl')!.getCell('I3').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const dir = await outDir();
    const err = await conversionError(path, dir);
    expect(err.message).toBe('upload.xlsx: sheet feedetl: row 3: column cnt: a formula error (=1/0)');
    expect(await readdir(dir)).toEqual([]);
  });

  it('fails on an error value, an empty header cell and a value beyond the header', async () => {
    const errorValue = await workbook((wb) => {
      wb.getWorksheet('psn')!.getCell('D3').value = { error: '#N/A' };
    });
    expect((await conversionError(errorValue, await outDir())).message).toBe(
      'upload.xlsx: sheet psn: row 3: column insutype: an error value (#N/A)',
    );
    const emptyHeader = await workbook((wb) => {
      wb.getWorksheet('setl')!.getCell('C1').value = null;
    });
    expect((await conversionError(emptyHeader, await outDir())).message).toBe(
      'upload.xlsx: sheet setl: row 1: column C: the header cell is empty',
    );
    const beyond = await workbook((wb) => {
      wb.getWorksheet('fixmedins')!.getCell('K2').value = '备注';
    });
    expect((await conversionError(beyond, await outDir())).message).toBe(
      'upload.xlsx: sheet fixmedins: row 2: a value in column K, beyond the 9 columns of the header',
    );
  });

  it('fails on two sheets for one table and on a workbook without a table sheet', async () => {
    const twice = await workbook((wb) => {
      sheet(wb, 'fee_list_d', ['bkkp_sn'], [['B1']]);
    });
    expect((await conversionError(twice, await outDir())).message).toBe(
      'upload.xlsx: sheets "feedetl" and "fee_list_d" both give table feedetl; a workbook holds one sheet per table',
    );

    const wb = new ExcelJS.Workbook();
    sheet(wb, 'Sheet1', ['a'], [[1]]);
    sheet(wb, '说明', ['b'], [['x']]);
    const none = join(await outDir(), 'none.xlsx');
    await wb.xlsx.writeFile(none);
    expect((await conversionError(none, await outDir())).message).toMatch(
      /^none\.xlsx: no sheet is a table of the exchange format .*; sheets found: "Sheet1", "说明"$/,
    );
  });
});
