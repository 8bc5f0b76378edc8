/**
 * Monitoring and early warning in a real browser (Debian's Chromium driven by playwright-core) against the served
 * workbench over a small generated city of six months: the warning board (cards by level, region trend, filters,
 * the sentence of each warning), an institution's indicator trend with its peers' band, a warning turned into a
 * clue, the practitioner ranking — in Chinese and in English — and an institution user's own board.
 * The city is small, so the board is shown with permissive thresholds an administrator sets through the API.
 * Screenshots go to test-artifacts/e2e/.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WarningConfig } from '../../src/contract/settings.js';
import { DEFAULT_WARNING_CONFIG } from '../../src/monitoring/warnings.js';
import type { Served } from '../../src/server/start.js';
import { apiSession, ARTIFACTS, chartsDrawn, CHROMIUM, launchChromium, serveGeneratedCity, signIn } from '../support/browser.js';

const PERMISSIVE: WarningConfig = {
  ...DEFAULT_WARNING_CONFIG,
  growth: { fund_paid: { levels: [0.1, 0.2, 0.3], minBase: 0 }, cost_per_visit: { levels: [0.1, 0.2, 0.3], minBase: 0 } },
  history: { indicators: ['fund_paid'], z: [2, 3, 4], minBase: 0, months: 2, confirmZ: 0 },
  peer: { indicators: ['cost_per_visit', 'drug_share'], z: [2, 3, 4], minBase: 0, minPeers: 3 },
};

describe.skipIf(!existsSync(CHROMIUM))('monitoring and early warning in a real browser', () => {
  let city: Awaited<ReturnType<typeof serveGeneratedCity>>;
  let served: Served;
  let browser: Browser;
  const errors: string[] = [];
  const open = (username: string): Promise<{ context: BrowserContext; page: Page }> => signIn(browser, served.url, username, errors);
  const api = (page: Page, path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path);

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    city = await serveGeneratedCity({ persons: 2000, months: 6, seed: 41, violationRate: 2 });
    served = city.served;
    const admin = await apiSession(served.url, 'admin');
    expect((await admin.put('/api/warning-config', PERMISSIVE)).status).toBe(200);
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await city?.close();
  });

  it('shows the warning board: institutions by level, the region trend, filters and what each warning compared (Chinese)', async () => {
    const { context, page } = await open('analyst');
    await page.getByTestId('nav-warnings').click();
    await page.getByTestId('warning-row').first().waitFor();
    const summary = await api(page, '/api/warnings/summary');
    expect(summary.month).toBe('2024-06');
    for (const level of ['red', 'orange', 'yellow'] as const) {
      await expect(page.getByTestId(`warning-count-${level}`).getAttribute('data-count')).resolves.toBe(
        String(summary.institutions[level]),
      );
    }
    expect(summary.institutions.red + summary.institutions.orange).toBeGreaterThan(0);
    await chartsDrawn(page, ['chart-region-trend']);
    await expect(page.getByTestId('warnings-page').textContent()).resolves.toContain('红色预警机构');
    await page.screenshot({ path: join(ARTIFACTS, 'warnings-zh.png'), fullPage: true });

    // The red card filters the board on red; the total matches the API's.
    await page.getByTestId(summary.institutions.red > 0 ? 'warning-count-red' : 'warning-count-orange').click();
    await page.waitForURL(/level=(red|orange)/);
    const level = new URL(page.url()).searchParams.get('level')!;
    await page.locator(`[data-testid="warning-row"][data-level="${level}"]`).first().waitFor();
    const levels = await page.getByTestId('warning-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-level')));
    expect(new Set(levels)).toEqual(new Set([level]));
    const expected = (await api(page, `/api/warnings?month=${summary.month}&level=${level}&pageSize=1`)).total;
    expect(Number((await page.getByTestId('warnings-total').textContent())!.replace(/\D/g, ''))).toBe(expected);

    // Hovering the indicator tells what was compared with what.
    const message = page.getByTestId('warning-message').first();
    await message.hover();
    const sentence = (await message.getAttribute('data-message'))!;
    expect(sentence).toMatch(/[红橙]色预警/);
    await page.getByRole('tooltip').filter({ hasText: sentence }).waitFor();

    // The institution code through the filter form (Enter applies it): only that institution's warnings remain.
    const code = (await page.getByTestId('warning-institution-link').first().getAttribute('href'))!.split('/').pop()!.split('?')[0]!;
    await page.getByTestId('filter-institution').fill(code);
    await page.getByTestId('filter-institution').press('Enter');
    await page.waitForURL(new RegExp(`institution=${code}`));
    await page.waitForFunction(
      (c) => [...document.querySelectorAll('[data-testid="warning-row"]')].every((r) => r.textContent!.includes(c)),
      code,
    );

    // Filter by basis in the URL: only peer comparisons remain.
    await page.goto(`${served.url}/warnings?basis=peer`);
    await page.getByTestId('warning-row').first().waitFor();
    const bases = await page
      .locator('[data-testid="warning-row"] [data-basis]')
      .evaluateAll((tags) => tags.map((t) => t.getAttribute('data-basis')));
    expect(new Set(bases)).toEqual(new Set(['peer']));
    await context.close();
  }, 120_000);

  it("opens an institution's indicator trend with its peers' band from a warning, and turns the warning into a clue", async () => {
    const { context, page } = await open('analyst');
    await page.goto(`${served.url}/warnings?basis=threshold&level=red,orange`);
    await page.getByTestId('warning-row').first().waitFor();
    const link = page.getByTestId('warning-institution-link').first();
    const href = (await link.getAttribute('href'))!;
    const indicator = new URL(href, served.url).searchParams.get('indicator')!;
    await link.click();
    await page.waitForURL(/\/institutions\/H|\/institutions\/P/);
    await chartsDrawn(page, ['chart-indicator-trend']);
    const code = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const series = await api(page, `/api/indicators?unitId=${code}&indicator=${indicator}`);
    await expect(page.getByTestId('indicator-select').textContent()).resolves.toContain(series.indicatorName);
    expect(series.points.length).toBe(6);
    expect(series.points.some((p: { warning: string | null }) => p.warning === 'red' || p.warning === 'orange')).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'indicator-trend-zh.png'), fullPage: true });

    // Back on the board: make a clue of the first warning without one.
    await page.goto(`${served.url}/warnings`);
    await page.getByTestId('warning-row').first().waitFor();
    await page.locator('[data-testid="make-clue"]:not([disabled])').first().click();
    await page.getByTestId('clue-note').fill('统筹基金支付环比大幅上升，建议调取病历核查');
    await page.getByTestId('clue-submit').click();
    const made = page.getByTestId('clue-made').first();
    await made.waitFor();
    const clueId = (await made.getAttribute('data-clue-id'))!;
    await page.getByTestId('nav-clues').click();
    await page.getByTestId('clue-row').first().waitFor();
    await expect(page.getByTestId('clues-table').textContent()).resolves.toContain(clueId.slice(0, 8));
    await expect(page.getByTestId('clues-table').textContent()).resolves.toContain('建议调取病历核查');
    await page.screenshot({ path: join(ARTIFACTS, 'clues-zh.png'), fullPage: true });
    await context.close();
  }, 120_000);

  it('ranks practitioners against their peers', async () => {
    const { context, page } = await open('analyst');
    await page.getByTestId('nav-practitioners').click();
    await page.getByTestId('practitioner-row').first().waitFor();
    const total = (await api(page, '/api/practitioners?pageSize=1')).total;
    expect(total).toBeGreaterThan(0);
    expect(await page.getByTestId('practitioner-row').count()).toBe(Math.min(total, 50));
    await page.screenshot({ path: join(ARTIFACTS, 'practitioners-zh.png'), fullPage: false });
    await context.close();
  }, 120_000);

  it('shows the board and the trend in English', async () => {
    const { context, page } = await open('analyst');
    await page.getByTestId('lang-switch').click();
    await page.getByText('Findings', { exact: true }).first().waitFor();
    await page.goto(`${served.url}/warnings`);
    await page.getByTestId('warning-row').first().waitFor();
    await expect(page.getByTestId('warnings-page').textContent()).resolves.toContain('Institutions at red');
    const sentence = (await page.getByTestId('warning-message').first().getAttribute('data-message'))!;
    expect(sentence).toMatch(/(yellow|orange|red) warning/);
    await chartsDrawn(page, ['chart-region-trend']);
    await page.screenshot({ path: join(ARTIFACTS, 'warnings-en.png'), fullPage: true });
    await page.getByTestId('warning-institution-link').first().click();
    await chartsDrawn(page, ['chart-indicator-trend']);
    await expect(page.locator('body').textContent()).resolves.toContain('Indicator trend');
    await page.screenshot({ path: join(ARTIFACTS, 'indicator-trend-en.png'), fullPage: true });
    await context.close();
  }, 120_000);

  it('shows an institution user its own warnings only, without clues', async () => {
    const { context, page } = await open('hospital');
    const own = (await api(page, '/api/auth/me')).user.scope.fixmedinsCode as string;
    await page.getByTestId('nav-warnings').click();
    await page.getByTestId('warnings-table').waitFor();
    const list = await api(page, '/api/warnings?pageSize=200');
    expect(list.items.every((w: { fixmedinsCode: string; clueId: string | null }) => w.fixmedinsCode === own && w.clueId === null)).toBe(
      true,
    );
    if (list.total > 0) {
      await page.getByTestId('warning-row').first().waitFor();
      for (const r of await page.getByTestId('warning-row').allTextContents()) expect(r).toContain(own);
    }
    expect(await page.getByTestId('make-clue').count()).toBe(0);
    expect(await page.getByTestId('nav-clues').count()).toBe(0);
    await page.goto(`${served.url}/clues`);
    await page.getByTestId('forbidden').waitFor();
    await context.close();
  }, 120_000);

  it('logged no console errors on any page', () => {
    expect(errors).toEqual([]);
  });
});
