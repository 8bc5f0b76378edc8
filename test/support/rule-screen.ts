/**
 * Screening one rule of a fixture data set on both engines, once each, for the per-rule tests in
 * test/rules/. Only the rule under test is enabled, so every file stays fast.
 */
import { beforeAll, expect } from 'vitest';
import { BUILT_IN_RULES } from '../../src/screening/catalog.js';
import type { RulesConfig } from '../../src/screening/config.js';
import type { Finding } from '../../src/screening/findings.js';
import type { Rows, TableRows } from './fixture.js';
import { screenOn } from './screen.js';

export const ENGINES = ['duckdb', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];

export interface RuleRun {
  /** Status of the rule's outcome ('ran', 'skipped', ...). */
  status: string;
  reason?: string;
  /** Findings of the rule under test only. */
  findings: Finding[];
}

/** Returns a memoised `run(engine)`: the data set is screened at most once per engine. */
export function ruleScreening(code: string, tables: TableRows, params?: Record<string, number>): (engine: EngineName) => Promise<RuleRun> {
  if (!BUILT_IN_RULES.some((r) => r.code === code)) throw new Error(`unknown rule ${code}`);
  const config: RulesConfig = {
    rules: Object.fromEntries(
      BUILT_IN_RULES.map((r) => [r.code, r.code === code ? { enabled: true, ...(params ? { params } : {}) } : { enabled: false }]),
    ),
  };
  const runs = new Map<EngineName, Promise<RuleRun>>();
  return (engine) => {
    let run = runs.get(engine);
    if (!run) {
      run = screenOn(engine, tables, config).then(
        (r) => {
          const outcome = r.outcomes.find((o) => o.code === code);
          return { status: outcome?.status ?? 'absent', reason: outcome?.reason, findings: r.findings.filter((f) => f.rule_code === code) };
        },
        (e: unknown) => {
          const rejects = (e as { report?: { rejects?: unknown[] } }).report?.rejects;
          throw rejects ? new Error(`${(e as Error).message}: ${JSON.stringify(rejects)}`) : e;
        },
      );
      runs.set(engine, run);
    }
    return run;
  };
}

/** A rule's findings per engine, filled in by the `beforeAll` that `screenedFindings` registers. */
export type FindingsByEngine = Partial<Record<EngineName, Finding[]>>;

/**
 * For test files that read findings synchronously: registers a `beforeAll` that screens `tables` once per engine
 * (through `ruleScreening`) and asserts that the rule ran on each, then fills in `found[engine]` with its findings.
 * `run` is the memoised screening, for `expectEnginesAgree`.
 */
export function screenedFindings(
  code: string,
  tables: TableRows,
  params?: Record<string, number>,
): {
  found: FindingsByEngine;
  run: (engine: EngineName) => Promise<RuleRun>;
} {
  const run = ruleScreening(code, tables, params);
  const found: FindingsByEngine = {};
  beforeAll(async () => {
    await Promise.all(
      ENGINES.map(async (engine) => {
        const r = await run(engine);
        expect(r.status, `${code} on ${engine}${r.reason ? `: ${r.reason}` : ''}`).toBe('ran');
        found[engine] = r.findings;
      }),
    );
  });
  return { found, run };
}

/** Every finding names the rule and its level, and carries a filled-in Chinese evidence sentence. */
export function expectWellFormed(findings: Finding[], code: string, level: 'definite' | 'suspect'): void {
  expect(findings.length).toBeGreaterThan(0);
  for (const f of findings) {
    expect(f.rule_code).toBe(code);
    expect(f.level).toBe(level);
    expect(f.detail).toMatch(/[\u4e00-\u9fff]/);
    expect(f.detail).not.toMatch(/[{}]/);
  }
}

/** The finding whose key (as produced by `key`) is `k`; fails when there is not exactly one. */
export function findingBy(findings: Finding[], key: (f: Finding) => string, k: string): Finding {
  const hits = findings.filter((f) => key(f) === k);
  expect(hits, `findings with key ${k}`).toHaveLength(1);
  return hits[0]!;
}

/** Asserts that both engines return the same finding rows, all columns, in any order. */
export async function expectEnginesAgree(run: (engine: EngineName) => Promise<RuleRun>): Promise<void> {
  const [duck, pg] = await Promise.all(ENGINES.map((e) => run(e)));
  const canon = (fs: Finding[]) => fs.map((f) => JSON.stringify(f)).sort();
  expect(duck!.status).toBe('ran');
  expect(pg!.status).toBe('ran');
  expect(duck!.findings.length).toBeGreaterThan(0);
  expect(canon(pg!.findings)).toEqual(canon(duck!.findings));
}

/** A person (psn row) with defaults; `psn_no` is required. */
export function personRow(v: Rows & { psn_no: string }): Rows {
  return { gend: '1', brdy: '1970-01-01', insutype: '390', certno: '', addr_admdvs: '110101001001', death_date: '', ...v };
}

/** An institution (fixmedins row) with defaults; `fixmedins_code` is required. */
export function institutionRow(v: Rows & { fixmedins_code: string }): Rows {
  return {
    fixmedins_name: `机构${v.fixmedins_code}`,
    fixmedins_type: String(v.fixmedins_code).startsWith('P') ? '2' : '1',
    hosp_lv: String(v.fixmedins_code).startsWith('P') ? '' : 2,
    inst_kind: String(v.fixmedins_code).startsWith('P') ? 'pharmacy' : 'public_hospital',
    admdvs: '110101',
    grid_id: 'G01',
    agreement_status: 'normal',
    status_from: '',
    ...v,
  };
}
