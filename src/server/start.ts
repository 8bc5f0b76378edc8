/**
 * `fundguard serve` (and `npm start`): opens the workspace — building, importing and screening the demo city
 * first when there is none — seeds the demo accounts into an empty store, and serves the workbench.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { countUsers, createUser, findUser, type NewUser } from '../auth/users.js';
import { importDataset, type ImportOptions } from '../dataset/importer.js';
import { DuckDbEngine } from '../db/duckdb.js';
import { ensureDemoDataset } from '../synthetic/demo.js';
import type { StoreDb } from '../store/db.js';
import { seedDemoCases } from '../cases/demo.js';
import { buildApp } from './app.js';
import { Workbench } from './workbench.js';

export interface ServeOptions {
  db: string;
  port: number;
  host: string;
  /** Build and screen the demo city when the workspace does not exist yet. */
  demo: boolean;
  /** Seed the demo ledgers (a few clues and a case awaiting review) into a store without clues (npm start). */
  demoCases?: boolean;
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
  /** The importer's switches (lazy Parquet staging, debug output) for the demo city's import. */
  dataset?: Pick<ImportOptions, 'lazy' | 'debug'>;
  log?: (line: string) => void;
}

export interface Served {
  app: FastifyInstance;
  workbench: Workbench;
  url: string;
  accounts: Array<{ username: string; password: string; role: string; scope: string }>;
  close(): Promise<void>;
}

/** The demo accounts' passwords, printed at start while those accounts exist. */
export const DEMO_PASSWORDS: Record<string, string> = {
  admin: 'admin-demo-2024',
  analyst: 'analyst-demo-2024',
  reviewer: 'reviewer-demo-2024',
  county: 'county-demo-2024',
  hospital: 'hospital-demo-2024',
};

/** Demo accounts, one per role and scope; only created in an empty store. */
async function seedAccounts(store: StoreDb, wb: Workbench): Promise<void> {
  if ((await countUsers(store)) > 0) return;
  const [hospital] = await wb.reads.query<{
    code: string;
    name: string;
  }>(`SELECT i.fixmedins_code AS code, i.fixmedins_name AS name FROM fixmedins i
    LEFT JOIN (SELECT fixmedins_code, COUNT(*) AS n FROM fg_finding_row GROUP BY 1) f USING (fixmedins_code)
    WHERE i.fixmedins_type = '1' ORDER BY (COALESCE(i.hosp_lv, 0) >= 2) DESC, COALESCE(f.n, 0) DESC, i.fixmedins_code LIMIT 1`);
  const [county] = await wb.reads.query<{ admdvs: string }>(
    `SELECT admdvs FROM fixmedins WHERE admdvs IS NOT NULL GROUP BY admdvs ORDER BY (admdvs = '330122') DESC, COUNT(*) LIMIT 1`,
  );
  const [city] = await wb.reads.query<{ prefix: string }>(`SELECT substr(MIN(admdvs), 1, 4) AS prefix FROM fixmedins`);
  const cityPrefix = city?.prefix ?? null;
  const users: NewUser[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', scopeLabel: '全部', password: '' },
    {
      username: 'analyst',
      displayName: '市医保局稽核员',
      role: 'analyst',
      admdvs: cityPrefix,
      scopeLabel: cityPrefix ? `市 ${cityPrefix}` : '全部',
      password: '',
    },
    {
      username: 'reviewer',
      displayName: '市医保局复核员',
      role: 'reviewer',
      admdvs: cityPrefix,
      scopeLabel: cityPrefix ? `市 ${cityPrefix}` : '全部',
      password: '',
    },
  ];
  if (county)
    users.push({
      username: 'county',
      displayName: '县医保局稽核员',
      role: 'analyst',
      admdvs: county.admdvs,
      scopeLabel: `县 ${county.admdvs}`,
      password: '',
    });
  if (hospital)
    users.push({
      username: 'hospital',
      displayName: `${hospital.name}医保办`,
      role: 'institution',
      fixmedinsCode: hospital.code,
      scopeLabel: hospital.name,
      password: '',
    });
  for (const u of users) await createUser(store, { ...u, password: DEMO_PASSWORDS[u.username]! });
}

async function demoAccounts(store: StoreDb): Promise<Served['accounts']> {
  const out: Served['accounts'] = [];
  for (const [username, password] of Object.entries(DEMO_PASSWORDS)) {
    const u = await findUser(store, username);
    if (u) out.push({ username, password, role: u.role, scope: u.scope_label });
  }
  return out;
}

export async function serve(o: ServeOptions): Promise<Served> {
  const log = o.log ?? ((s: string) => console.log(s));
  const db = resolve(o.db);
  if (o.demo && !existsSync(db)) {
    const dir = await ensureDemoDataset(log);
    await mkdir(dirname(db), { recursive: true });
    log(`importing the demo city into ${o.db} …`);
    const engine = await DuckDbEngine.open(db);
    try {
      await importDataset(engine, dir, o.dataset);
    } finally {
      await engine.close();
    }
  }
  const wb = await Workbench.open({ db, databaseUrl: o.databaseUrl, pgSchema: o.pgSchema });
  const [screened] = await wb.reads.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_screen_run`);
  if (o.demo && Number(screened?.n ?? 0) === 0) {
    log('screening the demo city …');
    const r = await wb.screen(() => {});
    log(`${r.findings.toLocaleString('en-US')} findings, ${r.amount.toLocaleString('en-US', { minimumFractionDigits: 2 })} 元 at risk`);
  }
  await seedAccounts(wb.store, wb);
  if (o.demoCases) {
    const n = await seedDemoCases(wb);
    if (n) log(`demo ledgers: ${n} clues and a case awaiting review (线索/案件台账)`);
  }
  const accounts = await demoAccounts(wb.store);
  const app = await buildApp(wb);
  await app.listen({ port: o.port, host: o.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : o.port;
  const url = `http://${o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host}:${port}`;
  return {
    app,
    workbench: wb,
    url,
    accounts,
    close: async () => {
      await app.close();
      await wb.close();
    },
  };
}
