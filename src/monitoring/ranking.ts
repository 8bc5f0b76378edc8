/** The practitioner ranking (大处方): practitioners inside the caller's scope against their peers, filtered, sorted and paged. */
import { scopeCondition } from '../auth/scope.js';
import type { Page } from '../contract/api/common.js';
import type { PractitionerRow, PractitionersQuery } from '../contract/api/monitoring.js';
import type { PractitionerSort } from '../contract/vocabulary.js';
import type { RequestContext } from '../kernel/context.js';
import { numberOrNull, round2, round2OrNull } from '../kernel/numbers.js';
import { Params, selectPage, toPage } from '../kernel/sql.js';
import { practitionerLevel } from './practitioners.js';
import { loadWarningConfig } from './service.js';

const SORTS: Record<PractitionerSort, string> = {
  '-z': 's.z_max DESC',
  '-costPerRx': 's.cost_per_rx DESC',
  '-drugsPerRx': 's.drugs_per_rx DESC',
  '-restrictedShare': 's.restricted_share DESC',
  '-prescriptions': 's.prescriptions DESC',
};

const SELECT = 's.*, i.fixmedins_name, i.inst_kind, pr.prac_name';
const FROM = `fg_practitioner_stat s LEFT JOIN fixmedins i ON i.fixmedins_code = s.fixmedins_code
  LEFT JOIN (SELECT prac_code, fixmedins_code, MIN(prac_name) AS prac_name FROM practitioner GROUP BY prac_code, fixmedins_code) pr
    ON pr.prac_code = s.prac AND pr.fixmedins_code = s.fixmedins_code`;

export async function listPractitioners(ctx: RequestContext, q: PractitionersQuery): Promise<Page<PractitionerRow>> {
  const p = new Params();
  const where = [scopeCondition(ctx.scope, p, 's.fixmedins_code', 'i.admdvs')];
  if (q.kind) where.push(`i.inst_kind = ${p.add(q.kind)}`);
  if (q.dept) where.push(`s.dept = ${p.add(q.dept)}`);
  if (q.institution) where.push(`s.fixmedins_code = ${p.add(q.institution)}`);
  const levels = (await loadWarningConfig(ctx.store)).practitioner.z;
  if (q.level?.length) {
    const [y, o, r] = levels;
    const band: Record<string, string> = {
      red: `s.z_max >= ${r}`,
      orange: `(s.z_max >= ${o} AND s.z_max < ${r})`,
      yellow: `(s.z_max >= ${y} AND s.z_max < ${o})`,
    };
    where.push(`(${q.level.map((l) => band[l] ?? 'FALSE').join(' OR ')})`);
  }
  const { rows, total } = await selectPage(ctx.workspace, q, { select: SELECT, from: FROM, orderBy: `${SORTS[q.sort]}, s.prac` }, where, p);
  const items = rows.map((r): PractitionerRow => {
    const zMax = numberOrNull(r.z_max);
    // Practitioners without a comparison carry a sentinel far below any real z.
    const z = zMax !== null && zMax > -1e8 ? round2(zMax) : null;
    return {
      pracCode: String(r.prac),
      name: (r.prac_name as string | null) ?? null,
      fixmedinsCode: String(r.fixmedins_code),
      institutionName: (r.fixmedins_name as string | null) ?? null,
      kind: (r.inst_kind as string | null) ?? null,
      dept: (r.dept as string | null) ?? null,
      prescriptions: Number(r.prescriptions),
      costPerRx: round2OrNull(r.cost_per_rx)!,
      drugsPerRx: round2OrNull(r.drugs_per_rx)!,
      restrictedShare: Math.round(Number(r.restricted_share) * 10000) / 10000,
      peers: Number(r.peers),
      peerCostPerRx: round2OrNull(r.m_cost),
      peerDrugsPerRx: round2OrNull(r.m_drugs),
      peerRestrictedShare: numberOrNull(r.m_restricted),
      zCost: round2OrNull(r.z_cost),
      zDrugs: round2OrNull(r.z_drugs),
      zRestricted: round2OrNull(r.z_restricted),
      z,
      level: practitionerLevel(z === null ? null : zMax, levels),
    };
  });
  return toPage(items, total, q);
}
