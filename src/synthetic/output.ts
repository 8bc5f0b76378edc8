/**
 * Streaming CSV output: rows are appended to part files through a large buffer, so memory stays bounded
 * whatever the size of the city. Parts are later joined per table (and converted to Parquet when asked).
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const BUFFER_BYTES = 1 << 22;

export class PartWriter {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;
  rows = 0;

  /** `ascii`: every row is plain ASCII (ids, codes, numbers), written without UTF-8 encoding. */
  constructor(
    readonly path: string,
    private readonly ascii = false,
  ) {
    this.fd = openSync(path, 'w');
  }

  /** Appends one CSV row (without the newline). */
  row(line: string): void {
    // Worst case three bytes a UTF-16 unit, plus the newline.
    if (this.used + line.length * (this.ascii ? 1 : 3) + 1 > BUFFER_BYTES) this.flush();
    if (line.length * 3 + 1 > BUFFER_BYTES) {
      writeSync(this.fd, `${line}\n`);
    } else {
      this.used += this.buffer.write(line, this.used, this.ascii ? 'latin1' : 'utf8');
      this.buffer[this.used++] = 10;
    }
    this.rows++;
  }

  flush(): void {
    if (this.used === 0) return;
    writeSync(this.fd, this.buffer, 0, this.used);
    this.used = 0;
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

const TWO = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));

/** An amount with two decimals (faster than toFixed for the millions of amounts a city has). */
export function money(x: number): string {
  let c = Math.round(x * 100);
  const neg = c < 0;
  if (neg) c = -c;
  const units = Math.floor(c / 100);
  return `${neg ? '-' : ''}${units}.${TWO[c - units * 100]}`;
}

/** A quantity without needless decimals (3, 2.5, 0.25). */
export function qty(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 10000) / 10000);
}
