/**
 * The API's types, shared with the server: the contract (src/server/contract.ts) is the one source.
 * Only types are imported, so zod and the request schemas never reach the browser bundle.
 */
export type {
  AuditEntry,
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
  InstitutionProfile,
  InstitutionRow,
  Job,
  Meta,
  Overview,
  Page,
  PersonInfo,
  Role,
  RuleInfo,
  Session,
  UserInfo,
  UserRow,
  VisitDetail,
} from '../../../src/server/contract';

import type { FindingsQuery, FINDING_SORTS, FINDING_STATUSES, DECISION_ACTIONS, ROLES } from '../../../src/server/contract';

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

/** Value lists mirrored from the contract (importing the values would pull zod into the bundle); `satisfies` keeps them in step. */
export const FINDING_SORT_VALUES = ['-amount', 'amount', '-day', 'day', 'code', 'institution'] as const satisfies readonly FindingSort[];
export const STATUS_VALUES = ['open', 'assigned', 'confirmed', 'dismissed', 'responded'] as const satisfies readonly (typeof FINDING_STATUSES)[number][];
export const ACTION_VALUES = ['confirm', 'dismiss', 'assign', 'respond', 'reopen'] as const satisfies readonly (typeof DECISION_ACTIONS)[number][];
export const ROLE_VALUES = ['admin', 'analyst', 'reviewer', 'institution'] as const satisfies readonly (typeof ROLES)[number][];

/** Compile-time checks that the mirrored lists name every value of the contract's lists. */
type Complete<All, Given extends All> = [Exclude<All, Given>] extends [never] ? true : false;
type Assert<T extends true> = T;
export type ListsComplete = [
  Assert<Complete<FindingSort, (typeof FINDING_SORT_VALUES)[number]>>,
  Assert<Complete<(typeof FINDING_STATUSES)[number], (typeof STATUS_VALUES)[number]>>,
  Assert<Complete<(typeof DECISION_ACTIONS)[number], (typeof ACTION_VALUES)[number]>>,
  Assert<Complete<(typeof ROLES)[number], (typeof ROLE_VALUES)[number]>>,
];
