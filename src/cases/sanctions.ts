/**
 * Sanctions on agreements and their effect on the register the rules read. An approved decision's
 * suspension or termination is recorded here (fg_sanction, the bureau's own record) and written into the
 * workspace's register — `fixmedins.agreement_status/status_from/status_to`, `practitioner.status…`, a
 * `dept_agreement` row — so that SUSPENDED_INSTITUTION, SUSPENDED_PRACTITIONER and SUSPENDED_DEPARTMENT flag
 * what is billed inside the period from the next screening on. What the register said before is kept with the
 * sanction and put back when an appeal revokes it. An import can replace register rows: the active sanctions
 * are written again after every import.
 */
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/engine.js';
import type { DecisionSanction, Sanction, SanctionInput } from '../contract/api/cases.js';
import type { SanctionKind } from '../contract/regulation.js';
import { changeLog } from './log.js';
import type { RequestContext } from '../kernel/context.js';
import { addDays, nextSeq, periodEnd } from '../kernel/time.js';
import { type StoreDb, storeTime } from '../store/db.js';

type ResolvedSanction = DecisionSanction & { from: string };

/**
 * Dates of a decision's sanctions once it takes effect on `effectiveOn`: a sanction starts on the day it names,
 * but never before the day after the decision takes effect; a suspension ends after its months.
 */
export function resolveSanctions(sanctions: Array<SanctionInput | DecisionSanction>, effectiveOn: string): ResolvedSanction[] {
  const earliest = addDays(effectiveOn, 1);
  return sanctions.map((s) => {
    const from = s.from && s.from > earliest ? s.from : earliest;
    return {
      kind: s.kind,
      months: s.months,
      dept: s.dept,
      pracCode: s.pracCode,
      from,
      to: s.kind === 'terminate_institution' ? null : periodEnd(from, s.months!),
    };
  });
}

export async function createSanctions(
  tx: StoreDb,
  ctx: RequestContext,
  at: Date,
  d: { caseId: string; decisionId: string; fixmedinsCode: string; sanctions: ResolvedSanction[] },
): Promise<void> {
  for (const s of d.sanctions) {
    const id = randomUUID();
    await tx.query(
      `INSERT INTO fg_sanction (id, case_id, decision_id, kind, fixmedins_code, dept_codg, prac_code, status_from, status_to, active, effect, created_at, seq)
      VALUES ($1, $2, $3, $4, $5, $6, $7, CAST($8 AS DATE), CAST($9 AS DATE), TRUE, 'pending', CAST($10 AS TIMESTAMP), $11)`,
      [id, d.caseId, d.decisionId, s.kind, d.fixmedinsCode, s.dept ?? null, s.pracCode ?? null, s.from, s.to, storeTime(at), nextSeq()],
    );
    await changeLog(tx, ctx, at).sanction(id, d.caseId, 'impose', {
      decisionId: d.decisionId,
      kind: s.kind,
      fixmedinsCode: d.fixmedinsCode,
      dept: s.dept ?? null,
      pracCode: s.pracCode ?? null,
      from: s.from,
      to: s.to,
    });
  }
}

/** Ends the sanctions of a decision (an appeal revoked or amended it); their effect is undone by applySanctionEffects. */
export async function revokeSanctions(tx: StoreDb, ctx: RequestContext, at: Date, decisionId: string, caseId: string): Promise<void> {
  const rows = await tx.query<{ id: string }>(`SELECT id FROM fg_sanction WHERE decision_id = $1 AND active`, [decisionId]);
  for (const r of rows) {
    await tx.query(`UPDATE fg_sanction SET active = FALSE, revoked_at = CAST($1 AS TIMESTAMP) WHERE id = $2`, [storeTime(at), r.id]);
    await changeLog(tx, ctx, at).sanction(r.id, caseId, 'revoke', { decisionId });
  }
}

type SanctionRecord = {
  id: string;
  case_id: string;
  kind: SanctionKind;
  fixmedins_code: string;
  dept_codg: string | null;
  prac_code: string | null;
  status_from: string;
  status_to: string | null;
  active: boolean;
  effect: 'pending' | 'applied' | 'restored';
  prior: string | null;
};

const SANCTION_SELECT = `SELECT id, case_id, kind, fixmedins_code, dept_codg, prac_code, CAST(status_from AS VARCHAR) AS status_from,
  CAST(status_to AS VARCHAR) AS status_to, active, effect, prior FROM fg_sanction`;

export async function sanctionsOfCase(ctx: Pick<RequestContext, 'store'>, caseId: string): Promise<Sanction[]> {
  const rows = await ctx.store.query<SanctionRecord>(`${SANCTION_SELECT} WHERE case_id = $1 ORDER BY seq`, [caseId]);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fixmedinsCode: r.fixmedins_code,
    dept: r.dept_codg,
    pracCode: r.prac_code,
    from: r.status_from,
    to: r.status_to,
    active: !!r.active,
  }));
}

type RegisterState = { key: string; status: string | null; from: string | null; to: string | null };

const isInstitution = (k: SanctionKind) => k === 'suspend_institution' || k === 'terminate_institution';

/** What the sanction writes into the register. */
function target(s: SanctionRecord): { status: string; from: string; to: string | null } {
  return { status: s.kind === 'terminate_institution' ? 'terminated' : 'suspended', from: s.status_from, to: s.status_to };
}

async function registerState(ws: Queryable, s: SanctionRecord): Promise<RegisterState[]> {
  if (isInstitution(s.kind)) {
    return ws.query<RegisterState>(
      `SELECT fixmedins_code AS key, agreement_status AS status, CAST(status_from AS VARCHAR) AS "from", CAST(status_to AS VARCHAR) AS "to"
      FROM fixmedins WHERE fixmedins_code = $1`,
      [s.fixmedins_code],
    );
  }
  if (s.kind === 'suspend_practitioner') {
    return ws.query<RegisterState>(
      `SELECT fixmedins_code AS key, status, CAST(status_from AS VARCHAR) AS "from", CAST(status_to AS VARCHAR) AS "to"
      FROM practitioner WHERE prac_code = $1`,
      [s.prac_code!],
    );
  }
  return [];
}

async function write(
  ws: Queryable,
  s: SanctionRecord,
  key: string,
  v: { status: string | null; from: string | null; to: string | null },
): Promise<void> {
  if (isInstitution(s.kind)) {
    await ws.query(
      `UPDATE fixmedins SET agreement_status = $1, status_from = CAST($2 AS DATE), status_to = CAST($3 AS DATE) WHERE fixmedins_code = $4`,
      [v.status, v.from, v.to, key],
    );
  } else {
    await ws.query(
      `UPDATE practitioner SET status = $1, status_from = CAST($2 AS DATE), status_to = CAST($3 AS DATE) WHERE prac_code = $4 AND fixmedins_code = $5`,
      [v.status, v.from, v.to, s.prac_code!, key],
    );
  }
}

const same = (a: RegisterState, b: { status: string | null; from: string | null; to: string | null }) =>
  a.status === b.status && a.from === b.from && a.to === b.to;

async function applyOne(ws: Queryable, s: SanctionRecord): Promise<RegisterState[] | null> {
  const t = target(s);
  if (s.kind === 'suspend_department') {
    await ws.query(`DELETE FROM dept_agreement WHERE fixmedins_code = $1 AND dept_codg = $2 AND status_from = CAST($3 AS DATE)`, [
      s.fixmedins_code,
      s.dept_codg!,
      s.status_from,
    ]);
    await ws.query(
      `INSERT INTO dept_agreement (fixmedins_code, dept_codg, agreement_status, status_from, status_to) VALUES ($1, $2, 'suspended', CAST($3 AS DATE), CAST($4 AS DATE))`,
      [s.fixmedins_code, s.dept_codg!, s.status_from, s.status_to],
    );
    // The rule reads the table only when the data set "provided" it: the bureau's own rows count.
    const [n] = await ws.query<{ n: number }>(`SELECT COUNT(*) AS n FROM dept_agreement`);
    await ws.query(`DELETE FROM fg_table WHERE table_name = 'dept_agreement'`);
    await ws.query(
      `INSERT INTO fg_table (table_name, provided, row_count, source, imported_at) VALUES ('dept_agreement', TRUE, $1, 'sanctions', CAST($2 AS TIMESTAMP))`,
      [Number(n?.n ?? 0), storeTime(new Date())],
    );
    return null;
  }
  const before = await registerState(ws, s);
  for (const row of before) if (!same(row, t)) await write(ws, s, row.key, t);
  return before;
}

async function restoreOne(ws: Queryable, s: SanctionRecord): Promise<void> {
  if (s.kind === 'suspend_department') {
    await ws.query(`DELETE FROM dept_agreement WHERE fixmedins_code = $1 AND dept_codg = $2 AND status_from = CAST($3 AS DATE)`, [
      s.fixmedins_code,
      s.dept_codg!,
      s.status_from,
    ]);
    return;
  }
  const prior = s.prior ? (JSON.parse(s.prior) as RegisterState[]) : [];
  const t = target(s);
  const now = await registerState(ws, s);
  for (const row of now) {
    // Only what this sanction wrote is put back: a later sanction or an import may have written since.
    if (!same(row, t)) continue;
    const was = prior.find((p) => p.key === row.key) ?? { key: row.key, status: 'normal', from: null, to: null };
    await write(ws, s, row.key, was);
  }
}

/**
 * Brings the register in line with the sanctions: applies new ones (keeping what the register said), puts
 * back what revoked ones replaced, and — with `reapply` (after an import) — writes active ones again.
 */
export async function applySanctionEffects(
  ctx: Pick<RequestContext, 'store' | 'workspace' | 'writeWorkspace'>,
  reapply = false,
): Promise<number> {
  const rows = await ctx.store.query<SanctionRecord>(
    `${SANCTION_SELECT} WHERE (active AND (effect = 'pending' OR $1)) OR (NOT active AND effect = 'applied') ORDER BY seq`,
    [reapply],
  );
  if (!rows.length) return 0;
  await ctx.writeWorkspace(async () => {
    for (const s of rows) {
      if (s.active) {
        const before = await applyOne(ctx.workspace, s);
        if (s.effect === 'pending')
          await ctx.store.query(`UPDATE fg_sanction SET effect = 'applied', prior = $1 WHERE id = $2`, [
            before ? JSON.stringify(before) : null,
            s.id,
          ]);
      } else {
        await restoreOne(ctx.workspace, s);
        await ctx.store.query(`UPDATE fg_sanction SET effect = 'restored' WHERE id = $1`, [s.id]);
      }
    }
  });
  return rows.length;
}
