/**
 * Evidence files (证据材料) of clues, cases and appeals. A file is streamed to disk under a name of our own (never
 * the client's), limited in size, hashed (SHA-256), and kept only when its content is one of the allowed types:
 * PDF, PNG, JPEG, Word or Excel (OOXML), or plain UTF-8 text. The type is read from the bytes, not from the
 * name or the client's Content-Type. The name kept is made safe and ends in the extension of the checked type
 * (safeFileName). Downloads go out as attachments with that checked type and name.
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

/** The file name extensions of each allowed type; the first is the one a name without any of them gets. */
const EXTENSIONS: Record<string, string[]> = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg', '.jpe'],
  'text/plain; charset=utf-8': ['.txt'],
  [OOXML['.docx']!]: ['.docx'],
  [OOXML['.xlsx']!]: ['.xlsx'],
};

/** The longest name kept, in characters (code points), extension included. */
export const MAX_FILE_NAME = 120;

/**
 * Characters a name loses: controls (C0, DEL, C1), format characters (Unicode Cf: the bidi marks, embeddings,
 * overrides and isolates U+200E/F, U+202A–202E, U+2066–2069, U+061C, the zero-width characters U+200B–200D, U+2060,
 * U+FEFF, the soft hyphen…), line and paragraph separators, surrogates and unassigned code points. A right-to-left
 * override would make `photo\u202Egpj.txt` display as `phototxt.jpg`.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Cn}\p{Zl}\p{Zp}\u115f\u1160\u3164\uffa0]/gu;
/** Path separators (and characters that look like them) and the characters Windows refuses in a name. */
const UNSAFE = /[\\/\u2215\u2044\u29f8\uff0f\uff3c"<>|:*?]/g;

/**
 * A name safe to show and to send back: its last path part, without invisible characters, Windows-reserved
 * characters and leading or trailing dots and spaces, at most MAX_FILE_NAME characters. Given the file's checked
 * type, the name ends in an extension of that type: kept when it already has one (`scan.JPEG`), appended otherwise
 * (`report.html` holding a PDF becomes `report.html.pdf`). Appending rather than replacing keeps every part of what
 * the uploader typed (a name such as `检查记录 2024.03` has no extension to replace), and the last extension, the
 * one a computer opens the file by, is always the true one; a supervisor sees both the name given and what the
 * file is.
 */
export function safeFileName(name: string, contentType?: string): string {
  const base =
    name
      .replace(INVISIBLE, '')
      .split(/[\\/\u2215\u2044\u29f8\uff0f\uff3c]/)
      .pop() ?? '';
  let stem = base
    .replace(UNSAFE, '_')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^(\.[^.\s]+)$/u, 'file$1') // only an extension: `.pdf` is file.pdf
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  const exts = contentType ? EXTENSIONS[contentType] : undefined;
  const own = extname(stem);
  const ext = exts && !exts.includes(own.toLowerCase()) ? exts[0]! : own.length <= 10 ? own : '';
  if (ext === own) stem = stem.slice(0, stem.length - own.length).replace(/[\s.]+$/u, '');
  const room = MAX_FILE_NAME - [...ext].length;
  const chars = [...stem];
  if (chars.length > room)
    stem = chars
      .slice(0, room)
      .join('')
      .replace(/[\s.]+$/u, '');
  if (!stem) stem = 'file';
  return stem + ext;
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
    const type = sniffType(head, safeFileName(fileName), head.length === size);
    if (!type)
      throw invalid(`${safeFileName(fileName)}: not an allowed file (PDF, PNG, JPEG, .docx, .xlsx or UTF-8 .txt, checked by content)`);
    await rename(tmp, join(dir, id));
    const at = ctx.now();
    const a: Attachment = {
      id,
      owner: ref.owner,
      ownerId: ref.ownerId,
      fileName: safeFileName(fileName, type),
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
  // Named again by the checked type: files kept before names were made safe are served under a safe name too.
  fileName: safeFileName(r.file_name, r.content_type),
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
