/**
 * Login rate limiting: after 5 failed attempts for one username, or 20 from one address, within 15 minutes,
 * further attempts are refused (429) until the oldest failure leaves the window. Kept in memory: one
 * process serves the workbench.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly perUser = 5,
    private readonly perAddress = 20,
    private readonly windowMs = 15 * 60_000,
  ) {}

  private recent(key: string, now: number): number[] {
    const xs = (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
    if (xs.length) this.failures.set(key, xs);
    else this.failures.delete(key);
    return xs;
  }

  /** Seconds to wait before another attempt, or 0 when one is allowed. */
  retryAfter(username: string, address: string, now = Date.now()): number {
    const u = this.recent(`u:${username.toLowerCase()}`, now);
    const a = this.recent(`a:${address}`, now);
    const wait = (xs: number[], max: number) => (xs.length >= max ? Math.ceil((xs[0]! + this.windowMs - now) / 1000) : 0);
    return Math.max(wait(u, this.perUser), wait(a, this.perAddress));
  }

  fail(username: string, address: string, now = Date.now()): void {
    for (const key of [`u:${username.toLowerCase()}`, `a:${address}`]) this.failures.set(key, [...this.recent(key, now), now]);
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username.toLowerCase()}`);
  }
}
