import type { ModuleKind } from '../../../shared/api/schemas/catalog.js';
import type { ResultStatus } from '../../../shared/api/schemas/results.js';
import type { Db } from '../../db/open.js';
import { withStatementCache } from '../learning/statements.js';

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

export function resultRepo(source: Db) {
  const db = withStatementCache(source);
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
    /**
     * Who provides a module's training: the nearest organisation or client
     * organisation at or above the unit that owns it (a client's own course is
     * theirs, not the licensee's); the root organisation if none is found.
     */
    ownerOrganisationName(moduleId: string): string {
      const owner = db
        .prepare<[string], string>(
          `WITH RECURSIVE up(id, parent_id, kind, name, depth) AS (
             SELECT u.id, u.parent_id, u.kind, u.name, 0 FROM unit u JOIN module m ON m.owner_unit_id = u.id
             WHERE m.id = ?
             UNION ALL
             SELECT u.id, u.parent_id, u.kind, u.name, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id
             WHERE up.depth < 64
           )
           SELECT name FROM up WHERE kind IN ('organisation','client') ORDER BY depth LIMIT 1`,
        )
        .pluck()
        .get(moduleId);
      return owner ?? this.organisationName();
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
