/**
 * The workbench HTTP server: the API under /api (JSON, sessions by httpOnly cookie, CSRF token on every
 * change, scope on every row) and the web UI's static files for every other path.
 */
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csrfMatches, getSession, type ActiveSession } from '../auth/sessions.js';
import { userInfo } from '../auth/users.js';
import type { Workbench } from '../workbench/workbench.js';
import { errorBody, errorReply, HttpError, register, route, routes } from './http.js';
import { openApiDocument } from './openapi.js';
import { projectRoot } from '../kernel/paths.js';
import { sessionCookie } from './routes/auth.js';
import { apiRoutes } from './routes/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    session: ActiveSession | null;
  }
}

export interface AppOptions {
  /** Mark the session cookie Secure and give it the __Host- prefix (serving behind HTTPS). */
  secureCookies?: boolean;
  /**
   * The reverse proxies whose X-Forwarded-For names the client (Fastify's trustProxy): their addresses and CIDR
   * ranges. Unset: X-Forwarded-For is ignored and the client is the socket's peer, since anyone
   * could send the header.
   */
  trustProxy?: string[] | undefined;
  /** Directory of the built web UI (default dist/web). */
  webDir?: string;
  /** Largest upload, in bytes (default 2 GiB). */
  uploadLimit?: number;
  logger?: boolean;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp(wb: Workbench, o: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: o.logger ?? false, bodyLimit: 1 << 20, trustProxy: o.trustProxy ?? false });
  const cookieSpec = sessionCookie(o.secureCookies === true);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: o.uploadLimit ?? 2 * 1024 ** 3, files: 30, fields: 10 } });
  app.decorateRequest('user', null);
  app.decorateRequest('session', null);

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    const session = await getSession(wb.store, req.cookies[cookieSpec.name]);
    if (session) {
      req.session = session;
      req.user = userInfo(session.user);
    }
    // Every change needs the session's CSRF token in a header a cross-site form cannot send; signing in needs none.
    if (
      MUTATING.has(req.method) &&
      req.url !== '/api/auth/login' &&
      session &&
      !csrfMatches(session.csrfToken, req.headers['x-csrf-token'] as string | undefined)
    ) {
      throw new HttpError(403, 'forbidden', 'missing or wrong X-CSRF-Token header');
    }
  });
  app.addHook('onSend', async (req, reply) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
    );
    if (req.url.startsWith('/api/')) reply.header('Cache-Control', 'no-store');
  });
  app.setErrorHandler((err, req, reply) => {
    const answer = errorReply(err);
    if (answer) return reply.code(answer.status).headers(answer.headers).send(answer.body);
    req.log.error(err);
    return reply.code(500).send(errorBody('internal', 'internal error'));
  });

  register(app, wb, apiRoutes({ sessionCookie: cookieSpec }));
  const version = (JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')) as { version: string }).version;
  register(
    app,
    wb,
    routes('reference', [
      route({
        method: 'GET',
        url: '/api/openapi.json',
        summary: 'This document',
        roles: 'public',
        answers: 'OpenAPI 3.1',
        handler: async () => openApiDocument(app, version, cookieSpec.name),
      }),
    ]),
  );

  const webDir = o.webDir ?? join(projectRoot(), 'dist', 'web');
  if (existsSync(join(webDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDir, prefix: '/', wildcard: false, index: ['index.html'] });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.method !== 'GET')
        return reply.code(404).send(errorBody('not_found', `no route ${req.method} ${req.url.split('?')[0]}`));
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply
        .code(404)
        .send(
          errorBody(
            'not_found',
            req.url.startsWith('/api/') ? `no route ${req.method} ${req.url.split('?')[0]}` : 'the web UI is not built (npm run build)',
          ),
        ),
    );
  }
  return app;
}
