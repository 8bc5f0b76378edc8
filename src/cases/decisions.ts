/**
 * Decisions (处理决定): drafted by the case's investigators, approved or returned by a reviewer who is not the
 * person who drafted it (maker–checker, enforced here). Outcomes under the 医疗保障基金使用监督管理条例: funds
 * ordered returned (退回), payment refused (拒付), a fine as a multiple of the loss (1–2× for violations,
 * Art. 38; 2–5× for fraud, Art. 40), suspension of an institution's or a department's agreement (6–12 months),
 * termination, suspension of a practitioner, an interview (约谈), referrals to the police or the discipline
 * commission. The loss defaults to the confirmed findings' amount; another figure needs a reason.
 */
import { randomUUID } from 'node:crypto';
import { inScope, scopeCondition } from '../auth/scope.js';
import type { CaseDecision, CaseDecisionBody, CaseDecisionsQuery, DecisionSanction, SanctionInput } from '../contract/api/cases.js';
import type { Page } from '../contract/api/common.js';
import { FINE_ARTICLE, FINE_MULTIPLES } from '../contract/regulation.js';
import { institutionNames } from './clues.js';
import { changeLog } from './log.js';
import { applySanctionEffects, createSanctions, resolveSanctions } from './sanctions.js';
import { loadCaseSettings } from './settings.js';
import { type CaseDecisionStatus, HANDLER_ROLES, REVIEWER_ROLES } from '../contract/vocabulary.js';
import { type RequestContext, requireRole } from '../kernel/context.js';
import { conflict, forbidden, invalid, notFound } from '../kernel/errors.js';
import { money, round2 } from '../kernel/numbers.js';
import { Params, selectPage, type ListSource, toPage, updateAsSeen } from '../kernel/sql.js';
import { addDays, dayOf, nextSeq } from '../kernel/time.js';
import { type StoreDb, isoTime, storeTime } from '../store/db.js';

type DecisionRecord = {
  id: string;
  case_id: string;
  case_no: string;
  fixmedins_code: string;
  version: number;
  status: string;
  violation_kind: string;
  loss_computed: string;
  loss: string;
  loss_reason: string | null;
  return_amount: string;
  refuse_amount: string;
  fine_multiple: number | null;
  fine_amount: string;
  sanctions: string;
  interview: boolean;
  refer_police: boolean;
  refer_discipline: boolean;
  basis: string;
  drafted_by: string;
  drafted_at: string;
  submitted_at: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  review_comment: string | null;
  effective_on: string | null;
  appeal_until: string | null;
  supersedes: string | null;
  admdvs: string | null;
};

const DECISION_COLUMNS = `d.id, d.case_id, k.case_no, k.fixmedins_code, k.admdvs, d.version, d.status, d.violation_kind, d.loss_computed, d.loss,
  d.loss_reason, d.return_amount, d.refuse_amount, d.fine_multiple, d.fine_amount, d.sanctions, d.interview, d.refer_police, d.refer_discipline,
  d.basis, d.drafted_by, CAST(d.drafted_at AS VARCHAR) AS drafted_at, CAST(d.submitted_at AS VARCHAR) AS submitted_at, d.reviewed_by,
  CAST(d.reviewed_at AS VARCHAR) AS reviewed_at, d.review_comment, CAST(d.effective_on AS VARCHAR) AS effective_on,
  CAST(d.appeal_until AS VARCHAR) AS appeal_until, d.supersedes`;
const DECISION_FROM = 'fg_case_decision d JOIN fg_case k ON k.id = d.case_id';

const DECISIONS: ListSource = { select: DECISION_COLUMNS, from: DECISION_FROM, orderBy: 'd.seq DESC' };

async function toDecisions(ctx: RequestContext, rows: DecisionRecord[]): Promise<CaseDecision[]> {
  const names = await institutionNames(ctx, rows);
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    caseNo: r.case_no,
    fixmedinsCode: r.fixmedins_code,
    institutionName: names.get(r.fixmedins_code) ?? null,
    version: Number(r.version),
    status: r.status as CaseDecisionStatus,
    violationKind: r.violation_kind as CaseDecision['violationKind'],
    lossComputed: money(r.loss_computed),
    loss: money(r.loss),
    lossReason: r.loss_reason,
    returnAmount: money(r.return_amount),
    refuseAmount: money(r.refuse_amount),
    fineMultiple: r.fine_multiple === null ? null : Number(r.fine_multiple),
    fineAmount: money(r.fine_amount),
    sanctions: JSON.parse(r.sanctions) as CaseDecision['sanctions'],
    interview: !!r.interview,
    referPolice: !!r.refer_police,
    referDiscipline: !!r.refer_discipline,
    basis: r.basis,
    draftedBy: r.drafted_by,
    draftedAt: isoTime(r.drafted_at),
    submittedAt: r.submitted_at ? isoTime(r.submitted_at) : null,
    reviewedBy: r.reviewed_by,
    reviewedAt: r.reviewed_at ? isoTime(r.reviewed_at) : null,
    reviewComment: r.review_comment,
    effectiveOn: r.effective_on,
    appealUntil: r.appeal_until,
    supersedes: r.supersedes,
  }));
}

/** Institutions see the decisions about themselves once approved (and what became of them), never drafts. */
const VISIBLE_TO_INSTITUTIONS = ['approved', 'superseded', 'revoked'];

/** One decision inside the caller's scope: bureau roles by region, institutions their own issued ones. */
export async function getDecision(ctx: RequestContext, id: string): Promise<CaseDecision> {
  const rows = await ctx.store.query<DecisionRecord>(`SELECT ${DECISION_COLUMNS} FROM ${DECISION_FROM} WHERE d.id = $1`, [id]);
  const r = rows[0];
  const visible =
    r && inScope(ctx.scope, r.fixmedins_code, r.admdvs) && (ctx.user.role !== 'institution' || VISIBLE_TO_INSTITUTIONS.includes(r.status));
  if (!visible) throw notFound('no such decision in your scope');
  return (await toDecisions(ctx, [r]))[0]!;
}

export async function decisionsOfCase(ctx: RequestContext, caseId: string): Promise<CaseDecision[]> {
  return toDecisions(
    ctx,
    await ctx.store.query<DecisionRecord>(
      `SELECT ${DECISION_COLUMNS} FROM ${DECISION_FROM} WHERE d.case_id = $1 ORDER BY d.version, d.seq`,
      [caseId],
    ),
  );
}

export async function listDecisions(ctx: RequestContext, q: CaseDecisionsQuery): Promise<Page<CaseDecision>> {
  const p = new Params();
  const where = [scopeCondition(ctx.scope, p, 'k.fixmedins_code', 'k.admdvs')];
  if (ctx.user.role === 'institution') where.push(`d.status IN ${p.list(VISIBLE_TO_INSTITUTIONS)}`);
  if (q.status) where.push(`d.status = ${p.add(q.status)}`);
  if (q.caseId) where.push(`d.case_id = ${p.add(q.caseId)}`);
  const { rows, total } = await selectPage<DecisionRecord>(ctx.store, q, DECISIONS, where, p);
  return toPage(await toDecisions(ctx, rows), total, q);
}

/** The confirmed findings behind a case's clues (confirmed now: a finding reopened since does not count). */
export async function confirmedFindings(ctx: Pick<RequestContext, 'store'>, caseId: string): Promise<{ count: number; amount: number }> {
  const [r] = await ctx.store.query<{ n: number; amount: string | null }>(
    `
    SELECT COUNT(*) AS n, SUM(cf.amount) AS amount FROM fg_clue_finding cf JOIN fg_clue c ON c.id = cf.clue_id
    WHERE c.case_id = $1 AND (SELECT d.status_after FROM fg_finding_decision d WHERE d.finding_id = cf.finding_id ORDER BY d.seq DESC LIMIT 1) = 'confirmed'`,
    [caseId],
  );
  return { count: Number(r?.n ?? 0), amount: money(r?.amount) };
}

/** What a decision orders: its outcome fields, the sanctions as drafted or with their dates. */
export type Outcome = Pick<
  CaseDecision,
  | 'violationKind'
  | 'lossComputed'
  | 'loss'
  | 'lossReason'
  | 'returnAmount'
  | 'refuseAmount'
  | 'fineMultiple'
  | 'fineAmount'
  | 'interview'
  | 'referPolice'
  | 'referDiscipline'
  | 'basis'
> & { sanctions: Array<SanctionInput | DecisionSanction> };

/** Checks a drafted outcome against the regulation's ranges and the case, and works out its amounts. */
export async function checkOutcome(ctx: RequestContext, caseId: string, fixmedinsCode: string, body: CaseDecisionBody): Promise<Outcome> {
  const computed = (await confirmedFindings(ctx, caseId)).amount;
  const loss = body.loss ?? computed;
  if (round2(loss) !== round2(computed) && !body.lossReason) {
    throw invalid(`the loss differs from the confirmed findings' ${computed.toFixed(2)} 元: give the reason`);
  }
  const multiple = body.fineMultiple === undefined || body.fineMultiple === 0 ? null : body.fineMultiple;
  if (multiple !== null) {
    const [lo, hi] = FINE_MULTIPLES[body.violationKind];
    if (multiple < lo || multiple > hi) {
      const article = FINE_ARTICLE[body.violationKind];
      const what = body.violationKind === 'fraud' ? `fraud (骗保, ${article})` : `a violation (${article})`;
      throw invalid(`a fine for ${what} is ${lo} to ${hi} times the loss`);
    }
    if (loss <= 0) throw invalid('a fine is a multiple of the loss, and the loss is 0');
  }
  const kinds = body.sanctions.map((s) => s.kind);
  if (kinds.includes('terminate_institution') && kinds.includes('suspend_institution'))
    throw invalid('an agreement is either suspended or terminated, not both');
  if (kinds.filter((k) => k === 'terminate_institution' || k === 'suspend_institution').length > 1)
    throw invalid("one sanction on the institution's agreement at a time");
  for (const s of body.sanctions) {
    if (s.kind === 'suspend_practitioner') {
      const [p] = await ctx.workspace.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM practitioner WHERE prac_code = $1 AND fixmedins_code = $2`,
        [s.pracCode!, fixmedinsCode],
      );
      if (!Number(p?.n)) throw invalid(`${s.pracCode} is not registered at ${fixmedinsCode}`);
    }
  }
  const returnAmount = body.returnAmount ?? loss;
  return {
    violationKind: body.violationKind,
    lossComputed: computed,
    loss: round2(loss),
    lossReason: body.lossReason ?? null,
    returnAmount: round2(returnAmount),
    refuseAmount: round2(body.refuseAmount ?? 0),
    fineMultiple: multiple,
    fineAmount: multiple === null ? 0 : round2(loss * multiple),
    sanctions: body.sanctions,
    interview: body.interview,
    referPolice: body.referPolice,
    referDiscipline: body.referDiscipline,
    basis: body.basis,
  };
}

type CaseState = { id: string; status: string; fixmedins_code: string; admdvs: string | null };

async function caseState(ctx: RequestContext, caseId: string): Promise<CaseState> {
  const [k] = await ctx.store.query<CaseState>(`SELECT id, status, fixmedins_code, admdvs FROM fg_case WHERE id = $1`, [caseId]);
  if (!k || ctx.user.role === 'institution' || !inScope(ctx.scope, k.fixmedins_code, k.admdvs))
    throw notFound('no such case in your scope');
  return k;
}

function outcomeValues(o: Outcome): unknown[] {
  return [
    o.violationKind,
    o.lossComputed,
    o.loss,
    o.lossReason,
    o.returnAmount,
    o.refuseAmount,
    o.fineMultiple,
    o.fineAmount,
    JSON.stringify(o.sanctions),
    o.interview,
    o.referPolice,
    o.referDiscipline,
    o.basis,
  ];
}

/** Inserts a decision row (and logs it); the outcome columns in the order of outcomeValues. */
export async function insertDecision(
  tx: StoreDb,
  ctx: RequestContext,
  at: Date,
  d: {
    id: string;
    caseId: string;
    version: number;
    status: CaseDecisionStatus;
    outcome: Outcome;
    draftedBy: string;
    reviewedBy?: string | null;
    reviewComment?: string | null;
    effectiveOn?: string | null;
    appealUntil?: string | null;
    supersedes?: string | null;
    sanctions?: CaseDecision['sanctions'];
  },
): Promise<void> {
  const o = d.sanctions ? { ...d.outcome, sanctions: d.sanctions } : d.outcome;
  await tx.query(
    `INSERT INTO fg_case_decision (id, case_id, version, status, violation_kind, loss_computed, loss, loss_reason, return_amount, refuse_amount,
      fine_multiple, fine_amount, sanctions, interview, refer_police, refer_discipline, basis, drafted_by, drafted_at, submitted_at, reviewed_by, reviewed_at,
      review_comment, effective_on, appeal_until, supersedes, seq)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, CAST($19 AS TIMESTAMP), CAST($20 AS TIMESTAMP), $21,
      CAST($22 AS TIMESTAMP), $23, CAST($24 AS DATE), CAST($25 AS DATE), $26, $27)`,
    [
      d.id,
      d.caseId,
      d.version,
      d.status,
      ...outcomeValues(o),
      d.draftedBy,
      storeTime(at),
      d.reviewedBy ? storeTime(at) : null,
      d.reviewedBy ?? null,
      d.reviewedBy ? storeTime(at) : null,
      d.reviewComment ?? null,
      d.effectiveOn ?? null,
      d.appealUntil ?? null,
      d.supersedes ?? null,
      nextSeq(),
    ] as never[],
  );
  await changeLog(tx, ctx, at).decision(d.id, d.caseId, d.status === 'draft' ? 'draft' : `create_${d.status}`, {
    version: d.version,
    outcome: o,
    supersedes: d.supersedes ?? null,
  });
}

/** Drafts the case's decision, or changes the draft (a returned one too); whoever changes it last is its drafter. */
export async function draftDecision(ctx: RequestContext, caseId: string, body: CaseDecisionBody): Promise<CaseDecision> {
  requireRole(ctx, HANDLER_ROLES, 'draft decisions');
  const k = await caseState(ctx, caseId);
  if (k.status !== 'investigating') throw conflict(k.status === 'reviewing' ? 'the decision is under review' : `the case is ${k.status}`);
  const outcome = await checkOutcome(ctx, caseId, k.fixmedins_code, body);
  const at = ctx.now();
  const id = await ctx.store.transaction(async (tx) => {
    const [open] = await tx.query<{ id: string; version: number }>(
      `SELECT id, version FROM fg_case_decision WHERE case_id = $1 AND status IN ('draft', 'returned')`,
      [caseId],
    );
    if (open) {
      await tx.query(
        `UPDATE fg_case_decision SET status = 'draft', violation_kind = $1, loss_computed = $2, loss = $3, loss_reason = $4, return_amount = $5,
        refuse_amount = $6, fine_multiple = $7, fine_amount = $8, sanctions = $9, interview = $10, refer_police = $11, refer_discipline = $12, basis = $13,
        drafted_by = $14, drafted_at = CAST($15 AS TIMESTAMP) WHERE id = $16`,
        [...outcomeValues(outcome), ctx.user.username, storeTime(at), open.id] as never[],
      );
      await changeLog(tx, ctx, at).decision(open.id, caseId, 'edit', { outcome });
      return open.id;
    }
    const [v] = await tx.query<{ v: number | null }>(`SELECT MAX(version) AS v FROM fg_case_decision WHERE case_id = $1`, [caseId]);
    const newId = randomUUID();
    await insertDecision(tx, ctx, at, {
      id: newId,
      caseId,
      version: Number(v?.v ?? 0) + 1,
      status: 'draft',
      outcome,
      draftedBy: ctx.user.username,
    });
    return newId;
  });
  return getDecision(ctx, id);
}

export async function submitDecision(ctx: RequestContext, id: string): Promise<CaseDecision> {
  requireRole(ctx, HANDLER_ROLES, 'submit decisions');
  const d = await getDecision(ctx, id);
  await caseState(ctx, d.caseId);
  if (d.status !== 'draft') throw conflict(`the decision is ${d.status}${d.status === 'returned' ? ': change it first' : ''}`);
  const at = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await updateAsSeen(
      tx,
      `UPDATE fg_case_decision SET status = 'submitted', submitted_at = CAST($1 AS TIMESTAMP) WHERE id = $2 AND status = 'draft' RETURNING id`,
      [storeTime(at), id],
      'the decision',
    );
    await tx.query(`UPDATE fg_case SET status = 'reviewing' WHERE id = $1`, [d.caseId]);
    await changeLog(tx, ctx, at).decision(id, d.caseId, 'submit', {});
  });
  return getDecision(ctx, id);
}

/**
 * 审核: a reviewer approves the submitted decision, or returns it with the reason. The reviewer may not be its
 * drafter. Approval makes it take effect: the appeal period starts and the sanctions apply from their first day.
 */
export async function reviewDecision(
  ctx: RequestContext,
  id: string,
  action: 'approve' | 'return',
  comment: string | undefined,
): Promise<CaseDecision> {
  requireRole(ctx, REVIEWER_ROLES, 'review decisions');
  const d = await getDecision(ctx, id);
  await caseState(ctx, d.caseId);
  if (d.status !== 'submitted') throw conflict(`the decision is ${d.status}, not submitted`);
  if (d.draftedBy === ctx.user.username) throw forbidden('you drafted this decision: a different person must review it (maker–checker)');
  const at = ctx.now();
  if (action === 'return') {
    await ctx.store.transaction(async (tx) => {
      await updateAsSeen(
        tx,
        `UPDATE fg_case_decision SET status = 'returned', reviewed_by = $1, reviewed_at = CAST($2 AS TIMESTAMP), review_comment = $3
        WHERE id = $4 AND status = 'submitted' RETURNING id`,
        [ctx.user.username, storeTime(at), comment ?? null, id],
        'the decision',
      );
      await tx.query(`UPDATE fg_case SET status = 'investigating' WHERE id = $1`, [d.caseId]);
      await changeLog(tx, ctx, at).decision(id, d.caseId, 'return', { comment: comment ?? null });
    });
    return getDecision(ctx, id);
  }
  const settings = await loadCaseSettings(ctx.store);
  const effectiveOn = dayOf(at);
  const appealUntil = addDays(effectiveOn, settings.appealDays);
  const sanctions = resolveSanctions(d.sanctions, effectiveOn);
  await ctx.store.transaction(async (tx) => {
    await updateAsSeen(
      tx,
      `UPDATE fg_case_decision SET status = 'approved', reviewed_by = $1, reviewed_at = CAST($2 AS TIMESTAMP), review_comment = $3,
      effective_on = CAST($4 AS DATE), appeal_until = CAST($5 AS DATE), sanctions = $6 WHERE id = $7 AND status = 'submitted' RETURNING id`,
      [ctx.user.username, storeTime(at), comment ?? null, effectiveOn, appealUntil, JSON.stringify(sanctions), id],
      'the decision',
    );
    await tx.query(`UPDATE fg_case SET status = 'decided' WHERE id = $1`, [d.caseId]);
    await changeLog(tx, ctx, at).decision(id, d.caseId, 'approve', { comment: comment ?? null, effectiveOn, appealUntil, sanctions });
    await createSanctions(tx, ctx, at, { caseId: d.caseId, decisionId: id, fixmedinsCode: d.fixmedinsCode, sanctions });
  });
  await applySanctionEffects(ctx);
  return getDecision(ctx, id);
}
