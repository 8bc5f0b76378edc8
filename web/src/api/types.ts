/**
 * The API as the UI sees it, from the one source: the contract (src/contract). Types come from its API module
 * (type-only, so zod and the request schemas never reach the browser bundle); value lists and the 条例's limits
 * from its vocabulary and regulation, which import nothing.
 */
export type * from '../../../src/contract/api';
export type { CaseSettings, WarningConfig } from '../../../src/contract/settings';
export * from '../../../src/contract/vocabulary';
export * from '../../../src/contract/regulation';

import type { FindingsQuery } from '../../../src/contract/api';
import type {
  CaseStatsGrouping,
  CaseStatus,
  ClueSource,
  ClueStatus,
  IndicatorKey,
  InstitutionSort,
  PractitionerSort,
  WarningBasis,
  WarningLevel,
  WarningSort,
} from '../../../src/contract/vocabulary';

/** The filters of GET /findings as the UI holds them: everything optional (the server applies its defaults). */
export type FindingsFilter = Partial<FindingsQuery>;

export interface InstitutionsFilter {
  page?: number;
  pageSize?: number;
  q?: string;
  admdvs?: string;
  kind?: string;
  sort?: InstitutionSort;
}

// ---------------------------------------------------------------- monitoring and early warning

/** The filters of GET /warnings as the UI holds them (lists as arrays, everything optional). */
export interface WarningsFilter {
  month?: string;
  level?: WarningLevel[];
  indicator?: IndicatorKey[];
  basis?: WarningBasis;
  institution?: string;
  admdvs?: string;
  grid?: string;
  sort?: WarningSort;
  page?: number;
  pageSize?: number;
}

/** The filters of GET /practitioners. */
export interface PractitionersFilter {
  kind?: string;
  dept?: string;
  institution?: string;
  level?: WarningLevel[];
  sort?: PractitionerSort;
  page?: number;
  pageSize?: number;
}

// ---------------------------------------------------------------- clues and cases (线索/案件台账)

/** The filters of GET /clues. */
export interface CluesFilter {
  status?: ClueStatus;
  source?: ClueSource;
  institution?: string;
  admdvs?: string;
  page?: number;
  pageSize?: number;
}

/** The filters of GET /cases. */
export interface CasesFilter {
  status?: CaseStatus;
  institution?: string;
  admdvs?: string;
  grid?: string;
  handler?: string;
  overdue?: 'true' | 'false';
  page?: number;
  pageSize?: number;
}

/** The query of GET /case-stats (months YYYY-MM; by region unless told). */
export interface CaseStatsFilter {
  from?: string;
  to?: string;
  by?: CaseStatsGrouping;
}

/** A page of decisions (GET /decisions). */
export interface DecisionsFilter {
  page?: number;
  pageSize?: number;
}
