import type { Db } from '../../db/open.js';

export interface MappedModuleRow {
  competence_id: string;
  module_id: string;
  code: string;
  title: string;
  kind: string;
}

export interface ModuleRow {
  id: string;
  code: string;
  title: string;
  kind: string;
}

/**
 * The completions a backfill of (module → competence) would grant, as `person_id, completion_date`
 * rows over @moduleId and @competenceId: every distinct completion of the module not granted yet.
 */
const NEW_COMPLETIONS = `
  SELECT DISTINCT r.person_id, r.completion_date FROM training_record r
   WHERE r.object_id = @moduleId
     AND NOT EXISTS (SELECT 1 FROM person_competence pc
                      WHERE pc.person_id = r.person_id AND pc.competence_id = @competenceId
                        AND pc.module_id = r.object_id AND pc.completion_date = r.completion_date)`;

export function mappingRepo(db: Db) {
  const all = db.prepare<[], MappedModuleRow>(
    `SELECT mc.competence_id, m.id AS module_id, m.code, m.title, m.kind
       FROM module_competence mc JOIN module m ON m.id = mc.module_id
      ORDER BY m.code COLLATE NOCASE`,
  );
  const ofCompetence = db.prepare<[string], MappedModuleRow>(
    `SELECT mc.competence_id, m.id AS module_id, m.code, m.title, m.kind
       FROM module_competence mc JOIN module m ON m.id = mc.module_id
      WHERE mc.competence_id = ? ORDER BY m.code COLLATE NOCASE`,
  );
  // A deleted module's grants still name its id: the evidence is the completion, not the module row.
  const modules = db.prepare<[string], ModuleRow>(
    `SELECT j.value AS id, coalesce(m.code, j.value) AS code, coalesce(m.title, j.value) AS title,
            coalesce(m.kind, '') AS kind
       FROM json_each(?) j LEFT JOIN module m ON m.id = j.value`,
  );
  const existingModules = db.prepare<[string], ModuleRow>(
    `SELECT id, code, title, kind FROM module WHERE id IN (SELECT value FROM json_each(?))`,
  );
  const insert = db.prepare<{ moduleId: string; competenceId: string; now: string; by: string }>(
    `INSERT OR IGNORE INTO module_competence (module_id, competence_id, created_at, created_by)
     VALUES (@moduleId, @competenceId, @now, @by)`,
  );
  const remove = db.prepare<{ moduleId: string; competenceId: string }>(
    'DELETE FROM module_competence WHERE module_id = @moduleId AND competence_id = @competenceId',
  );
  const preview = db.prepare<{ moduleId: string; competenceId: string }, { people: number; grants: number }>(
    `SELECT count(DISTINCT person_id) AS people, count(*) AS grants FROM (${NEW_COMPLETIONS})`,
  );
  const newPeople = db
    .prepare<{ moduleId: string; competenceId: string }, string>(
      `SELECT DISTINCT person_id FROM (${NEW_COMPLETIONS})`,
    )
    .pluck();
  // The same valid-until expression as the training_record triggers; archived competences grant nothing.
  const backfill = db.prepare<{ moduleId: string; competenceId: string; now: string }>(
    `INSERT OR IGNORE INTO person_competence
       (person_id, competence_id, module_id, completion_date, valid_until, granted_at)
     SELECT n.person_id, c.id, @moduleId, n.completion_date,
            CASE WHEN c.default_days IS NULL THEN NULL
                 ELSE date(n.completion_date, '+' || c.default_days || ' days') END,
            @now
       FROM (${NEW_COMPLETIONS}) n JOIN competence c ON c.id = @competenceId
      WHERE c.archived_at IS NULL`,
  );

  return {
    /** Every mapping with its module, by module code. */
    all: (): MappedModuleRow[] => all.all(),
    ofCompetence: (competenceId: string): MappedModuleRow[] => ofCompetence.all(competenceId),
    /** Code and title of each module id; a deleted module answers with its id. */
    modulesNamed: (ids: readonly string[]): Map<string, ModuleRow> =>
      new Map(modules.all(JSON.stringify([...new Set(ids)])).map((m) => [m.id, m])),
    /** The modules among `ids` that exist. */
    existing: (ids: readonly string[]): Map<string, ModuleRow> =>
      new Map(existingModules.all(JSON.stringify(ids)).map((m) => [m.id, m])),
    insert: (m: { moduleId: string; competenceId: string; now: string; by: string }): void => {
      insert.run(m);
    },
    remove: (m: { moduleId: string; competenceId: string }): void => {
      remove.run(m);
    },
    /** The people and grants a backfill of this mapping would add (not counting grants that exist). */
    preview: (moduleId: string, competenceId: string) =>
      preview.get({ moduleId, competenceId }) ?? { people: 0, grants: 0 },
    /** Who a backfill of this mapping would give a new grant. */
    newPeople: (moduleId: string, competenceId: string): string[] =>
      newPeople.all({ moduleId, competenceId }),
    /** Grants the competence to everyone who already passed the module, dated from their completion. */
    backfill: (moduleId: string, competenceId: string, now: string): number =>
      backfill.run({ moduleId, competenceId, now }).changes,
  };
}
