/** /api/auth: signing in and out. */
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, SESSION_HOURS } from '../../auth/sessions.js';
import { signIn, signOut } from '../../auth/sign-in.js';
import { loginBody, type Session } from '../../contract/api/accounts.js';
import { route, routes } from '../http.js';

/** The session cookie: its name and the attributes it is set with, and cleared with (a browser keys a cookie by them). */
export interface SessionCookie {
  name: string;
  attributes: { httpOnly: true; sameSite: 'strict'; secure: boolean; path: '/' };
}

/** Secure (behind HTTPS): Secure and the __Host- prefix; otherwise neither, so the cookie works over plain HTTP. */
export const sessionCookie = (secure: boolean): SessionCookie => ({
  name: secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
  attributes: { httpOnly: true, sameSite: 'strict', secure, path: '/' },
});

export const authRoutes = (cookie: SessionCookie) =>
  routes('auth', [
    route({
      method: 'POST',
      url: '/api/auth/login',
      summary: 'Sign in: sets the session cookie and returns the user and the CSRF token',
      roles: 'public',
      body: loginBody,
      answers: 'Session',
      handler: async ({ req, reply, wb, body }): Promise<Session> => {
        // req.ip is the socket's address, or the client's from X-Forwarded-For when it came through a trusted proxy.
        const { token, ...session } = await signIn(wb.store, wb.limiter, body.username, body.password, req.ip);
        reply.setCookie(cookie.name, token, { ...cookie.attributes, maxAge: SESSION_HOURS * 3600 });
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
        reply.clearCookie(cookie.name, cookie.attributes);
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
