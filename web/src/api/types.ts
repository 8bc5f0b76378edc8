/**
 * The API's types, shared with the server: the contract (src/server/contract.ts) is the one source.
 * Only types are imported, so zod and the request schemas never reach the browser bundle.
 */
export type {
  Appeal,
  AppealStatus,
  Attachment,
  AuditEntry,
  CaseDecision,
  CaseDecisionBody,
  CaseDecisionStatus,
  CaseDetail,
  CaseLogEntry,
  CaseNote,
  CaseRow,
  CaseStats,
  CaseStatsRow,
  CaseStatus,
  Clue,
  ClueBody,
  ClueSource,
  ClueStatus,
  DecisionDetail,
  DecisionSanction,
  LogVerification,
  NoteKind,
  PersonRef,
  Recovery,
  Sanction,
  SanctionKind,
  Decision,
  DecisionAction,
  ErrorBody,
  ErrorCode,
  FeeLine,
  FindingDetail,
  FindingRow,
  FindingStatus,
  FindingsQuery,
  ImportValidation,
  IndicatorKey,
  IndicatorSeries,
  InstitutionProfile,
  InstitutionRow,
  Job,
  Meta,
  Overview,
  Page,
  PersonInfo,
  PractitionerRow,
  Role,
  RuleInfo,
  Session,
  UserInfo,
  UserRow,
  VisitDetail,
  WarningLevel,
  WarningRow,
  WarningSummary,
} from '../../../src/server/contract';

import type { z } from 'zod';
import type {
  CASE_STATUSES,
  CaseDecision,
  CaseStatus,
  CLUE_SOURCES,
  CLUE_STATUSES,
  ClueSource,
  ClueStatus,
  NOTE_KINDS,
  SANCTION_KINDS,
  FindingsQuery,
  FINDING_SORTS,
  FINDING_STATUSES,
  DECISION_ACTIONS,
  ROLES,
  INDICATOR_KEYS,
  IndicatorKey,
  IndicatorSeries,
  WARNING_LEVELS,
  WarningLevel,
  practitionersQuery,
  warningsQuery,
} from '../../../src/server/contract';

export type FindingSort = (typeof FINDING_SORTS)[number];
export type Level = 'definite' | 'suspect';

/** The filters of GET /findings as the UI holds them: everything optional (the server applies its defaults). */
export type FindingsFilter = Partial<FindingsQuery>;

export type InstitutionSort = '-amount' | '-findings' | '-fundPaid' | 'name';
export interface InstitutionsFilter {
  page?: number;
  pageSize?: number;
  q?: string;
  admdvs?: string;
  kind?: string;
  sort?: InstitutionSort;
}

/** The kinds of institution (fixmedins.inst_kind) the UI names. */
export const INSTITUTION_KINDS = ['public_hospital', 'private_hospital', 'primary_care', 'village_clinic', 'pharmacy', 'other'] as const;

// ---------------------------------------------------------------- monitoring and early warning

export type WarningSort = z.infer<typeof warningsQuery>['sort'];
export type PractitionerSort = z.infer<typeof practitionersQuery>['sort'];
export type IndicatorUnit = IndicatorSeries['unit'];
export type IndicatorUnitType = IndicatorSeries['unitType'];

/** The filters of GET /warnings as the UI holds them (lists as arrays, everything optional). */
export interface WarningsFilter {
  month?: string;
  level?: WarningLevel[];
  indicator?: IndicatorKey[];
  basis?: 'threshold' | 'history' | 'peer';
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

/** Value lists mirrored from the contract (importing the values would pull zod into the bundle); `satisfies` keeps them in step. */
export const FINDING_SORT_VALUES = ['-amount', 'amount', '-day', 'day', 'code', 'institution'] as const satisfies readonly FindingSort[];
export const STATUS_VALUES = [
  'open',
  'assigned',
  'confirmed',
  'dismissed',
  'responded',
] as const satisfies readonly (typeof FINDING_STATUSES)[number][];
export const ACTION_VALUES = [
  'confirm',
  'dismiss',
  'assign',
  'respond',
  'reopen',
] as const satisfies readonly (typeof DECISION_ACTIONS)[number][];
export const ROLE_VALUES = ['admin', 'analyst', 'reviewer', 'institution'] as const satisfies readonly (typeof ROLES)[number][];
export const INDICATOR_VALUES = [
  'visits',
  'admissions',
  'discharges',
  'fund_paid',
  'total_cost',
  'cost_per_visit',
  'cost_per_admission',
  'alos',
  'fund_share',
  'drug_share',
  'readmission_15d',
  'findings',
  'amount_at_risk',
] as const satisfies readonly IndicatorKey[];
export const WARNING_LEVEL_VALUES = ['yellow', 'orange', 'red'] as const satisfies readonly WarningLevel[];
export const WARNING_SORT_VALUES = ['-level', '-change', '-z', 'month', '-month', 'institution'] as const satisfies readonly WarningSort[];
export const PRACTITIONER_SORT_VALUES = [
  '-z',
  '-costPerRx',
  '-drugsPerRx',
  '-restrictedShare',
  '-prescriptions',
] as const satisfies readonly PractitionerSort[];

/** The unit of each indicator's value (the series carry it too; the warning rows do not). */
export const INDICATOR_UNITS: Record<IndicatorKey, IndicatorUnit> = {
  visits: 'count',
  admissions: 'count',
  discharges: 'count',
  fund_paid: 'money',
  total_cost: 'money',
  cost_per_visit: 'money',
  cost_per_admission: 'money',
  alos: 'days',
  fund_share: 'ratio',
  drug_share: 'ratio',
  readmission_15d: 'ratio',
  findings: 'count',
  amount_at_risk: 'money',
};

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
  by?: 'region' | 'grid';
}

/** A page of decisions (GET /decisions). */
export interface DecisionsFilter {
  page?: number;
  pageSize?: number;
}

export type ViolationKind = CaseDecision['violationKind'];

export const CLUE_SOURCE_VALUES = [
  'finding',
  'warning',
  'report',
  'referral',
  'inspection',
  'other',
] as const satisfies readonly ClueSource[];
/** The sources of a clue entered by hand (findings and warnings make their own). */
export const MANUAL_CLUE_SOURCES = ['report', 'referral', 'inspection', 'other'] as const satisfies readonly ClueSource[];
export const CLUE_STATUS_VALUES = ['open', 'in_case', 'dismissed'] as const satisfies readonly ClueStatus[];
export const CASE_STATUS_VALUES = ['investigating', 'reviewing', 'decided', 'appealed', 'closed'] as const satisfies readonly CaseStatus[];
export const SANCTION_KIND_VALUES = [
  'suspend_institution',
  'suspend_department',
  'terminate_institution',
  'suspend_practitioner',
] as const satisfies readonly (typeof SANCTION_KINDS)[number][];
export const NOTE_KIND_VALUES = ['note', 'inspection', 'interview'] as const satisfies readonly (typeof NOTE_KINDS)[number][];

/** Compile-time checks that the mirrored lists name every value of the contract's lists. */
type Complete<All, Given extends All> = [Exclude<All, Given>] extends [never] ? true : false;
type Assert<T extends true> = T;
export type ListsComplete = [
  Assert<Complete<FindingSort, (typeof FINDING_SORT_VALUES)[number]>>,
  Assert<Complete<(typeof FINDING_STATUSES)[number], (typeof STATUS_VALUES)[number]>>,
  Assert<Complete<(typeof DECISION_ACTIONS)[number], (typeof ACTION_VALUES)[number]>>,
  Assert<Complete<(typeof ROLES)[number], (typeof ROLE_VALUES)[number]>>,
  Assert<Complete<(typeof INDICATOR_KEYS)[number], (typeof INDICATOR_VALUES)[number]>>,
  Assert<Complete<(typeof WARNING_LEVELS)[number], (typeof WARNING_LEVEL_VALUES)[number]>>,
  Assert<Complete<WarningSort, (typeof WARNING_SORT_VALUES)[number]>>,
  Assert<Complete<PractitionerSort, (typeof PRACTITIONER_SORT_VALUES)[number]>>,
  Assert<Complete<(typeof CLUE_SOURCES)[number], (typeof CLUE_SOURCE_VALUES)[number]>>,
  Assert<Complete<(typeof CLUE_STATUSES)[number], (typeof CLUE_STATUS_VALUES)[number]>>,
  Assert<Complete<(typeof CASE_STATUSES)[number], (typeof CASE_STATUS_VALUES)[number]>>,
  Assert<Complete<(typeof SANCTION_KINDS)[number], (typeof SANCTION_KIND_VALUES)[number]>>,
  Assert<Complete<(typeof NOTE_KINDS)[number], (typeof NOTE_KIND_VALUES)[number]>>,
];
