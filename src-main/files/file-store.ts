import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * Course material and evidence files live in a folder beside the database,
 * named by their SHA-256. Content addressing makes a write idempotent and safe
 * to do before the database transaction commits: if the transaction rolls back,
 * an unreferenced file is left over, never a row pointing at a missing file.
 */
export interface FileStore {
  readonly dir: string;
  /** Stores the bytes (once, however often they are stored) and returns their SHA-256. */
  put(bytes: Buffer): string;
  read(sha256: string): Buffer;
  has(sha256: string): boolean;
}

const SHA = /^[0-9a-f]{64}$/;

export function createFileStore(dir: string): FileStore {
  const pathOf = (sha: string) => {
    // The hash comes from the database, but a path is built from it: never let it escape the folder.
    if (!SHA.test(sha)) throw new Error(`Not a file hash: ${sha}`);
    return join(dir, sha.slice(0, 2), sha);
  };
  return {
    dir,
    put(bytes) {
      const sha = createHash('sha256').update(bytes).digest('hex');
      const path = pathOf(sha);
      if (!existsSync(path)) {
        mkdirSync(dirname(path), { recursive: true });
        // Write beside, then rename: a crash never leaves a half-written file under the final name.
        const tmp = `${path}.${process.pid}.tmp`;
        writeFileSync(tmp, bytes);
        renameSync(tmp, path);
      }
      return sha;
    },
    read: (sha) => readFileSync(pathOf(sha)),
    has: (sha) => existsSync(pathOf(sha)),
  };
}

/** The files folder for a database: `<name>-files` beside the file; a fresh temporary folder for `:memory:`. */
export function fileStoreFor(dbFile: string): FileStore {
  if (dbFile === ':memory:' || dbFile === '')
    return createFileStore(mkdtempSync(join(tmpdir(), 'fieldbook-files-')));
  return createFileStore(join(dirname(dbFile), `${basename(dbFile).replace(/\.[^.]*$/, '')}-files`));
}
