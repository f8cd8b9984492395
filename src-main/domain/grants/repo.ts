import type { Reach } from '../../../shared/permissions/scope.js';
import type { Db } from '../../db/open.js';
import { UNIT_PATHS_CTE } from '../org/unit-lookup-repo.js';
import { reachSql } from '../permissions/reach-sql.js';

export interface GrantDbRow {
  id: string;
  person_id: string;
  person_name: string;
  email: string;
  role_id: string;
  role_name: string;
  rank: number;
  unit_id: string;
  unit_name: string;
  unit_path: string;
}

const SELECT = `WITH RECURSIVE ${UNIT_PATHS_CTE}
  SELECT g.id, g.person_id, p.first_name || ' ' || p.last_name AS person_name, p.email,
         g.role_id, r.name AS role_name, r.rank, g.unit_id, u.name AS unit_name, up.path AS unit_path
  FROM grant_ g JOIN person p ON p.id = g.person_id JOIN role r ON r.id = g.role_id
  JOIN unit u ON u.id = g.unit_id JOIN unit_path up ON up.id = g.unit_id`;

export function grantsRepo(db: Db) {
  return {
    page(q: {
      reach: Reach;
      selfId: string;
      personId?: string | undefined;
      roleId?: string | undefined;
      unitId?: string | undefined;
      offset: number;
      limit: number;
    }) {
      const scope = reachSql(q.reach, q.selfId);
      const conds = [scope.sql];
      const params: Record<string, unknown> = { ...scope.params, limit: q.limit, offset: q.offset };
      for (const [col, key] of [
        ['g.person_id', 'personId'],
        ['g.role_id', 'roleId'],
        ['g.unit_id', 'unitId'],
      ] as const) {
        if (q[key]) {
          conds.push(`${col} = @${key}`);
          params[key] = q[key];
        }
      }
      const where = conds.join(' AND ');
      const rows = db
        .prepare<Record<string, unknown>, GrantDbRow>(
          `${SELECT} WHERE ${where} ORDER BY p.last_name, p.first_name, r.rank DESC, up.path LIMIT @limit OFFSET @offset`,
        )
        .all(params);
      const total =
        db
          .prepare<Record<string, unknown>, { n: number }>(
            `SELECT count(*) AS n FROM grant_ g JOIN person p ON p.id = g.person_id WHERE ${where}`,
          )
          .get(params)?.n ?? 0;
      return { rows, total };
    },
    find(personId: string, roleId: string, unitId: string): GrantDbRow | undefined {
      return db
        .prepare<[string, string, string], GrantDbRow>(
          `${SELECT} WHERE g.person_id = ? AND g.role_id = ? AND g.unit_id = ?`,
        )
        .get(personId, roleId, unitId);
    },
    insert(g: { id: string; personId: string; roleId: string; unitId: string }): void {
      db.prepare('INSERT INTO grant_ (id, person_id, role_id, unit_id) VALUES (?, ?, ?, ?)').run(
        g.id,
        g.personId,
        g.roleId,
        g.unitId,
      );
    },
    delete(id: string): void {
      db.prepare('DELETE FROM grant_ WHERE id = ?').run(id);
    },
    /** Active administrators at the organisation root, to keep at least one. */
    rootAdministrators(): number {
      return (
        db
          .prepare<[], { n: number }>(
            `SELECT count(DISTINCT g.person_id) AS n FROM grant_ g JOIN person p ON p.id = g.person_id
             JOIN unit u ON u.id = g.unit_id
             WHERE u.parent_id IS NULL AND p.status = 'active' AND g.role_id IN ('master-admin', 'organisation-admin')`,
          )
          .get()?.n ?? 0
      );
    },
  };
}
