import type { ModuleKind } from '../../../shared/api/schemas/catalog.js';
import type { ResultStatus } from '../../../shared/api/schemas/results.js';
import type { Db } from '../../db/open.js';

/** What a completion needs to know about its module. */
export interface CompletedModule {
  id: string;
  code: string;
  kind: ModuleKind;
  title: string;
  provider: string | null;
  training_record: 0 | 1;
  default_validity_months: number | null;
  current_version: number | null;
}

export interface NewResult {
  id: string;
  personId: string;
  moduleId: string;
  version: number | null;
  status: ResultStatus;
  date: string;
  score: number | null;
  note: string | null;
  evidenceFileId: string | null;
  source: 'live' | 'attendance' | 'manual';
  attemptId: string | null;
  sessionId: string | null;
  recordedBy: string | null;
  now: string;
}

export function resultRepo(db: Db) {
  return {
    module(id: string): CompletedModule | undefined {
      return db
        .prepare<[string], CompletedModule>(
          `SELECT id, code, kind, title, provider, training_record, default_validity_months, current_version
           FROM module WHERE id = ?`,
        )
        .get(id);
    },
    insert(r: NewResult): void {
      db.prepare(
        `INSERT INTO result (id, person_id, module_id, version, status, result_date, score, note, evidence_file_id,
           source, attempt_id, session_id, recorded_by, created_at)
         VALUES (@id, @personId, @moduleId, @version, @status, @date, @score, @note, @evidenceFileId,
           @source, @attemptId, @sessionId, @recordedBy, @now)`,
      ).run(r);
    },
    organisationName(): string {
      return (
        db
          .prepare<[], { name: string }>(
            "SELECT name FROM unit WHERE kind = 'organisation' AND parent_id IS NULL LIMIT 1",
          )
          .get()?.name ?? 'Fieldbook'
      );
    },
  };
}
