import { describe, expect, it } from 'vitest';
import { makeFormatter, monthBounds } from '../src/i18n/format';
import { zhCN } from '../src/i18n/zh-CN';
import { en } from '../src/i18n/en';

describe('formats', () => {
  it('shows amounts in 元 with separators and two decimals', () => {
    expect(makeFormatter('zh-CN').money(12345.6)).toBe('¥12,345.60');
    expect(makeFormatter('en').money(12345.678)).toBe('¥12,345.68');
    expect(makeFormatter('en').amount(1e6)).toBe('1,000,000.00');
    expect(makeFormatter('zh-CN').count(1234567)).toBe('1,234,567');
    expect(makeFormatter('zh-CN').money(null)).toBe('—');
  });

  it('shows dates as YYYY-MM-DD', () => {
    const f = makeFormatter('en');
    expect(f.date('2024-03-05')).toBe('2024-03-05');
    expect(f.date('2024-03-05T10:20:00')).toBe('2024-03-05');
    expect(f.dateTime('2024-03-05T10:20:00')).toBe('2024-03-05 10:20');
  });

  it('gives the days of a month', () => {
    expect(monthBounds('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthBounds('2023-12')).toEqual({ from: '2023-12-01', to: '2023-12-31' });
  });
});

describe('dictionaries', () => {
  it('have the same keys and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
    for (const [k, v] of [...Object.entries(zhCN), ...Object.entries(en)]) expect(v, k).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const k of Object.keys(zhCN) as Array<keyof typeof zhCN>) expect(vars(en[k]), k).toEqual(vars(zhCN[k]));
  });
});
