import { openDatabase, type Db } from '../db/open.js';
import { fileStoreFor, type FileStore } from '../files/file-store.js';
import { DEFAULT_COST, TEST_COST, type PasswordCost } from '../domain/auth/password.js';
import {
  contract,
  type CallInput,
  type CallName,
  type CallOutput,
  type CallSpec,
} from '../../shared/api/contract.js';
import type { Result } from '../../shared/api/errors.js';
import {
  fixedClock,
  randomIds,
  sequentialIds,
  systemClock,
  type Clock,
  type Ctx,
  type Ids,
} from './context.js';
import { createDispatcher, type CallerMeta } from './dispatcher.js';
import { createHandlers } from './handlers.js';
import { memoryLogger, type Logger } from './logger.js';
import { createSessions, DEFAULT_IDLE_MS } from './sessions.js';
import { createUploadStore } from './uploads.js';
import { createExportJobStore } from './export-jobs.js';

export interface AppOptions {
  db: Db;
  clock?: Clock;
  ids?: Ids;
  log?: Logger;
  passwordCost?: PasswordCost;
  sessionIdleMs?: number;
  /** Where stored files go; by default a folder beside the database file. */
  files?: FileStore;
  /** Tests only: extra or replacement calls and handlers, to exercise the dispatcher itself. */
  override?: {
    contract: Readonly<Record<string, CallSpec>>;
    handlers: Record<string, (input: never, ctx: Ctx) => unknown>;
  };
}

/** A whole Fieldbook backend over one database: every transport (IPC, HTTP, CLI, tests) wraps one of these. */
export function createApp(opts: AppOptions) {
  const clock = opts.clock ?? systemClock;
  const ids = opts.ids ?? randomIds;
  const log = opts.log ?? memoryLogger();
  const sessions = createSessions(clock, opts.sessionIdleMs ?? DEFAULT_IDLE_MS);
  const real = createHandlers({ passwordCost: opts.passwordCost ?? DEFAULT_COST });
  const handlers = (opts.override ? { ...real, ...opts.override.handlers } : real) as typeof real;
  const files = opts.files ?? fileStoreFor(opts.db.name);
  const uploads = createUploadStore(clock);
  const exports = createExportJobStore(clock);
  const dispatcher = createDispatcher({
    db: opts.db,
    clock,
    ids,
    log,
    sessions,
    handlers,
    files,
    uploads,
    exports,
    contract: opts.override ? { ...contract, ...opts.override.contract } : contract,
  });
  return {
    db: opts.db,
    clock,
    ids,
    log,
    sessions,
    files,
    invoke: dispatcher.invoke as <C extends CallName>(
      method: C,
      input: CallInput<C>,
      meta?: CallerMeta,
    ) => Promise<Result<CallOutput<C>>>,
    /** For transports: the method name is not trusted and may not exist. */
    invokeUntyped: (method: string, input: unknown, meta: CallerMeta) =>
      dispatcher.invoke(method, input, meta),
    close: () => opts.db.close(),
  };
}

export type App = ReturnType<typeof createApp>;

/**
 * A complete app on `:memory:` with a fixed clock and predictable ids, as tests
 * and benchmarks use it. Password hashing runs for real, at a lower cost.
 */
export function createTestApp(
  opts: {
    today?: string;
    now?: string;
    db?: Db;
    override?: AppOptions['override'];
    sessionIdleMs?: number;
  } = {},
) {
  const clock = fixedClock(opts.now ?? `${opts.today ?? '2026-03-01'}T09:00:00.000Z`);
  const log = memoryLogger();
  const app = createApp({
    db: opts.db ?? openDatabase(':memory:'),
    clock,
    ids: sequentialIds(),
    log,
    passwordCost: TEST_COST,
    ...(opts.override ? { override: opts.override } : {}),
    ...(opts.sessionIdleMs ? { sessionIdleMs: opts.sessionIdleMs } : {}),
  });
  return { ...app, clock, log };
}
