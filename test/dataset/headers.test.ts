/** Header defects (a repeated column, names equal but for case or spaces, a column without a name) are bad input: a reject at row 1. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { importDataset, ImportRejected } from '../../src/dataset/importer.js';
import { fundguard } from '../support/cli.js';
import { baseWorld, line, toCsv, visit, writeDataset } from '../support/fixture.js';

function world() {
  const w = baseWorld();
  w.setl.push(visit({ mdtrt_id: 'V1' }));
  w.feedetl.push(line({ mdtrt_id: 'V1', feedetl_sn: 'L1' }), line({ mdtrt_id: 'V1', feedetl_sn: 'L2' }));
  return w;
}

/** feedetl.csv with `extra` appended to the header and `value` to every row. */
async function withFeeHeader(extra: string, value: string): Promise<string> {
  const w = world();
  const dir = await writeDataset(w);
  const [head, ...rows] = toCsv(w.feedetl).trimEnd().split('\n');
  await writeFile(join(dir, 'feedetl.csv'), [`${head}${extra}`, ...rows.map((r) => `${r}${value}`)].join('\n') + '\n');
  return dir;
}

async function rejectsOf(dir: string): Promise<string[]> {
  const e = await DuckDbEngine.open(':memory:');
  try {
    const err = await importDataset(e, dir, { inPlace: true }).catch((x: unknown) => x);
    expect(err).toBeInstanceOf(ImportRejected);
    return (err as ImportRejected).report.rejects.map((r) => `${r.file}:${r.row}:${r.column}:${r.reason}:${r.value}`);
  } finally {
    await e.close();
  }
}

describe('header defects', () => {
  it('a repeated column name: the command line names file, row 1 and the columns, exit code 1, no stack trace', async () => {
    const dir = await withFeeHeader(',cnt', ',9');
    const r = fundguard(['screen', '--input', dir, '--out', join(dir, 'out.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'feedetl.csv: row 1: column cnt: appears more than once in the header (columns 8 and 17), and which one is meant cannot be told',
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('names that differ only in case or surrounding spaces are the same column', async () => {
    expect(await rejectsOf(await withFeeHeader(', CNT ', ',9'))).toEqual([
      'feedetl.csv:1:cnt:appears more than once in the header (columns 8 and 17); names that differ only in case or surrounding spaces are the same column, and which one is meant cannot be told:"cnt", " CNT "',
    ]);
  });

  it('a column without a name', async () => {
    expect(await rejectsOf(await withFeeHeader(',,note', ',x,y'))).toEqual([
      'feedetl.csv:1:#17:the header gives column 17 no name; every column needs one (a trailing comma in the header makes an empty column):',
    ]);
  });

  it('a platform column beside the exchange column it is renamed to', async () => {
    const w = world();
    const dir = await writeDataset({ ...w, feedetl: undefined });
    const fee = w.feedetl.map((l) => ({ bkkp_sn: `B${String(l.feedetl_sn)}`, ...l }));
    await writeFile(join(dir, 'fee_list_d.csv'), toCsv(fee));
    expect(await rejectsOf(dir)).toEqual([
      'fee_list_d.csv:1:feedetl_sn:appears more than once in the header (columns 1 and 2); a platform column and the exchange column it is renamed to are the same column, and which one is meant cannot be told:"bkkp_sn", "feedetl_sn"',
    ]);
  });

  it('Parquet: two columns that are one once trimmed', async () => {
    const csvDir = await writeDataset(world());
    const dir = await mkdtemp(join(tmpdir(), 'fg-pq-head-'));
    const e = await DuckDbEngine.open(':memory:');
    try {
      for (const t of ['fixmedins', 'psn', 'hilist', 'setl', 'diag'])
        await e.exec(
          `COPY (SELECT * FROM read_csv('${join(csvDir, `${t}.csv`)}', all_varchar=true)) TO '${join(dir, `${t}.parquet`)}' (FORMAT parquet)`,
        );
      await e.exec(
        `COPY (SELECT *, cnt AS " cnt" FROM read_csv('${join(csvDir, 'feedetl.csv')}', all_varchar=true)) TO '${join(dir, 'feedetl.parquet')}' (FORMAT parquet)`,
      );
    } finally {
      await e.close();
    }
    const r = fundguard(['screen', '--input', dir, '--out', join(dir, 'out.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('feedetl.parquet: column cnt: appears more than once in the header (columns 8 and 17)');
  });
});
