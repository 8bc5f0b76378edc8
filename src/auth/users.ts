/** Workbench accounts: a role and a data scope (a region or one institution). */
import type { UserInfo, UserRow, UsersQuery } from '../contract/api/accounts.js';
import type { Page } from '../contract/api/common.js';
import { BUREAU_ROLES } from '../contract/vocabulary.js';
import { requireRole, type RequestContext } from '../kernel/context.js';
import { Params, selectPage, toPage, type ListSource } from '../kernel/sql.js';
import type { Role } from '../contract/vocabulary.js';
import { hashPassword } from './passwords.js';
import { type StoreDb, storeTime } from '../store/db.js';

export interface UserRecord {
  username: string;
  display_name: string;
  role: Role;
  scope_admdvs: string | null;
  scope_fixmedins: string | null;
  scope_label: string;
  password_hash: string;
  disabled: boolean;
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  /** admdvs prefix for bureau roles (4 digits: a city; 6: a county), null for all. */
  admdvs?: string | null;
  /** The institution of an institution user. */
  fixmedinsCode?: string | null;
  scopeLabel: string;
  password: string;
}

export async function createUser(db: StoreDb, u: NewUser): Promise<void> {
  if (u.role === 'institution' && !u.fixmedinsCode) throw new Error('an institution user needs an institution');
  if (u.role !== 'institution' && u.fixmedinsCode) throw new Error('only institution users are scoped to an institution');
  await db.query(
    `INSERT INTO fg_user (username, display_name, role, scope_admdvs, scope_fixmedins, scope_label, password_hash, disabled, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, FALSE, CAST($8 AS TIMESTAMP))`,
    [
      u.username,
      u.displayName,
      u.role,
      u.admdvs ?? null,
      u.fixmedinsCode ?? null,
      u.scopeLabel,
      await hashPassword(u.password),
      storeTime(),
    ],
  );
}

export async function findUser(db: StoreDb, username: string): Promise<UserRecord | null> {
  const [u] = await db.query<UserRecord & Record<string, unknown>>(`SELECT * FROM fg_user WHERE username = $1`, [username]);
  return u ?? null;
}

export async function countUsers(db: StoreDb): Promise<number> {
  const [r] = await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_user`);
  return Number(r?.n ?? 0);
}

export function userInfo(u: UserRecord): UserInfo {
  return {
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    scope: { admdvs: u.scope_admdvs, fixmedinsCode: u.scope_fixmedins, label: u.scope_label },
  };
}

const USERS: ListSource = { select: '*', from: 'fg_user', orderBy: 'username' };

/**
 * Active users (to assign findings and cases to analysts), for the bureau's roles, within the caller's scope: an
 * administrator (or a bureau account without a region) sees every account; one limited to a region sees the bureau
 * accounts along its own line of regions — those inside it, and those whose region contains it (the city's analysts
 * and the administrators, who may handle its cases too) — and the accounts of institutions inside it. A county
 * analyst never learns who works in the next county, nor at its hospitals.
 */
export async function listUsers(ctx: RequestContext, q: UsersQuery): Promise<Page<UserRow>> {
  requireRole(ctx, BUREAU_ROLES, 'list users');
  const p = new Params();
  const where = q.role ? [`role = ${p.add(q.role)}`, 'NOT disabled'] : ['NOT disabled'];
  where.push(await accountsInScope(ctx, p));
  const { rows, total } = await selectPage<UserRecord & Record<string, unknown>>(ctx.store, q, USERS, where, p);
  return toPage(
    rows.map((u) => ({ username: u.username, displayName: u.display_name, role: u.role, scopeLabel: u.scope_label })),
    total,
    q,
  );
}

/** The condition on fg_user keeping the accounts a caller may see (see listUsers). */
async function accountsInScope(ctx: RequestContext, p: Params): Promise<string> {
  const region = ctx.scope.admdvs;
  if (ctx.scope.role === 'admin' || !region) return 'TRUE';
  const a = p.add(region);
  const bureau = `(scope_fixmedins IS NULL AND (scope_admdvs IS NULL OR starts_with(scope_admdvs, ${a}) OR starts_with(${a}, scope_admdvs)))`;
  // Institutions' regions are in the workspace: the few institutions with accounts, those inside the region.
  const withAccounts = await ctx.store.query<{ code: string }>(
    `SELECT DISTINCT scope_fixmedins AS code FROM fg_user WHERE scope_fixmedins IS NOT NULL`,
  );
  if (!withAccounts.length) return bureau;
  const w = new Params();
  const inside = await ctx.workspace.query<{ code: string }>(
    `SELECT fixmedins_code AS code FROM fixmedins WHERE starts_with(admdvs, ${w.add(region)}) AND fixmedins_code IN ${w.list(withAccounts.map((r) => r.code))}`,
    w.values,
  );
  return inside.length ? `(${bureau} OR scope_fixmedins IN ${p.list(inside.map((r) => r.code))})` : bureau;
}
