/** Accounts, sessions and the data scope. */
import { z } from 'zod';
import { ROLES, type Role } from '../vocabulary.js';
import { pageQuery } from './common.js';

export interface UserInfo {
  username: string;
  displayName: string;
  role: Role;
  /** Data scope: a region (admdvs prefix: 4 digits a city, 6 a county) or one institution. */
  scope: { admdvs: string | null; fixmedinsCode: string | null; label: string };
}

/**
 * The data scope the server applies to every query: an administrator sees everything; bureau roles the
 * institutions of their region (admdvs prefix); an institution user only its own rows.
 */
export interface Scope {
  role: Role;
  admdvs: string | null;
  fixmedinsCode: string | null;
}

export const loginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export interface Session {
  user: UserInfo;
  csrfToken: string;
}

export const usersQuery = pageQuery.extend({ role: z.enum(ROLES).optional() });
export type UsersQuery = z.infer<typeof usersQuery>;
export interface UserRow {
  username: string;
  displayName: string;
  role: Role;
  scopeLabel: string;
}
