import type { SqlPart } from '../permissions/reach-sql.js';
import type { Db } from '../../db/open.js';

/** A `record_import` row with the names of who imported and who undid it. */
export interface ImportHistoryDbRow {
  id: string;
  actor_id: string;
  actor_name: string;
  at: string;
  file_name: string;
  file_hash: string;
  encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
  rows_total: number;
  created: number;
  updated: number;
  deleted: number;
  unchanged: number;
  skipped: number;
  error_count: number;
  valid_only: 0 | 1;
  has_error_file: 0 | 1;
  undone_at: string | null;
  undone_by_name: string | null;
}

/** A record an undo would overwrite although someone changed it after the import. */
export interface ChangedRecord {
  title: string;
  person_name: string;
}

const SELECT = `SELECT i.id, i.actor_id, a.first_name || ' ' || a.last_name AS actor_name, i.at, i.file_name,
    i.file_hash, i.encoding, i.rows_total, i.created, i.updated, i.deleted, i.unchanged, i.skipped,
    i.error_count, i.valid_only, i.error_file IS NOT NULL AS has_error_file, i.undone_at,
    CASE WHEN u.id IS NULL THEN NULL ELSE u.first_name || ' ' || u.last_name END AS undone_by_name
  FROM record_import i JOIN person a ON a.id = i.actor_id LEFT JOIN person u ON u.id = i.undone_by`;

export function importHistoryRepo(db: Db) {
  return {
    /** Newest first; only imports made by someone within `importers` (a person-scope SQL over alias p). */
    page(q: { importers: SqlPart; offset: number; limit: number }): {
      rows: ImportHistoryDbRow[];
      total: number;
    } {
      const where = `i.actor_id IN (SELECT p.id FROM person p WHERE ${q.importers.sql})`;
      const rows = db
        .prepare<Record<string, unknown>, ImportHistoryDbRow>(
          `${SELECT} WHERE ${where} ORDER BY i.at DESC, i.rowid DESC LIMIT @limit OFFSET @offset`,
        )
        .all({ ...q.importers.params, limit: q.limit, offset: q.offset });
      const total =
        db
          .prepare<Record<string, unknown>, { n: number }>(
            `SELECT count(*) AS n FROM record_import i WHERE ${where}`,
          )
          .get(q.importers.params)?.n ?? 0;
      return { rows, total };
    },
    /** The import, when made by someone within `importers`. */
    byId(id: string, importers: SqlPart): ImportHistoryDbRow | undefined {
      return db
        .prepare<Record<string, unknown>, ImportHistoryDbRow>(
          `${SELECT} WHERE i.id = @id AND i.actor_id IN (SELECT p.id FROM person p WHERE ${importers.sql})`,
        )
        .get({ ...importers.params, id });
    },
    errorFile(id: string): Buffer | null {
      return (
        db
          .prepare<[string], { error_file: Buffer | null }>(
            'SELECT error_file FROM record_import WHERE id = ?',
          )
          .get(id)?.error_file ?? null
      );
    },

    /**
     * Records the import touched that changed since (named as they are now): created ones edited (updated_at moved
     * past created_at), updated ones edited or deleted, deleted ones that exist again. Up to
     * `limit` of them by name, and how many in all.
     */
    changedSince(importId: string, limit: number): { named: ChangedRecord[]; total: number } {
      const changed = `
        SELECT r.title, p.first_name || ' ' || p.last_name AS person_name
          FROM training_record r JOIN person p ON p.id = r.person_id
          WHERE r.import_id = @importId AND r.updated_at <> r.created_at
        UNION ALL
        SELECT coalesce(r.title, json_extract(c.before, '$.title')), p.first_name || ' ' || p.last_name
          FROM record_import_change c
          LEFT JOIN training_record r ON r.id = c.record_id
          JOIN person p ON p.id = coalesce(r.person_id, json_extract(c.before, '$.person_id'))
          WHERE c.import_id = @importId AND (
            (c.action = 'updated' AND (r.id IS NULL OR r.updated_at IS NOT c.after_updated_at))
            OR (c.action = 'deleted' AND r.id IS NOT NULL))
        UNION ALL
        -- Created here and deleted since by a later import still in force: undo that one first.
        SELECT json_extract(c.before, '$.title'), p.first_name || ' ' || p.last_name
          FROM record_import_change c
          JOIN record_import later ON later.id = c.import_id AND later.undone_at IS NULL
          JOIN person p ON p.id = json_extract(c.before, '$.person_id')
          WHERE c.action = 'deleted' AND json_extract(c.before, '$.import_id') = @importId
            AND NOT EXISTS (SELECT 1 FROM training_record r WHERE r.id = c.record_id)`;
      const named = db
        .prepare<Record<string, unknown>, ChangedRecord>(`${changed} LIMIT @limit`)
        .all({ importId, limit });
      const total =
        named.length < limit
          ? named.length
          : (db
              .prepare<Record<string, unknown>, { n: number }>(`SELECT count(*) AS n FROM (${changed})`)
              .get({ importId })?.n ?? 0);
      return { named, total };
    },

    /** Everyone whose records an undo touches: created records' people, and the people in before-images. */
    touchedPeople(importId: string): string[] {
      return db
        .prepare<Record<string, unknown>, string>(
          `SELECT person_id FROM training_record WHERE import_id = @importId
           UNION SELECT json_extract(before, '$.person_id') FROM record_import_change WHERE import_id = @importId`,
        )
        .pluck()
        .all({ importId });
    },

    /** The before-images of the records an import updated or deleted. */
    changes(
      importId: string,
    ): IterableIterator<{ record_id: string; action: 'updated' | 'deleted'; before: string }> {
      return db
        .prepare<[string], { record_id: string; action: 'updated' | 'deleted'; before: string }>(
          'SELECT record_id, action, before FROM record_import_change WHERE import_id = ?',
        )
        .iterate(importId);
    },

    /** training_record's columns as the schema has them now, so restoring keeps up with later migrations. */
    recordColumns(): string[] {
      return db
        .prepare<[], { name: string }>('PRAGMA table_info(training_record)')
        .all()
        .map((c) => c.name);
    },

    deleteCreated(importId: string): number {
      return db.prepare('DELETE FROM training_record WHERE import_id = ?').run(importId).changes;
    },

    /** Puts a before-image back: overwriting the row (updated) or inserting it again (deleted). */
    restorer(columns: readonly string[]) {
      const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
      const cache = new Map<
        string,
        { update: ReturnType<Db['prepare']>; insert: ReturnType<Db['prepare']> }
      >();
      const statements = (cols: readonly string[]) => {
        const key = cols.join('\u0000');
        let s = cache.get(key);
        if (!s) {
          const params = cols.map((_, i) => `@c${i}`);
          s = {
            update: db.prepare(
              `UPDATE training_record SET ${cols.map((c, i) => `${q(c)} = ${params[i]}`).join(', ')} WHERE id = @id`,
            ),
            insert: db.prepare(
              `INSERT INTO training_record (${cols.map(q).join(', ')}) VALUES (${params.join(', ')})`,
            ),
          };
          cache.set(key, s);
        }
        return s;
      };
      return (action: 'updated' | 'deleted', id: string, before: Record<string, unknown>): void => {
        // A column added by a later migration is missing from an older before-image: it keeps its value.
        const cols = columns.filter((c) => Object.hasOwn(before, c) && (action === 'deleted' || c !== 'id'));
        const params: Record<string, unknown> = { id };
        cols.forEach((c, i) => (params[`c${i}`] = before[c]));
        const s = statements(cols);
        (action === 'updated' ? s.update : s.insert).run(params);
      };
    },

    markUndone(importId: string, at: string, by: string): void {
      db.prepare('UPDATE record_import SET undone_at = ?, undone_by = ? WHERE id = ?').run(at, by, importId);
    },
  };
}
