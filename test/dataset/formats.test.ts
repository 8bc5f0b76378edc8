import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { quote } from '../../src/db/engine.js';
import { fundguard } from '../support/cli.js';
import { baseWorld, line, toCsv, visit, writeDataset, type TableRows } from '../support/fixture.js';

/** A world with one finding of several kinds, to compare input formats by their findings. */
function world(): TableRows {
  const w = baseWorld();
  w.hilist.push({ med_list_codg: 'GYN', name: '妇科检查', list_type: 'service', chrgitm_lv: '01', lmt_gend: '2', pric_uplmt_amt: 40 });
  w.setl.push(
    visit({ mdtrt_id: 'V1', psn_no: 'M1' }),
    visit({
      mdtrt_id: 'A1',
      psn_no: 'F1',
      med_type: '21',
      begntime: '2024-03-01 08:00:00',
      endtime: '2024-03-03 09:00:00',
      dise_codg: 'I20.000',
    }),
    visit({
      mdtrt_id: 'A2',
      psn_no: 'F1',
      med_type: '21',
      begntime: '2024-03-10 08:00:00',
      endtime: '2024-03-12 09:00:00',
      dise_codg: 'I20.100',
    }),
  );
  w.diag.push({ mdtrt_id: 'A1', maindiag_flag: '1', diag_code: 'I20.000' }, { mdtrt_id: 'A2', maindiag_flag: '1', diag_code: 'I20.100' });
  w.feedetl.push(
    line({ mdtrt_id: 'V1', feedetl_sn: 'L1', med_list_codg: 'GYN', med_chrgitm_type: '03', pric: 45, cnt: 2 }),
    line({
      mdtrt_id: 'A1',
      psn_no: 'F1',
      feedetl_sn: 'L2',
      fee_ocur_time: '2024-03-02 10:00:00',
      med_chrgitm_type: '05',
      med_list_codg: 'DRUG_A',
    }),
    line({
      mdtrt_id: 'A2',
      psn_no: 'F1',
      feedetl_sn: 'L3',
      fee_ocur_time: '2024-03-11 10:00:00',
      med_chrgitm_type: '05',
      med_list_codg: 'DRUG_A',
    }),
  );
  return w;
}

const HEADER = 'rule_code,level,fixmedins_code,psn_no,mdtrt_id,setl_id,feedetl_sn,med_list_codg,day,rtal_docno,amount,detail';

describe('input and output formats', () => {
  it('screen writes the exchange-format columns, one finding a row', async () => {
    const dir = await writeDataset(world());
    const out = join(await mkdtemp(join(tmpdir(), 'fg-out-')), 'findings.csv');
    const r = fundguard(['screen', '--input', dir, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/GENDER_RESTRICTED\s+限性别项目\s+definite\s+1\s+90\.00/);
    expect(r.stdout).toMatch(/peak memory \d+ MB/);
    const text = await readFile(out, 'utf8');
    const [header, ...rows] = text.trim().split('\n');
    expect(header).toBe(HEADER);
    expect(rows).toContain(
      'GENDER_RESTRICTED,definite,H11010100001,M1,V1,S_V1,L1,GYN,2024-03-01,,90.00,项目GYN（妇科检查）限女性使用，参保人M1性别为男',
    );
    expect(rows).toContain(
      'OVER_PRICE_CAP,definite,H11010100001,M1,V1,S_V1,L1,GYN,2024-03-01,,10.00,项目GYN（妇科检查）单价45元，超过三级限价40元，数量2',
    );
    expect(rows.some((l) => l.startsWith('SPLIT_ADMISSION,suspect,H11010100001,F1,A2,S_A2,,,2024-03-10,,'))).toBe(true);
  });

  it('reads CSV with a BOM, and Parquet, to the same findings; writes Parquet output', async () => {
    const csvDir = await writeDataset(world());
    const bomDir = await writeDataset(world());
    for (const t of ['setl', 'feedetl', 'psn']) {
      const p = join(bomDir, `${t}.csv`);
      await writeFile(p, `\uFEFF${await readFile(p, 'utf8')}`);
    }
    const pqDir = await mkdtemp(join(tmpdir(), 'fg-pq-'));
    const e = await DuckDbEngine.open(':memory:');
    for (const [t, rows] of Object.entries(world())) {
      if (!rows) continue;
      await e.exec(
        `COPY (SELECT * FROM read_csv(${quote(join(csvDir, `${t}.csv`))}, all_varchar=true)) TO ${quote(join(pqDir, `${t}.parquet`))} (FORMAT parquet)`,
      );
    }
    const outDir = await mkdtemp(join(tmpdir(), 'fg-out-'));
    expect(fundguard(['screen', '--input', csvDir, '--out', join(outDir, 'csv.csv')]).code).toBe(0);
    expect(fundguard(['screen', '--input', bomDir, '--out', join(outDir, 'bom.csv')]).code).toBe(0);
    expect(fundguard(['screen', '--input', pqDir, '--out', join(outDir, 'pq.parquet')]).code).toBe(0);
    const csv = await readFile(join(outDir, 'csv.csv'), 'utf8');
    expect(await readFile(join(outDir, 'bom.csv'), 'utf8')).toBe(csv);
    await e.exec(
      `COPY (SELECT * FROM read_parquet(${quote(join(outDir, 'pq.parquet'))})) TO ${quote(join(outDir, 'pq.csv'))} (FORMAT csv, HEADER true)`,
    );
    expect(await readFile(join(outDir, 'pq.csv'), 'utf8')).toBe(csv);
    expect(csv.trim().split('\n').length).toBeGreaterThan(3);
    await e.close();
  });

  it('trims space-padded text and reads empty text as missing, in CSV and Parquet alike', async () => {
    const tidy = await writeDataset(world());
    // Pad every text value of the visits and fee lines with spaces, and quote empty values, as some exports do.
    const padded = await writeDataset(world());
    const pqDir = await mkdtemp(join(tmpdir(), 'fg-pad-pq-'));
    const e = await DuckDbEngine.open(':memory:');
    for (const t of ['setl', 'feedetl']) {
      const rel = `read_csv(${quote(join(tidy, `${t}.csv`))}, all_varchar=true)`;
      const cols = (await e.all<{ column_name: string }>(`DESCRIBE SELECT * FROM ${rel}`)).map((c) => c.column_name);
      const pad = cols.map((c) => `CASE WHEN "${c}" IS NULL THEN '' ELSE ' ' || "${c}" || '  ' END AS "${c}"`).join(', ');
      await e.exec(`COPY (SELECT ${pad} FROM ${rel}) TO ${quote(join(padded, `${t}.csv`))} (FORMAT csv, HEADER true, FORCE_QUOTE *)`);
    }
    for (const t of Object.keys(world())) {
      await e.exec(
        `COPY (SELECT * FROM read_csv(${quote(join(padded, `${t}.csv`))}, all_varchar=true)) TO ${quote(join(pqDir, `${t}.parquet`))} (FORMAT parquet)`,
      );
    }
    const [one] = await e.all<{ sn: string }>(
      `SELECT feedetl_sn AS sn FROM read_parquet(${quote(join(pqDir, 'feedetl.parquet'))}) LIMIT 1`,
    );
    expect(one!.sn).toMatch(/^ \S+  $/);
    await e.close();
    const outDir = await mkdtemp(join(tmpdir(), 'fg-out-'));
    for (const [name, dir] of [
      ['tidy', tidy],
      ['padded', padded],
      ['pq', pqDir],
    ] as const) {
      const r = fundguard(['screen', '--input', dir, '--out', join(outDir, `${name}.csv`)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const expected = await readFile(join(outDir, 'tidy.csv'), 'utf8');
    expect(expected.trim().split('\n').length).toBeGreaterThan(3);
    expect(await readFile(join(outDir, 'padded.csv'), 'utf8')).toBe(expected);
    expect(await readFile(join(outDir, 'pq.csv'), 'utf8')).toBe(expected);
  });

  it('accepts the national platform extracts (setl_d, mdtrt_d, fee_list_d, setl_list_diag_d)', async () => {
    const w = world();
    const canonical = await writeDataset(w);
    const platform = await mkdtemp(join(tmpdir(), 'fg-platform-'));
    const persons = Object.fromEntries(w.psn!.map((p) => [p.psn_no, p]));
    await writeFile(
      join(platform, 'setl_d.csv'),
      toCsv(
        w.setl!.map((s) => ({
          setl_id: s.setl_id,
          mdtrt_id: s.mdtrt_id,
          psn_no: s.psn_no,
          fixmedins_code: s.fixmedins_code,
          fixmedins_name: '医院',
          hosp_lv: '02',
          med_type: s.med_type,
          begndate: String(s.begntime).slice(0, 10),
          enddate: String(s.endtime ?? '').slice(0, 10),
          medfee_sumamt: s.medfee_sumamt,
          hifp_pay: s.hifp_pay,
          acct_pay: s.acct_pay,
          cash_payamt: s.psn_cash_pay,
          setl_time: s.setl_time,
          gend: persons[String(s.psn_no)]!.gend,
          brdy: persons[String(s.psn_no)]!.brdy,
          insutype: '310',
          fix_blng_admdvs: '110101',
        })),
      ),
    );
    await writeFile(
      join(platform, 'mdtrt_d.csv'),
      toCsv(
        w.setl!.map((s) => ({
          mdtrt_id: s.mdtrt_id,
          psn_no: s.psn_no,
          begntime: s.begntime,
          endtime: s.endtime,
          dscg_maindiag_code: s.dise_codg,
          die_date: '',
        })),
      ),
    );
    await writeFile(
      join(platform, 'fee_list_d.csv'),
      toCsv(
        w.feedetl!.map(({ feedetl_sn, rxno, bilg_dr_codg, ...rest }) => ({
          bkkp_sn: feedetl_sn,
          rx_drord_no: rxno,
          bilg_dr_code: bilg_dr_codg,
          ...rest,
        })),
      ),
    );
    await writeFile(join(platform, 'setl_list_diag_d.csv'), toCsv(w.diag!.map((d) => ({ ...d, diag_type: '1' }))));
    await writeFile(join(platform, 'hilist.csv'), toCsv(w.hilist!));

    const outDir = await mkdtemp(join(tmpdir(), 'fg-out-'));
    const a = fundguard(['screen', '--input', canonical, '--out', join(outDir, 'a.csv')]);
    const b = fundguard(['screen', '--input', platform, '--out', join(outDir, 'b.csv')]);
    expect(a.code).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const rows = (s: string) =>
      s
        .trim()
        .split('\n')
        .filter((l) => /GENDER|SPLIT_ADMISSION/.test(l))
        .map((l) => l.split(',').slice(0, 10).join(','));
    const fa = rows(await readFile(join(outDir, 'a.csv'), 'utf8'));
    expect(fa.length).toBe(2);
    // the platform's level code 02 (三级甲等) maps to level 3, as the canonical fixture's institution is
    expect(rows(await readFile(join(outDir, 'b.csv'), 'utf8'))).toEqual(fa);
  });
});
