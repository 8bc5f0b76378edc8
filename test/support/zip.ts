/**
 * Zip archives written byte by byte for tests of untrusted workbooks: honest ones, and ones whose central directory
 * declares sizes other than what the entries inflate to. `bomb` makes a deflate stream of gigabytes in a few
 * megabytes without compressing gigabytes: one fully flushed block of a mebibyte of text, repeated, then a final block.
 */
import { writeFile } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The deflated bytes. */
  compressed: Buffer;
  /** The uncompressed size the archive declares. */
  size: number;
  crc?: number;
}

/** An honest part: `text` deflated, its true size declared. */
export function part(name: string, text: string): ZipPart {
  const data = Buffer.from(text, 'utf8');
  return { name, compressed: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/** `mib` mebibytes of `unit` repeated (between `head` and `tail`), deflated at about 1000:1. */
export function bomb(head: string, unit: string, mib: number, tail: string): { compressed: Buffer; size: number } {
  const block = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, Math.floor((1 << 20) / unit.length) * unit.length));
  const flushed = deflateRawSync(block, { finishFlush: constants.Z_FULL_FLUSH });
  const first = deflateRawSync(Buffer.from(head), { finishFlush: constants.Z_FULL_FLUSH });
  const last = deflateRawSync(Buffer.from(tail));
  const chunks = [first, ...Array.from({ length: mib }, () => flushed), last];
  return { compressed: Buffer.concat(chunks), size: head.length + block.length * mib + tail.length };
}

export async function writeZip(path: string, parts: ZipPart[]): Promise<void> {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(20, 4);
    h.writeUInt16LE(0x0800, 6);
    h.writeUInt16LE(8, 8);
    h.writeUInt32LE(p.crc ?? 0, 14);
    h.writeUInt32LE(p.compressed.length, 18);
    h.writeUInt32LE(p.size, 22);
    h.writeUInt16LE(name.length, 26);
    local.push(h, name, p.compressed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(p.crc ?? 0, 16);
    c.writeUInt32LE(p.compressed.length, 20);
    c.writeUInt32LE(p.size, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + p.compressed.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  await writeFile(path, Buffer.concat([...local, cd, end]));
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook (sheet `psn`) other than its sheet and shared strings. */
export function workbookParts(sheetName = 'psn'): ZipPart[] {
  return [
    part(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="${sheetName}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    part(
      'xl/_rels/workbook.xml.rels',
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    ),
  ];
}

export const SST_HEAD = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">`;
export const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

/** A sheet of rows of text cells (shared-string indexes given as numbers, inline text as strings). */
export function sheetXml(rows: Array<Array<string | number>>): string {
  const col = (i: number) => String.fromCharCode(65 + i);
  return (
    SHEET_HEAD +
    rows
      .map(
        (r, i) =>
          `<row r="${i + 1}">` +
          r
            .map((v, j) =>
              typeof v === 'number'
                ? `<c r="${col(j)}${i + 1}" t="s"><v>${v}</v></c>`
                : `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`,
            )
            .join('') +
          '</row>',
      )
      .join('') +
    SHEET_TAIL
  );
}
