/**
 * Clues, cases, decisions, appeals, recoveries, sanctions, the case log and the statistics tables (线索/案件台账).
 * The conventions are those of the whole API (./common.ts): amounts in 元 with two decimals, dates YYYY-MM-DD,
 * times ISO 8601, lists paged, scope on every row.
 */
import { z } from 'zod';
import {
  MAX_FINE_MULTIPLE,
  MAX_SANCTION_MONTHS,
  SANCTION_KINDS,
  SANCTION_RULES,
  VIOLATION_KINDS,
  type SanctionKind,
  type ViolationKind,
} from '../regulation.js';
import { caseSettingsSchema } from '../settings.js';
import {
  APPEAL_OUTCOMES,
  CASE_DECISION_STATUSES,
  CASE_STATS_GROUPINGS,
  CASE_STATUSES,
  CLUE_SOURCES,
  CLUE_STATUSES,
  MANUAL_CLUE_SOURCES,
  NOTE_KINDS,
  PERSON_KINDS,
  RECOVERY_KINDS,
  REVIEW_ACTIONS,
  type AppealStatus,
  type AttachmentOwner,
  type CaseAction,
  type CaseDecisionStatus,
  type CaseStatsGrouping,
  type CaseStatus,
  type ClueSource,
  type ClueStatus,
  type NoteKind,
  type RecoveryKind,
} from '../vocabulary.js';
import { date, money, month, pageQuery, region, text } from './common.js';

// ---------------------------------------------------------------- clues (线索)

/** A person a clue is about: an insured person, a practitioner, or someone named in a report. */
export const personRef = z
  .object({
    kind: z.enum(PERSON_KINDS),
    id: z.string().trim().max(64).optional(),
    name: z.string().trim().max(64).optional(),
  })
  .strict()
  .refine((p) => !!p.id || !!p.name, 'a person needs an id or a name');
export type PersonRef = z.infer<typeof personRef>;

export const clueBody = z
  .object({
    source: z.enum(['finding', ...MANUAL_CLUE_SOURCES]),
    /** The findings (confirmed, of one institution) the clue is made of; required for source `finding`. */
    findingIds: z
      .array(z.string().regex(/^[0-9a-f]{32}$/))
      .max(5000)
      .optional(),
    fixmedinsCode: z
      .string()
      .regex(/^[HP][0-9]{11}$/, 'an institution code')
      .optional(),
    summary: text(200).optional(),
    note: z.string().trim().max(4000).optional(),
    persons: z.array(personRef).max(50).optional(),
    /** The amount involved (涉及金额); for findings the sum of their amounts when absent. */
    amount: money.optional(),
    /** The outside reference: report number, referral letter, inspection record. */
    reference: z.string().trim().max(100).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.source === 'finding' && !b.findingIds?.length)
      ctx.addIssue({ code: 'custom', path: ['findingIds'], message: 'a clue from findings names them' });
    if (b.source !== 'finding' && !b.fixmedinsCode)
      ctx.addIssue({ code: 'custom', path: ['fixmedinsCode'], message: 'the institution is required' });
    if (b.source !== 'finding' && !b.summary) ctx.addIssue({ code: 'custom', path: ['summary'], message: 'a summary is required' });
  });
export type ClueBody = z.infer<typeof clueBody>;

export const warningClueBody = z.object({ note: z.string().trim().max(2000).optional() });

export const cluesQuery = pageQuery.extend({
  status: z.enum(CLUE_STATUSES).optional(),
  source: z.enum(CLUE_SOURCES).optional(),
  institution: z.string().max(32).optional(),
  admdvs: region.optional(),
  caseId: z.string().uuid().optional(),
});
export type CluesQuery = z.infer<typeof cluesQuery>;

export interface Clue {
  id: string;
  source: ClueSource;
  /** The finding, warning or outside reference it came from. */
  sourceId: string | null;
  fixmedinsCode: string;
  institutionName: string | null;
  admdvs: string | null;
  gridId: string | null;
  summary: string;
  note: string | null;
  persons: PersonRef[];
  amount: number;
  findings: number;
  status: ClueStatus;
  caseId: string | null;
  caseNo: string | null;
  dismissReason: string | null;
  createdBy: string;
  createdAt: string;
}

export const dismissBody = z.object({ reason: text(2000) });

// ---------------------------------------------------------------- attachments

export interface Attachment {
  id: string;
  owner: AttachmentOwner;
  ownerId: string;
  fileName: string;
  /** Checked from the file's content, not from the name the client gave. */
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
}

// ---------------------------------------------------------------- cases (案件)

export const caseBody = z
  .object({
    clueIds: z.array(z.string().uuid()).min(1).max(200),
    title: text(200).optional(),
    /** The analyst in charge; by default the one set for the institution's grid, else the caller. */
    handler: z.string().max(64).optional(),
    deadline: date.optional(),
  })
  .strict();

export const casesQuery = pageQuery.extend({
  status: z.enum(CASE_STATUSES).optional(),
  institution: z.string().max(32).optional(),
  admdvs: region.optional(),
  grid: z.string().max(64).optional(),
  handler: z.string().max(64).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});
export type CasesQuery = z.infer<typeof casesQuery>;

export interface CaseRow {
  id: string;
  caseNo: string;
  title: string;
  fixmedinsCode: string;
  institutionName: string | null;
  admdvs: string | null;
  regionName: string | null;
  gridId: string | null;
  status: CaseStatus;
  handler: string;
  openedBy: string;
  openedAt: string;
  deadline: string;
  /** Not closed and past its deadline. */
  overdue: boolean;
  clues: number;
  amountInvolved: number;
  /** What the current decision orders (return and fine), and what was recovered so far. */
  due: number;
  recovered: number;
  closedAt: string | null;
}

export const assignmentBody = z
  .object({ handler: z.string().max(64).optional(), deadline: date.optional() })
  .strict()
  .refine((b) => b.handler !== undefined || b.deadline !== undefined, 'a handler or a deadline');
export const addCluesBody = z.object({ clueIds: z.array(z.string().uuid()).min(1).max(200) }).strict();

export const noteBody = z
  .object({
    kind: z.enum(NOTE_KINDS),
    body: text(8000),
    /** On-site inspection (现场检查) or interview (约谈): when, where, who. */
    on: date.optional(),
    place: z.string().trim().max(200).optional(),
    participants: z.string().trim().max(500).optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.kind !== 'note' && !b.on)
      ctx.addIssue({ code: 'custom', path: ['on'], message: 'the date of the inspection or interview is required' });
  });
export interface CaseNote {
  id: string;
  kind: NoteKind;
  body: string;
  on: string | null;
  place: string | null;
  participants: string | null;
  createdBy: string;
  createdAt: string;
}

// ---------------------------------------------------------------- decisions (处理决定)

export const sanctionInput = z
  .object({
    kind: z.enum(SANCTION_KINDS),
    /** First day; by default the day after the decision is approved. */
    from: date.optional(),
    /** Length of a suspension: 6–12 months for an institution or department, 1–12 for a practitioner. */
    months: z.number().int().min(1).max(MAX_SANCTION_MONTHS).optional(),
    dept: z.string().trim().min(1).max(32).optional(),
    pracCode: z
      .string()
      .regex(/^(D[0-9]{12}|H[YJ][0-9]{12})$/, 'a practitioner code')
      .optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const rule = SANCTION_RULES[s.kind];
    if (rule.months && (s.months === undefined || s.months < rule.months[0]))
      ctx.addIssue({ code: 'custom', path: ['months'], message: `a suspension lasts ${rule.months[0]} to ${rule.months[1]} months` });
    if (!rule.months && s.months !== undefined) ctx.addIssue({ code: 'custom', path: ['months'], message: 'a termination has no length' });
    if (rule.dept && !s.dept) ctx.addIssue({ code: 'custom', path: ['dept'], message: 'the department is required' });
    if (rule.pracCode && !s.pracCode) ctx.addIssue({ code: 'custom', path: ['pracCode'], message: 'the practitioner is required' });
  });
export type SanctionInput = z.infer<typeof sanctionInput>;
export interface DecisionSanction {
  kind: SanctionKind;
  from: string | null;
  to: string | null;
  months?: number | undefined;
  dept?: string | undefined;
  pracCode?: string | undefined;
}

/**
 * What a decision orders, under the 医疗保障基金使用监督管理条例: funds returned (退回), payment refused (拒付),
 * a fine as a multiple of the loss (1–2× for violations, Art. 38; 2–5× for fraud, Art. 40), sanctions on the
 * agreement, an interview (约谈), referrals. The loss defaults to the confirmed findings' amount; another
 * figure needs a reason.
 */
export const caseDecisionBody = z
  .object({
    violationKind: z.enum(VIOLATION_KINDS),
    loss: money.optional(),
    lossReason: z.string().trim().max(2000).optional(),
    returnAmount: money.optional(),
    refuseAmount: money.optional(),
    fineMultiple: z.number().finite().min(0).max(MAX_FINE_MULTIPLE).nullable().optional(),
    sanctions: z.array(sanctionInput).max(10).default([]),
    interview: z.boolean().default(false),
    referPolice: z.boolean().default(false),
    referDiscipline: z.boolean().default(false),
    /** The facts and the articles applied (事实与依据). */
    basis: text(8000),
  })
  .strict();
export type CaseDecisionBody = z.infer<typeof caseDecisionBody>;

export interface Sanction {
  id: string;
  kind: SanctionKind;
  fixmedinsCode: string;
  dept: string | null;
  pracCode: string | null;
  from: string;
  /** Last day; null for a termination. */
  to: string | null;
  active: boolean;
}

export interface CaseDecision {
  id: string;
  caseId: string;
  caseNo: string;
  fixmedinsCode: string;
  institutionName: string | null;
  version: number;
  status: CaseDecisionStatus;
  violationKind: ViolationKind;
  /** The confirmed findings' amount, and the loss the decision rests on (with the reason when they differ). */
  lossComputed: number;
  loss: number;
  lossReason: string | null;
  returnAmount: number;
  refuseAmount: number;
  fineMultiple: number | null;
  fineAmount: number;
  /** As drafted (`from` as given, or null), and with their dates once the decision is approved. */
  sanctions: DecisionSanction[];
  interview: boolean;
  referPolice: boolean;
  referDiscipline: boolean;
  basis: string;
  draftedBy: string;
  draftedAt: string;
  submittedAt: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewComment: string | null;
  /** When it took effect (approval day), and the last day an appeal may be filed. */
  effectiveOn: string | null;
  appealUntil: string | null;
  /** The decision this one replaced (after an appeal). */
  supersedes: string | null;
}

export const reviewBody = z
  .object({ action: z.enum(REVIEW_ACTIONS), comment: z.string().trim().max(2000).optional() })
  .strict()
  .superRefine((b, ctx) => {
    if (b.action === 'return' && !b.comment) ctx.addIssue({ code: 'custom', path: ['comment'], message: 'say why it is returned' });
  });

export const caseDecisionsQuery = pageQuery.extend({
  status: z.enum(CASE_DECISION_STATUSES).optional(),
  caseId: z.string().uuid().optional(),
});
export type CaseDecisionsQuery = z.infer<typeof caseDecisionsQuery>;

// ---------------------------------------------------------------- appeals (申诉)

export const appealBody = z.object({ reason: text(8000) }).strict();
export const appealDecisionBody = z
  .object({
    outcome: z.enum(APPEAL_OUTCOMES),
    comment: text(4000),
    /** For `amended`: the decision as changed. */
    amended: caseDecisionBody.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.outcome === 'amended' && !b.amended)
      ctx.addIssue({ code: 'custom', path: ['amended'], message: 'the amended decision is required' });
  });
export interface Appeal {
  id: string;
  caseId: string;
  decisionId: string;
  fixmedinsCode: string;
  filedBy: string;
  filedAt: string;
  reason: string;
  status: AppealStatus;
  decidedBy: string | null;
  decidedAt: string | null;
  comment: string | null;
  /** The decision that replaced the appealed one (outcome `amended`). */
  newDecisionId: string | null;
  attachments: Attachment[];
}

// ---------------------------------------------------------------- recoveries (追回) and closure (办结)

export const recoveryBody = z
  .object({
    kind: z.enum(RECOVERY_KINDS),
    amount: money.refine((v) => v > 0, 'the amount must be above 0'),
    paidOn: date,
    reference: z.string().trim().max(100).optional(),
  })
  .strict();
export interface Recovery {
  id: string;
  kind: RecoveryKind;
  amount: number;
  paidOn: string;
  reference: string | null;
  recordedBy: string;
  recordedAt: string;
}
export const closeBody = z.object({ note: z.string().trim().max(4000).optional() }).strict();

// ---------------------------------------------------------------- case detail and log

export interface CaseLogEntry {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  data: unknown;
  hash: string;
}

export interface CaseDetail {
  case: CaseRow & { closeNote: string | null };
  clues: Clue[];
  notes: CaseNote[];
  decisions: CaseDecision[];
  appeals: Appeal[];
  recoveries: Recovery[];
  sanctions: Sanction[];
  attachments: Attachment[];
  /** The confirmed findings behind the clues: their count and amount (the default loss). */
  confirmedFindings: { count: number; amount: number };
  log: CaseLogEntry[];
  /** What the caller may do next. */
  allowed: CaseAction[];
}

export interface DecisionDetail {
  decision: CaseDecision;
  appeals: Appeal[];
  /** The caller (the institution the decision is about) may appeal it now. */
  canAppeal: boolean;
}

export interface LogVerification {
  ok: boolean;
  entries: number;
  /** The first entry that fails, and why (edited, deleted, out of order, or the chain's end missing). */
  failedAt: number | null;
  reason: string | null;
}

// ---------------------------------------------------------------- settings and statistics (统计表)

export const caseSettingsBody = caseSettingsSchema;

export const caseStatsQuery = z.object({
  from: month.optional(),
  to: month.optional(),
  by: z.enum(CASE_STATS_GROUPINGS).default('region'),
});
export type CaseStatsQuery = z.infer<typeof caseStatsQuery>;
export interface CaseStatsRow {
  /** The region (admdvs) or grid; null for the totals row. */
  key: string | null;
  name: string | null;
  casesOpened: number;
  casesClosed: number;
  institutionsInspected: number;
  institutionsHandled: number;
  returnOrdered: number;
  recovered: number;
  refused: number;
  fines: number;
  fineAmount: number;
  finesPaid: number;
  suspendedAgreements: number;
  terminatedAgreements: number;
  suspendedPractitioners: number;
  interviews: number;
  referredPolice: number;
  referredDiscipline: number;
}
export interface CaseStats {
  from: string | null;
  to: string | null;
  by: CaseStatsGrouping;
  rows: CaseStatsRow[];
  total: CaseStatsRow;
}
