import { describe, it, expect } from 'vitest';
import { parseCsv } from '../../src/synthetic/csv-reader.js';

const cells = (text: string) => parseCsv(text, 't.csv').map((r) => r.cells);

describe('parseCsv (RFC 4180)', () => {
  it('splits records and cells, with or without a final line break, LF or CRLF', () => {
    expect(cells('a,b,c\n1,2,3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(cells('a,b\r\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(cells('')).toEqual([]);
  });

  it('keeps empty cells, at the start, in the middle and at the end', () => {
    expect(cells(',x,,\n')).toEqual([['', 'x', '', '']]);
  });

  it('reads quoted cells with commas, doubled quotes and line breaks', () => {
    expect(cells('"a, b","say ""hi""","two\nlines",""\nnext,"x"\n')).toEqual([
      ['a, b', 'say "hi"', 'two\nlines', ''],
      ['next', 'x'],
    ]);
  });

  it('reads UTF-8 text and drops a leading byte-order mark', () => {
    expect(cells('\uFEFFname,price\n人血白蛋白 10g(20%,50ml),1\n"人血白蛋白 5g(20%,25ml)",2\n')).toEqual([
      ['name', 'price'],
      ['人血白蛋白 10g(20%', '50ml)', '1'],
      ['人血白蛋白 5g(20%,25ml)', '2'],
    ]);
  });

  it('gives the line each record starts on', () => {
    expect(parseCsv('h\n"a\nb"\nc\n', 't.csv').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('fails with the source and line on malformed quoting', () => {
    expect(() => parseCsv('a\n"open,b\nc\n', 'x.csv')).toThrow('x.csv, line 2: a quoted cell is not closed');
    expect(() => parseCsv('a\n"q"x,b\n', 'x.csv')).toThrow('x.csv, line 2: text after the closing quote of a cell');
    expect(() => parseCsv('a\nb"c\n', 'x.csv')).toThrow('x.csv, line 2: a quote inside an unquoted cell');
  });
});
