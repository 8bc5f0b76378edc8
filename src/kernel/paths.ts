/**
 * The project's root (where package.json is), whether running from the sources (vitest) or from dist/ (the command
 * line): files kept with the project — the built web UI, the synthetic catalogue's tables — are found from there.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | null = null;
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return (root = dir);
}

/**
 * A message for a client, without the server's directories: every absolute path in it is cut to its last part
 * (`/srv/fundguard/data/uploads/3f…/setl.parquet` → `setl.parquet`). Errors of the engines and of the file system
 * name the files they read by their absolute paths; where the server keeps its files is nobody's business outside.
 * The API's own paths (`/api/…`) are left alone. Only the adapters' answers go through this: the command line keeps
 * the paths its user gave.
 */
export function withoutServerPaths(message: string): string {
  return message.replace(
    /(^|[\s'"`(=[,])(?:[A-Za-z]:)?[/\\](?!api[/\\])(?:[^\s'"`()/\\[\],:]+[/\\])+([^\s'"`()/\\[\],:]*)/g,
    (_m, before: string, last: string) => `${before}${last || '.'}`,
  );
}
