import { parentPort, workerData } from 'node:worker_threads';
import type { CertificatePdfData } from './certificate-data.js';
import { newCertificateDocument, type CertificateDocument } from './document.js';
import { setFontDir } from './fonts.js';
import type { MergedReply, MergedRequest } from './merged-protocol.js';
import { renderCertificatePdfSync } from './render.js';

/**
 * A PDF worker thread: plain data in, PDF bytes out (transferred, not copied).
 * It never opens the database (DESIGN pitfall); the font files are read once, on
 * the first job, from the folder the main thread resolved (each PDF parses its own).
 * A pool worker renders whole certificates; a worker started for a merged
 * document draws its pages one request at a time and hands back the bytes.
 */
const { fontDir } = workerData as { fontDir: string };
setFontDir(fontDir);

type OneRequest = { id: number; data: CertificatePdfData };

/** A buffer the bytes own whole (never a slice of Node's shared pool), so it can be transferred. */
function owned(chunks: Buffer[]): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}

let merged: CertificateDocument | null = null;

function drawMerged(m: MergedRequest): Uint8Array<ArrayBuffer> {
  merged ??= newCertificateDocument({ Title: 'Certificates' });
  const { doc } = merged;
  if (m.merged === 'page') merged.addCertificate(m.data);
  else doc.end();
  // pdfkit writes synchronously into its readable buffer; take whatever is there.
  const chunks: Buffer[] = [];
  for (let chunk: unknown; (chunk = doc.read()) !== null;) chunks.push(chunk as Buffer);
  return owned(chunks);
}

parentPort?.on('message', (m: OneRequest | MergedRequest) => {
  if ('merged' in m) {
    let reply: MergedReply;
    try {
      reply = { bytes: drawMerged(m) };
    } catch (e) {
      reply = { error: e instanceof Error ? e.message : String(e) };
    }
    parentPort?.postMessage(reply, reply.bytes ? [reply.bytes.buffer] : []);
    return;
  }
  try {
    let pdf = renderCertificatePdfSync(m.data);
    if (pdf.byteOffset !== 0 || pdf.byteLength !== pdf.buffer.byteLength) pdf = pdf.slice();
    parentPort?.postMessage({ id: m.id, pdf }, [pdf.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
