/**
 * The text encoding of a CSV file: UTF-8 (with or without BOM) or GB18030 (which includes GBK and GB2312), the two
 * encodings extracts from the national platform and Chinese office software come in.
 *
 * Detection looks at the sample discovery reads for the header anyway (the first 64 KiB): valid UTF-8 is UTF-8;
 * otherwise text that decodes as GB18030 without an error is GB18030; anything else is refused, naming the byte
 * offset and row. A sample of plain ASCII decides nothing: the file is read as UTF-8 (DuckDB checks every byte as
 * it reads) and only if DuckDB then meets a byte that is not UTF-8 is the file tried as GB18030. So a UTF-8 file
 * costs no pass beyond DuckDB's own read. A GB18030 file is transcoded to a temporary UTF-8 file in one streaming
 * pass (chunks, never the whole file in memory), which also verifies every byte, and DuckDB reads the copy.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';

export type TextEncoding = 'utf-8' | 'gb18030';

export interface Sniffed {
  /** The encoding the sample is in, or null when it is neither UTF-8 nor GB18030. */
  encoding: TextEncoding | null;
  /** The sample is plain ASCII (or empty): it does not tell UTF-8 from GB18030. */
  asciiOnly: boolean;
  /** When neither: why, and the data row of the first bad byte (the header is row 1). */
  problem?: { row: number; reason: string };
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Classifies the start of a file. `complete` says the sample is the whole file (a sample cut from a longer file may
 * end inside a character, which is not an error).
 */
export function sniffEncoding(sample: Uint8Array, complete: boolean): Sniffed {
  if (UTF8_BOM.every((b, i) => sample[i] === b)) return { encoding: 'utf-8', asciiOnly: false };
  const asciiOnly = sample.every((b) => b < 0x80);
  if (asciiOnly) return { encoding: 'utf-8', asciiOnly };
  const utf8Bad = firstInvalidByte(sample, 'utf-8', complete);
  if (utf8Bad === null) return { encoding: 'utf-8', asciiOnly };
  const gbBad = firstInvalidByte(sample, 'gb18030', complete);
  if (gbBad === null) return { encoding: 'gb18030', asciiOnly };
  const at = Math.max(utf8Bad, gbBad);
  return { encoding: null, asciiOnly, problem: { row: rowAt(sample, at), reason: neitherReason(sample, utf8Bad, gbBad) } };
}

function neitherReason(bytes: Uint8Array, utf8Bad: number, gbBad: number): string {
  const hex = (at: number) => `0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  return (
    `not UTF-8 or GB18030 text: byte ${hex(utf8Bad)} at byte offset ${utf8Bad} is not UTF-8 and byte ${hex(gbBad)} at byte offset ` +
    `${gbBad} is not GB18030; save the file as UTF-8`
  );
}

/**
 * Offset of the first byte at which `bytes` stop being valid text in the encoding, or null if they are valid. Found by
 * bisection over prefixes (a prefix decoded in stream mode fails exactly when it holds a complete invalid sequence).
 */
export function firstInvalidByte(bytes: Uint8Array, encoding: TextEncoding, complete = true): number | null {
  const fails = (n: number, stream: boolean) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, n), { stream });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length, !complete)) return null;
  if (!fails(bytes.length, true)) return unfinishedStart(bytes, encoding); // only an unfinished character at the very end
  let lo = 0;
  let hi = bytes.length; // fails(hi) is true, fails(lo) is false
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid, true)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

/** Where an unfinished character at the end of a complete file starts: the longest prefix that decodes (at most 3 bytes back). */
function unfinishedStart(bytes: Uint8Array, encoding: TextEncoding): number {
  for (let k = bytes.length - 1; k > Math.max(0, bytes.length - 4); k--) {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, k));
      return k;
    } catch {
      // still inside the unfinished character
    }
  }
  return Math.max(0, bytes.length - 4);
}

/** Row (the header is row 1) of the byte at `offset`: line breaks outside quoted values counted. */
function rowAt(bytes: Uint8Array, offset: number): number {
  return countRows(bytes.subarray(0, offset), { row: 1, inQuotes: false }).row;
}

function countRows(bytes: Uint8Array, state: { row: number; inQuotes: boolean }): { row: number; inQuotes: boolean } {
  let { row, inQuotes } = state;
  // Neither 0x22 (") nor 0x0A (\n) is ever part of a multi-byte character in UTF-8 or GB18030.
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x22) inQuotes = !inQuotes;
    else if (b === 0x0a && !inQuotes) row++;
  }
  return { row, inQuotes };
}

export interface TranscodeOptions {
  /** Bytes read at a time (default 1 MiB); tests make it small to split characters between chunks. */
  chunkSize?: number;
}

export type TranscodeResult = { ok: true; bytesRead: number } | { ok: false; row: number; offset: number; reason: string };

/**
 * Copies a GB18030 file to `dest` as UTF-8, chunk by chunk; a character split between two chunks is kept back by the
 * decoder until its last byte arrives. A GB18030 byte-order mark is dropped. Stops at the first byte that is not
 * GB18030 and says where it is (the partial copy is left for the caller to delete with its folder).
 */
export async function transcodeToUtf8(path: string, dest: string, options: TranscodeOptions = {}): Promise<TranscodeResult> {
  const chunkSize = options.chunkSize ?? 1 << 20;
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const out = createWriteStream(dest);
  const closed = once(out, 'close');
  let offset = 0;
  let lastBreak = -1; // offset of the last line feed decoded without error: a character boundary
  let first = true;
  let failed: { from: number; to: number } | null = null;
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: chunkSize }) as AsyncIterable<Buffer>) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        failed = { from: lastBreak + 1, to: offset + chunk.length };
        break;
      }
      if (first && text.length) {
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        first = false;
      }
      const nl = chunk.lastIndexOf(0x0a);
      if (nl !== -1) lastBreak = offset + nl;
      offset += chunk.length;
      if (text && !out.write(text)) await once(out, 'drain');
    }
    if (!failed) {
      try {
        const rest = decoder.decode();
        if (rest) out.write(rest);
      } catch {
        failed = { from: lastBreak + 1, to: offset };
      }
    }
  } finally {
    out.end();
    await closed;
  }
  if (!failed) return { ok: true, bytesRead: offset };
  return locateFailure(path, failed.from, failed.to);
}

/** Finds the bad byte between a line start and the end of the chunk that failed, and the row it is on. */
async function locateFailure(path: string, from: number, to: number): Promise<TranscodeResult> {
  const fh = await open(path, 'r');
  try {
    const region = Buffer.alloc(to - from);
    await fh.read(region, 0, region.length, from);
    const bad = from + (firstInvalidByte(region, 'gb18030', true) ?? region.length - 1);
    // The row: line breaks outside quotes from the start of the file to the bad byte (only on this failure path).
    let state = { row: 1, inQuotes: false };
    if (bad > 0)
      for await (const chunk of createReadStream(path, { end: bad - 1, highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        state = countRows(chunk, state);
      }
    const byte = region[bad - from] ?? 0;
    const reason = `not UTF-8 or GB18030 text: byte 0x${byte.toString(16).toUpperCase().padStart(2, '0')} at byte offset ${bad} is not GB18030 (and the file is not UTF-8); save the file as UTF-8`;
    return { ok: false, row: state.row, offset: bad, reason };
  } finally {
    await fh.close();
  }
}
