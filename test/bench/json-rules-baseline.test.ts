/**
 * The json-rules-engine baseline of `npm run bench` must do the same work as Fundguard's rules, or the speed
 * ratio the bench prints means nothing: on a generated set it flags exactly as many lines per rule.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/dataset/importer.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { configureRules } from '../../src/screening/config.js';
import { runScreening } from '../../src/screening/run.js';
import { generateCity } from '../../src/synthetic/generate.js';

const BASELINE = resolve('dist/bench/baseline-json-rules.js');

describe('json-rules-engine baseline', () => {
  let dir: string;
  let lines = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'fg-jre-'));
    lines = (await generateCity({ out: dir, persons: 800, months: 3, seed: 3, format: 'parquet', violationRate: 5 })).tables.feedetl!;
  }, 60_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('flags the same number of lines as Fundguard for each of its rules', async () => {
    const r = spawnSync(process.execPath, [BASELINE, dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const baseline = JSON.parse(r.stdout.trim().split('\n').pop()!) as { lines: number; flagged: Record<string, number> };
    expect(baseline.lines).toBe(lines);

    const engine = await DuckDbEngine.open(':memory:');
    try {
      await importDataset(engine, dir, { inPlace: true });
      const outcomes = await runScreening(engine, configureRules());
      const codes = Object.keys(baseline.flagged);
      expect(codes).toHaveLength(7);
      for (const code of codes) {
        const ours = outcomes.find((o) => o.code === code)!;
        expect(baseline.flagged[code], code).toBe(ours.findings);
      }
      expect(codes.reduce((s, c) => s + baseline.flagged[c]!, 0)).toBeGreaterThan(0);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
