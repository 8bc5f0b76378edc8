/**
 * The workbench in a real browser: Playwright (playwright-core) driving Debian's Chromium against the running
 * server (`serve`, as npm start runs it, over a small generated city). Signs in, reads the overview's charts,
 * filters findings, opens one, confirms it, exports to Excel, switches to English, walks every page as an
 * administrator, and checks that an institution user cannot reach another institution's finding in the UI
 * or through the API. Every page must render without console errors. Screenshots go to test-artifacts/e2e/.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/dataset/importer.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { serve, type Served } from '../../src/server/start.js';
import { generateCity } from '../../src/synthetic/generate.js';
import { apiSession, ARTIFACTS, chartsDrawn, CHROMIUM, launchChromium, signIn } from '../support/browser.js';

describe.skipIf(!existsSync(CHROMIUM))('workbench in a real browser', () => {
  let dir: string;
  let served: Served;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'fg-e2e-'));
    await generateCity({ out: join(dir, 'city'), persons: 1500, months: 3, seed: 31, violationRate: 4, format: 'parquet', workers: 0 });
    await generateCity({ out: join(dir, 'april'), persons: 500, months: 1, startMonth: '2024-04', seed: 32, violationRate: 4, workers: 0 });
    const db = join(dir, 'workspace.duckdb');
    const engine = await DuckDbEngine.open(db);
    await importDataset(engine, join(dir, 'city'));
    await engine.close();
    served = await serve({ db, port: 0, host: '127.0.0.1', demo: true, log: () => {} });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await served?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const open = (username: string): Promise<{ context: BrowserContext; page: Page }> => signIn(browser, served.url, username, errors);

  it("shows the overview's figures and charts, filters findings, opens one, confirms it and exports the list (Chinese)", async () => {
    const { context, page } = await open('analyst');
    await page.getByText('总览').first().waitFor();
    for (const kpi of ['kpi-fund-paid', 'kpi-settlements', 'kpi-findings', 'kpi-amount-at-risk'])
      await expect(page.getByTestId(kpi).textContent()).resolves.toMatch(/\d/);
    await chartsDrawn(page, ['chart-by-code', 'chart-by-level', 'chart-top-institutions', 'chart-monthly', 'chart-by-region']);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-zh.png'), fullPage: true });

    // Findings: filter by institution through the form.
    const first = await page.evaluate(async () => (await (await fetch('/api/findings?code=OVER_PRICE_CAP&pageSize=1')).json()).items[0]);
    await page.goto(`${served.url}/findings?code=OVER_PRICE_CAP`);
    await page.getByTestId('findings-table').waitFor();
    await page.getByTestId('filter-institution').fill(first.fixmedinsCode);
    await page.getByTestId('filter-submit').click();
    await page.waitForURL(/institution=/);
    await page.getByTestId('finding-row').first().waitFor();
    const rows = await page.getByTestId('finding-row').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toContain(first.fixmedinsCode);
    const total = Number((await page.getByTestId('findings-total').textContent())!.replace(/\D/g, ''));
    const expected = (await page.evaluate(
      async (code) => (await (await fetch(`/api/findings?code=OVER_PRICE_CAP&institution=${code}&pageSize=1`)).json()).total,
      first.fixmedinsCode,
    )) as number;
    expect(total).toBe(expected);

    // Export the filtered list.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-button').click()]);
    const file = join(dir, 'export.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets[0]!.rowCount - 1).toBe(expected);

    // Open a finding: the evidence, the visit's lines with the offending one marked; confirm it.
    await page.getByTestId('finding-link').first().click();
    await page.getByTestId('finding-detail').waitFor();
    expect((await page.getByTestId('finding-evidence').textContent())!.length).toBeGreaterThan(10);
    const shown = await page.evaluate(
      async (fid) => (await (await fetch(`/api/findings/${fid}`)).json()).visit.lines as Array<{ offending: boolean }>,
      page.url().split('/').pop()!,
    );
    const offending = await page.getByTestId('offending-line').count();
    expect(offending).toBeGreaterThan(0);
    expect(offending).toBe(shown.filter((l) => l.offending).length);
    expect(offending + (await page.getByTestId('fee-line').count())).toBe(shown.length);
    await page.screenshot({ path: join(ARTIFACTS, 'finding-detail-zh.png'), fullPage: true });
    await page.getByTestId('decision-confirm').click();
    await page.getByTestId('decision-reason').fill('单价超过一级医院限价，已核实');
    await page.getByTestId('decision-submit').click();
    await page.getByTestId('decision-entry').first().waitFor();
    await expect(page.getByTestId('decision-history').textContent()).resolves.toContain('单价超过一级医院限价');
    await page.getByText('已确认').first().waitFor();
    const id = page.url().split('/').pop()!;
    const status = await page.evaluate(async (fid) => (await (await fetch(`/api/findings/${fid}`)).json()).finding.status, id);
    expect(status).toBe('confirmed');
    await context.close();
  }, 120_000);

  it('switches to English and keeps the choice', async () => {
    const { context, page } = await open('analyst');
    await page.getByTestId('lang-switch').click();
    await page.getByText('Findings', { exact: true }).first().waitFor();
    await chartsDrawn(page, ['chart-by-code', 'chart-monthly']);
    await expect(page.locator('body').textContent()).resolves.toContain('Amount at risk');
    await page.screenshot({ path: join(ARTIFACTS, 'overview-en.png'), fullPage: true });
    await page.reload();
    await page.getByText('Findings', { exact: true }).first().waitFor();
    await page.goto(`${served.url}/findings`);
    await page.getByTestId('finding-row').first().waitFor();
    await page.getByTestId('finding-link').first().click();
    await page.getByTestId('finding-detail').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'finding-detail-en.png'), fullPage: true });
    await context.close();
  }, 120_000);

  it('lets an institution user see only its own findings, in the UI and through the API', async () => {
    const { context, page } = await open('hospital');
    const own = (await page.evaluate(async () => (await (await fetch('/api/auth/me')).json()).user.scope.fixmedinsCode)) as string;
    const other = (
      await (await fetch(`${served.url}/api/findings?pageSize=200`, { headers: { cookie: await adminCookie() } })).json()
    ).items.find((f: { fixmedinsCode: string }) => f.fixmedinsCode && f.fixmedinsCode !== own);
    await page.goto(`${served.url}/findings`);
    await page.getByTestId('finding-row').first().waitFor();
    for (const r of await page.getByTestId('finding-row').allTextContents()) expect(r).toContain(own);
    await page.goto(`${served.url}/findings/${other.id}`);
    await page.getByTestId('not-found').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'institution-not-found.png') });
    const api = await page.evaluate(
      async ([fid, code]) => {
        const one = await fetch(`/api/findings/${fid}`);
        const list = await (await fetch(`/api/findings?institution=${code}&pageSize=200`)).json();
        return { status: one.status, listed: list.total };
      },
      [other.id, other.fixmedinsCode] as const,
    );
    expect(api).toEqual({ status: 404, listed: 0 });
    await page.goto(`${served.url}/institutions/${other.fixmedinsCode}`);
    await page.getByTestId('not-found').waitFor();
    await context.close();
  }, 120_000);

  const adminCookie = async (): Promise<string> => (await apiSession(served.url, 'admin')).cookie;

  it('walks every page as an administrator: institutions, rules with a re-run, import with progress, audit', async () => {
    const { context, page } = await open('admin');
    for (const lang of ['zh-CN', 'en']) {
      await page.goto(`${served.url}/institutions`);
      await page.getByTestId('institution-link').first().click();
      await chartsDrawn(page, ['chart-institution-monthly']);
      await page.screenshot({ path: join(ARTIFACTS, `institution-${lang}.png`), fullPage: true });
      await page.goto(`${served.url}/rules`);
      await page.getByTestId('rules-table').waitFor();
      await page.goto(`${served.url}/audit`);
      await page.getByTestId('audit-table').waitFor();
      if (lang === 'zh-CN') await page.getByTestId('lang-switch').click();
    }
    // Re-run screening with progress.
    await page.goto(`${served.url}/rules`);
    await page.getByTestId('rerun-screening').click();
    await page.getByRole('button', { name: /^(OK|确定|确 定)$/ }).click();
    await page.locator('[data-testid="job-progress"][data-status="done"]').waitFor({ timeout: 60_000 });
    // Import a month of data with its validation report and progress.
    await page.goto(`${served.url}/imports`);
    const files = (await readdir(join(dir, 'april'))).filter((f) => f.endsWith('.csv')).map((f) => join(dir, 'april', f));
    await page.getByTestId('import-page').locator('input[type=file]').setInputFiles(files);
    await page.getByTestId('import-validate').click();
    await page.locator('[data-testid="import-report"][data-valid="true"]').waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'import-report-en.png'), fullPage: true });
    await page.getByTestId('import-apply').click();
    await page.locator('[data-testid="job-progress"][data-status="done"]').waitFor({ timeout: 90_000 });
    const period = await page.evaluate(async () => (await (await fetch('/api/meta')).json()).period.to);
    expect(period).toBe('2024-04');
    await context.close();
  }, 180_000);

  it('logged no console errors on any page', async () => {
    expect(errors).toEqual([]);
    expect((await readFile(join(ARTIFACTS, 'overview-zh.png'))).length).toBeGreaterThan(20_000);
  });
});
