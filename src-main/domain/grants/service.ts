import type { CallOutput, ParsedInput } from '../../../shared/api/contract.js';
import type { GrantRow } from '../../../shared/api/schemas/grants.js';
import { canGrant } from '../../../shared/permissions/engine.js';
import { reachOf } from '../../../shared/permissions/scope.js';
import { AppError, conflict, forbidden, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { personTarget } from '../permissions/target-repo.js';
import { rolesRepo } from '../roles/repo.js';
import { grantsRepo, type GrantDbRow } from './repo.js';

const toRow = (g: GrantDbRow): GrantRow => ({
  id: g.id,
  personId: g.person_id,
  personName: g.person_name,
  email: g.email,
  roleId: g.role_id,
  roleName: g.role_name,
  rank: g.rank,
  unitId: g.unit_id,
  unitName: g.unit_name,
  unitPath: g.unit_path,
});

export function listGrants(input: ParsedInput<'grants.list'>, ctx: AuthedCtx): CallOutput<'grants.list'> {
  const { rows, total } = grantsRepo(ctx.db).page({
    ...input,
    reach: reachOf(ctx.actor.grants, 'people.view'),
    selfId: ctx.actor.id,
  });
  return { rows: rows.map(toRow), total };
}

/** The roles the actor may grant: at or below the rank of their own grants that carry grants.manage. */
export function grantableRoles(
  input: ParsedInput<'grants.grantable'>,
  ctx: AuthedCtx,
): CallOutput<'grants.grantable'> {
  if (input.personId === ctx.actor.id) return { roles: [] };
  const best = Math.max(
    0,
    ...ctx.actor.grants.filter((g) => g.privileges.has('grants.manage')).map((g) => g.rank),
  );
  return {
    roles: rolesRepo(ctx.db)
      .all()
      .filter((r) => r.rank <= best)
      .map((r) => ({ id: r.id, name: r.name, rank: r.rank, scope: r.scope })),
  };
}

/** Resolves and checks a grant change: the rank rules of 004, and never one's own grants. */
function checkChange(input: ParsedInput<'grants.add'>, ctx: AuthedCtx) {
  const role = rolesRepo(ctx.db).byId(input.roleId);
  if (!role)
    throw new AppError('invalid_input', 'There is no such role.', {
      details: [{ path: 'roleId', message: 'Unknown role' }],
    });
  const unit = unitFacts(ctx.db, input.unitId);
  if (!unit)
    throw new AppError('invalid_input', 'There is no such unit.', {
      details: [{ path: 'unitId', message: 'Unknown unit' }],
    });
  const person = personTarget(ctx.db, input.personId);
  if (!person) throw notFound('That person');
  const decision = canGrant(ctx.actor, role, unit, person, 'you');
  if (!decision.allowed) throw forbidden(decision.reason);
  return { role, unit, person };
}

export function addGrant(input: ParsedInput<'grants.add'>, ctx: AuthedCtx): CallOutput<'grants.add'> {
  const { role, unit, person } = checkChange(input, ctx);
  const repo = grantsRepo(ctx.db);
  if (repo.find(input.personId, input.roleId, input.unitId)) {
    throw conflict(`${person.name} is already ${role.name} at ${unit.name}.`);
  }
  const id = ctx.ids.uuid();
  repo.insert({ id, ...input });
  ctx.audit({
    targetIds: [person.id, unit.id],
    summary: `Granted ${role.name} at ${unit.name} to ${person.name}`,
    after: input,
  });
  const created = repo.find(input.personId, input.roleId, input.unitId);
  if (!created) throw notFound('The new grant');
  return toRow(created);
}

export function removeGrant(
  input: ParsedInput<'grants.remove'>,
  ctx: AuthedCtx,
): CallOutput<'grants.remove'> {
  const { role, unit, person } = checkChange(input, ctx);
  const repo = grantsRepo(ctx.db);
  const grant = repo.find(input.personId, input.roleId, input.unitId);
  if (!grant) throw notFound(`${person.name}'s ${role.name} role at ${unit.name}`);
  repo.delete(grant.id);
  // An organisation without an administrator could never be administered again.
  if (repo.rootAdministrators() === 0) {
    throw conflict(
      `${person.name} is the last administrator of the organisation; grant the role to someone else first.`,
    );
  }
  ctx.audit({
    targetIds: [person.id, unit.id],
    summary: `Removed ${role.name} at ${unit.name} from ${person.name}`,
    before: input,
  });
  return {};
}
