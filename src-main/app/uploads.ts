import { randomUUID } from 'node:crypto';
import type { Clock } from './context.js';

/**
 * Files a user has opened for a multi-step operation (a records import: open,
 * validate slice by slice, commit), kept in memory between calls so a 20 MB CSV
 * crosses the transport once. Each belongs to the person who opened it, lives an
 * hour, and a person holds at most a few at once (the oldest goes first).
 * `state` is the owning service's, e.g. how far validation has read.
 */
export interface Upload {
  token: string;
  ownerId: string;
  fileName: string;
  bytes: Uint8Array;
  openedAt: number;
  state: unknown;
}

export interface UploadStore {
  put(ownerId: string, fileName: string, bytes: Uint8Array, state: unknown): Upload;
  /** The upload if it exists, is this owner's and has not expired. */
  get(token: string, ownerId: string): Upload | undefined;
  delete(token: string): void;
}

const TTL_MS = 60 * 60 * 1000;
const PER_OWNER = 3;

export function createUploadStore(clock: Clock): UploadStore {
  const uploads = new Map<string, Upload>();
  const sweep = () => {
    const now = clock.now().getTime();
    for (const [k, u] of uploads) if (now - u.openedAt > TTL_MS) uploads.delete(k);
  };
  return {
    put(ownerId, fileName, bytes, state) {
      sweep();
      const mine = [...uploads.values()].filter((u) => u.ownerId === ownerId);
      for (const old of mine.slice(0, Math.max(0, mine.length - PER_OWNER + 1))) uploads.delete(old.token);
      const u: Upload = {
        token: randomUUID(),
        ownerId,
        fileName,
        bytes,
        openedAt: clock.now().getTime(),
        state,
      };
      uploads.set(u.token, u);
      return u;
    },
    get(token, ownerId) {
      sweep();
      const u = uploads.get(token);
      return u && u.ownerId === ownerId ? u : undefined;
    },
    delete(token) {
      uploads.delete(token);
    },
  };
}
