/**
 * Appeals (申诉): an institution appeals an approved decision about itself within the appeal period; a reviewer
 * (not the decision's drafter) upholds it, amends it (a new decision replaces it, and its sanctions replace the
 * old ones) or revokes it (the sanctions end and the case goes back to investigation). 申诉纠错有途径.
 */
import { randomUUID } from 'node:crypto';
import type { Appeal, CaseDecisionBody, DecisionDetail } from '../contract/api/cases.js';
import { listAttachments } from './attachments.js';
import { checkOutcome, getDecision, insertDecision } from './decisions.js';
import { changeLog } from './log.js';
import { applySanctionEffects, createSanctions, resolveSanctions, revokeSanctions } from './sanctions.js';
import { type AppealStatus, REVIEWER_ROLES } from '../contract/vocabulary.js';
import { type RequestContext, requireRole } from '../kernel/context.js';
import { conflict, forbidden, notFound } from '../kernel/errors.js';
import { updateAsSeen } from '../kernel/sql.js';
import { dayOf, nextSeq } from '../kernel/time.js';
import { isoTime, storeTime } from '../store/db.js';

type AppealRecord = {
  id: string;
  case_id: string;
  decision_id: string;
  fixmedins_code: string;
  filed_by: string;
  filed_at: string;
  reason: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  comment: string | null;
  new_decision_id: string | null;
};

const APPEAL_SELECT = `SELECT id, case_id, decision_id, fixmedins_code, filed_by, CAST(filed_at AS VARCHAR) AS filed_at, reason, status, decided_by,
  CAST(decided_at AS VARCHAR) AS decided_at, comment, new_decision_id FROM fg_appeal`;

async function toAppeals(ctx: RequestContext, rows: AppealRecord[]): Promise<Appeal[]> {
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      caseId: r.case_id,
      decisionId: r.decision_id,
      fixmedinsCode: r.fixmedins_code,
      filedBy: r.filed_by,
      filedAt: isoTime(r.filed_at),
      reason: r.reason,
      status: r.status as AppealStatus,
      decidedBy: r.decided_by,
      decidedAt: r.decided_at ? isoTime(r.decided_at) : null,
      comment: r.comment,
      newDecisionId: r.new_decision_id,
      attachments: await listAttachments(ctx, 'appeal', r.id),
    })),
  );
}

export async function appealsOfCase(ctx: RequestContext, caseId: string): Promise<Appeal[]> {
  return toAppeals(ctx, await ctx.store.query<AppealRecord>(`${APPEAL_SELECT} WHERE case_id = $1 ORDER BY seq`, [caseId]));
}

/** The appeals of a decision the caller can see (an institution: its own decisions). */
export async function appealsOfDecision(ctx: RequestContext, decisionId: string): Promise<Appeal[]> {
  await getDecision(ctx, decisionId);
  return toAppeals(ctx, await ctx.store.query<AppealRecord>(`${APPEAL_SELECT} WHERE decision_id = $1 ORDER BY seq`, [decisionId]));
}

/** A decision with its appeals, and whether the caller (the institution it is about) may appeal it now. */
export async function decisionDetail(ctx: RequestContext, id: string): Promise<DecisionDetail> {
  const decision = await getDecision(ctx, id);
  const appeals = await appealsOfDecision(ctx, id);
  const canAppeal =
    ctx.user.role === 'institution' &&
    decision.status === 'approved' &&
    !!decision.appealUntil &&
    dayOf(ctx.now()) <= decision.appealUntil &&
    !appeals.some((a) => a.status === 'pending');
  return { decision, appeals, canAppeal };
}

/** One appeal inside the caller's scope (through its decision). */
export async function getAppeal(ctx: RequestContext, id: string): Promise<Appeal> {
  const [r] = await ctx.store.query<AppealRecord>(`${APPEAL_SELECT} WHERE id = $1`, [id]);
  if (!r) throw notFound('no such appeal in your scope');
  await getDecision(ctx, r.decision_id).catch(() => {
    throw notFound('no such appeal in your scope');
  });
  return (await toAppeals(ctx, [r]))[0]!;
}

/** An institution appeals an approved decision about itself, within the appeal period, one appeal at a time. */
export async function fileAppeal(ctx: RequestContext, decisionId: string, reason: string): Promise<Appeal> {
  requireRole(ctx, ['institution'], 'file appeals: an institution appeals the decisions about itself');
  const d = await getDecision(ctx, decisionId);
  if (d.status !== 'approved') throw conflict(`the decision is ${d.status}: only an approved decision can be appealed`);
  const today = dayOf(ctx.now());
  if (!d.appealUntil || today > d.appealUntil) throw conflict(`the appeal period ended on ${d.appealUntil ?? d.effectiveOn}`);
  const at = ctx.now();
  const id = randomUUID();
  await ctx.store.transaction(async (tx) => {
    const [pending] = await tx.query<{ id: string }>(`SELECT id FROM fg_appeal WHERE decision_id = $1 AND status = 'pending'`, [
      decisionId,
    ]);
    if (pending) throw conflict('an appeal of this decision is pending');
    const [k] = await tx.query<{ status: string }>(`SELECT status FROM fg_case WHERE id = $1`, [d.caseId]);
    if (k?.status !== 'decided') throw conflict(`the case is ${k?.status ?? 'gone'}`);
    await tx.query(
      `INSERT INTO fg_appeal (id, case_id, decision_id, fixmedins_code, filed_by, filed_at, reason, status, seq) VALUES ($1, $2, $3, $4, $5, CAST($6 AS TIMESTAMP), $7, 'pending', $8)`,
      [id, d.caseId, decisionId, d.fixmedinsCode, ctx.user.username, storeTime(at), reason, nextSeq()],
    );
    await tx.query(`UPDATE fg_case SET status = 'appealed' WHERE id = $1`, [d.caseId]);
    await changeLog(tx, ctx, at).appeal(id, d.caseId, 'file', { decisionId, reason });
  });
  return getAppeal(ctx, id);
}

/** A reviewer decides the appeal: upheld, amended (with the decision as changed) or revoked. */
export async function decideAppeal(
  ctx: RequestContext,
  id: string,
  outcome: 'upheld' | 'amended' | 'revoked',
  comment: string,
  amended: CaseDecisionBody | undefined,
): Promise<Appeal> {
  requireRole(ctx, REVIEWER_ROLES, 'decide appeals');
  const appeal = await getAppeal(ctx, id);
  if (appeal.status !== 'pending') throw conflict(`the appeal was decided: ${appeal.status}`);
  const old = await getDecision(ctx, appeal.decisionId);
  if (old.draftedBy === ctx.user.username) throw forbidden('you drafted the appealed decision: a different person must decide the appeal');
  const at = ctx.now();
  let newDecisionId: string | null = null;
  const replacement = outcome === 'amended' ? await checkOutcome(ctx, old.caseId, old.fixmedinsCode, amended!) : null;
  await ctx.store.transaction(async (tx) => {
    await updateAsSeen(
      tx,
      `UPDATE fg_appeal SET status = $1, decided_by = $2, decided_at = CAST($3 AS TIMESTAMP), comment = $4
      WHERE id = $5 AND status = 'pending' RETURNING id`,
      [outcome, ctx.user.username, storeTime(at), comment, id],
      'the appeal',
    );
    if (outcome === 'upheld') {
      await tx.query(`UPDATE fg_case SET status = 'decided' WHERE id = $1`, [old.caseId]);
    } else if (outcome === 'revoked') {
      await tx.query(`UPDATE fg_case_decision SET status = 'revoked' WHERE id = $1`, [old.id]);
      await revokeSanctions(tx, ctx, at, old.id, old.caseId);
      await tx.query(`UPDATE fg_case SET status = 'investigating' WHERE id = $1`, [old.caseId]);
    } else {
      // The amended decision takes effect at once, in place of the old one; it keeps the old appeal period's end.
      newDecisionId = randomUUID();
      const effectiveOn = dayOf(at);
      const sanctions = resolveSanctions(replacement!.sanctions, effectiveOn);
      await tx.query(`UPDATE fg_case_decision SET status = 'superseded' WHERE id = $1`, [old.id]);
      await revokeSanctions(tx, ctx, at, old.id, old.caseId);
      await insertDecision(tx, ctx, at, {
        id: newDecisionId,
        caseId: old.caseId,
        version: old.version + 1,
        status: 'approved',
        outcome: replacement!,
        draftedBy: ctx.user.username,
        reviewedBy: ctx.user.username,
        reviewComment: comment,
        effectiveOn,
        appealUntil: old.appealUntil,
        supersedes: old.id,
        sanctions,
      });
      await createSanctions(tx, ctx, at, { caseId: old.caseId, decisionId: newDecisionId, fixmedinsCode: old.fixmedinsCode, sanctions });
      await tx.query(`UPDATE fg_appeal SET new_decision_id = $1 WHERE id = $2`, [newDecisionId, id]);
      await tx.query(`UPDATE fg_case SET status = 'decided' WHERE id = $1`, [old.caseId]);
    }
    await changeLog(tx, ctx, at).appeal(id, old.caseId, `decide_${outcome}`, { comment, newDecisionId });
  });
  if (outcome !== 'upheld') await applySanctionEffects(ctx);
  return getAppeal(ctx, id);
}
