import type { RecordType } from '../../../shared/api/schemas/records.js';
import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { reachSql } from '../permissions/reach-sql.js';

/**
 * One exported record as SQLite hands it over in raw mode (an array, not an
 * object: 200,000 of them stream through without a key map each), in the
 * export's column order except Record Type, which the service turns into words.
 */
export type ExportDbRow = [
  id: string,
  username: string,
  recordType: RecordType,
  moduleCode: string | null,
  title: string,
  provider: string,
  completionDate: string,
  otherInfo: string | null,
  qualificationCode: string | null,
  email: string,
  firstName: string,
  lastName: string,
];

export interface ExportFilter {
  reach: Reach;
  selfId: string;
  /** A unit and every unit below it (the person's current unit). */
  unitId?: string | undefined;
  personId?: string | undefined;
}

export function recordsExportRepo(db: Db) {
  return {
    /**
     * The records the reach covers, ordered by last name, first name, completion
     * date and id, read one at a time (`.iterate()`), so an export never holds
     * them all; the caller must finish iterating before using the connection again.
     */
    rows(f: ExportFilter): IterableIterator<ExportDbRow> {
      const scope = reachSql(f.reach, f.selfId);
      const conds = [scope.sql];
      const params: Record<string, unknown> = { ...scope.params };
      if (f.personId) {
        conds.push('r.person_id = @personId');
        params.personId = f.personId;
      }
      if (f.unitId) {
        conds.push(`p.unit_id IN (WITH RECURSIVE sub(id) AS (
            SELECT @unitId UNION SELECT u.id FROM unit u JOIN sub ON u.parent_id = sub.id
          ) SELECT id FROM sub)`);
        params.unitId = f.unitId;
      }
      return db
        .prepare<Record<string, unknown>, ExportDbRow>(
          `SELECT r.id, p.username, r.record_type, m.code, r.title, r.provider, r.completion_date, r.other_info,
             q.code, p.email, p.first_name, p.last_name
           FROM training_record r JOIN person p ON p.id = r.person_id
           LEFT JOIN module m ON m.id = r.object_id
           LEFT JOIN qualification q ON q.id = r.qualification_id
           WHERE ${conds.join(' AND ')}
           ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE, r.completion_date, r.id`,
        )
        .raw(true)
        .iterate(params) as IterableIterator<ExportDbRow>;
    },
  };
}
