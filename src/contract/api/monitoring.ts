/** Monitoring and early warning (预警): the warning board, indicator series with peers, practitioner ranking. */
import { z } from 'zod';
import { warningConfigSchema } from '../settings.js';
import {
  INDICATOR_KEYS,
  INDICATOR_UNIT_TYPES,
  PRACTITIONER_SORTS,
  WARNING_BASES,
  WARNING_LEVELS,
  WARNING_SORTS,
  type IndicatorKey,
  type IndicatorUnit,
  type IndicatorUnitType,
  type WarningBasis,
  type WarningLevel,
} from '../vocabulary.js';
import { listOf, month, pageQuery, region } from './common.js';

export const warningsQuery = pageQuery.extend({
  month: month.optional(),
  level: listOf(WARNING_LEVELS).optional(),
  indicator: listOf(INDICATOR_KEYS).optional(),
  basis: z.enum(WARNING_BASES).optional(),
  institution: z.string().max(32).optional(),
  admdvs: region.optional(),
  grid: z.string().max(64).optional(),
  sort: z.enum(WARNING_SORTS).default('-level'),
});
export type WarningsQuery = z.infer<typeof warningsQuery>;
export const warningSummaryQuery = z.object({ month: month.optional() });
export const warningIdParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/) });
export interface WarningRow {
  id: string;
  fixmedinsCode: string;
  institutionName: string | null;
  kind: string | null;
  hospLv: number | null;
  admdvs: string | null;
  regionName: string | null;
  gridId: string | null;
  month: string;
  indicator: IndicatorKey;
  indicatorName: string;
  indicatorNameEn: string;
  /** 'threshold': month-on-month growth (or a rate) against set thresholds; 'history': robust z against the
   * institution's own earlier months; 'peer': robust z against its peers (same kind and level). */
  basis: WarningBasis;
  value: number;
  /** The previous month's value or the yellow threshold (threshold basis), the median of the institution's
   * earlier months (history basis) or the peers' median (peer basis). */
  reference: number | null;
  /** Month-on-month change (0.42 = +42 %), for growth thresholds. */
  change: number | null;
  /** Robust z-score: against the institution's own history (threshold basis) or its peers (peer basis). */
  z: number | null;
  level: WarningLevel;
  /** A sentence saying what was compared with what, in Chinese and English. */
  message: string;
  messageEn: string;
  /** The clue made from this warning, if any. */
  clueId: string | null;
}
export interface WarningSummary {
  months: string[];
  month: string | null;
  /** Institutions by their highest level that month, and warnings by level. */
  institutions: Record<WarningLevel, number>;
  warnings: Record<WarningLevel, number>;
}

export const indicatorQuery = z.object({
  unitType: z.enum(INDICATOR_UNIT_TYPES).default('institution'),
  unitId: z.string().min(1).max(64),
  indicator: z.enum(INDICATOR_KEYS),
});
export interface IndicatorSeries {
  unitType: IndicatorUnitType;
  unitId: string;
  name: string;
  indicator: IndicatorKey;
  indicatorName: string;
  indicatorNameEn: string;
  unit: IndicatorUnit;
  /** For institutions: the peer group (kind|level) the band comes from. */
  peerGroup: string | null;
  points: Array<{
    month: string;
    value: number | null;
    previous: number | null;
    change: number | null;
    /** The same month a year earlier, and the change against it. */
    lastYear: number | null;
    yearChange: number | null;
    /** Peers that month: median and the band median ± 1.4826 × MAD (institutions only). */
    peerMedian: number | null;
    peerLow: number | null;
    peerHigh: number | null;
    peers: number | null;
    warning: WarningLevel | null;
  }>;
}

export type IndicatorQuery = z.infer<typeof indicatorQuery>;

export const practitionersQuery = pageQuery.extend({
  kind: z.string().max(32).optional(),
  dept: z.string().max(32).optional(),
  institution: z.string().max(32).optional(),
  level: listOf(WARNING_LEVELS).optional(),
  sort: z.enum(PRACTITIONER_SORTS).default('-z'),
});
export type PractitionersQuery = z.infer<typeof practitionersQuery>;
export interface PractitionerRow {
  pracCode: string;
  name: string | null;
  fixmedinsCode: string;
  institutionName: string | null;
  kind: string | null;
  dept: string | null;
  prescriptions: number;
  costPerRx: number;
  drugsPerRx: number;
  /** Share of the practitioner's lines whose item carries a restriction (限定支付). */
  restrictedShare: number;
  peers: number;
  peerCostPerRx: number | null;
  peerDrugsPerRx: number | null;
  peerRestrictedShare: number | null;
  zCost: number | null;
  zDrugs: number | null;
  zRestricted: number | null;
  /** The highest of the three z-scores, and the level it reaches (null: within peers). */
  z: number | null;
  level: WarningLevel | null;
}

/** The thresholds of the three warning bases and of the practitioner ranking (PUT /api/warning-config). */
export const warningConfigBody = warningConfigSchema;
