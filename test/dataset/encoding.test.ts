/**
 * CSV files in GB18030 (GBK) as the national platform and Chinese office software write them: detected, copied to
 * UTF-8 in a streaming pass, and screened exactly as their UTF-8 twin; files in neither encoding refused with the
 * byte offset and row.
 */
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { firstInvalidByte, sniffEncoding, transcodeToUtf8 } from '../../src/dataset/encoding.js';
import { importDataset, ImportRejected } from '../../src/dataset/importer.js';
import { generateCity } from '../../src/synthetic/generate.js';
import { fundguard } from '../support/cli.js';
import { baseWorld, line, toCsv, visit, writeDataset } from '../support/fixture.js';
import { encodeGb18030 } from '../support/gb18030.js';

const TEXT = 'med_list_codg,name\nX1,"阿莫西林胶囊, 0.25g"\nX2,复方甘草片\nX3,"多行\n说明"\n';

async function tempFile(name: string, content: Buffer | string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'fg-enc-'));
  await writeFile(join(dir, name), content);
  return join(dir, name);
}

describe('telling the encoding from a sample', () => {
  it('takes valid UTF-8 (with or without BOM) as UTF-8, else GB18030, else names the bad byte and row', () => {
    const utf8 = Buffer.from(TEXT);
    const gb = encodeGb18030(TEXT);
    expect(sniffEncoding(utf8, true)).toEqual({ encoding: 'utf-8', asciiOnly: false });
    expect(sniffEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]), true).encoding).toBe('utf-8');
    expect(sniffEncoding(Buffer.from('a,b\n1,2\n'), true)).toEqual({ encoding: 'utf-8', asciiOnly: true });
    expect(sniffEncoding(gb, true)).toEqual({ encoding: 'gb18030', asciiOnly: false });
    // A sample cut inside a character is not an error; the same bytes as a whole file are.
    const cut = utf8.subarray(0, utf8.indexOf(Buffer.from('莫')) + 1);
    expect(sniffEncoding(cut, false).encoding).toBe('utf-8');
    expect(firstInvalidByte(cut, 'utf-8', true)).toBe(cut.length - 1);

    const bad = Buffer.concat([Buffer.from('a,b\n1,2\n"x\ny",'), Buffer.from([0xff, 0xfe, 0x80]), Buffer.from('\n')]);
    const s = sniffEncoding(bad, true);
    expect(s.encoding).toBeNull();
    expect(s.problem?.row).toBe(3); // the quoted line break does not start a row
    expect(s.problem?.reason).toBe(
      'not UTF-8 or GB18030 text: byte 0xFF at byte offset 14 is not UTF-8 and byte 0xFF at byte offset 14 is not GB18030; save the file as UTF-8',
    );
  });
});

describe('copying GB18030 to UTF-8', () => {
  it('keeps characters split between chunks whole, whatever the chunk size, and drops a GB18030 byte-order mark', async () => {
    const gb = Buffer.concat([Buffer.from([0x84, 0x31, 0x95, 0x33]), encodeGb18030(TEXT)]);
    const path = await tempFile('hilist.csv', gb);
    for (const chunkSize of [1, 2, 3, 5, 7, 1 << 20]) {
      const dest = `${path}.${chunkSize}.utf8`;
      expect(await transcodeToUtf8(path, dest, { chunkSize })).toEqual({ ok: true, bytesRead: gb.length });
      expect(await readFile(dest, 'utf8')).toBe(TEXT);
    }
  });

  it('stops at a byte that is not GB18030 and names its offset and row, wherever the chunks end', async () => {
    const head = encodeGb18030('a,b\n中,"文\n字"\n甲,乙\n');
    const gb = Buffer.concat([head, Buffer.from([0xb0, 0xa1, 0xff, 0x41, 0x0a])]);
    const path = await tempFile('x.csv', gb);
    for (const chunkSize of [1, 3, 4, 64]) {
      const r = await transcodeToUtf8(path, `${path}.out`, { chunkSize });
      expect(r).toEqual({
        ok: false,
        row: 4,
        offset: head.length + 2,
        reason: `not UTF-8 or GB18030 text: byte 0xFF at byte offset ${head.length + 2} is not GB18030 (and the file is not UTF-8); save the file as UTF-8`,
      });
    }
  });
});

describe('GB18030 data sets', () => {
  let utf8Dir: string;
  let gbDir: string;
  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'fg-enc-city-'));
    utf8Dir = join(root, 'utf8');
    gbDir = join(root, 'gb18030');
    await generateCity({ out: utf8Dir, persons: 500, months: 1, startMonth: '2024-03', seed: 5, violationRate: 4, workers: 0 });
    await mkdir(gbDir);
    for (const f of await readdir(utf8Dir)) await writeFile(join(gbDir, f), encodeGb18030(await readFile(join(utf8Dir, f), 'utf8')));
  }, 60_000);

  it('screens a GB18030 twin to the same findings as the UTF-8 data set and names the encoding', async () => {
    const out = await mkdtemp(join(tmpdir(), 'fg-enc-out-'));
    const a = fundguard(['screen', '--input', utf8Dir, '--out', join(out, 'utf8.csv')]);
    const b = fundguard(['screen', '--input', gbDir, '--out', join(out, 'gb.csv')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const utf8Findings = await readFile(join(out, 'utf8.csv'), 'utf8');
    const gbFindings = await readFile(join(out, 'gb.csv'), 'utf8');
    expect(utf8Findings.split('\n').length).toBeGreaterThan(50);
    expect(utf8Findings).toMatch(/[\u4e00-\u9fff]/); // the evidence sentences carry Chinese names
    expect(gbFindings.split('\n').sort()).toEqual(utf8Findings.split('\n').sort());
    // Same codes, counts and amounts in the per-rule summary.
    const summary = (s: string) =>
      s
        .split('\n')
        .filter((l) => /^[A-Z_]+ /.test(l))
        .map((l) => l.replace(/\s+(\d+|-)(\s+skipped.*)?$/, '$2')); // without the milliseconds
    expect(summary(b.stdout)).toEqual(summary(a.stdout));
    // The report names each CSV file's encoding: GB18030 where the file has Chinese text, UTF-8 where it is plain ASCII.
    expect(b.stdout).toMatch(/fixmedins\s+fixmedins\.csv\s+gb18030/);
    expect(b.stdout).toMatch(/hilist\s+hilist\.csv\s+gb18030/);
    expect(b.stdout).toMatch(/feedetl\s+feedetl\.csv\s+utf-8/);
    expect(a.stdout).toMatch(/fixmedins\s+fixmedins\.csv\s+utf-8/);

    const e = await DuckDbEngine.open(':memory:');
    try {
      const report = await importDataset(e, gbDir, { inPlace: true });
      expect(report.tables.find((t) => t.table === 'hilist')?.encoding).toBe('gb18030');
      const names = await e.all<{ n: string }>(`SELECT fixmedins_name AS n FROM fixmedins ORDER BY 1 LIMIT 3`);
      const csv = await readFile(join(utf8Dir, 'fixmedins.csv'), 'utf8');
      for (const { n } of names) expect(csv).toContain(n);
    } finally {
      await e.close();
    }
  }, 120_000);
});

function goodWorld() {
  const w = baseWorld();
  w.setl.push(visit({ mdtrt_id: 'V1' }));
  w.feedetl.push(line({ mdtrt_id: 'V1', feedetl_sn: 'L1' }));
  return w;
}

/** hilist.csv whose first 64 KiB are plain ASCII, with Chinese names only further on. */
function lateChineseCatalogue(name: string): string {
  const w = goodWorld();
  const ascii = w.hilist.map((h) => ({ ...h, name: `item ${String(h.med_list_codg)}` }));
  const filler = Array.from({ length: 2000 }, (_, i) => ({
    med_list_codg: `FILL${i}`,
    name: `filler item ${i}`,
    list_type: 'drug',
    chrgitm_lv: '01',
  }));
  return toCsv(
    [...ascii, ...filler, { med_list_codg: 'LATE1', name, list_type: 'drug', chrgitm_lv: '01' }],
    ['med_list_codg', 'name', 'list_type', 'chrgitm_lv'],
  );
}

describe('files that start as plain ASCII', () => {
  it('reads a GB18030 file whose Chinese text comes after the sample as GB18030', async () => {
    const dir = await writeDataset(goodWorld());
    const csv = lateChineseCatalogue('复方丹参滴丸');
    expect(csv.indexOf('复方')).toBeGreaterThan(1 << 16);
    await writeFile(join(dir, 'hilist.csv'), encodeGb18030(csv));
    const e = await DuckDbEngine.open(':memory:');
    try {
      const report = await importDataset(e, dir, { inPlace: true });
      expect(report.tables.find((t) => t.table === 'hilist')).toMatchObject({ encoding: 'gb18030', rows: csv.split('\n').length - 2 });
      expect(report.tables.find((t) => t.table === 'setl')?.encoding).toBe('utf-8');
      expect(await e.all(`SELECT name FROM hilist WHERE med_list_codg = 'LATE1'`)).toEqual([{ name: '复方丹参滴丸' }]);
    } finally {
      await e.close();
    }
  });

  it('refuses a file that is neither, naming its row and the byte offset, on the command line with exit code 1', async () => {
    const dir = await writeDataset(goodWorld());
    const csv = lateChineseCatalogue('XXXX');
    const at = csv.indexOf('XXXX');
    const bytes = Buffer.from(csv);
    bytes.set([0xc0, 0xff, 0xfe, 0x80], at);
    await writeFile(join(dir, 'hilist.csv'), bytes);
    const r = fundguard(['screen', '--input', dir, '--out', join(dir, 'out.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `hilist.csv: row ${csv.slice(0, at).split('\n').length}: not UTF-8 or GB18030 text: byte 0xFF at byte offset ${at + 1} is not GB18030 (and the file is not UTF-8); save the file as UTF-8`,
    );
    expect(r.stderr).not.toContain('    at ');
  });

  it('refuses random bytes in the sample with the reason and row', async () => {
    const dir = await writeDataset(goodWorld());
    await writeFile(
      join(dir, 'psn.csv'),
      Buffer.concat([Buffer.from('psn_no,gend,brdy\n'), Buffer.from([0x80, 0xff, 0x81, 0x0a, 0xfe, 0x7f, 0x0a])]),
    );
    const e = await DuckDbEngine.open(':memory:');
    try {
      const err = await importDataset(e, dir, { inPlace: true }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(ImportRejected);
      const rejects = (err as ImportRejected).report.rejects.filter((r) => r.file === 'psn.csv');
      expect(rejects).toEqual([
        {
          file: 'psn.csv',
          row: 2,
          column: null,
          value: null,
          reason:
            'not UTF-8 or GB18030 text: byte 0x80 at byte offset 17 is not UTF-8 and byte 0xFF at byte offset 18 is not GB18030; save the file as UTF-8',
        },
      ]);
    } finally {
      await e.close();
    }
  });

  it('does not read a file that starts as UTF-8 Chinese and goes on in GBK as GB18030', async () => {
    const dir = await writeDataset(goodWorld());
    const csv = lateChineseCatalogue('复方丹参滴丸');
    const at = Buffer.from(csv).indexOf(Buffer.from('复方'));
    const mixed = Buffer.concat([Buffer.from(csv).subarray(0, at), encodeGb18030(csv.slice(csv.indexOf('复方')))]);
    mixed.write('中', csv.indexOf(',item') + 1); // UTF-8 Chinese in the sample, in row 2's name
    await writeFile(join(dir, 'hilist.csv'), mixed);
    const e = await DuckDbEngine.open(':memory:');
    try {
      const err = await importDataset(e, dir, { inPlace: true }).catch((x: unknown) => x);
      expect(err).toBeInstanceOf(ImportRejected);
      const rejects = (err as ImportRejected).report.rejects.filter((r) => r.file === 'hilist.csv');
      expect(rejects).toHaveLength(1);
      expect(rejects[0]).toMatchObject({ row: csv.slice(0, csv.indexOf('复方')).split('\n').length });
      expect(rejects[0]!.reason).toMatch(
        /^not UTF-8 text: a byte sequence near byte offset \d+ is not UTF-8, and the file's start is UTF-8/,
      );
    } finally {
      await e.close();
    }
  });
});
