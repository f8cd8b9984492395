import type { AuthedCtx } from '../../app/context.js';
import { registrationRepo } from './registration-repo.js';
import { sessionRepo, type SessionDbRow } from './session-repo.js';
import { nowIso } from './session-view.js';

/**
 * The waiting list is first come, first served by `registered_at`. Several
 * people placed in one call (or in the same millisecond) would tie, so each new
 * place is stamped at least a millisecond after the latest one on the session:
 * the order they were placed in is the order they move up in.
 */
function nextStamp(ctx: AuthedCtx, sessionId: string): string {
  const now = nowIso(ctx);
  const latest = registrationRepo(ctx.db).latestRegisteredAt(sessionId);
  if (!latest || latest < now) return now;
  return new Date(new Date(latest).getTime() + 1).toISOString();
}

export type Placement = 'registered' | 'waitlisted' | 'already';

/** A place while there is one, else the back of the waiting list; someone already on it stays as they are. */
export function place(
  ctx: AuthedCtx,
  s: SessionDbRow,
  person: { id: string; name: string },
  origin: 'self' | 'manager',
): Placement {
  const repo = registrationRepo(ctx.db);
  const existing = repo.get(s.id, person.id);
  if (existing && existing.status !== 'cancelled') return 'already';
  const status = repo.countRegistered(s.id) < s.capacity ? 'registered' : 'waitlisted';
  const at = nextStamp(ctx, s.id);
  repo.upsert({ sessionId: s.id, personId: person.id, status, at, by: ctx.actor.id });
  // The event shows on the person's dashboard through an enrolment.
  if (!repo.hasEnrolment(person.id, s.module_id))
    repo.enrol({ personId: person.id, moduleId: s.module_id, origin, at, by: ctx.actor.id });
  const who = origin === 'self' ? 'Registered' : `Registered ${person.name}`;
  ctx.audit({
    targetIds: [s.id, person.id],
    summary:
      status === 'registered'
        ? `${who} on ${s.module_title} on ${s.starts_at.slice(0, 10)}`
        : `${origin === 'self' ? 'Joined' : `Put ${person.name} on`} the waiting list of ${s.module_title} on ${s.starts_at.slice(0, 10)}`,
    after: { status },
  });
  return status;
}

/** Fills free places from the head of the waiting list (after a cancellation or more capacity). */
export function promoteWaiting(ctx: AuthedCtx, sessionId: string, title: string): string[] {
  const repo = registrationRepo(ctx.db);
  const s = sessionRepo(ctx.db).byId(sessionId, ctx.actor.id);
  if (!s || s.cancelled_at !== null) return [];
  const moved: string[] = [];
  while (repo.countRegistered(sessionId) < s.capacity) {
    const next = repo.firstWaiting(sessionId);
    if (!next) break;
    repo.setStatus(sessionId, next.person_id, 'registered');
    moved.push(next.person_id);
    ctx.audit({
      targetIds: [sessionId, next.person_id],
      summary: `${next.name} moved up from the waiting list of ${title}`,
      before: { status: 'waitlisted' },
      after: { status: 'registered' },
    });
  }
  return moved;
}

/** Takes someone off a session (the row stays, cancelled) and moves the first person waiting up. */
export function cancelPlace(ctx: AuthedCtx, s: SessionDbRow, personId: string, summary: string): void {
  const repo = registrationRepo(ctx.db);
  const reg = repo.get(s.id, personId);
  if (!reg || reg.status === 'cancelled') return;
  repo.setStatus(s.id, personId, 'cancelled');
  ctx.audit({
    targetIds: [s.id, personId],
    summary,
    before: { status: reg.status },
    after: { status: 'cancelled' },
  });
  if (reg.status === 'registered') promoteWaiting(ctx, s.id, s.module_title);
}
