import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetName, writeWorkbook, type WorkbookColumn } from '../../src/reports/xlsx-writer.js';

process.env.TZ = 'Asia/Shanghai';

const FINDING_COLUMNS: WorkbookColumn[] = [
  { header: '规则代码 Rule', key: 'ruleCode', width: 26 },
  { header: '项目编码 Item', key: 'code' },
  { header: '日期 Day', key: 'day', format: 'date' },
  { header: '涉及金额 Amount (元)', key: 'amount', format: 'money' },
  { header: '数量 Count', key: 'n', format: 'int' },
];

async function* findings(n: number): AsyncGenerator<Record<string, unknown>> {
  for (let i = 1; i <= n; i++) {
    // Amounts as DuckDB gives decimals (text), days as text or Date, one row with empty cells.
    yield i === 7
      ? { ruleCode: 'OVER_PRICE_CAP', code: null, day: null, amount: null, n: null }
      : {
          ruleCode: 'OVER_PRICE_CAP',
          code: '00100000601',
          day: i % 2 ? '2024-03-01' : new Date(Date.UTC(2024, 2, 2)),
          amount: `${i}.50`,
          n: i * 1000,
        };
  }
}

async function readBack(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

describe('writeWorkbook', () => {
  it('writes sheets with a bold frozen filtered header, typed cells and number formats', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'fg-wb-')), 'out.xlsx');
    const result = await writeWorkbook(path, [
      { name: '疑点 Findings', columns: FINDING_COLUMNS, rows: findings(10_000) },
      {
        name: 'by rule: 2024/03 [all]?*',
        columns: [
          { header: 'Rule', key: 'rule' },
          { header: 'Amount', key: 'amount', format: 'money' },
        ],
        rows: [
          { rule: 'A', amount: 12.5 },
          { rule: 'B', amount: 1234567.891 },
        ],
      },
      { name: 'by rule: 2024/03 [all]?*', columns: [{ header: 'Note', key: 'note' }], rows: [{ note: '=1+1' }] },
    ]);
    expect(result).toEqual({
      rows: 10_003,
      sheets: [
        { name: '疑点 Findings', rows: 10_000, truncated: false },
        { name: 'by rule_ 2024_03 _all___', rows: 2, truncated: false },
        { name: 'by rule_ 2024_03 _all___ (2)', rows: 1, truncated: false },
      ],
    });

    const wb = await readBack(path);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['疑点 Findings', 'by rule_ 2024_03 _all___', 'by rule_ 2024_03 _all___ (2)']);
    const ws = wb.getWorksheet('疑点 Findings')!;
    expect(ws.rowCount).toBe(10_001);
    expect(ws.getRow(1).values).toEqual([undefined, '规则代码 Rule', '项目编码 Item', '日期 Day', '涉及金额 Amount (元)', '数量 Count']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBe('A1:E10001');
    expect(ws.getColumn(1).width).toBe(26);

    const row = (r: number) => [2, 3, 4, 5].map((c) => ws.getRow(r).getCell(c).value);
    expect(row(2)).toEqual(['00100000601', '2024-03-01', 1.5, 1000]);
    expect(row(3)).toEqual(['00100000601', '2024-03-02', 2.5, 2000]);
    expect(row(8)).toEqual([null, null, null, null]);
    expect(row(10_001)).toEqual(['00100000601', '2024-03-02', 10_000.5, 10_000_000]);
    expect(ws.getCell('D2').numFmt).toBe('#,##0.00');
    expect(ws.getCell('E2').numFmt).toBe('#,##0');
    expect(ws.getCell('C2').type).toBe(ExcelJS.ValueType.String);

    const second = wb.worksheets[1]!;
    expect(second.getCell('B3').value).toBe(1234567.891);
    expect(second.getCell('B3').numFmt).toBe('#,##0.00');
    // Text that looks like a formula stays text.
    expect(wb.worksheets[2]!.getCell('A2').value).toBe('=1+1');
  });

  it('stops a sheet at the row limit, reports the truncation and closes the row source', async () => {
    let closed = false;
    let produced = 0;
    async function* rows() {
      try {
        for (let i = 1; i <= 8; i++, produced++) yield { rule: `R${i}` };
      } finally {
        closed = true;
      }
    }
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise((resolve) => out.on('end', resolve));
    const result = await writeWorkbook(
      out,
      [
        { name: 'a', columns: [{ header: 'Rule', key: 'rule' }], rows: rows() },
        { name: 'b', columns: [{ header: 'Rule', key: 'rule' }], rows: [{ rule: 'X' }, { rule: 'Y' }] },
      ],
      { maxRows: 5 },
    );
    await done;
    // Read one row past the limit (to know that there was more), then stopped.
    expect(produced).toBe(5);
    expect(closed).toBe(true);
    expect(result).toEqual({
      rows: 7,
      sheets: [
        { name: 'a', rows: 5, truncated: true },
        { name: 'b', rows: 2, truncated: false },
      ],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('a')!.getColumn(1).values).toEqual([undefined, 'Rule', 'R1', 'R2', 'R3', 'R4', 'R5']);
    expect(wb.getWorksheet('b')!.getColumn(1).values).toEqual([undefined, 'Rule', 'X', 'Y']);
  });
});

describe('sheetName', () => {
  it('keeps names within 31 characters, without forbidden characters, unique without regard to case', () => {
    const taken = new Set<string>();
    expect(sheetName('医保基金监管 统计 按机构 按月份 按规则 汇总表 二〇二四年度报告', taken)).toBe(
      '医保基金监管 统计 按机构 按月份 按规则 汇总表 二〇二四年',
    );
    expect(sheetName('Stats', taken)).toBe('Stats');
    expect(sheetName('stats', taken)).toBe('stats (2)');
    expect(sheetName("'quoted'", taken)).toBe('quoted');
    expect(sheetName('', taken)).toBe('Sheet_');
    expect(sheetName('History', taken)).toBe('History_');
    expect(sheetName('医保基金监管 统计 按机构 按月份 按规则 汇总表 二〇二四年度报告', taken)).toBe(
      '医保基金监管 统计 按机构 按月份 按规则 汇总表 二 (2)',
    );
  });
});
