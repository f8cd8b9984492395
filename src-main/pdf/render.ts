import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CertificatePdfData } from './certificate-data.js';
import { certificateInfo, newCertificateDocument } from './document.js';
import { fontDir } from './fonts.js';

export type { CertificatePdfData, CertificateTemplateData } from './certificate-data.js';
export { renderMergedPdf } from './merged.js';

/**
 * Certificate PDFs (issue 8). Rendering runs in worker threads so a 1,000-PDF
 * export never blocks the API or the window; the worker calls the same
 * synchronous renderer the tests use, so both give the same document.
 */

/** Everything pdfkit has pushed into its readable buffer so far (it never waits for a reader). */
function drain(doc: PDFKit.PDFDocument, into: Buffer[]): void {
  for (let chunk: unknown; (chunk = doc.read()) !== null;) into.push(chunk as Buffer);
}

/** One certificate as a PDF, in this thread. */
export function renderCertificatePdfSync(data: CertificatePdfData): Uint8Array {
  const { doc, addCertificate } = newCertificateDocument(certificateInfo(data));
  const chunks: Buffer[] = [];
  addCertificate(data);
  doc.end();
  drain(doc, chunks);
  const pdf = Buffer.concat(chunks);
  // Every part of the document is written synchronously (images are pre-decoded); if that ever changes, fail loudly.
  if (pdf.subarray(-6).toString('latin1').trim() !== '%%EOF')
    throw new Error('The PDF did not finish rendering.');
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/**
 * The merged document drawn in this thread: only when no worker can start here
 * (see renderMergedPdf). It yields to the event loop every few pages and waits
 * whenever `out` is behind.
 */
export async function renderMergedPdfInThread(
  items: AsyncIterable<CertificatePdfData> | Iterable<CertificatePdfData>,
  out: NodeJS.WritableStream,
  opts: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const { doc, addCertificate } = newCertificateDocument({ Title: 'Certificates' });
  doc.pipe(out);
  let done = 0;
  try {
    for await (const item of items) {
      opts.signal?.throwIfAborted();
      addCertificate(item);
      done++;
      opts.onProgress?.(done);
      // pdfkit pushes regardless of the reader; let the pipe drain before drawing more.
      if (doc.readableLength > 4 * 1024 * 1024) await once(doc, 'data');
      else if (done % 8 === 0) await new Promise((r) => setImmediate(r));
    }
    opts.signal?.throwIfAborted();
  } catch (e) {
    doc.unpipe(out);
    doc.destroy();
    throw e;
  }
  const finished = once(out, 'finish');
  doc.end();
  // A process.stdout-like stream never finishes; a file or a test sink does.
  if (typeof (out as { writableFinished?: unknown }).writableFinished === 'boolean') await finished;
  return done;
}

// ---- the worker pool ----

interface Job {
  resolve: (pdf: Uint8Array) => void;
  reject: (e: Error) => void;
}
interface Slot {
  worker: Worker;
  pending: Map<number, Job>;
}

const POOL_SIZE = Math.max(1, Math.min(4, availableParallelism()));
let slots: Slot[] = [];
let nextId = 1;
/** Set when a worker cannot start here: render in-thread from then on (logged once). */
let inThread = false;

/**
 * The worker's file: the built `pdf-worker.js` beside the bundle (electron-vite's
 * extra main entry; this code may sit in out/main or out/main/chunks), else the
 * TypeScript source run through tsx (dev, tests, the CLI).
 */
function workerEntry(): { url: URL } | { source: string } | null {
  for (const rel of ['./pdf-worker.js', '../pdf-worker.js']) {
    const url = new URL(rel, import.meta.url);
    if (url.protocol === 'file:' && existsSync(fileURLToPath(url))) return { url };
  }
  const ts = new URL('./pdf-worker.ts', import.meta.url);
  if (ts.protocol === 'file:' && existsSync(fileURLToPath(ts))) {
    // `--import tsx` in a worker's execArgv does not reach its entry on Node 20: register tsx from a
    // tiny bootstrap instead (as bin/fieldbook.mjs does), then load the TypeScript entry.
    const api = pathToFileURL(
      createRequire(import.meta.url)
        .resolve('tsx/esm/api')
        .replace(/\.cjs$/, '.mjs'),
    ).href;
    return {
      source: `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })`,
    };
  }
  return null;
}

function fallBack(reason: string): void {
  if (!inThread)
    console.warn(`PDF worker unavailable (${reason}); rendering certificates in the main thread.`);
  inThread = true;
}

/** A new PDF worker thread, or null (logged once) when none can start here. */
export function spawnPdfWorker(): Worker | null {
  if (inThread) return null;
  const entry = workerEntry();
  if (!entry) {
    fallBack('no worker file next to the renderer');
    return null;
  }
  const workerData = { fontDir: fontDir() };
  return 'url' in entry
    ? new Worker(entry.url, { workerData })
    : new Worker(entry.source, { eval: true, workerData });
}

function startSlot(): Slot | null {
  const worker = spawnPdfWorker();
  if (!worker) return null;
  const slot: Slot = { worker, pending: new Map() };
  worker.unref();
  worker.on('message', (m: { id: number; pdf?: Uint8Array; error?: string }) => {
    const job = slot.pending.get(m.id);
    if (!job) return;
    slot.pending.delete(m.id);
    if (slot.pending.size === 0) worker.unref();
    if (m.pdf) job.resolve(m.pdf);
    else job.reject(new Error(m.error ?? 'The PDF could not be rendered.'));
  });
  const fail = (e: Error) => {
    slots = slots.filter((s) => s !== slot);
    // Jobs in flight are re-run in this thread rather than lost; the next call starts a fresh worker.
    for (const [, job] of slot.pending) job.reject(e);
    slot.pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`The PDF worker stopped (exit code ${code}).`)));
  return slot;
}

function pickSlot(): Slot | null {
  if (slots.length < POOL_SIZE && !slots.some((s) => s.pending.size === 0)) {
    const slot = startSlot();
    if (slot) slots.push(slot);
  }
  let best: Slot | null = null;
  for (const s of slots) if (!best || s.pending.size < best.pending.size) best = s;
  return best;
}

/** One certificate as a PDF, rendered in a worker thread (one per core, up to 4, reused). */
export async function renderCertificatePdf(data: CertificatePdfData): Promise<Uint8Array> {
  const slot = inThread ? null : pickSlot();
  if (!slot) return renderCertificatePdfSync(data);
  const id = nextId++;
  try {
    return await new Promise<Uint8Array>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.ref();
      slot.worker.postMessage({ id, data });
    });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // A rendering error from a healthy worker is the data's fault: report it. A dead worker is not.
    if (slots.includes(slot)) throw e;
    fallBack(message);
    return renderCertificatePdfSync(data);
  }
}

/** Stops the workers (tests, shutdown). The next render starts new ones. */
export async function closePdfWorkers(): Promise<void> {
  const old = slots;
  slots = [];
  await Promise.all(old.map((s) => s.worker.terminate()));
}
