/** A one-line progress bar on a terminal (stderr); silent when stderr is not a TTY. */
export class ProgressBar {
  private readonly tty = process.stderr.isTTY === true;
  private last = '';

  update(label: string, done: number, total: number): void {
    if (!this.tty) return;
    const width = 28;
    const ratio = total > 0 ? Math.min(1, done / total) : 0;
    const filled = Math.round(ratio * width);
    const line = `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(Math.round(ratio * 100)).padStart(3)}% ${label}`;
    if (line === this.last) return;
    this.last = line;
    process.stderr.write(`\r\x1b[K${line.slice(0, (process.stderr.columns ?? 100) - 1)}`);
  }

  done(): void {
    if (this.tty && this.last) process.stderr.write('\r\x1b[K');
    this.last = '';
  }
}
