/**
 * Issue 13, part 2: a small .xlsx that inflates to gigabytes took the server down (heap exhaustion after 187 s).
 * Uploaded through the API, such workbooks are now refused quickly with the reason (413 too_large, naming the
 * workbook and the limit), the server answers other requests meanwhile, its memory stays bounded, and nothing of
 * the upload is kept. The check runs in a worker thread with a bounded heap: exhausting it ends the worker, not the server.
 */
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECK_LIMITS } from '../../src/workbench/upload-check.js';
import { startTestServer, type Client, type TestServer } from '../support/server.js';
import { bomb, part, sheetXml, SHEET_HEAD, SHEET_TAIL, SST_HEAD, workbookParts, writeZip, type ZipPart } from '../support/zip.js';
import { multipart } from '../support/multipart.js';

const multipartOf = (name: string, content: Buffer) => multipart([{ name, content }]);

const MiB = 1 << 20;

async function xlsx(parts: ZipPart[]): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'fg-bomb-'));
  await writeZip(join(dir, 'book.xlsx'), [...workbookParts(), ...parts]);
  return readFile(join(dir, 'book.xlsx'));
}

const header = part(
  'xl/worksheets/sheet1.xml',
  sheetXml([
    ['psn_no', 'gend', 'brdy'],
    [0, '1', '1960-05-01'],
  ]),
);

describe('uploads of workbooks that inflate past the limits', () => {
  let s: TestServer;
  let admin: Client;
  beforeAll(async () => {
    s = await startTestServer('duckdb', { persons: 500 });
    admin = await s.login('admin');
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  async function upload(name: string, content: Buffer) {
    const { payload, contentType } = multipartOf(name, content);
    const started = performance.now();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': contentType },
    });
    return { status: res.statusCode, body: JSON.parse(res.body), ms: performance.now() - started };
  }

  /** Runs `f` while another request is answered every 100 ms; gives the slowest answer and the memory peaks. */
  async function meanwhile<T>(
    f: () => Promise<T>,
  ): Promise<{ result: T; slowestMs: number; answered: number; peakRss: number; peakHeap: number }> {
    let done = false;
    let slowestMs = 0;
    let answered = 0;
    let peakRss = 0;
    let peakHeap = 0;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 20);
    const probe = (async () => {
      while (!done) {
        const t = performance.now();
        const r = await admin.get('/api/meta');
        expect(r.status).toBe(200);
        slowestMs = Math.max(slowestMs, performance.now() - t);
        answered++;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    try {
      const result = await f();
      return { result, slowestMs, answered, peakRss, peakHeap };
    } finally {
      done = true;
      clearInterval(sampler);
      await probe;
    }
  }

  it('refuses each bomb with the reason, quickly, answering other requests, within bounded memory, keeping nothing', async () => {
    // Warm up: a valid workbook made the same way is accepted (and the worker's code is loaded once).
    const ok = await upload('ok.xlsx', await xlsx([header, part('xl/sharedStrings.xml', `${SST_HEAD}<si><t>P0001</t></si></sst>`)]));
    expect(ok.status, JSON.stringify(ok.body)).toBe(201);
    expect(ok.body.valid, JSON.stringify(ok.body.rejects)).toBe(true);
    const before = process.memoryUsage();

    // The workbook of the issue: ~5 MB whose shared strings inflate to 2 GB.
    const sst = bomb(SST_HEAD, '<si><t>a</t></si>', 2000, '</sst>');
    const rows = bomb(
      `${SHEET_HEAD}<row r="1"><c r="A1" t="inlineStr"><is><t>psn_no</t></is></c></row>`,
      '<row r="2"><c r="XFD2"/></row>',
      2000,
      SHEET_TAIL,
    );
    const cases: Array<{ name: string; parts: ZipPart[]; reason: RegExp | string; within: number }> = [
      {
        // Declared honestly: refused from the central directory, nothing inflated.
        name: 'bomb.xlsx',
        parts: [header, { name: 'xl/sharedStrings.xml', ...sst }],
        reason: /^bomb\.xlsx: too large to read: xl\/sharedStrings\.xml inflates \d+-fold \(.*\), more than the limit of 200-fold$/,
        within: 2000,
      },
      {
        // Declared as 250 MB (ratio 50, within every size limit): the 5,000,001st string stops it.
        name: 'strings.xlsx',
        parts: [header, { name: 'xl/sharedStrings.xml', compressed: sst.compressed, size: 250 * MiB }],
        reason: 'strings.xlsx: too large to read: the shared-string table holds more than the limit of 5,000,000 strings',
        within: 30_000,
      },
      {
        // A sheet of 2 GB of rows reaching column XFD, declared as 150× its compressed size: stopped at the cells limit.
        name: 'cells.xlsx',
        parts: [{ name: 'xl/worksheets/sheet1.xml', compressed: rows.compressed, size: rows.compressed.length * 150 }],
        reason: 'cells.xlsx: too large to read: more than the limit of 60,000,000 cells',
        within: 30_000,
      },
    ];
    for (const c of cases) {
      const r = await meanwhile(async () => upload(c.name, await xlsx(c.parts)));
      const { status, body, ms } = r.result;
      expect(status, JSON.stringify(body)).toBe(413);
      expect(body.error.code).toBe('too_large');
      if (typeof c.reason === 'string') expect(body.error.message).toBe(c.reason);
      else expect(body.error.message).toMatch(c.reason);
      expect(ms).toBeLessThan(c.within);
      // The server went on answering: no request waited behind the check.
      expect(r.slowestMs).toBeLessThan(1000);
      // Memory: this process's heap does not hold the workbook (the worker's heap is capped at 1 GB, and freed).
      expect(r.peakHeap - before.heapUsed).toBeLessThan(64 * MiB);
      expect(r.peakRss - before.rss).toBeLessThan(1536 * MiB);
      console.log(
        `${c.name}: refused in ${Math.round(ms)} ms; ${r.answered} other requests answered meanwhile (slowest ${Math.round(r.slowestMs)} ms); ` +
          `rss ${Math.round(before.rss / MiB)} → peak ${Math.round(r.peakRss / MiB)} MB, heap ${Math.round(before.heapUsed / MiB)} → peak ${Math.round(r.peakHeap / MiB)} MB`,
      );
    }
    const after = process.memoryUsage();
    console.log(`after: rss ${Math.round(after.rss / MiB)} MB, heap ${Math.round(after.heapUsed / MiB)} MB`);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(64 * MiB);
    // Nothing of a refused upload is kept (the valid one is).
    expect((await readdir(s.wb.uploadsDir)).filter((f) => f !== 'evidence')).toEqual([ok.body.id]);
  }, 180_000);

  it('refuses a workbook with more cells than the limit', async () => {
    s.wb.checkLimits = { ...DEFAULT_CHECK_LIMITS, workbook: { ...DEFAULT_CHECK_LIMITS.workbook, maxCells: 1000 } };
    try {
      const many = Array.from({ length: 600 }, (_, i) => [`P${i}`, '1']);
      const r = await upload('cells.xlsx', await xlsx([part('xl/worksheets/sheet1.xml', sheetXml([['psn_no', 'gend'], ...many]))]));
      expect(r.status).toBe(413);
      expect(r.body.error.message).toBe('cells.xlsx: too large to read: more than the limit of 1,000 cells');
    } finally {
      s.wb.checkLimits = DEFAULT_CHECK_LIMITS;
    }
  });

  it('a check that exhausts its heap ends its worker, not the server', async () => {
    s.wb.checkLimits = { ...DEFAULT_CHECK_LIMITS, heapMb: 32 };
    try {
      // Within every limit of the workbook (250 MB of shared strings, 250,000 of them), but more than a 32 MB heap holds.
      const sst = bomb(SST_HEAD, `<si><t>${'a'.repeat(1000)}</t></si>`, 2000, '</sst>');
      const r = await meanwhile(async () =>
        upload('heavy.xlsx', await xlsx([header, { name: 'xl/sharedStrings.xml', compressed: sst.compressed, size: 250 * MiB }])),
      );
      expect(r.result.status, JSON.stringify(r.result.body)).toBe(413);
      expect(r.result.body.error.message).toBe('heavy.xlsx: too large to check: the check needed more than the 32 MB of memory it may use');
      expect(r.slowestMs).toBeLessThan(1000);
    } finally {
      s.wb.checkLimits = DEFAULT_CHECK_LIMITS;
    }
    expect((await admin.get('/api/meta')).status).toBe(200);
  });
});
