import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { attemptHistory } from '../learning/attempt-view.js';
import { personTarget } from '../permissions/target-repo.js';
import { reviewRepo } from './review-repo.js';

export function listResults(input: ParsedInput<'results.list'>, ctx: AuthedCtx): CallOutput<'results.list'> {
  const { rows, total } = reviewRepo(ctx.db).page({
    ...input,
    reach: reachOf(ctx.actor.grants, 'results.review'),
    selfId: ctx.actor.id,
  });
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      email: r.email,
      moduleId: r.module_id,
      moduleCode: r.module_code,
      moduleTitle: r.module_title,
      kind: r.kind,
      status: r.status,
      date: r.result_date,
      score: r.score,
      note: r.note,
      source: r.source,
      evidenceFileId: r.evidence_file_id,
      recordedByName: r.recorded_by_name,
      recordId: r.record_id,
    })),
  };
}

export function listAttempts(
  input: ParsedInput<'results.attempts'>,
  ctx: AuthedCtx,
): CallOutput<'results.attempts'> {
  // The learner's own history, with answers as option texts and time capped at the deadline,
  // plus whether each answer was right.
  return { rows: attemptHistory(ctx.db, input.personId, { moduleId: input.moduleId, reveal: true }) };
}

/** The attempts stay in the history; they only stop counting towards max attempts. */
export function resetAttempts(
  input: ParsedInput<'results.resetAttempts'>,
  ctx: AuthedCtx,
): CallOutput<'results.resetAttempts'> {
  const person = personTarget(ctx.db, input.personId);
  if (!person) throw notFound('That person');
  if (person.id === ctx.actor.id)
    throw new AppError('forbidden', 'You cannot reset your own attempts; ask another manager.', {
      details: [{ path: 'personId', message: 'You cannot reset your own attempts; ask another manager' }],
    });
  const repo = reviewRepo(ctx.db);
  const m = repo.module(input.moduleId);
  if (!m) throw notFound('That module');
  const reset = repo.resetAttempts({
    personId: person.id,
    moduleId: m.id,
    at: ctx.clock.now().toISOString(),
    by: ctx.actor.id,
    reason: input.reason,
  });
  if (reset === 0)
    throw new AppError('invalid_input', `${person.name} has no attempts at ${m.title} to reset.`, {
      details: [{ path: 'moduleId', message: `${person.name} has no attempts at ${m.title} to reset` }],
    });
  ctx.audit({
    targetIds: [person.id, m.id],
    summary: `Reset ${reset} ${reset === 1 ? 'attempt' : 'attempts'} by ${person.name} at ${m.title}: ${input.reason}`,
    after: { reset, reason: input.reason },
  });
  return { reset };
}
