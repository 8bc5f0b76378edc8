/**
 * Browser tests: Playwright (playwright-core) driving Debian's Chromium against a served workbench. A session per
 * user in a fresh context, console errors collected (other than the browser's notes on expected 4xx answers),
 * and a check that charts were drawn.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { importDataset } from '../../src/dataset/importer.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { serve, type Served } from '../../src/server/start.js';
import { DEMO_PASSWORDS } from '../../src/workbench/demo.js';
import { generateCity } from '../../src/synthetic/generate.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = resolve('test-artifacts', 'e2e');

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/** Signs `username` (a demo account) in, in a fresh browser context (its own cookies); console errors go to `errors`. */
export async function signIn(
  browser: Browser,
  url: string,
  username: string,
  errors: string[],
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ acceptDownloads: true, locale: 'zh-CN', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()))
      errors.push(`${username}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${username}: ${e.message}`));
  await page.goto(`${url}/login`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORDS[username]!);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  return { context, page };
}

/** Each chart (by test id) has drawn a canvas of a real size. */
export async function chartsDrawn(page: Page, ids: string[]): Promise<void> {
  for (const id of ids) {
    const canvas = page.getByTestId(id).locator('canvas').first();
    await canvas.waitFor({ timeout: 15_000 });
    const box = await canvas.boundingBox();
    expect(box!.width, id).toBeGreaterThan(100);
    expect(box!.height, id).toBeGreaterThan(100);
  }
}

/** A signed-in API session of a demo account (cookie and CSRF token), for setting things up outside the browser. */
export async function apiSession(
  url: string,
  username: string,
): Promise<{ cookie: string; csrf: string; put(path: string, body: unknown): Promise<Response> }> {
  const r = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORDS[username] }),
  });
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = ((await r.json()) as { csrfToken: string }).csrfToken;
  return {
    cookie,
    csrf,
    put: (path, body) =>
      fetch(`${url}${path}`, {
        method: 'PUT',
        headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}

/** A workbench served (as `npm start` serves it, demo accounts included) over a generated city in a temporary folder. */
export async function serveGeneratedCity(
  city: { persons: number; months: number; seed: number; violationRate: number },
  extra: { demoCases?: boolean } = {},
): Promise<{ dir: string; served: Served; close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'fg-served-'));
  await generateCity({ out: join(dir, 'city'), ...city, format: 'parquet', workers: 0 });
  const db = join(dir, 'workspace.duckdb');
  const engine = await DuckDbEngine.open(db);
  await importDataset(engine, join(dir, 'city'));
  await engine.close();
  const served = await serve({ db, port: 0, host: '127.0.0.1', demo: true, log: () => {}, ...extra });
  return {
    dir,
    served,
    close: async () => {
      await served.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
