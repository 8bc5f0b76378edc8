/**
 * A case from clue to closure over the API, with the operational store embedded and on PostgreSQL: clues from
 * confirmed findings and from a report (with evidence files), a case opened and investigated, a decision returned
 * by the reviewer and approved after changes (never by its own drafter), a suspension written into the register,
 * an appeal that changes the outcome, recoveries, closure, the next import's screening flagging new settlements of
 * the suspended hospital, a second case whose decision an appeal revokes, the statistics table and its Excel
 * export, and the hash-chained log detecting an edited and a deleted entry.
 * The workbench's clock is the test's: 2024-03-31, the end of the generated city's data, then April.
 */
import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/auth/users.js';
import { generateCity } from '../../src/synthetic/generate.js';
import { PASSWORD, startTestServer, type Client, type Reply, type StoreMode, type TestServer } from '../support/server.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c30000000049454e44ae426082',
  'hex',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]);

describe.each(['duckdb', 'postgres'] as StoreMode[])('clues and cases over the API (store: %s)', (mode) => {
  let s: TestServer;
  let admin: Client;
  let city: Client;
  let county: Client;
  let reviewer: Client;
  let instA: Client;
  let hospital: Client;
  let clock = new Date('2024-03-31T10:00:00');
  /** The hospital of the case: a public hospital with findings, outside the county. */
  let X: { code: string; admdvs: string };
  let findings: Array<{ id: string; amount: number }>;
  let clueFromFindings: string;
  let clueFromReport: string;
  let caseId: string;
  let decisionId: string;
  let loss: number;

  async function upload(c: Client, url: string, name: string, bytes: Buffer): Promise<Reply> {
    const boundary = `----fgtest${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await s.app.inject({
      method: 'POST',
      url,
      payload,
      headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers as Reply['headers'], raw: res.rawPayload };
  }

  beforeAll(async () => {
    s = await startTestServer(mode);
    s.wb.now = () => clock;
    const [x] = await s.wb.reads.query<{ code: string; admdvs: string }>(`
      SELECT r.fixmedins_code AS code, MIN(r.admdvs) AS admdvs FROM fg_finding_row r JOIN fixmedins i ON i.fixmedins_code = r.fixmedins_code
      WHERE i.inst_kind = 'public_hospital' AND i.hosp_lv = 2 AND r.admdvs <> '330122' AND r.amount > 0
      GROUP BY r.fixmedins_code ORDER BY COUNT(*) DESC, r.fixmedins_code LIMIT 1`);
    X = x!;
    await createUser(s.wb.store, {
      username: 'hospitalX',
      displayName: 'Hospital X',
      role: 'institution',
      fixmedinsCode: X.code,
      scopeLabel: 'X',
      password: PASSWORD,
    });
    [admin, city, county, reviewer, instA, hospital] = await Promise.all([
      s.login('admin'),
      s.login('city'),
      s.login('county'),
      s.login('reviewer'),
      s.login('instA'),
      s.login('hospitalX'),
    ]);
    findings = (
      await s.wb.reads.query<{ id: string; amount: number }>(
        `SELECT finding_id AS id, CAST(amount AS DOUBLE) AS amount FROM fg_finding_row
      WHERE fixmedins_code = $1 AND amount > 0 ORDER BY finding_id LIMIT 4`,
        [X.code],
      )
    ).map((f) => ({ id: f.id, amount: Number(f.amount) }));
    expect(findings.length).toBe(4);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
  });

  it('makes clues from confirmed findings only, and from a report, with checked evidence files', async () => {
    for (const f of findings.slice(0, 3))
      expect((await city.post(`/api/findings/${f.id}/decisions`, { action: 'confirm', reason: '核实' })).status).toBe(201);
    const unconfirmed = await city.post('/api/clues', { source: 'finding', findingIds: [findings[0]!.id, findings[3]!.id] });
    expect(unconfirmed.status).toBe(409);
    const made = await city.post('/api/clues', { source: 'finding', findingIds: findings.slice(0, 3).map((f) => f.id) });
    expect(made.status).toBe(201);
    loss = Math.round(findings.slice(0, 3).reduce((a, f) => a + f.amount, 0) * 100) / 100;
    expect(made.body).toMatchObject({ source: 'finding', fixmedinsCode: X.code, status: 'open', findings: 3, amount: loss });
    clueFromFindings = made.body.id;
    expect((await city.post('/api/clues', { source: 'finding', findingIds: [findings[0]!.id] })).status).toBe(409); // already in a clue

    const report = await city.post('/api/clues', {
      source: 'report',
      fixmedinsCode: X.code,
      summary: '举报：住院病人白天不在院',
      persons: [{ kind: 'other', name: '匿名举报人' }],
      amount: 1200,
      reference: 'JB2024-0031',
    });
    expect(report.status).toBe(201);
    expect(report.body).toMatchObject({
      source: 'report',
      sourceId: 'JB2024-0031',
      amount: 1200,
      persons: [{ kind: 'other', name: '匿名举报人' }],
    });
    clueFromReport = report.body.id;
    expect((await county.post('/api/clues', { source: 'report', fixmedinsCode: X.code, summary: 'x' })).status).toBe(404);
    expect((await reviewer.post('/api/clues', { source: 'report', fixmedinsCode: X.code, summary: 'x' })).status).toBe(403);
    expect((await city.post('/api/clues', { source: 'report', summary: 'x' })).status).toBe(400);

    const pdf = await upload(city, `/api/clues/${clueFromReport}/attachments`, '举报材料.pdf', PDF);
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ fileName: '举报材料.pdf', contentType: 'application/pdf', size: PDF.length });
    const disguised = await upload(city, `/api/clues/${clueFromReport}/attachments`, 'evidence.pdf', EXE);
    expect(disguised.status).toBe(400);
    expect(disguised.body.error.message).toMatch(/not an allowed file/);
    expect(
      (await upload(city, `/api/clues/${clueFromReport}/attachments`, '../../etc/x.txt', Buffer.from('现场照片说明'))).body.fileName,
    ).toBe('x.txt');
    const got = await city.get(`/api/attachments/${pdf.body.id}`);
    expect(got.status).toBe(200);
    expect(got.raw.equals(PDF)).toBe(true);
    expect(String(got.headers['content-disposition'])).toContain('attachment');
    expect((await instA.get(`/api/attachments/${pdf.body.id}`)).status).toBe(404);
    expect((await county.get(`/api/attachments/${pdf.body.id}`)).status).toBe(404);
    expect((await instA.get('/api/clues')).status).toBe(403);
  });

  it('opens a case on the clues, with the handler, the deadline and the scope', async () => {
    const opened = await city.post('/api/cases', { clueIds: [clueFromFindings, clueFromReport] });
    expect(opened.status).toBe(201);
    const k = opened.body.case;
    caseId = k.id;
    expect(k).toMatchObject({
      fixmedinsCode: X.code,
      status: 'investigating',
      handler: 'city',
      deadline: '2024-06-29',
      overdue: false,
      clues: 2,
      amountInvolved: Math.round((loss + 1200) * 100) / 100,
    });
    expect(k.caseNo).toMatch(/^AJ2024\d{5}$/);
    expect(opened.body.confirmedFindings).toEqual({ count: 3, amount: loss });
    expect(opened.body.clues.every((c: { status: string; caseId: string }) => c.status === 'in_case' && c.caseId === caseId)).toBe(true);
    expect((await city.post('/api/cases', { clueIds: [clueFromReport] })).status).toBe(409);
    expect((await county.get(`/api/cases/${caseId}`)).status).toBe(404);
    expect((await hospital.get(`/api/cases/${caseId}`)).status).toBe(403);
    expect((await city.put(`/api/cases/${caseId}/assignment`, { handler: 'county' })).status).toBe(400); // the county analyst's region does not cover X
    const note = await city.post(`/api/cases/${caseId}/notes`, {
      kind: 'inspection',
      body: '现场核查住院病人在床情况，3 人不在院',
      on: '2024-03-30',
      place: '住院部',
      participants: '张三、李四',
    });
    expect(note.status).toBe(201);
    const list = (await city.get('/api/cases?status=investigating')).body;
    expect(list.items.map((c: { id: string }) => c.id)).toContain(caseId);
    expect((await city.get('/api/cases?overdue=true')).body.total).toBe(0);
  });

  it('checks a decision against the regulation: fines within their multiples, a changed loss with its reason', async () => {
    const base = {
      violationKind: 'violation',
      sanctions: [{ kind: 'suspend_institution', months: 6 }],
      interview: true,
      basis: '违反《医疗保障基金使用监督管理条例》第三十八条',
    };
    expect((await city.post(`/api/cases/${caseId}/decision`, { ...base, fineMultiple: 3 })).status).toBe(400);
    expect((await city.post(`/api/cases/${caseId}/decision`, { ...base, violationKind: 'fraud', fineMultiple: 1.5 })).status).toBe(400);
    expect((await city.post(`/api/cases/${caseId}/decision`, { ...base, fineMultiple: 1, loss: loss + 100 })).status).toBe(400);
    expect(
      (await city.post(`/api/cases/${caseId}/decision`, { ...base, sanctions: [{ kind: 'suspend_institution', months: 3 }] })).status,
    ).toBe(400);
    expect((await reviewer.post(`/api/cases/${caseId}/decision`, { ...base, fineMultiple: 1 })).status).toBe(403);
    const draft = await city.post(`/api/cases/${caseId}/decision`, { ...base, fineMultiple: 1.5 });
    expect(draft.status).toBe(200);
    decisionId = draft.body.id;
    expect(draft.body).toMatchObject({
      status: 'draft',
      version: 1,
      lossComputed: loss,
      loss,
      returnAmount: loss,
      fineMultiple: 1.5,
      fineAmount: Math.round(loss * 1.5 * 100) / 100,
      draftedBy: 'city',
    });
  });

  it('returns a decision to its handler, and refuses a reviewer approving their own draft (maker–checker)', async () => {
    expect((await city.post(`/api/decisions/${decisionId}/submit`)).status).toBe(200);
    expect((await city.get(`/api/cases/${caseId}`)).body.case.status).toBe('reviewing');
    expect((await city.post(`/api/decisions/${decisionId}/review`, { action: 'approve' })).status).toBe(403); // an analyst does not review
    expect((await reviewer.post(`/api/decisions/${decisionId}/review`, { action: 'return' })).status).toBe(400); // a return says why
    const returned = await reviewer.post(`/api/decisions/${decisionId}/review`, {
      action: 'return',
      comment: '罚款倍数偏低，请按两倍处理',
    });
    expect(returned.body).toMatchObject({ status: 'returned', reviewedBy: 'reviewer', reviewComment: '罚款倍数偏低，请按两倍处理' });
    expect((await city.get(`/api/cases/${caseId}`)).body.case.status).toBe('investigating');
    expect((await city.post(`/api/decisions/${decisionId}/submit`)).status).toBe(409); // changed first
    // The administrator rewrites the draft, so the administrator is now its drafter, and may not approve it.
    const redone = await admin.post(`/api/cases/${caseId}/decision`, {
      violationKind: 'violation',
      fineMultiple: 2,
      sanctions: [{ kind: 'suspend_institution', months: 6 }],
      interview: true,
      basis: '违反条例第三十八条，责令退回并处两倍罚款，暂停协议六个月',
    });
    expect(redone.body).toMatchObject({
      id: decisionId,
      status: 'draft',
      draftedBy: 'admin',
      fineAmount: Math.round(loss * 2 * 100) / 100,
    });
    expect((await admin.post(`/api/decisions/${decisionId}/submit`)).status).toBe(200);
    const own = await admin.post(`/api/decisions/${decisionId}/review`, { action: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/maker–checker/);
    const approved = await reviewer.post(`/api/decisions/${decisionId}/review`, { action: 'approve', comment: '同意' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      status: 'approved',
      reviewedBy: 'reviewer',
      effectiveOn: '2024-03-31',
      appealUntil: '2024-05-30',
    });
    expect(approved.body.sanctions).toEqual([
      expect.objectContaining({ kind: 'suspend_institution', from: '2024-04-01', to: '2024-09-30' }),
    ]);
  });

  it('writes the suspension into the register the rules read', async () => {
    const profile = (await city.get(`/api/institutions/${X.code}`)).body.institution;
    expect(profile).toMatchObject({ agreementStatus: 'suspended', statusFrom: '2024-04-01' });
    const [row] = await s.wb.reads.query<{ status_to: string }>(
      `SELECT CAST(status_to AS VARCHAR) AS status_to FROM fixmedins WHERE fixmedins_code = $1`,
      [X.code],
    );
    expect(row!.status_to).toBe('2024-09-30');
    const detail = (await city.get(`/api/cases/${caseId}`)).body;
    expect(detail.case.status).toBe('decided');
    expect(detail.sanctions).toEqual([
      expect.objectContaining({ kind: 'suspend_institution', active: true, from: '2024-04-01', to: '2024-09-30' }),
    ]);
    expect(detail.case.due).toBe(Math.round(loss * 3 * 100) / 100);
  });

  it("lets the institution see and appeal its own decision once, and no one else's", async () => {
    const mine = (await hospital.get('/api/decisions')).body;
    expect(mine.items.map((d: { id: string }) => d.id)).toEqual([decisionId]);
    expect((await instA.get('/api/decisions')).body.items).toEqual([]);
    expect((await instA.get(`/api/decisions/${decisionId}`)).status).toBe(404);
    expect((await instA.post(`/api/decisions/${decisionId}/appeals`, { reason: '不服' })).status).toBe(404);
    expect((await city.post(`/api/decisions/${decisionId}/appeals`, { reason: '不服' })).status).toBe(403);
    const view = (await hospital.get(`/api/decisions/${decisionId}`)).body;
    expect(view.canAppeal).toBe(true);
    clock = new Date('2024-04-10T09:00:00');
    const appeal = await hospital.post(`/api/decisions/${decisionId}/appeals`, {
      reason: '其中一笔费用系病情需要，罚款倍数过高，请求减轻',
    });
    expect(appeal.status).toBe(201);
    expect(appeal.body).toMatchObject({ status: 'pending', filedBy: 'hospitalX', decisionId });
    expect((await hospital.post(`/api/decisions/${decisionId}/appeals`, { reason: '再次申诉' })).status).toBe(409);
    const file = await upload(hospital, `/api/appeals/${appeal.body.id}/attachments`, '病程记录.png', PNG);
    expect(file.status).toBe(201);
    expect(file.body.contentType).toBe('image/png');
    expect((await hospital.get(`/api/attachments/${file.body.id}`)).raw.equals(PNG)).toBe(true);
    expect((await instA.get(`/api/attachments/${file.body.id}`)).status).toBe(404);
    expect((await city.get(`/api/cases/${caseId}`)).body.case.status).toBe('appealed');
    expect((await city.post(`/api/cases/${caseId}/close`, { note: 'x' })).status).toBe(409);
  });

  it("decides the appeal: the amended decision replaces the old one, and its sanction the old one's", async () => {
    const detail = (await reviewer.get(`/api/cases/${caseId}`)).body;
    const appealId = detail.appeals[0].id;
    expect(detail.allowed).toContain('decide_appeal');
    expect((await admin.post(`/api/appeals/${appealId}/decide`, { outcome: 'upheld', comment: 'x' })).status).toBe(403); // the administrator drafted it
    const decided = await reviewer.post(`/api/appeals/${appealId}/decide`, {
      outcome: 'amended',
      comment: '申诉部分成立：罚款减为一倍，暂停协议维持',
      amended: {
        violationKind: 'violation',
        fineMultiple: 1,
        sanctions: [{ kind: 'suspend_institution', months: 6 }],
        interview: true,
        basis: '复核后按一倍罚款',
      },
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('amended');
    const after = (await city.get(`/api/cases/${caseId}`)).body;
    const [old, fresh] = after.decisions;
    expect(old).toMatchObject({ id: decisionId, status: 'superseded' });
    expect(fresh).toMatchObject({
      status: 'approved',
      version: 2,
      supersedes: decisionId,
      fineAmount: loss,
      effectiveOn: '2024-04-10',
      appealUntil: '2024-05-30',
    });
    expect(after.sanctions.map((x: { active: boolean; from: string; to: string }) => [x.active, x.from, x.to])).toEqual([
      [false, '2024-04-01', '2024-09-30'],
      [true, '2024-04-11', '2024-10-10'],
    ]);
    expect(after.case).toMatchObject({ status: 'decided', due: Math.round(loss * 2 * 100) / 100 });
    const [row] = await s.wb.reads.query<{ agreement_status: string; status_from: string; status_to: string }>(
      `SELECT agreement_status, CAST(status_from AS VARCHAR) AS status_from,
      CAST(status_to AS VARCHAR) AS status_to FROM fixmedins WHERE fixmedins_code = $1`,
      [X.code],
    );
    expect(row).toEqual({ agreement_status: 'suspended', status_from: '2024-04-11', status_to: '2024-10-10' });
    decisionId = fresh.id;
  });

  it('records what is recovered and closes the case, with a note while money is outstanding', async () => {
    expect((await city.post(`/api/cases/${caseId}/recoveries`, { kind: 'return', amount: loss, paidOn: '2024-04-20' })).status).toBe(400); // a day in the future
    clock = new Date('2024-04-25T09:00:00');
    expect(
      (await city.post(`/api/cases/${caseId}/recoveries`, { kind: 'return', amount: loss, paidOn: '2024-04-20', reference: 'SK-001' }))
        .status,
    ).toBe(201);
    const closeEarly = await city.post(`/api/cases/${caseId}/close`, {});
    expect(closeEarly.status).toBe(400);
    expect(closeEarly.body.error.message).toContain(loss.toFixed(2));
    expect((await city.post(`/api/cases/${caseId}/recoveries`, { kind: 'fine', amount: loss, paidOn: '2024-04-24' })).status).toBe(201);
    const closed = await city.post(`/api/cases/${caseId}/close`, {});
    expect(closed.status).toBe(200);
    expect(closed.body.case).toMatchObject({
      status: 'closed',
      recovered: Math.round(loss * 2 * 100) / 100,
      due: Math.round(loss * 2 * 100) / 100,
    });
    expect((await city.post(`/api/cases/${caseId}/recoveries`, { kind: 'fine', amount: 1, paidOn: '2024-04-24' })).status).toBe(409);
    expect((await city.post(`/api/cases/${caseId}/notes`, { kind: 'note', body: 'x' })).status).toBe(409);
  });

  it("flags the suspended hospital's new settlements at the next import's screening", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fg-april-'));
    try {
      await generateCity({ out: dir, persons: 600, months: 1, startMonth: '2024-04', seed: 32, violationRate: 0, workers: 0 });
      const job = s.wb.startImport('april', dir);
      await s.wb.jobs.idle();
      expect(job.status, job.error ?? '').toBe('done');
      const [{ n: settled }] = (await s.wb.reads.query<{ n: number }>(
        `SELECT COUNT(*) AS n FROM setl WHERE fixmedins_code = $1
        AND CAST(setl_time AS DATE) BETWEEN DATE '2024-04-11' AND DATE '2024-10-10'`,
        [X.code],
      )) as [{ n: number }];
      expect(Number(settled)).toBeGreaterThan(0);
      const flagged = await s.wb.reads.query<{ day: string }>(
        `SELECT CAST(day AS VARCHAR) AS day FROM fg_finding WHERE rule_code = 'SUSPENDED_INSTITUTION' AND fixmedins_code = $1`,
        [X.code],
      );
      expect(flagged.length).toBe(Number(settled));
      expect(flagged.every((f) => f.day >= '2024-04-11')).toBe(true);
      const [reg] = await s.wb.reads.query<{ agreement_status: string }>(
        `SELECT agreement_status FROM fixmedins WHERE fixmedins_code = $1`,
        [X.code],
      );
      expect(reg!.agreement_status).toBe('suspended'); // the import's register said normal: the sanction was written again
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('undoes a department suspension when an appeal revokes the decision', async () => {
    const clue = await city.post('/api/clues', {
      source: 'inspection',
      fixmedinsCode: X.code,
      summary: '飞行检查：骨科重复收费',
      amount: 800,
    });
    const k = (await city.post('/api/cases', { clueIds: [clue.body.id], title: '骨科重复收费' })).body.case;
    const d = await city.post(`/api/cases/${k.id}/decision`, {
      violationKind: 'violation',
      loss: 800,
      lossReason: '飞行检查核定金额',
      sanctions: [{ kind: 'suspend_department', dept: 'A07', months: 6 }],
      basis: '重复收费',
    });
    expect(d.status).toBe(200);
    await city.post(`/api/decisions/${d.body.id}/submit`);
    expect((await reviewer.post(`/api/decisions/${d.body.id}/review`, { action: 'approve' })).status).toBe(200);
    const rows = () =>
      s.wb.reads.query<{ n: number }>(`SELECT COUNT(*) AS n FROM dept_agreement WHERE fixmedins_code = $1 AND dept_codg = 'A07'`, [X.code]);
    expect(Number((await rows())[0]!.n)).toBe(1);
    const appeal = await hospital.post(`/api/decisions/${d.body.id}/appeals`, { reason: '骨科收费经物价部门核准' });
    const revoked = await reviewer.post(`/api/appeals/${appeal.body.id}/decide`, { outcome: 'revoked', comment: '申诉成立，撤销处理决定' });
    expect(revoked.body.status).toBe('revoked');
    expect(Number((await rows())[0]!.n)).toBe(0);
    const after = (await city.get(`/api/cases/${k.id}`)).body;
    expect(after.case.status).toBe('investigating');
    expect(after.decisions[0].status).toBe('revoked');
    expect((await city.post(`/api/cases/${k.id}/close`, {})).status).toBe(400);
    expect((await city.post(`/api/cases/${k.id}/close`, { note: '申诉成立，撤销处理，结案' })).status).toBe(200);
  });

  it("counts the period's handling by region in the statistics table, and exports it with its totals", async () => {
    const stats = (await city.get('/api/case-stats?from=2024-03&to=2024-04')).body;
    const r = stats.rows.find((x: { key: string }) => x.key === X.admdvs);
    expect(r).toMatchObject({
      casesOpened: 2,
      casesClosed: 2,
      institutionsInspected: 1,
      institutionsHandled: 1,
      returnOrdered: loss,
      recovered: loss,
      fines: 1,
      fineAmount: loss,
      finesPaid: loss,
      suspendedAgreements: 1,
      terminatedAgreements: 0,
      interviews: 1,
      referredPolice: 0,
    });
    expect(stats.total.casesOpened).toBe(stats.rows.reduce((a: number, x: { casesOpened: number }) => a + x.casesOpened, 0));
    expect((await city.get('/api/case-stats?from=2024-05&to=2024-05')).body.total.casesOpened).toBe(0);
    expect((await county.get('/api/case-stats')).body.total.casesOpened).toBe(0);
    const xlsx = await city.get('/api/case-stats/export.xlsx?from=2024-03&to=2024-04');
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.raw as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const last = sheet.getRow(sheet.rowCount);
    expect(String(last.getCell(1).value)).toContain('合计');
    expect(Number(last.getCell(2).value)).toBe(stats.total.casesOpened);
    expect(Number(last.getCell(7).value)).toBe(stats.total.recovered);
    expect(Number(last.getCell(10).value)).toBe(stats.total.fineAmount);
    expect((await instA.get('/api/case-stats')).status).toBe(403);
  });

  it('gives a new case to the handler set for its grid, and keeps the settings to analysts and administrators', async () => {
    const [{ grid }] = (await s.wb.reads.query<{ grid: string }>(`SELECT grid_id AS grid FROM fixmedins WHERE fixmedins_code = $1`, [
      X.code,
    ])) as [{ grid: string }];
    const settings = { appealDays: 30, deadlineDays: 45, gridHandlers: { [grid]: 'city' } };
    expect((await admin.put('/api/case-settings', { ...settings, gridHandlers: { [grid]: 'reviewer' } })).status).toBe(400);
    expect((await city.put('/api/case-settings', settings)).status).toBe(403);
    expect((await admin.put('/api/case-settings', settings)).status).toBe(200);
    expect((await reviewer.get('/api/case-settings')).body).toEqual(settings);
    const clue = await admin.post('/api/clues', {
      source: 'referral',
      fixmedinsCode: X.code,
      summary: '审计部门移送：药品进销存异常',
      reference: 'SJ-2024-07',
    });
    const k = (await admin.post('/api/cases', { clueIds: [clue.body.id] })).body.case;
    expect(k).toMatchObject({ handler: 'city', deadline: '2024-06-09' }); // 2024-04-25 + 45 days
  });

  it('keeps every change in a hash-chained log that detects an edited and a deleted entry', async () => {
    const detail = (await city.get(`/api/cases/${caseId}`)).body;
    expect(detail.log.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        'open',
        'add',
        'draft',
        'submit',
        'return',
        'edit',
        'approve',
        'impose',
        'file',
        'decide_amended',
        'record',
        'close',
      ]),
    );
    expect((await city.get('/api/case-log/verify')).status).toBe(403);
    const ok = (await reviewer.get('/api/case-log/verify')).body;
    expect(ok).toMatchObject({ ok: true, failedAt: null });
    expect(ok.entries).toBeGreaterThan(20);
    const target = detail.log.find((e: { action: string }) => e.action === 'approve').seq as number;
    const [row] = await s.wb.store.query<{ data: string }>(`SELECT data FROM fg_case_log WHERE seq = $1`, [target]);
    await s.wb.store.query(`UPDATE fg_case_log SET data = $1 WHERE seq = $2`, [row!.data.replace('同意', '同意（改）'), target]);
    const edited = (await reviewer.get('/api/case-log/verify')).body;
    expect(edited).toMatchObject({ ok: false, failedAt: target });
    expect(edited.reason).toMatch(/changed/);
    await s.wb.store.query(`UPDATE fg_case_log SET data = $1 WHERE seq = $2`, [row!.data, target]);
    expect((await reviewer.get('/api/case-log/verify')).body.ok).toBe(true);
    await s.wb.store.query(`DELETE FROM fg_case_log WHERE seq = $1`, [target + 1]);
    expect((await admin.get('/api/case-log/verify')).body).toMatchObject({ ok: false, failedAt: target + 1 });
  });
});
