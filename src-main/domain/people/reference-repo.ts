import type { Db } from '../../db/open.js';
import { UNIT_PATHS_CTE } from '../org/unit-lookup-repo.js';

export interface UnitEntry {
  id: string;
  code: string | null;
  name: string;
  kind: string;
  parent_id: string | null;
  archived_at: string | null;
  path: string;
}

export interface NamedEntry {
  id: string;
  name: string;
}

/** What people rows point at: units (with their paths), departments and job titles. */
export function referenceRepo(db: Db) {
  return {
    /** The whole tree with paths: trees are small, and an import resolves every row against it. */
    units(): UnitEntry[] {
      return db
        .prepare<[], UnitEntry>(
          `WITH RECURSIVE ${UNIT_PATHS_CTE}
           SELECT u.id, u.code, u.name, u.kind, u.parent_id, u.archived_at, up.path
           FROM unit u JOIN unit_path up ON up.id = u.id`,
        )
        .all();
    },

    unit(id: string): UnitEntry | undefined {
      return db
        .prepare<[string], UnitEntry>(
          `WITH RECURSIVE ${UNIT_PATHS_CTE}
           SELECT u.id, u.code, u.name, u.kind, u.parent_id, u.archived_at, up.path
           FROM unit u JOIN unit_path up ON up.id = u.id WHERE u.id = ?`,
        )
        .get(id);
    },

    named(table: 'department' | 'job_title', id: string): NamedEntry | undefined {
      return db.prepare<[string], NamedEntry>(`SELECT id, name FROM ${table} WHERE id = ?`).get(id);
    },

    allNamed(table: 'department' | 'job_title'): NamedEntry[] {
      return db.prepare<[], NamedEntry>(`SELECT id, name FROM ${table}`).all();
    },

    insertNamed(table: 'department' | 'job_title', id: string, name: string): void {
      db.prepare(`INSERT INTO ${table} (id, name) VALUES (?, ?)`).run(id, name);
    },
  };
}
