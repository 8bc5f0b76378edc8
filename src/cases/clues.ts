/**
 * Clues (线索): leads worth investigating, from confirmed findings, early warnings, reports, referrals and
 * inspections. A clue names one institution; it is open until a case takes it (立案) or it is dismissed
 * (不予立案) with a reason.
 */
import { randomUUID } from 'node:crypto';
import { inScope, scopeCondition } from '../auth/scope.js';
import { ROW_COLUMNS, ROW_FROM, toFindingRow, type FindingRecord } from '../findings/list.js';
import type { Attachment, Clue, ClueBody, CluesQuery, PersonRef } from '../contract/api/cases.js';
import { audit } from '../audit/audit.js';
import { warningForClue } from '../monitoring/board.js';
import { listAttachments } from './attachments.js';
import type { Page } from '../contract/api/common.js';
import { changeLog } from './log.js';
import { BUREAU_ROLES, type ClueSource, type ClueStatus, HANDLER_ROLES } from '../contract/vocabulary.js';
import { type RequestContext, requireRole } from '../kernel/context.js';
import { conflict, invalid, notFound } from '../kernel/errors.js';
import { money, round2 } from '../kernel/numbers.js';
import { Params, selectPage, type ListSource, toPage } from '../kernel/sql.js';
import { nextSeq } from '../kernel/time.js';
import { isoTime, storeTime } from '../store/db.js';

export type Institution = { fixmedins_code: string; fixmedins_name: string | null; admdvs: string | null; grid_id: string | null };

/** The institution, when it exists and is inside the caller's scope (else "not found"). */
export async function institutionInScope(ctx: RequestContext, code: string): Promise<Institution> {
  const [i] = await ctx.workspace.query<Institution>(
    `SELECT fixmedins_code, fixmedins_name, admdvs, grid_id FROM fixmedins WHERE fixmedins_code = $1`,
    [code],
  );
  if (!i || !inScope(ctx.scope, i.fixmedins_code, i.admdvs)) throw notFound(`no institution ${code} in your scope`);
  return i;
}

type ClueRecord = {
  id: string;
  source: string;
  source_id: string | null;
  fixmedins_code: string;
  admdvs: string | null;
  grid_id: string | null;
  summary: string;
  note: string | null;
  persons: string | null;
  amount: string | number | null;
  status: string;
  case_id: string | null;
  case_no: string | null;
  dismiss_reason: string | null;
  created_by: string;
  created_at: string;
  findings: number | null;
};

const CLUE_COLUMNS = `c.id, c.source, c.source_id, c.fixmedins_code, c.admdvs, c.grid_id, c.summary, c.note, c.persons, c.amount, c.status,
  c.case_id, k.case_no, c.dismiss_reason, c.created_by, CAST(c.created_at AS VARCHAR) AS created_at,
  (SELECT COUNT(*) FROM fg_clue_finding f WHERE f.clue_id = c.id) AS findings`;
const CLUE_FROM = 'fg_clue c LEFT JOIN fg_case k ON k.id = c.case_id';

const CLUES: ListSource = { select: CLUE_COLUMNS, from: CLUE_FROM, orderBy: 'c.seq DESC' };

/** The names of the records' institutions by code, from the workspace's register. */
export async function institutionNames(
  ctx: Pick<RequestContext, 'workspace'>,
  records: ReadonlyArray<{ fixmedins_code: string }>,
): Promise<Map<string, string>> {
  const unique = [...new Set(records.map((r) => r.fixmedins_code))];
  const names = new Map<string, string>();
  if (!unique.length) return names;
  const p = new Params();
  const found = await ctx.workspace.query<{ fixmedins_code: string; fixmedins_name: string }>(
    `SELECT fixmedins_code, fixmedins_name FROM fixmedins WHERE fixmedins_code IN ${p.list(unique)}`,
    p.values,
  );
  for (const f of found) names.set(f.fixmedins_code, f.fixmedins_name);
  return names;
}

async function toClues(ctx: RequestContext, rows: ClueRecord[]): Promise<Clue[]> {
  const names = await institutionNames(ctx, rows);
  return rows.map((r) => ({
    id: r.id,
    source: r.source as ClueSource,
    sourceId: r.source_id,
    fixmedinsCode: r.fixmedins_code,
    institutionName: names.get(r.fixmedins_code) ?? null,
    admdvs: r.admdvs,
    gridId: r.grid_id,
    summary: r.summary,
    note: r.note,
    persons: r.persons ? (JSON.parse(r.persons) as PersonRef[]) : [],
    amount: money(r.amount),
    findings: Number(r.findings ?? 0),
    status: r.status as ClueStatus,
    caseId: r.case_id,
    caseNo: r.case_no,
    dismissReason: r.dismiss_reason,
    createdBy: r.created_by,
    createdAt: isoTime(r.created_at),
  }));
}

export async function getClue(ctx: RequestContext, id: string): Promise<Clue> {
  requireRole(ctx, BUREAU_ROLES, 'see clues');
  const p = new Params();
  const rows = await ctx.store.query<ClueRecord>(
    `SELECT ${CLUE_COLUMNS} FROM ${CLUE_FROM} WHERE c.id = ${p.add(id)} AND ${scopeCondition(ctx.scope, p, 'c.fixmedins_code', 'c.admdvs')}`,
    p.values,
  );
  if (!rows.length) throw notFound('no such clue in your scope');
  return (await toClues(ctx, rows))[0]!;
}

export async function listClues(ctx: RequestContext, q: CluesQuery): Promise<Page<Clue>> {
  requireRole(ctx, BUREAU_ROLES, 'see clues');
  const p = new Params();
  const where = [scopeCondition(ctx.scope, p, 'c.fixmedins_code', 'c.admdvs')];
  if (q.status) where.push(`c.status = ${p.add(q.status)}`);
  if (q.source) where.push(`c.source = ${p.add(q.source)}`);
  if (q.institution) where.push(`c.fixmedins_code = ${p.add(q.institution)}`);
  if (q.admdvs) where.push(`starts_with(c.admdvs, ${p.add(q.admdvs)})`);
  if (q.caseId) where.push(`c.case_id = ${p.add(q.caseId)}`);
  const { rows, total } = await selectPage<ClueRecord>(ctx.store, q, CLUES, where, p);
  return toPage(await toClues(ctx, rows), total, q);
}

interface NewClue {
  source: ClueSource;
  sourceId: string | null;
  institution: Institution;
  summary: string;
  note: string | null;
  persons: PersonRef[];
  amount: number;
  findings: Array<{ id: string; amount: number }>;
}

async function insertClue(ctx: RequestContext, c: NewClue): Promise<string> {
  const id = randomUUID();
  const at = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO fg_clue (id, source, source_id, fixmedins_code, admdvs, grid_id, summary, note, persons, amount, status, created_by, created_at, seq)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, CAST($12 AS TIMESTAMP), $13)`,
      [
        id,
        c.source,
        c.sourceId,
        c.institution.fixmedins_code,
        c.institution.admdvs,
        c.institution.grid_id,
        c.summary,
        c.note,
        JSON.stringify(c.persons),
        c.amount,
        ctx.user.username,
        storeTime(at),
        nextSeq(),
      ],
    );
    for (const f of c.findings)
      await tx.query(`INSERT INTO fg_clue_finding (clue_id, finding_id, amount) VALUES ($1, $2, $3)`, [id, f.id, f.amount]);
    await changeLog(tx, ctx, at).clue(id, null, 'create', {
      source: c.source,
      sourceId: c.sourceId,
      fixmedinsCode: c.institution.fixmedins_code,
      summary: c.summary,
      note: c.note,
      persons: c.persons,
      amount: c.amount,
      findings: c.findings.map((f) => f.id),
    });
  });
  return id;
}

/** A clue from confirmed findings of one institution, or entered by hand (a report, a referral, an inspection). */
export async function createClue(ctx: RequestContext, body: ClueBody): Promise<Clue> {
  requireRole(ctx, HANDLER_ROLES, 'create clues');
  if (body.source === 'finding') {
    const ids = [...new Set(body.findingIds!)];
    const p = new Params();
    const rows = await ctx.workspace.query<FindingRecord & Record<string, unknown>>(
      `SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE r.finding_id IN ${p.list(ids)}`,
      p.values,
    );
    const found = rows.map(toFindingRow).filter((f) => inScope(ctx.scope, f.fixmedinsCode, f.admdvs));
    const missing = ids.filter((id) => !found.some((f) => f.id === id));
    if (missing.length) throw notFound(`no such finding in your scope: ${missing.slice(0, 5).join(', ')}`);
    const unconfirmed = found.filter((f) => f.status !== 'confirmed');
    if (unconfirmed.length)
      throw conflict(
        `only confirmed findings make a clue; not confirmed: ${unconfirmed
          .slice(0, 5)
          .map((f) => f.id)
          .join(', ')}`,
      );
    const institutions = new Set(found.map((f) => f.fixmedinsCode));
    if (institutions.size !== 1 || !found[0]!.fixmedinsCode)
      throw invalid('a clue is about one institution: these findings are of several');
    const q = new Params();
    const [taken] = await ctx.store.query<{ finding_id: string }>(
      `SELECT cf.finding_id FROM fg_clue_finding cf JOIN fg_clue c ON c.id = cf.clue_id
      WHERE c.status <> 'dismissed' AND cf.finding_id IN ${q.list(ids)} LIMIT 1`,
      q.values,
    );
    if (taken) throw conflict(`finding ${taken.finding_id} is already part of a clue`);
    const institution = await institutionInScope(ctx, found[0]!.fixmedinsCode!);
    const total = round2(found.reduce((s, f) => s + f.amount, 0));
    const codes = [...new Set(found.map((f) => f.ruleName))];
    const summary =
      body.summary ??
      `${institution.fixmedins_name ?? institution.fixmedins_code}：${found.length} 条已确认疑点（${codes.slice(0, 3).join('、')}${codes.length > 3 ? '等' : ''}）`;
    const persons =
      body.persons ??
      [...new Set(found.map((f) => f.psnNo).filter((x): x is string => !!x))].slice(0, 50).map((id) => ({ kind: 'insured' as const, id }));
    const id = await insertClue(ctx, {
      source: 'finding',
      sourceId: ids.length === 1 ? ids[0]! : null,
      institution,
      summary,
      note: body.note ?? null,
      persons,
      amount: body.amount ?? total,
      findings: found.map((f) => ({ id: f.id, amount: f.amount })),
    });
    return getClue(ctx, id);
  }
  const institution = await institutionInScope(ctx, body.fixmedinsCode!);
  const id = await insertClue(ctx, {
    source: body.source,
    sourceId: body.reference ?? null,
    institution,
    summary: body.summary!,
    note: body.note ?? null,
    persons: body.persons ?? [],
    amount: body.amount ?? 0,
    findings: [],
  });
  return getClue(ctx, id);
}

/** A clue from an early warning inside the caller's scope: what the warning says, and the month's amount at risk. */
export async function clueFromWarning(ctx: RequestContext, warningId: string, note: string | null): Promise<Clue> {
  requireRole(ctx, HANDLER_ROLES, 'create clues');
  const w = await warningForClue(ctx, warningId);
  const [existing] = await ctx.store.query<{ id: string }>(`SELECT id FROM fg_clue WHERE source = 'warning' AND source_id = $1`, [w.id]);
  if (existing) throw conflict(`this warning is already clue ${existing.id}`);
  const institution = await institutionInScope(ctx, w.fixmedinsCode);
  const id = await insertClue(ctx, {
    source: 'warning',
    sourceId: w.id,
    institution,
    summary: w.summary,
    note,
    persons: [],
    amount: w.amountAtRisk,
    findings: [],
  });
  await audit(ctx.store, ctx.user.username, 'clue_from_warning', id, w.id);
  return getClue(ctx, id);
}

/** A clue with its evidence files. */
export async function clueWithFiles(ctx: RequestContext, id: string): Promise<Clue & { attachments: Attachment[] }> {
  const clue = await getClue(ctx, id);
  return { ...clue, attachments: await listAttachments(ctx, 'clue', clue.id) };
}

/** 不予立案: an open clue is set aside, with the reason. */
export async function dismissClue(ctx: RequestContext, id: string, reason: string): Promise<Clue> {
  requireRole(ctx, HANDLER_ROLES, 'dismiss clues');
  const clue = await getClue(ctx, id);
  if (clue.status !== 'open') throw conflict(`the clue is ${clue.status}`);
  const at = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.query(`UPDATE fg_clue SET status = 'dismissed', dismiss_reason = $1 WHERE id = $2 AND status = 'open'`, [reason, id]);
    await changeLog(tx, ctx, at).clue(id, null, 'dismiss', { reason });
  });
  return getClue(ctx, id);
}
