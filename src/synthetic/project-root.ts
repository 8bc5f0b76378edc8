/**
 * The project's root (where package.json is), whether running from the sources (vitest) or from dist/ (the
 * command line): data files kept with the sources, such as the catalogue's tables, are read from there.
 * The same logic as src/server/paths.ts, which this domain may not import.
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
