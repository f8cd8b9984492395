import type { RecordType } from '../../../shared/api/schemas/records.js';
import type { ModuleKind } from '../../../shared/api/schemas/catalog.js';
import type { ResultStatus } from '../../../shared/api/schemas/results.js';
import { expiryFrom } from '../../../shared/dates.js';
import { notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { moduleRepo } from '../catalog/module-repo.js';
import { takeableModules } from '../learning/access.js';
import { courseProgress } from '../learning/course-progress.js';
import { learningRepo } from '../learning/learning-repo.js';
import { recordsRepo } from '../records/repo.js';
import { resultRepo, type CompletedModule } from './result-repo.js';

const RECORD_TYPE: Record<ModuleKind, RecordType> = {
  course: 'course',
  quiz: 'quiz',
  event: 'event',
  learning_path: 'learning_path',
  external: 'external_course',
};

export interface ResultInput {
  personId: string;
  moduleId: string;
  /** The version taken; null for a manual result that names no version. */
  version: number | null;
  status: ResultStatus;
  date: string;
  score?: number | null;
  note?: string | null;
  evidenceFileId?: string | null;
  source: 'live' | 'attendance' | 'manual';
  attemptId?: string | null;
  sessionId?: string | null;
}

export interface ResultWritten {
  resultId: string;
  /** The training record the completion made (modules flagged "counts as a training record" only). */
  recordId: string | null;
  module: CompletedModule;
}

/**
 * The one way any outcome is stored, whoever produced it (a finished course, a
 * quiz attempt, attendance, a manager's manual result): a result row, and for a
 * completion or pass of a module flagged as a training record, the training
 * record `000_*` describes — provider the organisation (or the external item's
 * supplier), expiry from the module's default validity.
 *
 * A completion or pass then cascades: learning paths and courses that hold the
 * module complete too when it was the last thing they needed (audited there).
 * The audit row for this result itself is left to the caller, which knows how
 * to say what happened.
 */
export function recordResult(ctx: AuthedCtx, input: ResultInput): ResultWritten {
  const repo = resultRepo(ctx.db);
  const module = repo.module(input.moduleId);
  if (!module) throw notFound('That module');
  const now = ctx.clock.now().toISOString();
  const resultId = ctx.ids.uuid();
  repo.insert({
    id: resultId,
    personId: input.personId,
    moduleId: module.id,
    version: input.version,
    status: input.status,
    date: input.date,
    score: input.score ?? null,
    note: input.note ?? null,
    evidenceFileId: input.evidenceFileId ?? null,
    source: input.source,
    attemptId: input.attemptId ?? null,
    sessionId: input.sessionId ?? null,
    recordedBy: ctx.actor.id,
    now,
  });
  let recordId: string | null = null;
  if (input.status !== 'failed' && module.training_record === 1) {
    recordId = ctx.ids.uuid();
    recordsRepo(ctx.db).insert({
      id: recordId,
      personId: input.personId,
      recordType: RECORD_TYPE[module.kind],
      objectId: module.id,
      title: module.title,
      provider: module.provider ?? repo.organisationName(),
      completionDate: input.date,
      expiryDate: expiryFrom(input.date, module.default_validity_months),
      otherInfo: input.note ?? null,
      qualificationId: null,
      evidencePath: null,
      evidenceFileId: input.evidenceFileId ?? null,
      resultId,
      source: input.source === 'manual' ? 'manual' : 'completion',
      createdBy: ctx.actor.id,
      now,
    });
  }
  if (input.status !== 'failed') cascadeCompletion(ctx, input.personId, module.id, input.date);
  return { resultId, recordId, module };
}

/**
 * A live completion of a course or learning path: the result (and record) plus
 * the audit row that says so. Used by the course player and by the cascade.
 */
export function completeModule(
  ctx: AuthedCtx,
  personId: string,
  m: { id: string; title: string },
  version: number,
  date: string,
): ResultWritten {
  const written = recordResult(ctx, {
    personId,
    moduleId: m.id,
    version,
    status: 'completed',
    date,
    source: 'live',
  });
  const name = learningRepo(ctx.db).personName(personId);
  ctx.audit({
    targetIds: [personId, m.id],
    summary: `${name} completed “${m.title}”`,
    after: { resultId: written.resultId, recordId: written.recordId, version, date },
  });
  return written;
}

/**
 * After a completion or pass of module M: every course embedding M as a quiz
 * step and every learning path listing M that the person is taking completes
 * if M was the last thing it needed. Each of those completions cascades in
 * turn (a path may list the course), and each happens once: a course once per
 * progress row, a path once per version.
 */
export function cascadeCompletion(ctx: AuthedCtx, personId: string, moduleId: string, date: string): void {
  const repo = learningRepo(ctx.db);
  const takeable = takeableModules(ctx.db, personId);
  const courses = new Set(repo.coursesEmbedding(moduleId).filter((id) => takeable.has(id)));
  for (const id of repo.openProgressModules(personId)) courses.add(id);
  for (const courseId of courses) finishCourseIfComplete(ctx, personId, courseId, date);
  for (const pathId of repo.pathsListing(moduleId))
    if (takeable.has(pathId)) finishPathIfComplete(ctx, personId, pathId);
}

function finishCourseIfComplete(ctx: AuthedCtx, personId: string, courseId: string, date: string): void {
  const m = moduleRepo(ctx.db).byId(courseId);
  if (!m || m.kind !== 'course' || m.status !== 'published' || m.current_version === null) return;
  const p = courseProgress(ctx.db, personId, { id: m.id, current_version: m.current_version });
  if (p.row?.completed_at != null || !p.complete) return;
  const repo = learningRepo(ctx.db);
  const now = ctx.clock.now().toISOString();
  if (!p.row) repo.insertProgress({ personId, moduleId: m.id, version: p.version, now });
  repo.updateProgress({
    personId,
    moduleId: m.id,
    version: p.version,
    doneSteps: [...p.done],
    lastStepId: p.row?.last_step_id ?? null,
    completedAt: now,
    now,
  });
  completeModule(ctx, personId, m, p.version, date);
}

/** A path is completed once every required item has a completion; dated by the last of them. */
function finishPathIfComplete(ctx: AuthedCtx, personId: string, pathId: string): void {
  const modules = moduleRepo(ctx.db);
  const m = modules.byId(pathId);
  if (!m || m.kind !== 'learning_path' || m.status !== 'published' || m.current_version === null) return;
  const content = modules.versionContent(m.id, m.current_version);
  if (content?.kind !== 'learning_path') return;
  const repo = learningRepo(ctx.db);
  if (repo.hasVersionCompletion(personId, m.id, m.current_version)) return;
  let last = '';
  for (const item of content.items) {
    if (!item.required) continue;
    const done = repo.outcome(personId, item.moduleId).last_completion;
    if (!done) return;
    if (done > last) last = done;
  }
  if (!last) return;
  completeModule(ctx, personId, m, m.current_version, last);
}
