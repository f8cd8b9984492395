import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { reachSql } from '../permissions/reach-sql.js';

/** A person as a records import names them: by username or email, and whether the actor may edit their records. */
export interface ImportPerson {
  id: string;
  username: string;
  email: string;
  name: string;
  /** Within the actor's record EDIT reach (`000_*` own / subordinate / everyone's). */
  editable: boolean;
}

/** A catalog module an `Object Id` may name. */
export interface ImportModule {
  id: string;
  code: string;
  kind: 'course' | 'quiz' | 'event' | 'learning_path' | 'external';
  title: string;
  default_validity_months: number | null;
  /** The unit that owns it: the default Training Provider. */
  owner_name: string;
}

export interface ImportQualification {
  id: string;
  code: string;
  default_validity_months: number | null;
  archived: 0 | 1;
}

/** Every column of a training record (SELECT *), kept whole for record_import_change.before. */
export interface StoredRecord {
  id: string;
  person_id: string;
  record_type: string;
  object_id: string | null;
  title: string;
  provider: string;
  completion_date: string;
  expiry_date: string | null;
  expiry_fixed: number;
  other_info: string | null;
  qualification_id: string | null;
  updated_at: string;
  [column: string]: unknown;
}

/**
 * The look-ups of a records import. People, modules and qualification codes are
 * loaded once per call into Maps (a few set-based queries per file, none per
 * row); existing records are fetched by id with one prepared statement.
 */
export function importLookupRepo(db: Db) {
  const recordById = db.prepare<[string], StoredRecord>('SELECT * FROM training_record WHERE id = ?');
  return {
    /** Everyone, each with whether `reach` (the actor's record edit reach) covers them, in one query. */
    people(reach: Reach, selfId: string): ImportPerson[] {
      const scope = reachSql(reach, selfId);
      return db
        .prepare<Record<string, unknown>, Omit<ImportPerson, 'editable'> & { editable: 0 | 1 }>(
          `SELECT p.id, p.username, p.email, p.first_name || ' ' || p.last_name AS name,
             CASE WHEN ${scope.sql} THEN 1 ELSE 0 END AS editable
           FROM person p`,
        )
        .all(scope.params)
        .map((p) => ({ ...p, editable: p.editable === 1 }));
    },
    modules(): ImportModule[] {
      return db
        .prepare<[], ImportModule>(
          `SELECT m.id, m.code, m.kind, m.title, m.default_validity_months, u.name AS owner_name
           FROM module m JOIN unit u ON u.id = m.owner_unit_id`,
        )
        .all();
    },
    qualifications(): ImportQualification[] {
      return db
        .prepare<[], ImportQualification>(
          `SELECT id, code, default_validity_months, CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END AS archived
           FROM qualification`,
        )
        .all();
    },
    record(id: string): StoredRecord | undefined {
      return recordById.get(id);
    },
  };
}

export type ImportLookupRepo = ReturnType<typeof importLookupRepo>;
