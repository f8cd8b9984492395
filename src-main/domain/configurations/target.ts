import type { TargetType } from '../../../shared/api/schemas/configurations.js';
import { can, type UnitFacts } from '../../../shared/permissions/engine.js';
import type { Privilege } from '../../../shared/permissions/privileges.js';
import { AppError, notFound } from '../../app/app-error.js';
import type { AuthedCtx } from '../../app/context.js';
import { unitFacts } from '../org/unit-facts-repo.js';
import { personTarget } from '../permissions/target-repo.js';
import { requireReach } from '../units/require-reach.js';
import { configRepo, type ConfigDbRow } from './config-repo.js';

const noTarget = (message: string) =>
  new AppError('invalid_input', message, { details: [{ path: 'targetId', message }] });

/** A unit's path from the root: "Norrland Mining / Norr / Umeå". */
export const unitPath = (f: UnitFacts): string =>
  [...f.ancestors]
    .reverse()
    .map((u) => u.name)
    .concat(f.name)
    .join(' / ');

/**
 * What a target is called and which unit owns a configuration for it, once the
 * actor is known to hold assignments.manage over it: a person through the
 * permission engine's person rules, a unit (and so its subtree) by reach, a
 * group through its owner unit (a group is its owner's to assign to).
 */
export function resolveTarget(
  ctx: AuthedCtx,
  type: TargetType,
  id: string,
): { name: string; ownerUnitId: string } {
  const privilege: Privilege = 'assignments.manage';
  const repo = configRepo(ctx.db);
  if (type === 'person') {
    const t = personTarget(ctx.db, id);
    if (!t) throw noTarget('There is no such person.');
    const d = can(ctx.actor, privilege, t, 'you');
    if (!d.allowed) throw new AppError('forbidden', d.reason);
    return { name: t.name, ownerUnitId: t.unit.id };
  }
  if (type === 'unit') {
    const f = unitFacts(ctx.db, id);
    if (!f) throw noTarget('There is no such unit.');
    requireReach(ctx.actor, privilege, f);
    if (repo.unitArchived(id)) throw noTarget(`${f.name} is archived: choose an open unit.`);
    return { name: unitPath(f), ownerUnitId: f.id };
  }
  const g = repo.group(id);
  const owner = g && unitFacts(ctx.db, g.owner_unit_id);
  if (!g || !owner) throw noTarget('There is no such group.');
  requireReach(ctx.actor, privilege, owner);
  // A static group may hold people from anywhere (picked by someone with a wider
  // scope, or moved since): owning the group is not enough to require training of them.
  const outside = repo
    .groupMemberIds(id)
    .map((pid) => personTarget(ctx.db, pid))
    .filter((t) => t && !can(ctx.actor, privilege, t).allowed)
    .map((t) => t?.name ?? '');
  if (outside.length) {
    const named =
      outside.slice(0, 5).join(', ') + (outside.length > 5 ? ` and ${outside.length - 5} more` : '');
    throw new AppError(
      'forbidden',
      `You cannot assign training to everyone in ${g.name}: ${named} ${outside.length === 1 ? 'is' : 'are'} outside your scope.`,
    );
  }
  return { name: g.name, ownerUnitId: owner.id };
}

/**
 * Before changing what a person or group target must do, check the target again:
 * the person may have moved out of the actor's scope since the configuration was
 * made, or the group gained members from elsewhere.
 */
export function recheckTarget(ctx: AuthedCtx, c: ConfigDbRow): void {
  if (c.target_type !== 'unit') resolveTarget(ctx, c.target_type, c.target_id);
}

/** A configuration the actor may see or change (their reach covers its owner unit), or an error. */
export function reachableConfiguration(
  ctx: AuthedCtx,
  id: string,
  privilege: 'compliance.view' | 'assignments.manage',
): ConfigDbRow {
  const c = configRepo(ctx.db).byId(id);
  const owner = c && unitFacts(ctx.db, c.owner_unit_id);
  if (!c || !owner) throw notFound('That training configuration');
  requireReach(ctx.actor, privilege, owner);
  return c;
}

/** Whether the actor may change a configuration (for the detail's canManage). */
export function mayManage(ctx: AuthedCtx, c: ConfigDbRow): boolean {
  const owner = unitFacts(ctx.db, c.owner_unit_id);
  if (!owner || !can(ctx.actor, 'assignments.manage', { kind: 'unit', unit: owner }).allowed) return false;
  try {
    recheckTarget(ctx, c);
    return true;
  } catch {
    return false;
  }
}
