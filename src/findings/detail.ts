/**
 * One finding with its evidence: the visit, its diagnoses, settlements and every fee line (the offending ones
 * marked), the person (masked for roles without need), the person's other visits around it (inside the
 * caller's scope), a pharmacy finding's sale lines or stock figures, and the decisions so far.
 */
import { audit } from '../audit/audit.js';
import { maskCertno, scopeCondition, seesPersonalData } from '../auth/scope.js';
import type { Scope } from '../contract/api/accounts.js';
import type { FeeLine, FindingDetail, FindingRow, PersonInfo, VisitDetail } from '../contract/api/findings.js';
import type { Queryable } from '../db/engine.js';
import { scopeKey, type RequestContext } from '../kernel/context.js';
import { money, numberOrNull } from '../kernel/numbers.js';
import { Params } from '../kernel/sql.js';
import { BUILT_IN_RULES } from '../screening/catalog.js';
import type { ConfiguredRule } from '../screening/config.js';
import { renderDefinition } from '../screening/rule.js';
import { currentRules } from '../screening/settings.js';
import { allowedActions, decisionsOf } from './decisions.js';
import { getFinding } from './list.js';
import { FINDING_ROWS } from './rows.js';

const RULES = new Map(BUILT_IN_RULES.map((r) => [r.code, r]));

/** Whole years from a birth date to a day (both YYYY-MM-DD), counted as the age rule counts them. */
function wholeYears(birth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birth.slice(0, 4));
  return day.slice(5) < birth.slice(5) ? years - 1 : years;
}

/** The fee lines a finding is about, as a condition on `f` (null: none in particular). */
function offendingCondition(f: FindingRow, p: Params): string | null {
  const rule = RULES.get(f.ruleCode);
  const key = rule?.key ?? [];
  if (key.includes('feedetl_sn') && f.feedetlSn) return `f.feedetl_sn = ${p.add(f.feedetlSn)}`;
  if (key.includes('setl_id') && f.setlId) return `f.setl_id = ${p.add(f.setlId)}`;
  if (key.includes('med_list_codg') && f.medListCodg) {
    const day = key.includes('day') && f.day ? ` AND CAST(f.fee_ocur_time AS DATE) = CAST(${p.add(f.day)} AS DATE)` : '';
    return `f.med_list_codg = ${p.add(f.medListCodg)}${day}`;
  }
  return null;
}

/** The visit a finding points at: its own, or for a person-item-day finding the person's visit with that item that day. */
async function visitIdOf(db: Queryable, f: FindingRow): Promise<string | null> {
  if (f.mdtrtId) return f.mdtrtId;
  if (f.setlId) {
    const [r] = await db.query<{ mdtrt_id: string }>(`SELECT mdtrt_id FROM setl WHERE setl_id = $1 LIMIT 1`, [f.setlId]);
    return r?.mdtrt_id ?? null;
  }
  if (f.psnNo && f.medListCodg && f.day) {
    const [r] = await db.query<{ mdtrt_id: string }>(
      `SELECT mdtrt_id FROM feedetl WHERE psn_no = $1 AND med_list_codg = $2 AND CAST(fee_ocur_time AS DATE) = CAST($3 AS DATE) ORDER BY fee_ocur_time LIMIT 1`,
      [f.psnNo, f.medListCodg, f.day],
    );
    return r?.mdtrt_id ?? null;
  }
  return null;
}

async function visitDetail(db: Queryable, f: FindingRow, mdtrtId: string, scope: Scope): Promise<VisitDetail | null> {
  const p = new Params();
  const visitParam = p.add(mdtrtId);
  const lp = new Params();
  const lv = lp.add(mdtrtId);
  const offending = offendingCondition(f, lp);
  // All at once (a visit outside the caller's scope is then dropped): a finding's evidence is read in few round trips.
  const [[v], diag, settlements, lines] = await Promise.all([
    db.query<Record<string, unknown>>(
      `
    SELECT v.mdtrt_id, v.med_type, CAST(v.begntime AS VARCHAR) AS begntime, CAST(v.endtime AS VARCHAR) AS endtime, v.fixmedins_code, i.fixmedins_name,
      v.dise_codg
    FROM mdtrt v LEFT JOIN fixmedins i ON i.fixmedins_code = v.fixmedins_code
    WHERE v.mdtrt_id = ${visitParam} AND ${scopeCondition(scope, p, 'v.fixmedins_code', 'i.admdvs')}`,
      p.values,
    ),
    db.query<{ diag_code: string; maindiag_flag: string }>(
      `SELECT diag_code, maindiag_flag FROM diag WHERE mdtrt_id = $1 ORDER BY maindiag_flag DESC, diag_code`,
      [mdtrtId],
    ),
    db.query<Record<string, unknown>>(
      `SELECT setl_id, med_type, CAST(setl_time AS VARCHAR) AS setl_time, medfee_sumamt, hifp_pay, acct_pay, psn_cash_pay
      FROM setl WHERE mdtrt_id = $1 ORDER BY setl_time`,
      [mdtrtId],
    ),
    db.query<Record<string, unknown>>(
      `SELECT f.feedetl_sn, CAST(f.fee_ocur_time AS VARCHAR) AS t, f.med_list_codg, h.name, f.med_chrgitm_type, f.cnt, f.pric,
        f.det_item_fee_sumamt, f.fulamt_ownpay_amt, f.prd_days, f.rxno, f.bilg_dr_codg, f.bilg_dept_codg, f.setl_id,
        ${offending ?? 'FALSE'} AS offending
      FROM feedetl f LEFT JOIN hilist h ON h.med_list_codg = f.med_list_codg
      WHERE f.mdtrt_id = ${lv} ORDER BY f.fee_ocur_time, f.feedetl_sn`,
      lp.values,
    ),
  ]);
  if (!v) return null;
  const dise = (v.dise_codg as string | null) ?? null;
  const diagnoses = diag.map((d) => ({ code: d.diag_code, main: d.maindiag_flag === '1' }));
  if (dise && !diagnoses.some((d) => d.code === dise)) diagnoses.unshift({ code: dise, main: true });
  return {
    mdtrtId,
    medType: String(v.med_type),
    begntime: String(v.begntime),
    endtime: v.endtime === null ? null : String(v.endtime),
    fixmedinsCode: String(v.fixmedins_code),
    institutionName: (v.fixmedins_name as string | null) ?? null,
    diagnoses,
    settlements: settlements.map((s) => ({
      setlId: String(s.setl_id),
      medType: String(s.med_type),
      setlTime: String(s.setl_time),
      total: money(s.medfee_sumamt),
      fundPaid: money(s.hifp_pay),
      account: money(s.acct_pay),
      cash: money(s.psn_cash_pay),
    })),
    lines: lines.map((l): FeeLine => ({
      feedetlSn: String(l.feedetl_sn),
      time: String(l.t),
      medListCodg: String(l.med_list_codg),
      itemName: (l.name as string | null) ?? null,
      chargeType: (l.med_chrgitm_type as string | null) ?? null,
      cnt: Number(l.cnt),
      pric: Number(l.pric),
      amount: money(l.det_item_fee_sumamt),
      ownpay: money(l.fulamt_ownpay_amt),
      prdDays: numberOrNull(l.prd_days),
      rxno: (l.rxno as string | null) ?? null,
      doctor: (l.bilg_dr_codg as string | null) ?? null,
      dept: (l.bilg_dept_codg as string | null) ?? null,
      setlId: (l.setl_id as string | null) ?? null,
      offending: l.offending === true,
    })),
  };
}

async function personInfo(db: Queryable, psnNo: string, day: string | null, scope: Scope): Promise<PersonInfo | null> {
  const [r] = await db.query<Record<string, unknown>>(
    `SELECT psn_no, gend, CAST(brdy AS VARCHAR) AS brdy, certno, insutype, addr_admdvs, CAST(death_date AS VARCHAR) AS death_date
    FROM psn WHERE psn_no = $1`,
    [psnNo],
  );
  if (!r) return null;
  const full = seesPersonalData(scope.role);
  const brdy = (r.brdy as string | null) ?? null;
  return {
    psnNo,
    gend: (r.gend as string | null) ?? null,
    age: brdy && day ? wholeYears(brdy, day) : null,
    brdy: full || !brdy ? brdy : brdy.slice(0, 7),
    certno: full ? ((r.certno as string | null) ?? null) : maskCertno((r.certno as string | null) ?? null),
    insutype: (r.insutype as string | null) ?? null,
    addrAdmdvs: full ? ((r.addr_admdvs as string | null) ?? null) : ((r.addr_admdvs as string | null)?.slice(0, 6) ?? null),
    deathDate: (r.death_date as string | null) ?? null,
    masked: !full,
  };
}

async function otherVisits(
  db: Queryable,
  psnNo: string,
  around: string,
  exclude: string | null,
  scope: Scope,
): Promise<FindingDetail['otherVisits']> {
  const p = new Params();
  const rows = await db.query<Record<string, unknown>>(
    `
    WITH visits AS MATERIALIZED (SELECT * FROM mdtrt WHERE psn_no = ${p.add(psnNo)})
    SELECT v.mdtrt_id, v.med_type, CAST(v.begntime AS VARCHAR) AS begntime, CAST(v.endtime AS VARCHAR) AS endtime, v.fixmedins_code, i.fixmedins_name,
      v.medfee_sumamt, v.hifp_pay
    FROM visits v LEFT JOIN fixmedins i ON i.fixmedins_code = v.fixmedins_code
    WHERE v.begin_day BETWEEN CAST(${p.add(around)} AS DATE) - 30 AND CAST(${p.add(around)} AS DATE) + 30
      AND v.mdtrt_id <> ${p.add(exclude ?? '')} AND ${scopeCondition(scope, p, 'v.fixmedins_code', 'i.admdvs')}
    ORDER BY v.begntime LIMIT 100`,
    p.values,
  );
  // Counted for these visits only: a correlated count would aggregate every finding of the workspace.
  const counts = new Map<string, number>();
  if (rows.length) {
    const cp = new Params();
    const found = await db.query<{ mdtrt_id: string; n: number }>(
      `SELECT mdtrt_id, COUNT(*) AS n FROM ${FINDING_ROWS} WHERE mdtrt_id IN ${cp.list(rows.map((v) => String(v.mdtrt_id)))} GROUP BY mdtrt_id`,
      cp.values,
    );
    for (const f of found) counts.set(f.mdtrt_id, Number(f.n));
  }
  return rows.map((v) => ({
    mdtrtId: String(v.mdtrt_id),
    medType: String(v.med_type),
    begntime: String(v.begntime),
    endtime: v.endtime === null ? null : String(v.endtime),
    fixmedinsCode: String(v.fixmedins_code),
    institutionName: (v.fixmedins_name as string | null) ?? null,
    total: money(v.medfee_sumamt),
    fundPaid: money(v.hifp_pay),
    findings: counts.get(String(v.mdtrt_id)) ?? 0,
  }));
}

async function pharmacyEvidence(db: Queryable, f: FindingRow): Promise<Pick<FindingDetail, 'sales' | 'stock'>> {
  if (f.ruleCode === 'RX_WITHOUT_PRESCRIPTION' && f.fixmedinsCode && f.rtalDocno) {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT s.rtal_docno, s.med_list_codg, h.name, CAST(s.sel_time AS VARCHAR) AS t, s.sel_cnt, s.finl_trns_pric,
        s.hi_feesetl_flag, COALESCE(s.rx_flag, h.rx_flag) AS rx, s.rxno
      FROM inv_sale s LEFT JOIN hilist h ON h.med_list_codg = s.med_list_codg WHERE s.fixmedins_code = $1 AND s.rtal_docno = $2 ORDER BY s.sel_time`,
      [f.fixmedinsCode, f.rtalDocno],
    );
    return {
      stock: null,
      sales: rows.map((s) => ({
        rtalDocno: String(s.rtal_docno),
        medListCodg: String(s.med_list_codg),
        itemName: (s.name as string | null) ?? null,
        selTime: String(s.t),
        selCnt: Number(s.sel_cnt),
        price: money(s.finl_trns_pric),
        insured: s.hi_feesetl_flag === '1',
        rxFlag: s.rx === '1',
        rxno: (s.rxno as string | null) ?? null,
      })),
    };
  }
  if (f.ruleCode === 'STOCK_MISMATCH' && f.fixmedinsCode && f.medListCodg) {
    const [r] = await db.query<Record<string, unknown>>(
      `
      WITH first_day AS (SELECT MIN(invdate) AS d FROM inv_stock WHERE fixmedins_code = $1 AND med_list_codg = $2)
      SELECT (SELECT COALESCE(SUM(inv_cnt), 0) FROM inv_stock, first_day WHERE fixmedins_code = $1 AND med_list_codg = $2 AND invdate = first_day.d) AS opening,
        (SELECT COALESCE(SUM(purc_cnt), 0) FROM inv_purc, first_day WHERE fixmedins_code = $1 AND med_list_codg = $2 AND (first_day.d IS NULL OR CAST(purc_time AS DATE) >= first_day.d)) AS purchases,
        (SELECT COALESCE(SUM(sel_cnt), 0) FROM inv_sale, first_day WHERE fixmedins_code = $1 AND med_list_codg = $2 AND (first_day.d IS NULL OR CAST(sel_time AS DATE) >= first_day.d)) AS sales,
        (SELECT COALESCE(SUM(sel_cnt), 0) FROM inv_sale WHERE fixmedins_code = $1 AND med_list_codg = $2 AND hi_feesetl_flag = '1') AS insured,
        (SELECT COALESCE(SUM(cnt), 0) FROM feedetl WHERE fixmedins_code = $1 AND med_list_codg = $2) AS billed`,
      [f.fixmedinsCode, f.medListCodg],
    );
    return {
      sales: [],
      stock: r
        ? {
            openingStock: Number(r.opening),
            purchases: Number(r.purchases),
            sales: Number(r.sales),
            insuredSales: Number(r.insured),
            billed: Number(r.billed),
          }
        : null,
    };
  }
  return { sales: [], stock: null };
}

/** A finding inside the caller's scope with its evidence; reading a person's data is audited. */
export async function findingDetail(ctx: RequestContext, id: string): Promise<FindingDetail> {
  // The evidence changes only with the workspace; the rule's configured wording is read anew.
  // Read side by side; the decisions of an id outside the caller's scope are read but never shown (getFinding refuses).
  // Decisions are written only through decideFinding, which tells the cache (their status is mirrored in the workspace).
  const [{ finding, ...found }, rules, history] = await Promise.all([
    ctx.cached(
      `finding|${scopeKey(ctx.scope)}|${id}`,
      async () => {
        const f = await getFinding(ctx, id);
        return { finding: f, ...(await evidence(ctx, f)) };
      },
      (e) => 1 + Math.floor((e.visit?.lines.length ?? 0) / 50),
    ),
    currentRules(ctx.store),
    ctx.cached(`decisions|${id}`, () => decisionsOf(ctx.store, id)),
  ]);
  const detail: FindingDetail = {
    finding,
    rule: ruleOf(finding, rules),
    ...found,
    history,
    allowed: allowedActions(ctx.scope.role, finding.status),
  };
  if (detail.person || detail.visit)
    await audit(ctx.store, ctx.user.username, 'read_person', finding.psnNo ?? detail.visit?.mdtrtId ?? null, `finding ${finding.id}`);
  return detail;
}

/** The rule of a finding, in the words of the configured parameters (the ones that screening applies). */
function ruleOf(finding: FindingRow, rules: ConfiguredRule[]): FindingDetail['rule'] {
  const def = RULES.get(finding.ruleCode);
  const configured = rules.find((r) => r.rule.code === finding.ruleCode);
  return {
    code: finding.ruleCode,
    name: def?.name ?? finding.ruleCode,
    nameEn: def?.nameEn ?? finding.ruleCode,
    level: def?.level ?? finding.level,
    definition: def ? renderDefinition(def, configured?.params) : '',
    key: def?.key ?? [],
    params: Object.entries(def?.params ?? {}).map(([name, spec]) => ({
      name,
      value: configured?.params[name] ?? spec.default,
      default: spec.default,
      description: spec.description,
    })),
  };
}

type Evidence = Pick<FindingDetail, 'visit' | 'person' | 'otherVisits' | 'sales' | 'stock'>;

async function evidence(ctx: RequestContext, finding: FindingRow): Promise<Evidence> {
  const { workspace: db, scope } = ctx;
  const mdtrtId = await visitIdOf(db, finding);
  const psnNo = finding.psnNo;
  // The person (their age on the day) and their visits around the day are read with the visit itself, unless only
  // the visit gives the day.
  const aroundDay = (around: string | null) =>
    Promise.all([
      psnNo ? personInfo(db, psnNo, around, scope) : null,
      psnNo && around ? otherVisits(db, psnNo, around, mdtrtId, scope) : ([] as Evidence['otherVisits']),
    ]);
  const [visit, early, pharmacy] = await Promise.all([
    mdtrtId ? visitDetail(db, finding, mdtrtId, scope) : Promise.resolve(null),
    finding.day ? aroundDay(finding.day) : Promise.resolve(null),
    pharmacyEvidence(db, finding),
  ]);
  const [person, others] = early ?? (await aroundDay(visit?.begntime.slice(0, 10) ?? null));
  return { visit, person, otherVisits: others, ...pharmacy };
}
