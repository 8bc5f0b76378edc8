/**
 * Sessions: a random token in an httpOnly, SameSite=Strict cookie; the server keeps only its SHA-256, with the
 * user, the CSRF token the client must echo in X-CSRF-Token on every change, and an expiry (8 hours idle).
 *
 * Every request checks its session, so the check must not cost a store round trip (and, embedded, a write to the
 * workspace file that all requests queue behind): a checked session is remembered in memory for a few seconds,
 * and its sliding expiry is written at most once a minute. Signing out forgets it at once in this process; a
 * change made elsewhere (another server on the same PostgreSQL, an account disabled from the command line) takes
 * effect within SESSION_RECHECK_MS.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { findUser, type UserRecord } from './users.js';
import { type StoreDb, storeTime } from '../store/db.js';

export const SESSION_COOKIE = 'fg_session';
/**
 * The session cookie's name when it is marked Secure: the __Host- prefix makes a browser accept it only from an
 * HTTPS origin, with Path=/ and no Domain, so neither a sibling subdomain nor plain HTTP can plant or shadow it.
 */
export const SECURE_SESSION_COOKIE = '__Host-fg_session';
export const SESSION_HOURS = 8;
/** How long a checked session is trusted without reading the store again. */
export const SESSION_RECHECK_MS = 5_000;
/** The sliding expiry is written when it would move by more than this. */
const TOUCH_EVERY_MS = 60_000;

interface Remembered {
  session: ActiveSession;
  /** The expiry as stored, in ms. */
  expiresAt: number;
  checkedAt: number;
}

/** Checked sessions per store (a store is one workbench's; tests open many). */
const remembered = new WeakMap<StoreDb, Map<string, Remembered>>();
const rememberedIn = (db: StoreDb) => {
  let m = remembered.get(db);
  if (!m) remembered.set(db, (m = new Map()));
  return m;
};

const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(db: StoreDb, username: string): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  await db.query(`DELETE FROM fg_session WHERE expires_at < CAST($1 AS TIMESTAMP)`, [storeTime(now)]);
  await db.query(
    `INSERT INTO fg_session (token_hash, username, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, CAST($4 AS TIMESTAMP), CAST($5 AS TIMESTAMP))`,
    [digest(token), username, csrfToken, storeTime(now), storeTime(new Date(now.getTime() + SESSION_HOURS * 3600_000))],
  );
  return { token, csrfToken };
}

export interface ActiveSession {
  user: UserRecord;
  csrfToken: string;
  tokenHash: string;
}

/** The session of a cookie token, if it exists, has not expired and its user is active; its expiry slides. */
export async function getSession(db: StoreDb, token: string | undefined, now = Date.now()): Promise<ActiveSession | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = digest(token);
  const cache = rememberedIn(db);
  let r = cache.get(tokenHash);
  if (r && (now - r.checkedAt > SESSION_RECHECK_MS || r.expiresAt < now)) {
    cache.delete(tokenHash);
    r = undefined;
  }
  if (!r) {
    const [s] = await db.query<{ username: string; csrf_token: string; expires_at: string }>(
      `SELECT username, csrf_token, CAST(expires_at AS VARCHAR) AS expires_at FROM fg_session WHERE token_hash = $1`,
      [tokenHash],
    );
    if (!s) return null;
    const expiresAt = new Date(`${s.expires_at.replace(' ', 'T')}Z`).getTime();
    if (expiresAt < now) {
      await db.query(`DELETE FROM fg_session WHERE token_hash = $1`, [tokenHash]);
      return null;
    }
    const user = await findUser(db, s.username);
    if (!user || user.disabled) return null;
    if (cache.size > 10_000) cache.clear();
    r = { session: { user, csrfToken: s.csrf_token, tokenHash }, expiresAt, checkedAt: now };
    cache.set(tokenHash, r);
  }
  const slid = now + SESSION_HOURS * 3600_000;
  if (slid - r.expiresAt > TOUCH_EVERY_MS) {
    r.expiresAt = slid;
    await db.query(`UPDATE fg_session SET expires_at = CAST($1 AS TIMESTAMP) WHERE token_hash = $2`, [
      storeTime(new Date(slid)),
      tokenHash,
    ]);
  }
  return r.session;
}

export async function deleteSession(db: StoreDb, tokenHash: string): Promise<void> {
  rememberedIn(db).delete(tokenHash);
  await db.query(`DELETE FROM fg_session WHERE token_hash = $1`, [tokenHash]);
}

/** Compares a CSRF header with the session's token in constant time. */
export function csrfMatches(expected: string, given: string | undefined): boolean {
  if (!given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
