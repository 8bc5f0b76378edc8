/** What every use case works with: the stores, the clock and the caller. The server makes one per request. */
import type { Scope, UserInfo } from '../contract/api/accounts.js';
import type { Role } from '../contract/vocabulary.js';
import type { Queryable, SqlEngine } from '../db/engine.js';
import type { StoreDb } from '../store/db.js';
import { forbidden } from './errors.js';

export interface RequestContext {
  /** The operational store: users, decisions, clues and cases, settings, logs. */
  store: StoreDb;
  /** The workspace (claims, findings, indicators), for reading. */
  workspace: Queryable;
  /** Runs workspace writes (sanctions, recomputed warnings) one at a time with the workbench's jobs, on its writer. */
  writeWorkspace<T>(fn: (workspace: SqlEngine) => Promise<T>): Promise<T>;
  /**
   * An answer read from the workspace, kept until the workspace changes (see ReadCache); the key must name
   * everything the answer depends on besides the workspace (the caller's scope and role among them).
   */
  cached<T>(key: string, compute: () => Promise<T>, weigh?: (value: T) => number): Promise<T>;
  /** Tells the cache that a write to the workspace has been committed. */
  workspaceChanged(): void;
  now(): Date;
  user: UserInfo;
  /** The caller's data scope: every query of a use case keeps to it. */
  scope: Scope;
}

/** Refuses a caller whose role is not among `roles`, saying what they tried. */
export function requireRole(ctx: Pick<RequestContext, 'user'>, roles: readonly Role[], what: string): void {
  if (!roles.includes(ctx.user.role)) throw forbidden(`a ${ctx.user.role} may not ${what}`);
}

/** What a cache key must hold of the caller: the rows they may see and whether personal data is masked for them. */
export function scopeKey(scope: Scope): string {
  return `${scope.role}|${scope.admdvs ?? '*'}|${scope.fixmedinsCode ?? '*'}`;
}
