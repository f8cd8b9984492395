import type { SessionRow } from '../../../shared/api/schemas/learning.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { sessionRepo, type EventModuleRow, type SessionDbRow } from './session-repo.js';

export const nowIso = (ctx: AuthedCtx): string => ctx.clock.now().toISOString();

/** Times are stored in UTC so that comparing the strings compares the instants. */
export const utc = (t: string): string => new Date(t).toISOString();

export const hasStarted = (s: { starts_at: string }, now: string): boolean => s.starts_at <= now;

/** Rows as the screens show them; instructors are read for all the sessions at once. */
export function toSessionRows(ctx: AuthedCtx, rows: readonly SessionDbRow[]): SessionRow[] {
  const instructors = sessionRepo(ctx.db).instructors(rows.map((r) => r.id));
  const now = nowIso(ctx);
  return rows.map((s) => ({
    id: s.id,
    moduleId: s.module_id,
    moduleCode: s.module_code,
    moduleTitle: s.module_title,
    startsAt: s.starts_at,
    endsAt: s.ends_at,
    place: s.place,
    capacity: s.capacity,
    registered: s.registered,
    waitlisted: s.waitlisted,
    instructors: instructors.get(s.id) ?? [],
    notes: s.notes,
    cancelled: s.cancelled_at !== null,
    myStatus: s.my_status,
    canSelfRegister:
      s.self_enrol === 1 && s.module_status === 'published' && s.cancelled_at === null && !hasStarted(s, now),
  }));
}

export function sessionView(ctx: AuthedCtx, id: string): SessionRow {
  const [row] = toSessionRows(ctx, [mustFindSession(ctx, id)]);
  if (!row) throw notFound('That session');
  return row;
}

export function mustFindSession(ctx: AuthedCtx, id: string): SessionDbRow {
  const s = sessionRepo(ctx.db).byId(id, ctx.actor.id);
  if (!s) throw notFound('That session');
  return s;
}

export function mustFindEvent(ctx: AuthedCtx, moduleId: string): EventModuleRow {
  const m = sessionRepo(ctx.db).module(moduleId);
  if (!m) throw notFound('That module');
  if (m.kind !== 'event')
    throw new AppError('invalid_input', `${m.title} is not an event, so it has no sessions.`, {
      details: [{ path: 'moduleId', message: 'Pick an event' }],
    });
  return m;
}

/** Graded events need the instructor's pass or fail as well as attendance. */
export function isGraded(m: EventModuleRow): boolean {
  try {
    const c = JSON.parse(m.content) as { graded?: unknown };
    return c.graded === true;
  } catch {
    return false;
  }
}
