import type { Database } from 'better-sqlite3';

/**
 * Two facts compliance "as of a past date" needs and the earlier schema lost:
 *
 * - `person_unit_history`: which unit each person belonged to on which days, so "was
 *   Site 12 compliant on 1 March?" counts the people who were at Site 12 then,
 *   not the ones there today. A spell runs from `from_date` (inclusive) to
 *   `to_date` (exclusive; NULL = still there). A person's first spell starts at
 *   0001-01-01: before their first move, their unit is the one they had.
 * - `training_record.expiry_fixed`: the record's own expiry date was set by a
 *   person (an external certificate's printed expiry, a hand-corrected date)
 *   and beats "completion + configured validity" in the compliance engine.
 *   Computed expiries (from a module's or qualification's validity) stay 0, so a
 *   configuration's shorter validity still applies to them.
 */
export default function history(db: Database): void {
  db.exec(`
    CREATE TABLE person_unit_history (
      person_id TEXT NOT NULL REFERENCES person(id),
      unit_id   TEXT NOT NULL REFERENCES unit(id),
      from_date TEXT NOT NULL,
      to_date   TEXT CHECK (to_date IS NULL OR to_date > from_date),
      PRIMARY KEY (person_id, from_date)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX person_unit_history_unit ON person_unit_history(unit_id, from_date);
    INSERT INTO person_unit_history (person_id, unit_id, from_date) SELECT id, unit_id, '0001-01-01' FROM person;
    -- However a person is created, their first spell exists; moves are dated by the people repo.
    CREATE TRIGGER person_first_unit AFTER INSERT ON person BEGIN
      INSERT INTO person_unit_history (person_id, unit_id, from_date) VALUES (NEW.id, NEW.unit_id, '0001-01-01');
    END;

    ALTER TABLE training_record ADD COLUMN expiry_fixed INTEGER NOT NULL DEFAULT 0
      CHECK (expiry_fixed IN (0, 1));
    -- Covers the engine's "latest completion on or before D" seek, with what it needs of that row.
    DROP INDEX training_record_completion;
    CREATE INDEX training_record_completion
      ON training_record(person_id, object_id, completion_date, expiry_fixed, expiry_date);
  `);
}
