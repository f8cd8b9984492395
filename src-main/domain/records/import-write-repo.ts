import type { Db } from '../../db/open.js';

/** The fields an import row writes to a training record. */
export interface ImportedFields {
  recordType: string;
  objectId: string | null;
  title: string;
  provider: string;
  completionDate: string;
  expiryDate: string | null;
  otherInfo: string | null;
  qualificationId: string | null;
}

export interface ImportHistoryRow {
  id: string;
  actorId: string;
  at: string;
  fileName: string;
  fileHash: string;
  encoding: string;
  delimiter: string;
  dateOrder: string;
  validOnly: boolean;
}

export interface ImportOutcome {
  rowsTotal: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  errorCount: number;
  errorFile: Uint8Array | null;
}

/**
 * The writes of a records import, every statement prepared once per commit and
 * run with positional parameters: a 200,000-row file costs little more than the
 * inserts themselves.
 */
export function importWriteRepo(db: Db) {
  const insertRecord = db.prepare(
    `INSERT INTO training_record (id, person_id, record_type, object_id, title, provider, completion_date,
       expiry_date, expiry_fixed, other_info, qualification_id, source, created_at, updated_at, created_by,
       import_id)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 'import', ?, ?, ?, ?)`,
  );
  const updateRecord = db.prepare(
    `UPDATE training_record SET record_type = ?, object_id = ?, title = ?, provider = ?, completion_date = ?,
       expiry_date = ?, other_info = ?, qualification_id = ?, updated_at = ?
     WHERE id = ?`,
  );
  const deleteRecord = db.prepare('DELETE FROM training_record WHERE id = ?');
  const insertChange = db.prepare(
    `INSERT INTO record_import_change (import_id, record_id, action, before, after_updated_at)
     VALUES (?, ?, ?, ?, ?)`,
  );
  return {
    /** The history row first: the records it creates point at it. Counts follow in finishImport. */
    startImport(h: ImportHistoryRow): void {
      db.prepare(
        `INSERT INTO record_import (id, actor_id, at, file_name, file_hash, encoding, delimiter, date_order,
           valid_only, rows_total, created, updated, deleted, unchanged, skipped, error_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0)`,
      ).run(
        h.id,
        h.actorId,
        h.at,
        h.fileName,
        h.fileHash,
        h.encoding,
        h.delimiter,
        h.dateOrder,
        h.validOnly ? 1 : 0,
      );
    },
    finishImport(id: string, o: ImportOutcome): void {
      db.prepare(
        `UPDATE record_import SET rows_total = ?, created = ?, updated = ?, deleted = ?, unchanged = ?,
           skipped = ?, error_count = ?, error_file = ?
         WHERE id = ?`,
      ).run(
        o.rowsTotal,
        o.created,
        o.updated,
        o.deleted,
        o.unchanged,
        o.skipped,
        o.errorCount,
        o.errorFile ? Buffer.from(o.errorFile.buffer, o.errorFile.byteOffset, o.errorFile.byteLength) : null,
        id,
      );
    },
    create(
      id: string,
      personId: string,
      f: ImportedFields,
      at: string,
      actorId: string,
      importId: string,
    ): void {
      insertRecord.run(
        id,
        personId,
        f.recordType,
        f.objectId,
        f.title,
        f.provider,
        f.completionDate,
        f.expiryDate,
        f.otherInfo,
        f.qualificationId,
        at,
        at,
        actorId,
        importId,
      );
    },
    /** `before` is the whole row as it was (JSON of SELECT *), so undo can restore it exactly. */
    update(id: string, f: ImportedFields, at: string, importId: string, before: string): void {
      updateRecord.run(
        f.recordType,
        f.objectId,
        f.title,
        f.provider,
        f.completionDate,
        f.expiryDate,
        f.otherInfo,
        f.qualificationId,
        at,
        id,
      );
      insertChange.run(importId, id, 'updated', before, at);
    },
    delete(id: string, importId: string, before: string): void {
      deleteRecord.run(id);
      insertChange.run(importId, id, 'deleted', before, null);
    },
  };
}

export type ImportWriteRepo = ReturnType<typeof importWriteRepo>;
