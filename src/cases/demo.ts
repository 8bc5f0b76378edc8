/**
 * The demo's ledgers (npm start, first run): a few clues and a case, made through the same use cases a user's
 * clicks go through (so the log records them), so that the clue and case pages show the workflow at once:
 * - the demo hospital's case: three confirmed findings made a clue, a report clue, an on-site inspection, and a
 *   decision submitted for review (the reviewer account has work waiting);
 * - an open report clue about another institution, and an open clue from the month's strongest warning.
 */
import { findUser, userInfo } from '../auth/users.js';
import type { Scope, UserInfo } from '../contract/api/accounts.js';
import type { DuckDbPool } from '../db/duckdb.js';
import type { Queryable } from '../db/engine.js';
import { decideFinding } from '../findings/decisions.js';
import { getFinding } from '../findings/list.js';
import type { RequestContext } from '../kernel/context.js';
import type { StoreDb } from '../store/db.js';
import { addNote, openCase } from './cases.js';
import { clueFromWarning, createClue } from './clues.js';
import { draftDecision, submitDecision } from './decisions.js';

export interface DemoWorkbench {
  store: StoreDb;
  reads: DuckDbPool;
  context(user: UserInfo, scope: Scope): RequestContext;
}

async function demoUser(store: StoreDb, username: string): Promise<{ user: UserInfo; scope: Scope } | null> {
  const u = await findUser(store, username);
  if (!u) return null;
  const user = userInfo(u);
  return { user, scope: { role: user.role, admdvs: user.scope.admdvs, fixmedinsCode: user.scope.fixmedinsCode } };
}

/** Seeds the demo ledgers once, into a store that has no clue yet. Returns the number of clues made. */
export async function seedDemoCases(wb: DemoWorkbench): Promise<number> {
  const [any] = await wb.store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_clue`);
  if (Number(any?.n ?? 0) > 0) return 0;
  const analyst = await demoUser(wb.store, 'analyst');
  const hospital = await demoUser(wb.store, 'hospital');
  if (!analyst || !hospital?.user.scope.fixmedinsCode) return 0;
  const ctx = wb.context(analyst.user, analyst.scope);
  const code = hospital.user.scope.fixmedinsCode;
  const reads: Queryable = wb.reads;
  let made = 0;

  const picked = await reads.query<{ id: string }>(
    `SELECT finding_id AS id FROM fg_finding_row WHERE fixmedins_code = $1 AND level = 'definite' AND amount > 0
    ORDER BY amount DESC, finding_id LIMIT 3`,
    [code],
  );
  if (picked.length) {
    for (const p of picked) {
      const f = await getFinding(ctx, p.id);
      if (f.status !== 'confirmed') await decideFinding(ctx, f.id, { action: 'confirm', reason: '经核对病历与收费明细，确认违规' });
    }
    const fromFindings = await createClue(ctx, {
      source: 'finding',
      findingIds: picked.map((p) => p.id),
      note: '智能审核疑点经人工复核确认',
    });
    const report = await createClue(ctx, {
      source: 'report',
      fixmedinsCode: code,
      summary: '群众举报：住院病人白天不在院，疑似挂床住院',
      persons: [{ kind: 'other', name: '匿名举报人' }],
      amount: 3600,
      reference: 'JB-DEMO-0001',
      note: '举报电话记录：某病区多名住院病人白天离院',
    });
    made += 2;
    const opened = await openCase(ctx, {
      clueIds: [fromFindings.id, report.id],
      title: `${fromFindings.institutionName ?? code}：违规收费及疑似挂床住院`,
    });
    const caseId = opened.case.id;
    await addNote(ctx, caseId, {
      kind: 'inspection',
      body: '现场核查病区在床情况，调阅病历与收费明细；3 名住院病人不在院',
      on: opened.case.openedAt.slice(0, 10),
      place: '住院部',
      participants: '稽核员二人、医院医保办主任',
    });
    await draftDecision(ctx, caseId, {
      violationKind: 'violation',
      fineMultiple: 1,
      sanctions: [],
      interview: true,
      referPolice: false,
      referDiscipline: false,
      basis: '违反《医疗保障基金使用监督管理条例》第三十八条：超标准收费、串换项目。责令退回医保基金，处一倍罚款，约谈医院负责人。',
    });
    const [draft] = await wb.store.query<{ id: string }>(`SELECT id FROM fg_case_decision WHERE case_id = $1`, [caseId]);
    if (draft) await submitDecision(ctx, draft.id);
  }
  const [other] = await reads.query<{ code: string }>(
    `SELECT fixmedins_code AS code FROM fg_finding_row WHERE fixmedins_code <> $1 AND fixmedins_code LIKE 'P%'
    GROUP BY fixmedins_code ORDER BY SUM(amount) DESC LIMIT 1`,
    [code],
  );
  if (other) {
    await createClue(ctx, {
      source: 'referral',
      fixmedinsCode: other.code,
      summary: '市场监管部门移送：药店以医保卡销售生活用品',
      reference: 'YS-DEMO-0002',
      amount: 980,
      persons: [{ kind: 'other', name: '药店负责人' }],
    });
    made++;
  }
  const [warning] = await reads.query<{ warning_id: string }>(
    `SELECT w.warning_id FROM fg_warning w JOIN fixmedins i USING (fixmedins_code)
    WHERE w.fixmedins_code <> $1 ORDER BY w.rank DESC, w.month DESC, w.warning_id LIMIT 1`,
    [code],
  );
  if (warning) {
    await clueFromWarning(ctx, warning.warning_id, null);
    made++;
  }
  return made;
}
