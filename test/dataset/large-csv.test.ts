/**
 * CSV files are first read on all threads without keeping row order; rejects must still name the row of the
 * file. A file large enough to be read in parallel, with one bad value near its end, shows it.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { quote } from '../../src/db/engine.js';
import { fundguard } from '../support/cli.js';
import { baseWorld, HOSPITAL, visit, writeDataset } from '../support/fixture.js';

const LINES = 400_000;
const BAD_LINE = 399_990; // 0-based index of the data row with an empty psn_no: file row BAD_LINE + 2
const DUP_LINE = 399_995; // repeats the feedetl_sn of data row 7 (file row 9)

describe('a large CSV file', () => {
  it('is screened, and a bad value is reported at its row in the file', async () => {
    const w = baseWorld();
    w.setl.push(visit({ mdtrt_id: 'V1', psn_no: 'M1' }));
    const dir = await writeDataset(w);
    const badDir = await writeDataset(w);
    const e = await DuckDbEngine.open(':memory:');
    // Values that type well but fail a check: the fast typed read succeeds and the checks find them.
    const lines = (
      bad: boolean,
    ) => `SELECT 'F' || lpad(CAST(CASE WHEN ${bad ? `i = ${DUP_LINE}` : 'FALSE'} THEN 7 ELSE i END AS VARCHAR), 9, '0') AS feedetl_sn,
        'V1' AS mdtrt_id, 'S_V1' AS setl_id, CASE WHEN ${bad ? `i = ${BAD_LINE}` : 'FALSE'} THEN '' ELSE 'M1' END AS psn_no,
        ${quote(HOSPITAL)} AS fixmedins_code, '2024-03-01 09:30:00' AS fee_ocur_time, 'SVC_BED' AS med_list_codg, '01' AS med_chrgitm_type,
        '1' AS cnt, '50' AS pric, '50' AS det_item_fee_sumamt, '0' AS fulamt_ownpay_amt,
        '' AS prd_days, '' AS rxno, '' AS bilg_dr_codg, '' AS bilg_dept_codg
      FROM range(${LINES}) t(i)`;
    await e.exec(`COPY (${lines(false)}) TO ${quote(join(dir, 'feedetl.csv'))} (FORMAT csv, HEADER true)`);
    await e.exec(`COPY (${lines(true)}) TO ${quote(join(badDir, 'feedetl.csv'))} (FORMAT csv, HEADER true)`);
    await e.close();

    const out = join(await mkdtemp(join(tmpdir(), 'fg-large-')), 'f.csv');
    const ok = fundguard(['screen', '--input', dir, '--out', out, '--quiet']);
    expect(ok.code, ok.stderr).toBe(0);

    const bad = fundguard(['screen', '--input', badDir, '--out', out, '--quiet']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`feedetl.csv: row ${BAD_LINE + 2}: column psn_no: required value is empty`);
    expect(bad.stderr).toContain(`feedetl.csv: row ${DUP_LINE + 2}: column feedetl_sn: duplicate feedetl_sn (first at row 9)`);
  }, 120_000);
});
