/** `fundguard evaluate`: precision and recall per code of findings against labelled violations. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CodeDetection } from '../../src/evaluation/detection.js';
import { fundguard } from '../support/cli.js';
import { baseWorld, line, visit, writeDataset } from '../support/fixture.js';

const HEADER = 'rule_code,level,fixmedins_code,psn_no,mdtrt_id,setl_id,feedetl_sn,med_list_codg,day,rtal_docno,amount,detail';

async function files(labels: string, findings: string): Promise<{ labels: string; findings: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'fg-eval-'));
  await writeFile(join(dir, 'labels.csv'), labels);
  await writeFile(join(dir, 'findings.csv'), findings);
  return { labels: join(dir, 'labels.csv'), findings: join(dir, 'findings.csv') };
}

function evaluate(f: { labels: string; findings: string }): CodeDetection[] {
  const r = fundguard(['evaluate', '--labels', f.labels, '--findings', f.findings, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as CodeDetection[];
}

describe('evaluate', () => {
  it('matches findings to labels on the code and its key columns only', async () => {
    const f = await files(
      [
        'rule_code,fixmedins_code,psn_no,mdtrt_id,setl_id,feedetl_sn,med_list_codg,day,rtal_docno',
        'GENDER_RESTRICTED,,,,,L1,,,', // found
        'GENDER_RESTRICTED,,,,,L2,,,', // missed
        'SPLIT_PRESCRIPTION,,P1,,,,DRUG_A,2024-03-01,', // found (key psn_no + med_list_codg + day)
        'SPLIT_PRESCRIPTION,,P1,,,,DRUG_A,2024-03-02,', // missed: another day
      ].join('\n'),
      [
        HEADER,
        'GENDER_RESTRICTED,definite,H11010100001,M1,V1,S_V1,L1,GYN,2024-03-01,,90.00,x', // other columns do not matter
        'GENDER_RESTRICTED,definite,H11010100001,M1,V1,S_V1,L3,GYN,2024-03-01,,90.00,x', // not labelled
        'GENDER_RESTRICTED,definite,H11010100001,M1,V1,S_V1,L4,GYN,2024-03-01,,90.00,x', // not labelled
        'SPLIT_PRESCRIPTION,suspect,H11010100002,P1,,,,DRUG_A,2024-03-01,,12.00,x',
        'CARD_BURST,suspect,P11010100001,P9,M9,S9,,,2024-03-01,,10.00,x', // a code without labels
      ].join('\n'),
    );
    const by = Object.fromEntries(evaluate(f).map((r) => [r.code, r]));
    expect(by.GENDER_RESTRICTED).toEqual({
      code: 'GENDER_RESTRICTED',
      labels: 2,
      findings: 3,
      truePositives: 1,
      precision: 1 / 3,
      recall: 0.5,
    });
    expect(by.SPLIT_PRESCRIPTION).toMatchObject({ labels: 2, findings: 1, truePositives: 1, precision: 1, recall: 0.5 });
    expect(by.CARD_BURST).toMatchObject({ labels: 0, findings: 1, truePositives: 0, precision: 0, recall: null });
    expect(by.AGE_RESTRICTED).toMatchObject({ labels: 0, findings: 0, precision: null, recall: null });
  });

  it('scores a real screening output (Parquet) against its own findings as labels: 1.00 everywhere', async () => {
    const w = baseWorld();
    w.hilist.push({ med_list_codg: 'GYN', name: '妇科检查', list_type: 'service', chrgitm_lv: '01', lmt_gend: '2', pric_uplmt_amt: 40 });
    w.setl.push(visit({ mdtrt_id: 'V1', psn_no: 'M1' }));
    w.feedetl.push(line({ mdtrt_id: 'V1', feedetl_sn: 'L1', med_list_codg: 'GYN', med_chrgitm_type: '03', pric: 45, cnt: 2 }));
    const dir = await writeDataset(w);
    const out = join(await mkdtemp(join(tmpdir(), 'fg-eval-')), 'findings.parquet');
    expect(fundguard(['screen', '--input', dir, '--out', out, '--quiet']).code).toBe(0);
    const labels = join(dir, 'labels.csv');
    await writeFile(labels, ['rule_code,feedetl_sn', 'GENDER_RESTRICTED,L1', 'OVER_PRICE_CAP,L1'].join('\n'));
    const r = fundguard(['evaluate', '--labels', labels, '--findings', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/GENDER_RESTRICTED\s+1\s+1\s+1\s+1\.0000\s+1\.0000/);
    expect(r.stdout).toMatch(/OVER_PRICE_CAP\s+1\s+1\s+1\s+1\.0000\s+1\.0000/);
    expect(r.stdout).toMatch(/ALL\s+2\s+2\s+2\s+1\.0000\s+1\.0000/);
  });

  it('names the file, row and column of a bad label', async () => {
    const unknown = await files('rule_code,feedetl_sn\nGENDER_RESTRICTED,L1\nNOT_A_CODE,L2\n', `${HEADER}\n`);
    const r1 = fundguard(['evaluate', '--labels', unknown.labels, '--findings', unknown.findings]);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('labels.csv: row 3: column rule_code: unknown code (value: "NOT_A_CODE")');

    const emptyKey = await files('rule_code,psn_no,med_list_codg,day\nSPLIT_PRESCRIPTION,P1,,2024-03-01\n', `${HEADER}\n`);
    const r2 = fundguard(['evaluate', '--labels', emptyKey.labels, '--findings', emptyKey.findings]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('labels.csv: row 2: column med_list_codg: empty, but it is part of the key of SPLIT_PRESCRIPTION');

    const missingCol = await files('rule_code,psn_no\nSPLIT_PRESCRIPTION,P1\n', `${HEADER}\n`);
    const r3 = fundguard(['evaluate', '--labels', missingCol.labels, '--findings', missingCol.findings]);
    expect(r3.code).toBe(1);
    expect(r3.stderr).toMatch(/labels\.csv: column (med_list_codg|day): missing, and SPLIT_PRESCRIPTION labels need it/);
  });
});
