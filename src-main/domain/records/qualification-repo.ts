import type { Db } from '../../db/open.js';

export interface QualificationDbRow {
  id: string;
  code: string;
  name: string;
  description: string | null;
  default_validity_months: number | null;
  archived_at: string | null;
  record_count: number;
}

const SELECT = `SELECT q.id, q.code, q.name, q.description, q.default_validity_months, q.archived_at,
    (SELECT count(*) FROM training_record r WHERE r.qualification_id = q.id) AS record_count
  FROM qualification q`;

export function qualificationRepo(db: Db) {
  return {
    list(includeArchived: boolean): QualificationDbRow[] {
      return db
        .prepare<[], QualificationDbRow>(
          `${SELECT} ${includeArchived ? '' : 'WHERE q.archived_at IS NULL'} ORDER BY q.code COLLATE NOCASE`,
        )
        .all();
    },
    byId(id: string): QualificationDbRow | undefined {
      return db.prepare<[string], QualificationDbRow>(`${SELECT} WHERE q.id = ?`).get(id);
    },
    /** Case-insensitive, like the column's uniqueness. */
    byCode(code: string): QualificationDbRow | undefined {
      return db.prepare<[string], QualificationDbRow>(`${SELECT} WHERE q.code = ?`).get(code);
    },
    insert(q: {
      id: string;
      code: string;
      name: string;
      description: string | null;
      defaultValidityMonths: number | null;
      now: string;
    }): void {
      db.prepare(
        `INSERT INTO qualification (id, code, name, description, default_validity_months, created_at, updated_at)
         VALUES (@id, @code, @name, @description, @defaultValidityMonths, @now, @now)`,
      ).run(q);
    },
    update(
      id: string,
      fields: {
        code: string;
        name: string;
        description: string | null;
        defaultValidityMonths: number | null;
      },
      now: string,
    ): void {
      db.prepare(
        `UPDATE qualification SET code = @code, name = @name, description = @description,
           default_validity_months = @defaultValidityMonths, updated_at = @now WHERE id = @id`,
      ).run({ id, now, ...fields });
    },
    setArchived(id: string, archivedAt: string | null, now: string): void {
      db.prepare('UPDATE qualification SET archived_at = ?, updated_at = ? WHERE id = ?').run(
        archivedAt,
        now,
        id,
      );
    },
  };
}
