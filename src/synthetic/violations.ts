/**
 * Deliberate violations: how often each code is injected, and the label file that records every one.
 * A label names the code and fills the code's key columns, as the screening output does; `fundguard
 * evaluate` compares the two.
 */
import { LOCATOR_COLUMNS, type LocatorColumn } from '../screening/rule.js';
import { PartWriter } from './output.js';
import type { Rng } from './random.js';

export const VIOLATION_CODES = [
  'GENDER_RESTRICTED',
  'AGE_RESTRICTED',
  'INST_LEVEL_RESTRICTED',
  'MED_TYPE_RESTRICTED',
  'INDICATION_RESTRICTED',
  'OVER_PRICE_CAP',
  'NON_COVERED_BILLED',
  'OVER_DAYS_SUPPLY',
  'SPLIT_PRESCRIPTION',
  'DUPLICATE_PRESCRIBING',
  'FREQUENCY_EXCEEDED',
  'DUPLICATE_CHARGE',
  'UNBUNDLING',
  'SPLIT_ADMISSION',
  'OVERLAPPING_ADMISSIONS',
  'PHANTOM_ADMISSION',
  'UNVERIFIED_ADMISSION',
  'DECEASED_PATIENT',
  'SUSPENDED_INSTITUTION',
  'SUSPENDED_PRACTITIONER',
  'ADMISSION_CLUSTER',
  'CARD_BURST',
  'STOCK_MISMATCH',
  'RX_WITHOUT_PRESCRIPTION',
] as const;
export type ViolationCode = (typeof VIOLATION_CODES)[number];

/**
 * Base probability of an injection at each opportunity (multiplied by --violation-rate). The opportunity is
 * named beside each rate; the figures give a few hundred labels per code for a million fee lines.
 */
export const BASE_RATES: Record<ViolationCode, number> = {
  GENDER_RESTRICTED: 0.0015, //        per outpatient or inpatient visit
  AGE_RESTRICTED: 0.0015, //           per outpatient or inpatient visit
  INST_LEVEL_RESTRICTED: 0.002, //     per visit at a level-0–2 institution
  MED_TYPE_RESTRICTED: 0.0015, //      per outpatient visit
  INDICATION_RESTRICTED: 0.0015, //    per outpatient, chronic or inpatient visit
  OVER_PRICE_CAP: 0.003, //            per visit
  NON_COVERED_BILLED: 0.002, //        per visit
  OVER_DAYS_SUPPLY: 0.002, //          per outpatient, chronic or pharmacy visit with drugs
  SPLIT_PRESCRIPTION: 0.0015, //       per outpatient, chronic or pharmacy visit with drugs
  DUPLICATE_PRESCRIBING: 0.02, //      per visit while an earlier supply of the person still runs
  FREQUENCY_EXCEEDED: 0.002, //        per visit
  DUPLICATE_CHARGE: 0.002, //          per visit
  UNBUNDLING: 0.01, //                 per visit with a package item
  SPLIT_ADMISSION: 0.02, //            per admission
  OVERLAPPING_ADMISSIONS: 0.01, //     per admission
  PHANTOM_ADMISSION: 0.02, //          per admission
  UNVERIFIED_ADMISSION: 0.03, //       per admission at an institution with identity checks
  DECEASED_PATIENT: 0.2, //            per deceased person
  SUSPENDED_INSTITUTION: 0.05, //      per visit that could go to a suspended institution after its suspension
  SUSPENDED_PRACTITIONER: 0.01, //     per visit at an institution with a suspended practitioner, after the suspension
  ADMISSION_CLUSTER: 1 / 30_000, //    per person-year
  CARD_BURST: 1 / 20_000, //           per person-year
  STOCK_MISMATCH: 0.01, //             per pharmacy item with enough sales
  RX_WITHOUT_PRESCRIPTION: 0.004, //   per pharmacy sale document with a prescription-only item
};

export class Injector {
  constructor(private readonly violationRate: number) {}

  rate(code: ViolationCode): number {
    return BASE_RATES[code] * this.violationRate;
  }

  roll(code: ViolationCode, rng: Rng): boolean {
    return this.violationRate > 0 && rng.next() < BASE_RATES[code] * this.violationRate;
  }

  get enabled(): boolean {
    return this.violationRate > 0;
  }
}

/** The label file's columns: the code, then the screening output's key columns (its locators but the amount). */
export const LABEL_COLUMNS = ['rule_code', ...LOCATOR_COLUMNS.filter((c) => c !== 'amount')];
export type LabelKey = Partial<Record<Exclude<LocatorColumn, 'amount'>, string>>;

export class LabelWriter {
  private readonly seen = new Set<string>();
  private readonly writer: PartWriter;
  readonly counts = new Map<ViolationCode, number>();

  constructor(path: string) {
    this.writer = new PartWriter(path, true);
  }

  add(code: ViolationCode, key: LabelKey): void {
    const line = [code, ...LABEL_COLUMNS.slice(1).map((c) => key[c as keyof LabelKey] ?? '')].join(',');
    if (this.seen.has(line)) return;
    this.seen.add(line);
    this.writer.row(line);
    this.counts.set(code, (this.counts.get(code) ?? 0) + 1);
  }

  close(): void {
    this.writer.close();
  }
}
