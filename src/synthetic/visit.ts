/**
 * Builds the fee lines of one visit. Every line the background adds is checked the way the screening rules
 * would judge it (restrictions, price caps, item relations, counts per day and per seven days, running drug
 * supplies), so that a clean visit stays clean; injections add or change lines on purpose through `force`.
 */
import { CatalogueIndex, type LineContext } from './catalogue-index.js';
import type { Institution } from './city.js';
import type { Planned } from './model.js';
import type { Rng } from './random.js';
import { ageOnDay, type Person } from './population.js';
import type { SupplyTracker, WindowTracker } from './trackers.js';

export interface Line {
  /** Catalogue index, or -1 for an item missing from the catalogue. */
  item: number;
  code: string;
  chargeType: string;
  chrgitmLv: '01' | '02' | '03';
  cnt: number;
  pric: number;
  amt: number;
  own: number;
  time: number;
  day: number;
  prd: number | null;
  rxno: string | null;
  dr: string | null;
  dept: string | null;
  /** Index of the visit's settlement the line is settled in. */
  setl: number;
  /** Filled when written. */
  sn: string;
}

/** A visit being written: its lines' builder, its plan, where and for whom, the attending doctor and department, the
 * base of its prescription numbers and its random stream. */
export interface VisitContext {
  b: VisitBuilder;
  v: Planned;
  inst: Institution;
  person: Person;
  rng: Rng;
  attending: string | null;
  dept: string | null;
  rxBase: string;
}

export interface PersonTrackers {
  supply: SupplyTracker;
  window: WindowTracker;
}

/** Supply limits by med_type when the item has no max_days (the exchange format's defaults). */
export function defaultSupplyLimit(medType: string): number | null {
  switch (medType) {
    case '21':
      return null;
    case '13':
      return 3;
    case '14':
    case '41':
      return 28;
    default:
      return 7;
  }
}

const r2 = (x: number) => Math.round(x * 100) / 100;

const supplyCache = new WeakMap<CatalogueIndex, Map<number, number[]>>();
/** The item's usual days of supply within `limit` (cached: asked for every drug line). */
function supplyOptions(cat: CatalogueIndex, item: number, limit: number): number[] {
  let m = supplyCache.get(cat);
  if (!m) supplyCache.set(cat, (m = new Map()));
  const key = item * 1000 + limit;
  let xs = m.get(key);
  if (!xs) {
    xs = (cat.items[item]!.supplyDays ?? [3, 5, 7]).filter((d) => d <= limit && d > 0);
    if (!xs.length) xs = [Math.max(1, Math.min(limit, 3))];
    m.set(key, xs);
  }
  return xs;
}

export class VisitBuilder {
  readonly lines: Line[] = [];
  /** Units per item per day of this visit. */
  private readonly dayItems = new Map<number, Map<number, number>>();

  constructor(
    readonly cat: CatalogueIndex,
    readonly person: Person,
    readonly inst: Institution,
    readonly medType: string,
    readonly diagnoses: readonly string[],
    readonly trackers: PersonTrackers,
    readonly rng: Rng,
  ) {}

  private context: LineContext | null = null;

  /** The restriction context of a line on `day` (one object per visit; only the age can change with the day). */
  lineContext(day: number): LineContext {
    const age = ageOnDay(this.person, day);
    if (!this.context)
      this.context = { gend: this.person.gend, age, level: this.inst.level, medType: this.medType, diagnoses: this.diagnoses };
    else this.context.age = age;
    return this.context;
  }

  /** The supply limit of an item on this visit (null: none, inpatients). */
  supplyLimit(item: number): number | null {
    if (this.medType === '21') return null;
    return this.cat.items[item]!.maxDays ?? defaultSupplyLimit(this.medType);
  }

  /** A supply within the limit from the item's usual options. */
  supplyDays(item: number): number {
    if (this.medType === '21') return 1;
    const options = supplyOptions(this.cat, item, this.supplyLimit(item) ?? 7);
    return options.length === 1 ? options[0]! : this.rng.pick(options);
  }

  /** The price the institution charges: the cap for its level where there is one, else the usual price by level. */
  price(item: number): number {
    const cap = this.cat.capAt(item, this.inst.level);
    if (cap !== null)
      return this.inst.kind === 'private_hospital' || this.inst.kind === 'pharmacy'
        ? r2(Math.max(0.01, cap * (0.9 + 0.1 * this.rng.next())))
        : cap;
    const base = this.cat.items[item]!.price;
    const factor = this.inst.level === 3 ? 1 : this.inst.level === 2 ? 0.92 : this.inst.level === null ? 0.97 : 0.85;
    return r2(Math.max(0.01, base * factor));
  }

  unitsOn(day: number, item: number): number {
    return this.dayItems.get(day)?.get(item) ?? 0;
  }

  itemsOn(day: number): ReadonlyMap<number, number> {
    return this.dayItems.get(day) ?? new Map();
  }

  /** Would the line keep the visit clean? */
  canAdd(item: number, cnt: number, time: number, prd: number | null): boolean {
    const day = Math.floor(time / 86_400);
    if (!this.cat.allowed(item, this.lineContext(day))) return false;
    if (this.unitsOn(day, item) > 0) return false; // one line per item and day keeps counts and duplicates simple
    const it = this.cat.items[item]!;
    if (it.maxCntPerDay !== undefined && cnt > it.maxCntPerDay) return false;
    if (it.maxCntPer7d !== undefined && this.trackers.window.exceeds(it.code, day, cnt, it.maxCntPer7d)) return false;
    if (this.cat.inRelation(item) && this.relationConflict(item, day)) return false;
    if (this.cat.isDrugLike(item)) {
      if (this.trackers.supply.conflicts(this.cat.supplyGroup(item), time, day, prd ?? 0)) return false;
      const limit = this.supplyLimit(item);
      if (limit !== null && (prd ?? 0) > limit) return false;
    }
    return true;
  }

  /** An exclusive partner, the package of a part, a part of a package, or another part of the same package on the day. */
  relationConflict(item: number, day: number): boolean {
    const items = this.dayItems.get(day);
    if (!items) return false;
    for (const p of this.cat.exclusive.get(item) ?? []) if (items.has(p)) return true;
    const pkg = this.cat.bundleOfPart.get(item);
    if (pkg !== undefined) {
      if (items.has(pkg)) return true;
      for (const part of this.cat.partsOf.get(pkg) ?? []) if (items.has(part)) return true;
    }
    for (const part of this.cat.partsOf.get(item) ?? []) if (items.has(part)) return true;
    return false;
  }

  /** Adds a line if it keeps the visit clean; returns it, or null. */
  tryAdd(
    item: number,
    time: number,
    opts: { cnt?: number; prd?: number | null; rxno?: string | null; dr: string | null; dept: string | null },
  ): Line | null {
    const it = this.cat.items[item]!;
    const cnt = opts.cnt ?? this.rng.int(it.cnt[0], it.cnt[1]);
    const prd = this.cat.isDrugLike(item) ? (opts.prd ?? this.supplyDays(item)) : null;
    if (!this.canAdd(item, cnt, time, prd)) return null;
    return this.force(item, time, opts, cnt, prd);
  }

  /** Adds a line without checks (injections), recording it in the trackers. */
  force(
    item: number,
    time: number,
    opts: { cnt?: number; prd?: number | null; rxno?: string | null; dr: string | null; dept: string | null; pric?: number; own?: number },
    cntGiven?: number,
    prdGiven?: number | null,
  ): Line {
    const it = this.cat.items[item]!;
    const cnt = cntGiven ?? opts.cnt ?? this.rng.int(it.cnt[0], it.cnt[1]);
    const pric = opts.pric ?? this.price(item);
    const amt = r2(cnt * pric);
    const own = opts.own ?? (it.chrgitmLv === '03' || it.listType === 'non_medical' ? amt : 0);
    const day = Math.floor(time / 86_400);
    const drug = this.cat.isDrugLike(item);
    const prd = drug ? (prdGiven ?? opts.prd ?? this.supplyDays(item)) : null;
    const line: Line = {
      item,
      code: it.code,
      chargeType: it.chargeType,
      chrgitmLv: it.chrgitmLv,
      cnt,
      pric,
      amt,
      own,
      time,
      day,
      prd,
      rxno: drug ? (opts.rxno ?? null) : null,
      dr: opts.dr,
      dept: opts.dept,
      setl: 0,
      sn: '',
    };
    this.lines.push(line);
    this.note(line);
    return line;
  }

  /** Records a line in the visit-day map and the person's trackers. */
  note(line: Line): void {
    if (line.item < 0) return;
    let items = this.dayItems.get(line.day);
    if (!items) this.dayItems.set(line.day, (items = new Map()));
    items.set(line.item, (items.get(line.item) ?? 0) + line.cnt);
    const it = this.cat.items[line.item]!;
    if (it.maxCntPer7d !== undefined) this.trackers.window.record(it.code, line.day, line.cnt);
    if (this.cat.isDrugLike(line.item)) this.trackers.supply.record(this.cat.supplyGroup(line.item), line.time, line.day, line.prd ?? 0);
  }

  /** Takes a line out of the visit (its tracker records stay: they only make later checks stricter). */
  remove(line: Line): void {
    const i = this.lines.indexOf(line);
    if (i >= 0) this.lines.splice(i, 1);
    const items = this.dayItems.get(line.day);
    if (items && line.item >= 0) {
      const left = (items.get(line.item) ?? 0) - line.cnt;
      if (left > 0) items.set(line.item, left);
      else items.delete(line.item);
    }
  }

  /** A time on `day` after every line of the visit that day, before `bound` (null if there is no room). */
  timeAfter(day: number, bound: number): number | null {
    let last = day * 86_400 + 8 * 3600;
    for (const l of this.lines) if (l.day === day && l.time > last) last = l.time;
    const t = last + this.rng.int(20, 90);
    return t < bound && t < (day + 1) * 86_400 - 60 ? t : null;
  }

  /** Draws an item from a pool that can be added cleanly at `time`; tries a few times. */
  pickAndAdd(
    pool: readonly number[],
    time: number,
    opts: { dr: string | null; dept: string | null; rxno?: string | null; chargeType?: string },
    tries = 6,
  ): Line | null {
    if (pool.length === 0) return null;
    for (let k = 0; k < tries; k++) {
      const item = this.rng.pick(pool);
      if (opts.chargeType && this.cat.items[item]!.chargeType !== opts.chargeType) continue;
      const line = this.tryAdd(item, time, opts);
      if (line) return line;
    }
    return null;
  }
}
