/** Monitoring and early warning: the warning board, indicator trends with peers, practitioner ranking, clues. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { audit } from '../../audit/audit.js';
import { inScope, Params, scopeCondition } from '../../auth/scope.js';
import { regionName } from '../../exchange/regions.js';
import { practitionerLevel } from '../../monitoring/practitioners.js';
import { buildJudgements, loadWarningConfig, saveWarningConfig } from '../../monitoring/service.js';
import { INDICATOR_NAMES } from '../../monitoring/warnings.js';
import { createWarningClue } from '../../cases/clues.js';
import { type Clue, warningClueBody } from '../../contract/api/cases.js';
import type { Page } from '../../contract/api/common.js';
import {
  type IndicatorSeries,
  type PractitionerRow,
  type WarningRow,
  type WarningSummary,
  indicatorQuery,
  practitionersQuery,
  warningConfigBody,
  warningsQuery,
} from '../../contract/api/monitoring.js';
import { INDICATOR_UNIT, type IndicatorKey, WARNING_LEVELS, type WarningLevel } from '../../contract/vocabulary.js';
import { notFound, route } from '../http.js';
import type { Workbench } from '../workbench.js';

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

function formatValue(indicator: IndicatorKey, v: number | null, lang: 'zh' | 'en'): string {
  if (v === null) return '-';
  const unit = INDICATOR_UNIT[indicator];
  if (unit === 'ratio') return `${(v * 100).toFixed(1)}%`;
  if (unit === 'money')
    return `${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}${lang === 'zh' ? ' 元' : ' yuan'}`;
  if (unit === 'days') return `${v.toFixed(1)}${lang === 'zh' ? ' 天' : ' days'}`;
  return v.toLocaleString('en-US', { maximumFractionDigits: 0 });
}

const LEVEL_ZH: Record<WarningLevel, string> = { yellow: '黄色', orange: '橙色', red: '红色' };

function messages(r: {
  indicator: IndicatorKey;
  basis: string;
  value: number;
  reference: number | null;
  change: number | null;
  z: number | null;
  level: WarningLevel;
}): { zh: string; en: string } {
  const n = INDICATOR_NAMES[r.indicator];
  const v = (l: 'zh' | 'en') => formatValue(r.indicator, r.value, l);
  const ref = (l: 'zh' | 'en') => formatValue(r.indicator, r.reference, l);
  const z = r.z === null ? '' : r.z.toFixed(1);
  if (r.basis === 'history') {
    return {
      zh: `${n.zh}${v('zh')}，本机构近期中位数${ref('zh')}，稳健 z 值 ${z}，${LEVEL_ZH[r.level]}预警`,
      en: `${n.en} ${v('en')} against its own recent median of ${ref('en')} (robust z ${z}): ${r.level} warning`,
    };
  }
  if (r.basis === 'peer') {
    return {
      zh: `${n.zh}${v('zh')}，同类同级机构中位数${ref('zh')}，稳健 z 值 ${z}，${LEVEL_ZH[r.level]}预警`,
      en: `${n.en} ${v('en')} against a peer median of ${ref('en')} (robust z ${z}): ${r.level} warning`,
    };
  }
  if (r.change !== null) {
    const pct = `${r.change >= 0 ? '+' : ''}${(r.change * 100).toFixed(1)}%`;
    return {
      zh: `${n.zh}${v('zh')}，环比${pct}（上月${ref('zh')}）${z ? `，相对本机构历史 z 值 ${z}` : ''}，${LEVEL_ZH[r.level]}预警`,
      en: `${n.en} ${v('en')}, ${pct} on the previous month (${ref('en')})${z ? `, robust z ${z} against its own history` : ''}: ${r.level} warning`,
    };
  }
  return {
    zh: `${n.zh}${v('zh')}，超过预警线${ref('zh')}，${LEVEL_ZH[r.level]}预警`,
    en: `${n.en} ${v('en')}, above the ${ref('en')} warning line: ${r.level} warning`,
  };
}

const SORTS: Record<string, string> = {
  '-level': 'w.rank DESC, abs(COALESCE(w.change, 0)) DESC',
  '-change': 'w.change DESC NULLS LAST',
  '-z': 'w.z DESC NULLS LAST',
  month: 'w.month ASC',
  '-month': 'w.month DESC',
  institution: 'w.fixmedins_code ASC',
};

export function monitoringRoutes(app: FastifyInstance, wb: Workbench): void {
  const latestMonth = async () => (await wb.reads.query<{ m: string | null }>(`SELECT MAX(month) AS m FROM fg_warning`))[0]?.m ?? null;

  route(app, {
    method: 'GET',
    url: '/api/warnings',
    tag: 'monitoring',
    summary: 'Warnings (yellow, orange, red) for institutions inside your scope, filtered and paged',
    roles: 'any',
    query: warningsQuery,
    success: { status: 200, description: 'Page<WarningRow>' },
    handler: async ({ query: q, scope }): Promise<Page<WarningRow>> => {
      const p = new Params();
      const where = [scopeCondition(scope, p, 'w.fixmedins_code', 'i.admdvs')];
      if (q.month) where.push(`w.month = ${p.add(q.month)}`);
      if (q.level?.length) where.push(`w.level IN (${q.level.map((l) => p.add(l)).join(', ')})`);
      if (q.indicator?.length) where.push(`w.indicator IN (${q.indicator.map((x) => p.add(x)).join(', ')})`);
      if (q.basis) where.push(`w.basis = ${p.add(q.basis)}`);
      if (q.institution) where.push(`w.fixmedins_code = ${p.add(q.institution)}`);
      if (q.admdvs) where.push(`starts_with(i.admdvs, ${p.add(q.admdvs)})`);
      if (q.grid) where.push(`i.grid_id = ${p.add(q.grid)}`);
      const w = where.join(' AND ');
      const from = `fg_warning w LEFT JOIN fixmedins i ON i.fixmedins_code = w.fixmedins_code`;
      const [rows, count] = await Promise.all([
        wb.reads.query<Record<string, unknown>>(
          `SELECT w.*, i.fixmedins_name, i.inst_kind, i.hosp_lv, i.admdvs, i.grid_id FROM ${from} WHERE ${w}
          ORDER BY ${SORTS[q.sort]}, w.warning_id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
          p.values,
        ),
        wb.reads.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${w}`, p.values),
      ]);
      // Clues are the bureau's own leads: an institution does not learn that one was opened about it.
      const ids = scope.role === 'institution' ? [] : rows.map((r) => String(r.warning_id));
      const clues = ids.length
        ? await wb.store.query<{ id: string; source_id: string }>(
            `SELECT id, source_id FROM fg_clue WHERE source = 'warning' AND source_id IN (${ids.map((_, k) => `$${k + 1}`).join(', ')})`,
            ids,
          )
        : [];
      const clueOf = new Map(clues.map((c) => [c.source_id, c.id]));
      return {
        items: rows.map((r) => {
          const indicator = String(r.indicator) as IndicatorKey;
          const row = {
            indicator,
            basis: String(r.basis),
            value: Number(r.value),
            reference: num(r.reference),
            change: num(r.change),
            z: num(r.z),
            level: String(r.level) as WarningLevel,
          };
          const m = messages(row);
          return {
            id: String(r.warning_id),
            fixmedinsCode: String(r.fixmedins_code),
            institutionName: (r.fixmedins_name as string | null) ?? null,
            kind: (r.inst_kind as string | null) ?? null,
            hospLv: num(r.hosp_lv),
            admdvs: (r.admdvs as string | null) ?? null,
            regionName: regionName(r.admdvs as string | null),
            gridId: (r.grid_id as string | null) ?? null,
            month: String(r.month),
            indicatorName: INDICATOR_NAMES[indicator].zh,
            indicatorNameEn: INDICATOR_NAMES[indicator].en,
            ...row,
            basis: row.basis as WarningRow['basis'],
            message: m.zh,
            messageEn: m.en,
            clueId: clueOf.get(String(r.warning_id)) ?? null,
          };
        }),
        total: Number(count[0]?.n ?? 0),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/warnings/summary',
    tag: 'monitoring',
    summary: 'Months with warnings, and institutions and warnings by level for one month (default the latest)',
    roles: 'any',
    query: z.object({
      month: z
        .string()
        .regex(/^\d{4}-\d{2}$/)
        .optional(),
    }),
    success: { status: 200, description: 'WarningSummary' },
    handler: async ({ query, scope }): Promise<WarningSummary> => {
      const months = (
        await wb.reads.query<{ month: string }>(`SELECT DISTINCT month FROM fg_indicator WHERE unit_type = 'institution' ORDER BY month`)
      ).map((m) => m.month);
      const month = query.month ?? (await latestMonth()) ?? months[months.length - 1] ?? null;
      const zero = () => ({ yellow: 0, orange: 0, red: 0 });
      const institutions = zero();
      const warnings = zero();
      if (month) {
        const p = new Params();
        const where = `w.month = ${p.add(month)} AND ${scopeCondition(scope, p, 'w.fixmedins_code', 'i.admdvs')}`;
        const rows = await wb.reads.query<{ fixmedins_code: string; level: WarningLevel; n: number; top: number }>(
          `
          SELECT w.fixmedins_code, w.level, COUNT(*) AS n, MAX(w.rank) OVER (PARTITION BY w.fixmedins_code) AS top
          FROM fg_warning w LEFT JOIN fixmedins i ON i.fixmedins_code = w.fixmedins_code WHERE ${where} GROUP BY w.fixmedins_code, w.level, w.rank`,
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
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/indicators',
    tag: 'monitoring',
    summary: "An institution's, region's or grid's monthly indicator, with peers' median and band and the warnings reached",
    roles: 'any',
    query: indicatorQuery,
    success: { status: 200, description: 'IndicatorSeries' },
    handler: async ({ query: q, scope }): Promise<IndicatorSeries> => {
      let name = q.unitId;
      let peerGroup: string | null = null;
      if (q.unitType === 'institution') {
        const [i] = await wb.reads.query<{ fixmedins_name: string; admdvs: string }>(
          `SELECT fixmedins_name, admdvs FROM fixmedins WHERE fixmedins_code = $1`,
          [q.unitId],
        );
        if (!i || !inScope(scope, q.unitId, i.admdvs)) throw notFound('no such institution in your scope');
        name = i.fixmedins_name;
      } else {
        // A region or grid is inside the scope when the caller is a bureau role and every institution of it is.
        const key = q.unitType === 'region' ? 'admdvs' : 'grid_id';
        const insts = await wb.reads.query<{ fixmedins_code: string; admdvs: string }>(
          `SELECT fixmedins_code, admdvs FROM fixmedins WHERE ${key} = $1`,
          [q.unitId],
        );
        if (!insts.length || scope.role === 'institution' || !insts.every((i) => inScope(scope, i.fixmedins_code, i.admdvs)))
          throw notFound('no such region or grid in your scope');
        name = q.unitType === 'region' ? (regionName(q.unitId) ?? q.unitId) : q.unitId;
      }
      const rows = await wb.reads.query<Record<string, unknown>>(
        `
        SELECT i.month, i.value, i.prev_value, i.yoy_value, i.peer_group, i.peer_n, i.peer_median, i.peer_mad,
          (SELECT MAX(w.rank) FROM fg_warning w WHERE w.fixmedins_code = i.unit_id AND w.month = i.month AND w.indicator = i.indicator) AS warn
        FROM fg_indicator i WHERE i.unit_type = $1 AND i.unit_id = $2 AND i.indicator = $3 ORDER BY i.month`,
        [q.unitType, q.unitId, q.indicator],
      );
      peerGroup = (rows[0]?.peer_group as string | null) ?? null;
      const n = INDICATOR_NAMES[q.indicator];
      return {
        unitType: q.unitType,
        unitId: q.unitId,
        name,
        indicator: q.indicator,
        indicatorName: n.zh,
        indicatorNameEn: n.en,
        unit: INDICATOR_UNIT[q.indicator],
        peerGroup,
        points: rows.map((r) => {
          const value = num(r.value);
          const prev = num(r.prev_value);
          const lastYear = num(r.yoy_value);
          const med = num(r.peer_median);
          const mad = num(r.peer_mad);
          const warn = q.unitType === 'institution' ? num(r.warn) : null;
          return {
            month: String(r.month),
            value,
            previous: prev,
            change: value !== null && prev ? value / prev - 1 : null,
            lastYear,
            yearChange: value !== null && lastYear ? value / lastYear - 1 : null,
            peerMedian: med,
            peerLow: med !== null && mad !== null ? med - 1.4826 * mad : null,
            peerHigh: med !== null && mad !== null ? med + 1.4826 * mad : null,
            peers: num(r.peer_n),
            warning: warn ? (WARNING_LEVELS[warn - 1] ?? null) : null,
          };
        }),
      };
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/practitioners',
    tag: 'monitoring',
    summary: 'Practitioners against peers of the same institution kind and department (大处方), inside your scope',
    roles: 'any',
    query: practitionersQuery,
    success: { status: 200, description: 'Page<PractitionerRow>' },
    handler: async ({ query: q, scope }): Promise<Page<PractitionerRow>> => {
      const p = new Params();
      const where = [scopeCondition(scope, p, 's.fixmedins_code', 'i.admdvs')];
      if (q.kind) where.push(`i.inst_kind = ${p.add(q.kind)}`);
      if (q.dept) where.push(`s.dept = ${p.add(q.dept)}`);
      if (q.institution) where.push(`s.fixmedins_code = ${p.add(q.institution)}`);
      const levels = (await loadWarningConfig(wb.store)).practitioner.z;
      if (q.level?.length) {
        const [y, o, r] = levels;
        const conds = q.level.map((l) =>
          l === 'red'
            ? `s.z_max >= ${r}`
            : l === 'orange'
              ? `(s.z_max >= ${o} AND s.z_max < ${r})`
              : `(s.z_max >= ${y} AND s.z_max < ${o})`,
        );
        where.push(`(${conds.join(' OR ')})`);
      }
      const sort = {
        '-z': 's.z_max DESC',
        '-costPerRx': 's.cost_per_rx DESC',
        '-drugsPerRx': 's.drugs_per_rx DESC',
        '-restrictedShare': 's.restricted_share DESC',
        '-prescriptions': 's.prescriptions DESC',
      }[q.sort];
      const from = `fg_practitioner_stat s LEFT JOIN fixmedins i ON i.fixmedins_code = s.fixmedins_code
        LEFT JOIN (SELECT prac_code, fixmedins_code, MIN(prac_name) AS prac_name FROM practitioner GROUP BY prac_code, fixmedins_code) pr ON pr.prac_code = s.prac AND pr.fixmedins_code = s.fixmedins_code`;
      const w = where.join(' AND ');
      const [rows, count] = await Promise.all([
        wb.reads.query<Record<string, unknown>>(
          `SELECT s.*, i.fixmedins_name, i.inst_kind, pr.prac_name FROM ${from} WHERE ${w} ORDER BY ${sort}, s.prac LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
          p.values,
        ),
        wb.reads.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${w}`, p.values),
      ]);
      const r2 = (x: unknown) => (x === null || x === undefined ? null : Math.round(Number(x) * 100) / 100);
      return {
        items: rows.map((r) => {
          const zMax = num(r.z_max);
          const z = zMax !== null && zMax > -1e8 ? Math.round(zMax * 100) / 100 : null;
          return {
            pracCode: String(r.prac),
            name: (r.prac_name as string | null) ?? null,
            fixmedinsCode: String(r.fixmedins_code),
            institutionName: (r.fixmedins_name as string | null) ?? null,
            kind: (r.inst_kind as string | null) ?? null,
            dept: (r.dept as string | null) ?? null,
            prescriptions: Number(r.prescriptions),
            costPerRx: r2(r.cost_per_rx)!,
            drugsPerRx: r2(r.drugs_per_rx)!,
            restrictedShare: Math.round(Number(r.restricted_share) * 10000) / 10000,
            peers: Number(r.peers),
            peerCostPerRx: r2(r.m_cost),
            peerDrugsPerRx: r2(r.m_drugs),
            peerRestrictedShare: num(r.m_restricted),
            zCost: r2(r.z_cost),
            zDrugs: r2(r.z_drugs),
            zRestricted: r2(r.z_restricted),
            z,
            level: practitionerLevel(z === null ? null : zMax, levels),
          };
        }),
        total: Number(count[0]?.n ?? 0),
        page: q.page,
        pageSize: q.pageSize,
      };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/warnings/:id/clue',
    tag: 'monitoring',
    summary: 'Turns a warning into a clue (线索) for investigation',
    roles: ['admin', 'analyst'],
    params: z.object({ id: z.string().regex(/^[0-9a-f]{32}$/) }),
    body: warningClueBody,
    success: { status: 201, description: 'Clue' },
    handler: async ({ params, body, scope, user }): Promise<Clue> => {
      const [w] = await wb.reads.query<Record<string, unknown>>(
        `SELECT w.*, i.admdvs, i.fixmedins_name,
          (SELECT f.value FROM fg_indicator f WHERE f.unit_type = 'institution' AND f.unit_id = w.fixmedins_code AND f.month = w.month AND f.indicator = 'amount_at_risk') AS at_risk
        FROM fg_warning w LEFT JOIN fixmedins i ON i.fixmedins_code = w.fixmedins_code WHERE w.warning_id = $1`,
        [params.id],
      );
      if (!w || !inScope(scope, String(w.fixmedins_code), (w.admdvs as string | null) ?? null))
        throw notFound('no such warning in your scope');
      const indicator = String(w.indicator) as IndicatorKey;
      const m = messages({
        indicator,
        basis: String(w.basis),
        value: Number(w.value),
        reference: num(w.reference),
        change: num(w.change),
        z: num(w.z),
        level: String(w.level) as WarningLevel,
      });
      const clue = await createWarningClue(wb.caseContext(user, scope), {
        id: params.id,
        fixmedinsCode: String(w.fixmedins_code),
        summary: `${w.fixmedins_name ?? w.fixmedins_code} ${w.month}：${m.zh}`,
        note: body.note ?? null,
        amount: Math.round(Number(w.at_risk ?? 0) * 100) / 100,
      });
      await audit(wb.store, user.username, 'clue_from_warning', clue.id, params.id);
      return clue;
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/warning-config',
    tag: 'monitoring',
    summary: 'The warning thresholds in force',
    roles: 'any',
    success: { status: 200, description: 'WarningConfig' },
    handler: async () => loadWarningConfig(wb.store),
  });
  route(app, {
    method: 'PUT',
    url: '/api/warning-config',
    tag: 'monitoring',
    summary: 'Changes the warning thresholds and recomputes the warnings',
    roles: ['admin'],
    body: warningConfigBody,
    success: { status: 200, description: 'WarningConfig' },
    handler: async ({ body, user }) => {
      await saveWarningConfig(wb.store, body, user.username);
      // The workspace's writer connection belongs to the job queue: recompute there, after any running job.
      await wb.jobs.exclusive(() => buildJudgements(wb.workspace, body));
      await audit(wb.store, user.username, 'warning_config', null, JSON.stringify(body));
      return body;
    },
  });
}
