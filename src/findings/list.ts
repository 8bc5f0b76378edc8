/** The findings list: server-side filters, sort and pages, inside the caller's scope. */
import { scopeCondition } from '../auth/scope.js';
import type { Scope } from '../contract/api/accounts.js';
import { regionName } from '../exchange/regions.js';
import { BUILT_IN_RULES } from '../screening/catalog.js';
import type { Finding } from '../screening/findings.js';
import type { Page } from '../contract/api/common.js';
import type { FindingRow, FindingsQuery } from '../contract/api/findings.js';
import type { FindingStatus } from '../contract/vocabulary.js';
import { FINDING_ROWS, FINDING_STATUS } from './rows.js';
import { scopeKey, type RequestContext } from '../kernel/context.js';
import { notFound } from '../kernel/errors.js';
import { money } from '../kernel/numbers.js';
import { Params, toPage } from '../kernel/sql.js';
import type { Queryable } from '../db/engine.js';

const RULES = new Map(BUILT_IN_RULES.map((r) => [r.code, r]));

const SORT_SQL: Record<FindingsQuery['sort'], string> = {
  '-amount': 'r.amount DESC',
  amount: 'r.amount ASC',
  '-day': 'r.day DESC NULLS LAST',
  day: 'r.day ASC NULLS LAST',
  code: 'r.rule_code ASC',
  institution: 'r.fixmedins_code ASC NULLS LAST',
};

/** A row of fg_finding_row with the finding's status: the screening's columns, its id, and its institution's. */
export type FindingRecord = Omit<Finding, 'amount'> & {
  finding_id: string;
  amount: string | number;
  institution_name: string | null;
  admdvs: string | null;
  grid_id: string | null;
  status: string | null;
  assignee: string | null;
};

export const ROW_COLUMNS = `r.finding_id, r.rule_code, r.level, r.fixmedins_code, r.psn_no, r.mdtrt_id, r.setl_id, r.feedetl_sn, r.med_list_codg,
  CAST(r.day AS VARCHAR) AS day, r.rtal_docno, CAST(r.amount AS DOUBLE) AS amount, r.detail, r.institution_name, r.admdvs, r.grid_id,
  COALESCE(s.status, 'open') AS status, s.assignee`;
export const ROW_FROM = `${FINDING_ROWS} r LEFT JOIN ${FINDING_STATUS} s ON s.finding_id = r.finding_id`;

export function toFindingRow(r: FindingRecord): FindingRow {
  const rule = RULES.get(r.rule_code);
  return {
    id: r.finding_id,
    ruleCode: r.rule_code,
    ruleName: rule?.name ?? r.rule_code,
    ruleNameEn: rule?.nameEn ?? r.rule_code,
    level: r.level as FindingRow['level'],
    fixmedinsCode: r.fixmedins_code,
    institutionName: r.institution_name,
    admdvs: r.admdvs,
    regionName: regionName(r.admdvs),
    gridId: r.grid_id,
    psnNo: r.psn_no,
    mdtrtId: r.mdtrt_id,
    setlId: r.setl_id,
    feedetlSn: r.feedetl_sn,
    medListCodg: r.med_list_codg,
    day: r.day,
    rtalDocno: r.rtal_docno,
    amount: money(r.amount),
    detail: r.detail,
    status: (r.status ?? 'open') as FindingStatus,
    assignee: r.assignee,
  };
}

/** The WHERE conditions of a findings query (scope first). */
export function findingConditions(q: Omit<FindingsQuery, 'page' | 'pageSize' | 'sort'>, scope: Scope, p: Params): string[] {
  const c = [scopeCondition(scope, p, 'r.fixmedins_code', 'r.admdvs')];
  if (q.code?.length) c.push(`r.rule_code IN ${p.list(q.code)}`);
  if (q.level) c.push(`r.level = ${p.add(q.level)}`);
  if (q.status?.length) c.push(`COALESCE(s.status, 'open') IN ${p.list(q.status)}`);
  if (q.institution) c.push(`r.fixmedins_code = ${p.add(q.institution)}`);
  if (q.admdvs) c.push(`starts_with(r.admdvs, ${p.add(q.admdvs)})`);
  if (q.grid) c.push(`r.grid_id = ${p.add(q.grid)}`);
  if (q.from) c.push(`r.day >= CAST(${p.add(q.from)} AS DATE)`);
  if (q.to) c.push(`r.day <= CAST(${p.add(q.to)} AS DATE)`);
  if (q.minAmount !== undefined) c.push(`r.amount >= ${p.add(q.minAmount)}`);
  if (q.assignee) c.push(`s.assignee = ${p.add(q.assignee)}`);
  if (q.q) {
    const v = p.add(q.q);
    // Chinese text searches institution names (in the institution table: hundreds of rows, not a million
    // findings); anything else is a number of a person, visit, settlement, line, item, document or institution.
    if (/[\u3400-\u9fff]/.test(q.q))
      c.push(`r.fixmedins_code IN (SELECT i.fixmedins_code FROM fixmedins i WHERE contains(i.fixmedins_name, ${v}))`);
    else
      c.push(
        `(r.psn_no = ${v} OR r.mdtrt_id = ${v} OR r.setl_id = ${v} OR r.feedetl_sn = ${v} OR r.med_list_codg = ${v} OR r.rtal_docno = ${v} OR r.fixmedins_code = ${v})`,
      );
  }
  return c;
}

/** A page of the findings inside the caller's scope; pages already read are kept until the workspace changes. */
export function listFindings(ctx: RequestContext, q: FindingsQuery): Promise<Page<FindingRow>> {
  return ctx.cached(`findings|${scopeKey(ctx.scope)}|${JSON.stringify(q)}`, () => readFindings(ctx, q));
}

/** The first pages' ids are read together: people page through the first few pages of the same list. */
const FIRST_IDS = 500;

async function readFindings(ctx: RequestContext, q: FindingsQuery): Promise<Page<FindingRow>> {
  const db = ctx.workspace;
  const p = new Params();
  const where = findingConditions(q, ctx.scope, p).join(' AND ');
  // The status mirror is joined only when a filter asks for it: the join costs a counting query three times its scan.
  const from = q.status?.length || q.assignee ? ROW_FROM : `${FINDING_ROWS} r`;
  const offset = (q.page - 1) * q.pageSize;
  const list = `${scopeKey(ctx.scope)}|${JSON.stringify({ ...q, page: 0, pageSize: 0, sort: '' })}`;
  // The count is the same for every page and order of one filter.
  const count = ctx.cached(`findings-count|${list}`, async () =>
    Number((await db.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${from} WHERE ${where}`, p.values))[0]?.n ?? 0),
  );
  // Two steps: the page's ids from the narrow filter and sort columns, then their whole rows. Sorting the wide
  // rows (with the evidence sentence) of a million findings costs three to five times as much.
  const idsOf = (limit: number, skip: number) =>
    db
      .query<{ finding_id: string }>(
        `SELECT r.finding_id FROM ${from} WHERE ${where} ORDER BY ${SORT_SQL[q.sort]}, r.finding_id LIMIT ${limit} OFFSET ${skip}`,
        p.values,
      )
      .then((rows) => rows.map((r) => r.finding_id));
  const ids =
    offset + q.pageSize <= FIRST_IDS
      ? (await ctx.cached(`findings-ids|${list}|${q.sort}`, () => idsOf(FIRST_IDS, 0))).slice(offset, offset + q.pageSize)
      : await idsOf(q.pageSize, offset);
  const rp = new Params();
  const rows = ids.length
    ? await db.query<FindingRecord & Record<string, unknown>>(
        `SELECT ${ROW_COLUMNS} FROM (SELECT * FROM ${FINDING_ROWS} WHERE finding_id IN ${rp.list(ids)}) r
        LEFT JOIN ${FINDING_STATUS} s ON s.finding_id = r.finding_id`,
        rp.values,
      )
    : [];
  const position = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => position.get(String(a.finding_id))! - position.get(String(b.finding_id))!);
  return toPage(rows.map(toFindingRow), await count, q);
}

/** One finding by id inside the caller's scope ("not found" outside it). */
export async function getFinding(ctx: Pick<RequestContext, 'workspace' | 'scope'>, id: string): Promise<FindingRow> {
  const p = new Params();
  // The row by its id first, on its own: DuckDB looks an id up in the index only when no other condition is beside it.
  const one = `(SELECT * FROM ${FINDING_ROWS} WHERE finding_id = ${p.add(id)})`;
  const inScope = scopeCondition(ctx.scope, p, 'r.fixmedins_code', 'r.admdvs');
  const [row] = /^[0-9a-f]{32}$/.test(id)
    ? await ctx.workspace.query<FindingRecord & Record<string, unknown>>(
        `WITH one AS MATERIALIZED ${one} SELECT ${ROW_COLUMNS} FROM one r LEFT JOIN ${FINDING_STATUS} s ON s.finding_id = r.finding_id WHERE ${inScope}`,
        p.values,
      )
    : [];
  if (!row) throw notFound('no such finding in your scope');
  return toFindingRow(row);
}

/** Every finding of a query, in pages (for the Excel export). */
export async function* iterateFindings(
  db: Queryable,
  q: Omit<FindingsQuery, 'page' | 'pageSize'>,
  scope: Scope,
  limit: number,
): AsyncGenerator<FindingRow> {
  const p = new Params();
  const where = findingConditions(q, scope, p).join(' AND ');
  const chunk = 20_000;
  for (let offset = 0; offset < limit; offset += chunk) {
    const rows = await db.query<FindingRecord & Record<string, unknown>>(
      `SELECT ${ROW_COLUMNS} FROM ${ROW_FROM} WHERE ${where} ORDER BY ${SORT_SQL[q.sort]}, r.finding_id LIMIT ${Math.min(chunk, limit - offset)} OFFSET ${offset}`,
      p.values,
    );
    for (const r of rows) yield toFindingRow(r);
    if (rows.length < chunk) return;
  }
}
