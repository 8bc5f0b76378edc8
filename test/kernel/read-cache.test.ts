/** The read cache: answers kept until the workspace changes, bounded, shared by concurrent asks, never stale. */
import { describe, expect, it } from 'vitest';
import { ReadCache } from '../../src/kernel/read-cache.js';

describe('ReadCache', () => {
  it('answers a repeated key from memory until invalidated', async () => {
    const cache = new ReadCache();
    let computed = 0;
    const read = () => cache.get('k', async () => ++computed);
    expect(await read()).toBe(1);
    expect(await read()).toBe(1);
    expect([cache.hits, cache.misses]).toEqual([1, 1]);
    cache.invalidate();
    expect(await read()).toBe(2);
  });

  it('shares one computation between concurrent asks', async () => {
    const cache = new ReadCache();
    let computed = 0;
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++computed), 20));
    const answers = await Promise.all([cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)]);
    expect(answers).toEqual([1, 1, 1]);
    expect(computed).toBe(1);
  });

  it('does not keep an answer that was being read when the workspace changed', async () => {
    const cache = new ReadCache();
    let release!: (v: string) => void;
    const before = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.invalidate();
    release('old');
    expect(await before).toBe('old');
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });

  it('does not keep failures', async () => {
    const cache = new ReadCache();
    await expect(cache.get('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await new Promise((r) => setTimeout(r, 0));
    expect(await cache.get('k', async () => 'fine')).toBe('fine');
  });

  it('drops the least recently used entries beyond its weight', async () => {
    const cache = new ReadCache(10);
    for (let i = 0; i < 10; i++) await cache.get(`k${i}`, async () => i);
    await cache.get('k0', async () => -1); // k0 is used again: k1 is now the oldest
    await cache.get(
      'heavy',
      async () => 'x',
      () => 5,
    );
    await new Promise((r) => setTimeout(r, 0));
    expect(cache.size).toBeLessThanOrEqual(6);
    expect(await cache.get('k0', async () => -1)).toBe(0);
    expect(await cache.get('k1', async () => -1)).toBe(-1);
  });
});
