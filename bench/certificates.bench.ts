import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificatePdfData } from '../src-main/pdf/certificate-data.js';
import { FONT, FONT_BOLD, fillBody, longDate, pageDimensions } from '../src-main/pdf/certificate-layout.js';
import { certificateFonts } from '../src-main/pdf/fonts.js';
import { closePdfWorkers, renderCertificatePdf, renderMergedPdf } from '../src-main/pdf/render.js';
import { SWEDISH_FIRST, SWEDISH_LAST } from '../src-main/demo/names.js';
import type { Benchmark } from './harness.js';

const COUNT = 1_000;
const LOGO = readFileSync(new URL('../assets/icon.png', import.meta.url));
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

/** 1,000 certificates as an export sees them: logo and signature image, a signed-length QR text each. */
function certificates(): CertificatePdfData[] {
  return Array.from({ length: COUNT }, (_, i) => {
    const number = `NVK-2026-${String(i + 1).padStart(6, '0')}`;
    const person = `${pick(SWEDISH_FIRST, i * 7)} ${pick(SWEDISH_LAST, i * 13)}`;
    return {
      template: {
        title: 'Certificate of Completion',
        body: 'has successfully completed {what} on {completed} and met every requirement of the training.',
        pageSize: 'A4',
        orientation: 'landscape',
        primaryColour: '#1f3a68',
        accentColour: '#c9a227',
        signatoryName: 'Jörgen Ämtöft',
        signatoryTitle: 'Training Coordinator',
        logo: LOGO,
        signature: LOGO,
      },
      person,
      title: 'Fire safety',
      completedOn: '2026-03-02',
      issuedOn: '2026-03-03',
      expiresOn: '2028-03-02',
      number,
      shortCode: `${number}-K7Q2MX4D`,
      qrText: `FBC1.${randomBytes(200).toString('base64url')}.${randomBytes(64).toString('base64url')}`,
      unit: 'Umeå',
      qualification: null,
      issuer: 'Norrland Mining',
    };
  });
}

/**
 * Bare pdfkit drawing the same pages: the same page size, frame, text, fonts (parsed once), the logo
 * and signature opened once per document, and the same QR code as rectangles straight from qrcode.
 * What it leaves out is the product's own work: templates and placeholders, layout measuring,
 * image checks, workers.
 */
type Images = { logo: unknown; signature: unknown };
function barePage(doc: PDFKit.PDFDocument, d: CertificatePdfData, images: Images): void {
  const { width, height } = pageDimensions(d.template);
  doc.addPage({ size: [width, height], margin: 0 });
  doc
    .lineWidth(3)
    .strokeColor(d.template.primaryColour)
    .rect(22, 22, width - 44, height - 44)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor(d.template.accentColour)
    .rect(36, 36, width - 72, height - 72)
    .stroke();
  doc.image(images.logo as Buffer, width / 2 - 40, 56, { fit: [80, 48] });
  doc.fillColor('#000000');
  doc
    .font(FONT_BOLD)
    .fontSize(30)
    .text(d.template.title.toUpperCase(), 66, 140, { width: width - 132 });
  doc.fontSize(38).text(d.person, 66, 200, { width: width - 132 });
  doc
    .font(FONT)
    .fontSize(13)
    .text(fillBody(d), 140, 270, { width: width - 280 });
  const dates = [d.completedOn ?? '', d.issuedOn, d.expiresOn ?? ''].map(longDate).join('   ');
  doc.fontSize(11.5).text(`${dates}   ${d.number}`, 66, 360, { width: width - 132 });
  doc.image(images.signature as Buffer, 80, 420, { fit: [160, 48] });
  doc
    .font(FONT_BOLD)
    .fontSize(11)
    .text(d.template.signatoryName ?? '', 70, 480);
  doc
    .font(FONT)
    .fontSize(9)
    .text(`${d.template.signatoryTitle ?? ''}, ${d.issuer}`, 70, 495);
  const { modules } = QRCode.create([{ data: Buffer.from(d.qrText, 'utf8'), mode: 'byte' }], {
    errorCorrectionLevel: 'M',
  });
  const cell = 84 / modules.size;
  for (let r = 0; r < modules.size; r++)
    for (let c = 0; c < modules.size; c++)
      if (modules.get(r, c)) doc.rect(640 + c * cell, 400 + r * cell, cell, cell);
  doc.fillColor('#000000').fill();
  doc.font(FONT_BOLD).fontSize(8).text(d.shortCode, 560, 500);
  doc.font(FONT).fontSize(6.5).text('Verify at any Fieldbook: Verify certificate', 560, 511);
}

function bareDocument(items: CertificatePdfData[]): Promise<number> {
  const fonts = certificateFonts();
  const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
  doc.registerFont(FONT, fonts.regular as Buffer);
  doc.registerFont(FONT_BOLD, fonts.bold as Buffer);
  const first = items[0];
  // openImage is public pdfkit API that @types/pdfkit leaves out.
  const open = (b: Uint8Array | null | undefined) =>
    b ? (doc as unknown as { openImage(src: Buffer): unknown }).openImage(Buffer.from(b)) : null;
  const images: Images = { logo: open(first?.template.logo), signature: open(first?.template.signature) };
  let bytes = 0;
  return new Promise((resolve) => {
    doc.on('data', (c: Buffer) => (bytes += c.length));
    doc.on('end', () => resolve(bytes));
    for (const d of items) barePage(doc, d, images);
    doc.end();
  });
}

const nullSink = () => new Writable({ write: (_c, _e, done) => done() });

export function certificateBenchmarks(): Benchmark[] {
  let items: CertificatePdfData[] = [];
  let heapBefore = 0;
  let heapPeak = 0;
  const heap = () => process.memoryUsage().heapUsed;
  return [
    {
      name: `certificates: 1,000 PDFs merged into one (logo, QR, embedded font)`,
      baselineLabel: 'bare pdfkit + qrcode drawing the same pages (frame, images, text, QR), one document',
      setup: () => {
        items = certificates();
        certificateFonts();
        heapBefore = heap();
      },
      runs: 3,
      baseline: () => bareDocument(items),
      subject: () =>
        renderMergedPdf(items, nullSink(), {
          onProgress: (n) => {
            if (n % 100 === 0) heapPeak = Math.max(heapPeak, heap());
          },
        }),
      maxRatio: 1.5,
      teardown: () =>
        console.error(
          `certificates merged: heap used ${mb(heapBefore)} before, peak ${mb(heapPeak)} while rendering, ${mb(heap())} after`,
        ),
    },
    {
      name: `certificates: 1,000 separate PDFs (worker pool)`,
      baselineLabel:
        'bare pdfkit + qrcode, 1,000 documents in-thread (pdfkit parses fonts and images per document)',
      setup: () => {
        heapBefore = heap();
        heapPeak = 0;
      },
      // pdfkit parses both fonts for every document (~48 ms each, on both sides): one timed run is plenty.
      runs: 1,
      baseline: async () => {
        for (const d of items) await bareDocument([d]);
      },
      subject: async () => {
        // As an export does: a few in flight at a time, each written out (here: dropped) as it arrives.
        let next = 0;
        const lane = async () => {
          while (next < items.length) {
            const d = items[next++] as CertificatePdfData;
            await renderCertificatePdf(d);
            if (next % 100 === 0) heapPeak = Math.max(heapPeak, heap());
          }
        };
        await Promise.all([lane(), lane(), lane(), lane()]);
      },
      maxRatio: 1.5,
      teardown: () => {
        console.error(
          `certificates separate: heap used ${mb(heapBefore)} before, peak ${mb(heapPeak)} while rendering, ${mb(heap())} after`,
        );
        void closePdfWorkers();
      },
    },
  ];
}
