import dayjs from 'dayjs';
import type { Lang } from './types';

/** Number and date formats of a language: amounts in 元 with two decimals, counts with separators, dates YYYY-MM-DD. */
export interface Formatter {
  /** ¥12,345.67 */
  money: (n: number | null | undefined) => string;
  /** 12,345.67 (for "… 元" columns) */
  amount: (n: number | null | undefined) => string;
  /** 12,345 */
  count: (n: number | null | undefined) => string;
  /** A number as given, with separators and up to 4 decimals. */
  number: (n: number | null | undefined) => string;
  /** Short axis labels: 1.2万 / 12K. */
  compact: (n: number) => string;
  /** A share as a percentage: 0.1234 → 12.3% (digits after the point, 1 unless told). */
  percent: (n: number | null | undefined, digits?: number) => string;
  /** A relative change with its sign: 0.42 → +42.0%, −0.05 → −5.0%. */
  change: (n: number | null | undefined) => string;
  /** A number with a fixed number of decimals (z-scores, drugs per prescription). */
  fixed: (n: number | null | undefined, digits?: number) => string;
  /** A length of stay: 8.3 天 / 8.3 days. */
  days: (n: number | null | undefined) => string;
  /** An indicator's value by its unit: money ¥, ratio %, days, counts. */
  indicator: (unit: IndicatorUnit, n: number | null | undefined) => string;
  /** The same, short, for chart axes. */
  indicatorAxis: (unit: IndicatorUnit, n: number) => string;
  /** A file's size: 512 B, 12.3 KB, 4.5 MB. */
  bytes: (n: number | null | undefined) => string;
  date: (s: string | null | undefined) => string;
  dateTime: (s: string | null | undefined) => string;
}

/** How an indicator's values are measured (as in the contract's IndicatorSeries.unit). */
export type IndicatorUnit = 'count' | 'money' | 'ratio' | 'days';

export const DASH = '—';

export function makeFormatter(lang: Lang): Formatter {
  const locale = lang === 'en' ? 'en-US' : 'zh-CN';
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: 'CNY',
    currencyDisplay: 'narrowSymbol',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const short = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  const fixedFormats = new Map<number, Intl.NumberFormat>();
  const fixedOf = (digits: number) => {
    let f = fixedFormats.get(digits);
    if (!f) fixedFormats.set(digits, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits })));
    return f;
  };
  const percent = (n: number | null | undefined, digits = 1) => (ok(n) ? `${fixedOf(digits).format(n * 100)}%` : DASH);
  const days = (n: number | null | undefined) =>
    ok(n) ? (lang === 'en' ? `${fixedOf(1).format(n)} days` : `${fixedOf(1).format(n)} 天`) : DASH;
  return {
    money: (n) => (ok(n) ? money.format(n) : DASH),
    amount: (n) => (ok(n) ? amount.format(n) : DASH),
    count: (n) => (ok(n) ? count.format(n) : DASH),
    number: (n) => (ok(n) ? number.format(n) : DASH),
    compact: (n) => compact.format(n),
    percent,
    change: (n) => (ok(n) ? `${n > 0 ? '+' : n < 0 ? '−' : '±'}${fixedOf(1).format(Math.abs(n) * 100)}%` : DASH),
    fixed: (n, digits = 2) => (ok(n) ? fixedOf(digits).format(n) : DASH),
    days,
    indicator: (unit, n) => {
      if (unit === 'money') return ok(n) ? money.format(n) : DASH;
      if (unit === 'ratio') return percent(n);
      if (unit === 'days') return days(n);
      return ok(n) ? (Number.isInteger(n) ? count.format(n) : fixedOf(1).format(n)) : DASH;
    },
    indicatorAxis: (unit, n) => (unit === 'ratio' ? `${short.format(n * 100)}%` : unit === 'days' ? short.format(n) : compact.format(n)),
    bytes: (n) => {
      if (!ok(n)) return DASH;
      if (n < 1024) return `${count.format(n)} B`;
      return n < 1024 * 1024 ? `${fixedOf(1).format(n / 1024)} KB` : `${fixedOf(1).format(n / 1024 / 1024)} MB`;
    },
    date: (s) => formatDay(s, 'YYYY-MM-DD'),
    dateTime: (s) => formatDay(s, 'YYYY-MM-DD HH:mm'),
  };
}

function formatDay(s: string | null | undefined, pattern: string): string {
  if (!s) return DASH;
  if (pattern === 'YYYY-MM-DD' && /^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  const d = dayjs(s);
  return d.isValid() ? d.format(pattern) : s;
}

/** The first and last day of a month YYYY-MM, as YYYY-MM-DD. */
export function monthBounds(month: string): { from: string; to: string } {
  const d = dayjs(`${month}-01`);
  return { from: d.format('YYYY-MM-DD'), to: d.endOf('month').format('YYYY-MM-DD') };
}
