import type { ModuleKind, ModuleStatus } from '../../../shared/api/schemas/catalog.js';
import type { Db } from '../../db/open.js';
import { searchParam, searchSql } from '../../db/text-search.js';
import type { SqlPart } from '../permissions/reach-sql.js';
import { withStatementCache } from './statements.js';

export interface EnrolmentRow {
  module_id: string;
  origin: 'self' | 'manager';
  enrolled_at: string;
}

export interface ProgressRow {
  person_id: string;
  module_id: string;
  version: number;
  /** JSON array of step ids. */
  done_steps: string;
  last_step_id: string | null;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface AttemptRow {
  id: string;
  person_id: string;
  module_id: string;
  version: number;
  started_at: string;
  deadline_at: string | null;
  submitted_at: string | null;
  question_order: string;
  answers: string;
  score_percent: number | null;
  section_scores: string | null;
  passed: number | null;
  reset_at: string | null;
  reset_by: string | null;
  reset_by_name: string | null;
  reset_reason: string | null;
}

/** When a completion happened and when it was recorded (to tell later completions from earlier ones). */
export interface CompletionStamp {
  result_date: string;
  created_at: string;
}

/** What the learner's views need to know of a person's outcomes for one module. */
export interface OutcomeRow {
  module_id: string;
  /** Latest completed/passed result date. */
  last_completion: string | null;
  last_fail: string | null;
  any_result: number;
}

export interface CatalogDbRow {
  id: string;
  code: string;
  title: string;
  kind: ModuleKind;
  description: string | null;
  tags: string;
  default_validity_months: number | null;
}

const ATTEMPT_SELECT = `SELECT a.*, rp.first_name || ' ' || rp.last_name AS reset_by_name
  FROM attempt a LEFT JOIN person rp ON rp.id = a.reset_by`;

/** The learner side's SQL: enrolments, progress, attempts and the outcomes they read back. */
export function learningRepo(source: Db) {
  const db = withStatementCache(source);
  return {
    personName(id: string): string {
      return (
        db
          .prepare<[string], string>("SELECT first_name || ' ' || last_name FROM person WHERE id = ?")
          .pluck()
          .get(id) ?? 'Someone'
      );
    },

    // ---- Enrolments -----------------------------------------------------------------------------

    enrolments(personId: string): EnrolmentRow[] {
      return db
        .prepare<[string], EnrolmentRow>(
          'SELECT module_id, origin, enrolled_at FROM enrolment WHERE person_id = ? ORDER BY enrolled_at',
        )
        .all(personId);
    },
    enrolment(personId: string, moduleId: string): EnrolmentRow | undefined {
      return db
        .prepare<[string, string], EnrolmentRow>(
          'SELECT module_id, origin, enrolled_at FROM enrolment WHERE person_id = ? AND module_id = ?',
        )
        .get(personId, moduleId);
    },
    enrol(personId: string, moduleId: string, origin: 'self' | 'manager', by: string, now: string): void {
      db.prepare(
        `INSERT INTO enrolment (person_id, module_id, origin, enrolled_at, enrolled_by) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      ).run(personId, moduleId, origin, now, by);
    },
    unenrol(personId: string, moduleId: string): void {
      db.prepare('DELETE FROM enrolment WHERE person_id = ? AND module_id = ?').run(personId, moduleId);
    },

    // ---- Catalog --------------------------------------------------------------------------------

    /** Published, self-registrable modules that `visible` (over alias m) lets the person see. */
    selfEnrolCatalog(visible: SqlPart, q: { search?: string | undefined; kind?: ModuleKind | undefined }) {
      const conds = [
        "m.status = 'published'",
        'm.self_enrol = 1',
        'm.current_version IS NOT NULL',
        visible.sql,
      ];
      const params: Record<string, unknown> = { ...visible.params };
      if (q.search) {
        conds.push(searchSql(['m.code', 'm.title', 'm.description', 'm.tags']));
        params.search = searchParam(q.search);
      }
      if (q.kind) {
        conds.push('m.kind = @kind');
        params.kind = q.kind;
      }
      // Its SQL varies with the filters: not worth remembering.
      return source
        .prepare<Record<string, unknown>, CatalogDbRow>(
          `SELECT m.id, m.code, m.title, m.kind, m.description, m.tags, m.default_validity_months FROM module m
           WHERE ${conds.join(' AND ')} ORDER BY m.title COLLATE NOCASE, m.id`,
        )
        .all(params);
    },

    // ---- Outcomes -------------------------------------------------------------------------------

    outcome(personId: string, moduleId: string): OutcomeRow {
      return (
        db
          .prepare<[string, string], OutcomeRow>(
            `SELECT module_id,
               max(CASE WHEN status IN ('completed','passed') THEN result_date END) AS last_completion,
               max(CASE WHEN status = 'failed' THEN result_date END) AS last_fail,
               count(*) AS any_result
             FROM result WHERE person_id = ? AND module_id = ? GROUP BY module_id`,
          )
          .get(personId, moduleId) ?? {
          module_id: moduleId,
          last_completion: null,
          last_fail: null,
          any_result: 0,
        }
      );
    },
    /** Whether the person has a completed/passed result for the module (on or after `since`, when given). */
    hasCompletion(personId: string, moduleId: string, since: string | null = null): boolean {
      return (
        db
          .prepare<{ personId: string; moduleId: string; since: string | null }, number>(
            `SELECT 1 FROM result WHERE person_id = @personId AND module_id = @moduleId
               AND status IN ('completed','passed') AND (@since IS NULL OR created_at >= @since) LIMIT 1`,
          )
          .pluck()
          .get({ personId, moduleId, since }) === 1
      );
    },
    /** A completion of this exact version (a learning path completes once per version). */
    hasVersionCompletion(personId: string, moduleId: string, version: number): boolean {
      return (
        db
          .prepare<[string, string, number], number>(
            `SELECT 1 FROM result WHERE person_id = ? AND module_id = ? AND version = ?
               AND status IN ('completed','passed') LIMIT 1`,
          )
          .pluck()
          .get(personId, moduleId, version) === 1
      );
    },
    /** The latest completed/passed result of the module (by date, then by when it was recorded). */
    latestCompletion(personId: string, moduleId: string): CompletionStamp | undefined {
      return db
        .prepare<[string, string], CompletionStamp>(
          `SELECT result_date, created_at FROM result WHERE person_id = ? AND module_id = ?
             AND status IN ('completed','passed') ORDER BY result_date DESC, created_at DESC LIMIT 1`,
        )
        .get(personId, moduleId);
    },
    /**
     * The date of the latest completion of the module that is newer than `after`:
     * dated later, or dated the same day and recorded later. Any, without `after`.
     */
    lastCompletionAfter(personId: string, moduleId: string, after: CompletionStamp | null): string | null {
      return (
        db
          .prepare<Record<string, string | null>, string | null>(
            `SELECT max(result_date) FROM result WHERE person_id = @personId AND module_id = @moduleId
               AND status IN ('completed','passed')
               AND (@date IS NULL OR result_date > @date OR (result_date = @date AND created_at > @createdAt))`,
          )
          .pluck()
          .get({
            personId,
            moduleId,
            date: after?.result_date ?? null,
            createdAt: after?.created_at ?? null,
          }) ?? null
      );
    },
    /** The expiry of the latest training record for the module (undefined: no record). */
    latestRecordExpiry(personId: string, moduleId: string): { expiry_date: string | null } | undefined {
      return db
        .prepare<[string, string], { expiry_date: string | null }>(
          `SELECT expiry_date FROM training_record WHERE person_id = ? AND object_id = ?
           ORDER BY completion_date DESC, created_at DESC LIMIT 1`,
        )
        .get(personId, moduleId);
    },
    /** Prerequisites of the module the person has no completed/passed result for. */
    missingPrerequisites(personId: string, moduleId: string) {
      return db
        .prepare<
          { personId: string; moduleId: string },
          { id: string; code: string; title: string; kind: ModuleKind; status: ModuleStatus }
        >(
          `SELECT m.id, m.code, m.title, m.kind, m.status FROM module_prerequisite mp
           JOIN module m ON m.id = mp.requires_module_id
           WHERE mp.module_id = @moduleId AND NOT EXISTS (SELECT 1 FROM result r WHERE r.person_id = @personId
             AND r.module_id = m.id AND r.status IN ('completed','passed'))
           ORDER BY m.title COLLATE NOCASE`,
        )
        .all({ personId, moduleId });
    },

    // ---- Progress -------------------------------------------------------------------------------

    /** Progress rows of a course or path, newest version first. */
    progress(personId: string, moduleId: string): ProgressRow[] {
      return db
        .prepare<[string, string], ProgressRow>(
          'SELECT * FROM progress WHERE person_id = ? AND module_id = ? ORDER BY version DESC',
        )
        .all(personId, moduleId);
    },
    /** Courses and paths with a progress row not completed yet. */
    openProgressModules(personId: string): string[] {
      return db
        .prepare<[string], string>(
          'SELECT DISTINCT module_id FROM progress WHERE person_id = ? AND completed_at IS NULL',
        )
        .pluck()
        .all(personId);
    },
    /**
     * A new run of the course on this version: a fresh row, or — when the person
     * finished this version before and it has expired — the old row started over
     * (one row per version; the earlier completion stays in its result and record).
     */
    startProgress(p: { personId: string; moduleId: string; version: number; now: string }): void {
      db.prepare(
        `INSERT INTO progress (person_id, module_id, version, done_steps, started_at, updated_at)
         VALUES (?, ?, ?, '[]', ?, ?)
         ON CONFLICT (person_id, module_id, version) DO UPDATE SET done_steps = '[]', last_step_id = NULL,
           started_at = excluded.started_at, updated_at = excluded.updated_at, completed_at = NULL`,
      ).run(p.personId, p.moduleId, p.version, p.now, p.now);
    },
    updateProgress(p: {
      personId: string;
      moduleId: string;
      version: number;
      doneSteps: string[];
      lastStepId: string | null;
      completedAt: string | null;
      now: string;
    }): void {
      db.prepare(
        `UPDATE progress SET done_steps = ?, last_step_id = ?, completed_at = ?, updated_at = ?
         WHERE person_id = ? AND module_id = ? AND version = ?`,
      ).run(
        JSON.stringify(p.doneSteps),
        p.lastStepId,
        p.completedAt,
        p.now,
        p.personId,
        p.moduleId,
        p.version,
      );
    },

    // ---- Attempts -------------------------------------------------------------------------------

    attempts(personId: string, moduleId?: string): AttemptRow[] {
      return db
        .prepare<{ personId: string; moduleId: string | null }, AttemptRow>(
          `${ATTEMPT_SELECT} WHERE a.person_id = @personId AND (@moduleId IS NULL OR a.module_id = @moduleId)
           ORDER BY a.started_at, a.rowid`,
        )
        .all({ personId, moduleId: moduleId ?? null });
    },
    attempt(id: string): AttemptRow | undefined {
      return db.prepare<[string], AttemptRow>(`${ATTEMPT_SELECT} WHERE a.id = ?`).get(id);
    },
    insertAttempt(a: {
      id: string;
      personId: string;
      moduleId: string;
      version: number;
      startedAt: string;
      deadlineAt: string | null;
      questionOrder: string;
    }): void {
      db.prepare(
        `INSERT INTO attempt (id, person_id, module_id, version, started_at, deadline_at, question_order)
         VALUES (@id, @personId, @moduleId, @version, @startedAt, @deadlineAt, @questionOrder)`,
      ).run(a);
    },
    saveAnswers(id: string, answers: string): void {
      db.prepare('UPDATE attempt SET answers = ? WHERE id = ?').run(answers, id);
    },
    finishAttempt(a: {
      id: string;
      submittedAt: string;
      answers: string;
      scorePercent: number;
      sectionScores: string;
      passed: boolean;
    }): void {
      db.prepare(
        `UPDATE attempt SET submitted_at = ?, answers = ?, score_percent = ?, section_scores = ?, passed = ?
         WHERE id = ?`,
      ).run(a.submittedAt, a.answers, a.scorePercent, a.sectionScores, a.passed ? 1 : 0, a.id);
    },

    // ---- Containers (for the completion cascade and who may take what) --------------------------

    /** Published learning paths whose current version lists the module. */
    pathsListing(moduleId: string): string[] {
      return db
        .prepare<[string], string>(
          `SELECT DISTINCT m.id FROM module m
           JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version,
           json_each(v.content, '$.items') j
           WHERE m.kind = 'learning_path' AND m.status = 'published' AND json_extract(j.value, '$.moduleId') = ?`,
        )
        .pluck()
        .all(moduleId);
    },
    /** Courses whose current version embeds the quiz as a step. */
    coursesEmbedding(quizId: string): string[] {
      return db
        .prepare<[string], string>(
          `SELECT DISTINCT m.id FROM module m
           JOIN module_version v ON v.module_id = m.id AND v.version = m.current_version,
           json_each(v.content, '$.steps') j
           WHERE m.kind = 'course' AND m.status = 'published' AND json_extract(j.value, '$.type') = 'quiz'
             AND json_extract(j.value, '$.quizModuleId') = ?`,
        )
        .pluck()
        .all(quizId);
    },
    fileInfo(id: string): { id: string; name: string; mimeType: string; size: number } | undefined {
      return db
        .prepare<[string], { id: string; name: string; mimeType: string; size: number }>(
          'SELECT id, name, mime_type AS mimeType, size FROM stored_file WHERE id = ?',
        )
        .get(id);
    },
  };
}

export type LearningRepo = ReturnType<typeof learningRepo>;
