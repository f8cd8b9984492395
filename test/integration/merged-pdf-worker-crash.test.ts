import { PassThrough, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { describe, expect, it, vi } from 'vitest';
import type { CertificatePdfData } from '../../src-main/pdf/certificate-data.js';

// A worker that answers its first request and then dies, as an out-of-memory or native fault would.
vi.mock('../../src-main/pdf/render.js', () => ({
  renderMergedPdfInThread: () => {
    throw new Error('The in-thread fallback is not expected here.');
  },
  spawnPdfWorker: () =>
    new Worker(
      `const { parentPort } = require('node:worker_threads');
       parentPort.on('message', () => {
         parentPort.postMessage({ bytes: new Uint8Array(1) });
         setTimeout(() => process.exit(3), 10);
       });`,
      { eval: true },
    ),
}));

const page = {} as CertificatePdfData;

/** A merged export whose worker dies must fail (the job reports it), never hang with its spinner on. */
describe('a merged PDF whose worker dies', () => {
  it('fails when the next certificate arrives after the crash', async () => {
    const { renderMergedPdf } = await import('../../src-main/pdf/merged.js');
    async function* items() {
      yield page;
      await new Promise((r) => setTimeout(r, 150));
      yield page;
    }
    const out = new PassThrough();
    out.resume();
    await expect(renderMergedPdf(items(), out)).rejects.toThrow(/PDF worker stopped/);
  });

  it('fails when it dies after the last page, before the document is finished', async () => {
    const { renderMergedPdf } = await import('../../src-main/pdf/merged.js');
    // Output slow to drain: the writer waits while the worker dies.
    const out = new Writable({
      highWaterMark: 1,
      write(_c, _e, cb) {
        setTimeout(cb, 100);
      },
    });
    await expect(renderMergedPdf([page], out)).rejects.toThrow(/PDF worker stopped/);
  });
});
