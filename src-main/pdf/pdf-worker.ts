import { parentPort, workerData } from 'node:worker_threads';
import type { CertificatePdfData } from './certificate-data.js';
import { setFontDir } from './fonts.js';
import { renderCertificatePdfSync } from './render.js';

/**
 * The PDF worker thread: plain data in, PDF bytes out (transferred, not copied).
 * It never opens the database (DESIGN pitfall); the font files are read once, on
 * the first job, from the folder the main thread resolved (each PDF parses its own).
 */
const { fontDir } = workerData as { fontDir: string };
setFontDir(fontDir);

parentPort?.on('message', (m: { id: number; data: CertificatePdfData }) => {
  try {
    let pdf = renderCertificatePdfSync(m.data);
    // Transfer only a buffer the PDF owns whole (never a slice of Node's shared pool).
    if (pdf.byteOffset !== 0 || pdf.byteLength !== pdf.buffer.byteLength) pdf = pdf.slice();
    parentPort?.postMessage({ id: m.id, pdf }, [pdf.buffer as ArrayBuffer]);
  } catch (e) {
    parentPort?.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
