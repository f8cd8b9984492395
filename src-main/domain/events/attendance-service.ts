import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { isoDateOf } from '../../../shared/dates.js';
import { syncCertificates } from '../certificates/issue-service.js';
import type { ErrorDetail } from '../../../shared/api/errors.js';
import type { Roster } from '../../../shared/api/schemas/events.js';
import type { ResultStatus } from '../../../shared/api/schemas/results.js';
import { AppError, forbidden } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { moduleRepo } from '../catalog/module-repo.js';
import { learningRepo } from '../learning/learning-repo.js';
import { recordResult } from '../results/completion.js';
import { registrationRepo } from './registration-repo.js';
import { sessionRepo } from './session-repo.js';
import { managesEvent } from './session-service.js';
import { hasStarted, isGraded, mustFindEvent, mustFindSession, nowIso, sessionView } from './session-view.js';

/** Managers of the event (events.manage over its owner unit) and the session's instructors. */
function access(ctx: AuthedCtx, sessionId: string) {
  const s = mustFindSession(ctx, sessionId);
  const m = mustFindEvent(ctx, s.module_id);
  const canManage = managesEvent(ctx, m);
  const canMark = canManage || sessionRepo(ctx.db).isInstructor(s.id, ctx.actor.id);
  if (!canMark)
    throw forbidden(
      `Only the instructors of this session and people who manage ${m.title} can see who is on it.`,
    );
  return { s, m, canManage, canMark };
}

function roster(ctx: AuthedCtx, sessionId: string, flags: { canManage: boolean; canMark: boolean }): Roster {
  const s = mustFindSession(ctx, sessionId);
  const m = mustFindEvent(ctx, s.module_id);
  return {
    session: sessionView(ctx, s.id),
    graded: isGraded(m),
    rows: registrationRepo(ctx.db)
      .roster(s.id)
      .map((r) => ({
        personId: r.person_id,
        name: r.name,
        email: r.email,
        unitName: r.unit_name,
        status: r.status,
        registeredAt: r.registered_at,
        attendance: r.attendance,
        outcome: r.outcome,
        markedAt: r.marked_at,
      })),
    ...flags,
  };
}

export function getRoster(input: ParsedInput<'events.roster'>, ctx: AuthedCtx): CallOutput<'events.roster'> {
  const a = access(ctx, input.id);
  return roster(ctx, a.s.id, a);
}

const wantedStatus = (
  graded: boolean,
  attendance: 'attended' | 'absent',
  outcome: 'passed' | 'failed' | null,
): ResultStatus | null =>
  attendance === 'absent' ? null : outcome === 'failed' ? 'failed' : graded ? 'passed' : 'completed';

/**
 * The title of a learning path (or course) that the person's attendance result
 * completed, when a new mark would take that result back: the path's completion
 * would stand on nothing. Found as a completion of a module holding the event
 * (directly or through other paths) recorded since the attendance result, when
 * the person has no other completion of the event. Null when the mark may change.
 */
function cascadedFrom(
  ctx: AuthedCtx,
  personId: string,
  moduleId: string,
  sessionId: string,
  wanted: ResultStatus | null,
): string | null {
  const repo = registrationRepo(ctx.db);
  const previous = repo.attendanceResult(sessionId, personId);
  if (!previous || previous.status === 'failed' || previous.status === wanted) return null;
  if (repo.hasOtherCompletion(personId, moduleId, previous.id)) return null;
  const learning = learningRepo(ctx.db);
  const seen = new Set([moduleId]);
  const queue = [moduleId];
  while (queue.length) {
    const id = queue.shift() ?? '';
    for (const holder of [...learning.pathsListing(id), ...learning.coursesEmbedding(id)]) {
      if (seen.has(holder)) continue;
      seen.add(holder);
      if (repo.completionSince(personId, holder, previous.created_at))
        return moduleRepo(ctx.db).byId(holder)?.title ?? 'a learning path';
      queue.push(holder);
    }
  }
  return null;
}

/**
 * All marks in one go. Attended (and passed, when graded) completes the event
 * through recordResult; failed records a fail; absent records nothing. Marking
 * someone again changes the mark and, if the outcome changed, replaces the
 * result (and its training record) rather than adding a second one — unless
 * that result completed a learning path since: then the mark is refused.
 */
export function markAttendance(
  input: ParsedInput<'events.markAttendance'>,
  ctx: AuthedCtx,
): CallOutput<'events.markAttendance'> {
  const a = access(ctx, input.sessionId);
  const { s, m } = a;
  if (s.cancelled_at !== null)
    throw new AppError('invalid_input', 'This session was cancelled, so attendance cannot be marked.');
  const now = nowIso(ctx);
  if (!hasStarted(s, now))
    throw new AppError('invalid_input', 'This session has not started yet, so attendance cannot be marked.');
  const graded = isGraded(m);
  const repo = registrationRepo(ctx.db);
  const details: ErrorDetail[] = [];
  let undoesCompletion = false;
  const marks = input.marks.map((mark, i) => {
    const reg = repo.get(s.id, mark.personId);
    const outcome = graded && mark.attendance === 'attended' ? (mark.outcome ?? null) : null;
    if (!reg || reg.status === 'cancelled')
      details.push({
        path: `marks.${i}.personId`,
        message: `${reg?.name ?? repo.person(mark.personId)?.name ?? 'That person'} is not on this session`,
      });
    else if (reg.status === 'waitlisted')
      details.push({
        path: `marks.${i}.personId`,
        message: `${reg.name} is on the waiting list, not registered`,
      });
    else if (graded && mark.attendance === 'attended' && !outcome)
      details.push({ path: `marks.${i}.outcome`, message: `Say whether ${reg.name} passed or failed` });
    else {
      const completed = cascadedFrom(
        ctx,
        reg.person_id,
        m.id,
        s.id,
        wantedStatus(graded, mark.attendance, outcome),
      );
      if (completed) {
        undoesCompletion = true;
        details.push({
          path: `marks.${i}.attendance`,
          message: `${reg.name}’s attendance completed “${completed}”; that cannot be undone here — correct their training records instead`,
        });
      }
    }
    return { reg, attendance: mark.attendance, outcome };
  });
  if (details.length)
    throw new AppError(
      undoesCompletion ? 'conflict' : 'invalid_input',
      `${details[0]?.message ?? 'A mark is not valid'}.`,
      { details },
    );

  const date = s.starts_at.slice(0, 10);
  // People whose completion was made or taken back: their certificates are re-checked together at the end.
  const recheck: string[] = [];
  for (const { reg, attendance, outcome } of marks) {
    if (!reg) continue;
    const wanted = wantedStatus(graded, attendance, outcome);
    const previous = repo.attendanceResult(s.id, reg.person_id);
    if (reg.attendance === attendance && reg.outcome === outcome && (previous?.status ?? null) === wanted)
      continue;
    repo.mark({ sessionId: s.id, personId: reg.person_id, attendance, outcome, at: now, by: ctx.actor.id });
    const change = {
      before: { attendance: reg.attendance, outcome: reg.outcome },
      after: { attendance, outcome },
    };
    if ((previous?.status ?? null) === wanted) {
      ctx.audit({
        targetIds: [s.id, reg.person_id],
        summary: `Marked ${reg.name} ${attendance} at ${m.title}`,
        ...change,
      });
      continue;
    }
    if (previous) {
      repo.deleteResult(previous.id);
      ctx.audit({
        targetIds: [s.id, reg.person_id, previous.id, ...(previous.record_id ? [previous.record_id] : [])],
        summary: `Took back ${reg.name}’s ${previous.status} result for ${m.title} on ${date}${previous.record_id ? ' and the training record it made' : ''}`,
        before: { resultId: previous.id, status: previous.status, recordId: previous.record_id },
      });
      // A certificate the taken-back completion earned (a First Aid event's own) must not outlive it.
      if (previous.record_id) recheck.push(reg.person_id);
    }
    if (wanted) {
      const written = recordResult(ctx, {
        personId: reg.person_id,
        moduleId: m.id,
        version: m.current_version,
        status: wanted,
        date,
        source: 'attendance',
        sessionId: s.id,
        certificatesLater: true,
      });
      if (written.recordId) recheck.push(reg.person_id);
      ctx.audit({
        targetIds: [s.id, reg.person_id, written.resultId, ...(written.recordId ? [written.recordId] : [])],
        summary: `Marked ${reg.name} ${attendance}${outcome ? ` and ${outcome}` : ''} at ${m.title} on ${date}`,
        ...change,
      });
    } else {
      ctx.audit({
        targetIds: [s.id, reg.person_id],
        summary: `Marked ${reg.name} absent at ${m.title} on ${date}`,
        ...change,
      });
    }
  }
  if (recheck.length)
    syncCertificates(ctx.db, isoDateOf(ctx.clock.now()), {
      personIds: recheck,
      now: ctx.clock.now().toISOString(),
      uuid: () => ctx.ids.uuid(),
    });
  return roster(ctx, s.id, a);
}
