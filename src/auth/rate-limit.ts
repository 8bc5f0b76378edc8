/**
 * Login rate limiting, designed so that an attacker can slow guessing at an account but cannot lock its user out:
 *
 * - per (username, address): 5 failures within 15 minutes refuse that username from that address (429) until the
 *   oldest failure leaves the window. Someone guessing from X is stopped at X; the user signing in from Y is not.
 * - per address: 20 failures within 15 minutes, whatever the usernames, refuse that address (password spraying).
 * - per username, from all addresses together: once an account has 10 failures within 15 minutes, attempts on it
 *   are spaced 5 seconds apart (429 with a Retry-After of a few seconds, never a lockout), so guessing from many
 *   addresses is bounded to 180 attempts in 15 minutes per account. Addresses the account signed in from
 *   successfully in the last 30 days are exempt from this spacing (they still have the first two limits), so
 *   the user's usual address keeps working even while the account is attacked from elsewhere.
 *
 * An IPv6 address counts by its /64 (one host usually holds a whole /64), an IPv4-mapped IPv6 address as the IPv4.
 * An attempt counts as a failure from the moment it starts, and is taken back when it succeeds, so parallel
 * requests cannot pass the check together before the first failure is recorded. Kept in memory: one process
 * serves the workbench; a restart forgets the counts and the known addresses.
 */
import { isIPv4, isIPv6 } from 'node:net';

export interface LoginLimits {
  /** Failures of one username from one address within the window before that pair is refused. */
  perPair: number;
  /** Failures from one address within the window before the address is refused. */
  perAddress: number;
  /** Failures of one username from all addresses within the window before its attempts are spaced. */
  perAccount: number;
  /** The spacing of a busy account's attempts, in milliseconds. */
  accountDelayMs: number;
  windowMs: number;
  /** How long an address the account signed in from stays exempt from the spacing. */
  knownMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perPair: 5,
  perAddress: 20,
  perAccount: 10,
  accountDelayMs: 5_000,
  windowMs: 15 * 60_000,
  knownMs: 30 * 24 * 3600_000,
};

/** An allowed attempt, counted as a failure until it is reported a success. */
export interface LoginTicket {
  user: string;
  address: string;
  at: number;
}

/** The bucket an address counts in: an IPv6 address by its /64, an IPv4-mapped one as IPv4. */
export function addressBucket(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = ip.includes('::') ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t] : h;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  /** Per username: the address buckets it signed in from, with the time of the last success. */
  private readonly known = new Map<string, Map<string, number>>();
  private readonly limits: LoginLimits;

  constructor(
    limits: Partial<LoginLimits> = {},
    private readonly clock: () => number = Date.now,
  ) {
    this.limits = { ...DEFAULT_LOGIN_LIMITS, ...limits };
  }

  private recent(key: string, now: number): number[] {
    const xs = (this.failures.get(key) ?? []).filter((t) => now - t < this.limits.windowMs);
    if (xs.length) this.failures.set(key, xs);
    else this.failures.delete(key);
    return xs;
  }

  private keys(user: string, address: string) {
    return { pair: `p:${user}\u0000${address}`, address: `a:${address}`, account: `u:${user}` };
  }

  /**
   * Checks an attempt: the seconds to wait before another, or 0 and a ticket when it may go ahead. The attempt
   * counts as a failure until succeed(ticket).
   */
  begin(username: string, ip: string): { wait: number; ticket?: LoginTicket } {
    const now = this.clock();
    const user = username.toLowerCase();
    const address = addressBucket(ip);
    const k = this.keys(user, address);
    const { perPair, perAddress, perAccount, accountDelayMs, windowMs } = this.limits;
    const full = (xs: number[], max: number) => (xs.length >= max ? xs[xs.length - max]! + windowMs - now : 0);
    const pair = this.recent(k.pair, now);
    const addr = this.recent(k.address, now);
    const account = this.recent(k.account, now);
    let waitMs = Math.max(full(pair, perPair), full(addr, perAddress));
    if (account.length >= perAccount && !this.isKnown(user, address, now))
      waitMs = Math.max(waitMs, account.at(-1)! + accountDelayMs - now);
    if (waitMs > 0) return { wait: Math.ceil(waitMs / 1000) };
    if (this.failures.size > 100_000) this.sweep(now);
    for (const [key, xs] of [
      [k.pair, pair],
      [k.address, addr],
      [k.account, account],
    ] as const)
      this.failures.set(key, [...xs, now]);
    return { wait: 0, ticket: { user, address, at: now } };
  }

  /** The attempt succeeded: it is no longer a failure, the pair starts afresh and the address is known to the account. */
  succeed(ticket: LoginTicket): void {
    const k = this.keys(ticket.user, ticket.address);
    this.failures.delete(k.pair);
    for (const key of [k.address, k.account]) {
      const xs = this.failures.get(key);
      const i = xs?.lastIndexOf(ticket.at) ?? -1;
      if (xs && i >= 0) xs.splice(i, 1);
      if (xs && !xs.length) this.failures.delete(key);
    }
    const known = this.known.get(ticket.user) ?? new Map<string, number>();
    known.delete(ticket.address);
    known.set(ticket.address, this.clock());
    // The 20 most recent addresses of an account are enough; the oldest go first.
    while (known.size > 20) known.delete(known.keys().next().value!);
    this.known.set(ticket.user, known);
  }

  private isKnown(user: string, address: string, now: number): boolean {
    const at = this.known.get(user)?.get(address);
    return at !== undefined && now - at < this.limits.knownMs;
  }

  /** Drops every count that left the window (attackers choose the keys, so the map must not grow without end). */
  private sweep(now: number): void {
    for (const key of [...this.failures.keys()]) this.recent(key, now);
  }
}
