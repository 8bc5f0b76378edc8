/**
 * Expands the compact tables of the catalogue data files into CatalogueItem objects.
 *
 * Shorthand used by every table
 * - groups: '*' for 'any', else space-separated abbreviations of DISEASE_GROUPS keys (see GROUP_ABBR).
 * - settings: letters O outpatient, E emergency, C chronic (门诊慢特病), I inpatient, P pharmacy.
 * - flags of a drug or material row: '1' | '2' | '3' for 甲类 / 乙类 / 丙类, followed by 'c' when the item has a
 *   price cap (drugs: 医保支付标准 capLv3 = price, no lower-level caps; materials: capLv3 = price). A herb row
 *   has the class alone.
 * - Extra: restrictions and overrides of one row, see the interface.
 *
 * Codes follow the national formats described in ../catalogue.ts (CODE_FORMATS). Their made-up parts
 * (ingredient numbers, makers) come from a hash of the name, so they are stable when rows are added.
 */
import { settingsOf, type CatalogueItem, type ChargeType, type ItemRole } from '../model.js';

export const GROUP_ABBR: Record<string, string> = {
  re: 'respiratory',
  cv: 'cardiovascular',
  en: 'endocrine',
  di: 'digestive',
  ms: 'musculoskeletal',
  ne: 'neurology',
  gy: 'gynecology_obstetrics',
  um: 'urology_male',
  pe: 'pediatrics',
  on: 'oncology',
  np: 'nephrology',
  in: 'injury',
  de: 'dermatology_ent_eye',
};

export function groupsOf(s: string): string[] | 'any' {
  if (s === '*') return 'any';
  return s
    .split(' ')
    .filter(Boolean)
    .map((a) => {
      const k = GROUP_ABBR[a];
      if (!k) throw new Error(`unknown group abbreviation: ${a}`);
      return k;
    });
}

export const r2 = (x: number): number => Math.round(x * 100) / 100;
export const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** FNV-1a, 32 bits: deterministic filler for the made-up parts of codes. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Letter + digits derived from a key (ingredient numbers of drug codes). */
export function letterDigits(key: string, digits: number): string {
  const h = hash(key);
  return String.fromCharCode(65 + (h % 26)) + pad(Math.floor(h / 26) % 10 ** digits, digits);
}

/** Restrictions and overrides of one row (compact names; absent: none / the table's default). */
export interface Extra {
  lv?: '01' | '02' | '03';
  gend?: '1' | '2';
  ageMin?: number;
  ageMax?: number;
  hosp?: 1 | 2 | 3;
  /** lmtMedTypes, '|'-separated, e.g. '21' or '14|21'. */
  med?: string;
  /** lmtDisePrefixes, space-separated 3-character ICD-10 prefixes. */
  dise?: string;
  maxDays?: number;
  perDay?: number;
  per7d?: number;
  cnt?: [number, number];
  /** supplyDays. */
  sd?: number[];
  rx?: boolean;
  /** Services: capped at level 3 only (the same price at every level). */
  flat?: boolean;
}

export function applyExtra(it: CatalogueItem, x: Extra): CatalogueItem {
  if (x.lv) it.chrgitmLv = x.lv;
  if (x.gend) it.lmtGend = x.gend;
  if (x.ageMin !== undefined) it.lmtAgeMin = x.ageMin;
  if (x.ageMax !== undefined) it.lmtAgeMax = x.ageMax;
  if (x.hosp !== undefined) it.lmtHospLvMin = x.hosp;
  if (x.med) it.lmtMedTypes = x.med.split('|');
  if (x.dise) it.lmtDisePrefixes = x.dise.split(' ').filter(Boolean);
  if (x.maxDays !== undefined) it.maxDays = x.maxDays;
  if (x.perDay !== undefined) it.maxCntPerDay = x.perDay;
  if (x.per7d !== undefined) it.maxCntPer7d = x.per7d;
  if (x.cnt) it.cnt = x.cnt;
  if (x.rx !== undefined && it.rx !== undefined) it.rx = x.rx;
  return it;
}

function lvOf(flags: string): '01' | '02' | '03' {
  const c = flags[0];
  if (c !== '1' && c !== '2' && c !== '3') throw new Error(`bad flags: ${flags}`);
  return `0${c}` as '01' | '02' | '03';
}

// ---------------------------------------------------------------------------------------------------------
// Drugs

/** Dosage-form part of a western drug code (`A` + 3 digits), from the name before the first space. */
function formCode(name: string): string {
  const base = name.split(' ')[0]!;
  const forms: Array<[string, string]> = [
    ['注射用', 'A011'],
    ['注射液', 'A010'],
    ['缓释片', 'A002'],
    ['控释片', 'A002'],
    ['肠溶片', 'A003'],
    ['分散片', 'A004'],
    ['咀嚼片', 'A005'],
    ['缓释胶囊', 'A007'],
    ['胶囊', 'A006'],
    ['干混悬剂', 'A009'],
    ['颗粒', 'A008'],
    ['散', 'A012'],
    ['口服溶液', 'A013'],
    ['混悬液', 'A013'],
    ['滴剂', 'A013'],
    ['糖浆', 'A013'],
    ['吸入', 'A020'],
    ['气雾剂', 'A020'],
    ['粉雾剂', 'A020'],
    ['喷雾剂', 'A021'],
    ['滴眼液', 'A030'],
    ['滴耳液', 'A031'],
    ['乳膏', 'A040'],
    ['软膏', 'A040'],
    ['凝胶', 'A040'],
    ['乳胶剂', 'A040'],
    ['贴', 'A041'],
    ['洗剂', 'A042'],
    ['酊', 'A042'],
    ['栓', 'A050'],
    ['阴道', 'A050'],
    ['片', 'A001'],
    ['液', 'A014'],
  ];
  for (const [k, v] of forms) if (base.includes(k)) return v;
  return 'A099';
}

/**
 * One drug product, a row of the drug tables: its drug group (one ingredient or prescription; interchangeable
 * products share it), category code (ATC level 4 of a western drug, the catalogue category of a patent medicine),
 * disease groups, settings, name with strength and pack, usual price (元), flags, restrictions.
 */
export type DrugRow = [
  dg: string,
  category: string,
  groups: string,
  settings: string,
  name: string,
  price: number,
  flags: string,
  x?: Extra,
];

/**
 * The items of a drug table. The products of one drug group listed for the same settings are its specifications
 * 1, 2, … in the order of the table; `code` makes an item's code from its row and that number.
 */
function drugs(rows: DrugRow[], kind: 'west' | 'tcm', code: (row: DrugRow, spec: number) => string, defaults: Extra): CatalogueItem[] {
  const listed = new Map<string, number>();
  return rows.map((row) => {
    const [dg, , groups, settings, name, price, flags, x] = row;
    const key = `${dg}|${settings}`;
    const spec = (listed.get(key) ?? 0) + 1;
    listed.set(key, spec);
    const st = settingsOf(settings);
    const inj = name.split(' ')[0]!.includes('注射');
    const it: CatalogueItem = {
      code: code(row, spec),
      name,
      listType: 'drug',
      chrgitmLv: lvOf(flags),
      chargeType: kind === 'west' ? '09' : '11',
      role: 'drug',
      drugGroup: `DG-${dg}`,
      rx: kind === 'west',
      price,
      groups: groupsOf(groups),
      settings: st,
      cnt: st.includes('chronic') ? [1, 4] : [1, 2],
    };
    if (flags.includes('c')) it.capLv3 = price;
    const e: Extra = { ...defaults, ...x };
    applyExtra(it, e);
    if (st.some((s) => s !== 'inpatient')) {
      let sd = e.sd ?? (st.includes('chronic') ? [7, 14, 28] : inj ? [1, 3] : [3, 5, 7]);
      if (it.maxDays !== undefined) sd = sd.filter((d) => d <= it.maxDays!);
      it.supplyDays = sd;
    }
    return it;
  });
}

/**
 * Western drugs (09). Code: `X` + ATC level 4 + ingredient no. (letter + 3 digits) + dosage form (`A` + 3 digits)
 * + specification (3 digits) + pack (1 digit) + maker (5 digits).
 */
export function westernDrugs(rows: DrugRow[]): CatalogueItem[] {
  return drugs(
    rows,
    'west',
    ([dg, atc, , , name], spec) => {
      if (!/^[A-Z]\d{2}[A-Z]{2}$/.test(atc)) throw new Error(`bad ATC level 4: ${atc}`);
      return `X${atc}${letterDigits(`west:${dg}`, 3)}${formCode(name)}${pad(spec, 3)}1${pad(hash(name) % 100_000, 5)}`;
    },
    {},
  );
}

/**
 * Patent Chinese medicines (11), over the counter unless a row says `rx: true`. Code: `Z` + category (letter +
 * 2 digits + 2 letters) + prescription no. (letter + 4 digits) + 9 digits (specification 2, form 2, pack 1, maker 4).
 */
export function patentMedicines(rows: DrugRow[]): CatalogueItem[] {
  return drugs(
    rows,
    'tcm',
    ([dg, cat, , , name], spec) => {
      if (!/^[A-Z]\d{2}[A-Z]{2}$/.test(cat)) throw new Error(`bad category: ${cat}`);
      return `Z${cat}${letterDigits(`tcm:${dg}`, 4)}${pad(spec, 2)}${formCode(name).slice(2)}1${pad(hash(name) % 10_000, 4)}`;
    },
    { rx: false },
  );
}

/** A herbal piece: name, price per gram (元), usual grams per line [min, max], class ('1' | '2' | '3', as the flags of a drug). */
export type HerbRow = [name: string, perGram: number, gMin: number, gMax: number, lv: '1' | '2' | '3'];

/** Herbal pieces (10) of one category. Code: `T` + 9 digits (1, category 2, item 3, processing 3). */
export function herbs(cat: number, groups: string, settings: string, rows: HerbRow[]): CatalogueItem[] {
  return rows.map(([name, perGram, gMin, gMax, lv], i) => ({
    code: `T1${pad(cat, 2)}${pad(i + 1, 3)}001`,
    name,
    listType: 'herbal',
    chrgitmLv: lvOf(lv),
    chargeType: '10',
    role: 'herbal',
    price: perGram,
    groups: groupsOf(groups),
    settings: settingsOf(settings),
    cnt: [gMin, gMax],
    supplyDays: [7],
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Services, materials, goods

/** A service: name, price at level 3 (元), groups, settings, extra. */
export type SvcRow = [name: string, price: number, groups: string, settings: string, x?: Extra];

/**
 * Medical services of one block, with the restrictions every row of the block has (`every`, before a row's own).
 * Code: prefix (4 digits) + sub-block (2 digits) + item (5 digits) + `0000`. Every service is capped:
 * capLv3 = price, capLv2 ≈ 0.9 ×, capLv1 ≈ 0.8 × (unless `flat`).
 */
export function services(
  prefix: string,
  sub: number,
  chargeType: ChargeType,
  role: ItemRole,
  ...block: [rows: SvcRow[]] | [every: Extra, rows: SvcRow[]]
): CatalogueItem[] {
  const [every, rows] = block.length === 1 ? [{}, block[0]] : block;
  return rows.map(([name, price, groups, settings, x], i) => {
    const e: Extra = { ...every, ...x };
    const it: CatalogueItem = {
      code: `${prefix}${pad(sub, 2)}${pad(i + 1, 5)}0000`,
      name,
      listType: 'service',
      chrgitmLv: '01',
      chargeType,
      role,
      price,
      capLv3: price,
      groups: groupsOf(groups),
      settings: settingsOf(settings),
      cnt: [1, 1],
    };
    if (!e.flat) {
      it.capLv2 = r2(price * 0.9);
      it.capLv1 = r2(price * 0.8);
    }
    return applyExtra(it, e);
  });
}

/** A material: name, price (元), groups, settings, flags ('1c' …), extra. */
export type MatRow = [name: string, price: number, groups: string, settings: string, flags: string, x?: Extra];

/** Medical materials (08) of one category. Code: `C` + category 2 + `01` + item 4 + product 9 + `001` (20 digits). */
export function materials(cat: number, rows: MatRow[]): CatalogueItem[] {
  return rows.map(([name, price, groups, settings, flags, x], i) => {
    const it: CatalogueItem = {
      code: `C${pad(cat, 2)}01${pad(i + 1, 4)}${pad(hash(name) % 1_000_000_000, 9)}001`,
      name,
      listType: 'material',
      chrgitmLv: lvOf(flags),
      chargeType: '08',
      role: 'material',
      price,
      groups: groupsOf(groups),
      settings: settingsOf(settings),
      cnt: [1, 1],
    };
    if (flags.includes('c')) it.capLv3 = price;
    return applyExtra(it, x ?? {});
  });
}

/** Non-medical goods sold by pharmacies (丙类, always self-paid). Code: `QT` + 10 digits. */
export function goods(rows: Array<[name: string, price: number]>): CatalogueItem[] {
  return rows.map(([name, price], i) => ({
    code: `QT20${pad(hash(name) % 10_000, 4)}${pad(i + 1, 4)}`,
    name,
    listType: 'non_medical',
    chrgitmLv: '03',
    chargeType: '14',
    role: 'non_medical',
    price,
    groups: 'any',
    settings: ['pharmacy'],
    cnt: [1, 2],
  }));
}
