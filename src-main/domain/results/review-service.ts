import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { Question, QuizContent } from '../../../shared/api/schemas/catalog.js';
import type { AttemptDetail, SectionScore } from '../../../shared/api/schemas/learning.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { isRight, type QuestionOrder } from '../learning/scoring.js';
import { personTarget } from '../permissions/target-repo.js';
import { reviewRepo, type AttemptDbRow } from './review-repo.js';

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

const parse = <T>(json: string | null, fallback: T): T => {
  if (json === null) return fallback;
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

/** Every answer of an attempt, in the order the attempt showed the questions, and whether it was right. */
function toDetail(a: AttemptDbRow): AttemptDetail {
  const quiz = parse<Partial<QuizContent>>(a.content, {});
  const sections = quiz.sections ?? [];
  const byId = new Map<string, { q: Question; sectionTitle: string }>();
  for (const s of sections) for (const q of s.questions) byId.set(q.id, { q, sectionTitle: s.title });
  const order = parse<QuestionOrder>(a.question_order, []);
  const ids = order.length
    ? order.flatMap((s) => s.questions.map((q) => q.questionId))
    : sections.flatMap((s) => s.questions.map((q) => q.id));
  const answers = parse<Record<string, string[]>>(a.answers, {});
  const submitted = a.submitted_at !== null;
  return {
    id: a.id,
    personId: a.person_id,
    personName: a.person_name,
    moduleId: a.module_id,
    moduleCode: a.module_code,
    moduleTitle: a.module_title,
    version: a.version,
    number: a.number,
    startedAt: a.started_at,
    submittedAt: a.submitted_at,
    timeTakenSeconds: submitted
      ? Math.max(0, Math.round((Date.parse(a.submitted_at ?? '') - Date.parse(a.started_at)) / 1000))
      : null,
    scorePercent: a.score_percent,
    passed: a.passed === null ? null : a.passed === 1,
    sectionScores: parse<SectionScore[]>(a.section_scores, []),
    answers: ids.flatMap((id) => {
      const found = byId.get(id);
      if (!found) return [];
      const given = answers[id] ?? [];
      return [
        {
          questionId: id,
          sectionTitle: found.sectionTitle,
          text: found.q.text,
          given,
          correct: submitted ? isRight(found.q, given) : null,
        },
      ];
    }),
    reset: a.reset_at ? { at: a.reset_at, byName: a.reset_by_name, reason: a.reset_reason ?? '' } : null,
  };
}

export function listAttempts(
  input: ParsedInput<'results.attempts'>,
  ctx: AuthedCtx,
): CallOutput<'results.attempts'> {
  return { rows: reviewRepo(ctx.db).attempts(input.personId, input.moduleId).map(toDetail) };
}

/** The attempts stay in the history; they only stop counting towards max attempts. */
export function resetAttempts(
  input: ParsedInput<'results.resetAttempts'>,
  ctx: AuthedCtx,
): CallOutput<'results.resetAttempts'> {
  const person = personTarget(ctx.db, input.personId);
  if (!person) throw notFound('That person');
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
