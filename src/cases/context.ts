/** What every use case of clues and cases works with: the store, the workspace, the clock, the caller. */
import type { Scope } from '../auth/scope.js';
import type { Queryable } from '../db/engine.js';
import type { UserInfo } from '../contract/api/accounts.js';
import type { Role } from '../contract/vocabulary.js';
import type { StoreDb } from '../store/db.js';

export interface CaseContext {
  store: StoreDb;
  /** The workspace (institutions, findings, claims), for reading. */
  workspace: Queryable;
  /** Runs workspace writes (sanctions) one at a time with the workbench's jobs. */
  writeWorkspace<T>(fn: () => Promise<T>): Promise<T>;
  now(): Date;
  user: UserInfo;
  scope: Scope;
}

/** A refusal with the HTTP status it maps to. */
export class CaseError extends Error {
  constructor(
    readonly status: 400 | 403 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

export const BUREAU: Role[] = ['admin', 'analyst', 'reviewer'];
/** Who investigates: opens cases, writes notes, drafts decisions, records recoveries. */
export const HANDLERS: Role[] = ['admin', 'analyst'];
/** Who reviews: approves or returns decisions, decides appeals (never their own drafts). */
export const REVIEWERS: Role[] = ['admin', 'reviewer'];

export function requireRole(ctx: CaseContext, roles: Role[], what: string): void {
  if (!roles.includes(ctx.user.role)) throw new CaseError(403, `a ${ctx.user.role} may not ${what}`);
}

/** The calendar day of a time, YYYY-MM-DD, in the server's time zone (the bureau's). */
export function dayOf(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A day moved by whole days: calendar arithmetic on YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The same day `months` later, on the month's last day when it has no such day (08-31 + 6 months: 02-28 or 02-29). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** The last day of a period of `months` months starting on `from`. */
export function periodEnd(from: string, months: number): string {
  return addDays(addMonths(from, months), -1);
}

/** A stored time (a TIMESTAMP as text, UTC) for storing: YYYY-MM-DD HH:MM:SS.mmm. */
export function stamp(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

export const round2 = (v: number) => Math.round(v * 100) / 100;
export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
