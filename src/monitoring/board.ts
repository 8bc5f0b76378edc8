/** The warning board (预警): warnings of the institutions inside the caller's scope, and the month's count by level. */
import { inScope, scopeCondition } from '../auth/scope.js';
import type { Page } from '../contract/api/common.js';
import type { WarningRow, WarningsQuery, WarningSummary } from '../contract/api/monitoring.js';
import { INDICATORS, WARNING_LEVELS, type WarningLevel, type WarningSort } from '../contract/vocabulary.js';
import { regionName } from '../exchange/regions.js';
import type { RequestContext } from '../kernel/context.js';
import { notFound } from '../kernel/errors.js';
import { money, numberOrNull } from '../kernel/numbers.js';
import { Params, selectPage, toPage } from '../kernel/sql.js';
import { warningFigures, warningSentence } from './sentences.js';

const SORTS: Record<WarningSort, string> = {
  '-level': 'w.rank DESC, abs(COALESCE(w.change, 0)) DESC',
  '-change': 'w.change DESC NULLS LAST',
  '-z': 'w.z DESC NULLS LAST',
  month: 'w.month ASC',
  '-month': 'w.month DESC',
  institution: 'w.fixmedins_code ASC',
};

const SELECT = 'w.*, i.fixmedins_name, i.inst_kind, i.hosp_lv, i.admdvs, i.grid_id';
const FROM = 'fg_warning w LEFT JOIN fixmedins i ON i.fixmedins_code = w.fixmedins_code';

export async function listWarnings(ctx: RequestContext, q: WarningsQuery): Promise<Page<WarningRow>> {
  const p = new Params();
  const where = [scopeCondition(ctx.scope, p, 'w.fixmedins_code', 'i.admdvs')];
  if (q.month) where.push(`w.month = ${p.add(q.month)}`);
  if (q.level?.length) where.push(`w.level IN ${p.list(q.level)}`);
  if (q.indicator?.length) where.push(`w.indicator IN ${p.list(q.indicator)}`);
  if (q.basis) where.push(`w.basis = ${p.add(q.basis)}`);
  if (q.institution) where.push(`w.fixmedins_code = ${p.add(q.institution)}`);
  if (q.admdvs) where.push(`starts_with(i.admdvs, ${p.add(q.admdvs)})`);
  if (q.grid) where.push(`i.grid_id = ${p.add(q.grid)}`);
  const orderBy = `${SORTS[q.sort]}, w.warning_id`;
  const { rows, total } = await selectPage(ctx.workspace, q, { select: SELECT, from: FROM, orderBy }, where, p);
  const clueOf = await cluesOfWarnings(ctx, rows);
  const items = rows.map((r): WarningRow => {
    const figures = warningFigures(r);
    const sentence = warningSentence(figures);
    return {
      id: String(r.warning_id),
      fixmedinsCode: String(r.fixmedins_code),
      institutionName: (r.fixmedins_name as string | null) ?? null,
      kind: (r.inst_kind as string | null) ?? null,
      hospLv: numberOrNull(r.hosp_lv),
      admdvs: (r.admdvs as string | null) ?? null,
      regionName: regionName(r.admdvs as string | null),
      gridId: (r.grid_id as string | null) ?? null,
      month: String(r.month),
      indicatorName: INDICATORS[figures.indicator].zh,
      indicatorNameEn: INDICATORS[figures.indicator].en,
      ...figures,
      message: sentence.zh,
      messageEn: sentence.en,
      clueId: clueOf.get(String(r.warning_id)) ?? null,
    };
  });
  return toPage(items, total, q);
}

/** The clues made of these warnings. Clues are the bureau's own leads: an institution does not learn that one was opened about it. */
async function cluesOfWarnings(ctx: RequestContext, warnings: Array<Record<string, unknown>>): Promise<Map<string, string>> {
  const ids = warnings.map((w) => String(w.warning_id));
  if (ctx.scope.role === 'institution' || !ids.length) return new Map();
  const p = new Params();
  const clues = await ctx.store.query<{ id: string; source_id: string }>(
    `SELECT id, source_id FROM fg_clue WHERE source = 'warning' AND source_id IN ${p.list(ids)}`,
    p.values,
  );
  return new Map(clues.map((c) => [c.source_id, c.id]));
}

/** Months with indicators, and institutions (by their highest level) and warnings by level in one month (default the latest with warnings). */
export async function warningSummary(ctx: RequestContext, wanted: string | undefined): Promise<WarningSummary> {
  const db = ctx.workspace;
  const months = (
    await db.query<{ month: string }>(`SELECT DISTINCT month FROM fg_indicator WHERE unit_type = 'institution' ORDER BY month`)
  ).map((m) => m.month);
  const latest = (await db.query<{ m: string | null }>(`SELECT MAX(month) AS m FROM fg_warning`))[0]?.m ?? null;
  const month = wanted ?? latest ?? months[months.length - 1] ?? null;
  const zero = () => ({ yellow: 0, orange: 0, red: 0 });
  const institutions = zero();
  const warnings = zero();
  if (month) {
    const p = new Params();
    const where = `w.month = ${p.add(month)} AND ${scopeCondition(ctx.scope, p, 'w.fixmedins_code', 'i.admdvs')}`;
    const rows = await db.query<{ fixmedins_code: string; level: WarningLevel; n: number; top: number }>(
      `
      SELECT w.fixmedins_code, w.level, COUNT(*) AS n, MAX(w.rank) OVER (PARTITION BY w.fixmedins_code) AS top
      FROM ${FROM} WHERE ${where} GROUP BY w.fixmedins_code, w.level, w.rank`,
      p.values,
    );
    const top = new Map<string, number>();
    for (const r of rows) {
      warnings[r.level] += Number(r.n);
      top.set(r.fixmedins_code, Math.max(top.get(r.fixmedins_code) ?? 0, Number(r.top)));
    }
    for (const t of top.values()) institutions[WARNING_LEVELS[t - 1]!]++;
  }
  return { months, month, institutions, warnings };
}

/** One warning inside the caller's scope, with what a clue made of it says: its sentence and the month's amount at risk. */
export async function warningForClue(
  ctx: RequestContext,
  id: string,
): Promise<{ id: string; fixmedinsCode: string; summary: string; amountAtRisk: number }> {
  const [w] = await ctx.workspace.query<Record<string, unknown>>(
    `SELECT w.*, i.admdvs, i.fixmedins_name,
      (SELECT f.value FROM fg_indicator f WHERE f.unit_type = 'institution' AND f.unit_id = w.fixmedins_code AND f.month = w.month AND f.indicator = 'amount_at_risk') AS at_risk
    FROM ${FROM} WHERE w.warning_id = $1`,
    [id],
  );
  if (!w || !inScope(ctx.scope, String(w.fixmedins_code), (w.admdvs as string | null) ?? null))
    throw notFound('no such warning in your scope');
  return {
    id,
    fixmedinsCode: String(w.fixmedins_code),
    summary: `${w.fixmedins_name ?? w.fixmedins_code} ${w.month}：${warningSentence(warningFigures(w)).zh}`,
    amountAtRisk: money(w.at_risk),
  };
}
