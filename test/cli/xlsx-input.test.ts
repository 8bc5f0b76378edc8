/**
 * `fundguard import` and `fundguard screen` read an .xlsx workbook as well as a directory, within the same limits as
 * an upload: a workbook that inflates past them is refused with exit code 1 and the reason, and no workspace is left.
 */
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fundguard } from '../support/cli.js';
import { bomb, part, sheetXml, SST_HEAD, workbookParts, writeZip } from '../support/zip.js';

const MiB = 1 << 20;
const header = part(
  'xl/worksheets/sheet1.xml',
  sheetXml([
    ['psn_no', 'gend', 'brdy'],
    [0, '1', '1960-05-01'],
  ]),
);

describe('fundguard import/screen --input book.xlsx', () => {
  it('imports a workbook, and refuses one that inflates past the limits with exit code 1 and the reason', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fg-cli-xlsx-'));
    const good = join(dir, 'good.xlsx');
    await writeZip(good, [...workbookParts(), header, part('xl/sharedStrings.xml', `${SST_HEAD}<si><t>P0001</t></si></sst>`)]);
    const ok = fundguard(['import', '--input', good, '--db', join(dir, 'ok.duckdb'), '--quiet']);
    expect(ok.code, ok.stderr).toBe(0);

    const sst = bomb(SST_HEAD, '<si><t>a</t></si>', 2000, '</sst>');
    const honest = join(dir, 'bomb.xlsx');
    await writeZip(honest, [...workbookParts(), header, { name: 'xl/sharedStrings.xml', ...sst }]);
    const forged = join(dir, 'forged.xlsx');
    await writeZip(forged, [...workbookParts(), header, { name: 'xl/sharedStrings.xml', compressed: sst.compressed, size: 250 * MiB }]);

    const started = performance.now();
    const imp = fundguard(['import', '--input', honest, '--db', join(dir, 'bomb.duckdb')]);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(imp.code).toBe(1);
    expect(imp.stderr).toMatch(
      /^fundguard: bomb\.xlsx: too large to read: xl\/sharedStrings\.xml inflates \d+-fold .*more than the limit of 200-fold$/m,
    );
    expect(existsSync(join(dir, 'bomb.duckdb'))).toBe(false);

    const screen = fundguard(['screen', '--input', forged, '--out', join(dir, 'findings.csv')]);
    expect(screen.code).toBe(1);
    expect(screen.stderr).toContain(
      'fundguard: forged.xlsx: too large to read: the shared-string table holds more than the limit of 5,000,000 strings',
    );
    expect(existsSync(join(dir, 'findings.csv'))).toBe(false);
  }, 120_000);
});
