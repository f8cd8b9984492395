import type { Db } from '../../db/open.js';
import type { ModuleSummaryRow } from './module-repo.js';

export interface UsageCounts {
  enrolments: number;
  attempts: number;
  results: number;
  records: number;
  /** Event sessions and course/path progress: not shown as usage, but they also stop a delete. */
  sessions: number;
  progress: number;
}

/** Content (draft or any version) that names `@id` in a list at `path` under `field`. */
const contentNames = (path: string, field: string) =>
  `(EXISTS (SELECT 1 FROM json_each(m.draft, '${path}') j WHERE json_extract(j.value, '$.${field}') = @id)
    OR EXISTS (SELECT 1 FROM module_version v, json_each(v.content, '${path}') j
               WHERE v.module_id = m.id AND json_extract(j.value, '$.${field}') = @id))`;

/** What refers to a module: learners' history, and other modules built on it. */
export function usageRepo(db: Db) {
  const count = (table: string, column = 'module_id') =>
    db.prepare<[string], number>(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck();
  const counters = {
    enrolments: count('enrolment'),
    attempts: count('attempt'),
    results: count('result'),
    records: count('training_record', 'object_id'),
    sessions: count('event_session'),
    progress: count('progress'),
  };
  return {
    counts(moduleId: string): UsageCounts {
      const n = (k: keyof typeof counters) => counters[k].get(moduleId) ?? 0;
      return {
        enrolments: n('enrolments'),
        attempts: n('attempts'),
        results: n('results'),
        records: n('records'),
        sessions: n('sessions'),
        progress: n('progress'),
      };
    },

    /**
     * Learning paths listing it (draft or any version), courses with a quiz step
     * on it (likewise), and modules that need it as a prerequisite.
     */
    usedBy(moduleId: string): ModuleSummaryRow[] {
      return db
        .prepare<{ id: string }, ModuleSummaryRow>(
          `SELECT m.id, m.code, m.title, m.kind, m.status FROM module m
           WHERE m.id <> @id AND (
             (m.kind = 'learning_path' AND ${contentNames('$.items', 'moduleId')})
             OR (m.kind = 'course' AND ${contentNames('$.steps', 'quizModuleId')})
             OR m.id IN (SELECT module_id FROM module_prerequisite WHERE requires_module_id = @id))
           ORDER BY m.title COLLATE NOCASE`,
        )
        .all({ id: moduleId });
    },
  };
}
