/**
 * node dist/bench/workbench.js [CITY_DIR] — the workbench's answer times with a million findings.
 *
 * The city (default: the bench's 1 M-line Parquet city) is imported and screened into a temporary workspace;
 * its findings are then copied with altered keys (same institutions, codes, days and amounts) until there are
 * 1,000,000, and the browsing tables are rebuilt. The real server then answers over HTTP on localhost, signed
 * in as a city analyst, a county analyst and an institution user; each request is timed 15 times after a
 * warm-up with the read cache emptied before each, and the median and 95th percentile are printed (and written as JSON, one line, to stdout's end).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createUser } from '../src/auth/users.js';
import { readConfig } from '../src/config/environment.js';
import { importDataset } from '../src/dataset/importer.js';
import { DuckDbEngine } from '../src/db/duckdb.js';
import { rebuildFindingRows } from '../src/findings/rows.js';
import { buildApp } from '../src/server/app.js';
import { Workbench } from '../src/workbench/workbench.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TARGET = Number(process.env.BENCH_FINDINGS ?? 1_000_000);
const RUNS = 15;

async function main(): Promise<void> {
  const city = process.argv[2] ?? join(ROOT, 'bench', 'data', 'city-23810-parquet');
  if (!existsSync(join(city, 'feedetl.parquet')) && !existsSync(join(city, 'feedetl.csv')))
    throw new Error(`no city in ${city}: run npm run bench first, or give a data set directory`);
  // BENCH_WORKSPACE=path keeps the prepared workspace there and reuses it on the next run (to compare queries).
  const keep = process.env.BENCH_WORKSPACE;
  const dir = await mkdtemp(join(tmpdir(), 'fg-wb-bench-'));
  const db = keep ? resolve(keep) : join(dir, 'workspace.duckdb');
  const prepared = keep !== undefined && existsSync(db);
  try {
    if (!prepared) {
      const engine = await DuckDbEngine.open(db);
      await importDataset(engine, city, readConfig().dataset);
      await engine.close();
    }
    const wb = await Workbench.open({ db, uploadsDir: join(dir, 'uploads') });
    let rebuildMs = 0;
    if (!prepared) {
      await wb.screen(() => {});
      const [base] = await wb.workspace.all<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_finding`);
      const copies = Math.ceil(TARGET / Number(base!.n)) - 1;
      // Copies keep institution, code, level, day and amount; their key values get a suffix, so each is a new finding.
      const alter = (c: string) => `CASE WHEN ${c} IS NULL THEN NULL ELSE ${c} || '#' || CAST(k AS VARCHAR) END`;
      await wb.workspace
        .exec(`INSERT INTO fg_finding SELECT rule_code, level, fixmedins_code, ${alter('psn_no')}, ${alter('mdtrt_id')}, ${alter('setl_id')},
        ${alter('feedetl_sn')}, ${alter('med_list_codg')}, day, ${alter('rtal_docno')}, amount, detail FROM fg_finding, range(1, ${copies + 1}) t(k)`);
      await wb.workspace.exec(`DELETE FROM fg_finding WHERE rowid >= ${TARGET}`);
      const started = performance.now();
      await rebuildFindingRows(wb.workspace, new Date().toISOString().replace('T', ' ').replace('Z', ''));
      rebuildMs = performance.now() - started;
    }
    const [{ n: findings }] = (await wb.reads.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_finding_row`)) as [{ n: number }];
    const [inst] = await wb.reads.query<{ code: string }>(
      `SELECT fixmedins_code AS code FROM fg_finding_row GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1`,
    );
    const [rule] = await wb.reads.query<{ code: string }>(
      `SELECT rule_code AS code FROM fg_finding_row GROUP BY 1 ORDER BY COUNT(*) DESC LIMIT 1`,
    );
    const password = 'bench-password';
    await wb.store.query(`DELETE FROM fg_user`);
    await createUser(wb.store, { username: 'city', displayName: 'city', role: 'analyst', admdvs: '3301', scopeLabel: 'city', password });
    await createUser(wb.store, {
      username: 'county',
      displayName: 'county',
      role: 'analyst',
      admdvs: '330122',
      scopeLabel: 'county',
      password,
    });
    await createUser(wb.store, {
      username: 'inst',
      displayName: 'inst',
      role: 'institution',
      fixmedinsCode: inst!.code,
      scopeLabel: 'inst',
      password,
    });
    const app = await buildApp(wb);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base_ = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const cookieOf = async (username: string) => {
      const r = await fetch(`${base_}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password }),
      });
      return r.headers.get('set-cookie')!.split(';')[0]!;
    };
    const cookies = { city: await cookieOf('city'), county: await cookieOf('county'), inst: await cookieOf('inst') };
    const [one] = (
      (await (await fetch(`${base_}/api/findings?pageSize=1`, { headers: { cookie: cookies.city } })).json()) as {
        items: Array<{ id: string }>;
      }
    ).items;
    const cases: Array<[string, keyof typeof cookies, string]> = [
      ['findings, first page (city analyst, no filter, by amount)', 'city', '/api/findings?pageSize=50'],
      [
        'findings, filtered by code and level, page 20',
        'city',
        `/api/findings?code=${rule!.code}&level=definite&sort=-day&page=20&pageSize=50`,
      ],
      ['findings, filtered by region, status and amount', 'city', '/api/findings?admdvs=330102&status=open&minAmount=10&pageSize=50'],
      ['findings, free text (institution name)', 'city', `/api/findings?q=${encodeURIComponent('医院')}&pageSize=50`],
      ['findings (county analyst)', 'county', '/api/findings?pageSize=50'],
      ['findings (institution user)', 'inst', '/api/findings?pageSize=50'],
      ['finding detail', 'city', `/api/findings/${one!.id}`],
      ['overview (city analyst)', 'city', '/api/overview'],
      ['overview (county analyst)', 'county', '/api/overview'],
      ['overview (institution user)', 'inst', '/api/overview'],
    ];
    const results: Array<{ case: string; medianMs: number; p95Ms: number; total?: number }> = [];
    for (const [name, who, url] of cases) {
      const times: number[] = [];
      let total: number | undefined;
      for (let i = 0; i < RUNS + 2; i++) {
        // Answers as read from the workspace, not from the read cache (bench/load.ts measures the two together).
        wb.readCache.invalidate();
        const t = performance.now();
        const r = await fetch(`${base_}${url}`, { headers: { cookie: cookies[who] } });
        const body = (await r.json()) as { total?: number };
        if (r.status !== 200) throw new Error(`${url}: ${r.status} ${JSON.stringify(body)}`);
        if (i >= 2) times.push(performance.now() - t);
        total = body.total;
      }
      times.sort((a, b) => a - b);
      results.push({
        case: name,
        medianMs: times[Math.floor(times.length / 2)]!,
        p95Ms: times[Math.ceil(times.length * 0.95) - 1]!,
        ...(total !== undefined ? { total } : {}),
      });
    }
    await app.close();
    await wb.close();
    const w = Math.max(...results.map((r) => r.case.length));
    console.log(
      `\nworkbench answer times with ${findings.toLocaleString('en-US')} findings (HTTP on localhost, ${RUNS} runs each after a warm-up; browsing tables rebuilt in ${(rebuildMs / 1000).toFixed(1)} s)`,
    );
    console.log(`${'request'.padEnd(w)}  median ms  p95 ms  rows in scope`);
    for (const r of results)
      console.log(
        `${r.case.padEnd(w)}  ${r.medianMs.toFixed(1).padStart(9)}  ${r.p95Ms.toFixed(1).padStart(6)}  ${r.total === undefined ? '' : r.total.toLocaleString('en-US').padStart(13)}`,
      );
    console.log(JSON.stringify({ findings, rebuildMs, results }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
