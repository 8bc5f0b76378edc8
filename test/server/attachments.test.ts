/**
 * Evidence files over the API, as an outside probe tried them: a file is named by the type its content has (a PDF
 * uploaded as report.html or x.svg is kept and served as a .pdf), content that is not an allowed type is refused
 * whatever its name, invisible and bidi characters and path separators leave the name, a long name is cut to 120
 * characters keeping its extension, and a download is an attachment with the checked type, a safe filename and
 * filename*, and nosniff.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Client, type Reply, type TestServer } from '../support/server.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"><script>alert(1)</script></svg>');
const HTML = Buffer.from('<!doctype html><html><body><script>fetch("/api/auth/me")</script></body></html>');
const TEXT = Buffer.from('现场检查说明\n');

describe('evidence file names and downloads', () => {
  let s: TestServer;
  let city: Client;
  let clue: string;

  async function upload(name: string, bytes: Buffer): Promise<Reply> {
    const boundary = `----fgtest${Math.random().toString(16).slice(2)}`;
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/html\r\n\r\n`,
        'utf8',
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/clues/${clue}/attachments`,
      payload,
      headers: { cookie: city.cookie, 'x-csrf-token': city.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    return { status: res.statusCode, body: res.json(), headers: res.headers as Reply['headers'], raw: res.rawPayload };
  }

  /** Uploads, expects it kept, and returns the name it was kept under after checking the download's headers. */
  async function keptAs(name: string, bytes: Buffer, type: string): Promise<string> {
    const up = await upload(name, bytes);
    expect(up.status).toBe(201);
    expect(up.body.contentType).toBe(type);
    const got = await city.get(`/api/attachments/${up.body.id}`);
    expect(got.status).toBe(200);
    expect(got.raw.equals(bytes)).toBe(true);
    expect(got.headers['content-type']).toBe(type);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    const disposition = String(got.headers['content-disposition']);
    const m = /^attachment; filename="([\x20-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9%!#$&+\-.^_`|~]+)$/.exec(disposition);
    expect(m, disposition).not.toBeNull();
    expect(m![1]).not.toMatch(/["\\]/);
    expect(decodeURIComponent(m![2]!)).toBe(up.body.fileName);
    return up.body.fileName as string;
  }

  beforeAll(async () => {
    s = await startTestServer('duckdb', { persons: 800 });
    city = await s.login('city');
    const made = await city.post('/api/clues', { source: 'report', fixmedinsCode: s.fixtures.instA, summary: '举报材料' });
    expect(made.status).toBe(201);
    clue = made.body.id;
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  it('names a file by the type of its content: PDF content uploaded as report.html or x.svg is a .pdf', async () => {
    expect(await keptAs('report.html', PDF, 'application/pdf')).toBe('report.html.pdf');
    expect(await keptAs('x.svg', PDF, 'application/pdf')).toBe('x.svg.pdf');
    expect(await keptAs('扫描件', PDF, 'application/pdf')).toBe('扫描件.pdf');
    expect(await keptAs('检查记录 2024.03', PDF, 'application/pdf')).toBe('检查记录 2024.03.pdf');
    expect(await keptAs('Scan.PDF', PDF, 'application/pdf')).toBe('Scan.PDF');
    expect(await keptAs("O'Brien (1).pdf", PDF, 'application/pdf')).toBe("O'Brien (1).pdf");
  });

  it('refuses SVG and HTML content whatever the name', async () => {
    for (const [name, bytes] of [
      ['x.svg', SVG],
      ['x.pdf', SVG],
      ['report.html', HTML],
      ['report.png', HTML],
    ] as const) {
      const r = await upload(name, bytes);
      expect(r.status, name).toBe(400);
      expect(r.body.error.message).toMatch(/not an allowed file/);
    }
    expect((await city.get(`/api/clues/${clue}`)).body.attachments.some((a: { fileName: string }) => /svg$|html$/.test(a.fileName))).toBe(
      false,
    );
  });

  it('drops bidi, format and control characters and path separators from the name', async () => {
    // U+202E would show "invoice\u202Egpj.txt" as "invoicetxt.jpg".
    expect(await keptAs('invoice\u202Egpj.txt', TEXT, 'text/plain; charset=utf-8')).toBe('invoicegpj.txt');
    expect(
      await keptAs(
        'a\u200Eb\u200Fc\u202Ad\u202Be\u202Cf\u2066g\u2067h\u2068i\u2069j\u061Ck\u200Bl\u200Dm\uFEFFn.pdf',
        PDF,
        'application/pdf',
      ),
    ).toBe('abcdefghijklmn.pdf');
    expect(await keptAs('bell\u0007\u0085\u009b.pdf', PDF, 'application/pdf')).toBe('bell.pdf');
    expect(await keptAs('..\\..\\windows\\evil.pdf', PDF, 'application/pdf')).toBe('evil.pdf');
    expect(await keptAs('dir\u2215..\uff0fx.pdf', PDF, 'application/pdf')).toBe('x.pdf');
    expect(await keptAs('...hidden.pdf. ', PDF, 'application/pdf')).toBe('hidden.pdf');
    expect(await keptAs('\u202E.pdf', PDF, 'application/pdf')).toBe('file.pdf');
  });

  it('cuts a long name to 120 characters and keeps the extension of the checked type', async () => {
    const long = await keptAs(`${'a'.repeat(300)}.html`, PDF, 'application/pdf');
    expect(long).toBe(`${'a'.repeat(116)}.pdf`);
    const cjk = await keptAs(`${'证'.repeat(200)}.txt`, TEXT, 'text/plain; charset=utf-8');
    expect([...cjk].length).toBe(120);
    expect(cjk.endsWith('证.txt')).toBe(true);
  });

  it('serves a file kept before names were made safe under a safe name of its checked type', async () => {
    const up = await upload('old.pdf', PDF);
    await s.wb.store.query(`UPDATE fg_attachment SET file_name = $1 WHERE id = $2`, ['report\u202Egpj.html', up.body.id]);
    const got = await city.get(`/api/attachments/${up.body.id}`);
    expect(got.headers['content-disposition']).toBe(`attachment; filename="reportgpj.html.pdf"; filename*=UTF-8''reportgpj.html.pdf`);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect((await city.get(`/api/clues/${clue}`)).body.attachments.find((a: { id: string }) => a.id === up.body.id).fileName).toBe(
      'reportgpj.html.pdf',
    );
  });
});
