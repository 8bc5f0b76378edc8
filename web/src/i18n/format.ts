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
  date: (s: string | null | undefined) => string;
  dateTime: (s: string | null | undefined) => string;
}

export const DASH = '—';

export function makeFormatter(lang: Lang): Formatter {
  const locale = lang === 'en' ? 'en-US' : 'zh-CN';
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const amount = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 4 });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const ok = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);
  return {
    money: (n) => (ok(n) ? money.format(n) : DASH),
    amount: (n) => (ok(n) ? amount.format(n) : DASH),
    count: (n) => (ok(n) ? count.format(n) : DASH),
    number: (n) => (ok(n) ? number.format(n) : DASH),
    compact: (n) => compact.format(n),
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
