/**
 * The workbench application: the DuckDB workspace (one writer connection for jobs, a pool for requests), the
 * operational store (the workspace itself, or PostgreSQL in server mode), the jobs, and the uploads. It opens all
 * of it, gives each caller a request context for the domains' use cases, and runs the work that spans domains:
 * screening (rules, browsing tables, monitoring) and imports. The HTTP server and the command line sit on top of it.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { LoginLimiter } from '../auth/rate-limit.js';
import { importDataset, type ImportOptions, type ImportReport } from '../dataset/importer.js';
import { DuckDbEngine, DuckDbPool } from '../db/duckdb.js';
import { atomically } from '../db/engine.js';
import { ensureFindingTables, findingRowsExist, rebuildFindingRows } from '../findings/rows.js';
import { monitoringExists } from '../monitoring/tables.js';
import { JobRunner, type Progress } from '../jobs/jobs.js';
import { runScreening } from '../screening/run.js';
import { configuredRules } from '../screening/settings.js';
import { buildMonitoring, loadWarningConfig } from '../monitoring/service.js';
import { DuckDbStore, PostgresStore, type StoreDb } from '../store/db.js';
import { ensureStoreSchema } from '../store/schema.js';
import { syncStatusMirror } from '../findings/decisions.js';
import { ensureWorkspaceSchema } from '../workspace/schema.js';
import { dropLookupIndexes, ensureLookupIndexes } from '../workspace/indexes.js';
import { audit } from '../audit/audit.js';
import { applySanctionEffects } from '../cases/sanctions.js';
import type { Scope, UserInfo } from '../contract/api/accounts.js';
import type { Job } from '../contract/api/rules.js';
import type { RequestContext } from '../kernel/context.js';
import { requireRole } from '../kernel/context.js';
import { notFound } from '../kernel/errors.js';
import { round2 } from '../kernel/numbers.js';
import { ReadCache } from '../kernel/read-cache.js';
import { storeTime } from '../store/db.js';
import { DEFAULT_CHECK_LIMITS, type CheckLimits } from './upload-check.js';

/** The workbench itself, as the actor of what it does on its own (re-applying sanctions after an import). */
const SYSTEM: UserInfo = {
  username: 'system',
  displayName: 'Fundguard',
  role: 'admin',
  scope: { admdvs: null, fixmedinsCode: null, label: 'system' },
};
const SYSTEM_SCOPE: Scope = { role: 'admin', admdvs: null, fixmedinsCode: null };

/** The importer's switches (lazy Parquet staging, debug output), from the configuration. */
export type DatasetSwitches = Pick<ImportOptions, 'lazy' | 'debug'>;

export interface WorkbenchOptions {
  /** The DuckDB workspace file. */
  db: string;
  /** PostgreSQL for the operational data (server mode); embedded when absent. */
  databaseUrl?: string | undefined;
  pgSchema?: string | undefined;
  /** Where uploaded data sets are kept until imported (and evidence files, under `evidence/`). */
  uploadsDir?: string | undefined;
  /** The clock of the case workflow (deadlines, appeal periods, sanction dates); tests set their own. */
  now?: (() => Date) | undefined;
  dataset?: DatasetSwitches | undefined;
  /** How much an upload's check may read and use (default DEFAULT_CHECK_LIMITS). */
  checkLimits?: CheckLimits | undefined;
  /** Uploads checked but not applied are deleted after this many hours (default 24). */
  uploadExpiryHours?: number | undefined;
}

/** An upload's folder: its id. Everything else under the uploads folder (evidence/) is not an upload. */
const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class Workbench {
  readonly jobs = new JobRunner();
  readonly limiter = new LoginLimiter();
  /** Answers read from the workspace, until it next changes. */
  readonly readCache = new ReadCache();

  /** The clock of the case workflow; replaceable (tests move it forward). */
  now: () => Date = () => new Date();

  /** Uploads being received, checked or imported: the sweep leaves them alone. */
  private readonly busyUploads = new Set<string>();
  private sweeper: NodeJS.Timeout | null = null;

  private constructor(
    readonly workspace: DuckDbEngine,
    readonly reads: DuckDbPool,
    readonly store: StoreDb,
    readonly uploadsDir: string,
    readonly datasetSwitches: DatasetSwitches,
    /** How much an upload's check may read and use; replaceable (tests lower it). */
    public checkLimits: CheckLimits,
    readonly uploadExpiryHours: number,
  ) {}

  /** Where evidence files (attachments of clues, cases and appeals) are kept. */
  get evidenceDir(): string {
    return join(this.uploadsDir, 'evidence');
  }

  /** The context of the domains' use cases for one caller. */
  context(user: UserInfo, scope: Scope): RequestContext {
    return {
      store: this.store,
      workspace: this.reads,
      writeWorkspace: (fn) => this.jobs.exclusive(() => fn(this.workspace)).finally(() => this.readCache.invalidate()),
      cached: (key, compute, weigh) => this.readCache.get(key, compute, weigh),
      workspaceChanged: () => this.readCache.invalidate(),
      now: () => this.now(),
      user,
      scope,
    };
  }

  /** The workbench itself as the caller: what it does on its own (re-applying sanctions after an import). */
  systemContext(): RequestContext {
    return this.context(SYSTEM, SYSTEM_SCOPE);
  }

  static async open(o: WorkbenchOptions): Promise<Workbench> {
    const workspace = await DuckDbEngine.open(o.db);
    await ensureWorkspaceSchema(workspace);
    await ensureFindingTables(workspace);
    await ensureLookupIndexes(workspace);
    const store: StoreDb = o.databaseUrl
      ? await PostgresStore.connect(o.databaseUrl, o.pgSchema ?? 'fundguard_app')
      : await DuckDbStore.open(workspace);
    await ensureStoreSchema(store);
    if (!(await findingRowsExist(workspace))) await rebuildFindingRows(workspace);
    if (!(await monitoringExists(workspace))) await buildMonitoring(workspace, await loadWarningConfig(store));
    const reads = await DuckDbPool.create(workspace, 4);
    await syncStatusMirror(store, reads);
    const uploadsDir = resolve(o.uploadsDir ?? join(o.db === ':memory:' ? 'data' : resolve(o.db, '..'), 'uploads'));
    await mkdir(uploadsDir, { recursive: true });
    const wb = new Workbench(
      workspace,
      reads,
      store,
      uploadsDir,
      o.dataset ?? {},
      o.checkLimits ?? DEFAULT_CHECK_LIMITS,
      o.uploadExpiryHours ?? 24,
    );
    if (o.now) wb.now = o.now;
    // Uploads left from before (checked, never applied) go at start, then every hour (or sooner for a short expiry).
    await wb.sweepUploads();
    const every = Math.max(1000, Math.min(3600_000, wb.uploadExpiryHours * 3600_000));
    wb.sweeper = setInterval(() => void wb.sweepUploads().catch(() => {}), every);
    wb.sweeper.unref();
    // Sanctions are written into the register; an import (or a workspace restored from elsewhere) may have lost them.
    await applySanctionEffects(wb.systemContext(), true);
    return wb;
  }

  /** Screens the workspace with the configured rules; findings are replaced, decisions kept (by finding id). */
  async screen(progress: Progress): Promise<{ findings: number; amount: number }> {
    const rules = await configuredRules(this.store);
    const config = await loadWarningConfig(this.store);
    // One transaction: requests meanwhile read the previous screening's findings, browsing tables, indicators and
    // warnings, all of them, until the new ones replace them together (or, should anything fail, never).
    const outcomes = await atomically(this.workspace, async () => {
      const outcomes = await runScreening(this.workspace, rules, { onRule: (i, n, code) => progress(i, n + 1, code || 'finishing') });
      progress(rules.length, rules.length + 1, 'indexing findings');
      await rebuildFindingRows(this.workspace, storeTime());
      progress(rules.length + 0.5, rules.length + 1, 'indicators and warnings');
      await buildMonitoring(this.workspace, config);
      return outcomes;
    });
    this.readCache.invalidate();
    const ran = outcomes.filter((o) => o.status === 'ran');
    return { findings: ran.reduce((s, o) => s + o.findings, 0), amount: round2(ran.reduce((s, o) => s + o.amount, 0)) };
  }

  /** An administrator re-runs screening with the rules as configured now: findings are replaced, decisions kept. */
  async startScreening(ctx: RequestContext): Promise<Job> {
    requireRole(ctx, ['admin'], 'run screenings');
    await audit(ctx.store, ctx.user.username, 'screening_start', null, null);
    return this.jobs.start('screening', (progress) => this.screen(progress), ctx.user.username);
  }

  /**
   * A screening or import job's progress, for whoever started it and for administrators. Only administrators start
   * jobs, and a job's summary (findings, amount, rows imported) covers the whole workspace, which a caller limited
   * to a region or an institution may not see: for them the job is not found, as any row outside their scope.
   */
  job(ctx: RequestContext, id: string): Job {
    const job = this.jobs.get(id);
    if (!job || !(ctx.scope.role === 'admin' || this.jobs.ownerOf(id) === ctx.user.username)) throw notFound('no such job');
    return job;
  }

  /** A new upload folder, busy (never swept) until releaseUpload. */
  async newUpload(): Promise<{ id: string; dir: string }> {
    const id = randomUUID();
    const dir = join(this.uploadsDir, id);
    this.busyUploads.add(id);
    await mkdir(dir, { recursive: true });
    return { id, dir };
  }

  releaseUpload(id: string): void {
    this.busyUploads.delete(id);
  }

  uploadDir(id: string): string | null {
    return UPLOAD_ID.test(id) ? join(this.uploadsDir, id) : null;
  }

  /**
   * Deletes the uploads that were checked but not applied within the expiry (their folder unchanged since), and
   * leftovers of an interrupted upload. Evidence files (evidence/) and uploads in use are left alone. Returns the ids.
   */
  async sweepUploads(now = Date.now()): Promise<string[]> {
    const removed: string[] = [];
    const cutoff = now - this.uploadExpiryHours * 3600_000;
    for (const name of await readdir(this.uploadsDir).catch(() => [] as string[])) {
      if (!UPLOAD_ID.test(name) || this.busyUploads.has(name)) continue;
      const dir = join(this.uploadsDir, name);
      const info = await stat(dir).catch(() => null);
      if (!info?.isDirectory() || info.mtimeMs > cutoff) continue;
      await rm(dir, { recursive: true, force: true });
      removed.push(name);
    }
    return removed;
  }

  /** An administrator imports a checked upload into the workspace and screens it, all or nothing. */
  async applyUpload(ctx: RequestContext, id: string): Promise<Job> {
    requireRole(ctx, ['admin'], 'import data sets');
    const dir = this.uploadDir(id);
    if (!dir || !existsSync(dir) || this.busyUploads.has(id)) {
      throw notFound(`no such upload (an upload not applied within ${this.uploadExpiryHours} hours of its check is deleted)`);
    }
    await audit(ctx.store, ctx.user.username, 'import_start', id, null);
    return this.startImport(id, dir, ctx.user.username);
  }

  /** Imports the upload in `dir` and screens the workspace, as a job (its id names the upload in the audit log only). */
  startImport(uploadId: string, dir: string, owner: string | null = null): Job {
    this.busyUploads.add(uploadId);
    return this.jobs.start(
      'import',
      async (progress) => {
        try {
          return await this.importAndScreen(dir, progress);
        } finally {
          this.releaseUpload(uploadId);
        }
      },
      owner,
    );
  }

  private async importAndScreen(dir: string, progress: Progress): Promise<{ findings: number; amount: number; importedRows: number }> {
    progress(0, 3, 'import');
    await dropLookupIndexes(this.workspace);
    let report: ImportReport;
    try {
      report = await importDataset(this.workspace, dir, { ...this.datasetSwitches, onProgress: (step) => progress(0, 3, step) });
    } finally {
      this.readCache.invalidate();
      progress(0, 3, 'indexes');
      await ensureLookupIndexes(this.workspace);
    }
    await applySanctionEffects(this.systemContext(), true);
    progress(1, 3, 'screening');
    const screened = await this.screen((done, total, step) => progress(1 + done / total, 3, step));
    progress(2.9, 3, 'statuses');
    await syncStatusMirror(this.store, this.reads);
    this.readCache.invalidate();
    await rm(dir, { recursive: true, force: true });
    return { ...screened, importedRows: report.tables.reduce((s, t) => s + t.rows, 0) };
  }

  async close(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.jobs.idle();
    this.reads.close();
    await this.store.close();
    await this.workspace.close();
  }
}
