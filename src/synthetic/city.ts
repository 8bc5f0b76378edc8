/**
 * The city: districts (行政区划) with streets or towns and their communities or villages, supervision grids,
 * the designated institutions of every kind and level, and their registered practitioners. Sized from the
 * number of insured persons, so a small demo city and a province-sized one have the same shape.
 */
import type { Calendar } from './calendar.js';
import { Rng } from './random.js';

export interface District {
  index: number;
  admdvs: string;
  name: string;
  urban: boolean;
  /** Share of the population. */
  weight: number;
  persons: number;
  /** First global person index of the district. */
  firstPerson: number;
  streets: Street[];
  grids: string[];
}

export interface Street {
  /** 9-digit code. */
  code: string;
  name: string;
  grid: string;
  communities: Community[];
  /** The street's community health centre or township hospital (index into City.institutions). */
  primaryCare: number;
  /** Its village clinics and community stations. */
  clinics: number[];
}

export interface Community {
  /** 12-digit code (village / community level). */
  code: string;
  persons: number;
  firstPerson: number;
  /** Index among all communities of the city. */
  index: number;
}

export type InstitutionKind = 'public_hospital' | 'private_hospital' | 'primary_care' | 'village_clinic' | 'pharmacy';
export type DriftIndicator = 'admissions' | 'cost_per_admission' | 'fund_paid';

export interface Drift {
  /** Month index (0-based) from which the figures jump. */
  month: number;
  indicator: DriftIndicator;
  /** Multiplier on admissions (or cost per admission) from that month. */
  factor: number;
}

export interface Institution {
  index: number;
  code: string;
  name: string;
  type: '1' | '2';
  level: 0 | 1 | 2 | 3 | null;
  kind: InstitutionKind;
  admdvs: string;
  district: number;
  grid: string;
  status: 'normal' | 'suspended' | 'terminated';
  /** Day number from which the status holds (null: normal). */
  statusFrom: number | null;
  /** Real-name / biometric checks (实名认证) are recorded here. */
  usesIdauth: boolean;
  /** Indices into City.practitioners of those registered here. */
  staff: number[];
  drift?: Drift;
  /** Serves persons of every district (city hospitals), else only its own district. */
  citywide: boolean;
}

export interface Practitioner {
  index: number;
  code: string;
  name: string;
  /** Institutions of registration (a few doctors practise at two: 多点执业). */
  institutions: number[];
  pharmacist: boolean;
  /** Day number from which the practitioner is suspended (暂停医保服务资格), or null. */
  suspendedFrom: number | null;
}

export interface City {
  name: string;
  districts: District[];
  communities: Community[];
  institutions: Institution[];
  practitioners: Practitioner[];
  persons: number;
}

/** Names written as one string, separated by spaces or line breaks. */
const words = (s: string): string[] => s.trim().split(/\s+/);

const DISTRICTS: Array<[string, string, boolean, number]> = [
  ['330102', '上城区', true, 1.3],
  ['330105', '拱墅区', true, 1.2],
  ['330106', '西湖区', true, 1.2],
  ['330108', '滨江区', true, 0.6],
  ['330109', '萧山区', true, 2.0],
  ['330110', '余杭区', true, 1.3],
  ['330111', '富阳区', false, 0.8],
  ['330112', '临安区', false, 0.65],
  ['330113', '临平区', true, 0.9],
  ['330114', '钱塘区', true, 0.6],
  ['330122', '桐庐县', false, 0.45],
  ['330127', '淳安县', false, 0.45],
  ['330182', '建德市', false, 0.45],
];
const STREET_NAMES = words(`
  城东 城西 城南 城北 东湖 西溪 南湖 北山 新塘 柳桥 青山 白沙 金沙 凤凰 龙井 湖滨
  新安 石桥 花园 运河 长河 古荡 翠苑 蒋村 三墩 良渚 瓶窑 径山 黄湖 鸬鸟 百丈 闲林
`);
const PHARMACY_BRANDS = ['老百姓', '益丰', '海王星辰', '九州', '华东', '张同泰', '胡庆余堂', '民生', '天天好', '英特', '仁和', '康恩贝'];
const PRIVATE_BRANDS = ['仁爱', '博爱', '康复', '同济', '和睦家', '广济', '华侨', '明州'];
const SURNAMES = [...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹'];
const GIVEN = words(`
  伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛
  明 超 秀英 华 慧 建国 志强 晓燕 海燕 婷 浩 宇 欣怡 子涵 俊杰
`);

export function personName(rng: Rng): string {
  return rng.pick(SURNAMES) + rng.pick(GIVEN);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export interface CityOptions {
  persons: number;
  seed: number;
  calendar: Calendar;
  /** Multiplies the share of suspended institutions and practitioners and of drifting institutions. */
  violationRate: number;
}

export function buildCity(opts: CityOptions): City {
  const rng = new Rng(opts.seed, 0xc17);
  const totalWeight = DISTRICTS.reduce((s, d) => s + d[3], 0);
  const districts: District[] = [];
  const communities: Community[] = [];
  let assigned = 0;
  let communityIndex = 0;
  for (const [i, [admdvs, name, urban, weight]] of DISTRICTS.entries()) {
    const persons = i === DISTRICTS.length - 1 ? opts.persons - assigned : Math.round((opts.persons * weight) / totalWeight);
    const district: District = { index: i, admdvs, name, urban, weight, persons, firstPerson: assigned, streets: [], grids: [] };
    const nStreets = Math.max(2, Math.min(40, Math.round(persons / 8000)));
    const nGrids = Math.max(1, Math.min(12, Math.round(nStreets / 3)));
    for (let g = 0; g < nGrids; g++) district.grids.push(`G${admdvs}${pad(g + 1, 2)}`);
    // Persons per street and community vary (a log-normal-ish weight), as real ones do.
    const streetWeights = Array.from({ length: nStreets }, () => 0.5 + rng.next());
    const streetTotal = streetWeights.reduce((s, w) => s + w, 0);
    let inDistrict = 0;
    for (let s = 0; s < nStreets; s++) {
      const code = `${admdvs}${pad(urban ? s + 1 : 100 + s + 1, 3)}`;
      const streetPersons = s === nStreets - 1 ? persons - inDistrict : Math.round((persons * streetWeights[s]!) / streetTotal);
      const street: Street = {
        code,
        name: STREET_NAMES[s % STREET_NAMES.length]! + (s >= STREET_NAMES.length ? String(Math.floor(s / STREET_NAMES.length) + 1) : ''),
        grid: district.grids[s % nGrids]!,
        communities: [],
        primaryCare: -1,
        clinics: [],
      };
      const nCommunities = Math.max(2, Math.round(streetPersons / 1500));
      const cw = Array.from({ length: nCommunities }, () => 0.4 + rng.next());
      const cwTotal = cw.reduce((a, b) => a + b, 0);
      let inStreet = 0;
      for (let c = 0; c < nCommunities; c++) {
        const n = c === nCommunities - 1 ? streetPersons - inStreet : Math.round((streetPersons * cw[c]!) / cwTotal);
        // Communities (社区) are numbered 001–199, villages (村) from 200.
        const villageLike = !urban || rng.chance(0.15);
        const community: Community = {
          code: `${code}${pad(villageLike ? 200 + c + 1 : c + 1, 3)}`,
          persons: n,
          firstPerson: assigned + inDistrict + inStreet,
          index: communityIndex++,
        };
        street.communities.push(community);
        communities.push(community);
        inStreet += n;
      }
      district.streets.push(street);
      inDistrict += streetPersons;
    }
    districts.push(district);
    assigned += persons;
  }

  const institutions: Institution[] = [];
  const institutionCode = numbered(5);
  const add = (
    d: District,
    kind: InstitutionKind,
    level: Institution['level'],
    name: string,
    grid: string,
    citywide = false,
  ): Institution => {
    const pharmacy = kind === 'pharmacy';
    const inst: Institution = {
      index: institutions.length,
      code: institutionCode(`${pharmacy ? 'P' : 'H'}${d.admdvs}`),
      name,
      type: pharmacy ? '2' : '1',
      level,
      kind,
      admdvs: d.admdvs,
      district: d.index,
      grid,
      status: 'normal',
      statusFrom: null,
      usesIdauth: false,
      staff: [],
      citywide,
    };
    institutions.push(inst);
    return inst;
  };
  // City hospitals (level 3) sit in the urban districts, about one per 40,000 insured persons.
  const urbanWeight = districts.filter((d) => d.urban).reduce((s, x) => s + x.weight, 0);
  const level3Total = Math.max(2, Math.min(60, Math.round(opts.persons / 40_000)));
  let level3Made = 0;
  for (const d of districts) {
    const mainGrid = d.grids[0]!;
    if (d.urban) {
      const share = Math.max(1, Math.round((level3Total * d.weight) / urbanWeight));
      for (let k = 0; k < share; k++) {
        level3Made++;
        const name =
          level3Made === 1 ? '杭州市第一人民医院' : level3Made === 2 ? '杭州市中医院' : `杭州市第${cnNumber(level3Made - 1)}人民医院`;
        add(d, 'public_hospital', 3, name, d.grids[k % d.grids.length]!, true);
      }
    }
    // Every district has its people's hospital; the larger ones (30,000 insured or more) a TCM hospital and a
    // maternal and child hospital too, so that district hospitals have the volumes real ones have.
    add(d, 'public_hospital', 2, `${d.name}第一人民医院`, mainGrid);
    if (d.persons >= 30_000) {
      add(d, 'public_hospital', 2, `${d.name}中医院`, d.grids[1 % d.grids.length]!);
      add(d, 'public_hospital', 2, `${d.name}妇幼保健院`, d.grids[2 % d.grids.length]!);
    }
    const nPrivate = Math.max(1, Math.round(d.persons / 30_000));
    for (let k = 0; k < nPrivate; k++) {
      add(
        d,
        'private_hospital',
        k % 2 === 0 ? 2 : 1,
        `${d.name}${PRIVATE_BRANDS[(d.index + k) % PRIVATE_BRANDS.length]}医院${k >= PRIVATE_BRANDS.length ? k : ''}`,
        d.grids[k % d.grids.length]!,
      );
    }
    for (const s of d.streets) {
      s.primaryCare = add(
        d,
        'primary_care',
        1,
        d.urban ? `${d.name}${s.name}街道社区卫生服务中心` : `${d.name}${s.name}镇卫生院`,
        s.grid,
      ).index;
      for (let c = 0; c < s.communities.length; c += 2) {
        const village = s.communities[c]!.code.slice(9) >= '200';
        s.clinics.push(
          add(d, 'village_clinic', 0, village ? `${s.name}${cnNumber(c + 1)}村卫生室` : `${s.name}${cnNumber(c + 1)}社区卫生服务站`, s.grid)
            .index,
        );
      }
    }
    const nPharmacies = Math.max(2, Math.round(d.persons / 3000));
    for (let k = 0; k < nPharmacies; k++) {
      const brand = PHARMACY_BRANDS[(d.index * 3 + k) % PHARMACY_BRANDS.length]!;
      add(
        d,
        'pharmacy',
        null,
        `${brand}大药房(${d.name}${d.streets[k % d.streets.length]!.name}店${k >= d.streets.length ? Math.floor(k / d.streets.length) + 1 : ''})`,
        d.streets[k % d.streets.length]!.grid,
      );
    }
  }
  for (const inst of institutions) {
    if (inst.level === 3) inst.usesIdauth = true;
    else if (inst.level === 2 && inst.kind === 'public_hospital') inst.usesIdauth = rng.chance(0.5);
  }

  // A few agreements suspended or terminated during the period (small institutions as a rule).
  const suspendable = institutions.filter((i) => i.kind === 'private_hospital' || i.kind === 'village_clinic' || i.kind === 'pharmacy');
  const nSuspended = Math.max(2, Math.round(suspendable.length * 0.01 * Math.max(opts.violationRate, 0.5)));
  const days = opts.calendar.days;
  for (let k = 0; k < nSuspended && suspendable.length; k++) {
    const inst = suspendable.splice(rng.int(0, suspendable.length - 1), 1)[0]!;
    inst.status = k % 3 === 2 ? 'terminated' : 'suspended';
    inst.statusFrom = Math.floor(days * (0.35 + 0.5 * rng.next()));
  }

  // Drifting institutions: hospitals whose monthly figures jump from one month on (labelled for early warning).
  // Only public hospitals of level 2 and 3: they admit enough patients a month for a jump to mean something (a
  // clinic going from one admission to two is noise, not drift).
  if (opts.calendar.months >= 4) {
    const hospitals = institutions.filter((i) => i.kind === 'public_hospital' && (i.level ?? 0) >= 2 && i.status === 'normal');
    const nDrift = Math.max(3, Math.round(hospitals.length * 0.25 * Math.max(opts.violationRate, 0.5)));
    const indicators: DriftIndicator[] = ['admissions', 'cost_per_admission', 'fund_paid'];
    for (let k = 0; k < nDrift && hospitals.length; k++) {
      const inst = hospitals.splice(rng.int(0, hospitals.length - 1), 1)[0]!;
      inst.drift = {
        month: rng.int(Math.min(4, opts.calendar.months - 1), opts.calendar.months - 1),
        indicator: indicators[k % 3]!,
        factor: Math.round((1.7 + rng.next() * 0.8) * 100) / 100,
      };
    }
  }

  const practitioners: Practitioner[] = [];
  const practitionerCode = numbered(6);
  for (const inst of institutions) {
    const n = inst.type === '2' ? 2 : ({ 3: 60, 2: 24, 1: 8, 0: 2 } as Record<number, number>)[inst.level ?? 0]!;
    for (let k = 0; k < n; k++) {
      const pharmacist = inst.type === '2';
      const p: Practitioner = {
        index: practitioners.length,
        code: practitionerCode(`${pharmacist ? 'HY' : 'D'}${inst.admdvs}`),
        name: personName(rng),
        institutions: [inst.index],
        pharmacist,
        suspendedFrom: null,
      };
      practitioners.push(p);
      inst.staff.push(p.index);
    }
  }
  // 多点执业: some level-3 doctors also practise at a private hospital of the same district.
  for (const inst of institutions.filter((i) => i.level === 3)) {
    const privates = institutions.filter((i) => i.kind === 'private_hospital' && i.district === inst.district);
    if (!privates.length) continue;
    for (const pi of inst.staff) {
      if (!rng.chance(0.03)) continue;
      const other = rng.pick(privates);
      practitioners[pi]!.institutions.push(other.index);
      other.staff.push(pi);
    }
  }
  // Suspended practitioners (暂停医保服务资格): about 0.5 %, from a day in the period.
  const doctors = practitioners.filter((p) => !p.pharmacist);
  const nSuspendedPrac = Math.max(3, Math.round(doctors.length * 0.005 * Math.max(opts.violationRate, 0.5)));
  for (let k = 0; k < nSuspendedPrac && doctors.length; k++) {
    const p = doctors.splice(rng.int(0, doctors.length - 1), 1)[0]!;
    p.suspendedFrom = Math.floor(days * (0.2 + 0.6 * rng.next()));
  }

  return { name: '杭州市', districts, communities, institutions, practitioners, persons: opts.persons };
}

/** Codes numbered per prefix: the prefix, then its next number in `digits` digits. */
function numbered(digits: number): (prefix: string) => string {
  const last = new Map<string, number>();
  return (prefix) => {
    const n = (last.get(prefix) ?? 0) + 1;
    last.set(prefix, n);
    return `${prefix}${pad(n, digits)}`;
  };
}

function cnNumber(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 ? digits[n % 10] : ''}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 ? digits[n % 10] : ''}`;
  return String(n);
}
