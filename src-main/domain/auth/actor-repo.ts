import type { EngineGrant } from '../../../shared/permissions/engine.js';
import { isPrivilege, type Privilege } from '../../../shared/permissions/privileges.js';
import { builtinRole, type Scope } from '../../../shared/permissions/roles.js';
import type { Actor } from '../../app/context.js';
import type { Db } from '../../db/open.js';
import { unitFacts } from '../org/unit-facts-repo.js';

interface GrantRow {
  role_id: string;
  role_name: string;
  rank: number;
  scope: Scope;
  builtin: number;
  privileges: string | null;
  unit_id: string;
}

export function rolePrivileges(r: {
  role_id: string;
  builtin: number;
  privileges: string | null;
}): Set<Privilege> {
  if (r.builtin) return new Set(builtinRole(r.role_id)?.privileges ?? []);
  const names = JSON.parse(r.privileges ?? '[]') as string[];
  return new Set(names.filter(isPrivilege));
}

/**
 * A person's grants as the engine sees them: the explicit ones, Member at their
 * home unit (every active person is one), and Member at every unit above an
 * explicit grant (`001_*`: access to a child site gives Member on its parents,
 * never the reverse).
 */
export function loadGrants(db: Db, personId: string, homeUnitId: string): EngineGrant[] {
  const rows = db
    .prepare<[string], GrantRow>(
      `SELECT g.role_id, r.name AS role_name, r.rank, r.scope, r.builtin, r.privileges, g.unit_id
       FROM grant_ g JOIN role r ON r.id = g.role_id WHERE g.person_id = ? ORDER BY r.rank DESC`,
    )
    .all(personId);
  const member = db
    .prepare<[], GrantRow>(
      "SELECT id AS role_id, name AS role_name, rank, scope, builtin, privileges, '' AS unit_id FROM role WHERE id = 'member'",
    )
    .get();
  const grants: EngineGrant[] = [];
  const facts = new Map<string, ReturnType<typeof unitFacts>>();
  const factsOf = (id: string) => {
    if (!facts.has(id)) facts.set(id, unitFacts(db, id));
    return facts.get(id);
  };
  for (const r of rows) {
    const unit = factsOf(r.unit_id);
    if (!unit) continue;
    grants.push({
      roleId: r.role_id,
      roleName: r.role_name,
      rank: r.rank,
      scope: r.scope,
      unit,
      privileges: rolePrivileges(r),
    });
  }
  if (member) {
    const asMember = (unitId: string, implied: 'home-unit' | 'ancestor') => {
      const unit = factsOf(unitId);
      if (!unit || grants.some((g) => g.roleId === 'member' && g.unit.id === unitId)) return;
      grants.push({
        roleId: member.role_id,
        roleName: member.role_name,
        rank: member.rank,
        scope: member.scope,
        unit,
        privileges: rolePrivileges(member),
        implied,
      });
    };
    asMember(homeUnitId, 'home-unit');
    for (const g of [...grants]) for (const a of g.unit.ancestors) asMember(a.id, 'ancestor');
  }
  return grants;
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
  const grants = loadGrants(db, p.id, p.unit_id);
  return {
    id: p.id,
    email: p.email,
    firstName: p.first_name,
    lastName: p.last_name,
    unitId: p.unit_id,
    grants,
    privileges: new Set<Privilege>(grants.flatMap((g) => [...g.privileges])),
  };
}
