import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { ModuleSummary } from '../../../shared/api/schemas/catalog.js';
import type { PlayerView } from '../../../shared/api/schemas/learning.js';
import { isoDateOf } from '../../../shared/dates.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { moduleRepo, type ModuleDbRow } from '../catalog/module-repo.js';
import { sessionsForLearner } from '../events/learner-service.js';
import { completeModule } from '../results/completion.js';
import { blockedBy, blockedMessage, quoted, requireTakeable, versionContentOf } from './access.js';
import { courseProgress } from './course-progress.js';
import { learningRepo } from './learning-repo.js';
import { openAttempt } from './quiz-service.js';
import { attemptsLeft, moduleState } from './state.js';

type Takeable = ModuleDbRow & { current_version: number };

const summary = (m: ModuleDbRow): ModuleSummary => ({
  id: m.id,
  code: m.code,
  title: m.title,
  kind: m.kind,
  status: m.status,
});

export function open(input: ParsedInput<'learning.open'>, ctx: AuthedCtx): CallOutput<'learning.open'> {
  return playerView(ctx, requireTakeable(ctx, input.moduleId, { allowBlocked: true }));
}

export function completeStep(
  input: ParsedInput<'learning.completeStep'>,
  ctx: AuthedCtx,
): CallOutput<'learning.completeStep'> {
  const personId = ctx.actor.id;
  const m = requireTakeable(ctx, input.moduleId);
  if (m.kind !== 'course') throw new AppError('conflict', `${quoted(m.title)} has no steps to mark done.`);
  const today = isoDateOf(ctx.clock.now());
  const p = courseProgress(ctx.db, personId, m, today);
  const step = p.content.steps.find((s) => s.id === input.stepId);
  if (!step) throw notFound('That step');
  if (step.type === 'quiz') {
    const quiz = step.quizModuleId ? moduleRepo(ctx.db).byId(step.quizModuleId) : undefined;
    throw new AppError('conflict', `This step is done when you pass ${quoted(quiz?.title ?? 'its quiz')}.`);
  }
  // Finished on this version already: nothing left to record.
  if (p.row?.completed_at != null) return playerView(ctx, m);
  const repo = learningRepo(ctx.db);
  const now = ctx.clock.now().toISOString();
  if (!p.row) repo.startProgress({ personId, moduleId: m.id, version: p.version, now });
  const stored = new Set<string>(p.row ? (JSON.parse(p.row.done_steps) as string[]) : []);
  const already = stored.has(step.id);
  stored.add(step.id);
  repo.updateProgress({
    personId,
    moduleId: m.id,
    version: p.version,
    doneSteps: [...stored],
    lastStepId: step.id,
    completedAt: null,
    now,
  });
  if (!already)
    ctx.audit({
      targetIds: [personId, m.id],
      summary: `${repo.personName(personId)} finished step “${step.title || step.id}” of ${quoted(m.title)}`,
      after: { moduleId: m.id, version: p.version, stepId: step.id },
    });
  const after = courseProgress(ctx.db, personId, m, today);
  if (after.complete) {
    repo.updateProgress({
      personId,
      moduleId: m.id,
      version: p.version,
      doneSteps: [...stored],
      lastStepId: step.id,
      completedAt: now,
      now,
    });
    completeModule(ctx, personId, m, p.version, today);
  }
  return playerView(ctx, m);
}

/** The player for any kind: what to show, where the person left off, and what is still closed. */
export function playerView(ctx: AuthedCtx, m: Takeable): PlayerView {
  const personId = ctx.actor.id;
  const today = isoDateOf(ctx.clock.now());
  const s = moduleState(ctx.db, personId, m, today);
  const base = {
    moduleId: m.id,
    code: m.code,
    title: m.title,
    description: m.description,
    version: m.current_version,
    state: s.state,
    progressPercent: s.progressPercent,
    blockedBy: blockedBy(ctx.db, personId, m.id),
    trainingRecord: m.training_record === 1,
    lastCompletionDate: s.lastCompletionDate,
    expiryDate: s.expiryDate,
  };
  const modules = moduleRepo(ctx.db);
  const repo = learningRepo(ctx.db);
  switch (m.kind) {
    case 'course': {
      const p = courseProgress(ctx.db, personId, m, today);
      return {
        ...base,
        kind: 'course',
        version: p.version,
        lastStepId: p.row?.last_step_id ?? null,
        steps: p.content.steps.map((step) => {
          const quiz =
            step.type === 'quiz' && step.quizModuleId ? modules.byId(step.quizModuleId) : undefined;
          return {
            id: step.id,
            type: step.type,
            title: step.title,
            required: step.required,
            done: p.done.has(step.id),
            html: step.type === 'text' ? step.html : null,
            file: step.type === 'file' && step.fileId ? (repo.fileInfo(step.fileId) ?? null) : null,
            url: step.type === 'link' ? step.url : null,
            quiz: quiz ? summary(quiz) : null,
          };
        }),
      };
    }
    case 'quiz': {
      const all = repo.attempts(personId, m.id);
      const resume = openAttempt(ctx, personId, m.id);
      const content = versionContentOf(ctx.db, m.id, resume?.version ?? m.current_version);
      if (content.kind !== 'quiz') throw new Error('quiz content expected');
      return {
        ...base,
        kind: 'quiz',
        version: resume?.version ?? m.current_version,
        passMark: content.passMark,
        maxAttempts: content.maxAttempts,
        timeLimitMinutes: content.timeLimitMinutes,
        questionCount: content.sections.reduce((n, sec) => n + sec.questions.length, 0),
        attempts: all.map((a, i) => ({
          id: a.id,
          number: i + 1,
          startedAt: a.started_at,
          submittedAt: a.submitted_at,
          scorePercent: a.score_percent,
          passed: a.passed === null ? null : a.passed === 1,
          reset: a.reset_at !== null,
        })),
        attemptsLeft: attemptsLeft(ctx.db, personId, m.id, content.maxAttempts, today),
        openAttemptId: resume?.id ?? null,
      };
    }
    case 'learning_path': {
      const content = versionContentOf(ctx.db, m.id, m.current_version);
      if (content.kind !== 'learning_path') throw new Error('learning path content expected');
      let previous: ModuleDbRow | undefined;
      const items = content.items.flatMap((item) => {
        const im = modules.byId(item.moduleId);
        if (!im) return [];
        const prev = previous;
        previous = im;
        const missing = blockedBy(ctx.db, personId, im.id);
        const lockedReason =
          im.status !== 'published'
            ? `${quoted(im.title)} is not available.`
            : item.requiresPrevious && prev && !repo.hasCompletion(personId, prev.id)
              ? `Complete ${quoted(prev.title)} first.`
              : missing.length
                ? blockedMessage(missing)
                : null;
        return [
          {
            ...summary(im),
            required: item.required,
            state: moduleState(ctx.db, personId, im, today).state,
            lockedReason,
          },
        ];
      });
      return { ...base, kind: 'learning_path', items };
    }
    case 'event': {
      const content = versionContentOf(ctx.db, m.id, m.current_version);
      return {
        ...base,
        kind: 'event',
        graded: content.kind === 'event' && content.graded,
        sessions: sessionsForLearner(ctx, { moduleId: m.id }),
      };
    }
    case 'external': {
      const content = versionContentOf(ctx.db, m.id, m.current_version);
      return {
        ...base,
        kind: 'external',
        provider: m.provider,
        url: content.kind === 'external' ? content.url : null,
      };
    }
  }
}
