import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { importDataset, ImportRejected } from '../../src/dataset/importer.js';
import { fundguard } from '../support/cli.js';
import { baseWorld, line, toCsv, visit, writeDataset, type TableRows } from '../support/fixture.js';

function goodWorld(): TableRows {
  const w = baseWorld();
  w.setl.push(visit({ mdtrt_id: 'V1' }), visit({ mdtrt_id: 'V2', psn_no: 'F1' }));
  w.feedetl.push(
    line({ mdtrt_id: 'V1', feedetl_sn: 'L1' }),
    line({ mdtrt_id: 'V1', feedetl_sn: 'L2' }),
    line({ mdtrt_id: 'V2', feedetl_sn: 'L3', psn_no: 'F1' }),
  );
  return w;
}

async function tableCounts(db: string): Promise<Record<string, number>> {
  const e = await DuckDbEngine.open(db);
  try {
    const rows = await e.all<{ t: string; n: number }>(
      `SELECT 'setl' AS t, COUNT(*) AS n FROM setl UNION ALL SELECT 'feedetl', COUNT(*) FROM feedetl UNION ALL SELECT 'psn', COUNT(*) FROM psn`,
    );
    return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
  } finally {
    await e.close();
  }
}

async function fingerprint(db: string): Promise<string> {
  const e = await DuckDbEngine.open(db);
  try {
    const rows = await e.all(`SELECT feedetl_sn, mdtrt_id, cnt, pric FROM feedetl ORDER BY feedetl_sn`);
    return JSON.stringify(rows);
  } finally {
    await e.close();
  }
}

describe('malformed data sets', () => {
  it('names file, row, column and reason for each problem, exits non-zero and leaves the workspace unchanged', async () => {
    const good = await writeDataset(goodWorld());
    const bad = await writeDataset(goodWorld());
    // fee lines: text in a number column, a bad date, a duplicate feedetl_sn, a line of an unknown visit
    const lines = [
      line({ mdtrt_id: 'V1', feedetl_sn: 'L1' }),
      line({ mdtrt_id: 'V1', feedetl_sn: 'L2', cnt: 'two', det_item_fee_sumamt: 100 }),
      line({ mdtrt_id: 'V1', feedetl_sn: 'L3', fee_ocur_time: '2024-02-30 08:00:00' }),
      line({ mdtrt_id: 'V1', feedetl_sn: 'L1' }),
      line({ mdtrt_id: 'NO_SUCH_VISIT', feedetl_sn: 'L5' }),
    ];
    await writeFile(join(bad, 'feedetl.csv'), toCsv(lines));
    // persons without the required column brdy
    await writeFile(join(bad, 'psn.csv'), 'psn_no,gend\nM1,1\nF1,2\n');
    // a settlement with a bad date
    const setl = [visit({ mdtrt_id: 'V1' }), visit({ mdtrt_id: 'V2', psn_no: 'F1', begntime: '2024-03-32 08:00:00' })];
    await writeFile(join(bad, 'setl.csv'), toCsv(setl));

    const dir = await mkdtemp(join(tmpdir(), 'fg-ws-'));
    const db = join(dir, 'ws.duckdb');
    expect(fundguard(['import', '--input', good, '--db', db, '--quiet']).code).toBe(0);
    const before = await fingerprint(db);
    const countsBefore = await tableCounts(db);

    const rejects = join(dir, 'rejects.csv');
    const r = fundguard(['import', '--input', bad, '--db', db, '--rejects', rejects]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('feedetl.csv: row 3: column cnt: not a number (value: "two")');
    expect(r.stderr).toContain('feedetl.csv: row 4: column fee_ocur_time: not a valid time');
    expect(r.stderr).toContain('feedetl.csv: row 5: column feedetl_sn: duplicate feedetl_sn (first at row 2)');
    expect(r.stderr).toContain('feedetl.csv: row 6: column mdtrt_id: unknown visit');
    expect(r.stderr).toContain('psn.csv: row 1: column brdy: required column is missing from the header');
    expect(r.stderr).toContain('setl.csv: row 3: column begntime: not a valid time');
    expect(r.stderr).toContain('the workspace is unchanged');

    const report = await readFile(rejects, 'utf8');
    expect(report.split('\n')[0]).toBe('file,row,column,value,reason');
    expect(report).toContain('feedetl.csv,3,cnt,two,not a number');

    expect(await fingerprint(db)).toBe(before);
    expect(await tableCounts(db)).toEqual(countsBefore);
  });

  it('does not create a workspace file when the first import is rejected', async () => {
    const bad = await writeDataset(goodWorld());
    await writeFile(join(bad, 'feedetl.csv'), toCsv([line({ mdtrt_id: 'V1', feedetl_sn: 'L1', pric: 'cheap' })]));
    const db = join(await mkdtemp(join(tmpdir(), 'fg-ws-')), 'new.duckdb');
    const r = fundguard(['import', '--input', bad, '--db', db]);
    expect(r.code).toBe(1);
    expect(existsSync(db)).toBe(false);
  });

  it('screen --input on a malformed set exits non-zero and writes no findings', async () => {
    const bad = await writeDataset(goodWorld());
    await writeFile(
      join(bad, 'feedetl.csv'),
      toCsv([line({ mdtrt_id: 'V1', feedetl_sn: 'L1' }), line({ mdtrt_id: 'V1', feedetl_sn: 'L1' })]),
    );
    const out = join(await mkdtemp(join(tmpdir(), 'fg-out-')), 'findings.csv');
    const r = fundguard(['screen', '--input', bad, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('feedetl.csv: row 3: column feedetl_sn: duplicate feedetl_sn');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects bad codes, enumerations and resident-ID check digits', async () => {
    const w = goodWorld();
    w.fixmedins!.push({ fixmedins_code: 'X123', fixmedins_name: '坏编码', fixmedins_type: '3', admdvs: '11010', hosp_lv: 5 });
    w.psn!.push(
      { psn_no: 'C_OK', gend: '1', brdy: '1949-12-31', certno: '11010519491231002X' },
      { psn_no: 'C_BAD', gend: '1', brdy: '1949-12-31', certno: '110105194912310021' },
      { psn_no: 'G_BAD', gend: '9', brdy: '1949-12-31' },
    );
    const dir = await writeDataset(w);
    const e = await DuckDbEngine.open(':memory:');
    try {
      const err = await importDataset(e, dir, { inPlace: true }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(ImportRejected);
      const rejects = (err as ImportRejected).report.rejects.map((r) => `${r.file}:${r.row}:${r.column}:${r.reason}`);
      expect(rejects).toContain('fixmedins.csv:6:fixmedins_code:institution code must be H or P followed by 11 digits');
      expect(rejects).toContain('fixmedins.csv:6:fixmedins_type:value not allowed (allowed: 1, 2)');
      expect(rejects).toContain('fixmedins.csv:6:hosp_lv:value not allowed (allowed: 0, 1, 2, 3)');
      expect(rejects).toContain('fixmedins.csv:6:admdvs:administrative division code must be 6 digits');
      expect(rejects).toContain('psn.csv:5:certno:resident ID check digit does not match (GB 11643)');
      expect(rejects).toContain('psn.csv:6:gend:value not allowed (allowed: 1, 2)');
      expect(rejects.filter((r) => r.startsWith('psn.csv:4:'))).toEqual([]);
    } finally {
      await e.close();
    }
  });
});

describe('--skip-invalid', () => {
  it('imports the rest, counts the rejects and drops the fee lines of a rejected settlement', async () => {
    const w = goodWorld();
    w.setl!.push(visit({ mdtrt_id: 'V3', hifp_pay: 'lots' }));
    w.feedetl!.push(line({ mdtrt_id: 'V3', feedetl_sn: 'L9' }), line({ mdtrt_id: 'V1', feedetl_sn: 'L10', cnt: 'x' }));
    const dir = await writeDataset(w);
    const e = await DuckDbEngine.open(':memory:');
    try {
      const report = await importDataset(e, dir, { inPlace: true, skipInvalid: true });
      expect(report.applied).toBe(true);
      const byTable = Object.fromEntries(report.tables.map((t) => [t.table, t]));
      expect(byTable.setl).toMatchObject({ rows: 2, rejected: 1 });
      expect(byTable.feedetl).toMatchObject({ rows: 3, rejected: 2 });
      const ids = await e.all<{ feedetl_sn: string }>(`SELECT feedetl_sn FROM feedetl ORDER BY 1`);
      expect(ids.map((r) => r.feedetl_sn)).toEqual(['L1', 'L2', 'L3']);
      expect(report.rejects.map((r) => `${r.file}:${r.row}:${r.column}`)).toEqual(
        expect.arrayContaining(['setl.csv:4:hifp_pay', 'feedetl.csv:5:mdtrt_id', 'feedetl.csv:6:cnt']),
      );
    } finally {
      await e.close();
    }
  });
});

describe('malformed Parquet', () => {
  it('names the row and column of a value that does not fit its type, and of a duplicate id', async () => {
    const csvDir = await writeDataset(goodWorld());
    await writeFile(
      join(csvDir, 'feedetl.csv'),
      toCsv([
        line({ mdtrt_id: 'V1', feedetl_sn: 'L1' }),
        line({ mdtrt_id: 'V1', feedetl_sn: 'L2', cnt: 'many', det_item_fee_sumamt: 1 }),
        line({ mdtrt_id: 'V1', feedetl_sn: 'L1' }),
      ]),
    );
    const pqDir = await mkdtemp(join(tmpdir(), 'fg-pq-'));
    const e = await DuckDbEngine.open(':memory:');
    try {
      for (const t of ['fixmedins', 'psn', 'hilist', 'setl', 'feedetl', 'diag']) {
        await e.exec(
          `COPY (SELECT * FROM read_csv('${join(csvDir, `${t}.csv`)}', all_varchar=true)) TO '${join(pqDir, `${t}.parquet`)}' (FORMAT parquet)`,
        );
      }
      const r = fundguard(['screen', '--input', pqDir, '--out', join(pqDir, 'out.csv')]);
      expect(r.code).toBe(1);
      // Parquet has no header row: the first record is row 1.
      expect(r.stderr).toContain('feedetl.parquet: row 2: column cnt: not a number (value: "many")');
      expect(r.stderr).toContain('feedetl.parquet: row 3: column feedetl_sn: duplicate feedetl_sn (first at row 1)');
      expect(existsSync(join(pqDir, 'out.csv'))).toBe(false);
    } finally {
      await e.close();
    }
  });
});
