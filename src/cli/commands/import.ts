/** `fundguard import`: a data set into a workspace (a DuckDB file, or PostgreSQL with --engine postgres). */
import type { Config } from '../../config/environment.js';
import { DuckDbEngine } from '../../db/duckdb.js';
import { PostgresEngine } from '../../db/postgres.js';
import { copyWorkspaceToPostgres } from '../../workspace/postgres.js';
import { importWithProgress } from '../importing.js';
import { DEFAULT_PG_SCHEMA, DEFAULT_WORKSPACE, UsageError, type Options } from '../options.js';
import { openWorkspace, removeWorkspaceFile } from '../workspace.js';

export async function importCommand(opts: Options, config: Config): Promise<number> {
  if (!opts.input) throw new UsageError('import needs --input DIR');
  if (opts.engine === 'postgres') {
    const duck = await DuckDbEngine.open(':memory:');
    try {
      await importWithProgress(duck, opts.input, opts, config, true);
      const pg = await PostgresEngine.connect(config.postgresUrl, opts['pg-schema'] ?? DEFAULT_PG_SCHEMA);
      try {
        await copyWorkspaceToPostgres(duck, pg);
      } finally {
        await pg.close();
      }
      if (!opts.quiet) console.log(`workspace: PostgreSQL schema ${opts['pg-schema'] ?? DEFAULT_PG_SCHEMA}`);
      return 0;
    } finally {
      await duck.close();
    }
  }
  const path = opts.db ?? DEFAULT_WORKSPACE;
  const { engine, created } = await openWorkspace(path);
  let ok = false;
  try {
    await importWithProgress(engine, opts.input, opts, config, false);
    ok = true;
    if (!opts.quiet) console.log(`workspace: ${path}`);
    return 0;
  } finally {
    await engine.close();
    if (!ok && created) await removeWorkspaceFile(path);
  }
}
