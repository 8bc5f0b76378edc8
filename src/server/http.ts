/**
 * Routes as data: method, path, who may call it, and the zod schemas of its parameters, query and body.
 * `route()` validates input before the handler runs, checks the role, and records the route for the
 * OpenAPI document. Errors leave as `ErrorBody` with a fitting status.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z, type ZodType } from 'zod';
import { scopeOf, type Scope } from '../auth/scope.js';
import type { UserInfo } from '../contract/api/accounts.js';
import type { ErrorBody } from '../contract/api/common.js';
import type { ErrorCode, Role } from '../contract/vocabulary.js';

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

export const notFound = (what = 'not found') => new HttpError(404, 'not_found', what);
export const forbidden = (why = 'not allowed for your role') => new HttpError(403, 'forbidden', why);

export interface RouteContext<P, Q, B> {
  req: FastifyRequest;
  reply: FastifyReply;
  /** The caller; null only on public routes. */
  user: UserInfo;
  scope: Scope;
  params: P;
  query: Q;
  body: B;
}

export interface RouteSpec<P = unknown, Q = unknown, B = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  /** Roles allowed; 'public' needs no session, 'any' any signed-in user. */
  roles: Role[] | 'public' | 'any';
  params?: ZodType<P>;
  query?: ZodType<Q>;
  body?: ZodType<B>;
  /** Status of a successful answer and what it holds (for the OpenAPI document). */
  success?: { status: number; description: string; contentType?: string };
  /** The body is not JSON (multipart uploads): the handler reads the request itself. */
  rawBody?: boolean;
  handler(ctx: RouteContext<P, Q, B>): Promise<unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRoute = RouteSpec<any, any, any>;
const registries = new WeakMap<FastifyInstance, AnyRoute[]>();

/** The routes registered on an app, for its OpenAPI document. */
export function routesOf(app: FastifyInstance): readonly AnyRoute[] {
  return registries.get(app) ?? [];
}

function issues(e: z.ZodError): ErrorBody['error']['details'] {
  return e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function parse<T>(schema: ZodType<T> | undefined, value: unknown, where: string): T {
  if (!schema) return undefined as T;
  const r = schema.safeParse(value ?? {});
  if (!r.success) throw new HttpError(400, 'validation', `invalid ${where}`, issues(r.error));
  return r.data;
}

declare module 'fastify' {
  interface FastifyRequest {
    user: UserInfo | null;
  }
}

export function route<P, Q, B>(app: FastifyInstance, spec: RouteSpec<P, Q, B>): void {
  const list = registries.get(app) ?? [];
  list.push(spec as AnyRoute);
  registries.set(app, list);
  app.route({
    method: spec.method,
    url: spec.url,
    handler: async (req, reply) => {
      if (spec.roles !== 'public') {
        if (!req.user) throw new HttpError(401, 'unauthorized', 'sign in first');
        if (spec.roles !== 'any' && !spec.roles.includes(req.user.role)) throw forbidden();
      }
      const params = parse(spec.params, req.params, 'path parameters');
      const query = parse(spec.query, req.query, 'query');
      const body = spec.rawBody ? (undefined as B) : parse(spec.body, req.body, 'body');
      const user = req.user as UserInfo;
      const result = await spec.handler({
        req,
        reply,
        user,
        scope: user ? scopeOf(user) : { role: 'institution', admdvs: null, fixmedinsCode: null },
        params,
        query,
        body,
      });
      if (reply.sent) return reply;
      if (result === undefined) return reply.code(spec.success?.status ?? 204).send();
      return reply.code(spec.success?.status ?? 200).send(result);
    },
  });
}

export function errorBody(code: ErrorCode, message: string, details?: ErrorBody['error']['details']): ErrorBody {
  return { error: { code, message, ...(details ? { details } : {}) } };
}
