/** Designated institutions (定点医药机构): the list with their figures, and one institution's profile. */
import { scopeCondition } from '../auth/scope.js';
import type { Page } from '../contract/api/common.js';
import type { InstitutionProfile, InstitutionRow, InstitutionsQuery } from '../contract/api/institutions.js';
import type { InstitutionSort } from '../contract/vocabulary.js';
import { regionName } from '../exchange/regions.js';
import { FINDING_ROWS, INST_MONTH } from '../findings/rows.js';
import type { RequestContext } from '../kernel/context.js';
import { notFound } from '../kernel/errors.js';
import { money } from '../kernel/numbers.js';
import { Params, selectPage, toPage } from '../kernel/sql.js';
import { BUILT_IN_RULES } from '../screening/catalog.js';
import { isoTime } from '../store/db.js';

const RULES = new Map(BUILT_IN_RULES.map((r) => [r.code, r]));

const SORTS: Record<InstitutionSort, string> = {
  '-amount': 'amount DESC',
  '-findings': 'findings DESC',
  '-fundPaid': 'fund_paid DESC',
  name: 'i.fixmedins_name',
};

const COLUMNS = `i.fixmedins_code, i.fixmedins_name, i.fixmedins_type, i.hosp_lv, i.inst_kind, i.admdvs, i.grid_id, i.agreement_status,
    CAST(i.status_from AS VARCHAR) AS status_from, CAST(i.status_to AS VARCHAR) AS status_to,
    COALESCE(m.fund_paid, 0) AS fund_paid, COALESCE(m.settlements, 0) AS settlements, COALESCE(f.findings, 0) AS findings, COALESCE(f.amount, 0) AS amount`;
const FROM = `fixmedins i
  LEFT JOIN (SELECT fixmedins_code, SUM(fund_paid) AS fund_paid, SUM(settlements) AS settlements FROM ${INST_MONTH} GROUP BY fixmedins_code) m ON m.fixmedins_code = i.fixmedins_code
  LEFT JOIN (SELECT fixmedins_code, COUNT(*) AS findings, SUM(amount) AS amount FROM ${FINDING_ROWS} GROUP BY fixmedins_code) f ON f.fixmedins_code = i.fixmedins_code`;

function toRow(r: Record<string, unknown>): InstitutionRow {
  return {
    fixmedinsCode: String(r.fixmedins_code),
    name: String(r.fixmedins_name),
    type: String(r.fixmedins_type),
    level: r.hosp_lv === null ? null : Number(r.hosp_lv),
    kind: (r.inst_kind as string | null) ?? null,
    admdvs: String(r.admdvs),
    regionName: regionName(r.admdvs as string),
    gridId: (r.grid_id as string | null) ?? null,
    agreementStatus: (r.agreement_status as string | null) ?? null,
    fundPaid: money(r.fund_paid),
    settlements: Number(r.settlements),
    findings: Number(r.findings),
    amount: money(r.amount),
  };
}

export async function listInstitutions(ctx: RequestContext, q: InstitutionsQuery): Promise<Page<InstitutionRow>> {
  const p = new Params();
  const where = [scopeCondition(ctx.scope, p, 'i.fixmedins_code', 'i.admdvs')];
  if (q.q) {
    const v = p.add(q.q);
    where.push(`(i.fixmedins_code = ${v} OR contains(i.fixmedins_name, ${v}))`);
  }
  if (q.admdvs) where.push(`starts_with(i.admdvs, ${p.add(q.admdvs)})`);
  if (q.kind) where.push(`i.inst_kind = ${p.add(q.kind)}`);
  const orderBy = `${SORTS[q.sort]}, i.fixmedins_code`;
  const { rows, total } = await selectPage(ctx.workspace, q, { select: COLUMNS, from: FROM, orderBy }, where, p);
  return toPage(rows.map(toRow), total, q);
}

/** An institution's profile inside the caller's scope ("not found" outside it). */
export async function institutionProfile(ctx: RequestContext, code: string): Promise<InstitutionProfile> {
  const { workspace: db, store } = ctx;
  const p = new Params();
  const where = [`i.fixmedins_code = ${p.add(code)}`, scopeCondition(ctx.scope, p, 'i.fixmedins_code', 'i.admdvs')].join(' AND ');
  const [row] = await db.query<Record<string, unknown>>(`SELECT ${COLUMNS} FROM ${FROM} WHERE ${where}`, p.values);
  if (!row) throw notFound('no such institution in your scope');
  const [monthlyS, monthlyF, byCode, staff, decisions] = await Promise.all([
    db.query<Record<string, unknown>>(
      `SELECT month, settlements, admissions, total, fund_paid FROM ${INST_MONTH} WHERE fixmedins_code = $1 ORDER BY month`,
      [code],
    ),
    db.query<Record<string, unknown>>(
      `SELECT strftime(day, '%Y-%m') AS month, COUNT(*) AS n, SUM(amount) AS amount FROM ${FINDING_ROWS} WHERE fixmedins_code = $1 AND day IS NOT NULL GROUP BY month`,
      [code],
    ),
    db.query<Record<string, unknown>>(
      `SELECT rule_code, COUNT(*) AS n, SUM(amount) AS amount FROM ${FINDING_ROWS} WHERE fixmedins_code = $1 GROUP BY rule_code ORDER BY amount DESC`,
      [code],
    ),
    db.query<{ n: number }>(`SELECT COUNT(DISTINCT prac_code) AS n FROM practitioner WHERE fixmedins_code = $1`, [code]),
    store.query<Record<string, unknown>>(
      `SELECT finding_id, rule_code, action, actor, actor_role, reason, CAST(decided_at AS VARCHAR) AS at FROM fg_finding_decision WHERE fixmedins_code = $1 ORDER BY seq DESC LIMIT 200`,
      [code],
    ),
  ]);
  const findingsByMonth = new Map(monthlyF.map((m) => [String(m.month), m]));
  const months = new Set([...monthlyS.map((m) => String(m.month)), ...findingsByMonth.keys()]);
  const settled = new Map(monthlyS.map((m) => [String(m.month), m]));
  const history: InstitutionProfile['history'] = decisions.map((d) => ({
    at: isoTime(String(d.at)),
    kind: 'decision',
    findingId: String(d.finding_id),
    text: `${d.actor} (${d.actor_role}) ${d.action} ${RULES.get(String(d.rule_code))?.name ?? d.rule_code}${d.reason ? `: ${d.reason}` : ''}`,
  }));
  const inst = toRow(row);
  if (inst.agreementStatus && inst.agreementStatus !== 'normal' && row.status_from) {
    history.push({
      at: `${String(row.status_from)}T00:00:00Z`,
      kind: 'agreement',
      findingId: null,
      text: `agreement ${inst.agreementStatus}${row.status_to ? ` until ${String(row.status_to)}` : ''}`,
    });
  }
  history.sort((a, b) => b.at.localeCompare(a.at));
  return {
    institution: {
      ...inst,
      statusFrom: (row.status_from as string | null) ?? null,
      statusTo: (row.status_to as string | null) ?? null,
      practitioners: Number(staff[0]?.n ?? 0),
    },
    monthly: [...months].sort().map((month) => {
      const s = settled.get(month);
      const f = findingsByMonth.get(month);
      return {
        month,
        settlements: Number(s?.settlements ?? 0),
        admissions: Number(s?.admissions ?? 0),
        total: money(s?.total),
        fundPaid: money(s?.fund_paid),
        findings: Number(f?.n ?? 0),
        amount: money(f?.amount),
      };
    }),
    byCode: byCode.map((c) => ({
      code: String(c.rule_code),
      name: RULES.get(String(c.rule_code))?.name ?? String(c.rule_code),
      nameEn: RULES.get(String(c.rule_code))?.nameEn ?? String(c.rule_code),
      findings: Number(c.n),
      amount: money(c.amount),
    })),
    history,
  };
}
