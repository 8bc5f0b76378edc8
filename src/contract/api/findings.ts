/** Findings (疑点): the list with its filters, a finding's evidence, and its decisions (triage). */
import { z } from 'zod';
import {
  FINDING_DECISION_ACTIONS,
  FINDING_LEVELS,
  FINDING_SORTS,
  FINDING_STATUSES,
  type FindingDecisionAction,
  type FindingLevel,
  type FindingStatus,
  type Role,
} from '../vocabulary.js';
import { date, list, listOf, pageQuery, region } from './common.js';

export const findingsQuery = pageQuery.extend({
  code: list.optional(),
  level: z.enum(FINDING_LEVELS).optional(),
  status: listOf(FINDING_STATUSES).optional(),
  institution: z.string().max(32).optional(),
  /** Region: an admdvs or its prefix. */
  admdvs: region.optional(),
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

/** A finding's id: the md5 of its rule code and key columns. */
export const findingIdParams = z.object({ id: z.string().regex(/^[0-9a-f]{32}$/, 'a finding id') });

export interface FindingRow {
  id: string;
  ruleCode: string;
  ruleName: string;
  ruleNameEn: string;
  level: FindingLevel;
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

/** A visit (就诊) as lists show it. */
export interface VisitSummary {
  mdtrtId: string;
  medType: string;
  begntime: string;
  endtime: string | null;
  fixmedinsCode: string;
  institutionName: string | null;
}

export interface VisitDetail extends VisitSummary {
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

/** A finding decision: one step of its triage (confirm, dismiss, assign, the institution's response, reopen). */
export interface FindingDecision {
  id: string;
  action: FindingDecisionAction;
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
  otherVisits: Array<VisitSummary & { total: number; fundPaid: number; findings: number }>;
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
  history: FindingDecision[];
  /** What the caller may do next. */
  allowed: FindingDecisionAction[];
}

export const findingDecisionBody = z
  .object({
    action: z.enum(FINDING_DECISION_ACTIONS),
    reason: z.string().trim().max(2000).optional(),
    assignee: z.string().max(64).optional(),
  })
  .superRefine((b, ctx) => {
    if ((b.action === 'dismiss' || b.action === 'respond' || b.action === 'reopen') && !b.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'a reason is required' });
    if (b.action === 'assign' && !b.assignee) ctx.addIssue({ code: 'custom', path: ['assignee'], message: 'an assignee is required' });
  });
