import type { RecordType } from '../../../shared/api/schemas/records.js';
import type { ModuleKind } from '../../../shared/api/schemas/catalog.js';
import type { ResultStatus } from '../../../shared/api/schemas/results.js';
import { expiryFrom, isoDateOf } from '../../../shared/dates.js';
import { notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { moduleRepo } from '../catalog/module-repo.js';
import { syncCertificates } from '../certificates/issue-service.js';
import {
  blockedBy,
  catalogCache,
  lockedReasonOf,
  takeableModules,
  type CatalogCache,
} from '../learning/access.js';
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
  /** The caller re-checks certificates once for everyone it records (a bulk result, an attendance sheet). */
  certificatesLater?: boolean;
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
 * record `000_*` describes — provider the organisation or client organisation
 * that owns the module (or the external item's supplier), expiry from the module's default validity.
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
      provider: module.provider ?? repo.ownerOrganisationName(module.id),
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
  // Issue 8: a completion may complete a configuration's certificate or earn a module's own.
  if (recordId && !input.certificatesLater)
    syncCertificates(ctx.db, isoDateOf(ctx.clock.now()), {
      personId: input.personId,
      now,
      uuid: () => ctx.ids.uuid(),
    });
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

/** What holds a module: the courses embedding it and the learning paths listing it. */
interface Containers {
  courses: string[];
  paths: string[];
  /** Courses a path lists right after the module behind "requires previous": this completion may open them. */
  unlocked: string[];
}

/**
 * One call may record the same module for thousands of people: what holds the
 * module, and the catalog rows the lock checks read, are looked up once per
 * call (the dispatcher makes a ctx per call; the catalog does not change while
 * results are recorded).
 */
const perCall = new WeakMap<AuthedCtx, { catalog: CatalogCache; containers: Map<string, Containers> }>();

function callCache(ctx: AuthedCtx) {
  let c = perCall.get(ctx);
  if (!c) {
    c = { catalog: catalogCache(ctx.db), containers: new Map() };
    perCall.set(ctx, c);
  }
  return c;
}

function containersOf(ctx: AuthedCtx, moduleId: string): Containers {
  const cache = callCache(ctx);
  const known = cache.containers.get(moduleId);
  if (known) return known;
  const repo = learningRepo(ctx.db);
  const paths = repo.pathsListing(moduleId);
  const unlocked: string[] = [];
  for (const pathId of paths) {
    const p = cache.catalog.byId(pathId);
    const content = p?.current_version ? cache.catalog.versionContent(pathId, p.current_version) : undefined;
    if (content?.kind !== 'learning_path') continue;
    content.items.forEach((item, i) => {
      const next = content.items[i + 1];
      if (item.moduleId === moduleId && next?.requiresPrevious) unlocked.push(next.moduleId);
    });
  }
  const found = { courses: repo.coursesEmbedding(moduleId), paths, unlocked };
  cache.containers.set(moduleId, found);
  return found;
}

/**
 * After a completion or pass of module M: every course embedding M as a quiz
 * step (or under way, or opened by M in a path) and every learning path listing
 * M that the person is taking completes if M was the last thing it needed —
 * never while it is locked for the person or missing a prerequisite. Each of
 * those completions cascades in turn (a path may list the course). A course
 * completes once per run of it; a path once per set of item completions newer
 * than its previous completion.
 */
export function cascadeCompletion(ctx: AuthedCtx, personId: string, moduleId: string, date: string): void {
  const held = containersOf(ctx, moduleId);
  const repo = learningRepo(ctx.db);
  // Courses under way may hold M in the version the person is on, not only in the current one.
  const underWay = repo.openProgressModules(personId);
  if (!held.courses.length && !held.paths.length && !underWay.length) return;
  const takeable = takeableModules(ctx.db, personId, callCache(ctx).catalog);
  const open = (id: string) =>
    takeable.has(id) && lockedReasonOf(takeable.get(id)) === null && !blockedBy(ctx.db, personId, id).length;
  const courses = new Set([...held.courses, ...held.unlocked].filter(open));
  // Someone who started a course keeps it when it leaves their dashboard, but not past a lock.
  for (const id of underWay) if (!takeable.has(id) || open(id)) courses.add(id);
  for (const courseId of courses) finishCourseIfComplete(ctx, personId, courseId, date);
  for (const pathId of held.paths) if (open(pathId)) finishPathIfComplete(ctx, personId, pathId);
}

function finishCourseIfComplete(ctx: AuthedCtx, personId: string, courseId: string, date: string): void {
  const m = moduleRepo(ctx.db).byId(courseId);
  if (!m || m.kind !== 'course' || m.status !== 'published' || m.current_version === null) return;
  const today = isoDateOf(ctx.clock.now());
  const p = courseProgress(ctx.db, personId, { ...m, current_version: m.current_version }, today);
  if (p.row?.completed_at != null || !p.complete) return;
  const repo = learningRepo(ctx.db);
  const now = ctx.clock.now().toISOString();
  if (!p.row) repo.startProgress({ personId, moduleId: m.id, version: p.version, now });
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

/**
 * A path completes when every required item has a completion newer than the
 * person's previous completion of the path (any completion, the first time),
 * whatever version either was on: republishing the path does not let it
 * complete again on the same item completions, and an expired path completes
 * again once its items are done again. Dated by the last of those completions.
 */
function finishPathIfComplete(ctx: AuthedCtx, personId: string, pathId: string): void {
  const modules = moduleRepo(ctx.db);
  const m = modules.byId(pathId);
  if (!m || m.kind !== 'learning_path' || m.status !== 'published' || m.current_version === null) return;
  const content = modules.versionContent(m.id, m.current_version);
  if (content?.kind !== 'learning_path') return;
  const repo = learningRepo(ctx.db);
  const previous = repo.latestCompletion(personId, m.id) ?? null;
  let last = '';
  for (const item of content.items) {
    if (!item.required) continue;
    const done = repo.lastCompletionAfter(personId, item.moduleId, previous);
    if (!done) return;
    if (done > last) last = done;
  }
  if (!last) return;
  completeModule(ctx, personId, m, m.current_version, last);
}
