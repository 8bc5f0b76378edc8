/**
 * Turns the rows of the catalogue's tables (tables/*.csv, read and checked by tables.ts) into CatalogueItem objects:
 * the codes, the numbering of products within their block, and the defaults a row leaves to its kind.
 *
 * - groups: '*' for 'any', else space-separated abbreviations of DISEASE_GROUPS keys (see GROUP_ABBR).
 * - settings: letters O outpatient, E emergency, C chronic (门诊慢特病), I inpatient, P pharmacy.
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

/** The number of each row among the rows of the same key: 1, 2, … in the order of the table. */
function numberedWithin<T>(rows: T[], key: (row: T) => string): number[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const k = key(row);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return n;
  });
}

/** Restrictions of a row (the hilist columns lmt_* and max_*); absent: none. */
export type Restrictions = Pick<
  CatalogueItem,
  'lmtGend' | 'lmtAgeMin' | 'lmtAgeMax' | 'lmtHospLvMin' | 'lmtMedTypes' | 'lmtDisePrefixes' | 'maxDays' | 'maxCntPerDay' | 'maxCntPer7d'
>;

function restrict(it: CatalogueItem, r: Restrictions): CatalogueItem {
  if (r.lmtGend) it.lmtGend = r.lmtGend;
  if (r.lmtAgeMin !== undefined) it.lmtAgeMin = r.lmtAgeMin;
  if (r.lmtAgeMax !== undefined) it.lmtAgeMax = r.lmtAgeMax;
  if (r.lmtHospLvMin !== undefined) it.lmtHospLvMin = r.lmtHospLvMin;
  if (r.lmtMedTypes) it.lmtMedTypes = r.lmtMedTypes;
  if (r.lmtDisePrefixes) it.lmtDisePrefixes = r.lmtDisePrefixes;
  if (r.maxDays !== undefined) it.maxDays = r.maxDays;
  if (r.maxCntPerDay !== undefined) it.maxCntPerDay = r.maxCntPerDay;
  if (r.maxCntPer7d !== undefined) it.maxCntPer7d = r.maxCntPer7d;
  return it;
}

/** 01 甲类, 02 乙类, 03 丙类. */
export type Class = CatalogueItem['chrgitmLv'];

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
 * One drug product: its drug group (one ingredient or prescription; interchangeable products share it), category
 * (ATC level 4 of a western drug, the catalogue category of a patent medicine), name with strength and pack, usual
 * price (元), class, whether the price is also its 医保支付标准 (capLv3; no lower-level caps), prescription-only,
 * disease groups, settings, usual quantity per line and days of supply (absent: the defaults below), restrictions.
 */
export interface DrugRow extends Restrictions {
  drugGroup: string;
  category: string;
  name: string;
  price: number;
  lv: Class;
  capped: boolean;
  rx: boolean;
  groups: string;
  settings: string;
  cnt?: [number, number];
  supplyDays?: number[];
}

/**
 * The items of a drug table. The products of one drug group listed for the same settings are its specifications
 * 1, 2, … in the order of the table; `code` makes an item's code from its row and that number. Defaults: 1–4 units
 * a line for drugs of chronic visits, else 1–2; outside hospital, 7/14/28 days of supply for chronic visits,
 * 1/3 for injections, else 3/5/7 (none longer than maxDays).
 */
function drugs(rows: DrugRow[], chargeType: '09' | '11', code: (row: DrugRow, spec: number) => string): CatalogueItem[] {
  const specs = numberedWithin(rows, (row) => `${row.drugGroup}|${row.settings}`);
  return rows.map((row, i) => {
    const st = settingsOf(row.settings);
    const inj = row.name.split(' ')[0]!.includes('注射');
    const it: CatalogueItem = {
      code: code(row, specs[i]!),
      name: row.name,
      listType: 'drug',
      chrgitmLv: row.lv,
      chargeType,
      role: 'drug',
      drugGroup: `DG-${row.drugGroup}`,
      rx: row.rx,
      price: row.price,
      groups: groupsOf(row.groups),
      settings: st,
      cnt: row.cnt ?? (st.includes('chronic') ? [1, 4] : [1, 2]),
    };
    if (row.capped) it.capLv3 = row.price;
    restrict(it, row);
    if (st.some((s) => s !== 'inpatient')) {
      let sd = row.supplyDays ?? (st.includes('chronic') ? [7, 14, 28] : inj ? [1, 3] : [3, 5, 7]);
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
    '09',
    (row, spec) =>
      `X${row.category}${letterDigits(`west:${row.drugGroup}`, 3)}${formCode(row.name)}${pad(spec, 3)}1${pad(hash(row.name) % 100_000, 5)}`,
  );
}

/**
 * Patent Chinese medicines (11). Code: `Z` + category (letter + 2 digits + 2 letters) + prescription no. (letter +
 * 4 digits) + 9 digits (specification 2, form 2, pack 1, maker 4).
 */
export function patentMedicines(rows: DrugRow[]): CatalogueItem[] {
  return drugs(
    rows,
    '11',
    (row, spec) =>
      `Z${row.category}${letterDigits(`tcm:${row.drugGroup}`, 4)}${pad(spec, 2)}${formCode(row.name).slice(2)}1${pad(hash(row.name) % 10_000, 4)}`,
  );
}

/** A herbal piece: category (1, 2, …), name, price per gram (元), class, groups, settings, usual grams per line. */
export interface HerbRow {
  category: number;
  name: string;
  pricePerGram: number;
  lv: Class;
  groups: string;
  settings: string;
  grams: [number, number];
}

/** Herbal pieces (10), supplied for 7 days. Code: `T` + 9 digits (1, category 2, item within the category 3, processing 3). */
export function herbs(rows: HerbRow[]): CatalogueItem[] {
  const nos = numberedWithin(rows, (row) => String(row.category));
  return rows.map((row, i) => ({
    code: `T1${pad(row.category, 2)}${pad(nos[i]!, 3)}001`,
    name: row.name,
    listType: 'herbal',
    chrgitmLv: row.lv,
    chargeType: '10',
    role: 'herbal',
    price: row.pricePerGram,
    groups: groupsOf(row.groups),
    settings: settingsOf(row.settings),
    cnt: row.grams,
    supplyDays: [7],
  }));
}

// ---------------------------------------------------------------------------------------------------------
// Services, materials, goods

/**
 * A medical service: the start of its code (chapter 4 digits + block 2 digits), charge type, role, name, price at
 * level 3 (元), class, whether the cap is the same at every level, groups, settings, usual quantity per line
 * (absent: 1), restrictions.
 */
export interface ServiceRow extends Restrictions {
  codePrefix: string;
  chargeType: ChargeType;
  role: ItemRole;
  name: string;
  price: number;
  lv: Class;
  flatCap: boolean;
  groups: string;
  settings: string;
  cnt?: [number, number];
}

/**
 * Medical services. Code: code prefix (6 digits) + item within the block (5 digits) + `0000`. Every service is
 * capped: capLv3 = price, capLv2 ≈ 0.9 ×, capLv1 ≈ 0.8 × (unless the cap is flat).
 */
export function services(rows: ServiceRow[]): CatalogueItem[] {
  const nos = numberedWithin(rows, (row) => row.codePrefix);
  return rows.map((row, i) => {
    const it: CatalogueItem = {
      code: `${row.codePrefix}${pad(nos[i]!, 5)}0000`,
      name: row.name,
      listType: 'service',
      chrgitmLv: row.lv,
      chargeType: row.chargeType,
      role: row.role,
      price: row.price,
      capLv3: row.price,
      groups: groupsOf(row.groups),
      settings: settingsOf(row.settings),
      cnt: row.cnt ?? [1, 1],
    };
    if (!row.flatCap) {
      it.capLv2 = r2(row.price * 0.9);
      it.capLv1 = r2(row.price * 0.8);
    }
    return restrict(it, row);
  });
}

/**
 * A medical material: category (1, 2, …), name, price (元), class, whether the price is also its cap (capLv3),
 * groups, settings, usual quantity per line (absent: 1), restrictions.
 */
export interface MaterialRow extends Restrictions {
  category: number;
  name: string;
  price: number;
  lv: Class;
  capped: boolean;
  groups: string;
  settings: string;
  cnt?: [number, number];
}

/** Medical materials (08). Code: `C` + category 2 + `01` + item within the category 4 + product 9 + `001` (20 digits). */
export function materials(rows: MaterialRow[]): CatalogueItem[] {
  const nos = numberedWithin(rows, (row) => String(row.category));
  return rows.map((row, i) => {
    const it: CatalogueItem = {
      code: `C${pad(row.category, 2)}01${pad(nos[i]!, 4)}${pad(hash(row.name) % 1_000_000_000, 9)}001`,
      name: row.name,
      listType: 'material',
      chrgitmLv: row.lv,
      chargeType: '08',
      role: 'material',
      price: row.price,
      groups: groupsOf(row.groups),
      settings: settingsOf(row.settings),
      cnt: row.cnt ?? [1, 1],
    };
    if (row.capped) it.capLv3 = row.price;
    return restrict(it, row);
  });
}

/** A non-medical product sold by pharmacies: name, price (元). */
export interface GoodsRow {
  name: string;
  price: number;
}

/** Non-medical goods sold by pharmacies (丙类, always self-paid). Code: `QT` + 10 digits. */
export function goods(rows: GoodsRow[]): CatalogueItem[] {
  return rows.map(({ name, price }, i) => ({
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
