/**
 * The generated period as day numbers. Times are seconds from the start of day 0 (local time, as the
 * exchange format has it); dates and times are formatted through tables so that writing millions of
 * timestamps stays cheap.
 */
const DAY = 86_400;

export class Calendar {
  /** Day 0 as a UTC date (the format's local time is written as is). */
  readonly start: Date;
  readonly days: number;
  /** First day number of each month of the period, and one past the last day. */
  readonly monthStarts: number[];
  private readonly dayText: string[] = [];
  private readonly monthOfDay: Uint16Array;

  constructor(
    startMonth: string,
    readonly months: number,
  ) {
    const m = /^(\d{4})-(\d{2})$/.exec(startMonth);
    if (!m) throw new Error(`start month must be YYYY-MM, not ${startMonth}`);
    this.start = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
    this.monthStarts = [];
    for (let i = 0; i <= months; i++) {
      const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1 + i, 1));
      this.monthStarts.push(Math.round((d.getTime() - this.start.getTime()) / 86_400_000));
    }
    this.days = this.monthStarts[months]!;
    // Dates a little past the period are formatted too (a stay may end after it in principle).
    const extra = 120;
    this.monthOfDay = new Uint16Array(this.days + extra);
    for (let d = 0; d < this.days + extra; d++) {
      this.dayText.push(isoDate(new Date(this.start.getTime() + d * 86_400_000)));
    }
    for (let i = 0; i < months; i++) {
      for (let d = this.monthStarts[i]!; d < this.monthStarts[i + 1]!; d++) this.monthOfDay[d] = i;
    }
    for (let d = this.days; d < this.days + extra; d++) this.monthOfDay[d] = months - 1;
  }

  /** YYYY-MM-DD of a day number inside (or shortly after) the period. */
  date(day: number): string {
    const t = this.dayText[day];
    if (t === undefined) return isoDate(new Date(this.start.getTime() + day * 86_400_000));
    return t;
  }

  /** YYYY-MM-DD HH:MM:SS of a time in seconds from day 0. */
  time(sec: number): string {
    const day = Math.floor(sec / DAY);
    return `${this.date(day)} ${clock()[sec - day * DAY]}`;
  }

  /** Month index (0-based, within the period) of a day. */
  monthOf(day: number): number {
    return this.monthOfDay[Math.min(Math.max(day, 0), this.monthOfDay.length - 1)]!;
  }

  /** Calendar month (1–12) of a month index. */
  calendarMonth(monthIndex: number): number {
    return ((this.start.getUTCMonth() + monthIndex) % 12) + 1;
  }

  /** YYYY-MM of a month index. */
  monthText(monthIndex: number): string {
    return this.date(this.monthStarts[monthIndex]!).slice(0, 7);
  }

  /** Whole years between a birth date (UTC ms) and a day of the period, the exchange format's way. */
  ageOn(birth: Date, day: number): number {
    const at = new Date(this.start.getTime() + day * 86_400_000);
    let age = at.getUTCFullYear() - birth.getUTCFullYear();
    const md = (at.getUTCMonth() + 1) * 100 + at.getUTCDate();
    const bmd = (birth.getUTCMonth() + 1) * 100 + birth.getUTCDate();
    if (md < bmd) age--;
    return age;
  }
}

export const SECONDS_PER_DAY = DAY;

const TWO = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let CLOCK: string[] | null = null;
/** HH:MM:SS of every second of a day (built once: cheaper than formatting millions of times). */
function clock(): string[] {
  if (!CLOCK) {
    CLOCK = new Array<string>(DAY);
    for (let s = 0; s < DAY; s++) CLOCK[s] = `${TWO[Math.floor(s / 3600)]}:${TWO[Math.floor(s / 60) % 60]}:${TWO[s % 60]}`;
  }
  return CLOCK;
}

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
