/**
 * The demo city of `npm start` and `fundguard demo`: built once (a few hundred thousand fee lines with labelled
 * violations) into data/demo, then reused.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateCity } from './generate.js';

export const DEMO_DIR = 'data/demo';
/** Persons of the demo city: about 300,000 fee lines a year. */
export const DEMO_PERSONS = 6000;

export async function ensureDemoDataset(log: (s: string) => void): Promise<string> {
  if (existsSync(join(DEMO_DIR, 'feedetl.parquet'))) return DEMO_DIR;
  log(`building a demo city of ${DEMO_PERSONS.toLocaleString('en-US')} insured persons in ${DEMO_DIR} …`);
  const r = await generateCity({ out: DEMO_DIR, persons: DEMO_PERSONS, months: 12, seed: 1, format: 'parquet' });
  log(`built ${r.tables.feedetl!.toLocaleString('en-US')} fee lines in ${r.seconds.toFixed(1)} s`);
  return DEMO_DIR;
}
