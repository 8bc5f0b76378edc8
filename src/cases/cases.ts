/**
 * Cases (案件): clues of one institution investigated together — opened (立案) with a handler and a deadline,
 * assigned by region and supervision grid, carried through notes, on-site inspections and interviews, a
 * decision, an appeal, the recovery of funds, and closed (办结).
 */
import { randomUUID } from 'node:crypto';
import { inScope, scopeCondition } from '../auth/scope.js';
import { findUser } from '../auth/users.js';
import { regionName } from '../exchange/regions.js';
import type { CaseDetail, CaseNote, CaseRow, CasesQuery, Clue, Recovery } from '../contract/api/cases.js';
import type { Page } from '../contract/api/common.js';
import { listAttachments } from './attachments.js';
import { getClue, institutionInScope, institutionNames, listClues } from './clues.js';
import { confirmedFindings, decisionsOfCase } from './decisions.js';
import { appealsOfCase } from './appeals.js';
import { caseLog, changeLog } from './log.js';
import { sanctionsOfCase } from './sanctions.js';
import { loadCaseSettings } from './settings.js';
import { BUREAU_ROLES, type CaseStatus, HANDLER_ROLES, type NoteKind, REVIEWER_ROLES, roleIn } from '../contract/vocabulary.js';
import { type RequestContext, requireRole } from '../kernel/context.js';
import { conflict, invalid, notFound } from '../kernel/errors.js';
import { money, round2, toNumber } from '../kernel/numbers.js';
import { Params, selectPage, type ListSource, toPage, updateAsSeen } from '../kernel/sql.js';
import { addDays, dayOf, nextSeq } from '../kernel/time.js';
import { isoTime, storeTime, type StoreDb } from '../store/db.js';

type CaseRecord = {
  id: string;
  case_no: string;
  title: string;
  fixmedins_code: string;
  admdvs: string | null;
  grid_id: string | null;
  status: string;
  handler: string;
  opened_by: string;
  opened_at: string;
  deadline: string;
  closed_at: string | null;
  close_note: string | null;
  clues: number;
  amount_involved: string | number | null;
  due: string | number | null;
  recovered: string | number | null;
};

const CASE_COLUMNS = `k.id, k.case_no, k.title, k.fixmedins_code, k.admdvs, k.grid_id, k.status, k.handler, k.opened_by,
  CAST(k.opened_at AS VARCHAR) AS opened_at, CAST(k.deadline AS VARCHAR) AS deadline, CAST(k.closed_at AS VARCHAR) AS closed_at, k.close_note,
  (SELECT COUNT(*) FROM fg_clue c WHERE c.case_id = k.id) AS clues,
  (SELECT SUM(c.amount) FROM fg_clue c WHERE c.case_id = k.id) AS amount_involved,
  (SELECT SUM(d.return_amount + d.fine_amount) FROM fg_case_decision d WHERE d.case_id = k.id AND d.status = 'approved') AS due,
  (SELECT SUM(r.amount) FROM fg_recovery r WHERE r.case_id = k.id) AS recovered`;

const CASES: ListSource = { select: CASE_COLUMNS, from: 'fg_case k', orderBy: 'k.seq DESC' };

async function toRows(ctx: RequestContext, rows: CaseRecord[]): Promise<CaseRow[]> {
  const names = await institutionNames(ctx, rows);
  const today = dayOf(ctx.now());
  return rows.map((r) => ({
    id: r.id,
    caseNo: r.case_no,
    title: r.title,
    fixmedinsCode: r.fixmedins_code,
    institutionName: names.get(r.fixmedins_code) ?? null,
    admdvs: r.admdvs,
    regionName: regionName(r.admdvs),
    gridId: r.grid_id,
    status: r.status as CaseStatus,
    handler: r.handler,
    openedBy: r.opened_by,
    openedAt: isoTime(r.opened_at),
    deadline: r.deadline,
    overdue: r.status !== 'closed' && r.deadline < today,
    clues: Number(r.clues ?? 0),
    amountInvolved: money(r.amount_involved),
    due: money(r.due),
    recovered: money(r.recovered),
    closedAt: r.closed_at ? isoTime(r.closed_at) : null,
  }));
}

/** The case record inside a bureau caller's scope (institutions reach cases only through their decisions). */
export async function caseRecord(ctx: RequestContext, id: string): Promise<CaseRecord> {
  requireRole(ctx, BUREAU_ROLES, 'see cases');
  const p = new Params();
  const [r] = await ctx.store.query<CaseRecord>(
    `SELECT ${CASE_COLUMNS} FROM fg_case k WHERE k.id = ${p.add(id)} AND ${scopeCondition(ctx.scope, p, 'k.fixmedins_code', 'k.admdvs')}`,
    p.values,
  );
  if (!r) throw notFound('no such case in your scope');
  return r;
}

export async function listCases(ctx: RequestContext, q: CasesQuery): Promise<Page<CaseRow>> {
  requireRole(ctx, BUREAU_ROLES, 'see cases');
  const p = new Params();
  const where = [scopeCondition(ctx.scope, p, 'k.fixmedins_code', 'k.admdvs')];
  if (q.status) where.push(`k.status = ${p.add(q.status)}`);
  if (q.institution) where.push(`k.fixmedins_code = ${p.add(q.institution)}`);
  if (q.admdvs) where.push(`starts_with(k.admdvs, ${p.add(q.admdvs)})`);
  if (q.grid) where.push(`k.grid_id = ${p.add(q.grid)}`);
  if (q.handler) where.push(`k.handler = ${p.add(q.handler)}`);
  if (q.overdue)
    where.push(`${q.overdue === 'true' ? '' : 'NOT '}(k.status <> 'closed' AND k.deadline < CAST(${p.add(dayOf(ctx.now()))} AS DATE))`);
  const { rows, total } = await selectPage<CaseRecord>(ctx.store, q, CASES, where, p);
  return toPage(await toRows(ctx, rows), total, q);
}

/** The handler: the one named, else the grid's default, else the caller; an analyst (or administrator) whose region covers the institution. */
async function resolveHandler(
  ctx: RequestContext,
  named: string | undefined,
  inst: { fixmedins_code: string; admdvs: string | null; grid_id: string | null },
): Promise<string> {
  const settings = await loadCaseSettings(ctx.store);
  const username = named ?? (inst.grid_id ? settings.gridHandlers[inst.grid_id] : undefined) ?? ctx.user.username;
  const u = await findUser(ctx.store, username);
  const ok =
    u &&
    !u.disabled &&
    (u.role === 'admin' ||
      (u.role === 'analyst' &&
        inScope({ role: u.role, admdvs: u.scope_admdvs, fixmedinsCode: u.scope_fixmedins }, inst.fixmedins_code, inst.admdvs)));
  if (!ok) throw invalid(`${username} is not an analyst whose region covers this institution`);
  return username;
}

async function openClues(ctx: RequestContext, clueIds: string[]): Promise<Array<Awaited<ReturnType<typeof getClue>>>> {
  const clues = await Promise.all([...new Set(clueIds)].map((id) => getClue(ctx, id)));
  const taken = clues.find((c) => c.status !== 'open');
  if (taken) throw conflict(`clue ${taken.id} is ${taken.status}`);
  if (new Set(clues.map((c) => c.fixmedinsCode)).size !== 1) throw invalid('a case is about one institution: these clues are of several');
  return clues;
}

/** 立案: opens a case on open clues of one institution. */
export async function openCase(
  ctx: RequestContext,
  body: { clueIds: string[]; title?: string | undefined; handler?: string | undefined; deadline?: string | undefined },
): Promise<CaseDetail> {
  requireRole(ctx, HANDLER_ROLES, 'open cases');
  const clues = await openClues(ctx, body.clueIds);
  const inst = await institutionInScope(ctx, clues[0]!.fixmedinsCode);
  const handler = await resolveHandler(ctx, body.handler, inst);
  const settings = await loadCaseSettings(ctx.store);
  const at = ctx.now();
  const today = dayOf(at);
  const deadline = body.deadline ?? addDays(today, settings.deadlineDays);
  if (deadline < today) throw invalid('the deadline is in the past');
  const id = randomUUID();
  const title = body.title ?? `${inst.fixmedins_name ?? inst.fixmedins_code}：${clues[0]!.summary}`.slice(0, 200);
  await ctx.store.transaction(async (tx) => {
    const year = today.slice(0, 4);
    const [n] = await tx.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_case WHERE case_no LIKE $1`, [`AJ${year}%`]);
    const caseNo = `AJ${year}${String(Number(n?.n ?? 0) + 1).padStart(5, '0')}`;
    await tx.query(
      `INSERT INTO fg_case (id, case_no, title, fixmedins_code, admdvs, grid_id, status, handler, opened_by, opened_at, deadline, seq)
      VALUES ($1, $2, $3, $4, $5, $6, 'investigating', $7, $8, CAST($9 AS TIMESTAMP), CAST($10 AS DATE), $11)`,
      [id, caseNo, title, inst.fixmedins_code, inst.admdvs, inst.grid_id, handler, ctx.user.username, storeTime(at), deadline, nextSeq()],
    );
    await takeClues(tx, id, clues);
    await changeLog(tx, ctx, at).case(id, 'open', {
      caseNo,
      title,
      fixmedinsCode: inst.fixmedins_code,
      handler,
      deadline,
      clues: clues.map((c) => c.id),
    });
  });
  return caseDetail(ctx, id);
}

/** The clues join the case, each only if it is still open. */
async function takeClues(tx: StoreDb, caseId: string, clues: Clue[]): Promise<void> {
  for (const c of clues)
    await updateAsSeen(
      tx,
      `UPDATE fg_clue SET status = 'in_case', case_id = $1 WHERE id = $2 AND status = 'open' RETURNING id`,
      [caseId, c.id],
      `clue ${c.id}`,
    );
}

function requireOpen(r: CaseRecord): void {
  if (r.status === 'closed') throw conflict('the case is closed');
}

export async function addCluesToCase(ctx: RequestContext, id: string, clueIds: string[]): Promise<CaseDetail> {
  requireRole(ctx, HANDLER_ROLES, 'change cases');
  const r = await caseRecord(ctx, id);
  requireOpen(r);
  const clues = await openClues(ctx, clueIds);
  if (clues[0]!.fixmedinsCode !== r.fixmedins_code) throw invalid('the clues are about another institution');
  const at = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await takeClues(tx, id, clues);
    await changeLog(tx, ctx, at).case(id, 'add_clues', { clues: clues.map((c) => c.id) });
  });
  return caseDetail(ctx, id);
}

export async function assignCase(
  ctx: RequestContext,
  id: string,
  body: { handler?: string | undefined; deadline?: string | undefined },
): Promise<CaseDetail> {
  requireRole(ctx, HANDLER_ROLES, 'assign cases');
  const r = await caseRecord(ctx, id);
  requireOpen(r);
  const handler = body.handler ? await resolveHandler(ctx, body.handler, r) : r.handler;
  const deadline = body.deadline ?? r.deadline;
  const at = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.query(`UPDATE fg_case SET handler = $1, deadline = CAST($2 AS DATE) WHERE id = $3`, [handler, deadline, id]);
    await changeLog(tx, ctx, at).case(id, 'assign', { handler, deadline, before: { handler: r.handler, deadline: r.deadline } });
  });
  return caseDetail(ctx, id);
}

/** A note, an on-site inspection record (现场检查) or an interview record (约谈). */
export async function addNote(
  ctx: RequestContext,
  id: string,
  body: { kind: NoteKind; body: string; on?: string | undefined; place?: string | undefined; participants?: string | undefined },
): Promise<CaseNote> {
  requireRole(ctx, HANDLER_ROLES, 'write case notes');
  const r = await caseRecord(ctx, id);
  requireOpen(r);
  const at = ctx.now();
  const note: CaseNote = {
    id: randomUUID(),
    kind: body.kind,
    body: body.body,
    on: body.on ?? null,
    place: body.place ?? null,
    participants: body.participants ?? null,
    createdBy: ctx.user.username,
    createdAt: at.toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO fg_case_note (id, case_id, kind, body, on_day, place, participants, created_by, created_at, seq)
      VALUES ($1, $2, $3, $4, CAST($5 AS DATE), $6, $7, $8, CAST($9 AS TIMESTAMP), $10)`,
      [note.id, id, note.kind, note.body, note.on, note.place, note.participants, note.createdBy, storeTime(at), nextSeq()],
    );
    await changeLog(tx, ctx, at).note(note.id, id, 'add', {
      kind: note.kind,
      body: note.body,
      on: note.on,
      place: note.place,
      participants: note.participants,
    });
  });
  return note;
}

async function notesOf(ctx: RequestContext, id: string): Promise<CaseNote[]> {
  const rows = await ctx.store.query<{
    id: string;
    kind: NoteKind;
    body: string;
    on_day: string | null;
    place: string | null;
    participants: string | null;
    created_by: string;
    created_at: string;
  }>(
    `SELECT id, kind, body, CAST(on_day AS VARCHAR) AS on_day, place, participants, created_by, CAST(created_at AS VARCHAR) AS created_at FROM fg_case_note WHERE case_id = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    body: n.body,
    on: n.on_day,
    place: n.place,
    participants: n.participants,
    createdBy: n.created_by,
    createdAt: isoTime(n.created_at),
  }));
}

async function recoveriesOf(ctx: RequestContext, id: string): Promise<Recovery[]> {
  const rows = await ctx.store.query<{
    id: string;
    kind: 'return' | 'fine';
    amount: string;
    paid_on: string;
    reference: string | null;
    recorded_by: string;
    recorded_at: string;
  }>(
    `SELECT id, kind, amount, CAST(paid_on AS VARCHAR) AS paid_on, reference, recorded_by, CAST(recorded_at AS VARCHAR) AS recorded_at FROM fg_recovery WHERE case_id = $1 ORDER BY seq`,
    [id],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    amount: money(r.amount),
    paidOn: r.paid_on,
    reference: r.reference,
    recordedBy: r.recorded_by,
    recordedAt: isoTime(r.recorded_at),
  }));
}

/** 追回: money returned to the fund, or a fine paid, against a case with an approved decision, until it is closed. */
export async function recordRecovery(
  ctx: RequestContext,
  id: string,
  body: { kind: 'return' | 'fine'; amount: number; paidOn: string; reference?: string | undefined },
): Promise<Recovery> {
  requireRole(ctx, HANDLER_ROLES, 'record recoveries');
  const r = await caseRecord(ctx, id);
  requireOpen(r);
  if (r.status !== 'decided' && r.status !== 'appealed') throw conflict('recoveries follow an approved decision');
  if (body.paidOn > dayOf(ctx.now())) throw invalid('the payment day is in the future');
  const at = ctx.now();
  const rec: Recovery = {
    id: randomUUID(),
    kind: body.kind,
    amount: body.amount,
    paidOn: body.paidOn,
    reference: body.reference ?? null,
    recordedBy: ctx.user.username,
    recordedAt: at.toISOString(),
  };
  await ctx.store.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO fg_recovery (id, case_id, kind, amount, paid_on, reference, recorded_by, recorded_at, seq) VALUES ($1, $2, $3, $4, CAST($5 AS DATE), $6, $7, CAST($8 AS TIMESTAMP), $9)`,
      [rec.id, id, rec.kind, rec.amount, rec.paidOn, rec.reference, rec.recordedBy, storeTime(at), nextSeq()],
    );
    await changeLog(tx, ctx, at).recovery(rec.id, id, 'record', {
      kind: rec.kind,
      amount: rec.amount,
      paidOn: rec.paidOn,
      reference: rec.reference,
    });
  });
  return rec;
}

/**
 * 办结: closes a case. With an approved decision, no appeal may be pending, and closing before all that is due
 * was recovered needs a note saying why (移交强制执行, …). Without a decision (nothing found), a note is required.
 */
export async function closeCase(ctx: RequestContext, id: string, note: string | undefined): Promise<CaseDetail> {
  requireRole(ctx, HANDLER_ROLES, 'close cases');
  const r = await caseRecord(ctx, id);
  requireOpen(r);
  if (r.status === 'reviewing') throw conflict('a decision is under review');
  if (r.status === 'appealed') throw conflict('an appeal is pending');
  if (r.status === 'investigating' && !note) throw invalid('closing without a decision needs a note saying why');
  const outstanding = round2(toNumber(r.due) - toNumber(r.recovered));
  if (r.status === 'decided' && outstanding > 0 && !note)
    throw invalid(`${outstanding.toFixed(2)} 元 is not recovered yet: say why the case closes`);
  const at = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await updateAsSeen(
      tx,
      `UPDATE fg_case SET status = 'closed', closed_at = CAST($1 AS TIMESTAMP), close_note = $2 WHERE id = $3 AND status = $4 RETURNING id`,
      [storeTime(at), note ?? null, id, r.status],
      'the case',
    );
    await changeLog(tx, ctx, at).case(id, 'close', { note: note ?? null, due: money(r.due), recovered: money(r.recovered) });
  });
  return caseDetail(ctx, id);
}

export async function caseDetail(ctx: RequestContext, id: string): Promise<CaseDetail> {
  const r = await caseRecord(ctx, id);
  const [row] = await toRows(ctx, [r]);
  const [clues, notes, decisions, appeals, recoveries, sanctions, attachments, confirmed, log] = await Promise.all([
    listClues(ctx, { caseId: id, page: 1, pageSize: 200 }),
    notesOf(ctx, id),
    decisionsOfCase(ctx, id),
    appealsOfCase(ctx, id),
    recoveriesOf(ctx, id),
    sanctionsOfCase(ctx, id),
    listAttachments(ctx, 'case', id),
    confirmedFindings(ctx, id),
    caseLog(ctx.store, id),
  ]);
  const role = ctx.user.role;
  const handles = roleIn(role, HANDLER_ROLES);
  const reviews = roleIn(role, REVIEWER_ROLES);
  const current = decisions.find((d) => d.status === 'draft' || d.status === 'returned' || d.status === 'submitted');
  const allowed: CaseDetail['allowed'] = [];
  if (r.status !== 'closed' && handles) allowed.push('add_note', 'add_clues', 'assign');
  if (r.status === 'investigating' && handles) allowed.push('draft');
  if (r.status === 'investigating' && handles && current && current.status !== 'submitted') allowed.push('submit');
  if (r.status === 'reviewing' && reviews && current?.status === 'submitted' && current.draftedBy !== ctx.user.username)
    allowed.push('review');
  if (r.status === 'appealed' && reviews) allowed.push('decide_appeal');
  if ((r.status === 'decided' || r.status === 'appealed') && handles) allowed.push('recover');
  if ((r.status === 'decided' || r.status === 'investigating') && handles) allowed.push('close');
  return {
    case: { ...row!, closeNote: r.close_note },
    clues: clues.items,
    notes,
    decisions,
    appeals,
    recoveries,
    sanctions,
    attachments,
    confirmedFindings: confirmed,
    log,
    allowed,
  };
}
