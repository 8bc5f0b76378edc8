/** The login limiter over hours of simulated attacks (its clock is the test's): slowed and bounded, never a lockout. */
import { describe, expect, it } from 'vitest';
import { addressBucket, LoginLimiter } from '../../src/auth/rate-limit.js';

describe('the login limiter', () => {
  it('bounds guessing at one account from ever new addresses to one attempt in 5 seconds', () => {
    let now = 0;
    const limiter = new LoginLimiter({}, () => now);
    let allowed = 0;
    // An hour of a botnet trying every 100 ms, each time from a new address.
    for (let i = 0; i < 36_000; i++, now += 100) if (limiter.begin('victim', `198.18.${i >> 8}.${i & 255}`).wait === 0) allowed++;
    expect(allowed).toBeLessThanOrEqual(10 + 3600 / 5);
    expect(allowed).toBeGreaterThan(600);
  });

  it('lets the user in from the address they signed in from, during the attack and after it', () => {
    let now = 0;
    const limiter = new LoginLimiter({}, () => now);
    limiter.succeed(limiter.begin('victim', '10.0.0.7').ticket!);
    for (let i = 0; i < 1000; i++, now += 10) limiter.begin('victim', `198.18.0.${i & 255}`);
    expect(limiter.begin('victim', '10.0.0.8').wait).toBeGreaterThan(0);
    expect(limiter.begin('victim', '10.0.0.7').wait).toBe(0);
  });

  it('counts parallel attempts as they start, so a burst cannot pass the check together', () => {
    const limiter = new LoginLimiter({}, () => 1000);
    const burst = Array.from({ length: 50 }, () => limiter.begin('someone', '10.0.0.9'));
    expect(burst.filter((b) => b.wait === 0).length).toBe(5);
  });

  it('buckets IPv6 addresses by /64 and IPv4-mapped addresses as IPv4', () => {
    expect(addressBucket('2001:db8:1:2::5')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('2001:0db8:0001:0002:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(addressBucket('::1')).toBe('0:0:0:0::/64');
    expect(addressBucket('::ffff:10.0.0.1')).toBe('10.0.0.1');
    expect(addressBucket('10.0.0.1')).toBe('10.0.0.1');
  });
});
