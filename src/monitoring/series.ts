/** An indicator's monthly series for an institution, a region or a grid, with its peers' band and the warnings it reached. */
import { inScope } from '../auth/scope.js';
import type { IndicatorQuery, IndicatorSeries } from '../contract/api/monitoring.js';
import { INDICATORS, INDICATOR_UNIT, WARNING_LEVELS } from '../contract/vocabulary.js';
import { regionName } from '../exchange/regions.js';
import type { RequestContext } from '../kernel/context.js';
import { notFound } from '../kernel/errors.js';
import { numberOrNull } from '../kernel/numbers.js';

/** The robust spread: 1.4826 × MAD estimates a standard deviation; the band is the peers' median ± one of it. */
const MAD_SCALE = 1.4826;

/** The unit's name, when it is inside the caller's scope. A region or grid is when the caller is a bureau role and every institution of it is. */
async function unitName(ctx: RequestContext, q: IndicatorQuery): Promise<string> {
  if (q.unitType === 'institution') {
    const [i] = await ctx.workspace.query<{ fixmedins_name: string; admdvs: string }>(
      `SELECT fixmedins_name, admdvs FROM fixmedins WHERE fixmedins_code = $1`,
      [q.unitId],
    );
    if (!i || !inScope(ctx.scope, q.unitId, i.admdvs)) throw notFound('no such institution in your scope');
    return i.fixmedins_name;
  }
  const key = q.unitType === 'region' ? 'admdvs' : 'grid_id';
  const insts = await ctx.workspace.query<{ fixmedins_code: string; admdvs: string }>(
    `SELECT fixmedins_code, admdvs FROM fixmedins WHERE ${key} = $1`,
    [q.unitId],
  );
  if (!insts.length || ctx.scope.role === 'institution' || !insts.every((i) => inScope(ctx.scope, i.fixmedins_code, i.admdvs)))
    throw notFound('no such region or grid in your scope');
  return q.unitType === 'region' ? (regionName(q.unitId) ?? q.unitId) : q.unitId;
}

export async function indicatorSeries(ctx: RequestContext, q: IndicatorQuery): Promise<IndicatorSeries> {
  const name = await unitName(ctx, q);
  const rows = await ctx.workspace.query<Record<string, unknown>>(
    `
    SELECT i.month, i.value, i.prev_value, i.yoy_value, i.peer_group, i.peer_n, i.peer_median, i.peer_mad,
      (SELECT MAX(w.rank) FROM fg_warning w WHERE w.fixmedins_code = i.unit_id AND w.month = i.month AND w.indicator = i.indicator) AS warn
    FROM fg_indicator i WHERE i.unit_type = $1 AND i.unit_id = $2 AND i.indicator = $3 ORDER BY i.month`,
    [q.unitType, q.unitId, q.indicator],
  );
  const n = INDICATORS[q.indicator];
  return {
    unitType: q.unitType,
    unitId: q.unitId,
    name,
    indicator: q.indicator,
    indicatorName: n.zh,
    indicatorNameEn: n.en,
    unit: INDICATOR_UNIT[q.indicator],
    peerGroup: (rows[0]?.peer_group as string | null) ?? null,
    points: rows.map((r) => {
      const value = numberOrNull(r.value);
      const prev = numberOrNull(r.prev_value);
      const lastYear = numberOrNull(r.yoy_value);
      const med = numberOrNull(r.peer_median);
      const mad = numberOrNull(r.peer_mad);
      const warn = q.unitType === 'institution' ? numberOrNull(r.warn) : null;
      return {
        month: String(r.month),
        value,
        previous: prev,
        change: value !== null && prev ? value / prev - 1 : null,
        lastYear,
        yearChange: value !== null && lastYear ? value / lastYear - 1 : null,
        peerMedian: med,
        peerLow: med !== null && mad !== null ? med - MAD_SCALE * mad : null,
        peerHigh: med !== null && mad !== null ? med + MAD_SCALE * mad : null,
        peers: numberOrNull(r.peer_n),
        warning: warn ? (WARNING_LEVELS[warn - 1] ?? null) : null,
      };
    }),
  };
}
