/**
 * A minimal CSV reader (RFC 4180) for the data files kept with the sources (the catalogue's tables): cells are
 * separated by commas, records by LF or CRLF; a cell in double quotes may hold commas, line breaks and quotes
 * (written twice). The text is UTF-8 as read by the caller; a leading byte-order mark (as spreadsheet programs
 * write it) is dropped, and so is the line break after the last record. Anything else is an error naming the
 * source and the line: a quote inside an unquoted cell, text after a closing quote, a quote left open.
 * (output.ts writes CSV; this reads it.)
 */

/** One record: its cells, and the line of the text it starts on (1-based; a quoted line break spans lines). */
export interface CsvRecord {
  cells: string[];
  line: number;
}

export function parseCsv(text: string, source: string): CsvRecord[] {
  const s = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const fail = (line: number, what: string): never => {
    throw new Error(`${source}, line ${line}: ${what}`);
  };
  let line = 1;
  let i = 0;
  while (i < s.length) {
    const start = line;
    const cells: string[] = [];
    for (;;) {
      let cell = '';
      if (s[i] === '"') {
        const open = line;
        i++;
        for (;;) {
          if (i >= s.length) fail(open, 'a quoted cell is not closed');
          const ch = s[i]!;
          if (ch === '"') {
            if (s[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (ch === '\n') line++;
          cell += ch;
          i++;
        }
        if (i < s.length && s[i] !== ',' && s[i] !== '\n' && !(s[i] === '\r' && s[i + 1] === '\n')) {
          fail(line, 'text after the closing quote of a cell');
        }
      } else {
        while (i < s.length && s[i] !== ',' && s[i] !== '\n' && !(s[i] === '\r' && s[i + 1] === '\n')) {
          if (s[i] === '"') fail(line, 'a quote inside an unquoted cell (quote the cell and double the quote)');
          cell += s[i];
          i++;
        }
      }
      cells.push(cell);
      if (s[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    // At the end of the text or of a record (LF or CRLF).
    if (s[i] === '\r') i++;
    if (s[i] === '\n') {
      i++;
      line++;
    }
    records.push({ cells, line: start });
  }
  return records;
}
