import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from './context.js';

/**
 * Exports that run in the background of the main process (certificates as a
 * zip): a call starts one and returns at once, the window polls its progress,
 * may cancel it, and fetches the finished file in chunks so a 60 MB zip never
 * sits in one message. The file is written to a private temp folder and deleted
 * once its last chunk was read, when cancelled, or an hour after the start.
 * Each job belongs to the person who started it; others are told it does not exist.
 */
export type ExportState = 'running' | 'finished' | 'cancelled' | 'failed';

export interface ExportJob {
  id: string;
  ownerId: string;
  fileName: string;
  /** The temp file the job writes. */
  path: string;
  startedAt: number;
  state: ExportState;
  done: number;
  total: number;
  /** What went wrong, one sentence each (the first few are kept). */
  failed: string[];
  size: number;
  controller: AbortController;
}

/** What a job's work reports back while it runs. */
export interface ExportProgress {
  signal: AbortSignal;
  path: string;
  progress(done: number): void;
  failure(message: string): void;
}

export interface ExportJobStore {
  /** Starts `work` in the background (not awaited) and returns the job at once. */
  start(
    ownerId: string,
    fileName: string,
    total: number,
    work: (p: ExportProgress) => Promise<void>,
  ): ExportJob;
  /** The job if it exists, is this owner's and has not expired. */
  get(id: string, ownerId: string): ExportJob | undefined;
  /** Stops a running job (it then reads as cancelled) or forgets a finished one; the file goes either way. */
  cancel(job: ExportJob): void;
  /** Up to CHUNK bytes of a finished job's file from `offset`; the file goes after the last. */
  chunk(job: ExportJob, offset: number): Promise<{ bytes: Buffer; nextOffset: number | null }>;
}

export const EXPORT_CHUNK = 4 * 1024 * 1024;
const TTL_MS = 60 * 60 * 1000;
const PER_OWNER = 3;
const KEPT_FAILURES = 20;

export const exportDir = () => join(tmpdir(), 'fieldbook-exports');

/** Files left by a run that ended without cleaning up (a crash): anything older than a job may live. */
function removeStale(dir: string, now: number): void {
  try {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (now - statSync(path).mtimeMs > TTL_MS) rmSync(path, { force: true });
    }
  } catch {
    // No folder yet, or another run is cleaning it too.
  }
}

export function createExportJobStore(clock: Clock, dir = exportDir()): ExportJobStore {
  const jobs = new Map<string, ExportJob>();
  removeStale(dir, Date.now());
  const drop = (job: ExportJob) => {
    if (job.state === 'running') job.state = 'cancelled';
    job.controller.abort();
    jobs.delete(job.id);
    void rm(job.path, { force: true });
  };
  const sweep = () => {
    const now = clock.now().getTime();
    for (const job of jobs.values()) if (now - job.startedAt > TTL_MS) drop(job);
  };
  return {
    start(ownerId, fileName, total, work) {
      sweep();
      const mine = [...jobs.values()].filter((j) => j.ownerId === ownerId);
      for (const old of mine.slice(0, Math.max(0, mine.length - PER_OWNER + 1))) drop(old);
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const id = randomUUID();
      const job: ExportJob = {
        id,
        ownerId,
        fileName,
        path: join(dir, `${id}.part`),
        startedAt: clock.now().getTime(),
        state: 'running',
        done: 0,
        total,
        failed: [],
        size: 0,
        controller: new AbortController(),
      };
      jobs.set(id, job);
      const failure = (message: string) => {
        if (job.failed.length < KEPT_FAILURES) job.failed.push(message);
      };
      const signal = job.controller.signal;
      void work({ signal, path: job.path, progress: (done) => (job.done = done), failure })
        .then(async () => {
          if (signal.aborted) return;
          job.size = (await stat(job.path)).size;
          job.state = 'finished';
        })
        .catch(async (e: unknown) => {
          await rm(job.path, { force: true });
          if (signal.aborted) return;
          job.state = 'failed';
          failure(e instanceof Error ? e.message : String(e));
        });
      return job;
    },
    get(id, ownerId) {
      sweep();
      const job = jobs.get(id);
      return job && job.ownerId === ownerId ? job : undefined;
    },
    cancel(job) {
      job.controller.abort();
      void rm(job.path, { force: true });
      // A running one is kept (without its file) so the window still reads that it was cancelled.
      if (job.state === 'running') job.state = 'cancelled';
      else jobs.delete(job.id);
    },
    async chunk(job, offset) {
      const length = Math.max(0, Math.min(EXPORT_CHUNK, job.size - offset));
      const bytes = Buffer.alloc(length);
      const handle = await open(job.path, 'r');
      try {
        await handle.read(bytes, 0, length, offset);
      } finally {
        await handle.close();
      }
      const next = offset + length;
      if (next < job.size) return { bytes, nextOffset: next };
      jobs.delete(job.id);
      await rm(job.path, { force: true });
      return { bytes, nextOffset: null };
    },
  };
}
