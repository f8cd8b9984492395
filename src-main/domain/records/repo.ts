import type { RecordType } from '../../../shared/api/schemas/records.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { searchParam, searchSql } from '../../db/text-search.js';
import { reachSql } from '../permissions/reach-sql.js';

export interface RecordDbRow {
  id: string;
  person_id: string;
  person_name: string;
  email: string;
  record_type: RecordType;
  object_id: string | null;
  title: string;
  provider: string;
  completion_date: string;
  expiry_date: string | null;
  expiry_fixed: 0 | 1;
  other_info: string | null;
  qualification_id: string | null;
  qualification_code: string | null;
  qualification_name: string | null;
  evidence_path: string | null;
  evidence_file_id: string | null;
  evidence_file_name: string | null;
  evidence_file_mime: string | null;
  evidence_file_size: number | null;
  module_code: string | null;
  module_title: string | null;
  source: 'completion' | 'manual' | 'import';
  created_at: string;
  updated_at: string;
  created_by: string | null;
}

const SELECT = `SELECT r.id, r.person_id, p.first_name || ' ' || p.last_name AS person_name, p.email,
    r.record_type, r.object_id, r.title, r.provider, r.completion_date, r.expiry_date, r.expiry_fixed,
    r.other_info,
    r.qualification_id, q.code AS qualification_code, q.name AS qualification_name, r.evidence_path,
    r.evidence_file_id, f.name AS evidence_file_name, f.mime_type AS evidence_file_mime,
    f.size AS evidence_file_size, m.code AS module_code, m.title AS module_title,
    r.source, r.created_at, r.updated_at, r.created_by
  FROM training_record r JOIN person p ON p.id = r.person_id
  LEFT JOIN qualification q ON q.id = r.qualification_id
  LEFT JOIN stored_file f ON f.id = r.evidence_file_id
  LEFT JOIN module m ON m.id = r.object_id`;

/** The columns a record's fields are stored in, for inserts and partial updates. */
export interface RecordFields {
  title: string;
  provider: string;
  completionDate: string;
  expiryDate: string | null;
  otherInfo: string | null;
  qualificationId: string | null;
  /** A stored file proving it (certificate scan, attendance sheet). */
  evidenceFileId: string | null;
}

const COLUMN: Record<keyof RecordFields, string> = {
  title: 'title',
  provider: 'provider',
  completionDate: 'completion_date',
  expiryDate: 'expiry_date',
  otherInfo: 'other_info',
  qualificationId: 'qualification_id',
  evidenceFileId: 'evidence_file_id',
};

export function recordsRepo(db: Db) {
  return {
    /** One page of the records whose person lies within `reach`, filtered entirely in SQL. */
    page(q: {
      reach: Reach;
      selfId: string;
      personId?: string | undefined;
      recordType?: RecordType | undefined;
      search?: string | undefined;
      offset: number;
      limit: number;
    }): { rows: RecordDbRow[]; total: number } {
      const scope = reachSql(q.reach, q.selfId);
      const conds = [scope.sql];
      const params: Record<string, unknown> = { ...scope.params, limit: q.limit, offset: q.offset };
      if (q.personId) {
        conds.push('r.person_id = @personId');
        params.personId = q.personId;
      }
      if (q.recordType) {
        conds.push('r.record_type = @recordType');
        params.recordType = q.recordType;
      }
      if (q.search) {
        conds.push(
          searchSql(['r.title', 'r.provider', 'q.code', "p.first_name || ' ' || p.last_name", 'p.email']),
        );
        params.search = searchParam(q.search);
      }
      const where = conds.join(' AND ');
      const rows = db
        .prepare<Record<string, unknown>, RecordDbRow>(
          `${SELECT} WHERE ${where}
           ORDER BY r.completion_date DESC, p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, r.title, r.id
           LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      const total =
        db
          .prepare<Record<string, unknown>, { n: number }>(
            `SELECT count(*) AS n FROM training_record r JOIN person p ON p.id = r.person_id
             LEFT JOIN qualification q ON q.id = r.qualification_id WHERE ${where}`,
          )
          .get(params)?.n ?? 0;
      return { rows, total };
    },
    byId(id: string): RecordDbRow | undefined {
      return db.prepare<[string], RecordDbRow>(`${SELECT} WHERE r.id = ?`).get(id);
    },
    insert(
      r: RecordFields & {
        id: string;
        personId: string;
        recordType: RecordType;
        objectId: string | null;
        evidencePath: string | null;
        resultId?: string | null;
        source: 'completion' | 'manual' | 'import';
        createdBy: string | null;
        now: string;
        /** A person typed expiryDate: it counts instead of completion + validity. */
        expiryFixed?: boolean;
      },
    ): void {
      db.prepare(
        `INSERT INTO training_record (id, person_id, record_type, object_id, title, provider, completion_date,
           expiry_date, expiry_fixed, other_info, qualification_id, evidence_path, evidence_file_id, result_id,
           source, created_at, updated_at, created_by)
         VALUES (@id, @personId, @recordType, @objectId, @title, @provider, @completionDate,
           @expiryDate, @expiryFixed, @otherInfo, @qualificationId, @evidencePath, @evidenceFileId, @resultId,
           @source, @now, @now, @createdBy)`,
      ).run({ resultId: null, ...r, expiryFixed: r.expiryFixed ? 1 : 0 });
    },
    /** A changed expiryDate is a person's decision: the record's own expiry from then on (expiry_fixed). */
    update(id: string, changes: Partial<RecordFields>, now: string): void {
      const keys = Object.keys(changes) as (keyof RecordFields)[];
      if (!keys.length) return;
      const sets = [
        ...keys.map((k) => `${COLUMN[k]} = @${k}`),
        ...(changes.expiryDate !== undefined ? ['expiry_fixed = 1'] : []),
      ].join(', ');
      db.prepare(`UPDATE training_record SET ${sets}, updated_at = @now WHERE id = @id`).run({
        ...changes,
        id,
        now,
      });
    },
    fileExists(id: string): boolean {
      return !!db.prepare('SELECT 1 FROM stored_file WHERE id = ?').get(id);
    },
    delete(id: string): void {
      db.prepare('DELETE FROM training_record WHERE id = ?').run(id);
    },
  };
}
