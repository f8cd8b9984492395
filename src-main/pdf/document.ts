import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';
import type { CertificatePdfData } from './certificate-data.js';
import {
  drawCertificatePage,
  FONT,
  FONT_BOLD,
  type ImageHandle,
  type PageImages,
} from './certificate-layout.js';
import { certificateFonts } from './fonts.js';
import { imageKind, MAX_IMAGE_BYTES, preparePng, type PreparedPng } from './images.js';

/**
 * A pdfkit document set up for certificates: DejaVu registered (pdfkit's
 * Helvetica default is switched off, so no standard font can slip in), and an
 * image cache so a logo used on 1,000 pages of a merged PDF is embedded once.
 */
export interface CertificateDocument {
  doc: PDFKit.PDFDocument;
  addCertificate(data: CertificatePdfData): void;
}

/** The document's metadata: Keywords carries the QR text as plain ASCII, which verify finds in the bytes. */
export function newCertificateDocument(info: PDFKit.DocumentInfo): CertificateDocument {
  const doc = new PDFDocument({
    autoFirstPage: false,
    // null, not undefined: pdfkit would otherwise load Helvetica as the default font.
    font: null as unknown as string,
    compress: true,
    info: { Creator: 'Fieldbook', Producer: 'Fieldbook', ...info },
  });
  // Bytes, so this document parses its own font objects (shared parsed fonts corrupt the text layer).
  const fonts = certificateFonts();
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(FONT_BOLD, fonts.bold);
  const images = new Map<string, ImageHandle | null>();

  const imageFor = (bytes: Uint8Array | null): ImageHandle | null => {
    if (!bytes || bytes.length > MAX_IMAGE_BYTES) return null;
    const key = createHash('sha1').update(bytes).digest('hex');
    if (images.has(key)) return images.get(key) ?? null;
    let handle: ImageHandle | null = null;
    try {
      const kind = imageKind(bytes);
      if (kind === 'jpeg') handle = (doc as unknown as Opener).openImage(Buffer.from(bytes));
      else if (kind === 'png') handle = pngImage(preparePng(bytes), `IP${images.size + 1}`);
    } catch {
      // A damaged image (the template save checks them) leaves its place empty rather than losing the certificate.
      handle = null;
    }
    images.set(key, handle);
    return handle;
  };

  return {
    doc,
    addCertificate(data) {
      const pageImages: PageImages = {
        logo: imageFor(data.template.logo),
        signature: imageFor(data.template.signature),
      };
      drawCertificatePage(doc, data, pageImages);
    },
  };
}

/**
 * A prepared PNG in the shape pdfkit's `image()` takes (width, height, label,
 * obj, embed): embedding writes the already-deflated pixels, synchronously.
 */
function pngImage(p: PreparedPng, label: string): ImageHandle {
  const image = {
    width: p.width,
    height: p.height,
    label,
    obj: null as PDFKit.PDFKitReference | null,
    embed(doc: PDFKit.PDFDocument) {
      if (image.obj) return;
      const obj = doc.ref({
        Type: 'XObject',
        Subtype: 'Image',
        BitsPerComponent: 8,
        Width: p.width,
        Height: p.height,
        ColorSpace: 'DeviceRGB',
        Filter: 'FlateDecode',
      });
      if (p.alpha) {
        const mask = doc.ref({
          Type: 'XObject',
          Subtype: 'Image',
          BitsPerComponent: 8,
          Width: p.width,
          Height: p.height,
          ColorSpace: 'DeviceGray',
          Filter: 'FlateDecode',
          Decode: [0, 1],
        });
        mask.end(p.alpha);
        (obj as unknown as { data: Record<string, unknown> }).data.SMask = mask;
      }
      obj.end(p.rgb);
      image.obj = obj;
    },
  };
  return image as unknown as ImageHandle;
}

/** pdfkit has `openImage` (parse once, place many times); its types do not. */
interface Opener {
  openImage(src: Buffer): ImageHandle;
}

/** Title and Keywords of a one-certificate PDF. */
export function certificateInfo(d: CertificatePdfData): PDFKit.DocumentInfo {
  return {
    Title: `${d.title} ${d.number}`,
    Author: d.issuer,
    Subject: `${d.title}: ${d.person}`,
    Keywords: d.qrText,
    // The issue day, not now: the same certificate renders to the same document.
    CreationDate: new Date(`${d.issuedOn}T00:00:00Z`),
  };
}
