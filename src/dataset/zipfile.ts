/**
 * A minimal reader of zip archives (an .xlsx workbook is one): the entries are found through the central
 * directory at the end of the file, and each is read on demand as a stream, inflated on the way. Only what
 * Office files use is supported: stored or deflated entries, ZIP64 sizes and offsets, no encryption.
 *
 * An archive is untrusted input: a few megabytes can inflate to gigabytes (a "zip bomb"). So the number of
 * entries, each entry's size, the sum of all sizes and the compression ratio are bounded (ZipLimits), first by
 * what the central directory declares, then while inflating: an entry that produces more than it declared is
 * cut off at once, never inflated whole first.
 */
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline, Readable, Transform, type TransformCallback } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** The uncompressed size the central directory declares; inflating is stopped when an entry gives more. */
  size: number;
  localHeaderOffset: number;
}

/** What an archive may hold. */
export interface ZipLimits {
  /** Entries in the archive. */
  maxEntries: number;
  /** Uncompressed bytes of one entry. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of an entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  /** Entries up to this size may have any ratio (a small, very regular part is harmless). */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/**
 * A bureau's workbook at Excel's own maximum (1,048,576 rows × ~30 columns) has a sheet part of about 1.1 GB; Office
 * parts compress 5–15× (a 200,000-line fee sheet: 8.6×). A bomb reaches ~1000×.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 2048 * MiB,
  maxTotalBytes: 4096 * MiB,
  maxRatio: 200,
  ratioFloorBytes: MiB,
};

export class ZipError extends Error {}
/** The archive is readable but exceeds a limit. */
export class ZipLimitError extends ZipError {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

export class ZipFile {
  /** Uncompressed bytes handed out so far, against limits.maxTotalBytes. */
  private inflated = 0;

  private constructor(
    readonly path: string,
    private readonly entries: Map<string, ZipEntry>,
    readonly limits: ZipLimits,
  ) {}

  /** Reads the central directory of the archive at `path`; refuses an archive whose declared sizes exceed the limits. */
  static async open(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipFile> {
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
      if (count > limits.maxEntries) throw new ZipLimitError(`${count} entries, more than the limit of ${limits.maxEntries}`);
      if (cdOffset + cdSize > size) throw new ZipError('damaged central directory');
      // The directory is read whole: a few hundred bytes an entry in real archives, 4 KB an entry allowed.
      if (cdSize > limits.maxEntries * 4096) {
        throw new ZipLimitError(`a central directory of ${mb(cdSize)}, more than the limit of ${mb(limits.maxEntries * 4096)}`);
      }
      const cd = await read(fh, cdOffset, cdSize);
      let declared = 0;
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
          size: cd.readUInt32LE(p + 24),
          localHeaderOffset: cd.readUInt32LE(p + 42),
        };
        zip64Extra(entry, cd.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
        if ((cd.readUInt16LE(p + 8) & 1) !== 0) throw new ZipError(`${entry.name}: encrypted entries are not supported`);
        checkEntry(entry, limits);
        declared += entry.size;
        if (declared > limits.maxTotalBytes) {
          throw new ZipLimitError(`the entries inflate to more than the limit of ${mb(limits.maxTotalBytes)} in all`);
        }
        // Part names of Office files are compared without regard to case (OPC); some writers add a leading slash.
        entries.set(normalise(entry.name), entry);
        p += 46 + nameLength + extraLength + cd.readUInt16LE(p + 32);
      }
      return new ZipFile(path, entries, limits);
    } finally {
      await fh.close();
    }
  }

  has(name: string): boolean {
    return this.entries.has(normalise(name));
  }

  /**
   * The entry's content, inflated, as UTF-8 text chunks (a character is never split between chunks). The stream
   * fails with a ZipLimitError as soon as the entry gives more than it declared or the archive's total is passed.
   * `maxBytes` bounds this entry further (a part that is held in memory).
   */
  async text(name: string, maxBytes = Infinity, what = name): Promise<Readable> {
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
    if (entry.method !== 0 && entry.method !== 8) throw new ZipError(`${entry.name}: compression method ${entry.method} is not supported`);
    if (entry.size > maxBytes) throw new ZipLimitError(`${what} inflates to ${mb(entry.size)}, more than the limit of ${mb(maxBytes)}`);
    const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const raw =
      entry.compressedSize === 0 ? Readable.from([]) : createReadStream(this.path, { start, end: start + entry.compressedSize - 1 });
    const limit = Math.min(entry.size, maxBytes);
    let given = 0;
    const counter = new Transform({
      transform: (chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback) => {
        given += chunk.length;
        this.inflated += chunk.length;
        if (given > limit) {
          done(
            new ZipLimitError(
              limit === entry.size
                ? `${what} inflates beyond the ${mb(entry.size)} its archive declares (a damaged or forged archive)`
                : `${what} inflates to more than the limit of ${mb(limit)}`,
            ),
          );
        } else if (this.inflated > this.limits.maxTotalBytes) {
          done(new ZipLimitError(`the entries inflate to more than the limit of ${mb(this.limits.maxTotalBytes)} in all`));
        } else done(null, chunk);
      },
    });
    const fail = (e: Error | null) => {
      if (e) counter.destroy(e);
    };
    const out: Readable = entry.method === 0 ? pipeline(raw, counter, fail) : pipeline(raw, createInflateRaw(), counter, fail);
    out.setEncoding('utf8');
    return out;
  }
}

function checkEntry(entry: ZipEntry, limits: ZipLimits): void {
  if (entry.size > limits.maxEntryBytes) {
    throw new ZipLimitError(`${entry.name} inflates to ${mb(entry.size)}, more than the limit of ${mb(limits.maxEntryBytes)} for one part`);
  }
  if (entry.method === 0 && entry.size !== entry.compressedSize) throw new ZipError(`${entry.name}: damaged entry (stored sizes differ)`);
  if (entry.size > limits.ratioFloorBytes && entry.size > entry.compressedSize * limits.maxRatio) {
    const ratio = Math.round(entry.size / Math.max(1, entry.compressedSize));
    throw new ZipLimitError(
      `${entry.name} inflates ${ratio}-fold (${mb(entry.compressedSize)} to ${mb(entry.size)}), more than the limit of ${limits.maxRatio}-fold`,
    );
  }
}

/** A size for messages: megabytes with one decimal below 10 MB. */
export function mb(bytes: number): string {
  const m = bytes / MiB;
  return `${m < 10 ? m.toFixed(1).replace(/\.0$/, '') : Math.round(m)} MB`;
}

function zip64Extra(entry: ZipEntry, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length;) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      // Present in this order, each only when its 32-bit field is saturated.
      if (entry.size === MAX32) {
        entry.size = Number(extra.readBigUInt64LE(r));
        r += 8;
      }
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
