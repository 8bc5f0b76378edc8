/**
 * The vocabulary of the synthetic city: the catalogue items and disease groups the generator draws from.
 * `catalogue.ts` and `diseases.ts` hold the data; the generator (`city.ts`, `person.ts`, `visit.ts`) reads
 * only these types, so the data can grow without touching the generation logic.
 */

import type { ViolationCode } from './violations.js';

/** The kinds of visit the generator produces, with their med_type code. */
export const SETTINGS = ['outpatient', 'emergency', 'chronic', 'inpatient', 'pharmacy'] as const;
export type Setting = (typeof SETTINGS)[number];
export const MED_TYPE_OF: Record<Setting, string> = { outpatient: '11', emergency: '13', chronic: '14', inpatient: '21', pharmacy: '41' };

/** The settings of the data tables (catalogue, diseases), written as letters: O E C I P, one per setting. */
const SETTING_LETTERS: Record<string, Setting> = { O: 'outpatient', E: 'emergency', C: 'chronic', I: 'inpatient', P: 'pharmacy' };

/** The settings named by letters, in the order of SETTINGS. */
export function settingsOf(letters: string): Setting[] {
  const out = new Set<Setting>();
  for (const ch of letters) {
    const v = SETTING_LETTERS[ch];
    if (!v) throw new Error(`unknown setting letter: ${ch}`);
    out.add(v);
  }
  return SETTINGS.filter((x) => out.has(x));
}

/** Charge categories (med_chrgitm_type): 01 床位 … 14 其他. */
export type ChargeType = '01' | '02' | '03' | '04' | '05' | '06' | '07' | '08' | '09' | '10' | '11' | '12' | '13' | '14';

export type ListType = 'drug' | 'herbal' | 'service' | 'material' | 'non_medical';

/** What a line of the item is for inside a visit; the visit builder asks for items by role. */
export type ItemRole =
  | 'registration' // 13 挂号
  | 'consultation' // 02 诊察 (outpatient) / 12 一般诊疗 (primary care)
  | 'bed' //          01 床位, one a day in hospital
  | 'nursing' //      07 护理, one a day in hospital
  | 'ward_round' //   02 住院诊查, one a day in hospital
  | 'exam' //         03 检查
  | 'lab' //          04 化验
  | 'treatment' //    05 治疗
  | 'surgery' //      06 手术
  | 'material' //     08 卫生材料
  | 'drug' //         09 西药 / 11 中成药
  | 'herbal' //       10 中药饮片
  | 'other' //        14 其他 (medical)
  | 'non_medical'; // 14 非医保商品 sold by pharmacies, always self-paid

export interface CatalogueItem {
  /** National catalogue code (医保目录编码) in the national formats: see catalogue.ts. */
  code: string;
  name: string;
  listType: ListType;
  /** 01 甲类, 02 乙类, 03 丙类 (not payable by the fund). */
  chrgitmLv: '01' | '02' | '03';
  chargeType: ChargeType;
  role: ItemRole;
  /** Interchangeable drugs (same ingredient) share a group; drugs only. */
  drugGroup?: string;
  /** Prescription-only drug. */
  rx?: boolean;
  /** Usual unit price at a level-3 hospital (元); lower levels charge less (see the caps). */
  price: number;
  /** Price caps by institution level (元): level 3, 2 and 1-and-below; absent: no cap. */
  capLv3?: number;
  capLv2?: number;
  capLv1?: number;
  // Restrictions (hilist columns). Absent: no restriction.
  lmtGend?: '1' | '2';
  lmtAgeMin?: number;
  lmtAgeMax?: number;
  lmtHospLvMin?: 1 | 2 | 3;
  /** med_type codes the item is payable for, e.g. ['21'] (限住院). */
  lmtMedTypes?: string[];
  /** Diagnosis prefixes (ICD-10) the item is payable for (限适应症). */
  lmtDisePrefixes?: string[];
  maxDays?: number;
  maxCntPerDay?: number;
  maxCntPer7d?: number;
  // Generation hints (not written to hilist).
  /** Disease groups whose visits use the item; 'any' for items every visit may use (beds, basic labs). */
  groups: string[] | 'any';
  /** Settings in which the item is billed. */
  settings: Setting[];
  /** Usual quantity per line, inclusive range. */
  cnt: [number, number];
  /** Drugs and herbs: usual days of supply per line, outside hospital. */
  supplyDays?: number[];
}

export interface Relation {
  relType: 'exclusive' | 'bundle';
  /** For a bundle: the package item. */
  itemA: string;
  /** For a bundle: a part of the package. */
  itemB: string;
}

export interface Catalogue {
  items: CatalogueItem[];
  relations: Relation[];
}

export interface Diagnosis {
  /** ICD-10 医保版 code, e.g. J18.900. */
  code: string;
  name: string;
  /** Settings in which this diagnosis is the main one of a visit. */
  settings: Setting[];
  /** For admissions: usual length of stay in days, inclusive range. */
  stayDays?: [number, number];
  /** For admissions: the stay includes an operation. */
  surgical?: boolean;
}

export interface DiseaseGroup {
  /** Stable key used by CatalogueItem.groups, e.g. 'respiratory'. */
  key: string;
  name: string;
  /** Department code (科室) of visits of this group. */
  dept: string;
  diagnoses: Diagnosis[];
  /** Who gets it: sex ('1' male, '2' female, absent: both) and age range. */
  gend?: '1' | '2';
  ageMin: number;
  ageMax: number;
  /** Relative frequency among acute outpatient visits of persons it applies to. */
  weight: number;
  /** Seasonality: multiplier per month 1–12 (absent: flat). */
  season?: number[];
  /** A chronic condition: persons who have it come monthly (med_type 14) for refills. */
  chronic?: { prevalenceByAge: Array<[number, number]> };
}

/** A visit planned on a person's timeline. */
export interface Planned {
  setting: Setting;
  inst: number;
  day: number;
  /** Discharge day for admissions, else the visit day. */
  endDay: number;
  start: number;
  /** Discharge time (admissions) or settlement time (pharmacy slots, bursts). */
  end: number;
  group: DiseaseGroup | null;
  diagnosis: Diagnosis | null;
  /** Set by shard-level plans (clusters, bursts, visits after death): the timeline keeps them as they are. */
  fixed: boolean;
  /** Codes whose label is the visit's mdtrt_id (or its settlements' setl_id) once written. */
  labels: ViolationCode[];
  /** Admission with almost only bed / nursing / ward-round days (PHANTOM_ADMISSION, idle). */
  idle?: boolean;
  /** Admission written without its identity check (UNVERIFIED_ADMISSION). */
  unverified?: boolean;
  /** A visit inside another admission: that admission is labelled PHANTOM_ADMISSION. */
  phantomOf?: Planned;
  /** A passing identity check at another institution on a day inside this admission (PHANTOM_ADMISSION). */
  phantomAuth?: { inst: number; time: number };
  /** Injected on purpose: no line-level injection is added on top. */
  injected?: boolean;
  /** The visit's mdtrt_id, once written. */
  mdtrtId?: string;
}
