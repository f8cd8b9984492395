import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import { isIsoDate } from '../../../shared/dates.js';
import { can } from '../../../shared/permissions/engine.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { isModuleVisibleTo } from '../catalog/visibility-repo.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { personTarget } from '../permissions/target-repo.js';
import { reaches, requireReach } from '../units/require-reach.js';
import { promoteWaiting } from './placement.js';
import { registrationRepo } from './registration-repo.js';
import { sessionRepo, type EventModuleRow, type SessionFields } from './session-repo.js';
import { mustFindEvent, mustFindSession, nowIso, sessionView, toSessionRows, utc } from './session-view.js';

/** events.manage must reach the unit that owns the event. */
export function requireEventManager(ctx: AuthedCtx, m: EventModuleRow): void {
  const unit = unitFacts(ctx.db, m.owner_unit_id);
  if (!unit) throw new AppError('not_found', 'The unit that owns this event was not found.');
  requireReach(ctx.actor, 'events.manage', unit);
}

export function managesEvent(ctx: AuthedCtx, m: EventModuleRow): boolean {
  const unit = unitFacts(ctx.db, m.owner_unit_id);
  return !!unit && reaches(ctx.actor, 'events.manage', unit);
}

function invalid(details: ErrorDetail[]): never {
  const first = details[0];
  throw new AppError('invalid_input', first ? first.message + '.' : 'The input is not valid.', { details });
}

/** Instructors are active people the actor may see; every problem is named at once. */
function checkInstructors(ctx: AuthedCtx, ids: readonly string[], details: ErrorDetail[]): string[] {
  const unique = [...new Set(ids)];
  unique.forEach((id, i) => {
    const path = `instructorIds.${i}`;
    const p = registrationRepo(ctx.db).person(id);
    const target = p ? personTarget(ctx.db, id) : null;
    if (!p || !target) details.push({ path, message: 'There is no such person' });
    else if (p.status !== 'active') details.push({ path, message: `${p.name} has left` });
    else if (!can(ctx.actor, 'people.view', target).allowed)
      details.push({ path, message: `${p.name} is outside the people you can see` });
  });
  return unique;
}

function checkTimes(f: SessionFields, details: ErrorDetail[]): void {
  for (const k of ['startsAt', 'endsAt'] as const)
    // Date parsing rolls 30 February over into March: check the calendar date itself.
    if (!isIsoDate(f[k].slice(0, 10)) || Number.isNaN(new Date(f[k]).getTime()))
      details.push({ path: k, message: 'There is no such date and time' });
  if (!details.length && Date.parse(f.endsAt) <= Date.parse(f.startsAt))
    details.push({ path: 'endsAt', message: 'The session must end after it starts' });
}

export function listSessions(
  input: ParsedInput<'events.sessions'>,
  ctx: AuthedCtx,
): CallOutput<'events.sessions'> {
  const m = mustFindEvent(ctx, input.moduleId);
  if (!isModuleVisibleTo(ctx.db, ctx.actor.id, m.id, reachOf(ctx.actor.grants, 'catalog.view')))
    throw notFound('That event');
  const rows = sessionRepo(ctx.db).ofModule(m.id, ctx.actor.id, input.includePast ? null : nowIso(ctx));
  return { rows: toSessionRows(ctx, rows) };
}

export function createSession(
  input: ParsedInput<'events.createSession'>,
  ctx: AuthedCtx,
): CallOutput<'events.createSession'> {
  const m = mustFindEvent(ctx, input.moduleId);
  requireEventManager(ctx, m);
  const details: ErrorDetail[] = [];
  const fields: SessionFields = {
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    place: input.place,
    capacity: input.capacity,
    notes: input.notes || null,
  };
  checkTimes(fields, details);
  const instructors = checkInstructors(ctx, input.instructorIds, details);
  if (details.length) invalid(details);
  fields.startsAt = utc(fields.startsAt);
  fields.endsAt = utc(fields.endsAt);
  const id = ctx.ids.uuid();
  const repo = sessionRepo(ctx.db);
  repo.insert({ id, moduleId: m.id, now: nowIso(ctx), ...fields });
  repo.setInstructors(id, instructors);
  ctx.audit({
    targetIds: [id, m.id],
    summary: `Added a session of ${m.title} on ${fields.startsAt.slice(0, 10)} at ${fields.place}`,
    after: { ...fields, instructorIds: instructors },
  });
  return sessionView(ctx, id);
}

export function updateSession(
  input: ParsedInput<'events.updateSession'>,
  ctx: AuthedCtx,
): CallOutput<'events.updateSession'> {
  const s = mustFindSession(ctx, input.id);
  const m = mustFindEvent(ctx, s.module_id);
  requireEventManager(ctx, m);
  if (s.cancelled_at !== null)
    throw new AppError('invalid_input', 'This session is cancelled, so it cannot be changed.');
  const repo = sessionRepo(ctx.db);
  const current: SessionFields = {
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    place: s.place,
    capacity: s.capacity,
    notes: s.notes,
  };
  const next: SessionFields = {
    startsAt: input.startsAt ?? current.startsAt,
    endsAt: input.endsAt ?? current.endsAt,
    place: input.place ?? current.place,
    capacity: input.capacity ?? current.capacity,
    notes: input.notes === undefined ? current.notes : input.notes || null,
  };
  const details: ErrorDetail[] = [];
  checkTimes(next, details);
  const instructors = input.instructorIds ? checkInstructors(ctx, input.instructorIds, details) : undefined;
  if (details.length) invalid(details);
  next.startsAt = utc(next.startsAt);
  next.endsAt = utc(next.endsAt);
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const k of Object.keys(next) as (keyof SessionFields)[])
    if (next[k] !== current[k]) {
      before[k] = current[k];
      after[k] = next[k];
    }
  if (instructors) {
    const was = (repo.instructors([s.id]).get(s.id) ?? []).map((i) => i.id).sort();
    const now = [...instructors].sort();
    if (was.join() !== now.join()) {
      before.instructorIds = was;
      after.instructorIds = now;
      repo.setInstructors(s.id, instructors);
    }
  }
  if (Object.keys(after).length) {
    repo.update(s.id, next, nowIso(ctx));
    ctx.audit({ targetIds: [s.id, m.id], summary: `Changed a session of ${m.title}`, before, after });
  }
  // More places move people up from the waiting list; fewer never remove anyone.
  if (next.capacity > current.capacity) promoteWaiting(ctx, s.id, m.title);
  return sessionView(ctx, s.id);
}

export function cancelSession(
  input: ParsedInput<'events.cancelSession'>,
  ctx: AuthedCtx,
): CallOutput<'events.cancelSession'> {
  const s = mustFindSession(ctx, input.id);
  const m = mustFindEvent(ctx, s.module_id);
  requireEventManager(ctx, m);
  if (s.cancelled_at === null) {
    sessionRepo(ctx.db).cancel(s.id, nowIso(ctx));
    ctx.audit({
      targetIds: [s.id, m.id],
      summary: `Cancelled the session of ${m.title} on ${s.starts_at.slice(0, 10)} (${s.registered} registered, ${s.waitlisted} waiting)`,
      before: { cancelled: false },
      after: { cancelled: true },
    });
  }
  return sessionView(ctx, s.id);
}
