/**
 * Clues, cases, decisions, appeals, recoveries, evidence files, the case log and the statistics tables
 * (线索/案件台账). Roles are checked here and again in the use cases (src/cases), which also apply the data scope
 * and the workflow's rules (maker–checker, appeal periods, what may follow what).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import { findUser } from '../../auth/users.js';
import { decideAppeal, fileAppeal, getAppeal, appealsOfDecision } from '../../cases/appeals.js';
import {
  attachmentRecord,
  listAttachments,
  MAX_ATTACHMENT_BYTES,
  openAttachment,
  saveAttachment,
  type OwnerRef,
} from '../../cases/attachments.js';
import {
  addCluesToCase,
  addNote,
  assignCase,
  caseDetail,
  caseRecord,
  closeCase,
  listCases,
  openCase,
  recordRecovery,
} from '../../cases/cases.js';
import { createClue, dismissClue, getClue, listClues } from '../../cases/clues.js';
import { CaseError, HANDLERS, stamp, type CaseContext } from '../../cases/context.js';
import { draftDecision, getDecision, listDecisions, reviewDecision, submitDecision } from '../../cases/decisions.js';
import { appendLog, verifyCaseLog } from '../../cases/log.js';
import { loadCaseSettings, saveCaseSettings } from '../../cases/settings.js';
import { caseStats, caseStatsRows, CASE_STATS_COLUMNS } from '../../cases/stats.js';
import { writeWorkbook } from '../../reports/xlsx-writer.js';
import type { UserInfo } from '../../contract/api/accounts.js';
import {
  type Appeal,
  type Attachment,
  type CaseDecision,
  type CaseDetail,
  type CaseNote,
  type CaseRow,
  type CaseStats,
  type Clue,
  type DecisionDetail,
  type LogVerification,
  type Recovery,
  addCluesBody,
  appealBody,
  appealDecisionBody,
  assignmentBody,
  caseBody,
  caseDecisionBody,
  caseDecisionsQuery,
  caseSettingsBody,
  caseStatsQuery,
  casesQuery,
  closeBody,
  clueBody,
  cluesQuery,
  dismissBody,
  noteBody,
  recoveryBody,
  reviewBody,
} from '../../contract/api/cases.js';
import type { Page } from '../../contract/api/common.js';
import type { CaseSettings } from '../../contract/settings.js';
import { HttpError, route } from '../http.js';
import type { Workbench } from '../workbench.js';

const uuidParams = z.object({ id: z.string().uuid() });
const BUREAU_ROLES = ['admin', 'analyst', 'reviewer'] as const;

export function caseRoutes(app: FastifyInstance, wb: Workbench): void {
  const ctxOf = (user: UserInfo, scope: CaseContext['scope']) => wb.caseContext(user, scope);

  /** Streams one multipart file into the evidence folder for `ref`. */
  async function upload(req: FastifyRequest, ctx: CaseContext, ref: OwnerRef): Promise<Attachment> {
    if (!req.isMultipart()) throw new HttpError(400, 'validation', 'send the file as multipart/form-data (field `file`)');
    const part = await req.file({ limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1 } });
    if (!part) throw new HttpError(400, 'validation', 'no file');
    return saveAttachment(ctx, wb.evidenceDir, ref, part.filename ?? 'file', part.file, () => part.file.truncated);
  }

  // ---------------------------------------------------------------- clues
  route(app, {
    method: 'GET',
    url: '/api/clues',
    tag: 'cases',
    summary: 'Clues (线索) inside your region, newest first (bureau roles: an institution does not see the leads about it)',
    roles: [...BUREAU_ROLES],
    query: cluesQuery,
    success: { status: 200, description: 'Page<Clue>' },
    handler: async ({ query, user, scope }): Promise<Page<Clue>> => listClues(ctxOf(user, scope), query),
  });
  route(app, {
    method: 'POST',
    url: '/api/clues',
    tag: 'cases',
    summary: 'A clue from confirmed findings of one institution, or entered by hand (a report, a referral, an inspection)',
    roles: [...HANDLERS],
    body: clueBody,
    success: { status: 201, description: 'Clue' },
    handler: async ({ body, user, scope }): Promise<Clue> => createClue(ctxOf(user, scope), body),
  });
  route(app, {
    method: 'GET',
    url: '/api/clues/:id',
    tag: 'cases',
    summary: 'One clue, with its evidence files',
    roles: [...BUREAU_ROLES],
    params: uuidParams,
    success: { status: 200, description: 'Clue & { attachments }' },
    handler: async ({ params, user, scope }) => {
      const ctx = ctxOf(user, scope);
      const clue = await getClue(ctx, params.id);
      return { ...clue, attachments: await listAttachments(ctx, 'clue', clue.id) };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/clues/:id/dismiss',
    tag: 'cases',
    summary: 'Sets an open clue aside (不予立案), with the reason',
    roles: [...HANDLERS],
    params: uuidParams,
    body: dismissBody,
    success: { status: 200, description: 'Clue' },
    handler: async ({ params, body, user, scope }): Promise<Clue> => dismissClue(ctxOf(user, scope), params.id, body.reason),
  });
  route(app, {
    method: 'POST',
    url: '/api/clues/:id/attachments',
    tag: 'cases',
    summary: 'Attaches an evidence file to a clue (multipart field `file`; PDF, PNG, JPEG, .docx, .xlsx, .txt; 20 MB)',
    roles: [...HANDLERS],
    params: uuidParams,
    rawBody: true,
    success: { status: 201, description: 'Attachment' },
    handler: async ({ req, params, user, scope }): Promise<Attachment> => {
      const ctx = ctxOf(user, scope);
      const clue = await getClue(ctx, params.id);
      return upload(req, ctx, {
        owner: 'clue',
        ownerId: clue.id,
        caseId: clue.caseId,
        fixmedinsCode: clue.fixmedinsCode,
        admdvs: clue.admdvs,
      });
    },
  });

  // ---------------------------------------------------------------- cases
  route(app, {
    method: 'GET',
    url: '/api/cases',
    tag: 'cases',
    summary: 'The case ledger (案件台账) inside your region: by status, institution, region, grid, handler, overdue',
    roles: [...BUREAU_ROLES],
    query: casesQuery,
    success: { status: 200, description: 'Page<CaseRow>' },
    handler: async ({ query, user, scope }): Promise<Page<CaseRow>> => listCases(ctxOf(user, scope), query),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases',
    tag: 'cases',
    summary: 'Opens a case (立案) on open clues of one institution, with a handler and a deadline',
    roles: [...HANDLERS],
    body: caseBody,
    success: { status: 201, description: 'CaseDetail' },
    handler: async ({ body, user, scope }): Promise<CaseDetail> => openCase(ctxOf(user, scope), body),
  });
  route(app, {
    method: 'GET',
    url: '/api/cases/:id',
    tag: 'cases',
    summary: 'A case with its clues, notes, decisions, appeals, recoveries, sanctions, files and log',
    roles: [...BUREAU_ROLES],
    params: uuidParams,
    success: { status: 200, description: 'CaseDetail' },
    handler: async ({ params, user, scope }): Promise<CaseDetail> => caseDetail(ctxOf(user, scope), params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/clues',
    tag: 'cases',
    summary: 'Adds open clues of the same institution to a case',
    roles: [...HANDLERS],
    params: uuidParams,
    body: addCluesBody,
    success: { status: 200, description: 'CaseDetail' },
    handler: async ({ params, body, user, scope }): Promise<CaseDetail> => addCluesToCase(ctxOf(user, scope), params.id, body.clueIds),
  });
  route(app, {
    method: 'PUT',
    url: '/api/cases/:id/assignment',
    tag: 'cases',
    summary: "Changes a case's handler or deadline",
    roles: [...HANDLERS],
    params: uuidParams,
    body: assignmentBody,
    success: { status: 200, description: 'CaseDetail' },
    handler: async ({ params, body, user, scope }): Promise<CaseDetail> => assignCase(ctxOf(user, scope), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/notes',
    tag: 'cases',
    summary: 'An investigation note, an on-site inspection record (现场检查) or an interview record (约谈)',
    roles: [...HANDLERS],
    params: uuidParams,
    body: noteBody,
    success: { status: 201, description: 'CaseNote' },
    handler: async ({ params, body, user, scope }): Promise<CaseNote> => addNote(ctxOf(user, scope), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/attachments',
    tag: 'cases',
    summary: 'Attaches an evidence file to a case (multipart field `file`)',
    roles: [...HANDLERS],
    params: uuidParams,
    rawBody: true,
    success: { status: 201, description: 'Attachment' },
    handler: async ({ req, params, user, scope }): Promise<Attachment> => {
      const ctx = ctxOf(user, scope);
      const k = await caseRecord(ctx, params.id);
      if (k.status === 'closed') throw new HttpError(409, 'conflict', 'the case is closed');
      return upload(req, ctx, { owner: 'case', ownerId: k.id, caseId: k.id, fixmedinsCode: k.fixmedins_code, admdvs: k.admdvs });
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/decision',
    tag: 'cases',
    summary: "Drafts the case's decision (处理决定), or changes the draft; amounts default to the confirmed findings'",
    roles: [...HANDLERS],
    params: uuidParams,
    body: caseDecisionBody,
    success: { status: 200, description: 'CaseDecision' },
    handler: async ({ params, body, user, scope }): Promise<CaseDecision> => draftDecision(ctxOf(user, scope), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/recoveries',
    tag: 'cases',
    summary: 'Records money returned to the fund or a fine paid (追回), until the case is closed',
    roles: [...HANDLERS],
    params: uuidParams,
    body: recoveryBody,
    success: { status: 201, description: 'Recovery' },
    handler: async ({ params, body, user, scope }): Promise<Recovery> => recordRecovery(ctxOf(user, scope), params.id, body),
  });
  route(app, {
    method: 'POST',
    url: '/api/cases/:id/close',
    tag: 'cases',
    summary: 'Closes a case (办结); a note is required when not all that is due was recovered, or without a decision',
    roles: [...HANDLERS],
    params: uuidParams,
    body: closeBody,
    success: { status: 200, description: 'CaseDetail' },
    handler: async ({ params, body, user, scope }): Promise<CaseDetail> => closeCase(ctxOf(user, scope), params.id, body.note),
  });

  // ---------------------------------------------------------------- decisions and appeals
  route(app, {
    method: 'GET',
    url: '/api/decisions',
    tag: 'cases',
    summary: 'Decisions inside your scope; an institution sees those about itself once approved',
    roles: 'any',
    query: caseDecisionsQuery,
    success: { status: 200, description: 'Page<CaseDecision>' },
    handler: async ({ query, user, scope }): Promise<Page<CaseDecision>> => listDecisions(ctxOf(user, scope), query),
  });
  route(app, {
    method: 'GET',
    url: '/api/decisions/:id',
    tag: 'cases',
    summary: 'One decision with its appeals, and whether the caller may appeal it now',
    roles: 'any',
    params: uuidParams,
    success: { status: 200, description: 'DecisionDetail' },
    handler: async ({ params, user, scope }): Promise<DecisionDetail> => {
      const ctx = ctxOf(user, scope);
      const decision = await getDecision(ctx, params.id);
      const appeals = await appealsOfDecision(ctx, params.id);
      const today = stamp(ctx.now()).slice(0, 10);
      const canAppeal =
        user.role === 'institution' &&
        decision.status === 'approved' &&
        !!decision.appealUntil &&
        today <= decision.appealUntil &&
        !appeals.some((a) => a.status === 'pending');
      return { decision, appeals, canAppeal };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/decisions/:id/submit',
    tag: 'cases',
    summary: 'Submits a drafted decision for review',
    roles: [...HANDLERS],
    params: uuidParams,
    success: { status: 200, description: 'CaseDecision' },
    handler: async ({ params, user, scope }): Promise<CaseDecision> => submitDecision(ctxOf(user, scope), params.id),
  });
  route(app, {
    method: 'POST',
    url: '/api/decisions/:id/review',
    tag: 'cases',
    summary: 'Approves or returns a submitted decision; its drafter may not (maker–checker). Approval applies its sanctions.',
    roles: ['admin', 'reviewer'],
    params: uuidParams,
    body: reviewBody,
    success: { status: 200, description: 'CaseDecision' },
    handler: async ({ params, body, user, scope }): Promise<CaseDecision> =>
      reviewDecision(ctxOf(user, scope), params.id, body.action, body.comment),
  });
  route(app, {
    method: 'POST',
    url: '/api/decisions/:id/appeals',
    tag: 'cases',
    summary: 'An institution appeals (申诉) an approved decision about itself within the appeal period',
    roles: ['institution'],
    params: uuidParams,
    body: appealBody,
    success: { status: 201, description: 'Appeal' },
    handler: async ({ params, body, user, scope }): Promise<Appeal> => fileAppeal(ctxOf(user, scope), params.id, body.reason),
  });
  route(app, {
    method: 'POST',
    url: '/api/appeals/:id/attachments',
    tag: 'cases',
    summary: "Attaches a file to one's own pending appeal (multipart field `file`)",
    roles: ['institution'],
    params: uuidParams,
    rawBody: true,
    success: { status: 201, description: 'Attachment' },
    handler: async ({ req, params, user, scope }): Promise<Attachment> => {
      const ctx = ctxOf(user, scope);
      const a = await getAppeal(ctx, params.id);
      if (a.status !== 'pending') throw new HttpError(409, 'conflict', 'the appeal was decided');
      return upload(req, ctx, { owner: 'appeal', ownerId: a.id, caseId: a.caseId, fixmedinsCode: a.fixmedinsCode, admdvs: null });
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/appeals/:id/decide',
    tag: 'cases',
    summary: 'A reviewer upholds, amends or revokes the appealed decision (not its drafter)',
    roles: ['admin', 'reviewer'],
    params: uuidParams,
    body: appealDecisionBody,
    success: { status: 200, description: 'Appeal' },
    handler: async ({ params, body, user, scope }): Promise<Appeal> =>
      decideAppeal(ctxOf(user, scope), params.id, body.outcome, body.comment, body.amended),
  });

  // ---------------------------------------------------------------- evidence files
  route(app, {
    method: 'GET',
    url: '/api/attachments/:id',
    tag: 'cases',
    summary: 'Downloads an evidence file inside your scope (an institution: the files of its own appeals)',
    roles: 'any',
    params: uuidParams,
    success: { status: 200, description: 'the file', contentType: 'application/octet-stream' },
    handler: async ({ params, user, scope, reply }) => {
      const ctx = ctxOf(user, scope);
      const a = await attachmentRecord(ctx, params.id);
      const allowed =
        a &&
        (a.owner === 'appeal'
          ? await getAppeal(ctx, a.ownerId).then(
              () => true,
              () => false,
            )
          : user.role !== 'institution' &&
            (a.owner === 'clue'
              ? await getClue(ctx, a.ownerId).then(
                  () => true,
                  () => false,
                )
              : await caseRecord(ctx, a.ownerId).then(
                  () => true,
                  () => false,
                )));
      if (!a || !allowed) throw new HttpError(404, 'not_found', 'no such file in your scope');
      const stream = await openAttachment(wb.evidenceDir, a);
      await audit(wb.store, user.username, 'read_attachment', a.id, `${a.owner} ${a.ownerId}`);
      reply.header('Content-Type', a.contentType);
      reply.header(
        'Content-Disposition',
        `attachment; filename="${a.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(a.fileName)}`,
      );
      return reply.send(stream);
    },
  });

  // ---------------------------------------------------------------- log, settings, statistics
  route(app, {
    method: 'GET',
    url: '/api/case-log/verify',
    tag: 'cases',
    summary: 'Walks the hash chain of the case log; names the first entry that was edited or removed',
    roles: ['admin', 'reviewer'],
    success: { status: 200, description: 'LogVerification' },
    handler: async ({ user }): Promise<LogVerification> => {
      const r = await verifyCaseLog(wb.store);
      await audit(wb.store, user.username, 'verify_case_log', null, JSON.stringify(r));
      return r;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/case-settings',
    tag: 'cases',
    summary: "The appeal period, the case deadline and the grids' default handlers",
    roles: [...BUREAU_ROLES],
    success: { status: 200, description: 'CaseSettings' },
    handler: async (): Promise<CaseSettings> => loadCaseSettings(wb.store),
  });
  route(app, {
    method: 'PUT',
    url: '/api/case-settings',
    tag: 'cases',
    summary: "Changes the case workflow's settings",
    roles: ['admin'],
    body: caseSettingsBody,
    success: { status: 200, description: 'CaseSettings' },
    handler: async ({ body, user }): Promise<CaseSettings> => {
      for (const [grid, username] of Object.entries(body.gridHandlers)) {
        const u = await findUser(wb.store, username);
        if (!u || u.disabled || (u.role !== 'analyst' && u.role !== 'admin'))
          throw new HttpError(400, 'validation', `gridHandlers.${grid}: ${username} is not an analyst`);
      }
      const at = wb.now();
      await wb.store.transaction(async (tx) => {
        await saveCaseSettings(tx, body, user.username, at);
        await appendLog(tx, at, {
          actor: user.username,
          entity: 'settings',
          entityId: 'case_settings',
          caseId: null,
          action: 'change',
          data: body,
        });
      });
      return body;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/case-stats',
    tag: 'cases',
    summary: 'The statistics table (统计表) of case handling by region or grid for a period',
    roles: [...BUREAU_ROLES],
    query: caseStatsQuery,
    success: { status: 200, description: 'CaseStats' },
    handler: async ({ query, user, scope }): Promise<CaseStats> => caseStats(ctxOf(user, scope), query),
  });
  route(app, {
    method: 'GET',
    url: '/api/case-stats/export.xlsx',
    tag: 'cases',
    summary: 'The statistics table as an Excel workbook, with its totals row',
    roles: [...BUREAU_ROLES],
    query: caseStatsQuery,
    success: { status: 200, description: 'xlsx file', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
    handler: async ({ query, user, scope, reply }) => {
      const stats = await caseStats(ctxOf(user, scope), query);
      await audit(wb.store, user.username, 'export_case_stats', null, JSON.stringify(query));
      const stream = new PassThrough();
      reply.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      reply.header('Content-Disposition', `attachment; filename="case-statistics-${query.from ?? 'all'}-${query.to ?? 'all'}.xlsx"`);
      void writeWorkbook(stream, [{ name: '案件统计 Cases', columns: CASE_STATS_COLUMNS, rows: caseStatsRows(stats) }]).catch((e) =>
        stream.destroy(e as Error),
      );
      return reply.send(stream);
    },
  });
}

/** The use cases' refusals as HTTP errors. */
export function caseErrorToHttp(e: CaseError): HttpError {
  return new HttpError(
    e.status,
    e.status === 403 ? 'forbidden' : e.status === 404 ? 'not_found' : e.status === 409 ? 'conflict' : 'validation',
    e.message,
  );
}
