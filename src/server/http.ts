/**
 * Routes as data: method, path, who may call it, the zod schemas of its parameters, query and body, and a handler
 * that calls one use case. `register()` validates input before the handler runs, checks the role, makes the request
 * context, and records the route for the OpenAPI document. Every error leaves as an ErrorBody with its status, mapped
 * here and nowhere else.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PassThrough } from 'node:stream';
import { z, type ZodType } from 'zod';
import { scopeOf } from '../auth/scope.js';
import type { UserInfo } from '../contract/api/accounts.js';
import type { ErrorBody } from '../contract/api/common.js';
import type { ErrorCode, Role } from '../contract/vocabulary.js';
import type { RequestContext } from '../kernel/context.js';
import { DomainError, type ErrorKind } from '../kernel/errors.js';
import { withoutServerPaths } from '../kernel/paths.js';
import type { UploadedFile } from '../kernel/uploads.js';
import { writeWorkbook, type Workbook } from '../reports/xlsx-writer.js';
import type { Workbench } from '../workbench/workbench.js';

/** An error of the HTTP layer itself (a request that is not what the API takes); use cases throw DomainError. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorBody['error']['details'],
  ) {
    super(message);
  }
}

/** The status and error code of each kind of refusal. */
const BY_KIND: Record<ErrorKind, { status: number; code: ErrorCode }> = {
  invalid: { status: 400, code: 'validation' },
  unauthenticated: { status: 401, code: 'unauthorized' },
  forbidden: { status: 403, code: 'forbidden' },
  not_found: { status: 404, code: 'not_found' },
  conflict: { status: 409, code: 'conflict' },
  too_large: { status: 413, code: 'too_large' },
  rate_limited: { status: 429, code: 'rate_limited' },
};

/** An error's answer; its messages never name the server's directories (engines' and file errors do). */
export function errorBody(code: ErrorCode, message: string, details?: ErrorBody['error']['details']): ErrorBody {
  const said = details?.map((d) => ({ path: d.path, message: withoutServerPaths(d.message) }));
  return { error: { code, message: withoutServerPaths(message), ...(said ? { details: said } : {}) } };
}

/** Any error as the API answers it: its status, the body, and headers it needs; null for an unexpected failure (a 500). */
export function errorReply(err: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } | null {
  if (err instanceof DomainError) {
    const { status, code } = BY_KIND[err.kind];
    const retry = err.kind === 'rate_limited' ? err.details?.find((d) => d.path === 'retryAfter')?.message : undefined;
    return { status, body: errorBody(code, err.message, err.details), headers: retry ? { 'Retry-After': retry } : {} };
  }
  if (err instanceof HttpError) return { status: err.status, body: errorBody(err.code, err.message, err.details), headers: {} };
  const e = err as { statusCode?: number; code?: string; message: string };
  if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.statusCode === 413)
    return { status: 413, body: errorBody('too_large', e.message), headers: {} };
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500)
    return { status: e.statusCode, body: errorBody('validation', e.message), headers: {} };
  return null;
}

export interface RouteContext<P, Q, B> {
  req: FastifyRequest;
  reply: FastifyReply;
  wb: Workbench;
  /** The caller's request context (the store, the workspace, the clock, the user and the scope); absent on public routes. */
  ctx: RequestContext;
  params: P;
  query: Q;
  body: B;
}

export interface Route<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  /** Roles allowed; 'public' needs no session, 'any' any signed-in user. */
  roles: readonly Role[] | 'public' | 'any';
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** What a success holds (for the OpenAPI document), its status when not 200, and a file's content type. */
  answers: string;
  status?: number;
  contentType?: string;
  /** The body is a multipart upload: the handler reads the request itself. */
  upload?: boolean;
  handler(c: RouteContext<P, Q, B>): Promise<unknown>;
}

/** A route once its handler's types are checked: the schemas validate what reaches it at run time. */
type CheckedRoute = Route<any, any, any>;
export type AnyRoute = CheckedRoute & { tag: string };

/** A route with its parameter, query and body types inferred from its schemas. */
export function route<P, Q, B>(r: Route<P, Q, B>): CheckedRoute {
  return r;
}

/** The routes of one URL prefix, under one OpenAPI tag. */
export function routes(tag: string, list: CheckedRoute[]): AnyRoute[] {
  return list.map((r) => ({ ...r, tag }));
}

const registries = new WeakMap<FastifyInstance, AnyRoute[]>();

/** The routes registered on an app, for its OpenAPI document. */
export function routesOf(app: FastifyInstance): readonly AnyRoute[] {
  return registries.get(app) ?? [];
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  // A request without a body or query is an empty one; a body of JSON `null` is not an object and is refused.
  const r = schema.safeParse(value === undefined ? {} : value);
  if (!r.success) {
    const details = r.error.issues.map((i: z.core.$ZodIssue) => ({ path: i.path.join('.'), message: i.message }));
    const said = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ');
    throw new HttpError(400, 'validation', `invalid ${where}: ${said}`, details);
  }
  return r.data;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: UserInfo | null;
  }
}

export function register(app: FastifyInstance, wb: Workbench, list: readonly AnyRoute[]): void {
  registries.set(app, [...(registries.get(app) ?? []), ...list]);
  for (const spec of list) {
    app.route({
      method: spec.method,
      url: spec.url,
      handler: async (req, reply) => {
        if (spec.roles !== 'public') {
          if (!req.user) throw new HttpError(401, 'unauthorized', 'sign in first');
          if (spec.roles !== 'any' && !spec.roles.includes(req.user.role))
            throw new HttpError(403, 'forbidden', 'not allowed for your role');
        }
        const params = parse(spec.params, req.params, 'path parameters');
        const query = parse(spec.query, req.query, 'query');
        const body = spec.upload ? undefined : parse(spec.body, req.body, 'body');
        const ctx = (req.user ? wb.context(req.user, scopeOf(req.user)) : undefined) as RequestContext;
        const result = await spec.handler({ req, reply, wb, ctx, params, query, body });
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(spec.status ?? 204).send();
        return reply.code(spec.status ?? 200).send(result);
      },
    });
  }
}

/** The request's one file (multipart field `file`), read only when the use case asks for it. */
export function fileOf(req: FastifyRequest, limit: number): () => Promise<UploadedFile> {
  return async () => {
    if (!req.isMultipart()) throw new HttpError(400, 'validation', 'send the file as multipart/form-data (field `file`)');
    const part = await req.file({ limits: { fileSize: limit, files: 1 } });
    if (!part) throw new HttpError(400, 'validation', 'no file');
    return { fileName: part.filename ?? 'file', stream: part.file, truncated: () => part.file.truncated };
  };
}

/** The request's files, one after the other, as they arrive. */
export async function* filesOf(req: FastifyRequest): AsyncGenerator<UploadedFile> {
  if (!req.isMultipart()) throw new HttpError(400, 'validation', 'send the files as multipart/form-data');
  for await (const part of req.files()) yield { fileName: part.filename ?? '', stream: part.file, truncated: () => part.file.truncated };
}

/** Sends a download with a name that survives every browser: ASCII in `filename`, the real name in `filename*`. */
/**
 * Sends a download: always an attachment (never shown inline), under its name twice, as RFC 6266 asks: `filename`
 * in printable ASCII without quotes or backslashes for old clients, and `filename*` in UTF-8, percent-encoded down
 * to RFC 8187's attr-chars (encodeURIComponent leaves ' ( ) * ! as they are). The server adds nosniff to every answer.
 */
export function sendFile(reply: FastifyReply, fileName: string, contentType: string, stream: NodeJS.ReadableStream): FastifyReply {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  reply.header('Content-Type', contentType);
  reply.header('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`);
  return reply.send(stream);
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Streams a workbook as the download: rows are written as they come, so a million-row export takes little memory. */
export function sendWorkbook(reply: FastifyReply, workbook: Workbook): FastifyReply {
  const stream = new PassThrough();
  void writeWorkbook(stream, workbook.sheets).catch((e) => stream.destroy(e as Error));
  return sendFile(reply, workbook.fileName, XLSX, stream);
}
