import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { RoleRow } from '../../../shared/api/schemas/roles.js';
import { rankOf } from '../../../shared/permissions/engine.js';
import {
  isPrivilege,
  PRIVILEGE_GROUPS,
  PRIVILEGE_INFO,
  PRIVILEGES,
} from '../../../shared/permissions/privileges.js';
import type { Scope } from '../../../shared/permissions/roles.js';
import { AppError, conflict, forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx, Ctx } from '../../app/context.js';
import { rolePrivileges } from '../auth/actor-repo.js';
import { rolesRepo, type RoleDbRow } from './repo.js';

const SCOPE_ORDER: Scope[] = ['self', 'unit', 'subtree', 'organisation', 'organisation_and_clients'];

export function toRoleRow(r: RoleDbRow): RoleRow {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    rank: r.rank,
    scope: r.scope,
    builtin: r.builtin === 1,
    basedOn: r.based_on,
    privileges: [...rolePrivileges({ role_id: r.id, builtin: r.builtin, privileges: r.privileges })].sort(),
    grantCount: r.grant_count,
  };
}

export function privilegeCatalog(): CallOutput<'roles.privileges'> {
  return {
    groups: [...PRIVILEGE_GROUPS],
    privileges: PRIVILEGES.map((name) => ({ name, ...PRIVILEGE_INFO[name] })),
  };
}

export function listRoles(_input: ParsedInput<'roles.list'>, ctx: Ctx): CallOutput<'roles.list'> {
  return { roles: rolesRepo(ctx.db).all().map(toRoleRow) };
}

/**
 * Nobody makes a role with powers they lack themselves, or ranked or reaching
 * above their own: otherwise copying and granting would widen their access.
 */
function checkWithinOwnPowers(
  ctx: AuthedCtx,
  privileges: readonly string[],
  scope: Scope,
  rank: number,
): void {
  const unknown = privileges.filter((p) => !isPrivilege(p));
  if (unknown.length) {
    throw new AppError('invalid_input', `Unknown privilege: ${unknown.join(', ')}.`, {
      details: [{ path: 'privileges', message: `Unknown privilege: ${unknown.join(', ')}` }],
    });
  }
  const lacking = privileges.filter((p) => isPrivilege(p) && !ctx.actor.privileges.has(p));
  if (lacking.length) {
    throw forbidden(`You cannot give a role privileges you do not have yourself: ${lacking.join(', ')}.`);
  }
  const widest = Math.max(...ctx.actor.grants.map((g) => SCOPE_ORDER.indexOf(g.scope)));
  if (SCOPE_ORDER.indexOf(scope) > widest)
    throw forbidden('You cannot give a role a wider scope than your own.');
  if (rank > rankOf(ctx.actor.grants)) throw forbidden('You cannot copy a role ranked above your own.');
}

export function copyRole(input: ParsedInput<'roles.copy'>, ctx: AuthedCtx): CallOutput<'roles.copy'> {
  const roles = rolesRepo(ctx.db);
  const from = roles.byId(input.fromId);
  if (!from) throw notFound('That role');
  if (roles.byName(input.name)) throw conflict(`A role named “${input.name}” already exists.`);
  const source = toRoleRow(from);
  checkWithinOwnPowers(ctx, source.privileges, source.scope, source.rank);
  const id = ctx.ids.uuid();
  roles.insertCustom({
    id,
    name: input.name,
    description: input.description ?? source.description,
    rank: source.rank,
    scope: source.scope,
    basedOn: source.builtin ? source.id : source.basedOn,
    privileges: source.privileges,
    now: ctx.clock.now().toISOString(),
  });
  ctx.audit({
    targetIds: [id],
    summary: `Copied role ${source.name} to ${input.name}`,
    after: { privileges: source.privileges },
  });
  const created = roles.byId(id);
  if (!created) throw notFound('The new role');
  return toRoleRow(created);
}

function customRole(ctx: AuthedCtx, id: string): RoleRow {
  const row = rolesRepo(ctx.db).byId(id);
  if (!row) throw notFound('That role');
  const role = toRoleRow(row);
  if (role.builtin)
    throw forbidden(`${role.name} is a built-in role and cannot change; copy it to make your own.`);
  if (ctx.actor.grants.some((g) => g.roleId === id && !g.implied)) {
    throw forbidden(
      `You hold ${role.name} yourself, so you cannot change it (nobody can widen their own access).`,
    );
  }
  return role;
}

export function updateRole(input: ParsedInput<'roles.update'>, ctx: AuthedCtx): CallOutput<'roles.update'> {
  const roles = rolesRepo(ctx.db);
  const before = customRole(ctx, input.id);
  const name = input.name ?? before.name;
  const other = roles.byName(name);
  if (other && other.id !== before.id) throw conflict(`A role named “${name}” already exists.`);
  const privileges = [...new Set(input.privileges ?? before.privileges)].sort();
  const scope = input.scope ?? before.scope;
  checkWithinOwnPowers(ctx, privileges, scope, before.rank);
  const description = input.description === undefined ? before.description : input.description;
  roles.updateCustom(before.id, { name, description, scope, privileges });
  const after = toRoleRow(roles.byId(before.id) as RoleDbRow);
  ctx.audit({
    targetIds: [before.id],
    summary: `Changed role ${name}`,
    before: { name: before.name, scope: before.scope, privileges: before.privileges },
    after: { name, scope, privileges },
  });
  return after;
}

export function deleteRole(input: ParsedInput<'roles.delete'>, ctx: AuthedCtx): CallOutput<'roles.delete'> {
  const role = customRole(ctx, input.id);
  if (role.grantCount > 0) {
    throw conflict(
      `${role.name} is held by ${role.grantCount} ${role.grantCount === 1 ? 'grant' : 'grants'}; remove those first.`,
    );
  }
  rolesRepo(ctx.db).deleteCustom(role.id);
  ctx.audit({ targetIds: [role.id], summary: `Deleted role ${role.name}`, before: role });
  return {};
}
