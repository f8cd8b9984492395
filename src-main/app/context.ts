import { randomUUID } from 'node:crypto';
import type { Privilege } from '../../shared/permissions/privileges.js';
import type { EngineActor, EngineGrant } from '../../shared/permissions/engine.js';
import type { Db } from '../db/open.js';
import type { FileStore } from '../files/file-store.js';
import type { Logger } from './logger.js';
import type { ExportJobStore } from './export-jobs.js';
import type { UploadStore } from './uploads.js';

export interface Clock {
  /** The current instant. */
  now(): Date;
}

export interface Ids {
  uuid(): string;
}

/** The signed-in person a call acts for, with everything the permission checks need. */
export interface Actor extends EngineActor {
  email: string;
  firstName: string;
  lastName: string;
  unitId: string;
  grants: readonly EngineGrant[];
  privileges: ReadonlySet<Privilege>;
}

/** What a handler may note about its write for the audit log. */
export interface AuditNote {
  /** Who acted, when the call had no signed-in actor (setup, sign-in). */
  actorId?: string;
  targetIds?: string[];
  summary?: string;
  before?: unknown;
  after?: unknown;
}

/** The transport's handle on the window a call came from (sign-in binds to it). */
export interface SessionHandle {
  bind(personId: string): void;
  clear(): void;
}

/** Everything a handler may touch. No globals: tests build one per app. */
export interface Ctx {
  actor: Actor | null;
  db: Db;
  clock: Clock;
  ids: Ids;
  log: Logger;
  session: SessionHandle;
  /** Course material and evidence, beside the database. */
  files: FileStore;
  /** Files opened for a multi-step import, between calls. */
  uploads: UploadStore;
  /** Exports running in the background, fetched in chunks when finished. */
  exports: ExportJobStore;
  audit(note: AuditNote): void;
}

/** A handler's ctx once the dispatcher has checked that someone is signed in. */
export type AuthedCtx = Ctx & { actor: Actor };

export const systemClock: Clock = { now: () => new Date() };
export const randomIds: Ids = { uuid: () => randomUUID() };

/** A clock that stands still (tests, `--today`), advanced by hand. */
export function fixedClock(iso: string): Clock & { advance(ms: number): void; set(iso: string): void } {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    advance: (ms) => {
      t += ms;
    },
    set: (s) => {
      t = new Date(s).getTime();
    },
  };
}

/** Ids that are the same on every run, so tests can name them. */
export function sequentialIds(prefix = '00000000-0000-4000-8000-'): Ids {
  let n = 0;
  return { uuid: () => prefix + String(++n).padStart(12, '0') };
}
