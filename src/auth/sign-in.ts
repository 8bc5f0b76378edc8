/** Signing in: a password checked against its argon2id hash, under the login rate limit, and a new session. */
import { audit } from '../audit/audit.js';
import type { Session } from '../contract/api/accounts.js';
import type { RequestContext } from '../kernel/context.js';
import { DomainError } from '../kernel/errors.js';
import type { StoreDb } from '../store/db.js';
import { dummyHash, verifyPassword } from './passwords.js';
import type { LoginLimiter } from './rate-limit.js';
import { createSession, deleteSession } from './sessions.js';
import { findUser, userInfo } from './users.js';

export interface SignedIn extends Session {
  /** The session's secret, for the httpOnly cookie; the store keeps only its hash. */
  token: string;
}

export async function signIn(
  store: StoreDb,
  limiter: LoginLimiter,
  username: string,
  password: string,
  address: string,
): Promise<SignedIn> {
  const { wait, ticket } = limiter.begin(username, address);
  if (wait > 0 || !ticket)
    throw new DomainError('rate_limited', `too many failed sign-ins; try again in ${wait} s`, [
      { path: 'retryAfter', message: String(wait) },
    ]);
  const user = await findUser(store, username);
  // An unknown user costs a hash as a known one does, so that timing does not tell which usernames exist.
  const ok =
    user && !user.disabled
      ? await verifyPassword(user.password_hash, password)
      : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !ok) {
    await audit(store, username, 'login_failed', null, address);
    throw new DomainError('unauthenticated', 'wrong username or password');
  }
  limiter.succeed(ticket);
  const { token, csrfToken } = await createSession(store, user.username);
  await audit(store, user.username, 'login', null, address);
  return { user: userInfo(user), csrfToken, token };
}

/** Ends the caller's session. */
export async function signOut(ctx: RequestContext, tokenHash: string | undefined): Promise<void> {
  if (tokenHash) await deleteSession(ctx.store, tokenHash);
  await audit(ctx.store, ctx.user.username, 'logout', null, null);
}
