/**
 * Days and order. Days are YYYY-MM-DD in the server's time zone (the bureau's), and calendar arithmetic on them
 * works in whole days and months. (Stored times have their format in src/store/db.ts: storeTime, isoTime.)
 */

/** The calendar day of a time, YYYY-MM-DD, in the server's time zone (the bureau's). */
export function dayOf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A day moved by whole days: calendar arithmetic on YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day `months` later, on the month's last day when it has no such day (08-31 + 6 months: 02-28 or 02-29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The last day of a period of `months` months starting on `from`. */
export function periodEnd(from: string, months: number): string {
  return addDays(addMonths(from, months), -1);
}

let seq = 0;
/** Orders records made within the same millisecond: the store sorts by this, not by the time. */
export function nextSeq(): number {
  seq = (seq + 1) % 1000;
  return Date.now() * 1000 + seq;
}
