/**
 * One shard of the synthetic city: the persons of one district, their visits, fee lines, settlements,
 * diagnoses, identity checks and pharmacy sales, then the district's pharmacy purchases and stocktakes.
 * Shards share nothing but the city and the catalogue (rebuilt from the seed), and persons use their own
 * district's pharmacies and clinics, so every tracker the background needs is local to the shard.
 */
import { join } from 'node:path';
import { Calendar, SECONDS_PER_DAY as DAY } from './calendar.js';
import { CatalogueIndex } from './catalogue-index.js';
import { buildCatalogue } from './catalogue.js';
import { buildCity, type City, type District, type Institution } from './city.js';
import { DISEASE_GROUPS } from './diseases.js';
import { MED_TYPE_OF, type Diagnosis, type DiseaseGroup, type Planned, type Setting } from './model.js';
import { money, PartWriter, qty } from './output.js';
import { settle } from './policy.js';
import { ageOnDay, makePerson, type Person } from './population.js';
import { Rng, WeightedTable } from './random.js';
import { ClusterTracker, PharmacySlots, SupplyTracker, WindowTracker } from './trackers.js';
import { Injector, LabelWriter, type ViolationCode } from './violations.js';
import { defaultSupplyLimit, VisitBuilder, type Line, type PersonTrackers, type VisitContext } from './visit.js';
import { StockLedger } from './stock.js';
import { injectLineViolation } from './line-violations.js';

export interface ShardOptions {
  seed: number;
  persons: number;
  months: number;
  startMonth: string;
  violationRate: number;
  district: number;
  /** Directory for this shard's part files. */
  partsDir: string;
}

export interface ShardResult {
  district: number;
  rows: Record<string, number>;
  labels: Record<string, number>;
}

/** The kinds of id a shard numbers: visits, settlements, fee lines, sale documents, identity checks, prescriptions. */
type IdKind = 'mdtrt' | 'setl' | 'fee' | 'rtal' | 'auth' | 'rx';

const SETTLE_CODES: ViolationCode[] = ['SUSPENDED_INSTITUTION', 'CARD_BURST'];
const SETTING_INDEX: Record<Setting, number> = { outpatient: 0, emergency: 1, chronic: 2, inpatient: 3, pharmacy: 4 };
const OUTPATIENT_SEASON = [1.25, 1.15, 1.05, 0.95, 0.9, 0.85, 0.9, 0.9, 0.95, 1.0, 1.05, 1.2];
const ZEROS = Array.from({ length: 16 }, (_, i) => '0'.repeat(i));
const pad = (n: number, w: number) => {
  const s = String(n);
  return s.length >= w ? s : ZEROS[w - s.length] + s;
};

/** Admissions per person-year by age. */
function admissionRate(age: number, gend: string): number {
  let r = age < 5 ? 0.12 : age < 15 ? 0.05 : age < 45 ? 0.05 : age < 60 ? 0.1 : age < 70 ? 0.18 : age < 80 ? 0.28 : 0.4;
  if (gend === '2' && age >= 20 && age < 40) r += 0.06;
  return r;
}
function outpatientRate(age: number): number {
  return age < 5 ? 7 : age < 15 ? 5 : age < 45 ? 3 : age < 65 ? 4 : 6;
}

export class Shard {
  readonly calendar: Calendar;
  readonly city: City;
  readonly cat: CatalogueIndex;
  readonly district: District;
  readonly inj: Injector;
  private readonly groups: readonly DiseaseGroup[] = DISEASE_GROUPS;
  private readonly out: Record<string, PartWriter>;
  readonly labels: LabelWriter;
  private readonly clusters = new ClusterTracker();
  private readonly slots: PharmacySlots;
  private readonly stock: StockLedger;
  private readonly seq: Record<IdKind, number> = { mdtrt: 0, setl: 0, fee: 0, rtal: 0, auth: 0, rx: 0 };
  private readonly fixed = new Map<number, Planned[]>();
  /** Ids carry the district and the first month (YYMM), as the platform's do: cities of other periods never collide. */
  private readonly idPrefix: string;
  private persons: Person[] = [];
  /** Admissions of the current person left without their identity check (UNVERIFIED_ADMISSION). */
  private unverified: Planned[] = [];
  // Institutions the district's persons use.
  private readonly level3: Institution[];
  private readonly level2: Institution[];
  private readonly privates: Institution[];
  private readonly pharmacies: Institution[];
  private readonly suspendedHere: Institution[];

  constructor(readonly opts: ShardOptions) {
    const world = worldOf(opts);
    this.calendar = world.calendar;
    this.city = world.city;
    this.cat = world.cat;
    this.district = this.city.districts[opts.district]!;
    this.idPrefix = `${this.district.admdvs}${opts.startMonth.slice(2, 4)}${opts.startMonth.slice(5, 7)}`;
    this.inj = new Injector(opts.violationRate);
    const d = this.district.index;
    const insts = this.city.institutions;
    this.level3 = insts.filter((i) => i.level === 3);
    this.level2 = insts.filter((i) => i.district === d && i.level === 2 && i.kind === 'public_hospital');
    this.privates = insts.filter((i) => i.district === d && i.kind === 'private_hospital');
    this.pharmacies = insts.filter((i) => i.district === d && i.kind === 'pharmacy');
    this.suspendedHere = insts.filter((i) => i.district === d && i.status !== 'normal');
    const tables = ['psn', 'setl', 'diag', 'feedetl', 'idauth', 'inv_sale', 'inv_purc', 'inv_stock'];
    this.out = Object.fromEntries(tables.map((t) => [t, new PartWriter(join(opts.partsDir, `${t}.${pad(d, 3)}.csv`), t !== 'inv_purc')]));
    this.labels = new LabelWriter(join(opts.partsDir, `labels.${pad(d, 3)}.csv`));
    this.slots = new PharmacySlots(this.calendar.days + 1);
    this.stock = new StockLedger(this.cat, opts.seed, d, this.inj);
  }

  run(): ShardResult {
    const rng = new Rng(this.opts.seed, 0x5ad, this.district.index);
    for (const street of this.district.streets) {
      for (const community of street.communities) {
        for (let k = 0; k < community.persons; k++) {
          this.persons.push(
            makePerson(this.opts.seed, this.city, this.calendar, this.groups, this.district, street, community, community.firstPerson + k),
          );
        }
      }
    }
    for (const p of this.persons) this.writePerson(p);
    this.planClusters(rng);
    this.planBursts(rng);
    this.planAfterDeath(rng);
    for (const p of this.persons) {
      const prng = new Rng(this.opts.seed, 0x7a, p.index);
      const trackers: PersonTrackers = { supply: new SupplyTracker(7), window: new WindowTracker(7) };
      for (const v of this.planTimeline(p, prng)) this.emit(p, v, prng, trackers);
    }
    this.writeWalkInSales(rng);
    this.stock.writePurchasesAndStock(this.calendar, this.out.inv_purc!, this.out.inv_stock!, this.labels, this.pharmacies);
    for (const w of Object.values(this.out)) w.close();
    this.labels.close();
    return {
      district: this.district.index,
      rows: Object.fromEntries(Object.entries(this.out).map(([t, w]) => [t, w.rows])),
      labels: Object.fromEntries(this.labels.counts),
    };
  }

  // ------------------------------------------------------------------ persons

  private writePerson(p: Person): void {
    const death = p.deathDay === null ? '' : this.calendar.date(p.deathDay);
    this.out.psn!.row(`${p.psnNo},${p.gend},${p.brdy},${p.insutype},${p.certno ?? ''},${p.community.code},${death}`);
  }

  /** The next id of a kind: its two letters, the shard's id prefix and the kind's sequence number. */
  private nextId(letters: string, kind: IdKind, digits = 9): string {
    return `${letters}${this.idPrefix}${pad(++this.seq[kind], digits)}`;
  }

  private alive(p: Person, day: number): boolean {
    return p.deathDay === null || day <= p.deathDay;
  }

  /** Plans a visit injected for `code` at shard level: the person's timeline keeps it as it is. */
  private addInjected(p: Person, code: ViolationCode, visit: PlannedVisit): void {
    const v: Planned = { ...visit, fixed: true, labels: [code], injected: true };
    const xs = this.fixed.get(p.index);
    if (xs) xs.push(v);
    else this.fixed.set(p.index, [v]);
  }

  /** Days [from, to] free of fixed events of the person. */
  private freeOfFixed(p: Person, from: number, to: number): boolean {
    for (const v of this.fixed.get(p.index) ?? []) if (v.endDay >= from && v.day <= to) return false;
    return true;
  }

  // ------------------------------------------------------------------ shard-level plans

  /** ADMISSION_CLUSTER: five to seven admissions of one community at one institution on one day. */
  private planClusters(rng: Rng): void {
    const years = this.calendar.months / 12;
    const expected = this.inj.rate('ADMISSION_CLUSTER') * this.district.persons * years;
    const n = this.inj.enabled ? Math.max(this.district.index === 0 ? 1 : 0, rng.poisson(expected)) : 0;
    const hospitals = [...this.level2, ...this.privates.filter((i) => i.level !== null && i.level >= 1)];
    for (let c = 0; c < n && hospitals.length; c++) {
      const community = rng.pick(this.district.streets.flatMap((s) => s.communities));
      const inst = rng.pick(hospitals);
      const day = rng.int(10, this.calendar.days - 15);
      const los = rng.int(3, 7);
      if (!this.usable(inst, day + los)) continue;
      const members = this.persons.filter(
        (p) =>
          p.community === community && this.alive(p, day + los) && ageOnDay(p, day) >= 18 && this.freeOfFixed(p, day - 16, day + los + 16),
      );
      if (members.length < 5) continue;
      const k = Math.min(members.length, rng.int(5, 7));
      this.clusters.reserve(inst.index, day, community.index);
      for (let j = 0; j < k; j++) {
        const p = members.splice(rng.int(0, members.length - 1), 1)[0]!;
        const group = this.pickGroup(p, 'inpatient', day, rng, (g) =>
          g.diagnoses.some((d) => d.settings.includes('inpatient') && !d.surgical),
        );
        if (!group) continue;
        const diagnosis = rng.pick(group.diagnoses.filter((d) => d.settings.includes('inpatient') && !d.surgical));
        const start = day * DAY + rng.int(8 * 3600, 11 * 3600);
        const end = (day + los) * DAY + rng.int(9 * 3600, 15 * 3600);
        this.addInjected(p, 'ADMISSION_CLUSTER', {
          setting: 'inpatient',
          inst: inst.index,
          day,
          endDay: day + los,
          start,
          end,
          group,
          diagnosis,
        });
        this.clusters.record(inst.index, day, community.index);
      }
    }
  }

  /** CARD_BURST: eight to ten settlements of different persons at one pharmacy within six minutes. */
  private planBursts(rng: Rng): void {
    const years = this.calendar.months / 12;
    const expected = this.inj.rate('CARD_BURST') * this.district.persons * years;
    const n = this.inj.enabled ? Math.max(this.district.index === 0 ? 1 : 0, rng.poisson(expected)) : 0;
    const open = this.pharmacies.filter((i) => i.status === 'normal');
    for (let b = 0; b < n && open.length; b++) {
      const inst = rng.pick(open);
      const day = rng.int(1, this.calendar.days - 2);
      const k = rng.int(8, 10);
      const slot0 = rng.int(10, PharmacySlots.SLOTS_PER_DAY - 20);
      const span = Math.ceil((k * 40) / PharmacySlots.SLOT_SEC);
      if (!this.slots.isFree(inst.index, day, slot0 - 6, slot0 + span + 6)) continue;
      const candidates = this.persons.filter((p) => this.alive(p, day) && ageOnDay(p, day) >= 18 && this.freeOfFixed(p, day, day));
      if (candidates.length < k * 3) continue;
      this.slots.block(inst.index, day, slot0 - 6, slot0 + span + 6);
      for (let j = 0; j < k; j++) {
        const p = candidates.splice(rng.int(0, candidates.length - 1), 1)[0]!;
        this.addInjected(p, 'CARD_BURST', pharmacyVisit(inst, day, PharmacySlots.secondOf(day, slot0) + j * 40 + rng.int(0, 20)));
      }
    }
  }

  /** DECEASED_PATIENT: visits after a person's death (a card used by someone else). */
  private planAfterDeath(rng: Rng): void {
    if (!this.inj.enabled) return;
    for (const p of this.persons) {
      if (p.deathDay === null || p.deathDay >= this.calendar.days - 3) continue;
      if (!this.inj.roll('DECEASED_PATIENT', rng)) continue;
      const from = Math.max(p.deathDay + 1, 0);
      const day = rng.int(from, this.calendar.days - 1);
      if (!this.freeOfFixed(p, day, day)) continue;
      const pharmacy = rng.chance(0.6);
      const inst = pharmacy ? this.pickPharmacy(p, day, rng) : this.city.institutions[p.street.primaryCare]!;
      if (!inst || !this.usable(inst, day)) continue;
      if (pharmacy) {
        const slot = this.slots.take(inst.index, day, rng.int(0, PharmacySlots.SLOTS_PER_DAY - 1));
        if (slot < 0) continue;
        this.addInjected(p, 'DECEASED_PATIENT', pharmacyVisit(inst, day, PharmacySlots.secondOf(day, slot) + rng.int(30, 110)));
      } else {
        const group = this.pickGroup(p, 'outpatient', day, rng);
        if (!group) continue;
        const diagnosis = rng.pick(group.diagnoses.filter((d) => d.settings.includes('outpatient')));
        const start = day * DAY + rng.int(8 * 3600, 16 * 3600);
        this.addInjected(p, 'DECEASED_PATIENT', {
          setting: 'outpatient',
          inst: inst.index,
          day,
          endDay: day,
          start,
          end: start,
          group,
          diagnosis,
        });
      }
    }
  }

  // ------------------------------------------------------------------ timeline of one person

  private planTimeline(p: Person, rng: Rng): Planned[] {
    const days = this.calendar.days;
    const years = this.calendar.months / 12;
    const lastDay = p.deathDay === null ? days - 1 : Math.min(days - 1, p.deathDay);
    const fixed = this.fixed.get(p.index) ?? [];
    const out: Planned[] = [...fixed];
    this.unverified = [];
    if (p.deathDay !== null && p.deathDay < 0) return out.sort((a, b) => a.start - b.start);
    const admissions: Planned[] = fixed.filter((v) => v.setting === 'inpatient');
    const busyDays = new Set<number>();
    for (const v of fixed) for (let d = v.day; d <= v.endDay; d++) busyDays.add(d);
    const t: Timeline = { p, out, admissions, busy: busyDays, lastDay };

    // Admissions first: they occupy days that other visits must leave free.
    const nAdm = rng.poisson(admissionRate(p.ageAtStart, p.gend) * years);
    const wanted: number[] = [];
    for (let k = 0; k < nAdm; k++) wanted.push(rng.int(0, lastDay));
    if (p.deathDay !== null && p.deathDay >= 3 && rng.chance(0.5)) wanted.push(-1); // dies in hospital
    wanted.sort((a, b) => a - b);
    for (const w of wanted) {
      const terminal = w === -1;
      const group = this.pickGroup(p, 'inpatient', terminal ? lastDay : w, rng);
      if (!group) continue;
      const diagnosis = rng.pick(group.diagnoses.filter((d) => d.settings.includes('inpatient')));
      let los = rng.int(diagnosis.stayDays?.[0] ?? 3, diagnosis.stayDays?.[1] ?? 8);
      let day = terminal ? Math.max(0, lastDay - los) : w;
      if (terminal) los = lastDay - day;
      const inst = this.pickInstitution(p, 'inpatient', day, rng, diagnosis.surgical === true);
      if (!inst) continue;
      const placed = this.placeAdmission(t, inst, day, los, diagnosis, terminal);
      if (!placed) continue;
      day = placed.day;
      const v: Planned = {
        setting: 'inpatient',
        inst: inst.index,
        day,
        endDay: day + placed.los,
        start: day * DAY + rng.int(8 * 3600, 20 * 3600),
        end: 0,
        group,
        diagnosis,
        fixed: false,
        labels: [],
      };
      v.end =
        placed.los === 0
          ? v.start + rng.int(4 * 3600, Math.max(4 * 3600 + 60, 23 * 3600 - (v.start - day * DAY)))
          : v.endDay * DAY + rng.int(9 * 3600, 16 * 3600);
      if (v.end >= (v.endDay + 1) * DAY) v.end = v.endDay * DAY + 23 * 3600;
      this.admit(t, v);
    }
    this.injectAdmissionPatterns(t, rng);

    // Visits outside hospital: chronic refills, acute outpatient and emergency visits, pharmacy purchases.
    const others: Array<{ setting: Setting; day: number; group: DiseaseGroup | null }> = [];
    if (p.chronic.length) {
      const atPharmacy = rng.chance(0.3);
      let d = rng.int(0, 27);
      let n = 0;
      while (d <= lastDay) {
        others.push({ setting: atPharmacy && n % 2 === 1 ? 'pharmacy' : 'chronic', day: d, group: null });
        d += rng.int(25, 31);
        n++;
      }
    }
    const nOut = rng.poisson(outpatientRate(p.ageAtStart) * years);
    for (let k = 0; k < nOut; k++) {
      let d = rng.int(0, lastDay);
      for (let t = 0; t < 4 && rng.next() * 1.25 > OUTPATIENT_SEASON[this.calendar.calendarMonth(this.calendar.monthOf(d)) - 1]!; t++)
        d = rng.int(0, lastDay);
      others.push({ setting: 'outpatient', day: d, group: null });
    }
    const nEmergency = rng.poisson((p.ageAtStart < 15 ? 0.3 : p.ageAtStart >= 75 ? 0.4 : 0.2) * years);
    for (let k = 0; k < nEmergency; k++) others.push({ setting: 'emergency', day: rng.int(0, lastDay), group: null });
    const nPharmacy = rng.poisson((p.ageAtStart < 15 ? 1 : p.ageAtStart >= 65 ? 3 : 2.5) * years);
    for (let k = 0; k < nPharmacy; k++) others.push({ setting: 'pharmacy', day: rng.int(0, lastDay), group: null });
    others.sort((a, b) => a.day - b.day);
    for (const o of others) {
      let day = o.day;
      while (busyDays.has(day) && day <= lastDay) day++;
      if (day > lastDay) continue;
      const v = this.planVisit(p, o.setting, day, rng);
      if (!v) continue;
      busyDays.add(day);
      out.push(v);
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** Finds a day for an admission that keeps the person's admissions clean; returns the day and stay, or null. */
  private placeAdmission(
    { p, admissions, busy, lastDay }: Timeline,
    inst: Institution,
    wantDay: number,
    los: number,
    diagnosis: Diagnosis,
    terminal: boolean,
  ): { day: number; los: number } | null {
    for (let attempt = 0; attempt < 12; attempt++) {
      const day = terminal ? wantDay - attempt : wantDay + attempt * (attempt < 4 ? 1 : 9);
      if (day < 0 || day + los > lastDay) return null;
      if (!this.usable(inst, day + los)) return null;
      let ok = this.clusters.allows(inst.index, day, p.community.index, 5);
      for (let d = day; ok && d <= day + los; d++) if (busy.has(d)) ok = false;
      // SPLIT_ADMISSION and OVERLAPPING_ADMISSIONS: keep away from earlier and later stays.
      const stay: Stay = { inst: inst.index, day, endDay: day + los, diagnosis };
      for (const a of admissions) {
        if (!ok) break;
        if (day <= a.endDay && a.day <= day + los)
          ok = false; // any overlap (also day-sharing)
        else if (isSplitPair(stayOf(a), stay) || isSplitPair(stay, stayOf(a))) ok = false;
      }
      if (ok) return { day, los };
    }
    return null;
  }

  /** SPLIT_ADMISSION, OVERLAPPING_ADMISSIONS, PHANTOM_ADMISSION and UNVERIFIED_ADMISSION on the person's admissions. */
  private injectAdmissionPatterns(t: Timeline, rng: Rng): void {
    if (!this.inj.enabled) return;
    const { p, admissions, out } = t;
    for (const a of [...admissions]) {
      if (a.fixed || a.injected) continue;
      const inst = this.city.institutions[a.inst]!;
      const los = a.endDay - a.day;
      if (this.inj.roll('SPLIT_ADMISSION', rng)) {
        const day = a.endDay + rng.int(1, 15);
        if (this.addExtraAdmission(t, a, 'SPLIT_ADMISSION', day, rng.int(2, 6), rng)) continue;
      }
      if (los >= 4 && this.inj.roll('OVERLAPPING_ADMISSIONS', rng)) {
        const day = rng.int(a.day + 1, a.endDay - 2);
        if (this.addExtraAdmission(t, a, 'OVERLAPPING_ADMISSIONS', day, rng.int(2, Math.max(2, a.endDay - day)), rng)) continue;
      }
      if (los >= 2 && this.inj.roll('PHANTOM_ADMISSION', rng)) {
        const day = rng.int(a.day + 1, a.endDay - 1);
        const variant = rng.next();
        if (variant < 0.35 && los >= 4) {
          a.idle = true;
          a.labels.push('PHANTOM_ADMISSION');
          a.injected = true;
          continue;
        }
        if (variant < 0.65) {
          const other =
            this.level3.find((i) => i.index !== a.inst && i.usesIdauth) ?? this.level2.find((i) => i.index !== a.inst && i.usesIdauth);
          if (other) {
            a.phantomAuth = { inst: other.index, time: day * DAY + rng.int(9 * 3600, 17 * 3600) };
            a.labels.push('PHANTOM_ADMISSION');
            a.injected = true;
            continue;
          }
        }
        const clinic = this.city.institutions[p.street.primaryCare]!;
        if (clinic.index !== a.inst && (clinic.status === 'normal' || (clinic.statusFrom ?? 0) > day)) {
          const v = this.planVisit(p, 'outpatient', day, rng, clinic);
          if (v) {
            v.phantomOf = a;
            v.injected = true;
            a.injected = true;
            out.push(v);
            continue;
          }
        }
      }
      const neighbour = admissions.some((o) => o !== a && o.inst === a.inst && Math.abs(o.day - a.day) <= 1);
      if (inst.usesIdauth && !neighbour && this.inj.roll('UNVERIFIED_ADMISSION', rng)) {
        a.unverified = true;
        this.unverified.push(a);
        a.labels.push('UNVERIFIED_ADMISSION');
        a.injected = true;
      }
    }
  }

  /**
   * Adds an extra admission for the diagnosis of `a` at its institution, split from it or overlapping it on purpose
   * (`code`), if it breaks nothing else; `a` then counts as injected.
   */
  private addExtraAdmission(
    t: Timeline,
    a: Planned,
    code: 'SPLIT_ADMISSION' | 'OVERLAPPING_ADMISSIONS',
    day: number,
    los: number,
    rng: Rng,
  ): boolean {
    const { p, admissions, busy, lastDay } = t;
    const inst = this.city.institutions[a.inst]!;
    const diagnosis = a.diagnosis!;
    const group = a.group!;
    const overlapWith = code === 'OVERLAPPING_ADMISSIONS' ? a : undefined;
    if (day + los > lastDay || day < 0) return false;
    if (!this.usable(inst, day + los)) return false;
    if (!this.clusters.allows(inst.index, day, p.community.index, 5)) return false;
    for (let d = day; d <= day + los; d++)
      if (busy.has(d) && !(overlapWith && d >= overlapWith.day && d <= overlapWith.endDay)) return false;
    const candidate: Stay = { inst: inst.index, day, endDay: day + los, diagnosis };
    const before = admissionFindings(admissions.map((x) => ({ ...stayOf(x), id: x })));
    const after = admissionFindings([...admissions.map((x) => ({ ...stayOf(x), id: x as Planned | null })), { ...candidate, id: null }]);
    // Exactly one new finding, on the new admission, under the code injected.
    if (before.size !== 0 || after.size !== 1 || after.get(null) !== code) return false;
    const start = day * DAY + rng.int(8 * 3600, 18 * 3600);
    const v: Planned = {
      setting: 'inpatient',
      inst: inst.index,
      day,
      endDay: day + los,
      start,
      end: (day + los) * DAY + rng.int(9 * 3600, 16 * 3600),
      group,
      diagnosis,
      fixed: false,
      labels: [code],
      injected: true,
    };
    if (overlapWith && v.start <= overlapWith.start) v.start = overlapWith.start + 3600;
    this.admit(t, v);
    a.injected = true;
    return true;
  }

  /** Adds an admission to the timeline: its days are taken, and it counts towards its institution's admissions of the day. */
  private admit(t: Timeline, v: Planned): void {
    t.admissions.push(v);
    t.out.push(v);
    for (let d = v.day; d <= v.endDay; d++) t.busy.add(d);
    this.clusters.record(v.inst, v.day, t.p.community.index);
  }

  /** Plans a visit outside hospital on `day`, or null when no institution fits. */
  private planVisit(p: Person, setting: Setting, day: number, rng: Rng, at?: Institution): Planned | null {
    let group: DiseaseGroup | null = null;
    let diagnosis: Diagnosis | null = null;
    if (setting === 'outpatient' || setting === 'emergency') {
      group = this.pickGroup(p, setting, day, rng);
      if (!group) return null;
      diagnosis = rng.pick(group.diagnoses.filter((d) => d.settings.includes(setting)));
    } else if (setting === 'chronic') {
      group = this.groupByKey(rng.pick(p.chronic));
      diagnosis = group.diagnoses.find((d) => d.settings.includes('chronic')) ?? null;
      if (!diagnosis) return null;
    }
    const labels: ViolationCode[] = [];
    let inst = at ?? this.pickInstitution(p, setting, day, rng, false);
    if (!at && this.suspendedHere.length && this.inj.enabled) {
      const kinds = setting === 'pharmacy' ? ['pharmacy'] : setting === 'outpatient' ? ['village_clinic', 'private_hospital'] : [];
      const open = this.suspendedHere.filter((i) => kinds.includes(i.kind) && i.statusFrom !== null && i.statusFrom <= day);
      if (open.length && this.inj.roll('SUSPENDED_INSTITUTION', rng)) {
        inst = rng.pick(open);
        labels.push('SUSPENDED_INSTITUTION');
      }
    }
    if (!inst) return null;
    let start: number;
    let end: number;
    if (setting === 'pharmacy') {
      const slot = this.slots.take(inst.index, day, rng.int(0, PharmacySlots.SLOTS_PER_DAY - 1));
      if (slot < 0) return null;
      end = PharmacySlots.secondOf(day, slot) + rng.int(30, 110);
      start = end - 150;
    } else if (setting === 'emergency') {
      start = day * DAY + rng.int(1800, 21 * 3600);
      end = start;
    } else {
      start = day * DAY + (rng.chance(0.6) ? rng.int(8 * 3600, 11 * 3600) : rng.int(13 * 3600 + 1800, 16 * 3600));
      end = start;
    }
    return { setting, inst: inst.index, day, endDay: day, start, end, group, diagnosis, fixed: false, labels, injected: labels.length > 0 };
  }

  private readonly groupIndex = new Map(DISEASE_GROUPS.map((g) => [g.key, g]));
  /** The diagnosis a chronic condition of each group is followed up under. */
  private readonly chronicDiagnosis = new Map(
    DISEASE_GROUPS.map((g) => [g.key, g.diagnoses.find((d) => d.settings.includes('chronic'))?.code ?? null]),
  );

  private groupByKey(key: string): DiseaseGroup {
    return this.groupIndex.get(key)!;
  }

  /** A disease group fitting the person and the setting (weighted, with the season). */
  private readonly groupTables = new Map<number, WeightedTable<DiseaseGroup> | null>();

  private pickGroup(
    p: Person,
    setting: Setting,
    day: number,
    rng: Rng,
    filter: ((g: DiseaseGroup) => boolean) | null = null,
  ): DiseaseGroup | null {
    const age = ageOnDay(p, Math.max(0, day));
    const month = this.calendar.calendarMonth(this.calendar.monthOf(Math.max(0, day)));
    if (filter) return this.groupTable(p.gend, age, setting, month, filter)?.draw(rng) ?? null;
    const key = ((p.gend === '1' ? 0 : 1) * 200 + Math.min(age, 199)) * 100 + SETTING_INDEX[setting] * 13 + month;
    let table = this.groupTables.get(key);
    if (table === undefined) this.groupTables.set(key, (table = this.groupTable(p.gend, age, setting, month, null)));
    return table?.draw(rng) ?? null;
  }

  private groupTable(
    gend: string,
    age: number,
    setting: Setting,
    month: number,
    filter: ((g: DiseaseGroup) => boolean) | null,
  ): WeightedTable<DiseaseGroup> | null {
    const candidates: DiseaseGroup[] = [];
    const weights: number[] = [];
    for (const g of this.groups) {
      if (g.gend && g.gend !== gend) continue;
      if (age < g.ageMin || age > g.ageMax) continue;
      if (!g.diagnoses.some((d) => d.settings.includes(setting))) continue;
      if (filter && !filter(g)) continue;
      candidates.push(g);
      weights.push(g.weight * (g.season?.[month - 1] ?? 1));
    }
    return candidates.length ? new WeightedTable(candidates, weights) : null;
  }

  /** The institution's agreement still holds on `settleDay` (not suspended or terminated by then). */
  private usable(inst: Institution, settleDay: number): boolean {
    return inst.status === 'normal' || inst.statusFrom === null || inst.statusFrom > settleDay;
  }

  private pickPharmacy(p: Person, day: number, rng: Rng): Institution | null {
    const open = this.pharmacies.filter((i) => this.usable(i, day));
    if (!open.length) return null;
    const home = this.pharmacies[p.index % this.pharmacies.length]!;
    return this.usable(home, day) && rng.chance(0.7) ? home : rng.pick(open);
  }

  /** Where the person goes for a visit of this setting (null if nowhere is open). */
  private readonly institutionTables = new Map<string, WeightedTable<Institution> | null>();

  /** Where the person goes for a visit of this setting (null if nowhere is open). Draws from a table cached per
   * street, setting and month, rejecting institutions closed on the day: the same distribution as drawing among
   * the open ones only. */
  private pickInstitution(p: Person, setting: Setting, day: number, rng: Rng, surgical: boolean): Institution | null {
    if (setting === 'pharmacy') return this.pickPharmacy(p, day, rng);
    const settleDay = day + (setting === 'inpatient' ? 45 : 0);
    const key = setting === 'chronic' ? null : `${p.street.code}|${setting}|${this.calendar.monthOf(day)}|${surgical}`;
    let table = key === null ? undefined : this.institutionTables.get(key);
    if (table === undefined) {
      table = this.institutionTable(p, setting, day, surgical, null);
      if (key !== null) this.institutionTables.set(key, table);
    }
    if (table === null) return null;
    for (let k = 0; k < 8; k++) {
      const inst = table.draw(rng);
      if (this.usable(inst, settleDay)) return inst;
    }
    return this.institutionTable(p, setting, day, surgical, settleDay)?.draw(rng) ?? null;
  }

  /** The weighted choice of institutions for a visit; with `openOn`, only those open on that day. */
  private institutionTable(
    p: Person,
    setting: Setting,
    day: number,
    surgical: boolean,
    openOn: number | null,
  ): WeightedTable<Institution> | null {
    const insts = this.city.institutions;
    const urban = this.district.urban;
    const month = this.calendar.monthOf(day);
    const options: Array<[Institution[], number]> = [];
    const street = p.street;
    const primary = [insts[street.primaryCare]!];
    const clinics = street.clinics.map((i) => insts[i]!);
    switch (setting) {
      case 'outpatient':
        options.push(
          [clinics, urban ? 0.15 : 0.35],
          [primary, 0.3],
          [this.level2, 0.25],
          [this.privates, 0.05],
          [this.level3, urban ? 0.25 : 0.08],
        );
        break;
      case 'emergency':
        options.push([this.level2, 0.5], [this.level3, 0.5]);
        break;
      case 'chronic': {
        const homeKind = p.index % 10;
        options.push([
          homeKind < 5
            ? primary
            : homeKind < 8
              ? [this.level2[p.index % Math.max(1, this.level2.length)]!].filter(Boolean)
              : [this.level3[p.index % this.level3.length]!],
          1,
        ]);
        break;
      }
      case 'inpatient':
        options.push(
          [this.level3, 0.45],
          [this.level2, 0.4],
          [surgical ? [] : primary, 0.1],
          [this.privates.filter((i) => (i.level ?? 0) >= 1), 0.05],
        );
        break;
      default:
        return null;
    }
    const pool: Institution[] = [];
    const weights: number[] = [];
    for (const [list, w] of options) {
      const usable = list.filter((i) => i && (openOn === null || this.usable(i, openOn)));
      for (const i of usable) {
        let weight = w / usable.length;
        if (i.level === 3 && i.district === this.district.index) weight *= 3;
        pool.push(i);
        weights.push(weight);
      }
    }
    if (!pool.length) return null;
    if (setting === 'inpatient') {
      // A drifting hospital's share of this person's admissions grows by the drift factor (its square root for
      // fund_paid, whose stays also lengthen): the weight that turns share s into f·s (at most 90 %).
      const total = weights.reduce((a, b) => a + b, 0);
      pool.forEach((i, k) => {
        if (!i.drift || month < i.drift.month || (i.drift.indicator !== 'admissions' && i.drift.indicator !== 'fund_paid')) return;
        const f = i.drift.indicator === 'admissions' ? i.drift.factor : Math.sqrt(i.drift.factor);
        const s = weights[k]! / total;
        const target = Math.min(0.9, f * s);
        weights[k] = (target * (total - weights[k]!)) / (1 - target);
      });
    }
    return new WeightedTable(pool, weights);
  }

  // ------------------------------------------------------------------ writing a visit

  private doctor(inst: Institution, day: number, rng: Rng): string | null {
    const staff = inst.staff;
    if (!staff.length) return null;
    for (let k = 0; k < 8; k++) {
      const pr = this.city.practitioners[staff[rng.int(0, staff.length - 1)]!]!;
      if (pr.suspendedFrom === null || day < pr.suspendedFrom) return pr.code;
    }
    for (const i of staff) {
      const pr = this.city.practitioners[i]!;
      if (pr.suspendedFrom === null || day < pr.suspendedFrom) return pr.code;
    }
    return null;
  }

  private emit(p: Person, v: Planned, rng: Rng, trackers: PersonTrackers): void {
    const inst = this.city.institutions[v.inst]!;
    const medType = MED_TYPE_OF[v.setting];
    const diagnoses: string[] = [];
    if (v.diagnosis) diagnoses.push(v.diagnosis.code);
    if (v.setting !== 'pharmacy') {
      for (const key of p.chronic) {
        const d = this.chronicDiagnosis.get(key);
        if (d && !diagnoses.includes(d) && (v.setting === 'chronic' || rng.chance(0.6))) diagnoses.push(d);
      }
    }
    const b = new VisitBuilder(this.cat, p, inst, medType, diagnoses, trackers, rng);
    // Not suspended on any day of the visit: a stay's lines run to its discharge day.
    const attending = this.doctor(inst, v.endDay, rng);
    const dept = v.group?.dept ?? null;
    const rxBase = this.nextId('CF', 'rx');
    const c: VisitContext = { b, v, inst, person: p, rng, attending, dept, rxBase };
    switch (v.setting) {
      case 'outpatient':
      case 'emergency':
        this.buildOutpatient(c);
        break;
      case 'chronic':
        this.buildChronic(c);
        break;
      case 'pharmacy':
        this.buildPharmacy(c);
        break;
      case 'inpatient':
        this.buildInpatient(c);
        break;
    }
    if (b.lines.length === 0) {
      const consult = this.cat.pool(
        null,
        v.setting,
        v.setting === 'inpatient' ? 'ward_round' : v.setting === 'pharmacy' ? 'drug' : 'consultation',
      );
      b.pickAndAdd(consult, v.start + 60, { dr: attending, dept, rxno: rxBase }, 30);
      if (b.lines.length === 0) return;
    }
    const lineLabels: Array<{ code: ViolationCode; line?: Line; item?: string; day?: number }> = [];
    if (!v.injected && !v.idle && this.inj.enabled) {
      const hit = injectLineViolation({ shard: this, ...c });
      if (hit) lineLabels.push(hit);
    }
    if (v.setting === 'inpatient' && !v.idle) this.keepStayActive(b, v, attending, dept);
    this.write(p, v, inst, b, attending, rng, lineLabels);
  }

  private buildOutpatient({ b, v, inst, attending: dr, dept, rxBase: rx, rng }: VisitContext): void {
    const g = v.group!.key;
    const s = v.setting;
    let t = v.start + rng.int(30, 120);
    const step = () => (t += rng.int(40, 240));
    const hospital = (inst.level ?? 0) >= 2 || inst.kind === 'private_hospital';
    if (hospital) b.pickAndAdd(this.cat.pool(null, s, 'registration'), step(), { dr, dept });
    this.addConsultation(b, s, hospital, step(), dr, dept);
    const nLabs = s === 'emergency' ? rng.int(1, 4) : rng.chance(0.4) ? rng.int(1, 3) : 0;
    for (let k = 0; k < nLabs; k++) b.pickAndAdd(this.cat.pool(g, s, 'lab'), step(), { dr, dept });
    if (rng.chance(s === 'emergency' ? 0.7 : 0.25)) b.pickAndAdd(this.cat.pool(g, s, 'exam'), step(), { dr, dept });
    if (rng.chance(s === 'emergency' ? 0.6 : 0.15)) {
      if (b.pickAndAdd(this.cat.pool(g, s, 'treatment'), step(), { dr, dept }) && rng.chance(0.6))
        b.pickAndAdd(this.cat.pool(g, s, 'material'), step(), { dr, dept });
    }
    const nDrugs = rng.chance(0.85) ? rng.int(1, 3) : 0;
    for (let k = 0; k < nDrugs; k++) b.pickAndAdd(this.cat.pool(g, s, 'drug'), step(), { dr, dept, rxno: rx });
    const tcm = inst.name.includes('中医');
    if (rng.chance(tcm ? 0.3 : 0.03)) {
      const herbs = rng.int(6, 12);
      const prd = 7;
      for (let k = 0; k < herbs; k++) b.pickAndAdd(this.cat.pool(g, s, 'herbal'), step(), { dr, dept, rxno: `${rx}H`, ...{} }, 4);
      void prd;
    }
  }

  private buildChronic({ b, v, person: p, inst, attending: dr, dept, rxBase: rx, rng }: VisitContext): void {
    let t = v.start + rng.int(30, 120);
    const step = () => (t += rng.int(40, 200));
    const hospital = (inst.level ?? 0) >= 2;
    this.addConsultation(b, 'chronic', hospital, step(), dr, dept);
    for (const key of p.chronic) {
      if (rng.chance(0.25)) b.pickAndAdd(this.cat.pool(key, 'chronic', 'lab'), step(), { dr, dept });
      const n = rng.int(1, 2);
      for (let k = 0; k < n; k++) b.pickAndAdd(this.cat.pool(key, 'chronic', 'drug'), step(), { dr, dept, rxno: rx }, 8);
    }
  }

  /** The consultation fee: 诊察费 (02) at hospitals, 一般诊疗费 (12) elsewhere, or any consultation item when none of those fits. */
  private addConsultation(
    b: VisitBuilder,
    setting: Setting,
    hospital: boolean,
    time: number,
    dr: string | null,
    dept: string | null,
  ): void {
    const pool = this.cat.pool(null, setting, 'consultation');
    b.pickAndAdd(pool, time, { dr, dept, chargeType: hospital ? '02' : '12' }, 12) ?? b.pickAndAdd(pool, time, { dr, dept }, 12);
  }

  private buildPharmacy({ b, v, person: p, attending: dr, rxBase: rx, rng }: VisitContext): void {
    let t = v.end - rng.int(100, 140);
    const step = () => (t += rng.int(5, 20));
    const chronicRefill = p.chronic.length > 0 && rng.chance(0.5);
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) {
      const pool = chronicRefill ? this.cat.pool(rng.pick(p.chronic), 'pharmacy', 'drug') : this.cat.pool(null, 'pharmacy', 'drug');
      b.pickAndAdd(pool.length ? pool : this.cat.pool(null, 'pharmacy', 'drug'), step(), { dr, dept: null, rxno: null }, 8);
    }
    if (rng.chance(0.05)) b.pickAndAdd(this.cat.pool(null, 'pharmacy', 'material'), step(), { dr, dept: null });
    if (rng.chance(0.08)) b.pickAndAdd(this.cat.pool(null, 'pharmacy', 'non_medical'), step(), { dr, dept: null });
    // Prescription-only drugs are dispensed against an (external) prescription.
    for (const l of b.lines) if (l.item >= 0 && this.cat.items[l.item]!.rx) l.rxno = rx;
  }

  private buildInpatient({ b, v, inst, attending: dr, dept, rxBase: rx, rng }: VisitContext): void {
    const g = v.group!.key;
    const stayDrugs: number[] = [];
    const drugPool = this.cat.pool(g, 'inpatient', 'drug');
    for (let k = 0; k < rng.int(1, 3) && drugPool.length; k++) stayDrugs.push(rng.pick(drugPool));
    const treatments = this.cat.pool(g, 'inpatient', 'treatment');
    const dailyTreatment = treatments.length ? rng.pick(treatments) : -1;
    for (let day = v.day; day <= v.endDay; day++) {
      const last = day === v.endDay;
      let t = day === v.day ? v.start + rng.int(300, 900) : day * DAY + 7 * 3600 + rng.int(0, 1800);
      const limit = last ? v.end - 60 : (day + 1) * DAY - 600;
      const step = () => (t = Math.min(t + rng.int(60, 300), limit));
      const add = (pool: readonly number[], opts: { rxno?: string | null; chargeType?: string } = {}) => {
        if (t >= limit) return null;
        return b.pickAndAdd(pool, step(), { dr, dept, ...opts });
      };
      if (!last || v.endDay === v.day) {
        add(this.cat.pool(null, 'inpatient', 'bed'));
        add(this.cat.pool(null, 'inpatient', 'nursing'));
      }
      add(this.cat.pool(null, 'inpatient', 'ward_round'));
      if (v.idle && day !== v.day) continue;
      if (day === v.day) {
        for (let k = 0; k < rng.int(2, 5); k++) add(this.cat.pool(g, 'inpatient', 'lab'));
        for (let k = 0; k < rng.int(0, 2); k++) add(this.cat.pool(g, 'inpatient', 'exam'));
      }
      if (v.idle) continue;
      if (v.diagnosis?.surgical && day === Math.min(v.day + 1, v.endDay)) {
        if (add(this.cat.pool(g, 'inpatient', 'surgery'))) {
          for (let k = 0; k < rng.int(1, 3); k++) add(this.cat.pool(g, 'inpatient', 'material'));
        }
      }
      for (const d of stayDrugs) {
        if (t >= limit || !rng.chance(0.9)) continue;
        b.tryAdd(d, step(), { dr, dept, rxno: `YZ${rx.slice(2)}${pad(day - v.day + 1, 2)}`, prd: 1 });
      }
      if (dailyTreatment >= 0 && t < limit && rng.chance(0.5)) {
        if (b.tryAdd(dailyTreatment, step(), { dr, dept }) && rng.chance(0.5)) add(this.cat.pool(g, 'inpatient', 'material'));
      }
      if (day !== v.day && !last && rng.chance(0.3)) add(this.cat.pool(g, 'inpatient', 'lab'));
      this.intensify(b, v, inst, day, t, limit, dr, dept);
      if (last && day !== v.day && rng.chance(0.4)) {
        // Discharge medication (出院带药): at most a week, so it can never leave more than 7 days to run.
        const d = rng.pick(drugPool.length ? drugPool : [-1]);
        if (d >= 0 && t < limit) b.tryAdd(d, step(), { dr, dept, rxno: `${rx}D`, prd: rng.int(3, 7) });
      }
    }
  }

  /**
   * A drifting hospital's stays cost more per day from its drift month (more exams, labs and treatments: 过度诊疗):
   * the day's charges are raised to the drift factor (its square root for fund_paid, whose admissions grow too).
   */
  private intensify(
    b: VisitBuilder,
    v: Planned,
    inst: Institution,
    day: number,
    from: number,
    limit: number,
    dr: string | null,
    dept: string | null,
  ): void {
    const drift = inst.drift;
    if (!drift || (drift.indicator !== 'cost_per_admission' && drift.indicator !== 'fund_paid') || this.calendar.monthOf(day) < drift.month)
      return;
    const f = drift.indicator === 'cost_per_admission' ? drift.factor : Math.sqrt(drift.factor);
    const spent = () => b.lines.reduce((s, l) => (l.day === day ? s + l.amt : s), 0);
    const target = spent() * f;
    const g = v.group!.key;
    const pools = [
      this.cat.pool(g, 'inpatient', 'exam'),
      this.cat.pool(g, 'inpatient', 'lab'),
      this.cat.pool(g, 'inpatient', 'treatment'),
      this.cat.pool(null, 'inpatient', 'lab'),
    ];
    let t = from;
    for (let k = 0; k < 40 && spent() < target && t < limit; k++) {
      t = Math.min(t + 120, limit);
      b.pickAndAdd(pools[k % pools.length]!, t, { dr, dept });
    }
  }

  /** PHANTOM_ADMISSION (idle days): a stay of five days or more keeps fewer than 80 % of its days idle. */
  private keepStayActive(b: VisitBuilder, v: Planned, dr: string | null, dept: string | null): void {
    const stayDays = v.endDay - v.day + 1;
    if (stayDays < 5) return;
    const active = new Set<number>();
    for (const l of b.lines) if (!['01', '02', '07'].includes(l.chargeType)) active.add(l.day);
    const labs = this.cat.pool(null, 'inpatient', 'lab');
    for (let day = v.day; day <= v.endDay && (stayDays - active.size) / stayDays >= 0.8; day++) {
      if (active.has(day)) continue;
      const t = day === v.endDay ? v.end - 300 : day * DAY + 15 * 3600;
      if (day === v.day && t <= v.start) continue;
      if (b.pickAndAdd(labs, t, { dr, dept }, 20)) active.add(day);
    }
  }

  private write(
    p: Person,
    v: Planned,
    inst: Institution,
    b: VisitBuilder,
    attending: string | null,
    rng: Rng,
    lineLabels: Array<{ code: ViolationCode; line?: Line; item?: string; day?: number }>,
  ): void {
    const mdtrtId = this.nextId('MD', 'mdtrt');
    v.mdtrtId = mdtrtId;
    const medType = MED_TYPE_OF[v.setting];
    b.lines.sort((x, y) => x.time - y.time);
    const firstTime = b.lines[0]!.time;
    const lastTime = b.lines[b.lines.length - 1]!.time;
    const begin = Math.min(v.start, firstTime - 30);
    const endTime =
      v.setting === 'inpatient'
        ? Math.max(v.end, lastTime + 60)
        : v.setting === 'pharmacy'
          ? Math.max(v.end, lastTime + 5)
          : lastTime + rng.int(300, 1200);
    // Long stays are settled in two parts (中途结算) now and then.
    const cut = v.setting === 'inpatient' && v.endDay - v.day >= 15 && rng.chance(0.3) ? (v.day + 10) * DAY + 12 * 3600 : null;
    const settlements: Array<{ id: string; lines: Line[]; begin: number; end: number; time: number }> = [];
    if (cut !== null) {
      settlements.push({
        id: this.nextId('ST', 'setl'),
        lines: b.lines.filter((l) => l.time < cut),
        begin,
        end: cut,
        time: cut + 600,
      });
      settlements.push({
        id: this.nextId('ST', 'setl'),
        lines: b.lines.filter((l) => l.time >= cut),
        begin: cut,
        end: endTime,
        time: endTime + rng.int(60, 900),
      });
    } else {
      const time = v.setting === 'pharmacy' ? v.end : endTime + rng.int(60, 900);
      settlements.push({
        id: this.nextId('ST', 'setl'),
        lines: b.lines,
        begin,
        end: v.setting === 'pharmacy' ? v.end : endTime,
        time,
      });
    }
    const dise = v.diagnosis?.code ?? '';
    for (const [k, s] of settlements.entries()) {
      for (const l of s.lines) l.setl = k;
      const m = settle(
        s.lines.map((l) => ({ amount: l.amt, ownpay: l.own, chrgitmLv: l.chrgitmLv })),
        medType,
        inst.level,
        p.insutype,
      );
      this.out.setl!.row(
        `${s.id},${mdtrtId},${p.psnNo},${inst.code},${medType},${this.calendar.time(s.begin)},${this.calendar.time(s.end)},${dise},${attending ?? ''},${money(m.total)},${money(m.fund)},${money(m.account)},${money(m.cash)},${this.calendar.time(s.time)}`,
      );
      for (const code of v.labels) if (SETTLE_CODES.includes(code)) this.labels.add(code, { setl_id: s.id });
    }
    for (const code of v.labels) if (!SETTLE_CODES.includes(code)) this.labels.add(code, { mdtrt_id: mdtrtId });
    if (v.phantomOf?.mdtrtId) this.labels.add('PHANTOM_ADMISSION', { mdtrt_id: v.phantomOf.mdtrtId });
    // Diagnoses.
    const diags = [...new Set([dise, ...b.diagnoses])].filter(Boolean);
    for (const [k, d] of diags.entries()) this.out.diag!.row(`${mdtrtId},${k === 0 ? '1' : '0'},${d}`);
    // Fee lines.
    const prefixes = settlements.map((s) => `${mdtrtId},${s.id},${p.psnNo},${inst.code},`);
    for (const l of b.lines) {
      l.sn = this.nextId('FD', 'fee', 11);
      this.out.feedetl!.row(
        `${l.sn},${prefixes[l.setl]}${this.calendar.time(l.time)},${l.code},${l.chargeType},${qty(l.cnt)},${money(l.pric)},${money(l.amt)},${money(l.own)},${l.prd ?? ''},${l.rxno ?? ''},${l.dr ?? ''},${l.dept ?? ''}`,
      );
    }
    for (const h of lineLabels) {
      if (h.line) this.labels.add(h.code, { feedetl_sn: h.line.sn });
      else if (h.code === 'SPLIT_PRESCRIPTION')
        this.labels.add(h.code, { psn_no: p.psnNo, med_list_codg: h.item!, day: this.calendar.date(h.day!) });
      else this.labels.add(h.code, { mdtrt_id: mdtrtId, med_list_codg: h.item! });
    }
    // Identity checks.
    // Outpatient checks are optional; none is written where it would verify an admission left unverified on purpose.
    const wouldVerify = v.setting !== 'inpatient' && this.unverified.some((u) => u.inst === v.inst && Math.abs(u.day - v.day) <= 1);
    if (inst.usesIdauth && !v.unverified && !wouldVerify && (v.setting === 'inpatient' || rng.chance(0.5))) {
      const at = Math.max(v.day * DAY + 60, begin - rng.int(60, 1200));
      if (rng.chance(0.03)) this.writeAuth(p, inst, at - 90, rng, '0', mdtrtId);
      this.writeAuth(p, inst, at, rng, '1', mdtrtId);
    }
    if (v.phantomAuth) this.writeAuth(p, this.city.institutions[v.phantomAuth.inst]!, v.phantomAuth.time, rng, '1', '');
    // Pharmacy sales mirror what was billed.
    if (inst.type === '2') this.writeSales(p, inst, b.lines, settlements, rng);
  }

  private writeAuth(p: Person, inst: Institution, time: number, rng: Rng, result: '0' | '1', mdtrtId: string): void {
    const way = rng.chance(0.7) ? 'face' : rng.chance(0.6) ? 'ecert' : rng.chance(0.5) ? 'card' : 'fingerprint';
    this.out.idauth!.row(`${this.nextId('AU', 'auth')},${p.psnNo},${inst.code},${this.calendar.time(time)},${way},${result},${mdtrtId}`);
  }

  private writeSales(p: Person, inst: Institution, lines: Line[], settlements: Array<{ id: string }>, rng: Rng): void {
    const docno = this.nextId('RT', 'rtal');
    const dropRx = lines.some((l) => l.item >= 0 && this.cat.items[l.item]!.rx) && this.inj.roll('RX_WITHOUT_PRESCRIPTION', rng);
    let dropped = false;
    for (const l of lines) {
      if (l.item < 0) continue;
      const it = this.cat.items[l.item]!;
      this.stock.billed(inst.index, l.item, l.cnt);
      if (!this.stock.recordSale(inst.index, l.item, l.cnt, this.calendar.monthOf(l.day), true)) continue;
      let rxno = l.rxno ?? '';
      if (dropRx && !dropped && it.rx) {
        rxno = '';
        dropped = true;
      }
      this.out.inv_sale!.row(
        `${inst.code},${docno},${l.code},${this.calendar.time(l.time)},${qty(l.cnt)},${money(l.pric)},1,${settlements[l.setl]!.id},${p.psnNo},${it.rx ? '1' : '0'},${rxno}`,
      );
    }
    if (dropped) this.labels.add('RX_WITHOUT_PRESCRIPTION', { fixmedins_code: inst.code, rtal_docno: docno });
  }

  /** Self-paid sales to walk-in customers (no settlement), also reconciled with purchases. */
  private writeWalkInSales(rng: Rng): void {
    const pool = this.cat.pool(null, 'pharmacy', 'drug');
    if (!pool.length) return;
    for (const inst of this.pharmacies) {
      for (let day = 0; day < this.calendar.days; day++) {
        if (!this.usable(inst, day)) break;
        const n = rng.poisson(1.5);
        for (let k = 0; k < n; k++) {
          const item = rng.pick(pool);
          const it = this.cat.items[item]!;
          const cnt = rng.int(it.cnt[0], it.cnt[1]);
          const docno = this.nextId('RT', 'rtal');
          const time = day * DAY + rng.int(8 * 3600, 21 * 3600);
          this.stock.recordSale(inst.index, item, cnt, this.calendar.monthOf(day), false);
          let rxno = it.rx ? `WP${this.idPrefix}${pad(this.seq.rtal, 9)}` : '';
          let label = false;
          if (it.rx && this.inj.roll('RX_WITHOUT_PRESCRIPTION', rng)) {
            rxno = '';
            label = true;
          }
          this.out.inv_sale!.row(
            `${inst.code},${docno},${it.code},${this.calendar.time(time)},${qty(cnt)},${money(it.capLv3 ?? it.price)},0,,,${it.rx ? '1' : '0'},${rxno}`,
          );
          if (label) this.labels.add('RX_WITHOUT_PRESCRIPTION', { fixmedins_code: inst.code, rtal_docno: docno });
        }
      }
    }
  }

  // ------------------------------------------------------------------ for line-level injections

  supplyLimitOf(item: number, medType: string): number | null {
    if (medType === '21') return null;
    return this.cat.items[item]!.maxDays ?? defaultSupplyLimit(medType);
  }

  suspendedDoctorAt(inst: Institution, day: number): string | null {
    for (const i of inst.staff) {
      const pr = this.city.practitioners[i]!;
      if (pr.suspendedFrom !== null && pr.suspendedFrom <= day) return pr.code;
    }
    return null;
  }

  newSn(): string {
    return '';
  }
}

/** One person's timeline while it is planned: all visits so far, the admissions among them, the days they take. */
interface Timeline {
  p: Person;
  out: Planned[];
  admissions: Planned[];
  busy: Set<number>;
  /** The last day the person can have a visit (the end of the period, or the day of death). */
  lastDay: number;
}

/** Where and when a visit takes place, for what: a planned visit without its labels. */
type PlannedVisit = Pick<Planned, 'setting' | 'inst' | 'day' | 'endDay' | 'start' | 'end' | 'group' | 'diagnosis'>;

/** A pharmacy purchase settled at `settleAt` (the customer arrives two and a half minutes before). */
function pharmacyVisit(inst: Institution, day: number, settleAt: number): PlannedVisit {
  return { setting: 'pharmacy', inst: inst.index, day, endDay: day, start: settleAt - 150, end: settleAt, group: null, diagnosis: null };
}

/** The city, calendar and catalogue of a generation, built once per thread and shared by its shards (read only). */
let world: { key: string; calendar: Calendar; city: City; cat: CatalogueIndex } | null = null;
function worldOf(o: ShardOptions): { calendar: Calendar; city: City; cat: CatalogueIndex } {
  const key = `${o.seed}|${o.persons}|${o.months}|${o.startMonth}|${o.violationRate}`;
  if (world?.key !== key) {
    const calendar = new Calendar(o.startMonth, o.months);
    world = {
      key,
      calendar,
      city: buildCity({ persons: o.persons, seed: o.seed, calendar, violationRate: o.violationRate }),
      cat: new CatalogueIndex(buildCatalogue()),
    };
  }
  return world;
}

/** An admission as the admission rules read it. */
interface Stay {
  inst: number;
  day: number;
  endDay: number;
  diagnosis: Diagnosis;
}

function stayOf(a: Planned): Stay {
  return { inst: a.inst, day: a.day, endDay: a.endDay, diagnosis: a.diagnosis! };
}

/** Is `later` a SPLIT_ADMISSION after `earlier`: the same institution, admitted 0–15 days after its discharge, the same 3-character diagnosis? */
function isSplitPair(earlier: Stay, later: Stay): boolean {
  const gap = later.day - earlier.endDay;
  return (
    earlier.inst === later.inst &&
    earlier.day < later.day &&
    gap >= 0 &&
    gap <= 15 &&
    earlier.diagnosis.code.slice(0, 3) === later.diagnosis.code.slice(0, 3)
  );
}

/** SPLIT_ADMISSION and OVERLAPPING_ADMISSIONS as the rules read them, over one person's admissions: the later admission of each pair. */
export function admissionFindings<T>(adms: Array<Stay & { id: T }>): Map<T, string> {
  const out = new Map<T, string>();
  const sorted = [...adms].sort((a, b) => a.day - b.day);
  for (let i = 0; i < sorted.length; i++) {
    for (let j = 0; j < sorted.length; j++) {
      if (i === j) continue;
      const e = sorted[i]!;
      const l = sorted[j]!;
      if (!(e.day < l.day || (e.day === l.day && i < j))) continue;
      if (isSplitPair(e, l)) out.set(l.id, 'SPLIT_ADMISSION');
      if (Math.min(e.endDay, l.endDay) - l.day > 1) out.set(l.id, out.has(l.id) ? 'BOTH' : 'OVERLAPPING_ADMISSIONS');
    }
  }
  return out;
}
