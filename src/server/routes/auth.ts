/** Signing in and out. */
import type { FastifyInstance } from 'fastify';
import { dummyHash, verifyPassword } from '../../auth/passwords.js';
import { createSession, deleteSession, SESSION_COOKIE, SESSION_HOURS } from '../../auth/sessions.js';
import { findUser, userInfo } from '../../auth/users.js';
import { audit } from '../../audit/audit.js';
import { type Session, loginBody } from '../../contract/api/accounts.js';
import { HttpError, route } from '../http.js';
import type { Workbench } from '../workbench.js';

export function authRoutes(app: FastifyInstance, wb: Workbench, secureCookies: boolean): void {
  route(app, {
    method: 'POST',
    url: '/api/auth/login',
    tag: 'auth',
    summary: 'Sign in: sets the session cookie and returns the user and the CSRF token',
    roles: 'public',
    body: loginBody,
    success: { status: 200, description: 'Session' },
    handler: async ({ req, reply, body }): Promise<Session> => {
      const wait = wb.limiter.retryAfter(body.username, req.ip);
      if (wait > 0) {
        reply.header('Retry-After', String(wait));
        throw new HttpError(429, 'rate_limited', `too many failed sign-ins; try again in ${wait} s`, [
          { path: 'retryAfter', message: String(wait) },
        ]);
      }
      const user = await findUser(wb.store, body.username);
      const ok =
        user && !user.disabled
          ? await verifyPassword(user.password_hash, body.password)
          : (await verifyPassword(await dummyHash(), body.password), false);
      if (!user || !ok) {
        wb.limiter.fail(body.username, req.ip);
        await audit(wb.store, body.username, 'login_failed', null, req.ip);
        throw new HttpError(401, 'unauthorized', 'wrong username or password');
      }
      wb.limiter.succeed(body.username);
      const { token, csrfToken } = await createSession(wb.store, user.username);
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookies,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      await audit(wb.store, user.username, 'login', null, req.ip);
      return { user: userInfo(user), csrfToken };
    },
  });
  route(app, {
    method: 'POST',
    url: '/api/auth/logout',
    tag: 'auth',
    summary: 'Sign out: ends the session',
    roles: 'any',
    success: { status: 204, description: 'Signed out' },
    handler: async ({ req, reply, user }) => {
      if (req.session) await deleteSession(wb.store, req.session.tokenHash);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      await audit(wb.store, user.username, 'logout', null, null);
      return undefined;
    },
  });
  route(app, {
    method: 'GET',
    url: '/api/auth/me',
    tag: 'auth',
    summary: 'The signed-in user and the CSRF token',
    roles: 'any',
    success: { status: 200, description: 'Session' },
    handler: async ({ req, user }): Promise<Session> => ({ user, csrfToken: req.session!.csrfToken }),
  });
}
