import { once } from 'node:events';
import type { CertificatePdfData } from './certificate-data.js';
import type { MergedReply, MergedRequest } from './merged-protocol.js';
import { renderMergedPdfInThread, spawnPdfWorker } from './render.js';

/** Pages drawn ahead of what `out` has taken: enough to keep the worker busy, few enough to keep memory flat. */
const AHEAD = 4;

/**
 * One document, one page per certificate, each font and image embedded once,
 * streamed to `out` as it is drawn: memory stays flat however many pages.
 * Drawing happens in a worker thread of its own, so a 1,000-page print file
 * never holds up the API (issue 8); this thread only forwards bytes, waiting
 * whenever `out` is behind. Resolves with the page count; rejects (leaving
 * `out` unfinished) when aborted or when a page cannot be drawn.
 */
export async function renderMergedPdf(
  items: AsyncIterable<CertificatePdfData> | Iterable<CertificatePdfData>,
  out: NodeJS.WritableStream,
  opts: { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<number> {
  const worker = spawnPdfWorker();
  if (!worker) return renderMergedPdfInThread(items, out, opts);

  // The worker answers every request in order, so replies are matched first in, first out.
  const waiting: { resolve: (b: Uint8Array) => void; reject: (e: Error) => void }[] = [];
  // Once the worker is gone every request fails at once: one asked later would otherwise wait forever.
  let dead: Error | null = null;
  const failAll = (e: Error) => {
    dead ??= e;
    for (const w of waiting.splice(0)) w.reject(e);
  };
  worker.on('message', (m: MergedReply) => {
    const w = waiting.shift();
    if (m.error !== undefined) w?.reject(new Error(m.error));
    else w?.resolve(m.bytes);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`The PDF worker stopped (exit code ${code}).`)));
  const ask = (request: MergedRequest): Promise<Uint8Array> => {
    if (dead) return Promise.reject(dead);
    const reply = new Promise<Uint8Array>((resolve, reject) => waiting.push({ resolve, reject }));
    // Replies still queued when another fails are awaited later or dropped: never unhandled.
    reply.catch(() => undefined);
    worker.postMessage(request);
    return reply;
  };
  const write = async (bytes: Uint8Array) => {
    if (bytes.length > 0 && !out.write(bytes)) await once(out, 'drain', { signal: opts.signal });
  };

  let done = 0;
  const drawn: Promise<Uint8Array>[] = [];
  const takeOne = async () => {
    await write(await drawn.shift()!);
    done++;
    opts.onProgress?.(done);
  };
  try {
    for await (const item of items) {
      opts.signal?.throwIfAborted();
      drawn.push(ask({ merged: 'page', data: item }));
      if (drawn.length >= AHEAD) await takeOne();
    }
    while (drawn.length > 0) {
      opts.signal?.throwIfAborted();
      await takeOne();
    }
    opts.signal?.throwIfAborted();
    await write(await ask({ merged: 'end' }));
  } finally {
    worker.removeAllListeners('exit');
    await worker.terminate();
  }
  // Like pipe(): the process's own stdout/stderr stay open; a file or any other sink is ended.
  if (out !== process.stdout && out !== process.stderr) {
    const finished = once(out, 'finish');
    out.end();
    await finished;
  }
  return done;
}
