/**
 * Insured persons (参保人): sex and age from a population pyramid, birth dates, resident IDs with a valid
 * check digit, residence down to village or community, insurance type, chronic conditions and deaths.
 */
import type { Calendar } from './calendar.js';
import type { City, Community, District, Street } from './city.js';
import type { DiseaseGroup } from './model.js';
import { Rng } from './random.js';

export interface Person {
  index: number;
  psnNo: string;
  gend: '1' | '2';
  birth: Date;
  brdy: string;
  /** Whole years on day 0 of the period, and the day numbers of birthdays inside it. */
  ageAtStart: number;
  birthdays: number[];
  insutype: '310' | '390';
  certno: string | null;
  district: District;
  street: Street;
  community: Community;
  /** Day number of death (negative: before the period), or null. */
  deathDay: number | null;
  /** Keys of disease groups with a chronic condition of this person. */
  chronic: string[];
}

/** Population shares by five-year age band (0–4 … 95–99), after China's recent censuses. */
const AGE_BANDS = [4.5, 5.6, 6.0, 5.5, 5.2, 5.8, 8.0, 7.5, 6.8, 7.0, 8.5, 8.0, 6.0, 5.5, 4.5, 2.8, 1.8, 0.9, 0.25, 0.05];

/** Yearly probability of death by age. */
function mortality(age: number): number {
  if (age < 1) return 0.005;
  if (age < 40) return 0.0005;
  if (age < 60) return 0.003;
  if (age < 70) return 0.01;
  if (age < 80) return 0.03;
  if (age < 90) return 0.08;
  return 0.18;
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The GB 11643 check character of the first 17 digits of a resident ID. */
export function certnoCheck(first17: string): string {
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(first17[i]) * CHECK_WEIGHTS[i]!;
  return CHECK_CHARS[s % 11]!;
}

export function makePerson(
  seed: number,
  city: City,
  calendar: Calendar,
  groups: readonly DiseaseGroup[],
  district: District,
  street: Street,
  community: Community,
  index: number,
): Person {
  const rng = new Rng(seed, 0x9e, index);
  const band = rng.weighted(AGE_BANDS);
  const ageAtStart = band * 5 + rng.int(0, 4);
  const gend: '1' | '2' = rng.chance(ageAtStart >= 70 ? 0.45 : 0.51) ? '1' : '2';
  // Birth date: the birthday falls on a random day of the year, so the age at day 0 is ageAtStart.
  const startYear = calendar.start.getUTCFullYear();
  const offset = rng.int(0, 364);
  let birth = new Date(Date.UTC(startYear - ageAtStart, calendar.start.getUTCMonth(), calendar.start.getUTCDate() - offset));
  if (calendar.ageOn(birth, 0) !== ageAtStart)
    birth = new Date(Date.UTC(startYear - ageAtStart, calendar.start.getUTCMonth(), calendar.start.getUTCDate()));
  const birthdays: number[] = [];
  for (let y = startYear; y <= startYear + Math.ceil(calendar.months / 12) + 1; y++) {
    const b = new Date(Date.UTC(y, birth.getUTCMonth(), birth.getUTCDate()));
    const day = Math.round((b.getTime() - calendar.start.getTime()) / 86_400_000);
    if (day > 0 && day < calendar.days) birthdays.push(day);
  }
  const brdy = birth.toISOString().slice(0, 10);
  const working = ageAtStart >= 18 && ageAtStart < 60;
  const employeeShare = working ? (district.urban ? 0.6 : 0.25) : ageAtStart >= 60 ? (district.urban ? 0.45 : 0.15) : 0;
  const insutype = rng.chance(employeeShare) ? '310' : '390';
  let certno: string | null = null;
  if (rng.chance(0.97)) {
    // The order code's last digit is odd for men and even for women.
    const order = pad(rng.int(0, 499) * 2 + (gend === '1' ? 1 : 0), 3);
    const first17 = `${district.admdvs}${brdy.replace(/-/g, '')}${order}`;
    certno = first17 + certnoCheck(first17);
  }
  const years = calendar.months / 12;
  let deathDay: number | null = null;
  const birthDay = Math.round((birth.getTime() - calendar.start.getTime()) / 86_400_000);
  if (rng.chance(0.004)) {
    // Died before the period (still on the register), but after being born.
    const span = Math.min(700, -birthDay - 1);
    if (span >= 1) deathDay = -rng.int(1, span);
  }
  if (deathDay === null && rng.chance(1 - Math.pow(1 - mortality(ageAtStart), years))) deathDay = rng.int(5, calendar.days - 1);
  const chronic: string[] = [];
  for (const g of groups) {
    if (!g.chronic) continue;
    if (g.gend && g.gend !== gend) continue;
    if (ageAtStart < g.ageMin || ageAtStart > g.ageMax) continue;
    let prevalence = 0;
    for (const [minAge, p] of g.chronic.prevalenceByAge) if (ageAtStart >= minAge) prevalence = p;
    if (rng.chance(prevalence)) chronic.push(g.key);
  }
  void city;
  return {
    index,
    psnNo: `${district.admdvs}${pad(index, 10)}`,
    gend,
    birth,
    brdy,
    ageAtStart,
    birthdays,
    insutype,
    certno,
    district,
    street,
    community,
    deathDay,
    chronic,
  };
}

/** Age in whole years on a day of the period. */
export function ageOnDay(p: Person, day: number): number {
  let a = p.ageAtStart;
  for (const b of p.birthdays) if (b <= day) a++;
  return a;
}
