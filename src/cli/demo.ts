/**
 * `fundguard demo` (what `npm start` runs): builds a demo data set on first use, imports it into the
 * default workspace and screens it. The data set comes from the quick benchmark generator until the
 * synthetic-city generator (with labelled violations) replaces it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const DEMO_DIR = 'data/demo';

export async function ensureDemoDataset(lines: number, log: (s: string) => void): Promise<string> {
  if (existsSync(join(DEMO_DIR, 'feedetl.parquet'))) return DEMO_DIR;
  log(`building a demo data set of ${lines.toLocaleString('en-US')} fee lines in ${DEMO_DIR} …`);
  const { generateBenchDataset } = await import('../../bench/generate.js');
  const r = await generateBenchDataset({ out: DEMO_DIR, feeLines: lines, format: 'parquet', seed: 1 });
  log(`built in ${r.seconds.toFixed(1)} s`);
  return DEMO_DIR;
}
