import { competenceCodeKey } from '../../../shared/competences/code-key.js';
import type { Db } from '../../db/open.js';

export interface CompetenceRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  parent_id: string | null;
  default_days: number | null;
  archived_at: string | null;
}

/** A held grant as it was when its competence was deleted (kept in the audit trail). */
export interface RemovedGrantRow {
  person_id: string;
  email: string | null;
  competence_id: string;
  module_id: string;
  completion_date: string;
  valid_until: string | null;
  granted_at: string;
}

/** A competence as written; its code_key is derived here, so no caller can get it wrong. */
export interface CompetenceWrite {
  id: string;
  code: string;
  name: string;
  description: string | null;
  parentId: string | null;
  defaultDays: number | null;
  now: string;
}

const COLUMNS = 'id, code, name, description, parent_id, default_days, archived_at';

/** A competence and every node below it, as a recursive CTE named `sub(id)` over `@id`. */
const SUBTREE = `WITH RECURSIVE sub(id) AS (
    SELECT id FROM competence WHERE id = @id
    UNION SELECT c.id FROM competence c JOIN sub ON c.parent_id = sub.id)`;

export function competenceRepo(db: Db) {
  const all = db.prepare<[], CompetenceRow>(
    `SELECT ${COLUMNS} FROM competence ORDER BY name COLLATE NOCASE, code COLLATE NOCASE`,
  );
  const byId = db.prepare<[string], CompetenceRow>(`SELECT ${COLUMNS} FROM competence WHERE id = ?`);
  const byCode = db.prepare<[string], CompetenceRow>(`SELECT ${COLUMNS} FROM competence WHERE code_key = ?`);
  const subtree = db.prepare<{ id: string }, string>(`${SUBTREE} SELECT id FROM sub`).pluck();
  const impact = db.prepare<
    { id: string },
    { competences: number; people: number; grants: number; mappings: number }
  >(
    `${SUBTREE}
     SELECT (SELECT count(*) FROM sub) AS competences,
            (SELECT count(DISTINCT person_id) FROM person_competence WHERE competence_id IN sub) AS people,
            (SELECT count(*) FROM person_competence WHERE competence_id IN sub) AS grants,
            (SELECT count(*) FROM module_competence WHERE competence_id IN sub) AS mappings`,
  );
  const removedNodes = db.prepare<{ id: string }, CompetenceRow>(
    `${SUBTREE} SELECT ${COLUMNS} FROM competence WHERE id IN sub ORDER BY code`,
  );
  const removedMappings = db.prepare<
    { id: string },
    { competence_id: string; module_id: string; module_code: string | null }
  >(
    `${SUBTREE} SELECT mc.competence_id, mc.module_id, m.code AS module_code
       FROM module_competence mc LEFT JOIN module m ON m.id = mc.module_id
      WHERE mc.competence_id IN sub ORDER BY mc.competence_id, m.code`,
  );
  const removedGrants = db.prepare<{ id: string }, RemovedGrantRow>(
    `${SUBTREE} SELECT pc.person_id, p.email, pc.competence_id, pc.module_id, pc.completion_date,
            pc.valid_until, pc.granted_at
       FROM person_competence pc LEFT JOIN person p ON p.id = pc.person_id
      WHERE pc.competence_id IN sub
      ORDER BY pc.competence_id, pc.person_id, pc.completion_date, pc.module_id`,
  );
  // Children go with their parent (ON DELETE CASCADE), and so do mappings and grants.
  const deleteSubtree = db.prepare<{ id: string }>(`${SUBTREE} DELETE FROM competence WHERE id IN sub`);
  const insert = db.prepare(
    `INSERT INTO competence
       (id, code, code_key, name, description, parent_id, default_days, created_at, updated_at)
     VALUES (@id, @code, @codeKey, @name, @description, @parentId, @defaultDays, @now, @now)`,
  );
  const update = db.prepare(
    `UPDATE competence SET code = @code, code_key = @codeKey, name = @name, description = @description,
            parent_id = @parentId, default_days = @defaultDays, updated_at = @now WHERE id = @id`,
  );
  const archive = db
    .prepare<{ id: string; now: string }, string>(
      `${SUBTREE} UPDATE competence SET archived_at = @now, updated_at = @now
       WHERE id IN sub AND archived_at IS NULL RETURNING id`,
    )
    .pluck();
  const restore = db
    .prepare<{ id: string; now: string }, string>(
      `${SUBTREE} UPDATE competence SET archived_at = NULL, updated_at = @now
       WHERE id IN sub AND archived_at IS NOT NULL RETURNING id`,
    )
    .pluck();

  return {
    /** Every competence, archived ones too, by name. */
    all: (): CompetenceRow[] => all.all(),
    byId: (id: string): CompetenceRow | undefined => byId.get(id),
    /** Codes are unique without regard to case (in any script): see competenceCodeKey. */
    byCode: (code: string): CompetenceRow | undefined => byCode.get(competenceCodeKey(code)),
    /** The competence and everything below it. */
    subtreeIds: (id: string): string[] => subtree.all({ id }),
    impact: (id: string) => impact.get({ id }) ?? { competences: 0, people: 0, grants: 0, mappings: 0 },
    /** Every row deleting the competence would remove: nodes, mappings and grants. */
    removedRows: (id: string) => ({
      competences: removedNodes.all({ id }),
      mappings: removedMappings.all({ id }),
      grants: removedGrants.all({ id }),
    }),
    deleteSubtree: (id: string): number => deleteSubtree.run({ id }).changes,
    insert(c: CompetenceWrite): void {
      insert.run({ ...c, codeKey: competenceCodeKey(c.code) });
    },
    update(c: CompetenceWrite): void {
      update.run({ ...c, codeKey: competenceCodeKey(c.code) });
    },
    /** Archives (or brings back) the competence with its whole subtree; returns the ids that changed. */
    setArchived: (id: string, archived: boolean, now: string): string[] =>
      (archived ? archive : restore).all({ id, now }),
  };
}
