import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from '../../src/screening/catalog.js';
import { ConfigError, configureRules, loadRulesConfig } from '../../src/screening/config.js';
import { fundguard } from '../support/cli.js';
import { baseWorld, visit, writeDataset } from '../support/fixture.js';

describe('rule base and configuration', () => {
  it("has the 24 codes of the exchange format and Fundguard's extensions, each complete", () => {
    expect(BUILT_IN_RULES.map((r) => r.code)).toEqual([
      'GENDER_RESTRICTED',
      'AGE_RESTRICTED',
      'INST_LEVEL_RESTRICTED',
      'MED_TYPE_RESTRICTED',
      'INDICATION_RESTRICTED',
      'OVER_PRICE_CAP',
      'NON_COVERED_BILLED',
      'OVER_DAYS_SUPPLY',
      'SPLIT_PRESCRIPTION',
      'DUPLICATE_PRESCRIBING',
      'FREQUENCY_EXCEEDED',
      'DUPLICATE_CHARGE',
      'UNBUNDLING',
      'SPLIT_ADMISSION',
      'OVERLAPPING_ADMISSIONS',
      'PHANTOM_ADMISSION',
      'UNVERIFIED_ADMISSION',
      'DECEASED_PATIENT',
      'SUSPENDED_INSTITUTION',
      'SUSPENDED_PRACTITIONER',
      'ADMISSION_CLUSTER',
      'CARD_BURST',
      'STOCK_MISMATCH',
      'RX_WITHOUT_PRESCRIPTION',
      'SUSPENDED_DEPARTMENT',
    ]);
    for (const r of BUILT_IN_RULES) {
      expect(r.name).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.definition).toMatch(/[\u4e00-\u9fa5]/);
      expect(r.evidence).toMatch(/\{e_[a-z_]+\}|\{[a-z_]+\}/);
      expect(r.key.length).toBeGreaterThan(0);
      expect(['definite', 'suspect']).toContain(r.level);
    }
  });

  it('defaults reproduce the format and configuration overrides them', async () => {
    const defaults = configureRules();
    expect(defaults.find((c) => c.rule.code === 'SPLIT_ADMISSION')!.params).toEqual({ max_gap_days: 15, diag_prefix_len: 3 });
    const dir = await mkdtemp(join(tmpdir(), 'fg-cfg-'));
    await writeFile(
      join(dir, 'rules.yaml'),
      'rules:\n  SPLIT_ADMISSION:\n    params:\n      max_gap_days: 30\n  CARD_BURST:\n    enabled: false\n',
    );
    const configured = configureRules(await loadRulesConfig(join(dir, 'rules.yaml')));
    expect(configured.find((c) => c.rule.code === 'SPLIT_ADMISSION')!.params.max_gap_days).toBe(30);
    expect(configured.find((c) => c.rule.code === 'CARD_BURST')!.enabled).toBe(false);
    expect(() => configureRules({ rules: { NO_SUCH_RULE: {} } })).toThrow(ConfigError);
    expect(() => configureRules({ rules: { SPLIT_ADMISSION: { params: { nope: 1 } } } })).toThrow(/unknown parameter/);
    expect(() => configureRules({ rules: { SPLIT_ADMISSION: { params: { max_gap_days: -1 } } } })).toThrow(/minimum/);
    await writeFile(join(dir, 'bad.json'), '{ "rules": { "SPLIT_ADMISSION": { "enabld": false } } }');
    await expect(loadRulesConfig(join(dir, 'bad.json'))).rejects.toThrow(ConfigError);
  });

  it('a changed parameter changes the findings; a disabled rule is reported as such', async () => {
    const w = baseWorld();
    w.setl.push(
      visit({ mdtrt_id: 'A1', med_type: '21', begntime: '2024-03-01 08:00:00', endtime: '2024-03-03 09:00:00', dise_codg: 'I20.000' }),
      visit({ mdtrt_id: 'A2', med_type: '21', begntime: '2024-03-25 08:00:00', endtime: '2024-03-27 09:00:00', dise_codg: 'I20.100' }),
    );
    const data = await writeDataset(w);
    const dir = await mkdtemp(join(tmpdir(), 'fg-cfg-'));
    await writeFile(
      join(dir, 'rules.json'),
      JSON.stringify({ rules: { SPLIT_ADMISSION: { params: { max_gap_days: 30 } }, PHANTOM_ADMISSION: { enabled: false } } }),
    );
    const plain = fundguard(['screen', '--input', data, '--out', join(dir, 'a.csv')]);
    const tuned = fundguard(['screen', '--input', data, '--out', join(dir, 'b.csv'), '--rules-config', join(dir, 'rules.json')]);
    expect(plain.stdout).toMatch(/SPLIT_ADMISSION\s+分解住院\s+suspect\s+0\s/);
    expect(tuned.stdout).toMatch(/SPLIT_ADMISSION\s+分解住院\s+suspect\s+1\s/);
    expect(tuned.stdout).toMatch(/PHANTOM_ADMISSION.*disabled/);
    const bad = fundguard(['screen', '--input', data, '--out', join(dir, 'c.csv'), '--rules-config', join(dir, 'missing.json')]);
    expect(bad.code).not.toBe(0);
  });
});
