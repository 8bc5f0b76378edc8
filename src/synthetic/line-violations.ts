/**
 * Injections that change or add fee lines of one visit. Each breaks exactly one rule: the item, price, days
 * or practitioner chosen satisfies every other rule, which the generator's tests check by screening.
 */
import type { CatalogueIndex, Restriction } from './catalogue-index.js';
import type { Institution } from './city.js';
import { VIOLATION_CODES, type Injector, type ViolationCode } from './violations.js';
import type { Line, VisitContext } from './visit.js';

/** What a line injection asks of the shard that plans the visit: its injector, and who is suspended when. */
export interface InjectionHost {
  readonly inj: Injector;
  suspendedDoctorAt(inst: Institution, day: number): string | null;
}

/** A visit being written, and the shard that plans it. */
export interface LineInjection extends VisitContext {
  shard: InjectionHost;
}

export interface LineHit {
  code: ViolationCode;
  /** The offending line (codes keyed by feedetl_sn). */
  line?: Line;
  /** The item of the key (codes keyed by visit or person and item). */
  item?: string;
  day?: number;
}

const r2 = (x: number) => Math.round(x * 100) / 100;
const pools = new WeakMap<CatalogueIndex, Map<string, number[]>>();

/** Item lists computed once per catalogue and key. */
function cached(cat: CatalogueIndex, key: string, compute: () => number[]): number[] {
  let m = pools.get(cat);
  if (!m) pools.set(cat, (m = new Map()));
  let xs = m.get(key);
  if (!xs) m.set(key, (xs = compute()));
  return xs;
}

/** Items whose only restriction is `only` (services unless drugs are allowed), without count limits or relations. */
function onlyRestricted(cat: CatalogueIndex, only: Restriction, drugsToo: boolean): number[] {
  return cached(cat, `${only}|${drugsToo}`, () => {
    const xs: number[] = [];
    for (let i = 0; i < cat.items.length; i++) {
      const it = cat.items[i]!;
      const r = cat.restrictions(i);
      if (r.length !== 1 || r[0] !== only || cat.hasCountLimit(i) || cat.inRelation(i) || it.role === 'surgery') continue;
      if (!drugsToo && cat.isDrugLike(i)) continue;
      if (it.listType === 'non_medical' || it.chrgitmLv === '03') continue;
      xs.push(i);
    }
    return xs;
  });
}

function itemsOfGroup(cat: CatalogueIndex, group: string): number[] {
  return cached(cat, `group|${group}`, () => {
    const xs: number[] = [];
    for (let i = 0; i < cat.items.length; i++) if (cat.isDrugLike(i) && cat.supplyGroup(i) === group) xs.push(i);
    return xs;
  });
}

/** Rolls every code once; of those that come up, tries them in random order and keeps the first that fits. */
export function injectLineViolation(c: LineInjection): LineHit | null {
  let rolled: ViolationCode[] | null = null;
  for (const code of LINE_CODES) if (c.shard.inj.roll(code, c.rng)) (rolled ??= []).push(code);
  if (!rolled) return null;
  for (let i = rolled.length - 1; i > 0; i--) {
    const j = c.rng.int(0, i);
    [rolled[i], rolled[j]] = [rolled[j]!, rolled[i]!];
  }
  for (const code of rolled) {
    const hit = INJECT[code]?.(c) ?? null;
    if (hit) return hit;
  }
  return null;
}

/** The last day of the visit with room for one more line, and that time. */
function room(c: LineInjection, day = c.v.day): number | null {
  const bound =
    c.v.setting === 'inpatient'
      ? day === c.v.endDay
        ? c.v.end - 30
        : (day + 1) * 86_400
      : c.v.setting === 'pharmacy'
        ? c.v.end - 2
        : (day + 1) * 86_400;
  return c.b.timeAfter(day, bound);
}

/** Adds `item` (breaking only `target`) to the visit; drugs get a supply within the limit. */
function addRestricted(c: LineInjection, item: number, target: Restriction): Line | null {
  const { b, rng } = c;
  const time = room(c);
  if (time === null) return null;
  const day = Math.floor(time / 86_400);
  if (b.cat.broken(item, b.lineContext(day)) !== target || b.unitsOn(day, item) > 0) return null;
  let prd: number | null = null;
  if (b.cat.isDrugLike(item)) {
    prd = b.supplyDays(item);
    if (b.trackers.supply.conflicts(b.cat.supplyGroup(item), time, day, prd)) return null;
  }
  const it = b.cat.items[item]!;
  return b.force(item, time, {
    cnt: rng.int(it.cnt[0], it.cnt[1]),
    prd,
    rxno: b.cat.isDrugLike(item) ? c.rxBase : null,
    dr: c.attending,
    dept: c.dept,
  });
}

/** Adds one of `candidates` that breaks `target` (and nothing else) on the visit's day: a hit for `code`. */
function pickBreaking(c: LineInjection, code: ViolationCode, candidates: readonly number[], target: Restriction): LineHit | null {
  const ctx = c.b.lineContext(c.v.day);
  const fitting = candidates.filter((i) => c.b.cat.broken(i, ctx) === target);
  if (!fitting.length) return null;
  const line = addRestricted(c, c.rng.pick(fitting), target);
  return line ? { code, line } : null;
}

/**
 * The injection of `code`: where the visit `fits`, an item whose only restriction is `target` (services, and drugs
 * too if `drugsToo`) added so that it breaks it.
 */
function restrictedOnly(
  code: ViolationCode,
  target: Restriction,
  drugsToo: boolean,
  fits: (c: LineInjection) => boolean,
): (c: LineInjection) => LineHit | null {
  return (c) => (fits(c) ? pickBreaking(c, code, onlyRestricted(c.b.cat, target, drugsToo), target) : null);
}

/** Lines of the visit that may be changed without touching another rule. */
function plainLines(c: LineInjection, pred: (l: Line) => boolean): Line[] {
  return c.b.lines.filter((l) => l.item >= 0 && pred(l));
}

/** A drug line of a visit outside hospital whose supply group appears once in the visit, with its supply limit. */
function soleDrugLine(c: LineInjection): { line: Line; limit: number } | null {
  if (!OUTSIDE_HOSPITAL.has(c.v.setting)) return null;
  const lines = soleDrugLines(c);
  if (!lines.length) return null;
  const line = c.rng.pick(lines);
  const limit = c.b.supplyLimit(line.item);
  return limit === null ? null : { line, limit };
}

/** Drug lines whose supply group appears once in the visit. */
function soleDrugLines(c: LineInjection): Line[] {
  const cat = c.b.cat;
  const count = new Map<string, number>();
  for (const l of c.b.lines)
    if (l.item >= 0 && cat.isDrugLike(l.item)) count.set(cat.supplyGroup(l.item), (count.get(cat.supplyGroup(l.item)) ?? 0) + 1);
  return c.b.lines.filter(
    (l) => l.item >= 0 && cat.isDrugLike(l.item) && count.get(cat.supplyGroup(l.item)) === 1 && !cat.hasCountLimit(l.item),
  );
}

const OUTSIDE_HOSPITAL = new Set(['outpatient', 'emergency', 'chronic', 'pharmacy']);

const INJECT: Partial<Record<ViolationCode, (c: LineInjection) => LineHit | null>> = {
  GENDER_RESTRICTED: restrictedOnly('GENDER_RESTRICTED', 'gend', false, (c) => c.v.setting !== 'pharmacy'),
  AGE_RESTRICTED: restrictedOnly('AGE_RESTRICTED', 'age', false, (c) => c.v.setting !== 'pharmacy'),
  INST_LEVEL_RESTRICTED: restrictedOnly('INST_LEVEL_RESTRICTED', 'level', false, (c) => c.inst.level !== null && c.inst.level < 3),
  MED_TYPE_RESTRICTED: restrictedOnly('MED_TYPE_RESTRICTED', 'med_type', true, (c) => !['inpatient', 'pharmacy'].includes(c.v.setting)),
  INDICATION_RESTRICTED: (c) => {
    const cat = c.b.cat;
    const candidates: number[] = [];
    for (let i = 0; i < cat.items.length; i++) {
      if (cat.items[i]!.lmtDisePrefixes && !cat.hasCountLimit(i) && !cat.inRelation(i) && cat.items[i]!.role !== 'surgery')
        candidates.push(i);
    }
    return pickBreaking(c, 'INDICATION_RESTRICTED', candidates, 'indication');
  },
  OVER_PRICE_CAP: (c) => {
    const cat = c.b.cat;
    const lines = plainLines(c, (l) => cat.capAt(l.item, c.inst.level) !== null && !cat.inRelation(l.item));
    if (!lines.length) return null;
    const line = c.rng.pick(lines);
    const cap = cat.capAt(line.item, c.inst.level)!;
    let pric = Math.ceil(cap * (1.1 + 0.4 * c.rng.next()) * 100) / 100;
    if (pric <= cap) pric = r2(cap + 0.01);
    const selfPaid = line.own === line.amt;
    line.pric = pric;
    line.amt = r2(line.cnt * pric);
    line.own = selfPaid ? line.amt : 0;
    return { code: 'OVER_PRICE_CAP', line };
  },
  NON_COVERED_BILLED: (c) => {
    const cat = c.b.cat;
    const variant = c.rng.next();
    const covered = plainLines(
      c,
      (l) => (cat.items[l.item]!.chrgitmLv === '03' || cat.items[l.item]!.listType === 'non_medical') && l.own === l.amt && l.amt > 0,
    );
    if (covered.length && variant < 0.5) {
      const line = c.rng.pick(covered);
      line.own = 0;
      return { code: 'NON_COVERED_BILLED', line };
    }
    if (c.v.setting === 'pharmacy') return null;
    // An item the catalogue does not list (a hospital's own code), billed to the fund.
    const time = room(c);
    if (time === null) return null;
    const pric = r2(20 + c.rng.next() * 180);
    const line: Line = {
      item: -1,
      code: `0099${String(c.rng.int(0, 99_999_999_999)).padStart(11, '0')}`,
      chargeType: '05',
      chrgitmLv: '01',
      cnt: 1,
      pric,
      amt: pric,
      own: 0,
      time,
      day: Math.floor(time / 86_400),
      prd: null,
      rxno: null,
      dr: c.attending,
      dept: c.dept,
      setl: 0,
      sn: '',
    };
    c.b.lines.push(line);
    return { code: 'NON_COVERED_BILLED', line };
  },
  OVER_DAYS_SUPPLY: (c) => {
    const sole = soleDrugLine(c);
    if (!sole) return null;
    const { line, limit } = sole;
    const prd = limit + c.rng.int(1, Math.max(1, Math.min(limit, 14)));
    const group = c.b.cat.supplyGroup(line.item);
    if (c.b.trackers.supply.conflicts(group, line.time, line.day, prd)) return null;
    line.prd = prd;
    c.b.trackers.supply.record(group, line.time, line.day, prd);
    return { code: 'OVER_DAYS_SUPPLY', line };
  },
  SPLIT_PRESCRIPTION: (c) => {
    const sole = soleDrugLine(c);
    if (!sole || sole.limit < 2) return null;
    const { line: first, limit } = sole;
    const p = Math.min(first.prd ?? 1, 7, limit);
    const q = c.rng.int(Math.max(1, limit - p + 1), limit);
    const time = room(c, first.day);
    if (time === null) return null;
    const group = c.b.cat.supplyGroup(first.item);
    if (c.b.trackers.supply.conflicts(group, time, first.day, q)) return null;
    first.prd = p;
    const second = c.b.force(first.item, time, {
      cnt: first.cnt,
      prd: q,
      rxno: `${c.rxBase}S`,
      dr: first.dr,
      dept: first.dept,
      pric: first.pric,
    });
    if (!first.rxno) first.rxno = c.rxBase;
    void second;
    return { code: 'SPLIT_PRESCRIPTION', item: first.code, day: first.day };
  },
  DUPLICATE_PRESCRIBING: (c) => {
    const { b } = c;
    const time = room(c);
    if (time === null) return null;
    const day = Math.floor(time / 86_400);
    const open = b.trackers.supply
      .openGroups(time, day)
      .filter((g) => !b.lines.some((l) => l.item >= 0 && b.cat.isDrugLike(l.item) && b.cat.supplyGroup(l.item) === g));
    if (!open.length) return null;
    const group = c.rng.pick(open);
    const ctx = b.lineContext(day);
    const items = itemsOfGroup(b.cat, group).filter((i) => b.cat.allowed(i, ctx) && !b.cat.hasCountLimit(i) && b.unitsOn(day, i) === 0);
    if (!items.length) return null;
    const item = c.rng.pick(items);
    const prd = b.supplyDays(item);
    // Only the earlier supply may be broken: no line recorded after this one may become a duplicate of it.
    if (b.trackers.supply.conflictsLater(group, time, day, prd)) return null;
    const line = b.force(item, time, { prd, rxno: c.rxBase, dr: c.attending, dept: c.dept });
    return { code: 'DUPLICATE_PRESCRIBING', line };
  },
  FREQUENCY_EXCEEDED: (c) => {
    const cat = c.b.cat;
    const perDay = plainLines(
      c,
      (l) => cat.items[l.item]!.maxCntPerDay !== undefined && cat.items[l.item]!.maxCntPer7d === undefined && !cat.inRelation(l.item),
    );
    if (perDay.length && (c.v.setting !== 'inpatient' || c.rng.chance(0.6))) {
      const line = c.rng.pick(perDay);
      const selfPaid = line.own === line.amt;
      line.cnt = cat.items[line.item]!.maxCntPerDay! + c.rng.int(1, 2);
      line.amt = r2(line.cnt * line.pric);
      line.own = selfPaid ? line.amt : 0;
      return { code: 'FREQUENCY_EXCEEDED', item: line.code };
    }
    if (c.v.setting !== 'inpatient') return null;
    // Seven-day limit: one unit a day on more consecutive days than the limit allows.
    const weekly: number[] = [];
    for (let i = 0; i < cat.items.length; i++) {
      const it = cat.items[i]!;
      if (
        it.maxCntPer7d !== undefined &&
        it.maxCntPer7d < 7 &&
        !cat.inRelation(i) &&
        it.settings.includes('inpatient') &&
        cat.restrictions(i).length === 0
      )
        weekly.push(i);
    }
    if (!weekly.length) return null;
    const item = c.rng.pick(weekly);
    const need = cat.items[item]!.maxCntPer7d! + 1;
    if (c.v.endDay - c.v.day + 1 < need) return null;
    const times: number[] = [];
    for (let d = c.v.day; d <= c.v.endDay && times.length < need; d++) {
      const t = c.b.unitsOn(d, item) > 0 ? null : room(c, d);
      if (t === null) {
        times.length = 0;
        continue;
      }
      times.push(t);
    }
    if (times.length < need) return null;
    for (const t of times) c.b.force(item, t, { cnt: 1, dr: c.attending, dept: c.dept });
    return { code: 'FREQUENCY_EXCEEDED', item: cat.items[item]!.code };
  },
  DUPLICATE_CHARGE: (c) => {
    const cat = c.b.cat;
    const { b, rng } = c;
    const variant = rng.next();
    if (variant < 0.4) {
      if (c.v.setting === 'pharmacy') return null;
      const lines = plainLines(c, (l) => !cat.isDrugLike(l.item) && !cat.hasCountLimit(l.item) && !cat.inRelation(l.item));
      if (!lines.length) return null;
      const line = rng.pick(lines);
      const copy: Line = { ...line, sn: '' };
      b.lines.push(copy);
      b.note(copy);
      return { code: 'DUPLICATE_CHARGE', item: line.code };
    }
    const related = plainLines(c, (l) => (variant < 0.7 ? cat.exclusive.has(l.item) : cat.partsOf.has(l.item)));
    if (!related.length) return null;
    const line = rng.pick(related);
    const partners = (variant < 0.7 ? cat.exclusive.get(line.item)! : cat.partsOf.get(line.item)!).filter(
      (i) => b.unitsOn(line.day, i) === 0 && cat.allowed(i, b.lineContext(line.day)),
    );
    if (!partners.length) return null;
    const partner = rng.pick(partners);
    const time = room(c, line.day);
    if (time === null) return null;
    b.force(partner, time, { cnt: 1, dr: line.dr, dept: line.dept });
    return { code: 'DUPLICATE_CHARGE', item: cat.items[partner]!.code };
  },
  UNBUNDLING: (c) => {
    const cat = c.b.cat;
    const { b, rng } = c;
    const packages = plainLines(c, (l) => cat.partsOf.has(l.item));
    if (!packages.length) return null;
    const pkg = rng.pick(packages);
    const cap = cat.capAt(pkg.item, c.inst.level);
    if (cap === null) return null;
    const parts = cat.partsOf.get(pkg.item)!.filter((i) => cat.allowed(i, b.lineContext(pkg.day)) && cat.capAt(i, c.inst.level) !== null);
    if (parts.length < 2) return null;
    const chosen: number[] = [];
    const shuffled = [...parts].sort(() => rng.next() - 0.5);
    let sum = 0;
    for (const p of shuffled) {
      chosen.push(p);
      sum += cat.capAt(p, c.inst.level)!;
      if (chosen.length >= 2 && sum > cap && rng.chance(0.6)) break;
    }
    if (chosen.length < 2 || r2(sum) <= cap) return null;
    b.remove(pkg);
    chosen.forEach((p, k) => b.force(p, pkg.time + k * 15, { cnt: 1, dr: pkg.dr, dept: pkg.dept, pric: cat.capAt(p, c.inst.level)! }));
    return { code: 'UNBUNDLING', item: pkg.code };
  },
  SUSPENDED_PRACTITIONER: (c) => {
    if (c.inst.type === '2') return null;
    const candidates = c.b.lines.filter((l) => c.shard.suspendedDoctorAt(c.inst, l.day) !== null);
    if (!candidates.length) return null;
    const line = c.rng.pick(candidates);
    line.dr = c.shard.suspendedDoctorAt(c.inst, line.day);
    return { code: 'SUSPENDED_PRACTITIONER', line };
  },
};

/** The codes a fee line can carry, in the order of VIOLATION_CODES (the order they are rolled in). */
const LINE_CODES = VIOLATION_CODES.filter((code) => INJECT[code] !== undefined);
