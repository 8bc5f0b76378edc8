/**
 * Evidence files (证据材料) of clues, cases and appeals. A file is streamed to disk under a name of our own (never
 * the client's), limited in size, hashed (SHA-256), and kept only when its content is one of the allowed types:
 * PDF, PNG, JPEG, Word or Excel (OOXML), or plain UTF-8 text. The type is read from the bytes, not from the
 * name or the client's Content-Type. Downloads go out as attachments with that checked type.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Attachment } from '../contract/api/cases.js';
import type { AttachmentOwner } from '../contract/vocabulary.js';
import { changeLog } from './log.js';
import type { RequestContext } from '../kernel/context.js';
import { conflict, invalid } from '../kernel/errors.js';
import { nextSeq } from '../kernel/time.js';
import { isoTime, storeTime } from '../store/db.js';

/** The largest evidence file kept. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const OOXML: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The content type of a file from its first bytes (and, for OOXML and text, its extension), or null when not allowed. */
export function sniffType(head: Buffer, fileName: string, whole = true): string | null {
  const ext = extname(fileName).toLowerCase();
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return OOXML[ext] ?? null;
  if (ext === '.txt' && !head.includes(0) && isUtf8(head, whole)) return 'text/plain; charset=utf-8';
  return null;
}

/** Valid UTF-8; a sample cut from a longer file may end inside a character (stream mode keeps that part back). */
function isUtf8(b: Buffer, whole: boolean): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b, { stream: !whole });
    return true;
  } catch {
    return false;
  }
}

/** A name safe to show and to send back: no path, no control characters, at most 120 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, '_')
    .trim()
    .slice(-120);
  return clean && clean !== '.' && clean !== '..' ? clean : 'file';
}

export interface OwnerRef {
  owner: AttachmentOwner;
  ownerId: string;
  caseId: string | null;
  fixmedinsCode: string;
  admdvs: string | null;
}

/** Streams an upload to the evidence folder and records it; the caller has already checked who may attach to the owner. */
export async function saveAttachment(
  ctx: RequestContext,
  dir: string,
  ref: OwnerRef,
  fileName: string,
  stream: Readable,
  truncated: () => boolean,
): Promise<Attachment> {
  await mkdir(dir, { recursive: true });
  const id = randomUUID();
  const tmp = join(dir, `${id}.part`);
  const hash = createHash('sha256');
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > MAX_ATTACHMENT_BYTES)
        return done(invalid(`${safeFileName(fileName)}: larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(stream, counter, createWriteStream(tmp, { flags: 'wx' }));
    if (truncated()) throw invalid(`${safeFileName(fileName)}: larger than the upload limit`);
    if (size === 0) throw invalid(`${safeFileName(fileName)}: the file is empty`);
    const fh = await open(tmp, 'r');
    const head = Buffer.alloc(Math.min(size, 8192));
    try {
      await fh.read(head, 0, head.length, 0);
    } finally {
      await fh.close();
    }
    const type = sniffType(head, fileName, head.length === size);
    if (!type)
      throw invalid(`${safeFileName(fileName)}: not an allowed file (PDF, PNG, JPEG, .docx, .xlsx or UTF-8 .txt, checked by content)`);
    await rename(tmp, join(dir, id));
    const at = ctx.now();
    const a: Attachment = {
      id,
      owner: ref.owner,
      ownerId: ref.ownerId,
      fileName: safeFileName(fileName),
      contentType: type,
      size,
      sha256: hash.digest('hex'),
      uploadedBy: ctx.user.username,
      uploadedAt: at.toISOString(),
    };
    try {
      await ctx.store.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO fg_attachment (id, owner_type, owner_id, case_id, fixmedins_code, admdvs, file_name, content_type, size, sha256, stored_name, uploaded_by, uploaded_at, seq)
          VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, CAST($13 AS TIMESTAMP), $14)`,
          [
            a.id,
            a.owner,
            a.ownerId,
            ref.caseId,
            ref.fixmedinsCode,
            ref.admdvs,
            a.fileName,
            a.contentType,
            a.size,
            a.sha256,
            id,
            a.uploadedBy,
            storeTime(at),
            nextSeq(),
          ],
        );
        await changeLog(tx, ctx, at).attachment(a.id, ref.caseId, 'attach', {
          owner: a.owner,
          ownerId: a.ownerId,
          fileName: a.fileName,
          contentType: a.contentType,
          size: a.size,
          sha256: a.sha256,
        });
      });
    } catch (e) {
      await rm(join(dir, id), { force: true });
      throw e;
    }
    return a;
  } finally {
    await rm(tmp, { force: true });
  }
}

type AttachmentRecord = {
  id: string;
  owner_type: string;
  owner_id: string;
  case_id: string | null;
  fixmedins_code: string;
  admdvs: string | null;
  file_name: string;
  content_type: string;
  size: number;
  sha256: string;
  stored_name: string;
  uploaded_by: string;
  uploaded_at: string;
};

const toAttachment = (r: AttachmentRecord): Attachment => ({
  id: r.id,
  owner: r.owner_type as AttachmentOwner,
  ownerId: r.owner_id,
  fileName: r.file_name,
  contentType: r.content_type,
  size: Number(r.size),
  sha256: r.sha256,
  uploadedBy: r.uploaded_by,
  uploadedAt: isoTime(r.uploaded_at),
});

const SELECT = `SELECT id, owner_type, owner_id, case_id, fixmedins_code, admdvs, file_name, content_type, size, sha256, stored_name, uploaded_by,
  CAST(uploaded_at AS VARCHAR) AS uploaded_at FROM fg_attachment`;

export async function listAttachments(ctx: Pick<RequestContext, 'store'>, owner: AttachmentOwner, ownerId: string): Promise<Attachment[]> {
  return (await ctx.store.query<AttachmentRecord>(`${SELECT} WHERE owner_type = $1 AND owner_id = $2 ORDER BY seq`, [owner, ownerId])).map(
    toAttachment,
  );
}

export async function attachmentRecord(
  ctx: Pick<RequestContext, 'store'>,
  id: string,
): Promise<(Attachment & { caseId: string | null; fixmedinsCode: string; admdvs: string | null; storedName: string }) | null> {
  const [r] = await ctx.store.query<AttachmentRecord>(`${SELECT} WHERE id = $1`, [id]);
  return r ? { ...toAttachment(r), caseId: r.case_id, fixmedinsCode: r.fixmedins_code, admdvs: r.admdvs, storedName: r.stored_name } : null;
}

/** The stored file, checked against its recorded size and hash before it is sent. */
export async function openAttachment(dir: string, a: { storedName: string; size: number; sha256: string }): Promise<Readable> {
  const path = join(dir, a.storedName);
  const s = await stat(path).catch(() => null);
  if (!s || s.size !== a.size) throw conflict('the stored file is missing or was changed');
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  if (hash.digest('hex') !== a.sha256) throw conflict('the stored file was changed since it was uploaded');
  return createReadStream(path);
}
