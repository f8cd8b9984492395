import { type z } from '../../shared/zod.js';
import {
  contract as realContract,
  type CallName,
  type CallOutput,
  type CallSpec,
} from '../../shared/api/contract.js';
import { fail, type ErrorDetail, type Result } from '../../shared/api/errors.js';
import { loadActor } from '../domain/auth/actor-repo.js';
import { loadTarget } from '../domain/permissions/target-repo.js';
import { can, canManagePerson } from '../../shared/permissions/engine.js';
import type { Privilege } from '../../shared/permissions/privileges.js';
import { auditRepo } from '../domain/audit/repo.js';
import { AppError } from './app-error.js';
import type { Actor, AuditNote, Clock, Ctx, Ids } from './context.js';
import type { Handlers } from './handlers.js';
import type { Logger } from './logger.js';
import type { Sessions } from './sessions.js';
import type { FileStore } from '../files/file-store.js';
import type { ExportJobStore } from './export-jobs.js';
import type { UploadStore } from './uploads.js';
import type { Db } from '../db/open.js';

/** How a transport says who is calling: a window's session key, or (CLI, tests) a person directly. */
export interface CallerMeta {
  sessionKey?: string;
  actorId?: string;
}

export interface DispatcherDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  log: Logger;
  sessions: Sessions;
  handlers: Handlers;
  files: FileStore;
  uploads: UploadStore;
  exports: ExportJobStore;
  /** The real contract unless a test swaps in its own calls. */
  contract?: Readonly<Record<string, CallSpec>>;
}

const issuePath = (path: readonly PropertyKey[]) => path.map(String).join('.') || '(input)';

export function zodDetails(error: z.ZodError): ErrorDetail[] {
  return error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
}

function describeInvalid(details: ErrorDetail[]): string {
  const first = details[0];
  if (!first) return 'The input is not valid.';
  const more = details.length > 1 ? ` (and ${details.length - 1} more)` : '';
  return `${first.path}: ${first.message}${more}`;
}

/**
 * The one door every call goes through, whatever the transport: look the call up
 * in the contract, validate the input, find the actor, check the privilege (deny
 * by default), run the handler in one transaction, audit writes, and turn any
 * failure into an error envelope. It never throws.
 */
/** A read handler's answer still on its way (see invokeSync). */
class Pending {
  constructor(readonly promise: PromiseLike<unknown>) {}
}
const isThenable = (v: unknown): v is PromiseLike<unknown> =>
  typeof v === 'object' && v !== null && typeof (v as { then?: unknown }).then === 'function';

export function createDispatcher(deps: DispatcherDeps) {
  const { db, clock, ids, log, sessions, handlers, files, uploads, exports } = deps;
  const contract: Readonly<Record<string, CallSpec>> = deps.contract ?? realContract;
  const audit = auditRepo(db);

  function resolveActor(meta: CallerMeta): { actor: Actor | null; expired: boolean } {
    if (meta.actorId) return { actor: loadActor(db, meta.actorId), expired: false };
    if (!meta.sessionKey) return { actor: null, expired: false };
    const s = sessions.resolve(meta.sessionKey);
    if (!s) return { actor: null, expired: false };
    if ('expired' in s) return { actor: null, expired: true };
    const actor = loadActor(db, s.personId);
    // Someone deactivated while signed in loses the session at their next call.
    if (!actor) sessions.clear(meta.sessionKey);
    return { actor, expired: false };
  }

  /**
   * Runs a call. A read handler may return a promise (work done off the main thread, such as
   * rendering a PDF in a worker): its database reads happen synchronously before it returns, and
   * the answer is checked against the output schema once it settles. Writes stay synchronous,
   * inside their one transaction.
   */
  function invokeSync(
    method: string,
    rawInput: unknown,
    meta: CallerMeta,
  ): Result<unknown> | Promise<Result<unknown>> {
    const spec = Object.hasOwn(contract, method) ? contract[method] : undefined;
    if (!spec) return fail('unknown_call', `There is no call named "${method}".`);
    // Who may call comes before what they sent: someone without the privilege learns nothing from validation.
    const { actor, expired } = resolveActor(meta);
    const access: string | undefined = (spec as { access?: string }).access;
    if (!access) return fail('forbidden', 'This call has no permission rule, so it is refused.');
    if (access !== 'public') {
      if (!actor) {
        return fail(
          'unauthenticated',
          expired ? 'You were signed out after a period without activity. Sign in again.' : 'Sign in first.',
        );
      }
      if (access !== 'authenticated' && !actor.privileges.has(access as never)) {
        return fail('forbidden', 'You do not have permission to do that.');
      }
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const details = zodDetails(parsed.error);
      return fail('invalid_input', describeInvalid(details), details);
    }
    // Holding the privilege is not enough when the call names a person or unit: it must reach them.
    const ref =
      actor && access !== 'public' && access !== 'authenticated' ? spec.target?.(parsed.data as never) : null;
    if (actor && ref) {
      const target = loadTarget(db, ref);
      if (!target)
        return fail('not_found', 'person' in ref ? 'That person was not found.' : 'That unit was not found.');
      const decision =
        target.kind === 'person' && 'person' in ref && ref.manage
          ? canManagePerson(actor, access as Privilege, target, 'you')
          : can(actor, access as Privilege, target, 'you');
      if (!decision.allowed) return fail('forbidden', decision.reason);
    }

    const notes: AuditNote[] = [];
    const sessionKey = meta.sessionKey;
    const ctx: Ctx = {
      actor,
      db,
      clock,
      ids,
      log,
      files,
      uploads,
      exports,
      audit: (n) => notes.push(n),
      session: {
        bind: (personId) => {
          if (sessionKey) sessions.bind(sessionKey, personId);
        },
        clear: () => {
          if (sessionKey) sessions.clear(sessionKey);
        },
      },
    };
    const handler = (handlers as unknown as Record<string, (input: unknown, ctx: Ctx) => unknown>)[method];
    if (!handler) return fail('unknown_call', `There is no handler for "${method}".`);

    let keptError: AppError | undefined;
    const run = db.transaction(() => {
      let value: unknown;
      try {
        value = handler(parsed.data, ctx);
      } catch (e) {
        if (e instanceof AppError && e.keepWrites) {
          keptError = e;
          return undefined;
        }
        throw e;
      }
      if (!spec.write && isThenable(value)) return new Pending(value);
      // The output schema is also a filter: fields it does not name never leave the main process.
      const out = spec.output.parse(value);
      if (spec.write) {
        const at = clock.now().toISOString();
        const list = notes.length ? notes : [{}];
        for (const n of list) {
          audit.append({
            at,
            actorId: n.actorId ?? actor?.id ?? null,
            call: method,
            targetIds: n.targetIds ?? [],
            summary: n.summary ?? method,
            before: n.before,
            after: n.after,
          });
        }
      }
      return out;
    });

    const failed = (e: unknown): Result<unknown> => {
      if (e instanceof AppError) return fail(e.code, e.message, e.details);
      const errorId = ids.uuid();
      log.log('error', 'call failed', {
        call: method,
        errorId,
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      });
      return fail(
        'internal',
        `Something went wrong and nothing was saved. The log has the details (error ${errorId.slice(0, 8)}).`,
      );
    };
    try {
      const value = run();
      if (keptError) return fail(keptError.code, keptError.message, keptError.details);
      if (value instanceof Pending)
        return Promise.resolve(value.promise).then(
          (v): Result<unknown> => ({ ok: true, value: spec.output.parse(v) }),
          failed,
        );
      return { ok: true, value };
    } catch (e) {
      return failed(e);
    }
  }

  return {
    invokeSync,
    invoke: <C extends CallName>(method: C | string, input: unknown, meta: CallerMeta = {}) =>
      Promise.resolve(invokeSync(method, input, meta)) as Promise<
        Result<C extends CallName ? CallOutput<C> : unknown>
      >,
  };
}

export type Dispatcher = ReturnType<typeof createDispatcher>;
