import type { Question, QuizContent } from '../../../shared/api/schemas/catalog.js';
import type {
  Answers,
  AttemptDetail,
  AttemptView,
  SectionScore,
} from '../../../shared/api/schemas/learning.js';
import type { Db } from '../../db/open.js';
import { moduleRepo } from '../catalog/module-repo.js';
import { versionContentOf } from './access.js';
import { learningRepo, type AttemptRow } from './learning-repo.js';
import { isRight, type QuestionOrder } from './scoring.js';

export function quizOf(db: Db, moduleId: string, version: number): QuizContent {
  const content = versionContentOf(db, moduleId, version);
  if (content.kind !== 'quiz') throw new Error(`Module ${moduleId} is not a quiz`);
  return content;
}

const questionsById = (quiz: QuizContent) =>
  new Map(quiz.sections.flatMap((s) => s.questions.map((q) => [q.id, { q, section: s }] as const)));

/** The number of each of a person's attempts at a quiz, in the order they were started. */
export function attemptNumbers(rows: readonly AttemptRow[]): Map<string, number> {
  return new Map(rows.map((a, i) => [a.id, i + 1]));
}

/** An attempt as the learner sees it while taking it: no hint of which answers are right. */
export function attemptView(
  db: Db,
  a: AttemptRow,
  meta: { title: string; number: number; quiz: QuizContent },
): AttemptView {
  const byId = questionsById(meta.quiz);
  const order = JSON.parse(a.question_order) as QuestionOrder;
  const sections = order.map((s) => {
    const section = meta.quiz.sections.find((x) => x.id === s.sectionId);
    return {
      id: s.sectionId,
      title: section?.title ?? '',
      questions: s.questions.flatMap(({ questionId, optionIds }) => {
        const q = byId.get(questionId)?.q;
        if (!q) return [];
        const options =
          q.type === 'single' || q.type === 'multiple'
            ? optionIds.flatMap((id) => {
                const o = q.options.find((x) => x.id === id);
                return o ? [{ id: o.id, text: o.text }] : [];
              })
            : [];
        return [{ id: q.id, type: q.type, text: q.text, points: q.points, options }];
      }),
    };
  });
  return {
    attemptId: a.id,
    moduleId: a.module_id,
    title: meta.title,
    number: meta.number,
    maxAttempts: meta.quiz.maxAttempts,
    passMark: meta.quiz.passMark,
    startedAt: a.started_at,
    deadlineAt: a.deadline_at,
    sections,
    answers: JSON.parse(a.answers) as Answers,
  };
}

/** What was given, as a person reads it: option texts, True/False, or the typed text. */
function givenText(q: Question, given: readonly string[]): string[] {
  if (q.type === 'single' || q.type === 'multiple')
    return given.map((id) => q.options.find((o) => o.id === id)?.text ?? id);
  if (q.type === 'true_false') return given.map((v) => (v === 'true' ? 'True' : v === 'false' ? 'False' : v));
  return [...given];
}

const seconds = (from: string, to: string) =>
  Math.max(0, Math.round((new Date(to).getTime() - new Date(from).getTime()) / 1000));

/** Time taken, up to the deadline: time after it ran out is not the learner's. */
export function timeTaken(a: {
  started_at: string;
  deadline_at: string | null;
  submitted_at: string;
}): number {
  const end = a.deadline_at && a.deadline_at < a.submitted_at ? a.deadline_at : a.submitted_at;
  return seconds(a.started_at, end);
}

/**
 * A person's attempts (at one quiz or all) with every answer, for the history
 * screens. `reveal` says whether each answer was right: reviewers see it, the
 * learner does not (they could pass the answers on).
 */
export function attemptHistory(
  db: Db,
  personId: string,
  opts: { moduleId?: string | undefined; reveal: boolean },
): AttemptDetail[] {
  const repo = learningRepo(db);
  const modules = moduleRepo(db);
  const rows = repo.attempts(personId, opts.moduleId);
  const personName = repo.personName(personId);
  const numbers = new Map<string, number>();
  const perModule = new Map<string, number>();
  for (const a of rows) {
    const n = (perModule.get(a.module_id) ?? 0) + 1;
    perModule.set(a.module_id, n);
    numbers.set(a.id, n);
  }
  return rows.map((a) => {
    const m = modules.byId(a.module_id);
    const quiz = quizOf(db, a.module_id, a.version);
    const byId = questionsById(quiz);
    const answers = JSON.parse(a.answers) as Answers;
    const order = JSON.parse(a.question_order) as QuestionOrder;
    const submitted = a.submitted_at !== null;
    return {
      id: a.id,
      personId,
      personName,
      moduleId: a.module_id,
      moduleCode: m?.code ?? '',
      moduleTitle: m?.title ?? '',
      version: a.version,
      number: numbers.get(a.id) ?? 0,
      startedAt: a.started_at,
      submittedAt: a.submitted_at,
      timeTakenSeconds: a.submitted_at ? timeTaken({ ...a, submitted_at: a.submitted_at }) : null,
      scorePercent: a.score_percent,
      passed: a.passed === null ? null : a.passed === 1,
      sectionScores: a.section_scores ? (JSON.parse(a.section_scores) as SectionScore[]) : [],
      answers: order.flatMap((s) =>
        s.questions.flatMap(({ questionId }) => {
          const hit = byId.get(questionId);
          if (!hit) return [];
          const given = answers[questionId] ?? [];
          return [
            {
              questionId,
              sectionTitle: hit.section.title,
              text: hit.q.text,
              given: givenText(hit.q, given),
              correct: opts.reveal && submitted ? isRight(hit.q, given) : null,
            },
          ];
        }),
      ),
      reset: a.reset_at ? { at: a.reset_at, byName: a.reset_by_name, reason: a.reset_reason ?? '' } : null,
    };
  });
}
