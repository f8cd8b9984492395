import type { RoleRow } from '../../../shared/api/schemas/roles';
import type { SessionUser } from '../../../shared/api/schemas/auth';

export type Scope = RoleRow['scope'];
export const SCOPES: readonly Scope[] = [
  'self',
  'unit',
  'subtree',
  'organisation',
  'organisation_and_clients',
];

/** What the signed-in person could put into a role: the server refuses anything beyond it. */
export interface ActorLimits {
  rank: number;
  widestScope: number;
  privileges: ReadonlySet<string>;
  /** Roles they hold through an explicit grant: nobody may change those. */
  heldRoleIds: ReadonlySet<string>;
}

export function actorLimits(user: SessionUser, roles: readonly RoleRow[]): ActorLimits {
  const held = roles.filter((r) => user.roles.some((g) => g.roleId === r.id));
  return {
    rank: Math.max(0, ...held.map((r) => r.rank)),
    widestScope: Math.max(0, ...held.map((r) => SCOPES.indexOf(r.scope))),
    privileges: new Set(user.privileges),
    heldRoleIds: new Set(held.map((r) => r.id)),
  };
}

/** Whether copying this role would stay within the actor's own powers. */
export const canCopy = (role: RoleRow, limits: ActorLimits): boolean =>
  role.rank <= limits.rank &&
  SCOPES.indexOf(role.scope) <= limits.widestScope &&
  role.privileges.every((p) => limits.privileges.has(p));
