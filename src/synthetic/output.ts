/**
 * Streaming CSV output: rows are appended to part files in large writes, so memory stays bounded whatever
 * the size of the city. Parts are later joined per table (and converted to Parquet when asked).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const FLUSH_AT = 1 << 20;

export class PartWriter {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w');
  }

  /** Appends one CSV row (without the newline). */
  row(line: string): void {
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size >= FLUSH_AT) this.flush();
  }

  flush(): void {
    if (this.buffer.length === 0) return;
    this.buffer.push('');
    writeSync(this.fd, this.buffer.join('\n'));
    this.buffer = [];
    this.size = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A text field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvText(s: string | null | undefined): string {
  if (s === null || s === undefined) return '';
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function money(x: number): string {
  return x.toFixed(2);
}

/** A quantity without needless decimals (3, 2.5, 0.25). */
export function qty(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10000) / 10000);
}
