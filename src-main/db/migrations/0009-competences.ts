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
 * carry grants along when a record's date or person is corrected, and retire
 * a grant once no record of its completion is left (kept aside, so the same
 * completion coming back restores it exactly). Deleting a mapping leaves its
 * grants alone (`003_*`); deleting a competence cascades.
 */

/** person_competence rows (unaliased) of the old record's completion. */
const OLD_COMPLETION = `person_id = OLD.person_id AND module_id = OLD.object_id AND completion_date = OLD.completion_date`;
/** No record of the old completion is left. */
const OLD_UNHELD = `NOT EXISTS (SELECT 1 FROM training_record r WHERE r.person_id = OLD.person_id
  AND r.object_id = OLD.object_id AND r.completion_date = OLD.completion_date)`;
const NEW_COMPLETION = `person_id = NEW.person_id AND module_id = NEW.object_id AND completion_date = NEW.completion_date`;
const GRANT_COLUMNS = 'person_id, competence_id, module_id, completion_date, valid_until, granted_at';

/** The grants of a completion no record holds any more move to person_competence_removed. */
const RETIRE_OLD = `
      INSERT OR REPLACE INTO person_competence_removed (${GRANT_COLUMNS}, removed_at)
        SELECT ${GRANT_COLUMNS}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM person_competence
         WHERE ${OLD_COMPLETION} AND ${OLD_UNHELD};
      DELETE FROM person_competence WHERE ${OLD_COMPLETION} AND ${OLD_UNHELD};`;

/**
 * A completion written: first it gets back exactly what it gave before it was removed (undo of an
 * import, a deletion reverted), then whatever the current mappings of live competences give it.
 */
const GRANT_NEW = `
      INSERT OR IGNORE INTO person_competence (${GRANT_COLUMNS})
        SELECT ${GRANT_COLUMNS} FROM person_competence_removed WHERE ${NEW_COMPLETION};
      DELETE FROM person_competence_removed WHERE ${NEW_COMPLETION};
      INSERT OR IGNORE INTO person_competence (${GRANT_COLUMNS})
      SELECT NEW.person_id, c.id, NEW.object_id, NEW.completion_date,
             CASE WHEN c.default_days IS NULL THEN NULL
                  ELSE date(NEW.completion_date, '+' || c.default_days || ' days') END,
             NEW.updated_at
        FROM module_competence mc JOIN competence c ON c.id = mc.competence_id
       WHERE mc.module_id = NEW.object_id AND c.archived_at IS NULL;`;

export default function competences(db: Database): void {
  db.exec(`
    CREATE TABLE competence (
      id           TEXT PRIMARY KEY,
      code         TEXT NOT NULL,
      -- The code folded for comparison (NFC, lower case in every script): SQLite's NOCASE folds only A–Z,
      -- so "ÖVR-1" and "övr-1" would both pass it.
      code_key     TEXT NOT NULL UNIQUE,
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

    -- Grants whose last record was deleted, kept so that the completion coming back (an import undone,
    -- a deletion reverted) brings back exactly what it gave, even through a since-deleted mapping.
    CREATE TABLE person_competence_removed (
      person_id       TEXT NOT NULL REFERENCES person(id),
      competence_id   TEXT NOT NULL REFERENCES competence(id) ON DELETE CASCADE,
      module_id       TEXT NOT NULL,
      completion_date TEXT NOT NULL,
      valid_until     TEXT,
      granted_at      TEXT NOT NULL,
      removed_at      TEXT NOT NULL,
      PRIMARY KEY (person_id, competence_id, module_id, completion_date)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_competence_removed_competence ON person_competence_removed(competence_id);

    CREATE TRIGGER training_record_grants_competences
    AFTER INSERT ON training_record
    WHEN NEW.object_id IS NOT NULL
    BEGIN
      ${GRANT_NEW}
    END;

    -- A corrected record (date, person or module). With the same module, the grants of its old
    -- completion follow it, their period shifted by as many days as the date moved (a since-deleted
    -- mapping's too, and a default-days change since does not re-time them); unless another record
    -- still holds that completion. Whatever is left of the old completion is retired; then the new
    -- one gets what it had before and what the current mappings give.
    CREATE TRIGGER training_record_moves_competences
    AFTER UPDATE OF person_id, object_id, completion_date ON training_record
    BEGIN
      UPDATE OR IGNORE person_competence
         SET person_id = NEW.person_id,
             completion_date = NEW.completion_date,
             valid_until = CASE WHEN valid_until IS NULL THEN NULL
               ELSE date(valid_until, printf('%+d days',
                 CAST(julianday(NEW.completion_date) - julianday(OLD.completion_date) AS INTEGER))) END
       WHERE ${OLD_COMPLETION} AND NEW.object_id IS OLD.object_id AND ${OLD_UNHELD};
      ${RETIRE_OLD}
      ${GRANT_NEW}
    END;

    CREATE TRIGGER training_record_removes_competences
    AFTER DELETE ON training_record
    WHEN OLD.object_id IS NOT NULL
    BEGIN
      ${RETIRE_OLD}
    END;
  `);
}
