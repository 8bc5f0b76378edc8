/**
 * Clues and cases (线索/案件台账) in a real browser, in Chinese, against the served workbench over a small generated
 * city: the analyst turns a confirmed finding into a clue and enters a reported clue with its PDF, opens a case on
 * them, adds a third clue and an on-site inspection, drafts a decision (violation, fine 1.5×, agreement suspended 6
 * months, interview) and submits it; the reviewer returns it with a comment; the analyst changes the fine to 2× and
 * resubmits; the reviewer approves. The hospital sees the decision, appeals with a PNG; the reviewer amends it on
 * appeal (1×, the suspension kept); the analyst records what was paid, is told what is outstanding, and closes the
 * case. The log shows the steps and its hash chain verifies; the statistics table's totals match its Excel export.
 * An institution user cannot open the case ledger nor another institution's decision. The setup that is not the
 * point (confirming findings, another institution's decision) goes through the API. Screenshots go to
 * test-artifacts/e2e/cases-*.png.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Served } from '../../src/server/start.js';
import { DEMO_PASSWORDS } from '../../src/workbench/demo.js';
import { ARTIFACTS, CHROMIUM, launchChromium, serveGeneratedCity, signIn } from '../support/browser.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c30000000049454e44ae426082',
  'hex',
);
const round2 = (v: number) => Math.round(v * 100) / 100;
/** An amount as the money fields show it: 12,345.60. */
const shown = (v: number) => v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** Today and tomorrow on the server's (this machine's) calendar, YYYY-MM-DD. */
const day = (offset = 0) => {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A signed-in API session for setting things up. */
async function session(url: string, username: string) {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORDS[username] }),
  });
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, any>;
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  return { get: (path: string) => call('GET', path), post: (path: string, body: unknown = {}) => call('POST', path, body) };
}

/** Picks an option of an Ant Design select by its text. */
async function choose(page: Page, select: Locator, text: string | RegExp): Promise<void> {
  await select.click();
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
    .filter({ hasText: text })
    .first()
    .click();
}

/** Waits until nothing loads and no picker is open (for screenshots). */
async function settled(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-picker-dropdown:not(.ant-picker-dropdown-hidden)').count()).toBe(0);
}

/** Types a date (or month) into an Ant Design date picker (its input) and confirms it. */
async function pickDate(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.fill(value);
  await input.press('Enter');
}

describe.skipIf(!existsSync(CHROMIUM))('clues and cases in a real browser (Chinese)', () => {
  let city: Awaited<ReturnType<typeof serveGeneratedCity>>;
  let served: Served;
  let browser: Browser;
  const errors: string[] = [];
  const open = (username: string): Promise<{ context: BrowserContext; page: Page }> => signIn(browser, served.url, username, errors);
  const shot = async (page: Page, name: string) => {
    await settled(page);
    await page.screenshot({ path: join(ARTIFACTS, `cases-${name}.png`), fullPage: true });
  };

  /** The hospital user's institution, its two findings confirmed for the case, and another institution's approved decision. */
  let hospital: string;
  let findings: Array<{ id: string; amount: number }>;
  let otherDecision: string;
  let caseId: string;
  let loss: number;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    city = await serveGeneratedCity({ persons: 1500, months: 3, seed: 31, violationRate: 4 });
    ({ served } = city);

    const [analyst, reviewer, inst] = await Promise.all([
      session(served.url, 'analyst'),
      session(served.url, 'reviewer'),
      session(served.url, 'hospital'),
    ]);
    hospital = (await inst.get('/api/auth/me')).user.scope.fixmedinsCode;
    const open = (await analyst.get(`/api/findings?institution=${hospital}&status=open&sort=-amount&pageSize=2`)).items as Array<{
      id: string;
      amount: number;
    }>;
    expect(open.length).toBe(2);
    findings = open.map((f) => ({ id: f.id, amount: f.amount }));
    for (const f of findings) await analyst.post(`/api/findings/${f.id}/decisions`, { action: 'confirm', reason: '核实确认' });
    loss = round2(findings[0]!.amount + findings[1]!.amount);

    // Another institution's case, decided: the hospital must not see it.
    const other = ((await analyst.get('/api/institutions?pageSize=20')).items as Array<{ fixmedinsCode: string }>).find(
      (i) => i.fixmedinsCode !== hospital,
    )!.fixmedinsCode;
    const clue = await analyst.post('/api/clues', {
      source: 'inspection',
      fixmedinsCode: other,
      summary: '日常检查：药品进销存不符',
      amount: 300,
    });
    const k = await analyst.post('/api/cases', { clueIds: [clue.id] });
    const d = await analyst.post(`/api/cases/${k.case.id}/decision`, { violationKind: 'violation', sanctions: [], basis: '责令整改' });
    await analyst.post(`/api/decisions/${d.id}/submit`);
    await reviewer.post(`/api/decisions/${d.id}/review`, { action: 'approve' });
    otherDecision = d.id;
    browser = await launchChromium();
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await city?.close();
  });

  it('makes clues from confirmed findings and from a report with its PDF, and opens a case on them (立案)', async () => {
    const { context, page } = await open('analyst');
    // Finding → clue, once.
    await page.goto(`${served.url}/findings/${findings[0]!.id}`);
    await page.getByTestId('finding-make-clue').click();
    const made = page.getByTestId('finding-clue-made');
    await made.waitFor();
    const fromFinding = (await made.getAttribute('data-clue-id'))!;
    await shot(page, 'finding-clue');
    await page.reload();
    await page.getByTestId('finding-make-clue').click();
    await page.getByTestId('finding-clue-exists').waitFor();
    await expect(page.getByTestId('finding-clue-exists').textContent()).resolves.toContain('已在一条线索中');
    await page.goto(`${served.url}/findings/${findings[1]!.id}`);
    await page.getByTestId('finding-make-clue').click();
    const second = (await page.getByTestId('finding-clue-made').getAttribute('data-clue-id'))!;
    await page.getByTestId('finding-clue-link').click();
    await page.waitForURL(/\/clues\?institution=/);
    await page.locator(`[data-testid="clue-row"][data-clue-id="${second}"]`).waitFor();

    // A reported clue with a person, an amount, a reference and its PDF.
    await page.getByTestId('clue-new').click();
    await page.getByTestId('clue-form-source').getByText('举报', { exact: true }).click();
    await page.getByTestId('clue-form-institution').fill(hospital);
    await page.getByTestId('clue-form-reference').fill('JB2024-0031');
    await page.getByTestId('clue-form-summary').fill('举报：住院病人白天不在院');
    await page.getByTestId('clue-form-note').fill('举报人反映住院部多名病人白天离院，夜间回院');
    await page.getByTestId('clue-form-amount').fill('1200');
    await page.getByTestId('clue-person-add').click();
    await page.getByTestId('clue-person-name').fill('匿名举报人');
    await shot(page, 'new-clue');
    await page.getByTestId('clue-form-submit').click();
    await page.getByTestId('clue-evidence-step').waitFor();
    await page
      .getByTestId('clue-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '举报材料.pdf', mimeType: 'application/pdf', buffer: PDF });
    await page.getByTestId('clue-new-files').getByText('举报材料.pdf').waitFor();
    await page.getByTestId('clue-form-done').click();

    // The clue ledger: three open clues of the hospital; the report's drawer with its person, amount and file.
    const report = page.locator('[data-testid="clue-row"]').filter({ hasText: '住院病人白天不在院' });
    await report.waitFor();
    const reportId = (await report.getAttribute('data-clue-id'))!;
    await expect(page.locator('[data-testid="clue-row"][data-status="open"]').count()).resolves.toBe(3);
    await report.getByTestId('clue-view').click();
    const drawer = page.getByTestId('clue-drawer');
    await drawer.waitFor();
    await expect(drawer.getByTestId('clue-persons').textContent()).resolves.toContain('匿名举报人');
    await expect(drawer.getByTestId('clue-amount').textContent()).resolves.toContain('¥1,200.00');
    const [download] = await Promise.all([page.waitForEvent('download'), drawer.getByTestId('attachment-link').first().click()]);
    expect((await readFile((await download.path())!)).equals(PDF)).toBe(true);
    await shot(page, 'clue-drawer');
    await page.keyboard.press('Escape');

    // 立案 on the finding's clue and the report.
    for (const id of [fromFinding, reportId])
      await page.locator(`[data-testid="clue-row"][data-clue-id="${id}"] input[type=checkbox]`).check();
    await expect(page.getByTestId('clue-selection').textContent()).resolves.toContain('已选 2 条线索');
    await shot(page, 'clues');
    await page.getByTestId('open-case').click();
    await page.getByTestId('case-form-title').fill('住院病人挂床及违规收费案');
    await choose(page, page.getByTestId('case-form-handler'), '(analyst)');
    await page.getByTestId('case-form-submit').click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}/);
    caseId = page.url().split('/').pop()!.split('?')[0]!;
    const detail = page.getByTestId('case-detail');
    await detail.waitFor();
    await expect(detail.getAttribute('data-status')).resolves.toBe('investigating');
    await expect(page.getByTestId('case-no').textContent()).resolves.toMatch(/^AJ\d{9}$/);
    await expect(page.getByTestId('case-amount-involved').getAttribute('data-value')).resolves.toBe(
      String(round2(findings[0]!.amount + 1200)),
    );
    await expect(page.getByTestId('case-handler').textContent()).resolves.toBe('analyst');

    // The third clue joins the case; an on-site inspection is recorded.
    await choose(page, page.getByTestId('case-add-clues-select'), '已确认疑点');
    await page.getByTestId('case-add-clues').click();
    await expect.poll(() => page.getByTestId('case-clue').count()).toBe(3);
    await page.getByTestId('case-tab-notes').click();
    await page.getByTestId('note-kind').getByText('现场检查').click();
    await pickDate(page.getByTestId('note-on'), day());
    await page.getByTestId('note-place').fill('住院部');
    await page.getByTestId('note-participants').fill('张三、李四');
    await page.getByTestId('note-body').fill('现场核查住院病人在床情况，3 人不在院');
    await page.getByTestId('note-submit').click();
    await page.locator('[data-testid="case-note"][data-kind="inspection"]').waitFor();
    await expect(page.getByTestId('case-note').first().textContent()).resolves.toContain('住院部');
    await shot(page, 'notes');
    await context.close();
  }, 180_000);

  /** Opens the case's decision tab as `username`. */
  const decisionTab = async (username: string) => {
    const s = await open(username);
    await s.page.goto(`${served.url}/cases/${caseId}?tab=decision`);
    await s.page.getByTestId('decision-tab').waitFor();
    return s;
  };

  it('drafts the decision (violation, 1.5×, suspension 6 months, interview) and submits it; the reviewer returns it with a comment', async () => {
    let { context, page } = await decisionTab('analyst');
    await expect(page.getByTestId('dform-loss').inputValue()).resolves.toBe(shown(loss));
    await page.getByTestId('dform-kind').getByText('违规', { exact: true }).click();
    await page.getByTestId('dform-fine-multiple').fill('1.5');
    await expect.poll(() => page.getByTestId('dform-fine-amount').getAttribute('data-amount')).toBe(String(round2(loss * 1.5)));
    await page.getByTestId('dform-add-sanction').click();
    await expect(page.getByTestId('dform-sanction').getAttribute('data-kind')).resolves.toBe('suspend_institution');
    await expect(page.getByTestId('dform-sanction-months').inputValue()).resolves.toBe('6');
    await page.getByTestId('dform-interview').check();
    await page.getByTestId('dform-basis').fill('违反《医疗保障基金使用监督管理条例》第三十八条：分解住院、挂床住院');
    await shot(page, 'decision-form');
    await page.getByTestId('case-decision-submit').click();
    await page.locator('[data-testid="case-detail"][data-status="reviewing"]').waitFor();
    await context.close();

    ({ context, page } = await decisionTab('reviewer'));
    await page.getByTestId('review-return').click();
    await page.getByText('退回须说明理由').waitFor();
    await page.getByTestId('review-comment').fill('罚款倍数偏低，请按两倍处理');
    await shot(page, 'review');
    await page.getByTestId('review-return').click();
    await page.locator('[data-testid="case-detail"][data-status="investigating"]').waitFor();
    await context.close();
  }, 120_000);

  it('changes the returned decision (2×) and resubmits; the reviewer approves it and the suspension gets its dates', async () => {
    let { context, page } = await decisionTab('analyst');
    await expect(page.getByTestId('decision-returned').textContent()).resolves.toContain('罚款倍数偏低，请按两倍处理');
    await expect(page.getByTestId('dform-fine-multiple').inputValue()).resolves.toBe('1.50');
    await page.getByTestId('dform-fine-multiple').fill('2');
    await expect.poll(() => page.getByTestId('dform-fine-amount').getAttribute('data-amount')).toBe(String(round2(loss * 2)));
    await page.getByTestId('case-decision-submit').click();
    await page.locator('[data-testid="case-detail"][data-status="reviewing"]').waitFor();
    await context.close();

    ({ context, page } = await decisionTab('reviewer'));
    await page.getByTestId('review-comment').fill('同意');
    await page.getByTestId('review-approve').click();
    await page.locator('[data-testid="case-detail"][data-status="decided"]').waitFor();
    await page.getByTestId('case-tab-decision').click();
    const approved = page.locator('[data-testid="decision-version"][data-status="approved"]');
    await expect(approved.getByTestId('decision-fine').getAttribute('data-amount')).resolves.toBe(String(round2(loss * 2)));
    await expect(approved.getByTestId('sanction').textContent()).resolves.toContain(`暂停医保协议 6 个月（${day(1)} 至`);
    await expect(page.getByTestId('case-due').getAttribute('data-value')).resolves.toBe(String(round2(loss * 3)));
    await shot(page, 'approved');
    await context.close();
  }, 120_000);

  it("shows the hospital its decision, and takes its appeal with a PNG; no other institution's decision, no case ledger", async () => {
    const { context, page } = await open('hospital');
    expect(await page.getByTestId('nav-cases').count()).toBe(0);
    await page.getByTestId('nav-decisions').click();
    await page.getByTestId('decision-row').first().waitFor();
    await expect(page.getByTestId('decision-row').count()).resolves.toBe(1);
    await page.getByTestId('decision-link').click();
    await page.getByTestId('decision-page').waitFor();
    await expect(page.getByTestId('appeal-window').textContent()).resolves.toContain('可在');
    await expect(page.getByTestId('sanction').textContent()).resolves.toContain('暂停医保协议 6 个月');
    await shot(page, 'institution-decision');
    await page.getByTestId('appeal-reason-input').fill('其中一笔费用系病情需要，罚款倍数过高，请求减轻');
    await page.getByTestId('appeal-submit').click();
    const pending = page.locator('[data-testid="appeal-item"][data-status="pending"]');
    await pending.waitFor();
    await pending
      .getByTestId('appeal-upload')
      .locator('input[type=file]')
      .setInputFiles({ name: '病程记录.png', mimeType: 'image/png', buffer: PNG });
    await pending.getByTestId('appeal-files').getByText('病程记录.png').waitFor();
    await expect(page.getByTestId('appeal-form').count()).resolves.toBe(0);
    await shot(page, 'appeal');

    await page.goto(`${served.url}/decisions/${otherDecision}`);
    await page.getByTestId('not-found').waitFor();
    await page.goto(`${served.url}/cases`);
    await page.getByTestId('forbidden').waitFor();
    await page.goto(`${served.url}/cases/${caseId}`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  }, 120_000);

  it('lets the reviewer amend the decision on appeal (1×, the suspension kept)', async () => {
    const { context, page } = await open('reviewer');
    await page.goto(`${served.url}/cases/${caseId}`);
    await page.getByTestId('appeals-tab').waitFor();
    await expect(page.getByTestId('appeal-reason').textContent()).resolves.toContain('罚款倍数过高');
    await expect(page.getByTestId('appeal-files').getByTestId('attachment-link').textContent()).resolves.toBe('病程记录.png');
    await page.getByTestId('appeal-outcome').getByText('变更').click();
    const amend = page.getByTestId('appeal-amend');
    await amend.waitFor();
    await expect(amend.getByTestId('dform-sanction').getAttribute('data-kind')).resolves.toBe('suspend_institution');
    await amend.getByTestId('dform-fine-multiple').fill('1');
    await expect.poll(() => amend.getByTestId('dform-fine-amount').getAttribute('data-amount')).toBe(String(loss));
    await page.getByTestId('appeal-comment').fill('申诉部分成立：罚款减为一倍，暂停协议维持');
    await shot(page, 'appeal-decide');
    await page.getByTestId('appeal-decide-submit').click();
    await page.locator('[data-testid="case-detail"][data-status="decided"]').waitFor();
    await page.getByTestId('case-tab-decision').click();
    await expect(page.locator('[data-testid="decision-version"][data-status="superseded"]').count()).resolves.toBe(1);
    const fresh = page.locator('[data-testid="decision-version"][data-status="approved"]');
    await expect(fresh.getByTestId('decision-fine').getAttribute('data-amount')).resolves.toBe(String(loss));
    await expect(fresh.getByTestId('sanction').textContent()).resolves.toContain('暂停医保协议 6 个月');
    await expect(page.getByTestId('case-due').getAttribute('data-value')).resolves.toBe(String(round2(loss * 2)));
    await context.close();
  }, 120_000);

  it('records the payments, says what is outstanding before closing, and closes the case (办结)', async () => {
    const { context, page } = await open('analyst');
    await page.goto(`${served.url}/cases/${caseId}`);
    await page.getByTestId('recoveries-tab').waitFor();
    await expect(page.getByTestId('recovery-amount').inputValue()).resolves.toBe(shown(loss));
    await page.getByTestId('recovery-reference').fill('SK-001');
    await page.getByTestId('recovery-submit').click();
    await expect.poll(() => page.getByTestId('recovery-row').count()).toBe(1);

    await page.getByTestId('case-tab-close').click();
    await page.getByTestId('case-close').click();
    await expect(page.getByTestId('close-error').textContent()).resolves.toContain(loss.toFixed(2));

    await page.getByTestId('case-tab-recoveries').click();
    await page.getByTestId('recovery-kind').getByText('罚款').click();
    await expect(page.getByTestId('recovery-amount').inputValue()).resolves.toBe(shown(loss));
    await page.getByTestId('recovery-submit').click();
    await expect.poll(() => page.getByTestId('recovery-row').count()).toBe(2);
    await expect(page.getByTestId('case-recovered').getAttribute('data-value')).resolves.toBe(String(round2(loss * 2)));
    await shot(page, 'recoveries');

    await page.getByTestId('case-tab-close').click();
    await page.getByTestId('close-note').fill('退回及罚款已全部缴清');
    await page.getByTestId('case-close').click();
    await page.locator('[data-testid="case-detail"][data-status="closed"]').waitFor();
    await expect(page.getByTestId('case-steps').getAttribute('data-current')).resolves.toBe('4');
    await page.getByTestId('case-tab-log').click();
    const actions = await page.getByTestId('log-entry').evaluateAll((es) => es.map((e) => e.getAttribute('data-action')));
    expect(actions).toEqual(
      expect.arrayContaining([
        'open',
        'add_clues',
        'add',
        'draft',
        'submit',
        'return',
        'edit',
        'approve',
        'impose',
        'file',
        'attach',
        'decide_amended',
        'record',
        'close',
      ]),
    );
    expect(await page.getByTestId('log-verify').count()).toBe(0); // an analyst does not verify the log
    await context.close();

    // The ledger lists it closed.
    const s = await open('analyst');
    await s.page.goto(`${served.url}/cases?status=closed`);
    await s.page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`).waitFor();
    await shot(s.page, 'ledger');
    await s.context.close();
  }, 120_000);

  it('shows the log as a timeline and verifies its hash chain', async () => {
    const { context, page } = await open('reviewer');
    await page.goto(`${served.url}/cases/${caseId}?tab=log`);
    await page.getByTestId('log-entry').first().waitFor();
    await expect(page.getByTestId('case-log').textContent()).resolves.toContain('审核通过');
    await page.getByTestId('log-verify').click();
    const result = page.getByTestId('log-verify-result');
    await result.waitFor();
    await expect(result.getAttribute('data-ok')).resolves.toBe('true');
    await expect(result.textContent()).resolves.toContain('完整');
    await shot(page, 'log');
    await context.close();
  }, 60_000);

  it("shows the month's statistics with a totals row equal to the exported Excel's 合计", async () => {
    const { context, page } = await open('analyst');
    await page.getByTestId('nav-case-stats').click();
    await page.getByTestId('stats-table').waitFor();
    const month = day().slice(0, 7);
    await pickDate(page.getByTestId('stats-from'), month);
    await page.waitForURL(/from=/);
    await pickDate(page.getByTestId('stats-to'), month);
    await page.waitForURL(/to=/);
    const total = page.getByTestId('stats-total');
    await total.waitFor();
    const figures = [
      'casesOpened',
      'casesClosed',
      'institutionsInspected',
      'institutionsHandled',
      'returnOrdered',
      'recovered',
      'refused',
      'fines',
      'fineAmount',
      'finesPaid',
      'suspendedAgreements',
      'terminatedAgreements',
      'suspendedPractitioners',
      'interviews',
      'referredPolice',
      'referredDiscipline',
    ];
    const api = await page.evaluate(async (m) => (await (await fetch(`/api/case-stats?from=${m}&to=${m}`)).json()).total, month);
    const screen: number[] = [];
    for (const f of figures) screen.push(Number(await page.getByTestId(`stats-total-${f}`).getAttribute('data-value')));
    expect(screen).toEqual(figures.map((f) => api[f]));
    expect(api).toMatchObject({
      casesOpened: 2,
      casesClosed: 1,
      institutionsInspected: 1,
      institutionsHandled: 2,
      recovered: loss,
      fineAmount: loss,
      finesPaid: loss,
      suspendedAgreements: 1,
      interviews: 1,
    });
    await expect(total.textContent()).resolves.toContain('合计');
    await shot(page, 'stats');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('stats-export').click()]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path())!);
    const sheet = book.worksheets[0]!;
    const last = sheet.getRow(sheet.rowCount);
    expect(String(last.getCell(1).value)).toContain('合计');
    expect(figures.map((_, i) => Number(last.getCell(i + 2).value))).toEqual(screen);
    await context.close();
  }, 120_000);

  it('logged no console errors on any page', () => {
    expect(errors).toEqual([]);
  });
});
