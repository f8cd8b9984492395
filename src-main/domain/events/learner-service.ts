import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { SessionRow } from '../../../shared/api/schemas/learning.js';
import { AppError, conflict, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { isModuleVisibleTo } from '../catalog/visibility-repo.js';
import { cancelPlace, place } from './placement.js';
import { registrationRepo } from './registration-repo.js';
import { sessionRepo } from './session-repo.js';
import { hasStarted, mustFindSession, nowIso, toSessionRows } from './session-view.js';

const dayOf = (t: string) => t.slice(0, 10);

/** Upcoming sessions the learner can see: of one event, or (no moduleId) those they are on plus open ones of their events. */
export function sessionsForLearner(ctx: AuthedCtx, opts: { moduleId?: string }): SessionRow[] {
  const repo = sessionRepo(ctx.db);
  const now = nowIso(ctx);
  if (opts.moduleId === undefined) return toSessionRows(ctx, repo.forLearner(ctx.actor.id, now));
  const m = repo.module(opts.moduleId);
  if (!m || m.kind !== 'event' || m.status === 'draft' || !isModuleVisibleTo(ctx.db, ctx.actor.id, m.id))
    return [];
  return toSessionRows(
    ctx,
    repo.ofModule(m.id, ctx.actor.id, now).filter((s) => s.cancelled_at === null),
  );
}

export function listLearnerSessions(
  input: ParsedInput<'learning.sessions'>,
  ctx: AuthedCtx,
): CallOutput<'learning.sessions'> {
  const m = sessionRepo(ctx.db).module(input.moduleId);
  if (!m || m.status === 'draft' || !isModuleVisibleTo(ctx.db, ctx.actor.id, m.id))
    throw notFound('That event');
  return { rows: sessionsForLearner(ctx, { moduleId: m.id }) };
}

/**
 * `004_*` self-registration: the event must be published, allow it and be
 * visible to the person; the session neither cancelled nor started.
 */
export function registerSelf(
  input: ParsedInput<'learning.register'>,
  ctx: AuthedCtx,
): CallOutput<'learning.register'> {
  const s = mustFindSession(ctx, input.sessionId);
  const m = sessionRepo(ctx.db).module(s.module_id);
  if (!m || !isModuleVisibleTo(ctx.db, ctx.actor.id, m.id)) throw notFound('That session');
  const refuse = (why: string): never => {
    throw new AppError('invalid_input', why, { details: [{ path: 'sessionId', message: why }] });
  };
  if (m.status !== 'published') refuse(`${m.title} is not open for registration.`);
  if (m.self_enrol !== 1)
    refuse(`${m.title} does not allow registering yourself; ask your manager to register you.`);
  if (s.cancelled_at !== null) refuse(`The session of ${m.title} on ${dayOf(s.starts_at)} was cancelled.`);
  if (hasStarted(s, nowIso(ctx)))
    refuse(`The session of ${m.title} on ${dayOf(s.starts_at)} has already started.`);
  if (s.my_status)
    throw conflict(
      s.my_status === 'registered'
        ? `You are already registered on ${m.title} on ${dayOf(s.starts_at)}.`
        : `You are already on the waiting list of ${m.title} on ${dayOf(s.starts_at)}.`,
    );
  const me = { id: ctx.actor.id, name: `${ctx.actor.firstName} ${ctx.actor.lastName}` };
  place(ctx, s, me, 'self');
  return {};
}

export function cancelOwnRegistration(
  input: ParsedInput<'learning.cancelRegistration'>,
  ctx: AuthedCtx,
): CallOutput<'learning.cancelRegistration'> {
  const s = mustFindSession(ctx, input.sessionId);
  const reg = registrationRepo(ctx.db).get(s.id, ctx.actor.id);
  if (!reg || reg.status === 'cancelled') throw notFound('Your place on that session');
  if (hasStarted(s, nowIso(ctx)))
    throw new AppError(
      'invalid_input',
      `The session of ${s.module_title} on ${dayOf(s.starts_at)} has started, so your place can no longer be cancelled.`,
    );
  cancelPlace(
    ctx,
    s,
    ctx.actor.id,
    `Cancelled ${reg.status === 'registered' ? 'their place on' : 'their waiting-list place on'} ${s.module_title} on ${dayOf(s.starts_at)}`,
  );
  return {};
}
