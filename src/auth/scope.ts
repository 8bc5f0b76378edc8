/**
 * Data scope, enforced in every query the server runs: an administrator sees everything; bureau roles see
 * the institutions of their region (admdvs prefix); an institution user sees only its own rows. A row outside
 * the scope is never returned, and a request for one is answered "not found".
 */
import type { Params } from '../kernel/sql.js';
import type { Scope, UserInfo } from '../contract/api/accounts.js';
import { roleIn, UNMASKED_ROLES, type Role } from '../contract/vocabulary.js';

export function scopeOf(user: UserInfo): Scope {
  return { role: user.role, admdvs: user.scope.admdvs, fixmedinsCode: user.scope.fixmedinsCode };
}

/**
 * SQL condition keeping rows of institutions inside the scope. `inst` is the expression of the row's
 * institution code, `admdvs` that of the institution's region (from fixmedins).
 */
export function scopeCondition(scope: Scope, p: Params, inst: string, admdvs: string): string {
  if (scope.role === 'institution') return scope.fixmedinsCode ? `${inst} = ${p.add(scope.fixmedinsCode)}` : 'FALSE';
  if (scope.role === 'admin' || !scope.admdvs) return 'TRUE';
  return `starts_with(${admdvs}, ${p.add(scope.admdvs)})`;
}

/** Whether one institution (by its code and region) is inside the scope. */
export function inScope(scope: Scope, fixmedinsCode: string | null, admdvs: string | null): boolean {
  if (scope.role === 'institution') return fixmedinsCode !== null && fixmedinsCode === scope.fixmedinsCode;
  if (scope.role === 'admin' || !scope.admdvs) return true;
  return admdvs !== null && admdvs.startsWith(scope.admdvs);
}

/** Roles that see personal data in full; the others see it masked. */
export function seesPersonalData(role: Role): boolean {
  return roleIn(role, UNMASKED_ROLES);
}

/** 330102199001011234 → 330102********1234. */
export function maskCertno(certno: string | null): string | null {
  if (!certno) return certno;
  return certno.length <= 10 ? '*'.repeat(certno.length) : `${certno.slice(0, 6)}${'*'.repeat(certno.length - 10)}${certno.slice(-4)}`;
}
