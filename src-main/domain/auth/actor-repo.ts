import { isPrivilege, type Privilege } from '../../../shared/permissions/privileges.js';
import { builtinRole, type Scope } from '../../../shared/permissions/roles.js';
import type { Actor } from '../../app/context.js';
import type { Db } from '../../db/open.js';

interface GrantRow {
  role_id: string;
  role_name: string;
  rank: number;
  scope: Scope;
  builtin: number;
  privileges: string | null;
  unit_id: string;
  unit_name: string;
}

function rolePrivileges(r: GrantRow): Set<Privilege> {
  if (r.builtin) return new Set(builtinRole(r.role_id)?.privileges ?? []);
  const names = JSON.parse(r.privileges ?? '[]') as string[];
  return new Set(names.filter(isPrivilege));
}

/** Loads a person with their grants as the actor of a call; null if they do not exist or have left. */
export function loadActor(db: Db, personId: string): Actor | null {
  const p = db
    .prepare<
      [string],
      { id: string; email: string; first_name: string; last_name: string; unit_id: string; status: string }
    >('SELECT id, email, first_name, last_name, unit_id, status FROM person WHERE id = ?')
    .get(personId);
  if (!p || p.status !== 'active') return null;
  const rows = db
    .prepare<[string], GrantRow>(
      `SELECT g.role_id, r.name AS role_name, r.rank, r.scope, r.builtin, r.privileges, g.unit_id, u.name AS unit_name
       FROM grant_ g JOIN role r ON r.id = g.role_id JOIN unit u ON u.id = g.unit_id
       WHERE g.person_id = ? ORDER BY r.rank DESC, u.name`,
    )
    .all(personId);
  const grants = rows.map((r) => ({
    roleId: r.role_id,
    roleName: r.role_name,
    rank: r.rank,
    scope: r.scope,
    unitId: r.unit_id,
    unitName: r.unit_name,
    privileges: rolePrivileges(r),
  }));
  const privileges = new Set<Privilege>(grants.flatMap((g) => [...g.privileges]));
  return {
    id: p.id,
    email: p.email,
    firstName: p.first_name,
    lastName: p.last_name,
    unitId: p.unit_id,
    grants,
    privileges,
  };
}
