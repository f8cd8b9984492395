import type { Database } from 'better-sqlite3';

/**
 * Training records (`000_*`) and the qualification codes they may carry. A
 * record's `object_id` will name the catalog module it came from once the
 * catalog exists; until then it has no foreign key.
 */
export default function trainingRecords(db: Database): void {
  db.exec(`
    CREATE TABLE qualification (
      id                      TEXT PRIMARY KEY,
      code                    TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name                    TEXT NOT NULL,
      description             TEXT,
      default_validity_months INTEGER CHECK (default_validity_months IS NULL OR default_validity_months > 0),
      archived_at             TEXT,
      created_at              TEXT NOT NULL,
      updated_at              TEXT NOT NULL
    ) STRICT;

    CREATE TABLE training_record (
      id               TEXT PRIMARY KEY,
      person_id        TEXT NOT NULL REFERENCES person(id),
      record_type      TEXT NOT NULL CHECK (record_type IN
                         ('course','quiz','event','learning_path','external_course','certificate')),
      object_id        TEXT,
      title            TEXT NOT NULL,
      provider         TEXT NOT NULL,
      completion_date  TEXT NOT NULL,
      expiry_date      TEXT CHECK (expiry_date IS NULL OR expiry_date >= completion_date),
      other_info       TEXT,
      qualification_id TEXT REFERENCES qualification(id),
      evidence_path    TEXT,
      source           TEXT NOT NULL CHECK (source IN ('completion','manual','import')),
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      created_by       TEXT REFERENCES person(id)
    ) STRICT;
    CREATE INDEX training_record_person ON training_record(person_id, completion_date);
    CREATE INDEX training_record_qualification ON training_record(qualification_id);
  `);
}
