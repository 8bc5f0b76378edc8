/**
 * `fundguard serve` (and `npm start`): opens the workspace — building, importing and screening the demo city
 * first when there is none — seeds the demo accounts into an empty store, and serves the workbench.
 */
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { seedDemoCases } from '../cases/demo.js';
import { demoAccounts, importDemoCity, screenDemoCity, seedDemoAccounts, type DemoAccount } from '../workbench/demo.js';
import { Workbench, type DatasetSwitches } from '../workbench/workbench.js';
import { buildApp } from './app.js';

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
  /** The importer's switches (lazy Parquet staging, debug output) for the demo city's import and the uploads'. */
  dataset?: DatasetSwitches;
  /** Uploads checked but not applied are deleted after this many hours (default 24). */
  uploadExpiryHours?: number | undefined;
  log?: (line: string) => void;
  /** Behind HTTPS: the session cookie Secure, named __Host-fg_session. */
  secureCookies?: boolean;
  /** The reverse proxies whose X-Forwarded-For gives the client's address (their addresses and ranges). */
  trustProxy?: string[] | undefined;
}

export interface Served {
  app: FastifyInstance;
  workbench: Workbench;
  url: string;
  accounts: DemoAccount[];
  close(): Promise<void>;
}

export async function serve(o: ServeOptions): Promise<Served> {
  const log = o.log ?? ((s: string) => console.log(s));
  const db = resolve(o.db);
  if (o.demo) await importDemoCity(db, log, o.dataset);
  const wb = await Workbench.open({
    db,
    databaseUrl: o.databaseUrl,
    pgSchema: o.pgSchema,
    dataset: o.dataset,
    uploadExpiryHours: o.uploadExpiryHours,
  });
  if (o.demo) await screenDemoCity(wb, log);
  await seedDemoAccounts(wb);
  if (o.demoCases) {
    const n = await seedDemoCases(wb);
    if (n) log(`demo ledgers: ${n} clues and a case awaiting review (线索/案件台账)`);
  }
  const accounts = await demoAccounts(wb.store);
  const app = await buildApp(wb, { secureCookies: o.secureCookies === true, trustProxy: o.trustProxy });
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
