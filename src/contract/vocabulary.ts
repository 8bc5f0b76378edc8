/**
 * The shared vocabulary: every value list the server, the domains and the web UI name, as plain constants.
 * This file imports nothing, so the browser bundle can import it without pulling in zod or server code.
 * The HTTP API's schemas (src/contract/api) are built from these lists; a value added here reaches the API's
 * validation, the OpenAPI document and the UI's selects at once.
 */

// ---------------------------------------------------------------- the exchange format

/** The exchange format's column types (shared/exchange-format.md): each engine maps them to its SQL types. */
export const COLUMN_TYPES = ['text', 'int', 'money', 'qty', 'date', 'timestamp'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

// ---------------------------------------------------------------- accounts and roles

export const ROLES = ['admin', 'analyst', 'reviewer', 'institution'] as const;
export type Role = (typeof ROLES)[number];

/** The bureau's own roles (医保局): everyone but the institutions' users. */
export const BUREAU_ROLES = ['admin', 'analyst', 'reviewer'] as const satisfies readonly Role[];
/** Who investigates: triage assignments, clues, cases, decision drafts, recoveries. */
export const HANDLER_ROLES = ['admin', 'analyst'] as const satisfies readonly Role[];
/** Who reviews: approves or returns decisions, decides appeals (never their own drafts). */
export const REVIEWER_ROLES = ['admin', 'reviewer'] as const satisfies readonly Role[];
/** Roles that see personal data in full; the others see it masked. */
export const UNMASKED_ROLES = ['admin', 'analyst'] as const satisfies readonly Role[];

/** Whether a role belongs to a group (the groups above are readonly tuples of narrower types). */
export function roleIn(role: Role, group: readonly Role[]): boolean {
  return group.includes(role);
}

// ---------------------------------------------------------------- errors and paging

export const ERROR_CODES = [
  'unauthorized',
  'forbidden',
  'not_found',
  'validation',
  'conflict',
  'rate_limited',
  'too_large',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The largest page a list answers. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

// ---------------------------------------------------------------- institutions (定点医药机构)

/** fixmedins.inst_kind: the kinds of institution the exchange format names. */
export const INSTITUTION_KINDS = ['public_hospital', 'private_hospital', 'primary_care', 'village_clinic', 'pharmacy', 'other'] as const;
export type InstitutionKind = (typeof INSTITUTION_KINDS)[number];
export const INSTITUTION_SORTS = ['-amount', '-findings', '-fundPaid', 'name'] as const;
export type InstitutionSort = (typeof INSTITUTION_SORTS)[number];

// ---------------------------------------------------------------- findings (疑点) and their decisions

/** A rule's level: a definite violation (违规) or a suspicion to check (可疑). */
export const FINDING_LEVELS = ['definite', 'suspect'] as const;
export type FindingLevel = (typeof FINDING_LEVELS)[number];
export const FINDING_STATUSES = ['open', 'assigned', 'confirmed', 'dismissed', 'responded'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
export const FINDING_SORTS = ['-amount', 'amount', '-day', 'day', 'code', 'institution'] as const;
export type FindingSort = (typeof FINDING_SORTS)[number];
/** What a finding decision does: confirm, dismiss, assign to an analyst, the institution's response (说明/申诉), reopen. */
export const FINDING_DECISION_ACTIONS = ['confirm', 'dismiss', 'assign', 'respond', 'reopen'] as const;
export type FindingDecisionAction = (typeof FINDING_DECISION_ACTIONS)[number];

// ---------------------------------------------------------------- jobs

export const JOB_KINDS = ['screening', 'import'] as const;
export type JobKind = (typeof JOB_KINDS)[number];
export const JOB_STATUSES = ['running', 'done', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

// ---------------------------------------------------------------- monitoring and early warning (预警)

export const INDICATOR_UNITS = ['count', 'money', 'ratio', 'days'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];

/** The monthly indicators: each one's unit, and its name in Chinese and English. One table for the SQL, the API and the UI. */
const INDICATOR_TABLE = {
  visits: { unit: 'count', zh: '就诊人次', en: 'Visits' },
  admissions: { unit: 'count', zh: '入院人次', en: 'Admissions' },
  discharges: { unit: 'count', zh: '出院人次', en: 'Discharges' },
  fund_paid: { unit: 'money', zh: '统筹基金支付', en: 'Fund paid' },
  total_cost: { unit: 'money', zh: '医疗总费用', en: 'Total cost' },
  cost_per_visit: { unit: 'money', zh: '次均费用', en: 'Cost per visit' },
  cost_per_admission: { unit: 'money', zh: '次均住院费用', en: 'Cost per admission' },
  alos: { unit: 'days', zh: '平均住院日', en: 'Average length of stay' },
  fund_share: { unit: 'ratio', zh: '基金支付占比', en: 'Share paid by the fund' },
  drug_share: { unit: 'ratio', zh: '药占比', en: 'Drug share' },
  readmission_15d: { unit: 'ratio', zh: '15日再入院率', en: 'Readmission within 15 days' },
  findings: { unit: 'count', zh: '疑点数', en: 'Findings' },
  amount_at_risk: { unit: 'money', zh: '涉及金额', en: 'Amount at risk' },
} as const satisfies Record<string, { unit: IndicatorUnit; zh: string; en: string }>;
export type IndicatorKey = keyof typeof INDICATOR_TABLE;
export const INDICATORS: Record<IndicatorKey, { unit: IndicatorUnit; zh: string; en: string }> = INDICATOR_TABLE;
/** The indicators' keys, in the table's order. */
export const INDICATOR_KEYS = Object.keys(INDICATOR_TABLE) as [IndicatorKey, ...IndicatorKey[]];
/** The unit of each indicator's value. */
export const INDICATOR_UNIT = Object.fromEntries(INDICATOR_KEYS.map((k) => [k, INDICATORS[k].unit])) as Record<IndicatorKey, IndicatorUnit>;
/** What an indicator series belongs to. */
export const INDICATOR_UNIT_TYPES = ['institution', 'region', 'grid'] as const;
export type IndicatorUnitType = (typeof INDICATOR_UNIT_TYPES)[number];

export const WARNING_LEVELS = ['yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];
/** 'threshold': growth (or a rate) against set thresholds; 'history': robust z against the institution's own
 * earlier months; 'peer': robust z against its peers (same kind and level). */
export const WARNING_BASES = ['threshold', 'history', 'peer'] as const;
export type WarningBasis = (typeof WARNING_BASES)[number];
export const WARNING_SORTS = ['-level', '-change', '-z', 'month', '-month', 'institution'] as const;
export type WarningSort = (typeof WARNING_SORTS)[number];
export const PRACTITIONER_SORTS = ['-z', '-costPerRx', '-drugsPerRx', '-restrictedShare', '-prescriptions'] as const;
export type PractitionerSort = (typeof PRACTITIONER_SORTS)[number];

// ---------------------------------------------------------------- clues and cases (线索/案件)

/** Where a clue came from: confirmed findings, a warning, a report by phone or letter, a referral from another department, an inspection. */
export const CLUE_SOURCES = ['finding', 'warning', 'report', 'referral', 'inspection', 'other'] as const;
export type ClueSource = (typeof CLUE_SOURCES)[number];
/** The sources of a clue entered by hand (findings and warnings make their own). */
export const MANUAL_CLUE_SOURCES = ['report', 'referral', 'inspection', 'other'] as const satisfies readonly ClueSource[];
export const CLUE_STATUSES = ['open', 'in_case', 'dismissed'] as const;
export type ClueStatus = (typeof CLUE_STATUSES)[number];
/** Whom a clue names: an insured person, a practitioner, or someone named in a report. */
export const PERSON_KINDS = ['insured', 'practitioner', 'other'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

export const ATTACHMENT_OWNERS = ['clue', 'case', 'appeal'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

export const CASE_STATUSES = ['investigating', 'reviewing', 'decided', 'appealed', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
/** What the caller may do next on a case (CaseDetail.allowed). */
export const CASE_ACTIONS = ['add_note', 'add_clues', 'assign', 'draft', 'submit', 'review', 'decide_appeal', 'recover', 'close'] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];
/** An investigation note, an on-site inspection record (现场检查), an interview record (约谈). */
export const NOTE_KINDS = ['note', 'inspection', 'interview'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export const CASE_DECISION_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'superseded', 'revoked'] as const;
export type CaseDecisionStatus = (typeof CASE_DECISION_STATUSES)[number];
export const REVIEW_ACTIONS = ['approve', 'return'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const APPEAL_STATUSES = ['pending', 'upheld', 'amended', 'revoked'] as const;
export type AppealStatus = (typeof APPEAL_STATUSES)[number];
/** How a reviewer decides an appeal: the decision upheld (维持), amended (变更) or revoked (撤销). */
export const APPEAL_OUTCOMES = ['upheld', 'amended', 'revoked'] as const satisfies readonly AppealStatus[];
export type AppealOutcome = (typeof APPEAL_OUTCOMES)[number];

/** Money recovered (追回): funds returned, or a fine paid. */
export const RECOVERY_KINDS = ['return', 'fine'] as const;
export type RecoveryKind = (typeof RECOVERY_KINDS)[number];

export const CASE_STATS_GROUPINGS = ['region', 'grid'] as const;
export type CaseStatsGrouping = (typeof CASE_STATS_GROUPINGS)[number];
