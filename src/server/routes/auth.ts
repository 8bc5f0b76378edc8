/** /api/auth: signing in and out. */
import { SESSION_COOKIE, SESSION_HOURS } from '../../auth/sessions.js';
import { signIn, signOut } from '../../auth/sign-in.js';
import { loginBody, type Session } from '../../contract/api/accounts.js';
import { route, routes } from '../http.js';

export const authRoutes = (secureCookies: boolean) =>
  routes('auth', [
    route({
      method: 'POST',
      url: '/api/auth/login',
      summary: 'Sign in: sets the session cookie and returns the user and the CSRF token',
      roles: 'public',
      body: loginBody,
      answers: 'Session',
      handler: async ({ req, reply, wb, body }): Promise<Session> => {
        const { token, ...session } = await signIn(wb.store, wb.limiter, body.username, body.password, req.ip);
        reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookies,
          path: '/',
          maxAge: SESSION_HOURS * 3600,
        });
        return session;
      },
    }),
    route({
      method: 'POST',
      url: '/api/auth/logout',
      summary: 'Sign out: ends the session',
      roles: 'any',
      answers: 'Signed out',
      status: 204,
      handler: async ({ req, reply, ctx }) => {
        await signOut(ctx, req.session?.tokenHash);
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return undefined;
      },
    }),
    route({
      method: 'GET',
      url: '/api/auth/me',
      summary: 'The signed-in user and the CSRF token',
      roles: 'any',
      answers: 'Session',
      handler: async ({ req, ctx }): Promise<Session> => ({ user: ctx.user, csrfToken: req.session!.csrfToken }),
    }),
  ]);
