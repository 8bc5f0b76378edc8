import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fundguard } from '../support/cli.js';

describe('fundguard demo (npm start)', () => {
  it('builds the demo data set, imports it into a new workspace, screens it; a second start reuses both', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'fg-demo-'));
    const first = fundguard(['demo'], {}, cwd);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('building a demo city');
    const lines = Number(/feedetl\s+feedetl\.parquet\s+([\d,]+)/.exec(first.stdout)?.[1]?.replace(/,/g, ''));
    expect(lines).toBeGreaterThan(200_000);
    expect(lines).toBeLessThan(500_000);
    expect(existsSync(join(cwd, 'data/fundguard.duckdb'))).toBe(true);
    const findings = (await readFile(join(cwd, 'data/findings.csv'), 'utf8')).trim().split('\n');
    expect(findings[0]).toBe(
      'rule_code,level,fixmedins_code,psn_no,mdtrt_id,setl_id,feedetl_sn,med_list_codg,day,rtal_docno,amount,detail',
    );
    expect(findings.length).toBeGreaterThan(100);

    const second = fundguard(['demo'], {}, cwd);
    expect(second.code).toBe(0);
    expect(second.stdout).not.toContain('building a demo city');
    expect(second.stdout).not.toContain('imported');
    expect((await readFile(join(cwd, 'data/findings.csv'), 'utf8')).trim().split('\n').length).toBe(findings.length);
  });
});
