/** The overview dashboard: where the fund is paid and where it leaks, inside the caller's scope. */
import { scopeCondition } from '../auth/scope.js';
import type { Overview, OverviewQuery } from '../contract/api/reference.js';
import { regionName } from '../exchange/regions.js';
import { FINDING_AGG, INST_MONTH } from '../findings/rows.js';
import { scopeKey, type RequestContext } from '../kernel/context.js';
import { money } from '../kernel/numbers.js';
import { Params } from '../kernel/sql.js';
import { BUILT_IN_RULES } from '../screening/catalog.js';

const RULES = new Map(BUILT_IN_RULES.map((r) => [r.code, r]));

/** The overview of the caller's scope; the same for everyone of that scope until the workspace changes. */
export function overview(ctx: RequestContext, q: OverviewQuery): Promise<Overview> {
  return ctx.cached(`overview|${scopeKey(ctx.scope)}|${q.from ?? ''}|${q.to ?? ''}`, () => computeOverview(ctx, q));
}

async function computeOverview(ctx: RequestContext, { from, to }: OverviewQuery): Promise<Overview> {
  const { workspace: db, scope } = ctx;
  // Findings are counted from their aggregate by institution, rule, level and month; settlements by month.
  const fp = new Params();
  const fWhere = [scopeCondition(scope, fp, 'r.fixmedins_code', 'r.admdvs')];
  if (from) fWhere.push(`r.month >= ${fp.add(from)}`);
  if (to) fWhere.push(`r.month <= ${fp.add(to)}`);
  const sp = new Params();
  const sWhere = [scopeCondition(scope, sp, 'm.fixmedins_code', 'i.admdvs')];
  if (from) sWhere.push(`m.month >= ${sp.add(from)}`);
  if (to) sWhere.push(`m.month <= ${sp.add(to)}`);
  const F = `${FINDING_AGG} r WHERE ${fWhere.join(' AND ')}`;
  const S = `${INST_MONTH} m LEFT JOIN fixmedins i ON i.fixmedins_code = m.fixmedins_code WHERE ${sWhere.join(' AND ')}`;
  const q = <T extends Record<string, unknown>>(sql: string, p: Params) => db.query<T>(sql, p.values);
  // Four passes over the findings: by code (and level), by institution (and its region and grid), by month.
  const [fund, byCode, byInstitution, monthlyF, monthlyS, regionS] = await Promise.all([
    q<{ fund: number; n: number }>(`SELECT SUM(m.fund_paid) AS fund, SUM(m.settlements) AS n FROM ${S}`, sp),
    q<{ code: string; level: string; n: number; amount: number }>(
      `SELECT r.rule_code AS code, MIN(r.level) AS level, SUM(r.findings) AS n, CAST(SUM(r.amount) AS DOUBLE) AS amount FROM ${F} GROUP BY r.rule_code`,
      fp,
    ),
    q<{ code: string | null; name: string | null; admdvs: string | null; grid: string | null; n: number; amount: number }>(
      `SELECT r.fixmedins_code AS code, MIN(r.institution_name) AS name,
      MIN(r.admdvs) AS admdvs, MIN(r.grid_id) AS grid, SUM(r.findings) AS n, CAST(SUM(r.amount) AS DOUBLE) AS amount FROM ${F} GROUP BY r.fixmedins_code`,
      fp,
    ),
    q<{ month: string; n: number; amount: number }>(
      `SELECT r.month, SUM(r.findings) AS n, CAST(SUM(r.amount) AS DOUBLE) AS amount FROM ${F} AND r.month IS NOT NULL GROUP BY r.month`,
      fp,
    ),
    q<{ month: string; fund: number }>(`SELECT m.month, SUM(m.fund_paid) AS fund FROM ${S} GROUP BY m.month`, sp),
    q<{ admdvs: string; fund: number }>(
      `SELECT i.admdvs, SUM(m.fund_paid) AS fund FROM ${S} AND i.admdvs IS NOT NULL GROUP BY i.admdvs`,
      sp,
    ),
  ]);
  byCode.sort((a, b) => b.amount - a.amount || a.code.localeCompare(b.code));
  const sum = <T>(xs: T[], key: (x: T) => number) => xs.reduce((s, x) => s + key(x), 0);
  const totals = [{ n: sum(byCode, (c) => Number(c.n)), amount: sum(byCode, (c) => c.amount) }];
  const levels = new Map<string, { n: number; amount: number }>();
  for (const c of byCode) {
    const l = levels.get(c.level) ?? { n: 0, amount: 0 };
    levels.set(c.level, { n: l.n + Number(c.n), amount: l.amount + c.amount });
  }
  const byLevel = [...levels.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([level, v]) => ({ level, ...v }));
  const institutions = byInstitution.filter((i) => i.code !== null).sort((a, b) => b.amount - a.amount || a.code!.localeCompare(b.code!));
  const top = institutions.slice(0, 10);
  const group = (key: (i: (typeof institutions)[number]) => string | null) => {
    const m = new Map<string, { admdvs: string; n: number; amount: number }>();
    for (const i of byInstitution) {
      const k = key(i);
      if (!k) continue;
      const e = m.get(k) ?? { admdvs: i.admdvs ?? '', n: 0, amount: 0 };
      m.set(k, { admdvs: e.admdvs, n: e.n + Number(i.n), amount: e.amount + i.amount });
    }
    return m;
  };
  const regionF = [...group((i) => i.admdvs).entries()].map(([admdvs, v]) => ({ admdvs, n: v.n, amount: v.amount }));
  const grids = [...group((i) => i.grid).entries()]
    .map(([grid, v]) => ({ grid, ...v }))
    .sort((a, b) => b.amount - a.amount)
    .slice(0, 50);
  const months = new Map<string, { fundPaid: number; findings: number; amount: number }>();
  for (const m of monthlyS) months.set(m.month, { fundPaid: money(m.fund), findings: 0, amount: 0 });
  for (const m of monthlyF) {
    const e = months.get(m.month) ?? { fundPaid: 0, findings: 0, amount: 0 };
    months.set(m.month, { ...e, findings: Number(m.n), amount: money(m.amount) });
  }
  const regions = new Map<string, { fundPaid: number; findings: number; amount: number }>();
  for (const r of regionS) regions.set(r.admdvs, { fundPaid: money(r.fund), findings: 0, amount: 0 });
  for (const r of regionF) {
    const e = regions.get(r.admdvs) ?? { fundPaid: 0, findings: 0, amount: 0 };
    regions.set(r.admdvs, { ...e, findings: Number(r.n), amount: money(r.amount) });
  }
  return {
    fundPaid: money(fund[0]?.fund),
    settlements: Number(fund[0]?.n ?? 0),
    findings: Number(totals[0]?.n ?? 0),
    amountAtRisk: money(totals[0]?.amount),
    byCode: byCode.map((c) => ({
      code: c.code,
      name: RULES.get(c.code)?.name ?? c.code,
      nameEn: RULES.get(c.code)?.nameEn ?? c.code,
      level: c.level,
      findings: Number(c.n),
      amount: money(c.amount),
    })),
    byLevel: byLevel.map((l) => ({ level: l.level, findings: Number(l.n), amount: money(l.amount) })),
    topInstitutions: top.map((t) => ({
      fixmedinsCode: t.code!,
      name: t.name ?? t.code!,
      admdvs: t.admdvs ?? '',
      findings: Number(t.n),
      amount: money(t.amount),
    })),
    monthly: [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, v]) => ({ month, ...v })),
    byRegion: [...regions.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([admdvs, v]) => ({ admdvs, name: regionName(admdvs) ?? admdvs, ...v })),
    byGrid: grids.map((g) => ({ gridId: g.grid, admdvs: g.admdvs, findings: Number(g.n), amount: money(g.amount) })),
  };
}
