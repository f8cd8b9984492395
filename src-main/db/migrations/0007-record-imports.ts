import type { Database } from 'better-sqlite3';

/**
 * Training-record CSV imports (`000_*` bulk import), kept so each can be shown
 * and undone:
 * - `record_import`: who imported which file (name, SHA-256), when, with which
 *   reading choices, what it did (counts), its error file, and whether it was undone.
 * - records an import created carry `training_record.import_id`: undo removes
 *   them (a 200,000-row import writes no second row, nor index entry, per record).
 * - `record_import_change`: for each record an import updated or deleted, the
 *   whole row as it was before (JSON of every column) and the `updated_at` the
 *   import left, so undo restores exactly and refuses records changed since.
 */
export default function recordImports(db: Database): void {
  db.exec(`
    CREATE TABLE record_import (
      id          TEXT PRIMARY KEY,
      actor_id    TEXT NOT NULL REFERENCES person(id),
      at          TEXT NOT NULL,
      file_name   TEXT NOT NULL,
      file_hash   TEXT NOT NULL,
      encoding    TEXT NOT NULL,
      delimiter   TEXT NOT NULL,
      date_order  TEXT,
      -- "Import the valid rows only": rows with errors were left out, on purpose.
      valid_only  INTEGER NOT NULL DEFAULT 0 CHECK (valid_only IN (0, 1)),
      rows_total  INTEGER NOT NULL,
      created     INTEGER NOT NULL,
      updated     INTEGER NOT NULL,
      deleted     INTEGER NOT NULL,
      unchanged   INTEGER NOT NULL,
      skipped     INTEGER NOT NULL DEFAULT 0,
      error_count INTEGER NOT NULL DEFAULT 0,
      -- The file's rows plus an Error column, in the file's own encoding and separator (NULL = no errors).
      error_file  BLOB,
      undone_at   TEXT,
      undone_by   TEXT REFERENCES person(id)
    ) STRICT;
    CREATE INDEX record_import_at ON record_import(at);

    CREATE TABLE record_import_change (
      import_id        TEXT NOT NULL REFERENCES record_import(id),
      record_id        TEXT NOT NULL,
      action           TEXT NOT NULL CHECK (action IN ('updated', 'deleted')),
      before           TEXT NOT NULL,
      after_updated_at TEXT,
      PRIMARY KEY (import_id, record_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX record_import_change_record ON record_import_change(record_id);

    -- No index: it would cost every imported row a second B-tree insert, for the benefit of undo,
    -- which is rare and can afford one scan of the table.
    ALTER TABLE training_record ADD COLUMN import_id TEXT REFERENCES record_import(id);
  `);
}
