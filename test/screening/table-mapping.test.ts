/**
 * The rule definitions name tables only through ctx.t(), so the real-time pre-check (事前提醒) can run them over
 * views holding one person's visits instead of the whole workspace. On a generated data set, every rule whose
 * definition looks at one person only gives, over views restricted to that person, exactly the batch findings
 * about that person.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/dataset/importer.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { quote } from '../../src/db/engine.js';
import { configureRules } from '../../src/screening/config.js';
import { readFindings, type Finding } from '../../src/screening/findings.js';
import type { RuleContext } from '../../src/screening/rule.js';
import { runScreening } from '../../src/screening/run.js';
import { generateCity } from '../../src/synthetic/generate.js';

/** Rules that judge a pharmacy's stock or an institution's day across persons: not one person's business. */
const ACROSS_PERSONS = new Set(['ADMISSION_CLUSTER', 'CARD_BURST', 'STOCK_MISMATCH', 'RX_WITHOUT_PRESCRIPTION']);
/** Tables holding a person's own rows; the others (catalogue, institutions, …) are shared reference data. */
const PERSONAL = ['feedetl', 'setl', 'mdtrt', 'diag', 'visit_diag', 'psn'] as const;

describe('rules over views of one person (the road to the real-time pre-check)', () => {
  let dir: string;
  let engine: DuckDbEngine;
  let batch: Finding[];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fg-mapping-'));
    await generateCity({ out: dir, persons: 2000, months: 6, seed: 11, format: 'parquet', violationRate: 3 });
    engine = await DuckDbEngine.open(':memory:');
    await importDataset(engine, dir, { inPlace: true });
    await runScreening(engine, configureRules());
    batch = await readFindings(engine);
  }, 120_000);
  afterAll(async () => {
    await engine?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('finds the same violations of the persons with the most kinds of findings', async () => {
    const kinds = new Map<string, Set<string>>();
    for (const f of batch)
      if (f.psn_no && !ACROSS_PERSONS.has(f.rule_code)) kinds.set(f.psn_no, (kinds.get(f.psn_no) ?? new Set()).add(f.rule_code));
    const persons = [...kinds.entries()]
      .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
      .slice(0, 3)
      .map(([p]) => p);
    expect(persons.length).toBe(3);
    const covered = new Set<string>();
    for (const psn of persons) {
      for (const t of PERSONAL) {
        const key =
          t === 'diag' || t === 'visit_diag'
            ? `mdtrt_id IN (SELECT mdtrt_id FROM setl WHERE psn_no = ${quote(psn)})`
            : `psn_no = ${quote(psn)}`;
        await engine.exec(`CREATE OR REPLACE TEMP VIEW rt_${t} AS SELECT * FROM ${t} WHERE ${key}`);
      }
      const tables: RuleContext['t'] = (t) => ((PERSONAL as readonly string[]).includes(t) ? `rt_${t}` : t);
      await runScreening(engine, configureRules(), { tables });
      const own = (await readFindings(engine)).filter((f) => !ACROSS_PERSONS.has(f.rule_code));
      const expected = batch.filter((f) => f.psn_no === psn && !ACROSS_PERSONS.has(f.rule_code));
      expect(
        own.every((f) => f.psn_no === psn),
        psn,
      ).toBe(true);
      expect(own, psn).toEqual(expected);
      for (const f of own) covered.add(f.rule_code);
    }
    expect(covered.size).toBeGreaterThanOrEqual(4);
  }, 120_000);
});
