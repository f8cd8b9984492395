import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { ZipFile } from 'yazl';

/**
 * Where an export's files go: a folder on disk (the CLI) or a zip written to a
 * temp file (the app). The export itself (rows, names, index) is the same code
 * whichever it is (export-service.ts).
 */
export interface ExportSink {
  /** Writes one whole file; resolves when there is room for the next. */
  add(name: string, bytes: Uint8Array): Promise<void>;
  /** A stream for a file drawn as it goes (the merged PDF); the writer ends it. */
  open(name: string): NodeJS.WritableStream;
  /** Everything is on disk. */
  close(): Promise<void>;
  /** Stops writing; whatever was written is the caller's to delete. */
  abort(): void;
}

export async function folderSink(dir: string): Promise<ExportSink> {
  await mkdir(dir, { recursive: true });
  return {
    add: (name, bytes) => writeFile(join(dir, name), bytes),
    open: (name) => createWriteStream(join(dir, name)),
    close: async () => undefined,
    abort: () => undefined,
  };
}

/** How much may wait in memory for the disk before the export stops adding files. */
const BACKLOG = 4 * 1024 * 1024;

/**
 * A zip written to `path` (mode 0600) as files arrive, everything under
 * `folder/`, stored without compression (PDFs do not shrink, and storing keeps
 * it fast). Memory stays flat: `add` waits while the disk is behind.
 */
export function zipSink(path: string, folder: string): ExportSink {
  const zip = new ZipFile();
  const file = createWriteStream(path, { mode: 0o600 });
  let failure: Error | null = null;
  const written = new Promise<void>((resolve, reject) => {
    file.on('close', () => (failure ? reject(failure) : resolve()));
    const fail = (e: Error) => {
      failure ??= e;
      file.destroy();
    };
    file.on('error', fail);
    zip.on('error', fail);
  });
  // Rejections are seen by close(); an aborted export never calls it.
  written.catch(() => undefined);
  zip.outputStream.pipe(file);
  const at = (name: string) => `${folder}/${name}`;
  const output = zip.outputStream as Readable;
  const backlog = () => output.readableLength + file.writableLength;
  return {
    async add(name, bytes) {
      zip.addBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), at(name), {
        compress: false,
      });
      while (backlog() > BACKLOG && !failure) await sleep(5);
      if (failure) throw failure;
    },
    open(name) {
      const stream = new PassThrough();
      zip.addReadStream(stream, at(name), { compress: false });
      return stream;
    },
    async close() {
      zip.end();
      if (!file.closed) await written;
      if (failure) throw failure;
    },
    abort() {
      failure ??= new Error('The export was stopped.');
      zip.outputStream.unpipe(file);
      file.destroy();
    },
  };
}
