/** `fundguard verify-log`: the hash chain of the case log checked. */
import { existsSync } from 'node:fs';
import type { Config } from '../../config/environment.js';
import { DuckDbEngine } from '../../db/duckdb.js';
import { count } from '../format.js';
import { DEFAULT_WORKSPACE, UsageError, type Options } from '../options.js';

/** Verifies the case log where the workbench keeps it: PostgreSQL given DATABASE_URL, else the workspace file. */
export async function verifyLogCommand(opts: Options, config: Config): Promise<number> {
  const { DuckDbStore, PostgresStore } = await import('../../store/db.js');
  const { verifyCaseLog } = await import('../../cases/log.js');
  const url = config.databaseUrl;
  const db = opts.db ?? DEFAULT_WORKSPACE;
  if (!url && !existsSync(db)) throw new UsageError(`no workspace at ${db} (give --db PATH, or DATABASE_URL for a PostgreSQL store)`);
  const engine = url ? null : await DuckDbEngine.open(db);
  const store = url
    ? await PostgresStore.connect(url, opts['pg-schema'] ?? config.pgSchema ?? 'fundguard_app')
    : await DuckDbStore.open(engine!);
  try {
    const tables = await store.query<{ n: number }>(
      store.kind === 'postgres'
        ? `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'fg_case_log'`
        : `SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_name = 'fg_case_log'`,
    );
    if (!Number(tables[0]?.n)) {
      console.log('case log: no entries yet (no clue or case was ever recorded here)');
      return 0;
    }
    const r = await verifyCaseLog(store);
    if (opts.json) console.log(JSON.stringify(r));
    else if (r.ok) console.log(`case log intact: ${count(r.entries)} entries, each hash-chained to the one before`);
    else console.error(`case log BROKEN at entry ${r.failedAt}: ${r.reason} (${count(r.entries)} entries before it verify)`);
    return r.ok ? 0 : 1;
  } finally {
    await store.close();
    await engine?.close();
  }
}
