import type { CertificatePdfData, CertificateTemplateData } from './certificate-data.js';
import { drawQr } from './qr-vector.js';
import { MONTH_NAMES as MONTHS } from '../../shared/dates.js';

/**
 * One certificate page: a double frame in the template's colours, the logo on
 * top, the title, the person's name large, the body, the dates, the signature
 * over the signatory's name bottom-left and the signed QR code bottom-right with
 * the short code under it. Everything is measured first and the middle block is
 * centred in the space left, so A4 and Letter, landscape and portrait all
 * balance without per-size tuning.
 */

/** Font names registered on the document by render.ts. */
export const FONT = 'cert-regular';
export const FONT_BOLD = 'cert-bold';

/** What pdfkit's `doc.image()` accepts: a prepared image object or bytes. */
export type ImageHandle = Parameters<PDFKit.PDFDocument['image']>[0];

export interface PageImages {
  logo: ImageHandle | null;
  signature: ImageHandle | null;
}

const INK = '#1d1d1f';
const TEXT = '#33363b';
const MUTED = '#6b7078';

/** PDF points; pdfkit's own A4 is 595.28 × 841.89. */
const SIZES = { A4: [595.28, 841.89], Letter: [612, 792] } as const;

export function pageDimensions(t: Pick<CertificateTemplateData, 'pageSize' | 'orientation'>): {
  width: number;
  height: number;
} {
  const [w, h] = SIZES[t.pageSize];
  return t.orientation === 'landscape' ? { width: h, height: w } : { width: w, height: h };
}

/** Where the QR code sits (its top-left corner and side, in points): the tests sample it. */
export function qrBox(t: Pick<CertificateTemplateData, 'pageSize' | 'orientation'>): {
  x: number;
  y: number;
  size: number;
} {
  const { width, height } = pageDimensions(t);
  const size = t.orientation === 'landscape' ? 86 : 96;
  return { x: width - INSET - size, y: height - INSET - 30 - size, size };
}

/** Distance from the page edge to the content. */
const INSET = 66;

/** "2025-04-03" → "3 April 2025" (read from the string: no time zone can shift it). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

/** The body with its placeholders filled; an unknown {word} is left as typed, so a typo shows. */
export function fillBody(d: CertificatePdfData): string {
  const values: Record<string, string> = {
    person: d.person,
    what: d.title,
    completed: d.completedOn ? longDate(d.completedOn) : longDate(d.issuedOn),
    issued: longDate(d.issuedOn),
    expires: d.expiresOn ? longDate(d.expiresOn) : 'does not expire',
    number: d.number,
    unit: d.unit,
    qualification: d.qualification ?? '',
  };
  return d.template.body
    .replace(/\{(\w+)\}/g, (all, key: string) => values[key] ?? all)
    .replace(/[ \t]+\n/g, '\n')
    .trim();
}

/** Font size at which `text` fits `width` on one line, from `size` down to `min`. */
function fitSize(
  doc: PDFKit.PDFDocument,
  font: string,
  text: string,
  size: number,
  min: number,
  width: number,
  characterSpacing = 0,
) {
  doc.font(font);
  let s = size;
  while (s > min && doc.fontSize(s).widthOfString(text, { characterSpacing }) > width) s -= 0.5;
  return s;
}

function frame(doc: PDFKit.PDFDocument, t: CertificateTemplateData, width: number, height: number): void {
  doc.save();
  // Outer band in the primary colour, a fine accent rule inside it, accent corner marks.
  doc
    .lineWidth(9)
    .strokeColor(t.primaryColour)
    .rect(22, 22, width - 44, height - 44)
    .stroke();
  doc
    .lineWidth(1.2)
    .strokeColor(t.accentColour)
    .rect(36, 36, width - 72, height - 72)
    .stroke();
  const c = 9;
  for (const [x, y] of [
    [36, 36],
    [width - 36, 36],
    [36, height - 36],
    [width - 36, height - 36],
  ] as const) {
    doc
      .polygon([x, y - c], [x + c, y], [x, y + c], [x - c, y])
      .fillColor(t.accentColour)
      .fill();
  }
  doc.restore();
}

interface DateCell {
  label: string;
  value: string;
}

function dateCells(d: CertificatePdfData): DateCell[] {
  const cells: DateCell[] = [];
  if (d.completedOn) cells.push({ label: 'COMPLETED', value: longDate(d.completedOn) });
  cells.push({ label: 'ISSUED', value: longDate(d.issuedOn) });
  cells.push({ label: 'VALID UNTIL', value: d.expiresOn ? longDate(d.expiresOn) : 'Does not expire' });
  cells.push({ label: 'CERTIFICATE NO.', value: d.number });
  return cells;
}

export function drawCertificatePage(
  doc: PDFKit.PDFDocument,
  d: CertificatePdfData,
  images: PageImages,
): void {
  const t = d.template;
  const { width, height } = pageDimensions(t);
  const landscape = t.orientation === 'landscape';
  doc.addPage({ size: [width, height], margin: 0 });
  frame(doc, t, width, height);

  const contentW = width - 2 * INSET;
  const cx = width / 2;
  let y = INSET + (landscape ? 0 : 12);

  // Logo, centred on top.
  const logoBox: [number, number] = landscape ? [170, 58] : [190, 72];
  if (images.logo) {
    doc.image(images.logo, cx - logoBox[0] / 2, y, { fit: logoBox, align: 'center', valign: 'center' });
    y += logoBox[1];
  }

  // The bottom block: signature left, QR right. Its top bounds the middle block.
  const qr = qrBox(t);
  const bottomTop = qr.y - 8;

  // Measure the middle block, then centre it between the logo and the bottom block.
  const title = t.title.toLocaleUpperCase('en');
  const titleSize = fitSize(doc, FONT_BOLD, title, landscape ? 30 : 28, 12, contentW - 4, 1.5);
  const nameSize = fitSize(doc, FONT_BOLD, d.person, landscape ? 38 : 34, 12, contentW - 20);
  const body = fillBody(d);
  const bodyW = Math.min(contentW, landscape ? 560 : 440);
  const bodyOpts = { width: bodyW, align: 'center' as const, lineGap: 4 };
  const bodyH = doc.font(FONT).fontSize(13).heightOfString(body, bodyOpts);
  const cells = dateCells(d);
  const dateRowH = 34;
  const gaps = { afterTitle: 16, afterRule: 26, afterName: 20, afterBody: 26 };
  const blockH =
    titleSize * 1.2 +
    gaps.afterTitle +
    gaps.afterRule +
    nameSize * 1.2 +
    gaps.afterName +
    bodyH +
    gaps.afterBody +
    dateRowH;
  // Tall pages have room to spare: open the gaps up a little (never the whole space), then centre.
  let spare = bottomTop - y - blockH;
  if (spare > 140) {
    const extra = Math.min(28, (spare - 140) / 8);
    for (const k of Object.keys(gaps) as (keyof typeof gaps)[]) gaps[k] += extra;
    spare -= 4 * extra;
  }
  y += Math.max(landscape ? 12 : 20, spare * 0.42);

  doc
    .font(FONT_BOLD)
    .fontSize(titleSize)
    .fillColor(t.primaryColour)
    .text(title, INSET, y, { width: contentW, align: 'center', characterSpacing: 1.5, lineBreak: false });
  y += titleSize * 1.2 + gaps.afterTitle;
  doc
    .save()
    .rect(cx - 42, y, 84, 2.2)
    .fillColor(t.accentColour)
    .fill()
    .restore();
  y += gaps.afterRule;

  doc
    .font(FONT_BOLD)
    .fontSize(nameSize)
    .fillColor(INK)
    .text(d.person, INSET, y, { width: contentW, align: 'center', lineBreak: false });
  y += nameSize * 1.2;
  const nameW = Math.min(contentW, Math.max(doc.widthOfString(d.person) + 60, 260));
  doc
    .save()
    .moveTo(cx - nameW / 2, y + 4)
    .lineTo(cx + nameW / 2, y + 4)
    .lineWidth(0.8)
    .strokeColor(t.accentColour)
    .stroke()
    .restore();
  y += gaps.afterName;

  doc
    .font(FONT)
    .fontSize(13)
    .fillColor(TEXT)
    .text(body, cx - bodyW / 2, y, bodyOpts);
  y += bodyH + gaps.afterBody;

  drawDates(doc, cells, cx, y, Math.min(contentW, landscape ? 600 : contentW), t.primaryColour);
  drawSignature(doc, d, images.signature, bottomTop, landscape);
  drawVerification(doc, d, qr);
}

function drawDates(
  doc: PDFKit.PDFDocument,
  cells: DateCell[],
  cx: number,
  y: number,
  rowW: number,
  colour: string,
): void {
  const colW = rowW / cells.length;
  const x0 = cx - rowW / 2;
  cells.forEach((cell, i) => {
    const x = x0 + i * colW;
    if (i > 0)
      doc
        .save()
        .moveTo(x, y + 2)
        .lineTo(x, y + 30)
        .lineWidth(0.5)
        .strokeColor('#c8ccd2')
        .stroke()
        .restore();
    doc
      .font(FONT_BOLD)
      .fontSize(7.5)
      .fillColor(MUTED)
      .text(cell.label, x, y + 2, { width: colW, align: 'center', characterSpacing: 1, lineBreak: false });
    doc
      .font(FONT)
      .fontSize(11.5)
      .fillColor(colour)
      .text(cell.value, x, y + 15, { width: colW, align: 'center', lineBreak: false });
  });
}

function drawSignature(
  doc: PDFKit.PDFDocument,
  d: CertificatePdfData,
  signature: ImageHandle | null,
  bottomTop: number,
  landscape: boolean,
): void {
  const t = d.template;
  const blockW = landscape ? 230 : 210;
  const x = INSET + 4;
  const lineY = bottomTop + 62;
  if (signature)
    doc.image(signature, x + 10, lineY - 52, { fit: [blockW - 20, 48], align: 'center', valign: 'bottom' });
  doc
    .save()
    .moveTo(x, lineY)
    .lineTo(x + blockW, lineY)
    .lineWidth(0.8)
    .strokeColor(MUTED)
    .stroke()
    .restore();
  const name = t.signatoryName ?? d.issuer;
  const size = fitSize(doc, FONT_BOLD, name, 11, 7, blockW);
  doc
    .font(FONT_BOLD)
    .fontSize(size)
    .fillColor(INK)
    .text(name, x, lineY + 6, { width: blockW, align: 'center', lineBreak: false });
  const below = t.signatoryName ? [t.signatoryTitle, d.issuer].filter(Boolean).join(', ') : '';
  if (below)
    doc
      .font(FONT)
      .fontSize(fitSize(doc, FONT, below, 9, 6, blockW))
      .fillColor(MUTED)
      .text(below, x, lineY + 21, { width: blockW, align: 'center', lineBreak: false });
}

function drawVerification(
  doc: PDFKit.PDFDocument,
  d: CertificatePdfData,
  qr: { x: number; y: number; size: number },
): void {
  drawQr(doc, d.qrText, qr.x, qr.y, qr.size);
  const w = 220;
  const right = qr.x + qr.size;
  doc
    .font(FONT_BOLD)
    .fontSize(fitSize(doc, FONT_BOLD, d.shortCode, 8, 5.5, w))
    .fillColor(INK)
    .text(d.shortCode, right - w, qr.y + qr.size + 6, { width: w, align: 'right', lineBreak: false });
  doc
    .font(FONT)
    .fontSize(6.5)
    .fillColor(MUTED)
    .text('Verify at any Fieldbook: Verify certificate', right - w, qr.y + qr.size + 17, {
      width: w,
      align: 'right',
      lineBreak: false,
    });
}
