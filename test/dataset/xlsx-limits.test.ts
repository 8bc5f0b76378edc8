/**
 * Untrusted workbooks: what an .xlsx archive may inflate to, and what a workbook may hold, are bounded. Each case is a
 * small hand-made archive that goes past one limit; the conversion stops quickly with a WorkbookLimitError naming the
 * workbook and the limit, and writes nothing. A workbook made the same way within the limits converts.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKBOOK_LIMITS, WorkbookLimitError, workbookToDataset, type WorkbookLimits } from '../../src/dataset/xlsx-reader.js';
import { bomb, part, SHEET_HEAD, SHEET_TAIL, sheetXml, SST_HEAD, workbookParts, writeZip, type ZipPart } from '../support/zip.js';

const MiB = 1 << 20;

async function book(name: string, parts: ZipPart[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fg-xlsx-limits-'));
  const path = join(dir, name);
  await writeZip(path, [...workbookParts(), ...parts]);
  return path;
}

async function refusal(path: string, limits: WorkbookLimits = DEFAULT_WORKBOOK_LIMITS) {
  const out = await mkdtemp(join(tmpdir(), 'fg-xlsx-out-'));
  const started = performance.now();
  const err = await workbookToDataset(path, out, limits).catch((e: unknown) => e);
  const ms = performance.now() - started;
  expect(err).toBeInstanceOf(WorkbookLimitError);
  expect(await readdir(out)).toEqual([]);
  return { message: (err as Error).message, ms };
}

const header = part(
  'xl/worksheets/sheet1.xml',
  sheetXml([
    ['psn_no', 'gend'],
    [0, '1'],
  ]),
);
const small = (limits: Partial<WorkbookLimits>, zip: Partial<WorkbookLimits['zip']> = {}): WorkbookLimits => ({
  ...DEFAULT_WORKBOOK_LIMITS,
  ...limits,
  zip: { ...DEFAULT_WORKBOOK_LIMITS.zip, ...zip },
});

describe('limits of an untrusted workbook', () => {
  it('converts a hand-made workbook within the limits', async () => {
    const path = await book('ok.xlsx', [header, part('xl/sharedStrings.xml', `${SST_HEAD}<si><t>P0001</t></si></sst>`)]);
    const out = await mkdtemp(join(tmpdir(), 'fg-xlsx-out-'));
    expect((await workbookToDataset(path, out)).tables).toEqual([{ sheet: 'psn', file: 'psn.csv', rows: 1 }]);
  });

  it('refuses a shared-string table that inflates 400-fold at once, from the sizes the archive declares', async () => {
    // 2 GB of shared strings in about 5 MB: the workbook of issue 13 (4.7 MB) that exhausted the server's heap.
    const sst = bomb(SST_HEAD, '<si><t>a</t></si>', 2000, '</sst>');
    const path = await book('bomb.xlsx', [header, { name: 'xl/sharedStrings.xml', ...sst }]);
    const { message, ms } = await refusal(path);
    expect(message).toMatch(/^bomb\.xlsx: too large to read: xl\/sharedStrings\.xml inflates \d+-fold .*more than the limit of 200-fold$/);
    expect(ms).toBeLessThan(1000);
  });

  it('stops inflating an entry that gives more than its archive declares, at the declared size', async () => {
    // Declared as 20 MB (ratio 8, harmless); inflates to 300 MB.
    const sst = bomb(SST_HEAD, '<si><t>a</t></si>', 300, '</sst>');
    const path = await book('forged.xlsx', [header, { name: 'xl/sharedStrings.xml', compressed: sst.compressed, size: 20 * MiB }]);
    const { message, ms } = await refusal(path);
    expect(message).toBe(
      'forged.xlsx: too large to read: the shared-string table inflates beyond the 20 MB its archive declares (a damaged or forged archive)',
    );
    expect(ms).toBeLessThan(15_000);
  });

  it('refuses a shared-string table larger than its limit before inflating it', async () => {
    const sst = bomb(SST_HEAD, '<si><t>a</t></si>', 300, '</sst>');
    const path = await book('big.xlsx', [header, { name: 'xl/sharedStrings.xml', compressed: sst.compressed, size: 300 * MiB }]);
    const { message } = await refusal(path, small({}, { maxRatio: 1000 }));
    expect(message).toBe('big.xlsx: too large to read: the shared-string table inflates to 300 MB, more than the limit of 256 MB');
  });

  it('refuses more shared strings than the limit while they are read', async () => {
    const sst = bomb(SST_HEAD, '<si><t>a</t></si>', 1, '</sst>');
    const path = await book('many.xlsx', [header, { name: 'xl/sharedStrings.xml', ...sst }]);
    const { message } = await refusal(path, small({ maxSharedStrings: 10_000 }, { maxRatio: 1000 }));
    expect(message).toBe('many.xlsx: too large to read: the shared-string table holds more than the limit of 10,000 strings');
  });

  it('refuses a sheet that inflates past the per-part and total limits', async () => {
    const sheet = bomb(SHEET_HEAD, '<row/>', 40, SHEET_TAIL);
    const path = await book('sheet.xlsx', [{ name: 'xl/worksheets/sheet1.xml', ...sheet }]);
    expect((await refusal(path, small({}, { maxEntryBytes: 8 * MiB }))).message).toMatch(
      /^sheet\.xlsx: too large to read: xl\/worksheets\/sheet1\.xml inflates to 40 MB, more than the limit of 8 MB for one part$/,
    );
    expect((await refusal(path, small({}, { maxTotalBytes: 16 * MiB, maxRatio: 1000 }))).message).toBe(
      'sheet.xlsx: too large to read: the entries inflate to more than the limit of 16 MB in all',
    );
  });

  it('refuses too many entries, sheets, rows, columns and cells', async () => {
    const many = await book('entries.xlsx', [header, ...Array.from({ length: 20 }, (_, i) => part(`docProps/x${i}.xml`, '<x/>'))]);
    expect((await refusal(many, small({}, { maxEntries: 10 }))).message).toBe(
      'entries.xlsx: too large to read: 23 entries, more than the limit of 10',
    );

    const names = await book('names.xlsx', [
      header,
      ...Array.from({ length: 20 }, (_, i) => part(`docProps/${'n'.repeat(8000)}${i}.xml`, '<x/>')),
    ]);
    expect((await refusal(names, small({}, { maxEntries: 30 }))).message).toBe(
      'names.xlsx: too large to read: a central directory of 0.2 MB, more than the limit of 0.1 MB',
    );

    // A row numbered past Excel's last row would otherwise be preceded by a billion blank CSV rows.
    const far = await book('rows.xlsx', [
      part(
        'xl/worksheets/sheet1.xml',
        `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>psn_no</t></is></c></row><row r="2000000000"><c r="A2000000000" t="inlineStr"><is><t>P1</t></is></c></row>${SHEET_TAIL}`,
      ),
    ]);
    expect((await refusal(far)).message).toBe(
      'rows.xlsx: too large to read: sheet psn: row 2000000000, beyond the limit of 1,048,576 rows',
    );

    const wide = await book('wide.xlsx', [
      part(
        'xl/worksheets/sheet1.xml',
        `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>psn_no</t></is></c><c r="K1" t="inlineStr"><is><t>x</t></is></c></row>${SHEET_TAIL}`,
      ),
    ]);
    expect((await refusal(wide, small({ maxColumns: 10 }))).message).toBe(
      'wide.xlsx: too large to read: sheet psn: row 1 has 11 columns, more than the limit of 10',
    );

    const sheets = await book('sheets.xlsx', [header]);
    await writeZip(sheets, [
      part(
        'xl/workbook.xml',
        `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${[1, 2, 3].map((i) => `<sheet name="s${i}" sheetId="${i}" r:id="rId1"/>`).join('')}</sheets></workbook>`,
      ),
      ...workbookParts().slice(1),
      header,
    ]);
    expect((await refusal(sheets, small({ maxSheets: 2 }))).message).toBe(
      'sheets.xlsx: too large to read: 3 sheets, more than the limit of 2',
    );

    const rows = Array.from({ length: 200 }, (_, i) => [`P${i}`, '1']);
    const cells = await book('cells.xlsx', [part('xl/worksheets/sheet1.xml', sheetXml([['psn_no', 'gend'], ...rows]))]);
    expect((await refusal(cells, small({ maxCells: 300 }))).message).toBe(
      'cells.xlsx: too large to read: more than the limit of 300 cells',
    );
  });
});
