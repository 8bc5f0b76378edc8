/**
 * A minimal reader of zip archives (an .xlsx workbook is one): the entries are found through the central
 * directory at the end of the file, and each is read on demand as a stream, inflated on the way. Only what
 * Office files use is supported: stored or deflated entries, ZIP64 sizes and offsets, no encryption.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  localHeaderOffset: number;
}

export class ZipError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export class ZipFile {
  private constructor(
    readonly path: string,
    private readonly entries: Map<string, ZipEntry>,
  ) {}

  /** Reads the central directory of the archive at `path`. */
  static async open(path: string): Promise<ZipFile> {
    const fh = await open(path, 'r');
    try {
      const size = (await fh.stat()).size;
      const tailLength = Math.min(size, 22 + 0xffff);
      const tail = await read(fh, size - tailLength, tailLength);
      let at = -1;
      for (let i = tail.length - 22; i >= 0; i--)
        if (tail.readUInt32LE(i) === EOCD) {
          at = i;
          break;
        }
      if (at < 0) throw new ZipError('not a zip archive (no central directory)');
      let count = tail.readUInt16LE(at + 10);
      let cdSize = tail.readUInt32LE(at + 12);
      let cdOffset = tail.readUInt32LE(at + 16);
      if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
        const z = await read(fh, Number(tail.readBigUInt64LE(at - 12)), 56);
        if (z.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipError('damaged ZIP64 central directory');
        count = Number(z.readBigUInt64LE(32));
        cdSize = Number(z.readBigUInt64LE(40));
        cdOffset = Number(z.readBigUInt64LE(48));
      }
      const cd = await read(fh, cdOffset, cdSize);
      const entries = new Map<string, ZipEntry>();
      let p = 0;
      for (let k = 0; k < count; k++) {
        if (cd.readUInt32LE(p) !== CENTRAL) throw new ZipError('damaged central directory');
        const nameLength = cd.readUInt16LE(p + 28);
        const extraLength = cd.readUInt16LE(p + 30);
        const entry: ZipEntry = {
          name: cd.toString('utf8', p + 46, p + 46 + nameLength),
          method: cd.readUInt16LE(p + 10),
          compressedSize: cd.readUInt32LE(p + 20),
          localHeaderOffset: cd.readUInt32LE(p + 42),
        };
        const uncompressed32 = cd.readUInt32LE(p + 24);
        zip64Extra(entry, uncompressed32, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
        if ((cd.readUInt16LE(p + 8) & 1) !== 0) throw new ZipError(`${entry.name}: encrypted entries are not supported`);
        // Part names of Office files are compared without regard to case (OPC); some writers add a leading slash.
        entries.set(normalise(entry.name), entry);
        p += 46 + nameLength + extraLength + cd.readUInt16LE(p + 32);
      }
      return new ZipFile(path, entries);
    } finally {
      await fh.close();
    }
  }

  has(name: string): boolean {
    return this.entries.has(normalise(name));
  }

  /** The entry's content, inflated, as UTF-8 text chunks (a character is never split between chunks). */
  async text(name: string): Promise<Readable> {
    const entry = this.entries.get(normalise(name));
    if (!entry) throw new ZipError(`${name}: no such part in the archive`);
    const fh = await open(this.path, 'r');
    let header: Buffer;
    try {
      header = await read(fh, entry.localHeaderOffset, 30);
    } finally {
      await fh.close();
    }
    if (header.readUInt32LE(0) !== LOCAL) throw new ZipError(`${entry.name}: damaged entry header`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw =
      entry.compressedSize === 0 ? Readable.from([]) : createReadStream(this.path, { start, end: start + entry.compressedSize - 1 });
    let out: Readable;
    if (entry.method === 0) out = raw;
    else if (entry.method === 8) {
      const inflate = createInflateRaw();
      raw.on('error', (e: Error) => inflate.destroy(e));
      out = raw.pipe(inflate);
    } else throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported`);
    out.setEncoding('utf8');
    return out;
  }
}

function zip64Extra(entry: ZipEntry, uncompressed32: number, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      // Present in this order, each only when its 32-bit field is saturated.
      if (uncompressed32 === MAX32) r += 8;
      if (entry.compressedSize === MAX32) {
        entry.compressedSize = Number(extra.readBigUInt64LE(r));
        r += 8;
      }
      if (entry.localHeaderOffset === MAX32) entry.localHeaderOffset = Number(extra.readBigUInt64LE(r));
      return;
    }
    q += 4 + length;
  }
}

function normalise(name: string): string {
  return name.replace(/^\/+/, '').toLowerCase();
}

async function read(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  if (bytesRead < length) throw new ZipError('the archive is truncated');
  return buf;
}
