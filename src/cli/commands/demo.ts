/** `fundguard demo`: the demo city built, imported into the default workspace and screened. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Config } from '../../config/environment.js';
import { ensureDemoDataset } from '../../synthetic/demo.js';
import { DEFAULT_WORKSPACE, type Options } from '../options.js';
import { screenCommand } from './screen.js';

export async function demoCommand(opts: Options, config: Config): Promise<number> {
  const db = opts.db ?? DEFAULT_WORKSPACE;
  const fresh = !existsSync(resolve(db));
  const input = await ensureDemoDataset((s) => console.log(s));
  const out = opts.out ?? 'data/findings.csv';
  const code = await screenCommand({ ...opts, db, out, ...(fresh ? { input } : {}) }, config);
  if (code === 0) {
    console.log(`\nworkspace ${db}; findings ${out}. Next: npx fundguard screen --db ${db} --out findings.parquet, or --help.`);
  }
  return code;
}
