import type { RecordType } from '../../../shared/api/schemas/records.js';
import type { ModuleKind } from '../../../shared/api/schemas/catalog.js';
import type { ResultStatus } from '../../../shared/api/schemas/results.js';
import { expiryFrom } from '../../../shared/dates.js';
import { notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
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
 * Audit rows are left to the caller, which knows how to say what happened.
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
  return { resultId, recordId, module };
}
