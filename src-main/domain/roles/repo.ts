import type { Scope } from '../../../shared/permissions/roles.js';
import type { Db } from '../../db/open.js';

export interface RoleDbRow {
  id: string;
  name: string;
  description: string | null;
  rank: number;
  scope: Scope;
  builtin: number;
  based_on: string | null;
  privileges: string | null;
  grant_count: number;
}

export function rolesRepo(db: Db) {
  const select = `SELECT r.*, (SELECT count(*) FROM grant_ g WHERE g.role_id = r.id) AS grant_count FROM role r`;
  return {
    all(): RoleDbRow[] {
      return db.prepare<[], RoleDbRow>(`${select} ORDER BY r.rank, r.builtin DESC, r.name`).all();
    },
    byId(id: string): RoleDbRow | undefined {
      return db.prepare<[string], RoleDbRow>(`${select} WHERE r.id = ?`).get(id);
    },
    byName(name: string): RoleDbRow | undefined {
      return db.prepare<[string], RoleDbRow>(`${select} WHERE r.name = ? COLLATE NOCASE`).get(name);
    },
    insertCustom(r: {
      id: string;
      name: string;
      description: string | null;
      rank: number;
      scope: Scope;
      basedOn: string | null;
      privileges: string[];
      now: string;
    }): void {
      db.prepare(
        `INSERT INTO role (id, name, description, rank, scope, builtin, based_on, privileges, created_at)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
      ).run(r.id, r.name, r.description, r.rank, r.scope, r.basedOn, JSON.stringify(r.privileges), r.now);
    },
    updateCustom(
      id: string,
      r: { name: string; description: string | null; scope: Scope; privileges: string[] },
    ): void {
      db.prepare(
        'UPDATE role SET name = ?, description = ?, scope = ?, privileges = ? WHERE id = ? AND builtin = 0',
      ).run(r.name, r.description, r.scope, JSON.stringify(r.privileges), id);
    },
    deleteCustom(id: string): void {
      db.prepare('DELETE FROM role WHERE id = ? AND builtin = 0').run(id);
    },
  };
}
