/**
 * The pure parts of the case workflow's UI: the fine's range and amount under the 条例, the decision form's
 * values <-> the API's body, where a case stands in its steps, what is still to recover, which clues may open
 * one case together.
 */
import {
  FINE_MULTIPLES,
  SANCTION_RULES,
  type CaseDecision,
  type CaseDecisionBody,
  type CaseDetail,
  type CaseStatus,
  type Clue,
  type SanctionKind,
  type ViolationKind,
} from '../api/types';

const round2 = (v: number) => Math.round(v * 100) / 100;

/** Whether a multiple is allowed for the kind (0 or empty: no fine). */
export function fineMultipleValid(kind: ViolationKind, multiple: number | null | undefined): boolean {
  if (multiple === null || multiple === undefined || multiple === 0) return true;
  const [lo, hi] = FINE_MULTIPLES[kind];
  return multiple >= lo && multiple <= hi;
}

/** The fine the server will compute: the loss times the multiple, to the fen; null without a fine. */
export function fineAmount(loss: number | null | undefined, multiple: number | null | undefined): number | null {
  if (!multiple || loss === null || loss === undefined || !Number.isFinite(loss) || !Number.isFinite(multiple)) return null;
  return round2(loss * multiple);
}

/** Whether the loss differs from the confirmed findings' amount (then a reason is required). */
export function lossChanged(loss: number | null | undefined, computed: number): boolean {
  return loss !== null && loss !== undefined && round2(loss) !== round2(computed);
}

export interface SanctionValues {
  kind: SanctionKind;
  months?: number | null;
  /** YYYY-MM-DD; empty: the day after approval. */
  from?: string | null;
  dept?: string | null;
  pracCode?: string | null;
}

/** The decision form as it holds its values (amounts may be empty while typing). */
export interface DecisionValues {
  violationKind: ViolationKind;
  loss: number | null;
  lossReason?: string | null;
  returnAmount?: number | null;
  refuseAmount?: number | null;
  fineMultiple?: number | null;
  sanctions: SanctionValues[];
  interview: boolean;
  referPolice: boolean;
  referDiscipline: boolean;
  basis: string;
}

/**
 * The form's starting values: the decision being changed (a draft, a returned one, or the appealed one for an
 * amendment — its sanctions without their dates, so that they run from the new approval), else a blank
 * decision whose loss is the confirmed findings' amount.
 */
export function decisionValues(d: CaseDecision | undefined, confirmedAmount: number): DecisionValues {
  if (!d) {
    return {
      violationKind: 'violation',
      loss: confirmedAmount,
      sanctions: [],
      interview: false,
      referPolice: false,
      referDiscipline: false,
      basis: '',
    };
  }
  return {
    violationKind: d.violationKind,
    loss: d.loss,
    lossReason: d.lossReason,
    returnAmount: d.returnAmount,
    refuseAmount: d.refuseAmount,
    fineMultiple: d.fineMultiple,
    sanctions: d.sanctions.map((s) => ({
      kind: s.kind,
      months: s.months ?? null,
      from: d.status === 'approved' || d.status === 'superseded' ? null : s.from,
      dept: s.dept ?? null,
      pracCode: s.pracCode ?? null,
    })),
    interview: d.interview,
    referPolice: d.referPolice,
    referDiscipline: d.referDiscipline,
    basis: d.basis,
  };
}

const text = (v: string | null | undefined) => v?.trim() || undefined;
const amount = (v: number | null | undefined) => (v === null || v === undefined ? undefined : v);

/** The API's body from the form: empty fields left out (the server's defaults), each sanction with only its own fields. */
export function decisionBody(v: DecisionValues, computedLoss: number): CaseDecisionBody {
  const loss = amount(v.loss) ?? computedLoss;
  return {
    violationKind: v.violationKind,
    loss,
    lossReason: lossChanged(loss, computedLoss) ? text(v.lossReason) : undefined,
    returnAmount: amount(v.returnAmount),
    refuseAmount: amount(v.refuseAmount),
    fineMultiple: v.fineMultiple ? v.fineMultiple : null,
    sanctions: (v.sanctions ?? []).map((s) => {
      const f = SANCTION_RULES[s.kind];
      return {
        kind: s.kind,
        from: s.from || undefined,
        months: f.months ? amount(s.months) : undefined,
        dept: f.dept ? text(s.dept) : undefined,
        pracCode: f.pracCode ? text(s.pracCode) : undefined,
      };
    }),
    interview: !!v.interview,
    referPolice: !!v.referPolice,
    referDiscipline: !!v.referDiscipline,
    basis: v.basis.trim(),
  };
}

/** The steps of a case: 立案调查 → 决定审核 → 已决定 → 申诉 → 办结. */
export const CASE_STEPS = ['investigating', 'reviewing', 'decided', 'appealed', 'closed'] as const satisfies readonly CaseStatus[];

/** The step a case is at; a case decided again after an appeal is past the appeal step. */
export function caseStep(status: CaseStatus, appealed: boolean): number {
  if (status === 'decided' && appealed) return 3;
  return CASE_STEPS.indexOf(status);
}

/** What is still to be paid, by kind: the approved decisions' returns and fines less the recoveries recorded. */
export function outstanding(d: Pick<CaseDetail, 'decisions' | 'recoveries'>): { return: number; fine: number } {
  const approved = d.decisions.filter((x) => x.status === 'approved');
  const ordered = (k: 'returnAmount' | 'fineAmount') => approved.reduce((a, x) => a + x[k], 0);
  const paid = (k: 'return' | 'fine') => d.recoveries.filter((r) => r.kind === k).reduce((a, r) => a + r.amount, 0);
  return {
    return: Math.max(0, round2(ordered('returnAmount') - paid('return'))),
    fine: Math.max(0, round2(ordered('fineAmount') - paid('fine'))),
  };
}

/** The decision a handler works on: the draft or the returned one, if any. */
export function openDecision(decisions: CaseDecision[]): CaseDecision | undefined {
  return decisions.find((d) => d.status === 'draft' || d.status === 'returned');
}

/** Whether a clue may join a selection to open one case: open, and of the institution already selected. */
export function selectable(clue: Pick<Clue, 'status' | 'fixmedinsCode'>, selected: Array<Pick<Clue, 'fixmedinsCode'>>): boolean {
  return clue.status === 'open' && (!selected.length || selected.every((s) => s.fixmedinsCode === clue.fixmedinsCode));
}

/** The start of a log entry's hash, enough to tell entries apart. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}
