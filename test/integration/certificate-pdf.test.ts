import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import QRCode from 'qrcode';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, describe, expect, it } from 'vitest';
import type { CertificatePdfData } from '../../src-main/pdf/certificate-data.js';
import { qrBox } from '../../src-main/pdf/certificate-layout.js';
import { readPng } from '../../src-main/pdf/images.js';
import {
  closePdfWorkers,
  renderCertificatePdf,
  renderCertificatePdfSync,
  renderMergedPdf,
} from '../../src-main/pdf/render.js';
import { setUpApp } from '../helpers/app.js';

const LOGO = readFileSync(new URL('../../assets/icon.png', import.meta.url));
const QR_TEXT = `FBC1.${Buffer.from('{"v":1,"n":"NVK-2026-000123","p":"Åsa Öberg"}').toString('base64url')}.${'Zm9v'.repeat(21)}AB`;

function sample(over: Partial<CertificatePdfData> = {}, t: Partial<CertificatePdfData['template']> = {}) {
  const data: CertificatePdfData = {
    template: {
      title: 'Certificate of Completion',
      body: '{person} has completed {what} on {completed} at {unit}. Valid until {expires}. No. {number}.',
      pageSize: 'A4',
      orientation: 'landscape',
      primaryColour: '#1f3a68',
      accentColour: '#c9a227',
      signatoryName: 'Jörgen Ämtöft',
      signatoryTitle: 'Training Coordinator',
      logo: LOGO,
      signature: LOGO,
      ...t,
    },
    person: 'Åsa Öberg',
    title: 'Fire safety',
    completedOn: '2026-03-02',
    issuedOn: '2026-03-03',
    expiresOn: '2028-03-02',
    number: 'NVK-2026-000123',
    shortCode: 'NVK-2026-000123-K7Q2MX4D',
    qrText: QR_TEXT,
    unit: 'Umeå site',
    qualification: null,
    issuer: 'Norrland Mining',
    ...over,
  };
  return data;
}

async function textOf(pdf: Uint8Array): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text;
}

async function pageSizes(pdf: Uint8Array): Promise<number[][]> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const sizes: number[][] = [];
  for (let i = 1; i <= doc.numPages; i++) sizes.push((await doc.getPage(i)).view.map((v) => Math.round(v)));
  return sizes;
}

const latin1 = (pdf: Uint8Array) => Buffer.from(pdf).toString('latin1');
const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;

afterAll(() => closePdfWorkers());

describe('certificate PDF', () => {
  it('prints the names with their diacritics, the dates, number and short code, in embedded DejaVu Sans', async () => {
    const pdf = renderCertificatePdfSync(sample());
    const text = await textOf(pdf);
    for (const s of [
      'Åsa Öberg',
      'Jörgen Ämtöft',
      '2 March 2026',
      '3 March 2026',
      '2 March 2028',
      'NVK-2026-000123',
      'NVK-2026-000123-K7Q2MX4D',
      'Fire safety',
      'Umeå site',
      'Verify at any Fieldbook: Verify certificate',
    ])
      expect(text).toContain(s);
    const bytes = latin1(pdf);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(bytes).not.toMatch(/Helvetica|Times-Roman|Courier/);
  });

  it('says "does not expire" and fills every placeholder', async () => {
    const pdf = renderCertificatePdfSync(
      sample(
        { expiresOn: null, qualification: 'FS-1' },
        { body: 'Valid until {expires}; qualification {qualification}; {unknown} stays.' },
      ),
    );
    const text = await textOf(pdf);
    expect(text).toContain('Valid until does not expire; qualification FS-1; {unknown} stays.');
    expect(text).toContain('Does not expire');
  });

  it('is A4 or Letter, landscape or portrait', async () => {
    const a4 = renderCertificatePdfSync(sample());
    expect(await pageSizes(a4)).toEqual([[0, 0, 842, 595]]);
    const letter = renderCertificatePdfSync(sample({}, { pageSize: 'Letter', orientation: 'portrait' }));
    expect(await pageSizes(letter)).toEqual([[0, 0, 612, 792]]);
  });

  it('carries the QR text as Keywords and the title and number as Title', async () => {
    const doc = await getDocumentProxy(new Uint8Array(renderCertificatePdfSync(sample())));
    const { info } = (await doc.getMetadata()) as unknown as { info: Record<string, string> };
    expect(info.Keywords).toBe(QR_TEXT);
    expect(info.Title).toBe('Fire safety NVK-2026-000123');
  });

  it.skipIf(!existsSync('/usr/bin/gs'))(
    'draws the QR code module for module (rendered with Ghostscript)',
    () => {
      const data = sample({}, { orientation: 'portrait' });
      const dir = mkdtempSync(join(tmpdir(), 'cert-qr-'));
      const pdfPath = join(dir, 'c.pdf');
      const pngPath = join(dir, 'c.png');
      execFileSync('sh', ['-c', 'cat > "$0"', pdfPath], { input: renderCertificatePdfSync(data) });
      const dpi = 288; // 4 px per point
      execFileSync('gs', ['-q', '-dSAFER', '-sDEVICE=pnggray', `-r${dpi}`, '-o', pngPath, pdfPath]);
      const png = readPng(readFileSync(pngPath));
      const { modules } = QRCode.create([{ data: Buffer.from(QR_TEXT), mode: 'byte' }], {
        errorCorrectionLevel: 'M',
      });
      const box = qrBox(data.template);
      const px = dpi / 72;
      const cell = box.size / modules.size;
      let wrong = 0;
      let dark = 0;
      for (let r = 0; r < modules.size; r++)
        for (let c = 0; c < modules.size; c++) {
          const x = Math.round((box.x + (c + 0.5) * cell) * px);
          const y = Math.round((box.y + (r + 0.5) * cell) * px);
          const isDark = (png.data[(y * png.width + x) * 4] ?? 255) < 128;
          if (isDark) dark++;
          if (isDark !== (modules.get(r, c) === 1)) wrong++;
        }
      expect(wrong).toBe(0);
      expect(dark).toBe(Array.from(modules.data).filter((m) => m === 1).length);
      // The quiet zone around it is clear.
      const y = Math.round((box.y - 2 * cell) * px);
      for (let c = 0; c < modules.size; c++) {
        const x = Math.round((box.x + (c + 0.5) * cell) * px);
        expect(png.data[(y * png.width + x) * 4]).toBeGreaterThan(200);
      }
    },
  );

  it('merges 50 certificates into one document of 50 pages with each font and the logo embedded once', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    const progress: number[] = [];
    async function* items() {
      for (let i = 1; i <= 50; i++)
        yield sample({ person: `Person ${i} Ödegård`, number: `NVK-2026-${String(i).padStart(6, '0')}` });
    }
    const pages = await renderMergedPdf(items(), sink, { onProgress: (n) => progress.push(n) });
    expect(pages).toBe(50);
    expect(progress.at(-1)).toBe(50);
    const pdf = Buffer.concat(chunks);
    expect(await pageSizes(pdf)).toHaveLength(50);
    const bytes = pdf.toString('latin1');
    expect(count(bytes, /\/FontFile2/g)).toBe(2);
    // The logo (also used as the signature here): one colour image + its alpha mask.
    expect(count(bytes, /\/Subtype \/Image/g)).toBe(2);
    const text = await textOf(pdf);
    expect(text).toContain('Person 1 Ödegård');
    expect(text).toContain('NVK-2026-000050');
    expect(text.indexOf('NVK-2026-000007')).toBeLessThan(text.indexOf('NVK-2026-000008'));
  });

  it('stops a merged export when cancelled', async () => {
    const controller = new AbortController();
    const sink = new Writable({ write: (_c, _e, done) => done() });
    const items = Array.from({ length: 20 }, () => sample());
    const run = renderMergedPdf(items, sink, {
      signal: controller.signal,
      onProgress: (n) => n === 3 && controller.abort(),
    });
    await expect(run).rejects.toThrow();
  });

  it('prints each name exactly whatever was rendered before it, in this thread, in the workers and merged', async () => {
    // One parsed font shared by every document once turned "Zoë" into "\u000eoë" after "Wojciech Żak".
    const names = [
      'Wojciech Żak',
      "Zoë O'Brien-Ćosić",
      'Łukasz Żółkiewski-Đorđević',
      'Ærø Ñúñez Şahin',
      'Jörgen Ämtöft',
      'Ľubomír Šťastný',
      'Zoë Ørsted-Ğüven',
      'Őrs Dvořák',
      'Çağla Ýmir Þórsdóttir',
      'Åsa Öberg',
    ];
    // No {person} in the body: the name line is the only place each name can come out right.
    const data = names.map((person) => sample({ person }, { body: 'has completed {what}.' }));
    const expectEachName = async (render: (d: CertificatePdfData) => Uint8Array | Promise<Uint8Array>) => {
      const seen: string[] = [];
      for (const d of data) {
        const text = await textOf(await render(d));
        seen.push(text.split('\n').includes(d.person) ? d.person : text);
      }
      expect(seen).toEqual(names);
    };
    await expectEachName(renderCertificatePdfSync);
    await expectEachName(renderCertificatePdf);
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    await renderMergedPdf(data, sink, {});
    const lines = (await textOf(Buffer.concat(chunks))).split('\n');
    expect(names.filter((n) => !lines.includes(n))).toEqual([]);
    // Three renderings, each starting worker threads (run through tsx here): slow on a loaded machine.
  }, 30_000);

  it('renders the same certificate in the worker as in this thread', async () => {
    const data = sample({ person: 'Jörgen Ämtöft' });
    const [fromWorker, again] = await Promise.all([renderCertificatePdf(data), renderCertificatePdf(data)]);
    const expected = await textOf(renderCertificatePdfSync(data));
    expect(await textOf(fromWorker)).toBe(expected);
    expect(await textOf(again)).toBe(expected);
  });
});

describe('certificate templates', () => {
  const GIF = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
  const template = {
    name: 'Site standard',
    title: 'Certificate of Completion',
    body: 'has completed {what} on {completed}.',
  };

  it('has a default, refuses a logo that is not PNG or JPEG, and previews with sample data', async () => {
    const { app, adminId } = await setUpApp();
    const as = { actorId: adminId };
    const list = await app.invoke('certificates.templates', {}, as);
    expect(list.ok && list.value.rows.map((r) => [r.title, r.isDefault])).toEqual([
      ['Certificate of Completion', true],
    ]);

    const gif = await app.invoke(
      'files.upload',
      { name: 'logo.gif', mimeType: 'image/gif', dataBase64: GIF.toString('base64') },
      as,
    );
    if (!gif.ok) throw new Error(gif.error.message);
    const refused = await app.invoke(
      'certificates.saveTemplate',
      { ...template, logoFileId: gif.value.id },
      as,
    );
    expect(refused.ok ? null : refused.error.details?.[0]).toEqual({
      path: 'logoFileId',
      message: 'The logo (logo.gif) is not a PNG or JPEG image: save it as PNG or JPEG and upload it again.',
    });

    const png = await app.invoke(
      'files.upload',
      { name: 'logo.png', mimeType: 'image/png', dataBase64: LOGO.toString('base64') },
      as,
    );
    if (!png.ok) throw new Error(png.error.message);
    const saved = await app.invoke(
      'certificates.saveTemplate',
      { ...template, logoFileId: png.value.id, isDefault: true, pageSize: 'Letter' },
      as,
    );
    expect(saved.ok && saved.value).toMatchObject({ logoFileId: png.value.id, isDefault: true });
    const after = await app.invoke('certificates.templates', {}, as);
    // One default only: the new one took over.
    expect(after.ok && after.value.rows.filter((r) => r.isDefault).map((r) => r.name)).toEqual([
      'Site standard',
    ]);

    const preview = await app.invoke(
      'certificates.preview',
      { template: { ...template, logoFileId: png.value.id, orientation: 'portrait' } },
      as,
    );
    if (!preview.ok) throw new Error(preview.error.message);
    const pdf = Buffer.from(preview.value.content, 'base64');
    const text = await textOf(pdf);
    expect(text).toContain('Åsa Öberg');
    expect(text).toContain('NVK-2026-000123');
    expect(text).toContain('Fire safety');
    expect(await pageSizes(pdf)).toEqual([[0, 0, 595, 842]]);
  });
});
