import type { Db } from '../../db/open.js';

export interface StoredFileRow {
  id: string;
  sha256: string;
  name: string;
  mime_type: string;
  size: number;
  created_at: string;
  created_by: string | null;
}

/** A module's content (draft or any version) with a file step on `@fileId`. */
const NAMES_FILE = (content: string) =>
  `EXISTS (SELECT 1 FROM json_each(${content}, '$.steps') j
           WHERE json_extract(j.value, '$.type') = 'file' AND json_extract(j.value, '$.fileId') = @fileId)`;

export function fileRepo(db: Db) {
  return {
    byId(id: string): StoredFileRow | undefined {
      return db.prepare<[string], StoredFileRow>('SELECT * FROM stored_file WHERE id = ?').get(id);
    },

    insert(f: StoredFileRow): void {
      db.prepare(
        `INSERT INTO stored_file (id, sha256, name, mime_type, size, created_at, created_by)
         VALUES (@id, @sha256, @name, @mime_type, @size, @created_at, @created_by)`,
      ).run(f);
    },

    /**
     * Courses whose content refers to the file: `in_draft` when the working copy
     * does, `in_version` when a published version does (what learners see).
     */
    referencingModules(fileId: string) {
      return db
        .prepare<
          { fileId: string },
          { id: string; owner_unit_id: string; in_draft: number; in_version: number }
        >(
          `SELECT m.id, m.owner_unit_id, ${NAMES_FILE('m.draft')} AS in_draft,
             EXISTS (SELECT 1 FROM module_version v WHERE v.module_id = m.id AND ${NAMES_FILE('v.content')}) AS in_version
           FROM module m
           WHERE m.kind = 'course' AND (${NAMES_FILE('m.draft')}
             OR EXISTS (SELECT 1 FROM module_version v WHERE v.module_id = m.id AND ${NAMES_FILE('v.content')}))`,
        )
        .all({ fileId });
    },

    /** The stored files a module's draft has file steps on, by name. */
    inModuleDraft(moduleId: string) {
      return db
        .prepare<[string], Pick<StoredFileRow, 'id' | 'name' | 'mime_type' | 'size'>>(
          `SELECT DISTINCT f.id, f.name, f.mime_type, f.size
           FROM module m, json_each(m.draft, '$.steps') j
           JOIN stored_file f ON f.id = json_extract(j.value, '$.fileId')
           WHERE m.id = ? AND json_extract(j.value, '$.type') = 'file'
           ORDER BY f.name, f.id`,
        )
        .all(moduleId);
    },

    /** People whose training record or result has the file as evidence. */
    evidenceOwners(fileId: string): string[] {
      return db
        .prepare<[string, string], string>(
          `SELECT person_id FROM training_record WHERE evidence_file_id = ?
           UNION SELECT person_id FROM result WHERE evidence_file_id = ?`,
        )
        .pluck()
        .all(fileId, fileId);
    },
  };
}
