import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, expect } from 'vitest';
import { parseCsv } from '../../src/synthetic/csv-reader.js';
import { projectRoot } from '../../src/kernel/paths.js';
import { HERBS, parseTable, readTable, SERVICES, TABLES_DIR, WESTERN_DRUGS } from '../../src/synthetic/catalogue/tables.js';

const FILE = 'western-drugs.csv';
const lines = readFileSync(join(projectRoot(), TABLES_DIR, FILE), 'utf8').split('\n');
const header = lines[0]!;
const columns = header.split(',');

/** The first rows of the real table with one cell of row 3 (as a spreadsheet numbers rows) replaced. */
function withCell(column: string, value: string): string {
  const rows = lines.slice(0, 4).map((l) => parseCsv(l, FILE)[0]!.cells);
  rows[2]![columns.indexOf(column)] = value;
  return rows.map((cells) => cells.map((c) => (/[",]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join('\n');
}
const parse = (text: string) => parseTable(WESTERN_DRUGS, text, FILE);

describe('catalogue tables (tables/*.csv)', () => {
  it('reads a table from its file, as its text reads', () => {
    const rows = readTable(WESTERN_DRUGS);
    expect(rows.length).toBe(lines.filter(Boolean).length - 1);
    expect(parse(lines.slice(0, 4).join('\n'))).toEqual(rows.slice(0, 3));
    expect(rows[0]).toMatchObject({
      drugGroup: 'amlodipine',
      category: 'C08CA',
      price: 3.2,
      lv: '01',
      capped: true,
      rx: true,
      cnt: undefined,
    });
  });

  it('names the file, the row and the column of a bad cell', () => {
    expect(() => parse(withCell('price', '3,2'))).toThrow(`${FILE}, row 3, column price: expected a number such as 12 or 3.5 (cell "3,2")`);
    expect(() => parse(withCell('groups', 'cv xx'))).toThrow(`${FILE}, row 3, column groups: expected * or disease groups`);
    expect(() => parse(withCell('settings', 'OX'))).toThrow(`${FILE}, row 3, column settings: expected setting letters`);
    expect(() => parse(withCell('class', '4'))).toThrow(`${FILE}, row 3, column class: expected 1 (甲类), 2 (乙类) or 3 (丙类)`);
    expect(() => parse(withCell('capped', 'y'))).toThrow(`${FILE}, row 3, column capped: expected yes or an empty cell`);
    expect(() => parse(withCell('atc', 'C08C'))).toThrow(`${FILE}, row 3, column atc: expected a letter, 2 digits and 2 letters`);
    expect(() => parse(withCell('lmt_dise_prefixes', 'I48 S72'))).toThrow(
      `${FILE}, row 3, column lmt_dise_prefixes: expected 3-character ICD-10 prefixes`,
    );
    expect(() => parse(withCell('name', ' 阿司匹林'))).toThrow(`${FILE}, row 3, column name: has spaces at the start or the end`);
    expect(() => parse(withCell('cnt_min', '2'))).toThrow(`${FILE}, row 3, column cnt_max: must be given with cnt_min`);
  });

  it('checks the header and the number of cells', () => {
    expect(() => parse(header.replace(',price,', ',prices,'))).toThrow(
      `${FILE}, row 1, column 5: expected the header price, found "prices"`,
    );
    expect(() => parse(`${header},extra`)).toThrow(`${FILE}, row 1: ${columns.length + 1} columns`);
    expect(() => parse(`${header}\na,b`)).toThrow(`${FILE}, row 2: 2 cells, expected ${columns.length}`);
    expect(() => parse('')).toThrow(`${FILE}, row 1, column 1: expected the header section, found nothing`);
  });

  it('checks the cells of every kind of table', () => {
    const svc = (row: string) => parseTable(SERVICES, `${Object.keys(SERVICES.columns).join(',')}\n${row}`, 'services.csv');
    const good = 'X-ray,002101,03,exam,胸部X线摄影,80,1,,*,OEI,,,,,,,,,,,';
    expect(svc(good)[0]).toMatchObject({ codePrefix: '002101', chargeType: '03', role: 'exam', lv: '01', flatCap: false });
    expect(() => svc(good.replace(',exam,', ',scan,'))).toThrow('services.csv, row 2, column role: expected the role of a service');
    expect(() => svc(good.replace('002101', '2101'))).toThrow('services.csv, row 2, column code_prefix: expected 6 digits');
    const herb = (row: string) => parseTable(HERBS, `${Object.keys(HERBS.columns).join(',')}\n${row}`, 'herbs.csv');
    expect(herb('解表药,1,麻黄,0.08,1,re pe de,OI,3,9')[0]).toMatchObject({ category: 1, grams: [3, 9] });
    expect(() => herb('解表药,1,麻黄,0.08,1,re pe de,OI,9,3')).toThrow('herbs.csv, row 2, column grams_max: must not be below grams_min');
    expect(() => herb('解表药,1,麻黄,0.08,1,re pe de,OI,,3')).toThrow('herbs.csv, row 2, column grams_min: expected a whole number');
  });
});
