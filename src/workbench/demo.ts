/**
 * The demo of `npm start`: the demo city imported and screened into a workspace that does not exist yet, demo
 * accounts (one per role and scope) in an empty store, and the demo ledgers (src/cases/demo.ts).
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { countUsers, createUser, findUser, type NewUser } from '../auth/users.js';
import { importDataset } from '../dataset/importer.js';
import { DuckDbEngine } from '../db/duckdb.js';
import type { StoreDb } from '../store/db.js';
import { ensureDemoDataset } from '../synthetic/demo.js';
import type { DatasetSwitches, Workbench } from './workbench.js';

/** The demo accounts' passwords, printed at start while those accounts exist. */
export const DEMO_PASSWORDS: Record<string, string> = {
  admin: 'admin-demo-2024',
  analyst: 'analyst-demo-2024',
  reviewer: 'reviewer-demo-2024',
  county: 'county-demo-2024',
  hospital: 'hospital-demo-2024',
};

export interface DemoAccount {
  username: string;
  password: string;
  role: string;
  scope: string;
}

/** Builds the demo city (once) and imports it into a new workspace file at `db`; nothing when the file exists. */
export async function importDemoCity(db: string, log: (line: string) => void, switches: DatasetSwitches = {}): Promise<void> {
  if (existsSync(db)) return;
  const dir = await ensureDemoDataset(log);
  await mkdir(dirname(db), { recursive: true });
  log(`importing the demo city into ${db} …`);
  const engine = await DuckDbEngine.open(db);
  try {
    await importDataset(engine, dir, switches);
  } finally {
    await engine.close();
  }
}

/** Screens a workspace that was never screened. */
export async function screenDemoCity(wb: Workbench, log: (line: string) => void): Promise<void> {
  const [screened] = await wb.reads.query<{ n: number }>(`SELECT COUNT(*) AS n FROM fg_screen_run`);
  if (Number(screened?.n ?? 0) > 0) return;
  log('screening the demo city …');
  const r = await wb.screen(() => {});
  log(`${r.findings.toLocaleString('en-US')} findings, ${r.amount.toLocaleString('en-US', { minimumFractionDigits: 2 })} 元 at risk`);
}

/** Demo accounts, one per role and scope; only created in an empty store. */
export async function seedDemoAccounts(wb: Workbench): Promise<void> {
  if ((await countUsers(wb.store)) > 0) return;
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
  const cityScope = { admdvs: cityPrefix, scopeLabel: cityPrefix ? `市 ${cityPrefix}` : '全部' };
  const users: Array<Omit<NewUser, 'password'>> = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', scopeLabel: '全部' },
    { username: 'analyst', displayName: '市医保局稽核员', role: 'analyst', ...cityScope },
    { username: 'reviewer', displayName: '市医保局复核员', role: 'reviewer', ...cityScope },
  ];
  if (county)
    users.push({
      username: 'county',
      displayName: '县医保局稽核员',
      role: 'analyst',
      admdvs: county.admdvs,
      scopeLabel: `县 ${county.admdvs}`,
    });
  if (hospital)
    users.push({
      username: 'hospital',
      displayName: `${hospital.name}医保办`,
      role: 'institution',
      fixmedinsCode: hospital.code,
      scopeLabel: hospital.name,
    });
  for (const u of users) await createUser(wb.store, { ...u, password: DEMO_PASSWORDS[u.username]! });
}

/** The demo accounts that exist, with their passwords. */
export async function demoAccounts(store: StoreDb): Promise<DemoAccount[]> {
  const out: DemoAccount[] = [];
  for (const [username, password] of Object.entries(DEMO_PASSWORDS)) {
    const u = await findUser(store, username);
    if (u) out.push({ username, password, role: u.role, scope: u.scope_label });
  }
  return out;
}
