/**
 * The workbench HTTP API as data: request schemas (zod, checked on the server) and response types (shared
 * with the web UI). The OpenAPI document at /api/openapi.json is generated from the routes that use these.
 *
 * Conventions
 * - JSON everywhere; amounts in 元 as numbers with two decimals; dates YYYY-MM-DD; months YYYY-MM.
 * - Every list is paged: `page` (1-based) and `pageSize` (≤ 200) in, `{ items, total, page, pageSize }` out.
 * - Errors: HTTP status and `{ error: { code, message, details? } }` (ErrorBody).
 * - Authentication: the httpOnly session cookie `fg_session`; every POST/PUT/DELETE also sends the header
 *   `X-CSRF-Token` with the token returned by login or /api/auth/me.
 * - Scope: every route returns only rows inside the caller's data scope; a row outside it is "not found" (404).
 */
import { z } from 'zod';
import { INDICATORS, type Indicator } from '../monitoring/indicator-keys.js';

// ---------------------------------------------------------------- common

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
export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: Array<{ path: string; message: string }> };
}

export const pageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const month = z.string().regex(/^\d{4}-\d{2}$/, 'a month as YYYY-MM');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
/** A repeated or comma-separated query parameter. */
const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean));

// ---------------------------------------------------------------- accounts

export const ROLES = ['admin', 'analyst', 'reviewer', 'institution'] as const;
export type Role = (typeof ROLES)[number];

export interface UserInfo {
  username: string;
  displayName: string;
  role: Role;
  /** Data scope: a region (admdvs prefix: 4 digits a city, 6 a county) or one institution. */
  scope: { admdvs: string | null; fixmedinsCode: string | null; label: string };
}

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export interface Session {
  user: UserInfo;
  csrfToken: string;
}

export const usersQuery = pageQuery.extend({ role: z.enum(ROLES).optional() });
export interface UserRow {
  username: string;
  displayName: string;
  role: Role;
  scopeLabel: string;
}

// ---------------------------------------------------------------- reference data

export interface Meta {
  rules: Array<{ code: string; name: string; nameEn: string; level: 'definite' | 'suspect' }>;
  /** Regions (districts and counties) inside the caller's scope. */
  regions: Array<{ admdvs: string; name: string }>;
  grids: Array<{ gridId: string; admdvs: string }>;
  statuses: FindingStatus[];
  /** First and last month with settlements. */
  period: { from: string | null; to: string | null };
  /** When the findings were last screened. */
  screenedAt: string | null;
}

// ---------------------------------------------------------------- overview

export const overviewQuery = z.object({ from: month.optional(), to: month.optional() });
export interface Overview {
  fundPaid: number;
  settlements: number;
  findings: number;
  amountAtRisk: number;
  byCode: Array<{ code: string; name: string; nameEn: string; level: string; findings: number; amount: number }>;
  byLevel: Array<{ level: string; findings: number; amount: number }>;
  topInstitutions: Array<{ fixmedinsCode: string; name: string; admdvs: string; findings: number; amount: number }>;
  monthly: Array<{ month: string; fundPaid: number; findings: number; amount: number }>;
  byRegion: Array<{ admdvs: string; name: string; fundPaid: number; findings: number; amount: number }>;
  byGrid: Array<{ gridId: string; admdvs: string; findings: number; amount: number }>;
}

// ---------------------------------------------------------------- findings (疑点)

export const FINDING_STATUSES = ['open', 'assigned', 'confirmed', 'dismissed', 'responded'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

export const FINDING_SORTS = ['-amount', 'amount', '-day', 'day', 'code', 'institution'] as const;
export const findingsQuery = pageQuery.extend({
  code: list.optional(),
  level: z.enum(['definite', 'suspect']).optional(),
  status: list.optional(),
  institution: z.string().max(32).optional(),
  /** Region: an admdvs or its prefix. */
  admdvs: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  grid: z.string().max(64).optional(),
  from: date.optional(),
  to: date.optional(),
  minAmount: z.coerce.number().min(0).optional(),
  /** Free text: person, visit, settlement or line number, item code, institution name. */
  q: z.string().max(64).optional(),
  assignee: z.string().max(64).optional(),
  sort: z.enum(FINDING_SORTS).default('-amount'),
});
export type FindingsQuery = z.infer<typeof findingsQuery>;

export interface FindingRow {
  id: string;
  ruleCode: string;
  ruleName: string;
  ruleNameEn: string;
  level: 'definite' | 'suspect';
  fixmedinsCode: string | null;
  institutionName: string | null;
  admdvs: string | null;
  regionName: string | null;
  gridId: string | null;
  psnNo: string | null;
  mdtrtId: string | null;
  setlId: string | null;
  feedetlSn: string | null;
  medListCodg: string | null;
  day: string | null;
  rtalDocno: string | null;
  amount: number;
  detail: string;
  status: FindingStatus;
  assignee: string | null;
}

export interface FeeLine {
  feedetlSn: string;
  time: string;
  medListCodg: string;
  itemName: string | null;
  chargeType: string | null;
  cnt: number;
  pric: number;
  amount: number;
  ownpay: number;
  prdDays: number | null;
  rxno: string | null;
  doctor: string | null;
  dept: string | null;
  setlId: string | null;
  /** The line is part of what the finding is about. */
  offending: boolean;
}

export interface VisitDetail {
  mdtrtId: string;
  medType: string;
  begntime: string;
  endtime: string | null;
  fixmedinsCode: string;
  institutionName: string | null;
  diagnoses: Array<{ code: string; main: boolean }>;
  settlements: Array<{ setlId: string; medType: string; setlTime: string; total: number; fundPaid: number; account: number; cash: number }>;
  lines: FeeLine[];
}

export interface PersonInfo {
  psnNo: string;
  gend: string | null;
  /** Whole years on the finding's day. */
  age: number | null;
  /** Birth date; YYYY-MM only for roles that see personal data masked. */
  brdy: string | null;
  /** Resident ID, masked (330102********123X) for roles without need. */
  certno: string | null;
  insutype: string | null;
  addrAdmdvs: string | null;
  deathDate: string | null;
  masked: boolean;
}

export interface Decision {
  id: string;
  action: DecisionAction;
  reason: string | null;
  assignee: string | null;
  actor: string;
  actorRole: Role;
  at: string;
}

export interface FindingDetail {
  finding: FindingRow;
  rule: {
    code: string;
    name: string;
    nameEn: string;
    level: string;
    definition: string;
    key: string[];
    params: Array<{ name: string; value: number; default: number; description: string }>;
  };
  visit: VisitDetail | null;
  person: PersonInfo | null;
  /** The person's other visits from 30 days before to 30 days after (inside the caller's scope). */
  otherVisits: Array<{
    mdtrtId: string;
    medType: string;
    begntime: string;
    endtime: string | null;
    fixmedinsCode: string;
    institutionName: string | null;
    total: number;
    fundPaid: number;
    findings: number;
  }>;
  /** Pharmacy findings: the sale document's lines (RX_WITHOUT_PRESCRIPTION) or the item's stock figures (STOCK_MISMATCH). */
  sales: Array<{
    rtalDocno: string;
    medListCodg: string;
    itemName: string | null;
    selTime: string;
    selCnt: number;
    price: number;
    insured: boolean;
    rxFlag: boolean;
    rxno: string | null;
  }>;
  stock: { openingStock: number; purchases: number; sales: number; insuredSales: number; billed: number } | null;
  history: Decision[];
  /** What the caller may do next. */
  allowed: DecisionAction[];
}

export const DECISION_ACTIONS = ['confirm', 'dismiss', 'assign', 'respond', 'reopen'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
export const decisionBody = z
  .object({ action: z.enum(DECISION_ACTIONS), reason: z.string().trim().max(2000).optional(), assignee: z.string().max(64).optional() })
  .superRefine((b, ctx) => {
    if ((b.action === 'dismiss' || b.action === 'respond' || b.action === 'reopen') && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required' });
    if (b.action === 'assign' && !b.assignee) ctx.addIssue({ code: 'custom', path: ['assignee'], message: 'an assignee is required' });
  });

// ---------------------------------------------------------------- institutions

export const institutionsQuery = pageQuery.extend({
  q: z.string().max(64).optional(),
  admdvs: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  kind: z.string().max(32).optional(),
  sort: z.enum(['-amount', '-findings', '-fundPaid', 'name']).default('-amount'),
});
export interface InstitutionRow {
  fixmedinsCode: string;
  name: string;
  type: string;
  level: number | null;
  kind: string | null;
  admdvs: string;
  regionName: string | null;
  gridId: string | null;
  agreementStatus: string | null;
  fundPaid: number;
  settlements: number;
  findings: number;
  amount: number;
}
export interface InstitutionProfile {
  /** statusTo: the last day of a suspension of a set length (a sanction), else null. */
  institution: InstitutionRow & { statusFrom: string | null; statusTo: string | null; practitioners: number };
  monthly: Array<{
    month: string;
    settlements: number;
    admissions: number;
    total: number;
    fundPaid: number;
    findings: number;
    amount: number;
  }>;
  byCode: Array<{ code: string; name: string; nameEn: string; findings: number; amount: number }>;
  /** Decisions on its findings and agreement changes, newest first. */
  history: Array<{ at: string; kind: 'decision' | 'agreement'; text: string; findingId: string | null }>;
}

// ---------------------------------------------------------------- rules, screening, imports, jobs

export interface RuleInfo {
  code: string;
  name: string;
  nameEn: string;
  level: 'definite' | 'suspect';
  key: string[];
  definition: string;
  enabled: boolean;
  params: Array<{ name: string; value: number; default: number; min: number | null; description: string }>;
  findings: number;
  amount: number;
}
export const ruleUpdateBody = z
  .object({ enabled: z.boolean().optional(), params: z.record(z.string(), z.number().finite()).optional() })
  .strict();

export interface Job {
  id: string;
  kind: 'screening' | 'import';
  status: 'running' | 'done' | 'failed';
  /** Steps done of total, and what is being done. */
  progress: { done: number; total: number; step: string };
  startedAt: string;
  finishedAt: string | null;
  error: string | null;
  result: { findings?: number; amount?: number; importedRows?: number } | null;
}

export interface ImportValidation {
  id: string;
  files: string[];
  /** Every file read, with its rows and rejected rows. */
  tables: Array<{ table: string; file: string; rows: number; rejected: number }>;
  ignored: string[];
  rejects: Array<{ file: string; row: number | null; column: string | null; value: string | null; reason: string }>;
  rejectCount: number;
  valid: boolean;
}

export const auditQuery = pageQuery.extend({ psnNo: z.string().max(64).optional(), actor: z.string().max(64).optional() });
export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  target: string | null;
  detail: string | null;
}

// ---------------------------------------------------------------- monitoring and early warning (预警)

export const INDICATOR_KEYS = INDICATORS;
export type IndicatorKey = Indicator;
export const WARNING_LEVELS = ['yellow', 'orange', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

export const warningsQuery = pageQuery.extend({
  month: month.optional(),
  level: list.optional(),
  indicator: list.optional(),
  basis: z.enum(['threshold', 'history', 'peer']).optional(),
  institution: z.string().max(32).optional(),
  admdvs: z
    .string()
    .regex(/^\d{2,6}$/)
    .optional(),
  grid: z.string().max(64).optional(),
  sort: z.enum(['-level', '-change', '-z', 'month', '-month', 'institution']).default('-level'),
});
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
  basis: 'threshold' | 'history' | 'peer';
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
  unitType: z.enum(['institution', 'region', 'grid']).default('institution'),
  unitId: z.string().min(1).max(64),
  indicator: z.enum(INDICATOR_KEYS),
});
export interface IndicatorSeries {
  unitType: 'institution' | 'region' | 'grid';
  unitId: string;
  name: string;
  indicator: IndicatorKey;
  indicatorName: string;
  indicatorNameEn: string;
  unit: 'count' | 'money' | 'ratio' | 'days';
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

export const practitionersQuery = pageQuery.extend({
  kind: z.string().max(32).optional(),
  dept: z.string().max(32).optional(),
  institution: z.string().max(32).optional(),
  level: list.optional(),
  sort: z.enum(['-z', '-costPerRx', '-drugsPerRx', '-restrictedShare', '-prescriptions']).default('-z'),
});
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

export * from './cases-contract.js';
