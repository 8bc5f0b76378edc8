/** A DuckDB workspace file opened for a command, and removed again when the command that created it fails. */
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { DuckDbEngine } from '../db/duckdb.js';

export async function openWorkspace(path: string): Promise<{ engine: DuckDbEngine; created: boolean }> {
  const abs = resolve(path);
  const created = !existsSync(abs);
  await mkdir(dirname(abs), { recursive: true });
  return { engine: await DuckDbEngine.open(abs), created };
}

export async function removeWorkspaceFile(path: string): Promise<void> {
  for (const p of [path, `${path}.wal`]) await rm(resolve(p), { force: true });
}
