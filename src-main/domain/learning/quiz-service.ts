import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { Answers } from '../../../shared/api/schemas/learning.js';
import { isoDateOf } from '../../../shared/dates.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { moduleRepo } from '../catalog/module-repo.js';
import { recordResult } from '../results/completion.js';
import { quoted, requireTakeable } from './access.js';
import { attemptHistory, attemptNumbers, attemptView, quizOf, timeTaken } from './attempt-view.js';
import { learningRepo, type AttemptRow } from './learning-repo.js';
import { knownAnswers, questionOrder, scoreAttempt } from './scoring.js';
import { attemptsLeft } from './state.js';

const isOpen = (a: AttemptRow, now: string) =>
  a.submitted_at === null && a.reset_at === null && (a.deadline_at === null || a.deadline_at > now);
const isOverdue = (a: AttemptRow, now: string) =>
  a.submitted_at === null && a.reset_at === null && a.deadline_at !== null && a.deadline_at <= now;

/** The attempt still open for the person at the quiz, if any (what the player resumes). */
export function openAttempt(ctx: AuthedCtx, personId: string, moduleId: string): AttemptRow | undefined {
  const now = ctx.clock.now().toISOString();
  return learningRepo(ctx.db)
    .attempts(personId, moduleId)
    .find((a) => isOpen(a, now));
}

export function startAttempt(
  input: ParsedInput<'learning.startAttempt'>,
  ctx: AuthedCtx,
): CallOutput<'learning.startAttempt'> {
  const personId = ctx.actor.id;
  const m = requireTakeable(ctx, input.moduleId);
  if (m.kind !== 'quiz') throw new AppError('conflict', `${quoted(m.title)} is not a quiz.`);
  const repo = learningRepo(ctx.db);
  const now = ctx.clock.now().toISOString();
  // Attempts whose time ran out unsubmitted are scored as they stood before anything new starts.
  for (const a of repo.attempts(personId, m.id)) if (isOverdue(a, now)) finish(ctx, a, {}, now);

  const all = repo.attempts(personId, m.id);
  const numbers = attemptNumbers(all);
  const resume = all.find((a) => isOpen(a, now));
  if (resume)
    return attemptView(ctx.db, resume, {
      title: m.title,
      number: numbers.get(resume.id) ?? all.length,
      quiz: quizOf(ctx.db, m.id, resume.version),
    });

  const quiz = quizOf(ctx.db, m.id, m.current_version);
  const left = attemptsLeft(ctx.db, personId, m.id, quiz.maxAttempts, isoDateOf(ctx.clock.now()));
  if (left === 0)
    throw new AppError(
      'conflict',
      `You have used all ${quiz.maxAttempts ?? 0} attempts at ${quoted(m.title)}. Ask a manager to reset them.`,
    );
  const id = ctx.ids.uuid();
  const deadline = quiz.timeLimitMinutes
    ? new Date(ctx.clock.now().getTime() + quiz.timeLimitMinutes * 60_000).toISOString()
    : null;
  repo.insertAttempt({
    id,
    personId,
    moduleId: m.id,
    version: m.current_version,
    startedAt: now,
    deadlineAt: deadline,
    questionOrder: JSON.stringify(questionOrder(quiz, id)),
  });
  const number = all.length + 1;
  ctx.audit({
    targetIds: [personId, m.id],
    summary: `${repo.personName(personId)} started attempt ${number} at ${quoted(m.title)}`,
    after: { attemptId: id, version: m.current_version, deadlineAt: deadline },
  });
  const row = repo.attempt(id);
  if (!row) throw new Error('attempt not stored');
  return attemptView(ctx.db, row, { title: m.title, number, quiz });
}

/** The signed-in person's own attempt, not yet submitted; anyone else's is simply not found. */
function ownUnsubmitted(ctx: AuthedCtx, attemptId: string): AttemptRow {
  const a = learningRepo(ctx.db).attempt(attemptId);
  if (!a || a.person_id !== ctx.actor.id) throw notFound('That attempt');
  if (a.submitted_at !== null) throw new AppError('conflict', 'That attempt has already been submitted.');
  if (a.reset_at !== null) throw new AppError('conflict', 'That attempt was reset by a manager.');
  return a;
}

export function saveAnswers(
  input: ParsedInput<'learning.saveAnswers'>,
  ctx: AuthedCtx,
): CallOutput<'learning.saveAnswers'> {
  const a = ownUnsubmitted(ctx, input.attemptId);
  const now = ctx.clock.now().toISOString();
  if (a.deadline_at !== null && a.deadline_at <= now)
    throw new AppError('conflict', 'The time for this attempt has run out: submit it to see your score.');
  const quiz = quizOf(ctx.db, a.module_id, a.version);
  const merged = { ...(JSON.parse(a.answers) as Answers), ...knownAnswers(quiz, input.answers) };
  learningRepo(ctx.db).saveAnswers(a.id, JSON.stringify(merged));
  ctx.audit({
    targetIds: [a.person_id, a.module_id],
    summary: `${learningRepo(ctx.db).personName(a.person_id)} saved answers to a quiz attempt`,
    after: { attemptId: a.id, answered: Object.keys(merged).length },
  });
  return {};
}

export function submitAttempt(
  input: ParsedInput<'learning.submitAttempt'>,
  ctx: AuthedCtx,
): CallOutput<'learning.submitAttempt'> {
  const a = ownUnsubmitted(ctx, input.attemptId);
  return finish(ctx, a, input.answers, ctx.clock.now().toISOString());
}

/**
 * Scores an attempt against the version it was started on and stores the
 * result. Answers sent after the deadline are ignored: what was saved by then counts.
 */
function finish(
  ctx: AuthedCtx,
  a: AttemptRow,
  sent: Answers,
  now: string,
): CallOutput<'learning.submitAttempt'> {
  const repo = learningRepo(ctx.db);
  const m = moduleRepo(ctx.db).byId(a.module_id);
  if (!m) throw notFound('That quiz');
  const quiz = quizOf(ctx.db, a.module_id, a.version);
  const late = a.deadline_at !== null && a.deadline_at <= now;
  const saved = JSON.parse(a.answers) as Answers;
  const answers = late ? saved : { ...saved, ...knownAnswers(quiz, sent) };
  const score = scoreAttempt(quiz, answers);
  repo.finishAttempt({
    id: a.id,
    submittedAt: now,
    answers: JSON.stringify(answers),
    scorePercent: score.scorePercent,
    sectionScores: JSON.stringify(score.sectionScores),
    passed: score.passed,
  });
  const date = isoDateOf(new Date(late && a.deadline_at ? a.deadline_at : now));
  const written = recordResult(ctx, {
    personId: a.person_id,
    moduleId: a.module_id,
    version: a.version,
    status: score.passed ? 'passed' : 'failed',
    date,
    score: score.scorePercent,
    source: 'live',
    attemptId: a.id,
  });
  const name = repo.personName(a.person_id);
  ctx.audit({
    targetIds: [a.person_id, a.module_id],
    summary: `${name} ${score.passed ? 'passed' : 'failed'} ${quoted(m.title)} (${score.scorePercent}%)${late ? ', time ran out' : ''}`,
    after: { attemptId: a.id, ...score, late, resultId: written.resultId, recordId: written.recordId },
  });
  const all = repo.attempts(a.person_id, a.module_id);
  const current = m.current_version === null ? quiz : quizOf(ctx.db, m.id, m.current_version);
  return {
    attemptId: a.id,
    moduleId: a.module_id,
    title: m.title,
    number: attemptNumbers(all).get(a.id) ?? all.length,
    scorePercent: score.scorePercent,
    passed: score.passed,
    passMark: quiz.passMark,
    sectionScores: score.sectionScores,
    attemptsLeft: attemptsLeft(
      ctx.db,
      a.person_id,
      a.module_id,
      current.maxAttempts,
      isoDateOf(ctx.clock.now()),
    ),
    timeTakenSeconds: timeTaken({ ...a, submitted_at: now }),
    late,
    recordId: written.recordId,
  };
}

export function attempts(
  input: ParsedInput<'learning.attempts'>,
  ctx: AuthedCtx,
): CallOutput<'learning.attempts'> {
  const m = moduleRepo(ctx.db).byId(input.moduleId);
  if (!m) throw notFound('That module');
  return { rows: attemptHistory(ctx.db, ctx.actor.id, { moduleId: m.id, reveal: false }) };
}
