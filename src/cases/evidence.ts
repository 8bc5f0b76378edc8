/**
 * Evidence files of clues, cases and appeals as the users handle them: who may attach a file to what, and who may
 * read one. The owner is checked before the file is read from the request; src/cases/attachments.ts keeps the files.
 */
import type { Readable } from 'node:stream';
import { audit } from '../audit/audit.js';
import type { Attachment } from '../contract/api/cases.js';
import { HANDLER_ROLES } from '../contract/vocabulary.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { conflict, notFound } from '../kernel/errors.js';
import type { UploadedFile } from '../kernel/uploads.js';
import { getAppeal } from './appeals.js';
import { attachmentRecord, openAttachment, saveAttachment, type OwnerRef } from './attachments.js';
import { caseRecord } from './cases.js';
import { getClue } from './clues.js';

/** Reads the request's file; called only once the caller may attach to the owner. */
export type ReceiveFile = () => Promise<UploadedFile>;

async function attach(ctx: RequestContext, dir: string, ref: OwnerRef, receive: ReceiveFile): Promise<Attachment> {
  const file = await receive();
  return saveAttachment(ctx, dir, ref, file.fileName, file.stream, file.truncated);
}

export async function attachToClue(ctx: RequestContext, dir: string, clueId: string, receive: ReceiveFile): Promise<Attachment> {
  requireRole(ctx, HANDLER_ROLES, 'attach evidence to clues');
  const clue = await getClue(ctx, clueId);
  return attach(
    ctx,
    dir,
    { owner: 'clue', ownerId: clue.id, caseId: clue.caseId, fixmedinsCode: clue.fixmedinsCode, admdvs: clue.admdvs },
    receive,
  );
}

export async function attachToCase(ctx: RequestContext, dir: string, caseId: string, receive: ReceiveFile): Promise<Attachment> {
  requireRole(ctx, HANDLER_ROLES, 'attach evidence to cases');
  const k = await caseRecord(ctx, caseId);
  if (k.status === 'closed') throw conflict('the case is closed');
  return attach(ctx, dir, { owner: 'case', ownerId: k.id, caseId: k.id, fixmedinsCode: k.fixmedins_code, admdvs: k.admdvs }, receive);
}

/** An institution attaches a file to its own pending appeal. */
export async function attachToAppeal(ctx: RequestContext, dir: string, appealId: string, receive: ReceiveFile): Promise<Attachment> {
  requireRole(ctx, ['institution'], 'attach files to appeals');
  const a = await getAppeal(ctx, appealId);
  if (a.status !== 'pending') throw conflict('the appeal was decided');
  return attach(ctx, dir, { owner: 'appeal', ownerId: a.id, caseId: a.caseId, fixmedinsCode: a.fixmedinsCode, admdvs: null }, receive);
}

/**
 * A file inside the caller's scope, checked against its recorded hash, for download; the read is audited. Bureau
 * roles read the files of the clues and cases they see; an institution only those of its own appeals.
 */
export async function readAttachment(ctx: RequestContext, dir: string, id: string): Promise<{ attachment: Attachment; stream: Readable }> {
  const a = await attachmentRecord(ctx, id);
  const visible = (check: Promise<unknown>) =>
    check.then(
      () => true,
      () => false,
    );
  const allowed =
    a &&
    (a.owner === 'appeal'
      ? await visible(getAppeal(ctx, a.ownerId))
      : ctx.user.role !== 'institution' && (await visible(a.owner === 'clue' ? getClue(ctx, a.ownerId) : caseRecord(ctx, a.ownerId))));
  if (!a || !allowed) throw notFound('no such file in your scope');
  const stream = await openAttachment(dir, a);
  await audit(ctx.store, ctx.user.username, 'read_attachment', a.id, `${a.owner} ${a.ownerId}`);
  return { attachment: a, stream };
}
