/**
 * The bureau's periodic statistics table (统计表) of case handling, by region or supervision grid: cases opened
 * and closed, institutions inspected and handled, funds ordered returned, recovered and refused, fines,
 * suspended and terminated agreements, suspended practitioners, interviews and referrals. Events count in the
 * period of their own date: a case when opened or closed, an inspection on its day, a decision on the day it
 * took effect (only decisions in force: not those superseded or revoked on appeal), a payment on its day.
 */
import { scopeCondition } from '../auth/scope.js';
import { regionName } from '../exchange/regions.js';
import type { CaseStats, CaseStatsQuery, CaseStatsRow } from '../contract/api/cases.js';
import { audit } from '../audit/audit.js';
import type { Workbook, WorkbookColumn } from '../reports/xlsx-writer.js';
import { BUREAU_ROLES } from '../contract/vocabulary.js';
import { type RequestContext, requireRole } from '../kernel/context.js';
import { round2, toNumber } from '../kernel/numbers.js';
import { Params } from '../kernel/sql.js';
import { addMonths } from '../kernel/time.js';

const COUNTS = [
  'casesOpened',
  'casesClosed',
  'institutionsInspected',
  'institutionsHandled',
  'fines',
  'suspendedAgreements',
  'terminatedAgreements',
  'suspendedPractitioners',
  'interviews',
  'referredPolice',
  'referredDiscipline',
] as const;
const AMOUNTS = ['returnOrdered', 'recovered', 'refused', 'fineAmount', 'finesPaid'] as const;

function emptyRow(key: string | null, name: string | null): CaseStatsRow {
  const r = { key, name } as CaseStatsRow;
  for (const k of [...COUNTS, ...AMOUNTS]) r[k] = 0;
  return r;
}

export async function caseStats(ctx: RequestContext, q: CaseStatsQuery): Promise<CaseStats> {
  requireRole(ctx, BUREAU_ROLES, 'read the statistics');
  const p = new Params();
  const scope = scopeCondition(ctx.scope, p, 'k.fixmedins_code', 'k.admdvs');
  const lo = q.from ? p.add(`${q.from}-01`) : null;
  const hi = q.to ? p.add(addMonths(`${q.to}-01`, 1)) : null;
  const within = (col: string) =>
    [lo ? `CAST(${col} AS DATE) >= CAST(${lo} AS DATE)` : 'TRUE', hi ? `CAST(${col} AS DATE) < CAST(${hi} AS DATE)` : 'TRUE'].join(' AND ');
  const key = q.by === 'region' ? 'k.admdvs' : 'k.grid_id';
  const run = <T extends Record<string, unknown>>(sql: string) => ctx.store.query<T & { key: string | null }>(sql, p.values);
  const [opened, closed, inspected, decided, paid, sanctions] = await Promise.all([
    run<{ n: number }>(`SELECT ${key} AS key, COUNT(*) AS n FROM fg_case k WHERE ${scope} AND ${within('k.opened_at')} GROUP BY ${key}`),
    run<{ n: number }>(
      `SELECT ${key} AS key, COUNT(*) AS n FROM fg_case k WHERE ${scope} AND k.closed_at IS NOT NULL AND ${within('k.closed_at')} GROUP BY ${key}`,
    ),
    run<{ n: number }>(`SELECT ${key} AS key, COUNT(DISTINCT k.fixmedins_code) AS n FROM fg_case_note n JOIN fg_case k ON k.id = n.case_id
      WHERE ${scope} AND n.kind = 'inspection' AND ${within('n.on_day')} GROUP BY ${key}`),
    run<{
      institutions: number;
      ret: string;
      refused: string;
      fines: number;
      fine_amount: string;
      interviews: number;
      police: number;
      discipline: number;
    }>(`
      SELECT ${key} AS key, COUNT(DISTINCT k.fixmedins_code) AS institutions, SUM(d.return_amount) AS ret, SUM(d.refuse_amount) AS refused,
        SUM(CASE WHEN d.fine_amount > 0 THEN 1 ELSE 0 END) AS fines, SUM(d.fine_amount) AS fine_amount,
        SUM(CASE WHEN d.interview THEN 1 ELSE 0 END) AS interviews, SUM(CASE WHEN d.refer_police THEN 1 ELSE 0 END) AS police,
        SUM(CASE WHEN d.refer_discipline THEN 1 ELSE 0 END) AS discipline
      FROM fg_case_decision d JOIN fg_case k ON k.id = d.case_id WHERE ${scope} AND d.status = 'approved' AND ${within('d.effective_on')} GROUP BY ${key}`),
    run<{ ret: string; fine: string }>(`SELECT ${key} AS key, SUM(CASE WHEN r.kind = 'return' THEN r.amount ELSE 0 END) AS ret,
      SUM(CASE WHEN r.kind = 'fine' THEN r.amount ELSE 0 END) AS fine FROM fg_recovery r JOIN fg_case k ON k.id = r.case_id
      WHERE ${scope} AND ${within('r.paid_on')} GROUP BY ${key}`),
    run<{ suspended: number; terminated: number; practitioners: number }>(`
      SELECT ${key} AS key, SUM(CASE WHEN s.kind IN ('suspend_institution', 'suspend_department') THEN 1 ELSE 0 END) AS suspended,
        SUM(CASE WHEN s.kind = 'terminate_institution' THEN 1 ELSE 0 END) AS terminated, SUM(CASE WHEN s.kind = 'suspend_practitioner' THEN 1 ELSE 0 END) AS practitioners
      FROM fg_sanction s JOIN fg_case_decision d ON d.id = s.decision_id JOIN fg_case k ON k.id = s.case_id
      WHERE ${scope} AND s.active AND d.status = 'approved' AND ${within('d.effective_on')} GROUP BY ${key}`),
  ]);
  const rows = new Map<string, CaseStatsRow>();
  const row = (k: string | null) => {
    const id = k ?? '';
    let r = rows.get(id);
    if (!r) rows.set(id, (r = emptyRow(k, k === null ? null : q.by === 'region' ? regionName(k) : k)));
    return r;
  };
  for (const x of opened) row(x.key).casesOpened += Number(x.n);
  for (const x of closed) row(x.key).casesClosed += Number(x.n);
  for (const x of inspected) row(x.key).institutionsInspected += Number(x.n);
  for (const x of decided) {
    const r = row(x.key);
    r.institutionsHandled += Number(x.institutions);
    r.returnOrdered += toNumber(x.ret);
    r.refused += toNumber(x.refused);
    r.fines += Number(x.fines);
    r.fineAmount += toNumber(x.fine_amount);
    r.interviews += Number(x.interviews);
    r.referredPolice += Number(x.police);
    r.referredDiscipline += Number(x.discipline);
  }
  for (const x of paid) {
    row(x.key).recovered += toNumber(x.ret);
    row(x.key).finesPaid += toNumber(x.fine);
  }
  for (const x of sanctions) {
    const r = row(x.key);
    r.suspendedAgreements += Number(x.suspended);
    r.terminatedAgreements += Number(x.terminated);
    r.suspendedPractitioners += Number(x.practitioners);
  }
  const list = [...rows.values()].sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
  const total = emptyRow(null, null);
  for (const r of list) {
    for (const k of AMOUNTS) r[k] = round2(r[k]);
    for (const k of [...COUNTS, ...AMOUNTS]) total[k] += r[k];
  }
  for (const k of AMOUNTS) total[k] = round2(total[k]);
  return { from: q.from ?? null, to: q.to ?? null, by: q.by, rows: list, total };
}

/** The table's columns in the export (headers in Chinese and English, as bureaus file them). */
export const CASE_STATS_COLUMNS: WorkbookColumn[] = [
  { header: '地区/网格 Region or grid', key: 'label', width: 22 },
  { header: '立案数 Cases opened', key: 'casesOpened', format: 'int', width: 12 },
  { header: '办结数 Cases closed', key: 'casesClosed', format: 'int', width: 12 },
  { header: '检查机构数 Institutions inspected', key: 'institutionsInspected', format: 'int', width: 14 },
  { header: '处理机构数 Institutions handled', key: 'institutionsHandled', format: 'int', width: 14 },
  { header: '责令退回金额 Ordered returned (元)', key: 'returnOrdered', format: 'money', width: 18 },
  { header: '追回金额 Recovered (元)', key: 'recovered', format: 'money', width: 16 },
  { header: '拒付金额 Refused (元)', key: 'refused', format: 'money', width: 16 },
  { header: '罚款件数 Fines', key: 'fines', format: 'int', width: 10 },
  { header: '罚款金额 Fines (元)', key: 'fineAmount', format: 'money', width: 16 },
  { header: '罚款缴纳 Fines paid (元)', key: 'finesPaid', format: 'money', width: 16 },
  { header: '暂停协议 Suspended agreements', key: 'suspendedAgreements', format: 'int', width: 12 },
  { header: '解除协议 Terminated agreements', key: 'terminatedAgreements', format: 'int', width: 12 },
  { header: '暂停医师资格 Suspended practitioners', key: 'suspendedPractitioners', format: 'int', width: 12 },
  { header: '约谈 Interviews', key: 'interviews', format: 'int', width: 10 },
  { header: '移送公安 Referred to police', key: 'referredPolice', format: 'int', width: 12 },
  { header: '移送纪委监委 Referred to discipline', key: 'referredDiscipline', format: 'int', width: 14 },
];

/** The rows of the export: one per region or grid, then the totals row (合计). */
export function caseStatsRows(s: CaseStats): Array<Record<string, unknown>> {
  return [
    ...s.rows.map((r) => ({ ...r, label: r.name && r.name !== r.key ? `${r.name} (${r.key})` : (r.key ?? '（未知）') })),
    { ...s.total, label: '合计 Total' },
  ];
}

/** The statistics table as the Excel workbook a bureau files, its totals row included; the export is audited. */
export async function exportCaseStats(ctx: RequestContext, q: CaseStatsQuery): Promise<Workbook> {
  const stats = await caseStats(ctx, q);
  await audit(ctx.store, ctx.user.username, 'export_case_stats', null, JSON.stringify(q));
  return {
    fileName: `case-statistics-${q.from ?? 'all'}-${q.to ?? 'all'}.xlsx`,
    sheets: [{ name: '案件统计 Cases', columns: CASE_STATS_COLUMNS, rows: caseStatsRows(stats) }],
  };
}
