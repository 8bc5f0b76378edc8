/**
 * Importing through the workbench: upload (CSV and Parquet files, or one .xlsx workbook), a validation report
 * that names file, row, column and reason without touching the workspace, then import and screening as a job.
 */
import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../../src/dataset/importer.js';
import { DuckDbEngine } from '../../src/db/duckdb.js';
import { generateCity } from '../../src/synthetic/generate.js';
import { Workbench } from '../../src/workbench/workbench.js';
import { encodeGb18030 } from '../support/gb18030.js';
import { startTestServer, type Client, type TestServer } from '../support/server.js';
import { multipart } from '../support/multipart.js';

async function upload(s: TestServer, c: Client, files: Array<{ name: string; content: Buffer | string }>) {
  const { payload, contentType } = multipart(files);
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/imports',
    payload,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': contentType },
  });
  return { status: res.statusCode, body: JSON.parse(res.body) };
}

async function filesOf(dir: string): Promise<Array<{ name: string; content: Buffer }>> {
  return Promise.all(
    (await readdir(dir)).filter((f) => !f.startsWith('.')).map(async (name) => ({ name, content: await readFile(join(dir, name)) })),
  );
}

describe('imports through the workbench', () => {
  let s: TestServer;
  let admin: Client;
  let extra: string;
  beforeAll(async () => {
    s = await startTestServer('duckdb', { persons: 800 });
    admin = await s.login('admin');
    extra = join(s.dir, 'april');
    await generateCity({ out: extra, persons: 600, months: 1, startMonth: '2024-04', seed: 77, violationRate: 4, workers: 0 });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('checks an upload without changing the workspace, then imports and screens it as a job', async () => {
    const before = (await admin.get('/api/findings?pageSize=1')).body.total;
    const metaBefore = (await admin.get('/api/meta')).body.period;
    const v = await upload(s, admin, await filesOf(extra));
    expect(v.status).toBe(201);
    expect(v.body.valid).toBe(true);
    expect(v.body.rejectCount).toBe(0);
    expect(v.body.tables.map((t: { table: string }) => t.table)).toContain('feedetl');
    expect(v.body.ignored).toEqual(expect.arrayContaining(['labels.csv', 'drift_labels.csv']));
    // The folder the files arrive in is the workbench's own, never the user's to see.
    expect(v.body.ignored).not.toContain('_upload');
    expect((await admin.get('/api/findings?pageSize=1')).body.total).toBe(before);
    const job = await admin.post(`/api/imports/${v.body.id}/apply`);
    expect(job.status).toBe(202);
    let state = job.body;
    for (let i = 0; i < 600 && state.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      state = (await admin.get(`/api/jobs/${job.body.id}`)).body;
    }
    expect(state.status, state.error).toBe('done');
    expect(state.result.importedRows).toBeGreaterThan(1000);
    expect((await admin.get('/api/findings?pageSize=1')).body.total).toBeGreaterThan(before);
    expect((await admin.get('/api/meta')).body.period.to).toBe('2024-04');
    expect(metaBefore.to).toBe('2024-03');
    expect((await admin.post(`/api/imports/${v.body.id}/apply`)).status).toBe(404);
  });

  it('reports bad rows by file, row, column and reason, and marks the upload invalid', async () => {
    const files = await filesOf(extra);
    const fee = files.find((f) => f.name === 'feedetl.csv')!;
    const lines = fee.content.toString('utf8').split('\n');
    const cols = lines[0]!.split(',');
    const row = lines[3]!.split(',');
    row[cols.indexOf('fee_ocur_time')] = '2024-13-40 99:00:00';
    lines[3] = row.join(',');
    const v = await upload(
      s,
      admin,
      files.map((f) => (f.name === 'feedetl.csv' ? { name: f.name, content: lines.join('\n') } : f)),
    );
    expect(v.status).toBe(201);
    expect(v.body.valid).toBe(false);
    expect(v.body.rejects).toContainEqual(
      expect.objectContaining({ file: 'feedetl.csv', row: 4, column: 'fee_ocur_time', value: '2024-13-40 99:00:00' }),
    );
    // An invalid upload can never be applied (all or nothing): nothing of it is kept.
    expect(existsSync(join(s.wb.uploadsDir, v.body.id))).toBe(false);
    expect((await admin.post(`/api/imports/${v.body.id}/apply`)).status).toBe(404);
  });

  it("reads GB18030 files and names each file's encoding in the check report", async () => {
    const files = await filesOf(extra);
    const v = await upload(
      s,
      admin,
      files.map((f) =>
        ['fixmedins.csv', 'hilist.csv'].includes(f.name) ? { name: f.name, content: encodeGb18030(f.content.toString('utf8')) } : f,
      ),
    );
    expect(v.status).toBe(201);
    expect(v.body.valid, JSON.stringify(v.body.rejects)).toBe(true);
    const encodings = Object.fromEntries(v.body.tables.map((t: { table: string; encoding?: string }) => [t.table, t.encoding]));
    expect(encodings).toMatchObject({ fixmedins: 'gb18030', hilist: 'gb18030', setl: 'utf-8', feedetl: 'utf-8' });
  });

  it('reports a repeated column name as a reject at row 1, not a server error', async () => {
    const files = await filesOf(extra);
    const dup = (f: { name: string; content: Buffer }) => {
      const [head, ...rows] = f.content.toString('utf8').split('\n');
      return { name: f.name, content: [`${head},CNT`, ...rows.map((r) => (r ? `${r},1` : r))].join('\n') };
    };
    const v = await upload(
      s,
      admin,
      files.map((f) => (f.name === 'feedetl.csv' ? dup(f) : f)),
    );
    expect(v.status).toBe(201);
    expect(v.body.valid).toBe(false);
    expect(v.body.rejects).toContainEqual(
      expect.objectContaining({
        file: 'feedetl.csv',
        row: 1,
        column: 'cnt',
        reason: expect.stringContaining('appears more than once in the header'),
      }),
    );
  });

  it('accepts one .xlsx workbook with a sheet per table', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = (name: string, header: string[], rows: unknown[][]) => {
      const ws = wb.addWorksheet(name);
      ws.addRow(header);
      for (const r of rows) ws.addRow(r);
    };
    sheet(
      'fixmedins',
      ['fixmedins_code', 'fixmedins_name', 'fixmedins_type', 'hosp_lv', 'admdvs'],
      [['H33010299901', '测试医院', '1', 2, '330102']],
    );
    sheet('psn', ['psn_no', 'gend', 'brdy'], [['P0001', '1', new Date(Date.UTC(1960, 4, 1))]]);
    sheet(
      'setl',
      ['setl_id', 'mdtrt_id', 'psn_no', 'fixmedins_code', 'med_type', 'begntime', 'medfee_sumamt', 'hifp_pay', 'setl_time'],
      [['S1', 'M1', 'P0001', 'H33010299901', '11', new Date(Date.UTC(2024, 4, 2, 9)), 120.5, 60, new Date(Date.UTC(2024, 4, 2, 10))]],
    );
    sheet('说明', ['note'], [['extra sheet, ignored']]);
    const v = await upload(s, admin, [{ name: 'extract.xlsx', content: Buffer.from(await wb.xlsx.writeBuffer()) }]);
    // Kept until applied: the sheets as CSV files only (the workbook and the folder it came in are gone), none listed.
    expect(v.body.ignored).toEqual([]);
    expect((await readdir(join(s.wb.uploadsDir, v.body.id))).sort()).toEqual(['fixmedins.csv', 'psn.csv', 'setl.csv']);
    expect(v.status).toBe(201);
    expect(v.body.valid, JSON.stringify(v.body.rejects)).toBe(true);
    expect(v.body.tables.map((t: { table: string; rows: number }) => `${t.table}:${t.rows}`).sort()).toEqual([
      'fixmedins:1',
      'psn:1',
      'setl:1',
    ]);
  });

  it('deletes an upload checked but not applied within the expiry, and leaves evidence files and fresh uploads alone', async () => {
    const psn = 'psn_no,gend,brdy\nP0001,1,1960-05-01\n';
    const old = await upload(s, admin, [{ name: 'psn.csv', content: psn }]);
    const fresh = await upload(s, admin, [{ name: 'psn.csv', content: psn }]);
    expect(old.body.valid && fresh.body.valid, JSON.stringify(old.body.rejects)).toBe(true);
    const day = new Date(Date.now() - 25 * 3600_000);
    await utimes(join(s.wb.uploadsDir, old.body.id), day, day);
    await mkdir(s.wb.evidenceDir, { recursive: true });
    const evidence = join(s.wb.evidenceDir, 'old-evidence.pdf');
    await writeFile(evidence, 'evidence');
    await utimes(evidence, day, day);
    await utimes(s.wb.evidenceDir, day, day);

    expect(await s.wb.sweepUploads()).toEqual([old.body.id]);
    expect(existsSync(join(s.wb.uploadsDir, old.body.id))).toBe(false);
    expect(existsSync(join(s.wb.uploadsDir, fresh.body.id))).toBe(true);
    expect(await readFile(evidence, 'utf8')).toBe('evidence');
    const gone = await admin.post(`/api/imports/${old.body.id}/apply`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.message).toBe('no such upload (an upload not applied within 24 hours of its check is deleted)');
    await rm(join(s.wb.uploadsDir, fresh.body.id), { recursive: true });
  });

  it('sweeps expired uploads when the workbench opens, and then periodically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'fg-sweep-'));
    const uploads = join(dir, 'uploads');
    const stale = join(uploads, '00000000-0000-4000-8000-000000000001');
    const recent = join(uploads, '00000000-0000-4000-8000-000000000002');
    for (const d of [stale, recent, join(uploads, 'evidence')]) {
      await mkdir(d, { recursive: true });
      await writeFile(join(d, 'psn.csv'), 'psn_no\n');
    }
    const long = new Date(Date.now() - 3600_000);
    await utimes(stale, long, long);
    await utimes(join(uploads, 'evidence'), long, long);
    // An expiry of 3.6 s: the sweep at opening removes the stale upload; the periodic one the recent upload soon after.
    const engine = await DuckDbEngine.open(join(dir, 'w.duckdb'));
    await importDataset(engine, extra);
    await engine.close();
    const wb = await Workbench.open({ db: join(dir, 'w.duckdb'), uploadsDir: uploads, uploadExpiryHours: 0.001 });
    try {
      expect(existsSync(stale)).toBe(false);
      expect(existsSync(recent)).toBe(true);
      for (let i = 0; i < 100 && existsSync(recent); i++) await new Promise((r) => setTimeout(r, 100));
      expect(existsSync(recent)).toBe(false);
      expect(await readFile(join(uploads, 'evidence', 'psn.csv'), 'utf8')).toBe('psn_no\n');
    } finally {
      await wb.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('refuses files of other kinds, mixed workbooks and files, and empty uploads', async () => {
    expect((await upload(s, admin, [{ name: 'run.exe', content: 'MZ' }])).status).toBe(400);
    expect(
      (
        await upload(s, admin, [
          { name: 'a.xlsx', content: 'x' },
          { name: 'psn.csv', content: 'psn_no\n1' },
        ])
      ).status,
    ).toBe(400);
    expect((await upload(s, admin, [])).status).toBe(400);
  });
});
