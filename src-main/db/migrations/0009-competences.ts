import type { Database } from 'better-sqlite3';

/**
 * Competences (`003_*`, issue 9): a tree with default validity in days, module
 * ↔ competence mappings, and the competences people hold.
 *
 * A held competence is one row per source completion — (person, competence,
 * module, completion date) is the key — so the same completion can never give
 * it twice, however it arrives (live completion, backfill, a re-run, an
 * import of the same history). What a person holds on a day is derived from
 * those rows: the one reaching furthest wins, so a later completion extends it
 * and an earlier one never shortens it, in any order.
 *
 * Triggers on training_record grant from the current mappings whenever a
 * completion is written by any path (results, manual records, imports, undo),
 * carry grants along when a record's date or person is corrected, and remove
 * a grant once no record of its completion is left. Deleting a mapping leaves
 * its grants alone (`003_*`); deleting a competence cascades.
 */
export default function competences(db: Database): void {
  db.exec(`
    CREATE TABLE competence (
      id           TEXT PRIMARY KEY,
      code         TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name         TEXT NOT NULL,
      description  TEXT,
      parent_id    TEXT REFERENCES competence(id) ON DELETE CASCADE,
      -- Days from the completion date to valid-until (inclusive, as "till och med"); NULL never expires.
      default_days INTEGER CHECK (default_days IS NULL OR default_days > 0),
      archived_at  TEXT,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      CHECK (parent_id IS NULL OR parent_id <> id)
    ) STRICT;
    CREATE INDEX competence_parent ON competence(parent_id);

    CREATE TABLE module_competence (
      module_id     TEXT NOT NULL REFERENCES module(id) ON DELETE CASCADE,
      competence_id TEXT NOT NULL REFERENCES competence(id) ON DELETE CASCADE,
      created_at    TEXT NOT NULL,
      created_by    TEXT REFERENCES person(id),
      PRIMARY KEY (module_id, competence_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX module_competence_competence ON module_competence(competence_id);

    CREATE TABLE person_competence (
      person_id       TEXT NOT NULL REFERENCES person(id),
      competence_id   TEXT NOT NULL REFERENCES competence(id) ON DELETE CASCADE,
      -- The source completion: a training record of this module on this date.
      module_id       TEXT NOT NULL,
      completion_date TEXT NOT NULL,
      valid_until     TEXT CHECK (valid_until IS NULL OR valid_until >= completion_date),
      granted_at      TEXT NOT NULL,
      PRIMARY KEY (person_id, competence_id, module_id, completion_date)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_competence_competence ON person_competence(competence_id, person_id);
    CREATE INDEX person_competence_source ON person_competence(person_id, module_id, completion_date);

    CREATE TRIGGER training_record_grants_competences
    AFTER INSERT ON training_record
    WHEN NEW.object_id IS NOT NULL
    BEGIN
      INSERT OR IGNORE INTO person_competence
        (person_id, competence_id, module_id, completion_date, valid_until, granted_at)
      SELECT NEW.person_id, c.id, NEW.object_id, NEW.completion_date,
             CASE WHEN c.default_days IS NULL THEN NULL
                  ELSE date(NEW.completion_date, '+' || c.default_days || ' days') END,
             NEW.updated_at
      FROM module_competence mc JOIN competence c ON c.id = mc.competence_id
      WHERE mc.module_id = NEW.object_id AND c.archived_at IS NULL;
    END;

    -- A corrected record (date, person or module): the grants of its old completion
    -- follow it when the module stays the same (those of a since-deleted mapping too),
    -- unless another record still holds that completion; then the current mappings grant.
    CREATE TRIGGER training_record_moves_competences
    AFTER UPDATE OF person_id, object_id, completion_date ON training_record
    BEGIN
      UPDATE OR IGNORE person_competence
         SET person_id = NEW.person_id,
             completion_date = NEW.completion_date,
             valid_until = (SELECT CASE WHEN c.default_days IS NULL THEN NULL
                                   ELSE date(NEW.completion_date, '+' || c.default_days || ' days') END
                              FROM competence c WHERE c.id = person_competence.competence_id)
       WHERE person_id = OLD.person_id AND module_id = OLD.object_id
         AND completion_date = OLD.completion_date
         AND NEW.object_id IS OLD.object_id
         AND NOT EXISTS (SELECT 1 FROM training_record r
                          WHERE r.person_id = OLD.person_id AND r.object_id = OLD.object_id
                            AND r.completion_date = OLD.completion_date);
      DELETE FROM person_competence
       WHERE person_id = OLD.person_id AND module_id = OLD.object_id
         AND completion_date = OLD.completion_date
         AND NOT EXISTS (SELECT 1 FROM training_record r
                          WHERE r.person_id = OLD.person_id AND r.object_id = OLD.object_id
                            AND r.completion_date = OLD.completion_date);
      INSERT OR IGNORE INTO person_competence
        (person_id, competence_id, module_id, completion_date, valid_until, granted_at)
      SELECT NEW.person_id, c.id, NEW.object_id, NEW.completion_date,
             CASE WHEN c.default_days IS NULL THEN NULL
                  ELSE date(NEW.completion_date, '+' || c.default_days || ' days') END,
             NEW.updated_at
      FROM module_competence mc JOIN competence c ON c.id = mc.competence_id
      WHERE mc.module_id = NEW.object_id AND c.archived_at IS NULL;
    END;

    CREATE TRIGGER training_record_removes_competences
    AFTER DELETE ON training_record
    WHEN OLD.object_id IS NOT NULL
    BEGIN
      DELETE FROM person_competence
       WHERE person_id = OLD.person_id AND module_id = OLD.object_id
         AND completion_date = OLD.completion_date
         AND NOT EXISTS (SELECT 1 FROM training_record r
                          WHERE r.person_id = OLD.person_id AND r.object_id = OLD.object_id
                            AND r.completion_date = OLD.completion_date);
    END;
  `);
}
