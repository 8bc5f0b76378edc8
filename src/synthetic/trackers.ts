/**
 * What the generator remembers so that the background breaks no rule: a person's running drug supplies and
 * unit counts, and, per shard, admissions per (institution, day, community) and the pharmacies' settlement
 * slots. Each tracker answers "may I add this?" the way the rule it protects would judge the result.
 */

/** DUPLICATE_PRESCRIBING: supplies per drug group of one person (any institution). */
export class SupplyTracker {
  private readonly lines = new Map<string, number[]>(); // flat [time, day, end, …] per group

  constructor(private readonly remainingDays: number) {}

  /** Would a line of `group` at `time` (day `day`, supply `days`) make this or a later recorded line a duplicate? */
  conflicts(group: string, time: number, day: number, days: number): boolean {
    const xs = this.lines.get(group);
    if (!xs) return false;
    const end = day + days;
    for (let i = 0; i < xs.length; i += 3) {
      const t = xs[i]!;
      if (t < time && xs[i + 2]! - day > this.remainingDays) return true;
      if (t > time && end - xs[i + 1]! > this.remainingDays) return true;
    }
    return false;
  }

  /** Would a line at `time` with this supply make a line recorded after it a duplicate? */
  conflictsLater(group: string, time: number, day: number, days: number): boolean {
    const xs = this.lines.get(group);
    if (!xs) return false;
    for (let i = 0; i < xs.length; i += 3) if (xs[i]! > time && day + days - xs[i + 1]! > this.remainingDays) return true;
    return false;
  }

  /** Remaining days at `day` of the longest supply of `group` dispensed before `time`. */
  remaining(group: string, time: number, day: number): number {
    const xs = this.lines.get(group);
    let best = -Infinity;
    if (!xs) return best;
    for (let i = 0; i < xs.length; i += 3) if (xs[i]! < time) best = Math.max(best, xs[i + 2]! - day);
    return best;
  }

  /** Days on which lines of the group were dispensed. */
  daysOf(group: string): number[] {
    const xs = this.lines.get(group) ?? [];
    const out: number[] = [];
    for (let i = 1; i < xs.length; i += 3) out.push(xs[i]!);
    return out;
  }

  record(group: string, time: number, day: number, days: number): void {
    let xs = this.lines.get(group);
    if (!xs) this.lines.set(group, (xs = []));
    xs.push(time, day, day + days);
  }

  /** Groups with a supply still running more than `remainingDays` at `day`, for lines before `time`. */
  openGroups(time: number, day: number): string[] {
    const out: string[] = [];
    for (const [g, xs] of this.lines) {
      for (let i = 0; i < xs.length; i += 3) {
        if (xs[i]! < time && xs[i + 2]! - day > this.remainingDays && xs[i + 1]! < day) {
          out.push(g);
          break;
        }
      }
    }
    return out;
  }
}

/** FREQUENCY_EXCEEDED (per 7 days): units per item and day of one person, over all visits. */
export class WindowTracker {
  private readonly units = new Map<string, Map<number, number>>();

  constructor(private readonly windowDays: number) {}

  /** Would `n` more units on `day` push any window that contains the day above `limit`? */
  exceeds(item: string, day: number, n: number, limit: number): boolean {
    const byDay = this.units.get(item);
    for (let end = day; end < day + this.windowDays; end++) {
      let sum = n; // every window ending in [day, day + window) contains the day
      if (byDay) for (let d = end - this.windowDays + 1; d <= end; d++) sum += byDay.get(d) ?? 0;
      if (sum > limit) return true;
    }
    return false;
  }

  record(item: string, day: number, n: number): void {
    let byDay = this.units.get(item);
    if (!byDay) this.units.set(item, (byDay = new Map()));
    byDay.set(day, (byDay.get(day) ?? 0) + n);
  }
}

/** ADMISSION_CLUSTER: admissions per (institution, admission day, community) in one shard. */
export class ClusterTracker {
  private readonly counts = new Map<string, number>();
  /** Groups reserved for an injected cluster: no background admission may join them. */
  private readonly reserved = new Set<string>();

  private key(inst: number, day: number, community: number): string {
    return `${inst}:${day}:${community}`;
  }

  /** May one more background admission join the group without reaching `min` admissions? */
  allows(inst: number, day: number, community: number, min: number): boolean {
    const k = this.key(inst, day, community);
    return !this.reserved.has(k) && (this.counts.get(k) ?? 0) + 1 < min;
  }

  reserve(inst: number, day: number, community: number): void {
    this.reserved.add(this.key(inst, day, community));
  }

  record(inst: number, day: number, community: number): void {
    const k = this.key(inst, day, community);
    this.counts.set(k, (this.counts.get(k) ?? 0) + 1);
  }
}

/**
 * CARD_BURST: a pharmacy's settlements are placed in two-minute slots, at most one a slot, so no ten-minute
 * window (both ends included) can hold more than six. An injected burst reserves its slots and the ten minutes
 * either side.
 */
export class PharmacySlots {
  static readonly OPEN_SEC = 8 * 3600;
  static readonly SLOT_SEC = 120;
  static readonly SLOTS_PER_DAY = (14 * 3600) / 120; // 08:00–22:00
  private readonly taken = new Map<number, Uint8Array>();

  constructor(private readonly days: number) {}

  private map(inst: number): Uint8Array {
    let m = this.taken.get(inst);
    if (!m) this.taken.set(inst, (m = new Uint8Array(this.days * PharmacySlots.SLOTS_PER_DAY)));
    return m;
  }

  /** Takes the first free slot at or after `slot` on `day` (wrapping within the day); -1 when the day is full. */
  take(inst: number, day: number, slot: number): number {
    const m = this.map(inst);
    const base = day * PharmacySlots.SLOTS_PER_DAY;
    for (let k = 0; k < PharmacySlots.SLOTS_PER_DAY; k++) {
      const s = (slot + k) % PharmacySlots.SLOTS_PER_DAY;
      if (!m[base + s]) {
        m[base + s] = 1;
        return s;
      }
    }
    return -1;
  }

  /** Marks slots [from, to] of a day as used (for a burst and its quiet margin). */
  block(inst: number, day: number, from: number, to: number): void {
    const m = this.map(inst);
    const base = day * PharmacySlots.SLOTS_PER_DAY;
    for (let s = Math.max(0, from); s <= Math.min(PharmacySlots.SLOTS_PER_DAY - 1, to); s++) m[base + s] = 1;
  }

  isFree(inst: number, day: number, from: number, to: number): boolean {
    const m = this.map(inst);
    const base = day * PharmacySlots.SLOTS_PER_DAY;
    for (let s = Math.max(0, from); s <= Math.min(PharmacySlots.SLOTS_PER_DAY - 1, to); s++) if (m[base + s]) return false;
    return true;
  }

  static secondOf(day: number, slot: number): number {
    return day * 86_400 + PharmacySlots.OPEN_SEC + slot * PharmacySlots.SLOT_SEC;
  }
}
